"""Phone numbers as typed and as a lookup key, so '0171 555-0100', '+49 171 5550100' and '1715550100' meet.

The key is the national significant number without trunk zeros: an international prefix ('+', '00' or '011')
and the country calling code are removed (calling codes are prefix-free: 1 and 7 have one digit, the listed ones
two, all others three), then leading zeros. '(030) 123 4567' and '+49 30 1234567' both become '301234567'.
"""
from __future__ import annotations

import re

KEY_LENGTH = 12
_TWO_DIGIT_CODES = frozenset(
    "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 "
    "84 86 90 91 92 93 94 95 98".split())


def digits_of(text: str) -> str:
    return "".join(ch for ch in str(text) if ch.isdigit())


def _calling_code_length(digits: str) -> int:
    if digits[:1] in ("1", "7"):
        return 1
    return 2 if digits[:2] in _TWO_DIGIT_CODES else 3


def national_number(text: str) -> str:
    """The national significant number of a typed phone number (digits only, no trunk zeros)."""
    raw = str(text).strip()
    d = digits_of(raw)
    international = raw.startswith("+")
    for prefix in ("00", "011"):
        if not international and d.startswith(prefix) and len(d) > len(prefix) + 6:
            d, international = d[len(prefix):], True
            break
    if international and d:
        d = d[_calling_code_length(d):]
    return d.lstrip("0")


def phone_key(text: str) -> str:
    return national_number(text)[-KEY_LENGTH:]


_PHONE_CHARACTERS = re.compile(r"[0-9+()./ \-]+")


def has_only_phone_characters(text: str) -> bool:
    """Digits and the punctuation people type in phone numbers (+ ( ) . / - and spaces), nothing else."""
    return bool(_PHONE_CHARACTERS.fullmatch(str(text)))


def looks_like_phone(text: str) -> bool:
    return has_only_phone_characters(text) and len(digits_of(text)) >= 3
