"""supplier invoices: supplier_invoices, supplier_invoice_lines, supplier_payments

Revision ID: 0007
Revises: 0006

A supplier's invoice against a purchase order clears goods received not invoiced into payables (with the purchase
price variance and the input tax); supplier payments settle it. Like customer invoices and payments (0004), they are
append-only: triggers refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL, through 0004's trigger function
``oms_accounts_immutable``). New tables only: nothing existing is rebuilt, so the triggers of 0004-0006 stay.
"""
from alembic import op
import sqlalchemy as sa

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
MINOR = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

IMMUTABLE = {
    "supplier_invoices": "recorded supplier invoices are immutable; ask the supplier for a credit note",
    "supplier_invoice_lines": "recorded supplier invoices are immutable; ask the supplier for a credit note",
    "supplier_payments": "recorded supplier payments are immutable",
}


def upgrade() -> None:
    op.create_table(
        'supplier_invoices',
        sa.Column('id', ID, nullable=False),
        sa.Column('supplier_id', ID, nullable=False),
        sa.Column('po_id', ID, nullable=False),
        sa.Column('number', sa.String(length=64), nullable=False),
        sa.Column('number_key', sa.String(length=64), nullable=False),
        sa.Column('invoice_date', sa.Date(), nullable=False),
        sa.Column('currency', sa.String(length=3), nullable=False),
        sa.Column('cost_minor', MINOR, nullable=False),
        sa.Column('net_minor', MINOR, nullable=False),
        sa.Column('tax_minor', MINOR, nullable=False),
        sa.Column('total_minor', MINOR, nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('entry_id', ID, nullable=True),
        sa.Column('user_id', ID, nullable=True),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('cost_minor >= 0 AND net_minor >= 0 AND tax_minor >= 0',
                           name=op.f('ck_supplier_invoices_amounts_not_negative')),
        sa.CheckConstraint('total_minor = net_minor + tax_minor',
                           name=op.f('ck_supplier_invoices_total_is_net_plus_tax')),
        sa.ForeignKeyConstraint(['entry_id'], ['ledger_entries.id'],
                                name=op.f('fk_supplier_invoices_entry_id_ledger_entries')),
        sa.ForeignKeyConstraint(['po_id'], ['purchase_orders.id'],
                                name=op.f('fk_supplier_invoices_po_id_purchase_orders')),
        sa.ForeignKeyConstraint(['supplier_id'], ['suppliers.id'],
                                name=op.f('fk_supplier_invoices_supplier_id_suppliers')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_supplier_invoices_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_supplier_invoices')),
        sa.UniqueConstraint('supplier_id', 'number_key', name='uq_supplier_invoices_supplier_number'),
    )
    op.create_index(op.f('ix_supplier_invoices_po_id'), 'supplier_invoices', ['po_id'], unique=False)

    op.create_table(
        'supplier_invoice_lines',
        sa.Column('id', ID, nullable=False),
        sa.Column('invoice_id', ID, nullable=False),
        sa.Column('line_no', sa.Integer(), nullable=False),
        sa.Column('po_line_id', ID, nullable=False),
        sa.Column('product_id', ID, nullable=False),
        sa.Column('sku', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=300), nullable=False),
        sa.Column('quantity', sa.Integer(), nullable=False),
        sa.Column('unit_price_minor', MINOR, nullable=False),
        sa.Column('unit_cost_minor', MINOR, nullable=False),
        sa.Column('net_minor', MINOR, nullable=False),
        sa.CheckConstraint('net_minor = quantity * unit_price_minor',
                           name=op.f('ck_supplier_invoice_lines_net_is_quantity_times_price')),
        sa.CheckConstraint('quantity > 0', name=op.f('ck_supplier_invoice_lines_quantity_positive')),
        sa.CheckConstraint('unit_price_minor >= 0 AND unit_cost_minor >= 0',
                           name=op.f('ck_supplier_invoice_lines_prices_not_negative')),
        sa.ForeignKeyConstraint(['invoice_id'], ['supplier_invoices.id'],
                                name=op.f('fk_supplier_invoice_lines_invoice_id_supplier_invoices')),
        sa.ForeignKeyConstraint(['po_line_id'], ['purchase_order_lines.id'],
                                name=op.f('fk_supplier_invoice_lines_po_line_id_purchase_order_lines')),
        sa.ForeignKeyConstraint(['product_id'], ['products.id'],
                                name=op.f('fk_supplier_invoice_lines_product_id_products')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_supplier_invoice_lines')),
        sa.UniqueConstraint('invoice_id', 'line_no', name='uq_supplier_invoice_lines_invoice_line'),
    )
    op.create_index(op.f('ix_supplier_invoice_lines_invoice_id'), 'supplier_invoice_lines', ['invoice_id'],
                    unique=False)
    op.create_index(op.f('ix_supplier_invoice_lines_po_line_id'), 'supplier_invoice_lines', ['po_line_id'],
                    unique=False)

    op.create_table(
        'supplier_payments',
        sa.Column('id', ID, nullable=False),
        sa.Column('invoice_id', ID, nullable=False),
        sa.Column('method', sa.String(length=10), nullable=False),
        sa.Column('amount_minor', MINOR, nullable=False),
        sa.Column('currency', sa.String(length=3), nullable=False),
        sa.Column('reference', sa.String(length=100), nullable=False),
        sa.Column('paid_on', sa.Date(), nullable=False),
        sa.Column('entry_id', ID, nullable=True),
        sa.Column('user_id', ID, nullable=True),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('amount_minor > 0', name=op.f('ck_supplier_payments_amount_positive')),
        sa.CheckConstraint("method IN ('bank', 'cash')", name=op.f('ck_supplier_payments_method_known')),
        sa.ForeignKeyConstraint(['entry_id'], ['ledger_entries.id'],
                                name=op.f('fk_supplier_payments_entry_id_ledger_entries')),
        sa.ForeignKeyConstraint(['invoice_id'], ['supplier_invoices.id'],
                                name=op.f('fk_supplier_payments_invoice_id_supplier_invoices')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_supplier_payments_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_supplier_payments')),
    )
    op.create_index(op.f('ix_supplier_payments_invoice_id'), 'supplier_payments', ['invoice_id'], unique=False)

    _immutability_triggers()


def _immutability_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table, message in IMMUTABLE.items():
            for verb in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{table}: {message}'); END")
    else:
        for table, message in IMMUTABLE.items():
            op.execute(f"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION oms_accounts_immutable('{message}')")
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       f"FOR EACH STATEMENT EXECUTE FUNCTION oms_accounts_immutable('{message}')")


def _drop_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in IMMUTABLE:
            for verb in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
    else:
        for table in IMMUTABLE:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_immutable ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")


def downgrade() -> None:
    _drop_triggers()
    op.drop_index(op.f('ix_supplier_payments_invoice_id'), table_name='supplier_payments')
    op.drop_table('supplier_payments')
    op.drop_index(op.f('ix_supplier_invoice_lines_po_line_id'), table_name='supplier_invoice_lines')
    op.drop_index(op.f('ix_supplier_invoice_lines_invoice_id'), table_name='supplier_invoice_lines')
    op.drop_table('supplier_invoice_lines')
    op.drop_index(op.f('ix_supplier_invoices_po_id'), table_name='supplier_invoices')
    op.drop_table('supplier_invoices')
