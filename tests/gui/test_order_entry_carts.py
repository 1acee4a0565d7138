"""Order entry on a cart others may change too (issue 13): every change passes the version the screen showed, a
change from a stale view is refused and the screen shows the cart as it is with the changes marked, changes and
offers from another workstation show at once, confirming never confirms what was not seen, and the cart's
promotions, coupon, offers and shipping show under the lines."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from oms_desktop.gui.event_feed import EventFeed
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.order_entry import OrderEntryTab
from oms_desktop.gui.order_entry.cart_changes import adjustment_amount
from tests.helpers.money_text import shown


def money(value: Decimal) -> str:
    return shown(f"{value:.2f}")


@pytest.fixture
def shop(catalog, users, customer):
    catalog.promotions.put_shipping_method(users["manager"], "std", "Standard parcel", tiers="4.90")
    return catalog


@pytest.fixture
def tab(qtbot, shop, users):
    widget = OrderEntryTab(shop, users["agent"], JobRunner(synchronous=True))
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: widget.customer_edit.hasFocus() and widget.shipping_combo.count() == 2)
    confirmed = []
    widget.show_tracking = confirmed.append
    widget.confirmed_orders = confirmed
    return widget


@pytest.fixture
def feed(shop, users):
    """The agent's workstation's event feed, polled by the test (poll_now) instead of a thread."""
    return EventFeed(lambda after: shop.events.since(users["agent"], after), shop.events.last_id())


def _cart(qtbot, tab, customer, *codes: str) -> None:
    tab.set_customer(customer)
    for code in codes:
        qtbot.keyClicks(tab.product_edit, code)
        qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return)


def _marks(tab) -> dict[str, str]:
    return {tab.lines_model.line_at(r).sku: tab.lines_model.index(r, 0).data()
            for r in range(tab.lines_model.rowCount()) if tab.lines_model.index(r, 0).data(
                Qt.ItemDataRole.BackgroundRole) is not None}


def test_a_change_from_a_stale_view_is_refused_and_the_screen_shows_the_cart_as_it_is(qtbot, tab, shop, users,
                                                                                     customer):
    _cart(qtbot, tab, customer, "LAMP-01")
    seen = tab.order
    shop.orders.add_line(users["manager"], seen.id, "2*BULB-E27".split("*")[1], 2)  # elsewhere, no feed here
    tab.lines_model.setData(tab.lines_model.index(0, 3), "4")  # the agent changes the lamp's quantity
    assert "changed by manager" in tab.message_label.text() and "added 2 x BULB-E27" in tab.message_label.text()
    assert "Nothing of yours was saved" in tab.message_label.text()
    stored = shop.orders.get_order(users["agent"], seen.id)
    assert [(ln.sku, ln.quantity) for ln in stored.lines] == [("LAMP-01", 1), ("BULB-E27", 2)]
    assert tab.order == stored  # the screen shows the cart as it is
    assert _marks(tab) == {"BULB-E27": "2 new"}
    tab.lines_model.setData(tab.lines_model.index(0, 3), "4")  # again, now on what is shown
    assert [(ln.sku, ln.quantity) for ln in tab.order.lines] == [("LAMP-01", 4), ("BULB-E27", 2)]
    assert _marks(tab) == {}  # the agent's next change clears the marks


def test_changes_and_an_offer_from_another_workstation_show_at_once(qtbot, tab, shop, users, customer, feed):
    feed.events_arrived.connect(tab.on_events)
    _cart(qtbot, tab, customer, "2*LAMP-01", "BOOK-01")
    manager = users["manager"]
    shown_before = tab.order
    shop.orders.set_line_quantity(manager, shown_before.id, 1, 3)
    shop.orders.add_line(manager, shown_before.id, "BULB-E27", 1)
    feed.poll_now()
    qtbot.waitUntil(lambda: len(tab.order.lines) == 3)
    assert _marks(tab) == {"LAMP-01": "1 2 -> 3", "BULB-E27": "3 new"}
    assert tab.message_label.text() == f"manager changed {shown_before.number}: added 1 x BULB-E27 (marked)."
    before = tab.order.total
    offer = shop.carts.offer(manager, tab.order.id, percent="10", expected_version=tab.order.version)
    feed.poll_now()
    qtbot.waitUntil(tab.offer_banner.isVisible)
    after = offer.order.total
    assert tab.offer_banner.text() == (
        f"Offer from manager: 10 % off your order. Read to the caller: 'We can offer you 10 % off your order: "
        f"your total is now {money(after)} instead of {money(before)}.'")
    assert tab.order.total == after and money(after) in tab.totals_label.text()
    assert "10 % off your order" in tab.adjustments_label.text()
    assert "made the caller an offer" in tab.message_label.text()
    # the cart changes again while the offer stands: the banner's total stays true
    more = shop.orders.add_line(manager, tab.order.id, "BULB-E27", 2)
    feed.poll_now()
    qtbot.waitUntil(lambda: tab.order.version == more.version)
    assert tab.offer_banner.isVisible() and tab.offer_banner.text().endswith(
        f"10 % off your order: your total is {money(more.total)}.'")
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(tab.confirmed_orders) == 1 and tab.confirmed_orders[0].total == more.total
    assert not tab.offer_banner.isVisible()  # the next caller does not see it


def test_a_withdrawn_offer_leaves_the_screen(qtbot, tab, shop, users, customer, feed):
    feed.events_arrived.connect(tab.on_events)
    _cart(qtbot, tab, customer, "2*LAMP-01")
    offer = shop.carts.offer(users["manager"], tab.order.id, amount="2.00", expected_version=tab.order.version)
    feed.poll_now()
    qtbot.waitUntil(tab.offer_banner.isVisible)
    assert "Offer from manager: 2.00 EUR off your order." in tab.offer_banner.text()
    back = shop.carts.withdraw(users["manager"], tab.order.id, offer.incentive.id, expected_version=offer.order.version)
    feed.poll_now()
    qtbot.waitUntil(lambda: tab.order.version == back.version)
    assert not tab.offer_banner.isVisible() and tab.order.total == back.total


def test_the_agents_own_changes_are_not_marked_as_someone_elses(qtbot, tab, shop, users, customer, feed):
    feed.events_arrived.connect(tab.on_events)
    _cart(qtbot, tab, customer, "LAMP-01", "BOOK-01")
    calls = []
    get_order = shop.orders.get_order
    shop.orders.get_order = lambda *a, **k: (calls.append(a), get_order(*a, **k))[1]
    try:
        feed.poll_now()
    finally:
        shop.orders.get_order = get_order
    assert calls == [] and _marks(tab) == {}


def test_confirming_a_cart_whose_total_changed_since_it_was_shown_asks_again(qtbot, tab, shop, users, customer):
    _cart(qtbot, tab, customer, "2*LAMP-01")
    was = tab.order.total
    shop.promotions.add_promotion(users["manager"], "Lamp week", percent="10")  # no event reaches the cart
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tab.confirmed_orders == []
    now = shop.orders.get_order(users["agent"], tab.order.id)
    assert now.status == "draft" and now.total < was
    assert tab.order.total == now.total
    assert f"The total changed from {money(was)} to {money(now.total)}." in tab.message_label.text()
    assert "Ctrl+Enter confirms it as it is shown now" in tab.message_label.text()
    assert "Lamp week" in tab.adjustments_label.text()
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(tab.confirmed_orders) == 1 and tab.confirmed_orders[0].total == now.total


def test_coupon_and_shipping_under_the_lines_with_every_allowance_and_charge(qtbot, tab, shop, users, customer):
    manager = users["manager"]
    shop.promotions.create_coupon(manager, "SPRING10", percent="10")
    _cart(qtbot, tab, customer, "2*LAMP-01")
    assert tab.coupon_edit.isEnabled() and tab.shipping_combo.isEnabled()
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # Co&upon
    qtbot.waitUntil(tab.coupon_edit.hasFocus)
    qtbot.keyClicks(tab.coupon_edit, "nope")
    qtbot.keyClick(tab.coupon_edit, Qt.Key.Key_Return)
    assert tab.message_label.text() == "Coupon not applied: coupon NOPE does not exist"
    assert tab.order.coupon_code == "" and tab.coupon_edit.hasFocus()
    tab.coupon_edit.clear()
    qtbot.keyClicks(tab.coupon_edit, "spring10")
    qtbot.keyClick(tab.coupon_edit, Qt.Key.Key_Return)
    assert tab.order.coupon_code == "SPRING10" and tab.coupon_edit.text() == "SPRING10"
    assert tab.message_label.text() == f"Coupon SPRING10 applied: total {money(tab.order.total)}."
    tab.shipping_combo.setFocus()
    qtbot.keyClick(tab.shipping_combo, Qt.Key.Key_Down)  # none -> Standard parcel
    order = tab.order
    assert order.shipping_method == "std"
    assert sorted(a.kind for a in order.adjustments) == ["coupon", "shipping"]
    shown_text = tab.adjustments_label.text()
    for a in order.adjustments:
        assert a.label in shown_text and money(adjustment_amount(a)) in shown_text
    assert order.goods_total + sum(adjustment_amount(a) for a in order.adjustments) == order.total
    assert f"Goods {money(order.goods_total)}" in tab.totals_label.text()
    assert f"Total {money(order.total)}" in tab.totals_label.text()
    tab.coupon_edit.clear()
    qtbot.keyClick(tab.coupon_edit, Qt.Key.Key_Return)  # an empty field takes the coupon off
    assert tab.order.coupon_code == "" and [a.kind for a in tab.order.adjustments] == ["shipping"]


def test_coupon_and_shipping_wait_for_a_cart(qtbot, tab):
    assert not tab.coupon_edit.isEnabled() and not tab.shipping_combo.isEnabled()
    assert tab.adjustments_label.text() == ""


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # the service's SQL is tested on both elsewhere
def test_alt_d_sends_the_cart_to_an_address_the_customer_keeps_or_to_one_typed(qtbot, tab, shop, users, customer):
    kept = shop.customers.add_address(users["agent"], customer.id, "Office", "Acme GmbH\nIndustriestr. 9\n12099 Berlin")
    _cart(qtbot, tab, kept, "LAMP-01")
    assert tab.ship_to_label.text() == "to Hauptstr. 1, 10115 Berlin"  # the customer's own address to start with
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # &Deliver to...
    qtbot.waitUntil(lambda: getattr(tab, "ship_to_dialog", None) is not None and tab.ship_to_dialog.isVisible())
    dialog = tab.ship_to_dialog
    assert dialog.options.count() == 3  # the customer's, Office, another
    qtbot.keyClick(dialog.options, Qt.Key.Key_Down)  # Office
    qtbot.keyClick(dialog.options, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Industriestr. 9" in tab.order.ship_to)
    assert tab.ship_to_label.text() == "to Industriestr. 9, 12099 Berlin"
    assert tab.message_label.text().startswith("Deliver to: Anna Schmidt / Acme GmbH")

    tab.ship_to_dialog = None
    tab.activateWindow()  # the dialog was the active window
    qtbot.waitUntil(tab.isActiveWindow)
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.ship_to_dialog is not None and tab.ship_to_dialog.isVisible())
    dialog = tab.ship_to_dialog
    dialog.options.setCurrentRow(2)  # another address, typed
    dialog.text_edit.setPlainText("Gerda Schmidt\nRosenweg 3\n01067 Dresden")
    dialog.accept()
    qtbot.waitUntil(lambda: tab.order.ship_to.startswith("Gerda Schmidt"))
    assert tab.ship_to_label.text() == "to Rosenweg 3, 01067 Dresden"
    assert shop.orders.get_order(users["agent"], tab.order.number).ship_to == tab.order.ship_to


def test_the_agents_own_confirmation_is_not_reported_as_from_another_workstation(qtbot, tab, shop, users, customer,
                                                                                 feed):
    # issue 16, seen in a real window: while the tracking number was up after Ctrl+Enter, the feed brought the
    # agent's own order_confirmed (it names no "by") and the screen said, in red, that the order "was confirmed on
    # another workstation"
    feed.events_arrived.connect(tab.on_events)
    said_while_reading_out = []

    def tracking_dialog(order):  # the feed delivers while the tracking dialog is open
        tab.confirmed_orders.append(order)
        assert feed.poll_now()
        said_while_reading_out.append(tab.message_label.text())
    tab.show_tracking = tracking_dialog
    _cart(qtbot, tab, customer, "LAMP-01")
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(tab.confirmed_orders) == 1
    assert not any("another workstation" in text for text in said_while_reading_out), said_while_reading_out
    # a cart the manager confirms meanwhile still says so
    _cart(qtbot, tab, customer, "BOOK-01")
    order = tab.order
    shop.orders.confirm_order(users["manager"], order.id, expected_version=order.version)
    feed.poll_now()
    qtbot.waitUntil(lambda: "confirmed on another workstation" in tab.message_label.text())


def test_a_cart_opened_shows_its_own_channel_and_a_new_one_starts_on_the_default_again(qtbot, tab, shop, users,
                                                                                      customer):
    default = tab.channel_combo.currentData()
    other = next(tab.channel_combo.itemData(i) for i in range(tab.channel_combo.count())
                 if tab.channel_combo.itemData(i) != default)
    cart = shop.orders.create_draft(users["agent"], customer.id, other)
    tab.load_order(cart.id)
    qtbot.waitUntil(lambda: tab.order is not None and tab.order.id == cart.id)
    assert tab.channel_combo.currentData() == other
    tab.clear_order()
    assert tab.channel_combo.currentData() == default
