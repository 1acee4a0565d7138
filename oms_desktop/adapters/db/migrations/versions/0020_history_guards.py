"""history guards: SQLite refuses INSERT OR REPLACE over history and counters, PostgreSQL refuses TRUNCATE (issue 18)

Revision ID: 0020
Revises: 0019

SQLite's ``INSERT OR REPLACE`` (and ``REPLACE INTO``) resolves a key conflict by deleting the row in the way and
inserting the new one; delete triggers do not fire for that delete unless ``recursive_triggers`` is on (and any
client may leave it off), so the append-only tables could be rewritten and an invoice counter reset to 0. Each table
now has a ``BEFORE INSERT`` trigger that aborts when a row with the same primary key or unique key already exists:
a plain insert of a duplicate fails as it did (with this message instead of "UNIQUE constraint failed"), REPLACE
fails instead of rewriting. ``ON CONFLICT DO NOTHING`` inserts fire BEFORE INSERT triggers too, so the one write
path that relied on it over an existing row (an invoice's stored PDF) checks first.

PostgreSQL: 0004, 0007 and 0009 gave the accounts tables ``BEFORE TRUNCATE`` statement triggers; the four history
tables of 0001 (stock_moves, events, audit_log, order_status_history) and invoice_counters get theirs here.
Triggers only: no table is rebuilt.
"""
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

GUARDED = {
    # table: its keys besides the primary key (each a tuple of columns), as the models declare them
    "stock_moves": (),
    "events": (),
    "audit_log": (),
    "order_status_history": (),
    "invoices": (("number",), ("series", "seq")),
    "invoice_lines": (("invoice_id", "line_no"),),
    "invoice_documents": (),
    "invoice_adjustments": (("invoice_id", "seq"),),
    "payments": (),
    "ledger_entries": (("reverses_id",),),
    "ledger_postings": (),
    "supplier_invoices": (("supplier_id", "number_key"),),
    "supplier_invoice_lines": (("invoice_id", "line_no"),),
    "supplier_payments": (),
    "invoice_counters": (),
}
PRIMARY_KEY = {"invoice_documents": "invoice_id", "invoice_counters": "series"}
NO_TRUNCATE_PG = ("stock_moves", "events", "audit_log", "order_status_history")
COUNTER_MESSAGE = "invoice numbers are gapless: a counter only moves up by one and is never deleted"


def _sqlite_condition(table: str) -> str:
    keys = ((PRIMARY_KEY.get(table, "id"),), *GUARDED[table])
    return " OR ".join(f"EXISTS (SELECT 1 FROM {table} WHERE "
                       + " AND ".join(f"{col} = NEW.{col}" for col in key) + ")" for key in keys)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in GUARDED:
            op.execute(f"CREATE TRIGGER {table}_no_replace BEFORE INSERT ON {table} WHEN {_sqlite_condition(table)} "
                       f"BEGIN SELECT RAISE(ABORT, '{table}: a stored row is never replaced (history is "
                       "append-only)'); END")
    else:
        for table in NO_TRUNCATE_PG:
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION oms_append_only()")
        op.execute("CREATE TRIGGER invoice_counters_no_truncate BEFORE TRUNCATE ON invoice_counters "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION oms_accounts_immutable('{COUNTER_MESSAGE}')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in GUARDED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_replace")
    else:
        for table in (*NO_TRUNCATE_PG, "invoice_counters"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
