"""Products: validation of product data and of catalog CSV files (every problem reported, nothing half-done)."""
from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO, Protocol

from .errors import ValidationFailed
from .messages import Message, msg
from .money import parse_amount
from .orders import parse_quantity, parse_rate

SKU_RE = re.compile(r"^[A-Z0-9][A-Z0-9._/-]{0,63}$")
BARCODE_RE = re.compile(r"^[0-9A-Za-z-]{1,64}$")
CATALOG_COLUMNS = ("sku", "name", "unit_price", "tax_rate", "barcode", "category", "location", "on_hand",
                   "reorder_point")
REQUIRED_COLUMNS = ("sku", "name", "unit_price", "tax_rate")
OPTIONAL_COLUMNS = ("description", "reorder_qty", "unit_cost")
MAX_IMPORT_BYTES = 200 * 1024 * 1024
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(cell: str) -> str:
    """A spreadsheet must not run a CSV cell as a formula: text starting with = + - @, tab or CR gets a leading '.

    A cell that starts with ' itself gets one more, so ``formula_unsafe`` (what the catalog import reads) gives back
    exactly what was exported: '=x' -> "'=x" -> '=x', and "'=x" -> "''=x" -> "'=x"."""
    return "'" + cell if cell.startswith(FORMULA_START) or cell.startswith("'") else cell


def formula_unsafe(cell: str) -> str:
    """Undo ``formula_safe``: one leading ' before a formula character or another ' goes; any other text stays."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith((*FORMULA_START, "'")) else cell


@dataclass(frozen=True)
class ProductSpec:
    sku: str
    name: str
    unit_price: Decimal
    tax_rate: Decimal
    barcode: str | None = None
    category: str = ""
    location: str = ""
    on_hand: int | None = None
    reorder_point: int = 0
    reorder_qty: int = 0
    description: str = ""
    unit_cost: Decimal | None = None  # what one unit costs us (values stock and COGS); None: leave it as it is


def normalize_sku(raw: str) -> str:
    return str(raw).strip().upper()


def check_sku(sku: str) -> str | None:
    if not sku:
        return msg("SKU is empty")
    if not SKU_RE.match(sku):
        return msg("SKU '{sku}' may contain only letters, digits and . _ / - (at most 64)", sku=sku)
    return None


def check_name(name: str) -> str | None:
    if not name.strip():
        return msg("name is empty")
    if len(name) > 300:
        return msg("name is longer than 300 characters")
    if any(ord(ch) < 32 and ch not in "\t" for ch in name):
        return msg("name contains control characters")
    return None


def _as_column(problem: str, column: str) -> str:
    """A quantity's problem (``parse_quantity``) told of the file's column ``column`` instead of "quantity"."""
    if isinstance(problem, Message) and problem.params.get("field") == "quantity":
        return Message(problem.template, {**problem.params, "field": column})
    return problem.replace("quantity", column)


def validate_product(fields: Mapping[str, object], currency: str) -> tuple[ProductSpec | None, list[tuple[str, str]]]:
    """Validate raw text fields; returns the spec, or None and a list of (column, problem)."""
    problems: list[tuple[str, str]] = []

    def get(col: str) -> str:
        v = fields.get(col)
        return "" if v is None else str(v).strip()

    sku = normalize_sku(get("sku"))
    if (p := check_sku(sku)):
        problems.append(("sku", p))
    name = get("name")
    if (p := check_name(name)):
        problems.append(("name", p))
    price = rate = None
    try:
        price = parse_amount(get("unit_price"), currency, field="unit_price")
    except ValidationFailed as e:
        problems.append(("unit_price", e.problems[0]))
    try:
        rate = parse_rate(get("tax_rate") or "", field="tax_rate") if get("tax_rate") else None
        if rate is None:
            problems.append(("tax_rate", msg("tax_rate is empty (write 0 for untaxed goods)")))
    except ValidationFailed as e:
        problems.append(("tax_rate", e.problems[0]))
    barcode = get("barcode") or None
    if barcode is not None and not BARCODE_RE.match(barcode):
        problems.append(("barcode", msg("barcode '{barcode}' may contain only letters, digits and - (at most 64)",
                                        barcode=barcode)))
    on_hand = None
    if get("on_hand"):
        try:
            on_hand = parse_quantity(get("on_hand"), allow_zero=True)
        except ValidationFailed as e:
            problems.append(("on_hand", _as_column(e.problems[0], "on_hand")))
    unit_cost = None
    if get("unit_cost"):
        try:
            unit_cost = parse_amount(get("unit_cost"), currency, field="unit_cost")
        except ValidationFailed as e:
            problems.append(("unit_cost", e.problems[0]))
    reorder_point = reorder_qty = 0
    for col in ("reorder_point", "reorder_qty"):
        if get(col):
            try:
                v = parse_quantity(get(col), allow_zero=True)
                if col == "reorder_point":
                    reorder_point = v
                else:
                    reorder_qty = v
            except ValidationFailed as e:
                problems.append((col, _as_column(e.problems[0], col)))
    for col, limit in (("category", 100), ("location", 64)):
        if len(get(col)) > limit:
            problems.append((col, msg("{column} is longer than {limit} characters", column=col, limit=limit)))
    if problems:
        return None, problems
    assert price is not None and rate is not None  # each would have been a problem
    return ProductSpec(sku=sku, name=name, unit_price=price, tax_rate=rate, barcode=barcode,
                       category=get("category"), location=get("location").upper(), on_hand=on_hand,
                       reorder_point=reorder_point, reorder_qty=reorder_qty,
                       description=get("description"), unit_cost=unit_cost), []


@dataclass(frozen=True)
class CatalogFile:
    """A parsed catalog file: valid specs (by row number) and every problem found (row, column, message)."""
    specs: tuple[tuple[int, ProductSpec], ...]
    problems: tuple[tuple[int, str, str], ...]


class CsvReader(Protocol):
    """What ``csv.reader`` returns: rows of cells, and the number of the line read last."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


