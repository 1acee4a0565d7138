"""Locale-aware display of money, rates and times (Babel); the value itself stays an exact Decimal."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency, format_decimal, format_percent


@lru_cache(maxsize=8)
def _locale(name: str) -> Locale:
    try:
        return Locale.parse(name or "en_US")
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en_US")


def money(amount: Decimal, currency: str, locale: str = "en_US") -> str:
    return format_currency(amount, currency, locale=_locale(locale), currency_digits=True)


def number(amount: Decimal, locale: str = "en_US") -> str:
    return format_decimal(amount, locale=_locale(locale), decimal_quantization=False)


def rate(value: Decimal, locale: str = "en_US") -> str:
    return format_percent(value, locale=_locale(locale), format="#,##0.##%")


def when(value: datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")
