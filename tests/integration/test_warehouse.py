"""The warehouse path of an order on both backends: pick list, confirmed picks, pack, ship (with backorders), deliver,
returns, and the service desk's tracking timeline."""
from __future__ import annotations

from decimal import Decimal

import pytest

from oms_desktop.domain.errors import (BusinessRuleViolation, InvalidTransition, NotFound, PermissionDenied,
                                       ValidationFailed)
from oms_desktop.domain.tracking import ALPHABET
from oms_desktop.services.order_lookup import InvalidTrackingNumber


@pytest.fixture
def warehouse(users):
    return users["warehouse"]


def _stock(services, admin, sku):
    p = services.catalog.search(admin, sku)[0]
    assert p.sku == sku
    return p.on_hand, p.reserved


def _place(services, admin, customer, lines, express=False):
    return services.orders.place_order(admin, customer.id, lines, express=express)


def _events(services, admin, kind):
    return [e for e in services.events.since(admin, 0) if e.kind == kind]


def _mistype(tn: str) -> str:
    i = 1
    repl = next(c for c in ALPHABET if c != tn[i])
    return tn[:i] + repl + tn[i + 1:]


def test_an_order_is_picked_packed_shipped_and_delivered(services, catalog, admin, customer, warehouse):
    order = _place(services, admin, customer, [("LAMP-01", 3), ("BULB-E27", 5)])
    pl = services.picking.create_pick_list(warehouse, [order.number])
    assert services.orders.get_order(admin, order.id).status == "picking"
    assert [(ln.sku, ln.quantity) for ln in pl.lines] == [("LAMP-01", 3), ("BULB-E27", 5)]

    services.picking.confirm_picks(warehouse, pl.number)
    packed = services.shipping.pack_order(warehouse, order.tracking_number, carrier="DHL", carrier_ref="JD0001",
                                          service="Express", weight_kg="2.35", packages=2)
    assert (packed.status, packed.weight_kg, packed.packages) == ("packed", Decimal("2.35"), 2)
    assert services.orders.get_order(admin, order.id).status == "packed"
    assert _stock(services, admin, "LAMP-01") == (10, 3)  # packing moves no stock

    shipped = services.shipping.ship_order(warehouse, order.id)
    assert shipped.status == "shipped"
    assert _stock(services, admin, "LAMP-01") == (7, 0)
    assert _stock(services, admin, "BULB-E27") == (95, 0)
    delivered = services.shipping.deliver_order(warehouse, order.id)
    assert [h.to_status for h in delivered.history] == ["confirmed", "picking", "packed", "shipped", "delivered"]
    assert {e.kind for e in services.events.since(admin, 0)} >= {
        "picklist_created", "order_picking", "order_packed", "order_shipped", "order_delivered"}
    assert _events(services, admin, "order_shipped")[0].payload["product_ids"]
    assert services.inventory.invariant_violations() == []


def test_pack_and_ship_packs_a_picked_order_in_the_same_transaction_and_refuses_what_pack_refuses(
        services, catalog, admin, customer, warehouse):
    order = _place(services, admin, customer, [("LAMP-01", 2)])
    pl = services.picking.create_pick_list(warehouse, [order.id])
    with pytest.raises(InvalidTransition, match="confirm them first"):  # Pack's own words, nothing packed
        services.shipping.pack_and_ship(warehouse, order.number, carrier="DHL", carrier_ref="JD1")
    services.picking.confirm_picks(warehouse, pl.id)
    with pytest.raises(ValidationFailed, match="carrier is empty"):
        services.shipping.pack_and_ship(warehouse, order.number, carrier=" ", carrier_ref="JD1")
    assert services.tracking.tracking(admin, order.id).shipments == ()  # refused: still unpacked
    shipped = services.shipping.pack_and_ship(warehouse, order.number, carrier="DHL", carrier_ref="JD1",
                                              weight_kg="1,5", packages=1)
    assert (shipped.status, shipped.carrier, shipped.carrier_ref) == ("shipped", "DHL", "JD1")
    assert [h.to_status for h in services.orders.get_order(admin, order.id).history] == [
        "confirmed", "picking", "packed", "shipped"]
    assert _stock(services, admin, "LAMP-01") == (8, 0)
    with pytest.raises(InvalidTransition):
        services.shipping.pack_and_ship(warehouse, order.number, carrier="DHL", carrier_ref="JD1")
    assert services.inventory.invariant_violations() == []


