"""The counter's Pay now with a receipt printer set: the payment dialog offers "Print to receipt printer", the
receipt prints in the background on a file printer (text, cut, drawer kick) instead of the PDF question; without a
printer the box is not there and the PDF is offered as before."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from oms_desktop.gui.accounts import payment_dialog as pd
from oms_desktop.gui.accounts.payment_dialog import PaymentDialog
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.order_entry import OrderEntryTab


@pytest.fixture
def at_the_dialog(monkeypatch):
    """Stands in for the person at the payment dialog: cash, 50 handed over, the print box as found; OK."""
    seen: list[PaymentDialog] = []

    def exec_(dialog: PaymentDialog) -> int:
        seen.append(dialog)
        dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("cash"))
        dialog.tendered_edit.setText("50")
        dialog.try_accept()
        return QDialog.DialogCode.Accepted if dialog.result_values is not None else QDialog.DialogCode.Rejected

    monkeypatch.setattr(PaymentDialog, "exec", exec_)
    return seen


def _entry(qtbot, catalog, admin) -> OrderEntryTab:
    catalog.auth.add_user(admin, "till", "counter", "till-clerk-pw")
    clerk = catalog.auth.sign_in("till", "till-clerk-pw")
    entry = OrderEntryTab(catalog, clerk, JobRunner(synchronous=True))
    qtbot.addWidget(entry)
    entry.show_tracking = lambda order: None
    entry.show()
    entry.activateWindow()
    qtbot.waitUntil(entry.customer_edit.hasFocus)
    qtbot.keyClicks(entry.product_edit, "LAMP-01")
    qtbot.keyClick(entry.product_edit, Qt.Key.Key_Return)
    return entry


def test_pay_now_prints_on_the_receipt_printer_and_opens_the_drawer(qtbot, catalog, admin, at_the_dialog,
                                                                   monkeypatch, tmp_path):
    lp0 = tmp_path / "lp0"
    catalog.settings.set(admin, "printer.receipt", f"file:{lp0}")
    monkeypatch.setattr(pd, "ask_receipt_choice", lambda *a: pytest.fail("the PDF question is not asked"))
    entry = _entry(qtbot, catalog, admin)
    qtbot.keyClick(entry, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    [dialog] = at_the_dialog
    assert not dialog.print_check.isHidden() and dialog.print_check.isChecked()
    assert dialog.result_values["print_receipt"] and dialog.result_values["change"] == Decimal("26.21")
    assert "Receipt printed" in entry.message_label.text()
    data = lp0.read_bytes()
    assert b"TOTAL" in data and b"23.79" in data and b"26.21" in data and b"\x1dV" in data and b"\x1bp" in data
    [job] = catalog.receipt_printing.jobs_of(admin, entry.last_confirmed.id)
    assert job.status == "printed" and job.kick_drawer


def test_without_a_receipt_printer_the_box_is_not_offered_and_the_pdf_is(qtbot, catalog, admin, at_the_dialog,
                                                                        monkeypatch):
    asked = []
    monkeypatch.setattr(pd, "ask_receipt_choice", lambda parent, number: asked.append(number))  # "No receipt"
    entry = _entry(qtbot, catalog, admin)
    qtbot.keyClick(entry, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    [dialog] = at_the_dialog
    assert dialog.print_check.isHidden() and not dialog.result_values["print_receipt"]
    assert asked == [entry.last_confirmed.number]
    assert catalog.receipt_printing.jobs_of(admin, entry.last_confirmed.id) == []


def test_the_refund_dialog_never_offers_the_receipt_printer(qtbot):
    dialog = PaymentDialog("SO-000001", Decimal("5.00"), "EUR", refund=True, receipt_printer=True)
    qtbot.addWidget(dialog)
    assert dialog.print_check.isHidden() and not dialog.print_check.isChecked()
