"""One money format for the screen and for paper (oms_desktop.formatting, Babel), in the company's locale."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from babel.numbers import (format_currency, get_currency_precision, get_currency_symbol, get_decimal_symbol,
                           get_group_symbol, get_minus_sign_symbol)

from oms_desktop import formatting
from oms_desktop.domain.money import _EXPONENTS, exponent
from oms_desktop.gui import format as gui_format
from oms_desktop.services.company import KNOWN_CURRENCIES
from tests.helpers.money_text import shown
from tests.helpers.imports import ROOT, imports_of, is_stdlib, within

def number_pattern(locale: str, digits: int) -> re.Pattern:
    """1234 grouped as ``locale`` groups thousands, with exactly ``digits`` decimals after its decimal symbol."""
    group, decimal = re.escape(get_group_symbol(locale)), re.escape(get_decimal_symbol(locale))
    fraction = rf"{decimal}\d{{{digits}}}" if digits else ""
    return re.compile(rf"(?<![\d{decimal}])1{group}234{fraction}(?![\d{decimal}])")


# The amount, and what the screen must show: the same number rounded half up to the currency's decimals.
@pytest.mark.parametrize("amount, currency, locale, shown_as", [
    ("1234.56", "EUR", "de_DE", "1234.56"),
    ("1234.56", "EUR", "en_US", "1234.56"),
    ("-169.80", "EUR", "de_DE", "-169.80"),
    ("-169.80", "EUR", "en_US", "-169.80"),
    ("1234", "JPY", "en_US", "1234"),
    ("1234", "JPY", "de_DE", "1234"),
    ("1234.4", "JPY", "en_US", "1234"),
    ("-1234", "JPY", "en_US", "-1234"),
    ("1234.5", "USD", "en_US", "1234.50"),
    ("1234.56", "CHF", "de_CH", "1234.56"),
    ("1234.56", "SEK", "sv_SE", "1234.56"),
])
def test_money_in_the_locale_with_the_currency_decimals(amount, currency, locale, shown_as):
    text = formatting.money(Decimal(amount), currency, locale)
    assert text == shown(shown_as, currency, locale)
    # The same, spelled out from the locale's parts, so a wrong locale or decimal count cannot hide behind Babel.
    assert get_currency_symbol(currency, locale) in text
    assert (get_minus_sign_symbol(locale) in text) == shown_as.startswith("-")
    if abs(Decimal(amount)) >= 1000:
        assert number_pattern(locale, get_currency_precision(currency)).search(text), text


def test_the_locales_differ_so_the_tests_above_can_tell_them_apart():
    amount = Decimal("1234.56")
    printed = {loc: formatting.money(amount, "EUR", loc) for loc in ("de_DE", "en_US", "de_CH", "sv_SE")}
    assert len(set(printed.values())) == len(printed), printed


def test_rounding_is_the_domains_half_up_not_babels_half_even():
    assert formatting.money(Decimal("0.125"), "EUR", "en_US") == shown("0.13")
    assert formatting.money(Decimal("-0.125"), "EUR", "en_US") == shown("-0.13")
    assert formatting.money(Decimal("2.5"), "JPY", "en_US") == shown("3", "JPY")
    assert format_currency(Decimal("0.125"), "EUR", locale="en_US") == shown("0.12")  # what Babel alone would print


def test_negative_zero_prints_as_zero():
    assert formatting.money(Decimal("-0.00"), "EUR", "en_US") == shown("0.00")
    assert formatting.money(Decimal("-0.001"), "EUR", "de_DE") == shown("0.00", "EUR", "de_DE")
    assert get_minus_sign_symbol("de_DE") not in formatting.money(Decimal("-0.001"), "EUR", "de_DE")


@pytest.mark.parametrize("name", ["", "xx_YY", "not a locale", None])
def test_an_empty_or_unknown_locale_prints_as_en_us(name):
    assert formatting.money(Decimal("1234.5"), "EUR", name) == shown("1234.50", "EUR", "en_US")


def test_a_locale_with_a_hyphen_is_understood():
    assert formatting.money(Decimal("1234.5"), "EUR", "de-DE") == shown("1234.50", "EUR", "de_DE")
    assert shown("1234.50", "EUR", "de_DE") != shown("1234.50", "EUR", "en_US")


@pytest.mark.parametrize("currency", sorted(KNOWN_CURRENCIES | set(_EXPONENTS)))
def test_babel_prints_exactly_the_decimals_the_domain_stores(currency):
    # format_currency(currency_digits=True) takes the digits from CLDR; they must be the domain's minor units.
    assert get_currency_precision(currency) == exponent(currency)


@pytest.mark.parametrize("locale", ["en_US", "de_DE", "fr_CH", "ja_JP"])
def test_the_gui_formats_money_with_the_shared_function(locale, monkeypatch):
    """The screen prints what the PDF prints for the same locale: in English (the source language) the company's
    locale itself, in another language the screen's locale for it (gui/format.screen_locale)."""
    for amount in (Decimal("0"), Decimal("1234.5"), Decimal("-0.07")):
        assert gui_format.money(amount, "EUR", locale) == formatting.money(amount, "EUR", locale)
    monkeypatch.setattr(gui_format.i18n, "_language", "de")
    assert gui_format.money(Decimal("1234.5"), "EUR", locale) == formatting.money(
        Decimal("1234.5"), "EUR", gui_format.screen_locale(locale))


def test_the_formatting_module_imports_only_babel_the_standard_library_and_the_domain():
    # It sits outside the layers so the GUI and the PDF adapter can both use it; it must not pull either in.
    imports = imports_of(ROOT / "formatting.py")
    assert imports, "the import walker found nothing"
    offenders = sorted(i for i in imports if not (is_stdlib(i) or within(i, "babel", "oms_desktop.domain")))
    assert offenders == []
