"""The order list an agent searches (issue 16): Ctrl+Shift+F from any tab, type, Down, Enter opens the order (a cart
in the Orders tab, any other order at the service desk); the list is paged as it scrolls; bad input is named."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.main_window import MainWindow
from oms_desktop.gui.order_search import OrderListModel, OrderSearchDialog
from oms_desktop.gui.order_search import dialog as search_dialog

SQLITE = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def shop(catalog, admin, customer):
    other = catalog.customers.add_customer(admin, "Jörg Müller", ["+49 30 1234567"], "joerg@example.org")
    orders = [catalog.orders.place_order(admin, customer.id, [("LAMP-01", 1)]) for _ in range(3)]
    orders.append(catalog.orders.place_order(admin, other.id, [("BULB-E27", 2)]))
    catalog.placed = orders
    return catalog


@pytest.fixture
def window(qtbot, shop, admin):
    w = MainWindow(shop, admin, database="SQLite test.db", jobs=JobRunner(synchronous=True))
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    return w


def _search(qtbot, dialog, text: str) -> None:
    dialog.search_edit.clear()
    with qtbot.waitSignal(dialog.searched, timeout=3000):
        qtbot.keyClicks(dialog.search_edit, text)
        qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)


@SQLITE
def test_ctrl_shift_f_finds_a_callers_orders_and_enter_opens_one_at_the_service_desk(qtbot, window, shop):
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F, CTRL_SHIFT)
    dialog = window.order_search
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.search_edit.hasFocus())
    _search(qtbot, dialog, "0171 555 0100")  # Anna's phone in another format
    found = [dialog.model.order_at(r).number for r in range(dialog.model.rowCount())]
    assert found == [o.number for o in reversed(shop.placed[:3])]
    assert "3 order(s), newest first" in dialog.message_label.text()
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Down)
    assert dialog.table.hasFocus() and dialog.table.currentIndex().row() == 0
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.current_tab() is window.service_desk
    assert window.service_desk.info.order.number == found[1]
    # Ctrl+Shift+F again: the list as it was, the search field ready for the next question
    window.activateWindow()  # (offscreen, a hidden dialog hands the activation back to no window)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F, CTRL_SHIFT)
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.search_edit.hasFocus())
    assert dialog.model.rowCount() == 3 and dialog.search_edit.selectedText() == "0171 555 0100"


@SQLITE
def test_an_order_number_or_a_tracking_number_finds_one_and_enter_twice_opens_it(qtbot, window, shop):
    window.find_orders()
    dialog = window.order_search
    tn = shop.placed[3].tracking_number
    _search(qtbot, dialog, tn.lower())
    assert dialog.model.rowCount() == 1 and dialog.model.order_at(0).customer_name == "Jörg Müller"
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)  # the same search again: the one order opens
    assert window.service_desk.info.order.number == shop.placed[3].number
    window.find_orders()
    _search(qtbot, dialog, shop.placed[0].number)
    assert [dialog.model.order_at(0).number] == [shop.placed[0].number]


@SQLITE
def test_a_cart_found_opens_in_the_orders_tab(qtbot, window, shop, admin, customer):
    cart = shop.orders.create_draft(admin, customer.id)
    window.find_orders()
    dialog = window.order_search
    _search(qtbot, dialog, "anna")
    assert dialog.model.data(dialog.model.index(0, 3)) == "cart"
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert window.ui.tabs.currentIndex() == 0 and window.order_entry.order.number == cart.number


@SQLITE
def test_bad_days_are_named_in_the_screens_words_and_the_list_is_emptied(qtbot, window, shop):
    window.find_orders()
    dialog = window.order_search
    _search(qtbot, dialog, "anna")
    assert dialog.model.rowCount() == 3
    dialog.from_edit.setText("2026-02-30")
    dialog.to_edit.setText("soon")
    with qtbot.waitSignal(dialog.searched):
        qtbot.keyClick(dialog.to_edit, Qt.Key.Key_Return)
    text = dialog.message_label.text()
    assert "'From' date '2026-02-30' is not a date" in text and "'To' date 'soon' is not a date" in text
    assert dialog.model.rowCount() == 0
    dialog.from_edit.clear()
    dialog.to_edit.clear()
    with qtbot.waitSignal(dialog.searched):
        qtbot.keyClick(dialog.to_edit, Qt.Key.Key_Return)
    assert dialog.model.rowCount() == 3 and "not a date" not in dialog.message_label.text()


@SQLITE
def test_the_list_fetches_the_next_page_when_it_scrolls_to_the_end(qtbot, shop, admin, monkeypatch,
                                                                  qtmodeltester):
    monkeypatch.setattr(search_dialog, "PAGE", 2)
    dialog = OrderSearchDialog(shop, admin, JobRunner(synchronous=True))
    dialog.model.page_size = 2
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.searched):
        dialog.search()
    assert dialog.model.rowCount() == 2 and dialog.model.canFetchMore()
    qtmodeltester.check(dialog.model)
    dialog.table.scrollToBottom()
    dialog.model.fetchMore()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4)
    assert not dialog.model.canFetchMore()  # the last page was short
    numbers = [dialog.model.order_at(r).number for r in range(4)]
    assert numbers == [o.number for o in reversed(shop.placed)]
    qtmodeltester.check(dialog.model)


def test_the_model_asks_for_one_page_at_a_time(qtmodeltester):
    asked: list[int] = []
    model = OrderListModel(page_size=2, request_page=asked.append)
    model.reset([])
    assert not model.canFetchMore()
    qtmodeltester.check(model)
