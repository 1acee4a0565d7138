"""a coupon is redeemed by the order's confirmation itself (issue 13): triggers orders_redeem_coupon and
orders_redeem_coupon_on_confirm

Revision ID: 0029
Revises: 0028

An order with a coupon that becomes confirmed (placed confirmed, or a cart confirmed) redeems the coupon in the
statement that confirms it: the trigger inserts its redemption (which ``coupon_redemptions_count_use`` of migration
0028 counts) only while the coupon can still be used (active, uses below its limit) and otherwise refuses the
statement with ``oms: coupon used up``, which the repositories turn into ``CouponUsedUp``. On PostgreSQL the coupon
row is locked FOR UPDATE first and the condition re-checked after waiting for it, so racing workstations cannot both
take a coupon's last use (``tests/reliability/test_race.py``).

Why in the database: the services redeemed with a statement of their own after writing the order (an
``INSERT ... SELECT`` on the coupon's condition). That statement was a round trip on PostgreSQL and, through
SQLAlchemy, about a third of what a coupon added to placing an order (``oms bench``, the promotions row). The rule
is also the database's now: no writer can confirm an order with a coupon without its use being counted, or past its
limit, as the immutability triggers keep issued documents. Existing rows do not change.
"""
from alembic import op

revision = '0029'
down_revision = '0028'
branch_labels = None
depends_on = None

MESSAGE = "oms: coupon used up"

_USABLE = ("SELECT 1 FROM coupons WHERE id = NEW.coupon_id AND active "
           "AND (max_uses IS NULL OR uses < max_uses)")
_REDEEM = ("INSERT INTO coupon_redemptions (coupon_id, order_id, customer_id, at) "
           "VALUES (NEW.coupon_id, NEW.id, NEW.customer_id, COALESCE(NEW.confirmed_at, NEW.updated_at))")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        body = f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}') WHERE NOT EXISTS ({_USABLE}); {_REDEEM}; END"
        op.execute("CREATE TRIGGER orders_redeem_coupon AFTER INSERT ON orders "
                   f"WHEN NEW.coupon_id IS NOT NULL AND NEW.status = 'confirmed' {body}")
        op.execute("CREATE TRIGGER orders_redeem_coupon_on_confirm AFTER UPDATE OF status ON orders "
                   f"WHEN NEW.coupon_id IS NOT NULL AND OLD.status = 'draft' AND NEW.status = 'confirmed' {body}")
    else:
        op.execute(f"""CREATE FUNCTION oms_redeem_coupon() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM 1 FROM coupons WHERE id = NEW.coupon_id AND active
                    AND (max_uses IS NULL OR uses < max_uses) FOR UPDATE;
                IF NOT FOUND THEN
                    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
                END IF;
                {_REDEEM};
                RETURN NULL;
            END $$""")
        op.execute("CREATE TRIGGER orders_redeem_coupon AFTER INSERT ON orders FOR EACH ROW "
                   "WHEN (NEW.coupon_id IS NOT NULL AND NEW.status = 'confirmed') "
                   "EXECUTE FUNCTION oms_redeem_coupon()")
        op.execute("CREATE TRIGGER orders_redeem_coupon_on_confirm AFTER UPDATE OF status ON orders FOR EACH ROW "
                   "WHEN (NEW.coupon_id IS NOT NULL AND OLD.status = 'draft' AND NEW.status = 'confirmed') "
                   "EXECUTE FUNCTION oms_redeem_coupon()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS orders_redeem_coupon")
        op.execute("DROP TRIGGER IF EXISTS orders_redeem_coupon_on_confirm")
    else:
        op.execute("DROP TRIGGER IF EXISTS orders_redeem_coupon ON orders")
        op.execute("DROP TRIGGER IF EXISTS orders_redeem_coupon_on_confirm ON orders")
        op.execute("DROP FUNCTION IF EXISTS oms_redeem_coupon()")
