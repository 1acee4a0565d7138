"""Carts (issue 13) on SQLite and PostgreSQL: one writer at a time, the open-carts board, incentives within each
role's limit, coupons refused naming why and changing nothing, promotions, shipping, and conversion."""
from __future__ import annotations

import json
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from sqlalchemy import text

from oms_desktop.domain.errors import CouponRefused, PermissionDenied, StaleCart, ValidationFailed
from oms_desktop.services.ports import utc_now


def _count(backend, sql: str) -> int:
    with backend.engine.connect() as c:
        return c.execute(text(sql)).scalar_one()


def _kinds(services, actor, order_id: int) -> list[str]:
    return [e.kind for e in services.events.since(actor, 0) if e.order_id == order_id]


@pytest.fixture
def shop(catalog, users):
    return catalog


# ---- one writer at a time ------------------------------------------------------------------------------------

def test_a_change_based_on_an_older_version_is_refused_naming_who_changed_the_cart(shop, backend, users, customer):
    agent, manager = users["agent"], users["manager"]
    cart = shop.orders.create_draft(agent, customer.id)
    seen = shop.orders.add_line(agent, cart.id, "LAMP-01", 1, expected_version=cart.version)
    theirs = shop.orders.add_line(manager, cart.id, "BULB-E27", 2, expected_version=seen.version)
    assert theirs.version == seen.version + 1 and theirs.last_change_by == "manager"
    before = _count(backend, "SELECT count(*) FROM order_lines")
    with pytest.raises(StaleCart) as refused:
        shop.orders.add_line(agent, cart.id, "BOOK-01", 1, expected_version=seen.version)
    assert "manager" in str(refused.value) and "added 2 x BULB-E27" in str(refused.value)
    assert refused.value.version == theirs.version
    assert _count(backend, "SELECT count(*) FROM order_lines") == before
    with pytest.raises(StaleCart):
        shop.orders.confirm_order(agent, cart.id, expected_version=seen.version)
    assert shop.orders.get_order(agent, cart.id).status == "draft"
    confirmed = shop.orders.confirm_order(agent, cart.id, expected_version=theirs.version)
    assert confirmed.status == "confirmed" and confirmed.total == theirs.total


def test_confirming_a_cart_whose_price_changed_since_it_was_shown_asks_again(shop, users, customer):
    agent, manager = users["agent"], users["manager"]
    cart = shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "LAMP-01", 2)
    shop.promotions.add_promotion(manager, "Lamp week", percent="10")  # starts after the agent's last look
    with pytest.raises(StaleCart) as asked:
        shop.orders.confirm_order(agent, cart.id, expected_version=cart.version)
    again = shop.orders.get_order(agent, cart.id)
    assert f"{cart.total} -> {again.total}" in str(asked.value)
    assert again.status == "draft" and again.total < cart.total
    assert [a.label for a in again.adjustments] == ["Lamp week"]
    done = shop.orders.confirm_order(agent, cart.id, expected_version=again.version)
    assert done.total == again.total


def test_every_change_of_a_cart_is_an_event_naming_customer_and_value(shop, users, customer):
    agent = users["agent"]
    cart = shop.orders.create_draft(agent, customer.id)
    cart = shop.orders.add_line(agent, cart.id, "LAMP-01", 2)
    cart = shop.orders.set_line_quantity(agent, cart.id, 1, 3)
    cart = shop.orders.add_line(agent, cart.id, "BOOK-01", 1)
    cart = shop.orders.remove_line(agent, cart.id, 2)
    assert _kinds(shop, agent, cart.id) == ["cart_opened", "cart_item_added", "cart_quantity_changed",
                                            "cart_item_added", "cart_item_removed"]
    changed = [e.event for e in shop.events.since(agent, 0) if e.kind == "cart_quantity_changed"][0]
    assert changed.customer == "Anna Schmidt" and (changed.old_quantity, changed.quantity) == (2, 3)
    net = Decimal("3") * Decimal("19.99")
    assert Decimal(changed.value) == net + (net * Decimal("0.19")).quantize(Decimal("0.01"), ROUND_HALF_UP)
    removed = [e.event for e in shop.events.since(agent, 0) if e.kind == "cart_item_removed"][0]
    assert (removed.sku, removed.quantity, Decimal(removed.value), removed.cart_version) == (
        "BOOK-01", 1, cart.total, cart.version)


