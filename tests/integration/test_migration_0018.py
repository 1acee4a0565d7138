"""Migration 0018 (customer merges) on SQLite and PostgreSQL: customers keep their rows and the triggers on the
tables around them, the new column refers to a customer, and the downgrade removes exactly what it added."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from oms_desktop.adapters.db.engine import make_engine
from tests.integration.test_migration_0007 import differences, migrate, triggers


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def _columns(engine) -> set[str]:
    return {col["name"] for col in inspect(engine).get_columns("customers")}


def test_0018_adds_merged_into_keeps_the_customers_and_downgrades_cleanly(engine):
    migrate(engine, "0015")
    before = triggers(engine)
    with engine.begin() as c:
        for cid in (1, 2):
            c.execute(text("INSERT INTO customers (id, name, email, billing_address, shipping_address, notes, "
                           "name_lower, email_lower, created_at) VALUES (:id, 'Anna', '', '', '', '', 'anna', '', "
                           "CURRENT_TIMESTAMP)"), {"id": cid})
    migrate(engine, "0018")
    assert "merged_into_id" in _columns(engine) and triggers(engine) == before
    with engine.begin() as c:
        c.execute(text("UPDATE customers SET merged_into_id = 1 WHERE id = 2"))
        assert c.execute(text("SELECT count(*) FROM customers")).scalar_one() == 2
    with pytest.raises(IntegrityError), engine.begin() as c:
        c.execute(text("UPDATE customers SET merged_into_id = 99 WHERE id = 1"))
    migrate(engine, "0015", down=True)
    assert "merged_into_id" not in _columns(engine) and triggers(engine) == before
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM customers")).scalar_one() == 2
    migrate(engine, "head")  # and up again, through the migrations after it: the models' schema
    assert differences(engine) == []
