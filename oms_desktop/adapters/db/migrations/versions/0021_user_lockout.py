"""sign-in lockout of users (issue 19)

Revision ID: 0021
Revises: 0019

Two columns on ``users``: ``failed_logins`` (failed sign-ins in a row, back to 0 on success or an unlock) and
``locked_until`` (no sign-in before then; NULL: not locked). Existing users start unlocked with no failures.
"""
from alembic import op
import sqlalchemy as sa

revision = '0021'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('failed_logins', sa.Integer(), nullable=False, server_default='0'))
        batch.add_column(sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users') as batch:
        batch.drop_column('locked_until')
        batch.drop_column('failed_logins')
