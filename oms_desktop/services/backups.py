"""Backups and restores: taking one (on demand or the daily automatic one, rotated), verifying it, listing them,
and restoring one after backing up what it replaces. The files themselves go through the ``BackupStore`` port."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from ..domain.backups import Retention, backup_name, backups_to_keep, daily_backup_due, parse_backup_name
from ..domain.errors import BusinessRuleViolation, ValidationFailed
from ..domain.messages import msg
from ..domain.roles import Perm
from .base import ServiceBase, SettingsCache
from .dto import Actor
from .ports import UnitOfWorkFactory, utc_now


@dataclass(frozen=True)
class BackupFacts:
    """What a backup file says about itself (its header or marker)."""

    revision: str
    backend: str  # "sqlite" or "postgresql"
    size: int = 0


class BackupStore(Protocol):
    """Backup files of the open database (``adapters/db/backup.py``: SQLite's online backup API, pg_dump)."""

    @property
    def folder(self) -> Path: ...
    @property
    def suffix(self) -> str: ...
    @property
    def backend(self) -> str: ...

    def write(self, target: Path) -> BackupFacts:
        """A consistent copy of the live database into ``target`` (never half a file there)."""

    def describe(self, path: Path) -> BackupFacts:
        """The file's facts; ValidationFailed if it is missing, truncated, damaged or not an OMS backup."""

    def integrity_problems(self, path: Path) -> list[str]:
        """What the storage engine's own check finds wrong in the file (SQLite: PRAGMA integrity_check)."""

    def open_copy(self, path: Path) -> AbstractContextManager[UnitOfWorkFactory | None]:
        """Units of work over a scratch copy of the backup, for the invariant checks (None: cannot be opened
        here, as a PostgreSQL dump without a scratch database)."""

    def is_newer_than_app(self, revision: str) -> bool: ...
    def replace_live(self, path: Path) -> None:
        """Replace the live database's content with the backup's, then bring its schema to this app's."""

    def files(self) -> list[tuple[Path, int]]:
        """Every file in the folder with its size in bytes."""

    def delete(self, path: Path) -> None: ...
    def read_note(self, path: Path) -> Mapping[str, object] | None: ...
    def write_note(self, path: Path, note: Mapping[str, object]) -> None: ...


@dataclass(frozen=True)
class BackupDTO:
    path: str
    name: str
    kind: str
    taken_at: datetime
    size: int
    revision: str
    verified: bool | None
    """True: integrity and invariant checks passed after writing; False: they found problems; None: not run."""
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.verified is True


@dataclass(frozen=True)
class RestoreDTO:
    restored: str
    revision: str
    safety_backup: BackupDTO


class BackupService(ServiceBase):
    """``clock`` is an attribute so tests can move time (the rotation's days, weeks and months)."""

    def __init__(self, uow: UnitOfWorkFactory, hub: SettingsCache, store: BackupStore | None,
                 retention: Retention | None = None):
        super().__init__(uow, hub)
        self._store = store
        self.retention = retention or Retention()
        self.clock: Callable[[], datetime] = utc_now

    @property
    def store(self) -> BackupStore:
        if self._store is None:
            raise BusinessRuleViolation(msg("Backups are not available here (no backup storage was set up)."))
        return self._store

    # ---- taking backups ---------------------------------------------------------------------------------------

    def back_up(self, actor: Actor | None, out: Path | None = None) -> BackupDTO:
        """A backup now, verified, into ``out`` or the backups folder."""
        self._require(actor, Perm.SETTINGS, "take a backup")
        return self._take("manual", out)

    def auto_backup(self, *, force: bool = False) -> BackupDTO | None:
        """The daily backup, when none was taken today (``force``: even so), then the rotation. A duty of the app
        itself (its start, ``oms backup --auto`` from cron), not a user's choice of file: no actor."""
        now = self.clock()
        autos = [b for b in self._listed() if b.kind == "auto"]
        if not force and not daily_backup_due(max((b.taken_at for b in autos), default=None), now):
            return None
        taken = self._take("auto", None)
        self.rotate()
        return taken

    def rotate(self) -> list[str]:
        """Deletes the automatic backups the retention no longer keeps; returns their names."""
        autos = [b for b in self._listed() if b.kind == "auto"]
        keep = backups_to_keep([b.taken_at for b in autos], self.retention)
        gone = []
        for b in autos:
            if b.taken_at not in keep:
                self.store.delete(Path(b.path))
                gone.append(b.name)
        return gone

    def list_backups(self, actor: Actor | None) -> list[BackupDTO]:
        """Every backup in the folder, newest first, with what its verification found."""
        self._require(actor, Perm.SETTINGS, "see the backups")
        return self._listed()

    # ---- restoring --------------------------------------------------------------------------------------------

    def check_file(self, path: Path) -> BackupFacts:
        """Refuses (changing nothing) a missing, truncated, damaged, foreign or newer-schema file."""
        facts = self.store.describe(path)
        if facts.backend != self.store.backend:
            raise ValidationFailed(msg("{file} is a {kind} backup; the database open here is {here}. Nothing was "
                                       "changed.", file=path.name, kind=facts.backend, here=self.store.backend))
        if self.store.is_newer_than_app(facts.revision):
            raise BusinessRuleViolation(msg("{file} was made by a newer OMS Desktop (schema {revision}); this version "
                                            "cannot read it. Update the app, then restore. Nothing was changed.",
                                            file=path.name, revision=facts.revision))
        problems = self.store.integrity_problems(path)
        if problems:
            raise ValidationFailed(msg("{file} is damaged ({problem}); nothing was changed. Restore another backup.",
                                       file=path.name, problem=problems[0]))
        return facts

    def restore(self, actor: Actor | None, path: Path) -> RestoreDTO:
        """Checks the file, backs up the current database, then replaces it with the backup's content."""
        self._require(actor, Perm.SYSTEM_SETTINGS, "restore a backup")
        facts = self.check_file(path)
        safety = self._take("before-restore", None, verify=False)
        self.store.replace_live(path)
        self._settings.invalidate()
        return RestoreDTO(str(path), facts.revision, safety)

    # ---- the files --------------------------------------------------------------------------------------------

    def _take(self, kind: str, out: Path | None, *, verify: bool = True) -> BackupDTO:
        now = self.clock()
        target = out if out is not None else self.store.folder / backup_name(kind, now, self.store.suffix)
        facts = self.store.write(target)
        verified, problems = self._verify(target) if verify else (None, [])
        self.store.write_note(target, {"kind": kind, "taken_at": now.isoformat(), "revision": facts.revision,
                                       "verified": verified, "problems": problems})
        return self._dto(target, facts.size)

    def _verify(self, path: Path) -> tuple[bool | None, list[str]]:
        from .checks import CHECKS  # here, not at the top: the checks import most services (the app start)
        problems = self.store.integrity_problems(path)
        if problems:
            return False, [f"integrity: {p}" for p in problems]
        try:
            with self.store.open_copy(path) as units:
                if units is None:
                    return None, []
                for c in CHECKS.values():
                    with units(write=False) as uow:
                        problems.extend(f"{c.name}: {p}" for p in c.run(uow))
        except ValidationFailed as e:  # the copy cannot even be opened
            return False, [str(e)]
        return not problems, problems

    def _listed(self) -> list[BackupDTO]:
        out = [self._dto(p, size) for p, size in self.store.files() if parse_backup_name(p.name)]
        return sorted(out, key=lambda b: b.taken_at, reverse=True)

    def _dto(self, path: Path, size: int) -> BackupDTO:
        note = self.store.read_note(path) or {}
        parsed = parse_backup_name(path.name)
        kind, at = parsed if parsed else (str(note.get("kind", "manual")),
                                          datetime.fromisoformat(str(note.get("taken_at") or self.clock().isoformat())))
        verified = note.get("verified")
        problems = note.get("problems")
        return BackupDTO(str(path), path.name, kind, at, size, str(note.get("revision", "")),
                         verified if isinstance(verified, bool) else None,
                         tuple(str(p) for p in problems) if isinstance(problems, list) else ())
