"""Purchase orders by hand in the purchasing dialog (issue 17): a supplier's draft opens, lines go on with SKU,
quantity and cost by keyboard, change and come off again; bad input changes nothing and says why."""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from oms_desktop.gui.inventory.dialogs import PurchasingDialog
from oms_desktop.gui.jobs import JobRunner

# the SKU field's type-ahead popup on the offscreen platform
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


@pytest.fixture
def dialog(qtbot, catalog, admin):
    catalog.purchasing.add_supplier(admin, "Lumen GmbH")
    catalog.purchasing.add_supplier(admin, "Paper & Co")
    d = PurchasingDialog(catalog, admin, JobRunner(synchronous=True))
    qtbot.addWidget(d)
    d.show()
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)
    return d


def mnemonic_of(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def alt(qtbot, window, key):
    """Alt+letter as Qt answers it: the one shown, enabled button with that mnemonic is clicked, or the field a
    label with it names takes the focus. (The offscreen platform does not deliver mnemonics to QTest's key events;
    packaging/ drives the real keys under Xvfb.)"""
    letter = chr(key).upper() if isinstance(key, int) else chr(key.value).upper()
    buttons = [b for b in window.findChildren(QAbstractButton)
               if b.isVisibleTo(window) and b.isEnabled() and mnemonic_of(b.text()) == letter]
    labels = [lb for lb in window.findChildren(QLabel)
              if lb.buddy() is not None and lb.isVisibleTo(window) and mnemonic_of(lb.text()) == letter]
    assert len(buttons) + len(labels) == 1, f"Alt+{letter} answers {len(buttons) + len(labels)} things"
    if buttons:
        buttons[0].click()
    else:
        labels[0].buddy().setFocus(Qt.FocusReason.ShortcutFocusReason)


def lines_of(services, admin, number):
    return [(ln.sku, ln.quantity, ln.unit_cost) for ln in services.purchasing.get_purchase_order(admin, number).lines]


def test_a_purchase_order_is_typed_in_by_keyboard(qtbot, dialog, catalog, admin):
    alt(qtbot, dialog, Qt.Key.Key_N)  # New order...
    chooser = dialog.new_order_dialog
    assert chooser.isVisible() and chooser.supplier_combo.count() == 2
    qtbot.keyClick(chooser.supplier_combo, Qt.Key.Key_P)  # type-to-find in the supplier list
    assert chooser.supplier_combo.currentText() == "Paper & Co"
    alt(qtbot, chooser, Qt.Key.Key_O)  # Open draft
    assert not chooser.isVisible()
    number = dialog.current.number
    assert dialog.current.supplier_name == "Paper & Co" and dialog.current.lines == ()
    assert dialog.sku_edit.hasFocus()
    qtbot.keyClicks(dialog.sku_edit, "book-01")
    alt(qtbot, dialog, Qt.Key.Key_Q)
    assert dialog.quantity_edit.hasFocus()
    qtbot.keyClicks(dialog.quantity_edit, "12")
    alt(qtbot, dialog, Qt.Key.Key_O)
    qtbot.keyClicks(dialog.cost_edit, "3.25")
    qtbot.keyClick(dialog.cost_edit, Qt.Key.Key_Return)
    assert lines_of(catalog, admin, number) == [("BOOK-01", 12, Decimal("3.25"))]
    assert "BOOK-01: 12 on " + number in dialog.message_label.text() and "39.00" in dialog.message_label.text()
    assert dialog.line_model.rowCount() == 1 and dialog.sku_edit.text() == "" and dialog.sku_edit.hasFocus()
    qtbot.keyClicks(dialog.sku_edit, "LAMP-01")
    qtbot.keyClick(dialog.sku_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.quantity_edit, "2")
    qtbot.keyClick(dialog.quantity_edit, Qt.Key.Key_Return)  # blank cost: the product's cost
    assert [s for s, _, _ in lines_of(catalog, admin, number)] == ["BOOK-01", "LAMP-01"]
    # edit: choosing a line fills the fields; change its quantity
    dialog.line_view.setFocus()
    dialog.line_view.setCurrentIndex(dialog.line_model.index(0, 0))
    assert (dialog.sku_edit.text(), dialog.quantity_edit.text(), dialog.cost_edit.text()) == ("BOOK-01", "12", "3.25")
    dialog.quantity_edit.setText("20")
    qtbot.keyClick(dialog.quantity_edit, Qt.Key.Key_Return)
    assert lines_of(catalog, admin, number)[0] == ("BOOK-01", 20, Decimal("3.25"))
    # remove: Tab from the cost field into the lines, Delete on the chosen line
    dialog.cost_edit.setFocus()
    qtbot.keyClick(dialog.cost_edit, Qt.Key.Key_Tab)
    assert dialog.line_view.hasFocus()
    dialog.line_view.setCurrentIndex(dialog.line_model.index(1, 0))
    qtbot.keyClick(dialog.line_view, Qt.Key.Key_Delete)
    assert lines_of(catalog, admin, number) == [("BOOK-01", 20, Decimal("3.25"))]
    assert catalog.purchasing.get_purchase_order(admin, number).total == Decimal("65.00")
    assert dialog.po_model.row(dialog.po_view.currentIndex().row()).total == Decimal("65.00")


def test_a_bad_line_changes_nothing_and_says_why(qtbot, dialog, catalog, admin):
    dialog.new_order()
    dialog.new_order_dialog.choose("Lumen GmbH")
    dialog.new_order_dialog.save()
    number = dialog.current.number
    dialog.sku_edit.setText("LAMP-01")
    dialog.quantity_edit.setText("two")
    dialog.cost_edit.setText("1.234")
    qtbot.keyClick(dialog.quantity_edit, Qt.Key.Key_Return)
    assert "quantity" in dialog.error_label.text().lower() and "1.234" in dialog.error_label.text()
    dialog.quantity_edit.setText("2")
    dialog.cost_edit.clear()
    dialog.sku_edit.setText("NOPE-9")
    qtbot.keyClick(dialog.sku_edit, Qt.Key.Key_Return)
    assert "No product with SKU 'NOPE-9'" in dialog.error_label.text()
    assert lines_of(catalog, admin, number) == []
    assert dialog.sku_edit.text() == "NOPE-9"  # kept for correcting


def test_a_sent_order_cannot_be_edited_in_the_dialog(qtbot, dialog, catalog, admin):
    po = catalog.purchasing.create_purchase_order(admin, "Lumen GmbH", [("LAMP-01", 2)])
    catalog.purchasing.send_purchase_order(admin, po.number)
    dialog.refresh(po.number)
    assert dialog.current.status == "sent"
    assert not dialog.buttons["set_line"].isEnabled() and not dialog.sku_edit.isEnabled()
    dialog.set_line()
    assert "draft" in dialog.error_label.text()
    assert lines_of(catalog, admin, po.number) == [("LAMP-01", 2, po.lines[0].unit_cost)]


def test_a_second_order_for_a_supplier_opens_its_draft(qtbot, dialog, catalog, admin):
    po = catalog.purchasing.create_purchase_order(admin, "Lumen GmbH", [("LAMP-01", 2)])
    dialog.new_order()
    dialog.new_order_dialog.choose("Lumen GmbH")
    dialog.new_order_dialog.save()
    assert dialog.current.number == po.number and dialog.po_model.rowCount() == 1


def test_the_sku_field_offers_products_by_name(qtbot, dialog):
    dialog.new_order()
    dialog.new_order_dialog.choose("Lumen GmbH")
    dialog.new_order_dialog.save()
    qtbot.keyClicks(dialog.sku_edit, "lamp")
    offered = [dialog.sku_model.item(r).data(Qt.ItemDataRole.UserRole) for r in range(dialog.sku_model.rowCount())]
    assert offered == ["LAMP-01"]
    assert "Desk" in dialog.sku_model.item(0).text() or "lamp" in dialog.sku_model.item(0).text().lower()


def test_no_two_things_in_the_purchasing_dialog_answer_one_alt_key(dialog):
    used: Counter = Counter()
    for w in dialog.findChildren(QAbstractButton) + dialog.findChildren(QLabel):
        if isinstance(w, QLabel) and w.buddy() is None:
            continue
        if mnemonic_of(w.text()):
            used[mnemonic_of(w.text())] += 1
    assert used and {k: n for k, n in used.items() if n > 1} == {}
