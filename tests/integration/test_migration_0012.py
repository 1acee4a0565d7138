"""Migration 0012 (the outbox) on SQLite and PostgreSQL: existing customers get mail on and no invoice PDF by mail;
the downgrade drops the outbox and the two columns and keeps the customers; upgrading again gives the models'
schema."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from oms_desktop.adapters.db.engine import make_engine
from tests.integration.test_migration_0007 import differences, migrate, triggers


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def customer_columns(engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("customers")}


def test_0012_upgrades_downgrades_and_upgrades_again_keeping_the_customers(engine):
    migrate(engine, "0010")
    before_triggers = triggers(engine)
    with engine.begin() as c:
        c.execute(text("INSERT INTO customers (id, name, email, billing_address, shipping_address, notes, "
                       "name_lower, email_lower, created_at) VALUES (1, 'Anna', 'anna@example.com', '', '', '', "
                       "'anna', 'anna@example.com', CURRENT_TIMESTAMP)"))
    migrate(engine, "0012")
    with engine.connect() as c:
        assert c.execute(text("SELECT mail_opt_out, invoice_by_mail FROM customers")).one() == (False, False)
    assert "outbox" in inspect(engine).get_table_names()

    migrate(engine, "0010", down=True)
    assert "outbox" not in inspect(engine).get_table_names()
    assert {"mail_opt_out", "invoice_by_mail"}.isdisjoint(customer_columns(engine))
    assert triggers(engine) == before_triggers
    with engine.connect() as c:
        assert c.execute(text("SELECT name FROM customers")).scalars().all() == ["Anna"]

    migrate(engine, "head")  # the models are the last revision's
    assert differences(engine) == []
