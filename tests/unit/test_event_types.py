"""Typed events (domain/events.py): every kind round-trips through the one serialisation, old rows still read."""
from __future__ import annotations

import dataclasses
import json
import types
import typing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oms_desktop.domain import events as ev

KINDS_WRITTEN = {
    "cart_item_added", "cart_opened", "cart_item_removed", "cart_quantity_changed", "cart_updated",
    "cart_incentive_offered", "order_confirmed", "order_cancelled", "order_picking", "order_packed", "order_shipped",
    "order_delivered", "order_returned", "picklist_created", "picklist_confirmed", "backorder_created",
    "backorder_released", "order_amended", "backorder_reserved", "invoice_issued", "credit_note_issued",
    "payment_received", "refund_paid", "entry_reversed",
    "stock_adjusted", "stock_counted", "stock_low", "catalog_imported", "product_created", "product_updated",
    "product_deactivated", "product_reactivated", "customer_added", "customers_merged", "supplier_added",
    "preferred_supplier_set",
    "purchase_order_created", "purchase_order_sent", "purchase_order_cancelled", "purchase_order_received",
    "purchase_order_changed",
    "supplier_invoice_recorded", "supplier_invoice_paid", "till_opened", "till_cash_moved", "till_closed"}

JSONISH_TEXT = st.text(max_size=20)


def _strategy(tp) -> st.SearchStrategy:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(_strategy(a) for a in args))
    if origin is list:
        return st.lists(_strategy(args[0]), max_size=4)
    if origin is dict:
        return st.dictionaries(_strategy(args[0]), _strategy(args[1]), max_size=4)
    return {str: JSONISH_TEXT, int: st.integers(-(2 ** 40), 2 ** 40), bool: st.booleans(),
            type(None): st.none()}[tp]


def _events_of(cls: type[ev.Event]) -> st.SearchStrategy:
    hints = typing.get_type_hints(cls)
    fields = {f.name: _strategy(hints[f.name]) for f in dataclasses.fields(cls) if f.name != "version"}
    return st.builds(cls, version=st.integers(1, 9), **fields)


def _through_the_table(event) -> ev.AnyEvent:
    kind, order_id, product_id, payload = ev.to_record(event)
    stored = json.loads(json.dumps(payload, ensure_ascii=False))  # what the events table keeps
    return ev.from_record(kind, stored, order_id=order_id, product_id=product_id, strict=True)


def test_the_registry_knows_every_kind_the_services_write():
    assert set(ev.REGISTRY) == KINDS_WRITTEN
    assert all(cls.kind == kind for kind, cls in ev.REGISTRY.items())


@pytest.mark.parametrize("kind", sorted(ev.REGISTRY))
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_every_kind_round_trips_through_to_record_and_from_record(kind, data):
    event = data.draw(_events_of(ev.REGISTRY[kind]))
    back = _through_the_table(event)
    assert back == event
    assert type(back) is type(event)
    _kind, _order, _product, payload = ev.to_record(event)
    assert payload["v"] == event.version
    assert not {"order_id", "product_id"} & set(payload)  # those are columns


def test_an_old_payload_without_v_reads_as_version_1():
    old = {"number": "SO-000042", "tracking_number": "T1", "lines": 2, "total": "93.97", "currency": "EUR"}
    event = ev.from_record("order_confirmed", old, order_id=42)
    assert event == ev.OrderConfirmed(order_id=42, number="SO-000042", tracking_number="T1", lines=2,
                                      total="93.97", currency="EUR")
    assert event.version == 1


def test_the_payload_keeps_the_keys_written_before_plus_v():
    manual = ev.OrderShipped(order_id=7, number="SO-000007", tracking_number="T7")
    assert ev.to_record(manual) == ("order_shipped", 7, None, {"number": "SO-000007", "tracking_number": "T7", "v": 1})
    shipped = ev.OrderShipped(order_id=7, number="SO-000007", tracking_number=None, carrier="DHL", carrier_ref="X",
                              product_ids=[3], backorder=False)
    assert set(ev.to_record(shipped)[3]) == {"number", "tracking_number", "carrier", "carrier_ref", "product_ids",
                                              "backorder", "v"}
    low = ev.StockLow(product_id=3, sku="LAMP-01", available=1)
    assert ev.to_record(low) == ("stock_low", None, 3, {"sku": "LAMP-01", "available": 1, "v": 1})
    assert ev.payload_of(ev.PreferredSupplierSet(product_id=3, sku="LAMP-01", supplier=None)) == {
        "sku": "LAMP-01", "supplier": None}


