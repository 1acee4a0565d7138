"""``oms stock`` commands: adjust on-hand stock, the stock card of a product, and posting a counted stock list."""
from __future__ import annotations

import csv
import re
from pathlib import Path

from ..domain.catalog import csv_data_rows, csv_reader
from ..domain.errors import NotFound, ValidationFailed
from ..domain.orders import parse_quantity
from . import common

COUNT_COLUMNS = ("sku", "counted")
DEFAULT_HISTORY_LIMIT = 50


def register(sub, leaf) -> None:
    stock = sub.add_parser("stock", help="stock: adjust, stock card, counts").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    c = leaf(stock, "adjust", "add to (or with a negative quantity, take from) on-hand stock")
    c.add_argument("sku", metavar="SKU")
    c.add_argument("--qty", required=True, metavar="N", help="e.g. 5 or -2")
    c.add_argument("--reason", required=True, help="count, damage, found, correction or receipt")
    c.add_argument("--note", default="")
    c.set_defaults(func=cmd_stock_adjust)
    c = leaf(stock, "history", "the stock card of a product: its moves, newest first, with the running balance")
    c.add_argument("sku", metavar="SKU")
    c.add_argument("--limit", type=common.positive_int, default=DEFAULT_HISTORY_LIMIT, metavar="N",
                   help=f"show the N newest moves (default {DEFAULT_HISTORY_LIMIT})")
    c.set_defaults(func=cmd_stock_history)
    c = leaf(stock, "count", "post a counted stock list (CSV with columns sku,counted): every difference is "
                             "booked, or nothing if any row is wrong")
    c.add_argument("file", metavar="FILE.csv", help="UTF-8 CSV, comma or semicolon; a SKU or barcode per row; "
                                                    "other columns are ignored")
    c.add_argument("--location", required=True, metavar="LOC",
                   help="the location counted: every product in the file must be stored there "
                        "(\"\" to count products wherever they are)")
    c.set_defaults(func=cmd_stock_count)




def cmd_stock_adjust(ctx) -> int:
    a = ctx.args
    on_hand = ctx.services.inventory.adjust_stock(ctx.need_actor(), a.sku, a.qty, a.reason, a.note)
    sku = a.sku.strip().upper()
    ctx.emit({"sku": sku, "on_hand": on_hand}, f"{sku}: on hand is now {on_hand}.")
    return 0


def cmd_stock_history(ctx) -> int:
    actor, limit = ctx.need_actor(), ctx.args.limit
    lines = ctx.services.inventory.stock_history(actor, ctx.args.sku, limit=limit + 1)  # one more: are there more?
    more, lines = len(lines) > limit, lines[:limit]
    if ctx.json:
        ctx.emit(lines, "")
        return 0
    product = ctx.services.catalog.get_product(actor, ctx.args.sku)

    def human() -> str:
        title = f"Stock card of {product.sku} {product.name}"
        if not lines:
            return f"{title}: no stock moves yet."
        now = lines[0]
        head = (f"{title}: on hand {now.on_hand_after}, reserved {now.reserved_after}, available "
                f"{now.on_hand_after - now.reserved_after}; "
                + (f"the {len(lines)} newest moves (--limit N shows more)" if more else f"{len(lines)} move(s)")
                + ", newest first")
        body = common.table(["Date", "Kind", "On hand", "Reserved", "Balance", "Reserved after", "Reason", "Reference",
                          "User"],
                         [(common.when(h.at), h.kind, f"{h.on_hand_delta:+d}" if h.on_hand_delta else "",
                           f"{h.reserved_delta:+d}" if h.reserved_delta else "", h.on_hand_after, h.reserved_after,
                           h.reason, h.reference, h.username) for h in lines], right=[2, 3, 4, 5])
        return f"{head}\n\n{body}"

    ctx.emit(lines, human)
    return 0


