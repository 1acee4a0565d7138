"""Merging a duplicate into the customer on the Orders tab (Ctrl+Shift+M): found by typing, confirmed with both
named (No is the default), refused with the reason and nothing changed, a cart on screen follows."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.order_entry import OrderEntryTab

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def manager(catalog, admin):
    catalog.auth.add_user(admin, "manager", "manager", "manager-pw")
    return catalog.auth.sign_in("manager", "manager-pw")


def _tab(qtbot, services, actor) -> OrderEntryTab:
    widget = OrderEntryTab(services, actor, JobRunner(synchronous=True))
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.customer_edit.hasFocus)
    return widget


def _find_duplicate(qtbot, tab, text: str):
    tab.activateWindow()  # offscreen, a closed message box hands the activation back to no window
    qtbot.waitUntil(lambda: tab.focusWidget() is not None and tab.focusWidget().hasFocus())
    qtbot.keyClick(tab.focusWidget(), Qt.Key.Key_M, CTRL_SHIFT)
    dialog = tab.merge_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.search_edit, text)
    qtbot.waitUntil(lambda: dialog.results.count() > 0)
    return dialog


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_ctrl_shift_m_merges_the_duplicate_after_a_confirmation_naming_both(qtbot, catalog, customer, manager,
                                                                           admin):
    s = catalog
    dup = s.customers.add_customer(admin, "A. Schmidt", ["030 1234567"], "a.schmidt@example.com")
    placed = s.orders.place_order(admin, dup.id, [("LAMP-01", 1)])
    tab = _tab(qtbot, s, manager)
    assert tab.merge_button.isVisible()
    tab.set_customer(customer)

    dialog = _find_duplicate(qtbot, tab, "030 123")
    assert dialog.results.item(0).data(Qt.ItemDataRole.UserRole).id == dup.id
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    box = tab.merge_confirm
    qtbot.waitUntil(box.isVisible)
    assert dup.number in box.text() and "A. Schmidt" in box.text()
    assert customer.number in box.text() and "Anna Schmidt" in box.text() and "cannot be undone" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.No).click()  # the answer No merges nothing
    assert s.customers.get_customer(admin, dup.id).merged_into is None
    assert tab.focusWidget() is tab.customer_edit  # back where the hands were

    dialog = _find_duplicate(qtbot, tab, "a.schmidt@")
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    tab.merge_confirm.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "Merged" in tab.message_label.text())
    assert f"Merged {dup.number} (A. Schmidt) into {customer.number} (Anna Schmidt)" in tab.message_label.text()
    assert s.customers.get_customer(admin, dup.id).merged_into == customer.id
    assert s.orders.get_order(admin, placed.number).customer_id == customer.id
    assert tab.customer.id == customer.id and "030 1234567" in tab.customer.phones


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_refused_merge_names_why_and_an_agent_is_told_who_may(qtbot, catalog, customer, manager, admin):
    s = catalog
    dup = s.customers.add_customer(admin, "Anna Schmidt (2)", ["030 1234567"])
    tab = _tab(qtbot, s, manager)
    tab.set_customer(customer)
    dialog = _find_duplicate(qtbot, tab, "030 123")
    s.customers.merge_customers(admin, customer.id, dup.id)  # merged at another workstation meanwhile
    qtbot.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    tab.merge_confirm.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "Not merged" in tab.message_label.text())
    assert f"was merged into {customer.number} already" in tab.message_label.text()

    s.auth.add_user(admin, "agent", "agent", "agent-pw")
    agent_tab = _tab(qtbot, s, s.auth.sign_in("agent", "agent-pw"))
    assert not agent_tab.merge_button.isVisible()
    agent_tab.set_customer(customer)
    qtbot.keyClick(agent_tab, Qt.Key.Key_M, CTRL_SHIFT)
    assert "needs a manager or an accountant" in agent_tab.message_label.text()
