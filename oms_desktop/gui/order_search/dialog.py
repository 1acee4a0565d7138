"""Find orders (Ctrl+Shift+F anywhere): type a customer's name, phone or e-mail, an order number or a tracking
number, optionally the days; Down goes to the list, Enter opens the order (a cart in the Orders tab, any other order
at the service desk). The list is paged: scrolling to its end fetches the next page."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QTableView, QVBoxLayout, QWidget)

from .. import theme
from ...domain.orders import Status
from ...services import Services
from ...services.dto import Actor, OrderSummaryDTO
from ..labels import label
from ..widgets.message_line import MessageLine
from .model import CUSTOMER, OrderListModel

SEARCH_DELAY_MS = 250
PAGE = 50
HELP = QT_TRANSLATE_NOOP("OrderSearchDialog", "Search: a customer's name, phone (any format) or e-mail, an order "
                         "number (SO-000123) or a tracking number. Down: the list; Enter: open the order; Ctrl+F: "
                         "back to the search; Esc: close.")


class OrderSearchDialog(QDialog, MessageLine):
    """Signals:
        message_shown(str): every message shown in the message line.
        open_requested(object): the OrderSummaryDTO to open (Enter on a row).
        searched(): a search's first page is on screen.
    """

    message_shown = Signal(str)
    open_requested = Signal(object)
    searched = Signal()

    def __init__(self, services: Services, actor: Actor, jobs, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.setWindowTitle(self.tr("Find orders"))
        self._seq = 0
        self._query: dict = {}
        self._build()
        self.model.request_page = self._next_page

    def _build(self) -> None:
        root = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search_edit = QLineEdit(objectName="order_search_edit")
        self.search_edit.setPlaceholderText(self.tr("Customer name, phone or e-mail; order number; tracking number"))
        self.search_edit.setClearButtonEnabled(True)
        self.from_edit = QLineEdit(objectName="order_search_from")
        self.to_edit = QLineEdit(objectName="order_search_to")
        for edit in (self.from_edit, self.to_edit):
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
            edit.setMaximumWidth(110)
        self.status_combo = QComboBox(objectName="order_search_status")
        self.status_combo.addItem(self.tr("any status"), None)
        for s in Status:
            self.status_combo.addItem(self.tr("cart") if s is Status.DRAFT else label(s.value), s.value)
        for text, widget, stretch in ((self.tr("&Search"), self.search_edit, 1), (self.tr("Fro&m"), self.from_edit, 0),
                                      (self.tr("&To"), self.to_edit, 0), (self.tr("Stat&us"), self.status_combo, 0)):
            buddy = QLabel(text)
            buddy.setBuddy(widget)
            row.addWidget(buddy)
            row.addWidget(widget, stretch)
        root.addLayout(row)
        self.model = OrderListModel(self, self.services.company.get().locale, PAGE)
        self.table = QTableView(objectName="order_search_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CUSTOMER, QHeaderView.ResizeMode.Stretch)
        root.addWidget(self.table, 1)
        self.message_label = QLabel(objectName="order_search_message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        root.addWidget(self.message_label)
        hint = QLabel(QCoreApplication.translate("OrderSearchDialog", HELP))
        hint.setWordWrap(True)
        theme.set_colours(hint, "muted")
        root.addWidget(hint)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.search_edit.textEdited.connect(lambda _t: self._timer.start())
        for edit in (self.search_edit, self.from_edit, self.to_edit):
            edit.returnPressed.connect(self._enter_in_field)
            edit.installEventFilter(self)
        self.status_combo.activated.connect(lambda _i: self.search())
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.installEventFilter(self)
        focus = QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search)
        focus.setContext(Qt.ShortcutContext.WindowShortcut)
        self.resize(1000, 560)

    # ---- keys ----------------------------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if obj is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_row(self.table.currentIndex().row())
            return True
        if obj is self.table and key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
            self.focus_search()  # Up from the first row: back to what was typed
            return True
        if obj in (self.search_edit, self.from_edit, self.to_edit) and key in (Qt.Key.Key_Down,
                                                                               Qt.Key.Key_PageDown):
            self.focus_list()
            return True
        return False

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def focus_list(self) -> None:
        if self.model.rowCount():
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self.focus_search)

    def _enter_in_field(self) -> None:
        """Enter in a field: search now; Enter again on the same search opens the one order found, or goes to the
        list to pick one."""
        query = self._current_query()
        if self._timer.isActive() or query != self._query:
            self._timer.stop()
            self.search()
        elif self.model.rowCount() == 1:
            self.open_row(0)
        else:
            self.focus_list()

    # ---- searching -----------------------------------------------------------------------------------------------
    def _current_query(self) -> dict:
        return dict(text=self.search_edit.text().strip(), date_from=self.from_edit.text().strip() or None,
                    date_to=self.to_edit.text().strip() or None, status=self.status_combo.currentData())

    def search(self) -> None:
        self._seq += 1
        seq, query = self._seq, self._current_query()
        self._query = query
        orders = self.services.orders

        def shown(found: list[OrderSummaryDTO]) -> None:
            if seq != self._seq:
                return  # an older search answered after a newer one started
            self.model.reset(found)
            if found:
                self.table.selectRow(0)
                more = len(found) >= PAGE
                self.show_message((self.tr("{count}+ order(s), newest first (scroll down for more). Down, then "
                                           "Enter opens one.") if more else
                                   self.tr("{count} order(s), newest first. Down, then Enter opens one.")).format(
                                       count=len(found)))
            else:
                self.show_message(self.tr("No order matches.") + (self.tr(" Check the days (From, To).")
                                                                  if query["date_from"] or query["date_to"] else ""),
                                  error=bool(query["text"]))
            self.searched.emit()

        def refused(exc: BaseException) -> None:
            if seq != self._seq:
                return
            self.model.reset([])
            self._failed(exc)  # bad input: every problem, in this screen's words; nothing was searched
            self.searched.emit()

        self.jobs.submit(lambda _j: orders.search_orders(self.actor, limit=PAGE, **query), on_success=shown,
                         on_failure=refused, owner=self)

    def _next_page(self, offset: int) -> None:
        seq, query, orders = self._seq, dict(self._query), self.services.orders

        def added(found: list[OrderSummaryDTO]) -> None:
            if seq == self._seq:
                self.model.add_page(found)
                self.show_message((self.tr("{count}+ order(s), newest first. Down, then Enter opens one.")
                                   if len(found) >= PAGE else
                                   self.tr("{count} order(s), newest first. Down, then Enter opens one.")).format(
                                       count=self.model.rowCount()))

        def failed(exc: BaseException) -> None:
            if seq == self._seq:
                self.model.page_failed()
                self._failed(exc)

        self.jobs.submit(lambda _j: orders.search_orders(self.actor, limit=PAGE, offset=offset, **query),
                         on_success=added, on_failure=failed, owner=self)

    def open_row(self, row: int) -> None:
        order = self.model.order_at(row)
        if order is None:
            self.show_message(self.tr("Search first, then pick an order with Down and Enter."), error=True)
            return
        self.open_requested.emit(order)
