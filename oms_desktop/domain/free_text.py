"""Free text people type: the one card-number check every stored text passes, and the one length rule."""
from __future__ import annotations

import re

# A run of digits with separators people put in card numbers (spaces, dots, slashes, dashes, underscores; several
# in a row too), not glued to letters or digits before it ("DE89 3704 ..." is an IBAN, not a card).
_SEPARATOR = r"[\s./\\\-_]{1,3}"
_DIGIT_RUN = re.compile(rf"(?<![A-Za-z0-9])\d+(?:{_SEPARATOR}\d+)*")
_GROUP = re.compile(r"\d+")
_ANY_DIGIT = re.compile(r"\d")


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


def looks_like_card(digits: str) -> bool:
    """An issuer's prefix and a length a payment card has, and the Luhn check: Visa 4 (16, 19 digits), American
    Express 34/37 (15), Mastercard 51-55 and 2221-2720 (16), and the other 3, 5 and 6 issuers (Diners, JCB, Maestro,
    Discover, UnionPay: 14-19). A parcel's or a bank's number of the same length starts otherwise (0, 1, 7-9) most of
    the time, so carrier references and the like are not refused for a chance Luhn match."""
    n, first = len(digits), digits[:1]
    if not 13 <= n <= 19 or first not in {"2", "3", "4", "5", "6"}:
        return False
    if first == "4":
        fits = n in (16, 19)  # Visa's old 13 digits left out: a German EAN-13 (400-440...) is not a card
    elif digits[:2] in ("34", "37"):
        fits = n == 15
    elif "51" <= digits[:2] <= "55" or "2221" <= digits[:4] <= "2720":
        fits = n == 16
    elif first == "2":
        fits = False
    else:
        fits = n >= 14
    return fits and luhn_ok(digits)


def contains_card_number(text: str) -> bool:
    """True when ``text`` holds a card number (``looks_like_card``), written whole or in groups with any separators.

    A run of digit groups ("4111 1111 1111 1111 12/27", "4111111111111111 1227") is searched for whole groups in a
    row that make 13-19 digits, so an expiry date or a count written after the number does not hide it. A group is
    never split: a longer unbroken number (an IBAN's digits, an order reference) is not searched for windows, which
    would flag one in ten long numbers by chance.
    """
    if not text or len(_ANY_DIGIT.findall(text)) < 13:  # fewer digits than any card has (most texts): one C scan
        return False
    for m in _DIGIT_RUN.finditer(text):
        groups = _GROUP.findall(m.group(0))
        for i in range(len(groups)):
            digits = ""
            for group in groups[i:]:
                digits += group
                if len(digits) > 19:
                    break
                if looks_like_card(digits):
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
