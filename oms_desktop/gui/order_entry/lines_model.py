"""Table model of a draft's lines; quantity and price cells are editable and go through the service."""
from __future__ import annotations

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt, Signal)

from .. import theme
from ...services.dto import OrderDTO, OrderLineDTO
from .. import format as fmt

COLUMNS = ("#", QT_TRANSLATE_NOOP("LinesModel", "SKU"), QT_TRANSLATE_NOOP("LinesModel", "Product"),
           QT_TRANSLATE_NOOP("LinesModel", "Qty"), QT_TRANSLATE_NOOP("LinesModel", "Unit price"),
           QT_TRANSLATE_NOOP("LinesModel", "Discount"), QT_TRANSLATE_NOOP("LinesModel", "Tax"),
           QT_TRANSLATE_NOOP("LinesModel", "Line total (gross)"), QT_TRANSLATE_NOOP("LinesModel", "Available"))
QTY, PRICE, DISCOUNT = 3, 4, 5


def unit_price_header(prices_include_tax: bool) -> str:
    """What the unit price column holds: the price as the order keeps it, gross or net of tax (the line total is
    always gross: net, less the discount, plus tax)."""
    return QCoreApplication.translate("LinesModel", "Unit price (gross)" if prices_include_tax else "Unit price (net)")


QT_TRANSLATE_NOOP("LinesModel", "Unit price (gross)")
QT_TRANSLATE_NOOP("LinesModel", "Unit price (net)")
SHORT = "bad"  # theme colours
MARKED = "changed_bg"  # a line someone else added or changed since the screen last showed the cart


class LinesModel(QAbstractTableModel):
    """Signals:
        edit_requested(int, str, str): line number, field ('quantity', 'unit_price' or 'discount'), typed text.
    """

    edit_requested = Signal(int, str, str)

    def __init__(self, parent=None, locale: str = "en_US", prices_include_tax: bool = False):
        super().__init__(parent)
        self.prices_include_tax = prices_include_tax  # the company's, until an order says otherwise
        self._lines: tuple[OrderLineDTO, ...] = ()
        self._currency = "EUR"
        self._editable = True
        self._marks: dict[int, str] = {}
        self.locale = locale

    def set_order(self, order: OrderDTO | None, marks: dict[int, str] | None = None) -> None:
        """Show ``order``; ``marks`` (line number -> what happened to it, e.g. "new" or "2 -> 3") highlights the
        lines that changed since the screen last showed the cart."""
        self.beginResetModel()
        self._lines = order.lines if order else ()
        self._currency = order.currency if order else self._currency
        self._editable = order is None or order.status == "draft"
        self._marks = dict(marks or {})
        if order is not None:
            self.prices_include_tax = order.prices_include_tax
        self.endResetModel()

    @property
    def marks(self) -> dict[int, str]:
        return dict(self._marks)

    def clear_marks(self) -> None:
        if self._marks:
            self._marks = {}
            if self._lines:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, len(COLUMNS) - 1))

    def line_at(self, row: int) -> OrderLineDTO:
        return self._lines[row]

    def short_lines(self) -> list[OrderLineDTO]:
        return [ln for ln in self._lines if ln.available is not None and ln.quantity > ln.available]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return unit_price_header(self.prices_include_tax) if section == PRICE else \
                QCoreApplication.translate("LinesModel", COLUMNS[section])
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable and index.column() in (QTY, PRICE, DISCOUNT):
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        ln = self._lines[index.row()]
        col = index.column()
        mark = self._marks.get(ln.line_no)
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{ln.line_no} {mark}" if mark else str(ln.line_no), ln.sku, ln.name, str(ln.quantity),
                    fmt.money(ln.unit_price, self._currency, self.locale),
                    fmt.rate(ln.discount, self.locale) if ln.discount else "",
                    fmt.rate(ln.tax_rate, self.locale),
                    fmt.money(ln.gross, self._currency, self.locale),
                    "" if ln.available is None else str(ln.available))[col]
        if role == Qt.ItemDataRole.EditRole:
            return {QTY: str(ln.quantity), PRICE: str(ln.unit_price), DISCOUNT: str(ln.discount)}.get(col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 3, 4, 5, 6, 7, 8):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and ln.available is not None and ln.quantity > ln.available:
            return theme.brush(SHORT)
        if role == Qt.ItemDataRole.BackgroundRole and mark:
            return theme.brush(MARKED)
        if role == Qt.ItemDataRole.ToolTipRole and ln.available is not None and ln.quantity > ln.available:
            return self.tr("Only {count} of {sku} available").format(count=ln.available, sku=ln.sku)
        if role == Qt.ItemDataRole.ToolTipRole and mark:
            return self.tr("Changed on another workstation: {change}").format(change=mark)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in (QTY, PRICE, DISCOUNT):
            return False
        field = {QTY: "quantity", PRICE: "unit_price", DISCOUNT: "discount"}[index.column()]
        self.edit_requested.emit(self._lines[index.row()].line_no, field, str(value))
        return False  # the service answers with a new order; the model is reset then