def parse_count_csv(data: bytes, name: str) -> list[tuple[int, str, int]]:
    """The rows of a counted stock list as (row number, SKU or barcode, counted), or ValidationFailed naming every
    bad row. Row numbers are the file's line numbers (the header is row 1), as in the catalog import report."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise ValidationFailed(f"{name} row {line}: the file is not UTF-8 text (bad byte 0x{data[e.start]:02x}); "
                               "save it as UTF-8 CSV") from None
    if "\x00" in text:
        raise ValidationFailed(f"{name} is not a CSV text file (it contains NUL bytes)")
    if not text.strip():
        raise ValidationFailed(f"{name} is empty: expected a header {','.join(COUNT_COLUMNS)} and a row per product")
    reader = csv_reader(text)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except csv.Error as e:
        raise ValidationFailed(f"{name} row 1: malformed CSV header: {e}") from None
    missing = [c for c in COUNT_COLUMNS if c not in header]
    if missing:
        raise ValidationFailed(f"{name} row 1: missing column(s) {', '.join(missing)} (the header needs "
                               f"{','.join(COUNT_COLUMNS)}; other columns are ignored)")
    dupes = sorted({c for c in COUNT_COLUMNS if header.count(c) > 1})
    if dupes:
        raise ValidationFailed(f"{name} row 1: duplicate column(s) {', '.join(dupes)}")
    i_sku, i_counted = header.index("sku"), header.index("counted")
    rows: list[tuple[int, str, int]] = []
    problems: list[str] = []
    first_row: dict[str, int] = {}
    try:
        for n, row in csv_data_rows(reader):
            if len(row) != len(header):
                problems.append(f"{name} row {n}: has {len(row)} fields, the header has {len(header)}")
                continue
            key, counted = row[i_sku].strip(), row[i_counted].strip()
            if not key:
                problems.append(f"{name} row {n}: the sku is empty")
                continue
            if not counted:
                problems.append(f"{name} row {n}: no count for {key} (0 if none were found)")
                continue
            try:
                qty = parse_quantity(counted, sku=key.upper(), allow_zero=True)
            except ValidationFailed as e:
                problems.extend(f"{name} row {n}: {p}" for p in e.problems)
                continue
            if key.upper() in first_row:
                problems.append(f"{name} row {n}: {key} appears again (first on row {first_row[key.upper()]}); "
                                "give its whole count on one row")
                continue
            first_row[key.upper()] = n
            rows.append((n, key, qty))
    except csv.Error as e:
        problems.append(f"{name} row {reader.line_num}: malformed CSV: {e}")
    if not rows and not problems:
        problems.append(f"{name} has a header but no counts")
    if problems:
        raise ValidationFailed(problems)
    return rows


def _row_of(problem: str, keys: list[tuple[int, str]]) -> int | None:
    """The row whose key the problem names first (the subject of the service's messages comes first)."""
    best = None
    for n, key in keys:
        m = re.search(rf"(?<![\w.-]){re.escape(key)}(?![\w.-])", problem, re.IGNORECASE)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), n)
    return best[1] if best else None


def _rows_named(problems: list[str], rows: list[tuple[int, str, int]], name: str, sku_of) -> list[str]:
    """The service names a bad entry by the SKU or barcode given, or by the product's SKU (it knows nothing of
    rows); put the row in front, so the user can find it in the file, and list the problems in file order. Rows
    given by barcode are looked up (``sku_of``) only when a problem is left unmatched; a problem naming no row
    stays as it is."""
    keys = [(n, key) for n, key, _qty in rows]
    found = [_row_of(p, keys) for p in problems]
    if None in found:
        for n, key in list(keys):
            if key.isdigit() and n not in found:
                sku = sku_of(key)
                if sku is not None and sku.upper() != key.upper():
                    keys.append((n, sku))
        found = [_row_of(p, keys) for p in problems]
    named = sorted(zip(found, problems), key=lambda fp: (fp[0] is None, fp[0] or 0))
    return [f"{name} row {n}: {p}" if n is not None else p for n, p in named]


def cmd_stock_count(ctx) -> int:
    actor = ctx.need_actor()
    name = Path(ctx.args.file).name
    rows = parse_count_csv(common.read_file(ctx.args.file), name)
    try:
        result = ctx.services.inventory.post_stock_count(actor, ctx.args.location, [(key, qty) for _n, key, qty
                                                                                     in rows])
    except ValidationFailed as e:
        def sku_of(key: str) -> str | None:
            try:
                return ctx.services.catalog.get_product(actor, key).sku
            except NotFound:
                return None

        raise ValidationFailed(_rows_named(e.problems, rows, name, sku_of)) from None

    def line(ln) -> dict:
        return {"sku": ln.sku, "before": ln.before, "counted": ln.counted, "difference": ln.difference}

    changed = result.changed
    data = {"location": result.location, "counted": len(result.lines), "changed": [line(ln) for ln in changed],
            "lines": [line(ln) for ln in result.lines]}

    def human() -> str:
        where = f" at {result.location}" if result.location else ""
        head = f"Count{where} posted from {name}: {len(result.lines)} product(s) counted, "
        if not changed:
            return head + "every one as on record; nothing changed."
        return (head + f"{len(changed)} corrected:\n\n"
                + common.table(["SKU", "Before", "Counted", "Difference"],
                            [(ln.sku, ln.before, ln.counted, f"{ln.difference:+d}") for ln in changed],
                            right=[1, 2, 3]))

    ctx.emit(data, human)
    return 0
