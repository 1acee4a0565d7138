"""Database and service fixtures for every test layer."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from oms_desktop.config import Paths

PG_ADMIN_URL = os.environ.get("OMS_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
IN_CI = os.environ.get("CI", "").lower() == "true"

SAMPLE_CATALOG = (
    "sku,name,unit_price,tax_rate,barcode,category,location,on_hand,reorder_point\n"
    "LAMP-01,Desk lamp,19.99,0.19,4006381333931,Lighting,A-01-02,10,2\n"
    "BULB-E27,LED bulb E27,3.49,0.19,4006381333948,Lighting,A-01-03,100,20\n"
    "BOOK-01,Field guide,12.00,0.07,9783161484100,Books,B-02-01,5,1\n"
)


_SQLITE_TEMPLATE: Path | None = None


def migrated_sqlite_url(folder: Path) -> str:
    """The URL of ``folder/oms.db``, a copy of a database at the newest schema with no rows.

    Migrating a new SQLite file takes about half a second and a thousand tests start from one; so each test
    process migrates one template file the way the app does and every test gets a copy of it (the app's own
    start on that copy still runs the migration check, finding nothing to do). Tests of creating and migrating
    a database use ``empty_db_url``."""
    global _SQLITE_TEMPLATE
    if _SQLITE_TEMPLATE is None:
        root = Path(tempfile.mkdtemp(prefix="oms-sqlite-template-"))
        atexit.register(shutil.rmtree, root, True)
        paths = Paths(root / "data", root / "config", root / "logs", root / "backups").ensure()
        open_backend(f"sqlite:///{root / 'oms.db'}", paths=paths, hasher=fast_test_hasher()).dispose()
        leftovers = [p.name for p in root.iterdir() if p.name.startswith("oms.db-")]
        assert not leftovers, f"the template database left {leftovers} behind: a copy would miss what they hold"
        _SQLITE_TEMPLATE = root / "oms.db"
    target = Path(folder) / "oms.db"
    shutil.copyfile(_SQLITE_TEMPLATE, target)
    return f"sqlite:///{target}"


def _pg_available() -> bool:
    try:
        eng = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with eng.connect() as c:
            c.execute(text("select 1"))
        eng.dispose()
        return True
    except Exception:  # noqa: BLE001 - any failure means no usable server: the PostgreSQL tests skip
        return False


class PgDatabases:
    """Creates throwaway databases on the test server and drops them afterwards."""

    def __init__(self):
        self.admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        self.created: list[str] = []
        self._template: str | None = None

    def _url(self, name: str) -> str:
        return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)

    def create(self) -> str:
        """A new empty database (for tests of creating and migrating a database)."""
        name = f"oms_test_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        self.created.append(name)
        return self._url(name)

    def migrated(self, *, fresh_statistics: bool = False) -> str:
        """A database at the newest schema with no rows, for one test.

        Creating and dropping a database per test costs a checkpoint each (seconds over a suite), so one migrated
        database per test process is emptied before every test instead (with triggers off for that session only:
        the immutability triggers refuse TRUNCATE too). Connections a previous test left open are ended first.
        """
        if self._template is None:
            from oms_desktop.adapters.db.engine import make_engine
            from oms_desktop.adapters.db.migrate import upgrade
            url = self.create()
            engine = make_engine(url)
            upgrade(engine)
            engine.dispose()
            self._template = url
            # pre-ping: a test may have ended this connection (tests/gui/test_connection_lost.py ends them all)
            self._cleaner = create_engine(url, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
            with self._cleaner.connect() as c:
                tables = [t for t in c.execute(text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
                )).scalars()]
                # every sequence as the migrations left it (most at 1, not yet called)
                sequences = c.execute(text(
                    "SELECT format('%I', sequencename), last_value, last_value IS NOT NULL FROM pg_sequences "
                    "WHERE schemaname = 'public'")).all()
            # Emptying by DELETE, not TRUNCATE: a test leaves a few rows in a few tables, and TRUNCATE gives each of
            # the ~80 tables a new file (0.3-0.4 s a test, about three minutes of the suite); DELETE on an empty
            # table costs nothing. The sequences are set back as the migrations left them (TRUNCATE's RESTART
            # IDENTITY). One round trip each.
            self._truncate = text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")
            self._reset = text(
                "DO $$ BEGIN "
                + " ".join(f'DELETE FROM "{t}";' for t in tables)
                + " ".join(f" PERFORM setval('{seq}', {last if called else 1}, {'true' if called else 'false'});"
                           for seq, last, called in sequences)
                + " END $$")
        with self._cleaner.connect() as c:
            c.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
            c.execute(text("SET lock_timeout = '20s'"))
            # the immutability triggers refuse DELETE and TRUNCATE; a test reset is the one place that may bypass them
            c.execute(text("SET session_replication_role = replica"))
            # a query plan test gets its tables as a fresh database has them (TRUNCATE: new empty files, so the
            # planner's idea of their size is not what earlier tests left); every other test the quick DELETE
            c.execute(self._truncate if fresh_statistics else self._reset)
        return self._template

    def drop_all(self) -> None:
        if self._template is not None:
            self._cleaner.dispose()
        with self.admin.connect() as c:
            for name in self.created:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


@pytest.fixture(scope="session")
def pg_databases():
    if not _pg_available():
        if IN_CI:
            pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}; in CI the PostgreSQL tests must run")
        pytest.skip("PostgreSQL is not reachable (set OMS_TEST_PG_URL); these tests run in CI")
    dbs = PgDatabases()
    yield dbs
    dbs.drop_all()


@pytest.fixture
def pg_url(pg_databases) -> str:
    """An empty PostgreSQL database (for tests of creating and migrating a database)."""
    return pg_databases.create()


@pytest.fixture
def pg_migrated_url(pg_databases, request) -> str:
    """A PostgreSQL database already at the newest schema, with no rows (emptied by TRUNCATE for a test marked
    ``fresh_statistics``: the query plan tests)."""
    return pg_databases.migrated(fresh_statistics=request.node.get_closest_marker("fresh_statistics") is not None)


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'oms.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """Runs the test once on SQLite and once on PostgreSQL, each at the newest schema with no rows."""
    if request.param == "sqlite":
        return migrated_sqlite_url(tmp_path)
    return request.getfixturevalue("pg_migrated_url")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_db_url(request, tmp_path) -> str:
    """A database with no schema at all, once on SQLite and once on PostgreSQL (for migration tests)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def paths(tmp_path) -> Paths:
    return Paths(tmp_path / "data", tmp_path / "config", tmp_path / "logs", tmp_path / "backups").ensure()


