"""What the accounts and carts repositories return (``repositories_accounts.py``, ``repositories_carts.py``): frozen
records of their tables and of their queries' projections, as ``repository_records.py`` has them for the rest."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class InvoiceRecord:
    """An invoice or credit note (table ``invoices``) with its customer's name, who issued it and the number of
    the invoice a credit note refers to."""

    id: int
    kind: str
    series: str
    seq: int
    number: str
    order_id: int
    customer_id: int | None
    references_id: int | None
    issue_date: date
    due_date: date | None
    currency: str
    net_minor: int
    tax_minor: int
    total_minor: int
    tax_rounding: str
    bill_to: str
    ship_to: str
    reason: str
    seller: str
    seller_vat_id: str
    prepaid_minor: int
    issued_by: int | None
    issued_at: datetime
    language: str | None  # the language it was issued in (None: the company locale's)
    customer_name: str | None
    issued_by_name: str | None
    references_number: str | None


@dataclass(frozen=True, slots=True)
class InvoiceLineRecord:
    """A line of an invoice or credit note (table ``invoice_lines``)."""

    id: int
    invoice_id: int
    line_no: int
    product_id: int | None
    sku: str
    name: str
    quantity: int
    unit_price_minor: int
    tax_rate_bp: int
    discount_bp: int
    net_minor: int
    tax_minor: int


@dataclass(frozen=True, slots=True)
class OpenAccountRecord:
    """Why an order's account is open (table ``open_accounts``)."""

    order_id: int
    unsettled: bool
    paid_not_invoiced: bool
    shipped_not_invoiced: bool


@dataclass(frozen=True, slots=True)
class OpenOrderAccount:
    """An open account as the accounts queue shows it: the order, its customer, what was invoiced (less credit
    notes) and paid (less refunds), its last invoice and due date, and why it is open."""

    id: int
    status: str
    total_minor: int
    currency: str
    created_at: datetime
    customer_name: str | None
    invoiced: int
    paid: int
    invoice_number: str | None
    due_date: date | None
    has_invoice: bool
    unsettled: bool
    paid_not_invoiced: bool
    shipped_not_invoiced: bool


@dataclass(frozen=True, slots=True)
class OrderAccount:
    """An order's account: the order, its customer, invoiced (less credit notes) and paid (less refunds), its
    last invoice and due date."""

    id: int
    status: str
    total_minor: int
    currency: str
    created_at: datetime
    tracking_number: str | None
    customer_name: str | None
    invoiced: int
    paid: int
    invoice_number: str | None
    due_date: date | None
    has_invoice: bool


@dataclass(frozen=True, slots=True)
class PaidOrder:
    """An order that took money and has no invoice yet, with what it was paid (less refunds)."""

    id: int
    status: str
    total_minor: int
    currency: str
    created_at: datetime
    customer_name: str | None
    paid: int


@dataclass(frozen=True, slots=True)
class ShippedOrderAccount:
    """An order with shipped units not invoiced yet, with its account as ``OrderAccount`` has it."""

    id: int
    status: str
    total_minor: int
    currency: str
    created_at: datetime
    customer_name: str | None
    invoiced: int
    paid: int
    invoice_number: str | None
    due_date: date | None


@dataclass(frozen=True, slots=True)
class LedgerEntryRecord:
    """A journal entry (table ``ledger_entries``)."""

    id: int
    kind: str
    description: str
    posted_at: datetime
    posted_on: date
    currency: str
    order_id: int | None
    invoice_id: int | None
    payment_id: int | None
    reverses_id: int | None
    user_id: int | None


@dataclass(frozen=True, slots=True)
class JournalEntryRecord:
    """A journal entry (table ``ledger_entries``) as the journal lists it, with who posted it and the entry
    reversing it, if any."""

    id: int
    kind: str
    description: str
    posted_at: datetime
    posted_on: date
    currency: str
    order_id: int | None
    invoice_id: int | None
    payment_id: int | None
    reverses_id: int | None
    user_id: int | None
    username: str | None
    reversed_by: int | None


@dataclass(frozen=True, slots=True)
class LedgerPostingRecord:
    """A posting of a journal entry (table ``ledger_postings``)."""

    id: int
    entry_id: int
    account: str
    amount_minor: int