# ---- the board -------------------------------------------------------------------------------------------------

def test_the_board_shows_open_carts_at_risk_first_then_by_value_and_an_agent_only_their_own(
        shop, backend, users, customer):
    agent, manager, counter = users["agent"], users["manager"], users["counter"]
    small = shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "BULB-E27", 1)
    big = shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "LAMP-01", 3)
    other = shop.orders.add_line(counter, shop.orders.create_draft(counter).id, "BOOK-01", 1)
    shop.orders.confirm_order(agent, shop.orders.add_line(
        agent, shop.orders.create_draft(agent).id, "BULB-E27", 1).id)  # confirmed: off the board
    with backend.engine.begin() as c:  # the small cart has been idle for an hour
        c.execute(text("UPDATE orders SET last_change_at = :t WHERE id = :id"),
                  {"t": utc_now() - timedelta(hours=1), "id": small.id})
    board = shop.carts.board(manager)
    assert [c.id for c in board.carts] == [small.id, big.id, other.id]
    assert [c.at_risk for c in board.carts] == [True, False, False]
    first = board.carts[0]
    assert (first.customer_name, first.agent, first.items, first.value) == ("Anna Schmidt", "agent", 1, small.total)
    assert first.idle_seconds >= 3600 and first.last_change == "added 1 x BULB-E27"
    assert (board.open_carts, board.at_risk, board.value) == (3, 1, small.total + big.total + other.total)
    assert [c.id for c in shop.carts.board(manager, at_risk_only=True).carts] == [small.id]
    assert [c.id for c in shop.carts.board(agent).carts] == [small.id, big.id]
    with pytest.raises(PermissionDenied):
        shop.carts.board(agent, mine=False)


# ---- incentives ------------------------------------------------------------------------------------------------

def test_a_manager_offers_ten_percent_and_the_cart_shows_it_with_who_and_why(shop, backend, users, customer):
    agent, manager = users["agent"], users["manager"]
    cart = shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "LAMP-01", 5)
    offer = shop.carts.offer(manager, cart.id, percent="10", note="hesitating over the price")
    order = offer.order
    assert order.net == cart.net - (cart.net / 10).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert [(a.kind, a.label) for a in order.adjustments] == [("incentive", "10 % off your order")]
    (standing,) = order.incentives
    assert (standing.offered_by, standing.note) == ("manager", "hesitating over the price")
    assert str(order.total) in offer.incentive.text
    offered = [e.event for e in shop.events.since(agent, 0) if e.kind == "cart_incentive_offered"]
    assert offered[0].label == "10 % off your order" and offered[0].by == "manager"
    with backend.engine.connect() as c:
        audit = c.execute(text("SELECT new_values FROM audit_log WHERE action = 'cart.offer'")).scalar_one()
    assert json.loads(audit)["note"] == "hesitating over the price"
    confirmed = shop.orders.confirm_order(agent, cart.id, expected_version=order.version)
    assert confirmed.total == order.total and confirmed.adjustments == order.adjustments


def test_an_agent_cannot_offer_more_than_the_agent_limit_and_nothing_is_stored(shop, backend, users, customer):
    agent = users["agent"]
    cart = shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "LAMP-01", 5)
    with pytest.raises(PermissionDenied) as refused:
        shop.carts.offer(agent, cart.id, percent="10")
    assert "at most 5 %" in str(refused.value)
    with pytest.raises(PermissionDenied):  # two small offers cannot add up to a large one
        shop.carts.offer(agent, cart.id, percent="4")
        shop.carts.offer(agent, cart.id, percent="4")
    assert _count(backend, "SELECT count(*) FROM cart_incentives") == 1
    assert shop.orders.get_order(agent, cart.id).version == cart.version + 1


@pytest.mark.parametrize("kwargs, problem", [
    ({"percent": "150"}, "percent"), ({"percent": "-5"}, "percent"), ({"amount": "1.234"}, "amount"),
    ({}, "exactly one"), ({"percent": "5", "amount": "1"}, "exactly one")])
def test_a_bad_offer_is_refused_naming_the_field(shop, backend, users, customer, kwargs, problem):
    cart = shop.orders.add_line(users["agent"], shop.orders.create_draft(users["agent"], customer.id).id,
                                "LAMP-01", 5)
    with pytest.raises(ValidationFailed) as refused:
        shop.carts.offer(users["manager"], cart.id, **kwargs)
    assert problem in str(refused.value)
    assert _count(backend, "SELECT count(*) FROM cart_incentives") == 0


