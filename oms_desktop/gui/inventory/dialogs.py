"""Dialogs of the inventory tab: product editor, stock adjustment, stock count, import report, purchasing (with
receiving, supplier invoices and supplier payments)."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QCompleter, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QSplitter, QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...domain.errors import Cancelled, StorageError, UserFacingError, ValidationFailed
from ...domain.money import parse_amount
from ...domain.orders import parse_quantity, parse_rate
from ...domain.pricing import supplier_invoice_totals
from ...domain.roles import Perm, can
from ...services.inventory import ADJUST_REASONS
from .. import format as fmt
from ..errors import show_error
from ..labels import label
from ..widgets.dialogs import discard_dialog
from ..widgets.message_line import message_style
from ..widgets.print_preview import DocumentPrintPreview, pdf_page_images
from ..widgets.save_dialogs import ask_save_path
from .models import RowsModel
from ..messages import text_of

MANUAL_REASONS = tuple(r for r in ADJUST_REASONS if r != "receipt")  # receipts come from purchase orders
#: what the reason list shows for each reason (the code is what the service gets)
REASON_LABELS = {"count": QT_TRANSLATE_NOOP("AdjustDialog", "count"),
                 "damage": QT_TRANSLATE_NOOP("AdjustDialog", "damage"),
                 "found": QT_TRANSLATE_NOOP("AdjustDialog", "found"),
                 "correction": QT_TRANSLATE_NOOP("AdjustDialog", "correction"),
                 "receipt": QT_TRANSLATE_NOOP("AdjustDialog", "receipt")}


def _error_label() -> QLabel:
    label = QLabel(objectName="error_label")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    message_style(label, error=True)
    return label


class _ServiceDialog(QDialog):
    """A dialog whose buttons run service calls in jobs and show refusals in its own error line."""

    def __init__(self, services, actor, jobs, parent=None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.error_label = _error_label()

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, (UserFacingError, StorageError)):
            self.error_label.setText(text_of(exc))
        else:
            show_error(self, exc)

    def run(self, fn, on_success, *, write: bool = True):
        """Run ``fn()`` as a job; its callbacks are dropped if this dialog is destroyed before it ends."""
        self.error_label.clear()
        return self.jobs.submit(lambda _job: fn(), on_success=on_success, on_failure=self.show_error, write=write,
                                owner=self)


class ProductDialog(_ServiceDialog):
    """Create or edit a product. Text fields go to the service as typed; it validates and names every problem.

    Signals:
        saved(object): the saved ProductDTO.
    """

    saved = Signal(object)

    def __init__(self, services, actor, jobs, *, details=None, categories=(), suppliers=(), parent=None):
        super().__init__(services, actor, jobs, parent)
        self.details = details
        p = details.product if details else None
        self.setWindowTitle(self.tr("Edit {sku}").format(sku=p.sku) if p else self.tr("New product"))
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}

        def edit(key, label, value="", placeholder=""):
            e = QLineEdit(value, objectName=f"{key}_edit")
            e.setPlaceholderText(placeholder)
            self.edits[key] = e
            form.addRow(label, e)
            return e

        sku = edit("sku", self.tr("&SKU"), p.sku if p else "", self.tr("e.g. LAMP-01"))
        sku.setReadOnly(p is not None)
        edit("name", self.tr("&Name"), p.name if p else "")
        edit("unit_price", self.tr("&Price"), str(p.unit_price) if p else "", self.tr("e.g. 19.99"))
        edit("tax_rate", self.tr("&Tax rate"),
             format(p.tax_rate * 100, "f").rstrip("0").rstrip(".") + "%" if p else "", self.tr("e.g. 19% or 0.19"))
        edit("unit_cost", self.tr("Unit &cost"), str(details.unit_cost) if details else "",
             self.tr("what the supplier charges"))
        edit("barcode", self.tr("&Barcode"), (p.barcode or "") if p else "", self.tr("EAN/UPC or empty"))
        self.category_combo = QComboBox(objectName="category_combo")
        self.category_combo.setEditable(True)
        self.category_combo.addItems(list(categories))
        self.category_combo.setCurrentText(p.category if p else "")
        form.addRow(self.tr("C&ategory"), self.category_combo)
        edit("location", self.tr("&Location"), p.location if p else "", self.tr("e.g. A-01-02"))
        edit("reorder_point", self.tr("&Reorder point"), str(p.reorder_point) if p else "0")
        edit("reorder_qty", self.tr("Reorder &quantity"), str(p.reorder_qty) if p else "0",
             self.tr("0: order up to 2 x point"))
        if p is None:
            edit("on_hand", self.tr("&Opening stock"), "0")
        self.supplier_combo = QComboBox(objectName="supplier_combo")
        self.supplier_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.supplier_combo.addItem(self.tr("(none)"), None)
        for s in suppliers:
            self.supplier_combo.addItem(s.name, s.id)
        if details and details.supplier_id is not None:
            self.supplier_combo.setCurrentIndex(max(0, self.supplier_combo.findData(details.supplier_id)))
        form.addRow(self.tr("Pre&ferred supplier"), self.supplier_combo)
        self.description_edit = QPlainTextEdit(p.description if p else "", objectName="description_edit")
        self.description_edit.setMaximumHeight(60)
        form.addRow(self.tr("&Description"), self.description_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.error_label)
        root.addWidget(buttons)
        self.setMinimumWidth(460)

    def fields(self) -> dict[str, str]:
        out = {k: e.text() for k, e in self.edits.items()}
        out["category"] = self.category_combo.currentText()
        out["description"] = self.description_edit.toPlainText()
        return out

    def save(self) -> None:
        fields, supplier_id = self.fields(), self.supplier_combo.currentData()
        old_supplier = self.details.supplier_id if self.details else None
        services, actor, details = self.services, self.actor, self.details

        def work():
            if details is None:
                product = services.catalog.create_product(actor, fields)
            else:
                # the version the form showed: a save over someone else's change since is refused (StaleEdit,
                # naming who and when) and this dialog stays open with what was typed
                product = services.catalog.update_product(actor, details.product.sku, fields,
                                                          expected_version=details.version)
            if supplier_id != old_supplier:
                services.purchasing.set_preferred_supplier(actor, product.sku, supplier_id)
            return product

        self.run(work, self._saved)

    def _saved(self, product) -> None:
        self.saved.emit(product)
        self.accept()


class AdjustDialog(_ServiceDialog):
    """Add to or take from on hand with a reason; written as an "adjust" stock move.

    Signals:
        adjusted(int): the new on-hand figure.
    """

    adjusted = Signal(int)

    def __init__(self, services, actor, jobs, product, parent=None):
        super().__init__(services, actor, jobs, parent)
        self.product = product
        self.setWindowTitle(self.tr("Adjust stock of {sku}").format(sku=product.sku))
        form = QFormLayout()
        form.addRow(self.tr("Product"), QLabel(
            self.tr("{sku}  {name}\nOn hand {on_hand}, reserved {reserved}, available {available}").format(
                sku=product.sku, name=product.name, on_hand=product.on_hand, reserved=product.reserved,
                available=product.available)))
        self.quantity_edit = QLineEdit(objectName="quantity_edit")
        self.quantity_edit.setPlaceholderText(self.tr("e.g. 5 to add, -2 to take away"))
        form.addRow(self.tr("&Change by"), self.quantity_edit)
        self.reason_combo = QComboBox(objectName="reason_combo")
        for reason in MANUAL_REASONS:
            self.reason_combo.addItem(self.tr(REASON_LABELS[reason]), reason)
        form.addRow(self.tr("&Reason"), self.reason_combo)
        self.note_edit = QLineEdit(objectName="note_edit")
        form.addRow(self.tr("&Note"), self.note_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.error_label)
        root.addWidget(buttons)

    def save(self) -> None:
        qty, reason, note = self.quantity_edit.text(), self.reason_combo.currentData(), self.note_edit.text()
        sku = self.product.sku
        self.run(lambda: self.services.inventory.adjust_stock(self.actor, sku, qty, reason, note), self._done)

    def _done(self, on_hand: int) -> None:
        self.adjusted.emit(on_hand)
        self.accept()


class StockCountDialog(_ServiceDialog):
    """Count a location: scan or type "SKU" (one unit) or "SKU 12" / "12*SKU" per line; Post books the differences.

    Signals:
        posted(object): the CountResult.
    """

    posted = Signal(object)

    def __init__(self, services, actor, jobs, location: str = "", parent=None):
        super().__init__(services, actor, jobs, parent)
        self.setWindowTitle(self.tr("Stock count"))
        self.location_edit = QLineEdit(location, objectName="location_edit")
        self.location_edit.setPlaceholderText(self.tr("location counted, e.g. A-01-02 (empty: any)"))
        self.scan_edit = QLineEdit(objectName="scan_edit")
        self.scan_edit.setPlaceholderText(self.tr("scan a barcode or type SKU [quantity], Enter adds"))
        self.scan_edit.returnPressed.connect(self.add_scanned)
        self.table = QTableWidget(0, 2, objectName="count_table")
        self.table.setHorizontalHeaderLabels([self.tr("SKU or barcode"), self.tr("Counted")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.post_button = QPushButton(self.tr("&Post count"), objectName="post_button")
        self.post_button.clicked.connect(self.post)
        remove = QPushButton(self.tr("&Remove line"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Location"), self.location_edit)
        form.addRow(self.tr("&Scan"), self.scan_edit)
        for b in (self.post_button, remove, close):
            b.setAutoDefault(False)  # Enter in the scan field adds a line; it must never post or remove one
        buttons = QHBoxLayout()
        buttons.addWidget(remove)
        buttons.addStretch()
        buttons.addWidget(self.post_button)
        buttons.addWidget(close)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.table)
        root.addWidget(self.error_label)
        root.addLayout(buttons)
        self.resize(480, 420)

    def add_scanned(self) -> None:
        text = self.scan_edit.text().strip()
        self.scan_edit.clear()
        if not text:
            return
        key, qty = text, 1
        parts = text.replace("*", " ").split()
        if len(parts) == 2 and parts[1].lstrip("-").isdigit():
            key, qty = parts[0], int(parts[1])
        elif len(parts) == 2 and parts[0].isdigit():
            key, qty = parts[1], int(parts[0])
        self.add(key, qty)

    def add(self, key: str, qty: int) -> None:
        """A scan adds to the line of the same SKU or barcode (one line per product being counted)."""
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text().upper() == key.upper():
                item = self.table.item(r, 1)
                item.setText(str(int(item.text() or 0) + qty) if item.text().lstrip("-").isdigit() else str(qty))
                self.table.setCurrentCell(r, 1)
                return
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(key))
        count = QTableWidgetItem(str(qty))
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(r, 1, count)
        self.table.setCurrentCell(r, 1)

    def counts(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]

    def post(self) -> None:
        location, counts = self.location_edit.text(), self.counts()
        self.run(lambda: self.services.inventory.post_stock_count(self.actor, location, counts), self._posted)

    def _posted(self, result) -> None:
        self.posted.emit(result)
        self.accept()


class ImportReportDialog(QDialog):
    """Every problem of a rejected catalog file, by row and column; nothing was imported."""

    def __init__(self, problems, file_name: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Catalog import: nothing was imported"))
        self.model = RowsModel([(self.tr("Row"), lambda p: p.row or "", True),
                                (self.tr("Column"), lambda p: p.column, False),
                                (self.tr("Problem"), lambda p: p.message, False)], problems, parent=self)
        found = self.tr("{count} problem(s) were found, so no product was imported or changed. Correct the rows below "
                        "and import the file again.").format(count=len(problems))
        head = QLabel(f"{file_name + ': ' if file_name else ''}{found}", objectName="summary_label")
        head.setWordWrap(True)
        self.view = QTableView(objectName="problems_view")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addWidget(head)
        root.addWidget(self.view)
        root.addWidget(buttons)
        self.resize(720, 400)


class ReceiveDialog(_ServiceDialog):
    """Receive goods on a purchase order: the quantities default to everything outstanding.

    Signals:
        received(object): the purchase order after the receipt.
    """

    received = Signal(object)

    def __init__(self, services, actor, jobs, po, parent=None):
        super().__init__(services, actor, jobs, parent)
        self.po = po
        self.setWindowTitle(self.tr("Receive {number} from {supplier}").format(number=po.number,
                                                                                 supplier=po.supplier_name))
        lines = [ln for ln in po.lines if ln.outstanding > 0]
        self.table = QTableWidget(len(lines), 4, objectName="receive_table")
        self.table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Name"), self.tr("Outstanding"),
                                              self.tr("Receive now")])
        for r, ln in enumerate(lines):
            for c, value in enumerate((ln.sku, ln.name, str(ln.outstanding), str(ln.outstanding))):
                item = QTableWidgetItem(value)
                if c < 3:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Receive"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addWidget(QLabel(self.tr("Change 'Receive now' for a partial delivery (0 for a line that did not come).")))
        root.addWidget(self.table)
        root.addWidget(self.error_label)
        root.addWidget(buttons)
        self.resize(620, 320)

    def set_quantity(self, sku: str, qty) -> None:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text() == sku:
                self.table.item(r, 3).setText(str(qty))

    def quantities(self) -> dict[str, str]:
        return {self.table.item(r, 0).text(): self.table.item(r, 3).text().strip()
                for r in range(self.table.rowCount()) if self.table.item(r, 3).text().strip() not in ("", "0")}

    def save(self) -> None:
        quantities, ref = self.quantities(), self.po.number
        self.run(lambda: self.services.purchasing.receive(self.actor, ref, quantities), self._done)

    def _done(self, po) -> None:
        self.received.emit(po)
        self.accept()


class SupplierDialog(_ServiceDialog):
    """Add a supplier. Signals: added(object): the SupplierDTO."""

    added = Signal(object)

    def __init__(self, services, actor, jobs, parent=None):
        super().__init__(services, actor, jobs, parent)
        self.setWindowTitle(self.tr("New supplier"))
        form = QFormLayout()
        self.name_edit = QLineEdit(objectName="name_edit")
        self.email_edit = QLineEdit(objectName="email_edit")
        self.phone_edit = QLineEdit(objectName="phone_edit")
        self.address_edit = QPlainTextEdit(objectName="address_edit")
        self.address_edit.setMaximumHeight(70)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Email"), self.email_edit)
        form.addRow(self.tr("&Phone"), self.phone_edit)
        form.addRow(self.tr("&Address"), self.address_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.error_label)
        root.addWidget(buttons)

    def save(self) -> None:
        name, email, phone = self.name_edit.text(), self.email_edit.text(), self.phone_edit.text()
        address = self.address_edit.toPlainText()
        self.run(lambda: self.services.purchasing.add_supplier(self.actor, name, email=email, phone=phone,
                                                               address=address), self._done)

    def _done(self, supplier) -> None:
        self.added.emit(supplier)
        self.accept()


class NewPurchaseOrderDialog(_ServiceDialog):
    """Start a purchase order by hand: choose the supplier; its open draft opens (or a new, empty one).

    Signals:
        opened(object): the draft PurchaseOrderDTO.
    """

    opened = Signal(object)

    def __init__(self, services, actor, jobs, parent=None):
        super().__init__(services, actor, jobs, parent)
        self.setWindowTitle(self.tr("New purchase order"))
        self.supplier_combo = QComboBox(objectName="supplier_combo")
        self.supplier_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        form = QFormLayout()
        supplier_label = QLabel(self.tr("&Supplier"))
        supplier_label.setBuddy(self.supplier_combo)
        form.addRow(supplier_label, self.supplier_combo)
        hint = QLabel(self.tr("Lines go onto the supplier's open draft when it has one."))
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Open draft"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(hint)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        self.run(lambda: self.services.purchasing.list_suppliers(self.actor), self._listed, write=False)

    def _listed(self, suppliers) -> None:
        self.supplier_combo.clear()
        for s in suppliers:
            self.supplier_combo.addItem(s.name, s.id)
        if not suppliers:
            self.error_label.setText(self.tr("There is no supplier yet; add one with New supplier first."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(suppliers))

    def choose(self, name: str) -> None:
        self.supplier_combo.setCurrentIndex(self.supplier_combo.findText(name))

    def save(self) -> None:
        supplier_id = self.supplier_combo.currentData()
        if supplier_id is None:
            self.error_label.setText(self.tr("Choose a supplier."))
            return
        self.run(lambda: self.services.purchasing.open_draft(self.actor, supplier_id), self._done)

    def _done(self, po) -> None:
        self.opened.emit(po)
        self.accept()


PO_STATUS_TEXT = {"draft": QT_TRANSLATE_NOOP("PurchasingDialog", "Draft"),
                  "sent": QT_TRANSLATE_NOOP("PurchasingDialog", "Sent"),
                  "partly_received": QT_TRANSLATE_NOOP("PurchasingDialog", "Partly received"),
                  "received": QT_TRANSLATE_NOOP("PurchasingDialog", "Received"),
                  "cancelled": QT_TRANSLATE_NOOP("PurchasingDialog", "Cancelled")}


def po_status(status: str) -> str:
    """A purchase order's status as the purchasing dialog shows it (capitalised; the code when unknown)."""
    return QCoreApplication.translate("PurchasingDialog", PO_STATUS_TEXT[status]) if status in PO_STATUS_TEXT \
        else label(status)


