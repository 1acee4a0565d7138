"""What the warehouse repositories return (``repositories_warehouse.py``): frozen records of their tables and of
their queries' projections, as ``repository_records.py`` has them for the rest."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class QueuedOrder:
    """An order in the warehouse queue: the order, its customer, how many lines and units, units owed on
    backorders and waiting for goods, and its open pick list and where the picking stands (None: not on one)."""

    id: int
    tracking_number: str | None
    status: str
    express: bool
    created_at: datetime
    confirmed_at: datetime | None
    customer_name: str | None
    line_count: int
    units: int
    backorder_units: int
    waiting_units: int
    pick_list_id: int | None
    pick_state: str | None


@dataclass(frozen=True, slots=True)
class PickListRecord:
    """A pick list (table ``pick_lists``) with who made it."""

    id: int
    status: str
    created_by: int | None
    created_at: datetime
    picked_by: int | None
    picked_at: datetime | None
    created_by_name: str | None


@dataclass(frozen=True, slots=True)
class ListedPickList:
    """A pick list in the list of recent ones (table ``pick_lists``) with who made it and how many orders it has."""

    id: int
    status: str
    created_by: int | None
    created_at: datetime
    picked_by: int | None
    picked_at: datetime | None
    created_by_name: str | None
    order_count: int


@dataclass(frozen=True, slots=True)
class PickListOrderRecord:
    """An order on a pick list (table ``pick_list_orders``)."""

    id: int
    pick_list_id: int
    order_id: int
    tote: int
    backorder: bool
    status: str


@dataclass(frozen=True, slots=True)
class PickListEntry:
    """An order on a pick list (table ``pick_list_orders``) with its tracking number, status, delivery address,
    customer and how many of the list's lines are its."""

    id: int
    pick_list_id: int
    order_id: int
    tote: int
    backorder: bool
    status: str
    tracking_number: str | None
    order_status: str
    ship_to: str
    customer_name: str | None
    line_count: int


@dataclass(frozen=True, slots=True)
class PickLineRecord:
    """A line of a pick list (table ``pick_lines``)."""

    id: int
    pick_list_id: int
    order_id: int
    product_id: int
    sku: str
    name: str
    location: str
    barcode: str
    quantity: int
    picked: int | None
    short_reason: str


@dataclass(frozen=True, slots=True)
class OrderPick:
    """A pick of an order, for its timeline: the pick list, whether it picked a backorder, its status, when and by
    whom it was picked, and the units asked and picked."""

    pick_list_id: int
    backorder: bool
    status: str
    picked_at: datetime | None
    username: str | None
    asked: int
    picked: int


@dataclass(frozen=True, slots=True)
class ShipmentRecord:
    """A parcel (table ``shipments``)."""

    id: int
    order_id: int
    pick_list_id: int | None
    status: str
    backorder: bool
    carrier: str
    service: str
    carrier_ref: str
    packages: int
    weight_g: int | None
    packed_by: int | None
    packed_at: datetime
    shipped_by: int | None
    shipped_at: datetime | None
    delivered_by: int | None
    delivered_at: datetime | None


@dataclass(frozen=True, slots=True)
class OrderShipmentRecord:
    """A parcel of an order (table ``shipments``) with who packed, shipped and delivered it."""

    id: int
    order_id: int
    pick_list_id: int | None
    status: str
    backorder: bool
    carrier: str
    service: str
    carrier_ref: str
    packages: int
    weight_g: int | None
    packed_by: int | None
    packed_at: datetime
    shipped_by: int | None
    shipped_at: datetime | None
    delivered_by: int | None
    delivered_at: datetime | None
    packed_by_name: str | None
    shipped_by_name: str | None
    delivered_by_name: str | None


@dataclass(frozen=True, slots=True)
class ShipmentLineRecord:
    """What a parcel holds of a product (table ``shipment_lines``)."""

    id: int
    shipment_id: int
    product_id: int
    sku: str
    name: str
    quantity: int


@dataclass(frozen=True, slots=True)
class BackorderRecord:
    """Units of a product an order still owes (table ``backorders``)."""

    id: int
    order_id: int
    product_id: int
    sku: str
    name: str
    quantity: int
    status: str
    reason: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class WaitingMismatch:
    """Backorders waiting for goods that cannot be right: the order, its status, the SKU, units waiting and units
    ordered."""

    order_id: int
    status: str
    sku: str
    waiting: int
    ordered: int


@dataclass(frozen=True, slots=True)
class ReturnedItemRecord:
    """Units of a product a customer sent back (table ``returned_items``) with who took them in."""

    id: int
    order_id: int
    product_id: int
    sku: str
    quantity: int
    condition: str
    reason: str
    user_id: int | None
    at: datetime
    username: str | None
