"""Receipt print jobs written in the caller's transaction (the payment and its receipt commit together), and the
receipt printer the settings name (docs/printing.md)."""
from __future__ import annotations

import json
from decimal import Decimal
from typing import Mapping

from ..domain.errors import BusinessRuleViolation, ValidationFailed
from ..domain.printing import PRINTER_SETTING, PrinterTarget, PrintStatus, parse_printer
from .dto import Actor
from .ports import UnitOfWork, utc_now

NOT_SET = (f"No receipt printer is set; an admin sets one with 'oms settings set {PRINTER_SETTING} "
           "network:192.168.1.50' (or file:, usb:, serial:; docs/printing.md).")


def configured_printer(settings: Mapping[str, str]) -> PrinterTarget:
    """The receipt printer of the settings (``none`` when unset or unreadable: a bad stored value prints nothing)."""
    try:
        return parse_printer(settings.get(PRINTER_SETTING, "none"))
    except ValidationFailed:
        return parse_printer("none")


def receipt_printer(settings: Mapping[str, str]) -> PrinterTarget:
    """The receipt printer, or ``BusinessRuleViolation`` saying how to set one."""
    target = configured_printer(settings)
    if not target.is_set:
        raise BusinessRuleViolation(NOT_SET)
    return target


def queue_receipt(uow: UnitOfWork, actor: Actor, order_id: int, *, change: Decimal, cashier: str,
                  kick_drawer: bool, payments: int, language: str) -> int:
    """One receipt print job in the caller's transaction: one INSERT. ``payments`` is how many of the order's
    payments it shows (those taken so far), and ``language`` the customer's now (``invoice_doc.customer_language``,
    "" for the company locale's), so the job, printed later or again, shows the same receipt in the same words."""
    facts = {"change": str(change), "cashier": cashier, "kick_drawer": kick_drawer, "payments": payments,
             "language": language}
    return uow.print_jobs.add(dict(kind="receipt", order_id=order_id, facts=json.dumps(facts, sort_keys=True),
                                   status=PrintStatus.PENDING.value, attempts=0, claim_token="", claimed_by="",
                                   printer="", last_error="", created_by=actor.user_id, created_at=utc_now()))
