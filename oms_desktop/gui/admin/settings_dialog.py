"""File > Settings: the company's settings (name, address, VAT ID, tax number, bank account, currency, locale,
invoice series, payment terms, tax rounding, limits per role, cart times) with the service's validation: a refused
value is named in the dialog and nothing is stored."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit,
                               QScrollArea, QVBoxLayout, QWidget)

from ...domain.orders import Channel
from ...domain.pricing import TaxRounding
from ...services.company import COMPANY_SETTINGS
from ..labels import label
from .common import message_label, report

#: setting -> its label; lupdate reads the QT_TRANSLATE_NOOP marks, the dialog translates them when it is built
LABELS = {
    "company_name": QT_TRANSLATE_NOOP("SettingsDialog", "Company &name:"),
    "company_address": QT_TRANSLATE_NOOP("SettingsDialog", "&Address:"),
    "vat_id": QT_TRANSLATE_NOOP("SettingsDialog", "&VAT ID:"),
    "tax_number": QT_TRANSLATE_NOOP("SettingsDialog", "&Tax number:"),
    "bank_account": QT_TRANSLATE_NOOP("SettingsDialog", "&Bank account (IBAN):"),
    "currency": QT_TRANSLATE_NOOP("SettingsDialog", "C&urrency:"),
    "locale": QT_TRANSLATE_NOOP("SettingsDialog", "&Locale:"),
    "prices_include_tax": QT_TRANSLATE_NOOP("SettingsDialog", "Prices include ta&x:"),
    "tax_rounding": QT_TRANSLATE_NOOP("SettingsDialog", "Tax &rounding:"),
    "default_channel": QT_TRANSLATE_NOOP("SettingsDialog", "Default c&hannel:"),
    "invoice_series": QT_TRANSLATE_NOOP("SettingsDialog", "&Invoice series:"),
    "payment_terms_days": QT_TRANSLATE_NOOP("SettingsDialog", "&Payment terms (days):"),
    "discount_limit": QT_TRANSLATE_NOOP("SettingsDialog", "&Discount limit, agent:"),
    "incentive_limit_agent": QT_TRANSLATE_NOOP("SettingsDialog", "Incentive limit, a&gent:"),
    "incentive_limit_manager": QT_TRANSLATE_NOOP("SettingsDialog", "Incentive limit, &manager:"),
    "cart_idle_minutes": QT_TRANSLATE_NOOP("SettingsDialog", "Cart at ris&k after (minutes):"),
    "cart_abandoned_hours": QT_TRANSLATE_NOOP("SettingsDialog", "Cart abandoned after (hours):"),
    "lock_after_minutes": QT_TRANSLATE_NOOP("SettingsDialog", "Lock an idle workstation after (minutes, 0: never):"),
    "company_phone": QT_TRANSLATE_NOOP("SettingsDialog", "Phone:"),
    "company_email": QT_TRANSLATE_NOOP("SettingsDialog", "E-mail:"),
    "payment_note": QT_TRANSLATE_NOOP("SettingsDialog", "Payment note:"),
    "return_note": QT_TRANSLATE_NOOP("SettingsDialog", "Return note:"),
}
#: what each setting means (services.company.COMPANY_SETTINGS, shown as the fields' tooltips), marked here for
#: the catalog; a meaning the service rewords shows in English until its translation follows
MEANINGS = (
    QT_TRANSLATE_NOOP("SettingsDialog", "the company's name on documents and screens"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the company's address on documents (lines separated by newlines)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the company's VAT ID (country code and number; check digits verified)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the company's tax number at its tax office"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the IBAN payments go to, printed on invoices (check digits verified)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the currency of every amount (ISO code); fixed once the first order exists"),
    QT_TRANSLATE_NOOP("SettingsDialog", "language and country for money, numbers and dates (e.g. en_US, de_DE)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "1: catalog prices include tax, 0: tax is added"),
    QT_TRANSLATE_NOOP("SettingsDialog", "round tax per line or per document (line, document)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the channel a new order starts with"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the name of the invoice number series (letters; billing numbers INV- today)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "days an invoice is due after it is issued (0: on receipt)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the largest discount an agent may give without a manager (a fraction, 0.10 "
                      "= 10%)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the largest incentive an agent may offer on a cart (a fraction of its goods)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the largest incentive a manager may offer on a cart (a fraction of its "
                      "goods)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "minutes without a change before a cart is flagged at risk"),
    QT_TRANSLATE_NOOP("SettingsDialog", "hours without a change before a cart counts as abandoned"),
    QT_TRANSLATE_NOOP("SettingsDialog", "minutes without a key or a click before a workstation locks until its "
                      "user's password (0: never)"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the phone number on the printed catalog"),
    QT_TRANSLATE_NOOP("SettingsDialog", "the e-mail address on the printed catalog"),
    QT_TRANSLATE_NOOP("SettingsDialog", "how to pay, on the printed catalog"),
    QT_TRANSLATE_NOOP("SettingsDialog", "how to return goods, on the printed catalog"),
)
#: what the choices of a setting with a few values show
CHOICE_LABELS = {"0": QT_TRANSLATE_NOOP("SettingsDialog", "no"), "1": QT_TRANSLATE_NOOP("SettingsDialog", "yes"),
                 "line": QT_TRANSLATE_NOOP("SettingsDialog", "line"),
                 "document": QT_TRANSLATE_NOOP("SettingsDialog", "document")}
CHOICES = {"tax_rounding": tuple(t.value for t in TaxRounding), "prices_include_tax": ("0", "1"),
           "default_channel": tuple(c.value for c in Channel)}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


class SettingsDialog(QDialog):
    """Signals: none; ``saved`` holds the settings stored by the last Save."""

    def __init__(self, services, actor, jobs, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.setWindowTitle(self.tr("Settings"))
        self.loaded: dict[str, str] = {}
        self.saved: tuple = ()
        self.fields: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        form = QFormLayout()
        for key, meaning in COMPANY_SETTINGS.items():
            if key in CHOICES:
                field: QLineEdit | QPlainTextEdit | QComboBox = QComboBox(objectName=f"{key}_combo")
                for choice in CHOICES[key]:
                    field.addItem(_tr(CHOICE_LABELS[choice]) if choice in CHOICE_LABELS else label(choice), choice)
            elif key == "company_address":
                field = QPlainTextEdit(objectName=f"{key}_edit")
                field.setTabChangesFocus(True)
                field.setFixedHeight(field.fontMetrics().lineSpacing() * 4)
            else:
                field = QLineEdit(objectName=f"{key}_edit")
            field.setToolTip(_tr(meaning))
            self.fields[key] = field
            form.addRow(_tr(LABELS[key]) if key in LABELS else key, field)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        self.error_label = message_label("error_label")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_button")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(640, 600)
        self.load()

    def load(self) -> None:
        self.jobs.submit(lambda _job: self.services.settings.list(self.actor), on_success=self._show,
                         on_failure=lambda e: report(self, self.error_label, e), owner=self)

    def _show(self, rows) -> None:
        self.loaded = {r.key: r.value for r in rows if r.key in self.fields}
        for key, value in self.loaded.items():
            self.set_value(key, value)

    def set_value(self, key: str, value: str) -> None:
        field = self.fields[key]
        if isinstance(field, QComboBox):
            i = field.findData(value)
            field.setCurrentIndex(max(i, 0))
        elif isinstance(field, QPlainTextEdit):
            field.setPlainText(value)
        else:
            field.setText(value)

    def value(self, key: str) -> str:
        field = self.fields[key]
        if isinstance(field, QComboBox):
            return str(field.currentData())
        if isinstance(field, QPlainTextEdit):
            return field.toPlainText()
        return field.text()

    def changes(self) -> dict[str, str]:
        return {k: self.value(k) for k in self.fields if self.value(k) != self.loaded.get(k, "")}

    def save(self) -> None:
        """Every changed setting in one transaction: all stored, or none and the dialog says why."""
        changes = self.changes()
        if not changes:
            self.accept()
            return
        self.error_label.clear()
        self.save_button.setEnabled(False)
        shown = {k: self.loaded.get(k, "") for k in changes}   # a key changed elsewhere since is refused, named
        self.jobs.submit(lambda _job: self.services.settings.set_many(self.actor, changes, shown=shown), write=True,
                         on_success=self._saved, on_failure=lambda e: report(self, self.error_label, e),
                         on_finished=lambda: self.save_button.setEnabled(True), owner=self)

    def _saved(self, rows) -> None:
        self.saved = rows
        self.accept()
