"""Free text people type: the one card-number check every stored text passes, and the one length rule."""
from __future__ import annotations

import re

# A run of digits with separators people put in card numbers (spaces, dots, slashes, dashes, underscores; several
# in a row too), not glued to letters or digits before it ("DE89 3704 ..." is an IBAN, not a card).
_SEPARATOR = r"[\s./\\\-_]{1,3}"
_DIGIT_RUN = re.compile(rf"(?<![A-Za-z0-9])\d+(?:{_SEPARATOR}\d+)*")
_GROUP = re.compile(r"\d+")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def contains_card_number(text: str) -> bool:
    """True when ``text`` holds 13-19 digits passing the Luhn check, written whole or in groups with any separators.

    A run of digit groups ("4111 1111 1111 1111 12/27", "4111111111111111 1227") is searched for whole groups in a
    row that make 13-19 digits, so an expiry date or a count written after the number does not hide it. A group is
    never split: a longer unbroken number (an IBAN's digits, an order reference) is not searched for windows, which
    would flag one in ten long numbers by chance.
    """
    for m in _DIGIT_RUN.finditer(text or ""):
        groups = _GROUP.findall(m.group(0))
        for i in range(len(groups)):
            digits = ""
            for group in groups[i:]:
                digits += group
                if len(digits) > 19:
                    break
                if len(digits) >= 13 and luhn_ok(digits):
                    return True
    return False


def card_number_problem(label: str, text: str) -> str | None:
    """The message for a free-text field holding a card number, or None."""
    if contains_card_number(text):
        return (f"the {label} looks like a card number; card numbers are never stored: enter only the last four "
                "digits or the terminal's reference")
    return None


def too_long_problem(label: str, stored: str, limit: int, *, typed: str | None = None) -> str | None:
    """The message when ``stored`` (what the database keeps: the text itself or a form derived from it, such as its
    lower case) holds more than ``limit`` characters (code points, as SQLite and PostgreSQL both count them)."""
    if len(stored) <= limit:
        return None
    typed_len = len(typed) if typed is not None else len(stored)
    extra = "" if typed_len == len(stored) else f" ({len(stored)} once lower-cased for searching)"
    return f"the {label} is too long: {typed_len} characters{extra}, at most {limit} fit; shorten it"
