"""Money as Babel (CLDR) prints it, for expectations that must not hard-code a CLDR version's output.

Tests state the amount as a plain number written with exactly the currency's decimals (``"36.63"`` for EUR,
``"208"`` for JPY) and let Babel supply the locale's symbols, grouping and pattern. A test still fails when our code
rounds differently, prints the wrong number of decimals or uses the wrong locale; it no longer fails when CLDR
changes a grouping character (Babel 2.19 turned de_CH's ``’`` into ``'``).
"""
from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_currency, get_currency_precision


def shown(amount: str, currency: str = "EUR", locale: str = "en_US") -> str:
    """``amount`` (a string with exactly the currency's decimals) as Babel prints it in ``locale``."""
    value = Decimal(amount)
    digits = get_currency_precision(currency)
    assert -value.as_tuple().exponent == digits, f"write {amount!r} with {digits} decimals, as {currency} prints"
    return format_currency(value, currency, locale=locale)


def on_paper(amount: str, currency: str = "EUR", locale: str = "en_US") -> str:
    """``shown`` as pdftotext gives it back: the locale's no-break spaces come out as plain spaces."""
    return plain_spaces(shown(amount, currency, locale))


def plain_spaces(text: str) -> str:
    """Every no-break (U+00A0) or narrow no-break (U+202F) space as a plain space, the way the PDF text reads."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


__all__ = ["on_paper", "plain_spaces", "shown"]
