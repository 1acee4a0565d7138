"""With no window manager (Xvfb, a kiosk) nothing activates a window again when a dialog it opened closes: the arrow
keys still reach the focused widget, but no shortcut, Alt+letter or F1 fires (issue 17: after the payment dialog
Ctrl+I, Alt+C and F1 did nothing on the Accounts tab under packaging/xdotool_accounts.sh). The tab activates its
window itself when its dialogs close."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog

from oms_desktop.gui.accounts.payment_dialog import take_payment

pytestmark = [pytest.mark.gui, pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]


@pytest.fixture
def activations(accounts_tab, monkeypatch) -> list[int]:
    calls: list[int] = []
    window = accounts_tab.window()
    monkeypatch.setattr(window, "activateWindow", lambda: calls.append(1))
    return calls


class _Closed(QDialog):
    result_values = None

    def __init__(self, *args, **kwargs):
        super().__init__(args[4] if len(args) > 4 else None)

    def exec(self) -> int:
        return QDialog.DialogCode.Rejected


def test_the_window_is_activated_again_when_the_payment_dialog_closes(accounts_tab, catalog, admin, activations):
    order = catalog.orders.place_order(admin, None, [("LAMP-01", 1)])
    messages: list[str] = []
    take_payment(accounts_tab, catalog, admin, accounts_tab.jobs, order.number, "en_US",
                 lambda text, _error: messages.append(text), dialog_factory=_Closed, receipt=False)
    assert activations == [1], messages


def test_the_window_is_activated_again_after_each_question_of_a_credit_note(accounts_tab, activations, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", True)))

    class Invoice:
        number, lines = "INV-000001", []

    assert accounts_tab.ask_credit_lines(Invoice()) == (None, "")
    assert activations == [1, 1]  # the lines, then the reason


@pytest.fixture
def order_entry(qtbot, catalog, admin, monkeypatch):
    """The order entry tab, shown, with ``activations`` of its window recorded."""
    from oms_desktop.gui.jobs import JobRunner
    from oms_desktop.gui.order_entry import OrderEntryTab
    widget = OrderEntryTab(catalog, admin, JobRunner(synchronous=True))
    qtbot.addWidget(widget)
    widget.show()
    widget.activations = []
    monkeypatch.setattr(widget.window(), "activateWindow", lambda: widget.activations.append(1))
    return widget


def test_order_entry_activates_its_window_again_after_the_shortage_and_tracking_dialogs(order_entry, catalog, admin,
                                                                                       monkeypatch):
    """Seen under Xvfb on PostgreSQL: after "Reduce to available" Ctrl+Enter did nothing until the window had the
    focus again; so after the tracking number, the next caller's Ctrl+N."""
    from oms_desktop.domain.errors import OutOfStock, Shortage
    from oms_desktop.gui.order_entry.dialogs import ShortageDialog, TrackingDialog
    monkeypatch.setattr(ShortageDialog, "exec", lambda self: ShortageDialog.REDUCE)
    monkeypatch.setattr(TrackingDialog, "exec", lambda self: 0)
    assert order_entry.ask_shortage(OutOfStock([Shortage("LAMP-01", 50, 19)])) == ShortageDialog.REDUCE
    assert order_entry.activations == [1]
    order_entry.show_tracking(catalog.orders.place_order(admin, None, [("LAMP-01", 1)]))
    assert order_entry.activations == [1, 1]


def test_order_entry_activates_its_window_again_when_its_other_dialogs_close(order_entry, catalog, admin,
                                                                           monkeypatch):
    """The dialogs order entry opens without blocking (delivery address, customer, amendment, merge question): each
    gives the window back when it finishes."""
    from PySide6.QtWidgets import QDialog
    from oms_desktop.gui.order_entry import customer_merge
    closed: list[str] = []

    def open_then_close(dialog):  # a user who opens it and presses Esc
        closed.append(type(dialog).__name__)
        dialog.finished.emit(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QDialog, "open", open_then_close)
    cart = catalog.orders.add_line(admin, catalog.orders.create_draft(admin).id, "LAMP-01", 1)
    order_entry.load_order(cart.id)
    order_entry.choose_ship_to()
    assert closed == ["ShipToDialog"] and order_entry.activations == [1]
    keep = catalog.customers.add_customer(admin, "Anna Schmidt", ["0171 555-0100"], "", "")
    duplicate = catalog.customers.add_customer(admin, "Anna Schmitt", ["0171 555-0101"], "", "")
    box = customer_merge.ask_to_merge(order_entry, keep, duplicate, lambda: None)
    box.finished.emit(QDialog.DialogCode.Rejected)
    assert order_entry.activations == [1, 1]