@dataclass(frozen=True, slots=True)
class OrderAdjustmentRecord:
    """An allowance or charge of an order (table ``order_adjustments``, keyed ``(order_id, seq)``)."""

    order_id: int
    seq: int
    kind: str
    source_id: int | None
    label: str
    tax_rate_bp: int
    amount_minor: int
    net_minor: int
    tax_minor: int


@dataclass(frozen=True, slots=True)
class InvoiceAdjustmentRecord:
    """An allowance or charge an invoice or credit note billed (table ``invoice_adjustments``)."""

    id: int
    invoice_id: int
    seq: int
    kind: str
    label: str
    tax_rate_bp: int
    amount_minor: int
    net_minor: int
    tax_minor: int


@dataclass(frozen=True, slots=True)
class BilledAdjustment:
    """An allowance or charge a document billed, with its document and the order's own amount of it (None when
    the order has no adjustment of that ``seq``): what the integrity check compares."""

    invoice_id: int
    seq: int
    amount_minor: int
    number: str
    kind: str
    order_id: int
    references_id: int | None
    currency: str
    order_amount_minor: int | None


@dataclass(frozen=True, slots=True)
class CartIncentiveRecord:
    """An incentive offered on a cart (table ``cart_incentives``) with who offered it."""

    id: int
    order_id: int
    effect: str
    percent_bp: int
    amount_minor: int
    coupon_id: int | None
    label: str
    note: str
    offered_by: int | None
    offered_at: datetime
    withdrawn_at: datetime | None
    offered_by_name: str | None


@dataclass(frozen=True, slots=True)
class CartOnBoard:
    """An open cart on the board (table ``orders``): whether it is at risk, its customer, its agent, how many
    items it holds and how many incentives stand on it."""

    id: int
    tracking_number: str | None
    customer_id: int | None
    channel: str
    status: str
    currency: str
    net_minor: int
    tax_minor: int
    total_minor: int
    prices_include_tax: bool
    tax_rounding: str
    express: bool
    notes: str
    created_by: int | None
    created_at: datetime
    confirmed_at: datetime | None
    updated_at: datetime
    version: int
    last_change: str
    last_change_at: datetime | None
    last_change_by: str
    shipping_method: str | None
    coupon_id: int | None
    external_ref: str | None
    ship_to: str
    at_risk: int
    customer_name: str | None
    agent: str | None
    items: int
    incentive_count: int


@dataclass(frozen=True, slots=True)
class CartConversion:
    """An order that began as a cart, for the conversion report: when, where, by whom, whether it was confirmed
    and offered an incentive, and what its allowances cost by kind (minor units, negative)."""

    id: int
    created_at: datetime
    channel: str
    status: str
    total_minor: int
    currency: str
    changed_at: datetime
    agent: str | None
    confirmed: bool
    offered: bool
    incentive_cost: int
    promotion_cost: int
    coupon_cost: int


@dataclass(frozen=True, slots=True)
class PromotionRecord:
    """A promotion (table ``promotions``)."""

    id: int
    name: str
    effect: str
    percent_bp: int
    amount_minor: int
    buy_sku: str
    buy_qty: int
    get_sku: str
    get_qty: int
    skus: str
    categories: str
    min_total_minor: int
    channel: str
    starts: date | None
    ends: date | None
    first_order_only: bool
    priority: int
    exclusive: bool
    created_by: int | None
    created_at: datetime
    ended_at: datetime | None


@dataclass(frozen=True, slots=True)
class CouponTerms:
    """What pricing an order reads of a coupon (``PromotionsRepository.pricing_reads``): its offer and conditions,
    not who made it when (a coupon is read on every order that names it)."""

    id: int
    code: str
    effect: str
    percent_bp: int
    amount_minor: int
    min_total_minor: int
    expires: date | None
    max_uses: int | None
    uses: int
    per_customer: int | None
    customer_id: int | None
    active: bool


@dataclass(frozen=True, slots=True)
class CouponRecord:
    """A coupon (table ``coupons``)."""

    id: int
    code: str
    effect: str
    percent_bp: int
    amount_minor: int
    min_total_minor: int
    expires: date | None
    max_uses: int | None
    uses: int
    per_customer: int | None
    customer_id: int | None
    batch: str
    active: bool
    created_by: int | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ShippingMethodRecord:
    """A shipping method and its price tiers (table ``shipping_methods``)."""

    code: str
    name: str
    basis: str
    tiers: str
    tax_rate_bp: int
    channel: str
    active: bool
