"""PostgreSQL's pool checks a connection before use only when it has been idle for a while
(``engine.ping_idle_connections``): a connection whose server process has gone is then replaced without an error,
and one handed back a moment ago goes straight to work (no round trip of its own)."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from oms_desktop.adapters.db import engine as engine_mod
from oms_desktop.adapters.db.engine import make_engine

pytestmark = pytest.mark.postgres


def _backend_pid(engine) -> int:
    with engine.connect() as c:
        return c.execute(text("SELECT pg_backend_pid()")).scalar_one()


def _end(pg_databases, pid: int) -> None:
    with pg_databases.admin.connect() as c:
        assert c.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar_one()


@pytest.fixture
def engine(pg_migrated_url):
    eng = make_engine(pg_migrated_url)
    eng.pool.dispose()
    yield eng
    eng.dispose()


@pytest.fixture
def pings(engine, monkeypatch):
    counted: list[int] = []
    real = engine.dialect.do_ping

    def counting(dbapi_conn):
        counted.append(1)
        return real(dbapi_conn)
    monkeypatch.setattr(engine.dialect, "do_ping", counting)
    return counted


def test_a_connection_idle_for_a_while_whose_server_process_ended_is_replaced_before_use(
        engine, pings, pg_databases, monkeypatch):
    first = _backend_pid(engine)
    _end(pg_databases, first)
    monkeypatch.setattr(engine_mod, "PING_AFTER_IDLE_S", 0.0)  # idle long enough: checked
    second = _backend_pid(engine)  # no error
    assert second != first and pings


def test_a_connection_handed_back_a_moment_ago_is_not_checked(engine, pings, monkeypatch):
    monkeypatch.setattr(engine_mod, "PING_AFTER_IDLE_S", 60.0)
    pids = {_backend_pid(engine) for _ in range(5)}
    assert len(pids) == 1 and pings == []
    monkeypatch.setattr(engine_mod, "PING_AFTER_IDLE_S", 0.0)
    assert _backend_pid(engine) in pids and pings == [1]  # alive: checked once and used
