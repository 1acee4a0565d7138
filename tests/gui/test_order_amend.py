"""The Orders tab: express carts (Alt+X), confirming with a backorder from the shortage dialog, and amending a
confirmed order (Ctrl+E) with the reservation following."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.order_entry import OrderEntryTab
from oms_desktop.gui.order_entry.amend_dialog import QTY, AmendDialog
from oms_desktop.gui.order_entry.dialogs import ShortageDialog

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.fixture
def tab(qtbot, catalog, admin):
    catalog.auth.add_user(admin, "agent", "agent", "agent-pw")
    widget = OrderEntryTab(catalog, catalog.auth.sign_in("agent", "agent-pw"), JobRunner(synchronous=True))
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.customer_edit.hasFocus)
    widget.show_tracking = lambda order: None  # the tracking dialog is modal
    return widget


def _add(qtbot, tab, text: str) -> None:
    tab.product_edit.setFocus()
    qtbot.keyClicks(tab.product_edit, text)
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return)


def _reserved(catalog, admin, sku: str) -> int:
    return catalog.catalog.get_product(admin, sku).reserved


def test_alt_x_marks_the_cart_express_and_the_confirmed_order_keeps_it(qtbot, tab, catalog, admin):
    _add(qtbot, tab, "LAMP-01")
    qtbot.keyClick(tab, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.order.express)
    assert tab.express_check.isChecked() and "EXPRESS" in tab.order_label.text()
    qtbot.keyClick(tab, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tab.last_confirmed is not None and tab.last_confirmed.express
    assert not tab.express_check.isChecked() and not tab.express_check.isEnabled()  # the next cart starts plain
    queue = catalog.picking.queue(admin)
    assert [(i.number, i.express) for i in queue] == [(tab.last_confirmed.number, True)]


def test_the_alt_letters_of_the_orders_tab_and_its_amend_dialog_do_not_clash(tab, catalog, admin):
    def letters(widget) -> list[str]:
        texts = [w.text() for w in widget.findChildren(QAbstractButton) + widget.findChildren(QLabel)]
        return [m.group(1).lower() for t in texts for m in re.finditer(r"&([^&\s])", t.replace("&&", ""))]
    on_tab = letters(tab)
    assert on_tab.count("x") == 1 and on_tab.count("e") == 1  # Express, Amend order
    # &Name / &New customer and &Phone / &Pay now were there before (the new-customer form is mostly hidden)
    assert {x for x in on_tab if on_tab.count(x) > 1} <= {"n", "p"}
    order = catalog.orders.place_order(admin, None, [("LAMP-01", 1)])
    in_dialog = letters(AmendDialog(order, lambda *a: None, "en_US", tab))
    assert len(in_dialog) == len(set(in_dialog))


def test_the_shortage_dialog_confirms_with_a_backorder(qtbot, tab, catalog, admin):
    _add(qtbot, tab, "7*BOOK-01")
    tab.ask_shortage = lambda error: ShortageDialog.BACKORDER
    qtbot.keyClick(tab, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    order = tab.last_confirmed
    assert order is not None and order.status == "confirmed" and order.backordered == (("BOOK-01", 2),)
    assert "Backorder (waits for goods): 2 x BOOK-01" in tab.message_label.text()
    assert _reserved(catalog, admin, "BOOK-01") == 5


def test_ctrl_e_amends_the_last_confirmed_order_and_the_reservation_follows(qtbot, tab, catalog, admin):
    _add(qtbot, tab, "2*LAMP-01")
    qtbot.keyClick(tab, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    number = tab.last_confirmed.number
    tab.ask_order_number = lambda: number
    qtbot.keyClick(tab, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.amend_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.lines_table.item(0, QTY).setText("-1")
    dialog.add_line()
    dialog.lines_table.item(1, 0).setText("bulb-e27")
    dialog.lines_table.item(1, QTY).setText("0")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()  # refused, every problem named, nothing changed
    assert "quantity for LAMP-01 must be at least 0" in dialog.message_label.text()
    assert "BULB-E27 is not on" in dialog.message_label.text()
    assert _reserved(catalog, admin, "LAMP-01") == 2
    dialog.lines_table.item(0, QTY).setText("5")
    dialog.lines_table.item(1, QTY).setText("3")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert f"{number} amended: 5 x LAMP-01, 3 x BULB-E27" in tab.message_label.text()
    assert (_reserved(catalog, admin, "LAMP-01"), _reserved(catalog, admin, "BULB-E27")) == (5, 3)
    catalog.picking.create_pick_list(admin, [number])
    tab.amend_order(number)
    tab.amend_dialog.lines_table.item(0, QTY).setText("1")
    tab.amend_dialog.save()
    assert "picking has started" in tab.amend_dialog.message_label.text()
