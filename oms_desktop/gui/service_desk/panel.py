"""Service desk: find an order by tracking number, order number or phone; its status timeline, and beside it the
order's lines and the return action.

A tracking number whose check character does not match is a typo, and the desk says so instead of "not found":
the caller is asked to read it again rather than told the parcel does not exist.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...domain.errors import NotFound, StorageError, UserFacingError
from ...domain.roles import Perm, can
from ...services import Services
from ...services.dto import Actor
from ...services.order_lookup import InvalidTrackingNumber
from .. import format as fmt
from ..labels import label
from ..widgets.message_line import MessageLine
from ..messages import render, text_of

#: the timeline's steps that are not an order's status (those go through :func:`label`); translated where shown
STEPS = {"backorder": QT_TRANSLATE_NOOP("ServiceDeskPanel", "backorder"),
         "backorder released": QT_TRANSLATE_NOOP("ServiceDeskPanel", "backorder released"),
         "backorder fulfilled": QT_TRANSLATE_NOOP("ServiceDeskPanel", "backorder fulfilled"),
         "invoiced": QT_TRANSLATE_NOOP("ServiceDeskPanel", "invoiced"),
         "paid": QT_TRANSLATE_NOOP("ServiceDeskPanel", "paid"),
         "credit note": QT_TRANSLATE_NOOP("ServiceDeskPanel", "credit note"),
         "refunded": QT_TRANSLATE_NOOP("ServiceDeskPanel", "refunded")}
#: a return's condition (the code the service keeps) as the messages name it
CONDITIONS = {"restock": QT_TRANSLATE_NOOP("ServiceDeskPanel", "restock"),
              "damaged": QT_TRANSLATE_NOOP("ServiceDeskPanel", "damaged")}


def step_text(step: str) -> str:
    """A timeline step in the GUI's language (an unknown step as it is)."""
    if step in STEPS:
        return QCoreApplication.translate("ServiceDeskPanel", STEPS[step])
    return label(step)