def test_pack_and_ship_ships_a_packed_order_with_its_own_parcel(services, catalog, admin, customer, warehouse):
    order = _place(services, admin, customer, [("BOOK-01", 1)])
    services.picking.confirm_picks(warehouse, services.picking.create_pick_list(warehouse, [order.id]).id)
    services.shipping.pack_order(warehouse, order.id, carrier="UPS", carrier_ref="1Z9")
    shipped = services.shipping.pack_and_ship(warehouse, order.id, carrier="", carrier_ref="")
    assert (shipped.status, shipped.carrier, shipped.carrier_ref) == ("shipped", "UPS", "1Z9")


def test_shipping_reports_what_it_stored_and_refuses_a_sku_with_less_reserved_changing_nothing(
        backend, services, catalog, admin, customer, warehouse):
    from sqlalchemy import text
    orders = [_place(services, admin, customer, [("LAMP-01", 1), ("BULB-E27", 2), ("BOOK-01", 1)])
              for _ in range(2)]
    for order in orders:
        pl = services.picking.create_pick_list(warehouse, [order.id])
        services.picking.confirm_picks(warehouse, pl.id)
        services.shipping.pack_order(warehouse, order.id, carrier="DHL", carrier_ref=f"JD{order.id}")
    shipped = services.shipping.ship_order(warehouse, orders[0].id)
    assert services.tracking.tracking(admin, orders[0].id).shipments[-1] == shipped  # as stored, not as meant
    before = {sku: _stock(services, admin, sku) for sku in ("LAMP-01", "BULB-E27", "BOOK-01")}
    with backend.engine.begin() as conn:  # stock miscounted by hand: BULB-E27 has less reserved than it ships
        conn.execute(text("UPDATE stock SET reserved = 1 WHERE product_id = "
                          "(SELECT id FROM products WHERE sku = 'BULB-E27')"))
    with pytest.raises(BusinessRuleViolation, match="BULB-E27: less is reserved than"):
        services.shipping.ship_order(warehouse, orders[1].id)
    assert {sku: _stock(services, admin, sku) for sku in ("LAMP-01", "BOOK-01")} == \
           {sku: before[sku] for sku in ("LAMP-01", "BOOK-01")}
    assert services.orders.get_order(admin, orders[1].id).status == "packed"


def test_a_short_pick_ships_what_was_found_and_keeps_the_rest_reserved_as_a_backorder(services, catalog, admin,
                                                                                      customer, warehouse):
    order = _place(services, admin, customer, [("LAMP-01", 3), ("BULB-E27", 5)])
    pl = services.picking.create_pick_list(warehouse, [order.id])
    services.picking.confirm_picks(warehouse, pl.number, {"LAMP-01": 1}, {"LAMP-01": "only one on the shelf"})
    services.shipping.pack_order(warehouse, order.id, carrier="UPS", carrier_ref="1Z999")
    services.shipping.ship_order(warehouse, order.id)

    assert _stock(services, admin, "LAMP-01") == (9, 2)  # one left, two still reserved for the backorder
    assert _stock(services, admin, "BULB-E27") == (95, 0)
    info = services.tracking.tracking(admin, order.id)
    assert [(b.sku, b.quantity, b.status, b.reason) for b in info.backorders] == [
        ("LAMP-01", 2, "open", "only one on the shelf")]
    assert "backorder: 2 x LAMP-01" in info.order.history[-1].note
    queue = {q.order_id: q for q in services.picking.queue(warehouse)}
    assert (queue[order.id].stage, queue[order.id].backorder_units) == ("backorder", 2)
    assert _events(services, admin, "backorder_created")[0].payload["lines"] == {"LAMP-01": 2}

    second = services.picking.create_pick_list(warehouse, next_n=1)
    assert [(o.number, o.backorder) for o in second.orders] == [(order.number, True)]
    assert [(ln.sku, ln.quantity) for ln in second.lines] == [("LAMP-01", 2)]
    services.picking.confirm_picks(warehouse, second.id)
    services.shipping.pack_order(warehouse, order.id, carrier="UPS", carrier_ref="1Z1000")
    services.shipping.ship_order(warehouse, order.id)
    assert _stock(services, admin, "LAMP-01") == (7, 0)
    after = services.tracking.tracking(admin, order.id)
    assert after.order.status == "shipped" and after.backorder_units == 0
    assert [s.carrier_ref for s in after.shipments] == ["1Z999", "1Z1000"]
    assert order.id not in {q.order_id for q in services.picking.queue(warehouse)}
    assert services.inventory.invariant_violations() == []


