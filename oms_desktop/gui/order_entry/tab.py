"""Order entry: find or create the caller, add lines by SKU, barcode, name or scanner, confirm with Ctrl+Enter.

Every service call runs as a background job (reads on the global pool, writes on the single write pool, in the
order the user gave them); the result comes back to the GUI thread and the screen shows the service's answer.
Messages for the user appear in the message line, not in modal boxes, so the hands never leave the keyboard.
"""
from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from ...domain import events as ev
from ...domain.errors import NotFound, OutOfStock
from ...domain.orders import Channel
from ...domain.phone import has_only_phone_characters
from ...services import Services
from ...services.dto import Actor, CustomerDTO, OrderDTO, ProductDTO
from .. import format as fmt
from ..jobs import JobRunner
from ..widgets.message_line import MessageLine
from .dialogs import DraftsDialog, KeyboardHelpDialog, ShortageDialog, TrackingDialog
from .lines_model import LinesModel

QTY_PREFIX = re.compile(r"^\s*(\d{1,7})\s*[*xX×]\s*(\S.*)$")
SEARCH_DELAY_MS = 120


class _ListNavigator(QObject):
    """Up/Down/PageUp/PageDown typed in a line edit move the selection of the results list below it."""

    def __init__(self, edit: QLineEdit, results: QListWidget):
        super().__init__(edit)
        self.results = results
        self.moved = False
        edit.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down,
                                                                     Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            n = self.results.count()
            if n:
                step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5}
                row = self.results.currentRow()
                row = max(0, min(n - 1, (row if row >= 0 else -1) + step[event.key()]))
                self.results.setCurrentRow(row)
                self.moved = True
            return True
        return False


