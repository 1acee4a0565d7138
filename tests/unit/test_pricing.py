"""Pricing: stored lines price as typed ones; supplier invoices at cost, as invoiced, with input tax."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oms_desktop.domain.pricing import (DocumentAdjustment, PricedLine, PricingPolicy, TaxRounding,
                                        adjustment_shares, compute_totals, price, stored_line,
                                        supplier_invoice_totals)


@given(quantity=st.integers(1, 999), price_minor=st.integers(0, 10**7), rate_bp=st.sampled_from([0, 700, 1900, 2000]),
       discount_bp=st.sampled_from([0, 500, 1000, 3333]), inclusive=st.booleans(),
       rounding=st.sampled_from(list(TaxRounding)))
def test_a_stored_line_prices_as_the_same_line_typed_in_decimals(quantity, price_minor, rate_bp, discount_bp,
                                                                 inclusive, rounding):
    typed = PricedLine("SKU", quantity, Decimal(price_minor) / 100, Decimal(rate_bp) / 10000,
                       Decimal(discount_bp) / 10000)
    stored = stored_line("SKU", quantity, price_minor, rate_bp, discount_bp, "EUR")
    policy = PricingPolicy("EUR", inclusive, rounding)
    assert price([stored], policy) == compute_totals([typed], "EUR", prices_include_tax=inclusive, rounding=rounding)


def test_a_yen_document_has_no_decimals():
    totals = price([stored_line("A", 3, 333, 1000, 0, "JPY")], PricingPolicy("JPY"))
    assert (totals.net, totals.tax, totals.total) == (Decimal(999), Decimal(100), Decimal(1099))


def test_a_supplier_invoice_owes_the_invoiced_net_plus_tax_and_shows_the_variance_against_cost():
    lines = [(4, Decimal("2.10"), Decimal("2.00")), (1, Decimal("9.99"), Decimal("10.00"))]
    by_rate = supplier_invoice_totals(lines, "EUR", tax_rate=Decimal("0.19"))
    assert (by_rate.cost, by_rate.net, by_rate.variance) == (Decimal("18.00"), Decimal("18.39"), Decimal("0.39"))
    assert by_rate.tax == Decimal("3.49")  # 18.39 x 0.19 = 3.4941, rounded once
    assert by_rate.total == Decimal("21.88")
    printed = supplier_invoice_totals(lines, "EUR", tax_amount=Decimal("3.50"))
    assert (printed.tax, printed.total) == (Decimal("3.50"), Decimal("21.89"))


def test_input_tax_by_rate_rounds_half_away_from_zero():
    assert supplier_invoice_totals([(1, Decimal("0.50"), Decimal("0.50"))], "EUR",
                                   tax_rate=Decimal("0.05")).tax == Decimal("0.03")  # 0.025 -> 0.03


@pytest.mark.parametrize("inclusive", [False, True])
@pytest.mark.parametrize("rounding", list(TaxRounding))
def test_an_allowance_never_takes_back_more_tax_than_its_rate_carries(inclusive, rounding):
    lines = [PricedLine("A", 1, Decimal("0.02"), Decimal("0.19")), PricedLine("B", 1, Decimal("0.02"), Decimal("0.19"))]
    totals = price(lines, PricingPolicy("EUR", inclusive, rounding),
                   [DocumentAdjustment(Decimal("-0.03"), Decimal("0.19"))])  # alone it would carry 0.01 of tax
    assert (totals.net, totals.tax, totals.total) == ((Decimal("0.01"), Decimal("0.00"), Decimal("0.01")))


@pytest.mark.parametrize("inclusive", [False, True])
@pytest.mark.parametrize("rounding", list(TaxRounding))
def test_what_is_given_away_entirely_carries_no_tax(inclusive, rounding):
    lines = [PricedLine("A", 1, Decimal("0.03"), Decimal("0.19")), PricedLine("B", 1, Decimal("0.03"), Decimal("0.19")),
             PricedLine("C", 1, Decimal("5.00"), Decimal("0.07"))]
    totals = price(lines, PricingPolicy("EUR", inclusive, rounding),
                   [DocumentAdjustment(Decimal("-0.06"), Decimal("0.19"))])
    assert totals.tax_by_rate[Decimal("0.19")] == (Decimal("0.00"), Decimal("0.00"))
    assert totals.total == (Decimal("5.00") if inclusive else Decimal("5.35"))


def test_a_charge_and_an_allowance_are_priced_like_lines_at_their_rate():
    totals = price([PricedLine("A", 2, Decimal("10.00"), Decimal("0.19"))], PricingPolicy("EUR"),
                   [DocumentAdjustment(Decimal("4.90"), Decimal("0.07")), DocumentAdjustment(Decimal("-2.00"),
                                                                                             Decimal("0.19"))])
    assert totals.tax_by_rate == {Decimal("0.07"): (Decimal("4.90"), Decimal("0.34")),
                                  Decimal("0.19"): (Decimal("18.00"), Decimal("3.42"))}
    assert [a.gross for a in totals.adjustments] == [Decimal("5.24"), Decimal("-2.38")]
    assert totals.total == Decimal("26.66")


@given(amounts=st.lists(st.integers(-10**6, 10**6), min_size=1, max_size=4),
       parts=st.lists(st.integers(0, 10**5), min_size=1, max_size=5))
def test_the_shares_of_allowances_and_charges_add_up_to_them_to_the_cent(amounts, parts):
    whole = sum(parts)
    done = [0] * len(amounts)
    for i, part in enumerate(parts):
        shares = adjustment_shares(amounts, done, part, whole, final=i == len(parts) - 1)
        for k, (amount, share) in enumerate(zip(amounts, shares)):
            assert share * amount >= 0 and abs(done[k] + share) <= abs(amount)  # never beyond it, never the other way
            done[k] += share
    assert done == amounts


def test_a_share_is_the_goods_share_rounded_half_away_from_zero_and_the_last_part_takes_the_rest():
    # -10.00 and +4.90 over goods of 100.00 billed 33.33 + 33.33 + 33.34
    first = adjustment_shares([-1000, 490], [0, 0], 3333, 10000, final=False)
    assert first == [-333, 163]  # -333.3 -> -333; 163.317 -> 163
    second = adjustment_shares([-1000, 490], first, 3333, 10000, final=False)
    assert adjustment_shares([-1000, 490], [a + b for a, b in zip(first, second)], 3334, 10000, final=True) == \
        [-334, 164]
    assert adjustment_shares([-1000], [0], 5000, 10000, final=False) == [-500]
    assert adjustment_shares([-5], [0], 1, 2, final=False) == [-3]  # -2.5 -> -3: half away from zero
    assert adjustment_shares([-1000], [-1000], 5000, 10000, final=False) == [0]  # nothing left of it
    assert adjustment_shares([-1000], [0], 0, 0, final=False) == [0]  # no goods: only the final part bills it
