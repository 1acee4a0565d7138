"""One money format for the screen and for paper (oms_desktop.formatting, Babel), in the company's locale."""
from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import get_currency_precision

from oms_desktop import formatting
from oms_desktop.domain.money import _EXPONENTS, exponent
from oms_desktop.gui import format as gui_format
from oms_desktop.services.company import KNOWN_CURRENCIES
from tests.unit.test_layering import ROOT, _imports, _is_stdlib, _within

NBSP = "\u00a0"


@pytest.mark.parametrize("amount, currency, locale, expected", [
    ("1234.56", "EUR", "de_DE", f"1.234,56{NBSP}€"),
    ("1234.56", "EUR", "en_US", "€1,234.56"),
    ("-169.80", "EUR", "de_DE", f"-169,80{NBSP}€"),
    ("-169.80", "EUR", "en_US", "-€169.80"),
    ("1234", "JPY", "en_US", "¥1,234"),
    ("1234", "JPY", "de_DE", f"1.234{NBSP}¥"),
    ("-1234", "JPY", "en_US", "-¥1,234"),
    ("1234.5", "USD", "en_US", "$1,234.50"),
    ("1234.56", "CHF", "de_CH", f"CHF{NBSP}1’234.56"),
    ("1234.56", "SEK", "sv_SE", f"1{NBSP}234,56{NBSP}kr"),
])
def test_money_in_the_locale_with_the_currency_decimals(amount, currency, locale, expected):
    assert formatting.money(Decimal(amount), currency, locale) == expected


def test_rounding_is_the_domains_half_up_not_babels_half_even():
    assert formatting.money(Decimal("0.125"), "EUR", "en_US") == "€0.13"
    assert formatting.money(Decimal("-0.125"), "EUR", "en_US") == "-€0.13"
    assert formatting.money(Decimal("2.5"), "JPY", "en_US") == "¥3"


def test_negative_zero_prints_as_zero():
    assert formatting.money(Decimal("-0.00"), "EUR", "en_US") == "€0.00"
    assert formatting.money(Decimal("-0.001"), "EUR", "de_DE") == f"0,00{NBSP}€"


@pytest.mark.parametrize("name", ["", "xx_YY", "not a locale", None])
def test_an_empty_or_unknown_locale_prints_as_en_us(name):
    assert formatting.money(Decimal("1234.5"), "EUR", name) == "€1,234.50"


def test_a_locale_with_a_hyphen_is_understood():
    assert formatting.money(Decimal("1234.5"), "EUR", "de-DE") == f"1.234,50{NBSP}€"


@pytest.mark.parametrize("currency", sorted(KNOWN_CURRENCIES | set(_EXPONENTS)))
def test_babel_prints_exactly_the_decimals_the_domain_stores(currency):
    # format_currency(currency_digits=True) takes the digits from CLDR; they must be the domain's minor units.
    assert get_currency_precision(currency) == exponent(currency)


def test_the_gui_formats_money_with_the_shared_function():
    assert gui_format.money is formatting.money


def test_the_formatting_module_imports_only_babel_the_standard_library_and_the_domain():
    # It sits outside the layers so the GUI and the PDF adapter can both use it; it must not pull either in.
    imports = _imports(ROOT / "formatting.py")
    assert imports, "the import walker found nothing"
    offenders = sorted(i for i in imports if not (_is_stdlib(i) or _within(i, "babel", "oms_desktop.domain")))
    assert offenders == []
