"""Tables of the counter's tills: sessions (open with a float, closed with what was counted) and cash moved in or out.

Counted and expected amounts are columns per counter method (cash and card, the only ones a till takes) rather than a
child table: a Z report reads one row, and a new counter method is a migration anyway (its ledger account, its
label). At most one open session per till: a partial unique index (``closed_at IS NULL``) on both databases, so
two workstations opening the same till at once cannot both succeed.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from .models_base import Base, Id, Minor, UtcDateTime


class TillSession(Base):
    __tablename__ = "till_sessions"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    till: Mapped[str] = mapped_column(String(40))
    currency: Mapped[str] = mapped_column(String(3))
    float_minor: Mapped[int] = mapped_column(Minor)
    opened_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    expected_cash_minor: Mapped[int | None] = mapped_column(Minor)
    counted_cash_minor: Mapped[int | None] = mapped_column(Minor)
    expected_card_minor: Mapped[int | None] = mapped_column(Minor)
    counted_card_minor: Mapped[int | None] = mapped_column(Minor)
    difference_minor: Mapped[int | None] = mapped_column(Minor)  # counted - expected, all methods
    # the over/short entry (no foreign key: ledger_entries -> payments -> till_sessions would make a cycle)
    close_entry_id: Mapped[int | None] = mapped_column(Id)
    __table_args__ = (
        CheckConstraint("float_minor >= 0", name="float_not_negative"),
        Index("ux_till_sessions_open_till", "till", unique=True, sqlite_where=text("closed_at IS NULL"),
              postgresql_where=text("closed_at IS NULL")),
        Index("ix_till_sessions_opened_at", "opened_at"),
    )


class TillMovement(Base):
    """Cash put into a till (``in``) or taken out (``out``), with the reason; append-only."""
    __tablename__ = "till_movements"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("till_sessions.id"), index=True)
    kind: Mapped[str] = mapped_column(String(3))
    amount_minor: Mapped[int] = mapped_column(Minor)
    reason: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    moved_at: Mapped[datetime] = mapped_column(UtcDateTime)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entries.id"))
    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("kind IN ('in', 'out')", name="kind_known"),
    )
