"""Print documents as frozen, renderer-neutral DTOs (pick lists, invoices, receipts, packing slips, purchase orders,
the mail catalog).

Documents that show money carry the company ``locale`` (e.g. ``de_DE``) next to their ``currency``: the renderer
prints every amount through ``oms_desktop.formatting.money(amount, currency, locale)``, the function the screen uses,
so a total reads the same on screen and on paper. Machine-readable parts (QR payloads, Factur-X) stay plain decimals.

The customer's documents (invoice, credit note, receipt, packing slip) carry the customer's ``language`` too
(``domain.languages``; "" for the company locale's): the renderer prints their wording in it, and their dates and
amounts in that language's conventions (``adapters/pdf/wording.py``; docs/printing.md).
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

Quantity = int | Decimal


def _require_decimals(obj: object, *names: str) -> None:
    # A float that slips into a printed total is a rounding bug on paper; refuse it at construction.
    for name in names:
        value = getattr(obj, name)
        if value is not None and not isinstance(value, Decimal):
            raise TypeError(f"{type(obj).__name__}.{name} must be a Decimal, not {type(value).__name__}")


def _require_tuples(obj: object) -> None:
    # Lists would make the "frozen" DTO mutable from outside and unhashable.
    for f in fields(obj):  # type: ignore[arg-type]
        if isinstance(getattr(obj, f.name), list):
            object.__setattr__(obj, f.name, tuple(getattr(obj, f.name)))


@dataclass(frozen=True)
class Address:
    name: str
    lines: tuple[str, ...] = ()

    def __post_init__(self):
        _require_tuples(self)


@dataclass(frozen=True)
class CompanyInfo:
    name: str
    address_lines: tuple[str, ...] = ()
    vat_id: str = ""
    email: str = ""
    phone: str = ""
    iban: str = ""
    bic: str = ""

    def __post_init__(self):
        _require_tuples(self)


@dataclass(frozen=True)
class TaxRow:
    rate: Decimal  # percent, e.g. Decimal("19")
    net: Decimal
    tax: Decimal

    def __post_init__(self):
        _require_decimals(self, "rate", "net", "tax")


@dataclass(frozen=True)
class AdjustmentLine:
    """An allowance (``amount`` < 0: a promotion, a coupon, an incentive, free shipping) or a charge (> 0: shipping)
    on the whole document, as printed below its lines: one row per label, the parts of one label at several tax rates
    added up (the tax summary keeps the rates apart). ``tax_rate`` in percent, None when the parts have several."""
    label: str
    amount: Decimal
    tax_rate: Decimal | None = None

    def __post_init__(self):
        _require_decimals(self, "amount", "tax_rate")


def adjustment_lines(parts) -> tuple[AdjustmentLine, ...]:
    """``parts`` ((label, amount, tax rate in percent), in document order) as printed: one line per label, in the
    order the labels first appear."""
    grouped: dict[str, list] = {}
    for label, amount, rate in parts:
        grouped.setdefault(label, []).append((amount, rate))
    return tuple(AdjustmentLine(label, sum((a for a, _r in rows), Decimal(0)),
                                rows[0][1] if len({r for _a, r in rows}) == 1 else None)
                 for label, rows in grouped.items())


# --- pick list -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PickLine:
    location: str
    sku: str
    barcode: str  # product barcode (EAN/GTIN); empty means "print the SKU as the barcode"
    name: str
    quantity: int
    per_order: tuple[tuple[str, int], ...] = ()  # (order label or tote, quantity) for sorting into totes

    def __post_init__(self):
        object.__setattr__(self, "per_order", tuple(tuple(pair) for pair in self.per_order))


@dataclass(frozen=True)
class PickOrder:
    order_number: str
    tracking_number: str
    customer_name: str
    line_count: int
    tote: str = ""
    destination: str = ""  # ZIP and town, country of the delivery address


@dataclass(frozen=True)
class PickListDoc:
    number: str
    created_at: datetime
    created_by: str
    lines: tuple[PickLine, ...]  # already in walking order (see walking_order_key)
    orders: tuple[PickOrder, ...] = ()

    def __post_init__(self):
        _require_tuples(self)


# --- invoice / credit note -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InvoiceLine:
    sku: str
    name: str
    quantity: Quantity
    unit_price: Decimal
    tax_rate: Decimal  # percent
    net: Decimal

    def __post_init__(self):
        _require_decimals(self, "unit_price", "tax_rate", "net")


@dataclass(frozen=True)
class InvoiceDoc:
    kind: Literal["invoice", "credit_note"]
    number: str
    issue_date: date
    due_date: date | None
    order_number: str
    tracking_number: str
    company: CompanyInfo
    bill_to: Address
    ship_to: Address | None
    lines: tuple[InvoiceLine, ...]
    tax_breakdown: tuple[TaxRow, ...]
    net: Decimal
    tax: Decimal
    total: Decimal
    currency: str
    payment_terms: str = ""
    references_invoice: str | None = None  # the invoice a credit note corrects
    paid: Decimal = Decimal("0")
    notes: str = ""
    locale: str = "en_US"  # the company locale (with ``language``: the locale amounts and dates print in)
    adjustments: tuple[AdjustmentLine, ...] = ()  # below the lines, before the tax summary; net, as the lines
    language: str = ""  # the customer's language the document prints in ("": the company locale's)
    # ``payment_terms`` as a code the renderer words in the document's language ("": print ``payment_terms``):
    # paid (in full), days (payable within ``terms_days``), on_receipt, credit (a credit note's)
    terms: Literal["", "paid", "days", "on_receipt", "credit"] = ""
    terms_days: int = 0

    def __post_init__(self):
        if self.kind not in ("invoice", "credit_note"):
            raise ValueError(f"InvoiceDoc.kind must be 'invoice' or 'credit_note', not {self.kind!r}")
        _require_decimals(self, "net", "tax", "total", "paid")
        _require_tuples(self)

    @property
    def balance_due(self) -> Decimal:
        return self.total - self.paid


# --- till receipt ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptLine:
    sku: str
    name: str
    quantity: Quantity
    unit_price: Decimal
    amount: Decimal  # the line total as charged

    def __post_init__(self):
        _require_decimals(self, "unit_price", "amount")


@dataclass(frozen=True)
class ReceiptPayment:
    method: str
    amount: Decimal
    reference: str = ""
    method_code: str = ""  # cash, card, bank, online: worded in the document's language ("": print ``method``)
    refund: bool = False

    def __post_init__(self):
        _require_decimals(self, "amount")


@dataclass(frozen=True)
class ReceiptDoc:
    number: str
    printed_at: datetime
    company: CompanyInfo
    order_number: str
    tracking_number: str
    cashier: str
    lines: tuple[ReceiptLine, ...]
    tax_breakdown: tuple[TaxRow, ...]
    net: Decimal
    tax: Decimal
    total: Decimal
    currency: str
    payments: tuple[ReceiptPayment, ...] = ()
    change: Decimal = Decimal("0")
    locale: str = "en_US"  # the company locale amounts are printed in
    adjustments: tuple[AdjustmentLine, ...] = ()  # below the lines, in the lines' basis (net, or gross)
    language: str = ""  # the customer's language the receipt prints in ("": the company locale's)

    def __post_init__(self):
        _require_decimals(self, "net", "tax", "total", "change")
        _require_tuples(self)


# --- packing slip ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PackingSlipLine:
    sku: str
    name: str
    quantity: Quantity


@dataclass(frozen=True)
class PackingSlipDoc:
    order_number: str
    tracking_number: str
    ship_to: Address
    lines: tuple[PackingSlipLine, ...]
    carrier: str = ""
    carrier_ref: str = ""
    packages: int = 1
    weight_kg: Decimal | None = None
    company: CompanyInfo | None = None
    language: str = ""  # the customer's language the slip prints in ("": the company locale's)
    locale: str = "en_US"  # the company locale

    def __post_init__(self):
        _require_decimals(self, "weight_kg")
        _require_tuples(self)


# --- purchase order --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PurchaseOrderLine:
    sku: str
    name: str
    quantity: Quantity
    unit_cost: Decimal

    def __post_init__(self):
        _require_decimals(self, "unit_cost")

    @property
    def amount(self) -> Decimal:
        return self.unit_cost * self.quantity


@dataclass(frozen=True)
class PurchaseOrderDoc:
    number: str
    supplier: Address
    company: CompanyInfo
    lines: tuple[PurchaseOrderLine, ...]
    total: Decimal
    currency: str
    expected_date: date | None = None
    order_date: date | None = None
    notes: str = ""
    locale: str = "en_US"  # the company locale amounts are printed in

    def __post_init__(self):
        _require_decimals(self, "total")
        _require_tuples(self)


# --- mail catalog ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogItem:
    """One product as a catalog customer reads it."""
    sku: str
    name: str
    description: str  # short: one line of at most ``domain.catalog.SHORT_DESCRIPTION`` characters
    unit_price: Decimal  # what the customer pays for one: tax included (added where the company's prices exclude it)
    tax_rate: Decimal  # percent included in ``unit_price``, e.g. Decimal("19")
    availability: str  # "in stock", "only 3 left" or "sold out" (domain.catalog.availability)
    ean: str = ""  # the product's barcode when it is a valid EAN-13/EAN-8, else empty

    def __post_init__(self):
        _require_decimals(self, "unit_price", "tax_rate")


@dataclass(frozen=True)
class CatalogSection:
    category: str
    items: tuple[CatalogItem, ...]

    def __post_init__(self):
        _require_tuples(self)


@dataclass(frozen=True)
class CatalogDoc:
    """The live catalog for mail customers: sections by category, then an order form page."""
    company: CompanyInfo
    printed_on: date
    currency: str
    sections: tuple[CatalogSection, ...]
    locale: str = "en_US"  # the company locale amounts are printed in
    payment_note: str = ""  # how to pay (company setting ``payment_note``), on the order form
    return_note: str = ""  # the return policy (company setting ``return_note``), on the order form

    def __post_init__(self):
        _require_tuples(self)

    @property
    def product_count(self) -> int:
        return sum(len(s.items) for s in self.sections)

    @property
    def tax_rates(self) -> tuple[Decimal, ...]:
        """The rates the prices include, highest first."""
        return tuple(sorted({i.tax_rate for s in self.sections for i in s.items}, reverse=True))


# --- till session (Z report) -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TillMethodRow:
    """One counter method of a till session: what was taken and paid back, what the till should hold, what was
    counted (None while the session is open) and the difference (counted - expected: over positive, short negative)."""
    method: str   # cash | card
    label: str
    payments: Decimal
    refunds: Decimal
    expected: Decimal
    counted: Decimal | None = None
    difference: Decimal | None = None

    def __post_init__(self):
        _require_decimals(self, "payments", "refunds", "expected", "counted", "difference")


@dataclass(frozen=True)
class TillMovementRow:
    kind: str  # in | out
    amount: Decimal
    reason: str
    username: str
    at: datetime

    def __post_init__(self):
        _require_decimals(self, "amount")


@dataclass(frozen=True)
class ZReportDoc:
    """A till session's Z report (an X report while it is still open): the DTO the till service returns and the
    document the renderer prints."""
    session_id: int
    number: str
    till: str
    state: str  # open | closed
    company: CompanyInfo
    currency: str
    opened_by: str
    opened_at: datetime
    closed_by: str
    closed_at: datetime | None
    float_amount: Decimal
    orders_paid: int
    sales: Decimal  # the totals of the orders paid (in part or whole) in the session
    methods: tuple[TillMethodRow, ...]
    movements: tuple[TillMovementRow, ...]
    cash_in: Decimal
    cash_out: Decimal
    printed_at: datetime
    locale: str = "en_US"

    def __post_init__(self):
        _require_decimals(self, "float_amount", "sales", "cash_in", "cash_out")
        _require_tuples(self)

    @property
    def payments_total(self) -> Decimal:
        return sum((m.payments for m in self.methods), Decimal(0))

    @property
    def refunds_total(self) -> Decimal:
        return sum((m.refunds for m in self.methods), Decimal(0))

    def method(self, name: str) -> TillMethodRow:
        return next(m for m in self.methods if m.method == name)

    @property
    def over_short(self) -> Decimal | None:
        """Counted minus expected over every method (None while open): over positive, short negative."""
        if self.state != "closed":
            return None
        return sum((m.difference or Decimal(0) for m in self.methods), Decimal(0))
