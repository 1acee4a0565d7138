"""What the repositories return instead of rows: one frozen dataclass per read (``repository_ports.py`` names which).

Each holds its table's columns in the table's order, then what its query joins in; the adapter builds it from the
row's mapping (``UserRecord(**row._mapping)``) and ``tests/unit/test_repository_records.py`` keeps the two alike.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class UserRecord:
    """A user as stored (table ``users``)."""

    id: int
    username: str
    display_name: str
    role: str
    password_hash: str
    active: bool
    created_at: datetime


@dataclass(frozen=True)
class EventRecord:
    """A stored event (table ``events``) with its author's user name; ``domain/events.from_record`` reads it."""

    id: int
    kind: str
    at: datetime
    user_id: int | None
    order_id: int | None
    product_id: int | None
    payload: str  # JSON
    username: str | None


@dataclass(frozen=True)
class PrintJobRecord:
    """A receipt waiting for the receipt printer, or printed (table ``print_jobs``; ``docs/printing.md``)."""

    id: int
    kind: str
    order_id: int
    facts: str  # JSON: change, payments so far, cashier, drawer kick
    status: str
    attempts: int
    claim_token: str
    claimed_by: str
    claimed_at: datetime | None
    printer: str
    last_error: str
    created_by: int | None
    created_at: datetime
    printed_at: datetime | None


@dataclass(frozen=True)
class OutboxRecord:
    """A message waiting to leave, or gone (table ``outbox``; ``docs/mail.md``)."""

    id: int
    kind: str
    order_id: int
    recipient: str
    message_id: str
    facts: str  # JSON: what was true at the change
    status: str
    attempts: int
    next_attempt_at: datetime
    claim_token: str
    claimed_by: str
    claimed_at: datetime | None
    last_error: str
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True)
class TillSessionRecord:
    """A till session (table ``till_sessions``) with the user names of who opened and who closed it."""

    id: int
    till: str
    currency: str
    float_minor: int
    opened_by: int
    opened_at: datetime
    closed_by: int | None
    closed_at: datetime | None
    expected_cash_minor: int | None
    counted_cash_minor: int | None
    expected_card_minor: int | None
    counted_card_minor: int | None
    difference_minor: int | None
    close_entry_id: int | None
    opened_by_name: str
    closed_by_name: str | None


@dataclass(frozen=True)
class TillMovementRecord:
    """Cash put into or taken out of a till (table ``till_movements``) with who moved it."""

    id: int
    session_id: int
    kind: str
    amount_minor: int
    reason: str
    user_id: int | None
    moved_at: datetime
    entry_id: int | None
    username: str | None


@dataclass(frozen=True)
class PaymentRecord:
    """A payment or refund (table ``payments``) with who took it."""

    id: int
    order_id: int
    kind: str
    method: str
    amount_minor: int
    currency: str
    reference: str
    card_last4: str
    notes: str
    user_id: int | None
    received_at: datetime
    till_session_id: int | None
    username: str | None


@dataclass(frozen=True)
class TillPaymentRecord:
    """A payment or refund taken at a till (table ``payments``), its order's total and who took it."""

    id: int
    order_id: int
    kind: str
    method: str
    amount_minor: int
    currency: str
    reference: str
    card_last4: str
    notes: str
    user_id: int | None
    received_at: datetime
    till_session_id: int | None
    order_total_minor: int
    username: str | None


@dataclass(frozen=True)
class AuditRecord:
    """An audit row (table ``audit_log``): who did what, when, with the old and new values as JSON."""

    id: int
    at: datetime
    user_id: int | None
    username: str
    action: str
    entity: str
    entity_id: str
    old_values: str
    new_values: str


@dataclass(frozen=True, slots=True)
class CustomerRecord:
    """A customer as stored (table ``customers``)."""

    id: int
    name: str
    email: str
    billing_address: str
    shipping_address: str
    notes: str
    name_lower: str
    email_lower: str
    created_at: datetime
    mail_opt_out: bool
    invoice_by_mail: bool
    merged_into_id: int | None


@dataclass(frozen=True, slots=True)
class CustomerPhoneRecord:
    """One of a customer's phone numbers: as typed, its digits and its key (table ``customer_phones``)."""

    id: int
    customer_id: int
    phone: str
    digits: str
    key: str


@dataclass(frozen=True, slots=True)
class CustomerAddressRecord:
    """A customer's saved delivery address (table ``customer_addresses``)."""

    id: int
    customer_id: int
    label: str
    address: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ProductRecord:
    """A product (table ``products``) with its stock (``on_hand`` and ``reserved`` of table ``stock``)."""

    id: int
    sku: str
    name: str
    description: str
    barcode: str | None
    category: str
    unit_price_minor: int
    cost_minor: int
    tax_rate_bp: int
    location: str
    reorder_point: int
    reorder_qty: int
    weight_grams: int
    active: bool
    search_text: str
    created_at: datetime
    updated_at: datetime
    on_hand: int
    reserved: int


@dataclass(frozen=True, slots=True)
class StockRecord:
    """A product's stock row (table ``stock``)."""

    product_id: int
    on_hand: int
    reserved: int


@dataclass(frozen=True, slots=True)
class StockLevel:
    """What a product's stock row holds after a reservation: units on hand and reserved."""

    on_hand: int
    reserved: int


@dataclass(frozen=True, slots=True)
class StockMoveRecord:
    """A stock move (table ``stock_moves``) with who made it."""

    id: int
    product_id: int
    on_hand_delta: int
    reserved_delta: int
    kind: str
    reason: str
    order_id: int | None
    reference: str
    user_id: int | None
    created_at: datetime
    username: str | None


@dataclass(frozen=True, slots=True)
class OrderRecord:
    """An order or cart as stored (table ``orders``)."""

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


@dataclass(frozen=True, slots=True)
class ListedOrderRecord:
    """An order in a list of orders (table ``orders``) with its customer's name and how many lines it has."""

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
    customer_name: str | None
    line_count: int


@dataclass(frozen=True, slots=True)
class OrderLineRecord:
    """An order line (table ``order_lines``)."""

    id: int
    order_id: int
    line_no: int
    product_id: int
    sku: str
    name: str
    quantity: int
    unit_price_minor: int
    tax_rate_bp: int
    discount_bp: int
    net_minor: int
    tax_minor: int


@dataclass(frozen=True, slots=True)
class OrderStatusChangeRecord:
    """A change of an order's status (table ``order_status_history``) with who made it."""

    id: int
    order_id: int
    from_status: str | None
    to_status: str
    user_id: int | None
    note: str
    at: datetime
    username: str | None


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
    """An allowance or charge of an order (table ``order_adjustments``)."""

    id: int
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