class PurchasingDialog(_ServiceDialog):
    """Purchase orders: suggest from reorder points, send, receive (all or part), cancel, save as PDF.

    Signals:
        stock_changed(): goods were received (the catalog view refreshes from the event feed too).
    """

    stock_changed = Signal()

    def __init__(self, services, actor, jobs, *, locale: str = "en_US", parent=None):
        super().__init__(services, actor, jobs, parent)
        self.locale = locale
        self.setWindowTitle(self.tr("Purchasing"))
        self.po_model = RowsModel([
            (self.tr("Number"), lambda o: o.number, False), (self.tr("Supplier"), lambda o: o.supplier_name, False),
            (self.tr("Status"), lambda o: po_status(o.status), False),
            (self.tr("Lines"), lambda o: o.line_count, True),
            (self.tr("Total"), lambda o: fmt.money(o.total, o.currency, self.locale), True),
            (self.tr("Created"), lambda o: fmt.when(o.created_at), False)], parent=self)
        self.line_model = RowsModel([
            (self.tr("SKU"), lambda ln: ln.sku, False), (self.tr("Name"), lambda ln: ln.name, False),
            (self.tr("Ordered"), lambda ln: ln.quantity, True), (self.tr("Received"), lambda ln: ln.received, True),
            (self.tr("Outstanding"), lambda ln: ln.outstanding, True),
            (self.tr("Invoiced"), lambda ln: ln.invoiced, True),
            (self.tr("Unit cost"), lambda ln: fmt.money(ln.unit_cost, self.current.currency, self.locale)
             if self.current else "", True)], parent=self)
        self.invoice_model = RowsModel([
            (self.tr("Ours"), lambda i: i.reference, False), (self.tr("Supplier's number"), lambda i: i.number, False),
            (self.tr("Date"), lambda i: i.invoice_date.isoformat(), False),
            (self.tr("Total"), lambda i: fmt.money(i.total, i.currency, self.locale), True),
            (self.tr("Variance"), lambda i: fmt.money(i.variance, i.currency, self.locale), True),
            (self.tr("Paid"), lambda i: fmt.money(i.paid, i.currency, self.locale), True),
            (self.tr("Open"), lambda i: fmt.money(i.open, i.currency, self.locale), True)], parent=self)
        self.current = None
        self.po_view = QTableView(objectName="po_view")
        self.line_view = QTableView(objectName="po_line_view")
        self.invoice_view = QTableView(objectName="supplier_invoice_view")
        for v, model in ((self.po_view, self.po_model), (self.line_view, self.line_model),
                         (self.invoice_view, self.invoice_model)):
            v.setModel(model)
            v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            v.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            v.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            v.verticalHeader().hide()
            v.setWordWrap(False)
            v.verticalHeader().setDefaultSectionSize(24)
            v.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.po_view.setColumnWidth(5, 130)
        self.po_view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select(cur.row()))
        self.invoice_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        self.message_label = QLabel(objectName="message_label")
        self.message_label.setWordWrap(True)
        message_style(self.message_label, error=False)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (("new", self.tr("&New order..."), self.new_order),
                                ("suggest", self.tr("S&uggest purchase"), self.suggest),
                                ("supplier", self.tr("New su&pplier"), self.new_supplier),
                                ("send", self.tr("&Send"), self.send),
                                ("receive", self.tr("&Receive..."), self.receive),
                                ("cancel", self.tr("&Cancel order"), self.cancel_po),
                                ("pdf", self.tr("Save P&DF..."), self.save_pdf),
                                ("invoice", self.tr("Record supplier &invoice..."), self.record_invoice),
                                ("pay", self.tr("Pa&y supplier..."), self.pay_invoice)):
            b = QPushButton(text, objectName=f"{key}_button")
            b.clicked.connect(slot)
            self.buttons[key] = b
            row.addWidget(b)
        row.addStretch()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        invoices = QWidget()
        il = QVBoxLayout(invoices)
        il.setContentsMargins(0, 0, 0, 0)
        self.invoice_label = QLabel(self.tr("Supplier invoices of the selected order"), objectName="invoice_label")
        il.addWidget(self.invoice_label)
        il.addWidget(self.invoice_view)
        lines = QWidget()
        ll = QVBoxLayout(lines)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(self._line_editor())
        ll.addWidget(self.line_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.po_view)
        split.addWidget(lines)
        split.addWidget(invoices)
        for i, stretch in enumerate((2, 3, 1)):
            split.setStretchFactor(i, stretch)
        root = QVBoxLayout(self)
        root.addLayout(row)
        root.addWidget(split)
        root.addWidget(self.message_label)
        root.addWidget(self.error_label)
        self.setTabOrder(self.cost_edit, self.line_view)  # Tab from the fields goes to the lines (Delete removes one)
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)  # Enter in a line field adds the line; it must not press a button too
        self.resize(1100, 640)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh)
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, activated=self.print_po,
                  whatsThis=self.tr("print the purchase order (with a preview)"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.line_view, activated=self.remove_line,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self._update_buttons()
        self.refresh()

    def _line_editor(self) -> QHBoxLayout:
        """SKU (type-ahead over the catalog), quantity and unit cost of a draft's line; Enter puts it on."""
        self.sku_edit = QLineEdit(objectName="sku_edit", placeholderText=self.tr("SKU or name"))
        self.quantity_edit = QLineEdit(objectName="quantity_edit", placeholderText=self.tr("e.g. 12"))
        self.cost_edit = QLineEdit(objectName="cost_edit", placeholderText=self.tr("blank: product's cost"))
        self.quantity_edit.setMaximumWidth(90)
        self.cost_edit.setMinimumWidth(self.cost_edit.fontMetrics().horizontalAdvance(
            self.cost_edit.placeholderText()) + 16)
        self.sku_model = QStandardItemModel(self)
        self.sku_completer = QCompleter(self.sku_model, self)
        self.sku_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.sku_completer.setCompletionRole(Qt.ItemDataRole.UserRole)  # the popup shows names, the field the SKU
        self.sku_edit.setCompleter(self.sku_completer)
        self.sku_edit.textEdited.connect(self._look_up_skus)
        row = QHBoxLayout()
        for text, edit in ((self.tr("S&KU"), self.sku_edit), (self.tr("&Quantity"), self.quantity_edit),
                           (self.tr("Unit c&ost"), self.cost_edit)):
            label = QLabel(text)
            label.setBuddy(edit)
            row.addWidget(label)
            row.addWidget(edit, 2 if edit is self.sku_edit else 0)
            edit.returnPressed.connect(self.set_line)
        for key, text, slot in (("set_line", self.tr("&Add / change line"), self.set_line),
                                ("remove_line", self.tr("Remo&ve line"), self.remove_line)):
            b = QPushButton(text, objectName=f"{key}_button")
            b.clicked.connect(slot)
            self.buttons[key] = b
            row.addWidget(b)
        self.line_view.selectionModel().currentRowChanged.connect(lambda cur, _p: self._line_chosen(cur.row()))
        return row

    def _look_up_skus(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        catalog, actor = self.services.catalog, self.actor
        self.run(lambda: catalog.search(actor, text, limit=20), self._skus_found, write=False)

    def _skus_found(self, products) -> None:
        self.sku_model.clear()
        for p in products:
            item = QStandardItem(f"{p.sku}  {p.name}")
            item.setData(p.sku, Qt.ItemDataRole.UserRole)
            self.sku_model.appendRow(item)
        if products and self.sku_edit.hasFocus():
            self.sku_completer.complete()

    def _line_chosen(self, row: int) -> None:
        ln = self.line_model.row(row)
        if ln is None or not self.current or self.current.status != "draft":
            return
        self.sku_edit.setText(ln.sku)
        self.quantity_edit.setText(str(ln.quantity))
        self.cost_edit.setText(str(ln.unit_cost))

    def editable(self) -> bool:
        return (can(self.actor.role, Perm.PURCHASING) and self.current is not None
                and self.current.status == "draft")

    def new_order(self) -> None:
        if not self.buttons["new"].isEnabled():
            return
        discard_dialog(getattr(self, "new_order_dialog", None))
        self.new_order_dialog = NewPurchaseOrderDialog(self.services, self.actor, self.jobs, parent=self)
        self.new_order_dialog.opened.connect(self._draft_opened)
        self.new_order_dialog.open()

    def _draft_opened(self, po) -> None:
        self.message(self.tr("{number} for {supplier} is open: enter its lines (SKU, quantity, cost) and press "
                             "Enter.").format(number=po.number, supplier=po.supplier_name))
        self.refresh(po.number)
        self.activateWindow()  # back from the supplier chooser: with no window manager nothing else activates us
        self.sku_edit.setFocus()

    def set_line(self) -> None:
        if not self.editable():
            self.error_label.setText(self.tr("Choose a draft purchase order first (New order starts one)."))
            return
        ref, sku = self.current.number, self.sku_edit.text()
        qty, cost = self.quantity_edit.text(), self.cost_edit.text()
        self.run(lambda: self.services.purchasing.set_purchase_order_line(self.actor, ref, sku, qty, cost),
                 lambda po: self._lines_changed(po, self.tr("{sku}: {quantity} on {number}").format(
                     sku=sku.strip().upper(), quantity=qty.strip(), number=po.number)))

    def remove_line(self) -> None:
        ln = self.line_model.row(self.line_view.currentIndex().row())
        if not self.editable() or ln is None:
            return
        ref = self.current.number
        self.run(lambda: self.services.purchasing.remove_purchase_order_line(self.actor, ref, ln.sku),
                 lambda po: self._lines_changed(po, self.tr("{sku} removed from {number}").format(
                     sku=ln.sku, number=po.number)))

    def _lines_changed(self, po, what: str) -> None:
        self.message(self.tr("{what}; total {total}.").format(what=what,
                                                              total=fmt.money(po.total, po.currency, self.locale)))
        for edit in (self.sku_edit, self.quantity_edit, self.cost_edit):
            edit.clear()
        self.refresh(po.number)
        self.sku_edit.setFocus()

    def message(self, text: str) -> None:
        self.message_label.setText(text)

    def refresh(self, select_number: str | None = None) -> None:
        keep = select_number or (self.current.number if self.current else None)
        self.run(lambda: self.services.purchasing.list_purchase_orders(self.actor),
                 lambda orders: self._listed(orders, keep), write=False)

    def _listed(self, orders, keep) -> None:
        self.po_model.set_rows(orders)
        row = next((i for i, o in enumerate(orders) if o.number == keep), 0 if orders else -1)
        if row >= 0:
            self.po_view.selectRow(row)
            self._select(row)
        else:
            self._show(None)

    def _select(self, row: int) -> None:
        po = self.po_model.row(row)
        if po is None:
            self._show(None)
            return
        purchasing, payables, actor = self.services.purchasing, self.services.payables, self.actor
        self.run(lambda: (purchasing.get_purchase_order(actor, po.id),
                          payables.list_supplier_invoices(actor, po_ref=po.id)),
                 lambda found: self._show(*found), write=False)

    def _show(self, po, invoices=()) -> None:
        self.current = po
        self.line_model.set_rows(po.lines if po else ())
        self.invoice_model.set_rows(invoices)
        if invoices:
            self.invoice_view.selectRow(next((i for i, inv in enumerate(invoices) if inv.open > 0), 0))
        invoiceable = sum(ln.invoiceable for ln in po.lines) if po else 0
        text = self.tr("Supplier invoices of {number}: {count}").format(number=po.number, count=len(invoices)) \
            if po else self.tr("Supplier invoices")
        if invoiceable:
            text = self.tr("{invoices}; {units} unit(s) received and not yet invoiced").format(invoices=text,
                                                                                             units=invoiceable)
        self.invoice_label.setText(text)
        self._update_buttons()

    def current_invoice(self):
        return self.invoice_model.row(self.invoice_view.currentIndex().row())

    def _update_buttons(self) -> None:
        status = self.current.status if self.current else None
        buying = can(self.actor.role, Perm.PURCHASING)  # an accountant opens this dialog for supplier invoices
        for key in ("new", "suggest", "supplier"):
            self.buttons[key].setEnabled(buying)
        for key in ("set_line", "remove_line"):
            self.buttons[key].setEnabled(buying and status == "draft")
        for edit in (self.sku_edit, self.quantity_edit, self.cost_edit):
            edit.setEnabled(buying and status == "draft")
        self.buttons["send"].setEnabled(buying and status == "draft")
        self.buttons["receive"].setEnabled(buying and status in ("sent", "partly_received"))
        self.buttons["cancel"].setEnabled(buying and status in ("draft", "sent"))
        self.buttons["pdf"].setEnabled(status is not None)
        accounting = can(self.actor.role, Perm.ACCOUNTING)
        self.buttons["invoice"].setEnabled(accounting and self.current is not None
                                           and any(ln.invoiceable > 0 for ln in self.current.lines))
        invoice = self.current_invoice()
        self.buttons["pay"].setEnabled(accounting and invoice is not None and invoice.open > 0)

    def suggest(self) -> None:
        self.run(lambda: self.services.purchasing.suggest_purchase(self.actor), self._suggested)

    def _suggested(self, result) -> None:
        parts = [self.tr("{count} draft purchase order(s) created or added to").format(count=len(result.orders))
                 if result.orders else
                 self.tr("Nothing to order: every product is above its reorder point or already on order")]
        if result.without_supplier:
            skus = ", ".join(result.without_supplier[:8]) + (" ..." if len(result.without_supplier) > 8 else "")
            parts.append(self.tr("no preferred supplier for {skus} (set one in the product editor)").format(skus=skus))
        self.message("; ".join(parts) + ".")
        self.refresh(result.orders[0].number if result.orders else None)

    def new_supplier(self) -> None:
        discard_dialog(getattr(self, "supplier_dialog", None))
        self.supplier_dialog = SupplierDialog(self.services, self.actor, self.jobs, parent=self)
        self.supplier_dialog.added.connect(
            lambda s: self.message(self.tr("Added supplier {name}.").format(name=s.name)))
        self.supplier_dialog.open()

    def send(self) -> None:
        ref = self.current.number
        self.run(lambda: self.services.purchasing.send_purchase_order(self.actor, ref), self._changed)

    def cancel_po(self) -> None:
        ref = self.current.number
        self.run(lambda: self.services.purchasing.cancel_purchase_order(self.actor, ref), self._changed)

    def receive(self) -> None:
        discard_dialog(getattr(self, "receive_dialog", None))
        self.receive_dialog = ReceiveDialog(self.services, self.actor, self.jobs, self.current, parent=self)
        self.receive_dialog.received.connect(self._received)
        self.receive_dialog.open()

    def _received(self, po) -> None:
        self.stock_changed.emit()
        self._changed(po)

    def record_invoice(self) -> None:
        if not self.buttons["invoice"].isEnabled():
            return
        discard_dialog(getattr(self, "invoice_dialog", None))
        self.invoice_dialog = SupplierInvoiceDialog(self.services, self.actor, self.jobs, self.current,
                                                    locale=self.locale, parent=self)
        self.invoice_dialog.recorded.connect(self._invoice_recorded)
        self.invoice_dialog.open()

    def _invoice_recorded(self, inv) -> None:
        owed = fmt.money(inv.total, inv.currency, self.locale)
        text = self.tr("Recorded {supplier}'s invoice {number} as {reference}: {owed} owed, price variance "
                       "{variance}.") if inv.variance else \
            self.tr("Recorded {supplier}'s invoice {number} as {reference}: {owed} owed.")
        self.message(text.format(supplier=inv.supplier_name, number=inv.number, reference=inv.reference, owed=owed,
                                 variance=fmt.money(inv.variance, inv.currency, self.locale)))
        self.refresh(self.current.number if self.current else None)

    def pay_invoice(self) -> None:
        invoice = self.current_invoice()
        if invoice is None or not self.buttons["pay"].isEnabled():
            return
        discard_dialog(getattr(self, "pay_dialog", None))
        self.pay_dialog = SupplierPaymentDialog(self.services, self.actor, self.jobs, invoice, locale=self.locale,
                                                parent=self)
        self.pay_dialog.paid.connect(self._invoice_paid)
        self.pay_dialog.open()

    def _invoice_paid(self, pay) -> None:
        text = self.tr("Paid {amount} to {supplier} on {reference}; {open} still open.") if pay.open_after else \
            self.tr("Paid {amount} to {supplier} on {reference}; paid in full.")
        self.message(text.format(amount=fmt.money(pay.amount, pay.currency, self.locale), supplier=pay.supplier_name,
                                 reference=pay.invoice_reference,
                                 open=fmt.money(pay.open_after, pay.currency, self.locale)))
        self.refresh(self.current.number if self.current else None)

    def _changed(self, po) -> None:
        self.message(self.tr("{number} is now {status}.").format(number=po.number, status=label(po.status)))
        self.refresh(po.number)

    def print_po(self) -> None:
        """The purchase order through a print preview, on this workstation's purchase order printer first."""
        if self.current is None:
            return
        ref, purchasing, actor = self.current.number, self.services.purchasing, self.actor

        def preview(pages) -> None:
            discard_dialog(getattr(self, "print_preview", None))
            dialog = self.print_preview = DocumentPrintPreview("purchase_order", ref, pages, self)
            dialog.finished.connect(lambda result: self.message(
                self.tr("{number} sent to {printer}.").format(
                    number=ref, printer=dialog.printer.printerName() or self.tr("the printer"))) if result else None)
            dialog.open()

        self.run(lambda: pdf_page_images(purchasing.render_purchase_order(actor, ref)), preview, write=False)

    def save_pdf(self, path: str | None = None) -> None:
        ref = self.current.number
        if not path:
            path = ask_save_path(self, self.tr("Save {number} as PDF").format(number=ref), f"{ref}.pdf",
                                 self.tr("PDF (*.pdf)"), "purchase_order")
            if not path:
                return

        def work():
            pdf = self.services.purchasing.render_purchase_order(self.actor, ref)
            with open(path, "wb") as f:
                f.write(pdf)
            return path

        self.run(work, lambda p: self.message(self.tr("Saved {number} to {path}.").format(number=ref, path=p)),
                 write=False)


class SupplierInvoiceDialog(_ServiceDialog):
    """Record a supplier's invoice against a purchase order. It lists what is invoiceable (received and not yet
    invoiced); the quantity defaults to all of it and the price to the order's unit cost, so an invoice that matches
    the order needs only its number. Lines with quantity 0 (or empty) are left out. Ctrl+Enter records.

    Signals:
        recorded(object): the SupplierInvoiceDTO.
    """

    recorded = Signal(object)
    QTY, PRICE = 5, 6  # the editable columns

    def __init__(self, services, actor, jobs, po, *, locale: str = "en_US", parent=None):
        super().__init__(services, actor, jobs, parent)
        self.po, self.locale = po, locale
        self.setWindowTitle(self.tr("Supplier invoice for {number} from {supplier}").format(
            number=po.number, supplier=po.supplier_name))
        self.lines = [ln for ln in po.lines if ln.invoiceable > 0]
        form = QFormLayout()
        self.number_edit = QLineEdit(objectName="number_edit")
        self.number_edit.setPlaceholderText(self.tr("as printed on the supplier's invoice"))
        self.date_edit = QDateEdit(QDate.currentDate(), objectName="date_edit", calendarPopup=True,
                                   displayFormat="yyyy-MM-dd")
        self.tax_edit = QLineEdit(objectName="tax_edit")
        self.tax_edit.setPlaceholderText(self.tr("input tax (VAT): an amount, or a rate such as 19%; empty: none"))
        self.notes_edit = QLineEdit(objectName="notes_edit")
        form.addRow(self.tr("Supplier's invoice &number"), self.number_edit)
        form.addRow(self.tr("Invoice &date"), self.date_edit)
        form.addRow(self.tr("Ta&x"), self.tax_edit)
        form.addRow(self.tr("N&otes"), self.notes_edit)
        self.table = QTableWidget(len(self.lines), 8, objectName="invoice_lines_table")
        self.table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Name"), self.tr("Received"),
                                              self.tr("Invoiced"), self.tr("Invoiceable"), self.tr("Invoice qty"),
                                              self.tr("Unit price"), self.tr("PO cost")])
        for r, ln in enumerate(self.lines):
            values = (ln.sku, ln.name, str(ln.received), str(ln.invoiced), str(ln.invoiceable), str(ln.invoiceable),
                      str(ln.unit_cost), fmt.money(ln.unit_cost, po.currency, locale))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c not in (self.QTY, self.PRICE):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)  # type over a cell to change it
        self.table.itemChanged.connect(lambda _item: self.update_totals())
        self.tax_edit.textChanged.connect(lambda _t: self.update_totals())
        if self.lines:
            self.table.setCurrentCell(0, self.QTY)
        self.totals_label = QLabel(objectName="totals_label")
        self.totals_label.setTextFormat(Qt.TextFormat.PlainText)
        self.record_button = QPushButton(self.tr("&Record invoice (Ctrl+Enter)"), objectName="record_button")
        self.record_button.setAutoDefault(False)  # Enter in a field or cell never records by accident
        self.record_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.record_button)
        buttons.addWidget(cancel)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(QLabel(self.tr("Received on {number} and not yet invoiced. Change the quantity or the price to "
                                      "what the invoice says (0 leaves a line out).").format(number=po.number),
                              wordWrap=True))
        root.addWidget(self.table)
        root.addWidget(self.totals_label)
        root.addWidget(self.error_label)
        root.addLayout(buttons)
        self.resize(820, 440)
        self.number_edit.setFocus()
        self.update_totals()

    def set_line(self, sku: str, quantity=None, price=None) -> None:
        for r, ln in enumerate(self.lines):
            if ln.sku == sku:
                if quantity is not None:
                    self.table.item(r, self.QTY).setText(str(quantity))
                if price is not None:
                    self.table.item(r, self.PRICE).setText(str(price))

    def invoice_lines(self) -> list[tuple[str, str, str]]:
        """(sku, quantity, price) as typed, without the lines left out (quantity empty or 0)."""
        out = []
        for r, ln in enumerate(self.lines):
            qty = self.table.item(r, self.QTY).text().strip()
            if qty not in ("", "0"):
                out.append((ln.sku, qty, self.table.item(r, self.PRICE).text().strip()))
        return out

    def update_totals(self) -> None:
        """A preview of what will be posted (the service decides: it parses and checks everything again)."""
        cur, loc = self.po.currency, self.locale
        try:
            by_sku = {ln.sku: ln for ln in self.lines}
            lines = []
            for sku, qty, price in self.invoice_lines():
                q = parse_quantity(qty, sku=sku)
                p = parse_amount(price, cur, field=f"unit price of {sku}") if price else by_sku[sku].unit_cost
                lines.append((q, p, by_sku[sku].unit_cost))
            tax_text = self.tax_edit.text().strip()
            if tax_text.endswith("%"):
                t = supplier_invoice_totals(lines, cur, tax_rate=parse_rate(tax_text, field="tax"))
            else:
                t = supplier_invoice_totals(lines, cur, tax_amount=parse_amount(tax_text, cur, field="tax")
                                            if tax_text else Decimal(0))
        except ValidationFailed as e:
            self.totals_label.setText("; ".join(e.problems))
            return
        money = lambda v: fmt.money(v, cur, loc)  # noqa: E731
        self.totals_label.setText(
            self.tr("Net {net} (at PO cost {cost}; price variance {variance})   Tax {tax}   Total owed {total}").format(
                net=money(t.net), cost=money(t.cost), variance=money(t.variance), tax=money(t.tax),
                total=money(t.total)))

    def save(self) -> None:
        number, lines, tax = self.number_edit.text(), self.invoice_lines(), self.tax_edit.text()
        day, notes, ref = self.date_edit.date().toPython(), self.notes_edit.text(), self.po.number
        self.run(lambda: self.services.payables.record_supplier_invoice(
            self.actor, ref, number, invoice_date=day, lines=lines, tax=tax, notes=notes), self._done)

    def _done(self, invoice) -> None:
        self.recorded.emit(invoice)
        self.accept()


