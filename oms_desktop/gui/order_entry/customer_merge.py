"""Merging a duplicate into the customer on screen (Ctrl+Shift+M on the Orders tab): find the duplicate, confirm
with both named, merge in one job."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QVBoxLayout, QWidget)

from .. import theme
from ..widgets.dialogs import back_to
from ...services.dto import CustomerDTO

SEARCH_DELAY_MS = 150


def merge_question(keep: CustomerDTO, duplicate: CustomerDTO) -> str:
    """The confirmation's text: both customers named, what moves, that it cannot be undone."""
    no_phone = QCoreApplication.translate("CustomerMerge", "no phone")
    return QCoreApplication.translate(
        "CustomerMerge",
        "Merge {duplicate} {duplicate_name} ({duplicate_phones}) into {keep} {keep_name} ({keep_phones})?\n\n"
        "The orders, open carts, payments and credit, phones, delivery addresses and coupons of {duplicate_name} go "
        "to {keep_name}; {duplicate} is not found any more (its invoices keep naming it). This cannot be undone."
    ).format(duplicate=duplicate.number, duplicate_name=duplicate.name,
             duplicate_phones=", ".join(duplicate.phones) or no_phone, keep=keep.number, keep_name=keep.name,
             keep_phones=", ".join(keep.phones) or no_phone)


class CustomerMergeDialog(QDialog):
    """Pick the duplicate to merge into ``keep``: type its phone, name, e-mail or number, Down and Enter.

    Signals:
        search_requested(str): the text typed, for the tab to look up (answered with ``show_found``).
        duplicate_chosen(object): the CustomerDTO picked (the dialog then closes; the tab asks to confirm).
    """

    search_requested = Signal(str)
    duplicate_chosen = Signal(object)

    def __init__(self, keep: CustomerDTO, parent: QWidget | None = None):
        super().__init__(parent)
        self.keep = keep
        self.setWindowTitle(self.tr("Merge a duplicate into {number} {name}").format(number=keep.number,
                                                                                      name=keep.name))
        intro = QLabel(self.tr("{name} ({number}) is kept. Find the duplicate to merge into them (phone, name, "
                               "e-mail or customer number), Down and Enter. To keep the other one, pick it first on "
                               "the Orders tab (F2).").format(name=keep.name, number=keep.number))
        intro.setWordWrap(True)
        self.search_edit = QLineEdit(objectName="merge_search_edit")
        self.search_edit.setPlaceholderText(self.tr("The duplicate: phone, name, e-mail or customer no."))
        self.results = QListWidget(objectName="merge_results")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.error_label = QLabel(objectName="merge_error")
        theme.set_colours(self.error_label, "bad")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(self.tr("Merge..."), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("merge_button")
        buttons.accepted.connect(self.choose)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        for w in (intro, self.search_edit, self.results, self.error_label, buttons):
            root.addWidget(w)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.search_requested.emit(self.search_edit.text().strip()))
        self.search_edit.textEdited.connect(lambda _t: self._timer.start())
        self.search_edit.returnPressed.connect(self.choose)
        self.results.itemActivated.connect(lambda _i: self.choose())
        self.search_edit.installEventFilter(self)
        self.resize(560, 320)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.search_edit and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            n = self.results.count()
            if n:
                step = -1 if event.key() == Qt.Key.Key_Up else 1
                self.results.setCurrentRow(max(0, min(n - 1, self.results.currentRow() + step)))
            return True
        return super().eventFilter(obj, event)

    def show_found(self, text: str, found: list[CustomerDTO]) -> None:
        if text != self.search_edit.text().strip():
            return  # an older search answered after a newer one started
        self.results.clear()
        for c in found:
            if c.id == self.keep.id:
                continue
            item = QListWidgetItem(f"{c.number}   {c.name}   {', '.join(c.phones)}   {c.email}")
            item.setData(Qt.ItemDataRole.UserRole, c)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
            self.error_label.clear()
        elif text:
            self.error_label.setText(self.tr("No other customer matches '{text}'.").format(text=text))

    def choose(self) -> None:
        item = self.results.currentItem()
        if item is None:
            self.error_label.setText(self.tr("Find the duplicate first: type its phone, name, e-mail or number."))
            return
        self.accept()
        self.duplicate_chosen.emit(item.data(Qt.ItemDataRole.UserRole))


def ask_to_merge(parent: QWidget, keep: CustomerDTO, duplicate: CustomerDTO, then: Callable[[], None],
                 otherwise: Callable[[], None] = lambda: None) -> QMessageBox:
    """The confirmation naming both (No is the default: Enter alone merges nothing); ``then()`` on Yes, else
    ``otherwise()``."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("CustomerMerge", "Merge customers"),
                      merge_question(keep, duplicate),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("merge_confirm")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(QCoreApplication.translate(
        "CustomerMerge", "&Merge into {number}").format(
        number=keep.number))
    box.finished.connect(lambda _r: back_to(parent))  # no window manager: nothing else activates the window again
    box.finished.connect(lambda _r: then() if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
                         else otherwise())
    box.open()
    return box