def test_a_coupon_for_the_next_order_belongs_to_the_customer_and_leaves_this_price(shop, users, customer):
    agent, manager = users["agent"], users["manager"]
    cart = shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "LAMP-01", 1)
    offer = shop.carts.offer(manager, cart.id, amount="5", next_order=True)
    assert offer.order.total == cart.total and offer.coupon_code.startswith("THANKS-")
    shop.orders.confirm_order(agent, cart.id)
    with pytest.raises(CouponRefused, match="another customer"):
        shop.orders.place_order(agent, None, [("BULB-E27", 1)], coupon=offer.coupon_code)
    nxt = shop.orders.place_order(agent, customer.id, [("LAMP-01", 1)], coupon=offer.coupon_code.lower())
    assert nxt.net == cart.net - Decimal("5.00")  # prices exclude tax here: so does the amount off


# ---- coupons ---------------------------------------------------------------------------------------------------

def test_a_coupon_is_found_in_any_case_and_spacing_and_used_up_after_its_uses(shop, backend, users, customer):
    agent, manager = users["agent"], users["manager"]
    shop.promotions.create_coupon(manager, "SPRING10", percent="10", uses="2")
    first = shop.orders.place_order(agent, customer.id, [("LAMP-01", 1)], coupon="  spring 10 ")
    assert [a.label for a in first.adjustments] == ["Coupon SPRING10"] and first.coupon_code == "SPRING10"
    shop.orders.place_order(agent, customer.id, [("LAMP-01", 1)], coupon="spring10")
    orders = _count(backend, "SELECT count(*) FROM orders")
    with pytest.raises(CouponRefused, match="used up"):
        shop.orders.place_order(agent, customer.id, [("LAMP-01", 1)], coupon="SPRING10")
    assert _count(backend, "SELECT count(*) FROM orders") == orders
    assert _count(backend, "SELECT uses FROM coupons") == 2


@pytest.mark.parametrize("coupon_args, why", [
    ({"code": "OLD", "amount": "5", "min_total": "10", "expires": "2020-01-31"}, "expired on 2020-01-31"),
    ({"code": "BIG", "amount": "5", "min_total": "100"}, "at least 100"),
])
def test_a_refused_coupon_names_why_and_writes_nothing(shop, backend, users, customer, coupon_args, why):
    shop.promotions.create_coupon(users["manager"], **coupon_args)
    before = [_count(backend, f"SELECT count(*) FROM {t}") for t in ("orders", "stock_moves", "events")]
    with pytest.raises(CouponRefused, match=why):
        shop.orders.place_order(users["agent"], customer.id, [("LAMP-01", 1)], coupon=coupon_args["code"])
    with pytest.raises(CouponRefused, match="does not exist"):
        shop.orders.place_order(users["agent"], customer.id, [("LAMP-01", 1)], coupon="NOPE")
    assert [_count(backend, f"SELECT count(*) FROM {t}") for t in ("orders", "stock_moves", "events")] == before


# ---- promotions and shipping -----------------------------------------------------------------------------------

def test_shipping_is_a_charge_and_free_shipping_takes_it_off_again(shop, users, customer):
    manager, agent = users["manager"], users["agent"]
    shop.promotions.put_shipping_method(manager, "std", "Standard parcel", basis="value", tiers="0:4.90 50:0",
                                        tax_rate="19%")
    cheap = shop.orders.place_order(agent, customer.id, [("BULB-E27", 1)], shipping="std")
    assert [(a.kind, a.amount) for a in cheap.adjustments] == [("shipping", Decimal("4.90"))]
    dear = shop.orders.place_order(agent, customer.id, [("LAMP-01", 3)], shipping="std")
    assert dear.adjustments == ()  # free from 50.00 of goods
    shop.promotions.create_coupon(manager, "SHIPFREE", free_shipping=True)
    free = shop.orders.place_order(agent, customer.id, [("BULB-E27", 1)], shipping="std", coupon="shipfree")
    assert sum(a.amount for a in free.adjustments) == 0 and len(free.adjustments) == 2
    assert free.total == free.goods_total


