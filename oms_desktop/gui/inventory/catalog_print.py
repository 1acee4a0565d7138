"""Printing the mail catalog from the inventory tab: which categories (a checkable list, all by default), where to
save it (the documents folder, then the last folder used), rendering in the background, then opening it."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QProgressDialog, QPushButton, QVBoxLayout, QWidget)

from ...domain.errors import Cancelled
from ..dashboard.export import remember_folder, start_folder
from ..widgets.save_dialogs import open_saved

PRINT_KEYS = "Ctrl+Shift+P"  # Ctrl+P is purchasing in this tab


def default_settings() -> QSettings:
    """Where the inventory tab remembers the folder the catalog was last saved in."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "OMS Desktop", "inventory")


def open_document(path: Path) -> bool:
    """Open a saved PDF in the desktop's viewer; False when there is none (the file is saved all the same)."""
    return not open_saved(path)  # Qt alone says True whenever xdg-open starts, viewer or not


def ask_catalog_path(parent: QWidget, settings: QSettings) -> Path | None:
    """A save dialog for the catalog PDF in the last folder used (the documents folder the first time)."""
    suggested = str(Path(start_folder(settings)) / "catalog.pdf")
    title = QCoreApplication.translate("CatalogPrinter", "Save catalog")
    pattern = QCoreApplication.translate("CatalogPrinter", "PDF files (*.pdf)")
    chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


class CatalogPrintDialog(QDialog):
    """Signals:
        chosen(object, bool): the categories to print (None: all of them) and whether sold-out products go in.
    """

    chosen = Signal(object, bool)

    def __init__(self, categories: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print catalog"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Categories to print (Space ticks or unticks):")))
        self.category_list = QListWidget(objectName="category_list")
        for name in categories:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.category_list.addItem(item)
        self.category_list.setCurrentRow(0)
        layout.addWidget(self.category_list)
        ticks = QHBoxLayout()
        self.all_button = QPushButton(self.tr("&All"), objectName="all_button")
        self.none_button = QPushButton(self.tr("N&one"), objectName="none_button")
        ticks.addWidget(self.all_button)
        ticks.addWidget(self.none_button)
        ticks.addStretch()
        layout.addLayout(ticks)
        self.sold_out_check = QCheckBox(self.tr("Include &sold-out products"), objectName="sold_out_check")
        layout.addWidget(self.sold_out_check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Print..."))
        layout.addWidget(self.buttons)
        self.all_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Checked))
        self.none_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Unchecked))
        self.category_list.itemChanged.connect(lambda _item: self._update_ok())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update_ok()

    def _items(self) -> list[QListWidgetItem]:
        return [self.category_list.item(i) for i in range(self.category_list.count())]

    def _tick_all(self, state: Qt.CheckState) -> None:
        for item in self._items():
            item.setCheckState(state)

    def _update_ok(self) -> None:
        items = self._items()
        none_ticked = bool(items) and not any(item.checkState() == Qt.CheckState.Checked for item in items)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not none_ticked)

    def selected_categories(self) -> list[str] | None:
        """The ticked categories; None when all are (products without a category print too)."""
        items = self._items()
        ticked = [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]
        return None if len(ticked) == len(items) else ticked

    def accept(self) -> None:
        super().accept()
        self.chosen.emit(self.selected_categories(), self.sold_out_check.isChecked())


class CatalogPrinter(QObject):
    """The inventory tab's "Print catalog..." flow: the dialog, the save dialog, the background job, the message.

    ``tab`` shows messages (``show_message``) and failures (``_failed``); the job's callbacks die with it."""

    def __init__(self, tab, services, actor, jobs, settings: QSettings):
        super().__init__(tab)
        self.tab, self.services, self.actor, self.jobs, self.settings = tab, services, actor, jobs, settings
        self.dialog: CatalogPrintDialog | None = None
        self.progress: QProgressDialog | None = None

    def ask(self, categories: list[str]) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = CatalogPrintDialog(categories, parent=self.tab)
        self.dialog.chosen.connect(self._chosen)
        self.dialog.open()

    def _chosen(self, categories, include_sold_out: bool) -> None:
        path = ask_catalog_path(self.tab, self.settings)
        if path is not None:
            self.print_to(path, categories, include_sold_out)

    def print_to(self, path: Path, categories=None, include_sold_out: bool = False):
        """Render off the GUI thread with progress (Cancel leaves the file unwritten), save, then open it."""
        path = Path(path)
        self.progress = QProgressDialog(self.tr("Printing the catalog..."), self.tr("Cancel"), 0, 2, self.tab)
        self.progress.setWindowTitle(self.tr("Print catalog"))
        self.progress.setMinimumDuration(300)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        services, actor = self.services, self.actor

        def work(job):
            job.report(0, 2)
            doc, pdf = services.catalog.catalog_pdf(actor, categories, include_sold_out)
            job.report(1, 2)
            if job.cancelled:
                raise Cancelled()
            path.write_bytes(pdf)
            job.report(2, 2)
            return doc

        job = self.jobs.submit(work, on_success=lambda doc: self._printed(path, doc), on_failure=self._failed,
                               on_progress=self._progress, owner=self.tab)
        self.progress.canceled.connect(job.cancel)
        return job

    def _progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _printed(self, path: Path, doc) -> None:
        if self.progress is not None:
            self.progress.reset()
        remember_folder(self.settings, path)
        products = (self.tr("{count} product") if doc.product_count == 1 else self.tr("{count} products")).format(
            count=f"{doc.product_count:,}")
        categories = (self.tr("{count} category") if len(doc.sections) == 1 else self.tr("{count} categories")).format(
            count=len(doc.sections))
        opened = open_document(path)
        text = self.tr("Catalog saved to {path}: {products} in {categories}.") if opened else \
            self.tr("Catalog saved to {path}: {products} in {categories}. No PDF viewer was found to open it.")
        self.tab.show_message(text.format(path=path, products=products, categories=categories))

    def _failed(self, exc: BaseException) -> None:
        if self.progress is not None:
            self.progress.reset()
        if isinstance(exc, OSError):
            self.tab.show_message(self.tr("The catalog could not be saved: {error}.").format(error=exc.strerror or exc),
                                  error=True)
        else:
            self.tab._failed(exc)
