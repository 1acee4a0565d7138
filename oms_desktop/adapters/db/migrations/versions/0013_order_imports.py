"""orders from the web shop and the mail catalog: the shop's order number and the ship-to address (issue 15)

Revision ID: 0013
Revises: 0012

New columns: ``orders.external_ref`` (the shop's own order number, e.g. Shopify's ``#1001``; unique per channel, so
importing the same export again finds every order already there and creates nothing) and ``orders.ship_to`` (the
delivery address as it was when the order was taken: a snapshot, so a customer who moves later does not move the
parcels already sent). Added with ALTER TABLE, so no table is rebuilt and the triggers of 0004-0009 stay.
"""
from alembic import op
import sqlalchemy as sa

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('orders', sa.Column('external_ref', sa.String(length=64), nullable=True))
    op.add_column('orders', sa.Column('ship_to', sa.Text(), server_default='', nullable=False))
    # NULLs are distinct in a unique index on both databases: orders taken here carry none and never clash.
    op.create_index('ux_orders_channel_external_ref', 'orders', ['channel', 'external_ref'], unique=True)


def downgrade() -> None:
    op.drop_index('ux_orders_channel_external_ref', table_name='orders')
    # ALTER TABLE ... DROP COLUMN on both (SQLite >= 3.35): orders is not rebuilt, its triggers and the foreign keys
    # that point at it stay
    for column in ("ship_to", "external_ref"):
        op.execute(f"ALTER TABLE orders DROP COLUMN {column}")
