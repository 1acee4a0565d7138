"""The window fits the screen on a first start and comes back as each user left it (issue 17, "The window fits")."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.main_window import MainWindow

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)

LAPTOP = QRect(0, 0, 1366, 728)  # a 1,366 x 768 screen less a 40 px task bar


@pytest.fixture
def laptop(monkeypatch):
    monkeypatch.setattr(MainWindow, "available_area", lambda self: QRect(LAPTOP))


def open_window(qtbot, services, actor, settings) -> MainWindow:
    window = MainWindow(services, actor, database="test", jobs=JobRunner(synchronous=True), settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_first_start_fits_the_available_area_of_a_1366_by_768_screen(qtbot, services, admin, laptop,
                                                                        window_settings):
    window = open_window(qtbot, services, admin, window_settings)
    assert LAPTOP.contains(window.geometry()), window.geometry()
    assert window.width() >= 1200 and window.height() >= 600  # the room there is, used
    assert LAPTOP.contains(window.statusBar().mapTo(window, window.statusBar().rect().bottomRight())
                           + window.geometry().topLeft())


def test_the_same_user_gets_the_size_back_and_another_user_their_own(qtbot, services, users, laptop,
                                                                     window_settings):
    window = open_window(qtbot, services, users["agent"], window_settings)
    window.activity_dock.setVisible(False)
    window.setGeometry(QRect(60, 40, 1260, 650))
    assert window.width() == 1260
    window.close()
    again = open_window(qtbot, services, users["agent"], window_settings)
    assert (again.width(), again.height()) == (1260, 650)
    assert not again.activity_dock.isVisible()
    other = open_window(qtbot, services, users["manager"], window_settings)
    assert (other.width(), other.height()) != (1260, 650)
    assert LAPTOP.contains(other.geometry())
    assert other.activity_dock.isVisible()


def test_a_saved_size_larger_than_the_screen_now_is_brought_inside_it(qtbot, services, admin, monkeypatch,
                                                                      window_settings):
    monkeypatch.setattr(MainWindow, "available_area", lambda self: QRect(0, 0, 2560, 1400))
    window = open_window(qtbot, services, admin, window_settings)
    window.setGeometry(QRect(900, 300, 1600, 1000))
    window.close()
    monkeypatch.setattr(MainWindow, "available_area", lambda self: QRect(LAPTOP))
    again = open_window(qtbot, services, admin, window_settings)
    assert LAPTOP.contains(again.geometry()), again.geometry()


def test_the_activity_panel_toggles_with_ctrl_shift_a(qtbot, services, users, window_settings):
    window = open_window(qtbot, services, users["manager"], window_settings)
    toggle = window.activity_dock.toggleViewAction()
    assert toggle.shortcut().toString() == "Ctrl+Shift+A" and toggle in window.ui.view_menu.actions()
    assert window.activity_dock.isVisible()
    toggle.trigger()
    assert not window.activity_dock.isVisible()


@pytest.mark.parametrize("role", ["agent", "counter", "manager", "warehouse", "accountant", "admin"])
def test_at_1366_by_768_every_tab_of_every_role_is_inside_the_window(qtbot, services, users, laptop, role,
                                                                     window_settings):
    from PySide6.QtWidgets import QWidget
    window = open_window(qtbot, services, users[role], window_settings)
    assert LAPTOP.contains(window.geometry()), (role, window.geometry())
    for i in range(window.ui.tabs.count()):
        window.ui.tabs.setCurrentIndex(i)
        qtbot.wait(10)
        for w in window.findChildren(QWidget):
            if w.isVisible() and w.isWindow() is False and w.parentWidget() is not None \
                    and w.parentWidget().isVisible():
                corner = w.mapTo(window, w.rect().bottomRight())
                assert window.rect().contains(corner) or not w.parentWidget().rect().contains(
                    w.geometry().bottomRight()), (role, window.ui.tabs.tabText(i), w.objectName() or type(w))
