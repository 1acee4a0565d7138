"""customer language: the language a customer's documents print in (issue 19)

Revision ID: 0027
Revises: 0026

New nullable column ``customers.language`` (ISO 639-1, e.g. ``de``): the invoices, credit notes, receipts and
packing slips of the customer print their wording in it; NULL (every existing customer) prints in the language of
the company's locale. And ``invoices.language``: the language an invoice or credit note was issued in, kept with it
like its seller and buyer, so it renders the same whenever it is first rendered (NULL: the company locale's, for
every invoice issued before). Nothing else changes.
"""
from alembic import op
import sqlalchemy as sa

revision = '0027'
down_revision = '0026'
branch_labels = None
depends_on = None


# Plain ALTER TABLE on both databases: a batch (copy-and-move) on SQLite would drop the customers table's triggers.
TABLES = ('customers', 'invoices')


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column('language', sa.String(length=8), nullable=True))


def downgrade() -> None:
    for table in reversed(TABLES):
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"ALTER TABLE {table} DROP COLUMN language")
        else:
            op.drop_column(table, 'language')
