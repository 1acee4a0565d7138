"""The one way a typed number is read (CLI arguments, screens, imported files): ASCII digits with at most one explicit
decimal separator. Anything else is refused naming the field, never guessed: '1,000' could be a thousand or one,
'1_0' is Python's spelling, '١٠' and '２' are digits of other scripts that ``int()`` and ``Decimal()`` read silently."""
from __future__ import annotations

import re
from decimal import Decimal

from .errors import ValidationFailed
from .messages import msg, phrase

_NUMBER = re.compile(r"([+-]?)([0-9]*)(?:([.,])([0-9]*))?", re.ASCII)
_SPACES = re.compile(r"(?<=[0-9])[ \u00a0\u202f](?=[0-9]{3}(?![0-9]))")
MAX_WHOLE_DIGITS = 12
"""Whole numbers people type (ids, limits, counts) have at most this many digits: 10^12 is beyond any shop, and
below what both databases' 64-bit integers hold."""


def parse_number(text: object, *, field: str, whole: bool = False, max_digits: int = 15,
                 space_groups: bool = False) -> Decimal:
    """``text`` as an exact Decimal, or ValidationFailed naming ``field`` and what is wrong.

    '.' or ',' is the decimal separator, at most one of them; a comma before exactly three digits after a number
    other than 0 ('1,000') is refused as ambiguous. With ``space_groups`` thousands may be grouped with spaces
    ('1 234.50'), which cannot be mistaken for anything else. ``whole`` refuses any separator. More than
    ``max_digits`` digits before the separator is "too large"."""
    s = str(text if text is not None else "").strip()
    if space_groups:
        s = _SPACES.sub("", s)
    if not s:
        raise ValidationFailed(msg("{field} is empty", field=phrase(field)))
    m = _NUMBER.fullmatch(s)
    if m is None or not (m.group(2) or m.group(4)):
        raise ValidationFailed(msg("{field} '{text}' is not a whole number", field=phrase(field), text=text) if whole
                               else msg("{field} '{text}' is not a number", field=phrase(field), text=text))
    sign, whole_part, sep, fraction = m.group(1), m.group(2), m.group(3), m.group(4) or ""
    if whole and sep:
        raise ValidationFailed(msg("{field} '{text}' is not a whole number", field=phrase(field), text=text))
    if sep == "," and len(fraction) == 3 and whole_part.lstrip("0"):
        raise ValidationFailed(msg("{field} '{text}' is ambiguous (a thousand or one?): write {whole}{fraction} "
                                   "or {whole}.{fraction}", field=phrase(field), text=text, whole=whole_part,
                                   fraction=fraction))
    if len(whole_part.lstrip("0")) > max_digits:
        raise ValidationFailed(msg("{field} '{text}' is too large", field=phrase(field), text=text))
    return Decimal(f"{sign}{whole_part or '0'}" + (f".{fraction}" if fraction else ""))


def parse_whole(text: object, *, field: str, minimum: int | None = None) -> int:
    """A typed whole number (an id, a limit, a count) as an int: ASCII digits and a sign only, at most
    ``MAX_WHOLE_DIGITS`` digits, at least ``minimum``."""
    value = int(parse_number(text, field=field, whole=True, max_digits=MAX_WHOLE_DIGITS))
    if minimum is not None and value < minimum:
        raise ValidationFailed(msg("{field} must be at least {minimum} (got {value})", field=phrase(field),
                                   minimum=minimum, value=value))
    return value