def test_releasing_a_backorder_gives_the_reservation_back(services, catalog, admin, customer, warehouse):
    order = _place(services, admin, customer, [("BOOK-01", 4)])
    pl = services.picking.create_pick_list(warehouse, [order.id])
    services.picking.confirm_picks(warehouse, pl.id, {"9783161484100": 3}, default_reason="damaged copy")
    services.shipping.pack_order(warehouse, order.id, carrier="Post", carrier_ref="RR1")
    services.shipping.ship_order(warehouse, order.id)
    assert _stock(services, admin, "BOOK-01") == (2, 1)

    released = services.shipping.release_backorder(warehouse, order.id, "customer does not wait")
    assert _stock(services, admin, "BOOK-01") == (2, 0)
    assert "backorder released" in released.history[-1].note
    with pytest.raises(BusinessRuleViolation, match="no open backorder"):
        services.shipping.release_backorder(warehouse, order.id)
    assert services.inventory.invariant_violations() == []


def test_a_short_pick_without_a_reason_is_refused_and_changes_nothing(services, catalog, admin, customer, warehouse):
    order = _place(services, admin, customer, [("LAMP-01", 2)])
    pl = services.picking.create_pick_list(warehouse, [order.id])
    with pytest.raises(ValidationFailed, match="LAMP-01 is 1 short; give a reason"):
        services.picking.confirm_picks(warehouse, pl.id, {"LAMP-01": 1})
    with pytest.raises(ValidationFailed, match="3 of LAMP-01 picked but"):
        services.picking.confirm_picks(warehouse, pl.id, {"LAMP-01": 3})
    with pytest.raises(ValidationFailed, match="NOPE is not on"):
        services.picking.confirm_picks(warehouse, pl.id, {"NOPE": 1})
    assert services.picking.get_pick_list(warehouse, pl.id).status == "open"
    with pytest.raises(InvalidTransition, match="not confirmed yet"):
        services.shipping.pack_order(warehouse, order.id, carrier="DHL", carrier_ref="X")


def test_an_order_nothing_was_found_for_goes_back_to_the_queue(services, catalog, admin, customer, warehouse):
    order = _place(services, admin, customer, [("LAMP-01", 2)])
    pl = services.picking.create_pick_list(warehouse, [order.id])
    services.picking.confirm_picks(warehouse, pl.id, {"LAMP-01": 0}, {"LAMP-01": "bin empty"})
    assert services.orders.get_order(admin, order.id).status == "confirmed"
    assert services.picking.queue(warehouse)[0].stage == "waiting"
    assert _stock(services, admin, "LAMP-01") == (10, 2)


def test_orders_on_a_pick_list_cannot_be_walked_by_hand_or_picked_twice(services, catalog, admin, customer,
                                                                        warehouse):
    order = _place(services, admin, customer, [("LAMP-01", 1)])
    services.picking.create_pick_list(warehouse, [order.id])
    with pytest.raises(InvalidTransition, match="pick list"):
        services.orders.advance_order(warehouse, order.id, "packed")
    with pytest.raises(ValidationFailed, match="already on PL-"):
        services.picking.create_pick_list(warehouse, [order.id])
    with pytest.raises(InvalidTransition, match="not packed"):
        services.shipping.ship_order(warehouse, order.id)


