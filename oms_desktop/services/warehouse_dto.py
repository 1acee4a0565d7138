"""The warehouse's shared DTOs (shipments, backorders, returns, the order's tracking) and how they are built."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from ..domain.document_states import BackorderStatus, ShipmentStatus
from ..domain.references import order_number
from .dto import OrderDTO


@dataclass(frozen=True)
class ShipmentDTO:
    id: int
    order_id: int
    order_number: str
    status: str  # packed, shipped, delivered
    backorder: bool
    carrier: str
    service: str
    carrier_ref: str
    packages: int
    weight_kg: Decimal | None
    packed_at: datetime
    shipped_at: datetime | None
    delivered_at: datetime | None
    lines: tuple[tuple[str, str, int], ...]  # (sku, name, quantity)


@dataclass(frozen=True)
class BackorderDTO:
    sku: str
    name: str
    quantity: int
    status: str  # open, fulfilled, released
    reason: str


@dataclass(frozen=True)
class ReturnDTO:
    sku: str
    quantity: int
    condition: str
    reason: str
    at: datetime
    username: str


@dataclass(frozen=True)
class TimelineEntryDTO:
    at: datetime
    step: str      # confirmed, picking, picked, packed, shipped, delivered, backorder, invoiced, paid, returned, ...
    who: str
    detail: str = ""
    amount: Decimal | None = None  # invoices, credit notes, payments: the screen formats it with the currency
    currency: str = ""


@dataclass(frozen=True)
class OrderTrackingDTO:
    order: OrderDTO
    timeline: tuple[TimelineEntryDTO, ...]
    shipments: tuple[ShipmentDTO, ...]
    backorders: tuple[BackorderDTO, ...]
    returns: tuple[ReturnDTO, ...]

    @property
    def backorder_units(self) -> int:
        return sum(b.quantity for b in self.backorders if b.status == BackorderStatus.OPEN)

    def returnable(self) -> dict[str, int]:
        """Units per SKU shipped and not yet returned."""
        out: dict[str, int] = defaultdict(int)
        for s in self.shipments:
            if s.status in (ShipmentStatus.SHIPPED, ShipmentStatus.DELIVERED):
                for sku, _name, q in s.lines:
                    out[sku] += q
        for r in self.returns:
            out[r.sku] -= r.quantity
        return {k: v for k, v in out.items() if v > 0}



def shipment_dto(uow, s, lines=None) -> ShipmentDTO:
    """``lines``: the shipment's line rows when the caller has them already."""
    if lines is None:
        lines = uow.shipments.shipment_lines(s.id)
    return ShipmentDTO(s.id, s.order_id, order_number(s.order_id), s.status, bool(s.backorder), s.carrier,
                       s.service, s.carrier_ref, s.packages, to_kg(s.weight_g), s.packed_at, s.shipped_at,
                       s.delivered_at, tuple((ln.sku, ln.name, ln.quantity) for ln in lines))


def to_kg(grams: int | None) -> Decimal | None:
    return None if grams is None else (Decimal(grams) / 1000).normalize()

