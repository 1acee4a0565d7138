"""File > Users (admin): every user with role, state and lockout; add one, change a role, deactivate or activate,
reset a password, unlock. The service's rules apply (password policy, the last active admin stays) and a refusal is
shown in the dialog; nothing changes then."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from ...domain.roles import Role
from ..inventory.models import RowsModel
from ..labels import label
from .common import message_label, report


def _state(u) -> str:
    if not u.active:
        return QCoreApplication.translate("UsersDialog", "deactivated")
    if u.locked_until is not None:
        return QCoreApplication.translate("UsersDialog", "locked until {time} ({failed} failed)").format(
            time=f"{u.locked_until.astimezone():%H:%M}", failed=u.failed_logins)
    return QCoreApplication.translate("UsersDialog", "active")


class UsersDialog(QDialog):
    def __init__(self, services, actor, jobs, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.setWindowTitle(self.tr("Users"))
        self.model = RowsModel([(self.tr("User"), lambda u: u.username, False),
                                (self.tr("Name"), lambda u: u.display_name, False),
                                (self.tr("Role"), lambda u: label(u.role), False), (self.tr("State"), _state, False)],
                               parent=self)
        self.view = QTableView(objectName="users_view")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.username_edit = QLineEdit(objectName="username_edit", placeholderText=self.tr("for a new user"))
        self.role_combo = QComboBox(objectName="role_combo")
        for r in Role:
            self.role_combo.addItem(label(r.value), r.value)
        self.password_edit = QLineEdit(objectName="password_edit", placeholderText=self.tr("at least 8 characters"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("New &user name:"), self.username_edit)
        form.addRow(self.tr("&Role:"), self.role_combo)
        form.addRow(self.tr("&Password:"), self.password_edit)
        buttons = QHBoxLayout()
        self.add_button = self._button(self.tr("&Add user"), "add_button", self.add_user, buttons)
        self.role_button = self._button(self.tr("Set r&ole"), "role_button", self.set_role, buttons)
        self.active_button = self._button(self.tr("&Deactivate"), "active_button", self.toggle_active, buttons)
        self.reset_button = self._button(self.tr("Reset pass&word"), "reset_button", self.reset_password, buttons)
        self.unlock_button = self._button(self.tr("U&nlock"), "unlock_button", self.unlock, buttons)
        self.error_label = message_label("error_label")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._follow_selection())
        self.resize(720, 480)
        self.refresh()

    def _button(self, text: str, name: str, slot, row: QHBoxLayout) -> QPushButton:
        b = QPushButton(text, objectName=name)
        b.clicked.connect(slot)
        row.addWidget(b)
        return b

    def refresh(self, select: str = "") -> None:
        def shown(users) -> None:
            self.model.set_rows(users)
            row = next((i for i, u in enumerate(users) if u.username == select), 0 if users else -1)
            if row >= 0:
                self.view.selectRow(row)
            self._follow_selection()
        self.jobs.submit(lambda _job: self.services.auth.list_users(self.actor), on_success=shown,
                         on_failure=lambda e: report(self, self.error_label, e), owner=self)

    def selected(self):
        return self.model.row(self.view.currentIndex().row())

    def _follow_selection(self) -> None:
        u = self.selected()
        self.active_button.setText(self.tr("&Activate") if u is not None and not u.active else self.tr("&Deactivate"))
        for b in (self.role_button, self.active_button, self.reset_button, self.unlock_button):
            b.setEnabled(u is not None)
        if u is not None:
            self.role_combo.setCurrentIndex(self.role_combo.findData(u.role))

    def _run(self, fn, done: str) -> None:
        """``fn()`` as a write job; the table follows and ``done`` (with the user name) says what happened."""
        self.error_label.clear()

        def ok(user) -> None:
            self.password_edit.clear()
            self.error_label.setText(done.format(user=user.username, role=label(user.role)))
            self.refresh(select=user.username)
        self.jobs.submit(lambda _job: fn(), write=True, on_success=ok,
                         on_failure=lambda e: report(self, self.error_label, e), owner=self)

    def add_user(self) -> None:
        name, role, password = self.username_edit.text(), self.role_combo.currentData(), self.password_edit.text()
        self._run(lambda: self.services.auth.add_user(self.actor, name, role, password),
                  self.tr("Added {user} ({role})."))
        self.username_edit.clear()

    def set_role(self) -> None:
        u, role = self.selected(), self.role_combo.currentData()
        if u is not None:
            self._run(lambda: self.services.auth.set_role(self.actor, u.username, role),
                      self.tr("{user} is now {role}."))

    def toggle_active(self) -> None:
        u = self.selected()
        if u is None:
            return
        if u.active:
            self._run(lambda: self.services.auth.deactivate(self.actor, u.username),
                      self.tr("Deactivated {user}: they can no longer sign in."))
        else:
            self._run(lambda: self.services.auth.activate(self.actor, u.username), self.tr("Activated {user}."))

    def reset_password(self) -> None:
        u, password = self.selected(), self.password_edit.text()
        if u is not None:
            self._run(lambda: self.services.auth.reset_password(self.actor, u.username, password),
                      self.tr("New password set for {user}."))

    def unlock(self) -> None:
        u = self.selected()
        if u is not None:
            self._run(lambda: self.services.auth.unlock(self.actor, u.username), self.tr("Unlocked {user}."))


class ChangePasswordDialog(QDialog):
    """File > Change my password: the current password, the new one twice."""

    def __init__(self, services, actor, jobs, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.setWindowTitle(self.tr("Change my password"))
        self.current_edit, self.new_edit, self.repeat_edit = (
            QLineEdit(objectName=n) for n in ("current_edit", "new_edit", "repeat_edit"))
        form = QFormLayout()
        for text, edit in ((self.tr("&Current password:"), self.current_edit),
                           (self.tr("&New password:"), self.new_edit), (self.tr("&Repeat it:"), self.repeat_edit)):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(text, edit)
        self.error_label = message_label("error_label")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def change(self) -> None:
        if self.new_edit.text() != self.repeat_edit.text():
            self.error_label.setText(self.tr("The two new passwords differ; type the same one twice."))
            return
        old, new = self.current_edit.text(), self.new_edit.text()
        self.jobs.submit(lambda _job: self.services.auth.change_own_password(self.actor, old, new), write=True,
                         on_success=lambda _u: self.accept(),
                         on_failure=lambda e: report(self, self.error_label, e), owner=self)
