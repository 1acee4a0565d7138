"""Table model of the order search: the orders found so far, a page more fetched when the view scrolls to the end
(``canFetchMore``/``fetchMore``, one fetch at a time)."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...services.dto import OrderSummaryDTO
from .. import format as fmt

COLUMNS = ("Order", "Taken", "Customer", "Status", "Channel", "Lines", "Total (gross)", "Tracking number")
ORDER, TAKEN, CUSTOMER, STATUS, CHANNEL, LINES, TOTAL, TRACKING = range(len(COLUMNS))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class OrderListModel(QAbstractTableModel):
    """``request_page(offset)`` is called for the next page (by ``fetchMore``); its answer comes to ``add_page``."""

    def __init__(self, parent=None, locale: str = "en_US", page_size: int = 50,
                 request_page: Callable[[int], None] | None = None):
        super().__init__(parent)
        self.locale = locale
        self.page_size = page_size
        self.request_page = request_page
        self._orders: list[OrderSummaryDTO] = []
        self._more = False
        self._fetching = False

    # ---- data in -------------------------------------------------------------------------------------------
    def reset(self, orders: Sequence[OrderSummaryDTO]) -> None:
        """The first page of a new search."""
        self.beginResetModel()
        self._orders = list(orders)
        self._more = len(orders) >= self.page_size
        self._fetching = False
        self.endResetModel()

    def add_page(self, orders: Sequence[OrderSummaryDTO]) -> None:
        """The page ``fetchMore`` asked for (an order already listed, moved up by a new one, is not repeated)."""
        self._fetching = False
        self._more = len(orders) >= self.page_size
        seen = {o.id for o in self._orders}
        new = [o for o in orders if o.id not in seen]
        if new:
            first = len(self._orders)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._orders.extend(new)
            self.endInsertRows()

    def page_failed(self) -> None:
        self._fetching = False
        self._more = False

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 - Qt override
        return not parent.isValid() and self._more and not self._fetching and self.request_page is not None

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802 - Qt override
        if not self.canFetchMore(parent):
            return  # a fetch is on its way: views call this again while they wait
        self._fetching = True
        assert self.request_page is not None
        self.request_page(len(self._orders))

    # ---- data out ------------------------------------------------------------------------------------------
    def order_at(self, row: int) -> OrderSummaryDTO | None:
        return self._orders[row] if 0 <= row < len(self._orders) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._orders)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._orders):
            return None
        o, col = self._orders[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (o.number, fmt.when(o.created_at), o.customer_name or "(walk-in)",
                    "cart" if o.status == "draft" else o.status, o.channel, str(o.line_count),
                    fmt.money(o.total, o.currency, self.locale), o.tracking_number or "")[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (LINES, TOTAL):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{o.number}: Enter opens it"
        return None
