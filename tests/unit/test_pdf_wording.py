"""The printed documents' words per language (``adapters/pdf/wording.py``) and the locale a document prints in."""
from __future__ import annotations

from dataclasses import fields

import pytest

from oms_desktop.adapters.pdf.wording import EN, WORDINGS, document_locale, wording
from oms_desktop.domain.languages import SUPPORTED


def test_every_supported_language_has_its_words_and_every_word_is_filled_in():
    assert set(WORDINGS) == set(SUPPORTED)
    for language, words in WORDINGS.items():
        empty = [f.name for f in fields(words) if not getattr(words, f.name)]
        assert empty == [], language
        assert set(words.methods) == set(EN.methods), language


def test_placeholders_are_the_same_in_every_language():
    import string
    for f in fields(EN):
        value = getattr(EN, f.name)
        if not isinstance(value, str):
            continue
        names = {n for _, n, _, _ in string.Formatter().parse(value) if n}
        for language, words in WORDINGS.items():
            assert {n for _, n, _, _ in string.Formatter().parse(getattr(words, f.name)) if n} == names, \
                (language, f.name)


@pytest.mark.parametrize("language, company, expected", [
    ("", "de_DE", "de_DE"),     # no language of one's own: the company's locale
    ("de", "de_DE", "de_DE"),
    ("de", "en_US", "de"),      # CLDR has no de_US: German as German writes it
    ("en", "de_DE", "en_DE"),   # English in Germany: English words, the country's conventions
    ("de", "de_CH", "de_CH"),
    ("", "", "en_US"),
])
def test_the_document_locale_is_the_language_in_the_companys_country_where_cldr_has_it(language, company, expected):
    assert document_locale(language, company) == expected


def test_a_language_without_words_prints_english():
    assert wording("fr") is EN and wording("", "fr_FR") is EN
    assert wording("", "de_DE") is WORDINGS["de"] and wording("DE") is WORDINGS["de"]


def test_quantities_and_rates_take_the_locales_decimal_sign_and_keep_their_digits():
    from decimal import Decimal

    from babel.numbers import format_decimal

    from oms_desktop.adapters.pdf.wording import locale_number, locale_rate
    for locale in ("de", "en_US", "de_CH"):
        assert locale_number(Decimal("3.250"), locale) == format_decimal(Decimal("3.25"), locale=locale)
        assert locale_number(Decimal("1E+1"), locale) == "10" and locale_number(12345, locale) == "12345"
        assert locale_rate(Decimal("7.50"), locale) == format_decimal(Decimal("7.5"), locale=locale) + " %"
