"""The ``oms`` admin command line: the parser, opening the database and signing in, and one exit code per
kind of failure. Each area's commands live in a module of their own (``core``, ``inventory``, ...)."""
from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

from ..domain.errors import StorageError, UserFacingError, ValidationFailed
from . import (accounts, audit, backups, bench, carts, checks, core, forecasts, inventory, mail, purchasing, sales,
               status_page, till, warehouse)
from .common import LOG_NAME, PROG, Context, UsageError, _Parser, read_password

AREAS = (core, audit, carts, inventory, purchasing, warehouse, accounts, till, sales, forecasts, mail, checks, backups,
         bench,
         status_page)
"""Each registers its commands with ``register(sub, leaf)``; the order is the order of ``oms --help``."""


# ---- command line ------------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="OMS Desktop administration: the same rules as the desktop app, "
                                       "from a terminal or a script.",
                epilog="Exit codes: 0 done, 2 bad input, 3 refused by a business rule, 4 permission denied or "
                       "sign-in failed, 5 storage error, 1 unexpected error (see the log).")
    p.add_argument("--database", metavar="URL",
                   help="sqlite:///path.db, a file path, or postgresql+psycopg://user@host/db "
                        "(default: $OMS_DATABASE_URL, else the SQLite file in the user data folder)")
    p.add_argument("--user", metavar="NAME", help="sign in as NAME (password from $OMS_PASSWORD or a prompt)")
    p.add_argument("--json", action="store_true", help="print one JSON document (money as decimal strings)")
    p.add_argument("--demo", action="store_true", help="use the demo company's database file")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    # --json is also accepted after the command ("oms order show 42 --json"); SUPPRESS keeps the global value.
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    def leaf(group, name: str, help_text: str) -> argparse.ArgumentParser:
        return group.add_parser(name, parents=[common], help=help_text)

    for area in AREAS:
        area.register(sub, leaf)
    return p


# ---- running -------------------------------------------------------------------------------------------------

def open_for(args: argparse.Namespace, paths):
    """Open the backend; only ``init`` and ``demo-data`` may create or migrate a database from scratch."""
    from sqlalchemy.engine import make_url

    from ..adapters.db.migrate import current_revision, upgrade
    from ..bootstrap import open_backend
    from ..config import describe_url, resolve_database_url

    url = resolve_database_url(args.database, demo=args.demo, paths=paths)
    u = make_url(url)
    creates = getattr(args, "opens", "") == "create"
    not_set_up = StorageError(f"The database {describe_url(url)} is not set up.",
                              f"Run '{PROG} init' first" + (" with the same --database." if args.database else
                                                            " with --demo." if args.demo else "."))
    if not creates and u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:" \
            and not Path(u.database).exists():
        raise not_set_up  # don't leave an empty file behind for a mistyped path
    backend = open_backend(url, paths=paths, migrate=False)
    try:
        if not creates and current_revision(backend.engine) is None:
            raise not_set_up
        migrated = upgrade(backend.engine, paths.backups)  # an older schema is migrated (after a backup)
    except BaseException:
        backend.dispose()
        raise
    return backend, migrated


def run(args: argparse.Namespace) -> int:
    if getattr(args, "opens", "") == "none":  # brings its own database (oms bench): no backend, no sign-in
        return args.func(args)
    from ..config import Paths
    paths = Paths.default()
    backend, migrated = open_for(args, paths)
    try:
        actor = None
        if args.user:
            password = read_password(args.user)
            actor = backend.services.auth.sign_in(args.user, password)
        return args.func(Context(args, backend, actor, migrated))
    finally:
        backend.dispose()


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, ValidationFailed) and len(exc.problems) > 1 and not hasattr(exc, "rows"):
        return "; ".join(exc.problems)  # every problem, still on one line
    return str(exc)


