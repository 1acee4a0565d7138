"""The sales facts (Core SQL): adding an event's figures (two UPSERTs), reading them for the sales report, and the
same figures recomputed from the documents in SQL (what ``oms check sales`` compares, what the bench and the demo
seed with, and what the report by customer reads).

The recomputation applies ``domain/sales.py``'s rules in integer SQL (window functions, integer division cut towards
zero on SQLite and PostgreSQL alike) and takes the local day from the time zone's UTC offsets
(``services.sales_facts.utc_offsets``), so it gives what the services wrote, to the cent and the day.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from operator import itemgetter

from sqlalchemy import (BigInteger, Date, and_, bindparam, case, cast, delete, func, insert, literal, literal_column,
                        not_, select, text, true, type_coerce, union, union_all)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql.elements import ColumnElement

from ...domain.promotions import FREE_SHIPPING_LABEL
from ...services.repository_records_sales import SalesFigures, SalesTotals
from . import models_carts as mc
from . import models_sales as ms
from . import models_warehouse as w
from .models_base import UtcDateTime
from .models_forecasts import ForecastCache
from .repositories import _Repo, built, customers_t, history_t, lines_t, orders_t, products_t, users_t

facts_t = ms.SalesFact.__table__
day_facts_t = ms.SalesDayFact.__table__
forecast_cache_t = ForecastCache.__table__
adjustments_t = mc.OrderAdjustment.__table__
returns_t = w.ReturnedItem.__table__

FIGURES = ("units", "net_minor", "orders", "returned_units", "returned_minor")
PRODUCT_KEY = ("day", "product_id", "channel", "agent_id")
DAY_KEY = ("day", "channel", "agent_id")
Segments = Sequence[tuple[datetime | None, int]]


def _pg_add_sql() -> str:
    types = {"day": "DATE", "channel": "VARCHAR", "product_id": "BIGINT", "agent_id": "BIGINT"}

    def upsert(table: str, prefix: str, key: tuple[str, ...], also_from: str = "") -> str:
        cols = key + FIGURES
        arrays = ", ".join(f"CAST(:{prefix}_{c} AS {types.get(c, 'BIGINT')}[])" for c in cols)
        figures = ", ".join(f"{f} = t.{f} + excluded.{f}" for f in FIGURES)
        return (f"INSERT INTO {table} AS t ({', '.join(cols)}) "
                f"SELECT u.* FROM unnest({arrays}) AS u({', '.join(cols)}){also_from} "
                f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {figures}")
    return (f"WITH p AS ({upsert('sales_facts', 'p', PRODUCT_KEY)} RETURNING 1) "
            + upsert("sales_day_facts", "d", DAY_KEY, also_from=", (SELECT count(*) FROM p) AS done"))


_PG_ADD = text(_pg_add_sql())
"""PostgreSQL: an event's product rows and day rows added in one statement. The day rows' SELECT reads the count of
the product rows' upsert, so those are written (and their rows locked, in product order) before the day rows: every
order locks its rows in the same order, as the two statements did."""


def _int(expr) -> ColumnElement:
    """A sum as a whole number on both databases (PostgreSQL sums BIGINTs to NUMERIC)."""
    return cast(expr, BigInteger)


def _div(a, b) -> ColumnElement:
    """Integer division cut towards zero (SQL's ``/`` on integers; SQLAlchemy's ``/`` would be true division)."""
    return a.op("/")(b)


def _n(value: int) -> ColumnElement:
    """A whole number written into the statement (no parameter: the same SQL text every time, typed by PostgreSQL
    inside a UNION)."""
    return literal_column(str(int(value)))


def local_date(ts, segments: Segments, pg: bool) -> ColumnElement:
    """The local date of the stored instant ``ts`` under ``segments`` (the newest offset tested first)."""
    if len(segments) == 1:
        offset: ColumnElement = literal(segments[0][1])
    else:
        offset = case(*[(ts >= literal(start, UtcDateTime()), literal(off))
                        for start, off in reversed(segments) if start is not None],
                      else_=literal(segments[0][1]))
    if pg:
        return cast(func.timezone("UTC", ts) + offset * literal_column("INTERVAL '1 second'"), Date)
    return type_coerce(func.date(ts, func.printf("%d seconds", offset)), Date)


def cancelled_at() -> ColumnElement:
    """When an order was cancelled: its status history says (seeded history without one: its last update)."""
    return func.coalesce(select(func.max(history_t.c.at)).where(history_t.c.order_id == orders_t.c.id,
                                                                history_t.c.to_status == "cancelled")
                         .scalar_subquery(), orders_t.c.updated_at)


def product_sales(order_ids=None):
    """Per (order, product) of confirmed orders: units, revenue net of its share of the goods allowances, and whether
    it is the order's anchor (``domain.sales.product_sales`` in SQL)."""
    per_product = select(lines_t.c.order_id, lines_t.c.product_id, _int(func.sum(lines_t.c.quantity)).label("units"),
                         _int(func.sum(lines_t.c.net_minor)).label("net")).group_by(lines_t.c.order_id,
                                                                                   lines_t.c.product_id)
    if order_ids is not None:
        per_product = per_product.where(lines_t.c.order_id.in_(order_ids))
    per_product = per_product.subquery("per_product")
    allowances = (select(adjustments_t.c.order_id, _int(-func.sum(adjustments_t.c.net_minor)).label("taken"))
                  .where(adjustments_t.c.amount_minor < 0,
                         not_(adjustments_t.c.label.startswith(FREE_SHIPPING_LABEL, autoescape=True)))
                  .group_by(adjustments_t.c.order_id).subquery("allowances"))
    order_window = {"partition_by": per_product.c.order_id}
    ranked = (select(per_product, func.coalesce(allowances.c.taken, _n(0)).label("taken"),
                     _int(func.sum(per_product.c.net).over(**order_window)).label("total"),
                     func.row_number().over(partition_by=per_product.c.order_id,
                                            order_by=(per_product.c.net.desc(), per_product.c.product_id)).label("rk"))
              .outerjoin(allowances, allowances.c.order_id == per_product.c.order_id).subquery("ranked"))
    shared = select(ranked, case((ranked.c.total == 0, _n(0)), else_=_div(ranked.c.taken * ranked.c.net,
                                                                     ranked.c.total)).label("raw")).subquery("shared")
    share = case((shared.c.rk == 1, shared.c.taken - (_int(func.sum(shared.c.raw).over(partition_by=shared.c.order_id))
                                                      - shared.c.raw)), else_=shared.c.raw)
    return select(shared.c.order_id, shared.c.product_id, shared.c.units, (shared.c.net - share).label("revenue"),
                  case((shared.c.rk == 1, _n(1)), else_=_n(0)).label("anchor")).cte("sales")


