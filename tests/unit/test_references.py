"""Document references: every series formats and parses back, in the spellings people type and scan."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oms_desktop.domain.references import (Series, format_ref, order_number, parse_invoice_or_credit_note, parse_ref,
                                           pick_list_number, receipt_number)


@given(series=st.sampled_from(list(Series)), number=st.integers(min_value=1, max_value=999_999_999))
def test_every_reference_parses_back_to_its_number(series, number):
    assert parse_ref(series, format_ref(series, number)) == number


@pytest.mark.parametrize("text", ["SO-000042", "so-42", "SO42", "42", "#42", "000042", "  SO-000042  "])
def test_an_order_number_may_be_typed_with_or_without_its_prefix(text):
    assert parse_ref(Series.ORDER, text) == 42


@pytest.mark.parametrize("series, text", [
    (Series.ORDER, "PL-000042"), (Series.ORDER, "SO-"), (Series.ORDER, "SO-4x2"), (Series.ORDER, ""),
    (Series.INVOICE, "42"), (Series.INVOICE, "#42"), (Series.SUPPLIER_INVOICE, "42"),
    (Series.PURCHASE_ORDER, "#42"), (Series.PICK_LIST, "SO-000042"), (Series.ORDER, "1234567890123"),
])
def test_what_is_not_a_reference_of_the_series_is_none(series, text):
    assert parse_ref(series, text) is None


def test_a_scan_field_tells_a_pick_list_barcode_from_a_bare_number():
    assert parse_ref(Series.PICK_LIST, "PL-000007", prefix_required=True) == 7
    assert parse_ref(Series.PICK_LIST, "pl7", prefix_required=True) == 7
    assert parse_ref(Series.PICK_LIST, "7", prefix_required=True) is None
    assert parse_ref(Series.PICK_LIST, "7") == 7


def test_invoices_and_credit_notes_are_told_apart_by_their_prefix():
    assert parse_invoice_or_credit_note("INV-000007") == (Series.INVOICE, 7)
    assert parse_invoice_or_credit_note("crn7") == (Series.CREDIT_NOTE, 7)
    assert parse_invoice_or_credit_note("7") is None
    assert format_ref(*parse_invoice_or_credit_note("inv 7".replace(" ", "-"))) == "INV-000007"


def test_numbers_are_padded_to_six_digits_and_grow_beyond():
    assert order_number(42) == "SO-000042"
    assert pick_list_number(1_234_567) == "PL-1234567"
    assert format_ref(Series.CUSTOMER, 123) == "C000123"
    assert receipt_number(42, 2) == "R-000042-2"
