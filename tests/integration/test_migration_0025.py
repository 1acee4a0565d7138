"""Migration 0025 (edit stamps) on SQLite and PostgreSQL: it adds the table, the downgrade removes exactly it, and
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


def test_0025_adds_edit_stamps_and_downgrades_cleanly(engine):
    migrate(engine, "0021")
    before, tables = triggers(engine), set(inspect(engine).get_table_names())
    migrate(engine, "0025")
    assert set(inspect(engine).get_table_names()) == tables | {"edit_stamps"}
    migrate(engine, "0021", down=True)
    assert set(inspect(engine).get_table_names()) == tables and triggers(engine) == before
    migrate(engine, "head")
    assert differences(engine) == []
