"""Plain frozen data handed to the GUI and CLI: never an ORM object, never a Session."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from ..domain.events import AnyEvent, UnknownEvent, from_record
from ..domain.references import customer_number

_NOT_READ = UnknownEvent(kind="")
"""EventDTO's default ``event``: replaced by the row read through ``from_record``."""


@dataclass(frozen=True)
class Actor:
    user_id: int
    username: str
    role: str
    display_name: str = ""
    language: str | None = None  # the screens' language (domain/languages); None: the company's locale's


@dataclass(frozen=True)
class UserDTO:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    failed_logins: int = 0
    locked_until: datetime | None = None
    language: str | None = None


@dataclass(frozen=True)
class CompanyDTO:
    name: str
    currency: str
    prices_include_tax: bool
    tax_rounding: str
    address: str = ""
    vat_id: str = ""
    locale: str = "en_US"
    default_channel: str = "phone"
    discount_limit: Decimal = Decimal("0.10")
    cart_idle_minutes: int = 15
    lock_after_minutes: int = 15  # a workstation untouched this long locks (0: never)
    cart_abandoned_hours: int = 24
    incentive_limit_agent: Decimal = Decimal("0.05")
    incentive_limit_manager: Decimal = Decimal("0.25")


@dataclass(frozen=True)
class ProductDTO:
    id: int
    sku: str
    name: str
    description: str
    barcode: str | None
    category: str
    unit_price: Decimal
    currency: str
    tax_rate: Decimal
    location: str
    reorder_point: int
    reorder_qty: int
    active: bool
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


@dataclass(frozen=True)
class SavedAddressDTO:
    id: int
    label: str      # "Office", "Mother"
    address: str    # the lines, recipient first when it is not the customer


@dataclass(frozen=True)
class CustomerDTO:
    id: int
    name: str
    phones: tuple[str, ...]
    email: str
    billing_address: str
    shipping_address: str
    notes: str
    mail: bool = True               # order e-mails (off: the customer opted out)
    invoice_by_mail: bool = False   # the invoice PDF attached when it is issued
    addresses: tuple["SavedAddressDTO", ...] = ()  # delivery addresses kept besides the shipping address
    merged_into: int | None = None  # merged into that customer (a duplicate): found no more, takes no orders
    language: str = ""              # the language the customer's documents print in ("": the company locale's)

    @property
    def number(self) -> str:
        return customer_number(self.id)


@dataclass(frozen=True)
class CustomerMergeDTO:
    """What a merge moved from the duplicate to the customer kept (``kept`` as it is now)."""
    kept: CustomerDTO
    duplicate_id: int
    duplicate_name: str
    orders: int
    carts: int
    payments: int
    invoices: int       # issued to the duplicate: they keep naming it (immutable), its number leads to ``kept``
    coupons: int
    phones: tuple[str, ...]
    addresses: tuple[str, ...]  # labels of the delivery addresses the customer kept got

    @property
    def duplicate_number(self) -> str:
        return customer_number(self.duplicate_id)


@dataclass(frozen=True)
class OrderLineDTO:
    line_no: int
    sku: str
    name: str
    quantity: int
    unit_price: Decimal
    tax_rate: Decimal
    discount: Decimal
    net: Decimal
    tax: Decimal
    gross: Decimal
    available: int | None = None


@dataclass(frozen=True)
class AdjustmentDTO:
    """An allowance (amount < 0) or charge (> 0) of a document with the line the customer reads."""
    kind: str        # promotion | coupon | incentive | shipping
    label: str
    tax_rate: Decimal
    amount: Decimal  # in the document's price basis (gross when prices include tax)
    net: Decimal
    tax: Decimal


@dataclass(frozen=True)
class IncentiveDTO:
    """An offer staff made on a cart: ``text`` is the line the agent reads to the caller."""
    id: int
    effect: str
    label: str
    note: str
    offered_by: str
    offered_at: datetime
    text: str = ""


@dataclass(frozen=True)
class StatusChangeDTO:
    from_status: str | None
    to_status: str
    at: datetime
    username: str
    note: str


@dataclass(frozen=True)
class OrderDTO:
    id: int
    number: str
    tracking_number: str | None
    status: str
    channel: str
    customer_id: int | None
    customer_name: str
    currency: str
    net: Decimal
    tax: Decimal
    total: Decimal
    created_at: datetime
    confirmed_at: datetime | None
    created_by: str
    express: bool = False
    lines: tuple[OrderLineDTO, ...] = ()
    tax_by_rate: tuple[tuple[Decimal, Decimal, Decimal], ...] = ()  # (rate, net, tax)
    history: tuple[StatusChangeDTO, ...] = ()
    adjustments: tuple[AdjustmentDTO, ...] = ()
    incentives: tuple[IncentiveDTO, ...] = ()  # a cart's offers still standing
    version: int = 0                           # a cart's version: pass it back with the next change
    last_change: str = ""
    last_change_by: str = ""
    last_change_at: datetime | None = None
    shipping_method: str | None = None
    coupon_code: str = ""
    ship_to: str = ""                          # the delivery address as it was when the order was taken
    external_ref: str | None = None            # the web shop's order number, for imported orders
    backordered: tuple[tuple[str, int], ...] = ()  # (SKU, units) taken at entry that wait for goods
    prices_include_tax: bool = False           # the lines' unit prices are gross (else net); line totals are gross

    @property
    def goods_total(self) -> Decimal:
        """The lines' gross before allowances and charges."""
        return sum((ln.gross for ln in self.lines), Decimal(0))


@dataclass(frozen=True)
class OrderSummaryDTO:
    id: int
    number: str
    tracking_number: str | None
    status: str
    channel: str
    customer_name: str
    total: Decimal
    currency: str
    created_at: datetime
    line_count: int


@dataclass(frozen=True)
class EventDTO:
    """A stored event: ``event`` is the typed one (domain/events.py); ``kind`` and ``payload`` the row as stored."""

    id: int
    kind: str
    at: datetime
    username: str
    order_id: int | None
    product_id: int | None
    payload: dict = field(default_factory=dict)
    event: AnyEvent = field(default=_NOT_READ, compare=False)

    def __post_init__(self) -> None:
        if self.event is _NOT_READ:  # built from a row: read it through the one place events are read
            object.__setattr__(self, "event", from_record(self.kind, self.payload, order_id=self.order_id,
                                                          product_id=self.product_id))


@dataclass(frozen=True)
class ImportProblem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return f"row {self.row}, column {self.column}: {self.message}"
        return f"row {self.row}: {self.message}"


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    problems: tuple[ImportProblem, ...] = ()
    total: int = 0            # rows in the file (a catalog import)
    cancelled: bool = False   # stopped by Cancel after created + updated rows: importing again finishes it


@dataclass(frozen=True)
class StockMoveDTO:
    id: int
    at: datetime
    kind: str
    on_hand_delta: int
    reserved_delta: int
    reason: str
    reference: str
    order_id: int | None
    username: str


def to_jsonable(value):
    """DTOs as JSON-ready structures: money and rates as decimal strings, times as ISO 8601."""
    if is_dataclass(value) and not isinstance(value, type):
        d = {k: to_jsonable(v) for k, v in asdict(value).items()}
        for name in ("available", "number"):
            if hasattr(type(value), name) and isinstance(getattr(type(value), name), property):
                d[name] = to_jsonable(getattr(value, name))
        return d
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (datetime, date)):  # a datetime is a date too
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value
