"""Writing new orders: the one function that places an order at the desk and takes a batch of imported ones in.

``place_order`` (one order) and the order import (a batch of up to a few hundred) both write their orders here, so
the rules cannot drift apart: every order gets a tracking number no other order has (drawn here, checked by the
insert itself), its lines, allowances and charges, status history, its ``OrderConfirmed`` event when it is
confirmed, its audit record, then (``reserve``, the caller's: the stock rows stay locked for as short as possible)
the reservation, and last the sales facts of the orders that count. Each kind of row is one statement for the
whole batch (an executemany), so a batch of 200 orders costs about as many statements as one order."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from ..domain import events as ev
from ..domain import tracking
from ..domain.money import from_minor
from ..domain.references import order_number
from . import sales_facts
from .dto import Actor


@dataclass
class NewOrder:
    """An order to write: its ``orders`` row but the tracking number, its lines and allowances (without the order
    id), status history ``(from, to, note, at)``, whether an ``OrderConfirmed`` event tells the warehouse, its audit
    record (made from the order id and tracking number), and its sales facts ``(+1 confirmed / -1 cancelled, at)``.
    ``write_orders`` fills in ``id`` and ``tracking_number``."""
    values: dict
    lines: list[dict]
    adjustments: list[dict]
    history: list[tuple[str | None, str, str, datetime]]
    audit: Callable[[int, str], dict]
    confirmed_event: bool = True
    facts: list[tuple[int, datetime]] = field(default_factory=list)
    id: int = 0
    tracking_number: str = ""

    def row(self) -> SimpleNamespace:
        return SimpleNamespace(**{**self.values, "id": self.id, "tracking_number": self.tracking_number})


def write_orders(uow: Any, actor: Actor, orders: list[NewOrder],
                 reserve: Callable[[list[NewOrder]], None] | None = None) -> None:
    """Write ``orders`` (see the module), then ``reserve(orders)`` (the caller's stock reservation: the last writes
    on stock rows before the sales facts and the commit)."""
    if not orders:
        return
    placed = uow.orders.add_with_tracking_numbers([o.values for o in orders], tracking.new_tracking_number)
    for o, (oid, tn) in zip(orders, placed, strict=True):
        o.id, o.tracking_number = oid, tn
        for ln in o.lines:
            ln["order_id"] = oid
        for a in o.adjustments:
            a["order_id"] = oid
    with uow.held_inserts():  # these rows need no answer: on PostgreSQL one statement, before the reservation
        uow.orders.add_lines([ln for o in orders for ln in o.lines])
        uow.carts.add_order_adjustments([a for o in orders for a in o.adjustments])
        uow.orders.add_histories([dict(order_id=o.id, from_status=f, to_status=t, user_id=actor.user_id, note=note,
                                       at=at) for o in orders for f, t, note, at in o.history])
        uow.events.add_events([(ev.OrderConfirmed(order_id=o.id, number=order_number(o.id),
                                                  tracking_number=o.tracking_number, lines=len(o.lines),
                                                  total=str(from_minor(int(o.values["total_minor"]),
                                                                       o.values["currency"])),
                                                  currency=o.values["currency"]), actor.user_id)
                               for o in orders if o.confirmed_event])
        uow.audit.record_many([dict(user_id=actor.user_id, username=actor.username, **o.audit(o.id, o.tracking_number))
                               for o in orders])
        if reserve is not None:
            reserve(orders)
    sales_facts.record_many(uow, [(o.row(), at, sign, o.lines, o.adjustments) for o in orders
                                  for sign, at in o.facts])
