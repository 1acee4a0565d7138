"""Money: exact Decimal amounts, integer minor units in storage, one rounding policy."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oms_desktop.domain.errors import ValidationFailed
from oms_desktop.domain.money import MAX_MINOR, exponent, from_minor, parse_amount, round_money, to_minor

CURRENCIES = ["EUR", "USD", "JPY", "KWD", "chf"]


@given(minor=st.integers(min_value=-MAX_MINOR, max_value=MAX_MINOR), currency=st.sampled_from(CURRENCIES))
def test_minor_units_survive_a_round_trip_through_decimal(minor, currency):
    amount = from_minor(minor, currency)
    assert to_minor(amount, currency) == minor
    assert -amount.as_tuple().exponent == exponent(currency)


@given(cents=st.integers(min_value=-10**12, max_value=10**12))
def test_a_decimal_with_the_currencys_places_survives_a_round_trip_through_minor_units(cents):
    amount = Decimal(cents).scaleb(-2)
    assert from_minor(to_minor(amount, "EUR"), "EUR") == amount


def test_currency_exponents_follow_iso_4217():
    assert (exponent("EUR"), exponent("jpy"), exponent("KWD")) == (2, 0, 3)
    assert from_minor(1999, "EUR") == Decimal("19.99")
    assert from_minor(1999, "JPY") == Decimal("1999")
    assert from_minor(1999, "KWD") == Decimal("1.999")


@pytest.mark.parametrize("value, currency", [("0.001", "EUR"), ("19.999", "USD"), ("1.5", "JPY"), ("0.0001", "KWD")])
def test_to_minor_refuses_more_decimals_than_the_currency_has(value, currency):
    with pytest.raises(ValidationFailed, match="more decimals"):
        to_minor(Decimal(value), currency)


@pytest.mark.parametrize("value, expected", [("0.005", "0.01"), ("0.015", "0.02"), ("2.675", "2.68"),
                                             ("-0.005", "-0.01"), ("0.0049", "0.00")])
def test_rounding_is_commercial_half_away_from_zero(value, expected):
    assert round_money(Decimal(value), "EUR") == Decimal(expected)


@pytest.mark.parametrize("text, expected", [("12.50", "12.50"), ("12,50", "12.50"), (" 3 ", "3.00"),
                                            ("1 234.5", "1234.50"), ("1\u00a0000", "1000.00"),
                                            (Decimal("7.1"), "7.10")])
def test_parse_amount_accepts_what_people_type(text, expected):
    assert parse_amount(text, "EUR") == Decimal(expected)


@pytest.mark.parametrize("text, problem", [("", "is empty"), ("abc", "is not a number"), ("NaN", "is not a number"),
                                           ("Infinity", "is not a number"), ("-1", "must not be negative"),
                                           ("1.005", "more than 2 decimals"), ("1,2,3", "is not a number"),
                                           ("1e20", "is not a number"), ("9" * 16, "too large")])
def test_parse_amount_refuses_bad_input_naming_the_problem(text, problem):
    with pytest.raises(ValidationFailed, match=problem):
        parse_amount(text, "EUR", field="unit price")


def test_parse_amount_allows_negative_only_when_asked():
    assert parse_amount("-2.5", "EUR", allow_negative=True) == Decimal("-2.50")


@pytest.mark.parametrize("text", ["1e9999", "-1e9999", "1e-9999", "1E+30"])
def test_amounts_with_absurd_exponents_are_refused_with_a_message_not_a_crash(text):
    with pytest.raises(ValidationFailed):
        parse_amount(text, "EUR", allow_negative=True)