def report_error(exc: BaseException, exit_code: int, as_json: bool) -> None:
    rows = getattr(exc, "rows", None)  # catalog ImportRejected: every problem with row and column
    msg = _error_text(exc)
    if as_json:
        doc = {"error": msg, "exit_code": exit_code}
        if rows is not None:
            doc["problems"] = [{"row": r.row, "column": r.column, "message": r.message} for r in rows]
        print(json.dumps(doc, ensure_ascii=False), file=sys.stderr)
        return
    if rows is not None:
        print(f"{PROG}: error: nothing was imported: {len(rows)} problem(s) in the file:", file=sys.stderr)
        for r in rows:
            print(str(r), file=sys.stderr)
        return
    print(f"{PROG}: error: {msg}", file=sys.stderr)


def log_crash(exc: BaseException) -> Path | None:
    """Append the traceback to the CLI's log file; returns its path (None if even that failed)."""
    try:
        from ..config import Paths
        logs = Paths.default().logs
        logs.mkdir(parents=True, exist_ok=True)
        log_file = logs / LOG_NAME
        with open(log_file, "a", encoding="utf-8") as f:
            f.write(f"{datetime.now(timezone.utc).isoformat()} {PROG} {' '.join(sys.argv[1:])}\n")
            f.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
            f.write("\n")
        return log_file
    except OSError:
        return None


RECEIPT_ACTIONS = frozenset({"pdf", "print", "print-pending", "jobs", "-h", "--help"})


def _receipt_compat(argv: list[str]) -> list[str]:
    """``oms receipt ORDER --pdf OUT`` (the spelling before the receipt printer came) still means ``oms receipt pdf
    ORDER --pdf OUT``: scripts written for it keep working."""
    if "receipt" in argv:
        i = argv.index("receipt")
        if i + 1 < len(argv) and argv[i + 1] not in RECEIPT_ACTIONS:
            return [*argv[:i + 1], "pdf", *argv[i + 1:]]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    argv = _receipt_compat(list(sys.argv[1:] if argv is None else argv))
    as_json = "--json" in argv
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as e:  # --help
            return e.code if isinstance(e.code, int) else 0
        as_json = args.json
        code = run(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below, not at interpreter exit
        return code
    except UsageError as e:
        report_error(e, 2, as_json)
        return 2
    except (UserFacingError, StorageError) as e:
        report_error(e, e.exit_code, as_json)
        return e.exit_code
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted; nothing more was changed.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `oms order list | head -1`: the reader has what it wanted; output comes after the commit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's own flush at exit does not fail again
        return 141  # 128 + SIGPIPE, as the shell reports a command the pipe ended
    except Exception as e:  # noqa: BLE001 - the last line of defence: storage failures get advice, bugs a log
        storage = _storage_error(e)
        if storage is not None:
            report_error(storage, storage.exit_code, as_json)
            return storage.exit_code
        log_file = log_crash(e)
        where = f"the details are in {log_file}" if log_file else "the log could not be written"
        msg = f"unexpected error ({_unexpected_text(e)}); {where}"
        if as_json:
            print(json.dumps({"error": msg, "exit_code": 1}, ensure_ascii=False), file=sys.stderr)
        else:
            print(f"{PROG}: error: {msg}", file=sys.stderr)
        return 1


def _unexpected_text(exc: BaseException) -> str:
    """What the terminal shows of a bug: the error's kind and the database's own first line, never the statement or
    its parameters (they hold password hashes and whatever was typed; the engines hide them from the log too)."""
    from sqlalchemy.exc import StatementError
    if isinstance(exc, StatementError):
        orig = exc.orig
        first = str(orig).strip().splitlines()[0] if orig is not None and str(orig).strip() else ""
        return f"{type(orig).__name__ if orig is not None else type(exc).__name__}: {first}".rstrip(": ")
    return f"{type(exc).__name__}: {exc}"


def _storage_error(exc: BaseException) -> StorageError | None:
    from sqlalchemy.exc import DBAPIError, OperationalError

    from ..adapters.db.engine import translate_storage_error
    if not isinstance(exc, (DBAPIError, OSError)):
        return None
    known = translate_storage_error(exc)
    if known is None and isinstance(exc, OperationalError):
        # The DB-API's "operational" errors come from the environment (server down, no such database, ...).
        detail = str(getattr(exc, "orig", exc)).strip().splitlines()
        known = StorageError(f"The database cannot be used: {detail[0] if detail else type(exc).__name__}.",
                             "Check the --database URL and that the database server is running.")
    return known

