"""The ``oms`` admin command line: the services' use cases for scripts and terminals, with ``--json`` output."""
from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import traceback
from dataclasses import is_dataclass
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Callable, Sequence

from .domain.errors import AuthenticationFailed, NotFound, StorageError, UserFacingError, ValidationFailed
from .domain.money import round_money
from .domain.orders import Channel, Status
from .domain.references import customer_number
from .domain.roles import Perm, Role, require
from .services.dto import Actor, to_jsonable

PROG = "oms"
LOG_NAME = "oms-cli.log"


class UsageError(Exception):
    """A command line argparse refused (exit 2); raised instead of argparse's print-and-exit."""

    exit_code = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D102 - argparse's hook; main() prints the message and the usage
        raise UsageError(f"{message}\n{self.format_usage().rstrip()}")


# ---- command line ------------------------------------------------------------------------------------------

def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 (got {value})")
    return value


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

    c = leaf(sub, "init", "create or migrate the database; set the company name and currency")
    c.add_argument("--company", metavar="NAME")
    c.add_argument("--currency", metavar="CODE", help="e.g. EUR (cannot change once orders exist)")
    c.set_defaults(func=cmd_init, opens="create")

    c = leaf(sub, "demo-data", "fill the database with a demo company")
    c.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    c.set_defaults(func=cmd_demo_data, opens="create")

    user = sub.add_parser("user", help="users and roles").add_subparsers(dest="action", metavar="ACTION",
                                                                         required=True)
    c = leaf(user, "add", "add a user (the first one, an admin, needs no --user)")
    c.add_argument("name")
    c.add_argument("--role", required=True, choices=[r.value for r in Role])
    c.add_argument("--display-name", default="")
    c.set_defaults(func=cmd_user_add, sign_in="optional")
    c = leaf(user, "list", "list users")
    c.set_defaults(func=cmd_user_list)

    cat = sub.add_parser("catalog", help="products and stock").add_subparsers(dest="action", metavar="ACTION",
                                                                              required=True)
    c = leaf(cat, "import", "import a catalog CSV: all rows or none")
    c.add_argument("file", metavar="FILE.csv")
    c.set_defaults(func=cmd_catalog_import)
    c = leaf(cat, "list", "list products with their stock")
    c.add_argument("--search", default="", metavar="TEXT")
    c.add_argument("--limit", type=_positive_int, default=100)
    c.set_defaults(func=cmd_catalog_list)

    cust = sub.add_parser("customer", help="customers").add_subparsers(dest="action", metavar="ACTION",
                                                                       required=True)
    c = leaf(cust, "add", "add a customer")
    c.add_argument("--name", required=True)
    c.add_argument("--phone", action="append", required=True, help="repeat for several numbers")
    c.add_argument("--email", default="")
    c.add_argument("--address", default="", help="billing address")
    c.add_argument("--shipping-address", default="", help="default: the billing address")
    c.set_defaults(func=cmd_customer_add)
    c = leaf(cust, "find", "find customers by phone (any format), name, email or number")
    c.add_argument("text")
    c.add_argument("--limit", type=_positive_int, default=20)
    c.set_defaults(func=cmd_customer_find)

    order = sub.add_parser("order", help="orders").add_subparsers(dest="action", metavar="ACTION", required=True)
    c = leaf(order, "place", "create and confirm an order (all lines reserved, or nothing)")
    c.add_argument("--customer", metavar="ID|PHONE", help="customer number (C000042 or 42) or phone number")
    c.add_argument("--line", action="append", required=True, metavar="SKU=QTY", help="repeat for several lines")
    c.add_argument("--channel", choices=[ch.value for ch in Channel])
    c.set_defaults(func=cmd_order_place)
    c = leaf(order, "show", "show an order by number (SO-000042, 42) or tracking number")
    c.add_argument("order", metavar="ORDER")
    c.set_defaults(func=cmd_order_show)
    c = leaf(order, "cancel", "cancel an order and release its reserved stock")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("--reason", default="")
    c.set_defaults(func=cmd_order_cancel)
    c = leaf(order, "list", "list recent orders")
    c.add_argument("--status", choices=[s.value for s in Status])
    c.add_argument("--limit", type=_positive_int, default=50)
    c.set_defaults(func=cmd_order_list)

    import importlib  # "stock" (adjust, history, count) and the other areas: cli_commands/*.py

    from .cli_commands import AREAS
    for area in AREAS:
        importlib.import_module(f".cli_commands.{area}", __package__).register(sub, leaf)
    return p


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


