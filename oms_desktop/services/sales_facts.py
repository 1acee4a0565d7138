"""The sales facts, kept in the transaction that changes them: the services that confirm, place, cancel or take back an
order call one function here with their unit of work, last, right before their commit (each writes two UPSERTs:
the product rows of the event, and its day row; one statement on PostgreSQL; see ``adapters/db/models_sales.py``).

* **Confirmed** (``confirm_order``, ``place_order``): the order's products count on its confirmation day: units, net
  revenue net of the order's goods allowances (``domain/sales.py`` shares them over the products), one order.
* **Cancelled after confirmation**: the same figures taken off again on the day of the cancellation (a cart cancelled
  before confirmation never counted).
* **Returned** (``receive_return``): the returned units and their value on the day the return was received, under
  the order's channel and agent; revenue stays as it was booked, so the report shows sales and returns side by side.
* **Credit notes** change no fact: a credit note corrects an invoice (billing, the journal's revenue); goods that came
  back are counted once, as a return, and a price correction is the books' business, not a sale.

The **day** is the company's local day of the event: the workstation's time zone (as ``cart_pricing.local_day``),
daylight saving time included. The check and the rebuild compute the same day in SQL from ``utc_offsets()``.
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Any

from ..domain.sales import ProductSale, by_product, goods_allowances, product_sales, returned_value

Segments = tuple[tuple[datetime | None, int], ...]
"""The local time zone's UTC offsets: ``(from, seconds)`` pairs in time order; each holds from its instant (UTC; None:
since ever) until the next pair's."""


def local_day(at: datetime) -> date:
    """The company's day of the instant ``at``: the workstation's local date."""
    return at.astimezone().date()


def _get(row: Any, name: str) -> Any:
    # a dict first: the rows just written (the common case) skip the Mapping ABC's isinstance check
    return row[name] if type(row) is dict or isinstance(row, Mapping) else getattr(row, name)


def sales_of(lines: Iterable[Any], adjustments: Iterable[Any]) -> list[ProductSale]:
    """An order's sales per product from its lines and adjustments (rows or dicts, as stored)."""
    return product_sales(((_get(ln, "product_id"), _get(ln, "quantity"), _get(ln, "net_minor")) for ln in lines),
                         goods_allowances((_get(a, "amount_minor"), _get(a, "net_minor"), _get(a, "label"))
                                          for a in adjustments))


def _record(uow, order, day: date, sales: list[ProductSale], sign: int) -> None:
    channel, agent = order.channel, order.created_by or 0
    rows = [dict(day=day, product_id=s.product_id, channel=channel, agent_id=agent, units=sign * s.units,
                 net_minor=sign * s.revenue_minor, orders=sign, returned_units=0, returned_minor=0) for s in sales]
    total = dict(day=day, channel=channel, agent_id=agent, orders=sign, units=sign * sum(s.units for s in sales),
                 net_minor=sign * sum(s.revenue_minor for s in sales), returned_units=0, returned_minor=0)
    uow.sales.add(rows, total)


def record_confirmed(uow, order, at: datetime, lines=None, adjustments=None) -> None:
    """``order`` (its id, channel and created_by) was confirmed at ``at`` (as stored in ``confirmed_at``) with
    ``lines`` and ``adjustments`` as stored (read here when not given)."""
    lines = uow.orders.lines(order.id) if lines is None else lines
    adjustments = uow.carts.adjustments(order.id) if adjustments is None else adjustments
    _record(uow, order, local_day(at), sales_of(lines, adjustments), 1)


def record_many(uow, facts: list[tuple[Any, datetime, int, Any, Any]]) -> None:
    """The facts of many orders at once, each ``(order, at, sign, lines, adjustments)``: +1 confirmed at ``at``, -1
    cancelled at ``at`` (as ``record_confirmed`` and ``record_cancelled``), summed per key: the same two UPSERTs
    however many orders (each an executemany)."""
    products: dict[tuple, dict] = {}
    days: dict[tuple, dict] = {}
    for order, at, sign, lines, adjustments in facts:
        day, channel, agent = local_day(at), order.channel, order.created_by or 0
        sales = sales_of(lines, adjustments)
        for s in sales:
            r = products.setdefault((day, s.product_id, channel, agent), dict(
                day=day, product_id=s.product_id, channel=channel, agent_id=agent, units=0, net_minor=0, orders=0,
                returned_units=0, returned_minor=0))
            r["units"] += sign * s.units
            r["net_minor"] += sign * s.revenue_minor
            r["orders"] += sign
        d = days.setdefault((day, channel, agent), dict(day=day, channel=channel, agent_id=agent, orders=0, units=0,
                                                        net_minor=0, returned_units=0, returned_minor=0))
        d["orders"] += sign
        d["units"] += sign * sum(s.units for s in sales)
        d["net_minor"] += sign * sum(s.revenue_minor for s in sales)
    if days:
        uow.sales.add(list(products.values()), [days[k] for k in sorted(days)])


