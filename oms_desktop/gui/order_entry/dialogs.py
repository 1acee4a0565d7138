"""Dialogs of the order entry tab: tracking number, shortage choices, open carts, keyboard help."""
from __future__ import annotations

import html
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget)

from .. import theme
from ...domain.errors import OutOfStock
from ...domain.languages import LANGUAGES
from ...services.dto import OrderDTO, OrderSummaryDTO
from .. import format as fmt
from ..i18n import LANGUAGES as LANGUAGE_NAMES


class TrackingDialog(QDialog):
    """The tracking number, big enough to read out over the phone, with a copy button (Ctrl+C)."""

    def __init__(self, order: OrderDTO, locale: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("{number} confirmed").format(number=order.number))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{number} for {customer} is confirmed: {total}. Tracking number:").format(
            number=order.number, customer=order.customer_name or self.tr("walk-in customer"),
            total=fmt.money(order.total, order.currency, locale))))
        self.tracking_label = QLabel(order.tracking_number or "")
        self.tracking_label.setObjectName("tracking_label")
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(28)
        font.setBold(True)
        self.tracking_label.setFont(font)
        self.tracking_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tracking_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.tracking_label)
        spelled = "  ".join(" ".join(group) for group in (order.tracking_number or "").split("-"))
        layout.addWidget(QLabel(self.tr("Read out: {spelled}").format(spelled=spelled)))
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy (Ctrl+C)"))
        self.copy_button.clicked.connect(self.copy)
        ok = QPushButton(self.tr("Next caller (Enter)"))
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        buttons.addWidget(self.copy_button)
        buttons.addStretch()
        buttons.addWidget(ok)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Copy, self, activated=self.copy)
        ok.setFocus()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.tracking_label.text())


class ShortageDialog(QDialog):
    """Names each short SKU with what is available and offers to reduce the quantities, remove the lines, or
    confirm with a backorder (what is there is reserved, the rest waits for goods)."""

    REDUCE, REMOVE, BACKORDER = 10, 11, 12

    def __init__(self, error: OutOfStock, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Not enough stock"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Nothing was reserved. These lines ask for more than is available:")))
        self.shortage_list = QListWidget()
        for s in error.shortages:
            self.shortage_list.addItem(self.tr("{sku}: ordered {ordered}, available {available}").format(
                sku=s.sku, ordered=s.requested, available=s.available))
        layout.addWidget(self.shortage_list)
        box = QDialogButtonBox()
        reduce = box.addButton(self.tr("&Reduce to available"), QDialogButtonBox.ButtonRole.AcceptRole)
        remove = box.addButton(self.tr("Re&move short lines"), QDialogButtonBox.ButtonRole.DestructiveRole)
        backorder = box.addButton(self.tr("Allow back&order: confirm, the rest waits for goods"),
                                  QDialogButtonBox.ButtonRole.ApplyRole)
        backorder.setObjectName("backorder_button")
        backorder.clicked.connect(lambda: self.done(self.BACKORDER))
        box.addButton(self.tr("&Keep editing"), QDialogButtonBox.ButtonRole.RejectRole)
        reduce.clicked.connect(lambda: self.done(self.REDUCE))
        remove.clicked.connect(lambda: self.done(self.REMOVE))
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        reduce.setDefault(True)
        reduce.setFocus()


class DraftsDialog(QDialog):
    """Open carts (drafts) to pick up again; Enter opens the selected one."""

    def __init__(self, drafts: list[OrderSummaryDTO], locale: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open carts"))
        self.chosen: int | None = None
        layout = QVBoxLayout(self)
        self.drafts_list = QListWidget()
        for d in drafts:
            customer = d.customer_name or self.tr("(no customer)")
            item = QListWidgetItem(f"{d.number}  {fmt.when(d.created_at)}  {customer}  "
                                   f"{self.tr('{count} lines').format(count=d.line_count)}  "
                                   f"{fmt.money(d.total, d.currency, locale)}")
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            self.drafts_list.addItem(item)
        self.drafts_list.setCurrentRow(0)
        self.drafts_list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.drafts_list)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(560, 320)

    def accept(self) -> None:
        item = self.drafts_list.currentItem()
        self.chosen = item.data(Qt.ItemDataRole.UserRole) if item else None
        super().accept()


