"""Sending the outbox: claiming due e-mails, rendering them as they were at the change, handing them to SMTP with
their fixed Message-ID, retries with back-off, and what a dead sender left behind (docs/mail.md)."""
from __future__ import annotations

import json
import logging
import os
import socket
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr
from typing import Any

from ..domain.errors import BusinessRuleViolation, NotFound
from ..domain.messages import code, msg
from ..domain.mail import (CLAIM_LEASE, MAIL_DEFAULTS, MAX_ATTEMPTS, MailKind, OutboxStatus, TemplateProblem,
                           carrier_key, retry_delay, status_link, tracking_link)
from ..domain.money import from_minor
from ..domain.references import order_number
from ..domain.roles import Perm
from .base import ServiceBase, SettingsCache
from .dto import Actor
from .mail_docs import (MailComposer, MailDeliveryError, MailDoc, MailLine, MailSession, MailTransport, OutboxDTO,
                        SendReport, SmtpConfig)
from .ports import UnitOfWorkFactory, utc_now

log = logging.getLogger(__name__)

DIED_SENDING = ("the sender stopped while handing this message to the SMTP server, so it may have gone out; "
                "it is not sent again by itself: 'oms mail retry {id}' sends it again (same Message-ID)")
DIED_BEFORE = "the sender stopped before handing this message over; tried again"


def this_worker() -> str:
    """Who holds a claim: host and process id (checked by a sender restarted on the same host)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def holder_is_gone(claimed_by: str) -> bool:
    """True when the claim's holder is a process on this host that no longer exists (POSIX only: on Windows,
    ``os.kill`` would end the process; there only the claim's lease tells)."""
    host, _, pid = claimed_by.rpartition(":")
    if os.name != "posix" or host != socket.gethostname() or not pid.isdecimal():
        return False
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists, owned by someone else
        return False
    return False


def claim_is_dead(claimed_at: datetime | None, claimed_by: str, lease: timedelta, now: datetime) -> bool:
    """A claim (an outbox message's or a print job's) whose holder died: its lease has run out, or its process is gone
    from this host."""
    return claimed_at is None or claimed_at + lease < now or holder_is_gone(claimed_by)