def csv_reader(text: str) -> CsvReader:
    """A strict CSV reader over ``text``, separated by semicolons if its first line has more of them than commas
    (a spreadsheet saved in a German locale), else by commas."""
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)


def csv_data_rows(reader: CsvReader) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of every row of ``reader`` that is not blank; a malformed row raises ``csv.Error``
    (``reader.line_num`` says where), ending the rows."""
    for row in reader:
        if any(cell.strip() for cell in row):
            yield reader.line_num, row


CatalogItem = tuple[int, "ProductSpec | None", str, str]
"""What reading a catalog gives, row by row: (row, the product, "", "") for a valid row, (row, None, column,
message) for a problem."""


class _NotText(Exception):
    def __init__(self, problem: tuple[int, str, str]):
        self.problem = problem


def _text_lines(stream: BinaryIO) -> Iterator[str]:
    """The file's lines as text, one at a time (UTF-8, a BOM dropped), so that a big file is never held whole."""
    for n, raw in enumerate(stream, 1):
        if n == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise _NotText((n, "", msg("the file is not UTF-8 text (bad byte {byte} at line {line}); save it as "
                                       "UTF-8 CSV and try again", byte=f"0x{raw[e.start]:02x}", line=n))) from None
        if "\x00" in line:
            raise _NotText((0, "", msg("the file contains NUL bytes; it is not a CSV text file")))
        yield line


