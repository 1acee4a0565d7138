"""Rows held on a PostgreSQL connection and written together in one statement (``held_inserts``).

``repositories.add_rows`` holds them; every PostgreSQL engine writes them before its next statement
(``write_held_before``, installed by ``engine.make_engine``)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.engine import Connection

from .models_base import UtcDateTime

_SQL: dict = {}

HELD = "_oms_held_rows"
"""The attribute of a ``Connection`` holding its rows held by ``held_inserts`` (a list), or None."""


@contextmanager
def held_inserts(conn: Connection) -> Iterator[None]:
    """Rows given to ``add_rows`` (and ``insert_rows``) inside are held and written together in one statement on
    PostgreSQL: before the next statement runs on ``conn`` (``write_held_before``, installed on every PostgreSQL
    engine), at the latest when the block ends. SQLite writes each at once as usual.

    Why: on PostgreSQL each statement is a round trip, and an order placed wrote its lines, allowances, status
    history, event, audit record, confirmation e-mail and stock moves in seven, each waiting for the server: with
    eight workstations placing orders on two cores, the client's and the server's work per statement was most of the
    work per order (``oms bench``'s PostgreSQL row). Held, they go as one ``INSERT`` with a data-modifying ``WITH``
    per table, each table's rows one JSON value (a batch's hundreds of rows too: the order import's 2,000 orders took
    2.7-2.9 s on PostgreSQL this way, 2.9-3.3 s as executemany): the same rows in the same transaction, written before
    any later statement can read or lock anything.
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
    sql, params = _held_statement(conn, parts)
    conn.exec_driver_sql(sql, params)


def write_held_before(conn: Connection, *_args) -> None:
    """``before_execute`` of a PostgreSQL engine: rows held on the connection are written before the statement
    runs (``exec_driver_sql`` fires no such event: the write itself, and nothing else that runs while rows are held,
    goes that way)."""
    write_held(conn)


def _held_statement(conn: Connection, parts: list) -> tuple[str, tuple]:
    """One ``INSERT`` of every part's rows (``WITH d1 AS (INSERT ...), ... INSERT ...``), each table's rows as one
    JSON parameter (``json_populate_recordset``): the statement's text is the same however many rows, so psycopg
    converts it once and prepares it, and the rows go to the server in one value per table, serialized at C speed."""
    key = tuple((table.name, keys) for table, keys, _rows in parts)
    sql = _SQL.get(key)
    if sql is None:
        quote = conn.dialect.identifier_preparer.quote
        inserts = []
        for table, keys, _rows in parts:
            cols = ", ".join(quote(k) for k in keys)
            inserts.append(f"INSERT INTO {quote(table.name)} ({cols}) SELECT {cols} "
                           f"FROM json_populate_recordset(NULL::{quote(table.name)}, CAST(%s AS json))")
        ctes = ", ".join(f"d{i} AS ({ins})" for i, ins in enumerate(inserts[:-1], start=1))
        sql = _SQL[key] = (f"WITH {ctes} " if ctes else "") + inserts[-1]
    return sql, tuple(json.dumps(rows, default=_json_value, ensure_ascii=False) for _t, _k, rows in parts)


def _json_value(value):
    """A value JSON has no type for: an aware datetime as ISO 8601 with its offset (the column is timestamptz);
    a naive one is refused as SQLAlchemy's column type refuses it (``models_base.UtcDateTime``)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use datetime.now(timezone.utc)")
        return value.isoformat()
    raise TypeError(f"a {type(value).__name__} cannot be held (held_rows.holdable)")


_HOLDABLE: dict = {}


def holdable(table, keys: tuple[str, ...]) -> bool:
    """Whether rows with ``keys`` can be held: each key a column of that name whose values JSON carries as they
    are (integers, texts, booleans) or as ``_json_value`` writes them (aware datetimes), and no column SQLAlchemy
    would fill in when a row leaves it out (a Python-side default)."""
    got = _HOLDABLE.get((table.name, keys))
    if got is None:
        got = _HOLDABLE[(table.name, keys)] = (
            all(k in table.c and table.c[k].name == k
                and isinstance(table.c[k].type, (Integer, String, Boolean, UtcDateTime)) for k in keys)
            and not any(c.default is not None and c.key not in keys and not c.primary_key for c in table.columns))
    return got
