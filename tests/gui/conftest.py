"""Fixtures the GUI modules share."""
from __future__ import annotations

import pytest

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from oms_desktop.gui.accounts import AccountsTab
from oms_desktop.gui.jobs import JobRunner


@pytest.fixture(autouse=True)
def no_unanswered_file_dialogs(monkeypatch):
    """A file dialog nobody answers would wait forever (offscreen, no user): a test that reaches one fails at once.
    Tests that mean to answer one patch the dialog function their module calls, after this fixture ran."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("the code under test opened a file dialog that this test does not answer")

    for name in ("getSaveFileName", "getOpenFileName", "getOpenFileNames", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse))


@pytest.fixture
def window_settings(tmp_path) -> QSettings:
    """A settings file of the test's own for the main window's size and layout."""
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def no_real_window_settings(monkeypatch, tmp_path):
    """A main window made without settings of its own keeps its layout in the test's folder, never in the user's."""
    from oms_desktop.gui import main_window
    monkeypatch.setattr(main_window, "default_settings",
                        lambda: QSettings(str(tmp_path / "default-window.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def accounts_tab(qtbot, catalog, admin) -> AccountsTab:
    """The accounts tab on the sample catalog, shown, its jobs run synchronously."""
    widget = AccountsTab(catalog, admin, JobRunner(synchronous=True))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitSignal(widget.refreshed, timeout=3000)
    return widget


@pytest.fixture(autouse=True)
def no_real_folder_settings(monkeypatch, tmp_path):
    """Save dialogs remember their folders in the test's folder, never in the user's."""
    from oms_desktop.gui.widgets import save_dialogs
    monkeypatch.setattr(save_dialogs, "folder_settings",
                        lambda: QSettings(str(tmp_path / "folders.ini"), QSettings.Format.IniFormat))


@pytest.fixture(autouse=True)
def no_real_printer_settings(monkeypatch, tmp_path):
    """Print previews remember their printers in the test's folder, never in the user's."""
    from oms_desktop.gui.widgets import print_preview
    monkeypatch.setattr(print_preview, "printer_settings",
                        lambda: QSettings(str(tmp_path / "printers.ini"), QSettings.Format.IniFormat))
