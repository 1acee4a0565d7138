"""The main window shell: sign-in, first run, status bar, and live activity from another workstation."""
from __future__ import annotations

from decimal import Decimal

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from oms_desktop.gui.event_feed import EventFeed
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.login import FirstRunDialog, LoginDialog
from oms_desktop.gui.main_window import MainWindow
from tests.helpers.money_text import shown


def test_wrong_password_shows_a_message_and_keeps_the_dialog_open(qtbot, sqlite_backend):
    services = sqlite_backend.services
    services.auth.add_user(None, "admin", "admin", "right-pw")
    dialog = LoginDialog(services, "SQLite test.db")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.ui.username_edit, "admin")
    qtbot.keyClicks(dialog.ui.password_edit, "wrong")
    dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.actor is None
    assert dialog.ui.error_label.isVisible()
    assert "wrong password" in dialog.ui.error_label.text()
    dialog.ui.password_edit.clear()
    qtbot.keyClicks(dialog.ui.password_edit, "right-pw")
    with qtbot.waitSignal(dialog.accepted):
        dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.actor.username == "admin"


def test_first_run_creates_the_first_administrator_and_company(qtbot, sqlite_backend):
    services = sqlite_backend.services
    dialog = FirstRunDialog(services)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.company_edit, "Acme Lamps")
    qtbot.keyClicks(dialog.ui.password_edit, "s3cret")
    qtbot.keyClicks(dialog.ui.password_repeat_edit, "other")
    dialog.accept()
    assert "differ" in dialog.ui.error_label.text()
    assert services.auth.needs_first_user()
    dialog.ui.password_repeat_edit.setText("s3cret")
    dialog.accept()  # the password policy (issue 19): at least 8 characters
    assert "at least 8 characters" in dialog.ui.error_label.text() and services.auth.needs_first_user()
    assert services.company.get().name != "Acme Lamps"  # nothing stored
    dialog.ui.password_edit.setText("s3cret-lamps")
    dialog.ui.password_repeat_edit.setText("s3cret-lamps")
    dialog.accept()
    assert dialog.actor is not None and dialog.actor.role == "admin"
    assert services.company.get().name == "Acme Lamps"
    assert not services.auth.needs_first_user()


def test_main_window_shows_seven_tabs_the_database_and_the_user(qtbot, services, admin):
    window = MainWindow(services, admin, database="SQLite demo.db", jobs=JobRunner(synchronous=True))
    qtbot.addWidget(window)
    tabs = [window.ui.tabs.tabText(i).replace("&", "") for i in range(window.ui.tabs.count())]
    assert tabs == ["Orders", "Inventory", "Warehouse", "Accounts", "Service desk", "Carts", "Dashboard"]
    assert "SQLite demo.db" in window.database_label.text()
    assert "admin" in window.user_label.text()


def test_an_order_placed_on_another_workstation_appears_without_refresh(qtbot, db_url, paths, catalog, admin,
                                                                        customer):
    services = catalog
    feed = EventFeed(lambda after: services.events.since(admin, after), services.events.last_id(), interval=0.05)
    window = MainWindow(services, admin, database="test", feed=feed, jobs=JobRunner(synchronous=True))
    qtbot.addWidget(window)
    feed.start()
    try:
        other = open_backend(db_url, paths=paths, hasher=fast_test_hasher(), migrate=False)  # a second workstation
        try:
            agent = other.services.auth.actor_for("admin")
            draft = other.services.orders.create_draft(agent, customer.id)
            other.services.orders.add_line(agent, draft.id, "LAMP-01", 2)
        finally:
            other.dispose()
        def texts() -> list[str]:
            return [window.activity_list.item(i).text() for i in range(window.activity_list.count())]
        # the cart's opening and its line are two changes (two events), each shown as it arrives
        qtbot.waitUntil(lambda: any("2 x LAMP-01" in t and draft.number in t for t in texts()), timeout=5000)
        assert any("Anna Schmidt's cart" in t for t in texts() if "2 x LAMP-01" in t), texts()
    finally:
        feed.stop()


