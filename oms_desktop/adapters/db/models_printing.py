"""Print jobs: counter receipts for the receipt printer, written in the payment's transaction, printed afterwards."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models_base import Base, Id, UtcDateTime


class PrintJob(Base):
    """One receipt to print: the order, the facts of the moment it was asked for (JSON: change, payments so far,
    cashier, drawer kick), and its delivery state (docs/printing.md)."""
    __tablename__ = "print_jobs"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    order_id: Mapped[int] = mapped_column(Integer, index=True)
    facts: Mapped[str] = mapped_column(Text, default="{}")
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claim_token: Mapped[str] = mapped_column(String(32), default="")
    claimed_by: Mapped[str] = mapped_column(String(200), default="")  # host:pid of the sender holding it
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    printer: Mapped[str] = mapped_column(String(600), default="")  # where it went (the setting when printed)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    printed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    __table_args__ = (
        Index("ix_print_jobs_status", "status", "id"),
        CheckConstraint("status IN ('pending', 'printing', 'printed', 'failed')", name="status_known"),
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
    )
