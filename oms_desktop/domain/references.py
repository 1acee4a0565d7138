"""Document references as people read, type and scan them: SO-000042, PL-000007, INV-000001, CRN-000001,
PO-000003, SI-000002, C000123, R-000042-1; formatted and parsed here only.

Tracking numbers have a check character and live in ``domain.tracking``; this module knows the numbered series.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Series(StrEnum):
    """A numbered series of documents and the prefix its numbers carry."""

    ORDER = "SO"
    PICK_LIST = "PL"
    INVOICE = "INV"
    CREDIT_NOTE = "CRN"
    PURCHASE_ORDER = "PO"
    SUPPLIER_INVOICE = "SI"
    CUSTOMER = "C"


DIGITS = 6
"""Numbers are zero-padded to six digits; larger numbers simply grow (SO-1234567)."""


@dataclass(frozen=True)
class Reading:
    """How a series is typed: whether the prefix may be left out ('42' for SO-000042) and whether a '#' may lead."""

    prefix_optional: bool
    hash_allowed: bool
    max_digits: int = 12


_READINGS: dict[Series, Reading] = {
    Series.ORDER: Reading(prefix_optional=True, hash_allowed=True),
    Series.PICK_LIST: Reading(prefix_optional=True, hash_allowed=True),
    Series.INVOICE: Reading(prefix_optional=False, hash_allowed=False, max_digits=9),
    Series.CREDIT_NOTE: Reading(prefix_optional=False, hash_allowed=False, max_digits=9),
    Series.PURCHASE_ORDER: Reading(prefix_optional=True, hash_allowed=False),
    Series.SUPPLIER_INVOICE: Reading(prefix_optional=False, hash_allowed=False),
}


def _pattern(series: Series, reading: Reading) -> re.Pattern[str]:
    prefix = f"{series.value}-?"
    prefix = f"(?:{prefix})?" if reading.prefix_optional else prefix
    hash_ = "#?" if reading.hash_allowed else ""
    return re.compile(rf"^\s*{prefix}{hash_}0*(\d{{1,{reading.max_digits}}})\s*$", re.IGNORECASE | re.ASCII)


_PATTERNS: dict[Series, re.Pattern[str]] = {series: _pattern(series, r) for series, r in _READINGS.items()}
_CUSTOMER = re.compile(r"^[Cc#]?0*(\d{1,12})$", re.ASCII)


def format_ref(series: Series, number: int) -> str:
    """'SO-000042' for (ORDER, 42); customers read 'C000042' (no dash, as printed on their cards)."""
    if series is Series.CUSTOMER:
        return f"C{number:0{DIGITS}d}"
    return f"{series.value}-{number:0{DIGITS}d}"


def parse_ref(series: Series, text: str, *, prefix_required: bool = False) -> int | None:
    """The number in ``text`` if it reads as a reference of ``series`` ('so-42', '#42', '000042'), else None.

    ``prefix_required`` accepts only the prefixed spelling ('PL-7', 'pl7'): what a scan field uses to tell a pick
    list's barcode from a SKU.
    """
    if series is Series.CUSTOMER:
        match = _CUSTOMER.match(text)
    else:
        match = _PATTERNS[series].match(text)
    if match is None or (prefix_required and not text.strip().upper().startswith(series.value)):
        return None
    return int(match.group(1))


def parse_invoice_or_credit_note(text: str) -> tuple[Series, int] | None:
    """('INV', 7) or ('CRN', 7) for 'INV-000007' / 'crn7'; None for anything else."""
    for series in (Series.INVOICE, Series.CREDIT_NOTE):
        number = parse_ref(series, text)
        if number is not None:
            return series, number
    return None


def order_number(order_id: int) -> str:
    return format_ref(Series.ORDER, order_id)


def pick_list_number(pick_list_id: int) -> str:
    return format_ref(Series.PICK_LIST, pick_list_id)


def po_number(po_id: int) -> str:
    return format_ref(Series.PURCHASE_ORDER, po_id)


def supplier_invoice_ref(invoice_id: int) -> str:
    """Our own reference of a recorded supplier invoice (the supplier's number is unique per supplier only)."""
    return format_ref(Series.SUPPLIER_INVOICE, invoice_id)


def customer_number(customer_id: int) -> str:
    return format_ref(Series.CUSTOMER, customer_id)


def receipt_number(order_id: int, payment_count: int) -> str:
    """A receipt is numbered by its order and the count of payments on it: R-000042-2 is the order's second."""
    return f"R-{order_id:0{DIGITS}d}-{payment_count}"


_TILL_SESSION = re.compile(r"^\s*Z-?0*(\d{1,12})\s*$", re.IGNORECASE | re.ASCII)


def till_session_number(session_id: int) -> str:
    """A till session, as its Z report is headed: Z-000007."""
    return f"Z-{session_id:0{DIGITS}d}"


def parse_till_session(text: str) -> int | None:
    """The id of 'Z-000007' (or 'z7'); None when the text is not a session's number (the prefix is required: a
    bare number could be a till's name)."""
    m = _TILL_SESSION.match(text or "")
    return int(m.group(1)) if m else None
