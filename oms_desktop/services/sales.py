"""The sales report: units, net revenue, orders, average order value, returns and returns rate over a period of local
days, grouped by day, ISO week, month, channel, category, product, agent or customer, each beside the same figures
for the same period a year before; and the top products.

It reads the sales facts (``services/sales_facts.py`` keeps them): by day, week, month, channel or agent the day
facts (an order counted once), by product or category the product facts (``orders``: the orders that held the
product; a category's is the sum over its products, so an order with two of its products counts twice there). By
customer it recomputes the same figures from the documents (the facts are not kept per customer). The total is
always the day facts' (exact order counts whatever the grouping).

A year before: 364 days earlier (the same weekdays: a Monday beside a Monday) for every grouping but the month,
which is compared with the same month a calendar year earlier.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from ..domain.errors import ValidationFailed
from ..domain.messages import msg
from ..domain.money import from_minor, round_money
from ..domain.references import customer_number
from ..domain.roles import Perm
from .base import ServiceBase
from .dto import Actor
from .ports import utc_now
from .sales_facts import local_day

SALES_BY = ("day", "week", "month", "channel", "category", "product", "agent", "customer")
TIME_BY = ("day", "week", "month")
DAY_FACTS_BY = (*TIME_BY, "channel", "agent")
DEFAULT_DAYS = 30
SAME_WEEKDAYS = timedelta(days=364)


@dataclass(frozen=True)
class SalesFiguresDTO:
    units: int
    net: Decimal                      # net revenue: net of the orders' allowances, before tax
    orders: int
    average_order_value: Decimal | None  # net revenue per order (None without orders)
    returned_units: int
    returned_value: Decimal
    returns_rate: Decimal | None      # returned units per unit sold, a fraction (None without units sold)


@dataclass(frozen=True)
class SalesRowDTO:
    key: str      # 2025-03-04, 2025-W10, 2025-03, the channel, category, SKU, agent's user name or customer number
    label: str    # the product's or customer's name ("" for the others)
    figures: SalesFiguresDTO
    last_year: SalesFiguresDTO


@dataclass(frozen=True)
class SalesReportDTO:
    by: str
    start: date
    end: date
    last_year_start: date
    last_year_end: date
    currency: str
    rows: tuple[SalesRowDTO, ...]
    total: SalesRowDTO
    top_products: tuple[SalesRowDTO, ...]


_Sums = list[int]  # orders, units, net_minor, returned_units, returned_minor


def _year_earlier(d: date) -> date:
    return d.replace(year=d.year - 1) if not (d.month == 2 and d.day == 29) else date(d.year - 1, 2, 28)


def _year_later(d: date) -> date:
    return d.replace(year=d.year + 1) if not (d.month == 2 and d.day == 29) else date(d.year + 1, 2, 28)


def figures_of(sums: Iterable[int] | None, currency: str) -> SalesFiguresDTO:
    """The figures of ``sums`` (orders, units, net_minor, returned_units, returned_minor; None: nothing sold)."""
    orders, units, net, r_units, r_net = sums or (0, 0, 0, 0, 0)
    return SalesFiguresDTO(
        units=units, net=from_minor(net, currency), orders=orders,
        average_order_value=round_money(from_minor(net, currency) / orders, currency) if orders else None,
        returned_units=r_units, returned_value=from_minor(r_net, currency),
        returns_rate=(Decimal(r_units) / Decimal(units)).quantize(Decimal("0.0001")) if units > 0 else None)


def bucket(d: date, by: str) -> str:
    """The row a day belongs to: the day, its ISO week (2025-W01 may begin in December 2024) or its month."""
    if by == "week":
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}"
    return d.strftime("%Y-%m") if by == "month" else d.isoformat()


class SalesService(ServiceBase):
    """The sales report (managers and administrators: who may override prices sees what they earn)."""

    def report(self, actor: Actor, *, by: str = "day", start: date | None = None, end: date | None = None,
               top: int | None = None) -> SalesReportDTO:
        """Sales over the local days [start, end] (the last 30 days to today by default) grouped ``by`` one of
        SALES_BY, each row beside the same figures a year before; ``top``: the N products with the most net
        revenue too."""
        self._require(actor, Perm.PRICE_OVERRIDE, "see the sales report")
        if by not in SALES_BY:
            raise ValidationFailed(msg("group by '{by}' is unknown (choose one of: {choices})", by=by,
                                       choices=", ".join(SALES_BY)))
        if top is not None and top < 1:
            raise ValidationFailed(msg("--top must be at least 1 (got {top})", top=top))
        end = end or local_day(utc_now())
        start = start or end - timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            raise ValidationFailed(msg("from {start} is after to {end}", start=start.isoformat(), end=end.isoformat()))
        if by == "month":
            ly_start, ly_end = _year_earlier(start), _year_earlier(end)
        else:
            ly_start, ly_end = start - SAME_WEEKDAYS, end - SAME_WEEKDAYS
        cur = self.company.currency
        with self._uow(write=False) as uow:
            now_rows, ly_rows = (self._rows(uow, by, a, b) for a, b in ((start, end), (ly_start, ly_end)))
            if by in DAY_FACTS_BY:  # every order is in exactly one row: the rows add up to the total
                totals = [[sum(col) for col in zip([0] * 5, *(s for _, s in rows.values()))]
                          for rows in (now_rows, ly_rows)]
            else:
                totals = [self._sums(uow.sales.day_total(a, b).figures())
                          for a, b in ((start, end), (ly_start, ly_end))]
            top_rows = uow.sales.product_figures(start, end, "product", top=top) if top else []
            top_ly = ({r.key: r for r in uow.sales.product_figures(ly_start, ly_end, "product",
                                                                  only=[r.key for r in top_rows])}
                      if top_rows else {})

        def figures(s: Iterable[int] | None) -> SalesFiguresDTO:
            return figures_of(s, cur)

        if by in TIME_BY:
            this_year = self._bucketed(now_rows, by, None)
            later = (lambda d: _year_later(d)) if by == "month" else (lambda d: d + SAME_WEEKDAYS)
            last_year = self._bucketed(ly_rows, by, later)
            keys = list(dict.fromkeys(bucket(start + timedelta(days=i), by) for i in range((end - start).days + 1)))
            labels: dict[str, str] = {}
        else:
            this_year = {str(k): s for k, (_, s) in now_rows.items()}
            last_year = {str(k): s for k, (_, s) in ly_rows.items()}
            labels = {str(k): lab for rows in (ly_rows, now_rows) for k, (lab, _) in rows.items()}
            keys = sorted(set(this_year) | set(last_year),
                          key=lambda k: (-(this_year.get(k) or [0, 0, 0])[2], k))
        rows = tuple(SalesRowDTO(k, labels.get(k, ""), figures(this_year.get(k)), figures(last_year.get(k)))
                     for k in keys)
        total = SalesRowDTO("total", "", figures(totals[0]), figures(totals[1]))
        tops = tuple(SalesRowDTO(r.key, r.label, figures(self._sums(r.figures())),
                                 figures(self._sums(top_ly[r.key].figures()) if r.key in top_ly else None))
                     for r in top_rows)
        return SalesReportDTO(by, start, end, ly_start, ly_end, cur, rows, total, tops)

    def sales_problems(self) -> list[str]:
        """Where the kept sales facts differ from the documents (should always be empty): ``checks.sales_problems``."""
        from . import checks  # here: the checks import most services, which opening the dashboard need not load
        with self._uow(write=False) as uow:
            return checks.sales_problems(uow)

    # ---- helpers --------------------------------------------------------------------------------------------
    @staticmethod
    def _sums(values) -> _Sums:
        """orders, units, net_minor, returned_units, returned_minor as whole numbers (None: 0)."""
        return [int(v or 0) for v in values]

    def _rows(self, uow, by: str, start: date, end: date) -> dict:
        """key -> (label, sums) for the days [start, end]."""
        if by in DAY_FACTS_BY:
            rows = uow.sales.day_figures(start, end, "day" if by in TIME_BY else by)
        elif by in ("product", "category"):
            rows = uow.sales.product_figures(start, end, by)
        else:
            lo = datetime.combine(start, time.min).astimezone()  # local midnight (the workstation's zone)
            hi = datetime.combine(end + timedelta(days=1), time.min).astimezone()
            rows = uow.sales.customer_figures(lo, hi)
        out = {}
        for r in rows:
            key, label, sums = r.key, r.label, r.figures()
            if by == "agent":
                key, label = label or ("none" if not key else f"user {key}"), ""
            elif by == "customer":
                key = "walk-in" if key is None else customer_number(key)
            elif by == "category" and key == "":
                key = "(no category)"
            out[key] = (label, [int(v or 0) for v in sums])
        return out

    @staticmethod
    def _bucketed(rows: dict, by: str, shift) -> dict[str, _Sums]:
        """Day rows summed per bucket; ``shift`` moves a day of the year before to the day it is compared with."""
        out: dict[str, _Sums] = defaultdict(lambda: [0] * 5)
        for day, (_, sums) in rows.items():
            key = bucket(shift(day) if shift else day, by)
            out[key] = [a + b for a, b in zip(out[key], sums)]
        return out
