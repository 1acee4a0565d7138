"""F1 shows the current tab's own keyboard map, read from its actions and shortcuts and the window's (issue 17): a key
added to a tab is in that tab's map and no other, and every key in a map says what it does."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.keyboard_map import keyboard_map
from oms_desktop.gui.main_window import MainWindow

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def window_for(qtbot, services, actor) -> MainWindow:
    window = MainWindow(services, actor, database="test", jobs=JobRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    return window


def keys_of(rows) -> dict[str, str]:
    return {key: what for keys, what in rows for key in keys.split(" / ")}


def test_a_shortcut_added_to_a_tab_appears_in_that_tabs_map_only(qtbot, catalog, users):
    window = window_for(qtbot, catalog, users["admin"])
    inventory = window.ui.tabs.indexOf(window._page_of(next(
        w for w in window.tab_widgets if type(w).__name__ == "InventoryTab")))
    window.ui.tabs.setCurrentIndex(inventory)
    tab = window.current_tab()
    assert "Ctrl+Shift+Y" not in keys_of(keyboard_map(window))
    QShortcut(QKeySequence("Ctrl+Shift+Y"), tab, whatsThis="count the yellow lamps")
    action = QAction("&Weigh the parcel", tab)
    action.setShortcut(QKeySequence("Ctrl+Shift+W"))
    tab.addAction(action)
    rows = keys_of(keyboard_map(window))
    assert rows["Ctrl+Shift+Y"] == "count the yellow lamps"
    assert rows["Ctrl+Shift+W"] == "Weigh the parcel"
    assert rows["Ctrl+J"] == "adjust stock of the selected product"  # the tab's own
    assert rows["Ctrl+3"] == "the Warehouse tab" and rows["F5"] == "Refresh"  # and the window's
    window.ui.tabs.setCurrentIndex(0)
    orders = keys_of(keyboard_map(window))
    assert "Ctrl+Shift+Y" not in orders and "Ctrl+Shift+W" not in orders and "Ctrl+J" not in orders
    assert "Ctrl+R" in orders


def test_f1_opens_the_current_tabs_map(qtbot, catalog, users):
    window = window_for(qtbot, catalog, users["warehouse"])
    window.ui.action_keyboard_help.trigger()
    dialog = window.keyboard_help_dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Keyboard map: Warehouse"
    assert "make a pick list of the selected orders" in dialog.findChild(type(window.database_label)).text()


@pytest.mark.parametrize("role", ["agent", "counter", "manager", "warehouse", "accountant", "admin"])
def test_every_key_in_every_tabs_map_says_what_it_does(qtbot, catalog, users, role):
    window = window_for(qtbot, catalog, users[role])
    for i in range(window.ui.tabs.count()):
        window.ui.tabs.setCurrentIndex(i)
        rows = keyboard_map(window)
        assert all(what.strip() for _keys, what in rows), (role, window.ui.tabs.tabText(i), rows)
        assert keys_of(rows)["F1"] and keys_of(rows)[f"Ctrl+{i + 1}"]
