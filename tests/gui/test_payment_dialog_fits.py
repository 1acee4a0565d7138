"""The payment dialog fits its contents (issue 17: at 1,366 x 768 its labels and hints were clipped): every label
shows its whole text, every field its whole hint, and the dialog stays inside the screen."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit

from oms_desktop.gui.accounts.payment_dialog import PaymentDialog


@pytest.mark.parametrize("refund, printer", [(False, False), (False, True), (True, False)])
def test_nothing_in_the_payment_dialog_is_cut(qtbot, refund, printer):
    d = PaymentDialog("SO-000123", Decimal("1234567.89"), "EUR", "de_DE", refund=refund, receipt_printer=printer,
                      customer_name="Müller-Lüdenscheidt Haushaltswaren GmbH & Co. KG")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    assert d.width() <= 1366 and d.height() <= 768
    for label in d.findChildren(QLabel):
        text = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&") if label.buddy() else label.text()
        if label.isVisible() and text and not label.wordWrap():
            room = 4 if label.buddy() else 0  # a field's label: a little air before its field
            assert label.width() >= label.fontMetrics().horizontalAdvance(text) + room, text
    for edit in d.findChildren(QLineEdit):
        hint = edit.placeholderText()
        if edit.isVisible() and hint:  # the hint's text plus the frame and text margins, with room to spare
            assert edit.contentsRect().width() >= edit.fontMetrics().horizontalAdvance(hint) + 16, hint