def test_promotion_precedence_exclusive_wins_and_ended_ones_stop(shop, users, customer):
    manager, agent = users["manager"], users["agent"]
    shop.promotions.add_promotion(manager, "Five off", amount="5", min_total="20")
    shop.promotions.add_promotion(manager, "Books", percent="50", categories=["Books"])
    both = shop.orders.place_order(agent, customer.id, [("LAMP-01", 1), ("BOOK-01", 1)])
    assert {a.label for a in both.adjustments} == {"Five off", "Books"}
    shop.promotions.add_promotion(manager, "Only this", percent="20", exclusive=True, priority=9)
    only = shop.orders.place_order(agent, customer.id, [("LAMP-01", 1), ("BOOK-01", 1)])
    assert {a.label for a in only.adjustments} == {"Only this"}
    shop.promotions.end_promotion(manager, "only this")
    after = shop.orders.place_order(agent, customer.id, [("LAMP-01", 1), ("BOOK-01", 1)])
    assert {a.label for a in after.adjustments} == {"Five off", "Books"}


@pytest.mark.parametrize("kwargs, field", [
    ({"percent": "101"}, "percent"), ({"amount": "0.001"}, "amount"), ({"percent": "5", "starts": "2026-02-30"},
                                                                       "from"),
    ({"amount": "30", "min_total": "10"}, "negative"), ({"percent": "5", "starts": "2026-05-01",
                                                         "ends": "2026-04-01"}, "until")])
def test_a_bad_promotion_is_refused_naming_the_field_and_nothing_is_stored(shop, backend, users, kwargs, field):
    with pytest.raises(ValidationFailed) as refused:
        shop.promotions.add_promotion(users["manager"], "Bad", **kwargs)
    assert field in str(refused.value)
    assert _count(backend, "SELECT count(*) FROM promotions") == 0


# ---- conversion ------------------------------------------------------------------------------------------------

def test_conversion_counts_carts_confirmed_abandoned_and_what_incentives_cost(shop, backend, users, customer):
    agent, manager = users["agent"], users["manager"]
    kept = shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "LAMP-01", 5)
    shop.carts.offer(manager, kept.id, amount="10")
    shop.orders.confirm_order(agent, kept.id)
    plain = shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "BULB-E27", 1)
    shop.orders.confirm_order(agent, plain.id)
    gone = shop.orders.add_line(agent, shop.orders.create_draft(agent).id, "BOOK-01", 1)
    shop.orders.add_line(agent, shop.orders.create_draft(agent).id, "BOOK-01", 1)  # still open
    shop.orders.place_order(agent, customer.id, [("LAMP-01", 1)])  # never a cart: not counted
    with backend.engine.begin() as c:
        c.execute(text("UPDATE orders SET last_change_at = :t WHERE id = :id"),
                  {"t": utc_now() - timedelta(days=2), "id": gone.id})
    rep = shop.carts.conversion(manager, by="incentive")
    assert (rep.total.created, rep.total.confirmed, rep.total.abandoned, rep.total.still_open) == (4, 2, 1, 1)
    rows = {r.key: r for r in rep.rows}
    assert (rows["with incentive"].confirmed, rows["with incentive"].incentive_cost) == (1, Decimal("10.00"))
    assert rows["without"].incentive_cost == 0 and rows["without"].created == 3
    assert rep.total.rate == Decimal("0.5")
    with pytest.raises(PermissionDenied):
        shop.carts.conversion(agent)


def test_a_coupon_offered_on_a_cart_prices_it_and_withdrawing_the_offer_takes_it_off(shop, users, customer):
    agent, manager = users["agent"], users["manager"]
    shop.promotions.create_coupon(manager, "SORRY10", percent="10")
    cart = shop.orders.add_line(agent, shop.orders.create_draft(agent, customer.id).id, "LAMP-01", 2)
    offered = shop.carts.offer(agent, cart.id, coupon=" sorry10 ", note="late delivery last time")
    assert offered.order.coupon_code == "SORRY10"
    assert [(a.kind, a.label) for a in offered.order.adjustments] == [("coupon", "Coupon SORRY10")]
    assert offered.order.total < cart.total
    back = shop.carts.withdraw(manager, cart.id, offered.incentive.id)
    assert (back.coupon_code, back.adjustments, back.total, back.incentives) == ("", (), cart.total, ())
