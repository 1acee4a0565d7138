"""The accounts tab invoices what shipped: the queue lists orders with shipped units not invoiced, the line under the
bar says what the invoice would bill, Ctrl+I bills the first shipment, then the backorder when it ships; "Whole
order" bills what has not shipped yet too."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.helpers.money_text import shown

SHIPPED_GROUP = "Shipped, waiting for an invoice"


@pytest.fixture
def tab(accounts_tab):
    return accounts_tab


def _ship(services, actor, order_id, found=None, ref="JD1"):
    pl = services.picking.create_pick_list(actor, [order_id])
    services.picking.confirm_picks(actor, pl.id, found or {}, default_reason="not at the location")
    services.shipping.pack_order(actor, order_id, carrier="DHL", carrier_ref=ref)
    services.shipping.ship_order(actor, order_id)


def _group(tab, title):
    tree = tab.queue_tree
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        if group.text(0).split(" (")[0] == title:
            return group
    raise AssertionError(f"no queue group {title}")


def _refresh_from_events(qtbot, tab, services, admin):
    with qtbot.waitSignal(tab.refreshed, timeout=3000):
        tab.on_events(services.events.since(admin, 0))


def _invoice(qtbot, tab):
    with qtbot.waitSignal(tab.message_shown, timeout=3000):
        qtbot.keyClick(tab, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    return tab.message_label.text()


def test_the_tab_invoices_the_first_shipment_and_then_the_backorder_when_it_ships(qtbot, tab, catalog, admin):
    order = catalog.orders.place_order(admin, None, [("LAMP-01", 3), ("BOOK-01", 1)])
    _ship(catalog, admin, order.id, {"LAMP-01": 1})
    _refresh_from_events(qtbot, tab, catalog, admin)
    group = _group(tab, SHIPPED_GROUP)
    assert [group.child(j).text(0) for j in range(group.childCount())] == [order.number]
    assert tab.invoice_what.currentData() == "auto"  # the default: what shipped, once something has

    tab.queue_tree.setCurrentItem(group.child(0))  # picking the order shows what its invoice would bill
    assert tab.order_edit.text() == order.number
    plan = tab.plan_label.text()
    assert f"{order.number} (shipped, shipped 2 of 4 units)" in plan
    assert f"bills what shipped: 1 x LAMP-01, 1 x BOOK-01, {shown('36.63')}" in plan
    assert "not invoiced after it: 2 x LAMP-01" in plan

    text = _invoice(qtbot, tab)
    assert f"Issued invoice INV-000001 for {order.number}: 2 units, {shown('36.63')}" in text
    assert "Not yet invoiced: 2 x LAMP-01" in text
    first = catalog.billing.get_invoice(admin, "INV-000001")
    assert [(ln.sku, ln.quantity) for ln in first.lines] == [("LAMP-01", 1), ("BOOK-01", 1)]
    assert _group(tab, SHIPPED_GROUP).childCount() == 0
    assert "nothing to invoice now" in tab.plan_label.text()  # the field now names the invoice: its order

    tab.order_edit.setText(order.number)
    text = _invoice(qtbot, tab)  # again with nothing new shipped: refused, nothing issued
    assert f"{order.number} already has invoice INV-000001 for everything shipped" in text
    assert [i.number for i in catalog.billing.list_invoices(admin)] == ["INV-000001"]

    _ship(catalog, admin, order.id, ref="JD2")  # the backorder leaves
    _refresh_from_events(qtbot, tab, catalog, admin)
    group = _group(tab, SHIPPED_GROUP)
    tab.queue_tree.setCurrentItem(group.child(0))
    # 3 lamps' tax is 11.39, one lamp's 3.80: the last invoice takes the 7.59 left (not 2 lamps' own 7.60)
    plan = tab.plan_label.text()
    assert f"bills what shipped: 2 x LAMP-01, {shown('47.57')}; with it the order is invoiced in full" in plan
    text = _invoice(qtbot, tab)
    assert f"Issued invoice INV-000002 for {order.number}: 2 units, {shown('47.57')}" in text
    second = catalog.billing.get_invoice(admin, "INV-000002")
    assert first.total + second.total == order.total
    assert catalog.ledger.ledger_problems() == []


def test_whole_order_bills_the_backorder_before_it_ships(qtbot, tab, catalog, admin):
    order = catalog.orders.place_order(admin, None, [("LAMP-01", 2)])
    _ship(catalog, admin, order.id, {"LAMP-01": 1})
    tab.order_edit.setText(order.number)
    tab.invoice_what.setCurrentIndex(tab.invoice_what.findData("shipped"))
    assert f"bills what shipped: 1 x LAMP-01, {shown('23.79')}" in tab.plan_label.text()
    tab.invoice_what.setCurrentIndex(tab.invoice_what.findData("all"))
    assert f"bills the whole order: 2 x LAMP-01, {shown('47.58')}" in tab.plan_label.text()
    text = _invoice(qtbot, tab)
    assert f"Issued invoice INV-000001 for {order.number}: 2 units, {shown('47.58')}" in text
    assert catalog.receivables.order_account(admin, order.id).invoiced == order.total


def test_whole_order_after_a_first_invoice_says_it_bills_what_is_left(qtbot, tab, catalog, admin):
    order = catalog.orders.place_order(admin, None, [("LAMP-01", 2)])
    _ship(catalog, admin, order.id, {"LAMP-01": 1})
    tab.order_edit.setText(order.number)
    _invoice(qtbot, tab)  # the shipped lamp
    tab.order_edit.setText(order.number)
    tab.invoice_what.setCurrentIndex(tab.invoice_what.findData("all"))
    plan = tab.plan_label.text()
    assert f"{order.number} (shipped, shipped 1 of 2 units, invoiced on INV-000001)" in plan
    assert "bills what is left of the order: 1 x LAMP-01" in plan
    assert "the whole order" not in plan


def test_the_plan_names_the_invoice_s_share_of_the_order_s_allowances_and_charges(qtbot, tab, catalog, admin):
    catalog.promotions.put_shipping_method(admin, "dhl", "DHL parcel", basis="flat", tiers="4.90", tax_rate="19%")
    catalog.promotions.add_promotion(admin, "Spring sale 10 %", percent="10")
    order = catalog.orders.place_order(admin, None, [("LAMP-01", 3), ("BOOK-01", 2)], shipping="dhl")
    _ship(catalog, admin, order.id, {"LAMP-01": 1})
    _refresh_from_events(qtbot, tab, catalog, admin)
    tab.queue_tree.setCurrentItem(_group(tab, SHIPPED_GROUP).child(0))
    # 43.99 of 83.97 of goods shipped: that share of 4.90 shipping and of 6.00 + 2.40 off, one figure per label
    assert (f"bills what shipped: 1 x LAMP-01, 2 x BOOK-01 with Shipping: DHL parcel {shown('2.57')}, "
            f"Spring sale 10 % {shown('-4.40')}, ") in tab.plan_label.text()
