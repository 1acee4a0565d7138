"""customer language: the language a customer's documents print in (issue 19)

Revision ID: 0027
Revises: 0025

New nullable column ``customers.language`` (ISO 639-1, e.g. ``de``): the invoices, credit notes, receipts and
packing slips of the customer print their wording in it; NULL (every existing customer) prints in the language of
the company's locale, as before. Nothing else changes.
"""
from alembic import op
import sqlalchemy as sa

revision = '0027'
down_revision = '0025'
branch_labels = None
depends_on = None


# Plain ALTER TABLE on both databases: a batch (copy-and-move) on SQLite would drop the customers table's triggers.
def upgrade() -> None:
    op.add_column('customers', sa.Column('language', sa.String(length=8), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE customers DROP COLUMN language")
    else:
        op.drop_column('customers', 'language')
