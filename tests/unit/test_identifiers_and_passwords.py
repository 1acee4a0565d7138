"""The checks behind the company settings (python-stdnum, Babel) and the common passwords shipped with the app."""
from __future__ import annotations

import pytest

from oms_desktop.adapters.identifiers import StdnumChecks
from oms_desktop.adapters.security import common_passwords
from oms_desktop.domain.passwords import MIN_LENGTH, password_problems


def test_the_shipped_list_holds_thousands_of_common_passwords_the_policy_refuses():
    common = common_passwords()
    assert len(common) > 8000 and all(len(p) >= MIN_LENGTH and p == p.lower() for p in common)
    assert {"password", "12345678", "iloveyou", "qwertyuiop"} <= common
    assert password_problems("QwertyUIOP", common=common) and not password_problems("lamp-shop-2026", common=common)


@pytest.mark.parametrize("text, stored", [("de89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00"),
                                          ("GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32")])
def test_an_iban_is_stored_in_its_printed_form(text, stored):
    assert StdnumChecks().iban(text) == stored


@pytest.mark.parametrize("check, text, message", [
    ("iban", "DE89 3704 0044 0532 0130 01", "check digits are wrong"),
    ("iban", "DE89 3704", "is not an IBAN"),  # python-stdnum checks the check digits before the length
    ("iban", "DE89 3704 0044 0532 0130 0!", "characters that do not belong there"),
    ("vat_id", "DE136695977", "check digits are wrong"),
    ("vat_id", "QQ123", "not a VAT ID"),
    ("locale", "xx_XX", "locale 'xx_XX' does not exist"),
    ("locale", "de_", "does not exist")])
def test_a_wrong_identifier_says_what_is_wrong(check, text, message):
    with pytest.raises(ValueError, match=message):
        getattr(StdnumChecks(), check)(text)


def test_good_vat_ids_and_locales_are_normalized():
    checks = StdnumChecks()
    assert checks.vat_id("de 136 695 976") == "DE136695976" and checks.vat_id("ATU13585627") == "ATU13585627"
    assert checks.locale("de-DE") == "de_DE" and checks.locale("fr") == "fr"
