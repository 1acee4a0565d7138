"""Tables of the purchasing area: suppliers, each product's preferred supplier, purchase orders and their lines,
suppliers' invoices against purchase orders and the payments made on them.

The preferred supplier lives in ``product_suppliers`` (one row per product) rather than in a column of ``products``:
it leaves the shared products table alone (no table rebuild on SQLite), and it has room for the supplier's own SKU.

Supplier invoices, their lines and supplier payments are append-only once written, like customer invoices and
payments (migration 0007 installs triggers that refuse UPDATE and DELETE). What is invoiced of a purchase order line is
the sum of its invoice lines (no counter column to keep in step); the journal entry each posted is named by
``entry_id`` (the journal tables stay as they are).
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models_base import Base, Id, Minor, UtcDateTime

PO_STATUSES = ("draft", "sent", "partly_received", "received", "cancelled")


class Supplier(Base):
    __tablename__ = "suppliers"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    lead_days: Mapped[int] = mapped_column(Integer, default=7, server_default="7")  # order to delivery, in days


class ProductSupplier(Base):
    """The preferred supplier of a product (at most one)."""
    __tablename__ = "product_suppliers"
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"), index=True)
    supplier_sku: Mapped[str] = mapped_column(String(64), default="")


class PurchaseOrder(Base):
    __tablename__ = "purchase_orders"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    currency: Mapped[str] = mapped_column(String(3))
    total_minor: Mapped[int] = mapped_column(Minor, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    expected_date: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'sent', 'partly_received', 'received', 'cancelled')",
                        name="status_known"),
        Index("ix_purchase_orders_status", "status", "id"),
    )


class PurchaseOrderLine(Base):
    __tablename__ = "purchase_order_lines"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    po_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer)
    received: Mapped[int] = mapped_column(Integer, default=0)
    unit_cost_minor: Mapped[int] = mapped_column(Minor, default=0)
    __table_args__ = (
        UniqueConstraint("po_id", "line_no", name="uq_purchase_order_lines_po_line"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("received >= 0 AND received <= quantity", name="received_range"),
        CheckConstraint("unit_cost_minor >= 0", name="cost_not_negative"),
    )


SUPPLIER_PAYMENT_METHODS = ("bank", "cash")


class SupplierInvoice(Base):
    """A supplier's invoice for goods received on one purchase order, as the supplier numbered and dated it.

    ``number_key`` is the number normalised (upper case, single spaces) so "inv-7" and "INV-7" of one supplier are
    the same invoice. ``cost_minor`` is what the invoiced quantities cost at the purchase order's prices (the goods
    received not invoiced this invoice clears); ``net_minor`` the same quantities at the invoice's prices."""
    __tablename__ = "supplier_invoices"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id"))
    po_id: Mapped[int] = mapped_column(ForeignKey("purchase_orders.id"), index=True)
    number: Mapped[str] = mapped_column(String(64))
    number_key: Mapped[str] = mapped_column(String(64))
    invoice_date: Mapped[date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3))
    cost_minor: Mapped[int] = mapped_column(Minor)
    net_minor: Mapped[int] = mapped_column(Minor)
    tax_minor: Mapped[int] = mapped_column(Minor)
    total_minor: Mapped[int] = mapped_column(Minor)
    notes: Mapped[str] = mapped_column(Text, default="")
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entries.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    __table_args__ = (
        UniqueConstraint("supplier_id", "number_key", name="uq_supplier_invoices_supplier_number"),
        CheckConstraint("total_minor = net_minor + tax_minor", name="total_is_net_plus_tax"),
        CheckConstraint("cost_minor >= 0 AND net_minor >= 0 AND tax_minor >= 0", name="amounts_not_negative"),
    )


class SupplierInvoiceLine(Base):
    """One purchase order line on a supplier invoice: the quantity invoiced, the invoice's price and the order's."""
    __tablename__ = "supplier_invoice_lines"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("supplier_invoices.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    po_line_id: Mapped[int] = mapped_column(ForeignKey("purchase_order_lines.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_minor: Mapped[int] = mapped_column(Minor)
    unit_cost_minor: Mapped[int] = mapped_column(Minor)  # the purchase order line's unit cost
    net_minor: Mapped[int] = mapped_column(Minor)
    __table_args__ = (
        UniqueConstraint("invoice_id", "line_no", name="uq_supplier_invoice_lines_invoice_line"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("unit_price_minor >= 0 AND unit_cost_minor >= 0", name="prices_not_negative"),
        CheckConstraint("net_minor = quantity * unit_price_minor", name="net_is_quantity_times_price"),
    )


class SupplierPayment(Base):
    """Money paid to a supplier against one of its invoices (never more than is open on it)."""
    __tablename__ = "supplier_payments"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("supplier_invoices.id"), index=True)
    method: Mapped[str] = mapped_column(String(10))
    amount_minor: Mapped[int] = mapped_column(Minor)
    currency: Mapped[str] = mapped_column(String(3))
    reference: Mapped[str] = mapped_column(String(100), default="")
    paid_on: Mapped[date] = mapped_column(Date)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entries.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("method IN ('bank', 'cash')", name="method_known"),
    )