def events(lo: datetime | None = None, hi: datetime | None = None):
    """Every sales event from the documents, one row per product: confirmations, cancellations after confirmation
    and returns, with their instant ``ts`` (in [lo, hi) when given), the order's channel, agent and customer."""
    cancel_ts = cancelled_at()
    confirmed, cancelled = orders_t.c.confirmed_at.isnot(None), and_(orders_t.c.status == "cancelled",
                                                                     orders_t.c.confirmed_at.isnot(None))

    def within(ts):
        return and_(true(), *([ts >= lo] if lo is not None else []), *([ts < hi] if hi is not None else []))
    order_ids = None
    if lo is not None or hi is not None:
        # an order cancelled in the range has its last cancellation there, or (no status history: bulk-loaded
        # orders) its last update: candidates from two indexed ranges, then the exact test on those few only,
        # instead of evaluating the history of every cancelled order
        maybe_cancelled = union(select(history_t.c.order_id).where(history_t.c.to_status == "cancelled",
                                                                   within(history_t.c.at)),
                                select(orders_t.c.id).where(cancelled, within(orders_t.c.updated_at)))
        order_ids = union(select(orders_t.c.id).where(confirmed, within(orders_t.c.confirmed_at)),
                          select(orders_t.c.id).where(orders_t.c.id.in_(maybe_cancelled), cancelled,
                                                      within(cancel_ts)),
                          select(returns_t.c.order_id).where(within(returns_t.c.at)))
    sales = product_sales(order_ids)
    who = (orders_t.c.channel, func.coalesce(orders_t.c.created_by, _n(0)).label("agent_id"), orders_t.c.customer_id)

    def booked(ts, sign: int, where):
        return (select(ts.label("ts"), sales.c.order_id, sales.c.product_id, *who,
                       (_n(sign) * sales.c.units).label("units"), (_n(sign) * sales.c.revenue).label("net_minor"),
                       _n(sign).label("orders"), (_n(sign) * sales.c.anchor).label("order_count"),
                       _n(0).label("returned_units"), _n(0).label("returned_minor"))
                .join(orders_t, orders_t.c.id == sales.c.order_id).where(where, within(ts)))
    earlier_q = select(returns_t, (func.sum(returns_t.c.quantity).over(
        partition_by=(returns_t.c.order_id, returns_t.c.product_id), order_by=returns_t.c.id)
        - returns_t.c.quantity).label("before"))
    if order_ids is not None:  # whole partitions (an order's returns), so the running sums stay exact
        earlier_q = earlier_q.where(returns_t.c.order_id.in_(select(returns_t.c.order_id).where(
            within(returns_t.c.at))))
    earlier = earlier_q.subquery("earlier")
    value = (_div(sales.c.revenue * (earlier.c.before + earlier.c.quantity), sales.c.units)
             - _div(sales.c.revenue * earlier.c.before, sales.c.units))
    returned = (select(earlier.c.at.label("ts"), earlier.c.order_id, earlier.c.product_id, *who,
                       _n(0).label("units"), _n(0).label("net_minor"), _n(0).label("orders"),
                       _n(0).label("order_count"), earlier.c.quantity.label("returned_units"),
                       _int(value).label("returned_minor"))
                .join(sales, and_(sales.c.order_id == earlier.c.order_id, sales.c.product_id == earlier.c.product_id))
                .join(orders_t, orders_t.c.id == earlier.c.order_id).where(within(earlier.c.at)))
    return union_all(booked(orders_t.c.confirmed_at, 1, confirmed), booked(cancel_ts, -1, cancelled),
                     returned).subquery("events")


