"""Migration 0021 (sign-in lockout) on SQLite and PostgreSQL: existing users start unlocked with no failures, their
audit rows stay, the downgrade removes exactly the two columns, and upgrading again gives the models' schema."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import inspect, text

from oms_desktop.adapters.db.engine import make_engine
from tests.integration.test_migration_0007 import differences, migrate, triggers


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def columns(engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("users")}


def test_0021_adds_the_lockout_columns_keeping_users_and_their_audit(engine):
    migrate(engine, "0019")
    before_columns, before_triggers = columns(engine), triggers(engine)
    now = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    with engine.begin() as c:
        c.execute(text("INSERT INTO users (username, display_name, role, password_hash, active, created_at) "
                       "VALUES ('ada', 'Ada', 'admin', 'h', true, :now)"), {"now": now})
        uid = c.execute(text("SELECT id FROM users")).scalar_one()
        c.execute(text("INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, old_values, "
                       "new_values) VALUES (:now, :uid, 'ada', 'user.add', 'user', :uid, '', '')"),
                  {"now": now, "uid": uid})
    migrate(engine, "0021")
    assert columns(engine) == before_columns | {"failed_logins", "locked_until"}
    with engine.connect() as c:
        assert c.execute(text("SELECT username, failed_logins, locked_until FROM users")).one() == ("ada", 0, None)
        assert c.execute(text("SELECT count(*) FROM audit_log WHERE user_id = :uid"), {"uid": uid}).scalar() == 1
    migrate(engine, "0019", down=True)
    assert columns(engine) == before_columns and triggers(engine) == before_triggers
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM audit_log")).scalar() == 1
        assert c.execute(text("SELECT username FROM users")).scalar_one() == "ada"
    migrate(engine, "head")
    assert differences(engine) == []
