"""sign-in lockout of users (issue 19)

Revision ID: 0021
Revises: 0020

Two columns on ``users``: ``failed_logins`` (failed sign-ins in a row, back to 0 on success or an unlock) and
``locked_until`` (no sign-in before then; NULL: not locked). Existing users start unlocked with no failures.
"""
from alembic import op
import sqlalchemy as sa

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ALTER TABLE ... ADD COLUMN on both: users is not rebuilt (the audit log, orders and events refer to it)
    op.add_column('users', sa.Column('failed_logins', sa.Integer(), nullable=False, server_default='0'))
    op.add_column('users', sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN on both (SQLite >= 3.35), as 0012 does: rebuilding users would fail on the foreign
    # keys that refer to it
    op.execute("ALTER TABLE users DROP COLUMN locked_until")
    op.execute("ALTER TABLE users DROP COLUMN failed_logins")
