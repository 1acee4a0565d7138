"""Bulk inserts for the seeders: many rows at once through the table definitions (``adapters/db/models*.py``),
COPY on PostgreSQL, one ``executemany`` on SQLite, with the new rows' ids when the caller needs them."""
from __future__ import annotations

from sqlalchemy import func, insert, select, text

from ..adapters.db.repositories_sales import SalesRepo
from ..services.sales_facts import utc_offsets


def copy_rows(cursor, table: str, cols, rows) -> None:
    """COPY ``rows`` (sequences in the order of ``cols``) into a PostgreSQL ``table`` through a psycopg cursor."""
    with cursor.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as cp:
        for r in rows:
            cp.write_row(r)


def insert_rows(conn, table, rows: list[dict]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` in ``conn``'s transaction. The columns a row leaves
    out get their scalar defaults, as an INSERT through SQLAlchemy gives them; the values are what the database
    stores (integer minor units; aware UTC datetimes, which PostgreSQL takes as they are)."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), rows)
        return
    cols = list(rows[0])
    defaults = {c.name: c.default.arg for c in table.columns
                if c.name not in cols and c.default is not None and c.default.is_scalar}
    names = cols + list(defaults)
    extra = tuple(defaults.values())
    with conn.connection.driver_connection.cursor() as cur:
        copy_rows(cur, table.name, names, (tuple(r[c] for c in cols) + extra for r in rows))


def insert_ids(conn, table, rows: list[dict]) -> list[int]:
    """``insert_rows``, returning the new rows' ids (an integer ``id`` key the database assigns), in the order of
    ``rows``, from the table's own sequence of ids.

    PostgreSQL: the ids are drawn from the table's sequence first (one statement), then the rows copied with them.
    SQLite returns no ordered ids from a batch (SQLAlchemy falls back to one statement a row: seconds for the demo's
    history), so the first row is inserted alone for its id, the rest in one ``executemany``; in the write
    transaction nobody else inserts, so they take the ids that follow it, which the last id read back confirms."""
    if not rows:
        return []
    if conn.dialect.name == "postgresql":
        ids = sorted(conn.execute(text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
                                  {"t": table.name, "n": len(rows)}).scalars())
        insert_rows(conn, table, [{**r, "id": i} for r, i in zip(rows, ids)])
        return ids
    first = conn.execute(insert(table).returning(table.c.id), rows[0]).scalar_one()
    if len(rows) > 1:
        conn.execute(insert(table), rows[1:])
    last = conn.execute(select(func.max(table.c.id))).scalar_one()
    if last != first + len(rows) - 1:
        raise RuntimeError(f"{table.name}: expected ids {first}..{first + len(rows) - 1}, the last is {last}")
    return list(range(first, first + len(rows)))


def rebuild_sales_facts(engine) -> None:
    """The sales facts of bulk-loaded orders, from their documents (``SalesRepo.rebuild``: the same INSERT ...
    SELECT as the check's recomputation), then statistics for PostgreSQL's planner."""
    with engine.begin() as conn:
        SalesRepo(conn).rebuild(utc_offsets())
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE sales_facts, sales_day_facts"))
