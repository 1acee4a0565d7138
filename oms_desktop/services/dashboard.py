"""The manager's dashboard: today so far by channel against the same weekday last week up to the same time of day,
sales by day, top products, carts at risk and conversion, read in one transaction from the sales facts and the carts'
queries (``docs/dashboard.md``).

Today is the company's local day (``sales_facts.local_day``, as the facts are kept). Every figure comes from a query
the sales report or the open-carts board already runs (``uow.sales.day_figures``/``product_figures``,
``carts.read_board``/``read_conversion``): the dashboard shows what those screens show, never a second computation.
Last week's part of a day is the one exception: the facts are kept per day, so it is recomputed from the documents
up to that time (``uow.sales.channel_figures``, the recomputation the report by customer and ``oms check sales`` run).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..domain.errors import ValidationFailed
from ..domain.messages import msg
from ..domain.roles import Perm
from .base import ServiceBase
from .carts import CartBoardDTO, ConversionReportDTO, read_board, read_conversion
from .dto import Actor
from .ports import utc_now
from .sales import SalesFiguresDTO, figures_of
from .sales_facts import local_day

DEFAULT_DAYS = 56          # sales by day: eight weeks
TOP_DAYS = 28              # top products over the last four weeks
CONVERSION_DAYS = 7
TOP_PRODUCTS = 10
AT_RISK_CARTS = 5
MAX_DAYS = 731


@dataclass(frozen=True)
class ChannelDayDTO:
    """A channel's today so far beside the same weekday a week before up to the same time of day (``channel``
    "total": every channel)."""
    channel: str
    today: SalesFiguresDTO
    last_week: SalesFiguresDTO


@dataclass(frozen=True)
class DaySalesDTO:
    day: date
    orders: int
    net: SalesFiguresDTO


@dataclass(frozen=True)
class TopProductDTO:
    sku: str
    name: str
    figures: SalesFiguresDTO


@dataclass(frozen=True)
class DashboardDTO:
    today: date
    last_week_day: date                     # today - 7 days: the same weekday
    last_week_until: datetime               # last week's figures stop here: the same local time of day as now
    currency: str
    channels: tuple[ChannelDayDTO, ...]     # every channel sold on either day, most net revenue today first
    total: ChannelDayDTO
    days: tuple[DaySalesDTO, ...]           # every day of [first_day, today], days without sales as zeros
    top_products: tuple[TopProductDTO, ...]  # most net revenue over [top_from, today] first
    top_from: date
    carts: CartBoardDTO                     # the carts at risk first (a few), with the counts of all open carts
    conversion: ConversionReportDTO         # carts created over the last CONVERSION_DAYS days, by channel
    read_at: datetime

    @property
    def first_day(self) -> date:
        return self.days[0].day if self.days else self.today


class DashboardService(ServiceBase):
    """The dashboard's figures (managers and administrators: the same figures as the sales report, so the same
    permission)."""

    def overview(self, actor: Actor, *, days: int = DEFAULT_DAYS, top: int = TOP_PRODUCTS) -> DashboardDTO:
        """Everything the dashboard shows, in one read transaction: ``days`` days of sales by day to today, the
        ``top`` products of the last 28 days."""
        self._require(actor, Perm.PRICE_OVERRIDE, "see the dashboard")
        if not 1 <= days <= MAX_DAYS:
            raise ValidationFailed(msg("days must be between 1 and {most} (got {days})", most=MAX_DAYS, days=days))
        if top < 1:
            raise ValidationFailed(msg("top must be at least 1 (got {top})", top=top))
        company = self.company
        cur = company.currency
        now = utc_now()
        today = local_day(now)
        week_ago = today - timedelta(days=7)
        first = today - timedelta(days=days - 1)
        top_from = today - timedelta(days=TOP_DAYS - 1)
        with self._uow(write=False) as uow:
            now_rows = uow.sales.day_figures(today, today, "channel")
            ago_rows = uow.sales.channel_figures(*same_time_last_week(now, week_ago))
            day_rows = uow.sales.day_figures(first, today, "day")
            top_rows = uow.sales.product_figures(top_from, today, "product", top=top)
            board = read_board(uow, company, at_risk_only=True, limit=AT_RISK_CARTS)
            conversion = read_conversion(uow, company, today - timedelta(days=CONVERSION_DAYS - 1), today,
                                         "channel")

        def sums(row) -> list[int]:  # orders, units, net_minor, returned_units, returned_minor
            return [int(v or 0) for v in row.figures()]
        now_by, ago_by = ({str(r.key): sums(r) for r in rows} for rows in (now_rows, ago_rows))
        channels = sorted(set(now_by) | set(ago_by), key=lambda c: (-(now_by.get(c) or [0, 0, 0])[2], c))
        tiles = tuple(ChannelDayDTO(c, figures_of(now_by.get(c), cur), figures_of(ago_by.get(c), cur))
                      for c in channels)

        def added(rows: dict[str, list[int]]) -> list[int]:
            return [sum(col) for col in zip([0] * 5, *rows.values())]
        total = ChannelDayDTO("total", figures_of(added(now_by), cur), figures_of(added(ago_by), cur))
        by_day = {_as_date(r.key): sums(r) for r in day_rows}
        series = tuple(DaySalesDTO(d, (by_day.get(d) or [0])[0], figures_of(by_day.get(d), cur))
                       for d in (first + timedelta(days=i) for i in range(days)))
        tops = tuple(TopProductDTO(str(r.key), str(r.label or ""), figures_of(sums(r), cur)) for r in top_rows)
        return DashboardDTO(today, week_ago, same_time_last_week(now, week_ago)[1], cur, tiles, total, series, tops,
                            top_from, board, conversion, now)


def same_time_last_week(now: datetime, week_ago: date) -> tuple[datetime, datetime]:
    """From local midnight of ``week_ago`` to the same local time of day as ``now`` (the wall clock's: across a
    change to or from daylight saving time, an hour more or less than the elapsed time): today so far is compared
    with as much of that day, not with all of it."""
    local = now.astimezone()
    lo = datetime.combine(week_ago, time.min).astimezone()
    hi = datetime.combine(week_ago, local.time().replace(tzinfo=None)).astimezone()
    return lo, hi


def _as_date(value) -> date:
    """A day as the database returns it (SQLite may hand back text)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))
