"""File > Settings: the company's settings (name, address, VAT ID, tax number, bank account, currency, locale,
invoice series, payment terms, tax rounding, limits per role, cart times) with the service's validation: a refused
value is named in the dialog and nothing is stored."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit,
                               QScrollArea, QVBoxLayout, QWidget)

from ...domain.orders import Channel
from ...domain.pricing import TaxRounding
from ...services.company import COMPANY_SETTINGS
from .common import message_label, report

LABELS = {
    "company_name": "Company &name:", "company_address": "&Address:", "vat_id": "&VAT ID:",
    "tax_number": "&Tax number:", "bank_account": "&Bank account (IBAN):", "currency": "C&urrency:",
    "locale": "&Locale:", "prices_include_tax": "Prices include ta&x:", "tax_rounding": "Tax &rounding:",
    "default_channel": "Default c&hannel:", "invoice_series": "&Invoice series:",
    "payment_terms_days": "&Payment terms (days):", "discount_limit": "&Discount limit, agent:",
    "incentive_limit_agent": "Incentive limit, a&gent:", "incentive_limit_manager": "Incentive limit, &manager:",
    "cart_idle_minutes": "Cart at ris&k after (minutes):", "cart_abandoned_hours": "Cart abandoned after (hours):",
    "lock_after_minutes": "Lock an idle workstation after (minutes, 0: never):",
    "company_phone": "Phone:", "company_email": "E-mail:", "payment_note": "Payment note:",
    "return_note": "Return note:",
}
CHOICES = {"tax_rounding": tuple(t.value for t in TaxRounding), "prices_include_tax": ("0", "1"),
           "default_channel": tuple(c.value for c in Channel)}


class SettingsDialog(QDialog):
    """Signals: none; ``saved`` holds the settings stored by the last Save."""

    def __init__(self, services, actor, jobs, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.setWindowTitle("Settings")
        self.loaded: dict[str, str] = {}
        self.saved: tuple = ()
        self.fields: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        form = QFormLayout()
        for key, meaning in COMPANY_SETTINGS.items():
            if key in CHOICES:
                field: QLineEdit | QPlainTextEdit | QComboBox = QComboBox(objectName=f"{key}_combo")
                for choice in CHOICES[key]:
                    field.addItem({"0": "no", "1": "yes"}.get(choice, choice), choice)
            elif key == "company_address":
                field = QPlainTextEdit(objectName=f"{key}_edit")
                field.setTabChangesFocus(True)
                field.setFixedHeight(field.fontMetrics().lineSpacing() * 4)
            else:
                field = QLineEdit(objectName=f"{key}_edit")
            field.setToolTip(meaning)
            self.fields[key] = field
            form.addRow(LABELS.get(key, key), field)
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
