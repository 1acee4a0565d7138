"""The counter's till: open it with a float, put cash in or take it out with a reason, close it with what was
counted (the expected amounts beside the fields), and save the Z report PDF.

Every service call is a background job; amounts are typed as text and checked by the service, which names every
problem at once. Counter staff and managers operate the till; an accountant sees its figures and saves Z reports.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...domain.roles import Perm, can
from .. import format as fmt
from ..widgets.dialogs import discard_dialog
from ..widgets.message_line import message_style
from ..widgets.print_preview import DocumentPrintPreview, pdf_page_images
from ..widgets.save_dialogs import ask_save_path, open_saved
from .words import word
from ..messages import text_of

DEFAULT_TILL = "FRONT"
SESSION_COLUMNS = (QT_TRANSLATE_NOOP("TillDialog", "Session"), QT_TRANSLATE_NOOP("TillDialog", "Till"),
                   QT_TRANSLATE_NOOP("TillDialog", "State"), QT_TRANSLATE_NOOP("TillDialog", "Opened by"),
                   QT_TRANSLATE_NOOP("TillDialog", "Opened"), QT_TRANSLATE_NOOP("TillDialog", "Float"),
                   QT_TRANSLATE_NOOP("TillDialog", "Expected cash"), QT_TRANSLATE_NOOP("TillDialog", "Counted cash"),
                   QT_TRANSLATE_NOOP("TillDialog", "Over/short"))
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def ask_z_report_path(parent: QWidget, number: str) -> str:
    return ask_save_path(parent, QCoreApplication.translate("TillDialog", "Save Z report"), f"z-report-{number}.pdf",
                         "PDF (*.pdf)", "z_report")


class TillDialog(QDialog):
    """Signals:
        loaded(object): the till's open session as a Z report DTO (an X report), or None when it is closed.
        sessions_loaded(object): today's sessions of every till (``TillSessionDTO``s), listed in the table.
        closed(object): the Z report of the session just closed.
        message_shown(str): every message shown (errors too), for tests and the tab's message line.

    Attributes:
        ask_path: ``(parent, session number) -> path`` asked when a Z report is saved ("" cancels); tests replace it.
        open_pdf: whether a saved Z report is opened in the system viewer (to print it).
    """

    loaded = Signal(object)
    sessions_loaded = Signal(object)
    closed = Signal(object)
    message_shown = Signal(str)

    def __init__(self, services, actor, jobs, parent: QWidget | None = None, *, till: str = DEFAULT_TILL):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        company = services.company.get()
        self.currency, self.locale = company.currency, company.locale
        self.may_operate = can(actor.role, Perm.TILL)
        self.ask_path: Callable[[QWidget, str], str] = ask_z_report_path
        self.open_pdf = True
        self.current = None
        self.setWindowTitle(self.tr("Till"))
        self._build(till)
        self.reload()

    # ---- layout --------------------------------------------------------------------------------------------
    def _build(self, till: str) -> None:
        root = QVBoxLayout(self)
        top = QHBoxLayout()
        self.till_edit = QLineEdit(till, objectName="till_edit")
        self.till_edit.setMaxLength(40)
        self.till_edit.editingFinished.connect(self.reload)
        top.addWidget(QLabel(self.tr("&Till")))
        top.itemAt(0).widget().setBuddy(self.till_edit)
        top.addWidget(self.till_edit, 1)
        root.addLayout(top)
        self.status_label = QLabel(objectName="status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        root.addWidget(self.status_label)

        self.open_box = QGroupBox(self.tr("Open"), objectName="open_box")
        form = QFormLayout(self.open_box)
        self.float_edit = QLineEdit(objectName="float_edit")
        self.float_edit.setPlaceholderText(self.tr("cash in the drawer to start with, e.g. 150.00"))
        self.open_button = QPushButton(self.tr("&Open till"), objectName="open_button")
        form.addRow(self.tr("&Float"), self.float_edit)
        form.addRow("", self.open_button)
        root.addWidget(self.open_box)

        self.cash_box = QGroupBox(self.tr("Cash in and out"), objectName="cash_box")
        form = QFormLayout(self.cash_box)
        self.move_amount_edit = QLineEdit(objectName="move_amount_edit")
        self.reason_edit = QLineEdit(objectName="reason_edit")
        self.reason_edit.setPlaceholderText(self.tr("why, e.g. change from the bank, drop to the safe"))
        moves = QHBoxLayout()
        self.cash_in_button = QPushButton(self.tr("Cash &in"), objectName="cash_in_button")
        self.cash_out_button = QPushButton(self.tr("Cash o&ut"), objectName="cash_out_button")
        moves.addWidget(self.cash_in_button)
        moves.addWidget(self.cash_out_button)
        form.addRow(self.tr("&Amount"), self.move_amount_edit)
        form.addRow(self.tr("&Reason"), self.reason_edit)
        form.addRow("", moves)
        root.addWidget(self.cash_box)

        self.close_box = QGroupBox(self.tr("Close"), objectName="close_box")
        form = QFormLayout(self.close_box)
        self.expected_cash_label = QLabel(objectName="expected_cash_label")
        self.expected_card_label = QLabel(objectName="expected_card_label")
        self.counted_cash_edit = QLineEdit(objectName="counted_cash_edit")
        self.counted_card_edit = QLineEdit(objectName="counted_card_edit")
        self.counted_card_edit.setPlaceholderText(self.tr("the terminal's total (empty: it agrees)"))
        self.close_button = QPushButton(self.tr("&Close till and save the Z report..."), objectName="close_button")
        form.addRow(self.tr("Expected cash"), self.expected_cash_label)
        form.addRow(self.tr("Counted ca&sh"), self.counted_cash_edit)
        form.addRow(self.tr("Expected card"), self.expected_card_label)
        form.addRow(self.tr("Counted car&d"), self.counted_card_edit)
        form.addRow("", self.close_button)
        root.addWidget(self.close_box)

        root.addWidget(QLabel(self.tr("Today's sessions (every till)")))
        self.sessions_table = QTableWidget(0, len(SESSION_COLUMNS), objectName="sessions_table")
        self.sessions_table.setHorizontalHeaderLabels([QCoreApplication.translate("TillDialog", c)
                                                      for c in SESSION_COLUMNS])
        self.sessions_table.verticalHeader().hide()
        self.sessions_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sessions_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sessions_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sessions_table.horizontalHeader().setStretchLastSection(True)
        root.addWidget(self.sessions_table, 1)

        bottom = QHBoxLayout()
        self.report_button = QPushButton(self.tr("Save &Z report PDF..."), objectName="report_button")
        self.report_button.setToolTip(self.tr("The session picked in the list, else the till's last session today "
                                              "(an X report while it is open)"))
        self.print_button = QPushButton(self.tr("&Print Z report..."), objectName="print_report_button")
        self.print_button.setToolTip(self.tr("Through a print preview, on this workstation's printer for Z reports "
                                             "first; {which}").format(which=self.report_button.toolTip()))
        done = QPushButton(self.tr("Done"), objectName="done_button")
        done.clicked.connect(self.accept)
        bottom.addWidget(self.report_button)
        bottom.addWidget(self.print_button)
        bottom.addStretch(1)
        bottom.addWidget(done)
        root.addLayout(bottom)
        self.error_label = QLabel(objectName="error_label")
        self.error_label.setWordWrap(True)
        root.addWidget(self.error_label)

        self.open_button.clicked.connect(self.open_till)
        self.cash_in_button.clicked.connect(lambda: self.move_cash("in"))
        self.cash_out_button.clicked.connect(lambda: self.move_cash("out"))
        self.close_button.clicked.connect(self.close_till)
        self.report_button.clicked.connect(self.save_report)
        self.print_button.clicked.connect(self.print_report)
        self._show_state()

    @property
    def till(self) -> str:
        return self.till_edit.text().strip()

    def _money(self, amount) -> str:
        return fmt.money(amount, self.currency, self.locale)

    def _show_state(self) -> None:
        x = self.current
        is_open = x is not None
        self.open_box.setEnabled(self.may_operate and not is_open)
        self.cash_box.setEnabled(self.may_operate and is_open)
        self.close_box.setEnabled(self.may_operate and is_open)
        if x is None:
            self.status_label.setText(self.tr("Till {till} is closed.").format(till=self.till.upper() or "?"))
            self.expected_cash_label.setText("")
            self.expected_card_label.setText("")
            return
        cash, card = x.method("cash"), x.method("card")
        self.status_label.setText(self.tr("Till {till} is open ({session}, opened by {user} {when}).").format(
            till=x.till, session=x.number, user=x.opened_by, when=fmt.when(x.opened_at)))
        self.expected_cash_label.setText(self._money(cash.expected))
        self.expected_card_label.setText(self._money(card.expected))

    def show_message(self, text: str, error: bool = False) -> None:
        message_style(self.error_label, error)
        self.error_label.setText(text)
        self.message_shown.emit(text)

    def _failed(self, exc: BaseException) -> None:
        self.show_message(text_of(exc), True)

    # ---- actions -------------------------------------------------------------------------------------------
    def reload(self) -> None:
        till = self.till

        def got(x) -> None:
            self.current = x
            self._show_state()
            self.loaded.emit(x)

        self.jobs.submit(lambda _j: self.services.till.current(self.actor, till), on_success=got,
                         on_failure=self._failed, owner=self)
        self.jobs.submit(lambda _j: self.services.till.sessions(self.actor), on_success=self._show_sessions,
                         on_failure=self._failed, owner=self)

    def _show_sessions(self, rows) -> None:
        table = self.sessions_table
        table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            opt = lambda amount: self._money(amount) if amount is not None else ""  # noqa: E731
            cells = (r.number, r.till, word(r.state), r.opened_by, fmt.when(r.opened_at), self._money(r.float_amount),
                     opt(r.expected_cash), opt(r.counted_cash), opt(r.difference))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 5:
                    item.setTextAlignment(RIGHT)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                table.setItem(i, col, item)
        table.resizeColumnsToContents()
        self.sessions_loaded.emit(rows)

    def open_till(self) -> None:
        till, amount = self.till, self.float_edit.text()

        def opened(session) -> None:
            self.float_edit.clear()
            self.show_message(self.tr("Till {till} opened ({session}) with a float of {amount}.").format(
                till=session.till, session=session.number, amount=self._money(session.float_amount)))
            self.reload()

        self.jobs.submit(lambda _j: self.services.till.open(self.actor, till, amount), on_success=opened,
                         on_failure=self._failed, write=True, owner=self)

    def move_cash(self, kind: str) -> None:
        till, amount, reason = self.till, self.move_amount_edit.text(), self.reason_edit.text()
        move = self.services.till.cash_in if kind == "in" else self.services.till.cash_out

        def moved(mv) -> None:
            self.move_amount_edit.clear()
            self.reason_edit.clear()
            self.show_message((self.tr("Cash in {amount}: {reason}. The drawer should hold {expected}.")
                               if mv.kind == "in" else
                               self.tr("Cash out {amount}: {reason}. The drawer should hold {expected}.")).format(
                amount=self._money(mv.amount), reason=mv.reason, expected=self._money(mv.expected_cash)))
            self.reload()

        self.jobs.submit(lambda _j: move(self.actor, till, amount, reason), on_success=moved,
                         on_failure=self._failed, write=True, owner=self)

    def close_till(self) -> None:
        till = self.till
        counted = {"cash": self.counted_cash_edit.text()}
        if self.counted_card_edit.text().strip():
            counted["card"] = self.counted_card_edit.text()

        def closed(z) -> None:
            self.counted_cash_edit.clear()
            self.counted_card_edit.clear()
            over = z.over_short
            result = (self.tr("even") if not over else self.tr("over {amount}").format(amount=self._money(over))
                      if over > 0 else self.tr("short {amount}").format(amount=self._money(-over)))
            self.show_message(self.tr("Till {till} closed ({session}): {result}, booked to the ledger.").format(
                till=z.till, session=z.number, result=result))
            self.closed.emit(z)
            self.reload()
            self._save_pdf(z.number, z.session_id)

        self.jobs.submit(lambda _j: self.services.till.close(self.actor, till, counted), on_success=closed,
                         on_failure=self._failed, write=True, owner=self)

    def save_report(self) -> None:
        picked = self.sessions_table.selectedItems()
        ref = picked[0].data(Qt.ItemDataRole.UserRole) if picked else self.till
        self.jobs.submit(lambda _j: self.services.till.report(self.actor, ref),
                         on_success=lambda z: self._save_pdf(z.number, z.session_id), on_failure=self._failed,
                         owner=self)

    def print_report(self) -> None:
        """The Z report (or the open session's X report) through a print preview: its PDF's pages, rendered in a
        job, printed on the printer chosen there (remembered for Z reports on this workstation)."""
        picked = self.sessions_table.selectedItems()
        ref = picked[0].data(Qt.ItemDataRole.UserRole) if picked else self.till
        services, actor = self.services, self.actor

        def pages(_job):
            z = services.till.report(actor, ref)
            return z.number, pdf_page_images(services.till.report_pdf(actor, z.session_id))

        def preview(result) -> None:
            number, images = result
            discard_dialog(getattr(self, "print_preview", None))
            dialog = self.print_preview = DocumentPrintPreview("z_report", number, images, self)
            dialog.finished.connect(lambda done: self.show_message(self.tr("{document} sent to {printer}.").format(
                document=number, printer=dialog.printer.printerName() or self.tr("the printer"))) if done else None)
            dialog.open()

        self.jobs.submit(pages, on_success=preview, on_failure=self._failed, owner=self)

    def _save_pdf(self, number: str, session_id: int) -> None:
        path = self.ask_path(self, number)
        if not path:
            return

        def saved(pdf: bytes) -> None:
            Path(path).write_bytes(pdf)
            saved_text = self.tr("Z report saved to {path}.").format(path=path)
            self.show_message(f"{self.error_label.text()} {saved_text}".strip())
            if self.open_pdf and (problem := open_saved(path)):
                self.show_message(f"{self.error_label.text()} {saved_text} {problem}".strip())

        self.jobs.submit(lambda _j: self.services.till.report_pdf(self.actor, session_id), on_success=saved,
                         on_failure=self._failed, owner=self)
