"""duplicate customers merged into one (issue 16): customers.merged_into_id

Revision ID: 0018
Revises: 0017

A merge moves the duplicate's orders, carts, phones, addresses and coupons to the customer kept
(``CustomerService.merge_customers``); the duplicate's row stays, because issued invoices keep their buyer as it was
(they are immutable, 0004) and may name it, and it points to the customer kept, so its number still finds them.
The column is added with ALTER TABLE (no table rebuild on SQLite).
"""
from alembic import op
import sqlalchemy as sa

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE customers ADD COLUMN merged_into_id INTEGER REFERENCES customers (id)")
    else:
        op.add_column('customers', sa.Column('merged_into_id', ID, nullable=True))
        op.create_foreign_key(op.f('fk_customers_merged_into_id_customers'), 'customers', 'customers',
                              ['merged_into_id'], ['id'])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE customers DROP COLUMN merged_into_id")
    else:
        op.drop_constraint(op.f('fk_customers_merged_into_id_customers'), 'customers', type_='foreignkey')
        op.drop_column('customers', 'merged_into_id')
