"""Orders exported by a web shop or typed up from the mail catalog, read from CSV into plain records (issue 15).

Three formats, told apart by their header (``detect_format``):

* **shopify**: Shopify's orders export (Orders > Export, "CSV for Excel, Numbers or other spreadsheet programs").
  One row per line item; the order's own columns (e-mail, totals, addresses, statuses) on its first row only, blank
  on the rows after. Quirks seen in real files and handled here: a UTF-8 byte order mark, quoted commas and newlines
  in addresses and notes, ZIP codes written ``'75008`` (the apostrophe keeps Excel from eating the leading zero),
  timestamps with offsets (``2025-10-07 09:50:26 +0200``), a blank ``Lineitem sku`` (a gift card, a custom item: the
  order is reported, not guessed), ``Shipping``, ``Discount Code``/``Discount Amount`` and ``Taxes`` columns.
* **woocommerce**: the order CSV of WebToffee's "Order Export & Order Import for WooCommerce" (the most installed
  order export plugin; the same columns as WooCommerce.com's "Import Export Suite"). One row per order; items in
  ``line_item_1``, ``line_item_2``... as ``name:Oak box|sku:OAK-1|quantity:2|total:20.00|sub_total:20.00|tax:3.80``;
  ``shipping_items`` (``method_title:Flat rate|total:4.90``) and ``coupon_items`` (``code:SAVE5|amount:5.00``).
  Amounts are without tax (``sub_total`` before, ``total`` after the coupon), ``order_date`` in the shop's local time.
* **generic**: one row per line, documented in docs/imports.md (``order``, ``sku`` or ``barcode``, ``quantity``,
  ``unit_price`` required; the order's columns may repeat on every row or stand on its first).

Everything here is pure: the bytes in, ``ParsedFile`` out, each problem with the file's row numbers (the header is
row 1, the first record row 2: a record with a quoted newline is still one row, as a spreadsheet shows it). Whether
an order can be taken (its customer, products, stock, totals) is the import service's business.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal

from .errors import ValidationFailed
from .messages import Joined, msg, phrase
from .money import quantum
from .numbers import parse_number, parse_whole

FORMATS = ("shopify", "woocommerce", "generic")
OPEN, FULFILLED, CANCELLED = "open", "fulfilled", "cancelled"
MAX_PROBLEMS = 200  # a file of garbage gets the first 200, not a million lines
MAX_FIELD = 100_000  # characters in one cell: more is not an order export

_SHOPIFY = {"name", "created at", "lineitem quantity", "lineitem price", "lineitem sku"}
_WOO = {"order_number", "order_date", "line_item_1"}
_GENERIC = {"order", "quantity", "unit_price"}


@dataclass(frozen=True)
class ImportedLine:
    row: int
    sku: str
    barcode: str
    name: str
    quantity: int
    unit_price: Decimal       # per unit, as the shop charged it before order discounts
    price_basis: str = ""     # "net" when the file's prices are without tax (WooCommerce); "" as the company's


@dataclass(frozen=True)
class ImportedOrder:
    ref: str                  # the shop's order number, as the shop prints it (#1001)
    rows: tuple[int, ...]
    created_at: datetime      # aware
    status: str               # open, fulfilled or cancelled
    paid: bool
    currency: str
    email: str
    phone: str
    name: str
    billing_address: str
    ship_to: str
    lines: tuple[ImportedLine, ...]
    shipping: Decimal = Decimal(0)
    shipping_label: str = ""
    discount: Decimal = Decimal(0)  # taken off the order (positive)
    discount_code: str = ""
    total: Decimal | None = None    # the shop's total, checked against ours
    payment_reference: str = ""
    gateway: str = ""
    closed_at: datetime | None = None  # when fulfilled or cancelled, where the file says


@dataclass(frozen=True)
class OrderProblem:
    ref: str
    rows: tuple[int, ...]
    message: str

    def __str__(self) -> str:
        where = msg("row {row}", row=self.rows[0]) if len(self.rows) == 1 else \
            msg("rows {first}-{last}", first=self.rows[0], last=self.rows[-1]) if self.rows else phrase("the file")
        if self.ref:
            return msg("{where} (order {ref}): {problem}", where=where, ref=self.ref, problem=self.message)
        return Joined([where, self.message], ": ")


@dataclass(frozen=True)
class ParsedFile:
    format: str
    orders: tuple[ImportedOrder, ...] = ()
    problems: tuple[OrderProblem, ...] = ()   # orders that cannot be taken as they are
    file_problems: tuple[str, ...] = ()      # the file as a whole: nothing can be imported
    rows: int = 0


_Row = tuple[int, list[str]]
_Group = list[_Row]


class _Bad(ValueError):
    """One cell that cannot be read: the message names the column and the value."""


# ---- reading ----------------------------------------------------------------------------------------------------
def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, list[str]]], list[str]]:
    """(header, [(row number, cells)], problems with the file as a whole)."""
    if b"\x00" in data[:65536]:
        return [], [], [msg("the file is not a CSV text file (it holds binary data)")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return [], [], [msg("the file is not UTF-8 text (byte {byte} cannot be read): export or save it as "
                            "'CSV UTF-8'", byte=e.start + 1)]
    first = text[:text.find("\n")] if "\n" in text else text
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    try:
        for n, cells in enumerate(reader, start=1):
            if max(map(len, cells), default=0) > MAX_FIELD:
                return [], [], [msg("row {row}: a cell longer than {limit} characters; this is not an order export",
                                    row=n, limit=f"{MAX_FIELD:,}")]
            if n == 1:
                header = [h.strip() for h in cells]
            elif any(map(str.strip, cells)):
                rows.append((n, cells))
    except csv.Error as e:
        if "field larger than field limit" in str(e):
            return [], [], [msg("row {row}: a cell longer than {limit} characters; this is not an order export",
                                row=len(rows) + 2, limit=f"{csv.field_size_limit():,}")]
        return [], [], [msg("row {row}: not CSV ({error})", row=len(rows) + 2, error=str(e))]
    if not header or not any(header):
        return [], [], [msg("the file is empty: no header row")]
    return header, rows, []


def detect_format(header: Iterable[str]) -> str | None:
    names = {h.strip().lower() for h in header}
    if _SHOPIFY <= names:
        return "shopify"
    if _WOO <= names:
        return "woocommerce"
    if _GENERIC <= names and ({"sku", "barcode"} & names):
        return "generic"
    return None


REQUIRED = {
    "shopify": ("Name", "Created at", "Lineitem quantity", "Lineitem price", "Lineitem sku"),
    "woocommerce": ("order_number", "order_date", "line_item_1"),
    "generic": ("order", "quantity", "unit_price"),
}


def parse_orders(data: bytes, fmt: str, currency: str, *, now: datetime,
                 local_tz: tzinfo | None = None) -> ParsedFile:
    """Read ``data`` as ``fmt`` (one of FORMATS, or "auto"): the orders, each whole, and what is wrong with the others.

    ``now`` (aware) refuses dates in the future; ``local_tz`` reads timestamps without an offset (WooCommerce's, the
    generic format's) as the shop's local time (default: this machine's)."""
    header, rows, file_problems = read_rows(data)
    if file_problems:
        return ParsedFile(fmt, file_problems=tuple(file_problems))
    detected = detect_format(header)
    if fmt == "auto":
        if detected is None:
            return ParsedFile(fmt, file_problems=(msg(
                "the format is not recognised: the header has neither Shopify's columns (Name, Created at, Lineitem "
                "sku...) nor WooCommerce's (order_number, order_date, line_item_1...) nor the generic format's "
                "(order, sku, quantity, unit_price); see docs/imports.md"),), rows=len(rows))
        fmt = detected
    if fmt not in FORMATS:
        return ParsedFile(fmt, file_problems=(
            msg("format '{format}' is unknown (shopify, woocommerce, generic or auto)", format=fmt),))
    lower = {h.lower(): i for i, h in reversed(list(enumerate(header)))}
    missing = [c for c in REQUIRED[fmt] if c.lower() not in lower]
    if fmt == "generic" and not ({"sku", "barcode"} & set(lower)):
        missing.append(phrase("sku or barcode"))
    if missing:
        return ParsedFile(fmt, file_problems=(msg("the {format} format needs the column(s) {columns}; they are not in "
                                                  "the header", format=fmt, columns=Joined(missing, ", ")),),
                          rows=len(rows))
    reader = _Reader(lower, currency, now, local_tz)
    groups = _group(rows, reader, "name" if fmt == "shopify" else "order" if fmt == "generic" else "order_number")
    orders: list[ImportedOrder] = []
    problems: list[OrderProblem] = []
    parse: Callable[[_Reader, str, _Group], ImportedOrder] = {
        "shopify": _shopify_order, "woocommerce": _woo_order, "generic": _generic_order}[fmt]
    for ref, group in groups:
        if not ref:
            problems.append(OrderProblem("", tuple(n for n, _ in group), msg("no order number")))
            continue
        try:
            orders.append(parse(reader, ref, group))
        except _Bad as e:
            problems.append(OrderProblem(ref, tuple(n for n, _ in group), e.args[0]))
        if len(problems) >= MAX_PROBLEMS:
            break
    return ParsedFile(fmt, tuple(orders), tuple(problems), rows=len(rows))


def _group(rows: _Group, reader: "_Reader", column: str) -> list[tuple[str, _Group]]:
    """Rows by order number, in the order each first appears."""
    groups: dict[str, _Group] = {}
    for n, cells in rows:
        groups.setdefault(reader.cell(cells, column), []).append((n, cells))
    return list(groups.items())


class _Reader:
    def __init__(self, columns: dict[str, int], currency: str, now: datetime, local_tz: tzinfo | None) -> None:
        self.columns = columns
        self.currency = currency
        self.q = quantum(currency)
        self.now = now
        self.local_tz = local_tz
        self._index: dict[str, int] = {}  # a column name as the code spells it -> its index (-1: not in the file)

    def _at(self, column: str) -> int:
        """The index of ``column`` (any case) in the file's rows, -1 when the file has no such column."""
        i = self._index.get(column)
        if i is None:
            i = self._index[column] = self.columns.get(column.lower(), -1)
        return i

    def cell(self, cells: list[str], column: str) -> str:
        i = self._at(column)
        if i < 0 or i >= len(cells):
            return ""
        return cells[i].strip()

    def first(self, group: _Group, column: str) -> str:
        """The order's own column: on its first row (Shopify), or on any row (the generic format repeats it)."""
        i = self._at(column)
        if i < 0:
            return ""
        for _n, cells in group:
            if i < len(cells):
                v = cells[i].strip()
                if v:
                    return v
        return ""

    def money(self, text: str, column: str, *, negative: bool = False) -> Decimal:
        t = text.strip().replace("\u00a0", "").replace(" ", "")
        if t.startswith("'"):
            t = t[1:]
        if t == "":
            return Decimal(0)
        if "," in t:
            raise _Bad(msg("{column} '{text}' has a comma; amounts in this file are written with a decimal point "
                           "(12.50)", column=column, text=text))
        if not re.fullmatch(r"[+-]?[0-9]+(\.[0-9]+)?", t):  # ASCII digits only: '١٠' is not read as 10
            raise _Bad(msg("{column} '{text}' is not an amount", column=column, text=text))
        try:
            value = parse_number(t, field=column)
        except ValidationFailed as e:
            raise _Bad(e.problems[0] if len(e.problems) == 1 else e.message) from None
        if value < 0 and not negative:
            raise _Bad(msg("{column} '{text}' is negative", column=column, text=text))
        if value != value.quantize(self.q):
            raise _Bad(msg("{column} '{text}' has more decimals than {currency} has", column=column, text=text,
                           currency=self.currency))
        return abs(value) if negative else value

    @staticmethod
    def quantity(text: str, column: str) -> int:
        t = text.strip()
        if t.startswith("-"):
            raise _Bad(msg("{column} '{text}' is negative", column=column, text=text))
        try:  # ASCII digits only: '٣' or '２' are not read as 3 and 2
            if t.startswith("+"):
                raise ValidationFailed("a sign")
            q = parse_whole(t, field=column)
        except ValidationFailed:
            raise _Bad(msg("{column} '{text}' is not a whole number of units", column=column, text=text)) from None
        if q <= 0:
            raise _Bad(msg("{column} is 0; a line needs at least one unit", column=column))
        if q > 1_000_000:
            raise _Bad(msg("{column} '{text}' is more than a million units", column=column, text=text))
        return q

    def when(self, text: str, column: str) -> datetime:
        t = text.strip()
        if not t:
            raise _Bad(msg("{column} is empty", column=column))
        parsed = None
        for fmt in ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M",
                    "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M"):
            try:
                parsed = datetime.strptime(t, fmt)
                break
            except ValueError:
                continue
        if parsed is None:
            try:
                parsed = datetime.fromisoformat(t.replace("Z", "+00:00"))
            except ValueError:
                try:
                    parsed = datetime.combine(date.fromisoformat(t), time(12))
                except ValueError:
                    raise _Bad(msg("{column} '{text}' is not a date that exists (2025-10-07 09:50:26 +0200)",
                                   column=column, text=text)) from None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=self.local_tz) if self.local_tz is not None else parsed.astimezone()
        if parsed > self.now + timedelta(days=1):
            raise _Bad(msg("{column} '{text}' is in the future", column=column, text=text))
        if parsed.year < 1990:
            raise _Bad(msg("{column} '{text}' is before 1990", column=column, text=text))
        return parsed.astimezone(timezone.utc)

    def maybe_when(self, text: str, column: str) -> datetime | None:
        return self.when(text, column) if text.strip() else None

    def check_currency(self, text: str) -> str:
        cur = text.strip().upper() or self.currency
        if cur != self.currency:
            raise _Bad(msg("the order is in {currency}; this company keeps its books in {books}", currency=cur,
                           books=self.currency))
        return cur


