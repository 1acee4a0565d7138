"""Typed events: one frozen dataclass per kind, with a version, written and read in one place.

Each class names the ``kind`` stored in the events table (the strings of before, so old rows and the screens keep
working) and carries its payload as typed fields. ``order_id`` and ``product_id`` fields go to the table's columns
of the same name; every other field goes to the JSON payload under its own name, with the version under ``"v"``
(a row without ``"v"`` is version 1). A field declared with ``OMIT_IF_NONE`` is left out of the payload when it is
None: some kinds are written by two paths with different keys (a manual order step writes the order's tracking
number, the warehouse step its pick list or parcel), and each row keeps exactly the keys it was written with.

``to_record(event)`` and ``from_record(kind, payload, ...)`` are the only serialisation; a kind not registered
here reads back as ``UnknownEvent`` instead of failing. Money amounts stay the decimal strings they were written
as (``str(Decimal)``), so a row reads back exactly as stored.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar, Union

COLUMN_FIELDS = ("order_id", "product_id")
"""Fields stored in the events table's own columns, never in the payload."""
VERSION_KEY = "v"
OMIT_IF_NONE: dict[str, bool] = {"omit_if_none": True}

Payload = dict[str, Any]
Record = tuple[str, "int | None", "int | None", Payload]


@dataclass(frozen=True, kw_only=True)
class Event:
    """The base of every typed event; subclasses set ``kind`` and declare their payload fields."""

    kind: ClassVar[str] = ""
    version: int = 1


@dataclass(frozen=True, kw_only=True)
class UnknownEvent:
    """A stored event whose kind no class here knows (or whose payload does not fit its class): kept as it is."""

    kind: str
    payload: Payload = field(default_factory=dict)
    version: int = 1
    order_id: int | None = None
    product_id: int | None = None


AnyEvent = Union[Event, UnknownEvent]
E = TypeVar("E", bound=type[Event])

REGISTRY: dict[str, type[Event]] = {}
"""kind -> class, filled by ``@register``."""


def register(cls: E) -> E:
    if not cls.kind or cls.kind in REGISTRY:
        raise ValueError(f"event class {cls.__name__} needs a kind of its own, not {cls.kind!r}")
    clashes = [f.name for f in dataclasses.fields(cls) if f.name == VERSION_KEY]
    if clashes:
        raise ValueError(f"{cls.__name__}: a field may not be called {VERSION_KEY!r}")
    REGISTRY[cls.kind] = cls
    return cls


# ---- orders ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class CartEvent(Event):
    """What every cart event says, so the activity panel and the open-carts board need no lookup: the customer by
    name, the cart's value after the change and its version (fields with defaults: a row written before they existed
    reads with them empty)."""

    customer: str = ""
    value: str = ""       # the cart's total after the change, as a decimal string
    currency: str = ""
    cart_version: int = 0
    by: str = ""          # who made the change (an agent, or a manager offering an incentive)


@register
@dataclass(frozen=True, kw_only=True)
class CartItemAdded(CartEvent):
    kind: ClassVar[str] = "cart_item_added"
    order_id: int
    product_id: int
    sku: str
    name: str
    quantity: int
    customer_id: int | None
    agent: str
    channel: str


@register
@dataclass(frozen=True, kw_only=True)
class CartOpened(CartEvent):
    kind: ClassVar[str] = "cart_opened"
    order_id: int
    channel: str


@register
@dataclass(frozen=True, kw_only=True)
class CartItemRemoved(CartEvent):
    kind: ClassVar[str] = "cart_item_removed"
    order_id: int
    product_id: int
    sku: str
    quantity: int  # how many were in the cart


@register
@dataclass(frozen=True, kw_only=True)
class CartQuantityChanged(CartEvent):
    kind: ClassVar[str] = "cart_quantity_changed"
    order_id: int
    product_id: int
    sku: str
    old_quantity: int
    quantity: int


