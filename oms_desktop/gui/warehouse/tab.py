"""The warehouse tab: the live queue, pick lists (print or save), scan to confirm, short picks, pack and ship.

The queue refreshes itself from the event feed (a confirmed order appears without pressing anything). A clerk
scans the pick list's barcode, then every SKU barcode: quantities count up, a SKU that is not on the list (or one
scanned once too often) is refused with a red flash and a beep. Whatever is short gets a reason; confirming sends
the counts to the service, which hands the found units to the totes in priority order.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ...domain import events as ev
from ...domain import tracking
from ...domain.references import Series, parse_ref
from ...services import Services
from ...services.dto import Actor
from ..labels import label
from .. import theme
from ..widgets.message_line import MessageLine
from ..widgets.dialogs import discard_dialog
from ..widgets.print_preview import DocumentPrintPreview, pdf_page_images
from ..widgets.save_dialogs import ask_save_path
from ..messages import render, text_of

REFRESH_EVENTS = (ev.OrderConfirmed, ev.OrderCancelled, ev.PicklistCreated, ev.PicklistConfirmed, ev.OrderPicking,
                  ev.OrderPacked, ev.OrderShipped, ev.OrderDelivered, ev.BackorderCreated, ev.BackorderReleased,
                  ev.OrderReturned, ev.OrderAmended, ev.BackorderReserved)
#: the queue's stages as the table shows them (translated where shown: :func:`stage_text`)
STAGE_TEXT = {"waiting": QT_TRANSLATE_NOOP("WarehouseTab", "waiting"),
              "awaiting stock": QT_TRANSLATE_NOOP("WarehouseTab", "awaiting stock (backorder)"),
              "backorder": QT_TRANSLATE_NOOP("WarehouseTab", "backorder"),
              "picking": QT_TRANSLATE_NOOP("WarehouseTab", "picking"),
              "picked": QT_TRANSLATE_NOOP("WarehouseTab", "picked: pack it"),
              "packed": QT_TRANSLATE_NOOP("WarehouseTab", "packed: ship it")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("WarehouseTab", text)


def stage_text(stage: str) -> str:
    """What the queue shows for a stage, in the GUI's language (an unknown stage as it is)."""
    english = STAGE_TEXT.get(stage)
    return _tr(english) if english is not None else stage


