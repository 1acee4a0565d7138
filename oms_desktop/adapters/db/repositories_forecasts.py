"""What forecasts read and keep (Core SQL): products' daily sales from the sales facts, the facts' fingerprints, the
forecast cache, and products' stock, open purchase quantities and suppliers' lead times."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from sqlalchemy import BigInteger, and_, case, cast, func, literal_column, select, type_coerce
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ...services.repository_records_sales import (DaySales, FirstSale, ForecastProduct, ProductDaySales, StockPosition,
                                                  WeeklyUnits)
from . import models_forecasts as mf
from . import models_purchasing as mp
from . import models_sales as ms
from .repositories import _Repo, products_t, stock_t
from .repositories_purchasing import OPEN_STATUSES

facts_t = ms.SalesFact.__table__
cache_t = mf.ForecastCache.__table__
suppliers_t = mp.Supplier.__table__
product_suppliers_t = mp.ProductSupplier.__table__
pos_t = mp.PurchaseOrder.__table__
po_lines_t = mp.PurchaseOrderLine.__table__


class ForecastsRepo(_Repo):
    def _day_number(self):
        """Days since 2000-01-01 as an integer, on both databases (what weighs a sale by its day in a fingerprint)."""
        if self._pg:
            return facts_t.c.day - literal_column("DATE '2000-01-01'")
        return cast(func.julianday(facts_t.c.day) - 2451544.5, BigInteger)

    def products(self, skus: Sequence[str] | None = None, category: str | None = None) -> list[ForecastProduct]:
        """id, sku, name, category of active products (or of these SKUs, or of a category), by SKU."""
        q = select(products_t.c.id, products_t.c.sku, products_t.c.name, products_t.c.category)
        if skus is not None:
            q = q.where(products_t.c.sku.in_(list(skus)))
        else:
            q = q.where(products_t.c.active.is_(True))
        if category is not None:
            q = q.where(products_t.c.category == category)
        return [ForecastProduct(*r) for r in self.c.execute(q.order_by(products_t.c.sku))]

    def categories(self) -> list[str]:
        return [r[0] for r in self.c.execute(select(products_t.c.category).distinct()).all()]

    def _figures(self):
        dn = self._day_number()
        return (func.count(), func.sum(facts_t.c.units), func.sum(facts_t.c.net_minor), func.sum(facts_t.c.units * dn),
                func.sum(facts_t.c.orders), func.sum(facts_t.c.returned_units), func.min(dn),
                func.count(func.distinct(case((facts_t.c.units > 0, facts_t.c.day)))))

    def fingerprints(self, since: date) -> dict[int, tuple[int, ...]]:
        """Per product with facts on or after ``since``: rows, units, net, units weighted by day number, orders,
        returned units, first day number, days with units sold, over those days only. A sale, cancellation or return
        is booked on the day it happens, so any change to a product's facts changes these (a range of the
        facts' primary key, which starts with the day: a few days' rows, however long the history)."""
        # SQLite would group along the (product, day) index and so read every fact; "+product_id" is no index
        # column, so it reads the days' range of the primary key and groups that
        by = facts_t.c.product_id if self._pg else literal_column("+product_id")
        q = select(facts_t.c.product_id, *self._figures()).where(facts_t.c.day >= since).group_by(by)
        return {r[0]: tuple(int(v or 0) for v in r[1:]) for r in self.c.execute(q).all()}

    def fingerprint(self, since: date, product_ids: Iterable[int] | None = None) -> tuple[int, ...]:
        """The same figures over these products together (every product: None), in one aggregate."""
        q = select(*self._figures()).where(facts_t.c.day >= since)
        if product_ids is not None:
            q = q.where(facts_t.c.product_id.in_(list(product_ids)))
        return tuple(int(v or 0) for v in self.c.execute(q).one())

    def sale_history(self, product_ids: Sequence[int] | None = None) -> dict[int, tuple[date, int]]:
        """Per product that sold: its first day with units sold and how many days it sold on (every product: None)."""
        out: dict[int, tuple[date, int]] = {}
        chunks = [None] if product_ids is None else [list(product_ids[i:i + 500])
                                                     for i in range(0, len(product_ids), 500)]
        for ids in chunks:
            q = (select(facts_t.c.product_id, func.min(facts_t.c.day), func.count(func.distinct(facts_t.c.day)))
                 .where(facts_t.c.units > 0).group_by(facts_t.c.product_id))
            if ids is not None:
                q = q.where(facts_t.c.product_id.in_(ids))
            out.update({pid: (first, int(n)) for pid, first, n in self.c.execute(q).all()})
        return out

    def daily(self, start: date, end: date, product_ids: Iterable[int] | None = None) -> list[ProductDaySales]:
        """(product_id, day, units, net minor) per product and day within [start, end], summed over channels and
        agents."""
        q = (select(facts_t.c.product_id, facts_t.c.day, func.sum(facts_t.c.units), func.sum(facts_t.c.net_minor))
             .where(facts_t.c.day >= start, facts_t.c.day <= end).group_by(facts_t.c.product_id, facts_t.c.day))
        if product_ids is not None:
            q = q.where(facts_t.c.product_id.in_(list(product_ids)))
        return [ProductDaySales(*r) for r in self.c.execute(q)]

    def weekly_units(self, start: date, end: date, product_ids: Iterable[int], series_from: int,
                     series_to: int) -> list[WeeklyUnits]:
        """What a refresh reads, aggregated here rather than in Python (two to three million daily rows at 10,000
        products, a third as many weekly ones): per product and week of the days [start, end] (week number: Mondays
        since 2000-01-03, day numbers since 2000-01-01), (product_id, week, units, first day, days sold), where
        ``units`` sums the days of [series_from, series_to] on or after the product's first day with units sold in
        [start, end] (what its weekly series counts), ``first day`` is that day's number (None: none) and ``days
        sold`` counts the week's days with units sold (a day's units summed over channels and agents first)."""
        f = facts_t.c
        n = type_coerce(self._day_number(), BigInteger)  # PostgreSQL's date - date is an integer already
        daily = (select(f.product_id.label("pid"), n.label("n"), func.sum(f.units).label("u"))
                 .where(f.day >= start, f.day <= end, f.product_id.in_(list(product_ids)))
                 .group_by(f.product_id, f.day).subquery("daily"))
        first = func.min(case((daily.c.u > 0, daily.c.n))).over(partition_by=daily.c.pid)
        ranked = select(daily.c.pid, daily.c.n, daily.c.u, first.label("first")).subquery("ranked")
        r = ranked.c
        week = (r.n - 2) // 7
        counted = case((and_(r.n >= r.first, r.n >= series_from, r.n <= series_to), r.u), else_=0)
        q = (select(r.pid, week.label("week"), func.sum(counted), func.min(r.first),
                    func.sum(case((r.u > 0, 1), else_=0)))
             .group_by(r.pid, week))
        return [WeeklyUnits(*row) for row in self.c.execute(q)]

    def daily_sum(self, start: date, end: date, product_ids: Iterable[int] | None = None) -> list[DaySales]:
        """(day, units, net minor) within [start, end] summed over these products (every product: None)."""
        q = (select(facts_t.c.day, func.sum(facts_t.c.units), func.sum(facts_t.c.net_minor))
             .where(facts_t.c.day >= start, facts_t.c.day <= end).group_by(facts_t.c.day))
        if product_ids is not None:
            q = q.where(facts_t.c.product_id.in_(list(product_ids)))
        return [DaySales(*r) for r in self.c.execute(q)]

    def first_sale(self, product_ids: Iterable[int] | None = None) -> FirstSale:
        """(first day with units sold, days with units sold) over the products (all products: None)."""
        q = select(func.min(facts_t.c.day), func.count(func.distinct(facts_t.c.day))).where(facts_t.c.units > 0)
        if product_ids is not None:
            q = q.where(facts_t.c.product_id.in_(list(product_ids)))
        first, days = self.c.execute(q).one()
        return FirstSale(first, int(days))

    # ---- the cache ---------------------------------------------------------------------------------------------
    def cached(self, kind: str, keys: Sequence[str], freq: str, measure: str, horizon: int) -> dict[str, tuple]:
        """key -> (fingerprint, payload) of what is cached for these keys."""
        out: dict[str, tuple] = {}
        for i in range(0, len(keys), 500):
            q = select(cache_t.c.key, cache_t.c.fingerprint, cache_t.c.payload).where(
                cache_t.c.kind == kind, cache_t.c.freq == freq, cache_t.c.measure == measure,
                cache_t.c.horizon == horizon, cache_t.c.key.in_(list(keys[i:i + 500])))
            out.update({k: (f, p) for k, f, p in self.c.execute(q).all()})
        return out

    def cached_fingerprints(self, kind: str, freq: str, measure: str, horizon: int) -> dict[str, str]:
        """key -> fingerprint of everything cached of one kind, frequency, measure and horizon (no payloads)."""
        q = select(cache_t.c.key, cache_t.c.fingerprint).where(
            cache_t.c.kind == kind, cache_t.c.freq == freq, cache_t.c.measure == measure, cache_t.c.horizon == horizon)
        return dict(self.c.execute(q).all())

    def store(self, rows: Sequence[Mapping[str, object]]) -> None:
        """Insert or replace cached forecasts (dicts with every column)."""
        if not rows:
            return
        ins = (pg_insert if self._pg else sqlite_insert)(cache_t)
        stmt = ins.on_conflict_do_update(index_elements=["kind", "key", "freq", "measure", "horizon"],
                                         set_={c: ins.excluded[c] for c in ("fingerprint", "computed_at", "payload")})
        self.c.execute(stmt, rows)

    # ---- stock and purchasing ------------------------------------------------------------------------------------
    def stock(self, product_ids: Iterable[int] | None = None) -> list[StockPosition]:
        """id, sku, name, on_hand, reserved, cost_minor, supplier_id, lead_days of active products with a stock row."""
        q = (select(products_t.c.id, products_t.c.sku, products_t.c.name, stock_t.c.on_hand, stock_t.c.reserved,
                    products_t.c.cost_minor, product_suppliers_t.c.supplier_id, suppliers_t.c.lead_days)
             .join(stock_t, stock_t.c.product_id == products_t.c.id)
             .outerjoin(product_suppliers_t, product_suppliers_t.c.product_id == products_t.c.id)
             .outerjoin(suppliers_t, suppliers_t.c.id == product_suppliers_t.c.supplier_id)
             .where(products_t.c.active.is_(True)).order_by(products_t.c.sku))
        if product_ids is not None:
            q = q.where(products_t.c.id.in_(list(product_ids)))
        return [StockPosition(*r) for r in self.c.execute(q)]

    def on_order(self, *, drafts: bool) -> dict[int, int]:
        """Units still to come per product on sent and partly received purchase orders (and drafts, if asked)."""
        statuses = (("draft",) if drafts else ()) + tuple(OPEN_STATUSES)
        q = (select(po_lines_t.c.product_id, func.sum(po_lines_t.c.quantity - po_lines_t.c.received))
             .join(pos_t, pos_t.c.id == po_lines_t.c.po_id)
             .where(pos_t.c.status.in_(statuses)).group_by(po_lines_t.c.product_id))
        return {pid: int(n or 0) for pid, n in self.c.execute(q).all()}

