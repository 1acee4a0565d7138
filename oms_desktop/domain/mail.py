"""Order e-mails as plain rules: their kinds, the outbox states, retry back-off, the mail settings and templates."""
from __future__ import annotations

import html
import re
import string
import uuid
from collections.abc import Mapping
from datetime import timedelta
from enum import StrEnum

from . import carriers

from .errors import ValidationFailed
from .messages import msg


class MailKind(StrEnum):
    CONFIRMATION = "confirmation"
    SHIPMENT = "shipment"
    BACKORDER = "backorder"
    DELIVERY = "delivery"
    REFUND = "refund"
    INVOICE = "invoice"


class OutboxStatus(StrEnum):
    """A row's life: pending -> claimed (a sender took it, nothing handed to SMTP yet) -> sending (the message
    data is being handed over) -> sent; a failure goes back to pending with a later next attempt, or to failed.
    A sender that dies leaves claimed (safe to retry) or sending (may have gone out: failed, for a person to
    decide). See docs/mail.md."""
    PENDING = "pending"
    CLAIMED = "claimed"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


MAX_ATTEMPTS = 8
"""After this many failed attempts a message is failed (kept, listed by ``oms mail outbox --failed``)."""
FIRST_RETRY = timedelta(minutes=1)
LAST_RETRY = timedelta(hours=6)
CLAIM_LEASE = timedelta(minutes=10)
"""How long a claim by a sender on another workstation (or a living process) is trusted; longer than a send
can take (the SMTP connection times out after a minute)."""


def retry_delay(attempts: int) -> timedelta:
    """Exponential back-off after the ``attempts``-th failed attempt: 1, 2, 4, ... minutes, at most 6 hours."""
    if attempts < 1:
        return timedelta(0)
    delay: timedelta = FIRST_RETRY * (2 ** min(attempts - 1, 20))
    return min(delay, LAST_RETRY)


def new_message_id(order_id: int) -> str:
    """A Message-ID fixed when the outbox row is written, so every attempt sends the same message."""
    return f"<{uuid.uuid4().hex}.{order_id}@oms-desktop.mail>"


# ---- settings ------------------------------------------------------------------------------------------------

EMAIL_RE = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
CARRIER_KEY_RE = carriers.SETTING_RE
SECURITY = ("starttls", "tls", "none")

MAIL_SETTINGS: dict[str, str] = {
    "smtp.host": "the SMTP server's host name",
    "smtp.port": "the SMTP server's port (587 for STARTTLS, 465 for TLS)",
    "smtp.security": "starttls, tls or none",
    "smtp.user": "the SMTP login (empty: no login); the password comes from the system keyring or "
                 "OMS_SMTP_PASSWORD, never from the database",
    "smtp.from": "the sender address of the order e-mails",
    "status_page.url": "the shop's public status page; mails link to <url>/track/<tracking number>",
}
MAIL_DEFAULTS = {"smtp.port": "587", "smtp.security": "starttls"}


def is_mail_setting(key: str) -> bool:
    return key in MAIL_SETTINGS or CARRIER_KEY_RE.match(key) is not None


def normalize_setting(key: str, value: str) -> str:
    """The value to store for a mail setting, or ``ValidationFailed`` naming the key (nothing is stored)."""
    key = key.strip()
    text = str(value).strip()
    if key == "smtp.password":
        raise ValidationFailed(msg("smtp.password is never stored in the database: put it in the system keyring "
                                   "(service 'oms-desktop', user = smtp.user) or set OMS_SMTP_PASSWORD"))
    if not is_mail_setting(key):
        raise ValidationFailed(msg("unknown setting '{key}' (known: {known}, carrier.<name>.tracking_url)", key=key,
                                   known=", ".join(MAIL_SETTINGS)))
    if key == "smtp.host":
        if not text or any(c.isspace() for c in text) or len(text) > 253:
            raise ValidationFailed(msg("smtp.host must be a host name without spaces (got '{value}')", value=value))
    elif key == "smtp.port":
        if not text.isdecimal() or not 1 <= int(text) <= 65535:
            raise ValidationFailed(msg("smtp.port must be a number from 1 to 65535 (got '{value}')", value=value))
        text = str(int(text))
    elif key == "smtp.security":
        text = text.lower()
        if text not in SECURITY:
            raise ValidationFailed(msg("smtp.security must be one of {choices} (got '{value}')",
                                       choices=", ".join(SECURITY), value=value))
    elif key == "smtp.from":
        if not EMAIL_RE.match(text):
            raise ValidationFailed(msg("smtp.from must be an e-mail address (got '{value}')", value=value))
    elif key == "smtp.user":
        if len(text) > 200:
            raise ValidationFailed(msg("smtp.user is longer than 200 characters"))
    elif key == "status_page.url" or key.endswith(".tracking_url"):
        if text and not re.match(r"^https?://[^\s/]+", text):
            raise ValidationFailed(msg("{key} must start with http:// or https:// (got '{value}')", key=key,
                                       value=value))
        if len(text) > 500:
            raise ValidationFailed(msg("{key} is longer than 500 characters", key=key))
        if key == "status_page.url":
            text = text.rstrip("/")
        elif text and "{ref}" not in text:
            raise ValidationFailed(msg("{key} must contain {ref}, where the carrier's reference goes "
                                       "(e.g. https://carrier.example/track?id={ref})", key=key, ref="{ref}"))
    return text


def carrier_key(carrier: str) -> str:
    """The setting that holds a carrier's tracking link: ``carrier.dhl.tracking_url`` for "DHL"."""
    return carriers.setting_key(carrier)


def tracking_link(url_template: str, carrier_ref: str) -> str:
    """The carrier's tracking page for one parcel (the reference URL-quoted), or "" without a usable template:
    the same link as the status page's (``domain/carriers.py``)."""
    return carriers.tracking_url(url_template, carrier_ref) or ""


def status_link(status_page_url: str, tracking_number: str) -> str:
    from urllib.parse import quote
    if not status_page_url or not tracking_number:
        return ""
    return f"{status_page_url.rstrip('/')}/track/{quote(tracking_number, safe='')}"


# ---- templates -------------------------------------------------------------------------------------------------

class TemplateProblem(ValueError):
    """An edited template names a placeholder that does not exist, or is malformed."""


def fill(template: str, values: Mapping[str, str], *, html_mode: bool, markup: frozenset[str] = frozenset(),
         name: str = "template") -> str:
    """``$placeholder`` substitution (string.Template). In HTML every value is escaped except those in
    ``markup`` (fragments built from escaped values already); an unknown placeholder raises ``TemplateProblem``."""
    safe = {k: (v if (not html_mode or k in markup) else html.escape(v, quote=True)) for k, v in values.items()}
    try:
        return string.Template(template).substitute(safe)
    except KeyError as e:
        raise TemplateProblem(msg("{name}: unknown placeholder ${placeholder} (known: {known})", name=name,
                                  placeholder=e.args[0], known=", ".join("$" + k for k in sorted(values)))) from None
    except ValueError as e:
        raise TemplateProblem(msg("{name}: {error} (write $$ for a dollar sign)", name=name, error=str(e))) from None


def split_subject(text: str, name: str = "template") -> tuple[str, str]:
    """A text template starts with ``Subject: ...`` and a blank line; the subject and the body."""
    first, _, rest = text.partition("\n")
    if not first.lower().startswith("subject:"):
        raise TemplateProblem(msg("{name}: the first line must be 'Subject: ...'", name=name))
    return first.split(":", 1)[1].strip(), rest.lstrip("\n")
