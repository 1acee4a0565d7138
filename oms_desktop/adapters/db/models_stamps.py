"""Edit stamps: the version of a record people edit in forms (a product, a customer, the company settings), so
that a save over someone else's change is refused naming who and when (issue 18, docs/concurrency.md)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .models_base import Base, UtcDateTime


class EditStamp(Base):
    """The last saved change of one edited record: ``entity`` ('product', 'customer', 'settings') and its key (SKU,
    customer id, settings group). No row: never saved through a form since stamps exist (version 0)."""
    __tablename__ = "edit_stamps"
    entity: Mapped[str] = mapped_column(String(20), primary_key=True)
    entity_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    __table_args__ = (CheckConstraint("version > 0", name="version_positive"),)