class ServiceDeskPanel(QWidget, MessageLine):
    """Signals:
        message_shown(str): every message shown in the message line.
        order_shown(object): the OrderTrackingDTO now on screen.
    """

    message_shown = Signal(str)
    order_shown = Signal(object)

    def __init__(self, services: Services, actor: Actor, jobs, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.info = None
        self.locale = services.company.get().locale
        self._build()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        row = QHBoxLayout()
        self.lookup_edit = QLineEdit(objectName="lookup_edit")
        self.lookup_edit.setPlaceholderText(self.tr("Tracking number (XXXX-XXXX-XXXX), order number (SO-000123) or "
                                                    "the customer's phone"))
        self.lookup_edit.setClearButtonEnabled(True)
        self.find_button = QPushButton(self.tr("Find (Enter)"), objectName="find_button")
        row.addWidget(QLabel(self.tr("&Look up")))
        row.itemAt(0).widget().setBuddy(self.lookup_edit)
        row.addWidget(self.lookup_edit, 1)
        row.addWidget(self.find_button)
        root.addLayout(row)
        self.results_list = QListWidget(objectName="results_list")
        self.results_list.setMaximumHeight(90)
        self.results_list.hide()
        root.addWidget(self.results_list)
        self.order_label = QLabel(objectName="order_label")
        self.order_label.setTextFormat(Qt.TextFormat.PlainText)
        self.order_label.setWordWrap(True)
        font = self.order_label.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.order_label.setFont(font)
        root.addWidget(self.order_label)
        self.timeline_table = QTableWidget(0, 4, objectName="timeline_table")
        self.timeline_table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Step"), self.tr("Who"),
                                                       self.tr("Details")])
        self.timeline_table.verticalHeader().hide()
        self.timeline_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.timeline_table.setAlternatingRowColors(True)
        # Beside the timeline: what the order holds (and what can come back), and the return action under it, so the
        # caller's question and its answer are on one screen at 1,366 x 768.
        self.lines_table = QTableWidget(0, 4, objectName="lines_table")
        self.lines_table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Product"), self.tr("Qty"),
                                                    self.tr("Returnable")])
        self.lines_table.verticalHeader().hide()
        self.lines_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.lines_table.setAlternatingRowColors(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        lines_label = QLabel(self.tr("Order li&nes"))
        lines_label.setBuddy(self.lines_table)
        side_layout.addWidget(lines_label)
        side_layout.addWidget(self.lines_table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="desk_splitter")
        splitter.addWidget(self.timeline_table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        root.addWidget(splitter, 1)

        self.returns_box = QGroupBox(self.tr("Receive a return"), objectName="returns_box")
        form = QFormLayout(self.returns_box)
        self.return_sku_combo = QComboBox(objectName="return_sku_combo")
        self.return_qty_spin = QSpinBox(objectName="return_qty_spin", minimum=1, maximum=1_000_000)
        self.condition_combo = QComboBox(objectName="condition_combo")
        self.condition_combo.addItem(self.tr("Back into stock (restock)"), "restock")
        self.condition_combo.addItem(self.tr("Damaged (no stock)"), "damaged")
        self.return_reason_edit = QLineEdit(objectName="return_reason_edit")
        self.return_reason_edit.setPlaceholderText(self.tr("Why it came back (wrong size, broken in transit, ...)"))
        self.return_button = QPushButton(self.tr("&Receive return"), objectName="return_button")
        form.addRow(self.tr("I&tem"), self.return_sku_combo)
        form.addRow(self.tr("&Quantity"), self.return_qty_spin)
        form.addRow(self.tr("&Condition"), self.condition_combo)
        form.addRow(self.tr("R&eason"), self.return_reason_edit)
        form.addRow(self.return_button)
        self.returns_box.setEnabled(False)
        self.returns_box.setVisible(can(self.actor.role, Perm.WAREHOUSE))
        side_layout.addWidget(self.returns_box)
        self.message_label = QLabel(objectName="message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        root.addWidget(self.message_label)

        self.lookup_edit.returnPressed.connect(self.look_up)
        self.find_button.clicked.connect(self.look_up)
        self.results_list.itemActivated.connect(self._result_chosen)
        self.results_list.itemClicked.connect(self._result_chosen)
        self.return_button.clicked.connect(self.receive_return)

    def on_events(self, events: list) -> None:
        if self.info is not None and any(e.order_id == self.info.order.id for e in events):
            self.show_order(self.info.order.id, quiet=True)

    def clear_order(self) -> None:
        """Nothing shown: a lookup that failed must not leave the previous order on screen under it."""
        self.info = None
        self.order_label.setText("")
        self.timeline_table.setRowCount(0)
        self.lines_table.setRowCount(0)
        self.return_sku_combo.clear()
        self.returns_box.setEnabled(False)
        self.results_list.clear()
        self.results_list.hide()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, (UserFacingError, StorageError)):
            self.clear_order()
        if isinstance(exc, InvalidTrackingNumber):
            near = getattr(exc, "suggestions", ())
            for number, order, customer in near:
                item = QListWidgetItem(f"{number}   {order}   {customer}")
                item.setData(Qt.ItemDataRole.UserRole, number)
                self.results_list.addItem(item)
            if near:
                self.results_list.show()
                self.results_list.setCurrentRow(0)
                self.show_message(self.tr("Invalid tracking number (typo?): {error} Did the customer mean one of "
                                          "these? Down and Enter shows it; else ask them to read it again.").format(
                                              error=exc), True)
            else:
                self.show_message(self.tr("Invalid tracking number (typo?): {error} Ask the customer to read it "
                                          "again.").format(error=exc), True)
        elif isinstance(exc, NotFound):
            self.show_message(self.tr("Not found: {error}").format(error=text_of(exc)), True)
        elif isinstance(exc, (UserFacingError, StorageError)):
            self.show_message(text_of(exc), True)
        else:
            from ..errors import show_error
            show_error(self, exc)

    # ---- lookup ------------------------------------------------------------------------------------------------
    def look_up(self) -> None:
        text = self.lookup_edit.text().strip()
        if not text:
            self.show_message(self.tr("Type a tracking number, an order number or a phone number."), True)
            return
        self.jobs.submit(lambda job: self.services.tracking.find_orders(self.actor, text),
                         on_success=self._found, on_failure=self._failed, owner=self)

    def _found(self, orders: list) -> None:
        self.results_list.clear()
        if len(orders) == 1:
            self.results_list.hide()
            self.show_order(orders[0].id)
            return
        for o in orders:
            item = QListWidgetItem(f"{o.number}  {fmt.when(o.created_at)}  {label(o.status)}  {o.customer_name}  "
                                   f"{fmt.money(o.total, o.currency, self.locale)}")
            item.setData(Qt.ItemDataRole.UserRole, o.id)
            self.results_list.addItem(item)
        self.results_list.show()
        self.results_list.setCurrentRow(0)
        self.show_message(self.tr("{count} orders for this phone number: pick one.").format(count=len(orders)))

    def _result_chosen(self, item) -> None:
        self.show_order(item.data(Qt.ItemDataRole.UserRole))

    def show_order(self, order_id: int, quiet: bool = False) -> None:
        self.jobs.submit(lambda job: self.services.tracking.tracking(self.actor, order_id),
                         on_success=lambda info: self._show(info, quiet), on_failure=self._failed, owner=self)

    def _show(self, info, quiet: bool = False) -> None:
        self.info = info
        o = info.order
        text = self.tr("{order} · tracking {tracking} · {status} · {customer} · {total}").format(
            order=o.number, tracking=o.tracking_number or "-", status=label(o.status).upper(),
            customer=o.customer_name or "-", total=fmt.money(o.total, o.currency, self.locale))
        if info.backorder_units:
            text += self.tr(" · backorder: %n unit(s) still to come", "", info.backorder_units)
        self.order_label.setText(text)
        t = self.timeline_table
        t.setRowCount(len(info.timeline))
        for r, e in enumerate(info.timeline):
            detail = render(e.detail)
            if e.amount is not None and e.currency:
                detail = " · ".join(x for x in (detail, fmt.money(e.amount, e.currency, self.locale)) if x)
            for c, value in enumerate((fmt.when(e.at), step_text(e.step), e.who, detail)):
                t.setItem(r, c, QTableWidgetItem(value))
        t.resizeColumnsToContents()
        t.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        returnable = info.returnable()
        lt = self.lines_table
        lt.setRowCount(len(o.lines))
        for r, ln in enumerate(o.lines):
            for c, value in enumerate((ln.sku, ln.name, str(ln.quantity), str(returnable.get(ln.sku, 0)))):
                item = QTableWidgetItem(value)
                if c in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                lt.setItem(r, c, item)
        lt.resizeColumnToContents(0)
        self.return_sku_combo.clear()
        names = {ln.sku: ln.name for ln in o.lines}
        for sku, q in sorted(returnable.items()):
            self.return_sku_combo.addItem(self.tr("{sku} · {name} ({count} returnable)").format(
                sku=sku, name=names.get(sku, ""), count=q), sku)
        self.returns_box.setEnabled(bool(returnable))
        if not quiet:
            self.show_message(self.tr("{order}: %n step(s).", "", len(info.timeline)).format(order=o.number))
        self.order_shown.emit(info)

    # ---- returns -----------------------------------------------------------------------------------------------
    def receive_return(self) -> None:
        if self.info is None or self.return_sku_combo.currentData() is None:
            self.show_message(self.tr("Look up a shipped order first."), True)
            return
        oid, sku = self.info.order.id, self.return_sku_combo.currentData()
        qty, condition = self.return_qty_spin.value(), self.condition_combo.currentData()
        reason = self.return_reason_edit.text().strip()

        def done(info) -> None:
            self.return_reason_edit.clear()
            self._show(info, quiet=True)
            self.show_message(self.tr("Received {quantity} x {sku} ({condition}) for {order}.").format(
                quantity=qty, sku=sku, condition=self.tr(CONDITIONS.get(condition, condition)),
                order=info.order.number))

        self.jobs.submit(lambda job: self.services.returns.receive_return(self.actor, oid, sku, qty, condition,
                                                                         reason),
                         on_success=done, on_failure=self._failed, write=True, owner=self)
