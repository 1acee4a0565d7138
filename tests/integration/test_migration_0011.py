"""Migration 0011 (forecasts) on SQLite and PostgreSQL: suppliers already there get a lead time of 7 days and the
forecast cache appears; the downgrade drops both and keeps the suppliers; upgrading again gives the models' schema."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from oms_desktop.adapters.db.engine import make_engine
from tests.integration.test_migration_0007 import differences, migrate


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def test_0011_gives_existing_suppliers_7_lead_days_and_downgrades_keeping_them(engine):
    migrate(engine, "0010")
    with engine.begin() as c:
        c.execute(text("INSERT INTO suppliers (id, name, email, phone, address, active, created_at) "
                       "VALUES (1, 'Lumen', '', '', '', true, CURRENT_TIMESTAMP)"))
    migrate(engine, "0011")
    with engine.connect() as c:
        assert c.execute(text("SELECT lead_days FROM suppliers")).scalar_one() == 7
    assert "forecast_cache" in inspect(engine).get_table_names()
    migrate(engine, "0010", down=True)
    assert "forecast_cache" not in inspect(engine).get_table_names()
    assert "lead_days" not in {col["name"] for col in inspect(engine).get_columns("suppliers")}
    with engine.connect() as c:
        assert c.execute(text("SELECT name FROM suppliers")).scalar_one() == "Lumen"
    migrate(engine, "head")
    assert differences(engine) == []
