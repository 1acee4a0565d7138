"""The purchasing dialog records a supplier invoice for what was received and not yet invoiced, and pays it, from the
keyboard; refusals stay in the dialog and change nothing."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from oms_desktop.gui.inventory.dialogs import PurchasingDialog
from oms_desktop.gui.jobs import JobRunner
from tests.helpers.money_text import shown


@pytest.fixture
def dialog(qtbot, catalog, admin):
    p = catalog.purchasing
    p.add_supplier(admin, "Lumen GmbH")
    po = p.create_purchase_order(admin, "Lumen GmbH", [("LAMP-01", 5, "8.00"), ("BULB-E27", 10, "1.20"),
                                                       ("BOOK-01", 2, "6.00")])
    p.send_purchase_order(admin, po.number)
    p.receive(admin, po.number, {"LAMP-01": 4, "BULB-E27": 10})  # no books yet
    d = PurchasingDialog(catalog, admin, JobRunner(synchronous=True))
    qtbot.addWidget(d)
    d.show()
    return d


def test_a_supplier_invoice_is_recorded_from_the_keyboard_and_paid_in_part(qtbot, dialog, catalog, admin):
    d = dialog
    assert d.current.number == "PO-000001" and d.buttons["invoice"].isEnabled()
    assert not d.buttons["pay"].isEnabled()  # nothing invoiced yet
    assert "14 unit(s) received and not yet invoiced" in d.invoice_label.text()
    d.record_invoice()
    inv = d.invoice_dialog
    assert [ln.sku for ln in inv.lines] == ["LAMP-01", "BULB-E27"]  # only what is invoiceable
    inv.activateWindow()
    qtbot.waitUntil(inv.number_edit.hasFocus)  # the first thing to type
    assert f"Total owed {shown('44.00')}" in inv.totals_label.text()  # everything invoiceable at the order's prices
    qtbot.keyClicks(inv.number_edit, "RE-4711")
    qtbot.keyClick(inv.number_edit, Qt.Key.Key_Return)  # Enter in a field never records
    assert inv.isVisible() and catalog.payables.list_supplier_invoices(admin) == []
    inv.set_line("LAMP-01", 3, "8.50")
    inv.set_line("BULB-E27", 0)  # left out
    qtbot.keyClicks(inv.tax_edit, "19%")
    assert inv.totals_label.text() == (f"Net {shown('25.50')} (at PO cost {shown('24.00')}; "
                                       f"price variance {shown('1.50')})   Tax {shown('4.85')}   "
                                       f"Total owed {shown('30.35')}")
    qtbot.keyClick(inv.tax_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not inv.isVisible()
    assert (f"Recorded Lumen GmbH's invoice RE-4711 as SI-000001: {shown('30.35')} owed, "
            f"price variance {shown('1.50')}") in d.message_label.text()
    assert d.invoice_model.rowCount() == 1 and d.current_invoice().open == Decimal("30.35")
    assert [(ln.sku, ln.invoiced) for ln in d.current.lines] == [("LAMP-01", 3), ("BULB-E27", 0), ("BOOK-01", 0)]
    assert d.buttons["pay"].isEnabled()

    d.pay_invoice()
    pay = d.pay_dialog
    assert pay.amount_edit.text() == "30.35"
    pay.amount_edit.setText("30.36")
    pay.save()
    assert "30.36 is more than the 30.35 still open" in pay.error_label.text() and pay.isVisible()
    pay.amount_edit.setText("10")
    pay.method_combo.setCurrentIndex(pay.method_combo.findData("cash"))
    pay.save()
    assert not pay.isVisible()
    assert f"Paid {shown('10.00')} to Lumen GmbH on SI-000001; {shown('20.35')} still open." in d.message_label.text()
    assert d.current_invoice().open == Decimal("20.35")
    assert catalog.ledger.ledger_problems() == []


def test_a_refused_invoice_keeps_the_dialog_open_with_the_reason(qtbot, dialog, catalog, admin):
    catalog.payables.record_supplier_invoice(admin, "PO-000001", "RE-1", lines=[("BULB-E27", 2)])
    dialog.refresh()
    dialog.record_invoice()
    inv = dialog.invoice_dialog
    assert [(ln.sku, ln.invoiceable) for ln in inv.lines] == [("LAMP-01", 4), ("BULB-E27", 8)]
    inv.number_edit.setText("re-1")
    inv.set_line("LAMP-01", 5)
    inv.save()
    assert inv.isVisible()
    assert "LAMP-01: 5 is more than the 4 invoiceable on PO-000001" in inv.error_label.text()
    assert "Lumen GmbH's invoice RE-1 is recorded already" in inv.error_label.text()
    assert len(catalog.payables.list_supplier_invoices(admin)) == 1


def test_an_accountant_books_supplier_invoices_but_does_not_buy(qtbot, catalog, admin, users):
    from oms_desktop.gui.inventory import InventoryTab
    accountant, agent = users["accountant"], users["agent"]
    p = catalog.purchasing
    p.add_supplier(admin, "Lumen GmbH")
    po = p.send_purchase_order(admin, p.create_purchase_order(admin, "Lumen GmbH", [("LAMP-01", 5, "8.00")]).number)
    p.receive(admin, po.number)
    for actor, opens in ((accountant, True), (agent, False)):
        tab = InventoryTab(catalog, actor, JobRunner(synchronous=True))
        qtbot.addWidget(tab)
        assert tab.buttons["purchasing"].isEnabled() is opens, actor.role
    d = PurchasingDialog(catalog, accountant, JobRunner(synchronous=True))
    qtbot.addWidget(d)
    d.show()
    assert d.current.number == po.number and d.buttons["invoice"].isEnabled()
    assert not any(d.buttons[k].isEnabled() for k in ("suggest", "supplier", "send", "receive", "cancel"))
