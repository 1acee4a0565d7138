"""Issue 18's input findings through the ``oms`` command line, on SQLite and PostgreSQL alike: over-long text is
refused (exit 2, nothing changed) instead of crashing PostgreSQL or being kept whole by SQLite; statement parameters
never reach the terminal or the log; huge and ambiguous numbers are refused; card numbers are refused in every free
text; a catalog export imports back as it was; permissions come before prompts and reads follow need."""
from __future__ import annotations

import importlib

import pytest
from sqlalchemy import create_engine, text

from tests.helpers.cli import Oms
from tests.helpers.dumps import dump


@pytest.fixture
def database(cli_shop):
    """Every row of every table, before and after a command: equal dumps mean nothing at all changed."""
    engine = create_engine(cli_shop.db_url)
    yield lambda: dump(engine)
    engine.dispose()


def refused(cli_shop: Oms, database, *args: str, user: str = "admin", code: int = 2,
            new_password: str | None = "a-new-password-1") -> str:
    """Run a command that must be refused with ``code`` and change nothing; its error message."""
    before = database()
    got, out, err = cli_shop(*args, user=user, new_password=new_password)
    assert got == code, (got, out, err)
    assert "unexpected error" not in err and "Traceback" not in err
    assert database() == before
    return err


# ---- 1 and 3: text bounded as the database counts it ---------------------------------------------------------

@pytest.mark.parametrize("args, words", [
    (("customer", "add", "--name", "İ" * 200, "--phone", "0171 555-0199"),
     "customer name is too long: 200 characters (400 once lower-cased"),
    (("customer", "add", "--name", "Bob", "--phone", "1" * 51), "is not a phone number"),
    (("customer", "add", "--name", "Bob", "--phone", "0171 555-0199", "--email", "a" * 250 + "@x.de"),
     "e-mail address is longer than 254 characters"),
    (("supplier", "add", "Lights Ltd", "--phone", "1" * 60), "supplier phone is too long: 60 characters"),
    (("user", "add", "carla", "--role", "agent", "--display-name", "x" * 10_000), "display name is too long"),
    (("stock", "adjust", "LAMP-01", "--qty", "1", "--reason", "found", "--note", "n" * 10_000),
     "stock note is too long: 10006 characters, at most 200"),
])
def test_over_long_text_is_refused_with_exit_2_and_changes_nothing(cli_shop, database, args, words):
    err = refused(cli_shop, database, *args)
    assert words in err


def test_text_at_its_limit_is_stored_whole_on_both_databases(cli_shop):
    name = "İ" * 100  # 200 characters lower-cased: exactly what the search column holds
    done = cli_shop.admin_json("customer", "add", "--name", name, "--phone", "0171 555-0199")
    engine = create_engine(cli_shop.db_url)
    try:
        with engine.connect() as c:
            row = c.execute(text("SELECT name, name_lower FROM customers WHERE id = :i"), {"i": done["id"]}).one()
    finally:
        engine.dispose()
    assert (row.name, len(row.name_lower)) == (name, 200)
    assert cli_shop.admin("supplier", "add", "Lights Ltd", "--phone", "1" * 50)[0] == 0
    assert [s["phone"] for s in cli_shop.admin_json("supplier", "list")] == ["1" * 50]


# ---- never a statement's parameters in the terminal or the log -----------------------------------------------

def test_an_unexpected_database_error_shows_neither_the_statement_values_nor_logs_them(cli_shop, capsys):
    from oms_desktop.adapters.db.engine import make_engine
    cli_main = importlib.import_module("oms_desktop.cli.main")

    secret = "$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0LXNhbHQ$secret-hash-value"
    engine = make_engine(cli_shop.db_url)
    try:
        with pytest.raises(Exception) as caught, engine.begin() as c:
            # A bug's kind of failure: a value the column cannot take (a duplicate user name), with a hash beside it.
            c.execute(text("INSERT INTO users (username, display_name, role, password_hash, active, created_at) "
                           "SELECT username, display_name, role, :h, active, created_at FROM users "
                           "WHERE username = 'admin'"), {"h": secret})
    finally:
        engine.dispose()
    assert secret not in str(caught.value)
    capsys.readouterr()
    log_file = cli_main.log_crash(caught.value)
    shown = cli_main._unexpected_text(caught.value)
    assert secret not in shown and "INSERT" not in shown
    assert log_file is not None and secret not in log_file.read_text(encoding="utf-8")