def record_cancelled(uow, order, at: datetime, lines=None, adjustments=None) -> None:
    """``order`` (the row as it was before: its ``confirmed_at`` says whether it ever counted) was cancelled at
    ``at`` (as stored in its status history)."""
    if order.confirmed_at is None:
        return
    lines = uow.orders.lines(order.id) if lines is None else lines
    adjustments = uow.carts.adjustments(order.id) if adjustments is None else adjustments
    _record(uow, order, local_day(at), sales_of(lines, adjustments), -1)


def record_amended(uow, order, old_lines, old_adjustments, lines=None, adjustments=None) -> None:
    """``order`` (the row as it was before) was amended from ``old_lines`` and ``old_adjustments`` to what is
    stored now: the difference is counted on its confirmation day, where the documents put an order's sales
    (a product that left the order takes its order back, one that joined counts one)."""
    if order.confirmed_at is None:
        return
    lines = uow.orders.lines(order.id) if lines is None else lines
    adjustments = uow.carts.adjustments(order.id) if adjustments is None else adjustments
    before, after = by_product(sales_of(old_lines, old_adjustments)), by_product(sales_of(lines, adjustments))
    day, channel, agent = local_day(order.confirmed_at), order.channel, order.created_by or 0
    rows = []
    for pid in sorted(set(before) | set(after)):
        b, a = before.get(pid), after.get(pid)
        units = (a.units if a else 0) - (b.units if b else 0)
        net = (a.revenue_minor if a else 0) - (b.revenue_minor if b else 0)
        orders = (a is not None) - (b is not None)
        if units or net or orders:
            rows.append(dict(day=day, product_id=pid, channel=channel, agent_id=agent, units=units, net_minor=net,
                             orders=orders, returned_units=0, returned_minor=0))
    uow.sales.add(rows, dict(day=day, channel=channel, agent_id=agent, orders=0,
                             units=sum(r["units"] for r in rows), net_minor=sum(r["net_minor"] for r in rows),
                             returned_units=0, returned_minor=0))


def record_return(uow, order, product_id: int, quantity: int, at: datetime, *, returned_before: int,
                  lines=None, adjustments=None) -> None:
    """``quantity`` units of ``product_id`` came back at ``at`` (as stored with the return), after
    ``returned_before`` units of it on earlier returns of the same order."""
    lines = uow.orders.lines(order.id) if lines is None else lines
    adjustments = uow.carts.adjustments(order.id) if adjustments is None else adjustments
    sale = by_product(sales_of(lines, adjustments))[product_id]
    value = returned_value(sale.revenue_minor, sale.units, returned_before, quantity)
    day, channel, agent = local_day(at), order.channel, order.created_by or 0
    uow.sales.add([dict(day=day, product_id=product_id, channel=channel, agent_id=agent, units=0, net_minor=0,
                        orders=0, returned_units=quantity, returned_minor=value)],
                  dict(day=day, channel=channel, agent_id=agent, orders=0, units=0, net_minor=0,
                       returned_units=quantity, returned_minor=value))


# ---- the local day in SQL --------------------------------------------------------------------------------------

SINCE = datetime(1990, 1, 1, tzinfo=timezone.utc)


def _offset(at: datetime) -> int:
    off = at.astimezone().utcoffset()
    return int(off.total_seconds()) if off is not None else 0


@lru_cache(maxsize=8)
def _segments(zone: tuple, until_year: int) -> Segments:
    def offset(seconds: int) -> int:
        return _offset(datetime.fromtimestamp(seconds, timezone.utc))
    out: list[tuple[datetime | None, int]] = [(None, _offset(SINCE))]
    t, until, day = int(SINCE.timestamp()), int(datetime(until_year, 1, 1, tzinfo=timezone.utc).timestamp()), 86400
    while t < until:
        if offset(t + day) != out[-1][1]:
            lo, hi = t, t + day  # the offset changes in (lo, hi]: find the first second of the new one
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (mid, hi) if offset(mid) == out[-1][1] else (lo, mid)
            out.append((datetime.fromtimestamp(hi, timezone.utc), offset(hi)))
        t += day
    return tuple(out)


def utc_offsets(now: datetime | None = None) -> Segments:
    """The workstation's time zone as UTC offsets from 1990 to two years ahead (after that the last one holds), so
    SQL can give each stored instant the local day ``local_day`` gives it. Cached per time zone and year."""
    year = (now or datetime.now(timezone.utc)).year
    return _segments((time.tzname, time.timezone, time.altzone), year + 2)
