"""What the purchasing repositories return (``repositories_purchasing.py``): frozen records of their tables and of
their queries' projections, as ``repository_records.py`` has them for the rest."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class SupplierRecord:
    """A supplier (table ``suppliers``)."""

    id: int
    name: str
    email: str
    phone: str
    address: str
    active: bool
    created_at: datetime
    lead_days: int


@dataclass(frozen=True, slots=True)
class PurchaseOrderRecord:
    """A purchase order (table ``purchase_orders``) with its supplier's name."""

    id: int
    supplier_id: int
    status: str
    currency: str
    total_minor: int
    notes: str
    expected_date: date | None
    created_by: int | None
    created_at: datetime
    sent_at: datetime | None
    updated_at: datetime
    supplier_name: str


@dataclass(frozen=True, slots=True)
class ListedPurchaseOrder:
    """A purchase order in a list (table ``purchase_orders``) with its supplier's name and how many lines it has."""

    id: int
    supplier_id: int
    status: str
    currency: str
    total_minor: int
    notes: str
    expected_date: date | None
    created_by: int | None
    created_at: datetime
    sent_at: datetime | None
    updated_at: datetime
    supplier_name: str
    line_count: int


@dataclass(frozen=True, slots=True)
class PurchaseOrderLineRecord:
    """A line of a purchase order (table ``purchase_order_lines``)."""

    id: int
    po_id: int
    line_no: int
    product_id: int
    sku: str
    name: str
    quantity: int
    received: int
    unit_cost_minor: int


@dataclass(frozen=True, slots=True)
class ReorderCandidate:
    """A product a purchase suggestion weighs: its reorder rule, cost, stock and preferred supplier (None: none)."""

    id: int
    sku: str
    name: str
    reorder_point: int
    reorder_qty: int
    cost_minor: int
    on_hand: int
    reserved: int
    supplier_id: int | None


@dataclass(frozen=True, slots=True)
class SupplierInvoiceNumber:
    """A supplier invoice's id, the supplier's number for it and its date."""

    id: int
    number: str
    invoice_date: date


@dataclass(frozen=True, slots=True)
class SupplierInvoiceRecord:
    """A supplier invoice (table ``supplier_invoices``) with its supplier's name, who recorded it and what has been
    paid on it."""

    id: int
    supplier_id: int
    po_id: int
    number: str
    number_key: str
    invoice_date: date
    currency: str
    cost_minor: int
    net_minor: int
    tax_minor: int
    total_minor: int
    notes: str
    entry_id: int | None
    user_id: int | None
    recorded_at: datetime
    supplier_name: str
    username: str | None
    paid_minor: int


@dataclass(frozen=True, slots=True)
class SupplierInvoiceLineRecord:
    """A line of a supplier invoice (table ``supplier_invoice_lines``)."""

    id: int
    invoice_id: int
    line_no: int
    po_line_id: int
    product_id: int
    sku: str
    name: str
    quantity: int
    unit_price_minor: int
    unit_cost_minor: int
    net_minor: int


@dataclass(frozen=True, slots=True)
class SupplierPaymentRecord:
    """A payment to a supplier (table ``supplier_payments``)."""

    id: int
    invoice_id: int
    method: str
    amount_minor: int
    currency: str
    reference: str
    paid_on: date
    entry_id: int | None
    user_id: int | None
    recorded_at: datetime
