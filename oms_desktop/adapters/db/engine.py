"""Engines for SQLite (embedded, one workstation) and PostgreSQL (shared); pragmas, BEGIN IMMEDIATE, backups."""
from __future__ import annotations

import logging
import os
import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DisconnectionError

from ...domain.errors import StorageError
from ...domain.messages import msg
from . import text_guard
from .held_rows import write_held_before

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_S = 30
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p", "afs", "ncpfs", "davfs",
               "fuse.davfs2", "glusterfs", "ceph"}


def filesystem_type(path: Path) -> str:
    """The type of the file system holding ``path`` (Linux /proc/mounts; '' where unknown)."""
    try:
        target = str(path.resolve())
        best, fstype = "", ""
        with open("/proc/mounts", encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3:
                    mnt = parts[1].replace("\\040", " ")
                    if (target == mnt or target.startswith(mnt.rstrip("/") + "/")) and len(mnt) > len(best):
                        best, fstype = mnt, parts[2]
        return fstype
    except OSError:
        return ""


def refuse_network_share(path: Path) -> None:
    # SQLite's locking is unreliable over network file systems: two workstations would corrupt the file.
    fstype = filesystem_type(path.parent)
    if fstype in _NETWORK_FS:
        raise StorageError(msg("The database file {path} is on a network share ({fstype}).", path=path,
                               fstype=fstype),
                           msg("SQLite files must stay on a local disk; for several workstations use PostgreSQL "
                               "(--database postgresql+psycopg://...)."))


def make_engine(url: str, *, echo: bool = False) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return _sqlite_engine(url, echo=echo)
    if u.get_backend_name() == "postgresql":
        if u.drivername == "postgresql":
            u = u.set(drivername="postgresql+psycopg")
        # jit=off: the app's queries take milliseconds, and compiling one whose estimated cost crosses
        # jit_above_cost (a join planned before autovacuum has analyzed a freshly loaded table) took 15-200 ms
        engine = create_engine(u, echo=echo, isolation_level="READ COMMITTED",
                               pool_size=4, max_overflow=4, connect_args={"options": "-c jit=off"},
                               hide_parameters=True)
        text_guard.install(engine)
        ping_idle_connections(engine)
        event.listen(engine, "before_execute", write_held_before)
        return engine
    raise StorageError(msg("Unsupported database URL '{url}'.", url=u.render_as_string(hide_password=True)),
                       msg("Use sqlite:///path/to/file.db or postgresql+psycopg://user@host/dbname."))


PING_AFTER_IDLE_S = 1.0
"""A pooled PostgreSQL connection idle longer than this is checked before it is used again (see
``ping_idle_connections``)."""


def ping_idle_connections(engine: Engine) -> None:
    """Check a pooled connection before use when it has been idle in the pool for ``PING_AFTER_IDLE_S``; a dead one
    is replaced there and then (the pool takes another), so after a restart or a network cut the next action works.

    Why not SQLAlchemy's ``pool_pre_ping``: it pings before every unit of work, a round trip of its own. On a busy
    workstation (an order import, eight desks placing orders: ``oms bench``'s PostgreSQL row) the units of work follow
    each other within milliseconds on connections just handed back, and that round trip was about a twelfth of the
    client's and the server's work per order. A connection given back a moment ago was alive then; if the server
    went away in that moment, the statement fails as a lost connection (``StorageError``, "cannot be reached"),
    SQLAlchemy invalidates the pool's connections, and the next try gets new ones."""
    pool = engine.pool
    clock = time.monotonic

    @event.listens_for(pool, "checkin")
    def _given_back(_dbapi_conn, record):
        if record is not None:
            record.info["oms_idle_since"] = clock()

    @event.listens_for(pool, "checkout")
    def _taken(dbapi_conn, record, _proxy):
        since = record.info.get("oms_idle_since")  # none: connected just now
        if since is not None and clock() - since > PING_AFTER_IDLE_S:
            try:
                engine.dialect.do_ping(dbapi_conn)
            except Exception as e:  # noqa: BLE001 - any failure means: do not use this connection
                raise DisconnectionError(f"a pooled connection idle for {clock() - since:.0f} s is gone") from e


def _sqlite_engine(url: str, *, echo: bool) -> Engine:
    u = make_url(url)
    if u.database and u.database != ":memory:":
        path = Path(u.database)
        path.parent.mkdir(parents=True, exist_ok=True)
        refuse_network_share(path)
    # hide_parameters: an error's text (printed by the CLI, written to the logs) never shows the statement's values,
    # which hold password hashes and whatever people typed.
    engine = create_engine(u, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
                           hide_parameters=True)
    text_guard.install(engine)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Take transaction control away from the driver: its implicit deferred BEGIN upgrades to a write lock
        # mid-transaction, which fails with "database is locked" under contention (and read-then-write oversells).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
        cur.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable across application crashes
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def reader(engine: Engine) -> Engine:
    """The same pool, but SQLite read transactions begin DEFERRED so they never queue behind writers."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(sqlite_begin="DEFERRED")
    return engine


OMS_APPLICATION_ID = 0x4F4D5344  # "OMSD": PRAGMA application_id of an OMS backup file


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sqlite_snapshot(db: str, target: Path) -> None:
    """Copies the live SQLite database ``db`` into ``target`` through the online backup API in one step (one read
    transaction: everything committed before it began, nothing half-written), marks it as ours and makes it a
    single self-contained file (rollback journal, not WAL); written beside ``target`` and renamed into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(db, timeout=30)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute(f"PRAGMA application_id = {OMS_APPLICATION_ID}")
            dst.execute("PRAGMA journal_mode = DELETE")
            dst.commit()
        finally:
            dst.close()
    finally:
        src.close()
    fsync_file(partial)
    os.replace(partial, target)


def backup_sqlite(engine: Engine, backup_dir: Path, label: str = "backup") -> Path | None:
    """Copy the database through SQLite's online backup API (a file copy of a live WAL database is not safe)."""
    if engine.dialect.name != "sqlite":
        return None
    db = engine.url.database
    if not db or db == ":memory:" or not Path(db).exists():
        return None
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{Path(db).stem}-{label}-{stamp}.db"
    sqlite_snapshot(db, target)
    log.info("backed up %s to %s", db, target)
    return target


def translate_storage_error(exc: BaseException) -> StorageError | None:
    """Map an environment-caused database failure to a StorageError with advice; None for anything else."""
    text = str(getattr(exc, "orig", exc) or exc).lower()
    if "database is locked" in text or "database table is locked" in text:
        return StorageError(msg("The database is busy (another workstation holds a lock for too long)."),
                            msg("Nothing was saved; try again in a moment."))
    if "disk is full" in text or "no space left" in text or "database or disk is full" in text:
        return StorageError(msg("The disk holding the database is full."),
                            msg("Nothing was saved; free some space and retry."))
    if "readonly" in text or "read-only" in text:
        return StorageError(msg("The database is read-only."),
                            msg("Check the file's permissions or the server's mode."))
    if "malformed" in text or "not a database" in text:
        return StorageError(msg("The database file is damaged."),
                            msg("Restore the latest backup (see the backups folder) and contact support."))
    if "could not connect" in text or "connection refused" in text or "server closed the connection" in text \
            or "connection timeout" in text or "unable to open database" in text or "connection failed" in text \
            or "terminating connection" in text or "not currently accepting connections" in text:
        return StorageError(msg("The database cannot be reached."), msg("Check the network or the database server."))
    return None
