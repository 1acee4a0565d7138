"""Backorders taken at entry: what an order asks beyond the stock waits (status ``waiting``, nothing reserved) and is
reserved first-in-first-out when goods come in (a purchase receipt, or units another order gives back).

These functions run in the caller's transaction. Whoever changes a ``waiting`` row of a product holds that product's
stock row (``uow.stock.lock_rows`` or the reservation's own UPDATE) first, so two allocations never share the goods.
An order with a waiting backorder stays ``confirmed`` but is not pickable (the queue says "awaiting stock"): it
ships complete once everything is reserved. (A short pick's backorder is different: its units stay reserved and
the order ships in parts; see services/shipping.py.)
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from ..domain import events as ev
from ..domain.document_states import BackorderStatus, check_move
from ..domain.mail import MailKind
from ..domain.references import order_number
from ..domain import history_notes as notes
from .outbox import queue_for


def reserve_or_backorder(uow, actor, order, wanted: list[tuple[int, str, str, int]], reason: str) -> dict[str, int]:
    """Reserve what is available of each ``(product_id, sku, name, units)`` (SKU order) and leave the rest waiting
    as a backorder of ``order``; the backorder's history row, event and mail are written here. Returns SKU ->
    units backordered (empty when everything was there)."""
    moves, owed = [], {}
    for pid, sku, name, qty in sorted(wanted, key=lambda w: w[1]):
        got = uow.stock.reserve_up_to(pid, qty) if qty > 0 else 0
        if got:
            moves.append(dict(product_id=pid, kind="reserve", reserved_delta=got, order_id=order.id,
                              user_id=actor.user_id))
        if qty - got > 0:
            add_waiting(uow, order.id, pid, sku, name, qty - got, reason)
            owed[sku] = qty - got
    uow.stock.add_moves(moves)
    if owed:
        announce(uow, actor, order, {pid: sku for pid, sku, _n, _q in wanted if sku in owed}, owed)
    return owed


def add_waiting(uow, order_id: int, product_id: int, sku: str, name: str, units: int, reason: str) -> None:
    """Add ``units`` to the order's waiting backorder of the product (one row per product)."""
    row = next((b for b in uow.shipments.backorders_of(order_id, open_only=True, with_waiting=True)
                if b.product_id == product_id and b.status == BackorderStatus.WAITING), None)
    if row is None:
        uow.shipments.add_backorder(dict(order_id=order_id, product_id=product_id, sku=sku, name=name, quantity=units,
                                         status=BackorderStatus.WAITING.value, reason=reason[:200]))
    else:
        uow.shipments.update_backorder(row.id, {"quantity": row.quantity + units})


def announce(uow, actor, order, skus: dict[int, str], owed: dict[str, int]) -> None:
    label = order_number(order.id)
    uow.orders.add_history(order.id, order.status, order.status, actor.user_id,
                           notes.note(notes.BACKORDER_WAITS,
                                      lines=", ".join(f"{q} x {s}" for s, q in sorted(owed.items()))))
    uow.events.add_event(ev.BackorderCreated(order_id=order.id, number=label, product_ids=sorted(skus),
                                             lines=dict(sorted(owed.items()))), user_id=actor.user_id)
    queue_for(uow, MailKind.BACKORDER, order.id, order.customer_id,
              {"lines": [[s, q] for s, q in sorted(owed.items())]})


def waiting_of(uow, order_id: int) -> dict[int, Any]:
    """The order's waiting backorder rows by product."""
    return {b.product_id: b for b in uow.shipments.backorders_of(order_id, open_only=True, with_waiting=True)
            if b.status == BackorderStatus.WAITING}


def give_up(uow, row, units: int) -> None:
    """``units`` of a waiting backorder are no longer wanted (the order was amended or cancelled): nothing was
    reserved for them, so nothing is released; a row left empty is released (with 0 units: none were owed
    reserved, unlike a shipped order's released backorder)."""
    left = row.quantity - units
    if left > 0:
        uow.shipments.update_backorder(row.id, {"quantity": left})
    else:
        check_move(BackorderStatus, row.status, BackorderStatus.RELEASED,
                   f"the backorder of {order_number(row.order_id)}")
        uow.shipments.update_backorder(row.id, {"quantity": 0, "status": BackorderStatus.RELEASED.value})


def reserve_waiting(uow, actor, product_ids) -> dict[int, dict[str, int]]:
    """Goods of these products came in or were given back: reserve them for the waiting backorders, the one taken
    first first, as far as they go. Returns order id -> SKU -> units reserved now."""
    ids = sorted(set(product_ids))
    if not ids:
        return {}
    uow.stock.lock_rows(ids)
    given: dict[int, dict[str, int]] = defaultdict(dict)
    products: dict[int, set[int]] = defaultdict(set)
    moves, dry = [], set()
    for b in uow.shipments.waiting_for(ids):
        if b.product_id in dry:
            continue
        got = uow.stock.reserve_up_to(b.product_id, b.quantity)
        if got < b.quantity:
            dry.add(b.product_id)
        if not got:
            continue
        if got == b.quantity:
            check_move(BackorderStatus, b.status, BackorderStatus.FULFILLED,
                       f"the backorder of {order_number(b.order_id)}")
            uow.shipments.update_backorder(b.id, {"quantity": 0, "status": BackorderStatus.FULFILLED.value})
        else:
            uow.shipments.update_backorder(b.id, {"quantity": b.quantity - got})
        moves.append(dict(product_id=b.product_id, kind="reserve", reserved_delta=got, order_id=b.order_id,
                          reason="backorder: goods arrived", user_id=actor.user_id))
        given[b.order_id][b.sku] = given[b.order_id].get(b.sku, 0) + got
        products[b.order_id].add(b.product_id)
    uow.stock.add_moves(moves)
    for oid, lines in sorted(given.items()):
        complete = not waiting_of(uow, oid)
        order = uow.orders.get(oid)
        text = ", ".join(f"{q} x {s}" for s, q in sorted(lines.items()))
        uow.orders.add_history(oid, order.status, order.status, actor.user_id,
                               notes.note(notes.BACKORDER_READY if complete else notes.BACKORDER_RESERVED,
                                          lines=text))
        uow.events.add_event(ev.BackorderReserved(order_id=oid, number=order_number(oid),
                                                  product_ids=sorted(products[oid]),
                                                  lines=dict(sorted(lines.items())), complete=complete),
                             user_id=actor.user_id)
    return dict(given)


def with_backorder(uow, dto):
    """The order's DTO with what of it waits for goods (a backorder taken at entry)."""
    waiting = waiting_of(uow, dto.id)
    return replace(dto, backordered=tuple(sorted((b.sku, b.quantity) for b in waiting.values()))) if waiting else dto
