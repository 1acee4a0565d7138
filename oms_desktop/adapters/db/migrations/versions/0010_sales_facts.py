"""sales facts: units, net revenue, orders and returns per local day, product, channel and agent (issue 14)

Revision ID: 0010
Revises: 0009

New tables: ``sales_facts`` (one row per day, product, channel and agent: units, net revenue net of the order's
goods allowances, the orders that held the product, returned units and their value) and ``sales_day_facts`` (the same
per day, channel and agent, an order counted once); on SQLite both WITHOUT ROWID (stored in key order). The services
keep them in the transactions that confirm, cancel or take back an order; the upgrade fills them from the orders,
their lines and allowances, the status history and the returns already there (set-based INSERT ... SELECT, the rules
of ``domain/sales.py`` as they are at this revision, written out here so that this migration does not change when the
code does). The day is the local day of the workstation that migrates (its time zone's offsets, daylight saving time
included, from 1990 to two years ahead). The downgrade drops both (derived: upgrading again rebuilds them).
"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

FIGURES = "units, net_minor, orders, returned_units, returned_minor"

EVENTS = """
per_product AS (
    SELECT order_id, product_id, CAST(SUM(quantity) AS BIGINT) AS units, CAST(SUM(net_minor) AS BIGINT) AS net
    FROM order_lines GROUP BY order_id, product_id),
allowances AS (
    SELECT order_id, CAST(-SUM(net_minor) AS BIGINT) AS taken FROM order_adjustments
    WHERE amount_minor < 0 AND label NOT LIKE 'Free shipping: %' GROUP BY order_id),
ranked AS (
    SELECT p.order_id, p.product_id, p.units, p.net, COALESCE(a.taken, 0) AS taken,
           CAST(SUM(p.net) OVER (PARTITION BY p.order_id) AS BIGINT) AS total,
           ROW_NUMBER() OVER (PARTITION BY p.order_id ORDER BY p.net DESC, p.product_id) AS rk
    FROM per_product p LEFT JOIN allowances a ON a.order_id = p.order_id),
shared AS (
    SELECT order_id, product_id, units, net, taken, rk,
           CASE WHEN total = 0 THEN 0 ELSE taken * net / total END AS raw FROM ranked),
sales AS (
    SELECT order_id, product_id, units,
           net - CASE WHEN rk = 1 THEN taken - (CAST(SUM(raw) OVER (PARTITION BY order_id) AS BIGINT) - raw)
                 ELSE raw END AS revenue,
           CASE WHEN rk = 1 THEN 1 ELSE 0 END AS anchor FROM shared),
earlier AS (
    SELECT order_id, product_id, quantity, at,
           SUM(quantity) OVER (PARTITION BY order_id, product_id ORDER BY id) - quantity AS before FROM returns),
events AS (
    SELECT o.confirmed_at AS ts, s.product_id, o.channel, COALESCE(o.created_by, 0) AS agent_id, s.units,
           s.revenue AS net_minor, 1 AS orders, s.anchor AS order_count, 0 AS returned_units, 0 AS returned_minor
    FROM sales s JOIN orders o ON o.id = s.order_id WHERE o.confirmed_at IS NOT NULL
    UNION ALL
    SELECT COALESCE((SELECT MAX(h.at) FROM order_status_history h
                     WHERE h.order_id = o.id AND h.to_status = 'cancelled'), o.updated_at),
           s.product_id, o.channel, COALESCE(o.created_by, 0), -s.units, -s.revenue, -1, -s.anchor, 0, 0
    FROM sales s JOIN orders o ON o.id = s.order_id WHERE o.status = 'cancelled' AND o.confirmed_at IS NOT NULL
    UNION ALL
    SELECT e.at, e.product_id, o.channel, COALESCE(o.created_by, 0), 0, 0, 0, 0, e.quantity,
           CAST(s.revenue * (e.before + e.quantity) / s.units - s.revenue * e.before / s.units AS BIGINT)
    FROM earlier e JOIN sales s ON s.order_id = e.order_id AND s.product_id = e.product_id
    JOIN orders o ON o.id = e.order_id),
dated AS (
    SELECT {day} AS day, product_id, channel, agent_id, units, net_minor, orders, order_count, returned_units,
           returned_minor FROM events)
