"""Rows held on a PostgreSQL connection and written together in one statement (``held_inserts``).

``repositories.add_rows`` holds them; every PostgreSQL engine writes them before its next statement
(``write_held_before``, installed by ``engine.make_engine``)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from operator import itemgetter

from sqlalchemy.engine import Connection

_SQL: dict = {}

HELD = "_oms_held_rows"
"""The attribute of a ``Connection`` holding its rows held by ``held_inserts`` (a list), or None."""
HELD_ROWS_AT_MOST = 16
"""More rows than this for one table are not held but written at once (after what is held), as one executemany: a
batch's hundreds of rows (the order import's 200 orders) go faster through psycopg's pipeline of one prepared
statement than in one long statement the server parses anew for each batch (2,000 orders imported on PostgreSQL:
3.4 s held, 2.9 s not)."""
_HELD_PARAMS_AT_MOST = 30_000
"""Rows held beyond this many values go in more than one statement (PostgreSQL takes at most 65,535 per statement)."""


@contextmanager
def held_inserts(conn: Connection) -> Iterator[None]:
    """Rows given to ``add_rows`` (and ``insert_rows``) inside are held and written together in one statement on
    PostgreSQL: before the next statement runs on ``conn`` (``write_held_before``, installed on every PostgreSQL
    engine), at the latest when the block ends. SQLite writes each at once as usual.

    Why: on PostgreSQL each statement is a round trip, and an order placed wrote its lines, allowances, status
    history, event, audit record, confirmation e-mail and stock moves in seven, each waiting for the server: with
    eight workstations placing orders on two cores, the client's and the server's work per statement was most of the
    work per order (``oms bench``'s PostgreSQL row). Held, they go as one ``INSERT`` with a data-modifying ``WITH``
    per table: the same rows in the same transaction, written before any later statement can read or lock anything.
    Only what needs no answer is held (no ``RETURNING``); what it costs is that a refusal by the database (a foreign
    key) surfaces at the next statement instead of the call that gave the rows; the text guard still refuses at the
    call. On an error inside the block the rows are dropped with the transaction."""
    if conn.dialect.name != "postgresql" or getattr(conn, HELD, None) is not None:
        yield
        return
    held: list = []
    setattr(conn, HELD, held)
    try:
        yield
        write_held(conn)
    finally:  # after an error the rows are dropped: the transaction rolls back
        setattr(conn, HELD, None)


def write_held(conn: Connection) -> None:
    """Write the rows ``held_inserts`` holds on ``conn`` now (nothing when none are held)."""
    held = getattr(conn, HELD, None)
    if not held:
        return
    parts = list(held)
    held.clear()
    while parts:
        batch: list = []
        n = 0  # as many parts as fit in one statement's values (a larger part goes alone)
        while parts and (not batch or n + parts[0][3] <= _HELD_PARAMS_AT_MOST):
            part = parts.pop(0)
            batch.append(part)
            n += part[3]
        sql, params = _held_statement(conn, batch)
        conn.exec_driver_sql(sql, tuple(params))


def write_held_before(conn: Connection, *_args) -> None:
    """``before_execute`` of a PostgreSQL engine: rows held on the connection are written before the statement
    runs (``exec_driver_sql`` fires no such event: the write itself, and nothing else that runs while rows are held,
    goes that way)."""
    if getattr(conn, HELD, None):
        write_held(conn)


def _held_statement(conn: Connection, parts: list) -> tuple[str, list]:
    """One ``INSERT`` of every part's rows (``WITH d1 AS (INSERT ...), ... INSERT ...``) and its values, in order."""
    key = tuple((table.name, keys, len(rows)) for table, keys, rows, _n in parts)
    sql = _SQL.get(key)
    quote = conn.dialect.identifier_preparer.quote
    if sql is None:
        inserts = []
        for table, keys, rows, _n in parts:
            row = "(" + ", ".join("%s" for _ in keys) + ")"
            inserts.append(f"INSERT INTO {quote(table.name)} ({', '.join(quote(table.c[k].name) for k in keys)}) "
                           f"VALUES {', '.join(row for _ in rows)}")
        ctes = ", ".join(f"d{i} AS ({ins})" for i, ins in enumerate(inserts[:-1], start=1))
        sql = _SQL[key] = (f"WITH {ctes} " if ctes else "") + inserts[-1]
    params: list = []
    for table, keys, rows, _n in parts:
        processors = _bind_processors(conn, table, keys)
        if any(processors):
            for row in rows:
                params.extend(v if p is None else p(v) for v, p in zip((row[k] for k in keys), processors))
        else:
            values = itemgetter(*keys)
            for row in rows:
                params.extend(values(row) if len(keys) > 1 else (row[keys[0]],))
    return sql, params


_PROCESSORS: dict = {}


def _bind_processors(conn: Connection, table, keys: tuple[str, ...]) -> list:
    """Each column's conversion of a Python value for the database (SQLAlchemy's bind processor: an aware datetime
    to UTC, say), None where the value goes as it is."""
    got = _PROCESSORS.get((conn.dialect.name, table.name, keys))
    if got is None:
        got = _PROCESSORS[(conn.dialect.name, table.name, keys)] = [
            table.c[k].type._cached_bind_processor(conn.dialect) for k in keys]
    return got
