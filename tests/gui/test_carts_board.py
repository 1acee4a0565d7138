"""The open-carts board (issue 13): at-risk carts first and marked, an agent's own carts only, live updates from the
event feed, a ticking idle column, and incentives offered with a counted handful of keys."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import text

from oms_desktop.gui.carts import CartsTab
from oms_desktop.gui import theme
from oms_desktop.gui.carts.board_model import AT_RISK_MARK, AT_RISK_BACKGROUND, IDLE, LAST, RISK, VALUE
from oms_desktop.gui.event_feed import EventFeed
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.services.ports import utc_now
from tests.helpers.money_text import shown


class Keyboard:
    """Presses keys where the keyboard is (the board, or the offer dialog while it is open) and counts them."""

    def __init__(self, qtbot, tab: CartsTab):
        self.qtbot, self.tab, self.presses = qtbot, tab, 0

    def _target(self) -> QWidget:
        dialog = self.tab.offer_dialog
        if dialog is not None and dialog.isVisible():
            return dialog.focusWidget() or dialog
        return self.tab.focusWidget() or self.tab.view

    def type(self, keys: str) -> None:
        for ch in keys:
            self.qtbot.keyClick(self._target(), ch)
            self.presses += 1

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self._target(), key, modifier)
        self.presses += 1


@pytest.fixture
def shop(catalog, users, customer):
    catalog.customers.add_customer(users["admin"], "Bruno Weber", ["030 1234567"], "", "", "")
    return catalog


def _idle_since(backend, order_id: int, minutes: int) -> None:
    """The cart's last change ``minutes`` ago (a test's shortcut for waiting that long)."""
    with backend.engine.begin() as c:
        c.execute(text("UPDATE orders SET last_change_at = :at WHERE id = :id"),
                  {"at": utc_now() - timedelta(minutes=minutes), "id": order_id})


def _board(qtbot, services, actor) -> CartsTab:
    tab = CartsTab(services, actor, JobRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(lambda: tab.board is not None and tab.isActiveWindow())
    tab.view.setFocus()
    return tab


def _cells(tab: CartsTab, row: int) -> list[str]:
    return [tab.model.index(row, c).data() for c in range(tab.model.columnCount())]


def test_carts_at_risk_come_first_highlighted_and_marked_in_words(qtbot, shop, backend, users, customer):
    agent = users["agent"]
    big = shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "LAMP-01", 3)
    small = shop.orders.add_line(agent, shop.orders.create_draft(agent, None).id, "BULB-E27", 1)
    _idle_since(backend, small.id, 20)
    tab = _board(qtbot, shop, users["manager"])
    assert [tab.model.cart_at(r).number for r in range(tab.model.rowCount())] == [small.number, big.number]
    risky, calm = _cells(tab, 0), _cells(tab, 1)
    assert risky[RISK] == AT_RISK_MARK and calm[RISK] == ""
    assert tab.model.index(0, VALUE).data(Qt.ItemDataRole.BackgroundRole) == theme.brush(AT_RISK_BACKGROUND)
    assert tab.model.index(1, VALUE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert calm[1:7] == [big.number, "Anna Schmidt", "agent", "phone", "3", shown(f"{big.total:.2f}")]
    assert risky[2] == "(no customer)"
    assert calm[LAST] == "added 3 x LAMP-01 by agent"
    assert risky[IDLE].startswith("20:")
    worth = shown(f"{big.total + small.total:.2f}")
    assert tab.summary_label.text() == f"2 open carts worth {worth}, 1 at risk (idle over 15 min)"
    qtbot.keyClick(tab.view, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # At risk only
    qtbot.waitUntil(tab.at_risk_check.isChecked)  # a mnemonic clicks after a short animation
    assert [tab.model.cart_at(r).number for r in range(tab.model.rowCount())] == [small.number]


def test_the_idle_column_ticks_without_asking_the_database(qtbot, shop, users, customer):
    agent = users["agent"]
    shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "LAMP-01", 1)
    tab = _board(qtbot, shop, users["manager"])
    now = [1000.0]
    tab.model.clock = lambda: now[0]
    tab.model.set_board(tab.board)
    calls = []
    board = shop.carts.board
    shop.carts.board = lambda *a, **k: (calls.append(1), board(*a, **k))[1]
    try:
        first = tab.model.index(0, IDLE).data()
        now[0] += 75
        with qtbot.waitSignal(tab.model.dataChanged, timeout=3000):  # the one-second tick
            pass
        later = tab.model.index(0, IDLE).data()
        assert first != later and later.startswith("1:1"), (first, later)
        now[0] += 16 * 60  # past the company's 15 idle minutes: marked at risk before the next fetch
        assert tab.model.index(0, RISK).data() == AT_RISK_MARK
        assert calls == []
    finally:
        shop.carts.board = board


def test_an_agent_sees_only_their_own_carts(qtbot, shop, users, customer):
    mine = shop.orders.add_line(users["agent"], shop.orders.create_draft(users["agent"], customer.id).id,
                                "LAMP-01", 1)
    shop.orders.add_line(users["counter"], shop.orders.create_draft(users["counter"], None).id, "BOOK-01", 2)
    tab = _board(qtbot, shop, users["agent"])
    assert [tab.model.cart_at(r).number for r in range(tab.model.rowCount())] == [mine.number]
    assert tab.summary_label.text().startswith(f"Your 1 open cart worth {shown(f'{mine.total:.2f}')}, 0 at risk")
    manager = _board(qtbot, shop, users["manager"])
    assert manager.model.rowCount() == 2


def test_a_change_on_another_workstation_shows_on_the_board_without_a_key(qtbot, shop, users, customer):
    agent, manager = users["agent"], users["manager"]
    tab = _board(qtbot, shop, manager)
    assert tab.model.rowCount() == 0
    feed = EventFeed(lambda after: shop.events.since(manager, after), shop.events.last_id())
    feed.events_arrived.connect(tab.on_events)
    cart = shop.orders.create_draft(agent, customer.id)
    shop.orders.add_line(agent, cart.id, "LAMP-01", 2)
    feed.poll_now()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert _cells(tab, 0)[LAST] == "added 2 x LAMP-01 by agent"
    shop.orders.confirm_order(agent, cart.id)
    feed.poll_now()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert tab.summary_label.text().startswith("0 open carts")


def test_percent_off_takes_two_keys_from_a_selected_cart_and_the_board_says_before_and_after(qtbot, shop, users,
                                                                                            customer):
    agent, manager = users["agent"], users["manager"]
    cart = shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "LAMP-01", 5)
    tab = _board(qtbot, shop, manager)
    kb = Keyboard(qtbot, tab)
    kb.press(Qt.Key.Key_P)
    assert tab.offer_dialog is not None and tab.offer_dialog.value_edit.text() == "5"
    kb.press(Qt.Key.Key_Return)
    assert kb.presses == 2
    after = shop.orders.get_order(manager, cart.id)
    assert [i.label for i in after.incentives] == ["5 % off your order"]
    assert after.total < cart.total
    assert tab.message_label.text() == (f"Offered 5 % off your order on {cart.number} (Anna Schmidt): total "
                                        f"{shown(f'{cart.total:.2f}')} -> {shown(f'{after.total:.2f}')}.")
    assert _cells(tab, 0)[8] == "1"  # the offers column
    # the percent offered last is the next default; typing replaces it: P 1 0 Enter
    kb.presses = 0
    kb.press(Qt.Key.Key_P)
    assert tab.offer_dialog.value_edit.text() == "5" and tab.offer_dialog.value_edit.selectedText() == "5"
    kb.type("10")
    kb.press(Qt.Key.Key_Return)
    assert kb.presses == 4
    assert [i.label for i in shop.orders.get_order(manager, cart.id).incentives] == ["5 % off your order",
                                                                                    "10 % off your order"]


def test_an_offer_over_the_agents_limit_is_refused_in_the_dialog_and_changes_nothing(qtbot, shop, users,
                                                                                    customer):
    agent = users["agent"]
    cart = shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "LAMP-01", 5)
    tab = _board(qtbot, shop, agent)
    kb = Keyboard(qtbot, tab)
    kb.press(Qt.Key.Key_P)
    kb.type("10")
    kb.press(Qt.Key.Key_Return)
    dialog = tab.offer_dialog
    assert dialog.isVisible()
    assert "agent (agent) may offer at most 5 % of this cart" in dialog.error_label.text()
    assert shop.orders.get_order(agent, cart.id).version == cart.version
    kb.press(Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert tab.focusWidget() is tab.view


def test_an_offer_on_a_cart_changed_since_the_board_showed_it_is_refused_naming_the_change(qtbot, shop, users,
                                                                                          customer):
    agent, manager = users["agent"], users["manager"]
    cart = shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "LAMP-01", 2)
    tab = _board(qtbot, shop, manager)
    kb = Keyboard(qtbot, tab)
    kb.press(Qt.Key.Key_A)
    kb.type("3")
    changed = shop.orders.add_line(agent, cart.id, "BOOK-01", 1)  # the agent, meanwhile
    kb.press(Qt.Key.Key_Return)
    dialog = tab.offer_dialog
    assert dialog.isVisible() and "changed by agent" in dialog.error_label.text()
    assert "added 1 x BOOK-01" in dialog.error_label.text()
    assert shop.orders.get_order(manager, cart.id).incentives == ()
    assert tab.model.cart_at(0).items == 3  # the board fetched the cart as it is now
    kb.press(Qt.Key.Key_Return)  # read the change, offer on the cart as it is
    now = shop.orders.get_order(manager, cart.id)
    assert [i.label for i in now.incentives] == ["3.00 EUR off your order"]
    assert now.total < changed.total and now.version == changed.version + 1


def test_free_shipping_and_a_coupon_from_the_board(qtbot, shop, users, customer):
    agent, manager = users["agent"], users["manager"]
    shop.promotions.put_shipping_method(manager, "std", "Standard parcel", tiers="4.90")
    shop.promotions.create_coupon(manager, "SPRING10", percent="10")
    cart = shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "LAMP-01", 2)
    cart = shop.carts.set_shipping(agent, cart.id, "std", expected_version=cart.version)
    tab = _board(qtbot, shop, manager)
    kb = Keyboard(qtbot, tab)
    kb.press(Qt.Key.Key_S)
    kb.press(Qt.Key.Key_Return)
    assert kb.presses == 2, tab.offer_dialog.error_label.text()
    assert [i.label for i in shop.orders.get_order(manager, cart.id).incentives] == ["Free shipping"], \
        (tab.offer_dialog.error_label.text(), tab.message_label.text())
    kb.press(Qt.Key.Key_C)
    kb.type("NOPE")
    kb.press(Qt.Key.Key_Return)
    assert "coupon NOPE does not exist" in tab.offer_dialog.error_label.text()
    tab.offer_dialog.value_edit.clear()
    kb.type("spring10")
    kb.press(Qt.Key.Key_Return)
    assert shop.orders.get_order(manager, cart.id).coupon_code == "SPRING10"
    assert "Coupon SPRING10" in tab.message_label.text()


def test_board_model_passes_the_model_tester(qtmodeltester, qtbot, shop, users, customer):
    agent = users["agent"]
    shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "LAMP-01", 1)
    tab = _board(qtbot, shop, users["manager"])
    qtmodeltester.check(tab.model)
