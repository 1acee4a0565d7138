"""Migration 0030 (an order's allowances keyed (order_id, seq), a coupon's redemption keyed by its order; WITHOUT
ROWID on SQLite) on SQLite and PostgreSQL: existing rows come through both ways unchanged, the keys are the primary
keys, SQLite stores the tables WITHOUT ROWID, the triggers that redeem and count a coupon's use still work after the
rebuild, and the downgrade gives back the ``id`` columns and the unique keys."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import inspect, text

from oms_desktop.adapters.db.engine import make_engine
from tests.integration.test_migration_0007 import differences, migrate, triggers

ADJUSTMENTS = [(1, 1, "promotion", 7, "Winter 2 %", 1900, -120, -101, -19),
               (1, 2, "coupon", 3, "Coupon SAVE5", 1900, -300, -252, -48),
               (2, 1, "shipping", None, "Parcel", 1900, 495, 416, 79)]


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def _insert(c, table: str, values: dict) -> None:
    """One row of ``table`` with ``values`` and a plain value in every other column the schema requires."""
    from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric
    now = datetime(2026, 12, 4, 9, 30, tzinfo=timezone.utc)
    row = dict(values)
    for col in inspect(c).get_columns(table):
        if col["name"] in row or col["name"] == "id" or col["nullable"] or col.get("default") is not None:
            continue
        kind = col["type"]
        row[col["name"]] = (False if isinstance(kind, Boolean) else now if isinstance(kind, DateTime) else
                            now.date() if isinstance(kind, Date) else 0 if isinstance(kind, Integer | Numeric)
                            else "")
    c.execute(text(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})"), row)


def _seed(engine) -> None:
    """Two orders, three allowances and a redemption, written as the 0029 schema has them."""
    with engine.begin() as c:
        _insert(c, "customers", {"id": 1, "name": "Ada"})
        _insert(c, "coupons", {"id": 1, "code": "SAVE5", "effect": "percent", "percent_bp": 500, "max_uses": 2,
                               "active": True})
        for n in (1, 2):
            _insert(c, "orders", {"id": n, "customer_id": 1, "channel": "phone", "status": "draft",
                                  "currency": "EUR", "tax_rounding": "line"})
        for row in ADJUSTMENTS:
            _insert(c, "order_adjustments", dict(zip(("order_id", "seq", "kind", "source_id", "label",
                                                      "tax_rate_bp", "amount_minor", "net_minor", "tax_minor"), row)))
        # order 1 confirmed with the coupon: 0029's trigger redeems it, 0028's counts the use
        c.execute(text("UPDATE orders SET coupon_id = 1 WHERE id = 1"))
        c.execute(text("UPDATE orders SET status = 'confirmed', confirmed_at = updated_at WHERE id = 1"))


def _rows(engine) -> tuple[list, list, int]:
    with engine.connect() as c:
        adjustments = [tuple(r) for r in c.execute(text(
            "SELECT order_id, seq, kind, source_id, label, tax_rate_bp, amount_minor, net_minor, tax_minor "
            "FROM order_adjustments ORDER BY order_id, seq"))]
        redemptions = [tuple(r) for r in c.execute(text(
            "SELECT coupon_id, order_id, customer_id FROM coupon_redemptions ORDER BY order_id"))]
        uses = c.execute(text("SELECT uses FROM coupons WHERE code = 'SAVE5'")).scalar_one()
    return adjustments, redemptions, uses


def _keys(engine, table: str) -> tuple[list[str], set[str], set[str]]:
    found = inspect(engine)
    return (found.get_pk_constraint(table)["constrained_columns"],
            {c["name"] for c in found.get_columns(table)},
            {u["name"] for u in found.get_unique_constraints(table)})


def _without_rowid(engine, table: str) -> bool:
    with engine.connect() as c:
        sql = c.execute(text("SELECT sql FROM sqlite_master WHERE name = :t"), {"t": table}).scalar_one()
    return "WITHOUT ROWID" in sql.upper()


def test_0030_keys_the_tables_by_their_natural_keys_keeping_rows_and_triggers_and_downgrades(engine):
    migrate(engine, "0029")
    _seed(engine)
    before = _rows(engine)
    assert before[1] == [(1, 1, 1)] and before[2] == 1  # the seed went through 0029's triggers
    trigger_names = triggers(engine)

    migrate(engine, "0030")
    assert _rows(engine) == before
    assert _keys(engine, "order_adjustments")[:2] == (["order_id", "seq"], {
        "order_id", "seq", "kind", "source_id", "label", "tax_rate_bp", "amount_minor", "net_minor", "tax_minor"})
    assert _keys(engine, "coupon_redemptions")[:2] == (["order_id"], {"coupon_id", "order_id", "customer_id", "at"})
    assert triggers(engine) == trigger_names
    if engine.dialect.name == "sqlite":
        assert _without_rowid(engine, "order_adjustments") and _without_rowid(engine, "coupon_redemptions")
    assert differences(engine) == []
    with engine.begin() as c:  # the rebuilt tables' triggers: confirming order 2 with the coupon redeems it
        c.execute(text("UPDATE orders SET coupon_id = 1 WHERE id = 2"))
        c.execute(text("UPDATE orders SET status = 'confirmed', confirmed_at = updated_at WHERE id = 2"))
    adjustments, redemptions, uses = _rows(engine)
    assert redemptions == [(1, 1, 1), (1, 2, 1)] and uses == 2
    with pytest.raises(Exception, match="duplicate|UNIQUE|unique"):
        with engine.begin() as c:  # an order's allowance numbered twice
            c.execute(text("INSERT INTO order_adjustments (order_id, seq, kind, label, tax_rate_bp, amount_minor, "
                           "net_minor, tax_minor) VALUES (1, 2, 'coupon', 'again', 1900, -1, -1, 0)"))

    migrate(engine, "0029", down=True)
    assert _rows(engine) == (adjustments, redemptions, uses)
    assert _keys(engine, "order_adjustments") == (["id"], {"id", *dict.fromkeys(
        ("order_id", "seq", "kind", "source_id", "label", "tax_rate_bp", "amount_minor", "net_minor", "tax_minor"))},
        {"uq_order_adjustments_order_seq"})
    assert _keys(engine, "coupon_redemptions") == (["id"], {"id", "coupon_id", "order_id", "customer_id", "at"},
                                                   {"uq_coupon_redemptions_order_id"})
    assert triggers(engine) == trigger_names
    if engine.dialect.name == "sqlite":
        assert not _without_rowid(engine, "order_adjustments")
    migrate(engine, "head")
    assert _rows(engine) == (adjustments, redemptions, uses)
    assert differences(engine) == []
