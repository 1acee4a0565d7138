"""Posting rules of purchasing: a supplier invoice clears goods received not invoiced at PO cost with the price
variance and input tax beside it, a supplier payment settles payables, a revaluation moves Inventory by its value;
every entry balances and refuses amounts that are not whole minor units."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from oms_desktop.domain.ledger import (ACCOUNT_LABELS, Account, EntryKind, revaluation_entry, supplier_invoice_entry,
                                       supplier_payment_entry, validate_entry)

minor = st.integers(min_value=0, max_value=10**12)


def legs(entry) -> dict[str, int]:
    return {p.account: p.amount for p in entry.postings}


@given(cost=minor, net=minor, tax=minor)
def test_a_supplier_invoice_clears_goods_received_at_cost_and_owes_the_gross(cost, net, tax):
    entry = supplier_invoice_entry("Supplier invoice X", cost=cost, net=net, tax=tax)
    assert sum(p.amount for p in entry.postings) == 0
    assert validate_entry(entry) == [] or len(entry.postings) < 2
    got = legs(entry)
    assert got.get(Account.GOODS_RECEIVED.value, 0) == cost
    assert got.get(Account.PURCHASE_PRICE_VARIANCE.value, 0) == net - cost
    assert got.get(Account.INPUT_TAX.value, 0) == tax
    assert got.get(Account.PAYABLES.value, 0) == -(net + tax)
    assert entry.kind == EntryKind.SUPPLIER_INVOICE.value


def test_a_cheaper_invoice_credits_the_variance_and_a_matching_one_posts_none():
    assert legs(supplier_invoice_entry("i", cost=4000, net=3800, tax=722)) == {
        Account.GOODS_RECEIVED.value: 4000, Account.PURCHASE_PRICE_VARIANCE.value: -200,
        Account.INPUT_TAX.value: 722, Account.PAYABLES.value: -4522}
    assert Account.PURCHASE_PRICE_VARIANCE.value not in legs(supplier_invoice_entry("i", cost=10, net=10, tax=0))


@pytest.mark.parametrize("method, account", [("bank", Account.BANK), ("cash", Account.CASH)])
def test_a_supplier_payment_debits_payables_and_credits_the_money_account(method, account):
    entry = supplier_payment_entry("Payment", method, 1234)
    assert validate_entry(entry) == []
    assert legs(entry) == {Account.PAYABLES.value: 1234, account.value: -1234}


@given(value=st.integers(min_value=-10**12, max_value=10**12).filter(bool))
def test_a_revaluation_moves_inventory_against_the_revaluation_account(value):
    entry = revaluation_entry("Revaluation", value)
    assert validate_entry(entry) == []
    assert legs(entry) == {Account.INVENTORY.value: value, Account.INVENTORY_REVALUATION.value: -value}


@pytest.mark.parametrize("call", [
    lambda: supplier_invoice_entry("i", cost=-1, net=0, tax=0),
    lambda: supplier_invoice_entry("i", cost=1, net=1.5, tax=0),
    lambda: supplier_invoice_entry("i", cost=1, net=1, tax=-1),
    lambda: supplier_payment_entry("p", "bank", 0),
    lambda: supplier_payment_entry("p", "card", 100),  # a card payment to a supplier is not a method here
    lambda: revaluation_entry("r", 2.5),
])
def test_bad_amounts_are_refused_by_the_rules(call):
    with pytest.raises(ValueError):
        call()


def test_every_account_has_a_label_and_a_known_type():
    for account in Account:
        assert ACCOUNT_LABELS[account]
        assert account.value.split(":")[0] in ("Assets", "Liabilities", "Equity", "Income", "Expenses")
