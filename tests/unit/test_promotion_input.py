"""What people type for promotions and coupons: percents, days, codes, and every problem of a promotion or coupon."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oms_desktop.domain.errors import ValidationFailed
from oms_desktop.domain.promotion_input import (check_code, parse_day, parse_percent, percent_text, validate_coupon,
                                                validate_promotion)
from oms_desktop.domain.promotions import Coupon, Effect, Offer, Promotion, normalize_code

D = Decimal


@pytest.mark.parametrize("typed, fraction", [("10", "0.1"), ("10%", "0.1"), (" 12.5 % ", "0.125"), ("12,5", "0.125"),
                                             ("0", "0"), ("100", "1"), ("0.01", "0.0001")])
def test_a_typed_percent_becomes_a_fraction(typed, fraction):
    assert parse_percent(typed) == D(fraction)


@pytest.mark.parametrize("typed, why", [("-1", "between 0 and 100"), ("100.01", "between 0 and 100"),
                                        ("ten", "not a number"), ("", "not a number"), ("%", "not a number"),
                                        ("NaN", "not a number"), ("inf", "not a number"),
                                        ("1e999999999", "not a number"), ("12.345", "at most two decimals"),
                                        ("1e-999999999", "not a number"), ("1000", "between 0 and 100")])
def test_a_percent_that_is_not_one_is_refused_naming_the_field(typed, why):
    with pytest.raises(ValidationFailed, match=f"^discount .*{why}"):
        parse_percent(typed, field="discount")


@given(st.text(max_size=12))
def test_any_text_is_a_percent_from_0_to_100_or_refused(text):
    try:
        value = parse_percent(text)
    except ValidationFailed:
        return
    assert D(0) <= value <= D(1)


def test_a_percent_reads_back_as_typed():
    assert [percent_text(parse_percent(t)) for t in ("10", "12.5", "0.01")] == ["10 %", "12.5 %", "0.01 %"]


def test_a_day_is_an_iso_date_that_exists():
    assert parse_day(" 2026-02-28 ") == date(2026, 2, 28)
    for typed in ("2026-02-30", "28.02.2026", "20260228", "2026-W09-6", "2026-02-28T10:00", "tomorrow", ""):
        with pytest.raises(ValidationFailed, match="^from .* is not a date that exists"):
            parse_day(typed, field="from")


@pytest.mark.parametrize("typed", ["spring10", "  Spring 10 ", "\tSPRING\u00a010\n", "s p r i n g 1 0"])
def test_a_code_is_found_whatever_its_case_and_stray_spaces(typed):
    assert normalize_code(typed) == "SPRING10"
    assert check_code(typed) == "SPRING10"


def test_a_code_keeps_dashes_and_underscores():
    assert check_code(" welcome-back_2026 ") == "WELCOME-BACK_2026"


@pytest.mark.parametrize("typed", ["", "   ", None, "SPRING!", "10%OFF", "ÄPFEL", "CODE\u0661", "X" * 41,
                                   "straße", "\u0131stanbul", "\ufb01x"])  # ß, dotless i, fi: A-Z only once upper case
def test_a_code_with_nothing_or_other_characters_is_refused(typed):
    with pytest.raises(ValidationFailed, match="^coupon code"):
        check_code(typed)


def promo(offer: Offer, **kw) -> Promotion:
    return Promotion(1, "Spring sale", offer, **kw)


PERCENT = Offer(Effect.PERCENT, percent=D("0.10"))


def off(amount: str) -> Offer:
    return Offer(Effect.AMOUNT, amount=D(amount))


def problems(validate, item, currency: str = "EUR") -> list[str]:
    with pytest.raises(ValidationFailed) as failed:
        validate(item, currency)
    return failed.value.problems


@pytest.mark.parametrize("p", [
    promo(PERCENT), promo(off("5.00"), min_total=D("5.00")),
    promo(Offer(Effect.AMOUNT, amount=D(5), skus=frozenset("A"))),
    promo(Offer(Effect.BUY_GET, buy_sku="A", buy_qty=2, get_sku="A", get_qty=1)),
    promo(Offer(Effect.FREE_SHIPPING), starts=date(2026, 3, 1), ends=date(2026, 3, 1)),
])
def test_a_sound_promotion_passes(p):
    validate_promotion(p, "EUR")


@pytest.mark.parametrize("p, currency, expected", [
    (Promotion(1, " ", PERCENT), "EUR", ["promotion name is empty"]),
    (promo(Offer(Effect.PERCENT, percent=D("1.5"))), "EUR", ["percent must be more than 0 and at most 100"]),
    (promo(off("0"), min_total=D(10)), "EUR", ["amount must be more than 0"]),
    (promo(off("1.234"), min_total=D(10)), "EUR", ["amount 1.234 has more decimals than EUR allows"]),
    (promo(off("1.5"), min_total=D(10)), "JPY", ["amount 1.5 has more decimals than JPY allows"]),
    (promo(PERCENT, min_total=D("-1")), "EUR", ["minimum total must not be negative"]),
    (promo(Offer(Effect.BUY_GET, buy_sku="A")), "EUR",
     ["buy X get Y needs the SKU bought and the SKU given", "buy X get Y needs quantities of at least 1"]),
    (promo(PERCENT, starts=date(2026, 3, 2), ends=date(2026, 3, 1)), "EUR",
     ["until (2026-03-01) is before from (2026-03-02)"]),
    (promo(off("10.00"), min_total=D("9.99")), "EUR",
     ["the amount off (10.00) is more than the minimum order (9.99): a total could be negative; set a minimum total "
      "of at least the amount"]),
    (promo(off("10.00")), "EUR",  # no minimum: any amount off the whole order could take a small one below zero
     ["the amount off (10.00) is more than the minimum order (0): a total could be negative; set a minimum total "
      "of at least the amount"]),
])
def test_an_unsound_promotion_is_refused_naming_each_problem(p, currency, expected):
    assert problems(validate_promotion, p, currency) == expected


def test_a_sound_coupon_passes():
    validate_coupon(Coupon(1, "WELCOME-5", off("5.00"), min_total=D("20.00"), max_uses=1, per_customer=1), "EUR")


@pytest.mark.parametrize("c, expected", [
    (Coupon(1, "X", PERCENT, max_uses=0, per_customer=0),
     ["uses must be at least 1", "per customer must be at least 1"]),
    (Coupon(1, "X", off("5.00")),
     ["the amount off (5.00) is more than the minimum order (0): a total could be negative; set a minimum total "
      "of at least the amount"]),
    (Coupon(1, "X", Offer(Effect.BUY_GET, buy_sku="A", buy_qty=1, get_sku="B", get_qty=1)),
     ["a coupon gives a percent, an amount or free shipping"]),
])
def test_an_unsound_coupon_is_refused_naming_each_problem(c, expected):
    assert problems(validate_coupon, c) == expected