def table(headers: Sequence[str], rows: Sequence[Sequence], right: Sequence[int] = ()) -> str:
    """Plain-text columns; the columns whose index is in ``right`` are right-aligned (numbers, money)."""
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    out = []
    for n, row in enumerate(cells):
        parts = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))]
        out.append("  ".join(parts).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


# ---- commands ------------------------------------------------------------------------------------------------

def cmd_init(ctx: Context) -> int:
    args = ctx.args
    company = ctx.services.company.get()
    if args.company is not None or args.currency is not None:
        if ctx.actor is None and not ctx.services.auth.needs_first_user():
            raise AuthenticationFailed("Users exist already: add --user NAME (an administrator) to change the "
                                       "company settings.")
        company = ctx.services.company.update(ctx.actor, company_name=args.company, currency=args.currency)
    from .config import describe_url
    data = {"database": describe_url(ctx.backend.url), "migrated": ctx.migrated, "company": company,
            "needs_first_user": ctx.services.auth.needs_first_user()}

    def human() -> str:
        lines = [f"Database ready: {data['database']}" + (" (schema created or migrated)" if data["migrated"]
                                                            else " (schema up to date)"),
                 f"Company: {company.name} ({company.currency})"]
        if data["needs_first_user"]:
            lines.append(f"Next: create the first administrator: OMS_NEW_PASSWORD=... {PROG} user add NAME "
                         "--role admin")
        return "\n".join(lines)

    ctx.emit(data, human)
    return 0


def cmd_demo_data(ctx: Context) -> int:
    if not ctx.services.auth.needs_first_user():
        require(ctx.need_actor(), Perm.SETTINGS, "load demo data")
    from .demo import seed_demo  # lazy: the demo generator is large and only this command needs it
    summary = seed_demo(ctx.backend, seed=ctx.args.seed)

    def human() -> str:
        if is_dataclass(summary):
            pairs = to_jsonable(summary)
            return "Demo data created:\n" + "\n".join(f"  {k.replace('_', ' ')}: {v}" for k, v in pairs.items())
        return f"Demo data created: {summary}"

    ctx.emit(summary if summary is not None else {}, human)
    return 0


def cmd_user_add(ctx: Context) -> int:
    args = ctx.args
    password = read_new_password(args.name)
    user = ctx.services.auth.add_user(ctx.actor, args.name, args.role, password, args.display_name)
    ctx.emit(user, f"Added user {user.username} ({user.role}).")
    return 0


def cmd_user_list(ctx: Context) -> int:
    users = ctx.services.auth.list_users(ctx.need_actor())
    ctx.emit(users, lambda: table(["ID", "User", "Name", "Role", "Active"],
                                  [(u.id, u.username, u.display_name, u.role, "yes" if u.active else "no")
                                   for u in users], right=[0]))
    return 0


def cmd_catalog_import(ctx: Context) -> int:
    actor = ctx.need_actor()
    data = read_file(ctx.args.file)
    result = ctx.services.catalog.import_catalog(actor, data)
    ctx.emit(result, f"Imported {ctx.args.file}: {result.created} created, {result.updated} updated.")
    return 0


def read_file(name: str) -> bytes:
    """The file's bytes (the domain checks the encoding); a missing or unreadable file is bad input."""
    path = Path(name).expanduser()
    if not path.exists():
        raise NotFound(f"File {name} does not exist.")
    if path.is_dir():
        raise ValidationFailed(f"{name} is a folder, not a file.")
    try:
        return path.read_bytes()
    except OSError as e:
        raise ValidationFailed(f"Cannot read {name}: {e.strerror or e}.") from None


def cmd_catalog_list(ctx: Context) -> int:
    products = ctx.services.catalog.search(ctx.need_actor(), ctx.args.search, limit=ctx.args.limit)
    ctx.emit(products, lambda: table(
        ["SKU", "Name", "Category", "Location", "On hand", "Reserved", "Available", "Price"],
        [(p.sku, p.name, p.category, p.location, p.on_hand, p.reserved, p.available, money(p.unit_price, p.currency))
         for p in products], right=[4, 5, 6, 7]) if products else "No products found.")
    return 0


def cmd_customer_add(ctx: Context) -> int:
    a = ctx.args
    c = ctx.services.customers.add_customer(ctx.need_actor(), a.name, a.phone, a.email, a.address,
                                            a.shipping_address)
    ctx.emit(c, f"Added customer {c.number}: {c.name} ({', '.join(c.phones)}).")
    return 0


def cmd_customer_find(ctx: Context) -> int:
    found = ctx.services.customers.find_customers(ctx.need_actor(), ctx.args.text, limit=ctx.args.limit)
    ctx.emit(found, lambda: table(["Number", "Name", "Phones", "Email"],
                                  [(c.number, c.name, ", ".join(c.phones), c.email) for c in found])
             if found else f"No customer matches '{ctx.args.text}'.")
    return 0


def parse_line(text: str) -> tuple[str, str]:
    sku, sep, qty = text.partition("=")
    if not sep or not sku.strip():
        raise ValidationFailed(f"line '{text}' must be SKU=QTY, e.g. LAMP-01=2")
    return sku.strip(), qty.strip()


def cmd_order_place(ctx: Context) -> int:
    actor = ctx.need_actor()
    a = ctx.args
    lines = [parse_line(t) for t in a.line]
    customer = ctx.services.customers.resolve(actor, a.customer) if a.customer else None
    order = ctx.services.orders.place_order(actor, customer.id if customer else None, lines, channel=a.channel)
    ctx.emit(order, lambda: f"Placed {order.number} (tracking number {order.tracking_number})"
                            + (f" for {order.customer_name}" if order.customer_name else "")
                            + f": {len(order.lines)} line(s), total {money(order.total, order.currency)}.")
    return 0


def format_order(o) -> str:
    cur = o.currency
    out = [f"Order {o.number}    status: {o.status}",
           f"Tracking number: {o.tracking_number or '(none yet)'}",
           f"Customer: {o.customer_name} ({customer_number(o.customer_id)})" if o.customer_id is not None else
           "Customer: (none)",
           f"Channel: {o.channel}    created {when(o.created_at)} by {o.created_by or '?'}", ""]
    out.append(table(["#", "SKU", "Name", "Qty", "Unit price", "Tax rate", "Net", "Tax", "Gross"],
                     [(ln.line_no, ln.sku, ln.name, ln.quantity, money(ln.unit_price, cur), percent(ln.tax_rate),
                       money(ln.net, cur), money(ln.tax, cur), money(ln.gross, cur)) for ln in o.lines],
                     right=[0, 3, 4, 5, 6, 7, 8]))
    out.append("")
    out.append(f"Net:   {money(o.net, cur)}")
    for rate, net, tax in o.tax_by_rate:
        out.append(f"Tax {percent(rate)} on {money(net, cur)}: {money(tax, cur)}")
    out.append(f"Total: {money(o.total, cur)}")
    out.append("")
    out.append("History:")
    for h in o.history:
        step = f"{h.from_status} -> {h.to_status}" if h.from_status else h.to_status
        out.append(f"  {when(h.at)}  {step}  by {h.username or '?'}" + (f"  ({h.note})" if h.note else ""))
    return "\n".join(out)


def cmd_order_show(ctx: Context) -> int:
    order = ctx.services.orders.get_order(ctx.need_actor(), ctx.args.order)
    ctx.emit(order, lambda: format_order(order))
    return 0


def cmd_order_cancel(ctx: Context) -> int:
    order = ctx.services.orders.cancel_order(ctx.need_actor(), ctx.args.order, ctx.args.reason)
    ctx.emit(order, f"Cancelled {order.number}; its reserved stock was released.")
    return 0


def cmd_order_list(ctx: Context) -> int:
    orders = ctx.services.orders.list_orders(ctx.need_actor(), status=ctx.args.status, limit=ctx.args.limit)
    ctx.emit(orders, lambda: table(
        ["Order", "Tracking", "Status", "Channel", "Customer", "Lines", "Total", "Created"],
        [(o.number, o.tracking_number or "", o.status, o.channel, o.customer_name, o.line_count,
          money(o.total, o.currency), when(o.created_at)) for o in orders], right=[5, 6])
             if orders else "No orders found.")
    return 0


# ---- running -------------------------------------------------------------------------------------------------

def open_for(args: argparse.Namespace, paths):
    """Open the backend; only ``init`` and ``demo-data`` may create or migrate a database from scratch."""
    from sqlalchemy.engine import make_url

    from .adapters.db.migrate import current_revision, upgrade
    from .bootstrap import open_backend
    from .config import describe_url, resolve_database_url

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
    from .config import Paths
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
        from .config import Paths
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


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
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
        msg = f"unexpected error ({type(e).__name__}: {e}); {where}"
        if as_json:
            print(json.dumps({"error": msg, "exit_code": 1}, ensure_ascii=False), file=sys.stderr)
        else:
            print(f"{PROG}: error: {msg}", file=sys.stderr)
        return 1


def _storage_error(exc: BaseException) -> StorageError | None:
    from sqlalchemy.exc import DBAPIError, OperationalError

    from .adapters.db.engine import translate_storage_error
    if not isinstance(exc, (DBAPIError, OSError)):
        return None
    known = translate_storage_error(exc)
    if known is None and isinstance(exc, OperationalError):
        # The DB-API's "operational" errors come from the environment (server down, no such database, ...).
        detail = str(getattr(exc, "orig", exc)).strip().splitlines()
        known = StorageError(f"The database cannot be used: {detail[0] if detail else type(exc).__name__}.",
                             "Check the --database URL and that the database server is running.")
    return known


if __name__ == "__main__":
    sys.exit(main())
