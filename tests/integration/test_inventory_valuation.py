"""Inventory at cost in the books: purchase order receipts, opening stock and stock adjustments debit or credit
Inventory (against goods received not invoiced, opening balances and inventory adjustments), so shipping what was
received never drives Inventory below zero; the trial balance stays zero and the exports know the new accounts."""
from __future__ import annotations

import subprocess
from decimal import Decimal

import pytest

from oms_desktop.adapters.exports.journal import to_beancount
from oms_desktop.domain.ledger import Account
from tests.helpers.journal_tools import bean_check

CSV_HEAD = "sku,name,unit_price,tax_rate,on_hand\n"


@pytest.fixture
def accountant(users):
    return users["accountant"]


def balances(services, actor) -> dict[str, Decimal]:
    tb = services.ledger.trial_balance(actor)
    assert tb.balanced and services.ledger.ledger_problems() == []
    return {r.account: r.balance for r in tb.rows}


def set_cost(services, admin, sku: str, cost: str) -> None:
    p = services.catalog.get_product(admin, sku)
    services.catalog.update_product(admin, sku, dict(name=p.name, unit_price=str(p.unit_price),
                                                     tax_rate=str(p.tax_rate), unit_cost=cost))


def test_receiving_five_units_at_three_euros_puts_fifteen_into_inventory_owed_as_goods_received(
        services, admin, accountant):
    services.catalog.create_product(admin, dict(sku="MUG-01", name="Mug", unit_price="9.00", tax_rate="0.19"))
    services.purchasing.add_supplier(admin, "Clay Ltd")
    po = services.purchasing.create_purchase_order(admin, "Clay Ltd", [("MUG-01", 5, "3.00")])
    services.purchasing.send_purchase_order(admin, po.id)
    services.purchasing.receive(admin, po.number, {"MUG-01": 5})
    books = balances(services, accountant)
    assert books[Account.INVENTORY.value] == Decimal("15.00")
    assert books[Account.GOODS_RECEIVED.value] == Decimal("-15.00")
    [entry] = services.ledger.journal(accountant, kind="goods_received")
    assert entry.description == f"Goods received, {po.number} (5 units)"
    assert services.inventory.invariant_violations() == []


def test_a_new_product_with_cost_and_stock_is_opening_stock_and_damage_posts_shrinkage_at_cost(
        services, admin, accountant):
    services.catalog.create_product(admin, dict(sku="VASE-01", name="Vase", unit_price="20.00", tax_rate="0.19",
                                                 unit_cost="4.00", on_hand="10"))
    assert balances(services, accountant) == {Account.INVENTORY.value: Decimal("40.00"),
                                              Account.OPENING_BALANCES.value: Decimal("-40.00")}
    services.inventory.adjust_stock(admin, "VASE-01", -2, "damage")
    books = balances(services, accountant)
    assert books[Account.INVENTORY.value] == Decimal("32.00")
    assert books[Account.INVENTORY_ADJUSTMENTS.value] == Decimal("8.00")
    [entry] = services.ledger.journal(accountant, kind="stock_adjustment")
    assert entry.description == "Stock adjustment, damage VASE-01 (-2 units)"


def test_an_imported_catalog_without_cost_posts_nothing_until_a_cost_revalues_its_stock_and_later_counts(
        services, catalog, admin, accountant):
    assert services.ledger.trial_balance(accountant).rows == ()  # no cost column: opening stock at cost 0
    set_cost(services, admin, "LAMP-01", "5.00")  # the 10 lamps on hand are revalued from 0.00 to 5.00
    assert balances(services, accountant)[Account.INVENTORY_REVALUATION.value] == Decimal("-50.00")
    services.catalog.import_catalog(admin, (CSV_HEAD + "LAMP-01,Desk lamp,19.99,0.19,13\n"
                                                       "PEN-01,Pen,1.50,0.19,40\n").encode())
    books = balances(services, accountant)
    assert books[Account.INVENTORY.value] == Decimal("65.00")  # 13 lamps at 5.00; the pen has no cost
    assert books[Account.INVENTORY_ADJUSTMENTS.value] == Decimal("-15.00")  # 3 lamps found
    services.inventory.post_stock_count(admin, "", [("LAMP-01", 9), ("BULB-E27", 100)])  # 4 lamps short
    books = balances(services, accountant)
    assert books[Account.INVENTORY_ADJUSTMENTS.value] == Decimal("5.00")  # 3 found, 4 lost: one lamp of shrinkage
    [count] = services.ledger.journal(accountant, text="count", newest_first=True, limit=1)
    assert count.description == "Stock adjustment, count (-4 units)"


def test_opening_stock_of_an_import_is_valued_once_products_have_a_cost(services, admin, accountant):
    services.catalog.create_product(admin, dict(sku="CUP-01", name="Cup", unit_price="6.00", tax_rate="0.19",
                                                unit_cost="2.50"))
    services.catalog.import_catalog(admin, (CSV_HEAD + "CUP-01,Cup,6.00,0.19,0\nCUP-02,Cup,6.00,0.19,4\n").encode())
    assert balances(services, accountant) == {}  # CUP-02 is new without a cost; CUP-01 already at 0
    services.catalog.import_catalog(admin, (CSV_HEAD + "CUP-01,Cup,6.00,0.19,8\n").encode())
    assert balances(services, accountant)[Account.INVENTORY.value] == Decimal("20.00")


def test_selling_what_was_received_leaves_the_remaining_stock_at_cost_and_the_exports_check(
        services, admin, accountant, customer, tmp_path):
    services.catalog.create_product(admin, dict(sku="MUG-01", name="Mug", unit_price="9.00", tax_rate="0.19",
                                                unit_cost="3.00"))
    services.purchasing.add_supplier(admin, "Clay Ltd")
    po = services.purchasing.create_purchase_order(admin, "Clay Ltd", [("MUG-01", 5, "3.00")])
    services.purchasing.send_purchase_order(admin, po.id)
    services.purchasing.receive(admin, po.number)
    order = services.orders.place_order(admin, customer.id, [("MUG-01", 2)])
    for step in ("picking", "packed", "shipped"):
        services.orders.advance_order(admin, order.id, step)
    books = balances(services, accountant)
    assert books[Account.INVENTORY.value] == Decimal("9.00")  # 3 mugs left at 3.00, never negative
    assert books[Account.COGS.value] == Decimal("6.00")
    beans = tmp_path / "books.beancount"
    beans.write_text(to_beancount(services.ledger.journal(accountant), "EUR"), encoding="utf-8")
    subprocess.run([bean_check(), str(beans)], check=True, capture_output=True)


def test_importing_a_catalog_with_unit_costs_values_its_opening_stock(services, admin):
    services.catalog.import_catalog(admin, b"sku,name,unit_price,tax_rate,on_hand,unit_cost\n"
                                           b"CUP-1,Cup,4.00,0.19,10,1.50\n")
    balances = {r.account: r.debit - r.credit for r in services.ledger.trial_balance(admin).rows}
    assert balances["Assets:Inventory"] == Decimal("15.00")
    assert balances["Equity:OpeningBalances"] == Decimal("-15.00")