KEYBOARD_HELP = [
    ("F2", QT_TRANSLATE_NOOP("KeyboardHelp", "find the caller (phone in any format, name, email, customer no.)")),
    (QT_TRANSLATE_NOOP("KeyboardHelp", "Up / Down, Enter"),
     QT_TRANSLATE_NOOP("KeyboardHelp", "move in the results, pick")),
    ("Ctrl+N", QT_TRANSLATE_NOOP("KeyboardHelp", "new customer (name, phone, address), Enter saves")),
    ("F3",
     QT_TRANSLATE_NOOP("KeyboardHelp", "product entry: SKU, barcode, name words; 3*SKU adds three; a scanner just "
                       "scans")),
    ("F4",
     QT_TRANSLATE_NOOP("KeyboardHelp", "the lines table: edit quantity, price, discount (F2 / type), Delete "
                       "removes a line")),
    ("Ctrl+R", QT_TRANSLATE_NOOP("KeyboardHelp", "repeat the caller's last order")),
    ("Ctrl+Enter", QT_TRANSLATE_NOOP("KeyboardHelp", "confirm: reserve stock, show the tracking number")),
    ("Ctrl+P",
     QT_TRANSLATE_NOOP("KeyboardHelp", "pay now (counter): confirm the cart on screen and take its payment, print "
                       "the receipt")),
    ("Ctrl+O", QT_TRANSLATE_NOOP("KeyboardHelp", "open carts (drafts) to pick up again")),
    ("Ctrl+E",
     QT_TRANSLATE_NOOP("KeyboardHelp", "amend a confirmed order (until picking starts): quantities, prices, lines; "
                       "Ctrl+S saves")),
    ("Ctrl+Shift+E", QT_TRANSLATE_NOOP("KeyboardHelp", "edit the caller: name, phones, e-mail, addresses, notes")),
    ("Ctrl+Shift+M",
     QT_TRANSLATE_NOOP("KeyboardHelp", "merge a duplicate into the caller (managers, accountants): orders, "
                       "payments, phones move")),
    ("Alt+X", QT_TRANSLATE_NOOP("KeyboardHelp", "express: the warehouse picks this order first")),
    ("Ctrl+Shift+N", QT_TRANSLATE_NOOP("KeyboardHelp", "park this cart and start a new order")),
    ("Ctrl+Shift+F",
     QT_TRANSLATE_NOOP("KeyboardHelp", "find orders: by customer, phone, e-mail, order or tracking number, days; "
                       "Enter opens one")),
    ("Ctrl+Shift+A", QT_TRANSLATE_NOOP("KeyboardHelp", "show or hide the live activity panel")),
    ("F1", QT_TRANSLATE_NOOP("KeyboardHelp", "this help")),
]


def tab_switch_row(widget: QWidget | None) -> tuple[str, str]:
    """The keyboard help's row for switching tabs, as the window ``widget`` is in has them (a role sees six or
    seven): Alt+1..N, and each tab's underlined letter."""
    tabs = widget.window().findChild(QTabWidget, "tabs") if widget is not None else None
    if tabs is None:
        return ("Alt+1..7", QCoreApplication.translate("KeyboardHelp", "switch tabs"))
    letters = []
    for i in range(tabs.count()):
        text = tabs.tabText(i)
        found = re.search(r"&([^&])", text)
        if found:
            letters.append(f"Alt+{found.group(1).upper()} {text.replace('&', '')}")
    return (f"Alt+1..{tabs.count()}", QCoreApplication.translate("KeyboardHelp", "switch tabs; {letters}").format(
        letters=", ".join(letters)))


def keyboard_rows(widget: QWidget | None) -> list[tuple[str, str]]:
    """The Orders tab's keyboard map, with the tabs of the window it is in."""
    return [*translated_help(), tab_switch_row(widget)]


def translated_help() -> list[tuple[str, str]]:
    """KEYBOARD_HELP in the GUI's language."""
    return [(QCoreApplication.translate("KeyboardHelp", key) if key == "Up / Down, Enter" else key,
             QCoreApplication.translate("KeyboardHelp", text)) for key, text in KEYBOARD_HELP]


def keyboard_help() -> dict[str, str]:
    """Key -> what it does on the Orders tab, in the GUI's language (the shortcuts' lines in the keyboard map)."""
    return dict(translated_help())


class KeyboardHelpDialog(QDialog):
    def __init__(self, rows=None, parent=None):
        super().__init__(parent)
        rows = translated_help() if rows is None else rows
        self.setWindowTitle(self.tr("Keyboard map"))
        layout = QVBoxLayout(self)
        text = "<table cellspacing='6'>" + "".join(
            f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in rows) + "</table>"
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.RichText)
        scroll = QScrollArea()  # a long map scrolls within a small screen
        scroll.setWidget(label)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout.addWidget(box)


