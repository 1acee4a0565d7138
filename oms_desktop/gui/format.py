"""Locale-aware display of money, rates and times (Babel); the value itself stays an exact Decimal.

Money goes through ``oms_desktop.formatting.money``, the one function the PDF renderer prints with too, so the
screen and the paper show the same string for the same company locale and currency.
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from babel.numbers import format_decimal, format_percent

from ..formatting import babel_locale as _locale
from ..formatting import money

__all__ = ["money", "number", "rate", "when"]


def number(amount: Decimal, locale: str = "en_US") -> str:
    return format_decimal(amount, locale=_locale(locale), decimal_quantization=False)


def rate(value: Decimal, locale: str = "en_US") -> str:
    return format_percent(value, locale=_locale(locale), format="#,##0.##%")


def when(value: datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")
