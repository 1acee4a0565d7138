"""Tables of the accounts area: invoices and credit notes, payments and refunds, the double-entry journal.

Everything here is append-only once written (migration 0004 installs triggers that refuse UPDATE and DELETE):
an issued invoice is corrected by a credit note, a posted entry by a reversal, a payment by a refund. An invoice's
PDF lives in ``invoice_documents``, written once right after the invoice is issued (rendering takes milliseconds that
the issuing transaction, which holds SQLite's write lock, should not wait for); it is rendered only from the stored
invoice, so a document rendered later (after a crash between the two) is the same document.
The only mutable rows are the per-series invoice counter, which is locked and bumped in the issuing transaction,
and ``open_accounts``, the set of orders the accounts queue lists (derived from the documents, see below).
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .models_base import Base, Id, Minor, UtcDateTime


class InvoiceCounter(Base):
    """The last legal number drawn per series (gapless: drawn only in the transaction that issues the document)."""
    __tablename__ = "invoice_counters"
    series: Mapped[str] = mapped_column(String(10), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (CheckConstraint("last_number >= 0", name="last_number_not_negative"),)


class Invoice(Base):
    """An issued invoice or credit note: everything its PDF shows is stored here and in its lines (the seller and
    the buyer as they were, what was paid before it was issued), so the document renders the same at any time."""
    __tablename__ = "invoices"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # invoice | credit_note
    series: Mapped[str] = mapped_column(String(10))
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    references_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"))
    issue_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3))
    net_minor: Mapped[int] = mapped_column(Minor)
    tax_minor: Mapped[int] = mapped_column(Minor)
    total_minor: Mapped[int] = mapped_column(Minor)
    tax_rounding: Mapped[str] = mapped_column(String(10))
    bill_to: Mapped[str] = mapped_column(Text, default="")
    ship_to: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    seller: Mapped[str] = mapped_column(Text, default="")  # company name, then its address lines, as issued
    seller_vat_id: Mapped[str] = mapped_column(String(50), default="")
    prepaid_minor: Mapped[int] = mapped_column(Minor, default=0)  # paid before the invoice was issued
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # the language it was issued in (the customer's then; migration 0027), NULL: the company locale's
    language: Mapped[str | None] = mapped_column(String(8))
    __table_args__ = (
        UniqueConstraint("series", "seq", name="uq_invoices_series_seq"),
        CheckConstraint("total_minor = net_minor + tax_minor", name="total_is_net_plus_tax"),
        CheckConstraint("net_minor >= 0 AND tax_minor >= 0", name="amounts_not_negative"),
        CheckConstraint("seq > 0", name="seq_positive"),
        CheckConstraint("prepaid_minor >= 0 AND prepaid_minor <= total_minor", name="prepaid_within_total"),
    )


class InvoiceDocument(Base):
    """The PDF of an issued invoice or credit note, stored once (insert if absent): a reprint is this document."""
    __tablename__ = "invoice_documents"
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), primary_key=True, autoincrement=False)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class InvoiceLine(Base):
    __tablename__ = "invoice_lines"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_minor: Mapped[int] = mapped_column(Minor)
    tax_rate_bp: Mapped[int] = mapped_column(Integer)
    discount_bp: Mapped[int] = mapped_column(Integer, default=0)
    net_minor: Mapped[int] = mapped_column(Minor)
    tax_minor: Mapped[int] = mapped_column(Minor)
    __table_args__ = (
        UniqueConstraint("invoice_id", "line_no", name="uq_invoice_lines_invoice_line"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
    )


class Payment(Base):
    """Money received (kind 'payment') or paid back (kind 'refund') for an order; never a card number."""
    __tablename__ = "payments"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    method: Mapped[str] = mapped_column(String(10))
    amount_minor: Mapped[int] = mapped_column(Minor)
    currency: Mapped[str] = mapped_column(String(3))
    reference: Mapped[str] = mapped_column(String(100), default="")
    card_last4: Mapped[str] = mapped_column(String(4), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # the till session a cash or card payment (or refund) went through at the counter (migration 0015)
    till_session_id: Mapped[int | None] = mapped_column(ForeignKey("till_sessions.id"), index=True)
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("kind IN ('payment', 'refund')", name="kind_known"),
        Index("ix_payments_received_at", "received_at"),
    )


class LedgerEntry(Base):
    """A posted journal entry; its postings sum to zero. Corrected only by a reversal (``reverses_id``)."""
    __tablename__ = "ledger_entries"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(String(300))
    posted_at: Mapped[datetime] = mapped_column(UtcDateTime)
    posted_on: Mapped[date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"))
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entries.id"), unique=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    __table_args__ = (Index("ix_ledger_entries_posted_on", "posted_on", "id"),)


class LedgerPosting(Base):
    __tablename__ = "ledger_postings"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("ledger_entries.id"), index=True)
    account: Mapped[str] = mapped_column(String(60))
    amount_minor: Mapped[int] = mapped_column(Minor)  # debit positive, credit negative
    __table_args__ = (
        CheckConstraint("amount_minor <> 0", name="amount_not_zero"),
        Index("ix_ledger_postings_account", "account", "entry_id"),
    )


class OpenAccount(Base):
    """An order whose account needs the accounts team: the accounts queue reads these rows, not the history.

    A row exists exactly while at least one reason holds (migration 0008; ``ReceivablesRepo.refresh_open_account``
    rewrites the order's row in the transaction of every change that can open or close it, and a trigger deletes a
    row whose reasons are all false). The reasons, each as the queue's groups define them:

    * ``unsettled``: the order has an invoice or a payment and its invoices (less credit notes) differ from its
      payments (less refunds): awaiting payment, overdue, or a credit in the customer's favour;
    * ``paid_not_invoiced``: a payment and no invoice yet (not a draft, not cancelled);
    * ``shipped_not_invoiced``: units that left in a shipment (less returns) are not invoiced (less credit notes),
      for some product (not a draft, not cancelled).

    Derived data, not history: ``LedgerService.open_accounts_problems`` recomputes the set from the documents.
    """
    __tablename__ = "open_accounts"
    order_id: Mapped[int] = mapped_column(Id, ForeignKey("orders.id"), primary_key=True, autoincrement=False)
    unsettled: Mapped[bool] = mapped_column(Boolean)
    paid_not_invoiced: Mapped[bool] = mapped_column(Boolean)
    shipped_not_invoiced: Mapped[bool] = mapped_column(Boolean)