"""

PRODUCT_FACTS = ("INSERT INTO sales_facts (day, product_id, channel, agent_id, " + FIGURES + ") WITH " + EVENTS +
                 "SELECT day, product_id, channel, agent_id, SUM(units), SUM(net_minor), SUM(orders), "
                 "SUM(returned_units), SUM(returned_minor) FROM dated GROUP BY day, product_id, channel, agent_id")
DAY_FACTS = ("INSERT INTO sales_day_facts (day, channel, agent_id, " + FIGURES + ") WITH " + EVENTS +
             "SELECT day, channel, agent_id, SUM(units), SUM(net_minor), SUM(order_count), SUM(returned_units), "
             "SUM(returned_minor) FROM dated GROUP BY day, channel, agent_id")


def _offsets() -> list[tuple[datetime | None, int]]:
    """The local time zone's UTC offsets from 1990 to two years ahead: (from, seconds), from None = since ever."""
    def offset(seconds: int) -> int:
        off = datetime.fromtimestamp(seconds, timezone.utc).astimezone().utcoffset()
        return int(off.total_seconds()) if off is not None else 0
    t = int(datetime(1990, 1, 1, tzinfo=timezone.utc).timestamp())
    until = int(datetime(datetime.now(timezone.utc).year + 2, 1, 1, tzinfo=timezone.utc).timestamp())
    out: list[tuple[datetime | None, int]] = [(None, offset(t))]
    while t < until:
        if offset(t + 86400) != out[-1][1]:
            lo, hi = t, t + 86400
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (mid, hi) if offset(mid) == out[-1][1] else (lo, mid)
            out.append((datetime.fromtimestamp(hi, timezone.utc), offset(hi)))
        t += 86400
    return out


def _day(dialect: str) -> str:
    offsets = _offsets()
    # SQLite keeps naive UTC text ('YYYY-MM-DD HH:MM:SS.ffffff'); the colons are escaped for text()
    when = ("ts >= '{:%Y-%m-%d %H\\:%M\\:%S}.000000'" if dialect == "sqlite" else
            "ts >= TIMESTAMPTZ '{:%Y-%m-%d %H\\:%M\\:%S}+00'")
    offset = (str(offsets[0][1]) if len(offsets) == 1 else
              "CASE " + " ".join(f"WHEN {when.format(start)} THEN {off}" for start, off in reversed(offsets)
                                 if start is not None) + f" ELSE {offsets[0][1]} END")
    if dialect == "sqlite":
        return f"date(ts, printf('%d seconds', {offset}))"
    return f"CAST(timezone('UTC', ts) + ({offset}) * INTERVAL '1 second' AS DATE)"


def upgrade() -> None:
    op.create_table('sales_facts',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('product_id', ID, nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('agent_id', ID, nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('net_minor', ID, nullable=False),
    sa.Column('orders', sa.Integer(), nullable=False),
    sa.Column('returned_units', sa.Integer(), nullable=False),
    sa.Column('returned_minor', ID, nullable=False),
    sa.PrimaryKeyConstraint('day', 'product_id', 'channel', 'agent_id', name=op.f('pk_sales_facts')),
    sqlite_with_rowid=False
    )
    op.create_index('ix_sales_facts_product_day', 'sales_facts', ['product_id', 'day'], unique=False)
    op.create_table('sales_day_facts',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('agent_id', ID, nullable=False),
    sa.Column('orders', sa.Integer(), nullable=False),
    sa.Column('units', sa.Integer(), nullable=False),
    sa.Column('net_minor', ID, nullable=False),
    sa.Column('returned_units', sa.Integer(), nullable=False),
    sa.Column('returned_minor', ID, nullable=False),
    sa.PrimaryKeyConstraint('day', 'channel', 'agent_id', name=op.f('pk_sales_day_facts')),
    sqlite_with_rowid=False
    )
    day = _day(op.get_bind().dialect.name)
    op.execute(PRODUCT_FACTS.format(day=day))
    op.execute(DAY_FACTS.format(day=day))


def downgrade() -> None:
    op.drop_table('sales_day_facts')
    op.drop_index('ix_sales_facts_product_day', table_name='sales_facts')
    op.drop_table('sales_facts')
