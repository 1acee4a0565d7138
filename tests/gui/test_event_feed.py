"""The event feed hands subscribers the events of the types they registered for."""
from __future__ import annotations

from oms_desktop.domain import events as ev
from oms_desktop.gui.event_feed import EventFeed


def test_subscribers_register_by_event_type(qtbot, catalog, admin, customer):
    services = catalog
    feed = EventFeed(lambda after: services.events.since(admin, after), services.events.last_id())
    added, confirmed = [], []
    feed.subscribe(ev.CartItemAdded, added.extend)
    feed.subscribe((ev.OrderConfirmed, ev.OrderCancelled), confirmed.extend)
    draft = services.orders.create_draft(admin, customer.id)
    services.orders.add_line(admin, draft.id, "LAMP-01", 2)
    order = services.orders.confirm_order(admin, draft.id)
    feed.poll_now()
    assert [e.event.sku for e in added] == ["LAMP-01"]
    assert [type(e.event) for e in confirmed] == [ev.OrderConfirmed]
    assert confirmed[0].event.order_id == order.id and confirmed[0].payload["v"] == 1
