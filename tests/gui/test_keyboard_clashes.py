"""No two things on one screen answer the same key (issue 16: Alt+N and Alt+P on the Orders tab did nothing while
the new-customer form was open; Alt+O meant the Orders tab and Open carts). Every tab of every role, as shown, is
checked: the menu bar's and the tab bar's Alt+letters, the visible buttons' and labels' mnemonics, and the
shortcuts of the window and of the current tab. The keyboard help names as many tabs as there are."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QMenuBar, QTabBar, QWidget

from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.main_window import MainWindow
from oms_desktop.gui.order_entry.dialogs import keyboard_rows

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return f"Alt+{found.group(1).upper()}" if found else None


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isEnabled()


def _action_live(action: QAction, window: QWidget, page: QWidget) -> bool:
    """An action's shortcut works while a widget it is in is shown: the menu bar's menus (their own menu action in
    the bar), or a widget of the window or the current tab."""
    for obj in action.associatedObjects():
        if isinstance(obj, QMenu):
            if obj.menuAction() is not action and _action_live(obj.menuAction(), window, page):
                return True
        elif isinstance(obj, QMenuBar):
            return True
        elif isinstance(obj, QWidget) and _shown(obj, window) and (obj is window or page is obj
                                                                    or page.isAncestorOf(obj)):
            return True
    return False


def keys_in_use(window: MainWindow) -> Counter:
    """Every key the window answers as it is now, with the number of things answering it."""
    used: Counter = Counter()
    for action in window.menuBar().actions():
        used[mnemonic(action.text())] += 1
    tabs = window.ui.tabs
    for i in range(tabs.count()):
        used[mnemonic(tabs.tabText(i))] += 1
    page = tabs.currentWidget()
    for bar in window.findChildren(QTabBar):  # tabs within a tab (the Accounts tab's views)
        if bar is not tabs.tabBar() and _shown(bar, window):
            for i in range(bar.count()):
                used[mnemonic(bar.tabText(i))] += 1
    for w in window.findChildren(QWidget):
        if not _shown(w, window):
            continue
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None) or \
                (isinstance(w, QGroupBox) and w.isCheckable()):
            used[mnemonic(w.text() if not isinstance(w, QGroupBox) else w.title())] += 1
    for sc in window.findChildren(QShortcut):
        owner = sc.parent()
        if not sc.isEnabled() or not isinstance(owner, QWidget) or not _shown(owner, window):
            continue
        if sc.context() == Qt.ShortcutContext.WidgetShortcut:
            continue  # only while that one widget has the focus (Delete on the lines table)
        if sc.context() == Qt.ShortcutContext.WidgetWithChildrenShortcut and owner not in (page, window.current_tab()):
            continue  # only while the focus is in a part of the tab (a chart, a report)
        if owner is not window and not (page is owner or page.isAncestorOf(owner)):
            continue
        used[sc.key().toString(QKeySequence.SequenceFormat.PortableText)] += 1
    for action in window.findChildren(QAction):
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            continue  # only while its widget has the focus (a chart's Ctrl+S)
        if action.isEnabled() and _action_live(action, window, page):
            for key in action.shortcuts():
                used[key.toString(QKeySequence.SequenceFormat.PortableText)] += 1
    used.pop(None, None)
    return used


def clashes(window: MainWindow) -> dict[str, int]:
    return {k: n for k, n in keys_in_use(window).items() if n > 1}


@pytest.mark.parametrize("role", ["agent", "counter", "manager", "warehouse", "accountant", "admin"])
def test_no_key_means_two_things_on_any_tab(qtbot, catalog, users, role):
    window = MainWindow(catalog, users[role], database="test", jobs=JobRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    for i in range(window.ui.tabs.count()):
        window.ui.tabs.setCurrentIndex(i)
        assert clashes(window) == {}, (role, window.ui.tabs.tabText(i))
    if window.order_entry is not None:  # the new-customer form open (Ctrl+N) brings its own letters
        window.ui.tabs.setCurrentIndex(0)
        window.order_entry.start_new_customer()
        assert window.order_entry.new_customer_box.isVisibleTo(window)
        assert clashes(window) == {}, (role, "new customer")


@pytest.mark.parametrize("role", ["agent", "manager"])
def test_the_keyboard_help_names_as_many_tabs_as_the_window_has(qtbot, catalog, users, role):
    window = MainWindow(catalog, users[role], database="test", jobs=JobRunner(synchronous=True))
    qtbot.addWidget(window)
    n = window.ui.tabs.count()
    rows = dict(keyboard_rows(window.order_entry))
    assert f"Alt+1..{n}" in rows, rows
    letters = rows[f"Alt+1..{n}"]
    assert "Alt+O Orders" in letters and ("Alt+B Dashboard" in letters) is (role == "manager")
