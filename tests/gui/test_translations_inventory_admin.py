"""Issue 19, languages: the Inventory and Dashboard tabs and the administrator's dialogs (settings, users, audit
trail, change password) speak German when German is installed. Each screen is built in English and in German in a
state that shows its strings (messages, labels that change, tables with headers); a string that reads the same in
both and is not on the list of words German shares with English was left out of the translation. And the Alt+letters
of each dialog stay unique in German, where the words (and so the letters) are new."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QWidget

from oms_desktop.gui.admin.audit_dialog import ENTITIES, AuditDialog
from oms_desktop.gui.admin.settings_dialog import SettingsDialog
from oms_desktop.gui.admin.users_dialog import ChangePasswordDialog, UsersDialog
from oms_desktop.gui.jobs import JobRunner
from tests.helpers.translations import compare, language

from .test_dialog_mnemonics import dialog_mnemonics

pytestmark = [pytest.mark.gui, pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]

#: the audit trail's entity filter offers the codes its Entity column shows (data, like the actions: "order.confirm")
AUDIT_CODES = tuple(e for e in ENTITIES if e)


def kept(qtbot, make: Callable[[], QWidget]) -> Callable[[], QWidget]:
    """``make`` whose widgets live until the test ends (compare builds one per language)."""
    def build() -> QWidget:
        widget = make()
        qtbot.addWidget(widget)
        return widget
    return build


def german_clashes(qtbot, make: Callable[[], QDialog]) -> dict[str, int]:
    """The Alt+letters two things answer in the German dialog."""
    with language("de"):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        used = dialog_mnemonics(dialog)
        dialog.hide()
    assert used, "the walk found no Alt+letter at all"
    return {k: n for k, n in used.items() if n > 1}


# ---- administration -------------------------------------------------------------------------------------------------
def test_the_settings_dialog_is_german(qtbot, services, admin):
    jobs = JobRunner(synchronous=True)
    assert compare(kept(qtbot, lambda: SettingsDialog(services, admin, jobs))) == []
    with language("de"):
        dialog = SettingsDialog(services, admin, jobs)
        qtbot.addWidget(dialog)
        # the choices show German words, the stored value stays the code
        assert dialog.fields["prices_include_tax"].currentText() == "nein" and dialog.value("tax_rounding") == "line"
        assert dialog.fields["default_channel"].itemText(0) != "counter"


def test_the_users_dialog_is_german_with_its_messages(qtbot, services, admin):
    jobs = JobRunner(synchronous=True)
    services.auth.add_user(admin, "tom", "agent", "tom-secret-1")
    services.auth.deactivate(admin, "tom")

    def added() -> UsersDialog:
        dialog = UsersDialog(services, admin, jobs)
        dialog.username_edit.setText(f"user{len(services.auth.list_users(admin))}")
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("warehouse"))
        dialog.password_edit.setText("warehouse-secret-1")
        dialog.add_button.click()                       # "Added user2 (warehouse)." in the message line
        dialog.refresh(select="tom")                    # a deactivated user: the button says Activate
        return dialog

    assert compare(kept(qtbot, added)) == []
    with language("de"):
        dialog = UsersDialog(services, admin, jobs)
        qtbot.addWidget(dialog)
        dialog.refresh(select="tom")
        row = dialog.view.currentIndex().row()
        assert (dialog.model.index(row, 2).data(), dialog.model.index(row, 3).data()) == ("Agent", "deaktiviert")
        assert dialog.active_button.text() == "&Aktivieren"


def test_the_change_password_dialog_is_german(qtbot, services, admin):
    def refused() -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(services, admin, JobRunner(synchronous=True))
        dialog.new_edit.setText("brand-new-pw")
        dialog.repeat_edit.setText("brand-new-px")
        dialog.change()                                  # "The two new passwords differ..."
        return dialog

    assert compare(kept(qtbot, refused)) == []


def test_the_audit_viewer_is_german_with_its_pages_and_refusals(qtbot, services, admin, tmp_path):
    services.auth.add_user(admin, "tom", "agent", "tom-secret-1")
    settings = QSettings(str(tmp_path / "export.ini"), QSettings.Format.IniFormat)

    def searched() -> AuditDialog:
        dialog = AuditDialog(services, admin, JobRunner(synchronous=True), settings=settings)
        dialog.from_edit.setText("3.4.2026")
        dialog.search_button.click()                     # the dialog's own refusal: "From '3.4.2026' is not a day"
        return dialog

    assert compare(kept(qtbot, searched), data=AUDIT_CODES) == []
    with language("de"):
        dialog = searched()
        qtbot.addWidget(dialog)
        assert "Von '3.4.2026' ist kein Tag" in dialog.error_label.text()
        assert dialog.page_label.text().startswith("Seite 1: ")


@pytest.mark.parametrize("name", ["settings", "users", "change password", "audit"])
def test_the_admin_dialogs_alt_letters_stay_unique_in_german(qtbot, services, admin, name):
    jobs = JobRunner(synchronous=True)
    make = {"settings": lambda: SettingsDialog(services, admin, jobs), "users": lambda: UsersDialog(services, admin, jobs),
            "change password": lambda: ChangePasswordDialog(services, admin, jobs),
            "audit": lambda: AuditDialog(services, admin, jobs)}[name]
    assert german_clashes(qtbot, make) == {}
