"""Migration 0007 (supplier invoices) on SQLite and PostgreSQL: it upgrades a database holding purchase orders, its
downgrade removes exactly its tables and triggers and keeps everything else, and upgrading again gives the models'
schema with the append-only triggers back."""
from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from oms_desktop.adapters.db.engine import make_engine
from oms_desktop.adapters.db.migrate import _config, current_revision, head_revision
from oms_desktop.adapters.db.models import Base
from oms_desktop.adapters.db.models_performance import include_name

NEW_TABLES = {"supplier_invoices", "supplier_invoice_lines", "supplier_payments"}


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def migrate(engine, target: str, *, down: bool = False) -> None:
    with engine.begin() as conn:
        (command.downgrade if down else command.upgrade)(_config(conn), target)


def triggers(engine) -> set[str]:
    with engine.connect() as c:
        if engine.dialect.name == "sqlite":
            return set(c.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
        return set(c.execute(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")).scalars())


def differences(engine) -> list:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True,
                                                     "include_name": include_name})
        return compare_metadata(ctx, Base.metadata)


def test_0007_upgrades_downgrades_and_upgrades_again_keeping_the_purchase_orders(engine):
    migrate(engine, "0006")
    before_triggers = triggers(engine)
    with engine.begin() as c:
        c.execute(text("INSERT INTO suppliers (id, name, email, phone, address, active, created_at) "
                       "VALUES (1, 'Lumen', '', '', '', true, CURRENT_TIMESTAMP)"))
        c.execute(text("INSERT INTO purchase_orders (id, supplier_id, status, currency, total_minor, notes, "
                       "created_at, updated_at) VALUES (1, 1, 'draft', 'EUR', 0, '', CURRENT_TIMESTAMP, "
                       "CURRENT_TIMESTAMP)"))

    migrate(engine, "0007")
    assert current_revision(engine) == "0007"
    assert NEW_TABLES <= set(inspect(engine).get_table_names())
    added = triggers(engine) - before_triggers
    assert {t for t in added if t.startswith("supplier_")} == added and len(added) == 6  # 2 per table
    with engine.begin() as c:
        c.execute(text("INSERT INTO supplier_invoices (id, supplier_id, po_id, number, number_key, invoice_date, "
                       "currency, cost_minor, net_minor, tax_minor, total_minor, notes, recorded_at) VALUES "
                       "(1, 1, 1, 'A-1', 'A-1', CURRENT_DATE, 'EUR', 0, 100, 19, 119, '', CURRENT_TIMESTAMP)"))
    with pytest.raises(DBAPIError, match="immutable"), engine.begin() as c:
        c.execute(text("UPDATE supplier_invoices SET total_minor = 1"))

    migrate(engine, "0006", down=True)
    assert current_revision(engine) == "0006"
    assert not NEW_TABLES & set(inspect(engine).get_table_names())
    assert triggers(engine) == before_triggers  # 0004's and 0006's triggers are untouched
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM purchase_orders")).scalar_one() == 1

    migrate(engine, "0007")
    assert triggers(engine) - before_triggers == added
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM supplier_invoices")).scalar_one() == 0
    migrate(engine, "head")
    assert current_revision(engine) == head_revision() and differences(engine) == []
