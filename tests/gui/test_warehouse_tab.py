"""The warehouse tab as a clerk uses it: the queue fills itself, scan to confirm, a short pick, pack and ship."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from oms_desktop.gui import theme
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
    assert tab.scan_edit.palette().color(QPalette.ColorRole.Base) == theme.colour("bad_bg")  # the red flash
    _scan(qtbot, tab, "BOOK-01")
    with qtbot.waitSignal(tab.scan_refused):
        _scan(qtbot, tab, "BOOK-01")              # one too many
    assert tab.counts == {"LAMP-01": 1, "BOOK-01": 1}

    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    assert "give a reason" in tab.message_label.text()
    tab.short_reason_edit.setText("only one on the shelf")
    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    assert "1 unit short" in tab.message_label.text()
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


def _pick_all(qtbot, tab, catalog, admin, customer, lines_per_order):
    """Orders on one pick list, everything found and confirmed: they wait as 'picked: pack it'."""
    orders = [catalog.orders.place_order(admin, customer.id, lines) for lines in lines_per_order]
    tab.refresh_queue()
    tab.next_spin.setValue(len(orders))
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    for ln in tab.pick_list.lines:
        for _ in range(ln.quantity):
            _scan(qtbot, tab, ln.sku)
    qtbot.mouseClick(tab.confirm_button, Qt.MouseButton.LeftButton)
    return orders


def _show(qtbot, tab):
    tab.show()
    tab.activateWindow()
    qtbot.waitExposed(tab)
    tab.scan_edit.setFocus()
    qtbot.waitUntil(tab.scan_edit.hasFocus)


def test_ship_packs_a_picked_order_and_the_form_follows_the_queue(qtbot, tab, catalog, admin, customer):
    first, second = _pick_all(qtbot, tab, catalog, admin, customer, [[("LAMP-01", 1)], [("BOOK-01", 1)]])
    assert tab.ship_order_edit.text() == first.number
    qtbot.mouseClick(tab.ship_button, Qt.MouseButton.LeftButton)  # no carrier typed: Pack's own words
    assert "carrier is empty" in tab.message_label.text()
    tab.carrier_edit.setText("DHL")
    tab.carrier_ref_edit.setText("JD0001")
    qtbot.mouseClick(tab.ship_button, Qt.MouseButton.LeftButton)  # no Pack pressed
    assert f"{first.number} shipped with DHL JD0001" in tab.message_label.text()
    assert catalog.orders.get_order(admin, first.id).status == "shipped"
    assert tab.ship_order_edit.text() == second.number  # the next order to ship, selected in the queue
    assert tab.selected_order_ids() == [second.id]
    assert (tab.carrier_edit.text(), tab.carrier_ref_edit.text()) == ("DHL", "")
    tab.carrier_ref_edit.setText("JD0002")
    qtbot.mouseClick(tab.ship_button, Qt.MouseButton.LeftButton)
    assert f"{second.number} shipped" in tab.message_label.text()
    assert tab.ship_order_edit.text() == "" and tab.queue_table.rowCount() == 0  # nothing stale left on the form


def test_the_queue_filter_takes_ctrl_f_and_down_enters_the_list(qtbot, tab, catalog, admin, customer, users):
    orders = [catalog.orders.place_order(admin, customer.id, [("BULB-E27", 1)]) for _ in range(3)]
    tab.refresh_queue()
    _show(qtbot, tab)
    qtbot.keyClick(tab.scan_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.queue_filter_edit.hasFocus()
    qtbot.keyClicks(tab.queue_filter_edit, orders[1].number)
    visible = [r for r in range(tab.queue_table.rowCount()) if not tab.queue_table.isRowHidden(r)]
    assert [tab.queue_table.item(r, 0).text() for r in visible] == [orders[1].number]
    qtbot.keyClick(tab.queue_filter_edit, Qt.Key.Key_Down)
    assert tab.queue_table.hasFocus() and tab.selected_order_ids() == [orders[1].id]
    tab.queue_filter_edit.setText("waiting " + customer.name.split()[0])
    assert len([r for r in range(3) if not tab.queue_table.isRowHidden(r)]) == 3
    tab.queue_filter_edit.setText("no such thing")
    qtbot.keyClick(tab.queue_filter_edit, Qt.Key.Key_Down)
    assert "No order in the queue matches 'no such thing'" in tab.message_label.text()


def test_scanning_a_tracking_number_or_pick_list_number_opens_it(qtbot, tab, catalog, admin, customer):
    first, second = _pick_all(qtbot, tab, catalog, admin, customer, [[("LAMP-01", 1)], [("BOOK-01", 1)]])
    number = tab.pick_list.number
    tab.pick_list = None
    _scan(qtbot, tab, second.tracking_number.lower())   # the tote's label, scanned into the scan field
    assert tab.ship_order_edit.text() == second.number and tab.selected_order_ids() == [second.id]
    tab.queue_filter_edit.setText(first.tracking_number.replace("-", ""))
    qtbot.keyClick(tab.queue_filter_edit, Qt.Key.Key_Return)  # a scanner types the code, then Enter
    assert tab.ship_order_edit.text() == first.number and tab.queue_filter_edit.text() == ""
    tab.queue_filter_edit.setText(number)
    qtbot.keyClick(tab.queue_filter_edit, Qt.Key.Key_Return)
    assert tab.pick_list is not None and tab.pick_list.number == number
    bad = second.tracking_number[:-1] + ("0" if second.tracking_number[-1] != "0" else "1")
    with qtbot.waitSignal(tab.scan_refused):
        _scan(qtbot, tab, bad)  # one character misread: the check character refuses it
    assert tab.last_cue == "error" and tab.ship_order_edit.text() == first.number
    assert "check character does not match" in tab.message_label.text()


def test_tab_and_shift_tab_leave_the_pick_table(qtbot, tab, catalog, admin, customer):
    _pick_all(qtbot, tab, catalog, admin, customer, [[("LAMP-01", 1), ("BOOK-01", 1)]])
    _show(qtbot, tab)
    tab.pick_table.setFocus()
    tab.pick_table.setCurrentCell(0, 0)
    qtbot.keyClick(tab.pick_table, Qt.Key.Key_Tab)
    assert not tab.pick_table.hasFocus()
    tab.pick_table.setFocus()
    qtbot.keyClick(tab.pick_table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not tab.pick_table.hasFocus()


def test_the_tab_mnemonics_are_unique_and_clear_of_the_tabs_and_menus(tab):
    """The main window holds Alt+O/I/W/A/S (tabs), B (the manager's dashboard) and F/V/H (menus)."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel
    texts = [w.text() for w in tab.findChildren(QAbstractButton) + tab.findChildren(QLabel)]
    letters = [m.group(1).lower() for t in texts for m in [re.search(r"&([^&\s])", t)] if m]
    assert len(letters) == len(set(letters)), letters
    assert not set(letters) & set("oiwasbfvh"), letters


def test_the_queue_keeps_no_blank_band_when_a_pick_list_is_loaded(qtbot, tab, catalog, admin, customer):
    _pick_all(qtbot, tab, catalog, admin, customer, [[("LAMP-01", 1)]])
    catalog.orders.place_order(admin, customer.id, [("BOOK-01", 1)])
    tab.refresh_queue()
    header = tab.queue_table.horizontalHeader()
    assert header.sectionResizeMode(1) == header.ResizeMode.Stretch
