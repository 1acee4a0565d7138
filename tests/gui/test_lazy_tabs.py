"""The main window builds a tab when it is first shown (the role's start tab at once): the others cost nothing at the
start. Shown by Alt+digit, a tab is there at once, with what the database holds then, and answers the keyboard."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from oms_desktop.gui.accounts import AccountsTab
from oms_desktop.gui.carts import CartsTab
from oms_desktop.gui.dashboard import DashboardTab
from oms_desktop.gui.inventory import InventoryTab
from oms_desktop.gui.main_window import MainWindow
from oms_desktop.gui.order_entry import OrderEntryTab
from oms_desktop.gui.service_desk import ServiceDeskPanel
from oms_desktop.gui.warehouse import WarehouseTab
from tests.gui.test_tab_keys import active_window

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
TABS = (OrderEntryTab, InventoryTab, WarehouseTab, AccountsTab, ServiceDeskPanel, CartsTab, DashboardTab)


def built(window: MainWindow) -> set[str]:
    return {cls.__name__ for cls in TABS if window.findChildren(cls)}


@pytest.mark.parametrize("role, start", [("agent", "OrderEntryTab"), ("warehouse", "WarehouseTab"),
                                         ("accountant", "AccountsTab"), ("manager", "DashboardTab")])
def test_only_the_start_tab_is_built_with_the_window(qtbot, catalog, users, role, start):
    window = active_window(qtbot, catalog, users[role])
    assert built(window) == {start}
    assert type(window.current_tab()).__name__ == start


def test_a_tab_shown_the_first_time_is_built_then_with_what_the_database_holds_and_takes_keys(qtbot, catalog, users):
    window = active_window(qtbot, catalog, users["agent"])
    catalog.catalog.create_product(users["admin"], {"sku": "NEW-01", "name": "Added after the start",
                                                    "unit_price": "5.00", "tax_rate": "0.19", "on_hand": "7"})
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    inventory = window.current_tab()
    assert isinstance(inventory, InventoryTab) and inventory.isVisible()
    assert built(window) == {"OrderEntryTab", "InventoryTab"}
    qtbot.waitUntil(lambda: _table_has(inventory, "NEW-01"), timeout=3000)  # read as it was built
    qtbot.waitUntil(lambda: window.focusWidget() is not None and inventory.isAncestorOf(window.focusWidget()),
                    timeout=3000)  # its first field has the keyboard
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.current_tab() is inventory  # built once


def test_events_reach_the_tabs_built_so_far_and_every_tab_can_be_had(qtbot, catalog, users):
    window = active_window(qtbot, catalog, users["admin"])
    window.on_events([])  # with most tabs not built
    assert built(window) == {"OrderEntryTab"}
    assert {type(w).__name__ for w in window.tab_widgets} == {cls.__name__ for cls in TABS}  # builds the rest
    assert window.carts is window.tab_widgets[5] and window.dashboard is window.tab_widgets[6]


def _table_has(tab: QWidget, text: str) -> bool:
    from PySide6.QtWidgets import QAbstractItemView
    for view in tab.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                if text in str(model.index(r, c).data() or ""):
                    return True
    return False
