"""warehouse tables: pick_lists, pick_list_orders, pick_lines, shipments, shipment_lines, backorders, returns

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table('pick_lists',
    sa.Column('id', ID, nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_by', ID, nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('picked_by', ID, nullable=True),
    sa.Column('picked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_pick_lists_created_by_users')),
    sa.ForeignKeyConstraint(['picked_by'], ['users.id'], name=op.f('fk_pick_lists_picked_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pick_lists'))
    )
    op.create_table('backorders',
    sa.Column('id', ID, nullable=False),
    sa.Column('order_id', ID, nullable=False),
    sa.Column('product_id', ID, nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('quantity >= 0', name=op.f('ck_backorders_quantity_not_negative')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_backorders_order_id_orders')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_backorders_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_backorders'))
    )
    with op.batch_alter_table('backorders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_backorders_order_id'), ['order_id'], unique=False)
        batch_op.create_index('ix_backorders_status', ['status', 'order_id'], unique=False)

    op.create_table('pick_lines',
    sa.Column('id', ID, nullable=False),
    sa.Column('pick_list_id', ID, nullable=False),
    sa.Column('order_id', ID, nullable=False),
    sa.Column('product_id', ID, nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('location', sa.String(length=64), nullable=False),
    sa.Column('barcode', sa.String(length=64), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('picked', sa.Integer(), nullable=True),
    sa.Column('short_reason', sa.String(length=200), nullable=False),
    sa.CheckConstraint('picked IS NULL OR (picked >= 0 AND picked <= quantity)', name=op.f('ck_pick_lines_picked_range')),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_pick_lines_quantity_positive')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_pick_lines_order_id_orders')),
    sa.ForeignKeyConstraint(['pick_list_id'], ['pick_lists.id'], name=op.f('fk_pick_lines_pick_list_id_pick_lists')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_pick_lines_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pick_lines'))
    )
    with op.batch_alter_table('pick_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pick_lines_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pick_lines_pick_list_id'), ['pick_list_id'], unique=False)

    op.create_table('pick_list_orders',
    sa.Column('id', ID, nullable=False),
    sa.Column('pick_list_id', ID, nullable=False),
    sa.Column('order_id', ID, nullable=False),
    sa.Column('tote', sa.Integer(), nullable=False),
    sa.Column('backorder', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_pick_list_orders_order_id_orders')),
    sa.ForeignKeyConstraint(['pick_list_id'], ['pick_lists.id'], name=op.f('fk_pick_list_orders_pick_list_id_pick_lists')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pick_list_orders')),
    sa.UniqueConstraint('pick_list_id', 'order_id', name='uq_pick_list_orders_list_order')
    )
    with op.batch_alter_table('pick_list_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pick_list_orders_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pick_list_orders_pick_list_id'), ['pick_list_id'], unique=False)

    op.create_table('returns',
    sa.Column('id', ID, nullable=False),
    sa.Column('order_id', ID, nullable=False),
    sa.Column('product_id', ID, nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('condition', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('user_id', ID, nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("condition IN ('restock', 'damaged')", name=op.f('ck_returns_condition_known')),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_returns_quantity_positive')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_returns_order_id_orders')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_returns_product_id_products')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_returns_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_returns'))
    )
    with op.batch_alter_table('returns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_returns_order_id'), ['order_id'], unique=False)

    op.create_table('shipments',
    sa.Column('id', ID, nullable=False),
    sa.Column('order_id', ID, nullable=False),
    sa.Column('pick_list_id', ID, nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('backorder', sa.Boolean(), nullable=False),
    sa.Column('carrier', sa.String(length=100), nullable=False),
    sa.Column('service', sa.String(length=100), nullable=False),
    sa.Column('carrier_ref', sa.String(length=100), nullable=False),
    sa.Column('packages', sa.Integer(), nullable=False),
    sa.Column('weight_g', sa.Integer(), nullable=True),
    sa.Column('packed_by', ID, nullable=True),
    sa.Column('packed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('shipped_by', ID, nullable=True),
    sa.Column('shipped_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('delivered_by', ID, nullable=True),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('packages > 0', name=op.f('ck_shipments_packages_positive')),
    sa.CheckConstraint('weight_g IS NULL OR weight_g > 0', name=op.f('ck_shipments_weight_positive')),
    sa.ForeignKeyConstraint(['delivered_by'], ['users.id'], name=op.f('fk_shipments_delivered_by_users')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_shipments_order_id_orders')),
    sa.ForeignKeyConstraint(['packed_by'], ['users.id'], name=op.f('fk_shipments_packed_by_users')),
    sa.ForeignKeyConstraint(['pick_list_id'], ['pick_lists.id'], name=op.f('fk_shipments_pick_list_id_pick_lists')),
    sa.ForeignKeyConstraint(['shipped_by'], ['users.id'], name=op.f('fk_shipments_shipped_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shipments'))
    )
    with op.batch_alter_table('shipments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shipments_order_id'), ['order_id'], unique=False)

    op.create_table('shipment_lines',
    sa.Column('id', ID, nullable=False),
    sa.Column('shipment_id', ID, nullable=False),
    sa.Column('product_id', ID, nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_shipment_lines_quantity_positive')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_shipment_lines_product_id_products')),
    sa.ForeignKeyConstraint(['shipment_id'], ['shipments.id'], name=op.f('fk_shipment_lines_shipment_id_shipments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shipment_lines'))
    )
    with op.batch_alter_table('shipment_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shipment_lines_shipment_id'), ['shipment_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('shipment_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shipment_lines_shipment_id'))

    op.drop_table('shipment_lines')
    with op.batch_alter_table('shipments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shipments_order_id'))

    op.drop_table('shipments')
    with op.batch_alter_table('returns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_returns_order_id'))

    op.drop_table('returns')
    with op.batch_alter_table('pick_list_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pick_list_orders_pick_list_id'))
        batch_op.drop_index(batch_op.f('ix_pick_list_orders_order_id'))

    op.drop_table('pick_list_orders')
    with op.batch_alter_table('pick_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pick_lines_pick_list_id'))
        batch_op.drop_index(batch_op.f('ix_pick_lines_order_id'))

    op.drop_table('pick_lines')
    with op.batch_alter_table('backorders', schema=None) as batch_op:
        batch_op.drop_index('ix_backorders_status')
        batch_op.drop_index(batch_op.f('ix_backorders_order_id'))

    op.drop_table('backorders')
    op.drop_table('pick_lists')
