"""open accounts: the orders the accounts queue lists, kept as a set instead of found by scanning the history

Revision ID: 0008
Revises: 0007

The accounts queue searched every order that ever had an invoice, a payment or a shipment (correlated sums over a
million orders: seconds) on every refresh. ``open_accounts`` holds one row per order whose account needs the
accounts team, with the reasons (``unsettled``: invoiced less credit notes differs from paid less refunds, the order
having an invoice or a payment; ``paid_not_invoiced``; ``shipped_not_invoiced``: some product's units shipped less
returned exceed its units invoiced less credited), so the queue reads only those rows. The services rewrite an
order's row in the transaction of each change that can open or close its account (``AccountsRepo.
refresh_open_account``: one upsert); a trigger deletes a row as soon as none of its reasons holds, so the table is
exactly the open set. The upgrade fills it from the invoices, payments, shipments and returns already there (one
set-based INSERT ... SELECT, the same definitions as the queue's former queries); the downgrade drops it (it is
derived: upgrading again rebuilds it from the documents).
"""
from alembic import op
import sqlalchemy as sa

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

_CLOSED = "NOT (NEW.unsettled OR NEW.paid_not_invoiced OR NEW.shipped_not_invoiced)"

# Every order with an open account, from the documents (valid SQL on SQLite and PostgreSQL). Per product, units
# that left (shipments shipped or delivered) less returns less invoiced units net of credit notes; an order owes an
# invoice when that is positive for some product and it has a shipment that left.
BACKFILL = """
INSERT INTO open_accounts (order_id, unsettled, paid_not_invoiced, shipped_not_invoiced)
SELECT order_id, unsettled, paid_not_invoiced, shipped_not_invoiced FROM (
    SELECT o.id AS order_id,
           (COALESCE(inv.invoices, 0) > 0 OR pay.order_id IS NOT NULL)
               AND COALESCE(inv.amount, 0) <> COALESCE(pay.amount, 0) AS unsettled,
           COALESCE(pay.payments, 0) > 0 AND COALESCE(inv.invoices, 0) = 0
               AND o.status NOT IN ('draft', 'cancelled') AS paid_not_invoiced,
           unbilled.order_id IS NOT NULL AND o.status NOT IN ('draft', 'cancelled') AS shipped_not_invoiced
    FROM orders o
    LEFT JOIN (SELECT order_id,
                      SUM(CASE WHEN kind = 'credit_note' THEN -total_minor ELSE total_minor END) AS amount,
                      SUM(CASE WHEN kind = 'invoice' THEN 1 ELSE 0 END) AS invoices
               FROM invoices GROUP BY order_id) inv ON inv.order_id = o.id
    LEFT JOIN (SELECT order_id,
                      SUM(CASE WHEN kind = 'refund' THEN -amount_minor ELSE amount_minor END) AS amount,
                      SUM(CASE WHEN kind = 'payment' THEN 1 ELSE 0 END) AS payments
               FROM payments GROUP BY order_id) pay ON pay.order_id = o.id
    LEFT JOIN (SELECT DISTINCT owed.order_id FROM (
                   SELECT u.order_id FROM (
                       SELECT s.order_id, sl.product_id, sl.quantity AS q
                       FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
                       WHERE s.status IN ('shipped', 'delivered')
                       UNION ALL
                       SELECT r.order_id, r.product_id, -r.quantity FROM returns r
                       UNION ALL
                       SELECT i.order_id, il.product_id,
                              CASE WHEN i.kind = 'credit_note' THEN il.quantity ELSE -il.quantity END
                       FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id
                   ) u
                   GROUP BY u.order_id, u.product_id HAVING SUM(u.q) > 0
               ) owed
               WHERE owed.order_id IN (SELECT order_id FROM shipments WHERE status IN ('shipped', 'delivered'))
              ) unbilled ON unbilled.order_id = o.id
) accounts
WHERE unsettled OR paid_not_invoiced OR shipped_not_invoiced
"""


def upgrade() -> None:
    op.create_table(
        'open_accounts',
        sa.Column('order_id', ID, autoincrement=False, nullable=False),
        sa.Column('unsettled', sa.Boolean(), nullable=False),
        sa.Column('paid_not_invoiced', sa.Boolean(), nullable=False),
        sa.Column('shipped_not_invoiced', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_open_accounts_order_id_orders')),
        sa.PrimaryKeyConstraint('order_id', name=op.f('pk_open_accounts')),
    )
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("insert", "update"):
            op.execute(f"CREATE TRIGGER open_accounts_closed_on_{verb} AFTER {verb.upper()} ON open_accounts "
                       f"WHEN {_CLOSED} BEGIN DELETE FROM open_accounts WHERE order_id = NEW.order_id; END")
    else:
        op.execute("""CREATE FUNCTION open_accounts_drop_closed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM open_accounts WHERE order_id = NEW.order_id;
    RETURN NULL;
END
$$""")
        op.execute(f"CREATE TRIGGER open_accounts_closed AFTER INSERT OR UPDATE ON open_accounts FOR EACH ROW "
                   f"WHEN ({_CLOSED}) EXECUTE FUNCTION open_accounts_drop_closed()")
    op.execute(BACKFILL)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ANALYZE open_accounts")  # the planner knows at once that the set is small


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("insert", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS open_accounts_closed_on_{verb}")
    else:
        op.execute("DROP TRIGGER IF EXISTS open_accounts_closed ON open_accounts")
        op.execute("DROP FUNCTION IF EXISTS open_accounts_drop_closed()")
    op.drop_table('open_accounts')
