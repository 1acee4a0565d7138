"""Backups and restores (issue 18): a backup taken while orders are written is whole and verified; a damaged,
foreign or newer-schema file is refused and changes nothing; a good one brings the data back; the daily backups
rotate (7 daily, 4 weekly, 12 monthly) by the clock's days; `oms backup` and `oms restore` say so with exit codes."""
from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from oms_desktop.adapters.db.backup import SqlBackupStore
from oms_desktop.adapters.db.engine import make_engine
from oms_desktop.domain.backups import Retention, parse_backup_name
from oms_desktop.domain.errors import BusinessRuleViolation, OutOfStock, PermissionDenied, ValidationFailed
from tests.helpers.cli import ADMIN_PW


def _order_ids(engine) -> set[int]:
    with engine.connect() as c:
        return set(c.execute(text("SELECT id FROM orders")).scalars())


def _backup_order_ids(path: Path) -> set[int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM orders")}
    finally:
        conn.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_backup_taken_while_orders_are_written_is_verified_and_holds_every_order_confirmed_before_it(
        sqlite_backend, paths):
    services = sqlite_backend.services
    services.auth.add_user(None, "admin", "admin", "admin-pw")
    admin = services.auth.sign_in("admin", "admin-pw")
    from tests.helpers.fixtures import SAMPLE_CATALOG
    services.catalog.import_catalog(admin, SAMPLE_CATALOG.encode())
    confirmed: list[int] = []
    stop, failures = threading.Event(), []

    def writer():
        try:
            while not stop.is_set():
                confirmed.append(services.orders.place_order(admin, None, [("BULB-E27", 1)]).id)
        except OutOfStock:
            pass
        except Exception as e:  # noqa: BLE001 - reported by the test below
            failures.append(e)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(confirmed) < 20 and thread.is_alive():
            time.sleep(0.01)
        before = set(confirmed)  # every order whose confirmation had returned before the backup began
        taken = services.backups.back_up(admin)
        during = len(confirmed)
    finally:
        stop.set()
        thread.join()
    assert not failures, failures
    assert len(before) >= 20 and during > len(before) - 1
    assert taken.verified is True and taken.problems == ()
    held = _backup_order_ids(Path(taken.path))
    assert before <= held <= set(confirmed)
    assert SqlBackupStore(sqlite_backend.engine, paths.backups).integrity_problems(Path(taken.path)) == []
    assert services.checks.run(admin)  # the live database still passes too
    assert all(r.ok for r in services.checks.run(admin))


@pytest.fixture
def shop(backend, admin, catalog, customer):
    backend.services.orders.place_order(admin, customer.id, [("LAMP-01", 1)])
    return backend


def test_restoring_a_truncated_backup_is_refused_and_changes_nothing(shop, admin, paths, tmp_path):
    services = shop.services
    taken = Path(services.backups.back_up(admin).path)
    services.orders.place_order(admin, None, [("BOOK-01", 1)])
    truncated = tmp_path / "truncated" / taken.name
    truncated.parent.mkdir()
    truncated.write_bytes(taken.read_bytes()[: taken.stat().st_size // 2])
    orders_before, files_before = _order_ids(shop.engine), sorted(p.name for p in paths.backups.iterdir())
    with pytest.raises(ValidationFailed, match="truncated|damaged"):
        services.backups.restore(admin, truncated)
    assert _order_ids(shop.engine) == orders_before and len(orders_before) == 2
    assert sorted(p.name for p in paths.backups.iterdir()) == files_before  # not even a safety backup


def test_restoring_a_good_backup_brings_the_data_back_and_keeps_what_it_replaced(shop, admin, paths):
    services = shop.services
    taken = services.backups.back_up(admin)
    assert taken.verified is True  # PostgreSQL: restored into a scratch database and checked there
    kept = _order_ids(shop.engine)
    later = services.orders.place_order(admin, None, [("BOOK-01", 1)]).id
    other = make_engine(shop.url)  # another workstation, connected throughout
    try:
        assert _order_ids(other) == kept | {later}
        done = services.backups.restore(admin, Path(taken.path))
        assert _order_ids(shop.engine) == kept and later not in kept
        assert _order_ids(other) == kept  # it sees the restored database, not a file swapped away under it
    finally:
        other.dispose()
    assert all(r.ok for r in services.checks.run(admin))
    # the database as it was (with the later order) is a backup of its own, restorable in turn
    assert done.safety_backup.kind == "before-restore"
    services.backups.restore(admin, Path(done.safety_backup.path))
    assert _order_ids(shop.engine) == kept | {later}


def test_a_foreign_or_newer_schema_file_is_refused(sqlite_backend, paths, tmp_path):
    services = sqlite_backend.services
    services.auth.add_user(None, "admin", "admin", "admin-pw")
    admin = services.auth.sign_in("admin", "admin-pw")
    taken = Path(services.backups.back_up(admin).path)
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)").connection.close()
    with pytest.raises(ValidationFailed, match="not an OMS Desktop backup"):
        services.backups.restore(admin, foreign)
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(ValidationFailed, match="not an OMS Desktop backup"):
        services.backups.restore(admin, tmp_path / "notes.txt")
    newer = tmp_path / "newer.db"
    newer.write_bytes(taken.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    live = _sha(Path(make_url(sqlite_backend.engine.url).database))
    with pytest.raises(BusinessRuleViolation, match="newer OMS Desktop"):
        services.backups.restore(admin, newer)
    assert _sha(Path(make_url(sqlite_backend.engine.url).database)) == live


def test_only_managers_and_admins_back_up_and_only_admins_restore(backend, users, paths):
    services = backend.services
    for role in ("agent", "counter", "warehouse", "accountant"):
        with pytest.raises(PermissionDenied):
            services.backups.back_up(users[role])
        with pytest.raises(PermissionDenied):
            services.backups.list_backups(users[role])
    taken = services.backups.back_up(users["manager"])
    with pytest.raises(PermissionDenied):
        services.backups.restore(users["manager"], Path(taken.path))


def test_the_daily_backups_rotate_by_the_clock(sqlite_backend, paths):
    """Daily backups over 36 days under a smaller retention (3 daily, 2 weekly, 2 monthly), with a fake clock:
    five weeks and a month's end behind the last."""
    service = sqlite_backend.services.backups
    service.retention = Retention(daily=3, weekly=2, monthly=2)
    day = datetime(2026, 1, 1, 9, 0, tzinfo=timezone.utc)  # a Thursday
    taken = []
    for n in range(36):
        service.clock = lambda at=day + timedelta(days=n): at
        first = service.auto_backup()
        assert first is not None and first.verified is True
        service.clock = lambda at=day + timedelta(days=n, hours=5): at
        assert service.auto_backup() is None  # at most once a day
        taken.append((day + timedelta(days=n)).date())
    left = sorted(parse_backup_name(p.name)[1].date() for p in paths.backups.iterdir()  # type: ignore[index]
                  if p.suffix == ".db")
    last = taken[-1]  # 2026-02-05, a Thursday
    assert last.isoformat() == "2026-02-05"
    daily = {last - timedelta(days=k) for k in range(3)}
    weekly = {last, datetime(2026, 2, 1).date()}  # this ISO week's newest, and last week's Sunday
    monthly = {last, datetime(2026, 1, 31).date()}  # February's newest, January's last
    assert left == sorted(daily | weekly | monthly)
    assert len(list(paths.backups.glob("*.json"))) == len(left)


def test_oms_backup_and_restore_on_the_command_line(cli_shop, tmp_path):
    oms = cli_shop
    out = tmp_path / "shop-backup.db"
    code, stdout, err = oms.admin("backup", "--out", str(out))
    assert code == 0, err
    assert "verified (integrity and invariant checks passed)" in stdout
    assert out.exists()
    code, _, err = oms.admin("backup", "--out", str(out))
    assert code == 2 and "exists already" in err  # never over a file, least of all the live database
    assert oms("customer", "add", "--name", "Bert Later", "--phone", "0171 555-0199", user="admin")[0] == 0
    bad = tmp_path / "bad.db"
    bad.write_bytes(out.read_bytes()[:4096])
    code, _, err = oms("--json", "restore", str(bad), user="admin", password=ADMIN_PW)
    assert code == 2 and "nothing was changed" in err
    code, stdout, err = oms.admin("restore", str(out))
    assert code == 0, err
    assert "Bert Later" not in oms.admin("customer", "find", "Bert")[1]
    code, _, err = oms("backup")
    assert code == 4 and "--user" in err
    code, stdout, _ = oms("--json", "backup", "--auto")
    assert code == 0 and '"verified": true' in stdout
    assert oms("backup", "--auto")[1].startswith("Today's automatic backup was already taken")


@pytest.mark.postgres
def test_postgresql_backup_and_restore_through_pg_dump(pg_migrated_url, paths):
    from oms_desktop.adapters.security import fast_test_hasher
    from oms_desktop.bootstrap import open_backend
    backend = open_backend(pg_migrated_url, paths=paths, hasher=fast_test_hasher())
    try:
        services = backend.services
        services.auth.add_user(None, "admin", "admin", "admin-pw")
        admin = services.auth.sign_in("admin", "admin-pw")
        from tests.helpers.fixtures import SAMPLE_CATALOG
        services.catalog.import_catalog(admin, SAMPLE_CATALOG.encode())
        first = services.orders.place_order(admin, None, [("LAMP-01", 1)]).id
        taken = services.backups.back_up(admin)
        assert Path(taken.path).read_bytes().startswith(b"OMS-DESKTOP-BACKUP ") and taken.verified is True
        later = services.orders.place_order(admin, None, [("LAMP-01", 1)]).id
        truncated = paths.data / "truncated.omsdump"
        truncated.write_bytes(Path(taken.path).read_bytes()[:-100])
        with pytest.raises(ValidationFailed, match="truncated"):
            services.backups.restore(admin, truncated)
        assert _order_ids(backend.engine) == {first, later}
        services.backups.restore(admin, Path(taken.path))
        assert _order_ids(backend.engine) == {first}
        assert all(r.ok for r in services.checks.run(admin))
    finally:
        backend.dispose()


@pytest.mark.parametrize("db_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_without_pg_dump_a_postgresql_backup_is_refused_with_advice(oms, monkeypatch, tmp_path):
    assert oms("init", "--company", "Acme GmbH", "--currency", "EUR")[0] == 0
    assert oms("user", "add", "admin", "--role", "admin", new_password=ADMIN_PW)[0] == 0
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))  # pg_dump cannot be found
    code, _, err = oms.admin("backup", "--out", str(tmp_path / "b.omsdump"))
    assert code == 5 and "pg_dump is not installed" in err and "postgresql-client" in err
    assert not (tmp_path / "b.omsdump").exists()


def test_a_backup_taken_while_another_process_places_orders_restores_every_order_confirmed_before_it(
        backend, users, catalog, tmp_path):
    """Another workstation (a process of its own) places one-unit orders as fast as it can; a backup is taken in
    the middle. Restored afterwards, it holds every order committed before the backup began (on PostgreSQL too,
    where the dump is pg_dump's snapshot)."""
    import json
    import os
    import subprocess
    import sys
    repo = Path(__file__).resolve().parents[2]
    start, stop = tmp_path / "start", tmp_path / "stop"
    # the worker places orders until the backup is taken (at most 20,000): it is still writing while the backup
    # runs however busy the machine is (a fixed 400 were once all placed before the backup began)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(repo), os.environ.get("PYTHONPATH", "")]),
           "RACE_STOP_FILE": str(stop)}
    catalog.catalog.import_catalog(users["admin"], b"sku,name,unit_price,tax_rate,on_hand\nBACKUP-1,Bulk,1.00,0.19,"
                                                   b"100000\n")
    worker = subprocess.Popen([sys.executable, "-m", "tests.reliability.race_worker", backend.url, "agent",
                               "BACKUP-1", "20000", str(tmp_path / "ready"), str(start), "1"], cwd=repo, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "ready").exists():
            assert worker.poll() is None, worker.stderr.read()[-3000:]  # type: ignore[union-attr]
            assert time.monotonic() < deadline
            time.sleep(0.01)
        start.touch()
        while len(_order_ids(backend.engine)) < 10:
            assert worker.poll() is None or len(_order_ids(backend.engine)) >= 10
            time.sleep(0.005)
        before = _order_ids(backend.engine)  # committed before the backup began
        taken = backend.services.backups.back_up(users["admin"])
        while len(_order_ids(backend.engine)) <= len(before):  # one more after the backup began, then stop
            assert worker.poll() is None, worker.stderr.read()[-3000:]  # type: ignore[union-attr]
            time.sleep(0.005)
        stop.touch()
        out, err = worker.communicate(timeout=180)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    assert worker.returncode == 0, err[-3000:]
    report = json.loads(out.strip().splitlines()[-1])
    assert not report["storage_errors"] and not report["other_errors"]
    final = _order_ids(backend.engine)
    assert final == set(report["orders"]) and len(final) > len(before)
    assert taken.verified is True, taken.problems
    backend.services.backups.restore(users["admin"], Path(taken.path))
    restored = _order_ids(backend.engine)
    assert before <= restored <= final
    assert all(r.ok for r in backend.services.checks.run(users["admin"]))
