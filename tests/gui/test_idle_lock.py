"""Issue 19: the workstation locks after the company's ``lock_after_minutes`` without a key or a click; only the
signed-in user's password (or signing out) leaves the lock, and what was on screen is still there."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]


@pytest.fixture
def window(qtbot, catalog, admin, window_settings):
    catalog.auth.add_user(admin, "agent", "agent", "agent-pw-1")
    catalog.settings.set(admin, "lock_after_minutes", "1")
    agent = catalog.auth.sign_in("agent", "agent-pw-1")
    w = MainWindow(catalog, agent, database="test", jobs=JobRunner(synchronous=True), settings=window_settings)
    qtbot.addWidget(w)
    w.show()
    return w


def test_an_idle_window_locks_and_only_the_users_password_unlocks_it_with_the_screen_as_it_was(qtbot, window):
    lock = window.idle_lock
    assert lock.minutes == 1 and lock.timer.interval() == 60_000 and lock.timer.isActive()
    entry = window.order_entry
    entry.product_edit.setText("3*LAMP-01")                     # half-typed when the user walked away
    lock.timer.setInterval(50)
    lock.timer.start()
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
    dialog = lock.dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)                   # Escape does not unlock
    assert lock.is_locked
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert lock.is_locked and "wrong password" in dialog.error_label.text()
    dialog.password_edit.setText("agent-pw-1")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert not lock.is_locked and lock.timer.isActive()
    assert entry.product_edit.text() == "3*LAMP-01"


def test_keys_and_clicks_keep_it_unlocked_and_sign_out_leaves_the_lock(qtbot, window):
    lock = window.idle_lock
    lock.timer.setInterval(400)
    lock.timer.start()
    for _ in range(4):                                          # someone working: 4 x 150 ms > 400 ms, no lock
        qtbot.wait(150)
        qtbot.keyClick(window.order_entry.product_edit, Qt.Key.Key_A)
    assert not lock.is_locked
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
    with qtbot.waitSignal(window.sign_out_requested, timeout=2000):
        lock.dialog.sign_out_button.click()
    assert not lock.is_locked


def test_the_setting_is_checked_and_zero_never_locks(qtbot, services, admin, window_settings):
    from oms_desktop.domain.errors import ValidationFailed
    with pytest.raises(ValidationFailed, match="from 0 \\(never\\) to 480"):
        services.settings.set(admin, "lock_after_minutes", "ten")
    services.settings.set(admin, "lock_after_minutes", "0")
    w = MainWindow(services, admin, database="test", jobs=JobRunner(synchronous=True), settings=window_settings)
    qtbot.addWidget(w)
    assert w.idle_lock.minutes == 0 and not w.idle_lock.timer.isActive()
