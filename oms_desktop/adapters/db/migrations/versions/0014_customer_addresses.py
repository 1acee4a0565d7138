"""customers keep several delivery addresses (issue 15)

Revision ID: 0014
Revises: 0013

New table ``customer_addresses``: the delivery addresses a customer keeps besides the shipping address on the customer
itself, each with a short label ("Office", "Mother"). Orders copy the one they go to into ``orders.ship_to`` (0013),
so an address removed later changes no order.
"""
from alembic import op
import sqlalchemy as sa

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table('customer_addresses',
    sa.Column('id', ID, nullable=False),
    sa.Column('customer_id', ID, nullable=False),
    sa.Column('label', sa.String(length=60), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_addresses_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_addresses'))
    )
    op.create_index(op.f('ix_customer_addresses_customer_id'), 'customer_addresses', ['customer_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_customer_addresses_customer_id'), table_name='customer_addresses')
    op.drop_table('customer_addresses')
