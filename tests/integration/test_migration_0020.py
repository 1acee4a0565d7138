"""Migration 0020 (issue 18, findings 5 and 6): SQLite refuses INSERT OR REPLACE over a stored row of every history
table and of the invoice counters; PostgreSQL refuses TRUNCATE of the history tables and the counters; the
downgrade removes exactly its triggers."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from oms_desktop.adapters.db.engine import make_engine
from tests.integration.test_migration_0007 import differences, migrate, triggers

HISTORY = ("stock_moves", "events", "audit_log", "order_status_history", "invoices", "invoice_lines",
           "invoice_documents", "invoice_adjustments", "payments", "ledger_entries", "ledger_postings",
           "supplier_invoices", "supplier_invoice_lines", "supplier_payments")

# values that pass each table's CHECK constraints; every other column gets 1, 'x' or a date by its type
OVERRIDES = {
    "invoices": {"net_minor": 1, "tax_minor": 1, "total_minor": 2, "prepaid_minor": 0},
    "supplier_invoices": {"net_minor": 1, "tax_minor": 1, "total_minor": 2, "cost_minor": 1},
    "supplier_invoice_lines": {"quantity": 1, "unit_price_minor": 1, "net_minor": 1},
    "payments": {"kind": "payment"},
    "supplier_payments": {"method": "bank"},
}


def _value(table: str, column: str, declared: str):
    if column in OVERRIDES.get(table, {}):
        return OVERRIDES[table][column]
    declared = declared.upper()
    if "INT" in declared or "BOOL" in declared or "NUMERIC" in declared:
        return 1
    if "DATE" in declared or "TIME" in declared:
        return "2026-01-02 03:04:05.000000"
    if "BLOB" in declared or "BINARY" in declared:
        return b"%PDF"
    return "x"


def _one_row(conn: sqlite3.Connection, table: str) -> dict:
    """Stores one row in ``table`` (foreign keys off: its parents need not exist) and returns it."""
    row = {name: _value(table, name, declared) for _, name, declared, *_ in conn.execute(f"PRAGMA table_info({table})")}
    if table == "invoice_counters":
        row = {"series": "INV", "last_number": 41}
    conn.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    return row


@pytest.fixture
def migrated_sqlite(tmp_path):
    from tests.helpers.fixtures import migrated_sqlite_url
    return make_url(migrated_sqlite_url(tmp_path)).database


@pytest.mark.parametrize("table", (*HISTORY, "invoice_counters"))
def test_sqlite_refuses_insert_or_replace_over_a_stored_row(migrated_sqlite, table):
    conn = sqlite3.connect(migrated_sqlite, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        stored = _one_row(conn, table)
        before = conn.execute(f"SELECT * FROM {table}").fetchall()
        changed = dict(stored)
        if table == "invoice_counters":
            changed["last_number"] = 0  # finding 5: the counter reset to 0
        else:
            fixed = {"id", "invoice_id", *OVERRIDES.get(table, {})}  # the key stays; the checks still pass
            changed = {k: (v + 1 if isinstance(v, int) and k not in fixed else v) for k, v in stored.items()}
        for verb in ("INSERT OR REPLACE", "REPLACE"):
            with pytest.raises(sqlite3.IntegrityError, match="never replaced"):
                conn.execute(f"{verb} INTO {table} ({', '.join(changed)}) VALUES ({', '.join('?' * len(changed))})",
                             list(changed.values()))
        assert conn.execute(f"SELECT * FROM {table}").fetchall() == before
    finally:
        conn.close()


def test_sqlite_refuses_replace_through_a_secondary_unique_key(migrated_sqlite):
    """REPLACE also deletes a row that holds the same unique key under another id (an invoice's number)."""
    conn = sqlite3.connect(migrated_sqlite, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        stored = _one_row(conn, "invoices")
        other = {**stored, "id": stored["id"] + 100}
        with pytest.raises(sqlite3.IntegrityError, match="never replaced"):
            conn.execute(f"INSERT OR REPLACE INTO invoices ({', '.join(other)}) VALUES ({', '.join('?' * len(other))})",
                         list(other.values()))
        assert [r[0] for r in conn.execute("SELECT id FROM invoices")] == [stored["id"]]
    finally:
        conn.close()


def test_new_rows_are_still_inserted_and_the_invoice_counter_still_steps(migrated_sqlite):
    conn = sqlite3.connect(migrated_sqlite, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        _one_row(conn, "invoice_counters")
        conn.execute("UPDATE invoice_counters SET last_number = last_number + 1")
        conn.execute("INSERT INTO invoice_counters (series, last_number) VALUES ('CRN', 0)")
        conn.execute("INSERT INTO invoice_counters (series, last_number) VALUES ('PO', 0) ON CONFLICT DO NOTHING")
        assert dict(conn.execute("SELECT series, last_number FROM invoice_counters")) == {"INV": 42, "CRN": 0, "PO": 0}
    finally:
        conn.close()


@pytest.mark.postgres
@pytest.mark.parametrize("table", ("stock_moves", "events", "audit_log", "order_status_history", "invoice_counters"))
def test_postgresql_refuses_truncate(pg_migrated_url, table):
    engine = make_engine(pg_migrated_url)
    try:
        with pytest.raises(DBAPIError, match="append-only|gapless"):
            with engine.begin() as c:
                c.execute(text(f"TRUNCATE {table} CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def test_0020_downgrades_to_exactly_the_triggers_before_and_upgrades_again(engine):
    migrate(engine, "0019")
    before = triggers(engine)
    migrate(engine, "0020")
    added = triggers(engine) - before
    if engine.dialect.name == "sqlite":
        assert added == {f"{t}_no_replace" for t in (*HISTORY, "invoice_counters")}
    else:
        assert added == {f"{t}_no_truncate" for t in ("stock_moves", "events", "audit_log", "order_status_history",
                                                     "invoice_counters")}
    migrate(engine, "0019", down=True)
    assert triggers(engine) == before
    migrate(engine, "head")
    assert differences(engine) == []
