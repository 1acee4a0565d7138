"""The offer dialog: one incentive on one open cart, offered with the keyboard.

It opens with the kind the key chose (P percent, A amount, S free shipping, C coupon) and its value selected, so
``P`` then ``Enter`` offers the default (5 %, or the percent offered last), and ``P 1 0 Enter`` offers 10 %.
Alt+P/A/S/C switch the kind inside the dialog. A refusal (over the role's limit, a cart changed since the board
showed it, a coupon that cannot be used, a bad number) stays in the dialog in the service's words; nothing changed.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QRadioButton, QVBoxLayout, QWidget)

from .. import theme
from ...domain.errors import Cancelled, StaleCart, StorageError, UserFacingError
from ...domain.roles import Perm, can
from ...services import Services
from ...services.carts import CartSummaryDTO, OfferDTO
from ...services.dto import Actor
from .. import format as fmt
from ..errors import show_error
from ..jobs import JobRunner
from ..widgets.message_line import message_style
from ..messages import text_of

PERCENT, AMOUNT, SHIPPING, COUPON = "percent", "amount", "shipping", "coupon"
KINDS = (PERCENT, AMOUNT, SHIPPING, COUPON)
KIND_OF_KEY = {Qt.Key.Key_P: PERCENT, Qt.Key.Key_A: AMOUNT, Qt.Key.Key_S: SHIPPING, Qt.Key.Key_C: COUPON}


class OfferDialog(QDialog):
    """Signals:
        offered(object): the OfferDTO of the incentive just offered (the dialog then closes).
        refused(str): the service refused; the message is shown in the dialog.
    """

    offered = Signal(object)
    refused = Signal(str)

    def __init__(self, services: Services, actor: Actor, jobs: JobRunner, cart: CartSummaryDTO, kind: str,
                 defaults: dict[str, str], locale: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.cart = cart
        self.expected_version = cart.version
        self.defaults = dict(defaults)
        self.setWindowTitle(self.tr("Offer on {number}").format(number=cart.number))
        layout = QVBoxLayout(self)
        who = cart.customer_name or self.tr("a customer without a name yet")
        self.cart_label = QLabel(self.tr("<b>{number}</b> for <b>{customer}</b>: {items} items, {value} now").format(
            number=cart.number, customer=who, items=cart.items, value=fmt.money(cart.value, cart.currency, locale)),
            objectName="cart_label")
        layout.addWidget(self.cart_label)
        kinds = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for k, text in ((PERCENT, self.tr("&Percent off")),
                        (AMOUNT, self.tr("&Amount off ({currency})").format(currency=cart.currency)),
                        (SHIPPING, self.tr("Free &shipping")), (COUPON, self.tr("&Coupon"))):
            b = QRadioButton(text, objectName=f"{k}_radio")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys go to the value; Alt+letter switches
            self.group.addButton(b)
            self.buttons[k] = b
            kinds.addWidget(b)
            b.toggled.connect(lambda on, k=k: on and self._kind_chosen(k))
        layout.addLayout(kinds)
        form = QFormLayout()
        self.value_label = QLabel()
        self.value_edit = QLineEdit(objectName="value_edit")
        form.addRow(self.value_label, self.value_edit)
        self.note_edit = QLineEdit(objectName="note_edit")
        self.note_edit.setPlaceholderText(self.tr("why (the audit keeps it): e.g. asked for a better price"))
        note_label = QLabel(self.tr("No&te"))
        note_label.setBuddy(self.note_edit)
        form.addRow(note_label, self.note_edit)
        self.next_order_check = QCheckBox(self.tr("For the &next order (a single-use coupon; this cart's price stays)"),
                                          objectName="next_order_check")
        form.addRow("", self.next_order_check)
        layout.addLayout(form)
        company = services.company.get()
        limit = company.incentive_limit_manager if can(actor.role, Perm.PRICE_OVERRIDE) \
            else company.incentive_limit_agent
        self.limit_label = QLabel(self.tr("You may offer up to {limit} of this cart's goods, all offers on it "
                                          "together.").format(limit=fmt.rate(limit, locale)), objectName="limit_label")
        theme.set_colours(self.limit_label, "muted")
        layout.addWidget(self.limit_label)
        self.error_label = QLabel(objectName="error_label")
        self.error_label.setWordWrap(True)
        message_style(self.error_label, error=True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        box = QDialogButtonBox()
        self.offer_button = box.addButton(self.tr("&Offer (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.offer_button.setDefault(True)
        box.accepted.connect(self.submit)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.setMinimumWidth(520)
        self.kind = ""
        self.buttons[kind if kind in KINDS else PERCENT].setChecked(True)
        self._busy = False

    # ---- the kind of offer -----------------------------------------------------------------------------------
    def _kind_chosen(self, kind: str) -> None:
        if self.kind in (PERCENT, AMOUNT, COUPON):
            self.defaults[self.kind] = self.value_edit.text()
        self.kind = kind
        self.value_label.setText({PERCENT: self.tr("Percent off"),
                                  AMOUNT: self.tr("Amount off ({currency})").format(currency=self.cart.currency),
                                  SHIPPING: self.tr("Free shipping"), COUPON: self.tr("Coupon code")}[kind])
        self.value_edit.setEnabled(kind != SHIPPING)
        self.value_edit.setPlaceholderText({PERCENT: self.tr("e.g. 10 (%)"), AMOUNT: self.tr("e.g. 5.00"),
                                            SHIPPING: self.tr("nothing to type"),
                                            COUPON: self.tr("the code, e.g. SPRING10")}[kind])
        self.value_edit.setText("" if kind == SHIPPING else self.defaults.get(kind, ""))
        self.next_order_check.setEnabled(kind in (PERCENT, AMOUNT))
        if kind not in (PERCENT, AMOUNT):
            self.next_order_check.setChecked(False)
        target = self.value_edit if kind != SHIPPING else self.note_edit
        target.setFocus()
        target.selectAll()
        self.error_label.hide()

    # ---- offering ----------------------------------------------------------------------------------------------
    def arguments(self) -> dict:
        value = self.value_edit.text().strip()
        args: dict = {"note": self.note_edit.text().strip(), "expected_version": self.expected_version}
        if self.kind == PERCENT:
            args["percent"] = value or None
        elif self.kind == AMOUNT:
            args["amount"] = value or None
        elif self.kind == SHIPPING:
            args["free_shipping"] = True
        else:
            args["coupon"] = value or None
        if self.next_order_check.isChecked() and self.kind in (PERCENT, AMOUNT):
            args["next_order"] = True
        return args

    def submit(self) -> None:
        if self._busy:
            return
        args = self.arguments()
        services, actor, cart_id = self.services, self.actor, self.cart.id
        self._busy = True
        self.offer_button.setEnabled(False)

        def done() -> None:
            self._busy = False
            self.offer_button.setEnabled(True)

        self.jobs.submit(lambda _job: services.carts.offer(actor, cart_id, **args), on_success=self._offered,
                         on_failure=self._refused, on_finished=done, write=True, owner=self)

    def _offered(self, result: OfferDTO) -> None:
        if self.kind in (PERCENT, AMOUNT):
            self.defaults[self.kind] = self.value_edit.text().strip()
        self.offered.emit(result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        if not isinstance(exc, (UserFacingError, StorageError)):
            show_error(self, exc)
            return
        message = text_of(exc)
        if isinstance(exc, StaleCart) and exc.version:
            # The message names who changed the cart and what; Enter now offers on the cart as it is.
            self.expected_version = exc.version
            message += self.tr(" Enter offers it on the cart as it is now.")
        self.error_label.setText(message)
        self.error_label.show()
        self.refused.emit(message)
        self.value_edit.setFocus()
        self.value_edit.selectAll()
