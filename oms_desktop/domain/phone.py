"""Phone numbers as typed and as digits, so '0171 555-0100', '+49 171 5550100' and '1715550100' meet."""
from __future__ import annotations

KEY_LENGTH = 10
"""National significant numbers are at most ten digits in most plans; the last ten digits with leading zeros
stripped match a number written with a trunk prefix (0), a country code (+49, 0049) or neither."""


def digits_of(text: str) -> str:
    return "".join(ch for ch in str(text) if ch.isdigit())


def phone_key(text: str) -> str:
    d = digits_of(text)
    return d[-KEY_LENGTH:].lstrip("0")


def looks_like_phone(text: str) -> bool:
    d = digits_of(text)
    return len(d) >= 3 and len(d) >= len(str(text).replace(" ", "")) * 0.6