def _address(*parts: str) -> str:
    """Address lines joined the way the app keeps them (one line each, empty parts left out); Excel's apostrophe in
    front of a ZIP code taken off."""
    lines = []
    for part in parts:
        for p in part.splitlines():
            p = p.strip().removeprefix("'")
            if p:
                lines.append(" ".join(p.split()))
    return "\n".join(lines)


def _join(*parts: str) -> str:
    return " ".join(p.strip().lstrip("'") for p in parts if p and p.strip())


# ---- Shopify ----------------------------------------------------------------------------------------------------
def _shopify_order(r: _Reader, ref: str, group: _Group) -> ImportedOrder:
    def f(column: str) -> str:  # the order's column, on its first row
        return r.first(group, column)

    lines = []
    for n, cells in group:
        sku, name = r.cell(cells, "Lineitem sku"), r.cell(cells, "Lineitem name")
        if not sku:
            raise _Bad(msg("row {row}: the line '{name}' has no SKU (Lineitem sku is empty); give the product a "
                           "SKU in the shop, or leave the order out", row=n, name=name or "?"))
        lines.append(ImportedLine(n, sku.upper(), "", name, r.quantity(r.cell(cells, "Lineitem quantity"),
                                                                       "Lineitem quantity"),
                                  r.money(r.cell(cells, "Lineitem price"), "Lineitem price")))
    financial = f("Financial Status").lower()
    fulfillment = f("Fulfillment Status").lower()
    cancelled_at = r.maybe_when(f("Cancelled at"), "Cancelled at")
    if cancelled_at is not None or financial in ("voided", "refunded"):
        status = CANCELLED
    elif fulfillment == "fulfilled":
        status = FULFILLED
    elif fulfillment in ("partial", "partially_fulfilled"):
        raise _Bad(msg("the order is partly fulfilled in the shop; ship it there or here, then import it"))
    else:
        status = OPEN
    billing = _address(f("Billing Name"), f("Billing Company"), f("Billing Address1"), f("Billing Address2"),
                       _join(f("Billing Zip"), f("Billing City")), f("Billing Province"), f("Billing Country"))
    ship_to = _address(f("Shipping Name"), f("Shipping Company"), f("Shipping Address1"), f("Shipping Address2"),
                       _join(f("Shipping Zip"), f("Shipping City")), f("Shipping Province"), f("Shipping Country"))
    return ImportedOrder(
        ref=ref, rows=tuple(n for n, _ in group), created_at=r.when(f("Created at"), "Created at"), status=status,
        paid=financial in ("paid", "partially_refunded"), currency=r.check_currency(f("Currency")),
        email=f("Email"), phone=f("Phone") or f("Billing Phone") or f("Shipping Phone"),
        name=f("Billing Name") or f("Shipping Name"), billing_address=billing, ship_to=ship_to or billing,
        lines=tuple(lines), shipping=r.money(f("Shipping"), "Shipping"), shipping_label=f("Shipping Method"),
        discount=r.money(f("Discount Amount"), "Discount Amount", negative=True),
        discount_code=f("Discount Code"),
        total=r.money(f("Total"), "Total") if f("Total") else None,
        payment_reference=f("Payment Reference") or f("Payment References") or f("Payment ID"),
        gateway=f("Payment Method"),
        closed_at=cancelled_at or r.maybe_when(f("Fulfilled at"), "Fulfilled at"))


