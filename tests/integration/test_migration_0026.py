"""Migration 0026 (the user's language) on SQLite and PostgreSQL: it adds the nullable column, existing users keep
NULL (the company's language), the downgrade removes exactly it, and upgrading again gives the models' schema."""
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


def _columns(engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("users")}


def test_0026_adds_the_users_language_and_downgrades_cleanly(engine):
    migrate(engine, "0025")
    before, columns = triggers(engine), _columns(engine)
    with engine.begin() as c:
        c.execute(text("INSERT INTO users (username, display_name, role, password_hash, active, created_at) "
                       "VALUES ('ada', 'Ada', 'admin', 'x', true, CURRENT_TIMESTAMP)"))
    migrate(engine, "0026")
    assert _columns(engine) == columns | {"language"}
    with engine.connect() as c:
        assert c.execute(text("SELECT language FROM users")).scalar_one() is None
    migrate(engine, "0025", down=True)
    assert _columns(engine) == columns and triggers(engine) == before
    migrate(engine, "head")
    assert differences(engine) == []
