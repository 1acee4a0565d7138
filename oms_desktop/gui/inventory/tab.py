"""The inventory tab: the live catalog with stock (on hand, reserved, available, on order), product editing,
adjustments, stock counts, stock history, purchasing, catalog import and export, and the printed mail catalog.

The catalog view is lazy (see models.CatalogModel): 100,000 products scroll and filter without loading them. Numbers
stay live: events from any workstation (reservations, cancellations, shipments, receipts, adjustments) refresh just
the rows of the products they touch.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QProgressDialog, QPushButton, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from ...domain import events as ev
from ...domain.errors import Cancelled, StorageError, UserFacingError
from ...domain.roles import Perm, can
from .. import format as fmt
from ..errors import show_error
from ..widgets.dialogs import discard_dialog
from ..widgets.message_line import MessageLine
from ..widgets.save_dialogs import ask_save_path
from . import catalog_print
from .dialogs import AdjustDialog, ImportReportDialog, ProductDialog, PurchasingDialog, StockCountDialog
from .models import CATALOG_COLUMNS, CatalogModel, RowsModel
from ..messages import text_of

FILTER_DELAY_MS = 200
RELOAD_EVENTS = (ev.CatalogImported, ev.ProductCreated, ev.ProductDeactivated, ev.ProductReactivated)
ORDER_EVENTS = (ev.OrderConfirmed, ev.OrderCancelled, ev.OrderPicking, ev.OrderPacked, ev.OrderShipped,
                ev.OrderDelivered, ev.OrderReturned, ev.OrderAmended, ev.BackorderReserved)
"""Confirmations reserve, cancellations release, shipments consume, returns restock, amendments and goods for a
backorder reserve or release: the order's products move."""


#: what the stock history shows for each kind of stock move (the code is what the database keeps)
MOVE_KINDS = {
    "opening": QT_TRANSLATE_NOOP("InventoryTab", "opening"),
    "adjust": QT_TRANSLATE_NOOP("InventoryTab", "adjust"),
    "receipt": QT_TRANSLATE_NOOP("InventoryTab", "receipt"),
    "reserve": QT_TRANSLATE_NOOP("InventoryTab", "reserve"),
    "release": QT_TRANSLATE_NOOP("InventoryTab", "release"),
    "ship": QT_TRANSLATE_NOOP("InventoryTab", "ship"),
    "return": QT_TRANSLATE_NOOP("InventoryTab", "return"),
}


def move_kind(kind: str) -> str:
    return QCoreApplication.translate("InventoryTab", MOVE_KINDS[kind]) if kind in MOVE_KINDS else kind