# ---- WooCommerce ------------------------------------------------------------------------------------------------
def _pairs(text: str) -> dict[str, str]:
    """``name:Oak box|sku:OAK-1|quantity:2`` as a dict (a value may hold ':'; keys are lower-cased)."""
    out = {}
    for part in text.split("|"):
        key, sep, value = part.partition(":")
        if sep:
            out[key.strip().lower()] = value.strip()
    return out


_WOO_OPEN = {"pending": False, "on-hold": False, "processing": True}


def _woo_order(r: _Reader, ref: str, group: _Group) -> ImportedOrder:
    if len(group) > 1:
        raise _Bad(msg("order number {ref} is on {count} rows; this format has one row per order", ref=ref,
                       count=len(group)))
    n, cells = group[0]
    def c(column: str) -> str:
        return r.cell(cells, column)

    lines = []
    item_columns = sorted((int(m[1]), name) for name in r.columns if (m := re.fullmatch(r"line_item_(\d+)", name)))
    for _k, column in item_columns:
        text = c(column)
        if not text:
            continue
        item = _pairs(text)
        qty = r.quantity(item.get("quantity", ""), f"{column} quantity")
        sub_total = r.money(item.get("sub_total", item.get("total", "")), f"{column} sub_total")
        sku = item.get("sku", "").upper()
        if not sku:
            raise _Bad(msg("{column} '{name}' has no SKU; give the product a SKU in the shop, or leave the order out",
                           column=column, name=item.get("name", "?")))
        unit = sub_total / qty
        if unit != unit.quantize(r.q):
            raise _Bad(msg("{column}: {amount} for {quantity} units is not a price per unit in {currency}",
                           column=column, amount=sub_total, quantity=qty, currency=r.currency))
        lines.append(ImportedLine(n, sku, "", item.get("name", ""), qty, unit, "net"))
    if not lines:
        raise _Bad(msg("the order has no line items"))
    status_text = c("status").lower().removeprefix("wc-")
    if status_text in ("cancelled", "refunded", "failed", "trash"):
        status, paid = CANCELLED, False
    elif status_text == "completed":
        status, paid = FULFILLED, True
    elif status_text in _WOO_OPEN:
        status, paid = OPEN, _WOO_OPEN[status_text] or bool(c("paid_date"))
    else:
        raise _Bad(msg("status '{status}' is not a WooCommerce order status this import knows", status=c("status")))
    shipping = _pairs(c("shipping_items"))
    coupon = _pairs(c("coupon_items"))
    billing = _address(_join(c("billing_first_name"), c("billing_last_name")), c("billing_company"),
                       c("billing_address_1"), c("billing_address_2"), _join(c("billing_postcode"), c("billing_city")),
                       c("billing_state"), c("billing_country"))
    ship_to = _address(_join(c("shipping_first_name"), c("shipping_last_name")), c("shipping_company"),
                       c("shipping_address_1"), c("shipping_address_2"),
                       _join(c("shipping_postcode"), c("shipping_city")), c("shipping_state"), c("shipping_country"))
    return ImportedOrder(
        ref=ref, rows=(n,), created_at=r.when(c("order_date"), "order_date"), status=status, paid=paid,
        currency=r.check_currency(c("order_currency")), email=c("customer_email") or c("billing_email"),
        phone=c("billing_phone") or c("shipping_phone"),
        name=_join(c("billing_first_name"), c("billing_last_name")) or c("billing_company"),
        billing_address=billing, ship_to=ship_to or billing, lines=tuple(lines),
        shipping=r.money(c("shipping_total"), "shipping_total"),
        shipping_label=shipping.get("method_title", c("shipping_method")),
        discount=r.money(c("discount_total") or c("cart_discount"), "discount_total", negative=True),
        discount_code=coupon.get("code", ""),
        total=r.money(c("order_total"), "order_total") if c("order_total") else None,
        payment_reference=c("transaction_id"), gateway=c("payment_method_title") or c("payment_method"),
        closed_at=r.maybe_when(c("completed_date") or c("paid_date"), "completed_date") if status == FULFILLED
        else None)