def test_an_unknown_kind_reads_back_as_unknown_event_and_round_trips():
    event = ev.from_record("forged", {"x": 1, "v": 3}, order_id=5)
    assert event == ev.UnknownEvent(kind="forged", payload={"x": 1}, version=3, order_id=5)
    assert ev.to_record(event) == ("forged", 5, None, {"x": 1, "v": 3})


def test_a_payload_its_class_cannot_take_reads_as_unknown_unless_strict():
    assert isinstance(ev.from_record("order_confirmed", {"number": "SO-000001"}, order_id=1), ev.UnknownEvent)
    with pytest.raises(TypeError):
        ev.from_record("order_confirmed", {"number": "SO-000001"}, order_id=1, strict=True)


def test_keys_no_field_knows_are_ignored_and_a_bad_version_is_1():
    event = ev.from_record("product_updated", {"sku": "A", "extra": True, "v": "two"}, product_id=1)
    assert event == ev.ProductUpdated(product_id=1, sku="A")


def test_a_class_needs_a_kind_of_its_own():
    with pytest.raises(ValueError):
        ev.register(ev.OrderConfirmed)


# ---- readers: EventDTO.event and subscribers by type -------------------------------------------------------------
def _dto(kind, payload, *, id=1, order_id=None, product_id=None):
    from datetime import datetime, timezone

    from oms_desktop.services.dto import EventDTO
    return EventDTO(id, kind, datetime.now(timezone.utc), "anna", order_id, product_id, payload)


def test_an_event_dto_reads_its_typed_event_and_keeps_kind_and_payload():
    dto = _dto("stock_low", {"sku": "LAMP-01", "available": 1, "v": 1}, product_id=3)
    assert dto.event == ev.StockLow(product_id=3, sku="LAMP-01", available=1)
    assert (dto.kind, dto.payload["sku"]) == ("stock_low", "LAMP-01")


def test_matching_by_type_also_knows_an_older_payload_by_its_kind():
    older = ev.from_record("invoice_issued", {"number": "INV-000001"}, order_id=1)  # before "what" and "final"
    assert isinstance(older, ev.UnknownEvent)
    assert ev.matches(older, (ev.PaymentReceived, ev.InvoiceIssued))
    assert not ev.matches(older, ev.PaymentReceived)
    assert ev.matches(ev.from_record("forged", {}), ev.UnknownEvent)
    assert ev.matches(ev.RefundPaid(order_id=1, number="SO-000001", amount="1", currency="EUR", method="cash",
                                    balance="0"), ev.RefundPaid)


def test_subscribers_get_the_events_of_their_types_once_per_batch():
    from oms_desktop.services.events import EventSubscribers
    subs = EventSubscribers()
    got: dict[str, list] = {"stock": [], "orders": [], "never": []}
    subs.subscribe(ev.StockLow, lambda es: got["stock"].append([e.id for e in es]))
    stop = subs.subscribe((ev.OrderCancelled, ev.StockLow), lambda es: got["orders"].append([e.id for e in es]))
    subs.subscribe(ev.CatalogImported, lambda es: got["never"].append(es))

    def boom(_es):
        raise RuntimeError("a broken screen")
    subs.subscribe(ev.StockLow, boom)  # logged; the others still run
    batch = [_dto("stock_low", {"sku": "A", "available": 0}, id=1, product_id=3),
             _dto("order_cancelled", {"number": "SO-000002", "reason": "", "released_products": []}, id=2,
                  order_id=2),
             _dto("forged", {}, id=3)]
    subs.dispatch(batch)
    stop()
    subs.dispatch(batch)
    assert got == {"stock": [[1], [1]], "orders": [[1, 2]], "never": []}
