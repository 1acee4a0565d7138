"""Order service on SQLite and PostgreSQL: placing, confirming, cancelling and shipping orders, with stock,
permissions, events and audit rows kept in step."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from oms_desktop.adapters.db.repositories import AuditRepo
from oms_desktop.domain.errors import InvalidTransition, OutOfStock, PermissionDenied
from oms_desktop.domain.tracking import parse_tracking


def _stock(services, actor, sku: str) -> tuple[int, int]:
    p = services.catalog.get_product(actor, sku)
    return p.on_hand, p.reserved


def _events(backend, kind: str) -> list[dict]:
    with backend.engine.connect() as c:
        rows = c.execute(text("SELECT order_id, payload FROM events WHERE kind = :k ORDER BY id"), {"k": kind}).all()
    return [{"order_id": r.order_id, **json.loads(r.payload)} for r in rows]


def _audit(backend, action: str | None = None) -> list:
    sql = "SELECT username, action, entity, entity_id, old_values, new_values FROM audit_log"
    with backend.engine.connect() as c:
        if action is None:
            return c.execute(text(sql + " ORDER BY id")).all()
        return c.execute(text(sql + " WHERE action = :a ORDER BY id"), {"a": action}).all()


def _count(backend, table: str) -> int:
    with backend.engine.connect() as c:
        return c.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


@pytest.fixture
def agent(users):
    return users["agent"]


@pytest.fixture
def warehouse(users):
    return users["warehouse"]


# ---- placing and confirming -------------------------------------------------------------------------------------
def test_placing_an_order_reserves_its_lines_and_gives_it_a_tracking_number(services, catalog, customer, agent):
    order = services.orders.place_order(agent, customer.id, [("LAMP-01", 3), ("book-01", "1")])
    assert order.status == "confirmed"
    assert parse_tracking(order.tracking_number) == order.tracking_number
    assert [(ln.sku, ln.quantity) for ln in order.lines] == [("LAMP-01", 3), ("BOOK-01", 1)]
    assert order.total == Decimal("84.20")  # 3 x 19.99 + 19 % + 12.00 + 7 %
    assert _stock(services, agent, "LAMP-01") == (10, 3)
    assert _stock(services, agent, "BOOK-01") == (5, 1)
    assert services.inventory.invariant_violations() == []


def test_the_placed_order_it_hands_back_is_the_order_as_stored(services, catalog, customer, agent):
    # place_order builds its DTO from what it wrote, without reading it back: it must equal a fresh read
    placed = services.orders.place_order(agent, customer.id, [("BOOK-01", 2), ("LAMP-01", 1)], express=True)
    anonymous = services.orders.place_order(agent, None, [("LAMP-01", 1)], channel="counter")
    assert placed == services.orders.get_order(agent, placed.id)
    assert anonymous == services.orders.get_order(agent, anonymous.id)
    assert placed.created_at.tzinfo is not None and placed.history[0].note == "placed"


def test_a_tracking_number_already_taken_is_drawn_again(services, catalog, customer, agent, monkeypatch):
    from oms_desktop.domain import tracking
    first = services.orders.place_order(agent, customer.id, [("LAMP-01", 1)])
    drawn = iter([first.tracking_number, first.tracking_number, "7K3D-9XQ2-M4PA"])
    monkeypatch.setattr(tracking, "new_tracking_number", lambda: next(drawn))
    second = services.orders.place_order(agent, customer.id, [("LAMP-01", 1)])
    assert second.tracking_number == "7K3D-9XQ2-M4PA"
    assert services.orders.get_order(agent, first.id).tracking_number == first.tracking_number
    assert _stock(services, agent, "LAMP-01") == (10, 2)


def test_a_draft_is_confirmed_then_walked_through_the_warehouse_to_delivered(services, backend, catalog, customer,
                                                                             agent, warehouse):
    draft = services.orders.create_draft(agent, customer.id)
    services.orders.add_line(agent, draft.id, "LAMP-01", 2)
    services.orders.add_line(agent, draft.id, "4006381333948", 5)  # by barcode: BULB-E27
    services.orders.add_line(agent, draft.id, "LAMP-01", 1)        # same product and price: quantity bumps
    assert _stock(services, agent, "LAMP-01") == (10, 0)           # a draft reserves nothing

    confirmed = services.orders.confirm_order(agent, draft.number)
    assert [(ln.sku, ln.quantity) for ln in confirmed.lines] == [("LAMP-01", 3), ("BULB-E27", 5)]
    assert _stock(services, agent, "LAMP-01") == (10, 3)

    for step in ("picking", "packed"):
        assert services.orders.advance_order(warehouse, confirmed.tracking_number, step).status == step
    assert _stock(services, agent, "LAMP-01") == (10, 3)
    shipped = services.orders.advance_order(warehouse, confirmed.id, "shipped")
    assert shipped.status == "shipped"
    assert _stock(services, agent, "LAMP-01") == (7, 0)
    assert _stock(services, agent, "BULB-E27") == (95, 0)
    delivered = services.orders.advance_order(warehouse, confirmed.id, "delivered")
    assert [(h.from_status, h.to_status) for h in delivered.history] == [
        (None, "draft"), ("draft", "confirmed"), ("confirmed", "picking"), ("picking", "packed"),
        ("packed", "shipped"), ("shipped", "delivered")]
    assert [a.action for a in _audit(backend) if a.entity == "order"] == [
        "order.create", "order.add_line", "order.add_line", "order.add_line", "order.confirm", "order.picking",
        "order.packed", "order.shipped", "order.delivered"]
    assert services.inventory.invariant_violations() == []


def test_reservation_is_all_or_none(services, backend, catalog, customer, agent):
    with pytest.raises(OutOfStock):
        services.orders.place_order(agent, customer.id, [("LAMP-01", 3), ("BOOK-01", 6)])
    assert _stock(services, agent, "LAMP-01") == (10, 0)
    assert services.orders.list_orders(agent) == []
    assert _events(backend, "order_confirmed") == []

    draft = services.orders.create_draft(agent, customer.id)
    services.orders.add_line(agent, draft.id, "LAMP-01", 3)
    services.orders.add_line(agent, draft.id, "BOOK-01", 6)
    with pytest.raises(OutOfStock):
        services.orders.confirm_order(agent, draft.id)
    after = services.orders.get_order(agent, draft.id)
    assert (after.status, after.tracking_number) == ("draft", None)
    assert _stock(services, agent, "LAMP-01") == (10, 0)
    assert services.inventory.invariant_violations() == []


def test_a_shortage_names_every_short_sku_with_what_is_available(services, catalog, customer, agent):
    services.orders.place_order(agent, customer.id, [("BOOK-01", 2)])
    with pytest.raises(OutOfStock) as e:
        services.orders.place_order(agent, customer.id, [("LAMP-01", 11), ("BULB-E27", 1), ("BOOK-01", 4)])
    assert sorted((s.sku, s.requested, s.available) for s in e.value.shortages) == [("BOOK-01", 4, 3),
                                                                                     ("LAMP-01", 11, 10)]
    assert "only 3 of BOOK-01 available (ordered 4)" in str(e.value)
    assert "only 10 of LAMP-01 available (ordered 11)" in str(e.value)
    assert "BULB-E27" not in str(e.value)
    assert _stock(services, agent, "BULB-E27") == (100, 0)


def test_cancelling_releases_the_reservation(services, backend, catalog, customer, agent, warehouse):
    first = services.orders.place_order(agent, customer.id, [("LAMP-01", 4)])
    second = services.orders.place_order(agent, customer.id, [("LAMP-01", 6)])
    services.orders.advance_order(warehouse, second.id, "picking")
    assert _stock(services, agent, "LAMP-01") == (10, 10)
    services.orders.cancel_order(agent, first.id, "customer changed their mind")
    services.orders.cancel_order(agent, second.id, "duplicate")
    assert _stock(services, agent, "LAMP-01") == (10, 0)
    assert [e["order_id"] for e in _events(backend, "order_cancelled")] == [first.id, second.id]
    assert [json.loads(a.new_values)["reason"] for a in _audit(backend, "order.cancel")] == [
        "customer changed their mind", "duplicate"]
    with pytest.raises(InvalidTransition):
        services.orders.cancel_order(agent, first.id)
    assert _stock(services, agent, "LAMP-01") == (10, 0)
    assert services.inventory.invariant_violations() == []


def test_cancelling_a_draft_releases_nothing(services, catalog, customer, agent):
    draft = services.orders.create_draft(agent, customer.id)
    services.orders.add_line(agent, draft.id, "LAMP-01", 2)
    assert services.orders.cancel_order(agent, draft.id).status == "cancelled"
    assert _stock(services, agent, "LAMP-01") == (10, 0)
    assert services.inventory.invariant_violations() == []


# ---- illegal moves ----------------------------------------------------------------------------------------------
def test_illegal_transitions_are_refused_and_change_nothing(services, backend, catalog, customer, agent, warehouse):
    draft = services.orders.create_draft(agent, customer.id)
    services.orders.add_line(agent, draft.id, "LAMP-01", 1)
    placed = services.orders.place_order(agent, customer.id, [("LAMP-01", 2)])
    shipped = services.orders.place_order(agent, customer.id, [("BULB-E27", 1)])
    for step in ("picking", "packed", "shipped"):
        services.orders.advance_order(warehouse, shipped.id, step)
    before = (_count(backend, "stock_moves"), _count(backend, "events"), _count(backend, "audit_log"),
              _stock(services, agent, "LAMP-01"), _stock(services, agent, "BULB-E27"))

    refused = [
        lambda: services.orders.advance_order(warehouse, draft.id, "picking"),    # a draft is not confirmed yet
        lambda: services.orders.advance_order(warehouse, placed.id, "packed"),    # skips picking
        lambda: services.orders.advance_order(warehouse, placed.id, "shipped"),   # skips picking and packing
        lambda: services.orders.advance_order(warehouse, placed.id, "delivered"),
        lambda: services.orders.advance_order(warehouse, placed.id, "cancelled"),  # cancelling has its own action
        lambda: services.orders.advance_order(warehouse, placed.id, "draft"),
        lambda: services.orders.confirm_order(agent, placed.id),                   # confirmed already
        lambda: services.orders.add_line(agent, placed.id, "LAMP-01", 1),         # only drafts change
        lambda: services.orders.cancel_order(agent, shipped.id),                  # the parcel has left
        lambda: services.orders.advance_order(warehouse, shipped.id, "shipped"),
    ]
    for attempt in refused:
        with pytest.raises(InvalidTransition):
            attempt()
    after = (_count(backend, "stock_moves"), _count(backend, "events"), _count(backend, "audit_log"),
             _stock(services, agent, "LAMP-01"), _stock(services, agent, "BULB-E27"))
    assert after == before
    assert [services.orders.get_order(agent, o.id).status for o in (draft, placed, shipped)] == [
        "draft", "confirmed", "shipped"]


# ---- roles ------------------------------------------------------------------------------------------------------
def test_roles_are_enforced_by_the_services(services, backend, catalog, customer, users, agent, warehouse):
    order = services.orders.place_order(agent, customer.id, [("LAMP-01", 1)])
    audit_rows = _count(backend, "audit_log")
    with pytest.raises(PermissionDenied, match="agent \\(agent\\) may not adjust stock"):
        services.inventory.adjust_stock(agent, "LAMP-01", 5, "count")
    with pytest.raises(PermissionDenied, match="may not place orders"):
        services.orders.place_order(warehouse, customer.id, [("LAMP-01", 1)])
    with pytest.raises(PermissionDenied):
        services.orders.create_draft(warehouse, customer.id)
    with pytest.raises(PermissionDenied):
        services.orders.advance_order(agent, order.id, "picking")
    with pytest.raises(PermissionDenied):
        services.orders.cancel_order(users["accountant"], order.id)
    with pytest.raises(PermissionDenied):
        services.catalog.import_catalog(agent, b"sku,name,unit_price,tax_rate\nNEW-1,New,1.00,0\n")
    assert _count(backend, "audit_log") == audit_rows
    assert _stock(services, agent, "LAMP-01") == (10, 1)
    assert services.inventory.adjust_stock(warehouse, "LAMP-01", 5, "found") == 15


def test_a_price_override_without_the_right_is_refused_and_changes_nothing(services, backend, catalog, customer,
                                                                          agent):
    draft = services.orders.create_draft(agent, customer.id)
    events = _count(backend, "events")
    with pytest.raises(PermissionDenied, match="sell LAMP-01 at 15.00 instead of 19.99"):
        services.orders.add_line(agent, draft.id, "LAMP-01", 1, unit_price="15.00")
    with pytest.raises(PermissionDenied, match="discount"):
        services.orders.add_line(agent, draft.id, "LAMP-01", 1, discount="20%")
    assert services.orders.get_order(agent, draft.id).lines == ()
    assert _count(backend, "events") == events
    assert _audit(backend, "order.price_override") == []
    # a discount within the company's limit is no override
    services.orders.add_line(agent, draft.id, "LAMP-01", 1, discount="5%")
    assert _audit(backend, "order.price_override") == []


def test_a_price_override_with_the_right_is_kept_and_audited(services, backend, catalog, customer, users):
    manager = users["manager"]
    draft = services.orders.create_draft(manager, customer.id)
    order = services.orders.add_line(manager, draft.id, "LAMP-01", 2, unit_price="15.00")
    assert (order.lines[0].unit_price, order.net) == (Decimal("15.00"), Decimal("30.00"))
    (row,) = _audit(backend, "order.price_override")
    assert (row.username, row.entity, row.entity_id) == ("manager", "order", str(draft.id))
    assert json.loads(row.old_values) == {"unit_price": "19.99"}
    assert json.loads(row.new_values)["unit_price"] == "15.00"


# ---- events and audit -------------------------------------------------------------------------------------------
def test_adding_a_line_and_confirming_write_events_for_the_other_screens(services, backend, catalog, customer, agent):
    draft = services.orders.create_draft(agent, customer.id)
    services.orders.add_line(agent, draft.id, "BULB-E27", 4)
    (added,) = _events(backend, "cart_item_added")
    assert {k: added[k] for k in ("order_id", "customer_id", "sku", "quantity", "agent")} == {
        "order_id": draft.id, "customer_id": customer.id, "sku": "BULB-E27", "quantity": 4, "agent": "agent"}
    confirmed = services.orders.confirm_order(agent, draft.id)
    (event,) = _events(backend, "order_confirmed")
    assert (event["order_id"], event["tracking_number"], event["lines"]) == (draft.id, confirmed.tracking_number, 1)
    feed = services.events.since(agent, 0)
    assert [e.kind for e in feed if e.order_id == draft.id] == ["cart_opened", "cart_item_added", "order_confirmed"]
    assert all(e.username == "agent" for e in feed if e.order_id == draft.id)


def test_events_and_audit_rows_share_the_transaction_of_the_change(services, backend, catalog, customer, agent,
                                                                  monkeypatch):
    draft = services.orders.create_draft(agent, customer.id)
    events = _count(backend, "events")

    def fail_on_add_line(self, **kw):
        if kw["action"] == "order.add_line":
            raise RuntimeError("simulated failure after the event was written")
        return original(self, **kw)

    original = AuditRepo.record
    monkeypatch.setattr(AuditRepo, "record", fail_on_add_line)
    with pytest.raises(RuntimeError, match="simulated"):
        services.orders.add_line(agent, draft.id, "LAMP-01", 1)
    assert _count(backend, "events") == events
    assert services.orders.get_order(agent, draft.id).lines == ()


def test_every_write_leaves_an_audit_row_naming_who_and_what(services, backend, catalog, customer, agent, warehouse):
    order = services.orders.place_order(agent, customer.id, [("LAMP-01", 1)])
    services.inventory.adjust_stock(warehouse, "BOOK-01", -2, "damage", "water")
    services.orders.cancel_order(agent, order.id)
    rows = [(a.username, a.action, a.entity_id) for a in _audit(backend)
            if a.action in ("order.confirm", "stock.adjust", "order.cancel")]
    assert rows == [("agent", "order.confirm", str(order.id)), ("warehouse", "stock.adjust", "BOOK-01"),
                    ("agent", "order.cancel", str(order.id))]
    adjust = _audit(backend, "stock.adjust")[0]
    assert (json.loads(adjust.old_values), json.loads(adjust.new_values)) == (
        {"on_hand": 5}, {"on_hand": 3, "reason": "damage"})
    assert services.inventory.invariant_violations() == []


# ---- history is append-only ---------------------------------------------------------------------------------------
def test_posted_history_cannot_be_updated_or_deleted(services, backend, catalog, customer, agent):
    services.orders.place_order(agent, customer.id, [("LAMP-01", 1)])
    statements = {
        "stock_moves": ["UPDATE stock_moves SET on_hand_delta = on_hand_delta + 1", "DELETE FROM stock_moves"],
        "events": ["UPDATE events SET kind = 'forged'", "DELETE FROM events"],
        "audit_log": ["UPDATE audit_log SET username = 'nobody'", "DELETE FROM audit_log"],
        "order_status_history": ["UPDATE order_status_history SET note = 'x'", "DELETE FROM order_status_history"],
    }
    before = {t: _count(backend, t) for t in statements}
    assert all(before.values())
    for sqls in statements.values():
        for sql in sqls:
            with pytest.raises(DBAPIError, match="append-only"):
                with backend.engine.begin() as c:
                    c.execute(text(sql))
    assert {t: _count(backend, t) for t in statements} == before
    assert _events(backend, "forged") == []
    assert services.inventory.invariant_violations() == []


def test_reserving_several_products_reserves_each_only_on_its_own_condition(services, backend, catalog, agent):
    """``StockRepo.try_reserve_all`` (one statement on both databases; PostgreSQL locks the rows in SKU order first):
    a short product in the middle is left as it was, the others get exactly their quantity."""
    ids = {sku: services.catalog.get_product(agent, sku).id for sku in ("BOOK-01", "BULB-E27", "LAMP-01")}
    before = {sku: _stock(services, agent, sku) for sku in ids}
    with services.orders._uow() as uow:
        got = uow.stock.try_reserve_all([(ids["BOOK-01"], 2), (ids["BULB-E27"], 10_000), (ids["LAMP-01"], 3)])
        after = {sku: uow.stock.get(pid) for sku, pid in ids.items()}
    expected = {ids["BOOK-01"]: (before["BOOK-01"][0], before["BOOK-01"][1] + 2),  # whatever can be had, on both
                ids["LAMP-01"]: (before["LAMP-01"][0], before["LAMP-01"][1] + 3)}
    assert {pid: (lv.on_hand, lv.reserved) for pid, lv in got.items()} == expected
    assert (after["BULB-E27"].on_hand, after["BULB-E27"].reserved) == before["BULB-E27"]
    assert {sku: _stock(services, agent, sku) for sku in ids} == before  # not committed: nothing changed


def test_the_placed_order_with_promotions_a_coupon_and_shipping_is_the_order_as_stored(services, catalog, customer,
                                                                                     agent, admin):
    # its allowances' DTOs are made from the priced allowances, not read back: the same values, a tax that
    # rounds to nothing included (0.01 off at 19 % carries -0.0019: stored as 0, shown as 0.00, never -0.00)
    p = services.promotions
    p.add_promotion(admin, "Winter 2 %", percent="2", priority=1)
    p.add_promotion(admin, "Free shipping from 10.00", free_shipping=True, min_total="10")
    p.put_shipping_method(admin, "dhl", "DHL parcel", basis="flat", tiers="4.90", tax_rate="19%")
    p.create_coupon(admin, "TWOCENTS", amount="0.02", min_total="1")
    placed = services.orders.place_order(agent, customer.id, [("BOOK-01", 2), ("LAMP-01", 1)], coupon="twocents",
                                         shipping="dhl")
    assert placed == services.orders.get_order(agent, placed.id)
    labels = [a.label for a in placed.adjustments]
    assert "Coupon TWOCENTS" in labels and "Winter 2 %" in labels and any(x.startswith("Free shipping") for x in labels)
    nothing = [a for a in placed.adjustments if a.tax == 0]
    assert nothing and all(str(a.tax) == "0.00" and str(a.net) != "-0.00" for a in nothing)
