"""Backup files of the open database: SQLite through its online backup API (a consistent snapshot while others
write; never a file copy of a live WAL database), PostgreSQL through pg_dump and pg_restore.

How a file says it is ours: an SQLite backup carries ``PRAGMA application_id`` = ``OMS_APPLICATION_ID`` and its
schema revision in ``alembic_version``; a PostgreSQL backup is one header line (``OMS-DESKTOP-BACKUP`` and a JSON
object: backend, revision, payload size and SHA-256) followed by pg_dump's custom-format archive, so a truncated or
altered file is refused before pg_restore sees it. Each backup has a ``.json`` note beside it (what its
verification found)."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL, Engine

from ...domain.errors import StorageError, ValidationFailed
from ...domain.messages import msg
from ...services.backups import BackupFacts
from ...services.ports import UnitOfWorkFactory
from .engine import OMS_APPLICATION_ID, fsync_file, sqlite_snapshot
from .migrate import _config, current_revision, upgrade

PG_MAGIC = b"OMS-DESKTOP-BACKUP "
NOTE_SUFFIX = ".json"


def known_revisions() -> list[str]:
    """This app's schema revisions, oldest first."""
    from alembic.script import ScriptDirectory  # only when a backup is read or written, never at the app's start
    script = ScriptDirectory.from_config(_config())
    return [s.revision for s in reversed(list(script.walk_revisions()))]


