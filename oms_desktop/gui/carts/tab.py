"""The open-carts board: every open cart (a manager's) or one's own (an agent's), the ones at risk first, live.

The board is fetched again on every cart event from any workstation (the event feed) and every 15 seconds; the
idle column ticks every second without a query. From a selected cart an incentive is three keys away at most:
``P`` opens the offer dialog on percent off with its default selected, ``Enter`` offers it; ``A`` amount off, ``S``
free shipping, ``C`` a coupon. ``Enter`` on the board opens the cart in the Orders tab.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QTableView,
                               QVBoxLayout, QWidget)

from .. import theme
from ...domain import events as ev
from ...domain.roles import Perm, can
from ...services import Services
from ...services.carts import CartBoardDTO, CartSummaryDTO, OfferDTO
from ...services.dto import Actor
from .. import format as fmt
from ..jobs import JobRunner
from ..widgets.dialogs import discard_dialog
from ..widgets.message_line import MessageLine
from .board_model import COLUMNS, CUSTOMER, LAST, CartBoardModel
from .offer_dialog import KIND_OF_KEY, PERCENT, OfferDialog

REFRESH_MS = 15_000
TICK_MS = 1_000
PAGE = 100
DEFAULT_OFFERS = {"percent": "5", "amount": "5.00", "coupon": ""}
HINT = QT_TRANSLATE_NOOP("CartsTab", "P percent off  ·  A amount off  ·  S free shipping  ·  C coupon  ·  Enter "
                                     "opens the cart in Orders  ·  Alt+R at risk only")


class BoardView(QTableView):
    """The board's table: the offer keys (P, A, S, C) and Enter act on the selected cart instead of jumping to a
    row that starts with that letter."""

    offer_requested = Signal(str)
    open_requested = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        if plain and event.key() in KIND_OF_KEY:
            self.offer_requested.emit(KIND_OF_KEY[Qt.Key(event.key())])
            event.accept()
            return
        if event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class CartsTab(QWidget, MessageLine):
    """Signals:
        message_shown(str): every message shown in the message line.
        board_loaded(object): the CartBoardDTO just shown.
        offered(object): the OfferDTO of an incentive offered from this board.
        open_cart_requested(int): Enter on a cart: open it (the main window hands it to the Orders tab).
    """

    message_shown = Signal(str)
    board_loaded = Signal(object)
    offered = Signal(object)
    open_cart_requested = Signal(int)

    def __init__(self, services: Services, actor: Actor, jobs: JobRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.jobs = jobs
        self.locale = services.company.get().locale
        self.sees_all = can(actor.role, Perm.PRICE_OVERRIDE)
        self.board: CartBoardDTO | None = None
        self.offer_dialog: OfferDialog | None = None
        self.offer_defaults = dict(DEFAULT_OFFERS)
        self._seq = 0
        self._loading = False
        self._again = False
        self._dirty = True
        self._build()
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self.model.tick)
        self._tick.start()
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(lambda: self.refresh() if self.isVisible() else None)
        self._timer.start()  # the first fetch is when the board first shows (showEvent)

    def _build(self) -> None:
        root = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary_label = QLabel(objectName="summary_label")
        self.summary_label.setStyleSheet("font-size: 12pt; font-weight: bold;")
        top.addWidget(self.summary_label, 1)
        self.at_risk_check = QCheckBox(self.tr("At &risk only"), objectName="at_risk_check")
        self.at_risk_check.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.at_risk_check.toggled.connect(lambda _on: self.refresh())
        top.addWidget(self.at_risk_check)
        root.addLayout(top)
        self.model = CartBoardModel(self, self.locale)
        self.view = BoardView(objectName="board_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(False)  # the at-risk rows have a colour of their own
        self.view.setWordWrap(False)  # a long last change ends in "...": every row stays one line high
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.horizontalHeader()
        for col in range(len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CUSTOMER, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LAST, QHeaderView.ResizeMode.Stretch)
        self.view.offer_requested.connect(self.offer)
        self.view.open_requested.connect(self.open_selected)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        root.addWidget(self.view, 1)
        self.hint_label = QLabel(QCoreApplication.translate("CartsTab", HINT), objectName="hint_label")
        theme.set_colours(self.hint_label, "muted")
        root.addWidget(self.hint_label)
        self.message_label = QLabel(objectName="message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        root.addWidget(self.message_label)

    # ---- the board ---------------------------------------------------------------------------------------------
    def focus_primary(self) -> None:
        self.view.setFocus()

    def refresh(self) -> None:
        """Fetch the board; a fetch asked for while one runs is done once after it (events come in bursts)."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._dirty = False
        self._seq += 1
        seq = self._seq
        services, actor, at_risk_only = self.services, self.actor, self.at_risk_check.isChecked()

        def finished() -> None:
            self._loading = False
            if self._again:
                self._again = False
                self.refresh()

        self.jobs.submit(lambda _job: services.carts.board(actor, at_risk_only=at_risk_only, limit=PAGE),
                         on_success=lambda board: self._show_board(seq, board), on_failure=self._failed,
                         on_finished=finished, owner=self)

    def _show_board(self, seq: int, board: CartBoardDTO) -> None:
        if seq != self._seq:
            return
        selected = self.selected_cart()
        self.board = board
        self.model.set_board(board)
        row = self.model.row_of(selected.id) if selected is not None else -1
        if self.model.rowCount():
            self.view.selectionModel().setCurrentIndex(
                self.model.index(max(row, 0), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.summary_label.setText(self.summary_text(board))
        self.board_loaded.emit(board)

    def summary_text(self, board: CartBoardDTO) -> str:
        n = board.open_carts
        worth = fmt.money(board.value, board.currency, self.locale)
        # one string per number form (English shows its source text: no "%n cart(s)" there)
        if self.sees_all:
            text = self.tr("1 open cart worth {value}, {at_risk} at risk (idle over {minutes} min)") if n == 1 \
                else self.tr("{count} open carts worth {value}, {at_risk} at risk (idle over {minutes} min)")
        else:
            text = self.tr("Your 1 open cart worth {value}, {at_risk} at risk (idle over {minutes} min)") if n == 1 \
                else self.tr("Your {count} open carts worth {value}, {at_risk} at risk (idle over {minutes} min)")
        text = text.format(count=n, value=worth, at_risk=board.at_risk, minutes=board.idle_minutes)
        if len(board.carts) < (board.at_risk if self.at_risk_check.isChecked() else n):
            text += self.tr("; the first {count} shown").format(count=len(board.carts))
        return text

    def selected_cart(self) -> CartSummaryDTO | None:
        index = self.view.currentIndex()
        return self.model.cart_at(index.row()) if index.isValid() else None

    def on_events(self, events: list) -> None:
        """A cart changed on some workstation (or was confirmed or cancelled): fetch the board again, now if it is
        on screen, else when it next shows."""
        if any(ev.matches(e.event, ev.CART_EVENTS) for e in events):
            if self.isVisible():
                self.refresh()
            else:
                self._dirty = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    # ---- offers ------------------------------------------------------------------------------------------------
    def offer(self, kind: str = PERCENT) -> None:
        cart = self.selected_cart()
        if cart is None:
            self.show_message(self.tr("No cart selected: choose one with Up and Down, then P, A, S or C."), error=True)
            return
        discard_dialog(self.offer_dialog)
        dialog = OfferDialog(self.services, self.actor, self.jobs, cart, kind, self.offer_defaults, self.locale,
                             self)
        dialog.offered.connect(lambda result, d=dialog: self._offered(d, result))
        dialog.refused.connect(lambda _m: self.refresh())  # e.g. the cart changed: the board shows how
        dialog.finished.connect(lambda _r: self.view.setFocus())
        self.offer_dialog = dialog
        dialog.open()

    def _offered(self, dialog: OfferDialog, result: OfferDTO) -> None:
        self.offer_defaults.update({k: v for k, v in dialog.defaults.items() if v})
        order, cur = result.order, result.order.currency
        after = fmt.money(order.total, cur, self.locale)
        before = fmt.money(dialog.cart.value, cur, self.locale) if dialog.expected_version == dialog.cart.version \
            else ""
        total = self.tr("total {before} -> {after}").format(before=before, after=after) \
            if before and before != after else self.tr("total {after}").format(after=after)
        text = self.tr("Offered {offer} on {number} ({customer}): {total}.").format(
            offer=result.incentive.label, number=order.number, customer=order.customer_name or self.tr("no customer"),
            total=total)
        if result.coupon_code:
            text += self.tr(" Coupon {code} is the customer's.").format(code=result.coupon_code)
        self.show_message(text)
        self.offered.emit(result)
        self.refresh()

    def open_selected(self) -> None:
        cart = self.selected_cart()
        if cart is not None:
            self.open_cart_requested.emit(cart.id)

    def keyboard_notes(self) -> list[tuple[str, str]]:
        """The board's keys handled in code (not actions), for the keyboard map (F1)."""
        return [(self.tr("Up / Down"), self.tr("choose a cart")),
                ("P", self.tr("offer percent off (Enter offers the default)")),
                ("A", self.tr("offer an amount off")), ("S", self.tr("offer free shipping")),
                ("C", self.tr("apply a coupon to the cart")), ("Enter", self.tr("open the cart in the Orders tab"))]
