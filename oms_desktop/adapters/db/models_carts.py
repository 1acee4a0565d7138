"""Tables of carts and what changes their price: promotions, coupons and their redemptions, incentives staff offer
on a cart, shipping methods, and each document's allowances and charges (the explanation lines).

An order's allowances and charges (``order_adjustments``) are derived: while the order is a draft they are rewritten
on every change of the cart from its lines, the active promotions, its coupon, its incentives and its shipping
method (``domain.promotions.adjustments``); confirming fixes them. An invoice copies the share it bills into
``invoice_adjustments``, which is append-only like the invoice (migration 0009 installs the triggers).
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models_base import Base, Id, Minor, UtcDateTime


class Promotion(Base):
    """A rule that takes something off carts by itself; ended (``ended_at``), never deleted (orders name it)."""
    __tablename__ = "promotions"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    effect: Mapped[str] = mapped_column(String(20))  # percent | amount | free_shipping | buy_get
    percent_bp: Mapped[int] = mapped_column(Integer, default=0)
    amount_minor: Mapped[int] = mapped_column(Minor, default=0)
    buy_sku: Mapped[str] = mapped_column(String(64), default="")
    buy_qty: Mapped[int] = mapped_column(Integer, default=0)
    get_sku: Mapped[str] = mapped_column(String(64), default="")
    get_qty: Mapped[int] = mapped_column(Integer, default=0)
    skus: Mapped[str] = mapped_column(Text, default="")        # space-separated SKUs ("" = every product)
    categories: Mapped[str] = mapped_column(Text, default="")  # newline-separated categories
    min_total_minor: Mapped[int] = mapped_column(Minor, default=0)
    channel: Mapped[str] = mapped_column(String(20), default="")
    starts: Mapped[date | None] = mapped_column(Date)
    ends: Mapped[date | None] = mapped_column(Date)
    first_order_only: Mapped[bool] = mapped_column(Boolean, default=False)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    exclusive: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    __table_args__ = (
        CheckConstraint("percent_bp >= 0 AND percent_bp <= 10000", name="percent_range"),
        CheckConstraint("amount_minor >= 0", name="amount_not_negative"),
        # the promotions' fingerprint, read with every order, from index entries instead of every row (0028)
        Index("ix_promotions_created_at", "created_at"),
        Index("ix_promotions_ended_at", "ended_at"),
        Index("ix_promotions_first_order", "first_order_only", "ended_at"),
    )


class Coupon(Base):
    """A code a customer gives; ``uses`` is counted in the transaction that confirms the order (a conditional
    UPDATE, so racing workstations can never take a single-use code twice)."""
    __tablename__ = "coupons"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # normalized: upper case, no spaces
    effect: Mapped[str] = mapped_column(String(20))  # percent | amount | free_shipping
    percent_bp: Mapped[int] = mapped_column(Integer, default=0)
    amount_minor: Mapped[int] = mapped_column(Minor, default=0)
    min_total_minor: Mapped[int] = mapped_column(Minor, default=0)
    expires: Mapped[date | None] = mapped_column(Date)
    max_uses: Mapped[int | None] = mapped_column(Integer)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    per_customer: Mapped[int | None] = mapped_column(Integer)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    batch: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    __table_args__ = (
        CheckConstraint("uses >= 0 AND (max_uses IS NULL OR uses <= max_uses)", name="uses_within_limit"),
        CheckConstraint("percent_bp >= 0 AND percent_bp <= 10000", name="percent_range"),
        CheckConstraint("amount_minor >= 0", name="amount_not_negative"),
    )


COUPON_USED_UP = "oms: coupon used up"
"""How the database refuses to confirm an order whose coupon is used up or withdrawn (the triggers of migration 0029,
which spell it out themselves: a migration does not change with the code)."""


class CouponRedemption(Base):
    """An order's use of a coupon, written by the order's confirmation (the triggers of migration 0029). Keyed by
    the order, WITHOUT ROWID on SQLite: a b-tree less to write per order than with a surrogate id (migration 0030)."""
    __tablename__ = "coupon_redemptions"
    coupon_id: Mapped[int] = mapped_column(ForeignKey("coupons.id"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), primary_key=True, autoincrement=False)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    __table_args__ = (Index("ix_coupon_redemptions_coupon_customer", "coupon_id", "customer_id"),
                      {"sqlite_with_rowid": False})


class CartIncentive(Base):
    """An offer staff made on one cart: what, who, why and when (``withdrawn_at`` when taken back before
    confirmation)."""
    __tablename__ = "cart_incentives"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    effect: Mapped[str] = mapped_column(String(20))  # percent | amount | free_shipping | coupon
    percent_bp: Mapped[int] = mapped_column(Integer, default=0)
    amount_minor: Mapped[int] = mapped_column(Minor, default=0)
    coupon_id: Mapped[int | None] = mapped_column(ForeignKey("coupons.id"))
    label: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="", info={"max_chars": 500})  # checked by text_guard.py
    offered_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    offered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ShippingMethod(Base):
    __tablename__ = "shipping_methods"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    basis: Mapped[str] = mapped_column(String(10))  # flat | value | weight
    tiers: Mapped[str] = mapped_column(Text)        # "from:price_minor" pairs, space-separated, ascending
    tax_rate_bp: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(20), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class OrderAdjustment(Base):
    """One allowance (< 0) or charge (> 0) of an order at one tax rate, with the line a customer reads. Keyed
    (order_id, seq), WITHOUT ROWID on SQLite: a b-tree less to write per order than with a surrogate id (migration
    0030)."""
    __tablename__ = "order_adjustments"
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(20))  # promotion | coupon | incentive | shipping
    source_id: Mapped[int | None] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200))
    tax_rate_bp: Mapped[int] = mapped_column(Integer)
    amount_minor: Mapped[int] = mapped_column(Minor)  # in the order's price basis
    net_minor: Mapped[int] = mapped_column(Minor)
    tax_minor: Mapped[int] = mapped_column(Minor)
    __table_args__ = {"sqlite_with_rowid": False}


class InvoiceAdjustment(Base):
    """The share of an order's allowances and charges an invoice or credit note bills (append-only)."""
    __tablename__ = "invoice_adjustments"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(200))
    tax_rate_bp: Mapped[int] = mapped_column(Integer)
    amount_minor: Mapped[int] = mapped_column(Minor)
    net_minor: Mapped[int] = mapped_column(Minor)
    tax_minor: Mapped[int] = mapped_column(Minor)
    __table_args__ = (UniqueConstraint("invoice_id", "seq", name="uq_invoice_adjustments_invoice_seq"),)
