"""No two Alt+letters in one dialog (issue 17): every dialog the app opens is built with real services on a database
with a catalog, a customer, an order, an open cart, a sent and a received purchase order and a
supplier invoice, shown, and walked: its visible buttons and checkboxes, labels with a buddy,
group boxes and inner tab bars. A clash makes Alt+letter cycle between the two instead of acting."""
from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QDialog, QGroupBox, QLabel, QTabBar, QWidget

from oms_desktop.domain.errors import OutOfStock, Shortage
from oms_desktop.gui.accounts.payment_dialog import PaymentDialog
from oms_desktop.gui.accounts.reprint import DocumentChoiceDialog, PrintableDoc
from oms_desktop.gui.accounts.till_dialog import TillDialog
from oms_desktop.gui.admin.audit_dialog import AuditDialog
from oms_desktop.gui.admin.settings_dialog import SettingsDialog
from oms_desktop.gui.admin.users_dialog import ChangePasswordDialog, UsersDialog
from oms_desktop.gui.backups import BackupsDialog
from oms_desktop.gui.carts.offer_dialog import OfferDialog
from oms_desktop.gui.carts.tab import DEFAULT_OFFERS
from oms_desktop.gui.inventory.catalog_print import CatalogPrintDialog
from oms_desktop.gui.inventory.dialogs import (AdjustDialog, ImportReportDialog, NewPurchaseOrderDialog,
                                               ProductDialog, PurchasingDialog, ReceiveDialog, StockCountDialog,
                                               SupplierDialog, SupplierInvoiceDialog, SupplierPaymentDialog)
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.login import FirstRunDialog, LoginDialog
from oms_desktop.gui.order_entry.amend_dialog import AmendDialog
from oms_desktop.gui.order_entry.customer_merge import CustomerMergeDialog
from oms_desktop.gui.order_entry.dialogs import (CustomerEditDialog, DraftsDialog, KeyboardHelpDialog, ShipToDialog,
                                                 ShortageDialog, TrackingDialog)
from oms_desktop.gui.order_import import OrderImportDialog
from oms_desktop.gui.order_search.dialog import OrderSearchDialog
from oms_desktop.gui.widgets.print_preview import DocumentPrintPreview

from .test_keyboard_clashes import mnemonic

pytestmark = pytest.mark.gui


def dialog_mnemonics(dialog: QWidget) -> Counter:
    """The Alt+letters the dialog answers as shown, with how many things answer each."""
    used: Counter = Counter()
    for w in dialog.findChildren(QWidget):
        if not w.isVisibleTo(dialog) or not w.isEnabled() or w.window() is not dialog:
            continue
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            used[mnemonic(w.text())] += 1
        elif isinstance(w, QGroupBox):
            used[mnemonic(w.title())] += 1
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                used[mnemonic(w.tabText(i))] += 1
    used.pop(None, None)
    return used


# dialogs with no Alt+letter at all (a list and OK/Cancel, a read-only report, the print preview's tool bar)
NO_LETTERS = {"keyboard help", "tracking", "shortage", "drafts", "customer merge", "import report", "reprint choice",
              "print preview"}


def clashes(dialog: QWidget) -> dict[str, int]:
    return {k: n for k, n in dialog_mnemonics(dialog).items() if n > 1}


