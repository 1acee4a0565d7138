"""purchasing tables: products.cost_minor, suppliers, product_suppliers, purchase_orders, purchase_order_lines

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
MINOR = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("products") as batch:
        batch.add_column(sa.Column("cost_minor", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                                   nullable=False, server_default="0"))

    op.create_table(
        "suppliers",
        sa.Column("id", ID, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suppliers")),
        sa.UniqueConstraint("name", name=op.f("uq_suppliers_name")),
    )
    op.create_table(
        "product_suppliers",
        sa.Column("product_id", ID, nullable=False),
        sa.Column("supplier_id", ID, nullable=False),
        sa.Column("supplier_sku", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_product_suppliers_product_id_products")),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"],
                                name=op.f("fk_product_suppliers_supplier_id_suppliers")),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_product_suppliers")),
    )
    op.create_index(op.f("ix_product_suppliers_supplier_id"), "product_suppliers", ["supplier_id"], unique=False)
    op.create_table(
        "purchase_orders",
        sa.Column("id", ID, nullable=False),
        sa.Column("supplier_id", ID, nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total_minor", MINOR, nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("expected_date", sa.Date(), nullable=True),
        sa.Column("created_by", ID, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('draft', 'sent', 'partly_received', 'received', 'cancelled')",
                           name=op.f("ck_purchase_orders_status_known")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_purchase_orders_created_by_users")),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"],
                                name=op.f("fk_purchase_orders_supplier_id_suppliers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_orders")),
    )
    op.create_index("ix_purchase_orders_status", "purchase_orders", ["status", "id"], unique=False)
    op.create_index(op.f("ix_purchase_orders_supplier_id"), "purchase_orders", ["supplier_id"], unique=False)
    op.create_table(
        "purchase_order_lines",
        sa.Column("id", ID, nullable=False),
        sa.Column("po_id", ID, nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("product_id", ID, nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("unit_cost_minor", MINOR, nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_purchase_order_lines_quantity_positive")),
        sa.CheckConstraint("received >= 0 AND received <= quantity",
                           name=op.f("ck_purchase_order_lines_received_range")),
        sa.CheckConstraint("unit_cost_minor >= 0", name=op.f("ck_purchase_order_lines_cost_not_negative")),
        sa.ForeignKeyConstraint(["po_id"], ["purchase_orders.id"],
                                name=op.f("fk_purchase_order_lines_po_id_purchase_orders")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"],
                                name=op.f("fk_purchase_order_lines_product_id_products")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_order_lines")),
        sa.UniqueConstraint("po_id", "line_no", name="uq_purchase_order_lines_po_line"),
    )
    op.create_index(op.f("ix_purchase_order_lines_product_id"), "purchase_order_lines", ["product_id"],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_purchase_order_lines_product_id"), table_name="purchase_order_lines")
    op.drop_table("purchase_order_lines")
    op.drop_index(op.f("ix_purchase_orders_supplier_id"), table_name="purchase_orders")
    op.drop_index("ix_purchase_orders_status", table_name="purchase_orders")
    op.drop_table("purchase_orders")
    op.drop_index(op.f("ix_product_suppliers_supplier_id"), table_name="product_suppliers")
    op.drop_table("product_suppliers")
    op.drop_table("suppliers")
    with op.batch_alter_table("products") as batch:
        batch.drop_column("cost_minor")
