"""carts, promotions, coupons, incentives, shipping methods and documents' allowances and charges (issue 13)

Revision ID: 0009
Revises: 0008

New tables: ``promotions``, ``coupons`` and ``coupon_redemptions``, ``cart_incentives`` (what staff offered on a
cart, who, why, when), ``shipping_methods``, ``order_adjustments`` (an order's allowances and charges, one row per
tax rate, with the line the customer reads) and ``invoice_adjustments`` (the share an invoice or credit note bills;
append-only like the invoice's lines, through 0004's trigger function on PostgreSQL). New columns: ``orders.version``
and ``last_change``/``last_change_at``/``last_change_by`` (a cart has one writer at a time; the open-carts board
shows the last change), ``orders.shipping_method`` and ``orders.coupon_id``, ``products.weight_grams`` (shipping by
weight). Columns are added with ALTER TABLE, so no existing table is rebuilt and the triggers of 0004-0008 stay.
"""
from alembic import op
import sqlalchemy as sa

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table('shipping_methods',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('basis', sa.String(length=10), nullable=False),
    sa.Column('tiers', sa.Text(), nullable=False),
    sa.Column('tax_rate_bp', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_shipping_methods'))
    )
    op.create_table('coupons',
    sa.Column('id', ID, nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('effect', sa.String(length=20), nullable=False),
    sa.Column('percent_bp', sa.Integer(), nullable=False),
    sa.Column('amount_minor', ID, nullable=False),
    sa.Column('min_total_minor', ID, nullable=False),
    sa.Column('expires', sa.Date(), nullable=True),
    sa.Column('max_uses', sa.Integer(), nullable=True),
    sa.Column('uses', sa.Integer(), nullable=False),
    sa.Column('per_customer', sa.Integer(), nullable=True),
    sa.Column('customer_id', ID, nullable=True),
    sa.Column('batch', sa.String(length=40), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_by', ID, nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('amount_minor >= 0', name=op.f('ck_coupons_amount_not_negative')),
    sa.CheckConstraint('percent_bp >= 0 AND percent_bp <= 10000', name=op.f('ck_coupons_percent_range')),
    sa.CheckConstraint('uses >= 0 AND (max_uses IS NULL OR uses <= max_uses)', name=op.f('ck_coupons_uses_within_limit')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_coupons_created_by_users')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_coupons_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coupons')),
    sa.UniqueConstraint('code', name=op.f('uq_coupons_code'))
    )
    op.create_table('promotions',
    sa.Column('id', ID, nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('effect', sa.String(length=20), nullable=False),
    sa.Column('percent_bp', sa.Integer(), nullable=False),
    sa.Column('amount_minor', ID, nullable=False),
    sa.Column('buy_sku', sa.String(length=64), nullable=False),
    sa.Column('buy_qty', sa.Integer(), nullable=False),
    sa.Column('get_sku', sa.String(length=64), nullable=False),
    sa.Column('get_qty', sa.Integer(), nullable=False),
    sa.Column('skus', sa.Text(), nullable=False),
    sa.Column('categories', sa.Text(), nullable=False),
    sa.Column('min_total_minor', ID, nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('starts', sa.Date(), nullable=True),
    sa.Column('ends', sa.Date(), nullable=True),
    sa.Column('first_order_only', sa.Boolean(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('exclusive', sa.Boolean(), nullable=False),
    sa.Column('created_by', ID, nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('amount_minor >= 0', name=op.f('ck_promotions_amount_not_negative')),
    sa.CheckConstraint('percent_bp >= 0 AND percent_bp <= 10000', name=op.f('ck_promotions_percent_range')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_promotions_created_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_promotions')),
    sa.UniqueConstraint('name', name=op.f('uq_promotions_name'))
    )
    op.create_table('cart_incentives',
    sa.Column('id', ID, nullable=False),
    sa.Column('order_id', ID, nullable=False),
    sa.Column('effect', sa.String(length=20), nullable=False),
    sa.Column('percent_bp', sa.Integer(), nullable=False),
    sa.Column('amount_minor', ID, nullable=False),
    sa.Column('coupon_id', ID, nullable=True),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('offered_by', ID, nullable=True),
    sa.Column('offered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['coupon_id'], ['coupons.id'], name=op.f('fk_cart_incentives_coupon_id_coupons')),
    sa.ForeignKeyConstraint(['offered_by'], ['users.id'], name=op.f('fk_cart_incentives_offered_by_users')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_cart_incentives_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cart_incentives'))
    )
    with op.batch_alter_table('cart_incentives', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cart_incentives_order_id'), ['order_id'], unique=False)

    op.create_table('coupon_redemptions',
    sa.Column('id', ID, nullable=False),
    sa.Column('coupon_id', ID, nullable=False),
    sa.Column('order_id', ID, nullable=False),
    sa.Column('customer_id', ID, nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['coupon_id'], ['coupons.id'], name=op.f('fk_coupon_redemptions_coupon_id_coupons')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_coupon_redemptions_customer_id_customers')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_coupon_redemptions_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coupon_redemptions')),
    sa.UniqueConstraint('order_id', name=op.f('uq_coupon_redemptions_order_id'))
    )
    with op.batch_alter_table('coupon_redemptions', schema=None) as batch_op:
        batch_op.create_index('ix_coupon_redemptions_coupon_customer', ['coupon_id', 'customer_id'], unique=False)

    op.create_table('order_adjustments',
    sa.Column('id', ID, nullable=False),
    sa.Column('order_id', ID, nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('tax_rate_bp', sa.Integer(), nullable=False),
    sa.Column('amount_minor', ID, nullable=False),
    sa.Column('net_minor', ID, nullable=False),
    sa.Column('tax_minor', ID, nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_order_adjustments_order_id_orders')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_adjustments')),
    sa.UniqueConstraint('order_id', 'seq', name='uq_order_adjustments_order_seq')
    )
    op.create_table('invoice_adjustments',
    sa.Column('id', ID, nullable=False),
    sa.Column('invoice_id', ID, nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('tax_rate_bp', sa.Integer(), nullable=False),
    sa.Column('amount_minor', ID, nullable=False),
    sa.Column('net_minor', ID, nullable=False),
    sa.Column('tax_minor', ID, nullable=False),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_invoice_adjustments_invoice_id_invoices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice_adjustments')),
    sa.UniqueConstraint('invoice_id', 'seq', name='uq_invoice_adjustments_invoice_seq')
    )
    for column in (sa.Column('version', sa.Integer(), server_default='0', nullable=False),
                   sa.Column('last_change', sa.String(length=200), server_default='', nullable=False),
                   sa.Column('last_change_at', sa.DateTime(timezone=True), nullable=True),
                   sa.Column('last_change_by', sa.String(length=64), server_default='', nullable=False),
                   sa.Column('shipping_method', sa.String(length=32), nullable=True),
                   sa.Column('coupon_id', sa.Integer(), nullable=True)):
        op.add_column('orders', column)
    op.add_column('products', sa.Column('weight_grams', sa.Integer(), server_default='0', nullable=False))
    _immutability_triggers()


def _immutability_triggers() -> None:
    """An invoice's allowances and charges are as immutable as its lines (0004's rule and trigger function)."""
    message = "issued invoices are immutable; correct one with a credit note"
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER invoice_adjustments_no_{verb.lower()} BEFORE {verb} ON invoice_adjustments "
                       f"BEGIN SELECT RAISE(ABORT, 'invoice_adjustments: {message}'); END")
    else:
        op.execute("CREATE TRIGGER invoice_adjustments_immutable BEFORE UPDATE OR DELETE ON invoice_adjustments "
                   f"FOR EACH ROW EXECUTE FUNCTION oms_accounts_immutable('{message}')")
        op.execute("CREATE TRIGGER invoice_adjustments_no_truncate BEFORE TRUNCATE ON invoice_adjustments "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION oms_accounts_immutable('{message}')")


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN on both (SQLite >= 3.35): the tables are not rebuilt, so their triggers stay
    op.execute("ALTER TABLE products DROP COLUMN weight_grams")
    for column in ("coupon_id", "shipping_method", "last_change_by", "last_change_at", "last_change", "version"):
        op.execute(f"ALTER TABLE orders DROP COLUMN {column}")
    for table in ("invoice_adjustments", "order_adjustments", "coupon_redemptions", "cart_incentives", "promotions",
                  "coupons", "shipping_methods"):
        op.drop_table(table)
