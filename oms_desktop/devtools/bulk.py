"""Bulk inserts for the seeders that need the new rows' ids (the demo's history and its accounts documents)."""
from __future__ import annotations

from sqlalchemy import func, insert, select


def insert_ids(conn, table, rows: list[dict]) -> list[int]:
    """Insert ``rows`` into ``table`` (an integer ``id`` key the database assigns) in ``conn``'s transaction and
    return their ids, in the order of ``rows``.

    PostgreSQL: one INSERT ... RETURNING per batch (SQLAlchemy's insertmanyvalues keeps the order). SQLite returns
    no ordered ids from a batch (SQLAlchemy falls back to one statement a row: seconds for the demo's history), so the
    first row is inserted alone for its id, the rest in one ``executemany``; in the write transaction nobody else
    inserts, so they take the ids that follow it, which the last id read back confirms."""
    if not rows:
        return []
    if conn.dialect.name != "sqlite":
        return list(conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).scalars())
    first = conn.execute(insert(table).returning(table.c.id), rows[0]).scalar_one()
    if len(rows) > 1:
        conn.execute(insert(table), rows[1:])
    last = conn.execute(select(func.max(table.c.id))).scalar_one()
    if last != first + len(rows) - 1:
        raise RuntimeError(f"{table.name}: expected ids {first}..{first + len(rows) - 1}, the last is {last}")
    return list(range(first, first + len(rows)))