class InventoryTab(QWidget, MessageLine):
    """Signals:
        message_shown(str): every message shown in the message line.
    """

    message_shown = Signal(str)

    def __init__(self, services, actor, jobs, parent: QWidget | None = None, settings: QSettings | None = None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.catalog_printer = catalog_print.CatalogPrinter(self, services, actor, jobs,
                                                            settings or catalog_print.default_settings())
        self.company = services.company.get()
        self.locale = self.company.locale
        self.model = CatalogModel(services, actor, jobs, locale=self.locale, parent=self)
        self.history_model = RowsModel([
            (self.tr("Date"), lambda h: fmt.when(h.at), False), (self.tr("Kind"), lambda h: move_kind(h.kind), False),
            (self.tr("On hand"), lambda h: f"{h.on_hand_delta:+d}" if h.on_hand_delta else "", True),
            (self.tr("Reserved"), lambda h: f"{h.reserved_delta:+d}" if h.reserved_delta else "", True),
            (self.tr("Balance"), lambda h: h.on_hand_after, True),
            (self.tr("Reserved after"), lambda h: h.reserved_after, True),
            (self.tr("Reason"), lambda h: h.reason, False), (self.tr("Reference"), lambda h: h.reference, False),
            (self.tr("User"), lambda h: h.username, False)], parent=self)
        self.history_sku: str | None = None
        self.import_job = None
        self._build()
        self._connect()
        self._apply_permissions()
        QTimer.singleShot(0, self._load_categories)
        self.model.reload()

    # ---- layout --------------------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.filter_edit = QLineEdit(objectName="filter_edit")
        self.filter_edit.setPlaceholderText(self.tr("Filter: SKU, name, barcode or category (Ctrl+F)"))
        self.filter_edit.setClearButtonEnabled(True)
        self.category_combo = QComboBox(objectName="category_combo")
        self.category_combo.addItem(self.tr("All categories"), None)
        self.category_combo.setMinimumContentsLength(14)
        self.low_stock_check = QCheckBox(self.tr("&Low stock"), objectName="low_stock_check")
        self.out_of_stock_check = QCheckBox(self.tr("O&ut of stock"), objectName="out_of_stock_check")
        self.inactive_check = QCheckBox(self.tr("Show inac&tive"), objectName="inactive_check")
        self.count_label = QLabel(objectName="count_label")
        filters.addWidget(self.filter_edit, 3)
        filters.addWidget(self.category_combo, 1)
        for w in (self.low_stock_check, self.out_of_stock_check, self.inactive_check):
            filters.addWidget(w)
        filters.addWidget(self.count_label)
        root.addLayout(filters)

        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("new", self.tr("&New product")), ("edit", self.tr("&Edit")),
                          ("deactivate", self.tr("&Deactivate")), ("adjust", self.tr("Ad&just stock")),
                          ("count", self.tr("Stock &count")), ("purchasing", self.tr("&Purchasing")),
                          ("import", self.tr("Import CSV...")), ("export", self.tr("Export CSV...")),
                          ("print", self.tr("Print catalog..."))):
            b = QPushButton(text, objectName=f"{key}_button")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.buttons[key] = b
            actions.addWidget(b)
            if key in ("deactivate", "purchasing"):
                actions.addSpacing(16)
        actions.addStretch()
        root.addLayout(actions)

        self.view = QTableView(objectName="catalog_view")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for i, w in enumerate((110, 0, 120, 90, 75, 75, 80, 80, 110, 95)):
            if w:
                self.view.setColumnWidth(i, w)

        history_box = QWidget()
        hl = QVBoxLayout(history_box)
        hl.setContentsMargins(0, 0, 0, 0)
        self.history_label = QLabel(self.tr("Stock history: select a product"), objectName="history_label")
        self.history_view = QTableView(objectName="history_view")
        self.history_view.setModel(self.history_model)
        self.history_view.verticalHeader().hide()
        self.history_view.verticalHeader().setDefaultSectionSize(22)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        for i, w in enumerate((125, 70, 65, 65, 65, 95, 170, 150)):
            self.history_view.setColumnWidth(i, w)
        hl.addWidget(self.history_label)
        hl.addWidget(self.history_view)

        split = QSplitter(Qt.Orientation.Vertical, objectName="splitter")
        split.addWidget(self.view)
        split.addWidget(history_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        root.addWidget(split, 1)
        self.message_label = QLabel(objectName="message_label")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        root.addWidget(self.message_label)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self._filter_timer.timeout.connect(self.apply_filters)
        for w in (self.low_stock_check, self.out_of_stock_check, self.inactive_check):
            w.toggled.connect(lambda _on: self.apply_filters())
        self.category_combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.model.total_changed.connect(self._show_total)
        self.model.failed.connect(self._failed)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._current_changed(cur))
        self.view.doubleClicked.connect(lambda _i: self.edit_product())
        b = self.buttons
        b["new"].clicked.connect(self.new_product)
        b["edit"].clicked.connect(self.edit_product)
        b["deactivate"].clicked.connect(self.toggle_active)
        b["adjust"].clicked.connect(self.adjust_stock)
        b["count"].clicked.connect(self.stock_count)
        b["purchasing"].clicked.connect(self.open_purchasing)
        b["import"].clicked.connect(self.import_catalog)
        b["export"].clicked.connect(self.export_catalog)
        b["print"].clicked.connect(self.print_catalog)
        b["print"].setToolTip(self.tr("Print the catalog for mail customers, with an order form ({keys})")
                              .format(keys=catalog_print.PRINT_KEYS))
        for keys, slot, what in (
                ("Ctrl+F", self._focus_filter, self.tr("filter the catalog")),
                ("Ctrl+N", self.new_product, self.tr("new product")),
                ("F2", self.edit_product, self.tr("edit the selected product")),
                ("Ctrl+J", self.adjust_stock, self.tr("adjust stock of the selected product")),
                ("Ctrl+K", self.stock_count, self.tr("stock count")),
                ("Ctrl+P", self.open_purchasing, self.tr("purchasing (suggest, send, receive)")),
                ("Ctrl+I", self.import_catalog, self.tr("import the catalog (CSV)")),
                ("Ctrl+E", self.export_catalog, self.tr("export the catalog (CSV)")),
                (catalog_print.PRINT_KEYS, self.print_catalog,
                 self.tr("print the catalog for mail customers (PDF with an order form)"))):
            QShortcut(QKeySequence(keys), self, activated=slot, whatsThis=what,  # whatsThis: its line in F1
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.view, activated=self.edit_product,
                  context=Qt.ShortcutContext.WidgetShortcut,
                  whatsThis=self.tr("edit the selected product (in the list)"))

    def _apply_permissions(self) -> None:
        role = self.actor.role
        for key in ("new", "edit", "deactivate", "import"):
            self.buttons[key].setEnabled(can(role, Perm.CATALOG_EDIT))
        for key in ("adjust", "count"):
            self.buttons[key].setEnabled(can(role, Perm.STOCK_ADJUST))
        # buyers order and receive; accountants book and pay the suppliers' invoices in the same dialog
        self.buttons["purchasing"].setEnabled(can(role, Perm.PURCHASING) or can(role, Perm.ACCOUNTING))

    # ---- messages ------------------------------------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.show_message(self.tr("Cancelled; nothing was changed."))
        elif isinstance(exc, (UserFacingError, StorageError)):
            self.show_message(text_of(exc), error=True)
        else:
            show_error(self, exc)

    def _run(self, fn, on_success, *, write: bool = False, on_progress=None):
        """Run ``fn(job)`` (it may report progress and check ``job.cancelled``); callbacks die with the tab."""
        return self.jobs.submit(fn, on_success=on_success, on_failure=self._failed, write=write,
                                on_progress=on_progress, owner=self)

    # ---- filtering -----------------------------------------------------------------------------------------
    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def apply_filters(self) -> None:
        self._filter_timer.stop()
        self.model.set_filters(text=self.filter_edit.text(), category=self.category_combo.currentData(),
                               low_stock=self.low_stock_check.isChecked(),
                               out_of_stock=self.out_of_stock_check.isChecked(),
                               active_only=not self.inactive_check.isChecked())

    def refresh(self) -> None:
        """F5 (the window's View > Refresh): the catalog again."""
        self.reload()

    def reload(self) -> None:
        self.model.reload()
        self._load_categories()

    def _show_total(self, total: int) -> None:
        text = self.tr("{count} product") if total == 1 else self.tr("{count} products")
        self.count_label.setText(text.format(count=f"{total:,}"))

    def _load_categories(self) -> None:
        self._run(lambda _j: self.services.catalog.categories(self.actor), self._categories_loaded)

    def _categories_loaded(self, categories) -> None:
        current = self.category_combo.currentData()
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("All categories"), None)
        for c in categories:
            self.category_combo.addItem(c, c)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(current)) if current else 0)
        self.category_combo.blockSignals(False)
        self.categories = list(categories)

    # ---- selection and history -----------------------------------------------------------------------------
    def current_product(self):
        idx = self.view.currentIndex()
        return self.model.product(idx.row()) if idx.isValid() else None

    def select_sku(self, sku: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.product(row).sku == sku:
                self.view.selectRow(row)
                self.view.setCurrentIndex(self.model.index(row, 0))
                self.view.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
                return True
        return False

    def _current_changed(self, index: QModelIndex) -> None:
        p = self.model.product(index.row()) if index.isValid() else None
        self.buttons["deactivate"].setText(self.tr("&Reactivate") if p is not None and not p.active
                                           else self.tr("&Deactivate"))
        if p is None:
            self.history_sku = None
            self.history_model.set_rows([])
            self.history_label.setText(self.tr("Stock history: select a product"))
            return
        self.load_history(p.sku)

    def load_history(self, sku: str) -> None:
        self.history_sku = sku
        self._run(lambda _j: (sku, self.services.inventory.stock_history(self.actor, sku, limit=300)),
                  self._history_loaded)

    def _history_loaded(self, result) -> None:
        sku, lines = result
        if sku != self.history_sku:
            return
        self.history_model.set_rows(lines)
        p = self.current_product()
        name = f" {p.name}" if p is not None and p.sku == sku else ""
        self.history_label.setText(self.tr("Stock history of {product}: {count} move(s), newest first")
                                   .format(product=f"{sku}{name}", count=len(lines)))

    # ---- live updates --------------------------------------------------------------------------------------
    def on_events(self, events: list) -> None:
        """Refresh the rows of the products these events touched (from any workstation)."""
        product_ids: set[int] = set()
        order_ids: set[int] = set()
        reload = False
        for e in events:
            if ev.matches(e.event, RELOAD_EVENTS):
                reload = True
            if e.product_id is not None:
                product_ids.add(e.product_id)
            for key in ("product_ids", "released_products"):
                product_ids.update(int(x) for x in (e.payload.get(key) or ()))
            if e.order_id is not None and ev.matches(e.event, ORDER_EVENTS):
                order_ids.add(e.order_id)  # confirmations reserve, cancellations release, shipments consume
        if reload:
            self.reload()
            return
        if not product_ids and not order_ids:
            return
        loaded = set(self.model.loaded_ids())
        services, actor = self.services, self.actor

        def work(_job):
            ids = set(product_ids)
            if order_ids:
                ids.update(services.inventory.product_ids_for_orders(actor, order_ids))
            ids &= loaded
            if not ids:
                return [], {}
            return services.catalog.get_products_by_ids(actor, ids), services.purchasing.on_order(actor, ids)

        self._run(work, self._refreshed)

    def _refreshed(self, result) -> None:
        products, on_order = result
        self.model.update_products(products, on_order)
        if self.history_sku and any(p.sku == self.history_sku for p in products):
            self.load_history(self.history_sku)

    # ---- products ------------------------------------------------------------------------------------------
    def new_product(self) -> None:
        if not self.buttons["new"].isEnabled():
            return
        self._run(lambda _j: (None, self.services.purchasing.list_suppliers(self.actor)), self._open_editor)

    def edit_product(self) -> None:
        p = self.current_product()
        if p is None or not self.buttons["edit"].isEnabled():
            return
        sku = p.sku
        self._run(lambda _j: (self.services.catalog.get_product_details(self.actor, sku),
                              self.services.purchasing.list_suppliers(self.actor)), self._open_editor)

    def _open_editor(self, result) -> None:
        details, suppliers = result
        discard_dialog(getattr(self, "product_dialog", None))
        self.product_dialog = ProductDialog(self.services, self.actor, self.jobs, details=details,
                                            categories=getattr(self, "categories", []), suppliers=suppliers,
                                            parent=self)
        self.product_dialog.saved.connect(self._product_saved)
        self.product_dialog.open()

    def _product_saved(self, product) -> None:
        self.show_message(self.tr("Saved {sku} {name}.").format(sku=product.sku, name=product.name))
        if self.model.row_of(product.id) is not None:
            self.refresh_products([product.id])
        else:
            self.reload()

    def toggle_active(self) -> None:
        p = self.current_product()
        if p is None or not self.buttons["deactivate"].isEnabled():
            return
        sku, active = p.sku, not p.active
        self._run(lambda _j: self.services.catalog.set_product_active(self.actor, sku, active),
                  self._activity_changed, write=True)

    def _activity_changed(self, product) -> None:
        text = self.tr("{sku} is active again.") if product.active \
            else self.tr("{sku} is deactivated: no longer sold, its history is kept.")
        self.show_message(text.format(sku=product.sku))
        self.model.update_products([product], {})

    # ---- stock ---------------------------------------------------------------------------------------------
    def adjust_stock(self) -> None:
        p = self.current_product()
        if p is None or not self.buttons["adjust"].isEnabled():
            return
        discard_dialog(getattr(self, "adjust_dialog", None))
        self.adjust_dialog = AdjustDialog(self.services, self.actor, self.jobs, p, parent=self)
        self.adjust_dialog.adjusted.connect(lambda n, sku=p.sku: self._stock_changed(
            self.tr("{sku}: on hand is now {count}.").format(sku=sku, count=n), [p.id]))
        self.adjust_dialog.open()

    def stock_count(self) -> None:
        if not self.buttons["count"].isEnabled():
            return
        p = self.current_product()
        discard_dialog(getattr(self, "count_dialog", None))
        self.count_dialog = StockCountDialog(self.services, self.actor, self.jobs,
                                             location=p.location if p else "", parent=self)
        self.count_dialog.posted.connect(self._counted)
        self.count_dialog.open()

    def _counted(self, result) -> None:
        changed = result.changed
        text = (self.tr("Count posted: {counted} product(s) counted, {corrected} corrected: {changes}.")
                if changed else self.tr("Count posted: {counted} product(s) counted, {corrected} corrected.")).format(
            counted=len(result.lines), corrected=len(changed),
            changes=", ".join(f"{ln.sku} {ln.difference:+d}" for ln in changed[:6]))
        self.show_message(text)
        self.refresh_products(None)

    def _stock_changed(self, text: str, product_ids) -> None:
        self.show_message(text)
        self.refresh_products(product_ids)

    def refresh_products(self, product_ids=None) -> None:
        """Refresh some rows (or every loaded row) now, without waiting for the event feed."""
        ids = set(product_ids or self.model.loaded_ids())
        services, actor = self.services, self.actor
        self._run(lambda _j: (services.catalog.get_products_by_ids(actor, ids),
                              services.purchasing.on_order(actor, ids)), self._refreshed)

    def open_purchasing(self) -> None:
        if not self.buttons["purchasing"].isEnabled():
            return
        discard_dialog(getattr(self, "purchasing_dialog", None))
        self.purchasing_dialog = PurchasingDialog(self.services, self.actor, self.jobs, locale=self.locale,
                                                  parent=self)
        self.purchasing_dialog.stock_changed.connect(lambda: self.refresh_products(None))
        self.purchasing_dialog.finished.connect(lambda _r: self.refresh_products(None))
        self.purchasing_dialog.open()

    # ---- import and export ---------------------------------------------------------------------------------
    def import_catalog(self) -> None:
        if not self.buttons["import"].isEnabled():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import catalog"), "",
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Validate the whole file, then import it in short transactions (services/catalog.py), with progress and
        Cancel; a file with any problem imports nothing."""
        name = Path(path).name
        self.progress = QProgressDialog(self.tr("Importing {name}...").format(name=name), self.tr("Cancel"), 0, 0,
                                        self)
        self.progress.setWindowTitle(self.tr("Catalog import"))
        self.progress.setMinimumDuration(300)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        services, actor = self.services, self.actor

        def work(job):
            with Path(path).open("rb") as data:       # read as a stream: a catalog of any size
                return services.catalog.import_catalog(actor, data, progress=job.report,
                                                       is_cancelled=lambda: job.cancelled)

        self.import_job = self._import_job = self.jobs.submit(
            work, on_success=lambda r: self._imported(name, r), on_failure=lambda e: self._import_failed(name, e),
            write=True, on_progress=self._import_progress, owner=self)
        self.progress.canceled.connect(self._import_job.cancel)

    def _import_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _imported(self, name: str, result) -> None:
        self.progress.reset()
        if result.cancelled:
            done = result.created + result.updated
            self.show_message(self.tr("Import of {name} cancelled after {done} of {total} products ({created} new, "
                                      "{updated} updated); importing the file again finishes it.").format(
                name=name, done=done, total=result.total, created=result.created, updated=result.updated), error=True)
        else:
            self.show_message(self.tr("Imported {name}: {created} new, {updated} updated.").format(
                name=name, created=result.created, updated=result.updated))
        self.reload()

    def _import_failed(self, name: str, exc: BaseException) -> None:
        self.progress.reset()
        rows = getattr(exc, "rows", None)
        if rows is not None:
            self.show_message(self.tr("Nothing was imported from {name}: {count} problem(s).").format(
                name=name, count=len(rows)), error=True)
            discard_dialog(getattr(self, "report_dialog", None))
            self.report_dialog = ImportReportDialog(rows, name, parent=self)
            self.report_dialog.open()
        elif isinstance(exc, OSError):
            self.show_message(self.tr("Cannot read {name}: {error}.").format(name=name, error=exc.strerror or exc),
                              error=True)
        else:
            self._failed(exc)

    def export_catalog(self) -> None:
        path = ask_save_path(self, self.tr("Export catalog"), "catalog.csv", self.tr("CSV files (*.csv)"),
                             "catalog_csv")
        if path:
            self.export_file(path)

    def export_file(self, path: str) -> None:
        services, actor, include_inactive = self.services, self.actor, self.inactive_check.isChecked()

        def work(job):
            data = services.catalog.export_catalog_csv(actor, active_only=not include_inactive, progress=job.report,
                                                       is_cancelled=lambda: job.cancelled)
            Path(path).write_bytes(data)
            return data.count(b"\n") - 1

        self._run(work, lambda n: self.show_message(self.tr("Exported {count} products to {path}.").format(
            count=f"{n:,}", path=path)))

    # ---- the printed catalog -------------------------------------------------------------------------------
    def print_catalog(self) -> None:
        """Ask for the categories and a file, print in the background, open it (catalog_print.CatalogPrinter)."""
        self.catalog_printer.ask(getattr(self, "categories", []))


__all__ = ["InventoryTab", "CATALOG_COLUMNS"]
