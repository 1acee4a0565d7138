"""Table model of the open-carts board: one row per cart, in the order the service returns them (at risk first,
then by value). The idle time ticks locally (``tick()`` once a second) from what the last fetch said, so the board
counts on between fetches without asking the database."""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt)
from PySide6.QtGui import QFont

from .. import theme
from ...services.carts import CartBoardDTO, CartSummaryDTO
from .. import format as fmt
from ..labels import label

COLUMNS = (QT_TRANSLATE_NOOP("CartBoardModel", "Risk"), QT_TRANSLATE_NOOP("CartBoardModel", "Cart"),
           QT_TRANSLATE_NOOP("CartBoardModel", "Customer"), QT_TRANSLATE_NOOP("CartBoardModel", "Agent"),
           QT_TRANSLATE_NOOP("CartBoardModel", "Channel"), QT_TRANSLATE_NOOP("CartBoardModel", "Items"),
           QT_TRANSLATE_NOOP("CartBoardModel", "Value"), QT_TRANSLATE_NOOP("CartBoardModel", "Idle"),
           QT_TRANSLATE_NOOP("CartBoardModel", "Offers"), QT_TRANSLATE_NOOP("CartBoardModel", "Last change"))
RISK, CART, CUSTOMER, AGENT, CHANNEL, ITEMS, VALUE, IDLE, OFFERS, LAST = range(len(COLUMNS))
AT_RISK_MARK = QT_TRANSLATE_NOOP("CartBoardModel", "\u26a0 AT RISK")  # the text marker: the colour is not the only sign
AT_RISK_BACKGROUND, AT_RISK_FOREGROUND = "at_risk_bg", "warning"  # theme colours
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def idle_text(seconds: int) -> str:
    """0:42, 14:05 under an hour (it visibly ticks), then 1 h 05 min, then 2 d 3 h."""
    seconds = max(0, int(seconds))
    if seconds < 3600:
        return f"{seconds // 60}:{seconds % 60:02d}"
    if seconds < 48 * 3600:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    return f"{seconds // 86400} d {seconds % 86400 // 3600} h"


def last_change_text(cart: CartSummaryDTO) -> str:
    if not cart.last_change:
        return ""
    return QCoreApplication.translate("CartBoardModel", "{change} by {who}").format(
        change=cart.last_change, who=cart.last_change_by) if cart.last_change_by else cart.last_change


class CartBoardModel(QAbstractTableModel):
    def __init__(self, parent=None, locale: str = "en_US", clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.locale = locale
        self.clock = clock
        self._carts: tuple[CartSummaryDTO, ...] = ()
        self._fetched_at = clock()
        self._idle_limit = 15 * 60

    # ---- data in -------------------------------------------------------------------------------------------
    def set_board(self, board: CartBoardDTO) -> None:
        self.beginResetModel()
        self._carts = board.carts
        self._fetched_at = self.clock()
        self._idle_limit = board.idle_minutes * 60
        self.endResetModel()

    def tick(self) -> None:
        """A second went by: the idle column (and a cart that has just crossed the limit) shows it."""
        if self._carts:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._carts) - 1, len(COLUMNS) - 1))

    # ---- data out ------------------------------------------------------------------------------------------
    def cart_at(self, row: int) -> CartSummaryDTO | None:
        return self._carts[row] if 0 <= row < len(self._carts) else None

    def row_of(self, cart_id: int) -> int:
        return next((i for i, c in enumerate(self._carts) if c.id == cart_id), -1)

    def idle_seconds(self, cart: CartSummaryDTO) -> int:
        return cart.idle_seconds + max(0, int(self.clock() - self._fetched_at))

    def at_risk(self, cart: CartSummaryDTO) -> bool:
        return cart.at_risk or self.idle_seconds(cart) > self._idle_limit

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._carts)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return QCoreApplication.translate("CartBoardModel", COLUMNS[section])
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._carts):
            return None
        c = self._carts[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == RISK:
                return QCoreApplication.translate("CartBoardModel", AT_RISK_MARK) if self.at_risk(c) else ""
            if col == IDLE:
                return idle_text(self.idle_seconds(c))
            return ("", c.number, c.customer_name or self.tr("(no customer)"), c.agent, label(c.channel), str(c.items),
                    fmt.money(c.value, c.currency, self.locale), "", str(c.incentives) if c.incentives else "",
                    last_change_text(c))[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (ITEMS, VALUE, IDLE, OFFERS):
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and self.at_risk(c):
            return theme.brush(AT_RISK_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and self.at_risk(c):
            return theme.brush(AT_RISK_FOREGROUND)
        if role == Qt.ItemDataRole.FontRole and col == RISK and self.at_risk(c):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == LAST:
                return last_change_text(c) or None  # the whole of it, where the cell cuts it short
            if self.at_risk(c):
                return self.tr("Idle for {idle}, over {limit} min: offer something (P, A, S, C) or call back").format(
                    idle=idle_text(self.idle_seconds(c)), limit=self._idle_limit // 60)
            return self.tr("{number}: {items} items, opened by {agent}").format(number=c.number, items=c.items,
                                                                                agent=c.agent)
        return None
