"""Amending confirmed orders and backorders taken at entry, on SQLite and PostgreSQL: the reservation follows in the
same transaction and agrees with the stock moves; backorders are reserved first in, first out when goods arrive."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import text

from oms_desktop.domain.errors import (BusinessRuleViolation, InvalidTransition, OutOfStock, PermissionDenied,
                                       StaleCart, ValidationFailed)


def _stock(services, actor, sku: str) -> tuple[int, int]:
    p = services.catalog.get_product(actor, sku)
    return p.on_hand, p.reserved


def _held_by_moves(backend, order_id: int) -> dict[str, int]:
    """What the stock moves say the order holds, per SKU (reserve minus release minus ship)."""
    with backend.engine.connect() as c:
        rows = c.execute(text("SELECT p.sku, sum(m.reserved_delta) FROM stock_moves m JOIN products p "
                              "ON p.id = m.product_id WHERE m.order_id = :o GROUP BY p.sku"), {"o": order_id}).all()
    return {sku: int(q) for sku, q in rows if q}


def _waiting(backend, order_id: int) -> dict[str, int]:
    with backend.engine.connect() as c:
        rows = c.execute(text("SELECT sku, quantity FROM backorders WHERE order_id = :o AND status = 'waiting'"),
                         {"o": order_id}).all()
    return {sku: q for sku, q in rows if q}


def _checks_clean(services, admin) -> None:
    assert {r.name: list(r.problems) for r in services.checks.run(admin) if r.problems} == {}


@pytest.fixture
def agent(users):
    return users["agent"]


def test_amending_reserves_and_releases_exactly_what_changed(backend, services, catalog, customer, agent, admin):
    order = services.orders.place_order(agent, customer.id, [("LAMP-01", 3), ("BOOK-01", 2)])
    amended = services.orders.amend_order(agent, order.number,
                                          set_lines={"LAMP-01": 5, "BOOK-01": 0, "BULB-E27": 4})
    assert {ln.sku: ln.quantity for ln in amended.lines} == {"LAMP-01": 5, "BULB-E27": 4}
    assert amended.status == "confirmed"
    assert _stock(services, agent, "LAMP-01") == (10, 5)
    assert _stock(services, agent, "BOOK-01") == (5, 0)
    assert _stock(services, agent, "BULB-E27") == (100, 4)
    assert _held_by_moves(backend, order.id) == {"LAMP-01": 5, "BULB-E27": 4}
    down = services.orders.amend_order(agent, order.id, set_lines={"LAMP-01": 1})
    assert _stock(services, agent, "LAMP-01") == (10, 1)
    assert _held_by_moves(backend, order.id) == {"LAMP-01": 1, "BULB-E27": 4}
    assert down.total < amended.total
    assert "amended" in down.history[-1].note and "LAMP-01 5 -> 1" in down.history[-1].note
    with backend.engine.connect() as c:
        kinds = [json.loads(p) for (p,) in c.execute(text(
            "SELECT payload FROM events WHERE kind = 'order_amended' ORDER BY id"))]
        audit = c.execute(text("SELECT old_values, new_values FROM audit_log WHERE action = 'order.amend' "
                               "ORDER BY id")).all()
    assert [(e["old"], e["new"]) for e in kinds] == [
        ({"BOOK-01": 2, "LAMP-01": 3}, {"BULB-E27": 4, "LAMP-01": 5}),
        ({"BULB-E27": 4, "LAMP-01": 5}, {"BULB-E27": 4, "LAMP-01": 1})]
    assert kinds[1]["released"] == {"LAMP-01": 4}
    assert "BOOK-01" in json.loads(audit[0][0])["lines"] and "BOOK-01" not in json.loads(audit[0][1])["lines"]
    assert services.inventory.invariant_violations() == []
    _checks_clean(services, admin)  # stock, sales facts, open accounts, ledger


def test_a_shortage_refuses_the_whole_amendment_naming_what_is_available(backend, services, catalog, agent):
    order = services.orders.place_order(agent, None, [("LAMP-01", 3)])
    with pytest.raises(OutOfStock) as e:
        services.orders.amend_order(agent, order.id, set_lines={"LAMP-01": 12, "BOOK-01": 9, "BULB-E27": 1})
    assert [(s.sku, s.available) for s in e.value.shortages] == [("BOOK-01", 5), ("LAMP-01", 7)]
    assert _stock(services, agent, "LAMP-01") == (10, 3) and _stock(services, agent, "BULB-E27") == (100, 0)
    assert {ln.sku: ln.quantity for ln in services.orders.get_order(agent, order.id).lines} == {"LAMP-01": 3}


def test_amending_with_backorder_reserves_what_is_there_and_lets_the_rest_wait(backend, services, catalog, agent):
    order = services.orders.place_order(agent, None, [("BOOK-01", 2)])
    amended = services.orders.amend_order(agent, order.id, set_lines={"BOOK-01": 8}, allow_backorder=True)
    assert amended.backordered == (("BOOK-01", 3),)
    assert _stock(services, agent, "BOOK-01") == (5, 5)
    assert _waiting(backend, order.id) == {"BOOK-01": 3}
    services.orders.amend_order(agent, order.id, set_lines={"BOOK-01": 4})  # the waiting units go first
    assert _waiting(backend, order.id) == {} and _stock(services, agent, "BOOK-01") == (5, 4)
    assert _held_by_moves(backend, order.id) == {"BOOK-01": 4}


def test_once_picking_started_an_amendment_is_refused_naming_the_pick_list(services, catalog, agent, users):
    order = services.orders.place_order(agent, None, [("LAMP-01", 1)])
    pl = services.picking.create_pick_list(users["warehouse"], [order.id])
    with pytest.raises(InvalidTransition, match=rf"on pick list {pl.number}.*Cancel the order and place a new one"):
        services.orders.amend_order(agent, order.id, set_lines={"LAMP-01": 2})
    services.picking.confirm_picks(users["warehouse"], pl.number)
    services.shipping.pack_order(users["warehouse"], order.id, carrier="DHL", carrier_ref="X1", weight_kg="1")
    services.shipping.ship_order(users["warehouse"], order.id)
    with pytest.raises(InvalidTransition, match="is shipped and can no longer be amended"):
        services.orders.amend_order(agent, order.id, set_lines={"LAMP-01": 2})


def test_bad_amendments_list_every_problem_and_change_nothing(services, catalog, agent):
    order = services.orders.place_order(agent, None, [("LAMP-01", 1)])
    with pytest.raises(ValidationFailed) as e:
        services.orders.amend_order(agent, order.id, set_lines={"LAMP-01": -1, "BOOK-01": "x"},
                                    prices={"LAMP-01": "abc"})
    assert len(e.value.problems) == 3
    assert "quantity for LAMP-01 must be at least 0" in str(e.value)
    with pytest.raises(ValidationFailed, match="BOOK-01 is not on SO-[0-9]+; NOPE-1 is not a known SKU"):
        services.orders.amend_order(agent, order.id, set_lines={"NOPE-1": 1, "BOOK-01": 0})
    with pytest.raises(ValidationFailed, match="no lines left; cancel it instead"):
        services.orders.amend_order(agent, order.id, set_lines={"LAMP-01": 0})
    with pytest.raises(PermissionDenied, match="LAMP-01 at 9.99"):
        services.orders.amend_order(agent, order.id, prices={"LAMP-01": "9.99"})
    assert services.orders.get_order(agent, order.id).total == order.total
    assert _stock(services, agent, "LAMP-01") == (10, 1)


def test_a_manager_may_change_a_price_and_the_sales_facts_follow(services, catalog, users, admin):
    order = services.orders.place_order(users["agent"], None, [("LAMP-01", 2)])
    amended = services.orders.amend_order(users["manager"], order.id, prices={"LAMP-01": "10.00"})
    assert amended.lines[0].unit_price == Decimal("10.00")
    assert amended.total < order.total
    _checks_clean(services, admin)


def test_an_invoiced_order_is_not_amended(services, catalog, admin):
    order = services.orders.place_order(admin, None, [("LAMP-01", 1)])
    services.billing.issue_invoice(admin, order.id, what="all", render=False)
    with pytest.raises(BusinessRuleViolation, match="invoiced already"):
        services.orders.amend_order(admin, order.id, set_lines={"LAMP-01": 2})


# ---- backorders at entry -------------------------------------------------------------------------------------
def test_an_order_beyond_the_stock_reserves_what_is_there_and_waits_for_the_rest(backend, services, catalog, agent,
                                                                                 users):
    order = services.orders.place_order(agent, None, [("BOOK-01", 7), ("LAMP-01", 1)], allow_backorder=True)
    assert order.backordered == (("BOOK-01", 2),)
    assert _stock(services, agent, "BOOK-01") == (5, 5)
    assert _held_by_moves(backend, order.id) == {"BOOK-01": 5, "LAMP-01": 1}
    queue = {i.order_id: i for i in services.picking.queue(users["warehouse"])}
    assert (queue[order.id].stage, queue[order.id].waiting_units) == ("awaiting stock", 2)
    with pytest.raises(ValidationFailed, match="waits for goods"):
        services.picking.create_pick_list(users["warehouse"], [order.id])
    with pytest.raises(BusinessRuleViolation, match="No order is waiting to be picked"):
        services.picking.create_pick_list(users["warehouse"], next_n=5)
    cancelled = services.orders.cancel_order(agent, order.id)
    assert cancelled.status == "cancelled"
    assert _stock(services, agent, "BOOK-01") == (5, 0) and _held_by_moves(backend, order.id) == {}
    assert _waiting(backend, order.id) == {}


def test_an_order_that_needs_no_backorder_has_none(backend, services, catalog, agent):
    order = services.orders.place_order(agent, None, [("BOOK-01", 5)], allow_backorder=True)
    assert order.backordered == () and _waiting(backend, order.id) == {}
    with pytest.raises(ValidationFailed, match="at least 1"):
        services.orders.place_order(agent, None, [("BOOK-01", 0)], allow_backorder=True)


def test_a_purchase_receipt_reserves_the_backorders_first_in_first_out(backend, services, catalog, agent, users,
                                                                      admin):
    services.purchasing.add_supplier(admin, "Paper & Co")
    older = services.orders.place_order(agent, None, [("BOOK-01", 8)], allow_backorder=True)   # 5 now, 3 wait
    newer = services.orders.place_order(agent, None, [("BOOK-01", 2)], allow_backorder=True)   # 2 wait
    draft = services.orders.create_draft(agent)
    services.orders.add_line(agent, draft.id, "BOOK-01", 1)
    third = services.orders.confirm_order(agent, draft.id, allow_backorder=True)              # 1 waits
    assert (_waiting(backend, older.id), _waiting(backend, newer.id), _waiting(backend, third.id)) == \
        ({"BOOK-01": 3}, {"BOOK-01": 2}, {"BOOK-01": 1})
    po = services.purchasing.create_purchase_order(admin, "Paper & Co", [("BOOK-01", 4)])
    services.purchasing.send_purchase_order(admin, po.number)
    services.purchasing.receive(admin, po.number)
    assert _waiting(backend, older.id) == {}                     # the oldest got its 3 first
    assert _waiting(backend, newer.id) == {"BOOK-01": 1}         # then 1 of the 2 the next one waits for
    assert _waiting(backend, third.id) == {"BOOK-01": 1}
    assert _stock(services, agent, "BOOK-01") == (9, 9)
    assert [_held_by_moves(backend, o.id) for o in (older, newer, third)] == \
        [{"BOOK-01": 8}, {"BOOK-01": 1}, {}]
    queue = {i.order_id: i.stage for i in services.picking.queue(users["warehouse"])}
    assert (queue[older.id], queue[newer.id], queue[third.id]) == ("waiting", "awaiting stock", "awaiting stock")
    assert "ready to pick" in services.orders.get_order(agent, older.id).history[-1].note
    services.orders.cancel_order(agent, older.id)             # its 8 go back: the next in line gets them
    assert _waiting(backend, newer.id) == {} and _waiting(backend, third.id) == {}
    assert _stock(services, agent, "BOOK-01") == (9, 3)
    _checks_clean(services, admin)


def test_express_orders_are_shown_and_picked_first(services, catalog, agent, users):
    plain = services.orders.place_order(agent, None, [("LAMP-01", 1)])
    draft = services.orders.create_draft(agent)
    services.orders.add_line(agent, draft.id, "LAMP-01", 1)
    marked = services.carts.set_express(agent, draft.id, True, expected_version=draft.version + 1)
    assert marked.express and marked.last_change == "express"
    fast = services.orders.confirm_order(agent, draft.id)
    assert fast.express
    placed = services.orders.place_order(agent, None, [("LAMP-01", 1)], express=True)
    order_ids = [i.order_id for i in services.picking.queue(users["warehouse"])]
    assert order_ids.index(fast.id) < order_ids.index(plain.id) and order_ids.index(placed.id) < \
        order_ids.index(plain.id)


def test_an_amended_order_is_repriced_with_its_promotions_and_a_paid_one_shows_the_credit(services, catalog, admin,
                                                                                         customer, users):
    services.promotions.add_promotion(users["manager"], "Five off", amount="5", min_total="20")
    services.promotions.add_promotion(users["manager"], "Books", percent="50", categories=["Books"])
    order = services.orders.place_order(admin, customer.id, [("LAMP-01", 2), ("BOOK-01", 1)])
    assert {a.label for a in order.adjustments} >= {"Five off"}
    services.receivables.record_payment(admin, order.id, order.total, "cash")
    amended = services.orders.amend_order(users["agent"], order.id, set_lines={"LAMP-01": 0})
    assert [ln.sku for ln in amended.lines] == ["BOOK-01"]
    assert all("Five off" != a.label for a in amended.adjustments)  # 12.84 of books no longer reaches 20
    assert any("Books" in a.label for a in amended.adjustments)
    account = services.receivables.order_account(admin, order.id)
    assert account.total == amended.total and account.balance == amended.total - order.total < 0
    _checks_clean(services, admin)  # sales facts net of the allowances, open accounts, ledger


def test_an_amendment_from_an_older_view_is_refused_and_the_queue_shows_the_new_units(services, catalog, agent,
                                                                                      users):
    order = services.orders.place_order(agent, None, [("LAMP-01", 1)])
    seen = services.orders.get_order(agent, order.id).version
    services.orders.amend_order(users["manager"], order.id, set_lines={"LAMP-01": 2}, expected_version=seen)
    with pytest.raises(StaleCart, match="was changed by manager"):
        services.orders.amend_order(agent, order.id, set_lines={"LAMP-01": 4}, expected_version=seen)
    (item,) = [i for i in services.picking.queue(users["warehouse"]) if i.order_id == order.id]
    assert (item.units, item.stage) == (2, "waiting")
    assert _stock(services, agent, "LAMP-01") == (10, 2)


def test_units_counted_in_or_returned_go_to_the_waiting_backorder(backend, services, catalog, agent, users, admin):
    order = services.orders.place_order(agent, None, [("BOOK-01", 8)], allow_backorder=True)  # 5 reserved, 3 wait
    services.inventory.post_stock_count(admin, "", [("BOOK-01", 7)])
    assert _waiting(backend, order.id) == {"BOOK-01": 1} and _stock(services, agent, "BOOK-01") == (7, 7)
    services.inventory.adjust_stock(admin, "BOOK-01", 4, "count")
    assert _waiting(backend, order.id) == {} and _stock(services, agent, "BOOK-01") == (11, 8)
    assert _held_by_moves(backend, order.id) == {"BOOK-01": 8}
    assert services.orders.get_order(agent, order.id).backordered == ()
