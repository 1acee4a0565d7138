"""Taking a payment: the dialog (amount typed as text, parsed to an exact Decimal) and the counter's "Pay now" flow.

The dialog only collects and checks what was typed; the service records the payment. ``take_payment`` is the
whole counter flow (load the order's balance, ask, record in the background, then print on the receipt printer or
offer the 80 mm receipt), shared by the order entry tab's Pay now (Ctrl+P) and the accounts tab.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLayout, QLineEdit, QMessageBox, QVBoxLayout, QWidget)

from ...domain.errors import ValidationFailed
from ...domain.free_text import contains_card_number
from ...domain.money import parse_amount
from .. import format as fmt
from ..widgets.dialogs import back_to
from ..widgets.message_line import message_style
from ..widgets.save_dialogs import ask_save_path, open_saved
from .words import word
from ..messages import text_of

METHODS = (("cash", QT_TRANSLATE_NOOP("PaymentDialog", "Cash")), ("card", QT_TRANSLATE_NOOP("PaymentDialog", "Card")),
           ("bank", QT_TRANSLATE_NOOP("PaymentDialog", "Bank transfer")))


#: the functions of this module speak in the dialog's context (lupdate reads ``translate("Context", "Text")``)
translate = QCoreApplication.translate


def _tr(text: str) -> str:
    return translate("PaymentDialog", text)


class PaymentDialog(QDialog):
    """Method, amount, and for cash the tendered amount (change is shown, only the amount due is kept); for cards
    the last four digits and the terminal's reference, never the card number.

    Attributes:
        result_values: after Accept, a dict with amount, method, reference, card_last4, notes, change (Decimals)
            and print_receipt (print on the receipt printer, in the payment's transaction).
    """

    def __init__(self, order_number: str, due: Decimal, currency: str, locale: str = "en_US",
                 parent: QWidget | None = None, *, refund: bool = False, customer_name: str = "",
                 receipt_printer: bool = False):
        super().__init__(parent)
        self.currency, self.locale, self.due, self.refund = currency, locale, due, refund
        self.result_values: dict | None = None
        self.setWindowTitle((self.tr("Refund for {order}") if refund else self.tr("Payment for {order}")).format(
            order=order_number))
        layout = QVBoxLayout(self)
        # Who pays for what, in large type: the order and the customer the money is taken for.
        nobody = self.tr("no customer")
        self.whom_label = QLabel(f"{order_number}  ·  {customer_name or nobody}", objectName="whom_label")
        self.whom_label.setStyleSheet("font-size: 14pt;")
        layout.addWidget(self.whom_label)
        label = (self.tr("Customer credit: {amount}") if refund else self.tr("Due: {amount}")).format(
            amount=fmt.money(due, currency, locale))
        self.due_label = QLabel(label, objectName="due_label")
        self.due_label.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(self.due_label)
        form = QFormLayout()
        self.method_combo = QComboBox(objectName="method_combo")
        for value, text in METHODS:
            self.method_combo.addItem(_tr(text), value)
        self.amount_edit = QLineEdit(objectName="amount_edit")
        self.amount_edit.setText(f"{max(due, Decimal(0))}")
        self.amount_edit.selectAll()
        self.tendered_edit = QLineEdit(objectName="tendered_edit")
        self.tendered_edit.setPlaceholderText(self.tr("cash handed over (optional)"))
        self.change_label = QLabel(objectName="change_label")
        self.last4_edit = QLineEdit(objectName="last4_edit")
        self.last4_edit.setMaxLength(4)
        self.last4_edit.setPlaceholderText(self.tr("last 4 digits only"))
        self.reference_edit = QLineEdit(objectName="reference_edit")
        self.reference_edit.setPlaceholderText(self.tr("terminal or bank reference (never a card number)"))
        self.notes_edit = QLineEdit(objectName="notes_edit")
        form.addRow(self.tr("&Method"), self.method_combo)
        form.addRow(self.tr("&Amount"), self.amount_edit)
        form.addRow(self.tr("&Tendered"), self.tendered_edit)
        form.addRow(self.tr("Change"), self.change_label)
        form.addRow(self.tr("Card &last 4"), self.last4_edit)
        form.addRow(self.tr("&Reference"), self.reference_edit)
        form.addRow(self.tr("&Notes"), self.notes_edit)
        layout.addLayout(form)
        # Only when a receipt printer is set: the receipt is then a print job committed with the payment.
        self.print_check = QCheckBox(self.tr("Print to rece&ipt printer"), objectName="print_check")
        self.print_check.setToolTip(self.tr("The receipt prints on the counter's receipt printer (and a cash payment "
                                        "opens the drawer)"))
        self.print_check.setChecked(receipt_printer and not refund)
        self.print_check.setVisible(receipt_printer and not refund)
        layout.addWidget(self.print_check)
        self.error_label = QLabel(objectName="error_label")
        self.error_label.setWordWrap(True)
        message_style(self.error_label, error=True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record refund") if refund else
                                                                   self.tr("Record payment"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fit_contents(form)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.method_combo.currentIndexChanged.connect(self._method_changed)
        self.amount_edit.textChanged.connect(self._update_change)
        self.tendered_edit.textChanged.connect(self._update_change)
        self._method_changed()
        self.amount_edit.setFocus()

    def _fit_contents(self, form: QFormLayout) -> None:
        """Room for every label and every field's hint: without it the dialog takes the width of its widest label
        and a 1,366 x 768 screen shows "Tendere" and "terminal or bank reference (..." (issue 17)."""
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and isinstance(label.widget(), QLabel):
                w = label.widget()
                w.setMinimumWidth(w.fontMetrics().horizontalAdvance(w.text().replace("&", "")) + 12)
            if field is not None and isinstance(field.widget(), QLineEdit) and field.widget().placeholderText():
                e = field.widget()
                e.setMinimumWidth(e.fontMetrics().horizontalAdvance(e.placeholderText()) + 32)

    def _method_changed(self) -> None:
        method = self.method_combo.currentData()
        cash, card = method == "cash", method == "card"
        self.tendered_edit.setEnabled(cash and not self.refund)
        self.last4_edit.setEnabled(card and not self.refund)
        if not card:
            self.last4_edit.clear()
        self._update_change()

    def _update_change(self) -> None:
        try:
            change = self.change()
        except ValidationFailed:
            self.change_label.setText("")
            return
        self.change_label.setText(fmt.money(change, self.currency, self.locale) if change else "")

    def change(self) -> Decimal:
        """Cash handed back: tendered minus the amount (zero when nothing was tendered)."""
        text = self.tendered_edit.text().strip()
        if not text or not self.tendered_edit.isEnabled():
            return Decimal(0)
        tendered = parse_amount(text, self.currency, field="tendered")
        amount = parse_amount(self.amount_edit.text(), self.currency)
        if tendered < amount:
            raise ValidationFailed(self.tr("tendered {tendered} is less than the amount {amount}").format(
                tendered=tendered, amount=amount))
        return tendered - amount

    def values(self) -> dict:
        """What was typed, checked; raises ValidationFailed naming every problem."""
        problems = []
        amount = None
        try:
            amount = parse_amount(self.amount_edit.text(), self.currency)
            if amount <= 0:
                problems.append(self.tr("amount must be more than zero"))
        except ValidationFailed as e:
            problems.extend(e.problems)
        change = Decimal(0)
        if amount is not None:
            try:
                change = self.change()
            except ValidationFailed as e:
                problems.extend(e.problems)
        reference, notes = self.reference_edit.text().strip(), self.notes_edit.text().strip()
        for problem, text in ((self.tr("the reference looks like a card number; enter only the last four digits"),
                               reference),
                              (self.tr("the notes look like a card number; enter only the last four digits"), notes)):
            if contains_card_number(text):
                problems.append(problem)
        last4 = self.last4_edit.text().strip()
        if last4 and not (len(last4) == 4 and last4.isascii() and last4.isdigit()):
            problems.append(self.tr("card last four must be exactly four digits"))
        if problems:
            raise ValidationFailed(problems)
        return {"amount": amount, "method": self.method_combo.currentData(), "reference": reference,
                "card_last4": last4, "notes": notes, "change": change,
                "print_receipt": self.print_check.isChecked() and not self.print_check.isHidden()}

    def try_accept(self) -> None:
        try:
            self.result_values = self.values()
        except ValidationFailed as e:
            self.error_label.setText(text_of(e))
            return
        self.accept()


def ask_receipt_path(parent: QWidget, order_number: str) -> str:
    return ask_save_path(parent, translate("PaymentDialog", "Save receipt"), f"receipt-{order_number}.pdf",
                         "PDF (*.pdf)", "receipt")


def ask_receipt_choice(parent: QWidget, order_number: str) -> str | None:
    """'save', 'print' (save, then open in the system viewer to print) or None for no receipt."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("PaymentDialog", "Receipt"),
                      translate("PaymentDialog", "Payment for {order} recorded. Receipt?").format(order=order_number),
                      parent=parent)
    save = box.addButton(translate("PaymentDialog", "&Save receipt PDF"), QMessageBox.ButtonRole.AcceptRole)
    print_ = box.addButton(translate("PaymentDialog", "&Print (open in viewer)"),
                           QMessageBox.ButtonRole.ActionRole)
    box.addButton(translate("PaymentDialog", "&No receipt"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    back_to(parent)
    clicked = box.clickedButton()
    return "save" if clicked == save else "print" if clicked == print_ else None


def offer_receipt(parent: QWidget, services, actor, jobs, order_id: int, order_number: str, change: Decimal,
                  show_message: Callable[[str, bool], None]) -> None:
    """Ask whether to save (and open, for printing) the 80 mm receipt, then render it in the background."""
    choice = ask_receipt_choice(parent, order_number)
    if choice is None:
        return
    path = ask_receipt_path(parent, order_number)
    if not path:
        return

    def saved(pdf: bytes) -> None:
        Path(path).write_bytes(pdf)
        saved_text = translate("PaymentDialog", "Receipt saved to {path}.").format(path=path)
        show_message(saved_text, False)
        if choice == "print" and (problem := open_saved(path)):
            show_message(f"{saved_text} {problem}", True)

    jobs.submit(lambda _j: services.receivables.receipt_pdf(actor, order_id, change=change), on_success=saved,
                on_failure=lambda exc: show_message(text_of(exc), True), owner=parent)


def take_payment(parent: QWidget, services, actor, jobs, order_ref, locale: str,
                 show_message: Callable[[str, bool], None], *, dialog_factory=PaymentDialog,
                 receipt: bool = True, on_recorded: Callable[[object], None] | None = None) -> None:
    """The counter flow: read what is due, ask for the payment, record it, then print the receipt on the receipt
    printer (when one is set and the box is ticked: the print job commits with the payment, then prints in the
    background) or offer the 80 mm PDF."""

    def ask(found) -> None:
        account, printer = found
        due = account.balance
        dialog = dialog_factory(account.order_number, due, account.currency, locale, parent,
                                customer_name=account.customer_name, receipt_printer=printer)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        back_to(parent)
        if not accepted or dialog.result_values is None:
            return
        v = dialog.result_values

        def recorded(payment) -> None:
            left = due - v["amount"]
            money = fmt.money(v["amount"], account.currency, locale)
            if left > 0:
                tail = translate("PaymentDialog", "still due {amount}").format(
                    amount=fmt.money(left, account.currency, locale))
            elif left < 0:
                tail = translate("PaymentDialog", "customer credit {amount}").format(
                    amount=fmt.money(-left, account.currency, locale))
            else:
                tail = translate("PaymentDialog", "paid in full")
            change = (translate("PaymentDialog", ", change {amount}").format(
                amount=fmt.money(v["change"], account.currency, locale)) if v["change"] else "")
            show_message(translate("PaymentDialog", "{amount} {method} recorded for {order}{change}; {rest}.").format(
                amount=money, method=word(payment.method), order=account.order_number, change=change, rest=tail),
                False)
            if on_recorded is not None:
                on_recorded(payment)
            if v.get("print_receipt"):
                print_waiting_receipts(services, jobs, parent, show_message)
            elif receipt:
                offer_receipt(parent, services, actor, jobs, account.order_id, account.order_number, v["change"],
                              show_message)

        jobs.submit(lambda _j: services.receivables.record_payment(
            actor, account.order_id, v["amount"], v["method"], reference=v["reference"],
            card_last4=v["card_last4"], notes=v["notes"], print_receipt=bool(v.get("print_receipt")),
            change=v["change"]),
            on_success=recorded, on_failure=lambda exc: show_message(text_of(exc), True), write=True, owner=parent)

    jobs.submit(lambda _j: (services.receivables.order_account(actor, order_ref), receipt_printer_set(services)),
                on_success=ask, on_failure=lambda exc: show_message(text_of(exc), True), owner=parent)


def receipt_printer_set(services) -> bool:
    """True when a receipt printer is set (runs in a job: the settings may be read from the database)."""
    printing = getattr(services, "receipt_printing", None)
    return printing is not None and printing.configured()


def print_waiting_receipts(services, jobs, parent: QWidget, show_message: Callable[[str, bool], None]) -> None:
    """Print the receipts waiting for the receipt printer (the one just committed with its payment) on the write
    thread, so the window never waits for the printer; the message line says what happened."""

    def done(report) -> None:
        if report.errors:
            waits = translate("PaymentDialog", " (it waits and prints with the next receipt)") if report.waiting else ""
            show_message(translate("PaymentDialog", "Receipt not printed: {errors}").format(
                errors="; ".join(report.errors)) + waits, True)
        elif report.printed:
            show_message(translate("PaymentDialog", "Receipt printed ({count}).").format(count=report.printed), False)

    jobs.submit(lambda _j: services.receipt_printing.print_pending(None), on_success=done,
                on_failure=lambda exc: show_message(
                    translate("PaymentDialog", "Receipt not printed: {errors}").format(errors=exc), True),
                write=True, owner=parent)
