"""The sales report on screen (``oms report sales`` with the same choices): grouped by one of eight, over chosen days,
each row beside the same period a year before with the change, the total, and the top products; run in the
background and saved as CSV."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QSettings, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSizePolicy, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ...services import Services
from ...services.dto import Actor
from ...services.sales import SALES_BY, SalesFiguresDTO, SalesReportDTO, SalesRowDTO
from ...services.sales_facts import local_day
from ..jobs import JobRunner
from ..widgets.message_line import MessageLine
from ..labels import label
from .export import CSV_KEYS, ask_save_path, remember_folder, write_csv
from .panels import FOCUS_STYLE, change

COLUMNS = (QT_TRANSLATE_NOOP("SalesReportView", "Key"), QT_TRANSLATE_NOOP("SalesReportView", "Name"),
           QT_TRANSLATE_NOOP("SalesReportView", "Units"), QT_TRANSLATE_NOOP("SalesReportView", "Net"),
           QT_TRANSLATE_NOOP("SalesReportView", "Orders"), QT_TRANSLATE_NOOP("SalesReportView", "AOV"),
           QT_TRANSLATE_NOOP("SalesReportView", "Returned"), QT_TRANSLATE_NOOP("SalesReportView", "Returns\nrate"),
           QT_TRANSLATE_NOOP("SalesReportView", "Net a\nyear before"),
           QT_TRANSLATE_NOOP("SalesReportView", "Orders a\nyear before"),
           QT_TRANSLATE_NOOP("SalesReportView", "Net\nchange"))
TOP_COLUMNS = (QT_TRANSLATE_NOOP("SalesReportView", "SKU"), QT_TRANSLATE_NOOP("SalesReportView", "Name"),
               QT_TRANSLATE_NOOP("SalesReportView", "Units"), QT_TRANSLATE_NOOP("SalesReportView", "Net"),
               QT_TRANSLATE_NOOP("SalesReportView", "Net change"))
#: what the grouping list shows for each of SALES_BY (the code goes to the service)
BY_LABELS = {"day": QT_TRANSLATE_NOOP("SalesReportView", "day"), "week": QT_TRANSLATE_NOOP("SalesReportView", "week"),
             "month": QT_TRANSLATE_NOOP("SalesReportView", "month"),
             "channel": QT_TRANSLATE_NOOP("SalesReportView", "channel"),
             "category": QT_TRANSLATE_NOOP("SalesReportView", "category"),
             "product": QT_TRANSLATE_NOOP("SalesReportView", "product"),
             "agent": QT_TRANSLATE_NOOP("SalesReportView", "agent"),
             "customer": QT_TRANSLATE_NOOP("SalesReportView", "customer")}
CSV_HEADER = ("key", "name", "units", "net", "orders", "average_order_value", "returned_units", "returns_rate",
              "last_year_net", "last_year_orders", "net_change")
DEFAULT_DAYS = 30


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _opt(v: Decimal | None) -> str:
    return str(v) if v is not None else ""


def _pct(v: Decimal | None) -> str:
    return f"{v * 100:.1f} %" if v is not None else "-"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SalesReportView", text)


def by_label(by: str) -> str:
    return _tr(BY_LABELS[by]) if by in BY_LABELS else by


def report_row(r: SalesRowDTO) -> tuple[str, ...]:
    f, ly = r.figures, r.last_year
    return (r.key, r.label, str(f.units), str(f.net), str(f.orders), _opt(f.average_order_value),
            str(f.returned_units), _pct(f.returns_rate), str(ly.net), str(ly.orders), change(f.net, ly.net)[0])


class SalesReportView(QWidget, MessageLine):
    """Signals:
        message_shown(str): every message shown in the message line.
        report_loaded(object): the SalesReportDTO just shown.
    """

    message_shown = Signal(str)
    report_loaded = Signal(object)

    def __init__(self, services: Services, actor: Actor, jobs: JobRunner, settings: QSettings,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.jobs = jobs
        self.settings = settings
        self.report: SalesReportDTO | None = None
        self._seq = 0
        self._build()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.by_combo = QComboBox(objectName="by_combo")
        for by in SALES_BY:
            self.by_combo.addItem(by_label(by), by)
        by_text = QLabel(self.tr("B&y"))
        by_text.setBuddy(self.by_combo)
        today = local_day_now()
        self.from_edit = QDateEdit(_qdate(today - timedelta(days=DEFAULT_DAYS - 1)), objectName="from_edit")
        self.to_edit = QDateEdit(_qdate(today), objectName="to_edit")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        from_label, to_label = QLabel(self.tr("Fro&m")), QLabel(self.tr("&To"))
        from_label.setBuddy(self.from_edit)
        to_label.setBuddy(self.to_edit)
        self.run_button = QPushButton(self.tr("&Run (Enter)"), objectName="run_button")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.export_button = QPushButton(self.tr("E&xport CSV ({keys})").format(keys=CSV_KEYS),
                                         objectName="export_button")
        self.export_button.clicked.connect(lambda: self.export_csv())
        for w in (by_text, self.by_combo, from_label, self.from_edit, to_label, self.to_edit, self.run_button):
            if isinstance(w, QLabel):
                w.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
                w.setMinimumWidth(w.sizeHint().width() + 6)
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        root.addLayout(bar)
        self.summary_label = QLabel(objectName="report_summary")
        self.summary_label.setWordWrap(True)
        root.addWidget(self.summary_label)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = self._table([_tr(c) for c in COLUMNS], "report_table")
        self.top_table = self._table([_tr(c) for c in TOP_COLUMNS], "top_table")
        top_box = QWidget()
        top_layout = QVBoxLayout(top_box)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel(self.tr("<b>Top products</b> (most net revenue)")))
        top_layout.addWidget(self.top_table)
        split.addWidget(self.table)
        split.addWidget(top_box)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        split.setSizes([670, 390])
        root.addWidget(split, 1)
        self.message_label = QLabel(objectName="report_message")
        self.message_label.setWordWrap(True)
        root.addWidget(self.message_label)
        for w in (self.by_combo, self.from_edit, self.to_edit):
            QShortcut(QKeySequence(Qt.Key.Key_Return), w, activated=self.run,
                      context=Qt.ShortcutContext.WidgetShortcut, whatsThis=self.tr("run the report (in its fields)"))
        QShortcut(QKeySequence(CSV_KEYS), self, activated=lambda: self.export_csv(),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut, whatsThis=self.tr("save the report as CSV"))

    @staticmethod
    def _table(columns, name: str) -> QTableWidget:
        t = QTableWidget(0, len(columns), objectName=name)
        t.setHorizontalHeaderLabels(list(columns))
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.verticalHeader().hide()
        t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 6)
        t.setWordWrap(False)
        t.setStyleSheet(FOCUS_STYLE)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if name == "top_table":
            t.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            t.setTextElideMode(Qt.TextElideMode.ElideRight)
        return t

    def focus_primary(self) -> None:
        self.by_combo.setFocus()

    def run(self) -> None:
        """Run the report for the chosen grouping and days, in the background (a later run wins)."""
        by, start, end = self.by_combo.currentData(), _date(self.from_edit.date()), _date(self.to_edit.date())
        self._seq += 1
        seq = self._seq
        services, actor = self.services, self.actor
        self.summary_label.setText(self.tr("Running the report by {by} from {start} to {end}...").format(
            by=by_label(by), start=start, end=end))
        self._run(lambda: services.sales.report(actor, by=by, start=start, end=end, top=10),
                  lambda report: self._show(seq, report))

    def _show(self, seq: int, report: SalesReportDTO) -> None:
        if seq != self._seq:
            return
        self.report = report
        rows = [report_row(r) for r in report.rows] + [report_row(report.total)]
        # on screen a channel and the total row read in the GUI's language (the CSV keeps the codes)
        shown = [(label(row[0]) if report.by == "channel" else row[0], *row[1:]) for row in rows[:-1]]
        shown.append((self.tr("total"), *rows[-1][1:]))
        self._fill(self.table, shown, bold_last=True)
        self._fill(self.top_table, [(r.key, r.label, str(r.figures.units), str(r.figures.net),
                                     change(r.figures.net, r.last_year.net)[0]) for r in report.top_products])
        self.table.setColumnHidden(1, not any(r.label for r in report.rows))  # names: products and customers
        t: SalesFiguresDTO = report.total.figures
        self.summary_label.setText(self.tr(
            "By {by}, {start} to {end} beside {last_year_start} to {last_year_end}: {orders} orders, net {net} "
            "{currency} ({change} on a year before), {units} units, returns {returns}.").format(
            by=by_label(report.by), start=report.start, end=report.end, last_year_start=report.last_year_start,
            last_year_end=report.last_year_end, orders=t.orders, net=t.net, currency=report.currency,
            change=change(t.net, report.total.last_year.net)[0], units=t.units, returns=_pct(t.returns_rate)))
        self.message_label.setText("")
        self.report_loaded.emit(report)

    @staticmethod
    def _fill(table: QTableWidget, rows, *, bold_last: bool = False) -> None:
        table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                item = QTableWidgetItem(cell)
                if j > 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if bold_last and i == len(rows) - 1:
                    item.setFont(bold)
                table.setItem(i, j, item)

    def export_csv(self, path: Path | None = None) -> Path | None:
        """The report's rows and its total as CSV (run it first)."""
        if self.report is None:
            self.show_message(self.tr("Run the report first (Enter), then export it."), error=True)
            return None
        r = self.report
        path = path or ask_save_path(self, self.settings, self.tr("Save sales report as CSV"),
                                     f"sales-by-{r.by}-{r.start}-{r.end}.csv", "csv")
        if path is None:
            return None
        write_csv(path, CSV_HEADER, [report_row(x) for x in (*r.rows, r.total)])
        remember_folder(self.settings, path)
        self.show_message(self.tr("Saved {path}").format(path=path))
        return path


def local_day_now() -> date:
    from ...services.ports import utc_now
    return local_day(utc_now())
