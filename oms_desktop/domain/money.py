"""Money: Decimal in code, integer minor units in storage, one rounding policy."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from .errors import ValidationFailed
from .messages import msg, phrase
from .numbers import parse_number

ROUNDING = ROUND_HALF_UP
"""Commercial rounding (half away from zero) is what invoices and tax authorities in our markets expect."""

_EXPONENTS = {"JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "BHD": 3, "KWD": 3, "JOD": 3, "TND": 3, "OMR": 3}

MAX_MINOR = 10**15  # a sanity ceiling far above any real order; keeps values inside signed 64-bit.


@lru_cache(maxsize=64)
def exponent(currency: str) -> int:
    return _EXPONENTS.get(currency.upper(), 2)


@lru_cache(maxsize=64)
def quantum(currency: str) -> Decimal:
    """The currency's smallest unit (0.01); cached: pricing asks for it many times per document."""
    return Decimal(1).scaleb(-exponent(currency))


def round_money(value: Decimal, currency: str) -> Decimal:
    return value.quantize(quantum(currency), rounding=ROUNDING)


def to_minor(value: Decimal, currency: str) -> int:
    """Exact conversion; refuses a value with more decimals than the currency has."""
    scaled = value.scaleb(exponent(currency))
    minor = int(scaled)
    if minor != scaled:  # a fraction of the smallest unit is left: more decimals than the currency has
        raise ValidationFailed(msg("{value} has more decimals than {currency} allows ({decimals})", value=value,
                                   currency=currency, decimals=exponent(currency)))
    return minor


def from_minor(minor: int, currency: str) -> Decimal:
    """``minor`` units as an amount with exactly the currency's decimals (1234 -> 12.34, 0 -> 0.00): moving the
    exponent of a whole number gives that exponent already, nothing to round (stored amounts stay far below the
    context's 28 digits)."""
    return Decimal(int(minor)).scaleb(-exponent(currency))


def parse_amount(text: object, currency: str, *, field: str = "amount", allow_negative: bool = False) -> Decimal:
    """Parse a user-typed amount ("12.50", "12,50", " 3 ", "1 234.50") into an exact Decimal, or raise
    ValidationFailed (``domain.numbers.parse_number``: '1,000' is ambiguous, only ASCII digits)."""
    if isinstance(text, Decimal):
        raw = text
    else:
        raw = parse_number(text, field=field, space_groups=True)
    if not raw.is_finite():
        raise ValidationFailed(msg("{field} '{text}' is not a number", field=phrase(field), text=text))
    if raw < 0 and not allow_negative:
        raise ValidationFailed(msg("{field} must not be negative (got {text})", field=phrase(field), text=text))
    if raw and raw.adjusted() >= 15:  # checked before quantize, which fails on exponents such as 1e9999
        raise ValidationFailed(msg("{field} '{text}' is too large", field=phrase(field), text=text))
    exp = raw.as_tuple().exponent  # an int: only NaN and infinities (refused above) have a letter here
    if isinstance(exp, int) and exp < -30:  # '1e-9999' would make quantize fail the same way
        raise ValidationFailed(msg("{field} '{text}' has more than {decimals} decimals", field=phrase(field), text=text,
                                   decimals=exponent(currency)))
    if raw != raw.quantize(quantum(currency), rounding=ROUNDING):
        raise ValidationFailed(msg("{field} '{text}' has more than {decimals} decimals", field=phrase(field), text=text,
                                   decimals=exponent(currency)))
    if abs(raw.scaleb(exponent(currency))) >= MAX_MINOR:
        raise ValidationFailed(msg("{field} '{text}' is too large", field=phrase(field), text=text))
    return raw.quantize(quantum(currency))

