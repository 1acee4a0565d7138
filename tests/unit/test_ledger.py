"""Posting rules: every entry balances, the order balance splits into receivables and customer credit, card numbers
are recognised in free text, and the exports keep cells and syntax safe."""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from oms_desktop.adapters.exports.journal import formula_safe, to_beancount, to_csv, to_hledger
from oms_desktop.domain.free_text import contains_card_number, luhn_ok
from oms_desktop.domain.ledger import (ACCOUNT_LABELS, ACCOUNT_TYPES, Account, Entry, Posting, cogs_entry,
                                       credit_note_entry, goods_received_entry, invoice_entry,
                                       opening_stock_entry, receipt_entry, refund_entry, return_entry,
                                       reversal_entry, settlement_legs, stock_adjustment_entry, validate_entry)
from oms_desktop.services.ledger import EntryDTO, PostingDTO, period_start
from oms_desktop.services.receivables import aging_bucket

amounts = st.integers(min_value=1, max_value=10**9)
balances = st.integers(min_value=-10**9, max_value=10**9)


def _sum(entry: Entry) -> int:
    return sum(p.amount for p in entry.postings)


def _of(entry: Entry, account: Account) -> int:
    return sum(p.amount for p in entry.postings if p.account == account.value)


@given(net=st.integers(0, 10**9), tax=st.integers(0, 10**8), before=balances)
def test_an_invoice_entry_always_balances(net, tax, before):
    entry = invoice_entry("INV-000001", net, tax, before)
    assert _sum(entry) == 0
    assert validate_entry(entry) == [] or net + tax == 0


@given(goods=st.integers(0, 10**9), allowances=st.integers(-10**8, 0), charges=st.integers(0, 10**6),
       tax=st.integers(0, 10**8), before=balances)
def test_an_invoice_with_allowances_and_charges_balances_and_shows_what_they_cost(goods, allowances, charges, tax,
                                                                                   before):
    net = goods + allowances + charges
    for entry, sign in ((invoice_entry("INV-000001", net, tax, before, allowances=allowances, charges=charges), 1),
                        (credit_note_entry("CRN-000001", "INV-000001", net, tax, before, allowances=allowances,
                                           charges=charges), -1)):
        assert _sum(entry) == 0
        assert _of(entry, Account.REVENUE) == -sign * goods
        assert _of(entry, Account.SALES_DISCOUNTS) == -sign * allowances  # a debit on the invoice
        assert _of(entry, Account.SHIPPING_CHARGES) == -sign * charges
        assert _of(entry, Account.RECEIVABLES) + _of(entry, Account.CUSTOMER_CREDIT) == sign * (net + tax)


def test_an_invoice_with_a_discount_and_shipping_books_them_apart_from_the_goods():
    entry = invoice_entry("INV-000001", 10_000 - 1_000 + 490, 1_710, 0, allowances=-1_000, charges=490)
    assert {p.account: p.amount for p in entry.postings} == {
        "Assets:Receivables": 11_200, "Income:SalesDiscounts": 1_000, "Income:Sales": -10_000,
        "Income:ShippingCharges": -490, "Liabilities:SalesTax": -1_710}
    with pytest.raises(ValueError, match="cannot be positive"):
        invoice_entry("INV-000002", 100, 0, 0, allowances=5)
    with pytest.raises(ValueError, match="cannot be negative"):
        invoice_entry("INV-000002", 100, 0, 0, charges=-5)


@given(method=st.sampled_from(["cash", "card", "bank"]), amount=amounts, before=balances)
def test_receipts_and_refunds_balance_and_move_the_order_balance_by_their_amount(method, amount, before):
    for entry, after in ((receipt_entry("p", method, amount, before), before - amount),
                         (refund_entry("r", method, amount, before), before + amount)):
        assert validate_entry(entry) == []
        assert _of(entry, Account.RECEIVABLES) + _of(entry, Account.CUSTOMER_CREDIT) == after - before


