"""Tracking numbers: random (not enumerable), Crockford base32, with a mod-37 check character.

Eleven random symbols carry 55 bits; the twelfth is Crockford's check symbol (value mod 37), which detects every
single-symbol substitution and every adjacent transposition, because 32**k and 31*32**k are never multiples of 37.
New numbers only use check values below 32, so they consist of letters and digits alone.
Shown grouped as ``XXXX-XXXX-XXXX``; parsing ignores case, spaces and hyphens and reads I/L as 1 and O as 0.
"""
from __future__ import annotations

import secrets
from collections.abc import Callable

from .messages import msg

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_ALPHABET = ALPHABET + "*~$=U"
DATA_LENGTH = 11
_VALUE = {c: i for i, c in enumerate(CHECK_ALPHABET)}
_ALIASES = {"I": "1", "L": "1", "O": "0"}


class TrackingNumberError(ValueError):
    """The text is not a well-formed tracking number (wrong length, bad symbol or failed check)."""


def _value(symbols: str) -> int:
    n = 0
    for c in symbols:
        n = n * 32 + _VALUE[c]
    return n


def check_symbol(data: str) -> str:
    return CHECK_ALPHABET[_value(data) % 37]


def new_tracking_number(randbits: Callable[[int], int] = secrets.randbits) -> str:
    # Draw again when the check symbol would be one of * ~ $ = U: numbers are read out over the phone, and
    # "tilde" or "equals" trips people up. The check still works mod 37, so every typo is still detected.
    while True:
        n = randbits(5 * DATA_LENGTH)
        data = "".join(ALPHABET[(n >> (5 * i)) & 31] for i in reversed(range(DATA_LENGTH)))
        check = check_symbol(data)
        if check in ALPHABET:
            return format_tracking(data + check)


def format_tracking(compact: str) -> str:
    return "-".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def _compact(text: str) -> str:
    s = "".join(ch for ch in str(text).upper() if ch not in " -_\t")
    return "".join(_ALIASES.get(ch, ch) for ch in s)


def normalize(text: str) -> str:
    """Return the compact, canonical form of a typed tracking number, or raise TrackingNumberError."""
    s = _compact(text)
    if len(s) != DATA_LENGTH + 1:
        raise TrackingNumberError(msg("a tracking number has {length} characters; '{text}' has {count}",
                                      length=DATA_LENGTH + 1, text=text, count=len(s)))
    data, check = s[:-1], s[-1]
    bad = [ch for ch in data if ch not in ALPHABET] + ([check] if check not in CHECK_ALPHABET else [])
    if bad:
        raise TrackingNumberError(msg("'{text}' contains characters not used in tracking numbers: {characters}",
                                      text=text, characters="".join(bad)))
    if check_symbol(data) != check:
        raise TrackingNumberError(msg("'{text}' is not a valid tracking number (check character does not match: "
                                      "probably a typo)", text=text))
    return s


def fails_only_the_check(text: str) -> bool:
    """True when ``text`` has a tracking number's length and symbols but the wrong check character: a typo.

    Telling someone so reveals nothing about any order: anyone can compute it without the database.
    """
    s = _compact(text)
    if len(s) != DATA_LENGTH + 1 or any(ch not in ALPHABET for ch in s[:-1]) or s[-1] not in CHECK_ALPHABET:
        return False
    return check_symbol(s[:-1]) != s[-1]


def parse_tracking(text: str) -> str:
    """The display form (``XXXX-XXXX-XXXX``) of a valid typed tracking number."""
    return format_tracking(normalize(text))


def looks_like_tracking(text: str) -> bool:
    """Twelve symbols that are not a phone number: digits only, or with a leading + or brackets, are a phone
    (``+49 40 6207579`` is twelve characters too)."""
    raw = str(text).strip()
    s = "".join(ch for ch in raw.upper() if ch not in " -_\t")
    if raw.startswith("+") or "(" in raw or "/" in raw:
        return False
    return len(s) == DATA_LENGTH + 1 and not s.isdigit()


def one_symbol_away(text: str) -> list[str]:
    """The valid tracking numbers (compact) one typo away from ``text``: one symbol changed, or two neighbours
    swapped. What a service desk suggests for a number read out wrong (never the public status page)."""
    s = _compact(text)
    if len(s) != DATA_LENGTH + 1:
        return []
    found: set[str] = set()
    for i in range(len(s)):
        for sym in (ALPHABET if i < DATA_LENGTH else CHECK_ALPHABET):
            if sym != s[i]:
                found.add(s[:i] + sym + s[i + 1:])
    for i in range(len(s) - 1):
        found.add(s[:i] + s[i + 1] + s[i] + s[i + 2:])
    return sorted(c for c in found if all(ch in ALPHABET for ch in c[:-1]) and check_symbol(c[:-1]) == c[-1])
