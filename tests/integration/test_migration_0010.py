"""Migration 0010 (sales facts) on SQLite and PostgreSQL: it fills the facts from the orders, lines, allowances, status
history and returns already there, to the cent and on the local day (in UTC and in New York, where a return at
02:00 UTC belongs to the day before); its downgrade drops both tables and keeps everything else; upgrading again
rebuilds them and gives the models' schema."""
from __future__ import annotations

import time
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import column, insert, inspect, select, table, text

from oms_desktop.adapters.db import models as m
from oms_desktop.adapters.db import models_carts as mc
from oms_desktop.adapters.db import models_sales as ms
from oms_desktop.adapters.db import models_warehouse as mw
from oms_desktop.adapters.db.engine import make_engine
from tests.integration.test_migration_0007 import differences, migrate

NEW_TABLES = {"sales_facts", "sales_day_facts"}


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=timezone.utc)


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


@pytest.fixture(params=["UTC", "America/New_York"])
def zone(request, monkeypatch):
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def order(oid: int, status: str, confirmed: datetime | None, updated: datetime, net: int) -> dict:
    return dict(id=oid, tracking_number=None, customer_id=None, channel="phone", status=status, currency="EUR",
                net_minor=net, tax_minor=0, total_minor=net, prices_include_tax=False, tax_rounding="line",
                express=False, notes="", created_by=1, created_at=confirmed or updated, confirmed_at=confirmed,
                updated_at=updated, version=0, last_change="", last_change_by="")


def line(oid: int, no: int, pid: int, qty: int, net: int) -> dict:
    return dict(order_id=oid, line_no=no, product_id=pid, sku=f"P{pid}", name=f"P{pid}", quantity=qty,
                unit_price_minor=net // qty, tax_rate_bp=0, discount_bp=0, net_minor=net, tax_minor=0)


def adjustment(oid: int, seq: int, kind: str, label: str, amount: int, net: int) -> dict:
    return dict(order_id=oid, seq=seq, kind=kind, source_id=None, label=label, tax_rate_bp=1900, amount_minor=amount,
                net_minor=net, tax_minor=amount - net)


def fill(engine) -> None:
    now = at(1, 0)
    with engine.begin() as c:
        # users as they were at 0009 (the model's later columns, such as 0021's failed_logins, are not there yet)
        users_then = table("users", *(column(c.name, c.type) for c in m.User.__table__.c
                                      if c.name in ("id", "username", "display_name", "role", "password_hash",
                                                    "active", "created_at")))
        c.execute(insert(users_then).values(id=1, username="admin", display_name="", role="admin",
                                            password_hash="x", active=True, created_at=now))
        c.execute(insert(m.Product.__table__), [
            dict(id=pid, sku=f"P{pid}", name=f"P{pid}", description="", barcode=None, category="", unit_price_minor=1,
                 cost_minor=0, tax_rate_bp=0, location="", reorder_point=0, reorder_qty=0, active=True,
                 search_text="", created_at=now, updated_at=now, weight_grams=0) for pid in (1, 2)])
        c.execute(insert(m.Order.__table__), [
            order(1, "returned", at(2, 10), at(5, 2), 1900),  # two products, a coupon, shipping given free
            order(2, "cancelled", at(2, 11), at(3, 9), 500),  # cancelled the next day (the history says when)
            order(3, "cancelled", None, at(2, 12), 500),      # a cart cancelled before confirmation: never a sale
            order(4, "cancelled", at(4, 8), at(4, 12), 500),  # seeded without history: its last update
        ])
        c.execute(insert(m.OrderLine.__table__), [line(1, 1, 1, 2, 1000), line(1, 2, 2, 1, 500),
                                                  line(2, 1, 1, 1, 500), line(3, 1, 1, 1, 500),
                                                  line(4, 1, 1, 1, 500)])
        c.execute(insert(mc.OrderAdjustment.__table__), [
            adjustment(1, 1, "shipping", "Shipping: Express", 595, 500),
            adjustment(1, 2, "promotion", "Free shipping: Online week", -595, -500),
            adjustment(1, 3, "coupon", "Coupon TEN", -119, -100)])
        c.execute(insert(m.OrderStatusChange.__table__), [
            dict(order_id=2, from_status="confirmed", to_status="cancelled", user_id=1, note="", at=at(3, 9))])
        c.execute(insert(mw.ReturnedItem.__table__), [
            dict(order_id=1, product_id=2, sku="P2", quantity=1, condition="restock", reason="", user_id=1,
                 at=at(5, 2))])


def facts(engine):
    with engine.connect() as c:
        product = {(r.day, r.product_id): (r.units, r.net_minor, r.orders, r.returned_units, r.returned_minor)
                   for r in c.execute(select(ms.SalesFact.__table__))
                   if (r.channel, r.agent_id) == ("phone", 1)}
        day = {r.day: (r.orders, r.units, r.net_minor, r.returned_units, r.returned_minor)
               for r in c.execute(select(ms.SalesDayFact.__table__))}
    return product, day


def test_0010_fills_the_facts_from_the_documents_and_downgrades_and_upgrades_again(engine, zone):
    migrate(engine, "0009")
    fill(engine)
    migrate(engine, "0010")
    assert NEW_TABLES <= set(inspect(engine).get_table_names())
    # order 1: 100 off the goods (free shipping and the charge left out) shared 1000:500 -> 67 (the largest, the
    # rest) and 33; its returned unit of P2 takes back 467, in New York on the 4th (21:00 the day before)
    returned = date(2026, 3, 4 if zone == "America/New_York" else 5)
    d2, d3, d4 = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)
    product, day = facts(engine)
    expected_product = {(d2, 1): (3, 1433, 2, 0, 0), (d2, 2): (1, 467, 1, 0, 0), (d3, 1): (-1, -500, -1, 0, 0),
                        (d4, 1): (0, 0, 0, 0, 0), (returned, 2): (0, 0, 0, 1, 467)}
    expected_day = {d2: (2, 4, 1900, 0, 0), d3: (-1, -1, -500, 0, 0), d4: (0, 0, 0, 0, 0)}
    expected_day[returned] = tuple(a + b for a, b in zip(expected_day.get(returned, (0,) * 5), (0, 0, 0, 1, 467)))
    assert product == expected_product
    assert day == expected_day

    migrate(engine, "0009", down=True)
    assert not NEW_TABLES & set(inspect(engine).get_table_names())
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM orders")).scalar_one() == 4
    migrate(engine, "head")
    assert facts(engine) == (expected_product, expected_day)
    assert differences(engine) == []
