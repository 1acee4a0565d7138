"""The service desk: a caller reads a tracking number, the desk shows where the parcel is, returns come back."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from oms_desktop.domain.tracking import ALPHABET
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.service_desk import ServiceDeskPanel
from tests.helpers.money_text import shown


@pytest.fixture
def shipped(catalog, admin, customer, users):
    wh = users["warehouse"]
    order = catalog.orders.place_order(admin, customer.id, [("LAMP-01", 2)])
    pl = catalog.picking.create_pick_list(wh, [order.id])
    catalog.picking.confirm_picks(wh, pl.id)
    catalog.shipping.pack_order(wh, order.id, carrier="DHL", carrier_ref="JD014600006")
    catalog.shipping.ship_order(wh, order.id)
    return order


@pytest.fixture
def desk(qtbot, catalog, users):
    w = ServiceDeskPanel(catalog, users["warehouse"], JobRunner(synchronous=True))
    qtbot.addWidget(w)
    return w


def _look_up(qtbot, desk, text):
    desk.lookup_edit.setText(text)
    qtbot.keyClick(desk.lookup_edit, Qt.Key.Key_Return)


def test_a_tracking_number_shows_the_timeline_with_the_carrier_reference(qtbot, desk, shipped):
    _look_up(qtbot, desk, shipped.tracking_number.lower().replace("-", " "))
    steps = [desk.timeline_table.item(r, 1).text() for r in range(desk.timeline_table.rowCount())]
    assert steps == ["confirmed", "picking", "picked", "packed", "shipped"]
    details = [desk.timeline_table.item(r, 3).text() for r in range(desk.timeline_table.rowCount())]
    assert "DHL JD014600006" in details
    assert "SHIPPED" in desk.order_label.text()


def test_one_mistyped_character_says_invalid_not_not_found(qtbot, desk, shipped):
    tn = shipped.tracking_number
    typo = tn[0] + next(c for c in ALPHABET if c != tn[1]) + tn[2:]
    _look_up(qtbot, desk, typo)
    assert desk.message_label.text().startswith("Invalid tracking number (typo?)")
    assert "not found" not in desk.message_label.text().lower()
    _look_up(qtbot, desk, "SO-999999")
    assert desk.message_label.text().startswith("Not found")


def test_a_return_goes_back_into_stock_and_onto_the_timeline(qtbot, desk, catalog, admin, shipped):
    _look_up(qtbot, desk, shipped.number)
    assert desk.returns_box.isEnabled()
    desk.return_qty_spin.setValue(1)
    desk.return_reason_edit.setText("wrong colour")
    qtbot.mouseClick(desk.return_button, Qt.MouseButton.LeftButton)
    assert "Received 1 x LAMP-01 (restock)" in desk.message_label.text()
    last = desk.timeline_table.rowCount() - 1
    assert desk.timeline_table.item(last, 1).text() == "returned"
    assert catalog.catalog.search(admin, "LAMP-01")[0].on_hand == 9
    assert catalog.inventory.invariant_violations() == []


def test_a_phone_number_lists_the_customers_orders(qtbot, desk, catalog, admin, customer, shipped):
    catalog.orders.place_order(admin, customer.id, [("BULB-E27", 1)])
    _look_up(qtbot, desk, "0171 5550100")
    assert desk.results_list.count() == 2
    desk.results_list.itemClicked.emit(desk.results_list.item(1))
    assert desk.info.order.id == shipped.id


def test_invoices_and_payments_show_their_amounts_in_the_screens_money_format(qtbot, desk, catalog, admin, shipped):
    invoice = catalog.billing.issue_invoice(admin, shipped.id, render=False)
    catalog.receivables.record_payment(admin, shipped.id, str(invoice.total + 10), "cash")  # paid too much
    catalog.receivables.refund(admin, shipped.id, "10.00", "cash")
    _look_up(qtbot, desk, shipped.tracking_number)
    rows = {desk.timeline_table.item(r, 1).text(): desk.timeline_table.item(r, 3).text()
            for r in range(desk.timeline_table.rowCount())}
    assert rows["invoiced"] == f"{invoice.number} · {desk_money(invoice.total)}"
    assert rows["paid"] == f"cash · {desk_money(invoice.total + 10)}"
    assert rows["refunded"] == f"cash · {shown('10.00')}"


def desk_money(amount):
    from oms_desktop.gui.format import money
    return money(amount, "EUR", "en_US")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_mistyped_number_clears_the_last_order_and_suggests_the_one_a_typo_away(qtbot, desk, shipped):
    _look_up(qtbot, desk, shipped.number)
    assert desk.info is not None and "SHIPPED" in desk.order_label.text()
    tn = shipped.tracking_number
    typo = tn[:5] + next(c for c in ALPHABET if c != tn[5]) + tn[6:]  # one symbol misheard
    _look_up(qtbot, desk, typo)
    assert desk.info is None and desk.order_label.text() == "" and desk.timeline_table.rowCount() == 0
    assert desk.results_list.count() >= 1
    assert desk.results_list.item(0).text().startswith(tn) and shipped.number in desk.results_list.item(0).text()
    assert "Did the customer mean" in desk.message_label.text()
    desk.results_list.itemActivated.emit(desk.results_list.item(0))
    assert desk.info.order.id == shipped.id


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_phone_number_in_international_form_finds_the_orders_as_the_orders_tab_does(qtbot, desk, catalog, admin,
                                                                                      customer, shipped):
    _look_up(qtbot, desk, "+49 171 5550100")  # twelve characters, like a tracking number: still a phone number
    assert desk.info is not None and desk.info.order.id == shipped.id
    _look_up(qtbot, desk, "+49 40 6207579")  # nobody's: not found, and the order above no longer shown
    assert desk.message_label.text().startswith("Not found") and desk.info is None


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_orders_lines_and_the_return_action_stand_beside_the_timeline(qtbot, desk, catalog, admin, shipped):
    desk.resize(1366, 700)
    desk.show()
    _look_up(qtbot, desk, shipped.number)
    rows = [[desk.lines_table.item(r, c).text() for c in range(4)] for r in range(desk.lines_table.rowCount())]
    assert rows == [["LAMP-01", "Desk lamp", "2", "2"]]
    # one screen: the lines and the return form to the right of the timeline, not under it
    timeline = desk.timeline_table.mapTo(desk, desk.timeline_table.rect().topRight())
    for side in (desk.lines_table, desk.returns_box):
        assert side.mapTo(desk, side.rect().topLeft()).x() > timeline.x()
    desk.return_qty_spin.setValue(1)
    qtbot.mouseClick(desk.return_button, Qt.MouseButton.LeftButton)
    assert desk.lines_table.item(0, 3).text() == "1"  # what can still come back
    _look_up(qtbot, desk, "SO-999999")
    assert desk.lines_table.rowCount() == 0  # a failed lookup leaves no old lines under it