@register
@dataclass(frozen=True, kw_only=True)
class CartUpdated(CartEvent):
    """Any other change of a cart: its customer, a price, its coupon or shipping method (``change`` says it)."""

    kind: ClassVar[str] = "cart_updated"
    order_id: int
    change: str


@register
@dataclass(frozen=True, kw_only=True)
class CartIncentiveOffered(CartEvent):
    """Staff offered the customer something on this cart; ``text`` is what the agent reads to the caller."""

    kind: ClassVar[str] = "cart_incentive_offered"
    order_id: int
    incentive_id: int
    label: str
    note: str
    text: str


@register
@dataclass(frozen=True, kw_only=True)
class OrderConfirmed(Event):
    kind: ClassVar[str] = "order_confirmed"
    order_id: int
    number: str
    tracking_number: str | None
    lines: int
    total: str
    currency: str


@register
@dataclass(frozen=True, kw_only=True)
class OrderCancelled(Event):
    kind: ClassVar[str] = "order_cancelled"
    order_id: int
    number: str
    reason: str
    released_products: list[int] = field(default_factory=list)


@register
@dataclass(frozen=True, kw_only=True)
class OrderAmended(Event):
    """A confirmed order's lines changed before picking: ``old`` and ``new`` map SKU to units; ``reserved`` and
    ``released`` the units whose reservation followed, ``backordered`` those now waiting for goods."""
    kind: ClassVar[str] = "order_amended"
    order_id: int
    number: str
    old: dict[str, int]
    new: dict[str, int]
    total: str
    currency: str
    product_ids: list[int] = field(default_factory=list)
    reserved: dict[str, int] = field(default_factory=dict)
    released: dict[str, int] = field(default_factory=dict)
    backordered: dict[str, int] = field(default_factory=dict)


@register
@dataclass(frozen=True, kw_only=True)
class BackorderReserved(Event):
    """Goods arrived for an order's backorder taken at entry: ``lines`` SKU -> units reserved now; ``complete``
    when nothing is waiting any more (the warehouse can pick the order)."""
    kind: ClassVar[str] = "backorder_reserved"
    order_id: int
    number: str
    product_ids: list[int]
    lines: dict[str, int]
    complete: bool


@register
@dataclass(frozen=True, kw_only=True)
class OrderPicking(Event):
    """Written by a pick list (pick_list, tote, backorder) or by a manual step (tracking_number)."""

    kind: ClassVar[str] = "order_picking"
    order_id: int
    number: str
    tracking_number: str | None = field(default=None, metadata=OMIT_IF_NONE)
    pick_list: str | None = field(default=None, metadata=OMIT_IF_NONE)
    tote: int | None = field(default=None, metadata=OMIT_IF_NONE)
    backorder: bool | None = field(default=None, metadata=OMIT_IF_NONE)


@register
@dataclass(frozen=True, kw_only=True)
class OrderPacked(Event):
    """Written by packing (carrier, carrier_ref, packages, backorder) or by a manual step (tracking_number)."""

    kind: ClassVar[str] = "order_packed"
    order_id: int
    number: str
    tracking_number: str | None = field(default=None, metadata=OMIT_IF_NONE)
    carrier: str | None = field(default=None, metadata=OMIT_IF_NONE)
    carrier_ref: str | None = field(default=None, metadata=OMIT_IF_NONE)
    packages: int | None = field(default=None, metadata=OMIT_IF_NONE)
    backorder: bool | None = field(default=None, metadata=OMIT_IF_NONE)


@register
@dataclass(frozen=True, kw_only=True)
class OrderShipped(Event):
    """Written by shipping (carrier, carrier_ref, product_ids, backorder) or by a manual step (number and tracking)."""

    kind: ClassVar[str] = "order_shipped"
    order_id: int
    number: str
    tracking_number: str | None
    carrier: str | None = field(default=None, metadata=OMIT_IF_NONE)
    carrier_ref: str | None = field(default=None, metadata=OMIT_IF_NONE)
    product_ids: list[int] | None = field(default=None, metadata=OMIT_IF_NONE)
    backorder: bool | None = field(default=None, metadata=OMIT_IF_NONE)