@given(before=balances, after=balances)
def test_receivables_hold_what_is_owed_and_customer_credit_what_was_overpaid(before, after):
    rec, credit = settlement_legs(before, after)
    assert rec == max(after, 0) - max(before, 0)
    assert credit == min(after, 0) - min(before, 0)
    assert rec + credit == after - before


def test_a_payment_before_the_invoice_is_customer_credit_until_the_invoice_uses_it():
    paid = receipt_entry("counter", "cash", 1190, 0)
    assert _of(paid, Account.CASH) == 1190 and _of(paid, Account.CUSTOMER_CREDIT) == -1190
    invoiced = invoice_entry("INV-000001", 1000, 190, -1190)
    assert _of(invoiced, Account.CUSTOMER_CREDIT) == 1190
    assert _of(invoiced, Account.RECEIVABLES) == 0
    assert _of(invoiced, Account.REVENUE) == -1000 and _of(invoiced, Account.TAX_PAYABLE) == -190


def test_a_credit_note_after_full_payment_becomes_credit_that_a_refund_pays_out():
    credit = credit_note_entry("CRN-000001", "INV-000001", 100, 19, 0)
    assert _of(credit, Account.CUSTOMER_CREDIT) == -119 and validate_entry(credit) == []
    refund = refund_entry("refund", "card", 119, -119)
    assert _of(refund, Account.CUSTOMER_CREDIT) == 119 and _of(refund, Account.CARD_CLEARING) == -119


def test_cogs_and_returns_move_cost_between_inventory_cogs_and_write_offs():
    assert {p.account: p.amount for p in cogs_entry("ship", 500).postings} == {"Expenses:COGS": 500,
                                                                               "Assets:Inventory": -500}
    assert _of(return_entry("back", 200, True), Account.INVENTORY) == 200
    assert _of(return_entry("lost", 200, False), Account.WRITE_OFFS) == 200


def test_receipts_opening_stock_and_adjustments_move_inventory_at_cost():
    assert {p.account: p.amount for p in goods_received_entry("PO-000001", 1500).postings} == {
        "Assets:Inventory": 1500, "Liabilities:GoodsReceivedNotInvoiced": -1500}
    assert {p.account: p.amount for p in opening_stock_entry("opening", 4000).postings} == {
        "Assets:Inventory": 4000, "Equity:OpeningBalances": -4000}
    assert {p.account: p.amount for p in stock_adjustment_entry("damage", -800).postings} == {
        "Expenses:InventoryAdjustments": 800, "Assets:Inventory": -800}
    assert _of(stock_adjustment_entry("found", 300), Account.INVENTORY_ADJUSTMENTS) == -300
    assert stock_adjustment_entry("nothing", 0).postings == ()


@given(value=st.integers(-10**12, 10**12))
def test_inventory_entries_always_balance_and_name_known_kinds(value):
    entries = [stock_adjustment_entry("count", value)]
    if value >= 0:
        entries += [goods_received_entry("PO-000001", value), opening_stock_entry("opening", value)]
    for entry in entries:
        assert _sum(entry) == 0
        assert validate_entry(entry) == [] or value == 0


@pytest.mark.parametrize("make", [goods_received_entry, opening_stock_entry])
def test_receipts_and_opening_stock_refuse_negative_or_fractional_values(make):
    with pytest.raises(ValueError, match="negative"):
        make("x", -1)
    with pytest.raises(ValueError, match="whole minor units"):
        make("x", 1.5)
    with pytest.raises(ValueError, match="whole minor units"):
        stock_adjustment_entry("x", Decimal("2"))