def test_next_n_takes_express_orders_first_then_the_oldest(services, catalog, admin, customer, warehouse):
    old = _place(services, admin, customer, [("BULB-E27", 1)])
    newer = _place(services, admin, customer, [("BULB-E27", 2)])
    rush = _place(services, admin, customer, [("BOOK-01", 1)], express=True)
    assert [q.order_id for q in services.picking.queue(warehouse)] == [rush.id, old.id, newer.id]
    pl = services.picking.create_pick_list(warehouse, next_n=2)
    assert [(o.order_id, o.tote) for o in pl.orders] == [(rush.id, 1), (old.id, 2)]
    assert [o.order_id for o in services.picking.create_pick_list(warehouse, next_n=5).orders] == [newer.id]
    with pytest.raises(BusinessRuleViolation, match="No order is waiting"):
        services.picking.create_pick_list(warehouse, next_n=1)


def test_found_units_go_to_the_totes_in_priority_order(services, catalog, admin, customer, warehouse):
    first = _place(services, admin, customer, [("LAMP-01", 2)])
    second = _place(services, admin, customer, [("LAMP-01", 2)])
    pl = services.picking.create_pick_list(warehouse, [second.id, first.id])
    assert [ln.per_order for ln in pl.lines] == [((first.number, 1, 2), (second.number, 2, 2))]
    done = services.picking.confirm_picks(warehouse, pl.id, {"LAMP-01": 3}, {"LAMP-01": "one broken"})
    assert {o.number: o.status for o in done.orders} == {first.number: "picked", second.number: "picked"}
    services.shipping.pack_order(warehouse, second.id, carrier="DHL", carrier_ref="B")
    services.shipping.ship_order(warehouse, second.id)
    assert [(b.sku, b.quantity) for b in services.tracking.tracking(admin, second.id).backorders] == [("LAMP-01", 1)]


def test_returns_restock_or_record_damage_and_the_last_one_makes_the_order_returned(services, catalog, admin,
                                                                                   customer, warehouse):
    order = _place(services, admin, customer, [("LAMP-01", 2)])
    pl = services.picking.create_pick_list(warehouse, [order.id])
    services.picking.confirm_picks(warehouse, pl.id)
    services.shipping.pack_order(warehouse, order.id, carrier="DHL", carrier_ref="R1")
    services.shipping.ship_order(warehouse, order.id)
    assert _stock(services, admin, "LAMP-01") == (8, 0)

    services.returns.receive_return(warehouse, order.id, "LAMP-01", 1, "restock", "wrong colour")
    assert _stock(services, admin, "LAMP-01") == (9, 0)
    with pytest.raises(ValidationFailed, match="only 1 shipped and not yet returned"):
        services.returns.receive_return(warehouse, order.id, "LAMP-01", 2, "damaged")
    info = services.returns.receive_return(warehouse, order.id, "LAMP-01", 1, "damaged", "glass broken")
    assert _stock(services, admin, "LAMP-01") == (9, 0)  # damaged goods do not come back on hand
    assert info.order.status == "returned"
    assert [(r.condition, r.reason) for r in info.returns] == [("restock", "wrong colour"),
                                                               ("damaged", "glass broken")]
    assert len(_events(services, admin, "order_returned")) == 2
    assert services.inventory.invariant_violations() == []


def test_the_timeline_shows_who_did_what_with_the_carrier_and_accounting_steps(services, backend, catalog, admin,
                                                                              customer, warehouse):
    order = _place(services, admin, customer, [("LAMP-01", 1)])
    pl = services.picking.create_pick_list(warehouse, [order.id])
    services.picking.confirm_picks(warehouse, pl.id)
    services.shipping.pack_order(warehouse, order.id, carrier="DHL", carrier_ref="JD014600", weight_kg="1.2")
    services.shipping.ship_order(warehouse, order.id)
    services.shipping.deliver_order(warehouse, order.id)
    from oms_desktop.adapters.db.uow import SqlUnitOfWork
    with SqlUnitOfWork(backend.engine) as uow:  # what the accounts area writes when it invoices
        uow.events.add("invoice_issued", user_id=admin.user_id, order_id=order.id,
                       payload={"number": "INV-2026-0001"})
        uow.commit()
    info = services.tracking.tracking(admin, order.tracking_number)
    steps = [(t.step, t.who) for t in info.timeline]
    assert steps == [("confirmed", "admin"), ("picking", "warehouse"), ("picked", "warehouse"),
                     ("packed", "warehouse"), ("shipped", "warehouse"), ("delivered", "warehouse"),
                     ("invoiced", "admin")]
    shipped = next(t for t in info.timeline if t.step == "shipped")
    assert "JD014600" in shipped.detail
    assert info.timeline[-1].detail == "INV-2026-0001"