class SupplierPaymentDialog(_ServiceDialog):
    """Pay a supplier invoice: the amount defaults to what is open; a part leaves the rest open.

    Signals:
        paid(object): the SupplierPaymentDTO.
    """

    paid = Signal(object)

    def __init__(self, services, actor, jobs, invoice, *, locale: str = "en_US", parent=None):
        super().__init__(services, actor, jobs, parent)
        self.invoice = invoice
        self.setWindowTitle(self.tr("Pay {supplier}, invoice {number}").format(supplier=invoice.supplier_name,
                                                                                number=invoice.number))
        form = QFormLayout()
        form.addRow(self.tr("Invoice"), QLabel(self.tr("{reference} ({number} of {date}), total {total}, open {open}")
                                               .format(reference=invoice.reference, number=invoice.number,
                                                       date=invoice.invoice_date,
                                                       total=fmt.money(invoice.total, invoice.currency, locale),
                                                       open=fmt.money(invoice.open, invoice.currency, locale))))
        self.amount_edit = QLineEdit(str(invoice.open), objectName="amount_edit")
        self.method_combo = QComboBox(objectName="method_combo")
        self.method_combo.addItem(self.tr("Bank transfer"), "bank")
        self.method_combo.addItem(self.tr("Cash"), "cash")
        self.reference_edit = QLineEdit(objectName="reference_edit")
        self.reference_edit.setPlaceholderText(self.tr("e.g. the transfer's reference"))
        self.date_edit = QDateEdit(QDate.currentDate(), objectName="date_edit", calendarPopup=True,
                                   displayFormat="yyyy-MM-dd")
        form.addRow(self.tr("&Amount"), self.amount_edit)
        form.addRow(self.tr("&Method"), self.method_combo)
        form.addRow(self.tr("&Reference"), self.reference_edit)
        form.addRow(self.tr("&Date"), self.date_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Pay"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.error_label)
        root.addWidget(buttons)
        self.amount_edit.selectAll()

    def save(self) -> None:
        amount, method = self.amount_edit.text(), self.method_combo.currentData()
        reference, day, ref = self.reference_edit.text(), self.date_edit.date().toPython(), self.invoice.id
        self.run(lambda: self.services.payables.pay_supplier_invoice(self.actor, ref, amount, method,
                                                                      reference=reference, paid_on=day), self._done)

    def _done(self, payment) -> None:
        self.paid.emit(payment)
        self.accept()


__all__ = ["AdjustDialog", "ImportReportDialog", "ProductDialog", "PurchasingDialog", "ReceiveDialog",
           "StockCountDialog", "SupplierDialog", "SupplierInvoiceDialog", "SupplierPaymentDialog"]
