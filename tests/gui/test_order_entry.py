"""The order entry tab driven with the keyboard only, as a phone agent or counter clerk would."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.order_entry import OrderEntryTab
from oms_desktop.gui.order_entry.dialogs import ShortageDialog
from tests.helpers.money_text import shown

EXTRA = ("sku,name,unit_price,tax_rate,barcode,category,location,on_hand,reorder_point\n"
         "CHAIR-01,Folding chair,24.90,0.19,4006381333955,Furniture,C-01-01,8,1\n"
         "DESK-01,Writing desk,149.00,0.19,4006381333962,Furniture,C-02-01,3,1\n"
         "ROPE-01,Garden rope 10 m,6.50,0.19,,Garden,D-01-01,2,0\n")


class Keyboard:
    """Types into the focused widget and counts key presses (a chord such as Ctrl+Enter counts once)."""

    def __init__(self, qtbot, window: QWidget):
        self.qtbot, self.window, self.presses = qtbot, window, 0

    def _target(self) -> QWidget:
        return self.window.focusWidget() or self.window

    def type(self, text: str) -> None:
        for ch in text:
            self.qtbot.keyClick(self._target(), ch)
            self.presses += 1

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self._target(), key, modifier)
        self.presses += 1


@pytest.fixture
def shop(catalog, admin, customer):
    catalog.catalog.import_catalog(admin, EXTRA.encode())
    catalog.auth.add_user(admin, "agent", "agent", "agent-pw")
    return catalog


@pytest.fixture
def tab(qtbot, shop):
    agent = shop.auth.sign_in("agent", "agent-pw")
    widget = OrderEntryTab(shop, agent, JobRunner(synchronous=True))
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.customer_edit.hasFocus)
    confirmed = []
    widget.show_tracking = confirmed.append  # the tracking dialog is modal; record what it would show
    widget.confirmed_orders = confirmed
    return widget


def test_keyboard_only_order_with_phone_lookup_sku_multiplier_and_scanner(qtbot, tab, shop, admin):
    kb = Keyboard(qtbot, tab)
    kb.type("+49 171 5550100")  # stored as '0171 555-0100'
    kb.press(Qt.Key.Key_Return)
    assert tab.customer is not None and tab.customer.name == "Anna Schmidt"
    assert tab.product_edit.hasFocus()
    kb.type("LAMP-01")
    kb.press(Qt.Key.Key_Return)
    kb.type("3*BULB-E27")
    kb.press(Qt.Key.Key_Return)
    qtbot.keyClicks(tab.product_edit, "9783161484100")  # a scanner: a fast burst of keys ending in Enter
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.product_edit, "9783161484100")  # scanned again: the quantity goes up
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return)
    assert [(ln.sku, ln.quantity) for ln in tab.order.lines] == [("LAMP-01", 1), ("BULB-E27", 3), ("BOOK-01", 2)]
    assert "Total" in tab.totals_label.text()
    kb.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(tab.confirmed_orders) == 1
    order = tab.confirmed_orders[0]
    assert order.status == "confirmed" and order.tracking_number
    assert order.tracking_number in tab.message_label.text()
    assert tab.order is None and tab.customer_edit.hasFocus()  # ready for the next caller
    stored = shop.orders.get_order(admin, order.tracking_number)
    assert stored.customer_name == "Anna Schmidt"
    assert shop.catalog.get_product(admin, "BULB-E27").reserved == 3
    assert shop.catalog.get_product(admin, "BOOK-01").reserved == 2
    assert shop.inventory.invariant_violations() == []


def test_five_line_order_for_a_returning_caller_takes_at_most_35_key_presses(qtbot, tab, shop, admin, customer):
    shop.orders.place_order(admin, customer.id, [("LAMP-01", 1)])  # she has called before
    kb = Keyboard(qtbot, tab)
    kb.type("5550100")  # part of her phone number
    kb.press(Qt.Key.Key_Return)
    for prefix in ("LA", "BU", "BO", "CH", "WRI"):  # the start of a SKU or a name word, one product each
        kb.type(prefix)
        kb.press(Qt.Key.Key_Return)
    kb.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(tab.confirmed_orders) == 1
    order = shop.orders.get_order(admin, tab.confirmed_orders[0].id)
    assert sorted(ln.sku for ln in order.lines) == ["BOOK-01", "BULB-E27", "CHAIR-01", "DESK-01", "LAMP-01"]
    assert order.customer_name == "Anna Schmidt" and order.status == "confirmed"
    assert kb.presses <= 35, kb.presses


def test_unknown_sku_and_invalid_quantity_are_explained_and_change_nothing(qtbot, tab, shop, admin):
    kb = Keyboard(qtbot, tab)
    kb.press(Qt.Key.Key_F3)
    kb.type("NOPE-404-XYZ")
    kb.press(Qt.Key.Key_Return)
    assert "Unknown SKU or barcode 'NOPE-404-XYZ'" in tab.message_label.text()
    assert tab.order is None and shop.orders.open_drafts(admin) == []
    kb.type("0*LAMP-01")
    kb.press(Qt.Key.Key_Return)
    assert "quantity for LAMP-01 must be at least 1" in tab.message_label.text()
    assert shop.orders.open_drafts(admin) == [] or all(d.line_count == 0 for d in shop.orders.open_drafts(admin))


def test_out_of_stock_offers_to_reduce_to_what_is_available(qtbot, tab, shop, admin):
    tab.ask_shortage = lambda error: (setattr(tab, "shortage_seen", error), ShortageDialog.REDUCE)[1]
    kb = Keyboard(qtbot, tab)
    kb.press(Qt.Key.Key_F3)
    kb.type("5*ROPE-01")  # only 2 on hand
    kb.press(Qt.Key.Key_Return)
    assert "only 2 available" in tab.message_label.text()
    kb.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    error = tab.shortage_seen
    assert [(s.sku, s.requested, s.available) for s in error.shortages] == [("ROPE-01", 5, 2)]
    assert shop.catalog.get_product(admin, "ROPE-01").reserved == 0  # nothing reserved by the failed confirm
    assert [(ln.sku, ln.quantity) for ln in tab.order.lines] == [("ROPE-01", 2)]
    kb.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tab.confirmed_orders and shop.catalog.get_product(admin, "ROPE-01").reserved == 2


def test_price_override_without_permission_is_refused_and_changes_nothing(qtbot, tab, shop, admin):
    qtbot.keyClicks(tab.product_edit, "LAMP-01")
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return)
    before = shop.orders.get_order(admin, tab.order.id)
    tab.lines_model.setData(tab.lines_model.index(0, 4), "9.99")  # the agent types a lower price
    assert "may not change the price of LAMP-01" in tab.message_label.text()
    after = shop.orders.get_order(admin, tab.order.id)
    assert after.lines == before.lines and after.total == before.total


def test_the_open_carts_count_includes_the_cart_the_first_line_saves(qtbot, tab):
    assert tab.drafts_button.text() == "Open carts: 0 (Ctrl+O)"
    qtbot.keyClicks(tab.product_edit, "LAMP-01")
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return)
    assert tab.order is not None and tab.order.status == "draft"
    assert tab.drafts_button.text() == "Open carts: 1 (Ctrl+O)"


def test_a_draft_survives_closing_the_window(qtbot, shop, admin, customer):
    agent = shop.auth.sign_in("agent", "agent-pw")
    first = OrderEntryTab(shop, agent, JobRunner(synchronous=True))
    qtbot.addWidget(first)
    first.set_customer(customer)
    qtbot.keyClicks(first.product_edit, "2*LAMP-01")
    qtbot.keyClick(first.product_edit, Qt.Key.Key_Return)
    draft_id = first.order.id
    first.close()
    reopened = OrderEntryTab(shop, agent, JobRunner(synchronous=True))
    qtbot.addWidget(reopened)
    qtbot.waitUntil(lambda: "Open carts: 1" in reopened.drafts_button.text())
    reopened.load_order(draft_id)
    assert reopened.order.id == draft_id
    assert [(ln.sku, ln.quantity) for ln in reopened.order.lines] == [("LAMP-01", 2)]
    assert reopened.customer.name == "Anna Schmidt"


def test_lines_model_passes_the_model_tester(qtmodeltester, tab, qtbot):
    qtbot.keyClicks(tab.product_edit, "LAMP-01")
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return)
    qtmodeltester.check(tab.lines_model)


def test_scans_faster_than_the_database_answers_land_in_one_cart(qtbot, shop, admin):
    agent = shop.auth.sign_in("agent", "agent-pw")
    runner = JobRunner()  # real background threads: the second scan is queued before the first is saved
    tab = OrderEntryTab(shop, agent, runner)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: not runner.busy)
    for code in ("LAMP-01", "BULB-E27", "9783161484100", "LAMP-01"):
        qtbot.keyClicks(tab.product_edit, code)
        qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not runner.busy and tab.order is not None and len(tab.order.lines) == 3, timeout=10000)
    drafts = shop.orders.open_drafts(admin)
    assert len(drafts) == 1
    assert [(ln.sku, ln.quantity) for ln in tab.order.lines] == [("LAMP-01", 2), ("BULB-E27", 1), ("BOOK-01", 1)]


def test_picking_a_caller_shows_what_they_owe(qtbot, tab, shop, admin, customer):
    order = shop.orders.place_order(admin, customer.id, [("LAMP-01", 1)])
    shop.billing.issue_invoice(admin, order.id, render=False)
    shop.receivables.record_payment(admin, order.id, "5.00", "cash")
    owed = order.total - 5
    qtbot.keyClicks(tab.customer_edit, "5550100")
    qtbot.keyClick(tab.customer_edit, Qt.Key.Key_Return)
    assert tab.balance_label.text() == f"Open balance: {shown(str(owed))}"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_text_that_finds_several_products_adds_none_of_them_until_one_is_chosen(qtbot, tab, shop, admin):
    several = shop.catalog.search(admin, "l", limit=10)
    assert len(several) >= 2  # the sample catalog: "lamp" and "LED bulb" (at least)
    kb = Keyboard(qtbot, tab)
    kb.press(Qt.Key.Key_F3)
    kb.type("l")
    kb.press(Qt.Key.Key_Return)
    assert tab.order is None or not tab.order.lines  # nothing guessed
    assert tab.product_edit.text() == "l"  # what was typed stays
    assert f"'l' finds {shop.catalog.count(admin, 'l')} products" in tab.message_label.text()
    qtbot.waitUntil(lambda: tab.product_results.count() >= 2)
    chosen = tab.product_results.item(1).data(Qt.ItemDataRole.UserRole)
    kb.press(Qt.Key.Key_Down)
    kb.press(Qt.Key.Key_Down)  # the second row, chosen
    kb.press(Qt.Key.Key_Return)
    assert [ln.sku for ln in tab.order.lines] == [chosen]
    kb.type("field")  # one product only: added
    kb.press(Qt.Key.Key_Return)
    assert [ln.sku for ln in tab.order.lines] == [chosen, "BOOK-01"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_ctrl_shift_e_edits_the_caller_and_a_refusal_keeps_the_form_with_every_problem(qtbot, tab, shop, admin,
                                                                                        customer):
    tab.set_customer(customer)
    qtbot.keyClick(tab, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = tab.customer_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.email_edit.setText("no-at-sign")
    dialog.phones_edit.setPlainText("0171 555-0100\nabc")
    dialog.accept()
    qtbot.waitUntil(lambda: "Not saved" in tab.message_label.text())
    assert "no-at-sign" in dialog.error_label.text() and "abc" in dialog.error_label.text()
    assert shop.customers.get_customer(admin, customer.id).email == "anna@example.com"
    dialog.email_edit.setText("anna.schmidt@example.com")
    dialog.phones_edit.setPlainText("0171 555-0100")
    dialog.accept()
    qtbot.waitUntil(lambda: "saved" in tab.message_label.text())
    assert shop.customers.get_customer(admin, customer.id).email == "anna.schmidt@example.com"
    assert "anna.schmidt@example.com" in tab.customer_info.text()


def test_ctrl_shift_e_sets_the_language_the_callers_documents_print_in(qtbot, tab, shop, admin, customer):
    tab.set_customer(customer)
    qtbot.keyClick(tab, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = tab.customer_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.language_combo.currentData() == ""  # none chosen yet: the company's
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("de"))
    dialog.accept()
    qtbot.waitUntil(lambda: "saved" in tab.message_label.text())
    assert shop.customers.get_customer(admin, customer.id).language == "de"
    qtbot.keyClick(tab, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: tab.customer_dialog is not dialog and tab.customer_dialog.isVisible())
    again = tab.customer_dialog
    assert again.language_combo.currentData() == "de"  # the form shows what is stored
    again.language_combo.setCurrentIndex(again.language_combo.findData(""))
    again.accept()
    qtbot.waitUntil(lambda: shop.customers.get_customer(admin, customer.id).language in ("", None))


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_line_headers_say_which_prices_are_net_and_which_gross(qtbot, tab, shop, admin):
    def headers(model) -> list[str]:
        return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Unit price (net)" in headers(tab.lines_model) and "Line total (gross)" in headers(tab.lines_model)
    draft = shop.orders.create_draft(admin, None)
    shop.orders.add_line(admin, draft.number, "LAMP-01", 2)
    tab.load_order(draft.id)
    qtbot.waitUntil(lambda: tab.lines_model.rowCount() == 1)
    line = tab.order.lines[0]
    shown_total = tab.lines_model.data(tab.lines_model.index(0, 7))
    assert line.gross == line.net + line.tax and shown_total == shown(str(line.gross))  # gross: net plus its tax
    assert tab.lines_model.data(tab.lines_model.index(0, 4)) == shown(str(line.unit_price))  # net, as kept
    shop.company.update(admin, prices_include_tax=True)
    gross_cart = shop.orders.create_draft(admin, None)
    tab.load_order(gross_cart.id)
    qtbot.waitUntil(lambda: tab.order is not None and tab.order.id == gross_cart.id)
    assert "Unit price (gross)" in headers(tab.lines_model)


def test_ctrl_shift_e_edits_the_caller_and_a_save_over_someone_elses_change_is_refused_keeping_the_form(
        qtbot, tab, shop, admin, customer):
    """Issue 18: the customer form opens with the customer as stored now and saves with that version; a colleague's
    save in between is named with when, the form comes back with what was typed, nothing is overwritten."""
    tab.set_customer(customer)
    qtbot.keyClick(tab, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = tab.customer_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.name_edit.text() == "Anna Schmidt"
    shop.auth.add_user(admin, "bob", "manager", "bob-pw-long", "Bob Builder")
    bob = shop.auth.sign_in("bob", "bob-pw-long")
    _, version = shop.customers.get_customer_for_edit(bob, customer.id)
    shop.customers.update_customer(bob, customer.id, email="anna.s@example.org", expected_version=version)

    dialog.name_edit.setText("Anna Schmidt-Lang")
    dialog.accept()
    qtbot.waitUntil(dialog.isVisible)                       # back, with the refusal and what was typed
    assert "changed by Bob Builder" in dialog.error_label.text()
    assert dialog.name_edit.text() == "Anna Schmidt-Lang" and "Not saved" in tab.message_label.text()
    assert shop.customers.get_customer(admin, customer.id).name == "Anna Schmidt"
    dialog.reject()

    qtbot.keyClick(tab, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = tab.customer_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.email_edit.text() == "anna.s@example.org"  # opened again: their change is there
    dialog.name_edit.setText("Anna Schmidt-Lang")
    dialog.accept()
    stored = shop.customers.get_customer(admin, customer.id)
    assert (stored.name, stored.email) == ("Anna Schmidt-Lang", "anna.s@example.org")
    assert tab.customer.name == "Anna Schmidt-Lang"


@pytest.mark.parametrize("typed", ["٣*LAMP-01", "２*LAMP-01"])
def test_a_quantity_in_other_scripts_digits_orders_nothing(qtbot, tab, shop, admin, typed):
    """Issue 18, finding 8: '٣' and '２' are not read as 3 and 2 (typed numbers are ASCII digits, domain/numbers.py)."""
    kb = Keyboard(qtbot, tab)
    kb.press(Qt.Key.Key_F3)
    tab.product_edit.setText(typed)  # as an input method gives it: QTest cannot type these keys
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return)
    assert [(ln.sku, ln.quantity) for ln in (tab.order.lines if tab.order else ())] in ([], [("LAMP-01", 1)])
    assert "LAMP-01" not in [ln.sku for d in shop.orders.open_drafts(admin) for ln in d.lines if ln.quantity > 1]