def test_lookup_by_a_mistyped_tracking_number_says_invalid_not_unknown(services, catalog, admin, customer):
    order = _place(services, admin, customer, [("LAMP-01", 1)])
    with pytest.raises(InvalidTrackingNumber, match="typo"):
        services.tracking.find_orders(admin, _mistype(order.tracking_number))
    assert [o.id for o in services.tracking.find_orders(admin, order.tracking_number.lower())] == [order.id]
    assert [o.id for o in services.tracking.find_orders(admin, order.number)] == [order.id]
    assert [o.id for o in services.tracking.find_orders(admin, "+49 171 5550100")] == [order.id]
    with pytest.raises(NotFound):
        services.tracking.find_orders(admin, "0301 999 999")


def test_only_warehouse_roles_move_goods(services, catalog, admin, customer, users):
    order = _place(services, admin, customer, [("LAMP-01", 1)])
    with pytest.raises(PermissionDenied):
        services.picking.create_pick_list(users["agent"], [order.id])
    assert services.picking.queue(users["agent"])[0].order_id == order.id  # but everyone may look


def test_pack_refuses_bad_parcel_data_naming_each_problem(services, catalog, admin, customer, warehouse):
    order = _place(services, admin, customer, [("LAMP-01", 1)])
    with pytest.raises(ValidationFailed) as e:
        services.shipping.pack_order(warehouse, order.id, carrier=" ", carrier_ref="", weight_kg="-1", packages=0)
    assert len(e.value.problems) == 4


def test_a_pick_list_naming_an_unknown_order_is_refused_and_changes_nothing(services, catalog, admin, customer):
    order = _place(services, admin, customer, [("LAMP-01", 1)])
    for unknown in ([order.id, 999_999], ["SO-999999", order.number]):
        with pytest.raises(NotFound, match="SO-999999"):
            services.picking.create_pick_list(admin, unknown)
    assert services.picking.recent_pick_lists(admin) == []
    assert services.orders.get_order(admin, order.id).status == "confirmed"


def test_an_order_with_one_product_on_two_lines_ships_both_lines_units(services, catalog, admin, customer, warehouse):
    """A product on two lines (the second at another price: add_line only merges the same price) is reserved,
    picked and shipped for both lines: the stock rows change by the units of both, as the stock moves say."""
    cart = services.orders.create_draft(admin, customer.id)
    services.orders.add_line(admin, cart.id, "LAMP-01", 2)
    services.orders.add_line(admin, cart.id, "BULB-E27", 1)
    services.orders.add_line(admin, cart.id, "LAMP-01", 1, discount="0.1")
    order = services.orders.confirm_order(admin, cart.id)
    assert [(ln.sku, ln.quantity) for ln in order.lines] == [("LAMP-01", 2), ("BULB-E27", 1), ("LAMP-01", 1)]
    assert _stock(services, admin, "LAMP-01") == (10, 3)
    pl = services.picking.create_pick_list(warehouse, [order.number])
    services.picking.confirm_picks(warehouse, pl.number)
    services.shipping.pack_order(warehouse, order.tracking_number, carrier="DHL", carrier_ref="JD0002")
    services.shipping.ship_order(warehouse, order.id)
    assert _stock(services, admin, "LAMP-01") == (7, 0)
    assert _stock(services, admin, "BULB-E27") == (99, 0)
    assert services.inventory.invariant_violations() == []