@register
@dataclass(frozen=True, kw_only=True)
class OrderDelivered(Event):
    kind: ClassVar[str] = "order_delivered"
    order_id: int
    number: str
    tracking_number: str | None
    carrier_ref: str | None = field(default=None, metadata=OMIT_IF_NONE)


@register
@dataclass(frozen=True, kw_only=True)
class OrderReturned(Event):
    kind: ClassVar[str] = "order_returned"
    order_id: int
    product_id: int
    number: str
    sku: str
    quantity: int
    condition: str
    product_ids: list[int] = field(default_factory=list)


# ---- warehouse ---------------------------------------------------------------------------------------------------
@register
@dataclass(frozen=True, kw_only=True)
class PicklistCreated(Event):
    kind: ClassVar[str] = "picklist_created"
    number: str
    order_ids: list[int]
    lines: int


@register
@dataclass(frozen=True, kw_only=True)
class PicklistConfirmed(Event):
    kind: ClassVar[str] = "picklist_confirmed"
    number: str
    order_ids: list[int]
    requeued: list[int]
    short: dict[str, int] = field(default_factory=dict)


@register
@dataclass(frozen=True, kw_only=True)
class BackorderCreated(Event):
    kind: ClassVar[str] = "backorder_created"
    order_id: int
    number: str
    product_ids: list[int]
    lines: dict[str, int]


@register
@dataclass(frozen=True, kw_only=True)
class BackorderReleased(Event):
    kind: ClassVar[str] = "backorder_released"
    order_id: int
    number: str
    product_ids: list[int]
    reason: str


# ---- accounts ------------------------------------------------------------------------------------------------------
@register
@dataclass(frozen=True, kw_only=True)
class InvoiceIssued(Event):
    kind: ClassVar[str] = "invoice_issued"
    order_id: int
    number: str
    order: str
    total: str
    currency: str
    due_date: str
    what: str
    final: bool


@register
@dataclass(frozen=True, kw_only=True)
class CreditNoteIssued(Event):
    kind: ClassVar[str] = "credit_note_issued"
    order_id: int
    number: str
    invoice: str
    order: str
    total: str
    currency: str


@dataclass(frozen=True, kw_only=True)
class _Money(Event):
    order_id: int
    number: str
    amount: str
    currency: str
    method: str
    balance: str


@register
@dataclass(frozen=True, kw_only=True)
class PaymentReceived(_Money):
    kind: ClassVar[str] = "payment_received"


@register
@dataclass(frozen=True, kw_only=True)
class RefundPaid(_Money):
    kind: ClassVar[str] = "refund_paid"


@register
@dataclass(frozen=True, kw_only=True)
class EntryReversed(Event):
    kind: ClassVar[str] = "entry_reversed"
    order_id: int | None = None
    entry: int
    reversal: int | None  # None only if the reversal had nothing to post
    reason: str


# ---- stock and catalog ---------------------------------------------------------------------------------------------
@register
@dataclass(frozen=True, kw_only=True)
class StockAdjusted(Event):
    kind: ClassVar[str] = "stock_adjusted"
    product_id: int
    sku: str
    delta: int
    reason: str
    on_hand: int


@register
@dataclass(frozen=True, kw_only=True)
class StockCounted(Event):
    kind: ClassVar[str] = "stock_counted"
    product_id: int | None = None  # the product when the count touched exactly one
    location: str
    counted: int
    changed: int
    product_ids: list[int] = field(default_factory=list)


@register
@dataclass(frozen=True, kw_only=True)
class StockLow(Event):
    kind: ClassVar[str] = "stock_low"
    product_id: int
    order_id: int | None = None  # the order whose reservation took it under the reorder point
    sku: str
    available: int


@register
@dataclass(frozen=True, kw_only=True)
class CatalogImported(Event):
    kind: ClassVar[str] = "catalog_imported"
    created: int
    updated: int


@register
@dataclass(frozen=True, kw_only=True)
class ProductCreated(Event):
    kind: ClassVar[str] = "product_created"
    product_id: int
    sku: str
    name: str


