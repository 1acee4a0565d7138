"""Migration 0029 (a coupon is redeemed by the order's confirmation itself) on SQLite and PostgreSQL: it adds exactly
its two triggers and the downgrade removes them; on the head schema a coupon used up after it was read (by another
workstation, between this one's read and its write) is refused by the confirming statement, naming the coupon, and
nothing is written, when an order is placed and when a cart is confirmed; any writer's confirmed order holds its
redemption."""
from __future__ import annotations

import dataclasses
import importlib

import pytest
from sqlalchemy import text

from oms_desktop.adapters.db.engine import make_engine
from oms_desktop.adapters.db.models_carts import COUPON_USED_UP
from oms_desktop.adapters.db.repositories_carts import PromotionsRepo
from oms_desktop.domain.errors import CouponRefused
from tests.integration.test_migration_0007 import differences, migrate, triggers

NEW = {"orders_redeem_coupon", "orders_redeem_coupon_on_confirm"}


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def test_0029_adds_the_redeeming_triggers_and_downgrades_cleanly(engine):
    migrate(engine, "0028")
    before = triggers(engine)
    assert not before & NEW
    migrate(engine, "0029")
    assert triggers(engine) == before | NEW
    migrate(engine, "0028", down=True)
    assert triggers(engine) == before
    migrate(engine, "head")
    assert differences(engine) == []
    migration = importlib.import_module(
        "oms_desktop.adapters.db.migrations.versions.0029_coupon_redeemed_on_confirmation")
    assert migration.MESSAGE == COUPON_USED_UP  # what the repositories recognise


def _scalar(backend, sql: str):
    with backend.engine.connect() as c:
        return c.execute(text(sql)).scalar_one()


def _counts(backend) -> tuple:
    return tuple(_scalar(backend, f"SELECT count(*) FROM {t}") for t in
                 ("orders", "order_lines", "order_adjustments", "coupon_redemptions", "events", "stock_moves"))


@pytest.fixture
def stale_coupon_reads(monkeypatch):
    """Every read of a coupon here sees it as it was before its last use: read by this workstation just before
    another one took that use."""
    def unused(row):
        return dataclasses.replace(row, uses=0) if row is not None else None

    pricing_reads, coupon = PromotionsRepo.pricing_reads, PromotionsRepo.coupon
    monkeypatch.setattr(PromotionsRepo, "pricing_reads",
                        lambda self, *a: (lambda r: (r[0], r[1], unused(r[2])))(pricing_reads(self, *a)))
    monkeypatch.setattr(PromotionsRepo, "coupon", lambda self, *a: unused(coupon(self, *a)))


def test_a_coupon_used_up_since_it_was_read_is_refused_by_placing_the_order_and_nothing_is_written(
        backend, catalog, admin, customer, stale_coupon_reads):
    catalog.promotions.create_coupon(admin, "ONCE", percent="10", uses="1")
    first = catalog.orders.place_order(admin, customer.id, [("LAMP-01", 1)], coupon="ONCE")
    assert _scalar(backend, f"SELECT count(*) FROM coupon_redemptions WHERE order_id = {first.id}") == 1
    assert _scalar(backend, "SELECT uses FROM coupons WHERE code = 'ONCE'") == 1
    before = _counts(backend)
    with pytest.raises(CouponRefused, match="coupon ONCE has just been used up"):
        catalog.orders.place_order(admin, customer.id, [("LAMP-01", 1)], coupon="once")
    assert _counts(backend) == before
    assert _scalar(backend, "SELECT uses FROM coupons WHERE code = 'ONCE'") == 1


def test_a_coupon_used_up_since_it_was_read_is_refused_by_confirming_the_cart_and_nothing_is_written(
        backend, catalog, admin, customer, stale_coupon_reads):
    catalog.promotions.create_coupon(admin, "ONCE", percent="10", uses="1")
    cart = catalog.orders.create_draft(admin, customer.id)
    catalog.orders.add_line(admin, cart.id, "LAMP-01", 1)
    catalog.carts.set_coupon(admin, cart.id, "ONCE")
    catalog.orders.place_order(admin, customer.id, [("LAMP-01", 1)], coupon="ONCE")  # another order takes its only use
    before = _counts(backend)
    with pytest.raises(CouponRefused, match="coupon ONCE has just been used up; take it off the order"):
        catalog.orders.confirm_order(admin, cart.id)
    assert _counts(backend) == before
    assert catalog.orders.get_order(admin, cart.id).status == "draft"
    catalog.carts.set_coupon(admin, cart.id, None)
    assert catalog.orders.confirm_order(admin, cart.id).status == "confirmed"  # without it, it goes through
    assert _scalar(backend, "SELECT count(*) FROM coupon_redemptions") == 1


def test_a_confirmed_order_with_a_coupon_holds_its_redemption_whoever_writes_it(backend, catalog, admin,
                                                                                  customer):
    catalog.promotions.create_coupon(admin, "TWICE", percent="10", uses="2")
    third = catalog.orders.create_draft(admin, customer.id)
    cart = catalog.orders.create_draft(admin, customer.id)
    catalog.orders.add_line(admin, cart.id, "LAMP-01", 1)
    catalog.carts.set_coupon(admin, cart.id, "TWICE")
    assert _scalar(backend, "SELECT count(*) FROM coupon_redemptions") == 0  # a cart redeems nothing
    confirmed = catalog.orders.confirm_order(admin, cart.id)
    placed = catalog.orders.place_order(admin, None, [("LAMP-01", 1)], coupon="twice")
    with backend.engine.connect() as c:
        rows = c.execute(text("SELECT order_id, customer_id FROM coupon_redemptions ORDER BY order_id")).all()
        assert [tuple(r) for r in rows] == [(confirmed.id, customer.id), (placed.id, None)]
        assert c.execute(text("SELECT uses FROM coupons WHERE code = 'TWICE'")).scalar_one() == 2
        c.rollback()
        # a writer past the services: the database itself refuses a third use
        with pytest.raises(Exception, match=COUPON_USED_UP), c.begin():
            c.execute(text("UPDATE orders SET coupon_id = (SELECT id FROM coupons WHERE code = 'TWICE'), "
                           "status = 'confirmed' WHERE id = :id"), {"id": third.id})
