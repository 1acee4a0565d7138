"""Printing counter receipts on the ESC/POS receipt printer: claiming the waiting print jobs, printing each at most
once through the ``ReceiptPrinter`` port, and what a dead sender left behind (docs/printing.md)."""
from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from ..domain.errors import BusinessRuleViolation, NotFound
from ..domain.messages import msg
from ..domain.printing import CLAIM_LEASE, MAX_ATTEMPTS, PrinterTarget, PrinterUnavailable, PrintStatus
from ..domain.money import parse_amount
from ..domain.references import order_number
from ..domain.roles import Perm
from .base import ServiceBase, SettingsCache
from .documents import ReceiptDoc
from .dto import Actor
from .invoice_doc import customer_language
from .mail import claim_is_dead, this_worker
from .order_lookup import order_row
from .ports import UnitOfWorkFactory, utc_now
from .receipt_jobs import configured_printer, queue_receipt, receipt_printer
from .receivables import receipt_doc
from .repository_records import PrintJobRecord

log = logging.getLogger(__name__)

DIED_PRINTING = ("the sender stopped while this receipt was being printed, so it may have printed; it is not "
                 "printed again by itself: 'oms receipt print {order}' prints it again")


class ReceiptPrinter(Protocol):
    """Prints a receipt on an ESC/POS printer (``adapters/escpos``): the lines, a cut, and the drawer kick.
    Raises ``PrinterUnavailable``, with ``uncertain`` when some bytes may have gone out."""

    def print_receipt(self, target: PrinterTarget, doc: ReceiptDoc, *, kick_drawer: bool) -> None: ...


@dataclass(frozen=True)
class PrintJobDTO:
    id: int
    order_number: str
    status: str
    attempts: int
    printer: str
    last_error: str
    kick_drawer: bool
    created_at: datetime
    printed_at: datetime | None


@dataclass(frozen=True)
class PrintReport:
    printed: int = 0
    failed: int = 0
    waiting: int = 0  # still pending: the printer could not be reached, tried again later
    errors: tuple[str, ...] = ()
    skipped: str = ""