class SqlBackupStore:
    """The ``BackupStore`` port over an engine: backups of its database into ``folder``."""

    def __init__(self, engine: Engine, folder: Path):
        self._engine = engine
        self._folder = folder
        self.backend = "sqlite" if engine.dialect.name == "sqlite" else "postgresql"

    @property
    def folder(self) -> Path:
        return self._folder

    @property
    def suffix(self) -> str:
        return ".db" if self.backend == "sqlite" else ".omsdump"

    # ---- writing ----------------------------------------------------------------------------------------------

    def write(self, target: Path) -> BackupFacts:
        if target.exists():  # never over another file (least of all the live database itself)
            raise ValidationFailed(msg("{target} exists already; choose another file name (nothing was written).",
                                       target=str(target)))
        if target.parent.exists() and not target.parent.is_dir():
            raise ValidationFailed(msg("{folder} is not a folder; nothing was written.", folder=str(target.parent)))
        revision = current_revision(self._engine) or ""
        if self.backend == "sqlite":
            db = self._engine.url.database
            if not db or db == ":memory:":
                raise StorageError(msg("An in-memory database cannot be backed up."), msg("Open a database file."))
            sqlite_snapshot(db, target)
        else:
            self._pg_dump(target, revision)
        return BackupFacts(revision, self.backend, target.stat().st_size)

    def _pg_dump(self, target: Path, revision: str) -> None:
        exe = shutil.which("pg_dump")
        if exe is None:
            raise StorageError(msg("pg_dump is not installed here, so the PostgreSQL database cannot be backed up."),
                               msg("Install the PostgreSQL client tools (Debian: apt install postgresql-client) of "
                                   "the server's version or newer, then run the backup again."))
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
            payload = Path(tmp) / "dump"
            url, env = self._libpq()
            done = subprocess.run([exe, "--format=custom", "--no-owner", "--no-privileges", "--file", str(payload),
                                   "--dbname", url], env=env, capture_output=True, text=True)
            if done.returncode != 0:
                raise StorageError(msg("pg_dump failed: {problem}.",
                                       problem=done.stderr.strip().splitlines()[-1:] or done.returncode),
                                   msg("Check that pg_dump is the server's version or newer and can reach the "
                                       "server."))
            digest = hashlib.sha256()
            with open(payload, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    digest.update(chunk)
            header = {"product": "oms-desktop", "format": 1, "backend": "postgresql", "revision": revision,
                      "size": payload.stat().st_size, "sha256": digest.hexdigest()}
            partial = Path(tmp) / "backup"
            with open(partial, "wb") as out, open(payload, "rb") as f:
                out.write(PG_MAGIC + json.dumps(header).encode() + b"\n")
                shutil.copyfileobj(f, out, 1 << 20)
            fsync_file(partial)
            os.replace(partial, target)

    def _libpq(self, url: URL | None = None) -> tuple[str, dict[str, str]]:
        """A libpq connection URL without the password (which goes in PGPASSWORD, not on a command line)."""
        u = url if url is not None else self._engine.url
        env = dict(os.environ)
        if u.password:
            env["PGPASSWORD"] = str(u.password)
        return u.set(drivername="postgresql", password=None).render_as_string(hide_password=False), env

    # ---- reading ----------------------------------------------------------------------------------------------

    def describe(self, path: Path) -> BackupFacts:
        if not path.exists() or path.is_dir():
            raise ValidationFailed(msg("{path} is not a file. Nothing was changed.", path=str(path)))
        with open(path, "rb") as f:
            head = f.read(len(PG_MAGIC))
        if head == PG_MAGIC:
            return self._describe_pg(path)
        if head.startswith(b"SQLite format 3"):
            return self._describe_sqlite(path)
        raise ValidationFailed(msg("{name} is not an OMS Desktop backup (neither an SQLite database nor an OMS "
                                   "PostgreSQL dump). Nothing was changed.", name=path.name))

    def _describe_sqlite(self, path: Path) -> BackupFacts:
        foreign = ValidationFailed(msg("{name} is an SQLite database but not an OMS Desktop backup. Nothing was "
                                       "changed.", name=path.name))
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                if app_id != OMS_APPLICATION_ID:
                    raise foreign
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            finally:
                conn.close()
        except sqlite3.DatabaseError as e:
            raise ValidationFailed(msg("{name} is damaged or truncated ({problem}); nothing was changed. Restore "
                                       "another backup.", name=path.name, problem=e)) from None
        if row is None:
            raise foreign
        return BackupFacts(str(row[0]), "sqlite", path.stat().st_size)

    def _pg_header(self, path: Path) -> tuple[dict, int]:
        with open(path, "rb") as f:
            line = f.readline(4096)
        try:
            header = json.loads(line[len(PG_MAGIC):])
            assert isinstance(header, dict) and header.get("product") == "oms-desktop"
        except (ValueError, AssertionError):
            raise ValidationFailed(msg("{name} has a damaged header; nothing was changed.", name=path.name)) from None
        return header, len(line)

    def _describe_pg(self, path: Path) -> BackupFacts:
        header, offset = self._pg_header(path)
        size = path.stat().st_size - offset
        if size != header.get("size"):
            raise ValidationFailed(msg("{name} is truncated or damaged ({size} bytes of data, its header says "
                                       "{expected}); nothing was changed. Restore another backup.", name=path.name,
                                       size=size, expected=header.get("size")))
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            f.seek(offset)
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() != header.get("sha256"):
            raise ValidationFailed(msg("{name} is damaged (its checksum differs); nothing was changed. Restore "
                                       "another backup.", name=path.name))
        return BackupFacts(str(header.get("revision", "")), "postgresql", path.stat().st_size)

    def integrity_problems(self, path: Path) -> list[str]:
        facts = self.describe(path)
        if facts.backend == "postgresql":
            return []  # the checksum held; the archive itself is pg_restore's to read
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
                rows += [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check")]
            finally:
                conn.close()
        except sqlite3.DatabaseError as e:
            return [str(e)]
        return [] if rows == ["ok"] else [r for r in rows if r != "ok"]

    @contextmanager
    def open_copy(self, path: Path) -> Iterator[UnitOfWorkFactory | None]:
        from .engine import make_engine
        from .uow import uow_factory
        if self.describe(path).backend != "sqlite":
            with self._pg_scratch(path) as url:
                if url is None:
                    yield None
                    return
                engine = make_engine(url)
                try:
                    yield uow_factory(engine)
                finally:
                    engine.dispose()
            return
        with tempfile.TemporaryDirectory(prefix="oms-verify-") as tmp:
            copy = Path(tmp) / "copy.db"
            shutil.copyfile(path, copy)  # opening it would turn the backup itself into a WAL database
            engine = make_engine(f"sqlite:///{copy}")
            try:
                yield uow_factory(engine)
            finally:
                engine.dispose()

    @contextmanager
    def _pg_scratch(self, path: Path) -> Iterator[str | None]:
        """The dump restored into a scratch database on the same server (dropped afterwards), or None where the
        app's database user may not create one (a least-privilege role): the dump is then checked by its checksum
        and pg_restore's reading of its table of contents only."""
        from sqlalchemy import create_engine, text
        exe = shutil.which("pg_restore")
        if exe is None:
            yield None
            return
        name = f"oms_verify_{os.urandom(6).hex()}"
        admin = create_engine(self._engine.url, isolation_level="AUTOCOMMIT")
        try:
            try:
                with admin.connect() as c:
                    c.execute(text(f'CREATE DATABASE "{name}"'))
            except Exception:  # noqa: BLE001 - no CREATEDB right: verification without a scratch database
                yield None
                return
            try:
                url = self._engine.url.set(database=name)
                _, offset = self._pg_header(path)
                with tempfile.TemporaryDirectory(prefix="oms-verify-") as tmp:
                    payload = Path(tmp) / "dump"
                    with open(path, "rb") as f, open(payload, "wb") as out:
                        f.seek(offset)
                        shutil.copyfileobj(f, out, 1 << 20)
                    libpq, env = self._libpq(url)
                    done = subprocess.run([exe, "--no-owner", "--no-privileges", "--exit-on-error", "--dbname", libpq,
                                           str(payload)], env=env, capture_output=True, text=True)
                if done.returncode != 0:
                    raise ValidationFailed(msg("{name} cannot be restored: {problem}", name=path.name,
                                               problem=done.stderr.strip().splitlines()[-1:] or done.returncode))
                yield url.render_as_string(hide_password=False)
            finally:
                with admin.connect() as c:
                    c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        finally:
            admin.dispose()

    def is_newer_than_app(self, revision: str) -> bool:
        return revision not in known_revisions()

    # ---- restoring --------------------------------------------------------------------------------------------

    def replace_live(self, path: Path) -> None:
        if self.backend == "sqlite":
            db = self._engine.url.database
            assert db, "an SQLite engine always names its file here"
            self._engine.dispose()  # no pooled connection keeps a cached schema of what is replaced
            src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                dst = sqlite3.connect(db, timeout=30)
                try:
                    src.backup(dst)  # page by page under the destination's write lock: all or nothing
                    dst.execute("PRAGMA journal_mode = WAL")
                finally:
                    dst.close()
            finally:
                src.close()
        else:
            self._pg_restore(path)
        upgrade(self._engine)  # an older backup is brought to this app's schema

    def _pg_restore(self, path: Path) -> None:
        exe = shutil.which("pg_restore")
        if exe is None:
            raise StorageError(msg("pg_restore is not installed here, so the PostgreSQL backup cannot be restored."),
                               msg("Install the PostgreSQL client tools (Debian: apt install postgresql-client), "
                                   "then run the restore again; nothing was changed."))
        _, offset = self._pg_header(path)
        url, env = self._libpq()
        self._engine.dispose()
        with tempfile.TemporaryDirectory(prefix="oms-restore-") as tmp:
            # the archive on its own: pg_restore seeks to offsets counted from the start of its file
            payload = Path(tmp) / "dump"
            with open(path, "rb") as f, open(payload, "wb") as out:
                f.seek(offset)
                shutil.copyfileobj(f, out, 1 << 20)
            # one transaction: a failure part way leaves the database as it was
            done = subprocess.run([exe, "--clean", "--if-exists", "--single-transaction", "--no-owner",
                                   "--no-privileges", "--exit-on-error", "--dbname", url, str(payload)], env=env,
                                  capture_output=True, text=True)
        if done.returncode != 0:
            raise StorageError(msg("pg_restore failed: {problem}; nothing was changed.",
                                   problem=done.stderr.strip().splitlines()[-1:] or done.returncode),
                               msg("Check that pg_restore is the server's version or newer and that the app's "
                                   "database user may create and drop its tables."))

    # ---- the folder -------------------------------------------------------------------------------------------

    def files(self) -> list[tuple[Path, int]]:
        if not self._folder.is_dir():
            return []
        return [(p, p.stat().st_size) for p in sorted(self._folder.iterdir())
                if p.is_file() and p.suffix == self.suffix]

    def delete(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        path.with_name(path.name + NOTE_SUFFIX).unlink(missing_ok=True)

    def read_note(self, path: Path) -> Mapping[str, object] | None:
        try:
            note = json.loads(path.with_name(path.name + NOTE_SUFFIX).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return note if isinstance(note, dict) else None

    def write_note(self, path: Path, note: Mapping[str, object]) -> None:
        path.with_name(path.name + NOTE_SUFFIX).write_text(json.dumps(dict(note), indent=2), encoding="utf-8")


if TYPE_CHECKING:
    from ...services.backups import BackupStore

    def _conforms(store: SqlBackupStore) -> BackupStore:
        """mypy checks here that the store is what ``services/backups.py`` asks for."""
        return store
