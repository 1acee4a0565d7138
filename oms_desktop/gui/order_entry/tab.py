"""Order entry: find or create the caller, add lines by SKU, barcode, name or scanner, confirm with Ctrl+Enter.

Every service call runs as a background job (reads on the global pool, writes on the single write pool, in the
order the user gave them); the result comes back to the GUI thread and the screen shows the service's answer.
Messages for the user appear in the message line, not in modal boxes, so the hands never leave the keyboard.
"""
from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from .. import theme
from ...domain import events as ev
from ...domain.errors import CouponRefused, NotFound, OutOfStock, StaleCart, StorageError, UserFacingError
from ...domain.orders import Channel
from ...domain.phone import has_only_phone_characters
from ...domain.roles import Perm, can
from ...services import Services
from ...services.dto import Actor, CustomerDTO, OrderDTO, ProductDTO
from .. import format as fmt
from ..jobs import JobRunner
from ..labels import label
from ..widgets.message_line import MessageLine
from .cart_changes import adjustments_html, line_marks, new_offers, offer_banner_text, removed_lines
from .amend_dialog import AmendDialog
from ..widgets.dialogs import back_to
from .dialogs import DraftsDialog, keyboard_help, ShortageDialog, TrackingDialog
from .lines_model import LinesModel
from ..messages import text_of

QTY_PREFIX = re.compile(r"^\s*([0-9]{1,7})\s*[*xX×]\s*(\S.*)$")  # ASCII digits: "٣*LAMP" is no quantity
SEARCH_DELAY_MS = 120
MARK_MS = 8000
"""How long lines changed on another workstation stay marked (the next change made here clears them sooner)."""
BANNER_STYLE = "QLabel { padding: 6px; font-size: 11pt; font-weight: bold; }"  # colours: the theme's offer colours


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