# ---- 2 and 8: numbers are ASCII digits with one explicit decimal separator -----------------------------------

@pytest.mark.parametrize("args", [
    ("ledger", "reverse", "99999999999999999999999", "--reason", "typo"),
    ("catalog", "list", "--limit", "9" * 30),
    ("catalog", "list", "--limit", "١٠"),
    ("catalog", "list", "--limit", "1_0"),
    ("stock", "history", "LAMP-01", "--limit", "２"),
])
def test_huge_or_foreign_whole_numbers_are_bad_input(cli_shop, database, args):
    err = refused(cli_shop, database, *args)
    assert "too large" in err or "not a whole number" in err


def test_the_cli_integer_helper_is_the_one_every_whole_number_argument_uses():
    from oms_desktop.cli.main import build_parser
    seen = []

    def walk(parser):
        for action in parser._actions:
            if action.type is int:
                seen.append(action.dest)
            for sub in (action.choices or {}).values() if isinstance(action.choices, dict) else ():
                walk(sub)
    walk(build_parser())
    assert seen == []


@pytest.mark.parametrize("amount, words", [
    ("1,000", "ambiguous"), ("1_0", "not a number"), ("١٠", "not a number"), ("２", "not a number"),
    ("1,000.00", "not a number"),
])
def test_an_ambiguous_or_foreign_amount_is_refused_not_guessed(cli_shop, database, amount, words):
    order = cli_shop.admin_json("order", "place", "--customer", "C000001", "--line", "LAMP-01=1")
    err = refused(cli_shop, database, "payment", "record", order["number"], "--amount", amount, "--method", "cash")
    assert words in err


@pytest.mark.parametrize("qty", ["٣", "２", "1_0", "3.0"])
def test_a_quantity_in_other_digits_is_refused_not_read_as_ascii(cli_shop, database, qty):
    err = refused(cli_shop, database, "order", "place", "--customer", "C000001", "--line", f"LAMP-01={qty}")
    assert "not a whole number" in err


def test_a_comma_is_still_a_decimal_separator_when_it_cannot_mean_thousands(cli_shop):
    order = cli_shop.admin_json("order", "place", "--customer", "C000001", "--line", "LAMP-01=1")
    paid = cli_shop.admin_json("payment", "record", order["number"], "--amount", "1,50", "--method", "cash")
    assert paid["payment"]["amount"] == "1.50"


# ---- 4: card numbers are refused in every free text, however they are spelled --------------------------------

CARD_SPELLINGS = ["4111.1111.1111.1111", "4111/1111/1111/1111", "4111  1111  1111  1111", "4111 1111 1111 1111 12/27",
                  "4111111111111111 1227", "card: 5500-0000-0000-0004, exp 12/27"]


@pytest.mark.parametrize("spelling", CARD_SPELLINGS)
def test_every_spelling_of_a_card_number_is_found(spelling):
    from oms_desktop.domain.free_text import contains_card_number
    assert contains_card_number(spelling)
    assert not contains_card_number(spelling.replace("1111", "1112", 1).replace("0004", "0005"))


@pytest.mark.parametrize("reference", ["01234567890128", "91234567890129", "00340434161094042557",
                                       "DE89 3704 0044 0532 0130 00", "SO-000123 2026-12-03",
                                       "EAN 4006381333931"])
def test_parcel_and_bank_numbers_that_pass_luhn_by_chance_are_not_card_numbers(reference):
    from oms_desktop.domain.free_text import contains_card_number, luhn_ok
    assert not contains_card_number(reference)
    assert luhn_ok("01234567890128") and luhn_ok("91234567890129")  # a DPD-like number passing Luhn by chance


