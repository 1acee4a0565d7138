"""The states of the documents beside the order (pick lists, an order's place on one, shipments, backorders, purchase
orders) and their legal moves: one table each, checked by one function (the order's own machine is in ``orders``).

Invoices, credit notes, supplier invoices, payments and returns have no state to move: they are issued once and
never change (corrections are new documents), which the database enforces with triggers.
"""
from __future__ import annotations

from enum import StrEnum

from .errors import InvalidTransition
from .messages import Code, Joined, Message, code, msg, phrase


class PickListStatus(StrEnum):
    OPEN = "open"        # printed, being walked
    PICKED = "picked"    # what was found is confirmed


class PickOrderStatus(StrEnum):
    """An order's place on a pick list."""

    PICKING = "picking"  # on the list, picks not confirmed yet
    PICKED = "picked"    # something was found for it
    EMPTY = "empty"      # nothing was found: back in the queue
    DROPPED = "dropped"  # cancelled while on the list
    PACKED = "packed"
    SHIPPED = "shipped"


class ShipmentStatus(StrEnum):
    PACKED = "packed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"


class BackorderStatus(StrEnum):
    WAITING = "waiting"      # taken at entry, not in stock: reserved first-in-first-out when goods arrive
    OPEN = "open"            # still owed, stock still reserved
    FULFILLED = "fulfilled"  # shipped in full
    RELEASED = "released"    # given up: the reservation went back to stock


class PurchaseOrderStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    PARTLY_RECEIVED = "partly_received"
    RECEIVED = "received"
    CANCELLED = "cancelled"


MOVES: dict[type[StrEnum], dict[str, frozenset[str]]] = {
    PickListStatus: {PickListStatus.OPEN: frozenset({PickListStatus.PICKED}), PickListStatus.PICKED: frozenset()},
    PickOrderStatus: {
        PickOrderStatus.PICKING: frozenset({PickOrderStatus.PICKED, PickOrderStatus.EMPTY, PickOrderStatus.DROPPED}),
        PickOrderStatus.PICKED: frozenset({PickOrderStatus.PACKED}),
        PickOrderStatus.PACKED: frozenset({PickOrderStatus.SHIPPED}),
        PickOrderStatus.EMPTY: frozenset(), PickOrderStatus.DROPPED: frozenset(), PickOrderStatus.SHIPPED: frozenset(),
    },
    ShipmentStatus: {ShipmentStatus.PACKED: frozenset({ShipmentStatus.SHIPPED}),
                     ShipmentStatus.SHIPPED: frozenset({ShipmentStatus.DELIVERED}),
                     ShipmentStatus.DELIVERED: frozenset()},
    BackorderStatus: {BackorderStatus.WAITING: frozenset({BackorderStatus.FULFILLED, BackorderStatus.RELEASED}),
                      BackorderStatus.OPEN: frozenset({BackorderStatus.FULFILLED, BackorderStatus.RELEASED}),
                      BackorderStatus.FULFILLED: frozenset(), BackorderStatus.RELEASED: frozenset()},
    PurchaseOrderStatus: {
        PurchaseOrderStatus.DRAFT: frozenset({PurchaseOrderStatus.SENT, PurchaseOrderStatus.CANCELLED}),
        PurchaseOrderStatus.SENT: frozenset({PurchaseOrderStatus.PARTLY_RECEIVED, PurchaseOrderStatus.RECEIVED,
                                             PurchaseOrderStatus.CANCELLED}),
        PurchaseOrderStatus.PARTLY_RECEIVED: frozenset({PurchaseOrderStatus.PARTLY_RECEIVED,
                                                        PurchaseOrderStatus.RECEIVED}),
        PurchaseOrderStatus.RECEIVED: frozenset(), PurchaseOrderStatus.CANCELLED: frozenset(),
    },
}
"""For each kind, what each state may become. A receipt of part of a purchase order leaves it partly received."""


def can_move(kind: type[StrEnum], current: str, target: str) -> bool:
    return kind(target) in MOVES[kind][kind(current)]


def _state(state: str) -> Code | Message:
    """A state in a message: its code (the GUI shows its label), or a phrase where the English spells it with a
    space ("partly received")."""
    return phrase("partly received") if state == PurchaseOrderStatus.PARTLY_RECEIVED else code(state)


def check_move(kind: type[StrEnum], current: str, target: str, label: str) -> None:
    """Raise InvalidTransition, in words, unless ``label`` (e.g. 'PO-000003') may go from ``current`` to ``target``."""
    if not can_move(kind, current, target):
        nexts = sorted(MOVES[kind][kind(current)], key=lambda s: s.replace("_", " "))
        allowed = Joined([_state(s) for s in nexts], ", ") if nexts else msg("none (it is final)")
        raise InvalidTransition(msg("{label} is {status}; it cannot become {target} (possible next: {allowed}).",
                                    label=label, status=_state(current), target=_state(target), allowed=allowed))
