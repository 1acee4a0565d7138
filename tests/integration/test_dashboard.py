"""The dashboard's figures on SQLite and PostgreSQL, from orders placed at chosen instants: today by channel against the
same weekday last week up to the same time of day, sales by day and the top products equal what the sales report says
of the same days, the carts at risk and conversion equal the carts service's; a role without the permission is
refused."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from oms_desktop.domain.errors import PermissionDenied, ValidationFailed
from oms_desktop.services.sales_facts import local_day
from tests.helpers.clock import Clock

NOON = datetime(2026, 3, 18, 12, tzinfo=timezone.utc)


@pytest.fixture
def clock():
    c = Clock().install()
    yield c
    c.uninstall()


@pytest.fixture
def shop(services, users, catalog, customer, clock):
    """Today (2026-03-18) up to noon: two phone orders and one at the counter; a week before, an hour earlier in the
    day: one phone order; a cancelled order three days ago; an open cart idle for an hour."""
    s, agent, counter = services, users["agent"], users["counter"]
    clock.set(NOON - timedelta(days=7, hours=1))
    s.orders.place_order(agent, customer.id, [("LAMP-01", 1)])
    clock.set(NOON - timedelta(days=3))
    gone = s.orders.place_order(agent, customer.id, [("BOOK-01", 2)])
    s.orders.cancel_order(agent, gone.id, "changed their mind")
    clock.set(NOON - timedelta(hours=1))
    s.orders.add_line(agent, s.orders.create_draft(agent, customer.id).id, "BULB-E27", 2)
    clock.set(NOON - timedelta(minutes=30))
    placed = [s.orders.place_order(agent, customer.id, [("LAMP-01", 2), ("BOOK-01", 1)]),
              s.orders.place_order(agent, None, [("BULB-E27", 3)]),
              s.orders.place_order(counter, None, [("LAMP-01", 1)], channel="counter")]
    clock.set(NOON)
    return placed


def test_today_by_channel_against_last_week_matches_the_orders_and_the_sales_report(services, users, shop):
    manager = users["manager"]
    d = services.dashboard.overview(manager)
    today = local_day(NOON)
    assert d.today == today and d.last_week_day == today - timedelta(days=7)
    tiles = {t.channel: t for t in d.channels}
    assert set(tiles) == {"phone", "counter"}
    assert tiles["phone"].today.orders == 2 and tiles["counter"].today.orders == 1
    assert tiles["phone"].last_week.orders == 1 and tiles["counter"].last_week.orders == 0
    assert d.total.today.net == sum((o.net for o in shop), Decimal(0))
    report = services.sales.report(manager, by="channel", start=today, end=today)
    by_channel = {r.key: r.figures for r in report.rows}
    for channel, tile in tiles.items():
        assert tile.today == by_channel[channel]
    assert d.total.today == report.total.figures
    week_ago = services.sales.report(manager, by="day", start=d.last_week_day, end=d.last_week_day)
    assert d.total.last_week == week_ago.total.figures
    assert d.channels[0].channel == "phone"  # most net revenue today first


def test_today_so_far_is_compared_with_last_week_up_to_the_same_time_of_day(services, users, shop, clock,
                                                                           customer):
    manager, agent = users["manager"], users["agent"]
    clock.set(NOON - timedelta(days=7, hours=3))  # last week, before the time of day: placed, then cancelled
    gone = services.orders.place_order(agent, customer.id, [("LAMP-01", 4)])
    clock.set(NOON - timedelta(days=7, minutes=10))
    services.orders.cancel_order(agent, gone.id, "wrong lamp")
    clock.set(NOON - timedelta(days=7) + timedelta(hours=2))  # last week, after the time of day it is now
    later = services.orders.place_order(agent, customer.id, [("BULB-E27", 5)])
    clock.set(NOON)
    d = services.dashboard.overview(manager)
    assert d.last_week_until.astimezone().date() == d.last_week_day
    assert d.last_week_until.astimezone().time() == NOON.astimezone().time()
    whole_day = services.sales.report(manager, by="day", start=d.last_week_day, end=d.last_week_day).total.figures
    assert whole_day.orders == 2 and d.total.last_week.orders == 1
    assert d.total.last_week.net == whole_day.net - later.net
    assert {t.channel: t.last_week.orders for t in d.channels} == {"phone": 1, "counter": 0}
    clock.set(NOON + timedelta(hours=3))  # later today: last week's later order now counts
    assert services.dashboard.overview(manager).total.last_week == whole_day


def test_sales_by_day_and_top_products_equal_the_sales_report(services, users, shop):
    manager = users["manager"]
    d = services.dashboard.overview(manager, days=10, top=2)
    assert len(d.days) == 10 and d.days[-1].day == d.today
    report = services.sales.report(manager, by="day", start=d.first_day, end=d.today, top=2)
    assert [(p.day.isoformat(), p.orders, p.net) for p in d.days] == \
        [(r.key, r.figures.orders, r.figures) for r in report.rows]
    assert sum(p.orders for p in d.days) == report.total.figures.orders == 3 + 1 + 1 - 1  # the cancelled nets out
    tops = services.sales.report(manager, by="day", start=d.top_from, end=d.today, top=2).top_products
    assert [(t.sku, t.figures) for t in d.top_products] == [(r.key, r.figures) for r in tops]
    assert len(d.top_products) == 2


def test_carts_at_risk_and_conversion_equal_the_carts_service(services, users, shop):
    manager = users["manager"]
    d = services.dashboard.overview(manager)
    board = services.carts.board(manager, at_risk_only=True, limit=5)
    assert d.carts.open_carts == board.open_carts == 1 and d.carts.at_risk == board.at_risk == 1
    assert [c.number for c in d.carts.carts] == [c.number for c in board.carts]
    conv = services.carts.conversion(manager, start=d.today - timedelta(days=6), end=d.today, by="channel")
    assert d.conversion.total == conv.total and d.conversion.total.created >= 1


def test_the_dashboard_is_refused_without_the_permission_and_bad_sizes_are_named(services, users, shop):
    for role in ("agent", "warehouse", "accountant"):
        with pytest.raises(PermissionDenied, match="may not see the dashboard"):
            services.dashboard.overview(users[role])
    assert services.dashboard.overview(users["admin"]).total.today.orders == 3
    with pytest.raises(ValidationFailed, match="days"):
        services.dashboard.overview(users["manager"], days=0)
    with pytest.raises(ValidationFailed, match="top"):
        services.dashboard.overview(users["manager"], top=0)


def test_the_overview_is_read_in_one_unit_of_work(services, users, shop, monkeypatch):
    manager = users["manager"]
    services.dashboard.overview(manager)  # the company settings are cached from here on
    dashboard = services.dashboard
    opened = []
    factory = dashboard._uow

    def counting(*args, **kwargs):
        opened.append(kwargs.get("write"))
        return factory(*args, **kwargs)
    monkeypatch.setattr(dashboard, "_uow", counting)
    dashboard.overview(manager)
    assert opened == [False]