def read_catalog(stream: BinaryIO, currency: str) -> Iterator[CatalogItem]:
    """Read a catalog CSV (UTF-8, optional BOM; comma or semicolon) from ``stream`` a line at a time and validate
    every row: each valid product and each problem, in file order. Memory is one row plus the SKUs and barcodes
    seen (for duplicates), whatever the file's size."""
    if stream.seekable():
        size = stream.seek(0, io.SEEK_END)
        stream.seek(0)
        if size > MAX_IMPORT_BYTES:
            yield 0, None, "", msg("the file is larger than {size} MB", size=MAX_IMPORT_BYTES // 2**20)
            return
    lines = _text_lines(stream)
    try:
        first = next(lines, None)
        blank: list[str] = []
        while first is not None and not first.strip():    # blank lines before anything: empty, or a blank header
            blank.append(first)
            first = next(lines, None)
        if first is None:
            yield 0, None, "", msg("the file is empty")
            return
        delimiter = ";" if first.count(";") > first.count(",") else ","
        reader = csv.reader(itertools.chain(blank, [first], lines), delimiter=delimiter, strict=True)
        try:
            header = [h.strip().lower() for h in next(reader)]
        except csv.Error as e:
            yield 1, None, "", msg("malformed CSV header: {error}", error=str(e))
            return
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        unknown = [h for h in header if h and h not in CATALOG_COLUMNS + OPTIONAL_COLUMNS]
        dupes = sorted({h for h in header if header.count(h) > 1})
        if missing:
            yield 1, None, ",".join(missing), msg("missing column(s): {columns} (expected {expected})",
                                                  columns=", ".join(missing), expected=",".join(CATALOG_COLUMNS))
        if unknown:
            yield 1, None, ",".join(unknown), msg("unknown column(s): {columns}", columns=", ".join(unknown))
        if dupes:
            yield 1, None, ",".join(dupes), msg("duplicate column(s): {columns}", columns=", ".join(dupes))
        if missing or unknown or dupes:
            return
        seen_sku: dict[str, int] = {}
        seen_barcode: dict[str, int] = {}
        try:
            for row_no, row in csv_data_rows(reader):
                if len(row) != len(header):
                    yield row_no, None, "", msg("has {count} fields, the header has {expected}", count=len(row),
                                                expected=len(header))
                    continue
                # The export made cells a spreadsheet would run safe with a leading '; they import as they were.
                spec, row_problems = validate_product(dict(zip(header, (formula_unsafe(c.strip()) for c in row))),
                                                      currency)
                for col, problem in row_problems:
                    yield row_no, None, col, problem
                if spec is None:
                    continue
                if spec.sku in seen_sku:
                    yield row_no, None, "sku", msg("SKU {sku} appears again (first on row {first})", sku=spec.sku,
                                                   first=seen_sku[spec.sku])
                    continue
                seen_sku[spec.sku] = row_no
                if spec.barcode:
                    if spec.barcode in seen_barcode:
                        yield row_no, None, "barcode", msg("barcode {barcode} appears again (first on row {first})",
                                                           barcode=spec.barcode, first=seen_barcode[spec.barcode])
                        continue
                    seen_barcode[spec.barcode] = row_no
                yield row_no, spec, "", ""
        except csv.Error as e:
            yield reader.line_num, None, "", msg("malformed CSV: {error}", error=str(e))
    except _NotText as e:
        yield e.problem[0], None, e.problem[1], e.problem[2]


@dataclass(frozen=True)
class CatalogCheck:
    """A catalog file read once without keeping its products: every problem, how many products it holds, and
    each product's barcode (barcode -> SKU), for the checks against the database."""
    problems: tuple[tuple[int, str, str], ...]
    count: int
    barcodes: dict[str, str]


def check_catalog(stream: BinaryIO, currency: str) -> CatalogCheck:
    """The first of the two readings of a big import (``catalog_products`` is the second)."""
    problems: list[tuple[int, str, str]] = []
    count, barcodes = 0, {}
    for row_no, spec, column, message in read_catalog(stream, currency):
        if spec is None:
            problems.append((row_no, column, message))
            continue
        count += 1
        if spec.barcode:
            barcodes[spec.barcode] = spec.sku
    if not count and not problems:
        problems.append((1, "", msg("the file has a header but no products")))
    return CatalogCheck(tuple(problems), count, barcodes)


def catalog_products(stream: BinaryIO, currency: str) -> Iterator[tuple[int, ProductSpec]]:
    """The products of a catalog ``check_catalog`` found without problems, read again from the start, one at a
    time."""
    stream.seek(0)
    for row_no, spec, _column, _message in read_catalog(stream, currency):
        if spec is not None:
            yield row_no, spec


def parse_catalog_csv(data: bytes, currency: str) -> CatalogFile:
    """Read a whole catalog CSV held in memory and validate every row (``read_catalog`` over its bytes)."""
    specs: list[tuple[int, ProductSpec]] = []
    problems: list[tuple[int, str, str]] = []
    for row_no, spec, column, message in read_catalog(io.BytesIO(data), currency):
        if spec is None:
            problems.append((row_no, column, message))
        else:
            specs.append((row_no, spec))
    if not specs and not problems:
        problems.append((1, "", msg("the file has a header but no products")))
    return CatalogFile(tuple(specs), tuple(problems))