# ---- generic ------------------------------------------------------------------------------------------------------
GENERIC_COLUMNS = ("order", "date", "status", "paid", "email", "phone", "name", "address", "ship_to", "sku",
                   "barcode", "quantity", "unit_price", "shipping", "shipping_method", "discount", "discount_code",
                   "total", "payment_reference", "currency")
_YES = {"yes", "y", "true", "1", "paid", "ja"}
_NO = {"", "no", "n", "false", "0", "unpaid", "nein"}


def _generic_order(r: _Reader, ref: str, group: _Group) -> ImportedOrder:
    def f(column: str) -> str:
        return r.first(group, column)

    lines = []
    for n, cells in group:
        sku, barcode = r.cell(cells, "sku").upper(), r.cell(cells, "barcode")
        if not sku and not barcode:
            raise _Bad(msg("row {row}: neither sku nor barcode is given", row=n))
        lines.append(ImportedLine(n, sku, barcode, "", r.quantity(r.cell(cells, "quantity"), "quantity"),
                                  r.money(r.cell(cells, "unit_price"), "unit_price")))
    status = (f("status") or OPEN).lower()
    if status not in (OPEN, FULFILLED, CANCELLED):
        raise _Bad(msg("status '{status}' is not open, fulfilled or cancelled", status=f("status")))
    paid_text = f("paid").lower()
    if paid_text not in _YES | _NO:
        raise _Bad(msg("paid '{paid}' is not yes or no", paid=f("paid")))
    date_text = f("date")
    return ImportedOrder(
        ref=ref, rows=tuple(n for n, _ in group),
        created_at=r.when(date_text, "date") if date_text else r.now.astimezone(timezone.utc), status=status,
        paid=paid_text in _YES, currency=r.check_currency(f("currency")), email=f("email"), phone=f("phone"),
        name=f("name"), billing_address=_address(*f("address").split("\n")),
        ship_to=_address(*(f("ship_to") or f("address")).split("\n")), lines=tuple(lines),
        shipping=r.money(f("shipping"), "shipping"), shipping_label=f("shipping_method"),
        discount=r.money(f("discount"), "discount", negative=True), discount_code=f("discount_code"),
        total=r.money(f("total"), "total") if f("total") else None, payment_reference=f("payment_reference"))


__all__ = ["FORMATS", "ImportedLine", "ImportedOrder", "OrderProblem", "ParsedFile", "detect_format", "parse_orders",
           "read_rows"]
