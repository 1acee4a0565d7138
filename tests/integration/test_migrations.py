"""Migrations: an empty database migrates to exactly the models' schema, twice is a no-op, and SQLite is backed up
before an existing database is changed."""
from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from oms_desktop.adapters.db.engine import backup_sqlite, make_engine
from oms_desktop.adapters.db.migrate import MIGRATIONS, current_revision, head_revision, upgrade
from oms_desktop.adapters.db.models import Base
from oms_desktop.adapters.db.models_performance import include_name  # the search indexes live outside the models


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def _schema_differences(engine) -> list:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True,
                                                     "include_name": include_name})
        return compare_metadata(ctx, Base.metadata)


def _row_counts(conn, tables) -> dict[str, int]:
    return {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one() for t in tables}


def test_migrating_an_empty_database_gives_the_models_schema(engine, paths):
    assert upgrade(engine, paths.backups) is True
    assert current_revision(engine) == head_revision()
    assert _schema_differences(engine) == []
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    assert list(paths.backups.iterdir()) == []  # nothing to back up in a new database


def test_upgrading_twice_changes_nothing(engine, paths):
    upgrade(engine, paths.backups)
    tables = sorted(inspect(engine).get_table_names())
    assert upgrade(engine, paths.backups) is False
    assert sorted(inspect(engine).get_table_names()) == tables
    assert current_revision(engine) == head_revision()
    assert _schema_differences(engine) == []


def test_a_schema_that_differs_from_the_models_is_noticed(engine, paths):
    # Guards the comparison above: it must see a change, or "no differences" proves nothing.
    upgrade(engine, paths.backups)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE stray (id INTEGER PRIMARY KEY)"))
    diffs = _schema_differences(engine)
    assert [(d[0], d[1].name) for d in diffs if isinstance(d, tuple)] == [("remove_table", "stray")]


def test_backup_sqlite_makes_a_readable_copy_with_the_same_rows(sqlite_backend, paths):
    services = sqlite_backend.services
    services.auth.add_user(None, "admin", "admin", "admin-pw")
    admin = services.auth.actor_for("admin")
    services.catalog.import_catalog(admin, b"sku,name,unit_price,tax_rate,on_hand\nA-1,Thing,1.00,0,7\n")
    tables = sorted(inspect(sqlite_backend.engine).get_table_names())
    with sqlite_backend.engine.connect() as conn:
        expected = _row_counts(conn, tables)
    target = backup_sqlite(sqlite_backend.engine, paths.backups, label="manual")
    assert target is not None and target.parent == paths.backups and "manual" in target.name
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert {t: copy.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables} == expected
        assert copy.execute("SELECT on_hand FROM stock").fetchall() == [(7,)]
    finally:
        copy.close()
    assert expected["users"] == 1 and expected["products"] == 1


def test_backup_sqlite_does_nothing_for_postgresql(pg_url, paths):
    eng = make_engine(pg_url)
    try:
        assert backup_sqlite(eng, paths.backups) is None
    finally:
        eng.dispose()


def test_upgrading_an_older_sqlite_database_backs_it_up_first(sqlite_url, paths):
    eng = make_engine(sqlite_url)
    try:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with eng.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0001")
        with eng.begin() as conn:
            conn.execute(text("INSERT INTO settings (key, value) VALUES ('company_name', 'Old Shop')"))
        assert upgrade(eng, paths.backups) is True
        assert current_revision(eng) == head_revision()
        (backup,) = paths.backups.iterdir()
        assert f"before-{head_revision()}" in backup.name
        copy = sqlite3.connect(backup)
        try:
            assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
            assert copy.execute("SELECT value FROM settings").fetchall() == [("Old Shop",)]
        finally:
            copy.close()
        with eng.connect() as conn:
            assert conn.execute(text("SELECT value FROM settings")).scalar_one() == "Old Shop"
        assert _schema_differences(eng) == []
    finally:
        eng.dispose()


def test_the_head_read_from_the_files_headers_is_alembics_head():
    """The app reads the head revision from the version files' headers (no Alembic import on an ordinary start);
    it must be the revision Alembic itself would migrate to."""
    from oms_desktop.adapters.db.migrate import alembic_head_revision, head_revision
    assert head_revision() == alembic_head_revision()
