"""Query plans and the SQL a block of code runs: for the index and statement-count tests (SQLite and PostgreSQL)."""
from __future__ import annotations

import re
from contextlib import contextmanager

from sqlalchemy import event


@contextmanager
def captured(engine):
    """The SQL statements (with parameters) executed while the block runs."""
    seen: list[tuple[str, object]] = []

    def listener(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listener)


def plans(backend, statements) -> list[str]:
    """The plan of each SELECT / UPDATE, as text. PostgreSQL is told to avoid sequential scans (on tables this small
    it would scan anyway, and the question is whether an index *can* serve the query) and plain index scans (which
    walk one index in order and filter; bitmap scans name every index that serves a condition)."""
    out = []
    with backend.engine.connect() as conn:
        if backend.engine.dialect.name == "postgresql":
            conn.exec_driver_sql("SET enable_seqscan = off")
            conn.exec_driver_sql("SET enable_indexscan = off")
        for statement, params in statements:
            if not statement.lstrip().upper().startswith(("SELECT", "UPDATE", "WITH")):
                continue
            if backend.engine.dialect.name == "sqlite":
                rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
                out.append("\n".join(r[-1] for r in rows))
            else:
                rows = conn.exec_driver_sql("EXPLAIN " + statement, params).all()
                out.append("\n".join(r[0] for r in rows))
        conn.rollback()
    return out


def full_scans(plan: str, tables: tuple[str, ...]) -> list[str]:
    """Plan lines that read a whole table (SQLite ``SCAN t``, PostgreSQL ``Seq Scan on t``)."""
    found = []
    for line in plan.splitlines():
        for t in tables:
            if re.search(rf"\bSCAN {t}(\s|$)", line) and "USING" not in line or f"Seq Scan on {t} " in line + " ":
                found.append(line.strip())
    return found


def the_plan(backend, fn) -> str:
    with captured(backend.engine) as seen:
        fn()
    return "\n".join(plans(backend, seen))


def is_sqlite(backend) -> bool:
    return backend.engine.dialect.name == "sqlite"
