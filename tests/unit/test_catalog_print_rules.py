"""The printed catalog's rules: availability words, the price a customer pays, short descriptions, EAN codes."""
from __future__ import annotations

from decimal import Decimal

import pytest

from oms_desktop.domain.catalog_print import (UNCATEGORISED, availability, customer_price, is_ean, match_categories,
                                              short_text)
from oms_desktop.domain.errors import ValidationFailed


@pytest.mark.parametrize("on_hand, reserved, reorder_point, word", [
    (10, 0, 2, "in stock"),
    (10, 8, 2, "only 2 left"),       # what is free to sell counts, not what is on the shelf
    (3, 0, 3, "only 3 left"),        # at the reorder point: running low
    (4, 0, 3, "in stock"),
    (5, 5, 2, "sold out"),           # all reserved for open orders
    (0, 0, 0, "sold out"),
    (1, 0, 0, "in stock"),           # no reorder point: never "only N left"
])
def test_availability_words_come_from_what_is_free_to_sell_and_the_reorder_point(on_hand, reserved, reorder_point,
                                                                                 word):
    assert availability(on_hand, reserved, reorder_point) == word


def test_the_customer_pays_tax_on_top_of_net_prices_and_the_shelf_price_of_gross_ones():
    assert customer_price(Decimal("19.99"), Decimal("0.19"), "EUR", False) == Decimal("23.79")
    assert customer_price(Decimal("12.00"), Decimal("0.07"), "EUR", False) == Decimal("12.84")
    assert customer_price(Decimal("19.99"), Decimal("0.19"), "EUR", True) == Decimal("19.99")
    assert customer_price(Decimal("1000"), Decimal("0.10"), "JPY", False) == Decimal("1100")


def test_a_long_description_is_cut_at_a_word_with_an_ellipsis_and_a_short_one_is_kept():
    assert short_text("  A  lamp\nfor   the desk ") == "A lamp for the desk"
    cut = short_text("alpha beta gamma delta epsilon", 20)
    assert cut == "alpha beta gamma…" and len(cut) <= 20
    assert short_text(None) == ""
    assert short_text("x" * 50, 10) == "x" * 9 + "…"


@pytest.mark.parametrize("code, ok", [("4006381333931", True), ("9783161484100", True), ("96385074", True),
                                      ("4006381333932", False), ("400638133393", False), ("LAMP-01", False),
                                      ("", False), (None, False), ("４００６３８１３３３９３１", False)])
def test_only_ean_codes_with_a_right_check_digit_count_as_ean(code, ok):
    assert is_ean(code) is ok


def test_categories_match_in_any_letter_case_and_unknown_ones_are_all_named():
    assert match_categories(["lighting", "BOOKS"], ["Books", "Lighting"]) == {"Lighting", "Books"}
    assert match_categories([UNCATEGORISED.upper()], ["Books"]) == {UNCATEGORISED}
    with pytest.raises(ValidationFailed) as e:
        match_categories(["Lighting", "Toys", "Food"], ["Books", "Lighting"])
    assert [p.split("'")[1] for p in e.value.problems] == ["Toys", "Food"]
    assert "known: Books, Lighting" in e.value.problems[0]
