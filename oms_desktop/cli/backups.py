"""``oms backup`` and ``oms restore``: a verified backup of the database (SQLite's online backup API, pg_dump), the
daily one with its rotation (``--auto``, for cron), and restoring one after backing up the current database."""
from __future__ import annotations

from pathlib import Path

from .common import PROG


def register(sub, leaf) -> None:
    c = leaf(sub, "backup", "back up the database, verified (integrity and invariant checks); --auto: the daily "
                            "backup with its rotation (7 daily, 4 weekly, 12 monthly), taken only if none was today")
    c.add_argument("--out", metavar="FILE", help="write the backup here (default: the backups folder)")
    c.add_argument("--auto", action="store_true", help="the daily backup into the backups folder, then the rotation "
                                                       "(no sign-in needed: for cron)")
    c.add_argument("--list", action="store_true", help="list the backups in the backups folder")
    c.set_defaults(func=cmd_backup)
    r = leaf(sub, "restore", "replace the database with a backup's content (admin); the file is checked first and the "
                             "current database is backed up before anything changes")
    r.add_argument("file", metavar="FILE", help="a backup written by 'oms backup' (or the app)")
    r.set_defaults(func=cmd_restore)


def _describe(b) -> str:
    verdict = {True: "verified (integrity and invariant checks passed)", None: "not verified",
               False: "VERIFICATION FAILED: " + "; ".join(b.problems)}[b.verified]
    return f"{b.path} ({b.size:,} bytes, schema {b.revision or '?'}): {verdict}"


def cmd_backup(ctx) -> int:
    backups = ctx.services.backups
    if ctx.args.list:
        listed = backups.list_backups(ctx.need_actor())
        ctx.emit({"backups": listed}, lambda: "\n".join(
            f"{b.taken_at:%Y-%m-%d %H:%M} UTC  {b.kind:<14} {b.size:>12,}  "
            f"{ {True: 'verified', False: 'FAILED', None: '-'}[b.verified]:<8}  {b.name}" for b in listed)
            or "No backups yet.")
        return 0
    if ctx.args.auto:
        if ctx.args.out:
            from .common import UsageError
            raise UsageError("--auto writes into the backups folder; leave out --out.")
        taken = backups.auto_backup()
        if taken is None:
            ctx.emit({"taken": None}, "Today's automatic backup was already taken; nothing to do.")
            return 0
    else:
        taken = backups.back_up(ctx.need_actor(), Path(ctx.args.out).expanduser() if ctx.args.out else None)
    ctx.emit({"taken": taken}, f"Backed up to {_describe(taken)}.")
    return 3 if taken.verified is False else 0


def cmd_restore(ctx) -> int:
    done = ctx.services.backups.restore(ctx.need_actor(), Path(ctx.args.file).expanduser())
    ctx.emit(done, f"Restored {done.restored} (schema {done.revision}). The database as it was before is in "
                   f"{done.safety_backup.path}; '{PROG} restore' that file to undo.")
    return 0