class ShipToDialog(QDialog):
    """Where this order goes: the customer's shipping address, one they keep ("Office"), or one typed for it.
    ``choice()`` after Accept: (typed text, saved label or None); ("", None) takes the customer's address."""

    def __init__(self, order, customer, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deliver {number} to").format(number=order.number))
        self.options = QListWidget(objectName="ship_to_options")
        self.text_edit = QPlainTextEdit(objectName="ship_to_edit")
        self.text_edit.setPlaceholderText(self.tr("Recipient\nStreet and number\nZIP town\nCountry"))
        self.text_edit.setTabChangesFocus(True)
        own = customer.shipping_address or customer.billing_address if customer is not None else ""
        if customer is not None:
            self._add(self.tr("The customer's address: {address}").format(
                address=", ".join(own.splitlines()) or self.tr("(none kept)")), ("", None))
            for a in customer.addresses:
                self._add(f"{a.label}: {', '.join(a.address.splitlines())}", ("", a.label))
        self._add(self.tr("Another address (type it below)"), None)
        current = order.ship_to
        self.text_edit.setPlainText(current)
        self.options.setCurrentRow(self.options.count() - 1 if customer is None else 0)
        self.options.currentRowChanged.connect(self._picked)
        self.options.itemActivated.connect(self._activated)  # Enter on a saved address takes it
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        label = QLabel(self.tr("&Deliver to:"))
        label.setBuddy(self.options)
        root.addWidget(label)
        root.addWidget(self.options)
        typed = QLabel(self.tr("&Address (recipient first):"))
        typed.setBuddy(self.text_edit)
        root.addWidget(typed)
        root.addWidget(self.text_edit)
        root.addWidget(buttons)
        self.resize(520, 360)

    def _add(self, text: str, data) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, data)
        self.options.addItem(item)

    def _picked(self, row: int) -> None:
        if self.options.item(row) is not None and self.options.item(row).data(Qt.ItemDataRole.UserRole) is None:
            self.text_edit.setFocus()

    def _activated(self, item: QListWidgetItem) -> None:
        if item.data(Qt.ItemDataRole.UserRole) is not None:
            self.accept()

    def choice(self) -> tuple[str, str | None]:
        item = self.options.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if data is None:
            return self.text_edit.toPlainText(), None
        return data[0], data[1]


class CustomerEditDialog(QDialog):
    """Ctrl+Shift+E on the Orders tab: the caller's name, phones (one per line), e-mail, addresses, notes and the
    language their documents print in. ``values()`` after Accept: the fields for ``CustomerService.update_customer``."""

    def __init__(self, customer, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit customer {number}").format(number=customer.number))
        from PySide6.QtWidgets import QFormLayout, QLineEdit
        self.name_edit = QLineEdit(customer.name, objectName="edit_name")
        self.phones_edit = QPlainTextEdit("\n".join(customer.phones), objectName="edit_phones")
        self.email_edit = QLineEdit(customer.email, objectName="edit_email")
        self.billing_edit = QPlainTextEdit(customer.billing_address, objectName="edit_billing")
        self.shipping_edit = QPlainTextEdit(customer.shipping_address, objectName="edit_shipping")
        self.notes_edit = QPlainTextEdit(customer.notes, objectName="edit_notes")
        self.language_combo = QComboBox(objectName="edit_language")
        self.language_combo.addItem(self.tr("the company's"), "")
        for code in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(customer.language or "")))
        for w in (self.phones_edit, self.billing_edit, self.shipping_edit, self.notes_edit):
            w.setTabChangesFocus(True)
            w.setMaximumHeight(70)
        self.error_label = QLabel(objectName="edit_error")
        theme.set_colours(self.error_label, "bad")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Phones (one per line)"), self.phones_edit)
        form.addRow(self.tr("E-&mail"), self.email_edit)
        form.addRow(self.tr("&Billing address"), self.billing_edit)
        form.addRow(self.tr("&Shipping address"), self.shipping_edit)
        form.addRow(self.tr("No&tes"), self.notes_edit)
        form.addRow(self.tr("Documents' l&anguage"), self.language_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.error_label)
        root.addWidget(buttons)
        self.resize(520, 460)

    def values(self) -> dict:
        return dict(name=self.name_edit.text(), phones=self.phones_edit.toPlainText().splitlines(),
                    email=self.email_edit.text(), billing_address=self.billing_edit.toPlainText(),
                    shipping_address=self.shipping_edit.toPlainText(), notes=self.notes_edit.toPlainText(),
                    language=self.language_combo.currentData())
