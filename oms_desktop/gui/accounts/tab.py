"""Accounts: the live queue (paid orders and shipped units to invoice, open and overdue invoices, credits), payments,
invoices and credit notes, the journal with filters, the trial balance, receivables aging and the cash-flow report.

Invoices bill what left the building: the "Invoice" choice beside the button is "auto" (what shipped and is not
invoiced yet once the order has a shipment, else the whole order), "shipped" or "all"; the line under the bar shows
what the chosen invoice of the order in the order field would bill before it is issued.

Every service call is a background job; the tab refreshes itself when accounting events arrive from any
workstation (payment received, invoice issued, ...). Amounts are typed as text and parsed to Decimal.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDialog, QHBoxLayout,
                               QHeaderView, QInputDialog, QLabel, QLineEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from .. import theme
from ...domain import events as ev
from ...domain.errors import UserFacingError
from ...domain.ledger import Account, EntryKind
from ...domain.roles import Perm, can
from .. import format as fmt
from ..labels import label
from ..widgets.message_line import MessageLine
from ..widgets.dialogs import back_to, discard_dialog
from ..widgets.print_preview import DocumentPrintPreview, pdf_page_images
from ..widgets.save_dialogs import ask_save_path, open_saved
from .payment_dialog import PaymentDialog, take_payment
from .reprint import DocumentChoiceDialog, PrintableDoc, printable_docs, render
from .till_dialog import TillDialog
from .words import account_name, word
from ..messages import text_of

REFRESH_EVENTS = (ev.PaymentReceived, ev.RefundPaid, ev.InvoiceIssued, ev.CreditNoteIssued, ev.OrderConfirmed,
                  ev.OrderCancelled, ev.OrderShipped, ev.OrderReturned, ev.EntryReversed, ev.TillCashMoved,
                  ev.TillClosed, ev.OrderAmended)
# the texts below are marked for the catalog (context "AccountsTab") and translated where shown (:func:`_tr`)
QUEUE_COLUMNS = (QT_TRANSLATE_NOOP("AccountsTab", "Order"), QT_TRANSLATE_NOOP("AccountsTab", "Customer"),
                 QT_TRANSLATE_NOOP("AccountsTab", "Status"), QT_TRANSLATE_NOOP("AccountsTab", "Total"),
                 QT_TRANSLATE_NOOP("AccountsTab", "Invoiced"), QT_TRANSLATE_NOOP("AccountsTab", "Paid"),
                 QT_TRANSLATE_NOOP("AccountsTab", "Open"), QT_TRANSLATE_NOOP("AccountsTab", "Invoice"),
                 QT_TRANSLATE_NOOP("AccountsTab", "Due"), QT_TRANSLATE_NOOP("AccountsTab", "Overdue"))
INVOICE_CHOICES = ((QT_TRANSLATE_NOOP("AccountsTab", "What shipped, else all"), "auto",
                    QT_TRANSLATE_NOOP("AccountsTab", "Once the order has a shipment: the units shipped and not "
                                      "invoiced yet (a first shipment, later its backorder). Before any shipment: the "
                                      "whole order (counter sale, prepayment).")),
                   (QT_TRANSLATE_NOOP("AccountsTab", "Only what shipped"), "shipped",
                    QT_TRANSLATE_NOOP("AccountsTab", "The units shipped and not invoiced yet; refused if none.")),
                   (QT_TRANSLATE_NOOP("AccountsTab", "Whole order"), "all",
                    QT_TRANSLATE_NOOP("AccountsTab", "Every unit not invoiced yet, shipped or not (prepayment of a "
                                      "backorder).")))
BUCKETS = ("current", "1-30", "31-60", "61-90", "over 90")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _tr(text: str) -> str:
    return QCoreApplication.translate("AccountsTab", text)


def _item(text, right: bool = False, data=None) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(RIGHT)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _table(columns, name: str) -> QTableWidget:
    t = QTableWidget(0, len(columns), objectName=name)
    t.setHorizontalHeaderLabels(list(columns))
    t.verticalHeader().hide()
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class AccountsTab(QWidget, MessageLine):
    """Signals:
        message_shown(str): every message shown in the message line (for tests and the status bar).
        refreshed(): after the views were reloaded.
    """

    message_shown = Signal(str)
    refreshed = Signal()

    def __init__(self, services, actor, jobs, parent=None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.company = services.company.get()
        self.locale, self.currency = self.company.locale, self.company.currency
        self.may_account = can(actor.role, Perm.ACCOUNTING)
        self.may_pay = can(actor.role, Perm.PAYMENT)
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=300)
        self._refresh_timer.timeout.connect(self.refresh)
        QTimer.singleShot(0, self.refresh)

    # ---- layout --------------------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.order_edit = QLineEdit(objectName="order_edit")
        self.order_edit.setPlaceholderText(self.tr("Order or tracking no."))  # narrow beside eight controls
        self.order_edit.setToolTip(self.tr("SO-000042, 42 or a tracking number; or pick an order in the queue"))
        self.order_edit.setMinimumWidth(self.order_edit.fontMetrics().horizontalAdvance(
            self.order_edit.placeholderText()) + 24)
        self.order_edit.setClearButtonEnabled(True)
        bar.addWidget(self.order_edit, 2)
        # the shortcuts are in the tooltips and the keyboard help (F1): with them in the labels, the row of nine
        # controls was wider than a 1,366-pixel laptop screen (tests/gui/test_shell.py)
        self.pay_button = QPushButton(self.tr("Record &payment"), objectName="pay_button")
        self.pay_button.setToolTip(self.tr("Record a payment for the order (Ctrl+P)"))
        self.invoice_button = QPushButton(self.tr("Iss&ue invoice"), objectName="invoice_button")
        self.invoice_button.setToolTip(self.tr("Issue the invoice the choice beside this button says (Ctrl+I)"))
        self.invoice_what = QComboBox(objectName="invoice_what")
        for text, value, tip in INVOICE_CHOICES:
            self.invoice_what.addItem(_tr(text), value)
            self.invoice_what.setItemData(self.invoice_what.count() - 1, _tr(tip), Qt.ItemDataRole.ToolTipRole)
        self.invoice_what.setToolTip(self.tr("What Issue invoice bills: {choices}").format(
            choices="; ".join(f"{_tr(text)}: {_tr(tip)}" for text, _v, tip in INVOICE_CHOICES)))
        self.invoice_what.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.credit_button = QPushButton(self.tr("&Credit note..."), objectName="credit_button")
        self.refund_button = QPushButton(self.tr("Refun&d..."), objectName="refund_button")
        self.reprint_button = QPushButton(self.tr("&Reprint PDF..."), objectName="reprint_button")
        self.reprint_button.setToolTip(self.tr("Print or save the PDF of the order's invoice, credit note or the "
                                               "receipt of any of its payments"))
        self.till_button = QPushButton(self.tr("Ti&ll..."), objectName="till_button")
        self.till_button.setToolTip(self.tr("Open the counter's till with a float, cash in and out, close it with the "
                                            "count and save its Z report"))
        # No Refresh button: F5 (View > Refresh) refreshes the tab, and the row must fit 1,366 px beside the
        # activity panel.
        for b in (self.pay_button, self.invoice_button, self.invoice_what, self.credit_button, self.refund_button,
                  self.reprint_button, self.till_button):
            if isinstance(b, QPushButton):
                b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            bar.addWidget(b)
        self.pay_button.setEnabled(self.may_pay)
        # counter staff and managers operate the till, accountants read its Z reports
        self.till_button.setVisible(can(self.actor.role, Perm.TILL) or self.may_account)
        for b in (self.invoice_button, self.invoice_what, self.credit_button, self.refund_button):
            b.setEnabled(self.may_account)
        root.addLayout(bar)
        self.plan_label = QLabel(objectName="plan_label")
        self.plan_label.setWordWrap(True)
        theme.set_colours(self.plan_label, "muted")
        self.plan_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        root.addWidget(self.plan_label)
        self._plan_seq = 0

        self.views = QTabWidget(objectName="views")
        # queue
        self.queue_tree = QTreeWidget(objectName="queue_tree")
        self.queue_tree.setColumnCount(len(QUEUE_COLUMNS))
        self.queue_tree.setHeaderLabels([_tr(c) for c in QUEUE_COLUMNS])
        self.queue_tree.setAlternatingRowColors(True)
        self.queue_tree.setRootIsDecorated(True)
        self.queue_tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.views.addTab(self.queue_tree, self.tr("&Queue"))
        # journal
        journal = QWidget()
        jl = QVBoxLayout(journal)
        filters = QHBoxLayout()
        self.account_filter = QComboBox(objectName="account_filter")
        self.account_filter.addItem(self.tr("All accounts"), "")
        for acc in Account:
            self.account_filter.addItem(f"{account_name(acc.value)} ({acc.value})", acc.value)
        # The longest account name would otherwise set the width of the whole window (over 1,366 px with the
        # activity panel): the closed box shows ~24 characters, the open list is as wide as its longest item.
        self.account_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.account_filter.setMinimumContentsLength(24)
        self.account_filter.view().setMinimumWidth(self.account_filter.view().sizeHintForColumn(0) + 24)
        self.kind_filter = QComboBox(objectName="kind_filter")
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for kind in EntryKind:
            self.kind_filter.addItem(word(kind.value), kind.value)
        self.journal_order_edit = QLineEdit(objectName="journal_order_edit")
        self.journal_order_edit.setPlaceholderText(self.tr("order"))
        self.journal_text_edit = QLineEdit(objectName="journal_text_edit")
        self.journal_text_edit.setPlaceholderText(self.tr("description contains"))
        self.date_from = QDateEdit(objectName="date_from", calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_to = QDateEdit(objectName="date_to", calendarPopup=True, displayFormat="yyyy-MM-dd")
        today = QDate.currentDate()
        self.date_from.setDate(today.addMonths(-1))
        self.date_to.setDate(today)
        for w in (self.account_filter, self.kind_filter, self.journal_order_edit, self.journal_text_edit,
                  QLabel(self.tr("from")), self.date_from, QLabel(self.tr("to")), self.date_to):
            filters.addWidget(w)
        self.reverse_button = QPushButton(self.tr("R&everse entry..."), objectName="reverse_button")
        self.reverse_button.setEnabled(self.may_account)
        self.export_combo = QComboBox(objectName="export_combo")
        self.export_combo.addItems(["hledger", "beancount", "csv"])
        self.export_button = QPushButton(self.tr("E&xport..."), objectName="export_button")
        filters.addStretch(1)
        actions = QHBoxLayout()  # a row of its own: one row of filters and actions was wider than a laptop screen
        actions.addWidget(self.reverse_button)
        actions.addStretch(1)
        actions.addWidget(QLabel(self.tr("Export the journal as")))
        actions.addWidget(self.export_combo)
        actions.addWidget(self.export_button)
        jl.addLayout(filters)
        jl.addLayout(actions)
        self.journal_tree = QTreeWidget(objectName="journal_tree")
        self.journal_tree.setHeaderLabels(["#", self.tr("Date"), self.tr("Kind"), self.tr("Description / account"),
                                           self.tr("Debit"), self.tr("Credit"), self.tr("User")])
        self.journal_tree.setAlternatingRowColors(True)
        self.journal_tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        jl.addWidget(self.journal_tree)
        self.views.addTab(journal, self.tr("&Journal"))
        # trial balance
        self.trial_table = _table((self.tr("Account"), self.tr("Name"), self.tr("Debit"), self.tr("Credit"),
                                   self.tr("Balance")), "trial_table")
        self.views.addTab(self.trial_table, self.tr("&Trial balance"))
        # aging
        aging = QWidget()
        al = QVBoxLayout(aging)
        self.aging_summary = QLabel(objectName="aging_summary")
        self.aging_table = _table((self.tr("Order"), self.tr("Invoice"), self.tr("Customer"), self.tr("Due"),
                                   self.tr("Open"), self.tr("Days overdue"), self.tr("Bucket")), "aging_table")
        al.addWidget(self.aging_summary)
        al.addWidget(self.aging_table)
        self.views.addTab(aging, self.tr("Receivables a&ging"))
        # cash flow
        flow = QWidget()
        fl = QVBoxLayout(flow)
        row = QHBoxLayout()
        self.period_combo = QComboBox(objectName="period_combo")
        for period in ("day", "week", "month"):
            self.period_combo.addItem(word(period), period)
        row.addWidget(QLabel(self.tr("Cash flow per")))
        row.addWidget(self.period_combo)
        row.addStretch()
        self.flow_summary = QLabel(objectName="flow_summary")
        row.addWidget(self.flow_summary)
        fl.addLayout(row)
        self.flow_table = _table((self.tr("Period"), self.tr("Method"), self.tr("In"), self.tr("Out"), self.tr("Net")),
                                 "flow_table")
        fl.addWidget(self.flow_table)
        self.views.addTab(flow, self.tr("Cash flow"))
        # invoices
        self.invoice_table = _table((self.tr("Number"), self.tr("Kind"), self.tr("Order"), self.tr("Customer"),
                                     self.tr("Date"), self.tr("Due"), self.tr("Total"), self.tr("Corrects")),
                                    "invoice_table")
        self.views.addTab(self.invoice_table, self.tr("I&nvoices"))
        root.addWidget(self.views, 1)

        self.message_label = QLabel(objectName="message_label")
        self.message_label.setWordWrap(True)
        root.addWidget(self.message_label)

        self.pay_button.clicked.connect(self.record_payment)
        self.invoice_button.clicked.connect(self.issue_invoice)
        self.credit_button.clicked.connect(self.credit_note)
        self.refund_button.clicked.connect(self.refund)
        self.reprint_button.clicked.connect(self.reprint)
        self.till_button.clicked.connect(self.open_till_dialog)
        self.reverse_button.clicked.connect(self.reverse_entry)
        self.export_button.clicked.connect(self.export_journal)
        self.export_button.setEnabled(can(self.actor.role, Perm.BOOKS))
        self.queue_tree.currentItemChanged.connect(self._queue_picked)
        self.invoice_table.itemSelectionChanged.connect(self._invoice_picked)
        self.invoice_what.currentIndexChanged.connect(lambda _i: self.update_plan())
        self.order_edit.editingFinished.connect(self.update_plan)
        for w in (self.account_filter, self.kind_filter, self.period_combo):
            w.currentIndexChanged.connect(self.refresh)
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(lambda _d: self.refresh())
        for w in (self.journal_order_edit, self.journal_text_edit):
            w.returnPressed.connect(self.refresh)
        self._shortcuts = []
        for key, (fn, what) in {"Ctrl+P": (self.record_payment, self.tr("record a payment")),
                                "Ctrl+I": (self.issue_invoice, self.tr("issue an invoice")),
                                "Ctrl+Shift+P": (lambda: self.reprint(preview=True),
                                                 self.tr("print an invoice, credit note or receipt (with a "
                                                         "preview)"))}.items():
            sc = QShortcut(QKeySequence(key), self, activated=fn, whatsThis=what)  # whatsThis: its line in F1
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._shortcuts.append(sc)

    # ---- helpers -------------------------------------------------------------------------------------------
    def money(self, amount: Decimal) -> str:
        return fmt.money(amount, self.currency, self.locale)

    def selected_order(self) -> str:
        text = self.order_edit.text().strip()
        if not text:
            self.show_message(self.tr("Type an order number or pick an order in the queue first."), error=True)
        return text

    # ---- refresh -------------------------------------------------------------------------------------------
    def on_events(self, events: list) -> None:
        if any(ev.matches(e.event, REFRESH_EVENTS) for e in events):
            self._refresh_timer.start()

    def refresh(self) -> None:
        s, a = self.services, self.actor
        account = self.account_filter.currentData() or None
        kind = self.kind_filter.currentData() or None
        order = self.journal_order_edit.text().strip() or None
        text = self.journal_text_edit.text().strip()
        d_from, d_to = self.date_from.date().toPython(), self.date_to.date().toPython()
        period = self.period_combo.currentData()

        books = can(a.role, Perm.BOOKS)  # the journal and trial balance are for accountants, managers and admins

        def work():
            return dict(queue=s.receivables.queue(a),
                        journal=s.ledger.journal(a, account=account, kind=kind, order_ref=order, date_from=d_from,
                                                 date_to=d_to, text=text, limit=500, newest_first=True)
                        if books else [],
                        trial=s.ledger.trial_balance(a) if books else None, aging=s.receivables.receivables_aging(a),
                        flow=s.ledger.cash_flow(a, period=period) if books else [],
                        invoices=s.billing.list_invoices(a, limit=300))

        self._run(work, self._show)

    def _show(self, data: dict) -> None:
        self._show_queue(data["queue"])
        self._show_journal(data["journal"])
        self._show_trial(data["trial"])
        self._show_aging(data["aging"])
        self._show_flow(data["flow"])
        self._show_invoices(data["invoices"])
        self.update_plan()  # something changed: what the next invoice would bill may have too
        self.refreshed.emit()

    def _show_queue(self, q) -> None:
        current = self.order_edit.text().strip()
        self.queue_tree.clear()
        groups = ((self.tr("Paid, waiting for an invoice"), q.waiting_invoice, None),
                  (self.tr("Shipped, waiting for an invoice"), q.shipped_not_invoiced, None),
                  (self.tr("Invoiced, awaiting payment"), q.awaiting_payment, None),
                  (self.tr("Overdue"), q.overdue, "bad"),
                  (self.tr("Customer credit: refund or keep"), q.customer_credit, "info"))
        for title, items, color in groups:
            group = QTreeWidgetItem([f"{title} ({len(items)})"])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(False)
            self.queue_tree.addTopLevelItem(group)
            for i in items:
                row = QTreeWidgetItem([i.order_number, i.customer_name or self.tr("(counter sale)"), label(i.status),
                                       self.money(i.total), self.money(i.invoiced) if i.invoice_number else "",
                                       self.money(i.paid), self.money(i.open_amount), i.invoice_number or "",
                                       i.due_date.isoformat() if i.due_date else "",
                                       self.tr("{days} d").format(days=i.days_overdue) if i.days_overdue else ""])
                row.setData(0, Qt.ItemDataRole.UserRole, i.order_number)
                for col in (3, 4, 5, 6):
                    row.setTextAlignment(col, RIGHT)
                if color is not None:
                    theme.paint_item(row, color)
                group.addChild(row)
                if i.order_number == current:
                    self.queue_tree.setCurrentItem(row)
            group.setExpanded(True)
        for col in (0, 2, 3, 4, 5, 6, 7, 8):
            self.queue_tree.resizeColumnToContents(col)

    def _show_journal(self, entries) -> None:
        self.journal_tree.clear()
        for e in entries:
            note = self.tr("  (reversed by #{entry})").format(entry=e.reversed_by) if e.reversed_by else ""
            top = QTreeWidgetItem([str(e.id), e.posted_on.isoformat(), word(e.kind),
                                   e.description + note, "", "", e.username])
            top.setData(0, Qt.ItemDataRole.UserRole, e.id)
            for p in e.postings:
                child = QTreeWidgetItem(["", "", "", f"{p.account}  {account_name(p.account)}",
                                         self.money(p.debit) if p.debit else "",
                                         self.money(p.credit) if p.credit else "", ""])
                child.setTextAlignment(4, RIGHT)
                child.setTextAlignment(5, RIGHT)
                top.addChild(child)
            self.journal_tree.addTopLevelItem(top)
            top.setExpanded(True)
        for col in (0, 1, 2, 4, 5):
            self.journal_tree.resizeColumnToContents(col)

    def _show_trial(self, tb) -> None:
        if tb is None:  # not this role's to read
            self.trial_table.setRowCount(0)
            return
        rows = [(r.account, account_name(r.account) or r.label, r.debit, r.credit, r.balance) for r in tb.rows]
        self.trial_table.setRowCount(len(rows) + 1)
        for n, (acc, name, debit, credit, balance) in enumerate(rows):
            for col, item in enumerate((_item(acc), _item(name), _item(self.money(debit) if debit else "", True),
                                        _item(self.money(credit) if credit else "", True),
                                        _item(self.money(balance), True))):
                self.trial_table.setItem(n, col, item)
        total = len(rows)
        status = self.tr("balanced") if tb.balanced else self.tr("NOT BALANCED")
        for col, item in enumerate((_item(self.tr("Total")), _item(status), _item(self.money(tb.total_debit), True),
                                    _item(self.money(tb.total_credit), True),
                                    _item(self.money(tb.total_debit - tb.total_credit), True))):
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            self.trial_table.setItem(total, col, item)
        self.trial_table.resizeColumnsToContents()

    def _show_aging(self, rows) -> None:
        self.aging_table.setRowCount(len(rows))
        buckets: dict[str, Decimal] = {}
        for n, r in enumerate(rows):
            buckets[r.bucket] = buckets.get(r.bucket, Decimal(0)) + r.open_amount
            for col, item in enumerate((_item(r.order_number, data=r.order_number), _item(r.invoice_number),
                                        _item(r.customer_name), _item(r.due_date.isoformat() if r.due_date else ""),
                                        _item(self.money(r.open_amount), True), _item(r.days_overdue, True),
                                        _item(word(r.bucket)))):
                self.aging_table.setItem(n, col, item)
        self.aging_summary.setText(self.tr("Open receivables: {buckets}").format(buckets="   ".join(
            f"{word(b)}: {self.money(buckets[b])}" for b in BUCKETS if b in buckets) or self.tr("none")))
        self.aging_table.resizeColumnsToContents()

    def _show_flow(self, rows) -> None:
        self.flow_table.setRowCount(len(rows))
        total_in = total_out = Decimal(0)
        for n, r in enumerate(rows):
            total_in += r.cash_in
            total_out += r.cash_out
            for col, item in enumerate((_item(r.period.isoformat()), _item(word(r.method)),
                                        _item(self.money(r.cash_in), True), _item(self.money(r.cash_out), True),
                                        _item(self.money(r.net), True))):
                self.flow_table.setItem(n, col, item)
        self.flow_summary.setText(self.tr("In {cash_in}   Out {cash_out}   Net {net}").format(
            cash_in=self.money(total_in), cash_out=self.money(total_out), net=self.money(total_in - total_out)))
        self.flow_table.resizeColumnsToContents()

    def _show_invoices(self, invoices) -> None:
        self.invoice_table.setRowCount(len(invoices))
        for n, i in enumerate(invoices):
            for col, item in enumerate((_item(i.number, data=i.number), _item(word(i.kind)),
                                        _item(i.order_number), _item(i.customer_name),
                                        _item(i.issue_date.isoformat()),
                                        _item(i.due_date.isoformat() if i.due_date else ""),
                                        _item(self.money(i.total), True), _item(i.references_number or ""))):
                self.invoice_table.setItem(n, col, item)
        self.invoice_table.resizeColumnsToContents()

    def _queue_picked(self, current, _previous) -> None:
        number = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        if number and number != self.order_edit.text().strip():
            self.order_edit.setText(number)
            self.update_plan()

    def _invoice_picked(self) -> None:
        row = self.invoice_table.currentRow()
        if row >= 0:
            self.order_edit.setText(self.invoice_table.item(row, 0).data(Qt.ItemDataRole.UserRole))
            self.update_plan()

    # ---- actions -------------------------------------------------------------------------------------------
    def record_payment(self) -> None:
        ref = self.selected_order()
        if ref:
            take_payment(self, self.services, self.actor, self.jobs, ref, self.locale,
                         lambda text, error: self.show_message(text, error), receipt=False,
                         on_recorded=lambda _p: self.refresh())

    def _order_of(self, ref: str) -> str:
        """The order named by ``ref``, or the order of the invoice or credit note ``ref`` names (runs in a job)."""
        if ref.upper().startswith(("INV", "CRN")):
            return self.services.billing.get_invoice(self.actor, ref).order_number
        return ref

    def update_plan(self) -> None:
        """Show what Issue invoice would bill now for the order in the order field (a read job; only the answer
        for the latest request is shown)."""
        ref = self.order_edit.text().strip()
        self._plan_seq += 1
        seq = self._plan_seq
        if not ref:
            self.plan_label.clear()
            return
        what = self.invoice_what.currentData()

        def work():
            return self.services.billing.invoice_plan(self.actor, self._order_of(ref), what=what)

        def failed(exc) -> None:
            if seq != self._plan_seq:
                return
            if isinstance(exc, UserFacingError):
                self.plan_label.setText(text_of(exc))
            else:
                self._failed(exc)

        self.jobs.submit(lambda _job: work(), on_success=lambda plan: seq == self._plan_seq and self._show_plan(plan),
                         on_failure=failed, owner=self)

    def _show_plan(self, plan) -> None:
        def units(pairs) -> str:
            pairs = [(q, sku) for q, sku in pairs if q > 0]
            text = ", ".join(f"{q} x {sku}" for q, sku in pairs[:6])
            return text + (self.tr(" and {count} more").format(count=len(pairs) - 6) if len(pairs) > 6 else "")

        shipped = sum(ln.shipped for ln in plan.lines)
        ordered = sum(ln.ordered for ln in plan.lines)
        head = (self.tr("{order} ({status}, shipped {shipped} of {ordered} units, invoiced on {invoices})")
                if plan.earlier else self.tr("{order} ({status}, shipped {shipped} of {ordered} units)")).format(
            order=plan.order_number, status=label(plan.status), shipped=shipped, ordered=ordered,
            invoices=", ".join(plan.earlier))
        if plan.refusal:
            self.plan_label.setText(self.tr("{head}: nothing to invoice now. {refusal}").format(
                head=head, refusal=plan.refusal))
            return
        # "all" after an earlier invoice bills only what that one left (e.g. the backorder): not "the whole order"
        basis = (self.tr("what shipped") if plan.what == "shipped" else
                 self.tr("what is left of the order") if any(ln.invoiced for ln in plan.lines) else
                 self.tr("the whole order"))
        shares: dict[str, Decimal] = {}  # its share of the order's allowances and charges, one per label
        for adj in plan.adjustments:
            shares[adj.label] = shares.get(adj.label, Decimal(0)) + adj.amount
        with_shares = (self.tr(" with {shares}").format(shares=", ".join(
            f"{name} {self.money(amount)}" for name, amount in shares.items())) if shares else "")
        text = self.tr("{head}: the invoice bills {basis}: {units}{shares}, {total}").format(
            head=head, basis=basis, units=units((ln.to_invoice, ln.sku) for ln in plan.lines), shares=with_shares,
            total=self.money(plan.total))
        if plan.units_left:
            later = units((ln.ordered - ln.invoiced - ln.to_invoice, ln.sku) for ln in plan.lines)
            text += self.tr("; not invoiced after it: {units}").format(units=later)
        elif plan.earlier:
            text += self.tr("; with it the order is invoiced in full")
        self.plan_label.setText(text + ".")

    def issue_invoice(self) -> None:
        ref = self.selected_order()
        if not ref:
            return
        what = self.invoice_what.currentData()

        def issued(inv) -> None:
            units = sum(ln.quantity for ln in inv.lines)
            self.show_message((self.tr("Issued invoice {number} for {order}: {units} unit, {total}, due {due}.")
                               if units == 1 else
                               self.tr("Issued invoice {number} for {order}: {units} units, {total}, due {due}."))
                              .format(number=inv.number, order=inv.order_number, units=units,
                                      total=self.money(inv.total), due=inv.due_date)
                              + (f" {inv.notes}" if inv.notes else ""))
            self.order_edit.setText(inv.number)
            self.refresh()
            self.store_pdf(inv.id)

        self._run(lambda: self.services.billing.issue_invoice(self.actor, self._order_of(ref), what=what,
                                                              render=False), issued, write=True)

    def store_pdf(self, invoice_id: int) -> None:
        """Render and store an issued document's PDF in a read job (the write job issued it without rendering, so
        the single writer thread and the database's write lock never wait for ReportLab)."""
        self._run(lambda: self.services.billing.invoice_pdf(self.actor, invoice_id), lambda _pdf: None)

    def ask_credit_lines(self, invoice) -> tuple[list | None, str] | None:
        """Which lines to credit ("SKU=QTY, ..." or empty for everything left) and why; None when cancelled."""
        listing = ", ".join(f"{ln.sku}={ln.quantity}" for ln in invoice.lines)
        title = self.tr("Credit note for {invoice}").format(invoice=invoice.number)
        text, ok = QInputDialog.getText(self, title,
                                        self.tr("Lines to credit as SKU=QTY, separated by commas ({lines});\n"
                                                "leave empty to credit everything not yet credited:").format(
                                            lines=listing))
        back_to(self)
        if not ok:
            return None
        reason, ok = QInputDialog.getText(self, title, self.tr("Reason:"))
        back_to(self)
        if not ok:
            return None
        lines = []
        for part in (p.strip() for p in text.split(",")):
            if part:
                sku, _, qty = part.partition("=")
                lines.append((sku.strip(), qty.strip() or "1"))
        return (lines or None), reason

    def credit_note(self) -> None:
        ref = self.selected_order()
        if not ref:
            return

        def got(invoice) -> None:
            answer = self.ask_credit_lines(invoice)
            if answer is None:
                return
            lines, reason = answer
            self._run(lambda: self.services.billing.issue_credit_note(self.actor, invoice.number, lines,
                                                                      reason=reason, render=False),
                      lambda cn: (self.show_message(self.tr("Issued credit note {number} for {invoice}: {total}.")
                                                    .format(number=cn.number, invoice=cn.references_number,
                                                            total=self.money(cn.total))), self.refresh(),
                                  self.store_pdf(cn.id)), write=True)

        self._run(lambda: self._invoice_of(ref), got)

    def _invoice_of(self, ref: str):
        """The invoice named by ``ref``, or the latest invoice of the order ``ref``."""
        if ref.upper().startswith(("INV", "CRN")):
            return self.services.billing.get_invoice(self.actor, ref)
        account = self.services.receivables.order_account(self.actor, ref)
        invoices = [i for i in account.invoices if i.kind == "invoice"]
        if not invoices:
            raise UserFacingError(self.tr("{order} has no invoice yet; issue one first (Ctrl+I).").format(
                order=account.order_number))
        return self.services.billing.get_invoice(self.actor, invoices[-1].id)

    def till_dialog(self) -> TillDialog:
        """The till dialog over this tab's services, actor and jobs (not shown yet)."""
        dialog = TillDialog(self.services, self.actor, self.jobs, self)
        dialog.message_shown.connect(lambda text: self.message_shown.emit(text))
        return dialog

    def open_till_dialog(self) -> None:
        self.till_dialog().exec()
        back_to(self)
        self.refresh()

    def refund(self) -> None:
        ref = self.selected_order()
        if not ref:
            return

        def ask(account) -> None:
            dialog = PaymentDialog(account.order_number, account.credit, account.currency, self.locale, self,
                                   refund=True)
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            back_to(self)
            if not accepted or dialog.result_values is None:
                return
            v = dialog.result_values
            self._run(lambda: self.services.receivables.refund(self.actor, account.order_id, v["amount"], v["method"],
                                                               reference=v["reference"], notes=v["notes"]),
                      lambda p: (self.show_message(self.tr("Refunded {amount} {method} for {order}.").format(
                          amount=self.money(p.amount), method=word(p.method), order=p.order_number)),
                                 self.refresh()), write=True)

        self._run(lambda: self.services.receivables.order_account(self.actor, ref), ask)

    def ask_pdf_path(self, suggested: str) -> str:
        return ask_save_path(self, self.tr("Save PDF"), suggested, "PDF (*.pdf)", "document")

    def reprint(self, preview: bool = False) -> None:
        """Reprint PDF: an invoice or credit note exactly as issued, or the receipt of any payment of the order
        (picked from the order's documents when there are several); ``preview``: to a printer, through a print
        preview (Ctrl+Shift+P), on this workstation's printer for that kind of document first."""
        ref = self.selected_order()
        if not ref:
            return
        services, actor = self.services, self.actor

        def preview_doc(doc: PrintableDoc, pages) -> None:
            discard_dialog(getattr(self, "print_preview", None))
            dialog = self.print_preview = DocumentPrintPreview(doc.kind, doc.number, pages, self)
            dialog.finished.connect(lambda result: self.show_message(self.tr("{document} sent to {printer}.").format(
                document=doc.number, printer=dialog.printer.printerName() or self.tr("the printer"))) if result
                else None)
            dialog.finished.connect(lambda _result: back_to(self))
            dialog.open()

        def save(doc: PrintableDoc, pdf: bytes) -> None:
            path = self.ask_pdf_path(f"{doc.number}.pdf")
            if not path:
                return
            Path(path).write_bytes(pdf)
            same = (self.tr("identical to the issued document") if doc.kind != "receipt" else
                    self.tr("as it was for that payment"))
            saved = self.tr("{document} saved to {path} ({how}).").format(document=doc.number, path=path, how=same)
            self.show_message(saved)
            if problem := open_saved(path):
                self.show_message(f"{saved} {problem}", error=True)

        def print_doc(doc: PrintableDoc) -> None:
            if preview:
                self._run(lambda: pdf_page_images(render(services, actor, doc)), lambda pages: preview_doc(doc, pages))
            else:
                self._run(lambda: render(services, actor, doc), lambda pdf: save(doc, pdf))

        def listed(docs: list[PrintableDoc]) -> None:
            if len(docs) == 1:
                print_doc(docs[0])
                return
            dialog = DocumentChoiceDialog(ref, docs, self)
            self.reprint_dialog = dialog
            dialog.accepted.connect(lambda: print_doc(dialog.chosen()) if dialog.chosen() else None)
            dialog.finished.connect(lambda _result: back_to(self))
            dialog.open()

        self._run(lambda: printable_docs(services, actor, ref, self.locale), listed)

    def reverse_entry(self) -> None:
        item = self.journal_tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None:
            self.show_message(self.tr("Pick a journal entry first."), error=True)
            return
        entry_id = item.data(0, Qt.ItemDataRole.UserRole)
        reason, ok = QInputDialog.getText(self, self.tr("Reverse entry #{entry}").format(entry=entry_id),
                                          self.tr("Reason:"))
        back_to(self)
        if ok:
            self._run(lambda: self.services.ledger.reverse_entry(self.actor, entry_id, reason),
                      lambda e: (self.show_message(self.tr("Posted reversal #{reversal} of entry #{entry}.").format(
                          reversal=e.id, entry=entry_id)), self.refresh()),
                      write=True)

    def ask_export_path(self, fmt_name: str) -> str:
        ext = {"hledger": "journal", "beancount": "beancount", "csv": "csv"}[fmt_name]
        return ask_save_path(self, self.tr("Export journal"), f"journal.{ext}", "", "journal")

    def export_journal(self) -> None:
        exporters = self.services.exporters
        if exporters is None:
            self.show_message(self.tr("Exports are not available in this session."), error=True)
            return
        fmt_name = self.export_combo.currentText()
        path = self.ask_export_path(fmt_name)
        if not path:
            return

        def work():
            entries = self.services.ledger.journal(self.actor, limit=None)
            Path(path).write_text(exporters.journal(entries, self.currency, fmt_name), encoding="utf-8")
            return len(entries)

        self._run(work, lambda n: self.show_message(
            (self.tr("Exported {count} entry as {format} to {path}.") if n == 1 else
             self.tr("Exported {count} entries as {format} to {path}.")).format(count=n, format=fmt_name, path=path)))


__all__ = ["AccountsTab"]
