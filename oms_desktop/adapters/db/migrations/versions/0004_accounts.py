"""accounts tables: invoice_counters, invoices, invoice_lines, invoice_documents, payments, ledger_entries,
ledger_postings

Issued invoices and credit notes (and their stored PDFs), payments and refunds, and posted journal entries are
append-only: triggers refuse UPDATE and DELETE whatever client connects (corrections are credit notes, refunds and reversals). An invoice counter
only ever moves up by one.

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

IMMUTABLE = {
    "invoices": "issued invoices are immutable; correct one with a credit note",
    "invoice_lines": "issued invoices are immutable; correct one with a credit note",
    "invoice_documents": "issued invoices are immutable; correct one with a credit note",
    "payments": "recorded payments are immutable; record a refund instead",
    "ledger_entries": "posted journal entries are immutable; post a reversal instead",
    "ledger_postings": "posted journal entries are immutable; post a reversal instead",
}
COUNTER_MESSAGE = "invoice numbers are gapless: a counter only moves up by one and is never deleted"


def upgrade() -> None:
    op.create_table('invoice_counters',
    sa.Column('series', sa.String(length=10), nullable=False),
    sa.Column('last_number', sa.Integer(), nullable=False),
    sa.CheckConstraint('last_number >= 0', name=op.f('ck_invoice_counters_last_number_not_negative')),
    sa.PrimaryKeyConstraint('series', name=op.f('pk_invoice_counters'))
    )
    op.create_table('invoices',
    sa.Column('id', ID, nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('series', sa.String(length=10), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=30), nullable=False),
    sa.Column('order_id', ID, nullable=False),
    sa.Column('customer_id', ID, nullable=True),
    sa.Column('references_id', ID, nullable=True),
    sa.Column('issue_date', sa.Date(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('net_minor', ID, nullable=False),
    sa.Column('tax_minor', ID, nullable=False),
    sa.Column('total_minor', ID, nullable=False),
    sa.Column('tax_rounding', sa.String(length=10), nullable=False),
    sa.Column('bill_to', sa.Text(), nullable=False),
    sa.Column('ship_to', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('seller', sa.Text(), nullable=False),
    sa.Column('seller_vat_id', sa.String(length=50), nullable=False),
    sa.Column('prepaid_minor', ID, nullable=False),
    sa.Column('issued_by', ID, nullable=True),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('net_minor >= 0 AND tax_minor >= 0', name=op.f('ck_invoices_amounts_not_negative')),
    sa.CheckConstraint('prepaid_minor >= 0 AND prepaid_minor <= total_minor',
                       name=op.f('ck_invoices_prepaid_within_total')),
    sa.CheckConstraint('seq > 0', name=op.f('ck_invoices_seq_positive')),
    sa.CheckConstraint('total_minor = net_minor + tax_minor', name=op.f('ck_invoices_total_is_net_plus_tax')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_invoices_customer_id_customers')),
    sa.ForeignKeyConstraint(['issued_by'], ['users.id'], name=op.f('fk_invoices_issued_by_users')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_invoices_order_id_orders')),
    sa.ForeignKeyConstraint(['references_id'], ['invoices.id'], name=op.f('fk_invoices_references_id_invoices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoices')),
    sa.UniqueConstraint('number', name=op.f('uq_invoices_number')),
    sa.UniqueConstraint('series', 'seq', name='uq_invoices_series_seq')
    )
    with op.batch_alter_table('invoices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invoices_order_id'), ['order_id'], unique=False)

    op.create_table('invoice_documents',
    sa.Column('invoice_id', ID, nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_invoice_documents_invoice_id_invoices')),
    sa.PrimaryKeyConstraint('invoice_id', name=op.f('pk_invoice_documents'))
    )

    op.create_table('payments',
    sa.Column('id', ID, nullable=False),
    sa.Column('order_id', ID, nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('amount_minor', ID, nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('card_last4', sa.String(length=4), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('user_id', ID, nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('payment', 'refund')", name=op.f('ck_payments_kind_known')),
    sa.CheckConstraint('amount_minor > 0', name=op.f('ck_payments_amount_positive')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_payments_order_id_orders')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_payments_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payments'))
    )
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payments_order_id'), ['order_id'], unique=False)
        batch_op.create_index('ix_payments_received_at', ['received_at'], unique=False)

    op.create_table('invoice_lines',
    sa.Column('id', ID, nullable=False),
    sa.Column('invoice_id', ID, nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('product_id', ID, nullable=True),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price_minor', ID, nullable=False),
    sa.Column('tax_rate_bp', sa.Integer(), nullable=False),
    sa.Column('discount_bp', sa.Integer(), nullable=False),
    sa.Column('net_minor', ID, nullable=False),
    sa.Column('tax_minor', ID, nullable=False),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_invoice_lines_quantity_positive')),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_invoice_lines_invoice_id_invoices')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_invoice_lines_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice_lines')),
    sa.UniqueConstraint('invoice_id', 'line_no', name='uq_invoice_lines_invoice_line')
    )
    with op.batch_alter_table('invoice_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invoice_lines_invoice_id'), ['invoice_id'], unique=False)

    op.create_table('ledger_entries',
    sa.Column('id', ID, nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('posted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('posted_on', sa.Date(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('order_id', ID, nullable=True),
    sa.Column('invoice_id', ID, nullable=True),
    sa.Column('payment_id', ID, nullable=True),
    sa.Column('reverses_id', ID, nullable=True),
    sa.Column('user_id', ID, nullable=True),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_ledger_entries_invoice_id_invoices')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_ledger_entries_order_id_orders')),
    sa.ForeignKeyConstraint(['payment_id'], ['payments.id'], name=op.f('fk_ledger_entries_payment_id_payments')),
    sa.ForeignKeyConstraint(['reverses_id'], ['ledger_entries.id'], name=op.f('fk_ledger_entries_reverses_id_ledger_entries')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_ledger_entries_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entries')),
    sa.UniqueConstraint('reverses_id', name=op.f('uq_ledger_entries_reverses_id'))
    )
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_entries_order_id'), ['order_id'], unique=False)
        batch_op.create_index('ix_ledger_entries_posted_on', ['posted_on', 'id'], unique=False)

    op.create_table('ledger_postings',
    sa.Column('id', ID, nullable=False),
    sa.Column('entry_id', ID, nullable=False),
    sa.Column('account', sa.String(length=60), nullable=False),
    sa.Column('amount_minor', ID, nullable=False),
    sa.CheckConstraint('amount_minor <> 0', name=op.f('ck_ledger_postings_amount_not_zero')),
    sa.ForeignKeyConstraint(['entry_id'], ['ledger_entries.id'], name=op.f('fk_ledger_postings_entry_id_ledger_entries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_postings'))
    )
    with op.batch_alter_table('ledger_postings', schema=None) as batch_op:
        batch_op.create_index('ix_ledger_postings_account', ['account', 'entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_postings_entry_id'), ['entry_id'], unique=False)

    _immutability_triggers()


def _immutability_triggers() -> None:
    """The database itself refuses to rewrite issued documents, payments and posted entries."""
    if op.get_bind().dialect.name == "sqlite":
        for table, message in IMMUTABLE.items():
            for verb in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{table}: {message}'); END")
        op.execute("CREATE TRIGGER invoice_counters_step_one BEFORE UPDATE ON invoice_counters "
                   "WHEN NEW.last_number <> OLD.last_number + 1 OR NEW.series <> OLD.series "
                   f"BEGIN SELECT RAISE(ABORT, 'invoice_counters: {COUNTER_MESSAGE}'); END")
        op.execute("CREATE TRIGGER invoice_counters_no_delete BEFORE DELETE ON invoice_counters "
                   f"BEGIN SELECT RAISE(ABORT, 'invoice_counters: {COUNTER_MESSAGE}'); END")
    else:
        op.execute("""CREATE FUNCTION oms_accounts_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '%: %', TG_TABLE_NAME, TG_ARGV[0]; END $$""")
        for table, message in IMMUTABLE.items():
            op.execute(f"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION oms_accounts_immutable('{message}')")
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       f"FOR EACH STATEMENT EXECUTE FUNCTION oms_accounts_immutable('{message}')")
        op.execute("""CREATE FUNCTION oms_invoice_counter_step() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' OR NEW.last_number <> OLD.last_number + 1 OR NEW.series <> OLD.series THEN
                    RAISE EXCEPTION 'invoice_counters: %', TG_ARGV[0];
                END IF;
                RETURN NEW;
            END $$""")
        op.execute("CREATE TRIGGER invoice_counters_step_one BEFORE UPDATE OR DELETE ON invoice_counters "
                   f"FOR EACH ROW EXECUTE FUNCTION oms_invoice_counter_step('{COUNTER_MESSAGE}')")


def _drop_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in IMMUTABLE:
            for verb in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
        op.execute("DROP TRIGGER IF EXISTS invoice_counters_step_one")
        op.execute("DROP TRIGGER IF EXISTS invoice_counters_no_delete")
    else:
        for table in IMMUTABLE:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_immutable ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        op.execute("DROP TRIGGER IF EXISTS invoice_counters_step_one ON invoice_counters")
        op.execute("DROP FUNCTION IF EXISTS oms_invoice_counter_step()")
        op.execute("DROP FUNCTION IF EXISTS oms_accounts_immutable()")


def downgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table('ledger_postings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_postings_entry_id'))
        batch_op.drop_index('ix_ledger_postings_account')

    op.drop_table('ledger_postings')
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_ledger_entries_posted_on')
        batch_op.drop_index(batch_op.f('ix_ledger_entries_order_id'))

    op.drop_table('ledger_entries')
    with op.batch_alter_table('invoice_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invoice_lines_invoice_id'))

    op.drop_table('invoice_lines')
    op.drop_table('invoice_documents')
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index('ix_payments_received_at')
        batch_op.drop_index(batch_op.f('ix_payments_order_id'))

    op.drop_table('payments')
    with op.batch_alter_table('invoices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invoices_order_id'))

    op.drop_table('invoices')
    op.drop_table('invoice_counters')
