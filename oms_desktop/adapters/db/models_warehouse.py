"""Tables of the warehouse area: pick lists, shipments, backorders and returns.

An order's line quantities stay the promise; what the warehouse did with them lives here. ``pick_lines`` record what
was asked and what was picked per order and product; ``shipments``/``shipment_lines`` what left the building (the
stock moves of kind ``ship`` carry the same numbers); ``backorders`` what is still owed and still reserved; ``returns``
what came back and in which condition.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models_base import Base, Id, Minor, UtcDateTime  # noqa: F401


class PickList(Base):
    __tablename__ = "pick_lists"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    status: Mapped[str] = mapped_column(String(20))  # open, picked
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    picked_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    picked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PickListOrder(Base):
    """An order on a pick list, with its tote; ``backorder`` marks a pick for what a shipped order still owes."""
    __tablename__ = "pick_list_orders"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    pick_list_id: Mapped[int] = mapped_column(ForeignKey("pick_lists.id"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    tote: Mapped[int] = mapped_column(Integer)
    backorder: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20))  # picking, picked, packed, shipped, empty, dropped
    __table_args__ = (UniqueConstraint("pick_list_id", "order_id", name="uq_pick_list_orders_list_order"),)


class PickLine(Base):
    __tablename__ = "pick_lines"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    pick_list_id: Mapped[int] = mapped_column(ForeignKey("pick_lists.id"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    location: Mapped[str] = mapped_column(String(64), default="")
    barcode: Mapped[str] = mapped_column(String(64), default="")
    quantity: Mapped[int] = mapped_column(Integer)
    picked: Mapped[int | None] = mapped_column(Integer)  # None until the pick list is confirmed
    short_reason: Mapped[str] = mapped_column(String(200), default="")
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),
                      CheckConstraint("picked IS NULL OR (picked >= 0 AND picked <= quantity)", name="picked_range"))


class Shipment(Base):
    __tablename__ = "shipments"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    pick_list_id: Mapped[int | None] = mapped_column(ForeignKey("pick_lists.id"))
    status: Mapped[str] = mapped_column(String(20))  # packed, shipped, delivered
    backorder: Mapped[bool] = mapped_column(Boolean, default=False)
    carrier: Mapped[str] = mapped_column(String(100))
    service: Mapped[str] = mapped_column(String(100), default="")
    carrier_ref: Mapped[str] = mapped_column(String(100))
    packages: Mapped[int] = mapped_column(Integer, default=1)
    weight_g: Mapped[int | None] = mapped_column(Integer)  # grams: exact, never a float
    packed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    packed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    shipped_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    shipped_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    delivered_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    __table_args__ = (CheckConstraint("packages > 0", name="packages_positive"),
                      CheckConstraint("weight_g IS NULL OR weight_g > 0", name="weight_positive"))


class ShipmentLine(Base):
    __tablename__ = "shipment_lines"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)


class Backorder(Base):
    """What a shipped order still owes of one product; the units stay reserved until shipped or released."""
    __tablename__ = "backorders"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[int] = mapped_column(Integer)  # still owed
    status: Mapped[str] = mapped_column(String(20))  # open, fulfilled, released
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    __table_args__ = (CheckConstraint("quantity >= 0", name="quantity_not_negative"),
                      Index("ix_backorders_status", "status", "order_id"))


class ReturnedItem(Base):
    __tablename__ = "returns"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    sku: Mapped[str] = mapped_column(String(64))
    quantity: Mapped[int] = mapped_column(Integer)
    condition: Mapped[str] = mapped_column(String(20))  # restock, damaged
    reason: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),
                      CheckConstraint("condition IN ('restock', 'damaged')", name="condition_known"))
