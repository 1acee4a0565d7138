"""The main window is active again after any dialog of its own closes (``widgets.dialogs.KeepsActivation``): with no
window manager (Xvfb, a kiosk, and Qt's offscreen platform alike) nothing else activates it, and Qt fires shortcuts
only in the active window. Seen by hand under Xvfb on the inventory's, warehouse's and carts board's dialogs (only
Accounts and Order entry activated their window themselves)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMainWindow, QVBoxLayout, QWidget

from oms_desktop.gui.widgets.dialogs import KeepsActivation

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot):
    """A main window with a tab-like page, shown and active, keeping its activation."""
    w = QMainWindow()
    page = QWidget()
    QVBoxLayout(page).addWidget(QLineEdit())
    w.setCentralWidget(page)
    qtbot.addWidget(w)
    KeepsActivation(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    return w


def _dialog(parent: QWidget) -> QDialog:
    d = QDialog(parent)
    QVBoxLayout(d).addWidget(QLineEdit())
    return d


def test_the_window_is_active_again_after_a_dialog_a_page_opened_closes(qtbot, window):
    d = _dialog(window.centralWidget())  # opened by a tab, not by the window itself
    d.show()
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d)
    d.accept()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def test_the_window_is_active_again_after_a_modal_dialog(qtbot, window):
    d = _dialog(window.centralWidget())
    QTimer.singleShot(100, d.reject)
    d.exec()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def test_focus_leaving_a_dialog_that_stays_open_takes_nothing_from_it(qtbot, window, monkeypatch):
    """The focus leaving for another program: the dialog is still on screen, so the window is not activated."""
    d = _dialog(window.centralWidget())
    d.show()
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d)
    calls: list[int] = []
    monkeypatch.setattr(window, "activateWindow", lambda: calls.append(1))
    QApplication.focusWidget().clearFocus()
    qtbot.wait(50)
    assert calls == [] and d.isVisible()


def test_another_windows_dialog_does_not_activate_this_window(qtbot, window, monkeypatch):
    other = QMainWindow()
    qtbot.addWidget(other)
    other.show()
    d = _dialog(other)
    d.show()
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d)
    calls: list[int] = []
    monkeypatch.setattr(window, "activateWindow", lambda: calls.append(1))
    d.accept()
    qtbot.wait(50)
    assert calls == []


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_main_window_is_active_again_after_a_dialog_of_any_tab(qtbot, services, users):
    from oms_desktop.gui.jobs import JobRunner
    from oms_desktop.gui.main_window import MainWindow
    main = MainWindow(services, users["manager"], database="test", jobs=JobRunner(synchronous=True))
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    for i in range(main.ui.tabs.count()):
        d = _dialog(main.ui.tabs.widget(i))
        QTimer.singleShot(50, d.reject)
        d.exec()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=2000)