@pytest.fixture
def built(catalog, users, customer):
    """Every dialog of the app, built as the app builds it, by name."""
    services, admin, jobs = catalog, users["admin"], JobRunner(synchronous=True)
    product = services.catalog.search(admin, "")[0]
    details = services.catalog.get_product_details(admin, product.sku)
    order = services.orders.place_order(admin, customer.id, [(product.sku, 1)])
    supplier = services.purchasing.add_supplier(admin, "Lampen Nord GmbH")
    services.purchasing.create_purchase_order(admin, supplier.id, [(product.sku, 4, "3.50")])
    po = services.purchasing.send_purchase_order(admin, services.purchasing.list_purchase_orders(admin)[0].id)
    received = services.purchasing.create_purchase_order(admin, supplier.id, [(product.sku, 2, "3.50")])
    services.purchasing.send_purchase_order(admin, received.id)
    services.purchasing.receive(admin, received.id)
    supplier_invoice = services.payables.record_supplier_invoice(admin, received.id, "LN-2026-17")
    services.orders.add_line(admin, services.orders.create_draft(admin, customer.id).id, product.sku, 2)
    cart = services.carts.board(admin).carts[0]
    edit_customer, _version = services.customers.get_customer_for_edit(admin, customer.id)
    dialogs = {
        "login": lambda: LoginDialog(services, "test"),
        "first run": lambda: FirstRunDialog(services),
        "settings": lambda: SettingsDialog(services, admin, jobs),
        "users": lambda: UsersDialog(services, admin, jobs),
        "change password": lambda: ChangePasswordDialog(services, admin, jobs),
        "audit": lambda: AuditDialog(services, admin, jobs),
        "backups": lambda: BackupsDialog(services, admin, jobs),
        "catalog print": lambda: CatalogPrintDialog(["Books", "Toys"]),
        "product editor": lambda: ProductDialog(services, admin, jobs, details=details, categories=["Books"]),
        "new product": lambda: ProductDialog(services, admin, jobs, categories=["Books"]),
        "adjust": lambda: AdjustDialog(services, admin, jobs, product),
        "stock count": lambda: StockCountDialog(services, admin, jobs),
        "supplier": lambda: SupplierDialog(services, admin, jobs),
        "new purchase order": lambda: NewPurchaseOrderDialog(services, admin, jobs),
        "purchasing": lambda: PurchasingDialog(services, admin, jobs),
        "receive": lambda: ReceiveDialog(services, admin, jobs, po),
        "supplier invoice": lambda: SupplierInvoiceDialog(services, admin, jobs, po),
        "supplier payment": lambda: SupplierPaymentDialog(services, admin, jobs, supplier_invoice),
        "order import": lambda: OrderImportDialog(services, admin, jobs),
        "order search": lambda: OrderSearchDialog(services, admin, jobs),
        "payment": lambda: PaymentDialog("SO-000001", Decimal("12.50"), "EUR", customer_name="Anna Schmidt",
                                         receipt_printer=True),
        "refund": lambda: PaymentDialog("SO-000001", Decimal("2.50"), "EUR", refund=True),
        "till": lambda: TillDialog(services, users["counter"], jobs),
        **{f"offer ({kind})": (lambda kind=kind: OfferDialog(services, admin, jobs, cart, kind, dict(DEFAULT_OFFERS),
                                                             "en_US"))
           for kind in ("percent", "amount", "shipping", "coupon")},
        "keyboard help": lambda: KeyboardHelpDialog(),
        "customer edit": lambda: CustomerEditDialog(edit_customer),
        "order amend": lambda: AmendDialog(order, lambda *a: None, "en_US"),
        "ship to": lambda: ShipToDialog(order, edit_customer),
        "tracking": lambda: TrackingDialog(order, "en_US"),
        "shortage": lambda: ShortageDialog(OutOfStock([Shortage(product.sku, 5, 2)])),
        "drafts": lambda: DraftsDialog([], "en_US"),
        "customer merge": lambda: CustomerMergeDialog(edit_customer),
        "import report": lambda: ImportReportDialog([], "catalog.csv"),
        "reprint choice": lambda: DocumentChoiceDialog(order.number, [
            PrintableDoc("invoice", "INV-000001", "Invoice INV-000001", invoice_id=1),
            PrintableDoc("receipt", "R-000001-1", "Receipt R-000001-1", order_id=order.id, payment_id=1)]),
        "print preview": lambda: DocumentPrintPreview("invoice", "INV-000001",
                                                      [QImage(20, 28, QImage.Format.Format_RGB32)]),
    }
    return dialogs


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_no_dialog_has_two_things_on_one_alt_letter(qtbot, built):
    seen = {}
    for name, make in built.items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        seen[name] = clashes(dialog)
        assert dialog_mnemonics(dialog) or name in NO_LETTERS, name  # the walk found something
        dialog.hide()
    assert len(seen) == 38  # every QDialog subclass under oms_desktop/gui, some in several states
    assert {name: c for name, c in seen.items() if c} == {}


def test_the_walk_sees_a_clash(qtbot):
    """The check can fail: two buttons on Alt+S in one dialog are found."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QPushButton("&Save"))
    layout.addWidget(QPushButton("&Search"))
    dialog.show()
    assert clashes(dialog) == {"Alt+S": 2}
