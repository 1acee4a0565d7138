"""The outbox: order e-mails written in the transaction of the change that causes them, sent afterwards."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models_base import Base, Id, UtcDateTime


class OutboxMessage(Base):
    """One e-mail to send: what it is about (kind, order, the change's facts as JSON), to whom, its fixed
    Message-ID, and its delivery state (docs/mail.md)."""
    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    order_id: Mapped[int] = mapped_column(Integer, index=True)
    recipient: Mapped[str] = mapped_column(String(254))
    message_id: Mapped[str] = mapped_column(String(120), unique=True)
    facts: Mapped[str] = mapped_column(Text, default="{}")  # JSON: what was true at the change
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime)
    claim_token: Mapped[str] = mapped_column(String(32), default="")
    claimed_by: Mapped[str] = mapped_column(String(200), default="")  # host:pid of the sender holding it
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    __table_args__ = (
        Index("ix_outbox_due", "status", "next_attempt_at"),
        CheckConstraint("status IN ('pending', 'claimed', 'sending', 'sent', 'failed')", name="status_known"),
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
    )
