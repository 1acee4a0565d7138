"""Migration 0019 (print jobs) on SQLite and PostgreSQL: it adds the table, the downgrade removes exactly it, and
upgrading again gives the models' schema."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect

from oms_desktop.adapters.db.engine import make_engine
from tests.integration.test_migration_0007 import differences, migrate, triggers


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def test_0019_adds_print_jobs_and_downgrades_cleanly(engine):
    migrate(engine, "0015")
    before, tables = triggers(engine), set(inspect(engine).get_table_names())
    migrate(engine, "0019")
    assert set(inspect(engine).get_table_names()) == tables | {"print_jobs"}
    migrate(engine, "0015", down=True)
    assert set(inspect(engine).get_table_names()) == tables and triggers(engine) == before
    migrate(engine, "head")
    assert differences(engine) == []
