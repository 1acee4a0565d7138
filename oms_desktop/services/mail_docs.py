"""What the mail service hands to its adapters and returns: the e-mail document, the composed text, the SMTP
settings, the ports (composer, transport) and the outbox's DTO."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol


@dataclass(frozen=True)
class MailLine:
    sku: str
    name: str
    quantity: int
    amount: Decimal  # the line's gross


@dataclass(frozen=True)
class MailDoc:
    """Everything one order e-mail says, as plain values: the composer formats money (Babel) and fills the
    kind's templates. Change facts (carrier, reference, refund, backorder) are as the outbox row kept them."""
    kind: str
    order_number: str
    tracking_number: str
    customer_name: str
    company_name: str
    company_address: tuple[str, ...]
    locale: str
    currency: str
    total: Decimal
    lines: tuple[MailLine, ...] = ()
    status_url: str = ""            # <status_page.url>/track/<tracking number>, or ""
    carrier: str = ""
    service: str = ""
    carrier_ref: str = ""
    carrier_url: str = ""           # from the carrier's tracking_url template, or ""
    backorder: tuple[MailLine, ...] = ()  # amount 0: what still follows
    refund_amount: Decimal = Decimal(0)
    refund_method: str = ""
    invoice_number: str = ""


@dataclass(frozen=True)
class ComposedMail:
    subject: str
    text: str
    html: str


class MailComposer(Protocol):
    """Fills the templates of a kind (``adapters/mail``: the user's template folder over the packaged ones)."""

    def compose(self, doc: MailDoc) -> ComposedMail: ...


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: str  # starttls | tls | none
    user: str
    sender: str


class MailDeliveryError(Exception):
    """Sending failed; ``permanent`` (an SMTP 5xx answer) means trying again will not help; ``uncertain`` means
    the connection broke after the message data went out and before the server answered: it may have arrived."""

    def __init__(self, message: str, *, permanent: bool = False, uncertain: bool = False):
        super().__init__(message)
        self.permanent = permanent
        self.uncertain = uncertain


class MailSession(Protocol):
    def send(self, sender: str, recipient: str, data: bytes, before_data: Callable[[], None]) -> None:
        """Hand one message over; ``before_data`` runs after the recipient is accepted, right before the
        message data goes out (the outbox records that moment). Raises ``MailDeliveryError``."""
    def close(self) -> None: ...


class MailTransport(Protocol):
    """Opens an SMTP session (``adapters/mail/smtp.py``); raises ``MailDeliveryError`` when it cannot."""

    def open(self, config: SmtpConfig) -> MailSession: ...


@dataclass(frozen=True)
class OutboxDTO:
    id: int
    kind: str
    order_number: str
    recipient: str
    message_id: str
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str
    created_at: datetime
    sent_at: datetime | None
    claimed_by: str = ""


@dataclass(frozen=True)
class SendReport:
    """What one ``send_pending`` run did."""
    sent: int = 0
    retry_later: int = 0
    failed: int = 0
    skipped: str = ""  # why nothing was tried (SMTP not configured, nothing due)
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class SettingDTO:
    key: str
    value: str
    description: str