def test_after_sign_in_the_keyboard_is_in_the_caller_field(qtbot, services, admin):
    window = MainWindow(services, admin, database="test", jobs=JobRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.order_entry.customer_edit.hasFocus(), timeout=3000)
    window.ui.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.focusWidget() is not None and
                    window.ui.tabs.currentWidget().isAncestorOf(window.focusWidget()), timeout=3000)


def test_the_activity_panel_prints_money_as_the_rest_of_the_screen_does():
    from datetime import datetime, timezone

    from oms_desktop.gui.format import money
    from oms_desktop.gui.main_window import describe_event
    from oms_desktop.services.dto import EventDTO

    def event(kind, **payload):
        return EventDTO(id=1, kind=kind, at=datetime.now(timezone.utc), username="anna", order_id=42,
                        product_id=None, payload=payload)
    confirmed = event("order_confirmed", total="1234.5", currency="EUR", tracking_number="7K3D-9XQ2-M4PA")
    assert shown("1234.50", "EUR", "de_DE") in describe_event(confirmed, "de_DE")
    assert money(Decimal("1234.50"), "EUR", "en_US") in describe_event(confirmed, "en_US")
    paid = describe_event(event("payment_received", amount="60.04", currency="EUR", method="card"), "en_US")
    assert paid == f"anna recorded {shown('60.04')} (card) for SO-000042"
    invoiced = describe_event(event("invoice_issued", number="INV-000007", total="93.97", currency="EUR"), "en_US")
    assert "INV-000007" in invoiced and shown('93.97') in invoiced
    broken = describe_event(event("order_confirmed", total="n/a", currency=None, tracking_number="X"), "en_US")
    assert "n/a" in broken  # a payload from an older version still prints, as it came


def test_the_carts_tab_is_for_those_who_take_orders_or_manage(qtbot, services, users):
    for role, has_it in (("agent", True), ("counter", True), ("manager", True), ("warehouse", False),
                         ("accountant", False)):
        window = MainWindow(services, users[role], database="test", jobs=JobRunner(synchronous=True))
        qtbot.addWidget(window)
        tabs = [window.ui.tabs.tabText(i) for i in range(window.ui.tabs.count())]
        assert ("Carts" in tabs) is has_it, (role, tabs)


