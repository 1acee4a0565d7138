"""The shared server's least-privilege role (packaging/postgres/app_role.sql, docs/shared_server.md).

Set up as the guide says: an owner role owns the database and migrates it, the script (run as a superuser) makes
the app's role, and the app, connected as that role, does a day's work while everything that would change the
schema, its triggers or its history wholesale is refused by the server itself."""
from __future__ import annotations

import shutil
import subprocess
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from oms_desktop.adapters.db.migrate import head_revision
from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from oms_desktop.domain.errors import StorageError
from tests.helpers.fixtures import PG_ADMIN_URL, SAMPLE_CATALOG

pytestmark = pytest.mark.postgres

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "postgres" / "app_role.sql"


def _url(role: str, database: str) -> str:
    return make_url(PG_ADMIN_URL).set(username=role, password=None, database=database).render_as_string(
        hide_password=False)


@pytest.fixture
def shared_server(pg_databases):
    """(owner URL, app URL, names) for a database set up by the guide; everything dropped afterwards."""
    if shutil.which("psql") is None:
        pytest.fail("psql is not installed: the guide runs the script with it (apt install postgresql-client)")
    tag = uuid.uuid4().hex[:10]
    owner, app, database = f"oms_owner_{tag}", f"oms_app_{tag}", f"oms_lp_{tag}"
    admin = pg_databases.admin
    with admin.connect() as c:
        c.execute(text(f'CREATE ROLE "{owner}" LOGIN'))
        c.execute(text(f'CREATE DATABASE "{database}" OWNER "{owner}"'))
    try:
        yield _url(owner, database), _url(app, database), {"owner": owner, "app": app, "database": database}
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            c.execute(text(f'DROP ROLE IF EXISTS "{app}"'))
            c.execute(text(f'DROP ROLE IF EXISTS "{owner}"'))


def _run_script(names: dict[str, str]) -> subprocess.CompletedProcess:
    server = make_url(PG_ADMIN_URL)
    return subprocess.run(
        ["psql", "-X", "-q", "-h", server.host or "127.0.0.1", "-p", str(server.port or 5432),
         "-U", server.username or "postgres", "-d", names["database"],
         "-v", f"owner={names['owner']}", "-v", f"app_role={names['app']}", "-v", "app_password=not-used-here",
         "-f", str(SCRIPT)],
        capture_output=True, text=True, timeout=60)


def _refused(engine, statement: str) -> str:
    """The server's error for ``statement``, run as the engine's role in a transaction of its own."""
    with engine.connect() as c:
        try:
            c.execute(text(statement))
        except DBAPIError as e:
            c.rollback()
            return str(e.orig).splitlines()[0]
        c.rollback()
    raise AssertionError(f"{statement!r} was allowed")


def test_the_app_role_does_a_days_work_and_cannot_change_the_schema_its_triggers_or_history(shared_server, paths):
    owner_url, app_url, names = shared_server
    open_backend(owner_url, paths=paths, hasher=fast_test_hasher()).dispose()       # `oms init` as the owner
    done = _run_script(names)
    assert done.returncode == 0, done.stderr
    assert _run_script(names).returncode == 0, "the script must be safe to run again (after each upgrade)"

    backend = open_backend(app_url, paths=paths, hasher=fast_test_hasher())
    try:
        s = backend.services
        s.auth.add_user(None, "admin", "admin", "admin-pw", "Ada Admin")
        admin = s.auth.sign_in("admin", "admin-pw")
        s.catalog.import_catalog(admin, SAMPLE_CATALOG.encode())
        customer = s.customers.add_customer(admin, "Anna Schmidt", ["0171 555-0100"], "anna@example.com",
                                            "Hauptstr. 1\n10115 Berlin")
        order = s.orders.place_order(admin, customer.id, [("LAMP-01", 2), ("BOOK-01", 1)])
        for step in ("picking", "packed", "shipped"):
            s.orders.advance_order(admin, order.id, step)
        invoice = s.billing.issue_invoice(admin, order.number)
        s.receivables.record_payment(admin, order.id, str(invoice.total), "cash")
        assert invoice.total == order.total == Decimal("60.42")      # 2 x 19.99 + 19 %, 12.00 + 7 %
        assert all(result.ok for result in s.checks.run(admin)), [r for r in s.checks.run(admin) if not r.ok]
    finally:
        backend.dispose()

    app = create_engine(app_url)
    try:
        with app.connect() as c:
            role = c.execute(text(
                "SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls, rolinherit "
                "FROM pg_roles WHERE rolname = current_user")).one()
            owned = c.execute(text(
                "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)"
            )).scalar_one()
        assert tuple(role) == (False,) * 6 and owned == 0
        refusals = {statement: _refused(app, statement) for statement in (
            "ALTER TABLE stock_moves DISABLE TRIGGER ALL",
            "ALTER TABLE orders ADD COLUMN sneaky integer",
            "DROP TABLE audit_log",
            "TRUNCATE events",
            "TRUNCATE orders CASCADE",
            "CREATE TABLE sneaky (i integer)",
            "UPDATE alembic_version SET version_num = 'sneaky'",
            "SET session_replication_role = replica",
            "CREATE ROLE sneaky",
            "DELETE FROM stock_moves",
            "UPDATE audit_log SET action = 'sneaky'",
        )}
        for statement, error in refusals.items():
            assert "permission denied" in error or "must be owner" in error or "refuse" in error.lower() \
                or "append-only" in error or "immutable" in error, (statement, error)
        with app.connect() as c:
            assert c.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()
    finally:
        app.dispose()

    # a table a later migration creates as the owner is readable and writable by the app at once
    owner = create_engine(owner_url)
    try:
        with owner.begin() as c:
            c.execute(text("CREATE TABLE later_feature (id serial PRIMARY KEY, note text)"))
    finally:
        owner.dispose()
    app = create_engine(app_url)
    try:
        with app.begin() as c:
            c.execute(text("INSERT INTO later_feature (note) VALUES ('written by the app')"))
            assert c.execute(text("SELECT count(*) FROM later_feature")).scalar_one() == 1
    finally:
        app.dispose()


def test_a_workstation_on_an_older_schema_is_told_to_have_the_owner_migrate(shared_server, paths):
    owner_url, app_url, names = shared_server
    open_backend(owner_url, paths=paths, hasher=fast_test_hasher()).dispose()
    assert _run_script(names).returncode == 0
    owner = create_engine(owner_url)
    try:
        with owner.begin() as c:            # as if this workstation's version were newer than the schema
            c.execute(text("UPDATE alembic_version SET version_num = '0015'"))
    finally:
        owner.dispose()
    with pytest.raises(StorageError) as refused:
        open_backend(app_url, paths=paths, hasher=fast_test_hasher())
    message = str(refused.value)
    assert "oms init" in message and names["database"] in message and head_revision() in message
