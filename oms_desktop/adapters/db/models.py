"""The database schema as SQLAlchemy 2.x typed models; money is INTEGER minor units, rates integer basis points."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from .models_base import NAMING, Base, Id, Minor, UtcDateTime  # noqa: F401 - re-exported: the shared column types


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # in a row (0021)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)  # no sign-in before then
    language: Mapped[str | None] = mapped_column(String(8))  # the screens' language; NULL: the company's (0026)


class Product(Base):
    __tablename__ = "products"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    barcode: Mapped[str | None] = mapped_column(String(64), unique=True)
    category: Mapped[str] = mapped_column(String(100), default="", index=True)
    unit_price_minor: Mapped[int] = mapped_column(Minor)
    cost_minor: Mapped[int] = mapped_column(Minor, default=0, server_default="0")  # unit cost, for COGS
    tax_rate_bp: Mapped[int] = mapped_column(Integer)
    location: Mapped[str] = mapped_column(String(64), default="")
    reorder_point: Mapped[int] = mapped_column(Integer, default=0)
    reorder_qty: Mapped[int] = mapped_column(Integer, default=0)
    weight_grams: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # per unit, for shipping
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    search_text: Mapped[str] = mapped_column(Text, default="")  # lower-cased sku, name, category, barcode
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    __table_args__ = (
        CheckConstraint("unit_price_minor >= 0", name="price_not_negative"),
        CheckConstraint("tax_rate_bp >= 0 AND tax_rate_bp < 10000", name="tax_rate_range"),
        CheckConstraint("reorder_point >= 0", name="reorder_point_not_negative"),
    )


class Stock(Base):
    __tablename__ = "stock"
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (
        CheckConstraint("on_hand >= 0 AND reserved >= 0 AND reserved <= on_hand", name="never_oversold"),
    )


class StockMove(Base):
    """Append-only: the stock row always equals the sum of its moves (on_hand_delta, reserved_delta)."""
    __tablename__ = "stock_moves"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    on_hand_delta: Mapped[int] = mapped_column(Integer, default=0)
    reserved_delta: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))  # opening, receipt, adjust, reserve, release, ship, return
    reason: Mapped[str] = mapped_column(String(200), default="")
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    reference: Mapped[str] = mapped_column(String(100), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    __table_args__ = (Index("ix_stock_moves_product", "product_id", "id"),)


class Customer(Base):
    __tablename__ = "customers"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), default="")
    billing_address: Mapped[str] = mapped_column(Text, default="")
    shipping_address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    name_lower: Mapped[str] = mapped_column(String(200), index=True)
    email_lower: Mapped[str] = mapped_column(String(254), default="", index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # order e-mails (docs/mail.md): the customer opted out of all of them; wants the invoice PDF by mail
    mail_opt_out: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    invoice_by_mail: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # merged into another customer (migration 0018): kept for the invoices that name it, found no more
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    # the language the customer's documents print in (migration 0027; domain.languages), NULL: the company's
    language: Mapped[str | None] = mapped_column(String(8))


class CustomerAddress(Base):
    """A delivery address the customer keeps besides the shipping address on the customer (a workplace, a
    holiday home, a parent's): an order takes a copy (``orders.ship_to``), so removing one changes no order."""
    __tablename__ = "customer_addresses"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    label: Mapped[str] = mapped_column(String(60))
    address: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CustomerPhone(Base):
    __tablename__ = "customer_phones"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    phone: Mapped[str] = mapped_column(String(50))      # as typed
    digits: Mapped[str] = mapped_column(String(30))     # digits only
    key: Mapped[str] = mapped_column(String(12), index=True)  # last ten digits, leading zeros stripped


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    tracking_number: Mapped[str | None] = mapped_column(String(20), unique=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    currency: Mapped[str] = mapped_column(String(3))
    net_minor: Mapped[int] = mapped_column(Minor, default=0)
    tax_minor: Mapped[int] = mapped_column(Minor, default=0)
    total_minor: Mapped[int] = mapped_column(Minor, default=0)
    prices_include_tax: Mapped[bool] = mapped_column(Boolean, default=False)
    tax_rounding: Mapped[str] = mapped_column(String(10), default="line")
    express: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # A cart has one writer at a time: every change of a draft bumps ``version``; a change based on an older
    # version is refused, naming the last change (what, by whom, when: the open-carts board shows the same).
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_change: Mapped[str] = mapped_column(String(200), default="", server_default="")
    last_change_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_change_by: Mapped[str] = mapped_column(String(64), default="", server_default="")
    shipping_method: Mapped[str | None] = mapped_column(String(32))
    coupon_id: Mapped[int | None] = mapped_column(Integer)  # coupons.id; counted as redeemed on confirmation
    # The web shop's own order number (unique per channel: importing an export again creates nothing) and the
    # delivery address as it was when the order was taken (a snapshot: a customer who moves later moves no parcel).
    external_ref: Mapped[str | None] = mapped_column(String(64))
    ship_to: Mapped[str] = mapped_column(Text, server_default="")  # no Python default: older inserts leave it out
    __table_args__ = (
        Index("ix_orders_status_created", "status", "created_at"),
        Index("ix_orders_created", "created_at"),
        Index("ix_orders_confirmed_at", "confirmed_at"),  # the dashboard's last week up to this time (0017)
        Index("ux_orders_channel_external_ref", "channel", "external_ref", unique=True),
    )


class OrderLine(Base):
    __tablename__ = "order_lines"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_minor: Mapped[int] = mapped_column(Minor)
    tax_rate_bp: Mapped[int] = mapped_column(Integer)
    discount_bp: Mapped[int] = mapped_column(Integer, default=0)
    net_minor: Mapped[int] = mapped_column(Minor, default=0)
    tax_minor: Mapped[int] = mapped_column(Minor, default=0)
    __table_args__ = (
        UniqueConstraint("order_id", "line_no", name="uq_order_lines_order_line"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("discount_bp >= 0 AND discount_bp <= 10000", name="discount_range"),
    )


class OrderStatusChange(Base):
    __tablename__ = "order_status_history"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    # the orders cancelled between two instants (the dashboard's last week up to this time, the report by customer)
    __table_args__ = (Index("ix_order_status_history_at", "at"),)


class Event(Base):
    """Append-only event stream; screens on every workstation refresh from it."""
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    order_id: Mapped[int | None] = mapped_column(Integer)
    product_id: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text, default="{}")  # JSON


class AuditEntry(Base):
    """Append-only: who did what, when, with old and new values."""
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    old_values: Mapped[str] = mapped_column(Text, default="")
    new_values: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)

