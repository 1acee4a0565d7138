"""the outbox of order e-mails and the customers' mail choices (issue 15)

Revision ID: 0012
Revises: 0011

New table: ``outbox`` (one row per e-mail, written in the transaction of the change that causes it: its kind, order,
recipient, a Message-ID fixed at insert, the change's facts as JSON, and its delivery state: status, attempts, next
attempt, the sender's claim, the last error). New columns: ``customers.mail_opt_out`` (no order e-mails at all) and
``customers.invoice_by_mail`` (the invoice PDF attached when issued), both false for existing customers. Columns are
added with ALTER TABLE, so no table is rebuilt and earlier triggers stay.
"""
from alembic import op
import sqlalchemy as sa

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table('outbox',
    sa.Column('id', ID, nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('recipient', sa.String(length=254), nullable=False),
    sa.Column('message_id', sa.String(length=120), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('claim_token', sa.String(length=32), nullable=False),
    sa.Column('claimed_by', sa.String(length=200), nullable=False),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'claimed', 'sending', 'sent', 'failed')",
                       name=op.f('ck_outbox_status_known')),
    sa.CheckConstraint('attempts >= 0', name=op.f('ck_outbox_attempts_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('message_id', name=op.f('uq_outbox_message_id'))
    )
    op.create_index('ix_outbox_due', 'outbox', ['status', 'next_attempt_at'], unique=False)
    op.create_index(op.f('ix_outbox_order_id'), 'outbox', ['order_id'], unique=False)
    op.add_column('customers', sa.Column('mail_opt_out', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('customers', sa.Column('invoice_by_mail', sa.Boolean(), server_default=sa.false(),
                                         nullable=False))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN on both (SQLite >= 3.35): the table is not rebuilt, so its triggers stay
    op.execute("ALTER TABLE customers DROP COLUMN invoice_by_mail")
    op.execute("ALTER TABLE customers DROP COLUMN mail_opt_out")
    op.drop_index(op.f('ix_outbox_order_id'), table_name='outbox')
    op.drop_index('ix_outbox_due', table_name='outbox')
    op.drop_table('outbox')
