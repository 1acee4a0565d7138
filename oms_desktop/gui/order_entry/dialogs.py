"""Dialogs of the order entry tab: tracking number, shortage choices, open carts, keyboard help."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout)

from ...domain.errors import OutOfStock
from ...services.dto import OrderDTO, OrderSummaryDTO
from .. import format as fmt


class TrackingDialog(QDialog):
    """The tracking number, big enough to read out over the phone, with a copy button (Ctrl+C)."""

    def __init__(self, order: OrderDTO, locale: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"{order.number} confirmed")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{order.number} for {order.customer_name or 'walk-in customer'} is confirmed: "
                                f"{fmt.money(order.total, order.currency, locale)}. Tracking number:"))
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
        layout.addWidget(QLabel(f"Read out: {spelled}"))
        buttons = QHBoxLayout()
        self.copy_button = QPushButton("&Copy (Ctrl+C)")
        self.copy_button.clicked.connect(self.copy)
        ok = QPushButton("Next caller (Enter)")
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
    """Names each short SKU with what is available and offers to reduce the quantities or remove the lines."""

    REDUCE, REMOVE = 10, 11

    def __init__(self, error: OutOfStock, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Not enough stock")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Nothing was reserved. These lines ask for more than is available:"))
        self.shortage_list = QListWidget()
        for s in error.shortages:
            self.shortage_list.addItem(f"{s.sku}: ordered {s.requested}, available {s.available}")
        layout.addWidget(self.shortage_list)
        box = QDialogButtonBox()
        reduce = box.addButton("&Reduce to available", QDialogButtonBox.ButtonRole.AcceptRole)
        remove = box.addButton("Re&move short lines", QDialogButtonBox.ButtonRole.DestructiveRole)
        box.addButton("&Keep editing", QDialogButtonBox.ButtonRole.RejectRole)
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
        self.setWindowTitle("Open carts")
        self.chosen: int | None = None
        layout = QVBoxLayout(self)
        self.drafts_list = QListWidget()
        for d in drafts:
            item = QListWidgetItem(f"{d.number}  {fmt.when(d.created_at)}  {d.customer_name or '(no customer)'}  "
                                   f"{d.line_count} lines  {fmt.money(d.total, d.currency, locale)}")
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
    ("F2", "find the caller (phone in any format, name, email, customer no.)"),
    ("Up / Down, Enter", "move in the results, pick"),
    ("Ctrl+N", "new customer (name, phone, address), Enter saves"),
    ("F3", "product entry: SKU, barcode, name words; 3*SKU adds three; a scanner just scans"),
    ("F4", "the lines table: edit quantity, price, discount (F2 / type), Delete removes a line"),
    ("Ctrl+R", "repeat the caller's last order"),
    ("Ctrl+Enter", "confirm: reserve stock, show the tracking number"),
    ("Ctrl+P", "pay now (counter): take the payment for the order just confirmed, print the receipt"),
    ("Ctrl+O", "open carts (drafts) to pick up again"),
    ("Ctrl+Shift+N", "park this cart and start a new order"),
    ("Alt+1..6", "switch tabs"),
    ("Ctrl+Shift+A", "show or hide the live activity panel"),
    ("F1", "this help"),
]


class KeyboardHelpDialog(QDialog):
    def __init__(self, rows=KEYBOARD_HELP, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard map")
        layout = QVBoxLayout(self)
        text = "<table cellspacing='6'>" + "".join(
            f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows) + "</table>"
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(label)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
