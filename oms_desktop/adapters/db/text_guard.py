"""The one guard every text written passes: bounded as its column says, and never a card number.

It listens to each engine's INSERTs and UPDATEs (repositories, imports, the ORM alike) and refuses a value before
the database sees it, with ValidationFailed (the CLI's exit 2, the screen's message), so the transaction rolls back
and nothing changes. The limit comes from the tables themselves (``models*.py``), and a derived column
(``name_lower``, ``email_lower``) is bounded as stored: "İ" lower-cases to two characters. Python's ``len`` counts
code points, as SQLite's length() and PostgreSQL's varchar(n) do, so both databases now refuse the same values
(PostgreSQL used to fail with a crash, SQLite to store the whole text).
"""
from __future__ import annotations

import functools
import re
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, String, Table, event
from sqlalchemy.engine import Engine
from sqlalchemy.sql.dml import Insert, Update

from ...domain.errors import ValidationFailed
from ...domain.free_text import card_number_problem, contains_card_number, too_long_problem

# Columns that hold codes, keys, machine-made text or copies of text checked in its own column: a long number in
# them is a barcode, a phone number, an id list or a JSON payload, not a card typed into a note.
NOT_FREE_TEXT = frozenset({
    "password_hash", "sku", "barcode", "buy_sku", "get_sku", "supplier_sku", "skus", "phone", "digits", "number",
    "number_key", "tracking_number", "claim_token", "fingerprint", "key", "payload", "facts", "old_values",
    "new_values", "value", "search_text", "tiers", "categories", "printer", "message_id", "seller_vat_id", "code",
    "entity_id", "email", "email_lower", "recipient", "last_error", "seller", "external_ref", "name_lower", "word",
    "currency", "status", "from_status", "to_status", "kind", "role", "username", "card_last4", "claimed_by",
    "last_change", "last_change_by", "series", "batch", "account",
})

# What a screen calls a column where "<table> <column>" would not say it.
LABELS = {
    ("stock_moves", "reason"): "stock note",
    ("stock_moves", "reference"): "stock reference",
    ("users", "display_name"): "display name",
    ("users", "username"): "user name",
    ("customers", "name"): "customer name",
    ("customers", "name_lower"): "customer name",
    ("customers", "email_lower"): "customer e-mail",
    ("customers", "email"): "customer e-mail",
    ("suppliers", "phone"): "supplier phone",
    ("order_status_history", "note"): "reason",
    ("shipments", "carrier_ref"): "carrier reference",
    ("payments", "reference"): "payment reference",
    ("ledger_entries", "description"): "journal description",
    ("products", "name"): "product name",
}
# A Text column of free text is bounded too (a column's info={"max_chars": n} says otherwise): no one types more
# into a note or an address, and a screen or a document must be able to show it.
TEXT_LIMIT = 4000
_DERIVED = {"name_lower": "name", "email_lower": "email"}
_MULTI_VALUES_KEY = re.compile(r"^(.*)_m\d+$")


def _singular(table: str) -> str:
    words = table.split("_")
    last = words[-1]
    if last.endswith("sses") or last.endswith("xes"):
        last = last[:-2]
    elif last.endswith("ies"):
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join([*words[:-1], last])


def label_of(table: Table, column: Column) -> str:
    """The column as people name it: "stock note", "customer address", "supplier phone"."""
    known = LABELS.get((table.name, column.name))
    if known:
        return known
    base = _DERIVED.get(column.name, column.name)
    noun = _singular(table.name)
    words = base.replace("_", " ")
    return words if words.startswith(noun) else f"{noun} {words}"


def _column(table: Table, key: str) -> Column | None:
    col = table.c.get(key)
    if col is None:
        m = _MULTI_VALUES_KEY.match(key)
        col = table.c.get(m.group(1)) if m else None
    return col


@functools.cache
def _rule(table: Table, key: str) -> tuple[Column, int | None, bool] | None:
    """What the guard checks in ``key`` of ``table``: the column, its limit in characters (None: no limit), and
    whether it is free text (searched for card numbers); None for a key that is no text column. Worked out once per
    column (the guard runs for every INSERT and UPDATE, order placement's among them)."""
    col = _column(table, key)
    if col is None:
        return None
    length = col.info.get("max_chars") or getattr(col.type, "length", None) \
        or (TEXT_LIMIT if col.name not in NOT_FREE_TEXT else None)
    return col, (length if isinstance(col.type, String) and length else None), col.name not in NOT_FREE_TEXT