@dataclass(frozen=True, kw_only=True)
class _ProductChange(Event):
    product_id: int
    sku: str


@register
@dataclass(frozen=True, kw_only=True)
class ProductUpdated(_ProductChange):
    kind: ClassVar[str] = "product_updated"


@register
@dataclass(frozen=True, kw_only=True)
class ProductDeactivated(_ProductChange):
    kind: ClassVar[str] = "product_deactivated"


@register
@dataclass(frozen=True, kw_only=True)
class ProductReactivated(_ProductChange):
    kind: ClassVar[str] = "product_reactivated"


@register
@dataclass(frozen=True, kw_only=True)
class CustomerAdded(Event):
    kind: ClassVar[str] = "customer_added"
    customer_id: int
    name: str


@register
@dataclass(frozen=True, kw_only=True)
class CustomersMerged(Event):
    """A duplicate customer merged into the one kept: screens showing the duplicate show the kept one."""
    kind: ClassVar[str] = "customers_merged"
    customer_id: int        # the customer kept
    duplicate_id: int
    name: str
    orders: int


# ---- purchasing and payables ---------------------------------------------------------------------------------------
@register
@dataclass(frozen=True, kw_only=True)
class SupplierAdded(Event):
    kind: ClassVar[str] = "supplier_added"
    supplier_id: int
    name: str


@register
@dataclass(frozen=True, kw_only=True)
class PreferredSupplierSet(Event):
    kind: ClassVar[str] = "preferred_supplier_set"
    product_id: int
    sku: str
    supplier: str | None  # None: the product has no preferred supplier any more


@register
@dataclass(frozen=True, kw_only=True)
class PurchaseOrderCreated(Event):
    kind: ClassVar[str] = "purchase_order_created"
    number: str
    supplier_id: int
    lines: int
    total: str
    currency: str


@dataclass(frozen=True, kw_only=True)
class _PurchaseOrderMove(Event):
    number: str
    product_ids: list[int]
    note: str


@register
@dataclass(frozen=True, kw_only=True)
class PurchaseOrderSent(_PurchaseOrderMove):
    kind: ClassVar[str] = "purchase_order_sent"


@register
@dataclass(frozen=True, kw_only=True)
class PurchaseOrderCancelled(_PurchaseOrderMove):
    kind: ClassVar[str] = "purchase_order_cancelled"


@register
@dataclass(frozen=True, kw_only=True)
class PurchaseOrderChanged(_PurchaseOrderMove):
    """A draft's lines were added, changed or removed by hand or by a purchase suggestion (``note`` says which)."""
    kind: ClassVar[str] = "purchase_order_changed"


@register
@dataclass(frozen=True, kw_only=True)
class PurchaseOrderReceived(Event):
    kind: ClassVar[str] = "purchase_order_received"
    product_id: int | None = None  # the product when the receipt touched exactly one
    number: str
    status: str
    product_ids: list[int]
    received: dict[str, int]


@register
@dataclass(frozen=True, kw_only=True)
class SupplierInvoiceRecorded(Event):
    kind: ClassVar[str] = "supplier_invoice_recorded"
    reference: str
    number: str
    po: str
    supplier: str
    total: str
    variance: str
    product_ids: list[int]


@register
@dataclass(frozen=True, kw_only=True)
class SupplierInvoicePaid(Event):
    kind: ClassVar[str] = "supplier_invoice_paid"
    reference: str
    number: str
    supplier: str
    method: str
    amount: str
    open: str


# ---- tills ----------------------------------------------------------------------------------------------------------
@register
@dataclass(frozen=True, kw_only=True)
class TillOpened(Event):
    kind: ClassVar[str] = "till_opened"
    till: str
    session: str
    float_amount: str
    currency: str


@register
@dataclass(frozen=True, kw_only=True)
class TillCashMoved(Event):
    kind: ClassVar[str] = "till_cash_moved"
    till: str
    session: str
    direction: str  # in | out
    amount: str
    currency: str
    reason: str


