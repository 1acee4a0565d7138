"""Orders: the status machine, quantities and rates as typed, and exact totals under both rounding policies."""
from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oms_desktop.domain.errors import InvalidTransition, ValidationFailed
from oms_desktop.domain.orders import (HOLDS_RESERVATION, MAX_QUANTITY, TRANSITIONS, Status, bp_to_rate,
                                       check_transition, parse_quantity, parse_rate, rate_to_bp)
from oms_desktop.domain.pricing import PricedLine, TaxRounding, compute_totals

CENT = Decimal("0.01")
ILLEGAL_MOVES = [(a, b) for a, b in itertools.product(Status, Status) if b not in TRANSITIONS[a]]
LEGAL_MOVES = [(a, b) for a in Status for b in sorted(TRANSITIONS[a])]


# ---- status machine ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("current, target", ILLEGAL_MOVES, ids=[f"{a}->{b}" for a, b in ILLEGAL_MOVES])
def test_every_illegal_move_raises_invalid_transition(current, target):
    with pytest.raises(InvalidTransition, match=f"is {current}; it cannot become {target}"):
        check_transition(current, target, "SO-000001")


@pytest.mark.parametrize("current, target", LEGAL_MOVES, ids=[f"{a}->{b}" for a, b in LEGAL_MOVES])
def test_every_legal_move_is_allowed(current, target):
    check_transition(current.value, target.value)


def test_the_happy_path_runs_from_draft_to_delivered():
    path = ["draft", "confirmed", "picking", "packed", "shipped", "delivered"]
    for a, b in zip(path, path[1:]):
        check_transition(a, b)


def test_final_states_say_so_and_nothing_moves_back_to_draft():
    with pytest.raises(InvalidTransition, match="none \\(it is final\\)"):
        check_transition("cancelled", "confirmed")
    assert not any(Status.DRAFT in targets for targets in TRANSITIONS.values())
    assert TRANSITIONS[Status.CANCELLED] == TRANSITIONS[Status.RETURNED] == frozenset()


def test_shipped_orders_can_no_longer_be_cancelled_and_stock_is_held_from_confirming_until_shipping():
    assert Status.CANCELLED not in TRANSITIONS[Status.SHIPPED] | TRANSITIONS[Status.PACKED]
    # Confirming reserves, shipping consumes, cancelling releases: a reservation is held by every status an order
    # can reach from confirmed without shipping or being cancelled, and by no other.
    holding, todo = set(), [Status.CONFIRMED]
    while todo:
        status = todo.pop()
        if status not in holding:
            holding.add(status)
            todo.extend(TRANSITIONS[status] - {Status.SHIPPED, Status.CANCELLED})
    assert HOLDS_RESERVATION == holding
    assert Status.DRAFT not in HOLDS_RESERVATION and not HOLDS_RESERVATION & {Status.SHIPPED, Status.CANCELLED}


# ---- quantities and rates ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("value, expected", [(1, 1), ("7", 7), (" 12 ", 12), (MAX_QUANTITY, MAX_QUANTITY)])
def test_quantities_are_whole_positive_numbers(value, expected):
    assert parse_quantity(value) == expected


@pytest.mark.parametrize("value, problem", [
    (0, "at least 1"), (-3, "at least 1"), ("-3", "at least 1"), ("3.5", "not a whole number"),
    ("abc", "not a whole number"), ("", "is empty"), (True, "whole number"), (2.0, "not a whole number"),
    (MAX_QUANTITY + 1, "too large"), ("9" * 13, "too large"), ("²", "not a whole number"),
    ("--5", "not a whole number"), ("1e3", "not a whole number"),
])
def test_bad_quantities_are_refused_naming_the_problem(value, problem):
    with pytest.raises(ValidationFailed, match=problem):
        parse_quantity(value, sku="LAMP-01")


def test_a_quantity_problem_names_the_sku_and_zero_is_allowed_only_on_request():
    with pytest.raises(ValidationFailed, match="quantity for LAMP-01"):
        parse_quantity("x", sku="LAMP-01")
    assert parse_quantity("0", allow_zero=True) == 0


@pytest.mark.parametrize("text, expected", [("0.19", "0.19"), ("19%", "0.19"), ("7 %", "0.07"), ("0,07", "0.07"),
                                            ("0", "0"), ("5.5%", "0.055")])
def test_rates_are_fractions_or_percentages(text, expected):
    assert parse_rate(text) == Decimal(expected)


@pytest.mark.parametrize("text, problem", [("1", "below 1"), ("-0.1", "below 1"), ("abc", "not a number"),
                                           ("nan", "not a number"), ("0.12345", "too many decimals")])
