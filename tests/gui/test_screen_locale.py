"""Money and numbers on screen follow the user's language (issue 19): a German user of an en_US company reads
``1.235,14 €``; English, the source language, keeps the company's locale. Expected strings come from Babel (the
PDFs' function for a locale), never written out here."""
from __future__ import annotations

from decimal import Decimal

import pytest

from oms_desktop import formatting
from oms_desktop.gui import format as fmt
from tests.helpers.translations import language

AMOUNT = Decimal("1235.14")


@pytest.mark.parametrize(("company", "user", "expected"), [
    ("en_US", "de", "de"),         # Babel has no de_US: the language alone
    ("de_AT", "de", "de_AT"),      # the same language: the company's own locale
    ("de_DE", "en", "de_DE"),      # English keeps the company's
    ("en_US", "en", "en_US"),
])
def test_the_screens_locale_is_the_users_language_in_the_companys_country(qapp, company, user, expected):
    with language(user):
        assert fmt.screen_locale(company) == expected
        assert fmt.money(AMOUNT, "EUR", company) == formatting.money(AMOUNT, "EUR", expected)


def test_a_german_user_of_an_english_company_reads_german_amounts(qapp):
    english = formatting.money(AMOUNT, "EUR", "en_US")
    with language("de"):
        shown = fmt.money(AMOUNT, "EUR", "en_US")
        number = fmt.number(Decimal("1234.5"), "en_US")
    assert shown != english and shown == formatting.money(AMOUNT, "EUR", "de")
    assert number == formatting.babel_locale("de").number_symbols["latn"]["group"].join(("1", "234")) + \
        formatting.babel_locale("de").number_symbols["latn"]["decimal"] + "5"
    assert fmt.money(AMOUNT, "EUR", "en_US") == english  # back in English: as before


def test_moments_on_screen_are_iso_in_english_and_the_languages_short_form_in_german(qapp):
    from datetime import datetime, timezone

    from babel.dates import format_datetime
    moment = datetime(2026, 12, 3, 19, 5, tzinfo=timezone.utc)
    assert fmt.when(moment) == moment.astimezone().strftime("%Y-%m-%d %H:%M")
    with language("de"):
        assert fmt.when(moment) == format_datetime(moment.astimezone(), "short", locale="de")
        assert fmt.when(moment) != moment.astimezone().strftime("%Y-%m-%d %H:%M")
