"""Migration 0015 (till sessions) on SQLite and PostgreSQL: payments recorded before it keep their rows and their
immutability triggers, one open session per till is enforced by the database, and the downgrade removes exactly what
it added (upgrading again gives the models' schema)."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from oms_desktop.adapters.db.engine import make_engine
from tests.integration.test_migration_0007 import differences, migrate, triggers


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def _session(c, sid: int, closed: bool = False) -> None:
    c.execute(text("INSERT INTO till_sessions (id, till, currency, float_minor, opened_by, opened_at, closed_at) "
                   "VALUES (:id, 'FRONT', 'EUR', 0, 1, CURRENT_TIMESTAMP, "
                   + ("CURRENT_TIMESTAMP" if closed else "NULL") + ")"), {"id": sid})


def test_0015_adds_till_sessions_keeps_the_payments_and_downgrades_cleanly(engine):
    migrate(engine, "0014")
    before = triggers(engine)
    with engine.begin() as c:
        c.execute(text("INSERT INTO users (id, username, display_name, role, password_hash, active, created_at) "
                       "VALUES (1, 'c', 'C', 'counter', 'x', true, CURRENT_TIMESTAMP)"))
        c.execute(text("INSERT INTO orders (id, status, channel, currency, net_minor, tax_minor, total_minor, "
                       "prices_include_tax, tax_rounding, express, notes, created_at, updated_at) VALUES (1, "
                       "'confirmed', 'counter', 'EUR', 100, 0, 100, false, 'line', false, '', CURRENT_TIMESTAMP, "
                       "CURRENT_TIMESTAMP)"))
        c.execute(text("INSERT INTO payments (id, order_id, kind, method, amount_minor, currency, reference, "
                       "card_last4, notes, user_id, received_at) VALUES (1, 1, 'payment', 'cash', 100, 'EUR', '', "
                       "'', '', 1, CURRENT_TIMESTAMP)"))
        c.execute(text("INSERT INTO ledger_entries (id, kind, description, posted_at, posted_on, currency, "
                       "payment_id) VALUES (1, 'receipt', 'Payment', CURRENT_TIMESTAMP, CURRENT_DATE, 'EUR', 1)"))

    migrate(engine, "0015")
    assert {"till_sessions", "till_movements"} <= set(inspect(engine).get_table_names())
    assert triggers(engine) == before  # payments was not rebuilt: its triggers stay
    with engine.begin() as c:
        assert c.execute(text("SELECT till_session_id FROM payments")).scalar_one() is None
        _session(c, 1, closed=True)
        _session(c, 2)
        c.execute(text("INSERT INTO payments (id, order_id, kind, method, amount_minor, currency, reference, "
                       "card_last4, notes, user_id, received_at, till_session_id) VALUES (2, 1, 'payment', 'cash', "
                       "5, 'EUR', '', '', '', 1, CURRENT_TIMESTAMP, 2)"))
    with pytest.raises(IntegrityError), engine.begin() as c:
        _session(c, 3)  # a second open session of FRONT
    with pytest.raises(DBAPIError, match="immutable"), engine.begin() as c:
        c.execute(text("UPDATE payments SET till_session_id = 2"))

    migrate(engine, "0014", down=True)
    assert not {"till_sessions", "till_movements"} & set(inspect(engine).get_table_names())
    assert "till_session_id" not in {col["name"] for col in inspect(engine).get_columns("payments")}
    assert triggers(engine) == before
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM payments")).scalar_one() == 2  # the journal still finds them
    migrate(engine, "head")
    assert differences(engine) == []