@register
@dataclass(frozen=True, kw_only=True)
class TillClosed(Event):
    kind: ClassVar[str] = "till_closed"
    till: str
    session: str
    expected_cash: str
    counted_cash: str
    over_short: str  # counted - expected over every method
    currency: str


# ---- the one place events become rows and rows become events -------------------------------------------------------
def to_record(event: AnyEvent) -> Record:
    """``(kind, order_id, product_id, payload)`` for the events table; the payload carries ``"v"``."""
    if isinstance(event, UnknownEvent):
        return event.kind, event.order_id, event.product_id, {**event.payload, VERSION_KEY: event.version}
    payload: Payload = {}
    columns: dict[str, int | None] = {"order_id": None, "product_id": None}
    for f in dataclasses.fields(event):
        value = getattr(event, f.name)
        if f.name == "version":
            continue
        if f.name in COLUMN_FIELDS:
            columns[f.name] = value
        elif value is not None or not f.metadata.get("omit_if_none"):
            payload[f.name] = value
    payload[VERSION_KEY] = event.version
    return event.kind, columns["order_id"], columns["product_id"], payload


def payload_of(event: AnyEvent) -> Payload:
    """The payload keys an event writes, without the version (for an audit row that repeats them)."""
    payload = to_record(event)[3]
    del payload[VERSION_KEY]
    return payload


def from_record(kind: str, payload: Payload | None, *, order_id: int | None = None,
                product_id: int | None = None, strict: bool = False) -> AnyEvent:
    """The event a stored row holds. A missing ``"v"`` is version 1; keys no field knows are ignored.

    An unknown kind, or a payload its class cannot take (a key it needs is missing), gives an ``UnknownEvent``
    carrying the row as it is; with ``strict=True`` the latter raises ``TypeError`` instead.
    """
    data: Payload = dict(payload or {})
    version = data.pop(VERSION_KEY, 1)
    version = version if isinstance(version, int) and not isinstance(version, bool) else 1
    cls = REGISTRY.get(kind)
    if cls is None:
        return UnknownEvent(kind=kind, payload=data, version=version, order_id=order_id, product_id=product_id)
    columns = {"order_id": order_id, "product_id": product_id}
    values: Payload = {}
    for f in dataclasses.fields(cls):
        if f.name == "version":
            continue
        if f.name in COLUMN_FIELDS:
            if columns[f.name] is not None or f.default is dataclasses.MISSING:
                values[f.name] = columns[f.name]
        elif f.name in data:
            values[f.name] = data[f.name]
    try:
        return cls(version=version, **values)
    except TypeError:
        if strict:
            raise
        return UnknownEvent(kind=kind, payload=data, version=version, order_id=order_id, product_id=product_id)


CART_EVENTS: tuple[type[Event], ...] = (CartOpened, CartItemAdded, CartItemRemoved, CartQuantityChanged, CartUpdated,
                                        CartIncentiveOffered, OrderConfirmed, OrderCancelled)
"""What changes the open-carts board: a cart's own events, and a cart leaving the board (confirmed, cancelled)."""

EventTypes = Union[type[Event], type[UnknownEvent], tuple[Union[type[Event], type[UnknownEvent]], ...]]
"""What a subscriber asks for: one event class or a tuple of them (as ``isinstance`` takes)."""


def matches(event: AnyEvent, types: EventTypes) -> bool:
    """``isinstance(event, types)``; a row that read back as ``UnknownEvent`` because its payload did not fit its
    class (an older shape) still matches that class by its stored kind, so screens refresh on it as before."""
    if isinstance(event, types):
        return True
    wanted = types if isinstance(types, tuple) else (types,)
    return isinstance(event, UnknownEvent) and any(
        issubclass(t, Event) and t.kind == event.kind for t in wanted)


def kinds_of(*classes: type[Event]) -> frozenset[str]:
    """The stored kinds of some event classes (for queries that filter the events table by kind)."""
    return frozenset(c.kind for c in classes)
