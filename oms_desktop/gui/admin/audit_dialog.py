"""File > Audit trail (manager, admin): who did what and when, with the old and new values, filtered by user,
entity, action and days (YYYY-MM-DD, both included), a page at a time; Export CSV saves every row the filters find."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget)

from ...domain.errors import BusinessRuleViolation, ValidationFailed
from ...services.audit import AuditQuery
from ..dashboard.export import ask_save_path, default_settings, remember_folder, write_csv
from ..inventory.models import RowsModel
from .common import message_label, report

ENTITIES = ("", "user", "settings", "order", "customer", "product", "stock", "invoice", "payment", "purchase_order",
            "promotion", "till")
HEADER = ("Id", "When", "User", "Action", "Entity", "Entity id", "Old values", "New values")
"""The columns of the exported CSV (a file for other programs: English, whatever the GUI's language)."""
#: the columns on screen
TITLES = (QT_TRANSLATE_NOOP("AuditDialog", "Id"), QT_TRANSLATE_NOOP("AuditDialog", "When"),
          QT_TRANSLATE_NOOP("AuditDialog", "User"), QT_TRANSLATE_NOOP("AuditDialog", "Action"),
          QT_TRANSLATE_NOOP("AuditDialog", "Entity"), QT_TRANSLATE_NOOP("AuditDialog", "Entity id"),
          QT_TRANSLATE_NOOP("AuditDialog", "Old values"), QT_TRANSLATE_NOOP("AuditDialog", "New values"))
PAGE_SIZE = 100


def _row(r) -> tuple:
    return (r.id, r.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), r.username, r.action, r.entity, r.entity_id,
            r.old_values, r.new_values)


def _day(text: str, what: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationFailed(QCoreApplication.translate("AuditDialog", "{what} '{text}' is not a day as YYYY-MM-DD")
                               .format(what=what, text=text)) from None


class AuditDialog(QDialog):
    def __init__(self, services, actor, jobs, parent: QWidget | None = None, settings: QSettings | None = None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.settings = settings if settings is not None else default_settings()
        self.setWindowTitle(self.tr("Audit trail"))
        self.page = 1
        self.has_more = False
        self.user_edit = QLineEdit(objectName="user_edit", placeholderText=self.tr("any user"))
        self.entity_combo = QComboBox(objectName="entity_combo")
        self.entity_combo.setEditable(True)
        for e in ENTITIES:
            self.entity_combo.addItem(e or "", e)
        self.action_edit = QLineEdit(objectName="action_edit", placeholderText=self.tr("e.g. user. or order.confirm"))
        self.from_edit = QLineEdit(objectName="from_edit", placeholderText=self.tr("YYYY-MM-DD"))
        self.to_edit = QLineEdit(objectName="to_edit", placeholderText=self.tr("YYYY-MM-DD"))
        filters = QHBoxLayout()
        for label, widget in ((self.tr("&User:"), self.user_edit), (self.tr("&Entity:"), self.entity_combo),
                              (self.tr("&Action:"), self.action_edit), (self.tr("&From:"), self.from_edit),
                              (self.tr("&To:"), self.to_edit)):
            form = QFormLayout()
            form.addRow(label, widget)
            filters.addLayout(form)
        self.search_button = QPushButton(self.tr("&Search"), objectName="search_button")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(lambda: self.search(1))
        filters.addWidget(self.search_button)
        self.model = RowsModel([(self.tr(h), (lambda r, i=i: _row(r)[i]), i == 0) for i, h in enumerate(TITLES)],
                               parent=self)
        self.view = QTableView(objectName="audit_view")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.page_label = QLabel(objectName="page_label")
        self.prev_button = QPushButton(self.tr("&Previous page"), objectName="prev_button")
        self.prev_button.clicked.connect(lambda: self.search(self.page - 1))
        self.next_button = QPushButton(self.tr("&Next page"), objectName="next_button")
        self.next_button.clicked.connect(lambda: self.search(self.page + 1))
        self.export_button = QPushButton(self.tr("E&xport CSV..."), objectName="export_button")
        self.export_button.clicked.connect(self.export_csv)
        paging = QHBoxLayout()
        for w in (self.prev_button, self.next_button, self.page_label):
            paging.addWidget(w)
        paging.addStretch(1)
        paging.addWidget(self.export_button)
        self.error_label = message_label("error_label")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(paging)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.resize(1100, 600)
        self.search(1)

    def query(self) -> AuditQuery:
        """The filters as typed; a day that is no day is refused here, in the dialog's words."""
        return AuditQuery(self.user_edit.text(), self.entity_combo.currentText(), self.action_edit.text(),
                          _day(self.from_edit.text(), self.tr("From")), _day(self.to_edit.text(), self.tr("To")))

    def search(self, page: int) -> None:
        self.error_label.clear()
        try:
            query = self.query()
        except ValidationFailed as e:
            report(self, self.error_label, e)
            return
        self.jobs.submit(lambda _job: self.services.audit.list(self.actor, query, page=max(page, 1),
                                                               page_size=PAGE_SIZE),
                         on_success=self._show, on_failure=lambda e: report(self, self.error_label, e), owner=self)

    def _show(self, found) -> None:
        self.page, self.has_more = found.page, found.has_more
        self.model.set_rows(found.rows)
        self.view.resizeColumnsToContents()
        self.prev_button.setEnabled(found.page > 1)
        self.next_button.setEnabled(found.has_more)
        self.page_label.setText((self.tr("Page {page}: {rows} rows, more on the next page") if found.has_more
                                 else self.tr("Page {page}: {rows} rows")).format(page=found.page,
                                                                                  rows=len(found.rows)))

    def export_csv(self) -> None:
        """Every row the filters find (not only this page), as formula-safe UTF-8 CSV, off the GUI thread."""
        self.error_label.clear()
        try:
            query = self.query()
        except ValidationFailed as e:
            report(self, self.error_label, e)
            return
        path = ask_save_path(self, self.settings, self.tr("Export the audit trail"), f"audit-{date.today()}.csv", "csv")
        if path is None:
            return

        def work(_job) -> tuple[Path, int]:
            rows = self.services.audit.all_rows(self.actor, query)
            try:
                return path, write_csv(path, HEADER, (_row(r) for r in rows))
            except OSError as e:
                raise BusinessRuleViolation(self.tr("Could not write {path}: {error}; choose another folder.")
                                            .format(path=path, error=e.strerror or e)) from None

        def done(result: tuple[Path, int]) -> None:
            remember_folder(self.settings, result[0])
            self.error_label.setText(self.tr("Saved {rows} rows to {path}.").format(rows=result[1], path=result[0]))
        self.jobs.submit(work, on_success=done, on_failure=lambda e: report(self, self.error_label, e), owner=self)