class AmbiguousProduct(UserFacingError):
    """Text in the product field that finds several products: nothing is added, the agent picks one."""

    def __init__(self, text: str, matches: int):
        self.text = text
        super().__init__(QCoreApplication.translate(
            "OrderEntryTab", "'{text}' finds {matches} products: pick one with Down, then Enter (or type more of "
            "it).").format(text=text, matches=matches))


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
        # counter staff take counter orders; everyone else starts on the company's default channel
        self.default_channel = Channel.COUNTER.value if actor.role == "counter" else \
            services.company.get().default_channel
        self.company = services.company.get()
        self.locale = self.company.locale
        self.order: OrderDTO | None = None
        self.last_confirmed: OrderDTO | None = None  # what Pay now (Ctrl+P) takes payment for
        self.amend_dialog: AmendDialog | None = None  # the Amend dialog last opened (Ctrl+E)
        self._cart_id: int | None = None  # the draft lines go to; also read by write jobs (see add_typed_product)
        self._new_offers: list = []  # offers the last cart shown brought (the banner shows them)
        self._banner: tuple | None = None  # (offer ids, total before, total after) while the banner stands
        self._cart_version = 0  # its version as this screen knows it (shown, or written by its own last change)
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
        self.offer_banner = QLabel(objectName="offer_banner")
        self.offer_banner.setWordWrap(True)
        self.offer_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.offer_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.offer_banner.setStyleSheet(BANNER_STYLE)
        self.offer_banner.setFrameShape(QLabel.Shape.Box)  # a border in the text's colour
        self.offer_banner.setLineWidth(2)
        theme.set_colours(self.offer_banner, "offer_text", "offer_bg")
        self.offer_banner.hide()
        root.addWidget(self.offer_banner)
        top = QHBoxLayout()
        customer_box = QGroupBox(self.tr("Customer (F2)"))
        cl = QVBoxLayout(customer_box)
        self.customer_edit = QLineEdit(objectName="customer_edit")
        self.customer_edit.setPlaceholderText(self.tr("Phone (any format), name, email or customer no."))
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
        self.new_customer_button = QPushButton(self.tr("New customer (Ctrl+N)"), objectName="new_customer_button")
        self.repeat_button = QPushButton(self.tr("&Repeat last order (Ctrl+R)"), objectName="repeat_button")
        self.merge_button = QPushButton(self.tr("Merge..."), objectName="merge_customer_button")  # narrow: 1,366 px
        self.merge_button.setToolTip(self.tr("Merge a duplicate into the customer shown: orders, carts, payments, "
                                             "phones (Ctrl+Shift+M)"))
        self.can_merge_customers = can(self.actor.role, Perm.CUSTOMER_MERGE)
        self.merge_button.setVisible(self.can_merge_customers)
        for b in (self.new_customer_button, self.repeat_button, self.merge_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(b)
        cl.addWidget(self.customer_edit)
        cl.addWidget(self.customer_results)
        cl.addWidget(self.customer_info)
        self.balance_label = QLabel(objectName="balance_label")
        cl.addWidget(self.balance_label)
        self.recent_label = QLabel(self.tr("Recent orders:"))
        cl.addWidget(self.recent_label)
        cl.addWidget(self.recent_orders)
        cl.addLayout(row)
        self.new_customer_box = QGroupBox(self.tr("New customer (Enter saves, Esc cancels)"),
                                          objectName="new_customer_box")
        nf = QFormLayout(self.new_customer_box)
        self.new_name_edit = QLineEdit(objectName="new_name_edit")
        self.new_phone_edit = QLineEdit(objectName="new_phone_edit")
        self.new_email_edit = QLineEdit(objectName="new_email_edit")
        self.new_address_edit = QLineEdit(objectName="new_address_edit")
        self.new_address_edit.setPlaceholderText(self.tr("Street, postcode city (commas become line breaks)"))
        nf.addRow(self.tr("&Name"), self.new_name_edit)
        nf.addRow(self.tr("&Phone"), self.new_phone_edit)
        nf.addRow(self.tr("E&mail"), self.new_email_edit)
        nf.addRow(self.tr("Pos&tal address"), self.new_address_edit)
        cl.addWidget(self.new_customer_box)
        self.new_customer_box.hide()
        # At 1,366 x 768 the form below the lists made the window taller than the screen (the status bar dropped
        # off it): while the form is open, the lists it has no use for give way to it.
        self.new_customer_box.installEventFilter(self)
        top.addWidget(customer_box, 2)

        product_box = QGroupBox(self.tr("Add products (F3)"))
        pl = QVBoxLayout(product_box)
        self.product_edit = QLineEdit(objectName="product_edit")
        self.product_edit.setPlaceholderText(self.tr("SKU, barcode or name; 3*SKU adds three; scan with the scanner"))
        self.product_edit.setClearButtonEnabled(True)
        self.product_results = QListWidget(objectName="product_results")
        self.product_results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        pl.addWidget(self.product_edit)
        pl.addWidget(self.product_results)
        ch = QHBoxLayout()
        ch.addWidget(QLabel(self.tr("Channe&l")))
        self.channel_combo = QComboBox(objectName="channel_combo")
        for c in Channel:  # the code as the item's data, its label shown
            self.channel_combo.addItem(label(c.value), c.value)
        self.channel_combo.setCurrentIndex(max(self.channel_combo.findData(self.default_channel), 0))
        ch.itemAt(0).widget().setBuddy(self.channel_combo)
        ch.addWidget(self.channel_combo)
        ch.addStretch()
        self.drafts_button = QPushButton(self.tr("Open carts (Ctrl+O)"), objectName="drafts_button")
        self.drafts_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        ch.addWidget(self.drafts_button)
        self.amend_button = QPushButton(self.tr("Am&end order... (Ctrl+E)"), objectName="amend_button")
        self.amend_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.amend_button.setToolTip(
            self.tr("Change a confirmed order until picking starts: lines, quantities, prices"))
        ch.addWidget(self.amend_button)
        pl.addLayout(ch)
        top.addWidget(product_box, 3)

        top_widget = QWidget()
        top_widget.setLayout(top)
        self.lines_model = LinesModel(self, self.locale, self.company.prices_include_tax)
        self.lines_view = QTableView(objectName="lines_view")
        self.lines_view.setModel(self.lines_model)
        self.lines_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed |
                                        QAbstractItemView.EditTrigger.AnyKeyPressed |
                                        QAbstractItemView.EditTrigger.DoubleClicked)
        self.lines_view.verticalHeader().hide()
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # "Line total (gross)" read whole
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.lines_view.setAlternatingRowColors(True)
        lines_box = QWidget()
        ll = QVBoxLayout(lines_box)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.lines_view, 1)
        extras = QHBoxLayout()
        coupon_label = QLabel(self.tr("Co&upon"))
        self.coupon_edit = QLineEdit(objectName="coupon_edit")
        self.coupon_edit.setPlaceholderText(self.tr("code, Enter applies"))
        self.coupon_edit.setMaximumWidth(170)
        coupon_label.setBuddy(self.coupon_edit)
        shipping_label = QLabel(self.tr("Shippin&g"))
        self.shipping_combo = QComboBox(objectName="shipping_combo")
        self.shipping_combo.addItem(self.tr("none (collected)"), None)
        self.shipping_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # names are long
        shipping_label.setBuddy(self.shipping_combo)
        self.ship_to_button = QPushButton(self.tr("&Deliver to..."), objectName="ship_to_button")
        self.ship_to_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ship_to_label = QLabel(objectName="ship_to_label")
        self.ship_to_label.setTextFormat(Qt.TextFormat.PlainText)
        self.express_check = QCheckBox(self.tr("E&xpress"), objectName="express_check")
        self.express_check.setToolTip(self.tr("The warehouse picks express orders first"))
        for w in (coupon_label, self.coupon_edit, shipping_label, self.shipping_combo, self.ship_to_button,
                  self.ship_to_label, self.express_check):
            extras.addWidget(w)
        extras.addStretch(1)
        self.adjustments_label = QLabel(objectName="adjustments_label")
        self.adjustments_label.setTextFormat(Qt.TextFormat.RichText)
        self.adjustments_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        extras.addWidget(self.adjustments_label)
        ll.addLayout(extras)
        # At 1,366 x 768 the lines keep four rows in sight when an offer banner takes its place at the top: the
        # lists above give way first (each still shows two entries).
        self.lines_view.setMinimumHeight(150)
        for lst in (self.customer_results, self.recent_orders, self.product_results):
            lst.setMinimumHeight(44)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top_widget)
        splitter.addWidget(lines_box)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        root.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.message_label = QLabel(objectName="message_label")
        self.message_label.setWordWrap(True)
        self.order_label = QLabel(objectName="order_label")
        self.totals_label = QLabel(objectName="totals_label")
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.totals_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.confirm_button = QPushButton(self.tr("&Confirm (Ctrl+Enter)"), objectName="confirm_button")
        self.confirm_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.confirm_button.setMinimumHeight(40)
        left = QVBoxLayout()
        left.addWidget(self.order_label)
        left.addWidget(self.message_label)
        bottom.addLayout(left, 3)
        bottom.addWidget(self.totals_label, 2)
        self.pay_button = QPushButton(self.tr("Pay now (Ctrl+P)"), objectName="pay_button")
        self.pay_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pay_button.setMinimumHeight(40)
        self.pay_button.setToolTip(self.tr("Confirms the cart on screen and takes its payment"))
        self.can_take_payments = can(self.actor.role, Perm.PAYMENT)
        self.pay_button.setVisible(self.can_take_payments)  # an agent never starts what they may not finish
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
        self.merge_button.clicked.connect(self.merge_customer)
        self.drafts_button.clicked.connect(self.open_drafts)
        self.confirm_button.clicked.connect(self.confirm)
        self.pay_button.clicked.connect(self.pay_now)
        self.lines_model.edit_requested.connect(self.edit_line)
        self.coupon_edit.returnPressed.connect(self.apply_coupon)
        self.shipping_combo.activated.connect(lambda _i: self.choose_shipping())
        self.ship_to_button.clicked.connect(self.choose_ship_to)
        self.express_check.toggled.connect(self.set_express)
        self.amend_button.clicked.connect(lambda: self.amend_order())
        self._marks_timer = QTimer(self, singleShot=True, interval=MARK_MS)
        self._marks_timer.timeout.connect(self.lines_model.clear_marks)
        QTimer.singleShot(0, self.load_shipping_methods)
        shortcuts = {
            "F2": lambda: self._focus(self.customer_edit), "F3": lambda: self._focus(self.product_edit),
            "F4": lambda: self.lines_view.setFocus(), "Ctrl+N": self.start_new_customer,
            "Ctrl+R": self.repeat_last_order, "Ctrl+Return": self.confirm, "Ctrl+Enter": self.confirm,
            "Ctrl+Shift+E": self.edit_customer, "Ctrl+Shift+M": self.merge_customer,
            "Ctrl+O": self.open_drafts, "Ctrl+Shift+N": self.park_and_new, "Escape": self.escape,
            **({"Ctrl+P": self.pay_now} if self.can_take_payments else {}), "Ctrl+E": lambda: self.amend_order(),
        }
        self._shortcuts = []
        described = keyboard_help() | {"Ctrl+Return": keyboard_help()["Ctrl+Enter"],
                                       "Escape": self.tr("close the new-customer form, clear the results, hide the "
                                                         "offer")}
        for key, fn in shortcuts.items():
            sc = QShortcut(QKeySequence(key), self, activated=fn, whatsThis=described.get(key, ""))  # F1's line
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._shortcuts.append(sc)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.lines_view, activated=self.remove_selected_line,
                           whatsThis=self.tr("remove the selected line (in the lines table)"))
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._shortcuts.append(delete)

    # ---- helpers -------------------------------------------------------------------------------------------
    def _focus(self, edit: QLineEdit) -> None:
        edit.setFocus()
        edit.selectAll()

    def focus_primary(self) -> None:
        """Where the hands go when the tab comes up: the caller first, then the products."""
        self._focus(self.product_edit if self.customer is not None or self.order is not None else self.customer_edit)

    def keyboard_notes(self) -> list[tuple[str, str]]:
        """Keys handled in code (not actions), for the keyboard map (F1)."""
        return [(self.tr("Up / Down, Enter"), self.tr("move in the results, pick"))]

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
                self.show_message(self.tr("No customer matches '{text}'. Ctrl+N creates one.").format(
                    text=self.customer_edit.text()),
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
            lines.append(self.tr("Note: {notes}").format(notes=customer.notes))
        self.customer_info.setText("\n".join(lines))
        self.recent_orders.clear()
        self._run(lambda: self.services.orders.list_orders(self.actor, customer_id=customer.id, limit=5),
                  self._show_recent)
        self._run(lambda: self.services.receivables.customer_balance(self.actor, customer.id),
                  lambda balance: self._show_balance(customer.id, balance))
        if self.order is not None and self.order.status == "draft" and self.order.customer_id != customer.id:
            self._change(self.order.id, lambda oid, version: self.services.orders.set_customer(
                self.actor, oid, customer.id, expected_version=version))
        self._focus(self.product_edit)

    def _show_balance(self, customer_id: int, balance: Decimal) -> None:
        if self.customer is None or self.customer.id != customer_id:
            return  # the agent has moved on to another caller
        cur = self.company.currency
        text = (self.tr("Open balance: {amount}").format(amount=fmt.money(balance, cur, self.locale)) if balance > 0
                else self.tr("Credit: {amount}").format(amount=fmt.money(-balance, cur, self.locale)) if balance < 0
                else self.tr("Open balance: none"))
        self.balance_label.setText(text)
        self.balance_label.setStyleSheet("font-weight: bold;" if balance > 0 else "")
        theme.set_colours(self.balance_label, "bad" if balance > 0 else None)

    def _show_recent(self, orders) -> None:
        self._recent = [o for o in orders if o.status != "draft"]
        self.recent_orders.clear()
        for o in self._recent:
            lines = (self.tr("1 line") if o.line_count == 1 else
                     self.tr("{count} lines").format(count=o.line_count))
            self.recent_orders.addItem(f"{o.number}  {fmt.when(o.created_at)}  {label(o.status)}  {lines}  "
                                       f"{fmt.money(o.total, o.currency, self.locale)}")

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.new_customer_box and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._make_room_for_new_customer(event.type() == QEvent.Type.Show)
        return super().eventFilter(watched, event)

    def _make_room_for_new_customer(self, form_open: bool) -> None:
        for w in (self.customer_results, self.recent_label, self.recent_orders):
            w.setVisible(not form_open)

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
            self.show_message(self.tr("Customer {name} ({number}) created.").format(name=customer.name,
                                                                                   number=customer.number))
            self.set_customer(customer)

        self._run(lambda: self.services.customers.add_customer(self.actor, name, [phone] if phone.strip() else [],
                                                               email, address, address), saved, write=True)

    def edit_customer(self) -> None:
        """Ctrl+Shift+E: change the caller's name, phones, e-mail, addresses or notes (audited); the screen keeps the
        customer, the cart keeps its delivery address."""
        if self.customer is None:
            self.show_message(self.tr("Pick a customer first (F2), then Ctrl+Shift+E edits them."), error=True)
            return
        customers, actor, cid = self.services.customers, self.actor, self.customer.id
        # the form shows the customer as stored now, and saves with that version: a save over someone else's change
        # since is refused naming who and when, and the form stays open with what was typed
        self.jobs.submit(lambda _j: customers.get_customer_for_edit(actor, cid), on_success=self._edit_customer,
                         on_failure=self._failed, owner=self)

    def _edit_customer(self, shown: tuple[CustomerDTO, int]) -> None:
        from .dialogs import CustomerEditDialog
        customer, version = shown
        dialog = CustomerEditDialog(customer, parent=self)
        self.customer_dialog = dialog
        customers, actor, cid = self.services.customers, self.actor, customer.id

        def done(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                return
            values = dialog.values()

            def saved(customer: CustomerDTO) -> None:
                self.set_customer(customer)
                self.show_message(self.tr("Customer {name} ({number}) saved.").format(name=customer.name,
                                                                                     number=customer.number))

            def refused(exc: BaseException) -> None:
                if isinstance(exc, UserFacingError):  # every problem in the form's words; nothing was changed
                    self.show_message(self.tr("Not saved: {reason}").format(reason=text_of(exc)), error=True)
                    dialog.error_label.setText(text_of(exc))
                    dialog.open()
                else:
                    self._failed(exc)

            self.jobs.submit(lambda _j: customers.update_customer(actor, cid, **values, expected_version=version),
                             on_success=saved,
                             on_failure=refused, write=True, owner=self)

        dialog.finished.connect(done)
        self._open(dialog)

    def merge_customer(self) -> None:
        """Ctrl+Shift+M: merge a duplicate into the customer on screen (who is kept): pick it, confirm with both
        named, one transaction moves its orders, carts, payments, phones and addresses."""
        if not self.can_merge_customers:
            self.show_message(self.tr("Merging customers needs a manager or an accountant (you are {role}).")
                              .format(role=label(self.actor.role)), error=True)
            return
        if self.customer is None:
            self.show_message(self.tr("Pick the customer to keep first (F2), then Ctrl+Shift+M finds the "
                                      "duplicate."), error=True)
            return
        from .customer_merge import CustomerMergeDialog, ask_to_merge
        keep = self.customer
        dialog = CustomerMergeDialog(keep, parent=self)
        self.merge_dialog = dialog
        customers, actor = self.services.customers, self.actor
        dialog.search_requested.connect(lambda text: self._run(
            lambda: customers.find_customers(actor, text, limit=20) if text else [],
            lambda found: dialog.show_found(text, found)))

        def merge(duplicate: CustomerDTO) -> None:
            def merged(result) -> None:
                if self.order is not None and self.order.status == "draft":
                    self.load_order(self.order.id)  # the cart on screen may have moved (a new version)
                else:
                    self.set_customer(result.kept)
                self.show_message(self.tr("Merged {duplicate} ({duplicate_name}) into {kept} ({kept_name}): "
                                          "{orders} order(s), {carts} cart(s), {payments} payment(s) moved.").format(
                    duplicate=result.duplicate_number, duplicate_name=result.duplicate_name,
                    kept=result.kept.number, kept_name=result.kept.name, orders=result.orders, carts=result.carts,
                    payments=result.payments))

            def refused(exc: BaseException) -> None:
                if isinstance(exc, UserFacingError):  # nothing was changed; the reason in the desk's words
                    self.show_message(self.tr("Not merged: {reason}").format(reason=text_of(exc)), error=True)
                else:
                    self._failed(exc)

            self.jobs.submit(lambda _j: customers.merge_customers(actor, keep.id, duplicate.id), on_success=merged,
                             on_failure=refused, write=True, owner=self)

        dialog.duplicate_chosen.connect(lambda dup: setattr(self, "merge_confirm", ask_to_merge(
            self, keep, dup, lambda: merge(dup), otherwise=lambda: self._focus(self.customer_edit))))
        dialog.rejected.connect(lambda: self._focus(self.customer_edit))
        self._open(dialog)

    def repeat_last_order(self) -> None:
        recent = getattr(self, "_recent", [])
        if self.customer is None or not recent:
            self.show_message(self.tr("Pick a customer with earlier orders first (F2)."), error=True)
            return
        if self.order is not None and self.order.lines:
            self.show_message(self.tr("This cart has lines already; Ctrl+Shift+N parks it, then repeat."), error=True)
            return
        source = recent[0].id
        self._run(lambda: self.services.orders.repeat_order(self.actor, source,
                                                            channel=self.channel_combo.currentData()),
                  lambda order: (self.show_order(order), self.show_message(
                      self.tr("Copied the lines of {number}.").format(
                                     number=recent[0].number)),
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
                                   + self.tr("{count} available").format(count=p.available))
            item.setData(Qt.ItemDataRole.UserRole, p.sku)
            if p.available <= 0:
                theme.paint_item(item, "bad")
            self.product_results.addItem(item)
        if found:
            self.product_results.setCurrentRow(0)
        self._product_nav.moved = False

    def add_typed_product(self, from_list: bool = False) -> None:
        """Enter in the product field: an exact SKU or barcode (what a scanner sends), the row chosen in the list
        (Down, then Enter), or the one product the text finds; never a guess: text that finds several products adds
        nothing, keeps the text and asks for a choice. ``3*SKU`` adds three."""
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
        channel = self.channel_combo.currentData()
        services, actor = self.services, self.actor
        self._clear_marks()

        def work():
            sku = chosen
            if sku is None:
                try:
                    sku = services.catalog.get_product(actor, code).sku
                except NotFound:
                    found = services.catalog.search(actor, code, limit=2)
                    if not found:
                        raise NotFound(QCoreApplication.translate(
                            "OrderEntryTab", "Unknown SKU or barcode '{code}': nothing in the catalog matches.")
                            .format(code=code)) from None
                    if len(found) > 1:
                        raise AmbiguousProduct(text, services.catalog.count(actor, code)) from None
                    sku = found[0].sku
            # Read the cart when the job runs, not when it was queued: writes run one after another, so a scan
            # that arrives while the first line is still being saved lands in the cart that line created.
            target, version = self._cart_id, self._cart_version
            if target is None:
                draft = services.orders.create_draft(actor, customer_id, channel)
                target, version = draft.id, draft.version
                self._cart_id, self._cart_version = target, version
            return self._remember(services.orders.add_line(actor, target, sku, qty, expected_version=version))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, AmbiguousProduct):
                self.product_edit.setText(exc.text)  # what was typed stays; the list shows the choice
                self.search_products()
                self.show_message(text_of(exc), error=True)
                self._focus(self.product_edit)
            else:
                if isinstance(exc, StorageError) and not self.product_edit.text():
                    # the database could not be reached: the line was not added; give back what was typed (unless
                    # something new is being typed already) so Enter tries it again once the connection is back
                    self.product_edit.setText(text)
                self._failed(exc)

        self.jobs.submit(lambda _job: work(), on_success=self._line_added, on_failure=failed, write=True, owner=self)

    def _line_added(self, order: OrderDTO) -> None:
        self.show_order(order)
        last = max(order.lines, key=lambda ln: ln.line_no, default=None)
        if last is not None:
            short = last.available is not None and last.quantity > last.available
            self.show_message(f"{last.quantity} x {last.sku} {last.name}" +
                              (self.tr(" - only {count} available!").format(count=last.available) if short else ""),
                              error=short)

    def edit_line(self, line_no: int, field: str, text: str) -> None:
        if self.order is None:
            return
        orders, actor = self.services.orders, self.actor
        if field == "quantity":
            fn = lambda oid, v: orders.set_line_quantity(actor, oid, line_no, text, expected_version=v)  # noqa: E731
        elif field == "unit_price":
            fn = lambda oid, v: orders.set_line_price(actor, oid, line_no, unit_price=text,  # noqa: E731
                                                      expected_version=v)
        else:
            fn = lambda oid, v: orders.set_line_price(actor, oid, line_no, discount=text,  # noqa: E731
                                                      expected_version=v)
        self._change(self.order.id, fn)

    def remove_selected_line(self) -> None:
        index = self.lines_view.currentIndex()
        if self.order is None or not index.isValid():
            return
        line_no = self.lines_model.line_at(index.row()).line_no
        self._change(self.order.id, lambda oid, version: self.services.orders.remove_line(
            self.actor, oid, line_no, expected_version=version))

    # ---- one writer at a time: versions, changes from other workstations --------------------------------------
    def _remember(self, order: OrderDTO) -> OrderDTO:
        """The cart a change of this screen returned is the version it knows next (runs in the write job, so a
        change queued behind it passes this version: a scanner's burst is one person's changes)."""
        if order is not None and order.status == "draft" and order.id == self._cart_id:
            self._cart_version = max(self._cart_version, order.version)
        return order

    def _change(self, oid: int, call, on_success=None, on_failure=None) -> None:
        """A change of the open cart as a write job: ``call(order_id, version)`` gets the version this screen knows
        when the job runs (what it showed, or what its own change queued before returned); a cart changed
        elsewhere since is refused with StaleCart, and the screen shows it again with the changes marked."""
        self._clear_marks()
        submitted = self._cart_version

        def work():
            version = self._cart_version if oid == self._cart_id else submitted
            return self._remember(call(oid, version))

        self.jobs.submit(lambda _job: work(), on_success=on_success or self.show_order,
                         on_failure=on_failure or self._failed, write=True, owner=self)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StaleCart):
            self._stale(exc)
        else:
            super()._failed(exc)

    def _stale(self, exc: StaleCart, *, confirming: bool = False) -> None:
        """Someone else changed the cart since it was shown: nothing was written; show it as it is now, mark what
        changed, and say so (confirming: ask again, never confirm what was not seen)."""
        shown = self.order
        if shown is None or shown.id != exc.order_id:
            self.show_message(text_of(exc), error=True)
            return

        def after(order: OrderDTO) -> None:
            if confirming:
                was, now = (fmt.money(t, order.currency, self.locale) for t in (shown.total, order.total))
                changed = self.tr("The total changed from {was} to {now}. ").format(was=was, now=now) \
                    if was != now else ""
                self.show_message(self.tr("Not confirmed: {reason} {changed}Look at the cart: Ctrl+Enter confirms it "
                                          "as it is shown now.").format(reason=text_of(exc), changed=changed),
                                  error=True)
                self.confirm_button.setFocus()
            else:
                self.show_message(self.tr("{reason} Nothing of yours was saved; the cart is shown as it is now "
                                          "(changes marked).").format(reason=text_of(exc)), error=True)

        self.reload_order(after)

    def reload_order(self, after=None, *, mark: bool = True) -> None:
        """Read the open cart again and show it (with ``mark``, the lines that changed are marked)."""
        if self.order is None:
            return
        oid = self.order.id

        def loaded(order: OrderDTO) -> None:
            if self.order is None or self.order.id != order.id:
                return  # the agent moved on to another cart meanwhile
            foreign = order.id == self._cart_id and order.version > self._cart_version  # not this screen's change
            self.show_order(order, mark=mark or foreign)
            if after is not None:
                after(order)
            elif foreign:
                self._changed_elsewhere(order)

        self._run(lambda: self.services.orders.get_order(self.actor, oid), loaded)

    def _changed_elsewhere(self, order: OrderDTO) -> None:
        if order.status != "draft":
            self.show_message(self.tr("{number} was {status} on another workstation.").format(
                number=order.number, status=label(order.status)), error=True)
        elif self._new_offers:
            self.show_message(self.tr("{who} made the caller an offer: read it out (above). Ctrl+Enter confirms "
                                      "with it.").format(who=self._new_offers[-1].offered_by or self.tr("A manager")))
        elif order.last_change:
            self.show_message((self.tr("{who} changed {number}: {change} (marked).") if self.lines_model.marks else
                               self.tr("{who} changed {number}: {change}.")).format(
                who=order.last_change_by or self.tr("Someone"), number=order.number, change=order.last_change))

    def _clear_marks(self) -> None:
        self._marks_timer.stop()
        self.lines_model.clear_marks()

    # ---- the order -----------------------------------------------------------------------------------------
    def show_order(self, order: OrderDTO | None, *, mark: bool = False) -> None:
        """Show ``order`` (None: a new order). With ``mark``, lines that differ from what was shown are marked for a
        few seconds; an offer new on the same cart shows in the banner with the line to read to the caller."""
        previous = self.order
        if (order is not None and previous is not None and order.id == previous.id and
                order.status == previous.status and order.version < previous.version):
            return  # an older answer that arrived after a newer one: the screen keeps the newer cart
        new_cart = order is not None and order.status == "draft" and (previous is None or previous.id != order.id)
        self.order = order
        if order is not None and order.status == "draft":
            known = self._cart_version if order.id == self._cart_id else 0
            self._cart_id, self._cart_version = order.id, max(known, order.version)
        else:
            self._cart_id, self._cart_version = None, 0
        marks = line_marks(previous, order) if mark and order is not None else {}
        self.lines_model.set_order(order, marks)
        if marks:
            self._marks_timer.start()
        self._new_offers = new_offers(previous, order) if order is not None else []
        self._show_banner(previous, order)
        self._show_cart_extras(order, cart_changed=previous is None or order is None or previous.id != order.id)
        if order is None:
            self.order_label.setText(self.tr("New order: the cart is saved as soon as the first line is added."))
            self.totals_label.setText("")
            return
        self.order_label.setText(f"{order.number} ({label(order.status)}, {label(order.channel)})"
                                 + (self.tr("  EXPRESS") if order.express else "") + self.tr("  - saved"))
        shown = self.channel_combo.findData(order.channel)  # the cart's own channel, not the one a new cart gets
        if shown >= 0:
            self.channel_combo.setCurrentIndex(shown)
        parts = []
        if order.adjustments:
            parts.append(self.tr("Goods {amount}").format(
                amount=fmt.money(order.goods_total, order.currency, self.locale)))
        parts.append(self.tr("Net {amount}").format(amount=fmt.money(order.net, order.currency, self.locale)))
        for rate, _net, tax in order.tax_by_rate:
            parts.append(self.tr("Tax {rate} {amount}").format(rate=fmt.rate(rate, self.locale),
                                                                 amount=fmt.money(tax, order.currency, self.locale)))
        self.totals_label.setText("<br>".join(parts) + "<br><span style='font-size:18pt; font-weight:bold'>"
                                  + self.tr("Total {amount}").format(
                                      amount=fmt.money(order.total, order.currency, self.locale))
                                  + "</span>")
        short = self.lines_model.short_lines()
        if short:
            self.show_message(self.tr("Short before confirm: {lines}").format(lines=", ".join(
                self.tr("{sku} ({count} available)").format(sku=ln.sku, count=ln.available) for ln in short)),
                error=True)
        gone = removed_lines(previous, order) if mark else []
        if gone:
            self.show_message(self.tr("No longer in the cart: {lines}.").format(lines=", ".join(gone)), error=True)
        if new_cart:
            self.refresh_drafts_hint()  # the first line saved a new cart: it counts among the open carts

    def _show_banner(self, previous: OrderDTO | None, order: OrderDTO | None) -> None:
        """A new offer: the banner with the line to read out. While it stands, a later change of the cart keeps
        the banner's total true; a withdrawn offer, another cart or a confirmed one takes it away."""
        same = order is not None and previous is not None and previous.id == order.id and order.status == "draft"
        if self._new_offers and same:
            self._banner = ([i.id for i in self._new_offers], previous.total, order.total)
        elif not same or self.offer_banner.isHidden():
            self._banner = None
        if self._banner is not None and order is not None:
            ids, before, after = self._banner
            standing = [i for i in order.incentives if i.id in ids]
            if standing:
                was = before if order.total == after else None  # changed since the offer: only the total now
                self.offer_banner.setText("\n".join(offer_banner_text(i, was, order.total, order.currency,
                                                                       self.locale) for i in standing))
                self.offer_banner.show()
                return
            self._banner = None
        self.offer_banner.hide()

    def _show_cart_extras(self, order: OrderDTO | None, *, cart_changed: bool) -> None:
        """The cart's allowances and charges under the lines, its coupon and its shipping method."""
        draft = order is not None and order.status == "draft"
        self.adjustments_label.setText(adjustments_html(order, self.locale))
        for w in (self.coupon_edit, self.shipping_combo, self.ship_to_button, self.express_check):
            w.setEnabled(draft)
        self.express_check.blockSignals(True)  # showing the cart is not a change of it
        self.express_check.setChecked(bool(order is not None and order.express))
        self.express_check.blockSignals(False)
        where = (order.ship_to.splitlines() if order is not None else [])[1:]
        self.ship_to_label.setText(self.tr("to {place}").format(place=", ".join(where[-2:])) if where else "")
        self.ship_to_label.setToolTip(order.ship_to if order is not None else "")
        if cart_changed or not self.coupon_edit.hasFocus():
            self.coupon_edit.setText(order.coupon_code if order is not None else "")
        method = order.shipping_method if order is not None else None
        i = self.shipping_combo.findData(method)
        if i < 0 and method:
            self.shipping_combo.addItem(method, method)  # a method no longer listed, still on this cart
            i = self.shipping_combo.count() - 1
        self.shipping_combo.setCurrentIndex(max(i, 0))

    def clear_order(self) -> None:
        self.show_order(None)
        self.customer = None
        self._recent = []
        for w in (self.customer_edit, self.product_edit):
            w.clear()
        for w in (self.customer_results, self.product_results, self.recent_orders):
            w.clear()
        self.offer_banner.hide()
        self.customer_info.setText(self.tr("No customer yet: type a phone number, name or email (F2), or Ctrl+N."))
        self.balance_label.setText("")
        self.new_customer_box.hide()
        self.channel_combo.setCurrentIndex(max(self.channel_combo.findData(self.default_channel), 0))
        self.customer_edit.setFocus()

    def confirm(self, *, then=None) -> None:
        """Ctrl+Enter: confirm the cart as shown. ``then(order)`` runs after it was confirmed (Pay now)."""
        if self.order is None or not self.order.lines:
            self.show_message(self.tr("Nothing to confirm: add products first (F3)."), error=True)
            return
        oid, shown = self.order.id, self.order.version  # what the agent sees is what gets confirmed, or nothing
        self._clear_marks()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, OutOfStock):
                self.handle_shortage(exc)
            elif isinstance(exc, StaleCart):
                self._stale(exc, confirming=True)
            else:
                self._failed(exc)

        self.confirm_button.setEnabled(False)
        def confirmed(order: OrderDTO) -> None:
            self._confirmed(order, show_tracking=then is None)
            if then is not None:
                then(order)

        self.jobs.submit(lambda _j: self.services.orders.confirm_order(self.actor, oid, expected_version=shown),
                         on_success=confirmed, on_failure=failed,
                         on_finished=lambda: self.confirm_button.setEnabled(True), write=True, owner=self)

    def _confirmed(self, order: OrderDTO, *, show_tracking: bool = True) -> None:
        self.last_confirmed = order
        self.order_confirmed.emit(order)
        if show_tracking:  # paying at once: the receipt carries the tracking number
            self.show_tracking(order)
        self.clear_order()
        self.show_message(self.tr("{number} confirmed, tracking number {tracking}.").format(
            number=order.number, tracking=order.tracking_number)
            + (self.tr(" Backorder (waits for goods): {lines}").format(
                lines=", ".join(f"{q} x {sku}" for sku, q in order.backordered)) if order.backordered else ""))
        self.refresh_drafts_hint()

    # ---- express and amendments ------------------------------------------------------------------------------
    def set_express(self, express: bool) -> None:
        if self.order is None or self.order.status != "draft" or self.order.express == express:
            return
        carts, actor = self.services.carts, self.actor
        self._change(self.order.id, lambda oid, v: carts.set_express(actor, oid, express, expected_version=v),
                     lambda order: (self.show_order(order), self.show_message(
                         (self.tr("{number} is express: picked first.") if order.express else
                          self.tr("{number} is not express.")).format(number=order.number))))

    def ask_order_number(self) -> str | None:
        last = self.last_confirmed.number if self.last_confirmed is not None else ""
        text, ok = QInputDialog.getText(self, self.tr("Amend an order"),
                                        self.tr("Order number or tracking number:"), text=last)
        return text.strip() if ok and text.strip() else None

    def amend_order(self, ref: str | None = None) -> None:
        """Open a confirmed order's lines to change them (Ctrl+E); the order asked for, the last confirmed one
        offered."""
        ref = ref if ref is not None else self.ask_order_number()
        if not ref:
            return
        orders, actor = self.services.orders, self.actor

        def loaded(order: OrderDTO) -> None:
            if order.status != "confirmed":
                self.show_message(self.tr("{number} is {status}; only a confirmed order can be amended before "
                                          "picking starts.").format(number=order.number, status=label(order.status)),
                                  error=True)
                return
            self.amend_dialog = dialog = AmendDialog(order, lambda lines, prices, backorder: save(
                dialog, order, lines, prices, backorder), self.locale, self)
            self._open(dialog)

        def save(dialog: AmendDialog, order: OrderDTO, lines, prices, backorder: bool) -> None:
            def done(amended: OrderDTO) -> None:
                dialog.accept()
                self.show_message(self.tr("{number} amended: {lines}; total {total}.").format(
                    number=amended.number, lines=", ".join(f"{ln.quantity} x {ln.sku}" for ln in amended.lines),
                    total=fmt.money(amended.total, amended.currency, self.locale))
                    + (self.tr(" Backorder (waits for goods): {lines}").format(
                        lines=", ".join(f"{q} x {s}" for s, q in amended.backordered)) if amended.backordered else ""))

            def refused(exc: BaseException) -> None:
                if isinstance(exc, UserFacingError):
                    dialog.refused(text_of(exc))
                else:
                    dialog.refused(self.tr("Not saved."))
                    self._failed(exc)

            self.jobs.submit(lambda _j: orders.amend_order(actor, order.id, set_lines=lines, prices=prices,
                                                           expected_version=order.version,
                                                           allow_backorder=backorder),
                             on_success=done, on_failure=refused, write=True, owner=dialog)

        self.jobs.submit(lambda _j: orders.get_order(actor, ref), on_success=loaded, on_failure=self._failed,
                         owner=self)

    def pay_now(self) -> None:
        """Ctrl+P at the counter: the order on screen is paid. A cart on screen is confirmed first (exactly as
        shown, or nothing) and then paid; with nothing on screen, the order just confirmed here. The dialog names
        the order, the customer and the amount; then the 80 mm receipt is offered."""
        if not self.can_take_payments:
            return
        from ..accounts.payment_dialog import take_payment

        def pay(order_id: int) -> None:
            take_payment(self, self.services, self.actor, self.jobs, order_id, self.locale,
                         lambda text, error: self.show_message(text, error=error))

        if self.order is not None and self.order.status == "draft":
            if not self.order.lines:
                self.show_message(self.tr("Nothing to pay: add products first (F3)."), error=True)
                return
            self.confirm(then=lambda order: pay(order.id))
        elif self.order is not None:
            pay(self.order.id)
        elif self.last_confirmed is not None:
            pay(self.last_confirmed.id)
        else:
            self.show_message(self.tr("Nothing to pay: add products (F3), then Ctrl+P confirms and takes the payment."),
                              error=True)

    def _open(self, dialog: QDialog) -> None:
        """Open ``dialog`` (window-modal, not blocking) and activate this window again when it closes: with no
        window manager nothing else does, and then no shortcut fires (``widgets.dialogs.back_to``)."""
        dialog.finished.connect(lambda _result: back_to(self))
        dialog.open()

    def show_tracking(self, order: OrderDTO) -> None:
        try:
            TrackingDialog(order, self.locale, self).exec()
        finally:
            back_to(self)  # the next caller's Ctrl+N, F2 ... fire with no window manager too

    def ask_shortage(self, error: OutOfStock) -> int:
        try:
            return ShortageDialog(error, self).exec()
        finally:
            back_to(self)  # Ctrl+Enter confirms again after "Reduce to available", with no window manager too

    def handle_shortage(self, error: OutOfStock) -> None:
        self.show_message(text_of(error), error=True)
        choice = self.ask_shortage(error)
        if choice == ShortageDialog.BACKORDER and self.order is not None:
            oid, shown = self.order.id, self.order.version
            self.jobs.submit(lambda _j: self.services.orders.confirm_order(self.actor, oid, expected_version=shown,
                                                                          allow_backorder=True),
                             on_success=self._confirmed, on_failure=self._failed, write=True, owner=self)
            return
        if choice not in (ShortageDialog.REDUCE, ShortageDialog.REMOVE) or self.order is None:
            return
        short = {s.sku: s.available for s in error.shortages}
        lines = [(ln.line_no, ln.sku) for ln in self.order.lines if ln.sku in short]

        def work(oid: int, version: int):
            order = None
            for line_no, sku in lines:
                qty = short[sku] if choice == ShortageDialog.REDUCE else 0
                order = self.services.orders.set_line_quantity(self.actor, oid, line_no, qty,
                                                               expected_version=version)
                version = order.version
            return order

        self._change(self.order.id, work, lambda order: (self.show_order(order), self.show_message(
            self.tr("Quantities reduced to what is available; Ctrl+Enter confirms.")
            if choice == ShortageDialog.REDUCE else
            self.tr("Short lines removed; Ctrl+Enter confirms."))))

    def park_and_new(self) -> None:
        parked = self.order
        self.clear_order()
        if parked is not None:
            self.show_message(self.tr("{number} parked as an open cart (Ctrl+O).").format(number=parked.number))
        self.refresh_drafts_hint()

    def open_drafts(self) -> None:
        def show(drafts):
            if not drafts:
                self.show_message(self.tr("No open carts."))
                return
            dialog = DraftsDialog(drafts, self.locale, self)
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            back_to(self)
            if accepted and dialog.chosen is not None:
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
                  lambda drafts: self.drafts_button.setText(self.tr("Open carts: {count} (Ctrl+O)").format(
                      count=len(drafts))))

    def escape(self) -> None:
        if self.new_customer_box.isVisible():
            self.new_customer_box.hide()
            self._focus(self.customer_edit)
        elif self.product_results.count():
            self.product_results.clear()
        elif self.customer_results.count():
            self.customer_results.clear()
        elif self.offer_banner.isVisible():
            self.offer_banner.hide()

    def on_events(self, events: list) -> None:
        """Another workstation changed the open cart (a line, a price, an offer): show it at once, changes marked,
        an offer in the banner. Stock moved or an order was confirmed elsewhere: refresh availability."""
        if self.order is None:
            return
        oid = self.order.id
        ours = [e for e in events if e.order_id == oid and ev.matches(e.event, ev.CART_EVENTS)]
        # who: the event's "by" (cart events), else the user who stored it (order_confirmed names no "by": the
        # agent's own confirmation, arriving while the tracking number is read out, is not news from elsewhere)
        elsewhere = [e for e in ours if (getattr(e.event, "by", "") or e.username) != self.actor.username and
                     (getattr(e.event, "cart_version", 0) > self._cart_version or
                      ev.matches(e.event, (ev.OrderConfirmed, ev.OrderCancelled)))]
        if elsewhere:
            self.reload_order(self._changed_elsewhere)
        elif any(ev.matches(e.event, (ev.OrderConfirmed, ev.OrderCancelled, ev.StockAdjusted, ev.OrderAmended,
                                      ev.BackorderReserved)) for e in events):
            self.reload_order(mark=False)

    # ---- coupon and shipping -----------------------------------------------------------------------------------
    def load_shipping_methods(self) -> None:
        def show(methods) -> None:
            current = self.shipping_combo.currentData()
            self.shipping_combo.clear()
            self.shipping_combo.addItem(self.tr("none (collected)"), None)
            for m in methods:
                self.shipping_combo.addItem(m.name, m.code)
            self.shipping_combo.setCurrentIndex(max(self.shipping_combo.findData(current), 0))

        self._run(lambda: self.services.promotions.list_shipping_methods(self.actor), show)

    def apply_coupon(self) -> None:
        """Enter in the coupon field: the code goes on the cart (an empty field takes the coupon off)."""
        if self.order is None or self.order.status != "draft":
            self.show_message(self.tr("Add a product first: a coupon goes on a cart."), error=True)
            return
        code = self.coupon_edit.text().strip() or None
        carts, actor = self.services.carts, self.actor

        def applied(order: OrderDTO) -> None:
            self.show_order(order)
            self.coupon_edit.setText(order.coupon_code)  # as the cart keeps it: SPRING10 for 'spring10 '
            total = fmt.money(order.total, order.currency, self.locale)
            self.show_message(self.tr("Coupon {code} applied: total {total}.").format(code=order.coupon_code,
                                                                                       total=total)
                              if order.coupon_code else self.tr("Coupon taken off: total {total}.").format(total=total))
            self._focus(self.product_edit)

        def refused(exc: BaseException) -> None:
            if isinstance(exc, CouponRefused) or (isinstance(exc, UserFacingError) and
                                                  not isinstance(exc, StaleCart)):
                self.show_message(self.tr("Coupon not applied: {reason}").format(reason=text_of(exc)), error=True)
                self._focus(self.coupon_edit)
            else:
                self._failed(exc)

        self._change(self.order.id, lambda oid, v: carts.set_coupon(actor, oid, code, expected_version=v),
                     applied, refused)

    def choose_ship_to(self) -> None:
        """Alt+D: where the cart goes, the customer's address, one they keep, or one typed for this order."""
        if self.order is None or self.order.status != "draft":
            self.show_message(self.tr("Add a product first: the delivery address goes on a cart."), error=True)
            return
        from .dialogs import ShipToDialog
        dialog = ShipToDialog(self.order, self.customer, parent=self)
        self.ship_to_dialog = dialog
        orders, actor = self.services.orders, self.actor

        def done(result: int) -> None:
            if result != QDialog.DialogCode.Accepted or self.order is None:
                return
            text, saved = dialog.choice()

            def chosen(order: OrderDTO) -> None:
                self.show_order(order)
                self.show_message(self.tr("Deliver to: {address}").format(
                    address=" / ".join(order.ship_to.splitlines())))

            self._change(self.order.id, lambda oid, v: orders.set_ship_to(actor, oid, text, saved=saved,
                                                                          expected_version=v), chosen)

        dialog.finished.connect(done)
        self._open(dialog)

    def choose_shipping(self) -> None:
        if self.order is None or self.order.status != "draft":
            return
        method = self.shipping_combo.currentData()
        if method == self.order.shipping_method:
            return
        carts, actor = self.services.carts, self.actor

        def chosen(order: OrderDTO) -> None:
            self.show_order(order)
            total = fmt.money(order.total, order.currency, self.locale)
            self.show_message(self.tr("Shipping: {method}; total {total}.").format(
                method=self.shipping_combo.currentText(), total=total))

        self._change(self.order.id, lambda oid, v: carts.set_shipping(actor, oid, method, expected_version=v),
                     chosen)