class MailService(ServiceBase):
    """The outbox's sender and its views. ``clock`` and ``claim_lease`` are attributes so tests can move time.

    Attributes:
        composer: fills the templates (``adapters/mail``), injected by the composition root.
        transport: opens SMTP sessions (``adapters/mail/smtp.py``).
        invoice_pdf: the issued invoice's number and PDF by id, for the invoice mails.
    """

    def __init__(self, uow: UnitOfWorkFactory, hub: SettingsCache, *, composer: MailComposer | None = None,
                 transport: MailTransport | None = None,
                 invoice_pdf: Callable[[int], tuple[str, bytes]] | None = None):
        super().__init__(uow, hub)
        self.composer = composer
        self.transport = transport
        self.invoice_pdf = invoice_pdf
        self.clock: Callable[[], datetime] = utc_now
        self.claim_lease = CLAIM_LEASE

    # ---- settings --------------------------------------------------------------------------------------------
    def smtp_config(self) -> SmtpConfig | None:
        """The SMTP settings, or None while ``smtp.host`` or ``smtp.from`` is not set."""
        s = {**MAIL_DEFAULTS, **self._settings.raw()}
        if not s.get("smtp.host") or not s.get("smtp.from"):
            return None
        return SmtpConfig(s["smtp.host"], int(s["smtp.port"]), s["smtp.security"], s.get("smtp.user", ""),
                          s["smtp.from"])

    def is_configured(self) -> bool:
        return self.smtp_config() is not None and self.transport is not None and self.composer is not None

    # ---- sending ----------------------------------------------------------------------------------------------
    def send_pending(self, actor: Actor | None, *, limit: int = 50) -> SendReport:
        """Send up to ``limit`` due e-mails, one claim each; ``actor`` None is the background sender."""
        if actor is not None:
            self._require(actor, Perm.VIEW, "send the waiting e-mails")
        config = self.smtp_config()
        if config is None or self.transport is None or self.composer is None:
            return SendReport(skipped=msg("SMTP is not configured (oms settings set smtp.host ... and smtp.from ...)"))
        self.recover_claims()
        now = self.clock()
        with self._uow(write=False) as uow:
            if not uow.outbox.due_count(now):
                return SendReport(skipped=msg("nothing is due"))
        try:
            session = self.transport.open(config)
        except MailDeliveryError as e:
            return SendReport(retry_later=self._defer_due(now, str(e), limit), errors=(str(e),))
        sent = later = failed = 0
        errors: list[str] = []
        try:
            for _ in range(limit):
                token = uuid.uuid4().hex
                with self._uow() as uow:
                    row = uow.outbox.claim_next(self.clock(), token, this_worker())
                    uow.commit()
                if row is None:
                    break
                outcome, error = self._deliver(session, config, row, token)
                if outcome == "sent":
                    sent += 1
                    continue
                errors.append(f"{order_number(row.order_id)} {row.kind}: {error}")
                if outcome == "retry":
                    later += 1
                    break  # the server has trouble: the rest wait for the next run, untouched
                failed += 1
        finally:
            session.close()
        return SendReport(sent=sent, retry_later=later, failed=failed, errors=tuple(errors))

    def _deliver(self, session: MailSession, config: SmtpConfig, row: Any, token: str) -> tuple[str, str]:
        """One claimed message: ('sent'|'retry'|'failed', error)."""
        try:
            data = self._message(row, config)
        except (TemplateProblem, NotFound, BusinessRuleViolation) as e:
            self._finish(row, token, OutboxStatus.FAILED, f"cannot be written: {e}")
            return "failed", str(e)
        except Exception as e:  # noqa: BLE001 - a bug in one message must not stop the others; logged with its trace
            log.exception("outbox message %s could not be rendered", row.id)
            self._finish(row, token, OutboxStatus.FAILED, f"cannot be written: {type(e).__name__}: {e}")
            return "failed", str(e)

        def before_data() -> None:
            with self._uow() as uow:
                if not uow.outbox.update_claimed(row.id, token, {"status": OutboxStatus.SENDING.value}):
                    raise MailDeliveryError(msg("the claim on this message was lost; not sent"))
                uow.commit()

        try:
            session.send(config.sender, row.recipient, data, before_data)
        except MailDeliveryError as e:
            if e.uncertain:
                self._finish(row, token, OutboxStatus.FAILED, f"{e}; " + DIED_SENDING.format(id=row.id))
                return "failed", str(e)
            if e.permanent or row.attempts >= MAX_ATTEMPTS:
                self._finish(row, token, OutboxStatus.FAILED, str(e))
                return "failed", str(e)
            self._finish(row, token, OutboxStatus.PENDING, str(e))
            return "retry", str(e)
        self._finish(row, token, OutboxStatus.SENT, "")
        return "sent", ""

    def _finish(self, row: Any, token: str, status: OutboxStatus, error: str) -> None:
        now = self.clock()
        values: dict[str, Any] = {"status": status.value, "claim_token": "", "last_error": error[:2000]}
        if status is OutboxStatus.SENT:
            values.update(sent_at=now, last_error="")
        elif status is OutboxStatus.PENDING:
            values["next_attempt_at"] = now + retry_delay(row.attempts)
        with self._uow() as uow:
            uow.outbox.update_claimed(row.id, token, values)
            uow.commit()

    def _defer_due(self, now: datetime, error: str, limit: int) -> int:
        """The server cannot be reached: every due message records the attempt, the error and its next try."""
        n = 0
        with self._uow() as uow:
            for row in uow.outbox.due(now, limit):
                attempts = row.attempts + 1
                status = OutboxStatus.FAILED if attempts >= MAX_ATTEMPTS else OutboxStatus.PENDING
                if uow.outbox.update_pending(row.id, row.attempts, {
                        "attempts": attempts, "status": status.value, "last_error": error[:2000],
                        "next_attempt_at": now + retry_delay(attempts)}):
                    n += 1
            uow.commit()
        return n

    def recover_claims(self) -> int:
        """What a sender that died left behind: a message claimed but not handed over goes back to pending; one
        being handed over (it may have gone out) becomes failed, for a person to retry. A claim counts as dead
        when its process is gone from this host, or its lease has run out. Returns how many were recovered."""
        now = self.clock()
        with self._uow(write=False) as uow:
            held = uow.outbox.held_claims()
        n = 0
        for row in held:
            if not claim_is_dead(row.claimed_at, row.claimed_by, self.claim_lease, now):
                continue
            if row.status == OutboxStatus.CLAIMED:
                values = {"status": OutboxStatus.PENDING.value, "next_attempt_at": now, "last_error": DIED_BEFORE}
            else:
                values = {"status": OutboxStatus.FAILED.value, "last_error": DIED_SENDING.format(id=row.id)}
            with self._uow() as uow:
                if uow.outbox.update_claimed(row.id, row.claim_token, {**values, "claim_token": ""}):
                    n += 1
                uow.commit()
        return n

    # ---- the message -------------------------------------------------------------------------------------------
    def _message(self, row: Any, config: SmtpConfig) -> bytes:
        assert self.composer is not None
        doc, attachment = self._doc(row)
        composed = self.composer.compose(doc)
        msg = EmailMessage()
        msg["Subject"] = composed.subject
        msg["From"] = formataddr((doc.company_name, config.sender))
        msg["To"] = formataddr((doc.customer_name, row.recipient))
        msg["Date"] = format_datetime(self.clock())
        msg["Message-ID"] = row.message_id
        msg.set_content(composed.text)
        msg.add_alternative(composed.html, subtype="html")
        if attachment is not None:
            name, pdf = attachment
            msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=f"{name}.pdf")
        return msg.as_bytes(policy=SMTP)

    def _doc(self, row: Any) -> tuple[MailDoc, tuple[str, bytes] | None]:
        facts = json.loads(row.facts or "{}")
        settings = self._settings.raw()
        company = self.company
        with self._uow(write=False) as uow:
            order = uow.orders.get(row.order_id)
            if order is None:
                raise NotFound(msg("order {order} no longer exists", order=row.order_id))
            lines = uow.orders.lines(order.id)
            customer = uow.customers.get(order.customer_id) if order.customer_id is not None else None
        cur = order.currency
        names = {ln.sku: ln.name for ln in lines}
        carrier = str(facts.get("carrier", ""))
        carrier_ref = str(facts.get("carrier_ref", ""))
        attachment = None
        if row.kind == MailKind.INVOICE:
            if self.invoice_pdf is None:
                raise BusinessRuleViolation(msg("no PDF renderer in this program for the invoice"))
            attachment = self.invoice_pdf(int(facts["invoice_id"]))
        doc = MailDoc(
            kind=row.kind, order_number=order_number(order.id), tracking_number=order.tracking_number or "",
            customer_name=customer.name if customer else "", company_name=company.name,
            company_address=tuple(x for x in company.address.splitlines() if x.strip()), locale=company.locale,
            currency=cur, total=from_minor(order.total_minor, cur),
            lines=tuple(MailLine(ln.sku, ln.name, ln.quantity, from_minor(ln.net_minor + ln.tax_minor, cur))
                        for ln in lines),
            status_url=status_link(settings.get("status_page.url", ""), order.tracking_number or ""),
            carrier=carrier, service=str(facts.get("service", "")), carrier_ref=carrier_ref,
            carrier_url=tracking_link(settings.get(carrier_key(carrier), "") if carrier else "", carrier_ref),
            backorder=tuple(MailLine(sku, names.get(sku, sku), int(q), Decimal(0))
                            for sku, q in facts.get("lines", []) if row.kind == MailKind.BACKORDER),
            refund_amount=Decimal(str(facts.get("amount", "0"))), refund_method=str(facts.get("method", "")),
            invoice_number=str(facts.get("number", "")))
        return doc, attachment

    # ---- views and actions -------------------------------------------------------------------------------------
    def outbox(self, actor: Actor, *, failed_only: bool = False, limit: int = 200) -> list[OutboxDTO]:
        """What has not gone out (or only what failed), oldest first, with why."""
        self._require(actor, Perm.VIEW, "see the e-mail outbox")
        with self._uow(write=False) as uow:
            rows = uow.outbox.waiting(failed_only=failed_only, limit=limit)
        return [self._dto(r) for r in rows]

    def messages_of(self, actor: Actor, order_id: int) -> list[OutboxDTO]:
        self._require(actor, Perm.VIEW, "see an order's e-mails")
        with self._uow(write=False) as uow:
            return [self._dto(r) for r in uow.outbox.of_order(order_id)]

    def retry(self, actor: Actor, message_pk: int) -> OutboxDTO:
        """Send a failed message again (same Message-ID), with a fresh count of attempts."""
        self._require(actor, Perm.SETTINGS, "send a failed e-mail again")
        with self._uow() as uow:
            row = uow.outbox.get(message_pk)
            if row is None:
                raise NotFound(msg("No e-mail {message} in the outbox.", message=message_pk))
            if row.status != OutboxStatus.FAILED:
                raise BusinessRuleViolation(msg("E-mail {message} is {status}, not failed; nothing to retry.",
                                                 message=message_pk, status=code(row.status)))
            uow.outbox.update_due(message_pk, {"status": OutboxStatus.PENDING.value, "attempts": 0,
                                               "next_attempt_at": self.clock(), "claimed_by": ""})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="mail.retry", entity="outbox",
                             entity_id=message_pk, old={"status": row.status, "error": row.last_error},
                             new={"status": OutboxStatus.PENDING.value})
            row = uow.outbox.get(message_pk)
            uow.commit()
        return self._dto(row)

    @staticmethod
    def _dto(r: Any) -> OutboxDTO:
        return OutboxDTO(r.id, r.kind, order_number(r.order_id), r.recipient, r.message_id, r.status, r.attempts,
                         r.next_attempt_at, r.last_error, r.created_at, r.sent_at, r.claimed_by)
