"""What every ``oms`` command shares: the parser's error hook, the command context (backend, signed-in user,
output mode), passwords from the environment or a prompt, and plain-text formatting."""
from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO, Callable

from ..domain.errors import AuthenticationFailed, NotFound, ValidationFailed
from ..domain.numbers import parse_whole
from ..domain.money import round_money
from ..services.dto import Actor, to_jsonable
from ..text_table import table  # noqa: F401 - the commands' tables

PROG = "oms"
LOG_NAME = "oms-cli.log"


class UsageError(Exception):
    """A command line argparse refused (exit 2); raised instead of argparse's print-and-exit."""

    exit_code = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D102 - argparse's hook; main() prints the message and the usage
        raise UsageError(f"{message}\n{self.format_usage().rstrip()}")


# ---- command line ------------------------------------------------------------------------------------------

def whole_number(text: str, minimum: int | None = None) -> int:
    """The one reading of a whole-number argument (ids, limits, days, counts): ASCII digits, at most 12 of them
    (domain.numbers.parse_whole), so '99999999999999999999999', '١٠' and '1_0' are bad input (exit 2)."""
    try:
        return parse_whole(text, field="value", minimum=minimum)
    except ValidationFailed as e:
        raise argparse.ArgumentTypeError(str(e).removeprefix("value ")) from None


def positive_int(text: str) -> int:
    return whole_number(text, minimum=1)


# ---- context shared by the commands --------------------------------------------------------------------------

class Context:
    """What a command works with: the backend, the signed-in actor (or None), and the output mode."""

    def __init__(self, args: argparse.Namespace, backend, actor: Actor | None, migrated: bool = False):
        self.args = args
        self.backend = backend
        self.services = backend.services
        self.actor = actor
        self.json = args.json
        self.migrated = migrated

    def emit(self, data, human: Callable[[], str] | str) -> None:
        """Print ``data`` as JSON in --json mode, else the human text."""
        if self.json:
            print(json.dumps(to_jsonable(data), indent=2, ensure_ascii=False))
        else:
            text = human() if callable(human) else human
            if text:
                print(text)

    def need_actor(self) -> Actor:
        if self.actor is None:
            raise AuthenticationFailed(f"'{PROG} {self.args.command} {getattr(self.args, 'action', '') or ''}"
                                       .rstrip() + "' needs a signed-in user: add --user NAME "
                                       "(password from OMS_PASSWORD or a prompt).")
        return self.actor


def _stdin_is_tty() -> bool:
    try:
        return bool(sys.stdin is not None and sys.stdin.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def read_password(username: str) -> str:
    password = os.environ.get("OMS_PASSWORD")
    if password is not None:
        return password
    if not _stdin_is_tty():
        raise AuthenticationFailed(f"No password for '{username}': set OMS_PASSWORD or run the command in a "
                                   "terminal to be asked for it.")
    return getpass.getpass(f"Password for {username}: ")


def read_new_password(username: str) -> str:
    password = os.environ.get("OMS_NEW_PASSWORD")
    if password is not None:
        return password
    if not _stdin_is_tty():
        raise ValidationFailed(f"No password for the new user '{username}': set OMS_NEW_PASSWORD or run the "
                               "command in a terminal to be asked for it.")
    first = getpass.getpass(f"New password for {username}: ")
    if getpass.getpass("Repeat the password: ") != first:
        raise ValidationFailed("The two passwords differ; nothing was changed.")
    return first


# ---- formatting ----------------------------------------------------------------------------------------------

def money(amount: Decimal, currency: str) -> str:
    return f"{round_money(amount, currency)} {currency}"


def percent(rate: Decimal) -> str:
    pct = (rate * 100).normalize()
    return f"{pct:f}%"


def when(at: datetime | None) -> str:
    if at is None:
        return ""
    if at.tzinfo is not None:
        at = at.astimezone(timezone.utc)
    return at.strftime("%Y-%m-%d %H:%M UTC")



# ---- reading the command line's values ---------------------------------------------------------------------

def _readable(name: str) -> Path:
    """The path of an existing file named ``name``; a missing file or a folder is bad input."""
    path = Path(name).expanduser()
    if not path.exists():
        raise NotFound(f"File {name} does not exist.")
    if path.is_dir():
        raise ValidationFailed(f"{name} is a folder, not a file.")
    return path


def read_file(name: str) -> bytes:
    """The file's bytes (the domain checks the encoding); a missing or unreadable file is bad input."""
    path = _readable(name)
    try:
        return path.read_bytes()
    except OSError as e:
        raise ValidationFailed(f"Cannot read {name}: {e.strerror or e}.") from None


def open_file(name: str) -> BinaryIO:
    """The file, open for reading as bytes (for a service that reads it as a stream); a missing or unreadable file
    is bad input, as for ``read_file``."""
    path = _readable(name)
    try:
        return path.open("rb")
    except OSError as e:
        raise ValidationFailed(f"Cannot read {name}: {e.strerror or e}.") from None


def parse_line(text: str) -> tuple[str, str]:
    sku, sep, qty = text.partition("=")
    if not sep or not sku.strip():
        raise ValidationFailed(f"line '{text}' must be SKU=QTY, e.g. LAMP-01=2")
    return sku.strip(), qty.strip()