def test_bad_rates_are_refused(text, problem):
    with pytest.raises(ValidationFailed, match=problem):
        parse_rate(text, field="discount")


@given(bp=st.integers(0, 9999))
def test_rates_survive_a_round_trip_through_basis_points(bp):
    assert rate_to_bp(bp_to_rate(bp)) == bp


# ---- totals -----------------------------------------------------------------------------------------------------
RATES = [Decimal(r) for r in ("0", "0.07", "0.19", "0.055", "0.2", "0.0825")]
lines_strategy = st.lists(
    st.builds(PricedLine,
              sku=st.sampled_from(["A", "B", "C"]),
              quantity=st.integers(1, 500),
              unit_price=st.integers(0, 100_000).map(lambda c: Decimal(c).scaleb(-2)),
              tax_rate=st.sampled_from(RATES),
              discount=st.sampled_from([Decimal(0), Decimal("0.1"), Decimal("0.05"), Decimal("0.333")])),
    min_size=1, max_size=25)


@given(lines=lines_strategy, inclusive=st.booleans(), rounding=st.sampled_from(list(TaxRounding)))
def test_total_is_net_plus_tax_and_the_rate_breakdown_adds_up(lines, inclusive, rounding):
    t = compute_totals(lines, "EUR", prices_include_tax=inclusive, rounding=rounding)
    assert t.total == t.net + t.tax
    assert t.net == sum(n for n, _ in t.tax_by_rate.values())
    assert t.tax == sum(x for _, x in t.tax_by_rate.values())
    assert all(a.gross == a.net + a.tax for a in t.lines)
    assert all(v == v.quantize(CENT) for v in (t.net, t.tax, t.total))


@given(lines=lines_strategy, inclusive=st.booleans())
def test_per_line_and_per_document_rounding_differ_by_at_most_a_cent_per_line(lines, inclusive):
    per_line = compute_totals(lines, "EUR", prices_include_tax=inclusive, rounding=TaxRounding.PER_LINE)
    per_doc = compute_totals(lines, "EUR", prices_include_tax=inclusive, rounding=TaxRounding.PER_DOCUMENT)
    assert abs(per_line.tax - per_doc.tax) <= len(lines) * CENT
    assert abs(per_line.total - per_doc.total) <= len(lines) * CENT


@given(lines=lines_strategy, rounding=st.sampled_from(list(TaxRounding)))
def test_with_tax_inclusive_prices_the_total_is_the_sum_of_shelf_prices(lines, rounding):
    t = compute_totals(lines, "EUR", prices_include_tax=True, rounding=rounding)
    shelf = sum(((ln.unit_price * ln.quantity * (1 - ln.discount)).quantize(CENT, rounding="ROUND_HALF_UP")
                 for ln in lines), Decimal(0))
    assert t.total == shelf
    assert sum(a.gross for a in t.lines) == shelf


def test_a_worked_example_with_two_rates():
    lines = [PricedLine("LAMP-01", 3, Decimal("19.99"), Decimal("0.19")),
             PricedLine("BOOK-01", 1, Decimal("12.00"), Decimal("0.07"), Decimal("0.10"))]
    t = compute_totals(lines, "EUR")
    assert (t.net, t.tax, t.total) == (Decimal("70.77"), Decimal("12.15"), Decimal("82.92"))
    assert t.tax_by_rate == {Decimal("0.07"): (Decimal("10.80"), Decimal("0.76")),
                             Decimal("0.19"): (Decimal("59.97"), Decimal("11.39"))}


def test_per_document_rounding_rounds_once_per_rate():
    lines = [PricedLine(f"S{i}", 1, Decimal("0.05"), Decimal("0.19")) for i in range(10)]
    assert compute_totals(lines, "EUR", rounding=TaxRounding.PER_LINE).tax == Decimal("0.10")  # 10 x 0.0095 -> 0.01
    assert compute_totals(lines, "EUR", rounding=TaxRounding.PER_DOCUMENT).tax == Decimal("0.10")  # 0.095 -> 0.10
    lines = [PricedLine(f"S{i}", 1, Decimal("0.02"), Decimal("0.19")) for i in range(10)]
    assert compute_totals(lines, "EUR", rounding=TaxRounding.PER_LINE).tax == Decimal("0.00")  # 0.0038 -> 0.00
    assert compute_totals(lines, "EUR", rounding=TaxRounding.PER_DOCUMENT).tax == Decimal("0.04")  # 0.038 -> 0.04


def test_an_empty_document_totals_zero_in_the_currencys_precision():
    t = compute_totals([], "JPY")
    assert (t.net, t.tax, t.total) == (Decimal(0), Decimal(0), Decimal(0))
    assert compute_totals([], "EUR").total.as_tuple().exponent == -2
