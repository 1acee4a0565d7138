"""the user's language for the screens (issue 19)

Revision ID: 0026
Revises: 0025

One nullable column on ``users``: ``language`` (a code of ``domain/languages.LANGUAGES``, e.g. ``de``); NULL, as for
every existing user, means the language of the company's locale.
"""
from alembic import op
import sqlalchemy as sa

revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ALTER TABLE ... ADD COLUMN on both: users is not rebuilt (the audit log, orders and events refer to it)
    op.add_column('users', sa.Column('language', sa.String(length=8), nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN on both (SQLite >= 3.35), as 0021 does
    op.execute("ALTER TABLE users DROP COLUMN language")
