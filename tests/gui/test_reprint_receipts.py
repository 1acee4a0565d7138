"""Accounts can print the receipt of any payment again (issue 16): Reprint PDF lists the order's invoices, credit
notes and a receipt per payment; the receipt of an earlier payment shows the payments up to it, numbered as then."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from oms_desktop.domain.errors import NotFound
from tests.helpers.pdf_tools import pdf_to_text

SQLITE = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.fixture
def paid_twice(catalog, admin):
    order = catalog.orders.place_order(admin, None, [("LAMP-01", 1)])
    first = catalog.receivables.record_payment(admin, order.number, Decimal("5.00"), "cash")
    second = catalog.receivables.record_payment(admin, order.number, order.total - Decimal("5.00"), "card")
    return order, first, second


@SQLITE
def test_the_receipt_of_an_earlier_payment_shows_the_payments_up_to_it(catalog, admin, paid_twice):
    order, first, second = paid_twice
    text = pdf_to_text(catalog.receivables.receipt_pdf(admin, order.number, payment_id=first.id))
    assert f"R-{order.id:06d}-1" in text and "Card" not in text
    text = pdf_to_text(catalog.receivables.receipt_pdf(admin, order.number, payment_id=second.id))
    assert f"R-{order.id:06d}-2" in text and "Card" in text
    other = catalog.orders.place_order(admin, None, [("LAMP-01", 1)])
    with pytest.raises(NotFound, match=f"has no payment number {first.id}"):
        catalog.receivables.receipt_pdf(admin, other.number, payment_id=first.id)


@SQLITE
def test_reprint_pdf_offers_a_receipt_per_payment_and_saves_the_one_picked(qtbot, accounts_tab, paid_twice,
                                                                          tmp_path, monkeypatch):
    order, first, _second = paid_twice
    tab = accounts_tab
    opened: list = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    asked: list[str] = []
    monkeypatch.setattr(tab, "ask_pdf_path", lambda suggested: asked.append(suggested) or
                        str(tmp_path / suggested))
    tab.order_edit.setText(order.number)
    tab.reprint_button.click()
    dialog = tab.reprint_dialog
    qtbot.waitUntil(dialog.isVisible)
    labels = [dialog.docs_list.item(i).text() for i in range(dialog.docs_list.count())]
    assert [label.split()[1] for label in labels] == [f"R-{order.id:06d}-1", f"R-{order.id:06d}-2"]
    assert dialog.docs_list.currentRow() == 1  # the newest first to hand
    qtbot.keyClick(dialog.docs_list, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.docs_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == [f"R-{order.id:06d}-1.pdf"]
    text = pdf_to_text((tmp_path / asked[0]).read_bytes())
    assert f"R-{order.id:06d}-1" in text and "Card" not in text
    assert "saved to" in tab.message_label.text() and len(opened) == 1


@SQLITE
def test_oms_receipt_prints_one_payments_receipt(catalog, admin, paid_twice, tmp_path, db_url, capsys, monkeypatch):
    from oms_desktop import cli
    order, first, _ = paid_twice
    monkeypatch.setenv("OMS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("OMS_PASSWORD", "admin-pw")
    out = tmp_path / "r.pdf"
    assert cli.main(["--database", db_url, "--user", "admin", "receipt", order.number, "--pdf", str(out),
                     "--payment", str(first.id)]) == 0, capsys.readouterr().err
    assert f"R-{order.id:06d}-1" in pdf_to_text(out.read_bytes())
