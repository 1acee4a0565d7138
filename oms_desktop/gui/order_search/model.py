"""Table model of the order search: the orders found so far, a page more fetched when the view scrolls to the end
(``canFetchMore``/``fetchMore``, one fetch at a time)."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from ...services.dto import OrderSummaryDTO
from .. import format as fmt
from ..labels import label
from ..inventory.models import RowsModel  # the project's read-only table of frozen rows

COLUMNS = (QT_TRANSLATE_NOOP("OrderListModel", "Order"), QT_TRANSLATE_NOOP("OrderListModel", "Taken"),
           QT_TRANSLATE_NOOP("OrderListModel", "Customer"), QT_TRANSLATE_NOOP("OrderListModel", "Status"),
           QT_TRANSLATE_NOOP("OrderListModel", "Channel"), QT_TRANSLATE_NOOP("OrderListModel", "Lines"),
           QT_TRANSLATE_NOOP("OrderListModel", "Total (gross)"), QT_TRANSLATE_NOOP("OrderListModel", "Tracking number"))
ORDER, TAKEN, CUSTOMER, STATUS, CHANNEL, LINES, TOTAL, TRACKING = range(len(COLUMNS))


class OrderListModel(RowsModel):
    """The orders found so far, one ``RowsModel`` row each. ``request_page(offset)`` is called for the next page (by
    ``fetchMore``); its answer comes to ``add_page``."""

    def __init__(self, parent=None, locale: str = "en_US", page_size: int = 50,
                 request_page: Callable[[int], None] | None = None):
        getters: tuple[Callable[[OrderSummaryDTO], object], ...] = (
            lambda o: o.number, lambda o: fmt.when(o.created_at), lambda o: o.customer_name or self.tr("(walk-in)"),
            lambda o: self.tr("cart") if o.status == "draft" else label(o.status), lambda o: label(o.channel),
            lambda o: o.line_count,
            lambda o: fmt.money(o.total, o.currency, self.locale), lambda o: o.tracking_number or "")
        columns = [(QCoreApplication.translate("OrderListModel", title), get, col in (LINES, TOTAL))
                   for col, (title, get) in enumerate(zip(COLUMNS, getters))]
        super().__init__(columns, parent=parent)
        self.locale = locale
        self.page_size = page_size
        self.request_page = request_page
        self._more = False
        self._fetching = False

    # ---- data in -------------------------------------------------------------------------------------------
    def reset(self, orders: Sequence[OrderSummaryDTO]) -> None:
        """The first page of a new search."""
        self._more = len(orders) >= self.page_size
        self._fetching = False
        self.set_rows(orders)

    def add_page(self, orders: Sequence[OrderSummaryDTO]) -> None:
        """The page ``fetchMore`` asked for (an order already listed, moved up by a new one, is not repeated)."""
        self._fetching = False
        self._more = len(orders) >= self.page_size
        seen = {o.id for o in self._rows}
        new = [o for o in orders if o.id not in seen]
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
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
        self.request_page(len(self._rows))

    # ---- data out ------------------------------------------------------------------------------------------
    def order_at(self, row: int) -> OrderSummaryDTO | None:
        return self.row(row)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole:
            o = self.order_at(index.row()) if index.isValid() else None
            return self.tr("{order}: Enter opens it").format(order=o.number) if o is not None else None
        return super().data(index, role)