class ReceiptPrintService(ServiceBase):
    """The receipt printer's sender. ``clock`` and ``claim_lease`` are attributes so tests can move time.

    Attributes:
        printer: the ESC/POS adapter, injected by the composition root (None: jobs are written, nothing prints).
    """

    def __init__(self, uow: UnitOfWorkFactory, hub: SettingsCache, printer: ReceiptPrinter | None = None):
        super().__init__(uow, hub)
        self.printer = printer
        self.clock: Callable[[], datetime] = utc_now
        self.claim_lease = CLAIM_LEASE

    def configured(self) -> bool:
        """True when a receipt printer is set and this program can print to it (cheap: cached settings)."""
        return self.printer is not None and configured_printer(self._settings.raw()).is_set

    def print_receipt(self, actor: Actor, order_ref, *, change=Decimal(0), kick_drawer: bool = False) -> PrintJobDTO:
        """Print an order's receipt now (with the payments taken so far): a job written and committed first, then
        printed. A printer that cannot be reached leaves the job waiting and raises ``PrinterUnavailable``."""
        self._require(actor, Perm.VIEW, "print receipts")
        if kick_drawer:
            self._require(actor, Perm.TILL, "open the cash drawer")
        receipt_printer(self._settings.raw())
        if self.printer is None:
            raise BusinessRuleViolation(msg("This program has no receipt printer driver; nothing can be printed."))
        with self._uow() as uow:
            order = order_row(uow, order_ref)
            cur = order.currency
            change = change if isinstance(change, Decimal) else parse_amount(change or "0", cur, field="change")
            job_pk = queue_receipt(uow, actor, order.id, change=change,
                                   cashier=actor.display_name or actor.username, kick_drawer=kick_drawer,
                                   payments=len(uow.payments.payments_of(order.id)),
                                   language=customer_language(uow, order.customer_id))
            uow.commit()
        report = self.print_pending(None, job_pk=job_pk)
        job = self.job(job_pk)
        if job.status != PrintStatus.PRINTED:
            error = report.errors[0] if report.errors else job.last_error
            raise PrinterUnavailable(
                msg("Receipt for {order} not printed: {error} It waits and is printed with the next receipt or "
                    "'oms receipt print-pending'.", order=job.order_number, error=error)
                if job.status == PrintStatus.PENDING else
                msg("Receipt for {order} not printed: {error}", order=job.order_number, error=error))
        return job

    def print_pending(self, actor: Actor | None, *, limit: int = 20, job_pk: int | None = None) -> PrintReport:
        """Print up to ``limit`` waiting receipts (or only job ``job_pk``), one claim each; ``actor`` None is the
        app after a payment."""
        if actor is not None:
            self._require(actor, Perm.VIEW, "print the waiting receipts")
        if self.printer is None:
            return PrintReport(skipped=msg("no receipt printer driver in this program"))
        target = receipt_printer(self._settings.raw())
        self.recover_claims()
        printed = failed = 0
        errors: list[str] = []
        for _ in range(limit if job_pk is None else 1):
            token = uuid.uuid4().hex
            with self._uow() as uow:
                job = uow.print_jobs.claim(self.clock(), token, this_worker(), job_pk)
                uow.commit()
            if job is None:
                break
            outcome, error = self._print(job, token, target)
            if outcome == PrintStatus.PRINTED:
                printed += 1
                continue
            errors.append(f"{order_number(job.order_id)}: {error}")
            if outcome == PrintStatus.PENDING:
                break  # the printer cannot be reached: the rest wait, untouched
            failed += 1
        with self._uow(write=False) as uow:
            waiting = uow.print_jobs.pending_count()
        return PrintReport(printed=printed, failed=failed, waiting=waiting, errors=tuple(errors))

    def _print(self, job: PrintJobRecord, token: str, target: PrinterTarget) -> tuple[PrintStatus, str]:
        assert self.printer is not None  # print_pending checked it
        facts = json.loads(job.facts or "{}")
        try:
            with self._uow(write=False) as uow:
                doc = receipt_doc(uow, self.company, job.order_id, str(facts.get("cashier", "")),
                                  Decimal(str(facts.get("change", "0"))), printed_at=job.created_at,
                                  payments_upto=facts.get("payments"), language=facts.get("language"))
        except NotFound as e:
            self._finish(job, token, PrintStatus.FAILED, str(target), f"cannot be printed: {e}")
            return PrintStatus.FAILED, str(e)
        try:
            self.printer.print_receipt(target, doc, kick_drawer=bool(facts.get("kick_drawer")))
        except PrinterUnavailable as e:
            if e.uncertain:
                why = f"{e}; " + DIED_PRINTING.format(order=order_number(job.order_id))
                self._finish(job, token, PrintStatus.FAILED, str(target), why)
                return PrintStatus.FAILED, why
            status = PrintStatus.FAILED if job.attempts >= MAX_ATTEMPTS else PrintStatus.PENDING
            self._finish(job, token, status, str(target), str(e))
            return status, str(e)
        except Exception as e:  # noqa: BLE001 - a bug in one receipt must not stop the others; logged with its trace
            log.exception("print job %s could not be printed", job.id)
            why = f"{type(e).__name__}: {e}; it may have printed"
            self._finish(job, token, PrintStatus.FAILED, str(target), why)
            return PrintStatus.FAILED, why
        self._finish(job, token, PrintStatus.PRINTED, str(target), "")
        return PrintStatus.PRINTED, ""

    def _finish(self, job: PrintJobRecord, token: str, status: PrintStatus, printer: str, error: str) -> None:
        values: dict[str, object] = {"status": status.value, "claim_token": "", "last_error": error[:2000],
                                     "printer": printer[:600]}
        if status is PrintStatus.PRINTED:
            values["printed_at"] = self.clock()
        with self._uow() as uow:
            uow.print_jobs.update_claimed(job.id, token, values)
            uow.commit()

    def recover_claims(self) -> int:
        """What a sender that died left: a job it held may have printed (the bytes may have reached the printer),
        so it becomes failed, never printed again by itself (a drawer is never kicked twice). A claim counts as
        dead when its process is gone from this host, or its lease has run out. Returns how many."""
        now = self.clock()
        with self._uow(write=False) as uow:
            held = uow.print_jobs.held_claims()
        n = 0
        for job in held:
            if not claim_is_dead(job.claimed_at, job.claimed_by, self.claim_lease, now):
                continue
            with self._uow() as uow:
                if uow.print_jobs.update_claimed(job.id, job.claim_token, {
                        "status": PrintStatus.FAILED.value, "claim_token": "",
                        "last_error": DIED_PRINTING.format(order=order_number(job.order_id))}):
                    n += 1
                uow.commit()
        return n

    # ---- views ---------------------------------------------------------------------------------------------
    def job(self, job_pk: int) -> PrintJobDTO:
        with self._uow(write=False) as uow:
            job = uow.print_jobs.get(job_pk)
        if job is None:
            raise NotFound(msg("No print job {job}.", job=job_pk))
        return self._dto(job)

    def jobs_of(self, actor: Actor, order_ref) -> list[PrintJobDTO]:
        self._require(actor, Perm.VIEW, "see an order's print jobs")
        with self._uow(write=False) as uow:
            order = order_row(uow, order_ref)
            return [self._dto(j) for j in uow.print_jobs.of_order(order.id)]

    @staticmethod
    def _dto(j: PrintJobRecord) -> PrintJobDTO:
        facts = json.loads(j.facts or "{}")
        return PrintJobDTO(j.id, order_number(j.order_id), j.status, j.attempts, j.printer, j.last_error,
                           bool(facts.get("kick_drawer")), j.created_at, j.printed_at)
