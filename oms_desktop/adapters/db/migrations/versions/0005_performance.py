"""performance: indexes from the hot queries' plans; trigram search (SQLite FTS5, PostgreSQL pg_trgm)

Revision ID: 0005
Revises: 0004

SQLite: one FTS5 table per searched column (trigram tokenizer, external content: the table stores only the index),
kept in step with its table by triggers, so every write path (services, imports, bulk seeding) keeps it current.
Beware: a later batch migration that recreates products, customers or customer_phones on SQLite drops these
triggers with the old table; such a migration must create them again (tests/integration/test_query_plans.py checks
that the search index follows inserts, updates and deletes).
PostgreSQL: pg_trgm GIN indexes. If the extension cannot be created (no permission), the migration still succeeds
and logs a warning: searches by part of a word then scan their tables. Create the extension as a superuser
(``CREATE EXTENSION pg_trgm``) before migrating to get the indexes.
"""
import logging

from alembic import op
import sqlalchemy as sa  # noqa: F401

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

log = logging.getLogger("oms_desktop.migrations")

# Frozen copies of models_performance's names: a migration must not change when the module does.
SQLITE_FTS = {
    "products_fts": ("products", "search_text"),
    "customers_fts": ("customers", "name_lower"),
    "customer_phones_fts": ("customer_phones", "digits"),
}
PG_TRIGRAM_INDEXES = {
    "ix_products_search_trgm": ("products", "search_text"),
    "ix_customers_name_trgm": ("customers", "name_lower"),
    "ix_customers_email_trgm": ("customers", "email_lower"),
    "ix_customer_phones_digits_trgm": ("customer_phones", "digits"),
}
PG_PATTERN_INDEXES = {"ix_products_sku_pattern": ("products", "sku")}


def upgrade() -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_index('ix_orders_customer_created', ['customer_id', 'created_at'], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for fts, (table, col) in SQLITE_FTS.items():
            op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({col}, content='{table}', content_rowid='id', "
                       "tokenize='trigram')")
            op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                       f"INSERT INTO {fts}(rowid, {col}) VALUES (new.id, new.{col}); END")
            op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
                       f"INSERT INTO {fts}({fts}, rowid, {col}) VALUES ('delete', old.id, old.{col}); END")
            op.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {col} ON {table} BEGIN "
                       f"INSERT INTO {fts}({fts}, rowid, {col}) VALUES ('delete', old.id, old.{col}); "
                       f"INSERT INTO {fts}(rowid, {col}) VALUES (new.id, new.{col}); END")
            op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")  # rows that exist already
    elif bind.dialect.name == "postgresql":
        for name, (table, col) in PG_PATTERN_INDEXES.items():
            op.execute(f"CREATE INDEX {name} ON {table} ({col} text_pattern_ops)")
        try:
            with bind.begin_nested():
                bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except sa.exc.DBAPIError as exc:
            log.warning("pg_trgm cannot be created (%s): searches by part of a word scan their tables; "
                        "a superuser can run CREATE EXTENSION pg_trgm and migrate again", exc.orig)
            return
        for name, (table, col) in PG_TRIGRAM_INDEXES.items():
            op.execute(f"CREATE INDEX {name} ON {table} USING gin ({col} gin_trgm_ops)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for fts in SQLITE_FTS:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    elif bind.dialect.name == "postgresql":
        for name in (*PG_TRIGRAM_INDEXES, *PG_PATTERN_INDEXES):
            op.execute(f"DROP INDEX IF EXISTS {name}")
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index('ix_orders_customer_created')
