"""Till rules without a database: what a till should hold, over and short, their balanced entries, bad input."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oms_desktop.domain.errors import ValidationFailed
from oms_desktop.domain.ledger import Account, validate_entry
from oms_desktop.domain.till import (TillFigures, close_entry, differences, movement_entry, parse_counted,
                                     parse_float, parse_movement)

minor = st.integers(min_value=0, max_value=10**9)


def test_expected_cash_is_float_plus_payments_less_refunds_plus_in_less_out():
    figures = TillFigures(10_000, {"cash": 5_000, "card": 7_000}, {"cash": 432, "card": 100}, 2_000, 5_000)
    assert figures.expected("cash") == 10_000 + 5_000 - 432 + 2_000 - 5_000
    assert figures.expected("card") == 6_900
    assert differences(figures, {"cash": 11_000}) == {"cash": 11_000 - 11_568, "card": 0}  # card not counted


@given(float_=minor, cash=minor, refunds=minor, cash_in=minor, cash_out=minor, card=minor, counted_cash=minor,
       counted_card=minor)
def test_every_close_entry_balances_and_books_exactly_the_differences(float_, cash, refunds, cash_in, cash_out,
                                                                        card, counted_cash, counted_card):
    figures = TillFigures(float_, {"cash": cash, "card": card}, {"cash": refunds}, cash_in, cash_out)
    diffs = differences(figures, {"cash": counted_cash, "card": counted_card})
    entry = close_entry("FRONT", "Z-000001", diffs)
    if entry.postings:
        assert validate_entry(entry) == []
    legs = {p.account: p.amount for p in entry.postings}
    assert legs.get(Account.CASH.value, 0) == counted_cash - figures.expected("cash")
    assert legs.get(Account.CARD_CLEARING.value, 0) == counted_card - card
    over = -legs.get(Account.CASH_OVER.value, 0)
    short = legs.get(Account.CASH_SHORT.value, 0)
    assert over >= 0 and short >= 0 and over - short == sum(diffs.values())


def test_cash_in_and_out_move_cash_against_cash_in_transit():
    into = movement_entry("FRONT", "Z-000001", "in", 2_000, "change")
    out = movement_entry("FRONT", "Z-000001", "out", 500, "safe")
    assert validate_entry(into) == [] and validate_entry(out) == []
    assert {p.account: p.amount for p in into.postings} == {Account.CASH.value: 2_000,
                                                            Account.CASH_IN_TRANSIT.value: -2_000}
    assert {p.account: p.amount for p in out.postings} == {Account.CASH.value: -500,
                                                           Account.CASH_IN_TRANSIT.value: 500}


def test_a_negative_float_and_a_nameless_till_are_refused_together():
    assert parse_float("FRONT", "0", "EUR") == 0
    assert parse_float("FRONT", "150,50", "EUR") == 15_050
    with pytest.raises(ValidationFailed) as refused:
        parse_float("", "-1", "EUR")
    assert len(refused.value.problems) == 2
    with pytest.raises(ValidationFailed, match="decimals"):
        parse_float("FRONT", "1.5", "JPY")
    with pytest.raises(ValidationFailed, match="cannot look like a session"):
        parse_float("Z-000001", "1", "EUR")  # `oms till report Z-000001` must mean the session


def test_cash_moves_need_a_positive_amount_with_the_currencys_decimals_and_a_reason():
    assert parse_movement("FRONT", "OUT", "5.5", " safe ", "EUR") == ("out", 550, "safe")
    with pytest.raises(ValidationFailed) as refused:
        parse_movement("FRONT", "sideways", "1.001", "", "EUR")
    assert len(refused.value.problems) == 3


def test_counting_needs_cash_and_knows_only_counter_methods():
    assert parse_counted("FRONT", {"Cash": "10", "card": "0"}, "EUR") == {"cash": 1_000, "card": 0}
    with pytest.raises(ValidationFailed) as refused:
        parse_counted("FRONT", {"online": "1", "card": "-2"}, "EUR")
    assert len(refused.value.problems) == 3