class OrderEntryTab(QWidget, MessageLine):
    """Signals:
        order_confirmed(object): the confirmed OrderDTO.
        message_shown(str): every message shown in the message line (for tests and the status bar).
    """

    order_confirmed = Signal(object)
    message_shown = Signal(str)

    def __init__(self, services: Services, actor: Actor, jobs: JobRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.jobs = jobs
        self.company = services.company.get()
        self.locale = self.company.locale
        self.order: OrderDTO | None = None
        self.last_confirmed: OrderDTO | None = None  # what Pay now (Ctrl+P) takes payment for
        self._cart_id: int | None = None  # the draft lines go to; also read by write jobs (see add_typed_product)
        self.customer: CustomerDTO | None = None
        self._customer_seq = 0
        self._product_seq = 0
        self._pick_customer_when_ready = False
        self._build()
        self._connect()
        self.clear_order()
        QTimer.singleShot(0, self.refresh_drafts_hint)

    # ---- layout --------------------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        top = QHBoxLayout()
        customer_box = QGroupBox("Customer (F2)")
        cl = QVBoxLayout(customer_box)
        self.customer_edit = QLineEdit(objectName="customer_edit")
        self.customer_edit.setPlaceholderText("Phone (any format), name, email or customer no.")
        self.customer_edit.setClearButtonEnabled(True)
        self.customer_results = QListWidget(objectName="customer_results")
        self.customer_results.setMaximumHeight(110)
        self.customer_results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.customer_info = QLabel(objectName="customer_info")
        self.customer_info.setWordWrap(True)
        self.customer_info.setTextFormat(Qt.TextFormat.PlainText)
        self.customer_info.setMinimumHeight(48)
        self.recent_orders = QListWidget(objectName="recent_orders")
        self.recent_orders.setMaximumHeight(80)
        self.recent_orders.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout()
        self.new_customer_button = QPushButton("&New customer (Ctrl+N)", objectName="new_customer_button")
        self.repeat_button = QPushButton("&Repeat last order (Ctrl+R)", objectName="repeat_button")
        for b in (self.new_customer_button, self.repeat_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(b)
        cl.addWidget(self.customer_edit)
        cl.addWidget(self.customer_results)
        cl.addWidget(self.customer_info)
        self.balance_label = QLabel(objectName="balance_label")
        cl.addWidget(self.balance_label)
        cl.addWidget(QLabel("Recent orders:"))
        cl.addWidget(self.recent_orders)
        cl.addLayout(row)
        self.new_customer_box = QGroupBox("New customer (Enter saves, Esc cancels)", objectName="new_customer_box")
        nf = QFormLayout(self.new_customer_box)
        self.new_name_edit = QLineEdit(objectName="new_name_edit")
        self.new_phone_edit = QLineEdit(objectName="new_phone_edit")
        self.new_email_edit = QLineEdit(objectName="new_email_edit")
        self.new_address_edit = QLineEdit(objectName="new_address_edit")
        self.new_address_edit.setPlaceholderText("Street, postcode city (commas become line breaks)")
        nf.addRow("&Name", self.new_name_edit)
        nf.addRow("&Phone", self.new_phone_edit)
        nf.addRow("E&mail", self.new_email_edit)
        nf.addRow("&Address", self.new_address_edit)
        cl.addWidget(self.new_customer_box)
        self.new_customer_box.hide()
        top.addWidget(customer_box, 2)

        product_box = QGroupBox("Add products (F3)")
        pl = QVBoxLayout(product_box)
        self.product_edit = QLineEdit(objectName="product_edit")
        self.product_edit.setPlaceholderText("SKU, barcode or name; 3*SKU adds three; scan with the scanner")
        self.product_edit.setClearButtonEnabled(True)
        self.product_results = QListWidget(objectName="product_results")
        self.product_results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pl.addWidget(self.product_edit)
        pl.addWidget(self.product_results)
        ch = QHBoxLayout()
        ch.addWidget(QLabel("C&hannel"))
        self.channel_combo = QComboBox(objectName="channel_combo")
        self.channel_combo.addItems([c.value for c in Channel])
        self.channel_combo.setCurrentText(self.company.default_channel)
        ch.itemAt(0).widget().setBuddy(self.channel_combo)
        ch.addWidget(self.channel_combo)
        ch.addStretch()
        self.drafts_button = QPushButton("&Open carts (Ctrl+O)", objectName="drafts_button")
        self.drafts_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        ch.addWidget(self.drafts_button)
        pl.addLayout(ch)
        top.addWidget(product_box, 3)

        top_widget = QWidget()
        top_widget.setLayout(top)
        self.lines_model = LinesModel(self, self.locale)
        self.lines_view = QTableView(objectName="lines_view")
        self.lines_view.setModel(self.lines_model)
        self.lines_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed |
                                        QAbstractItemView.EditTrigger.AnyKeyPressed |
                                        QAbstractItemView.EditTrigger.DoubleClicked)
        self.lines_view.verticalHeader().hide()
        self.lines_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.lines_view.setAlternatingRowColors(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top_widget)
        splitter.addWidget(self.lines_view)
        splitter.setStretchFactor(1, 1)
        root.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.message_label = QLabel(objectName="message_label")
        self.message_label.setWordWrap(True)
        self.order_label = QLabel(objectName="order_label")
        self.totals_label = QLabel(objectName="totals_label")
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.totals_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.confirm_button = QPushButton("&Confirm (Ctrl+Enter)", objectName="confirm_button")
        self.confirm_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.confirm_button.setMinimumHeight(40)
        left = QVBoxLayout()
        left.addWidget(self.order_label)
        left.addWidget(self.message_label)
        bottom.addLayout(left, 3)
        bottom.addWidget(self.totals_label, 2)
        self.pay_button = QPushButton("&Pay now (Ctrl+P)", objectName="pay_button")
        self.pay_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pay_button.setMinimumHeight(40)
        bottom.addWidget(self.pay_button)
        bottom.addWidget(self.confirm_button)
        root.addLayout(bottom)

    def _connect(self) -> None:
        self._customer_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._customer_timer.timeout.connect(self.search_customers)
        self._product_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._product_timer.timeout.connect(self.search_products)
        self.customer_edit.textEdited.connect(lambda _t: self._customer_timer.start())
        self.customer_edit.returnPressed.connect(self.pick_customer)
        self.product_edit.textEdited.connect(self._product_text_edited)
        self.product_edit.returnPressed.connect(self.add_typed_product)
        self.customer_results.itemClicked.connect(lambda _i: self.pick_customer())
        self.product_results.itemClicked.connect(lambda _i: self.add_typed_product(from_list=True))
        self._customer_nav = _ListNavigator(self.customer_edit, self.customer_results)
        self._product_nav = _ListNavigator(self.product_edit, self.product_results)
        for edit in (self.new_name_edit, self.new_phone_edit, self.new_email_edit, self.new_address_edit):
            edit.returnPressed.connect(self.save_new_customer)
        self.new_customer_button.clicked.connect(self.start_new_customer)
        self.repeat_button.clicked.connect(self.repeat_last_order)
        self.drafts_button.clicked.connect(self.open_drafts)
        self.confirm_button.clicked.connect(self.confirm)
        self.pay_button.clicked.connect(self.pay_now)
        self.lines_model.edit_requested.connect(self.edit_line)
        shortcuts = {
            "F2": lambda: self._focus(self.customer_edit), "F3": lambda: self._focus(self.product_edit),
            "F4": lambda: self.lines_view.setFocus(), "Ctrl+N": self.start_new_customer,
            "Ctrl+R": self.repeat_last_order, "Ctrl+Return": self.confirm, "Ctrl+Enter": self.confirm,
            "Ctrl+O": self.open_drafts, "Ctrl+Shift+N": self.park_and_new, "Escape": self.escape,
            "Ctrl+P": self.pay_now,
        }
        self._shortcuts = []
        for key, fn in shortcuts.items():
            sc = QShortcut(QKeySequence(key), self, activated=fn)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._shortcuts.append(sc)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.lines_view, activated=self.remove_selected_line)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._shortcuts.append(delete)

    # ---- helpers -------------------------------------------------------------------------------------------
    def _focus(self, edit: QLineEdit) -> None:
        edit.setFocus()
        edit.selectAll()

    def focus_primary(self) -> None:
        """Where the hands go when the tab comes up: the caller first, then the products."""
        self._focus(self.product_edit if self.customer is not None or self.order is not None else self.customer_edit)

    def keyboard_help(self) -> None:
        KeyboardHelpDialog(parent=self).exec()

    # ---- customer ------------------------------------------------------------------------------------------
    def search_customers(self) -> None:
        text = self.customer_edit.text().strip()
        self._customer_seq += 1
        seq = self._customer_seq
        if not text:
            self.customer_results.clear()
            return
        self._run(lambda: self.services.customers.find_customers(self.actor, text, limit=20),
                  lambda found: self._show_customers(seq, found))

    def _show_customers(self, seq: int, found: list[CustomerDTO]) -> None:
        if seq != self._customer_seq:
            return  # an older search finished after a newer one started
        self.customer_results.clear()
        for c in found:
            item = QListWidgetItem(f"{c.name}   {', '.join(c.phones)}   {c.email}   {c.number}")
            item.setData(Qt.ItemDataRole.UserRole, c)
            self.customer_results.addItem(item)
        if found:
            self.customer_results.setCurrentRow(0)
        self._customer_nav.moved = False
        if self._pick_customer_when_ready:
            self._pick_customer_when_ready = False
            if found:
                self.pick_customer()
            else:
                self.show_message(f"No customer matches '{self.customer_edit.text()}'. Ctrl+N creates one.",
                                  error=True)

    def pick_customer(self) -> None:
        if self._customer_timer.isActive() or (self.customer_edit.text().strip() and
                                                not self.customer_results.count()):
            self._customer_timer.stop()
            self._pick_customer_when_ready = True
            self.search_customers()
            return
        item = self.customer_results.currentItem()
        if item is None:
            return
        self.set_customer(item.data(Qt.ItemDataRole.UserRole))

    def set_customer(self, customer: CustomerDTO) -> None:
        self.customer = customer
        self.customer_results.clear()
        self.customer_edit.setText(customer.name)
        address = customer.shipping_address or customer.billing_address
        lines = [f"{customer.name}  ({customer.number})", "  ".join(customer.phones) + ("   " + customer.email
                                                                                       if customer.email else "")]
        if address:
            lines.append(address.replace("\n", ", "))
        if customer.notes:
            lines.append(f"Note: {customer.notes}")
        self.customer_info.setText("\n".join(lines))
        self.recent_orders.clear()
        self._run(lambda: self.services.orders.list_orders(self.actor, customer_id=customer.id, limit=5),
                  self._show_recent)
        self._run(lambda: self.services.receivables.customer_balance(self.actor, customer.id),
                  lambda balance: self._show_balance(customer.id, balance))
        if self.order is not None and self.order.customer_id != customer.id:
            self._run(lambda: self.services.orders.set_customer(self.actor, self.order.id, customer.id),
                      self.show_order, write=True)
        self._focus(self.product_edit)

    def _show_balance(self, customer_id: int, balance: Decimal) -> None:
        if self.customer is None or self.customer.id != customer_id:
            return  # the agent has moved on to another caller
        cur = self.company.currency
        text = ("Open balance: " + fmt.money(balance, cur, self.locale) if balance > 0 else
                "Credit: " + fmt.money(-balance, cur, self.locale) if balance < 0 else "Open balance: none")
        self.balance_label.setText(text)
        self.balance_label.setStyleSheet("color: #b00020; font-weight: bold;" if balance > 0 else "")

    def _show_recent(self, orders) -> None:
        self._recent = [o for o in orders if o.status != "draft"]
        self.recent_orders.clear()
        for o in self._recent:
            lines = f"{o.line_count} line" + ("" if o.line_count == 1 else "s")
            self.recent_orders.addItem(f"{o.number}  {fmt.when(o.created_at)}  {o.status}  {lines}  "
                                       f"{fmt.money(o.total, o.currency, self.locale)}")

    def start_new_customer(self) -> None:
        self.new_customer_box.show()
        typed = self.customer_edit.text().strip()
        if typed and has_only_phone_characters(typed):
            self.new_phone_edit.setText(typed)
        elif typed:
            self.new_name_edit.setText(typed)
        self._focus(self.new_name_edit)

    def save_new_customer(self) -> None:
        name, phone = self.new_name_edit.text(), self.new_phone_edit.text()
        email, address = self.new_email_edit.text(), self.new_address_edit.text()
        address = "\n".join(part.strip() for part in address.split(",") if part.strip())

        def saved(customer: CustomerDTO) -> None:
            for edit in (self.new_name_edit, self.new_phone_edit, self.new_email_edit, self.new_address_edit):
                edit.clear()
            self.new_customer_box.hide()
            self.show_message(f"Customer {customer.name} ({customer.number}) created.")
            self.set_customer(customer)

        self._run(lambda: self.services.customers.add_customer(self.actor, name, [phone] if phone.strip() else [],
                                                               email, address, address), saved, write=True)

    def repeat_last_order(self) -> None:
        recent = getattr(self, "_recent", [])
        if self.customer is None or not recent:
            self.show_message("Pick a customer with earlier orders first (F2).", error=True)
            return
        if self.order is not None and self.order.lines:
            self.show_message("This cart has lines already; Ctrl+Shift+N parks it, then repeat.", error=True)
            return
        source = recent[0].id
        self._run(lambda: self.services.orders.repeat_order(self.actor, source,
                                                            channel=self.channel_combo.currentText()),
                  lambda order: (self.show_order(order), self.show_message(f"Copied the lines of {recent[0].number}."),
                                 self._focus(self.product_edit)), write=True)

    # ---- products and lines --------------------------------------------------------------------------------
    def _product_text_edited(self, text: str) -> None:
        self._product_timer.start()

    def search_products(self) -> None:
        text = self.product_edit.text()
        m = QTY_PREFIX.match(text)
        if m:
            text = m.group(2)
        text = text.strip()
        self._product_seq += 1
        seq = self._product_seq
        if not text:
            self.product_results.clear()
            return
        self._run(lambda: self.services.catalog.search(self.actor, text, limit=12),
                  lambda found: self._show_products(seq, found))

    def _show_products(self, seq: int, found: list[ProductDTO]) -> None:
        if seq != self._product_seq:
            return
        self.product_results.clear()
        for p in found:
            item = QListWidgetItem(f"{p.sku:<12} {p.name}   {fmt.money(p.unit_price, p.currency, self.locale)}   "
                                   f"{p.available} available")
            item.setData(Qt.ItemDataRole.UserRole, p.sku)
            if p.available <= 0:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.product_results.addItem(item)
        if found:
            self.product_results.setCurrentRow(0)
        self._product_nav.moved = False

    def add_typed_product(self, from_list: bool = False) -> None:
        """Enter in the product field: an exact SKU or barcode (what a scanner sends), else the highlighted or
        first suggestion. ``3*SKU`` adds three."""
        text = self.product_edit.text().strip()
        qty, code = 1, text
        m = QTY_PREFIX.match(text)
        if m:
            qty, code = int(m.group(1)), m.group(2).strip()
        chosen = None
        item = self.product_results.currentItem()
        if item is not None and (from_list or self._product_nav.moved):
            chosen = item.data(Qt.ItemDataRole.UserRole)
        if not code and chosen is None:
            return
        self._product_timer.stop()
        self._product_seq += 1  # a search still running must not refill the list for the cleared field
        self.product_edit.clear()
        self.product_results.clear()
        self._product_nav.moved = False
        customer_id = self.customer.id if self.customer else None
        channel = self.channel_combo.currentText()
        services, actor = self.services, self.actor

        def work():
            sku = chosen
            if sku is None:
                try:
                    sku = services.catalog.get_product(actor, code).sku
                except NotFound:
                    found = services.catalog.search(actor, code, limit=1)
                    if not found:
                        raise NotFound(f"Unknown SKU or barcode '{code}': nothing in the catalog matches.") from None
                    sku = found[0].sku
            # Read the cart when the job runs, not when it was queued: writes run one after another, so a scan
            # that arrives while the first line is still being saved lands in the cart that line created.
            target = self._cart_id
            if target is None:
                target = services.orders.create_draft(actor, customer_id, channel).id
                self._cart_id = target
            return services.orders.add_line(actor, target, sku, qty)

        self._run(work, self._line_added, write=True)

    def _line_added(self, order: OrderDTO) -> None:
        self.show_order(order)
        last = max(order.lines, key=lambda ln: ln.line_no, default=None)
        if last is not None:
            short = last.available is not None and last.quantity > last.available
            self.show_message(f"{last.quantity} x {last.sku} {last.name}" +
                              (f" - only {last.available} available!" if short else ""), error=short)

    def edit_line(self, line_no: int, field: str, text: str) -> None:
        if self.order is None:
            return
        oid = self.order.id
        if field == "quantity":
            fn = lambda: self.services.orders.set_line_quantity(self.actor, oid, line_no, text)  # noqa: E731
        elif field == "unit_price":
            fn = lambda: self.services.orders.set_line_price(self.actor, oid, line_no, unit_price=text)  # noqa: E731
        else:
            fn = lambda: self.services.orders.set_line_price(self.actor, oid, line_no, discount=text)  # noqa: E731
        self._run(fn, self.show_order, write=True)

    def remove_selected_line(self) -> None:
        index = self.lines_view.currentIndex()
        if self.order is None or not index.isValid():
            return
        line_no = self.lines_model.line_at(index.row()).line_no
        self._run(lambda: self.services.orders.remove_line(self.actor, self.order.id, line_no), self.show_order,
                  write=True)

    # ---- the order -----------------------------------------------------------------------------------------
    def show_order(self, order: OrderDTO | None) -> None:
        new_cart = order is not None and order.status == "draft" and (self.order is None or self.order.id != order.id)
        self.order = order
        self._cart_id = order.id if order is not None and order.status == "draft" else None
        self.lines_model.set_order(order)
        if order is None:
            self.order_label.setText("New order: the cart is saved as soon as the first line is added.")
            self.totals_label.setText("")
            return
        self.order_label.setText(f"{order.number} ({order.status}, {order.channel})  - saved")
        parts = [f"Net {fmt.money(order.net, order.currency, self.locale)}"]
        for rate, _net, tax in order.tax_by_rate:
            parts.append(f"Tax {fmt.rate(rate, self.locale)} {fmt.money(tax, order.currency, self.locale)}")
        self.totals_label.setText("<br>".join(parts) + f"<br><span style='font-size:18pt; font-weight:bold'>"
                                  f"Total {fmt.money(order.total, order.currency, self.locale)}</span>")
        short = self.lines_model.short_lines()
        if short:
            self.show_message("Short before confirm: " + ", ".join(f"{ln.sku} ({ln.available} available)"
                                                                   for ln in short), error=True)
        if new_cart:
            self.refresh_drafts_hint()  # the first line saved a new cart: it counts among the open carts

    def clear_order(self) -> None:
        self.show_order(None)
        self.customer = None
        self._recent = []
        for w in (self.customer_edit, self.product_edit):
            w.clear()
        for w in (self.customer_results, self.product_results, self.recent_orders):
            w.clear()
        self.customer_info.setText("No customer yet: type a phone number, name or email (F2), or Ctrl+N.")
        self.balance_label.setText("")
        self.new_customer_box.hide()
        self.channel_combo.setCurrentText(self.company.default_channel)
        self.customer_edit.setFocus()

    def confirm(self) -> None:
        if self.order is None or not self.order.lines:
            self.show_message("Nothing to confirm: add products first (F3).", error=True)
            return
        oid = self.order.id

        def failed(exc: BaseException) -> None:
            if isinstance(exc, OutOfStock):
                self.handle_shortage(exc)
            else:
                self._failed(exc)

        self.confirm_button.setEnabled(False)
        self.jobs.submit(lambda _j: self.services.orders.confirm_order(self.actor, oid),
                         on_success=self._confirmed, on_failure=failed,
                         on_finished=lambda: self.confirm_button.setEnabled(True), write=True, owner=self)

    def _confirmed(self, order: OrderDTO) -> None:
        self.last_confirmed = order
        self.order_confirmed.emit(order)
        self.show_tracking(order)
        self.clear_order()
        self.show_message(f"{order.number} confirmed, tracking number {order.tracking_number}.")
        self.refresh_drafts_hint()

    def pay_now(self) -> None:
        """Take payment for the last confirmed order at the counter and offer its 80 mm receipt."""
        if self.last_confirmed is None:
            self.show_message("Confirm an order first (Ctrl+Enter), then Pay now takes its payment.", error=True)
            return
        from ..accounts.payment_dialog import take_payment
        take_payment(self, self.services, self.actor, self.jobs, self.last_confirmed.id, self.locale,
                     lambda text, error: self.show_message(text, error=error))

    def show_tracking(self, order: OrderDTO) -> None:
        TrackingDialog(order, self.locale, self).exec()

    def ask_shortage(self, error: OutOfStock) -> int:
        return ShortageDialog(error, self).exec()

    def handle_shortage(self, error: OutOfStock) -> None:
        self.show_message(str(error), error=True)
        choice = self.ask_shortage(error)
        if choice not in (ShortageDialog.REDUCE, ShortageDialog.REMOVE) or self.order is None:
            return
        short = {s.sku: s.available for s in error.shortages}
        oid = self.order.id
        lines = [(ln.line_no, ln.sku) for ln in self.order.lines if ln.sku in short]

        def work():
            order = None
            for line_no, sku in lines:
                qty = short[sku] if choice == ShortageDialog.REDUCE else 0
                order = self.services.orders.set_line_quantity(self.actor, oid, line_no, qty)
            return order

        self._run(work, lambda order: (self.show_order(order), self.show_message(
            "Quantities reduced to what is available; Ctrl+Enter confirms." if choice == ShortageDialog.REDUCE else
            "Short lines removed; Ctrl+Enter confirms.")), write=True)

    def park_and_new(self) -> None:
        parked = self.order
        self.clear_order()
        if parked is not None:
            self.show_message(f"{parked.number} parked as an open cart (Ctrl+O).")
        self.refresh_drafts_hint()

    def open_drafts(self) -> None:
        def show(drafts):
            if not drafts:
                self.show_message("No open carts.")
                return
            dialog = DraftsDialog(drafts, self.locale, self)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
                self.load_order(dialog.chosen)

        self._run(lambda: self.services.orders.open_drafts(self.actor), show)

    def load_order(self, order_id: int) -> None:
        def loaded(data):
            order, customer = data
            self.clear_order()
            if customer is not None:
                self.customer = customer
                self.customer_edit.setText(customer.name)
                self.customer_info.setText(f"{customer.name}  ({customer.number})\n{'  '.join(customer.phones)}")
            self.show_order(order)
            self._focus(self.product_edit)

        def work():
            order = self.services.orders.get_order(self.actor, order_id)
            customer = (self.services.customers.get_customer(self.actor, order.customer_id)
                        if order.customer_id is not None else None)
            return order, customer

        self._run(work, loaded)

    def refresh_drafts_hint(self) -> None:
        self._run(lambda: self.services.orders.open_drafts(self.actor),
                  lambda drafts: self.drafts_button.setText(f"&Open carts: {len(drafts)} (Ctrl+O)"))

    def escape(self) -> None:
        if self.new_customer_box.isVisible():
            self.new_customer_box.hide()
            self._focus(self.customer_edit)
        elif self.product_results.count():
            self.product_results.clear()
        elif self.customer_results.count():
            self.customer_results.clear()

    def on_events(self, events: list) -> None:
        """Another workstation changed stock: refresh availability shown on the open cart."""
        if self.order is not None and any(ev.matches(e.event, (ev.OrderConfirmed, ev.OrderCancelled,
                                                               ev.StockAdjusted)) for e in events):
            oid = self.order.id
            self._run(lambda: self.services.orders.get_order(self.actor, oid),
                      lambda order: self.show_order(order) if self.order and order.id == self.order.id else None)