def problems_in(table: Table, values: dict) -> list[str]:
    """Every problem of the text ``values`` (column key -> value) would write into ``table``."""
    problems: list[str] = []
    for key, value in values.items():
        if isinstance(value, str) and value:
            rule = _rule(table, key)
            if rule is not None:
                _add_problems(table, rule, value, values, problems)
    return problems


def _add_problems(table: Table, rule: tuple[Column, int | None, bool], value: str, values, problems: list[str]
                  ) -> None:
    """The problems of one text ``value`` under its column's ``rule`` (``_rule``) added to ``problems`` (each once);
    ``values`` the row it is written with (a derived column's message names what was typed)."""
    col, length, free_text = rule
    if length is not None and len(value) > length:
        base = _DERIVED.get(col.name)
        typed = values.get(base) if base else None
        problem = too_long_problem(label_of(table, col), value, length,
                                   typed=typed if isinstance(typed, str) else None)
        if problem and problem not in problems:
            problems.append(problem)
    if free_text and len(value) >= 13 and contains_card_number(value):  # a card number has 13 digits or more
        problem = card_number_problem(label_of(table, col), value)
        if problem and problem not in problems:
            problems.append(problem)


_TEXT_KEYS: dict[tuple[str, tuple[str, ...]], tuple[tuple[tuple[str, tuple[Column, int | None, bool]], ...],
                                                   tuple[tuple[str, tuple[Column, int | None, bool]], ...]]] = {}


def problems_in_rows(table: Table, keys: tuple[str, ...], rows) -> list[str]:
    """``problems_in`` for many rows with the same ``keys``: the text columns' values are looked at, each distinct
    value once; the other columns only when a row gives one of them a text (the columns are worked out once per
    table and keys)."""
    split = _TEXT_KEYS.get((table.name, keys))
    if split is None:
        ruled = [(k, rule) for k in keys if (rule := _rule(table, k)) is not None]
        split = _TEXT_KEYS[(table.name, keys)] = (
            tuple(kr for kr in ruled if isinstance(kr[1][0].type, String)),
            tuple(kr for kr in ruled if not isinstance(kr[1][0].type, String)))
    text_keys, other_keys = split
    if other_keys and _gives_text(rows, other_keys):
        text_keys = text_keys + other_keys
    problems: list[str] = []
    for k, rule in text_keys:
        # each distinct value once (an allowance's label and kind repeat on each of its tax rates' rows), with a
        # row it is written with
        for value, row in {row[k]: row for row in rows}.items():
            if isinstance(value, str) and value:
                _add_problems(table, rule, value, row, problems)
    return problems


def _gives_text(rows, keys: tuple[tuple[str, Any], ...]) -> bool:
    """Whether any row gives a text to one of ``keys`` (columns that are not text columns): the types of their
    values collected at C speed (``map``), then judged once per distinct type; a generator over every value took
    more than the check itself for an order's allowance rows."""
    names = [k for k, _rule in keys]
    values = chain.from_iterable(map(itemgetter(*names), rows)) if len(names) > 1 else map(itemgetter(*names), rows)
    return any(issubclass(kind, str) for kind in set(map(type, values)))


def _before_cursor_execute(conn, cursor, statement, parameters, context, executemany):
    compiled = getattr(context, "compiled", None)
    stmt = getattr(compiled, "statement", None)
    if not isinstance(stmt, (Insert, Update)) or not isinstance(stmt.table, Table):
        return
    if getattr(context, "_oms_text_checked", False):  # an executemany sent in batches: checked at the first
        return
    context._oms_text_checked = True
    problems: list[str] = []
    for values in context.compiled_parameters or ():
        for problem in problems_in(stmt.table, values):
            if problem not in problems:
                problems.append(problem)
    if problems:
        raise ValidationFailed(problems)


def install(engine: Engine) -> None:
    """Guard every INSERT and UPDATE ``engine`` runs."""
    event.listen(engine, "before_cursor_execute", _before_cursor_execute)
