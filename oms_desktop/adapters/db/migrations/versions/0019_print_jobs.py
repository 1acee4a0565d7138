"""print jobs for the counter's receipt printer (issue 17)

Revision ID: 0019
Revises: 0018

New table: ``print_jobs`` (one row per receipt to print, written in the transaction of the payment that asks for
it, or by ``oms receipt print``: its kind, order, the facts of that moment as JSON, and its delivery state: status,
attempts, the sender's claim, where it printed, the last error). Nothing existing changes.
"""
from alembic import op
import sqlalchemy as sa

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table('print_jobs',
    sa.Column('id', ID, nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('claim_token', sa.String(length=32), nullable=False),
    sa.Column('claimed_by', sa.String(length=200), nullable=False),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('printer', sa.String(length=600), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('printed_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'printing', 'printed', 'failed')",
                       name=op.f('ck_print_jobs_status_known')),
    sa.CheckConstraint('attempts >= 0', name=op.f('ck_print_jobs_attempts_not_negative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_print_jobs'))
    )
    op.create_index('ix_print_jobs_status', 'print_jobs', ['status', 'id'], unique=False)
    op.create_index(op.f('ix_print_jobs_order_id'), 'print_jobs', ['order_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_print_jobs_order_id'), table_name='print_jobs')
    op.drop_index('ix_print_jobs_status', table_name='print_jobs')
    op.drop_table('print_jobs')