def test_the_guard_refuses_a_card_number_in_every_free_text_column():
    from sqlalchemy import String, Text

    from oms_desktop.adapters.db import text_guard
    from oms_desktop.adapters.db.models_base import Base
    checked = []
    for table in Base.metadata.sorted_tables:
        for col in table.columns:
            if isinstance(col.type, (String, Text)) and col.name not in text_guard.NOT_FREE_TEXT:
                limit = col.info.get("max_chars") or getattr(col.type, "length", None) or text_guard.TEXT_LIMIT
                if limit < 19:
                    continue
                problems = text_guard.problems_in(table, {col.key: "4111 1111 1111 1111"})
                assert any("looks like a card number" in p for p in problems), (table.name, col.name)
                checked.append(f"{table.name}.{col.name}")
    assert {"payments.reference", "customer_addresses.address", "order_status_history.note", "stock_moves.reason",
            "shipments.carrier_ref", "orders.notes"} <= set(checked)


@pytest.mark.parametrize("args, spelling", [
    (("customer", "add", "--name", "Bob", "--phone", "0171 555-0199", "--address", "Main St {}"), 0),
    (("supplier", "add", "Lights Ltd", "--address", "Dock 4, {}"), 1),
    (("stock", "adjust", "LAMP-01", "--qty", "1", "--reason", "found", "--note", "{}"), 2),
    (("order", "cancel", "{order}", "--reason", "paid with {}"), 3),
    (("payment", "record", "{order}", "--amount", "1.00", "--method", "bank", "--reference", "{}"), 4),
])
def test_a_card_number_in_a_free_text_argument_is_refused_and_stored_nowhere(cli_shop, database, args, spelling):
    order = cli_shop.admin_json("order", "place", "--customer", "C000001", "--line", "LAMP-01=1")
    card = CARD_SPELLINGS[spelling]
    argv = [a.replace("{order}", order["number"]).replace("{}", card) for a in args]
    err = refused(cli_shop, database, *argv)
    assert "card number" in err


# ---- 7: a catalog export imports back as it was -------------------------------------------------------------

def test_a_catalog_export_then_import_keeps_text_a_spreadsheet_would_run(catalog, admin):
    tricky = {"BOOK-01": ("=x", "'=quoted"), "LAMP-01": ("+1 lamp", "-5 cm tall"), "BULB-E27": ("@home", "'plain")}
    before = {p.sku: p for p in catalog.catalog.search(admin, limit=10)}
    for sku, (name, description) in tricky.items():
        p = before[sku]
        catalog.catalog.update_product(admin, sku, {"name": name, "description": description,
                                                    "unit_price": str(p.unit_price), "tax_rate": str(p.tax_rate)})
    data = catalog.catalog.export_catalog_csv(admin)
    assert b"BOOK-01,'=x," in data  # still formula-safe for a spreadsheet
    catalog.catalog.import_catalog(admin, data)
    got = {p.sku: (p.name, p.description) for p in catalog.catalog.search(admin, limit=10)}
    assert {sku: got[sku] for sku in tricky} == tricky


# ---- 10: permissions before prompts; the books and the user list for those who need them ---------------------

def test_user_add_by_someone_who_may_not_is_refused_before_the_password_is_asked(cli_shop, database):
    # No OMS_NEW_PASSWORD and no terminal: asking for the password first would fail as bad input (exit 2).
    err = refused(cli_shop, database, "user", "add", "mallory", "--role", "admin", user="agent", code=4,
                  new_password=None)
    assert "may not add users" in err
    err = refused(cli_shop, database, "user", "add", "mallory", "--role", "admin", user=None, code=4,
                  new_password=None)
    assert "sign in as an administrator" in err


@pytest.mark.parametrize("role", ["agent", "counter", "warehouse", "accountant", "manager"])
def test_the_journal_the_trial_balance_the_cash_flow_and_the_user_list_are_for_accountants_managers_and_admins(
        cli_shop, database, role):
    if role != "agent":  # the shop has an agent already
        assert cli_shop("user", "add", role, "--role", role, user="admin", new_password=f"{role}-secret")[0] == 0
    password = f"{role}-secret"
    out_file = str(cli_shop.tmp_path / "books.journal")
    commands = [("ledger", "export", "--format", "hledger", "--out", out_file), ("ledger", "trial-balance"),
                ("report", "cash-flow"), ("user", "list")]
    for command in commands:
        if role in ("accountant", "manager"):
            code, out, err = cli_shop(*command, user=role, password=password)
            assert code == 0, (command, err)
        else:
            before = database()
            code, out, err = cli_shop(*command, user=role, password=password)
            assert (code, database()) == (4, before), (command, code, err)
            assert "may not" in err
