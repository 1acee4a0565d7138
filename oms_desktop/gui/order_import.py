"""File > Import orders: a web shop's export (Shopify, WooCommerce) or the generic CSV, previewed before it is taken.

Choosing a file runs a dry run at once (the same transactions, rolled back) and shows every order of the file: what
would be imported (customer matched or new, total, paid), what is there already, what is left out and what is
refused and why, by row. Import takes them in, in batches, with progress and Cancel (the batches already committed
stay; the rest can be imported again later: the orders already in are recognised). Both run off the GUI thread.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QTableView,
                               QVBoxLayout)

from ..domain.orders import Channel
from ..services.order_import import OrderImportReport
from .format import money as money_text
from .inventory.models import RowsModel
from .labels import label
from .messages import render


@dataclass(frozen=True)
class _Line:
    ref: str
    outcome: str
    customer: str
    total: str
    detail: str


FORMATS = ((QT_TRANSLATE_NOOP("OrderImportDialog", "Recognise it from the header"), "auto"),
           (QT_TRANSLATE_NOOP("OrderImportDialog", "Shopify orders export"), "shopify"),
           (QT_TRANSLATE_NOOP("OrderImportDialog", "WooCommerce (WebToffee order export)"), "woocommerce"),
           (QT_TRANSLATE_NOOP("OrderImportDialog", "Generic CSV (docs/imports.md)"), "generic"))


class OrderImportDialog(QDialog):
    def __init__(self, services, actor, jobs, *, locale: str = "en_US", parent=None):
        super().__init__(parent)
        self.services, self.actor, self.jobs, self.locale = services, actor, jobs, locale
        self.setWindowTitle(self.tr("Import orders"))
        self.path_edit = QLineEdit(objectName="path_edit")
        self.path_edit.setReadOnly(True)
        browse = QPushButton(self.tr("&Choose file..."), objectName="browse_button")
        browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.format_combo = QComboBox(objectName="format_combo")
        for text, value in FORMATS:
            self.format_combo.addItem(QCoreApplication.translate("OrderImportDialog", text), value)
        self.channel_combo = QComboBox(objectName="channel_combo")
        for ch in Channel:
            shown = label(ch.value)
            self.channel_combo.addItem(shown[:1].upper() + shown[1:], ch.value)
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(Channel.ONLINE.value))
        self.history_check = QCheckBox(self.tr("&History: fulfilled and cancelled orders, as sales figures only (no "
                                               "stock, no payments)"), objectName="history_check")
        form = QFormLayout()
        form.addRow(self.tr("&File:"), row)
        form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget().setBuddy(self.path_edit)
        form.addRow(self.tr("F&ormat:"), self.format_combo)
        form.addRow(self.tr("Cha&nnel:"), self.channel_combo)
        form.addRow("", self.history_check)
        self.summary = QLabel(self.tr("Choose the shop's export (a CSV file). Nothing is imported before you press "
                                       "Import."),
                              objectName="summary_label")
        self.summary.setWordWrap(True)
        self.model = RowsModel([(self.tr("Order"), lambda r: r.ref, False),
                                (self.tr("Outcome"), lambda r: r.outcome, False),
                                (self.tr("Customer"), lambda r: r.customer, False),
                                (self.tr("Total"), lambda r: r.total, True),
                                (self.tr("Rows / why"), lambda r: r.detail, False)], parent=self)
        self.view = QTableView(objectName="orders_view")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.progress = QProgressBar(objectName="progress_bar")
        self.progress.hide()
        self.buttons = QDialogButtonBox(objectName="buttons")
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import_button")
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.run_import)
        self.cancel_button.clicked.connect(self.cancel_or_close)
        for w in (self.format_combo, self.channel_combo):
            w.currentIndexChanged.connect(lambda _i: self.preview())
        self.history_check.toggled.connect(lambda _b: self.preview())
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.summary)
        root.addWidget(self.view, 1)
        root.addWidget(self.progress)
        root.addWidget(self.buttons)
        self.resize(900, 560)
        self.job = None
        self.token: object | None = None
        self.data: bytes | None = None

    # ---- the file ----------------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        settings = QSettings()
        start = str(settings.value("imports/last_folder", "") or Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import orders"), start,
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            settings.setValue("imports/last_folder", str(Path(path).parent))
            self.load(path)

    def load(self, path: str) -> None:
        try:
            self.data = Path(path).read_bytes()
        except OSError as e:
            self.summary.setText(self.tr("Cannot read {file}: {reason}.").format(file=Path(path).name,
                                                                                 reason=e.strerror or e))
            self.data = None
            return
        self.path_edit.setText(path)
        self.preview()

    def _options(self) -> dict:
        return dict(fmt=self.format_combo.currentData(), channel=self.channel_combo.currentData(),
                    history=self.history_check.isChecked())

    # ---- preview (a dry run) and import ------------------------------------------------------------------------
    def preview(self) -> None:
        if self.data is None:
            return
        self._run(dry_run=True)

    def run_import(self) -> None:
        if self.data is not None and self.import_button.isEnabled():
            self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        if self.job is not None:
            self.job.cancel()
        services, actor, data, options = self.services, self.actor, self.data, self._options()
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.summary.setText(self.tr("Checking every order of the file...") if dry_run else self.tr("Importing..."))

        def work(job):
            return services.order_import.import_orders(actor, data, dry_run=dry_run, progress=job.report,
                                                       is_cancelled=lambda: job.cancelled, **options)

        token = self.token = object()  # the run the callbacks belong to (a newer one makes them stale)
        self.job = self.jobs.submit(work, write=True, owner=self, on_progress=self._progress,
                                    on_success=lambda r: self._done(token, r),
                                    on_failure=lambda e: self._failed(token, e))
        if self.token is not token:  # finished already (a synchronous runner, in tests)
            self.job = None

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def cancel_or_close(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.token = None
            self.summary.setText(self.tr("Cancelled: the orders imported before stay; importing the file again "
                                         "takes the rest (the orders already in are recognised)."))
            self.job = None
            self.progress.hide()
            return
        self.reject()

    def _failed(self, token, exc: BaseException) -> None:
        if token is not self.token:
            return
        self.job = self.token = None
        self.progress.hide()
        self.summary.setText(self.tr("Not imported: {reason}").format(reason=exc))

    def _done(self, token, report: OrderImportReport) -> None:
        if token is not self.token:
            return
        self.job = self.token = None
        self.progress.hide()
        self.show_report(report)

    def show_report(self, r: OrderImportReport) -> None:
        cur = r.currency
        if r.file_problems:
            self.model.set_rows([])
            self.summary.setText(self.tr("This file cannot be imported: {problems}").format(
                problems="; ".join(render(p) for p in r.file_problems)))
            return
        would = self.tr("would be imported") if r.dry_run else self.tr("imported")
        lines = [_Line(o.ref, would if r.dry_run else self.tr("imported as {number}").format(number=o.number),
                       o.customer + (self.tr(" (new)") if o.customer_created else ""),
                       money_text(o.total, cur, self.locale),
                       (self.tr("paid online; ") if o.paid else "") + label(o.status)) for o in r.imported]
        lines += [_Line(ref, self.tr("already imported as {number}").format(number=number), "", "",
                        self.tr("left as it is")) for ref, number in r.already_imported]
        lines += [_Line(p.ref, self.tr("not imported"), "", "", render(str(p))) for p in r.problems]
        lines += [_Line(p.ref, self.tr("left out"), "", "", render(str(p))) for p in r.left_out]
        self.model.set_rows(lines)
        self.view.resizeColumnsToContents()
        self.summary.setText(
            self.tr("{format} file, {orders} order(s): {count} {would} (total {total}; customers matched {matched}, "
                    "new {new}); {already} already imported; {refused} refused; {left_out} left out.").format(
                format=r.format.capitalize(), orders=r.orders_in_file, count=len(r.imported), would=would,
                total=money_text(r.total, cur, self.locale), matched=r.customers_matched, new=r.customers_created,
                already=len(r.already_imported), refused=len(r.problems), left_out=len(r.left_out))
            + (self.tr(" Press Import to take them in.") if r.dry_run and r.imported else ""))
        self.import_button.setEnabled(r.dry_run and bool(r.imported))
        if not r.dry_run:
            self.cancel_button.setText(self.tr("Close"))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
