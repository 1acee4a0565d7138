"""File > Users, Settings, Audit trail (issue 19): the dialogs call the same services as ``oms user``, ``oms
settings`` and ``oms audit``, show a refusal in their own words and change nothing then."""
from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from oms_desktop.gui.admin.audit_dialog import AuditDialog
from oms_desktop.gui.admin.settings_dialog import SettingsDialog
from oms_desktop.gui.admin.users_dialog import ChangePasswordDialog, UsersDialog
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]


def settings_of(services, admin) -> dict[str, str]:
    return {s.key: s.value for s in services.settings.list(admin)}


def test_the_settings_dialog_stores_valid_values_and_refuses_a_wrong_iban_storing_nothing(qtbot, services, admin):
    dialog = SettingsDialog(services, admin, JobRunner(synchronous=True))
    qtbot.addWidget(dialog)
    assert dialog.value("currency") == "EUR" and dialog.value("tax_rounding") == "line"
    before = settings_of(services, admin)
    dialog.fields["company_name"].setText("Leuchten Berlin GmbH")
    dialog.fields["bank_account"].setText("DE89 3704 0044 0532 0130 01")  # one digit off
    dialog.fields["locale"].setText("xx_XX")
    dialog.save_button.click()
    text = dialog.error_label.text()
    assert "bank account: 'DE89 3704 0044 0532 0130 01' is not an IBAN: its check digits are wrong" in text
    assert "locale 'xx_XX' does not exist" in text
    assert settings_of(services, admin) == before and dialog.result() == 0  # nothing stored, still open

    dialog.fields["bank_account"].setText("DE89370400440532013000")
    dialog.fields["locale"].setText("de_DE")
    dialog.fields["vat_id"].setText("DE136695976")
    dialog.set_value("tax_rounding", "document")
    dialog.save_button.click()
    after = settings_of(services, admin)
    assert (after["company_name"], after["bank_account"], after["locale"], after["vat_id"], after["tax_rounding"]) \
        == ("Leuchten Berlin GmbH", "DE89 3704 0044 0532 0130 00", "de_DE", "DE136695976", "document")
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert services.company.get().name == "Leuchten Berlin GmbH"


def test_a_setting_someone_else_changed_since_the_dialog_opened_is_refused_naming_them(qtbot, services, admin):
    """Issue 18: settings carry a version per key; saving over a colleague's change is refused with who and when,
    nothing stored, the dialog open with what was typed; a key nobody else touched saves."""
    services.auth.add_user(admin, "bob", "manager", "bob-pw-long", "Bob Builder")
    bob = services.auth.sign_in("bob", "bob-pw-long")
    dialog = SettingsDialog(services, admin, JobRunner(synchronous=True))
    qtbot.addWidget(dialog)
    services.settings.set(bob, "company_name", "Bob's Lamps")             # on another workstation, meanwhile
    dialog.fields["company_name"].setText("Ada's Lamps")
    dialog.fields["payment_terms_days"].setText("30")
    dialog.save_button.click()
    text = dialog.error_label.text()
    assert "company_name was changed by Bob Builder" in text and "nothing was saved" in text
    assert dialog.result() == 0 and dialog.value("company_name") == "Ada's Lamps"
    stored = settings_of(services, admin)
    assert stored["company_name"] == "Bob's Lamps" and stored["payment_terms_days"] != "30"

    dialog.fields["company_name"].setText("Bob's Lamps")                  # left as Bob made it: no conflict
    dialog.loaded["company_name"] = "Bob's Lamps"
    dialog.save_button.click()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert settings_of(services, admin)["payment_terms_days"] == "30"