@pytest.fixture
def backend(db_url, paths):
    b = open_backend(db_url, paths=paths, hasher=fast_test_hasher())
    yield b
    b.dispose()


@pytest.fixture
def sqlite_backend(sqlite_url, paths):
    b = open_backend(sqlite_url, paths=paths, hasher=fast_test_hasher())
    yield b
    b.dispose()


@pytest.fixture
def services(backend):
    return backend.services


@pytest.fixture
def admin(services):
    services.auth.add_user(None, "admin", "admin", "admin-pw", "Ada Admin")
    return services.auth.sign_in("admin", "admin-pw")


@pytest.fixture
def users(services, admin):
    """One signed-in actor per role, keyed by role name."""
    out = {"admin": admin}
    for role in ("agent", "counter", "warehouse", "accountant", "manager"):
        services.auth.add_user(admin, role, role, f"{role}-pw")
        out[role] = services.auth.sign_in(role, f"{role}-pw")
    return out


@pytest.fixture
def catalog(services, admin):
    services.catalog.import_catalog(admin, SAMPLE_CATALOG.encode())
    return services


@pytest.fixture
def customer(services, admin):
    return services.customers.add_customer(admin, "Anna Schmidt", ["0171 555-0100"], "anna@example.com",
                                           "Hauptstr. 1\n10115 Berlin")