def counted(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` (translated texts with ``{n}``) for ``n``: German counts as English does (1, else many)."""
    return (one if n == 1 else many).format(n=n)


def age_text(since: datetime, now: datetime | None = None) -> str:
    minutes = max(0, int(((now or datetime.now(timezone.utc)) - since).total_seconds() // 60))
    if minutes < 60:
        return QCoreApplication.translate("WarehouseTab", "{minutes} min").format(minutes=minutes)
    if minutes < 48 * 60:
        return QCoreApplication.translate("WarehouseTab", "{hours} h {minutes} min").format(
            hours=minutes // 60, minutes=f"{minutes % 60:02d}")
    return QCoreApplication.translate("WarehouseTab", "{days} d").format(days=minutes // 1440)


def _item(text, *, right: bool = False, data=None) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class WarehouseTab(QWidget, MessageLine):
    """Signals:
        message_shown(str): every message shown in the message line.
        queue_loaded(int): the queue was (re)loaded with this many orders.
        scan_refused(str): a scan was refused (the text scanned).
    """

    message_shown = Signal(str)
    queue_loaded = Signal(int)
    scan_refused = Signal(str)

    QUEUE_HEADERS = [QT_TRANSLATE_NOOP("WarehouseTab", "Order"), QT_TRANSLATE_NOOP("WarehouseTab", "Customer"),
                     QT_TRANSLATE_NOOP("WarehouseTab", "Stage"), QT_TRANSLATE_NOOP("WarehouseTab", "Age"),
                     QT_TRANSLATE_NOOP("WarehouseTab", "Express"), QT_TRANSLATE_NOOP("WarehouseTab", "Lines"),
                     QT_TRANSLATE_NOOP("WarehouseTab", "Units"), QT_TRANSLATE_NOOP("WarehouseTab", "Backorder"),
                     QT_TRANSLATE_NOOP("WarehouseTab", "Pick list")]
    # totes: "T2: 1" = 1 unit into tote 2
    PICK_HEADERS = [QT_TRANSLATE_NOOP("WarehouseTab", "Location"), QT_TRANSLATE_NOOP("WarehouseTab", "SKU"),
                    QT_TRANSLATE_NOOP("WarehouseTab", "Name"), QT_TRANSLATE_NOOP("WarehouseTab", "Qty"),
                    QT_TRANSLATE_NOOP("WarehouseTab", "Picked"), QT_TRANSLATE_NOOP("WarehouseTab", "Totes")]

    def __init__(self, services: Services, actor: Actor, jobs, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.queue_items: list = []
        self.pick_list = None
        self.counts: dict[str, int] = {}
        self.last_cue = ""
        self._follow_queue = False
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=250)
        self._refresh_timer.timeout.connect(self.refresh_queue)
        self._cue_timer = QTimer(self, singleShot=True, interval=700)
        self._cue_timer.timeout.connect(lambda: theme.set_colours(self.scan_edit))
        self.refresh_queue()

    # ---- layout ------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)

        queue_box = QGroupBox(self.tr("Queue: express first, then oldest"))
        ql = QVBoxLayout(queue_box)
        self.queue_filter_edit = QLineEdit(objectName="queue_filter_edit")
        self.queue_filter_edit.setPlaceholderText(self.tr("Filter: order, customer, stage (Ctrl+F); scan a tracking "
                                                          "number or PL-... + Enter to open it; Down: the list"))
        self.queue_filter_edit.setClearButtonEnabled(True)
        ql.addWidget(self.queue_filter_edit)
        self.queue_table = QTableWidget(0, len(self.QUEUE_HEADERS), objectName="queue_table")
        self.queue_table.setHorizontalHeaderLabels([_tr(h) for h in self.QUEUE_HEADERS])
        self.queue_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue_table.verticalHeader().hide()
        self.queue_table.setAlternatingRowColors(True)
        self.queue_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.queue_table.setWordWrap(False)  # one line per order: long names are elided, not wrapped
        self.queue_table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        ql.addWidget(self.queue_table)
        row = QHBoxLayout()
        self.selected_button = QPushButton(self.tr("Pick list for selected (Ctrl+P)"), objectName="selected_button")
        self.next_spin = QSpinBox(objectName="next_spin", minimum=1, maximum=60, value=10)
        self.next_button = QPushButton(self.tr("Pick &next"), objectName="next_button")
        self.release_button = QPushButton(self.tr("Release backorder"), objectName="release_button")
        row.addWidget(self.selected_button)
        row.addWidget(self.next_button)
        row.addWidget(self.next_spin)
        row.addStretch()
        row.addWidget(self.release_button)
        ql.addLayout(row)
        splitter.addWidget(queue_box)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        pick_box = QGroupBox(self.tr("Pick list: scan its barcode, then each item (F4)"))
        pl = QVBoxLayout(pick_box)
        self.scan_edit = QLineEdit(objectName="scan_edit")
        self.scan_edit.setPlaceholderText(self.tr("Scan or type PL-000123, then SKU or barcode"))
        font = self.scan_edit.font()
        font.setPointSize(font.pointSize() + 3)
        self.scan_edit.setFont(font)
        self.pick_label = QLabel(self.tr("No pick list loaded."), objectName="pick_label")
        self.pick_table = QTableWidget(0, len(self.PICK_HEADERS), objectName="pick_table")
        self.pick_table.setHorizontalHeaderLabels([_tr(h) for h in self.PICK_HEADERS])
        self.pick_table.verticalHeader().hide()
        self.pick_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pick_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # One line per SKU: beside the queue on a 1,366 px screen the list is ~380 px wide, and a header as long as
        # "Per order (tote)" over "T2: 1" left the names 60 px, wrapped into two cut lines.
        self.pick_table.setWordWrap(False)
        self.pick_table.setTabKeyNavigation(False)  # Tab and Shift+Tab leave the table (they were trapped in it)
        self.pick_table.horizontalHeaderItem(5).setToolTip(self.tr("Units per order, by tote: T2: 1 = one unit into "
                                                                    "tote 2"))
        short_row = QHBoxLayout()
        self.short_reason_edit = QLineEdit(objectName="short_reason_edit")
        self.short_reason_edit.setPlaceholderText(self.tr("Reason for anything short (not at location, damaged, ...)"))
        self.confirm_button = QPushButton(self.tr("Confir&m picks (Ctrl+Enter)"), objectName="confirm_button")
        short_row.addWidget(self.short_reason_edit, 1)
        short_row.addWidget(self.confirm_button)
        doc_row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Prin&t..."), objectName="print_button")
        self.save_button = QPushButton(self.tr("Save as P&DF..."), objectName="save_button")
        doc_row.addWidget(self.print_button)
        doc_row.addWidget(self.save_button)
        doc_row.addStretch()
        pl.addWidget(self.scan_edit)
        pl.addWidget(self.pick_label)
        pl.addWidget(self.pick_table, 1)
        pl.addLayout(short_row)
        pl.addLayout(doc_row)
        rl.addWidget(pick_box, 3)

        # Mnemonics are unique in the window: the tabs hold Alt+O/I/W/A/S (and B for the manager), the menus F/V/H.
        # Selected and Confirm have Ctrl+P and Ctrl+Enter; Release and the packing slip are a Tab away.
        ship_box = QGroupBox(self.tr("Pack and ship"))
        form = QFormLayout(ship_box)
        self.ship_order_edit = QLineEdit(objectName="ship_order_edit")
        self.ship_order_edit.setPlaceholderText(self.tr("SO-000123 or tracking number"))
        self.carrier_edit = QLineEdit(objectName="carrier_edit")
        self.carrier_edit.setPlaceholderText(self.tr("DHL, UPS, post, ..."))
        self.service_edit = QLineEdit(objectName="service_edit")
        self.carrier_ref_edit = QLineEdit(objectName="carrier_ref_edit")
        self.weight_edit = QLineEdit(objectName="weight_edit")
        self.weight_edit.setPlaceholderText(self.tr("kg, e.g. 2.5"))
        self.packages_spin = QSpinBox(objectName="packages_spin", minimum=1, maximum=999, value=1)
        form.addRow(self.tr("O&rder"), self.ship_order_edit)
        form.addRow(self.tr("&Carrier"), self.carrier_edit)
        form.addRow(self.tr("Service (e.g. e&xpress)"), self.service_edit)
        form.addRow(self.tr("Carrier r&eference"), self.carrier_ref_edit)
        form.addRow(self.tr("Wei&ght (kg)"), self.weight_edit)
        form.addRow(self.tr("Pac&kages"), self.packages_spin)
        buttons = QHBoxLayout()
        self.pack_button = QPushButton(self.tr("Pack onl&y"), objectName="pack_button")
        self.ship_button = QPushButton(self.tr("Shi&p (packs too)"), objectName="ship_button")
        self.deliver_button = QPushButton(self.tr("De&livered"), objectName="deliver_button")
        self.slip_button = QPushButton(self.tr("Packing slip PDF..."), objectName="slip_button")
        for b in (self.pack_button, self.ship_button, self.deliver_button, self.slip_button):
            buttons.addWidget(b)
        form.addRow(buttons)
        rl.addWidget(ship_box, 2)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        root.addWidget(splitter, 1)
        self.message_label = QLabel(objectName="message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        root.addWidget(self.message_label)

        self.selected_button.clicked.connect(self.pick_selected)
        self.next_button.clicked.connect(self.pick_next)
        self.release_button.clicked.connect(self.release_selected)
        self.scan_edit.returnPressed.connect(self.scan)
        self.confirm_button.clicked.connect(self.confirm_picks)
        self.print_button.clicked.connect(self.print_pick_list)
        self.save_button.clicked.connect(self.save_pick_list)
        self.pack_button.clicked.connect(self.pack)
        self.ship_button.clicked.connect(self.ship)
        self.deliver_button.clicked.connect(self.deliver)
        self.slip_button.clicked.connect(self.save_packing_slip)
        self.queue_table.itemSelectionChanged.connect(self._queue_selection_changed)
        self.queue_filter_edit.textChanged.connect(self._apply_filter)
        self.queue_filter_edit.returnPressed.connect(self._filter_entered)
        self.queue_filter_edit.installEventFilter(self)
        # whatsThis: the line the keyboard map (F1) shows for the key
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self._focus_filter, whatsThis=self.tr("filter the queue"))
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.pick_selected,
                  whatsThis=self.tr("make a pick list of the selected orders"))
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.confirm_picks,
                  whatsThis=self.tr("confirm the picks"))
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, activated=self.print_packing_slip,
                  whatsThis=self.tr("print the packing slip (with a preview)"))
        QShortcut(QKeySequence("F4"), self, activated=lambda: self.scan_edit.setFocus(),
                  whatsThis=self.tr("the scan field (a barcode, tracking or pick list "
                                                                         "number)"))

    # ---- messages ----------------------------------------------------------------------------------------------
    # ---- queue -------------------------------------------------------------------------------------------------
    def on_events(self, events: list) -> None:
        if any(ev.matches(e.event, REFRESH_EVENTS) for e in events):
            if self.jobs.synchronous:
                self.refresh_queue()
            else:
                self._refresh_timer.start()

    def refresh_queue(self) -> None:
        self.jobs.submit(lambda job: self.services.picking.queue(self.actor), on_success=self._show_queue,
                         on_failure=self._failed, owner=self)

    def _show_queue(self, items: list) -> None:
        selected = set(self.selected_order_ids())
        self.queue_items = items
        t = self.queue_table
        t.setRowCount(len(items))
        now = datetime.now(timezone.utc)
        for r, q in enumerate(items):
            cells = [_item(q.number, data=q.order_id), _item(q.customer_name),
                     _item(stage_text(q.stage)), _item(age_text(q.waiting_since, now), right=True),
                     _item(self.tr("EXPRESS") if q.express else ""), _item(q.line_count, right=True),
                     _item(q.units, right=True), _item(q.backorder_units or "", right=True), _item(q.pick_list or "")]
            if q.express:
                theme.paint_item(cells[4], "bad")
            if q.stage == "backorder":
                for c in cells:
                    theme.paint_item(c, bg="warning_bg")
            for c, item in enumerate(cells):
                t.setItem(r, c, item)
        t.resizeColumnsToContents()
        # resizeColumnsToContents drops the customer column's stretch: the table then ended in a blank band once the
        # splitter moved (as it does when a pick list is loaded beside it)
        t.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._apply_filter()
        if self._follow_queue:
            self._follow_queue = False
            self._select_next_to_ship()
        else:
            for r, q in enumerate(items):
                if q.order_id in selected:
                    t.selectRow(r)
        self.queue_loaded.emit(len(items))

    # ---- filter and scanned references -------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self.queue_filter_edit and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down:
            self._enter_queue()
            return True
        return super().eventFilter(watched, event)

    def _focus_filter(self) -> None:
        self.queue_filter_edit.setFocus()
        self.queue_filter_edit.selectAll()

    def _row_matches(self, q, needle: str) -> bool:
        hay = " ".join([q.number, q.customer_name or "", q.stage, STAGE_TEXT.get(q.stage, q.stage), stage_text(q.stage),
                        q.pick_list or "", q.tracking_number or ""]).casefold()
        return all(word in hay for word in needle.casefold().split())

    def _apply_filter(self) -> None:
        needle = self.queue_filter_edit.text().strip()
        for r, q in enumerate(self.queue_items):
            self.queue_table.setRowHidden(r, bool(needle) and not self._row_matches(q, needle))

    def _visible_rows(self) -> list[int]:
        return [r for r in range(self.queue_table.rowCount()) if not self.queue_table.isRowHidden(r)]

    def _enter_queue(self) -> None:
        rows = self._visible_rows()
        if not rows:
            self.show_message(self.tr("No order in the queue matches '{text}'.").format(
                text=self.queue_filter_edit.text().strip()), True)
            return
        if not set(rows) & {i.row() for i in self.queue_table.selectedIndexes()}:
            self.queue_table.selectRow(rows[0])
        self.queue_table.setFocus()

    def _filter_entered(self) -> None:
        """Enter in the filter: a scanned pick list or tracking/order number opens it; other text enters the list."""
        text = self.queue_filter_edit.text().strip()
        if text and self.open_reference(text):
            self.queue_filter_edit.clear()
            return
        self._enter_queue()

    def open_reference(self, text: str) -> bool:
        """Open a pick list (PL-...) on the pick form, or an order (SO-... or its tracking number) on the pack and
        ship form, selected in the queue. False if the text is neither."""
        if parse_ref(Series.PICK_LIST, text, prefix_required=True) is not None:
            self.jobs.submit(lambda job: self.services.picking.get_pick_list(self.actor, text),
                             on_success=self._scanned_pick_list, on_failure=self._scan_failed, owner=self)
            return True
        if not (tracking.looks_like_tracking(text) or parse_ref(Series.ORDER, text, prefix_required=True)):
            return False
        oid = parse_ref(Series.ORDER, text, prefix_required=True)
        key = None
        if oid is None:
            try:
                key = tracking.parse_tracking(text)
            except tracking.TrackingNumberError as e:  # a misread or mistyped code: its check character says so
                self._refuse(text, render(e.args[0]))
                return True
        for r, q in enumerate(self.queue_items):
            if q.order_id == oid or (key is not None and q.tracking_number == key):
                self.queue_table.setRowHidden(r, False)
                self.queue_table.selectRow(r)
                self.ship_order_edit.setText(q.number)
                self._cue(True)
                self.show_message(self.tr("{order} ({customer}): {stage}.").format(
                    order=q.number, customer=q.customer_name, stage=stage_text(q.stage)))
                return True
        # not in the queue (shipped already, or not confirmed): the pack and ship form says what it is
        self.ship_order_edit.setText(key or text)
        self.show_message(self.tr("{order} is not in the queue (not picked yet, or shipped); it is on the pack and "
                                  "ship form.").format(order=key or text))
        return True

    def _select_next_to_ship(self) -> None:
        """After a shipment the form follows the queue: the next picked or packed order, or an empty form."""
        self.queue_table.clearSelection()
        self.ship_order_edit.clear()
        for r in self._visible_rows():
            if self.queue_items[r].stage in ("picked", "packed"):
                self.queue_table.selectRow(r)
                return

    def selected_order_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.queue_table.selectedIndexes()})
        return [self.queue_table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows
                if self.queue_table.item(r, 0) is not None]

    def _queue_selection_changed(self) -> None:
        ids = self.selected_order_ids()
        if len(ids) == 1:
            q = next((q for q in self.queue_items if q.order_id == ids[0]), None)
            if q is not None and q.stage in ("picked", "packed"):
                self.ship_order_edit.setText(q.number)

    # ---- pick lists --------------------------------------------------------------------------------------------
    def pick_selected(self) -> None:
        ids = self.selected_order_ids()
        if not ids:
            self.show_message(self.tr("Select orders in the queue first (Shift/Ctrl+click), or use 'Pick next'."), True)
            return
        self.jobs.submit(lambda job: self.services.picking.create_pick_list(self.actor, ids),
                         on_success=self._pick_list_created, on_failure=self._failed, write=True, owner=self)

    def pick_next(self) -> None:
        n = self.next_spin.value()
        self.jobs.submit(lambda job: self.services.picking.create_pick_list(self.actor, next_n=n),
                         on_success=self._pick_list_created, on_failure=self._failed, write=True, owner=self)

    def _pick_list_created(self, pl) -> None:
        self.load_pick_list(pl)
        self.show_message(self.tr("{number} created: {orders}, {lines}, {units}. Print it or save it as PDF, then "
                                  "scan to confirm.").format(number=pl.number, orders=self._orders(len(pl.orders)),
                                                             lines=self._lines(len(pl.lines)),
                                                             units=self._units(pl.units)))
        self.refresh_queue()

    def _orders(self, n: int) -> str:
        return counted(n, self.tr("{n} order"), self.tr("{n} orders"))

    def _lines(self, n: int) -> str:
        return counted(n, self.tr("{n} line"), self.tr("{n} lines"))

    def _units(self, n: int) -> str:
        return counted(n, self.tr("{n} unit"), self.tr("{n} units"))

    def load_pick_list(self, pl) -> None:
        self.pick_list = pl
        self.counts = {ln.sku: (ln.picked or 0) for ln in pl.lines} if pl.status != "open" else \
            {ln.sku: 0 for ln in pl.lines}
        self._show_pick_list()

    def _show_pick_list(self) -> None:
        pl = self.pick_list
        if pl is None:
            self.pick_table.setRowCount(0)
            self.pick_label.setText(self.tr("No pick list loaded."))
            return
        self.pick_label.setText(self.tr("{number} ({status}) · {orders} · {units} · picked {picked}").format(
            number=pl.number, status=label(pl.status), orders=self._orders(len(pl.orders)),
            units=self._units(pl.units), picked=sum(self.counts.values())))
        t = self.pick_table
        t.setRowCount(len(pl.lines))
        for r, ln in enumerate(pl.lines):
            count = self.counts.get(ln.sku, 0)
            cells = [_item(ln.location), _item(ln.sku, data=ln.sku), _item(ln.name), _item(ln.quantity, right=True),
                     _item(count, right=True),
                     _item(", ".join(f"T{tote}: {q}" for _n, tote, q in ln.per_order))]
            color = "good_bg" if count == ln.quantity else ("warning_bg" if count else None)
            for c, item in enumerate(cells):
                if color:
                    theme.paint_item(item, bg=color)
                t.setItem(r, c, item)
        t.resizeColumnsToContents()
        t.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    # ---- scanning ----------------------------------------------------------------------------------------------
    def scan(self) -> None:
        text = self.scan_edit.text().strip()
        self.scan_edit.clear()
        if not text:
            return
        on_list = self.pick_list is not None and any(
            text.upper() == ln.sku or (ln.barcode and text == ln.barcode) for ln in self.pick_list.lines)
        if not on_list and self.open_reference(text):  # a pick list, or a tote's tracking number: open it
            return
        if self.pick_list is None:
            self._refuse(text, self.tr("Scan the pick list's barcode first (PL-...)."))
            return
        if self.pick_list.status != "open":
            self._refuse(text, self.tr("{number} is confirmed already.").format(number=self.pick_list.number))
            return
        line = next((ln for ln in self.pick_list.lines if text.upper() == ln.sku or (ln.barcode and text ==
                                                                                       ln.barcode)), None)
        if line is None:
            self._refuse(text, self.tr("{scanned} is not on {number}: put it back.").format(
                scanned=text, number=self.pick_list.number))
            return
        if self.counts[line.sku] >= line.quantity:
            self._refuse(text, self.tr("All {quantity} of {sku} are picked already: put this one back.").format(
                quantity=line.quantity, sku=line.sku))
            return
        self.counts[line.sku] += 1
        self._cue(True)
        self._show_pick_list()
        self.show_message(self.tr("{sku}: {count} of {quantity} · {location}").format(
            sku=line.sku, count=self.counts[line.sku], quantity=line.quantity, location=line.location))

    def _scanned_pick_list(self, pl) -> None:
        self.load_pick_list(pl)
        self._cue(True)
        self.show_message((self.tr("{number} loaded: scan the items.") if pl.status == "open" else
                           self.tr("{number} was confirmed already; it is shown as picked.")).format(number=pl.number))

    def _scan_failed(self, exc) -> None:
        self._refuse("", text_of(exc))

    def _refuse(self, text: str, message: str) -> None:
        self._cue(False)
        QApplication.beep()
        self.show_message(message, error=True)
        self.scan_refused.emit(text)

    def _cue(self, ok: bool) -> None:
        self.last_cue = "ok" if ok else "error"
        theme.set_colours(self.scan_edit, bg="good_bg" if ok else "bad_bg")
        self._cue_timer.start()

    def confirm_picks(self) -> None:
        pl = self.pick_list
        if pl is None or pl.status != "open":
            self.show_message(self.tr("Load an open pick list first (scan its barcode)."), True)
            return
        reason = self.short_reason_edit.text().strip()
        counts = dict(self.counts)
        self.jobs.submit(lambda job: self.services.picking.confirm_picks(self.actor, pl.id, counts,
                                                                         default_reason=reason),
                         on_success=self._picks_confirmed, on_failure=self._failed, write=True, owner=self)

    def _picks_confirmed(self, pl) -> None:
        self.load_pick_list(pl)
        self.short_reason_edit.clear()
        ready = [o for o in pl.orders if o.status == "picked"]
        back = [o for o in pl.orders if o.status == "empty"]
        short = sum(ln.quantity - (ln.picked or 0) for ln in pl.lines)
        msg = self.tr("{number} confirmed: {orders} ready to pack").format(number=pl.number,
                                                                          orders=self._orders(len(ready)))
        if short:
            msg += self.tr(", {units} short (they stay reserved and ship as a backorder)").format(
                units=self._units(short))
        if back:
            msg += self.tr("; nothing found for {orders}: back in the queue").format(
                orders=", ".join(o.number for o in back))
        self.show_message(msg + ".")
        if ready:
            self.ship_order_edit.setText(ready[0].number)
        self.refresh_queue()

    def _pdf(self, fn, on_bytes) -> None:
        self.jobs.submit(lambda job: fn(), on_success=on_bytes, on_failure=self._failed, owner=self)

    def save_pick_list(self, path: str | None = None) -> None:
        pl = self.pick_list
        if pl is None:
            self.show_message(self.tr("Create or scan a pick list first."), True)
            return
        path = path or ask_save_path(self, self.tr("Save pick list"), f"{pl.number}.pdf", "PDF (*.pdf)", "pick_list")
        if path:
            self._pdf(lambda: self.services.picking.pick_list_pdf(self.actor, pl.id),
                      lambda data: self._write(path, data))

    def print_pick_list(self) -> None:
        """A print preview of the pick list; Print there prints it on the printer chosen (this workstation's pick
        list printer first)."""
        pl = self.pick_list
        if pl is None:
            self.show_message(self.tr("Create or scan a pick list first."), True)
            return
        services, actor = self.services, self.actor
        self._pdf(lambda: pdf_page_images(services.picking.pick_list_pdf(actor, pl.id)),
                  lambda pages: self._preview("pick_list", pl.number, pages))

    def print_packing_slip(self) -> None:
        """A print preview of the packing slip of the order in the form (Ctrl+Shift+P)."""
        ref = self._order_ref()
        if ref is None:
            return
        services, actor = self.services, self.actor
        self._pdf(lambda: pdf_page_images(services.shipping.packing_slip_pdf(actor, ref)),
                  lambda pages: self._preview("packing_slip", self.tr("packing slip of {order}").format(order=ref),
                                             pages))

    def _preview(self, kind: str, title: str, pages) -> None:
        discard_dialog(getattr(self, "print_preview", None))
        preview = self.print_preview = DocumentPrintPreview(kind, title, pages, self)
        preview.finished.connect(lambda result: self.show_message(self.tr("{document} sent to {printer}.").format(
            document=title, printer=preview.printer.printerName() or self.tr("the printer"))) if result else None)
        preview.open()

    def _write(self, path: str, data: bytes) -> None:
        try:
            Path(path).write_bytes(data)
        except OSError as e:
            self.show_message(self.tr("Cannot write {path}: {error}.").format(path=path, error=e.strerror or e), True)
            return
        self.show_message(self.tr("Saved {path}.").format(path=path))

    # ---- pack and ship -----------------------------------------------------------------------------------------
    def _order_ref(self) -> str | None:
        ref = self.ship_order_edit.text().strip()
        if not ref:
            self.show_message(self.tr("Type or scan the order (SO-000123 or its tracking number)."), True)
            return None
        return ref

    def pack(self) -> None:
        ref = self._order_ref()
        if ref is None:
            return
        values = self._parcel()
        self.jobs.submit(lambda job: self.services.shipping.pack_order(self.actor, ref, **values),
                         on_success=lambda s: (self.show_message(
                             self.tr("{order} packed: {carrier} {reference}, {lines}. Ship it when collected.").format(
                                 order=s.order_number, carrier=s.carrier, reference=s.carrier_ref,
                                 lines=", ".join(f"{q} x {sku}" for sku, _n, q in s.lines))),
                             self.refresh_queue()),
                         on_failure=self._failed, write=True, owner=self)

    def _parcel(self) -> dict:
        return dict(carrier=self.carrier_edit.text(), carrier_ref=self.carrier_ref_edit.text(),
                    service=self.service_edit.text(), weight_kg=self.weight_edit.text() or None,
                    packages=self.packages_spin.value())

    def ship(self) -> None:
        """Ship; a picked order is packed first with the parcel typed here, in the same transaction (as
        ``oms ship`` does), so Pack is only needed to pack now and ship later."""
        ref = self._order_ref()
        if ref is None:
            return
        values = self._parcel()
        self.jobs.submit(lambda job: self.services.shipping.pack_and_ship(self.actor, ref, **values),
                         on_success=self._shipped, on_failure=self._failed, write=True, owner=self)

    def _shipped(self, s) -> None:
        self.show_message(self.tr("{order} shipped with {carrier} {reference}: {lines}.").format(
            order=s.order_number, carrier=s.carrier, reference=s.carrier_ref,
            lines=", ".join(f"{q} x {sku}" for sku, _n, q in s.lines)))
        for edit in (self.carrier_ref_edit, self.weight_edit):
            edit.clear()  # the carrier and service stay: most parcels of a day go the same way
        self.packages_spin.setValue(1)
        self.ship_order_edit.clear()  # the shipped order leaves the form; the queue's next one takes its place
        self._follow_queue = True
        self.refresh_queue()

    def deliver(self) -> None:
        ref = self._order_ref()
        if ref is None:
            return
        self.jobs.submit(lambda job: self.services.shipping.deliver_order(self.actor, ref),
                         on_success=lambda o: self.show_message(self.tr("{order} is {status}.").format(
                             order=o.number, status=label(o.status))),
                         on_failure=self._failed, write=True, owner=self)

    def release_selected(self) -> None:
        ids = self.selected_order_ids()
        if len(ids) != 1:
            self.show_message(self.tr("Select one order with a backorder in the queue."), True)
            return
        reason = self.short_reason_edit.text().strip()
        self.jobs.submit(lambda job: self.services.shipping.release_backorder(self.actor, ids[0], reason),
                         on_success=lambda o: (self.show_message(self.tr("{order}: backorder released; the reserved "
                                                                        "units are available again.").format(
                                                                            order=o.number)),
                                               self.refresh_queue()),
                         on_failure=self._failed, write=True, owner=self)

    def save_packing_slip(self, path: str | None = None) -> None:
        ref = self._order_ref()
        if ref is None:
            return
        path = path or ask_save_path(self, self.tr("Save packing slip"), f"packing-slip-{ref}.pdf", "PDF (*.pdf)",
                                     "packing_slip")
        if path:
            self._pdf(lambda: self.services.shipping.packing_slip_pdf(self.actor, ref),
                      lambda data: self._write(path, data))
