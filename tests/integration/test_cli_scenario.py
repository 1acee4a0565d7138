"""The ``oms`` CLI end to end on SQLite and PostgreSQL: the scenario, exit codes, JSON output, the entry point."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from oms_desktop import cli
from tests.helpers.cli import ADMIN_PW, products_by_sku

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_cli_scenario_from_empty_database_to_cancelled_order(oms, catalog_file):
    code, out, err = oms("init", "--company", "Acme GmbH", "--currency", "EUR")
    assert (code, err) == (0, "")
    assert "Acme GmbH (EUR)" in out

    code, out, err = oms("user", "add", "admin", "--role", "admin", "--display-name", "Ada Admin",
                         new_password=ADMIN_PW)
    assert (code, err) == (0, "")
    assert "admin" in out

    code, out, err = oms.admin("catalog", "import", str(catalog_file))
    assert (code, err) == (0, "")
    assert "3 created, 0 updated" in out

    code, out, err = oms.admin("customer", "add", "--name", "Anna Schmidt", "--phone", "0171 555-0100",
                               "--email", "anna@example.com", "--address", "Hauptstr. 1, 10115 Berlin")
    assert (code, err) == (0, "")
    assert "C000001" in out

    # The phone number as the customer says it on the phone, not as it was stored.
    code, out, err = oms.admin("order", "place", "--customer", "+49 171 5550100", "--line", "LAMP-01=2",
                               "--line", "bulb-e27=3", "--channel", "phone")
    assert (code, err) == (0, "")
    assert "SO-000001" in out
    tracking = out.split("tracking number ")[1].split(")")[0]
    assert len(tracking) == 14 and tracking.count("-") == 2

    for ref in (tracking, "SO-000001", "1"):
        code, out, err = oms.admin("order", "show", ref)
        assert (code, err) == (0, "")
        assert "SO-000001" in out and "status: confirmed" in out
        assert "Anna Schmidt" in out
        assert "LAMP-01" in out and "Desk lamp" in out and "BULB-E27" in out
        # 2 x 19.99 + 3 x 3.49 = 50.45 net; 19 % tax per line 7.60 + 1.99 = 9.59
        assert "Net:   50.45 EUR" in out
        assert "Tax 19% on 50.45 EUR: 9.59 EUR" in out
        assert "Total: 60.04 EUR" in out

    order = oms.admin_json("order", "show", tracking)
    assert [(ln["sku"], ln["quantity"]) for ln in order["lines"]] == [("LAMP-01", 2), ("BULB-E27", 3)]
    assert order["total"] == "60.04" and order["status"] == "confirmed"
    assert products_by_sku(oms)["LAMP-01"]["reserved"] == 2

    code, out, err = oms.admin("order", "cancel", "SO-000001", "--reason", "customer changed their mind")
    assert (code, err) == (0, "")
    assert "Cancelled SO-000001" in out

    code, out, err = oms.admin("order", "show", tracking)
    assert code == 0
    assert "status: cancelled" in out
    assert "confirmed -> cancelled" in out and "customer changed their mind" in out
    products = products_by_sku(oms)
    assert {sku: p["reserved"] for sku, p in products.items()} == {"LAMP-01": 0, "BULB-E27": 0, "BOOK-01": 0}
    assert products["LAMP-01"]["on_hand"] == 10

    listed = oms.admin_json("order", "list", "--status", "cancelled")
    assert [o["number"] for o in listed] == ["SO-000001"]

    code, out, err = oms.admin("catalog", "list", "--search", "lamp")
    assert code == 0
    header, rule, row = out.splitlines()
    assert header.split() == ["SKU", "Name", "Category", "Location", "On", "hand", "Reserved", "Available", "Price"]
    assert row.startswith("LAMP-01") and row.endswith("19.99 EUR")


def test_bad_order_input_exits_2_and_changes_nothing(cli_shop):
    for line, expected in (("NOPE-1=1", "NOPE-1"), ("LAMP-01=0", "at least 1"), ("LAMP-01=-1", "at least 1"),
                           ("LAMP-01=abc", "'abc' is not a whole number"), ("LAMP-01", "SKU=QTY")):
        code, out, err = cli_shop.admin("order", "place", "--customer", "1", "--line", line)
        assert code == 2, (line, err)
        assert out == ""
        assert len(err.strip().splitlines()) == 1 and err.startswith("oms: error: ") and expected in err, err
    code, _, err = cli_shop.admin("order", "place", "--customer", "0999 1234567", "--line", "LAMP-01=1")
    assert code == 2 and "No customer with phone number" in err
    code, _, err = cli_shop.admin("order", "show", "SO-000777")
    assert code == 2 and "No order SO-000777" in err
    code, _, err = cli_shop.admin("catalog", "list", "--limit", "0")  # argparse usage error
    assert code == 2 and "oms: error: argument --limit" in err
    assert cli_shop.admin_json("order", "list") == []
    assert all(p["reserved"] == 0 for p in products_by_sku(cli_shop).values())


def test_malformed_catalog_reports_every_bad_row_and_imports_nothing(cli_shop, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("sku,name,unit_price,tax_rate,on_hand\n"
                   "NEW-01,Fine product,5.00,0.19,3\n"
                   "NEW-02,,5.00,0.19,1\n"
                   "NEW-03,Price typo,5.0O,0.19,1\n"
                   "NEW-04,Too precise,1.999,abc,1\n"
                   "NEW-05,Negative,2.00,0.19,-4\n", encoding="utf-8")
    code, out, err = cli_shop.admin("catalog", "import", str(bad))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert lines[0].startswith("oms: error: nothing was imported: 5 problem(s)")
    assert lines[1:] == [
        "row 3, column name: name is empty",
        "row 4, column unit_price: unit_price '5.0O' is not a number",
        "row 5, column unit_price: unit_price '1.999' has more than 2 decimals",
        "row 5, column tax_rate: " + lines[4].split("column tax_rate: ")[1],
        "row 6, column on_hand: " + lines[5].split("column on_hand: ")[1],
    ]
    assert "abc" in lines[4] and "-4" in lines[5]
    assert "NEW-01" not in products_by_sku(cli_shop)  # the good row was not imported either

    doc = json.loads(cli_shop("--json", "catalog", "import", str(bad), user="admin")[2])
    assert doc["exit_code"] == 2 and len(doc["problems"]) == 5
    assert doc["problems"][0] == {"row": 3, "column": "name", "message": "name is empty"}


def test_catalog_file_problems_are_bad_input(cli_shop, tmp_path):
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("sku,name,unit_price,tax_rate\nMUG-01,Kaffeebecher für Müller,4.50,0.19\n".encode("latin-1"))
    code, _, err = cli_shop.admin("catalog", "import", str(latin1))
    assert code == 2 and "not UTF-8" in err
    code, _, err = cli_shop.admin("catalog", "import", str(tmp_path / "missing.csv"))
    assert code == 2 and err.strip() == f"oms: error: File {tmp_path / 'missing.csv'} does not exist."


def test_out_of_stock_exits_3_naming_the_sku_and_what_is_available(cli_shop):
    assert cli_shop.admin("order", "place", "--line", "LAMP-01=4")[0] == 0
    code, out, err = cli_shop.admin("order", "place", "--customer", "C000001", "--line", "LAMP-01=7",
                                "--line", "BOOK-01=1")
    assert code == 3 and out == ""
    assert "only 6 of LAMP-01 available (ordered 7)" in err and len(err.strip().splitlines()) == 1
    products = products_by_sku(cli_shop)
    assert (products["LAMP-01"]["reserved"], products["BOOK-01"]["reserved"]) == (4, 0)  # all or nothing
    code, _, err = cli_shop.admin("order", "cancel", "1")
    assert code == 0
    code, _, err = cli_shop.admin("order", "cancel", "1")
    assert code == 3 and "cancelled" in err


def test_permission_and_sign_in_failures_exit_4(cli_shop):
    code, out, err = cli_shop("order", "list", user="admin", password="wrong")
    assert (code, out) == (4, "") and "wrong password" in err
    code, _, err = cli_shop("stock", "adjust", "LAMP-01", "--qty", "5", "--reason", "found", user="agent")
    assert code == 4 and "agent (agent) may not adjust stock" in err
    code, _, err = cli_shop("catalog", "list")  # no --user
    assert code == 4 and "--user" in err
    code, _, err = cli_shop("user", "add", "mallory", "--role", "admin", new_password="pw-mallory")
    assert code == 4 and "Users exist already" in err
    code, _, err = cli_shop("--user", "admin", "order", "list")  # no OMS_PASSWORD, stdin not a terminal
    assert code == 4 and "OMS_PASSWORD" in err
    assert products_by_sku(cli_shop)["LAMP-01"]["on_hand"] == 10


def test_stock_adjust_checks_quantity_and_reason(cli_shop):
    code, out, _ = cli_shop.admin("stock", "adjust", "lamp-01", "--qty", "-3", "--reason", "damage")
    assert code == 0 and "LAMP-01: on hand is now 7" in out
    assert cli_shop.admin("stock", "adjust", "LAMP-01", "--qty", "abc", "--reason", "count")[0] == 2
    assert cli_shop.admin("stock", "adjust", "LAMP-01", "--qty", "5", "--reason", "theft?")[0] == 2
    assert cli_shop.admin("stock", "adjust", "LAMP-01", "--qty", "-8", "--reason", "damage")[0] == 3
    assert products_by_sku(cli_shop)["LAMP-01"]["on_hand"] == 7


def test_json_output_parses_with_money_as_decimal_strings(cli_shop):
    products = products_by_sku(cli_shop)
    assert products["LAMP-01"]["unit_price"] == "19.99"
    assert products["LAMP-01"]["available"] == 10 and products["LAMP-01"]["currency"] == "EUR"
    order = cli_shop.admin_json("order", "place", "--customer", "1", "--line", "BOOK-01=2")
    assert order["number"] == "SO-000001" and order["status"] == "confirmed"
    assert (order["net"], order["tax"], order["total"]) == ("24.00", "1.68", "25.68")
    assert order["tax_by_rate"] == [["0.07", "24.00", "1.68"]]
    users = cli_shop.admin_json("user", "list")
    assert [(u["username"], u["role"]) for u in users] == [("admin", "admin"), ("agent", "agent")]
    customers = cli_shop.admin_json("customer", "find", "0171/5550100")
    assert [c["number"] for c in customers] == ["C000001"]
    code, out, _ = cli_shop.admin("order", "list", "--json")  # --json after the command works too
    assert code == 0 and json.loads(out)[0]["total"] == "25.68"

    code, out, err = cli_shop("--json", "order", "place", "--line", "LAMP-01=11", user="admin")
    assert (code, out) == (3, "")
    doc = json.loads(err)
    assert doc["exit_code"] == 3 and "only 10 of LAMP-01 available" in doc["error"]


def test_unexpected_error_is_logged_with_its_traceback(oms, monkeypatch, tmp_path):
    assert oms("init")[0] == 0
    assert oms("user", "add", "admin", "--role", "admin", new_password=ADMIN_PW)[0] == 0

    def broken(ctx):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli.core, "cmd_user_list", broken)
    code, out, err = oms.admin("user", "list")
    log_file = tmp_path / "home" / "logs" / cli.LOG_NAME
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and str(log_file) in err
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: boom" in logged


def test_commands_refuse_a_database_that_was_never_initialised(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("OMS_HOME", str(tmp_path / "home"))
    missing = tmp_path / "typo.db"
    code = cli.main(["--database", str(missing), "catalog", "list"])
    assert code == 5 and "oms init" in capsys.readouterr().err
    assert not missing.exists()


def test_console_script_entry_point_runs_in_a_subprocess(tmp_path, catalog_file):
    env = {**os.environ, "OMS_HOME": str(tmp_path / "home"), "PYTHONPATH": str(REPO_ROOT),
           "OMS_NEW_PASSWORD": ADMIN_PW, "OMS_PASSWORD": ADMIN_PW}
    env.pop("OMS_DATABASE_URL", None)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "oms_desktop.cli", *args], env=env, capture_output=True,
                              text=True, timeout=60, stdin=subprocess.DEVNULL)

    done = run("init", "--company", "Subprocess Ltd")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "home" / "oms.db").exists()  # the default SQLite file under OMS_HOME
    assert run("user", "add", "admin", "--role", "admin").returncode == 0
    assert run("--user", "admin", "catalog", "import", str(catalog_file)).returncode == 0
    done = run("--json", "--user", "admin", "catalog", "list")
    assert done.returncode == 0, done.stderr
    assert {p["sku"]: p["unit_price"] for p in json.loads(done.stdout)} == {
        "BOOK-01": "12.00", "BULB-E27": "3.49", "LAMP-01": "19.99"}
    done = run("frobnicate")
    assert done.returncode == 2 and "invalid choice" in done.stderr

    # `oms catalog list | head -1`: the reader closes the pipe before the output is written - no error, no log
    reader = subprocess.Popen([sys.executable, "-m", "oms_desktop.cli", "--user", "admin", "catalog", "list"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    reader.stdout.close()
    with reader.stderr:
        err = reader.stderr.read().decode()
    assert reader.wait(timeout=60) == 141 and err == ""
    assert "BrokenPipe" not in "".join(p.read_text(errors="replace") for p in (tmp_path / "home").rglob("*.log"))


def test_demo_data_calls_the_demo_seeder_with_the_seed(oms, monkeypatch):
    import types
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Summary:
        products: int
        orders: int

    calls = []
    stub = types.ModuleType("oms_desktop.devtools.demo")
    stub.seed_demo = lambda backend, seed=1: calls.append((backend.url, seed)) or Summary(3, 5)
    monkeypatch.setitem(sys.modules, "oms_desktop.devtools.demo", stub)  # the real generator is tested on its own
    code, out, err = oms("--json", "demo-data", "--seed", "7")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"products": 3, "orders": 5} and calls == [(oms.db_url, 7)]
    assert oms("user", "add", "admin", "--role", "admin", new_password=ADMIN_PW)[0] == 0
    code, _, err = oms("demo-data")  # once users exist, only a signed-in administrator or manager may
    assert code == 4 and len(calls) == 1
