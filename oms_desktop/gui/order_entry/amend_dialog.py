"""Amending a confirmed order from the Orders tab: its lines with editable quantities and prices, a line added by
SKU; Ctrl+S saves (the service reserves or releases the difference, or refuses naming why)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from ...services.dto import OrderDTO
from .. import format as fmt

SKU, NAME, QTY, PRICE = range(4)


class AmendDialog(QDialog):
    """The lines of ``order``: change a quantity (0 removes the line) or a unit price, add a line (Alt+L, then
    type the SKU), and save (Ctrl+S or Enter on the button). ``save(set_lines, prices, allow_backorder)`` runs the
    amendment; the tab calls ``saved`` or ``refused`` with the outcome."""

    def __init__(self, order: OrderDTO, save: Callable[[dict[str, str], dict[str, str], bool], None], locale: str,
                 parent=None):
        super().__init__(parent)
        self.order, self._save, self.locale = order, save, locale
        self.setWindowTitle(self.tr("Amend {number}").format(number=order.number))
        root = QVBoxLayout(self)
        root.addWidget(QLabel(self.tr("{number} for {customer}, confirmed, total {total}. Change a quantity (0 removes "
                                      "the line) or a unit price; the stock reservation follows when you save.")
                              .format(number=order.number, customer=order.customer_name or self.tr("walk-in customer"),
                                      total=fmt.money(order.total, order.currency, locale))))
        self.lines_table = QTableWidget(0, 4, objectName="amend_lines")
        self.lines_table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Product"), self.tr("Quantity"),
                                                    self.tr("Unit price")])
        self.lines_table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.lines_table.verticalHeader().hide()
        self.lines_table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.original: dict[str, tuple[str, str]] = {}
        for ln in order.lines:
            self.original[ln.sku] = (str(ln.quantity), str(ln.unit_price))
            self._add_row(ln.sku, ln.name, str(ln.quantity), str(ln.unit_price), known=True)
        root.addWidget(self.lines_table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add &line"), objectName="add_line_button")
        self.add_button.clicked.connect(self.add_line)
        self.backorder_check = QCheckBox(self.tr("Allow back&order (what is not in stock waits for goods)"),
                                         objectName="backorder_check")
        row.addWidget(self.add_button)
        row.addWidget(self.backorder_check)
        row.addStretch(1)
        root.addLayout(row)
        self.message_label = QLabel(objectName="amend_message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        root.addWidget(self.message_label)
        box = QDialogButtonBox()
        self.save_button = box.addButton(self.tr("&Save amendment (Ctrl+S)"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        box.rejected.connect(self.reject)
        root.addWidget(box)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.resize(640, 360)
        if order.lines:
            self.lines_table.setCurrentCell(0, QTY)

    def _add_row(self, sku: str, name: str, qty: str, price: str, *, known: bool) -> None:
        r = self.lines_table.rowCount()
        self.lines_table.insertRow(r)
        for col, text in ((SKU, sku), (NAME, name), (QTY, qty), (PRICE, price)):
            item = QTableWidgetItem(text)
            if col == NAME or (col == SKU and known):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if col in (QTY, PRICE):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.lines_table.setItem(r, col, item)

    def add_line(self) -> None:
        """A new row: type its SKU, then its quantity (its price is the catalog's unless typed)."""
        self._add_row("", self.tr("(new line)"), "1", "", known=False)
        r = self.lines_table.rowCount() - 1
        self.lines_table.setCurrentCell(r, SKU)
        if self.isActiveWindow():
            self.lines_table.setFocus()
            self.lines_table.editItem(self.lines_table.item(r, SKU))

    def changes(self) -> tuple[dict[str, str], dict[str, str]]:
        """What the table changes: SKU -> quantity typed, SKU -> unit price typed (only what differs)."""
        set_lines: dict[str, str] = {}
        prices: dict[str, str] = {}
        for r in range(self.lines_table.rowCount()):
            sku = self.lines_table.item(r, SKU).text().strip().upper()
            qty = self.lines_table.item(r, QTY).text().strip()
            price = self.lines_table.item(r, PRICE).text().strip()
            if not sku:
                continue
            was_qty, was_price = self.original.get(sku, ("", ""))
            if qty != was_qty:
                set_lines[sku] = qty
            if price and price != was_price:
                prices[sku] = price
        return set_lines, prices

    def save(self) -> None:
        set_lines, prices = self.changes()
        if not set_lines and not prices:
            self.message_label.setText(self.tr("Nothing changed: change a quantity or a price, or add a line (Alt+L)."))
            return
        self.save_button.setEnabled(False)
        self.message_label.setText(self.tr("Saving..."))
        self._save(set_lines, prices, self.backorder_check.isChecked())

    def refused(self, text: str) -> None:
        """The amendment was refused: nothing changed; the reasons stay until the next try."""
        self.save_button.setEnabled(True)
        self.message_label.setText(text)