def test_the_users_dialog_adds_locks_out_unlocks_and_keeps_the_last_admin(qtbot, services, admin):
    dialog = UsersDialog(services, admin, JobRunner(synchronous=True))
    qtbot.addWidget(dialog)
    assert [u.username for u in dialog.model.rows] == ["admin"]
    dialog.active_button.click()  # the only admin deactivating themself
    assert "admin is the last active administrator" in dialog.error_label.text()
    assert services.auth.list_users(admin)[0].active

    dialog.username_edit.setText("tom")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("agent"))
    dialog.password_edit.setText("password1")
    dialog.add_button.click()
    assert "most common passwords" in dialog.error_label.text()
    dialog.username_edit.setText("tom")
    dialog.password_edit.setText("tom-secret-1")
    dialog.add_button.click()
    assert dialog.error_label.text() == "Added tom (agent)." and dialog.selected().username == "tom"

    for _ in range(5):
        with pytest.raises(Exception, match="wrong password"):
            services.auth.sign_in("tom", "not-his")
    dialog.refresh(select="tom")
    assert dialog.model.data(dialog.model.index(dialog.view.currentIndex().row(), 3)).startswith("locked until")
    dialog.unlock_button.click()
    assert dialog.error_label.text() == "Unlocked tom." and services.auth.sign_in("tom", "tom-secret-1")
    dialog.active_button.click()
    assert "Deactivated tom" in dialog.error_label.text() and dialog.active_button.text() == "&Activate"
    assert [u.active for u in services.auth.list_users(admin) if u.username == "tom"] == [False]


def test_changing_ones_own_password_needs_the_current_one(qtbot, services, admin):
    dialog = ChangePasswordDialog(services, admin, JobRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.current_edit.setText("wrong-one")
    dialog.new_edit.setText("brand-new-pw")
    dialog.repeat_edit.setText("brand-new-pw")
    dialog.change()
    assert "current password is wrong" in dialog.error_label.text()
    dialog.current_edit.setText("admin-pw")
    dialog.repeat_edit.setText("brand-new-px")
    dialog.change()
    assert "differ" in dialog.error_label.text()
    dialog.repeat_edit.setText("brand-new-pw")
    dialog.change()
    assert dialog.result() == ChangePasswordDialog.DialogCode.Accepted
    assert services.auth.sign_in("admin", "brand-new-pw").username == "admin"


def test_the_audit_viewer_filters_pages_and_exports_csv(qtbot, services, admin, tmp_path, monkeypatch):
    services.auth.add_user(admin, "tom", "agent", "tom-secret-1")
    services.auth.deactivate(admin, "tom")
    services.settings.set(admin, "company_name", "Leuchten AG")
    settings = QSettings(str(tmp_path / "export.ini"), QSettings.Format.IniFormat)
    dialog = AuditDialog(services, admin, JobRunner(synchronous=True), settings=settings)
    qtbot.addWidget(dialog)
    assert [r.action for r in dialog.model.rows][:2] == ["settings.update", "user.deactivate"]
    dialog.entity_combo.setCurrentText("user")
    dialog.action_edit.setText("user.deac")
    dialog.search_button.click()
    assert [(r.action, r.username) for r in dialog.model.rows] == [("user.deactivate", "admin")]
    dialog.from_edit.setText("3.4.2026")
    dialog.search_button.click()
    assert "From '3.4.2026' is not a day as YYYY-MM-DD" in dialog.error_label.text()
    dialog.from_edit.setText("2999-01-01")
    dialog.search_button.click()
    assert dialog.model.rows == [] and not dialog.next_button.isEnabled()

    dialog.from_edit.clear()
    dialog.action_edit.clear()
    target = tmp_path / "out" / "audit"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialog.export_button.click()
    with open(tmp_path / "out" / "audit.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][:4] == ["Id", "When", "User", "Action"]
    assert [r[3] for r in rows[1:]] == ["user.deactivate", "user.add", "user.add"]
    assert "Saved 3 rows" in dialog.error_label.text()
    assert settings.value("export/last_folder") == str(tmp_path / "out")


def test_the_file_menu_offers_what_the_role_may_do(qtbot, services, admin, window_settings):
    services.auth.add_user(admin, "mona", "manager", "mona-secret-1")
    services.auth.add_user(admin, "kim", "warehouse", "kim-secret-1")
    shown = {}
    for who, password in (("admin", "admin-pw"), ("mona", "mona-secret-1"), ("kim", "kim-secret-1")):
        w = MainWindow(services, services.auth.sign_in(who, password), database="test",
                       jobs=JobRunner(synchronous=True), settings=window_settings)
        qtbot.addWidget(w)
        shown[who] = sorted(w.admin_actions)
    assert shown == {"admin": ["Audit trail", "Change my password", "Settings", "Users"],
                     "mona": ["Audit trail", "Change my password"], "kim": ["Change my password"]}