def test_alt_c_still_confirms_on_the_orders_tab_and_alt_6_shows_the_carts(qtbot, catalog, admin):
    window = MainWindow(catalog, admin, database="test", jobs=JobRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    entry = window.order_entry
    confirmed = []
    entry.show_tracking = confirmed.append
    qtbot.keyClicks(entry.product_edit, "LAMP-01")
    qtbot.keyClick(entry.product_edit, Qt.Key.Key_Return)
    qtbot.keyClick(entry.product_edit, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # "&Confirm", not a tab
    qtbot.waitUntil(lambda: len(confirmed) == 1)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    assert window.current_tab() is window.carts
    qtbot.waitUntil(window.carts.view.hasFocus)  # the board has the keys: P, A, S, C work at once
    assert window.current_tab() is window.carts  # and F1 shows its keys


def test_cart_events_name_the_customer_and_the_carts_value():
    from datetime import datetime, timezone

    from oms_desktop.gui.main_window import describe_event
    from oms_desktop.services.dto import EventDTO

    def event(kind, user="anna", **payload):
        return EventDTO(id=1, kind=kind, at=datetime.now(timezone.utc), username=user, order_id=12,
                        product_id=3, payload=payload)
    facts = dict(customer="Anna Schmidt", currency="EUR", cart_version=4, by="anna")
    added = event("cart_item_added", sku="LAMP-01", name="Desk lamp", quantity=2, customer_id=1, agent="anna",
                  channel="phone", value="47.58", **facts)
    assert describe_event(added) == f"anna put 2 x LAMP-01 in Anna Schmidt's cart SO-000012 ({shown('47.58')})"
    removed = event("cart_item_removed", sku="BOOK-01", quantity=1, value="35.58", **facts)
    assert describe_event(removed) == (f"anna removed 1 x BOOK-01 from Anna Schmidt's cart SO-000012 "
                                       f"({shown('35.58')})")
    changed = event("cart_quantity_changed", sku="LAMP-01", old_quantity=2, quantity=3, value="71.37", **facts)
    assert describe_event(changed) == (f"anna changed LAMP-01 2 -> 3 in Anna Schmidt's cart SO-000012 "
                                       f"({shown('71.37')})")
    offered = event("cart_incentive_offered", user="manager", incentive_id=1, label="10 % off your order", note="",
                    text="...", value="107.04", **{**facts, "by": "manager"})
    assert describe_event(offered) == f"manager offered 10 % off on SO-000012 (Anna Schmidt, now {shown('107.04')})"
    coupon = event("cart_updated", change="coupon SPRING10", value="96.34", **facts)
    assert describe_event(coupon) == f"anna changed Anna Schmidt's cart SO-000012 ({shown('96.34')}): coupon SPRING10"
    # rows written before carts said who the customer is and what the cart is worth still read sensibly
    old = event("cart_item_added", sku="LAMP-01", name="Desk lamp", quantity=2, customer_id=None, agent="anna",
                channel="phone")
    assert describe_event(old) == "anna put 2 x LAMP-01 in cart SO-000012"
    old_offer = event("cart_incentive_offered", user="manager", incentive_id=1, label="Free shipping", note="",
                      text="")
    assert describe_event(old_offer) == "manager offered Free shipping on SO-000012"
    walk_in = event("cart_item_added", sku="LAMP-01", name="Desk lamp", quantity=1, customer_id=None, agent="anna",
                    channel="counter", value="23.79", **{**facts, "customer": ""})
    assert describe_event(walk_in) == f"anna put 1 x LAMP-01 in cart SO-000012 ({shown('23.79')})"


def test_the_main_window_fits_a_1366_pixel_laptop_screen_with_the_activity_panel(qtbot, services, admin):
    window = MainWindow(services, admin, database="test", jobs=JobRunner(synchronous=True))
    qtbot.addWidget(window)
    widest = max(range(window.ui.tabs.count()), key=lambda i: window.ui.tabs.widget(i).minimumSizeHint().width())
    assert window.minimumSizeHint().width() <= 1366, window.ui.tabs.tabText(widest)


def test_the_new_customer_form_keeps_the_main_window_within_a_768_pixel_laptop_screen(qtbot, services, admin):
    # issue 16: at 1,366 x 768 Ctrl+N made the window taller than the screen and the status bar dropped off it
    window = MainWindow(services, admin, database="test", jobs=JobRunner(synchronous=True))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    tabs = window.ui.tabs
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(window.order_entry)))
    before = window.minimumSizeHint().height()
    qtbot.wait(50)
    window.order_entry.start_new_customer()  # Ctrl+N
    qtbot.wait(50)  # the layouts take in the form
    assert window.order_entry.new_customer_box.isVisible()
    assert window.minimumSizeHint().height() <= 768, (before, window.minimumSizeHint().height())
    assert window.height() <= 768
    window.order_entry.escape()  # Esc
    qtbot.wait(50)
    assert not window.order_entry.new_customer_box.isVisible()
    assert window.order_entry.recent_orders.isVisible()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_each_role_starts_on_its_own_tab_and_the_counter_on_the_counter_channel(qtbot, services, users):
    started = {}
    for role in ("agent", "counter", "warehouse", "accountant", "manager", "admin"):
        window = MainWindow(services, users[role], database="test", jobs=JobRunner(synchronous=True))
        qtbot.addWidget(window)
        started[role] = window.ui.tabs.tabText(window.ui.tabs.currentIndex()).replace("&", "")
        if window.order_entry is not None:
            assert window.order_entry.channel_combo.currentText() == (
                "counter" if role == "counter" else services.company.get().default_channel)
    assert started == {"agent": "Orders", "counter": "Orders", "warehouse": "Warehouse", "accountant": "Accounts",
                       "manager": "Dashboard", "admin": "Orders"}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_file_sign_out_asks_the_app_to_let_someone_else_sign_in(qtbot, services, admin):
    window = MainWindow(services, admin, database="test", jobs=JobRunner(synchronous=True))
    qtbot.addWidget(window)
    assert window.sign_out_action in window.ui.file_menu.actions()
    assert window.sign_out_action.shortcut().toString() == "Ctrl+Shift+Q"
    with qtbot.waitSignal(window.sign_out_requested, timeout=1000):
        window.sign_out_action.trigger()
