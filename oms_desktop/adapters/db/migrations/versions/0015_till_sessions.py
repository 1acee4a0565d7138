"""till sessions at the counter (issue 16): till_sessions, till_movements, payments.till_session_id

Revision ID: 0015
Revises: 0014

A till session opens with a float and closes with what was counted per method (cash, card); ``till_movements`` holds
the cash put in or taken out with its reason. At most one open session per till: a partial unique index on
``till WHERE closed_at IS NULL`` (SQLite and PostgreSQL both have them). A payment taken through an open till names
its session (``payments.till_session_id``, NULL for everything else and for every payment before this migration);
the column is added with ALTER TABLE, so the payments table is not rebuilt and its immutability triggers (0004) stay.
"""
from alembic import op
import sqlalchemy as sa

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
MINOR = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table('till_sessions',
    sa.Column('id', ID, nullable=False),
    sa.Column('till', sa.String(length=40), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('float_minor', MINOR, nullable=False),
    sa.Column('opened_by', ID, nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_by', ID, nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('expected_cash_minor', MINOR, nullable=True),
    sa.Column('counted_cash_minor', MINOR, nullable=True),
    sa.Column('expected_card_minor', MINOR, nullable=True),
    sa.Column('counted_card_minor', MINOR, nullable=True),
    sa.Column('difference_minor', MINOR, nullable=True),
    sa.Column('close_entry_id', ID, nullable=True),
    sa.CheckConstraint('float_minor >= 0', name=op.f('ck_till_sessions_float_not_negative')),
    sa.ForeignKeyConstraint(['opened_by'], ['users.id'], name=op.f('fk_till_sessions_opened_by_users')),
    sa.ForeignKeyConstraint(['closed_by'], ['users.id'], name=op.f('fk_till_sessions_closed_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_till_sessions'))
    )
    op.create_index('ux_till_sessions_open_till', 'till_sessions', ['till'], unique=True,
                    sqlite_where=sa.text('closed_at IS NULL'), postgresql_where=sa.text('closed_at IS NULL'))
    op.create_index('ix_till_sessions_opened_at', 'till_sessions', ['opened_at'], unique=False)
    op.create_table('till_movements',
    sa.Column('id', ID, nullable=False),
    sa.Column('session_id', ID, nullable=False),
    sa.Column('kind', sa.String(length=3), nullable=False),
    sa.Column('amount_minor', MINOR, nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('user_id', ID, nullable=True),
    sa.Column('moved_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('entry_id', ID, nullable=True),
    sa.CheckConstraint('amount_minor > 0', name=op.f('ck_till_movements_amount_positive')),
    sa.CheckConstraint("kind IN ('in', 'out')", name=op.f('ck_till_movements_kind_known')),
    sa.ForeignKeyConstraint(['session_id'], ['till_sessions.id'], name=op.f('fk_till_movements_session_id_till_sessions')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_till_movements_user_id_users')),
    sa.ForeignKeyConstraint(['entry_id'], ['ledger_entries.id'], name=op.f('fk_till_movements_entry_id_ledger_entries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_till_movements'))
    )
    op.create_index(op.f('ix_till_movements_session_id'), 'till_movements', ['session_id'], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with an inline REFERENCES (no table rebuild: the payments triggers stay)
        op.execute("ALTER TABLE payments ADD COLUMN till_session_id INTEGER "
                   "REFERENCES till_sessions (id)")
    else:
        op.add_column('payments', sa.Column('till_session_id', ID, nullable=True))
        op.create_foreign_key(op.f('fk_payments_till_session_id_till_sessions'), 'payments', 'till_sessions',
                              ['till_session_id'], ['id'])
    op.create_index(op.f('ix_payments_till_session_id'), 'payments', ['till_session_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_payments_till_session_id'), table_name='payments')
    if op.get_bind().dialect.name == "sqlite":
        # dropped in place (SQLite 3.35+): a rebuild of payments would fail on the journal's references to it
        # with foreign keys on, and would drop its 0004 triggers
        op.execute("ALTER TABLE payments DROP COLUMN till_session_id")
    else:
        op.drop_constraint(op.f('fk_payments_till_session_id_till_sessions'), 'payments', type_='foreignkey')
        op.drop_column('payments', 'till_session_id')
    op.drop_index(op.f('ix_till_movements_session_id'), table_name='till_movements')
    op.drop_table('till_movements')
    op.drop_index('ix_till_sessions_opened_at', table_name='till_sessions')
    op.drop_index('ux_till_sessions_open_till', table_name='till_sessions')
    op.drop_table('till_sessions')
