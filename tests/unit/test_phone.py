"""Phone numbers meet whatever way they were typed: trunk prefix, country code, spaces and dashes."""
from __future__ import annotations

import pytest

from oms_desktop.domain.phone import digits_of, looks_like_phone, phone_key

SAME_NUMBER = ["0171 555-0100", "+49 171 5550100", "1715550100", "0049 171 5550100", "(0171) 555 01 00",
               "+49 (0)171 555-0100"]


def test_every_way_of_writing_one_number_has_the_same_key():
    keys = {phone_key(p) for p in SAME_NUMBER}
    assert keys == {"1715550100"}


def test_different_numbers_have_different_keys():
    assert phone_key("0171 555-0100") != phone_key("0171 555-0101")
    assert phone_key("030 1234567") != phone_key("0171 555-0100")


def test_digits_of_keeps_only_digits():
    assert digits_of("+49 (171) 555-0100") == "491715550100"
    assert digits_of("") == ""


@pytest.mark.parametrize("text, expected", [("0171 555-0100", True), ("555", True), ("Anna Schmidt", False),
                                            ("12", False), ("room 7b", False)])
def test_looks_like_phone_tells_numbers_from_names(text, expected):
    assert looks_like_phone(text) is expected


@pytest.mark.parametrize("national, international", [
    ("(030) 123 4567", "+49 30 1234567"),       # Berlin: an eight-digit national number
    ("030 1234567", "0049 30 1234567"),
    ("044 668 18 00", "+41 44 668 18 00"),       # Zurich
    ("(212) 555-0100", "+1 212 555 0100"),       # New York
    ("06 1234 5678", "+39 06 1234 5678"),        # Rome keeps its leading zero internationally
])
def test_a_landline_written_nationally_and_internationally_has_one_key(national, international):
    assert phone_key(national) == phone_key(international)
