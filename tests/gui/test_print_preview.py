"""Printing with a preview (issue 17): a document's PDF becomes its pages, shown in QPrintPreviewDialog and printed
from there; the printer chosen for each kind of document is remembered on the workstation."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QShortcut
from PySide6.QtPrintSupport import QPrinter

from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.warehouse import WarehouseTab
from oms_desktop.gui.widgets import print_preview as pp

SQLITE = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
# QPrintPreviewDialog on the offscreen platform
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "printers.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def pick_list_pdf(catalog, admin, customer):
    for _ in range(2):
        catalog.orders.place_order(admin, customer.id, [("BULB-E27", 1), ("LAMP-01", 1)])
    pl = catalog.picking.create_pick_list(admin, next_n=2)
    return pl, catalog.picking.pick_list_pdf(admin, pl.id)


def test_the_default_printer_is_per_kind_and_only_if_still_installed(settings):
    assert pp.default_printer("invoice", settings, available=["Office", "Zebra"]) == ""
    pp.remember_printer("invoice", "Office", settings)
    pp.remember_printer("pick_list", "Zebra", settings)
    assert pp.default_printer("invoice", settings, available=["Office", "Zebra"]) == "Office"
    assert pp.default_printer("pick_list", settings, available=["Office", "Zebra"]) == "Zebra"
    assert pp.default_printer("pick_list", settings, available=["Office"]) == ""  # unplugged: the system default
    pp.remember_printer("invoice", "", settings)  # printed to a file: keeps the printer
    assert pp.default_printer("invoice", settings, available=["Office"]) == "Office"


@SQLITE
def test_every_page_of_the_pdf_is_previewed_and_printed(qapp, pick_list_pdf, tmp_path):
    pp.shutil.which("pdftoppm") or pytest.skip("needs pdftoppm (poppler-utils)")
    _pl, pdf = pick_list_pdf
    pages = pp.pdf_page_images(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(pages) == len(reader.pages) >= 1
    box = reader.pages[0].mediabox
    assert abs(pages[0].width() / pages[0].height() - float(box.width) / float(box.height)) < 0.01
    assert not pages[0].isNull() and pages[0].pixelColor(5, 5).name() == "#ffffff"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pp.paint_pages(printer, pages + pages)
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == 2 * len(pages)


@SQLITE
def test_print_on_the_warehouse_tab_opens_a_preview_of_the_pick_list(qtbot, catalog, users, admin, customer):
    pp.shutil.which("pdftoppm") or pytest.skip("needs pdftoppm (poppler-utils)")
    for _ in range(2):
        catalog.orders.place_order(admin, customer.id, [("BULB-E27", 1)])
    tab = WarehouseTab(catalog, users["warehouse"], JobRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.refresh_queue()
    tab.next_spin.setValue(2)
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    tab.print_pick_list()
    preview = tab.print_preview
    qtbot.waitUntil(preview.isVisible)
    assert preview.kind == "pick_list" and tab.pick_list.number in preview.windowTitle()
    assert len(preview.pages) == len(PdfReader(io.BytesIO(
        catalog.picking.pick_list_pdf(admin, tab.pick_list.id))).pages)
    preview.reject()
    assert "sent to" not in tab.message_label.text()


@SQLITE
def test_a_packing_slip_with_no_order_in_the_form_says_so(qtbot, catalog, users):
    tab = WarehouseTab(catalog, users["warehouse"], JobRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.print_packing_slip()
    assert "Type or scan the order" in tab.message_label.text()
    assert getattr(tab, "print_preview", None) is None


def test_no_way_to_make_pages_is_told_in_words(monkeypatch):
    monkeypatch.setattr(pp.shutil, "which", lambda _name: None)
    with pytest.raises(pp.PreviewUnavailable, match="save the document as PDF|Save the document as PDF"):
        pp._pages_by_pdftoppm(b"%PDF-1.4", 100)


@SQLITE
def test_ctrl_shift_p_on_the_accounts_tab_previews_the_order_s_document(qtbot, accounts_tab, catalog, admin):
    pp.shutil.which("pdftoppm") or pytest.skip("needs pdftoppm (poppler-utils)")
    order = catalog.orders.place_order(admin, None, [("LAMP-01", 1)])
    catalog.receivables.record_payment(admin, order.number, order.total, "cash")
    tab = accounts_tab
    tab.order_edit.setText(order.number)
    shortcut = next(sc for sc in tab._shortcuts if sc.key().toString() == "Ctrl+Shift+P")
    shortcut.activated.emit()
    preview = tab.print_preview
    qtbot.waitUntil(preview.isVisible)
    assert preview.kind == "receipt" and f"R-{order.id:06d}-1" in preview.windowTitle()
    assert len(preview.pages) == len(PdfReader(io.BytesIO(
        catalog.receivables.receipt_pdf(admin, order.number))).pages)
    preview.reject()


@SQLITE
def test_ctrl_shift_p_in_purchasing_previews_the_purchase_order(qtbot, catalog, admin):
    pp.shutil.which("pdftoppm") or pytest.skip("needs pdftoppm (poppler-utils)")
    from oms_desktop.gui.inventory.dialogs import PurchasingDialog
    catalog.purchasing.add_supplier(admin, "Lumen GmbH")
    po = catalog.purchasing.create_purchase_order(admin, "Lumen GmbH", [("LAMP-01", 2)])
    dialog = PurchasingDialog(catalog, admin, JobRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    shortcut = next(sc for sc in dialog.findChildren(QShortcut) if sc.key().toString() == "Ctrl+Shift+P")
    shortcut.activated.emit()
    preview = dialog.print_preview
    qtbot.waitUntil(preview.isVisible)
    assert preview.kind == "purchase_order" and po.number in preview.windowTitle()
    assert len(preview.pages) == len(PdfReader(io.BytesIO(
        catalog.purchasing.render_purchase_order(admin, po.number))).pages)
    preview.reject()
