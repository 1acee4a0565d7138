"""The warehouse tab as a clerk uses it: the queue fills itself, scan to confirm, a short pick, pack and ship."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.warehouse import WarehouseTab


@pytest.fixture
def tab(qtbot, catalog, users):
    w = WarehouseTab(catalog, users["warehouse"], JobRunner(synchronous=True))
    qtbot.addWidget(w)
    return w


def _scan(qtbot, tab, text):
    tab.scan_edit.setText(text)
    qtbot.keyClick(tab.scan_edit, Qt.Key.Key_Return)


def _stock(services, admin, sku):
    p = services.catalog.search(admin, sku)[0]
    return p.on_hand, p.reserved


def test_a_confirmed_order_appears_in_the_queue_from_the_event_feed(tab, catalog, admin, customer):
    assert tab.queue_table.rowCount() == 0
    order = catalog.orders.place_order(admin, customer.id, [("LAMP-01", 2), ("BOOK-01", 1)], express=True)
    tab.on_events(catalog.events.since(admin, 0))
    assert tab.queue_table.rowCount() == 1
    row = [tab.queue_table.item(0, c).text() for c in range(tab.queue_table.columnCount())]
    assert row[0] == order.number and row[2] == "waiting" and row[4] == "EXPRESS" and row[5] == "2"


def test_scan_to_confirm_with_a_short_pick_then_pack_and_ship_leaves_a_backorder(qtbot, tab, catalog, admin,
                                                                                customer):
    order = catalog.orders.place_order(admin, customer.id, [("LAMP-01", 2), ("BOOK-01", 1)])
    tab.refresh_queue()
    tab.queue_table.selectRow(0)
    qtbot.mouseClick(tab.selected_button, Qt.MouseButton.LeftButton)
    number = tab.pick_list.number
    tab.pick_list = None

    _scan(qtbot, tab, "LAMP-01")
    assert tab.last_cue == "error"  # a pick list first
    _scan(qtbot, tab, number.lower())
    assert tab.pick_list.number == number and tab.last_cue == "ok"
    _scan(qtbot, tab, "4006381333931")            # LAMP-01 by its barcode
    with qtbot.waitSignal(tab.scan_refused):
        _scan(qtbot, tab, "BULB-E27")             # not on this list
    assert tab.last_cue == "error" and "not on" in tab.message_label.text()
    assert "#f8c8c8" in tab.scan_edit.styleSheet()  # the red flash
    _scan(qtbot, tab, "BOOK-01")
    with qtbot.waitSignal(tab.scan_refused):
        _scan(qtbot, tab, "BOOK-01")              # one too many
    assert tab.counts == {"LAMP-01": 1, "BOOK-01": 1}

    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    assert "give a reason" in tab.message_label.text()
    tab.short_reason_edit.setText("only one on the shelf")
    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    assert "1 unit(s) short" in tab.message_label.text()
    assert tab.ship_order_edit.text() == order.number

    tab.carrier_edit.setText("DHL")
    tab.carrier_ref_edit.setText("JD00012345")
    tab.weight_edit.setText("1,5")
    qtbot.mouseClick(tab.pack_button, Qt.MouseButton.LeftButton)
    assert "packed" in tab.message_label.text()
    qtbot.mouseClick(tab.ship_button, Qt.MouseButton.LeftButton)
    assert "shipped with DHL JD00012345" in tab.message_label.text()

    assert _stock(catalog, admin, "LAMP-01") == (9, 1)
    assert _stock(catalog, admin, "BOOK-01") == (4, 0)
    stages = {tab.queue_table.item(r, 0).text(): tab.queue_table.item(r, 2).text()
              for r in range(tab.queue_table.rowCount())}
    assert stages == {order.number: "backorder"}
    assert catalog.inventory.invariant_violations() == []


def test_pick_next_and_save_the_pick_list_as_pdf(qtbot, tab, catalog, admin, customer, tmp_path):
    for _ in range(3):
        catalog.orders.place_order(admin, customer.id, [("BULB-E27", 1)])
    tab.refresh_queue()
    tab.next_spin.setValue(2)
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert len(tab.pick_list.orders) == 2
    stages = [tab.queue_table.item(r, 2).text() for r in range(tab.queue_table.rowCount())]
    assert sorted(stages) == ["picking", "picking", "waiting"]
    out = tmp_path / "pl.pdf"
    tab.save_pick_list(str(out))
    assert out.read_bytes().startswith(b"%PDF")