def test_every_account_has_a_label_and_a_type_and_a_name_hledger_and_beancount_accept():
    for account in Account:
        assert ACCOUNT_LABELS[account]
        root, *parts = account.value.split(":")
        assert root in ACCOUNT_TYPES and parts
        assert all(part[0].isupper() and part.isalnum() for part in parts), account
    bean = to_beancount([EntryDTO(1, datetime(2026, 1, 2, tzinfo=timezone.utc), date(2026, 1, 2), "opening_stock",
                                  "Opening stock", "EUR", None, "ada", None, None,
                                  (PostingDTO("Assets:Inventory", Decimal("40.00")),
                                   PostingDTO("Equity:OpeningBalances", Decimal("-40.00"))))], "EUR")
    assert "2026-01-02 open Equity:OpeningBalances EUR" in bean


def test_a_reversal_is_the_negated_copy_and_cancels_the_original():
    original = cogs_entry("ship", 500)
    rev = reversal_entry(original, "undo")
    assert rev.kind == "reversal" and validate_entry(rev) == []
    assert [p.amount for p in rev.postings] == [-p.amount for p in original.postings]


def test_validation_lists_every_problem_instead_of_stopping_at_the_first():
    bad = Entry("sale", "broken", (Posting("Assets:Cash", 100), Posting("Assets:Nowhere", -90)))
    problems = validate_entry(bad)
    assert any("unknown account" in p for p in problems)
    assert any("does not balance" in p for p in problems)
    assert validate_entry(Entry("sale", "lonely", (Posting("Assets:Cash", 5),))) != []
    assert validate_entry(Entry("sale", "float", (Posting("Assets:Cash", 1.5), Posting("Income:Sales", -1.5))))


def test_zero_legs_are_dropped_so_an_entry_shows_only_what_moved():
    entry = invoice_entry("INV-000002", 100, 0, 0)
    assert [p.account for p in entry.postings] == ["Assets:Receivables", "Income:Sales"]


@pytest.mark.parametrize("text", ["4111 1111 1111 1111", "card 4111-1111-1111-1111 ok", "5500005555555559",
                                  "378282246310005"])
def test_card_numbers_are_found_in_free_text(text):
    assert contains_card_number(text)


@pytest.mark.parametrize("text", ["", "T-4711", "4111 1111 1111 1112", "DE89 3704 0044 0532 0130 00",
                                  "order 123456789012", "****1111"])
def test_references_that_are_not_card_numbers_pass(text):
    assert not contains_card_number(text)


def test_luhn():
    assert luhn_ok("79927398713") and not luhn_ok("79927398710")


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(cell):
    assert formula_safe(cell).startswith("'")
    assert formula_safe("plain") == "plain"


def _entry(description: str) -> EntryDTO:
    return EntryDTO(7, datetime(2026, 1, 2, tzinfo=timezone.utc), date(2026, 1, 2), "sale", description, "EUR", 3,
                    "ada", None, None, (PostingDTO("Assets:Receivables", Decimal("11.90")),
                                        PostingDTO("Income:Sales", Decimal("-10.00")),
                                        PostingDTO("Liabilities:SalesTax", Decimal("-1.90"))))


def test_exports_flatten_and_escape_descriptions():
    e = _entry('=HYPERLINK("x") ; "quoted"\nsecond line')
    assert "\n2026-01-02 * =HYPERLINK(\"x\") , \"quoted\" second line  ; entry:7" in to_hledger([e], "EUR")
    bean = to_beancount([e], "EUR")
    assert "2026-01-02 * \"=HYPERLINK('x') ; 'quoted' second line\"" in bean
    assert "2026-01-02 open Income:Sales EUR" in bean
    csv_text = to_csv([e], "EUR")
    assert "'=HYPERLINK" in csv_text and ",11.90," in csv_text and ",10.00," in csv_text


def test_report_periods_and_aging_buckets():
    assert period_start(date(2026, 3, 19), "week") == date(2026, 3, 16)
    assert period_start(date(2026, 3, 19), "month") == date(2026, 3, 1)
    assert [aging_bucket(d) for d in (0, 1, 30, 31, 90, 91)] == ["current", "1-30", "1-30", "31-60", "61-90",
                                                                  "over 90"]