def expected_facts(segments: Segments, pg: bool, *, per_product: bool):
    """The facts the documents give: per (day, product, channel, agent), or per (day, channel, agent)."""
    ev = events()
    day = local_date(ev.c.ts, segments, pg).label("day")
    keys: tuple[ColumnElement, ...]
    if per_product:
        keys = (day, ev.c.product_id, ev.c.channel, ev.c.agent_id)
        counted = ev.c.orders
    else:
        keys = (day, ev.c.channel, ev.c.agent_id)
        counted = ev.c.order_count
    return select(*keys, _int(func.sum(ev.c.units)).label("units"), _int(func.sum(ev.c.net_minor)).label("net_minor"),
                  _int(func.sum(counted)).label("orders"), _int(func.sum(ev.c.returned_units)).label("returned_units"),
                  _int(func.sum(ev.c.returned_minor)).label("returned_minor")).group_by(*keys)


class SalesRepo(_Repo):
    """The sales facts: added per event, read per period, recomputed from the documents."""

    def add(self, products: Sequence[Mapping[str, object]],
            day: Mapping[str, object] | Sequence[Mapping[str, object]]) -> None:
        """Add an event's figures: ``products`` rows keyed (day, product_id, channel, agent_id) and the ``day`` row
        (or rows) keyed (day, channel, agent_id), each a figure to add (negative to take off); the product rows in
        product order (concurrent orders lock them in the same order), the day rows after them.

        SQLite: two statements (each an executemany). PostgreSQL: one (``_PG_ADD``), a round trip less on every
        order placed; the figures go as arrays (numbers, dates and channel codes: no text a user typed)."""
        days = [day] if isinstance(day, Mapping) else list(day)
        products = sorted(products, key=itemgetter("product_id"))
        if self._pg:
            params = {f"p_{c}": [r[c] for r in products] for c in PRODUCT_KEY + FIGURES}
            params.update({f"d_{c}": [r[c] for r in days] for c in DAY_KEY + FIGURES})
            self.c.execute(_PG_ADD, params)
            return
        if products:
            self.c.execute(self._upsert(facts_t, PRODUCT_KEY), products)
        self.c.execute(self._upsert(day_facts_t, DAY_KEY), days)

    def _upsert(self, table, key: tuple[str, ...]):
        def build():
            ins = (pg_insert if self._pg else sqlite_insert)(table)
            return ins.on_conflict_do_update(index_elements=[table.c[k] for k in key],
                                             set_={f: table.c[f] + ins.excluded[f] for f in FIGURES})
        return built(("sales upsert", table.name, self._pg), build)

    # ---- the report ----------------------------------------------------------------------------------------
    def day_figures(self, start: date, end: date, by: str) -> list[SalesFigures[date | int | str | None]]:
        """Per ``by`` (day, channel or agent) over the days [start, end]: key, label (the agent's user name), orders,
        units, net_minor, returned_units, returned_minor (orders counted once each), in key order."""
        def build():
            f = day_facts_t.c
            key = f.agent_id if by == "agent" else f.day if by == "day" else f.channel
            label = func.coalesce(func.max(users_t.c.username), "") if by == "agent" else literal_column("''")
            q = (select(key.label("key"), label.label("label"), *self._sums(day_facts_t))
                 .where(f.day >= bindparam("start"), f.day <= bindparam("end")).group_by(key).order_by(key))
            return q.outerjoin(users_t, users_t.c.id == f.agent_id) if by == "agent" else q
        return [SalesFigures(*r) for r in self.c.execute(built(("sales day figures", by), build),
                                                             {"start": start, "end": end})]

    def day_total(self, start: date, end: date) -> SalesTotals:
        """The day facts' orders, units, net_minor, returned_units, returned_minor over the days [start, end]."""
        return SalesTotals(*self.c.execute(built("sales day total", lambda: select(*self._sums(day_facts_t)).where(
            day_facts_t.c.day >= bindparam("start"), day_facts_t.c.day <= bindparam("end"))),
            {"start": start, "end": end}).one())

    def product_figures(self, start: date, end: date, by: str, *, top: int | None = None,
                        only: list[str] | None = None) -> list[SalesFigures[str]]:
        """Per product (key: its SKU, label: its name) or category over the days [start, end], as ``day_figures``
        (orders: those that held the product; for a category, summed over its products). ``top``: only the N with
        the most net revenue, most first; ``only``: those SKUs."""
        if by == "product" and top is not None and only is None:
            return self._top_products(start, end, top)
        f = facts_t.c
        # summed per product first, then joined: one product lookup per product sold rather than per fact row
        # (the dashboard's top products read about 3,000 fact rows a day at 1,000,000 orders over two years)
        per = (select(f.product_id, *(func.sum(f[c]).label(c) for c in FIGURES))
               .where(f.day >= start, f.day <= end).group_by(f.product_id).subquery("per_product"))
        label: ColumnElement
        if by == "category":
            key, label = products_t.c.category, literal("")
        else:
            key, label = products_t.c.sku, func.max(products_t.c.name)
        q = (select(key.label("key"), label.label("label"), *self._sums(per))
             .join(products_t, products_t.c.id == per.c.product_id).group_by(key))
        if only is not None:
            q = q.where(products_t.c.sku.in_(only))
        if top is not None:
            q = q.order_by(func.sum(per.c.net_minor).desc(), key).limit(top)
        else:
            q = q.order_by(key)
        return [SalesFigures(*r) for r in self.c.execute(q)]

    def _top_products(self, start: date, end: date, top: int) -> list[SalesFigures[str]]:
        """``product_figures(start, end, "product", top=top)`` without a product lookup per product sold: the facts
        summed per product (a range of the facts' primary key), the ``top``-th largest net revenue found among those
        sums, and only the products at or above it joined to their SKU and name (ties at the cut all come along, so
        the outer order by revenue, then SKU, picks exactly the rows the plain query would). At 1,000,000 orders the
        plain query joined and grouped some 60,000 products to keep ten: most of the dashboard's first paint."""
        def build():
            f = facts_t.c
            per = (select(f.product_id, *(func.sum(f[c]).label(c) for c in FIGURES))
                   .where(f.day >= bindparam("start"), f.day <= bindparam("end")).group_by(f.product_id)
                   .cte("per_product"))
            # fewer products sold than wanted: no top-th sum, every product comes along
            cut = func.coalesce(select(per.c.net_minor).order_by(per.c.net_minor.desc()).limit(1)
                                .offset(bindparam("last")).scalar_subquery(),
                                select(func.min(per.c.net_minor)).scalar_subquery())
            key = products_t.c.sku
            return (select(key.label("key"), func.max(products_t.c.name).label("label"), *self._sums(per))
                    .join(products_t, products_t.c.id == per.c.product_id)
                    .where(per.c.net_minor >= cut)
                    .group_by(key).order_by(func.sum(per.c.net_minor).desc(), key).limit(bindparam("top")))
        return [SalesFigures(*r) for r in self.c.execute(built("sales top products", build),
                                                         {"start": start, "end": end, "last": top - 1, "top": top})]

    def customer_figures(self, lo: datetime, hi: datetime) -> list[SalesFigures[int | None]]:
        """Per customer (None: walk-in) over the instants [lo, hi), recomputed from the documents (the facts are not
        kept per customer): key, label (the customer's name), orders, units, net_minor, returned_units,
        returned_minor."""
        ev = events(lo, hi)
        q = (select(ev.c.customer_id.label("key"), func.coalesce(func.max(customers_t.c.name), "").label("label"),
                    _int(func.sum(ev.c.order_count)).label("orders"), _int(func.sum(ev.c.units)).label("units"),
                    _int(func.sum(ev.c.net_minor)).label("net_minor"),
                    _int(func.sum(ev.c.returned_units)).label("returned_units"),
                    _int(func.sum(ev.c.returned_minor)).label("returned_minor"))
             .outerjoin(customers_t, customers_t.c.id == ev.c.customer_id)
             .group_by(ev.c.customer_id).order_by(ev.c.customer_id))
        return [SalesFigures(*r) for r in self.c.execute(q)]

    def channel_figures(self, lo: datetime, hi: datetime) -> list[SalesFigures[str]]:
        """Per channel over the instants [lo, hi), recomputed from the documents as ``customer_figures`` (the facts
        are kept per day, not per hour: the dashboard's "last week up to this time of day"): key, label (""),
        orders, units, net_minor, returned_units, returned_minor."""
        ev = events(lo, hi)
        q = (select(ev.c.channel.label("key"), literal("").label("label"),
                    _int(func.sum(ev.c.order_count)).label("orders"), _int(func.sum(ev.c.units)).label("units"),
                    _int(func.sum(ev.c.net_minor)).label("net_minor"),
                    _int(func.sum(ev.c.returned_units)).label("returned_units"),
                    _int(func.sum(ev.c.returned_minor)).label("returned_minor"))
             .group_by(ev.c.channel).order_by(ev.c.channel))
        return [SalesFigures(*r) for r in self.c.execute(q)]

    @staticmethod
    def _sums(table):
        return (_int(func.sum(table.c.orders)).label("orders"), _int(func.sum(table.c.units)).label("units"),
                _int(func.sum(table.c.net_minor)).label("net_minor"),
                _int(func.sum(table.c.returned_units)).label("returned_units"),
                _int(func.sum(table.c.returned_minor)).label("returned_minor"))

    # ---- the check and the rebuild -------------------------------------------------------------------------
    def kept(self, *, per_product: bool):
        """The stored facts: (key tuple, figures tuple) rows."""
        table, key = (facts_t, PRODUCT_KEY) if per_product else (day_facts_t, DAY_KEY)
        return [(tuple(r[:len(key)]), tuple(int(v) for v in r[len(key):]))
                for r in self.c.execute(select(*(table.c[k] for k in key), *(table.c[f] for f in FIGURES)))]

    def expected(self, segments: Segments, *, per_product: bool):
        """The facts recomputed from the documents: (key tuple, figures tuple) rows, as ``kept``."""
        n = 4 if per_product else 3
        return [(tuple(r[:n]), tuple(int(v) for v in r[n:]))
                for r in self.c.execute(expected_facts(segments, self._pg, per_product=per_product))]

    def rebuild(self, segments: Segments) -> None:
        """Replace every fact by what the documents give (bulk-loaded history: the bench, the demo), and empty the
        forecasts' cache in the same transaction: its fingerprints read only the last weeks' facts (earlier days'
        facts never change, except here), so a forecast cached before a rebuild could otherwise outlive it."""
        self.c.execute(delete(forecast_cache_t))
        for table, key, per_product in ((facts_t, PRODUCT_KEY, True), (day_facts_t, DAY_KEY, False)):
            self.c.execute(delete(table))
            self.c.execute(insert(table).from_select([*key, *FIGURES],
                                                     expected_facts(segments, self._pg, per_product=per_product)))

    def products_named(self, ids) -> dict[int, str]:
        ids = list(ids)
        if not ids:
            return {}
        return dict(self.c.execute(select(products_t.c.id, products_t.c.sku).where(products_t.c.id.in_(ids))).all())

    def usernames(self) -> dict[int, str]:
        return dict(self.c.execute(select(users_t.c.id, users_t.c.username)).all())


