"""One keyboard map (issue 17): tabs switch with Ctrl+1..N as with Alt+1..N, and with Ctrl+PgDn / Ctrl+PgUp; on the
dashboard those keys turn its own pages first while the focus is in it, then go on to the neighbouring tab."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.main_window import MainWindow

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
CTRL = Qt.KeyboardModifier.ControlModifier


def active_window(qtbot, services, actor) -> MainWindow:
    window = MainWindow(services, actor, database="test", jobs=JobRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def press(qtbot, window: MainWindow, key, modifier=CTRL) -> None:
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def test_ctrl_digits_switch_the_tabs(qtbot, catalog, users):
    window = active_window(qtbot, catalog, users["admin"])
    tabs = window.ui.tabs
    assert tabs.count() == 7
    for n in (2, 7, 4, 1, 6):
        press(qtbot, window, getattr(Qt.Key, f"Key_{n}"))
        assert tabs.currentIndex() == n - 1


def test_ctrl_page_keys_walk_the_tabs_round(qtbot, catalog, users):
    window = active_window(qtbot, catalog, users["agent"])
    tabs = window.ui.tabs
    tabs.setCurrentIndex(0)
    seen = []
    for _ in range(tabs.count()):
        press(qtbot, window, Qt.Key.Key_PageDown)
        seen.append(tabs.currentIndex())
    assert seen == [*range(1, tabs.count()), 0]
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert tabs.currentIndex() == tabs.count() - 1


def test_on_the_dashboard_ctrl_page_keys_turn_its_pages_first(qtbot, catalog, users):
    window = active_window(qtbot, catalog, users["manager"])
    tabs, dashboard = window.ui.tabs, window.dashboard
    assert window.current_tab() is dashboard and dashboard.pages.currentIndex() == 0
    dashboard.sales_chart.view.setFocus()
    qtbot.waitUntil(dashboard.sales_chart.view.hasFocus)
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert window.current_tab() is dashboard and dashboard.pages.currentWidget() is dashboard.report
    qtbot.waitUntil(dashboard.report.by_combo.hasFocus)
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert window.current_tab() is dashboard and dashboard.pages.currentIndex() == 0
    press(qtbot, window, Qt.Key.Key_PageUp)  # the first page: on to the tab before
    assert tabs.currentIndex() == tabs.indexOf(window._page_of(dashboard)) - 1
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert window.current_tab() is dashboard
