"""Locale-aware display of money, rates and times (Babel); the value itself stays an exact Decimal.

Money goes through ``oms_desktop.formatting.money``, the one function the PDF renderer prints with too, so the
screen and the paper show the same string for the same locale and currency; the screens' locale follows the user's
language (:func:`screen_locale`), the documents' their customer's (adapters/pdf/wording.py).
"""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal


from babel.dates import format_datetime
from babel.numbers import format_decimal, format_percent

from .. import formatting
from ..formatting import babel_locale as _locale
from . import i18n

__all__ = ["money", "number", "rate", "screen_locale", "when"]


def screen_locale(company_locale: str) -> str:
    """The locale the screens format money and numbers in: the company's, unless the user reads the screens in
    another of our languages than the company locale's; then that language in the company's country where Babel
    knows the pair, else the language alone (a German user of an ``en_US`` company sees ``81,49 €``, Babel having
    no ``de_US``). English, the source language, keeps the company's locale, as its paperwork prints."""
    return _screen_locale(company_locale, i18n.current())


def _screen_locale(company_locale: str, language: str) -> str:
    if language == i18n.SOURCE_LANGUAGE:
        return (company_locale or formatting.DEFAULT_LOCALE).replace("-", "_")
    return formatting.reader_locale(language, company_locale)


def money(amount: Decimal, currency: str, locale: str = formatting.DEFAULT_LOCALE) -> str:
    """``formatting.money`` (the PDFs' function: the same string for the same locale) in the screen's locale."""
    return formatting.money(amount, currency, screen_locale(locale))


def number(amount: Decimal, locale: str = "en_US") -> str:
    return format_decimal(amount, locale=_locale(screen_locale(locale)), decimal_quantization=False)


def rate(value: Decimal, locale: str = "en_US") -> str:
    return format_percent(value, locale=_locale(screen_locale(locale)), format="#,##0.##%")


def when(value: datetime) -> str:
    """A moment in local time: ISO in English (sortable, what the CLI prints), else the language's short date and
    time from Babel (German ``03.12.26, 20:10``)."""
    local = value.astimezone()
    if i18n.current() == i18n.SOURCE_LANGUAGE:
        return local.strftime("%Y-%m-%d %H:%M")
    return format_datetime(local, "short", locale=_locale(i18n.current()))
