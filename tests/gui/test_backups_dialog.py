"""File > Backups: managers and admins see the backups with their age, size and verification and take one now; the
window takes the day's automatic backup when it opens, once a day."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from oms_desktop.gui.backups import BackupsDialog
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.main_window import MainWindow


def _texts(dialog: BackupsDialog) -> list[list[str]]:
    m = dialog.model
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_the_dialog_lists_each_backup_with_its_age_size_and_verification(qtbot, sqlite_backend, paths):
    services = sqlite_backend.services
    services.auth.add_user(None, "admin", "admin", "admin-pw")
    admin = services.auth.sign_in("admin", "admin-pw")
    now = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
    services.backups.clock = lambda: now - timedelta(days=3)
    assert services.backups.auto_backup() is not None
    services.backups.clock = lambda: now - timedelta(hours=2)
    services.backups.back_up(admin)
    dialog = BackupsDialog(services, admin, JobRunner(synchronous=True), clock=lambda: now)
    qtbot.addWidget(dialog)
    rows = _texts(dialog)
    assert [r[1:3] for r in rows] == [["2 h", "by hand"], ["3 days", "daily (automatic)"]]
    assert all(r[3].endswith("kB") and r[4] == "verified" for r in rows)
    assert "2 backups; the newest is 2 h old" in dialog.summary.text()

    services.backups.clock = lambda: now
    with qtbot.waitSignal(dialog.refreshed):
        dialog.backup_button.click()
    rows = _texts(dialog)
    assert len(rows) == 3 and rows[0][1:3] == ["just now", "by hand"] and rows[0][4] == "verified"
    assert len(list(paths.backups.glob("oms-manual-*.db"))) == 2


@pytest.mark.parametrize("role, offered", [("agent", False), ("warehouse", False), ("accountant", False),
                                           ("manager", True), ("admin", True)])
def test_the_file_menu_offers_backups_to_managers_and_admins(qtbot, services, users, role, offered):
    window = MainWindow(services, users[role], database="test", jobs=JobRunner(synchronous=True))
    qtbot.addWidget(window)
    assert (window.ui.file_menu.actions().count(getattr(window, "backups_action", None)) == 1) is offered


def test_the_window_takes_the_days_backup_once(qtbot, sqlite_backend, paths):
    services = sqlite_backend.services
    services.auth.add_user(None, "admin", "admin", "admin-pw")
    admin = services.auth.sign_in("admin", "admin-pw")
    for _ in range(2):
        window = MainWindow(services, admin, database="test", jobs=JobRunner(synchronous=True), daily_backup=True)
        qtbot.addWidget(window)
    assert len(list(paths.backups.glob("oms-auto-*.db"))) == 1
    assert "Daily backup taken" not in window.statusBar().currentMessage()  # the second window found today's
