"""Sign-in and first-run dialogs (layouts from ui/*.ui), and which language they and the main window speak."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from ..domain.errors import OmsError
from ..services import Services
from ..services.dto import Actor
from . import theme
from .forms.ui_first_run_dialog import Ui_FirstRunDialog
from .forms.ui_login_dialog import Ui_LoginDialog
from . import i18n
from .messages import text_of

#: this workstation's last language (QSettings of the main window's file): the next sign-in dialog speaks it
LANGUAGE_KEY = "workstation/language"


def sign_in_language(settings: QSettings, company_locale: str | None) -> str:
    """The sign-in dialog's language: the one this workstation was last used in, else the company locale's."""
    saved = settings.value(LANGUAGE_KEY)
    return i18n.language_of(str(saved)) if saved else i18n.language_of(company_locale)


def user_language(actor: Actor, company_locale: str | None) -> str:
    """The signed-in user's language: their own choice, else the company locale's."""
    return i18n.language_of(actor.language or company_locale)


def install_user_language(actor: Actor, company_locale: str | None, settings: QSettings) -> str:
    """Install ``actor``'s language (before their main window is built: widgets take their text when made) and
    remember it as this workstation's last; returns the language."""
    language = i18n.install(user_language(actor, company_locale))
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()
    return language


class LoginDialog(QDialog):
    """Asks for user name and password; ``actor`` holds the signed-in user after ``accept``."""

    def __init__(self, services: Services, database: str, username: str = "", parent=None):
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self._services = services
        self.actor: Actor | None = None
        self.ui.database_label.setText(database)
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.ui.error_label.hide()
        theme.set_colours(self.ui.error_label, "bad")
        self.ui.username_edit.setText(username)
        (self.ui.password_edit if username else self.ui.username_edit).setFocus()

    def accept(self) -> None:
        try:
            self.actor = self._services.auth.sign_in(self.ui.username_edit.text(), self.ui.password_edit.text())
        except OmsError as exc:
            self.ui.error_label.setText(text_of(exc))
            self.ui.error_label.show()
            self.ui.password_edit.selectAll()
            self.ui.password_edit.setFocus()
            return
        super().accept()


class FirstRunDialog(QDialog):
    """A fresh database: name the company and create the first administrator."""

    def __init__(self, services: Services, parent=None):
        super().__init__(parent)
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self._services = services
        self.actor: Actor | None = None
        self.ui.error_label.hide()
        theme.set_colours(self.ui.error_label, "bad")
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create administrator"))
        self.ui.username_edit.setText("admin")
        self.ui.company_edit.setFocus()

    def accept(self) -> None:
        ui = self.ui
        if ui.password_edit.text() != ui.password_repeat_edit.text():
            self._problem(self.tr("The two passwords differ; type the same password twice."))
            return
        try:
            # the administrator first: a password the policy refuses leaves the company unnamed too
            self._services.auth.add_user(None, ui.username_edit.text(), "admin", ui.password_edit.text(),
                                         ui.display_name_edit.text())
            self.actor = self._services.auth.sign_in(ui.username_edit.text(), ui.password_edit.text())
            self._services.company.update(self.actor, company_name=ui.company_edit.text() or "My Company",
                                          currency=ui.currency_combo.currentText())
        except OmsError as exc:
            self._problem(text_of(exc))
            return
        super().accept()

    def _problem(self, text: str) -> None:
        self.ui.error_label.setText(text)
        self.ui.error_label.show()
