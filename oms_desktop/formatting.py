"""Money as people read it, one function for the screen and for paper: the GUI (``gui/format.py``) and the PDF
renderer (``adapters/pdf``) both print amounts through ``money`` so a total reads the same on screen, on the PDF and,
as the same Decimal, in the ledger.

It sits beside the layers rather than in one: the domain imports only the standard library and the services may not
use Babel, while both the GUI and the adapters may import this module. It imports only Babel and ``domain.money``.
Machine formats (QR payloads, Factur-X XML, journals, CSV, ``--json``) never come through here: they print plain
decimals.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency

from .domain.money import round_money

DEFAULT_LOCALE = "en_US"


@lru_cache(maxsize=16)
def babel_locale(name: str) -> Locale:
    """The Babel locale for a company setting such as ``de_DE`` (or ``de-DE``); ``en_US`` when empty or unknown."""
    try:
        return Locale.parse((name or DEFAULT_LOCALE).strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(DEFAULT_LOCALE)


@lru_cache(maxsize=64)
def reader_locale(language: str, company_locale: str) -> str:
    """The locale a reader of ``language`` gets at a company in ``company_locale``: the company's own when it is
    their language, else their language in the company's country where CLDR has the pair (``en_DE``), else their
    language alone (``de``: CLDR has no ``de_US``), else the company's. The documents (adapters/pdf/wording.py)
    and the screens (gui/format.py) both choose by it."""
    company = babel_locale(company_locale)
    if language == company.language:
        return str(company)
    if company.territory:
        try:
            return str(Locale(language, company.territory))
        except (UnknownLocaleError, ValueError):
            pass
    try:
        return str(Locale.parse(language))
    except (UnknownLocaleError, ValueError):
        return str(company)


@lru_cache(maxsize=4096)  # a page prints the same few amounts many times (measuring columns, then setting them)
def money(amount: Decimal, currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """``€1,234.56`` (en_US), ``1.234,56 €`` (de_DE, with a no-break space), ``¥1,235`` (JPY has no minor unit).

    Rounded the domain's way (half up, the currency's decimals) before Babel sees it, so the printed cents are the
    stored cents (Babel on its own rounds half to even); a negative zero prints as zero.
    """
    value = round_money(amount, currency)
    if value == 0:
        value = abs(value)  # Decimal("-0.00") would print as "-€0.00"
    return format_currency(value, currency, locale=babel_locale(locale), currency_digits=True)


__all__ = ["DEFAULT_LOCALE", "babel_locale", "money"]
