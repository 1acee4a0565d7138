"""What the repositories return instead of rows: one frozen dataclass per read (``repository_ports.py`` names which);
the accounts and carts areas' are in ``repository_records_accounts.py``, the sales and forecasts areas' in
``repository_records_sales.py``.

A record of a table holds its columns in the table's order, then what its query joins in; the adapter builds it
from the row, by position where the query selects exactly that (``CustomerRecord(*row)``: cheap on hot paths), and
``tests/unit/test_repository_records.py`` keeps the two alike. A read of a projection (joins, aggregates) returns a
record named for what it is (``ListedOrderRecord``, ``OrderAccount``), its fields the query's columns in order.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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
    failed_logins: int = 0
    locked_until: datetime | None = None
    language: str | None = None


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
    language: str | None = None  # the documents' language (NULL: the company locale's)


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
class EditStampRecord:
    """The last saved change of an edited record (table ``edit_stamps``), with its author's name."""

    entity: str
    entity_key: str
    version: int
    updated_at: datetime
    updated_by: int | None
    updated_by_name: str
