"""``oms stock history`` (the stock card) and ``oms stock count`` (a counted stock list from a CSV) end to end on
SQLite and PostgreSQL: output, JSON, exit codes, and bad files changing nothing at all."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine

from tests.helpers.cli import Oms, products_by_sku
from tests.helpers.dumps import dump


@pytest.fixture
def database(cli_shop):
    """Every row of every table, before and after a command: equal dumps mean nothing at all changed."""
    engine = create_engine(cli_shop.db_url)
    yield lambda: dump(engine)
    engine.dispose()


def write(cli_shop: Oms, content: str | bytes, name: str = "counted.csv") -> str:
    path = cli_shop.tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return str(path)


def test_the_stock_card_lists_moves_newest_first_with_the_running_balance(cli_shop):
    assert cli_shop.admin("stock", "adjust", "LAMP-01", "--qty", "-3", "--reason", "damage", "--note", "fell")[0] == 0
    order = cli_shop.admin_json("order", "place", "--customer", "C000001", "--line", "LAMP-01=2")

    card = cli_shop.admin_json("stock", "history", "lamp-01")
    assert [(m["kind"], m["on_hand_delta"], m["reserved_delta"], m["on_hand_after"], m["reserved_after"])
            for m in card] == [("reserve", 0, 2, 7, 2), ("adjust", -3, 0, 7, 0), ("opening", 10, 0, 10, 0)]
    assert card[0]["reference"] == order["number"] and card[1]["reason"] == "damage fell"
    assert card[0]["username"] == "admin" and card[0]["at"].endswith("+00:00")

    code, out, err = cli_shop.admin("stock", "history", "LAMP-01")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == ("Stock card of LAMP-01 Desk lamp: on hand 7, reserved 2, available 5; 3 move(s), "
                        "newest first")
    assert lines[2].split() == ["Date", "Kind", "On", "hand", "Reserved", "Balance", "Reserved", "after", "Reason",
                                "Reference", "User"]
    rows = [ln.split("UTC", 1)[1].split() for ln in lines[4:]]
    assert rows == [["reserve", "+2", "7", "2", order["number"], "admin"],
                    ["adjust", "-3", "7", "0", "damage", "fell", "admin"],
                    ["opening", "+10", "10", "0", "catalog", "import", "admin"]]

    code, out, _ = cli_shop.admin("stock", "history", "LAMP-01", "--limit", "2")
    assert code == 0 and "the 2 newest moves (--limit N shows more)" in out.splitlines()[0]
    assert "opening" not in out and "adjust" in out
    assert len(cli_shop.admin_json("stock", "history", "LAMP-01", "--limit", "1")) == 1
    code, out, _ = cli_shop("stock", "history", "BULB-E27", user="agent")  # reading it needs no stock permission
    assert code == 0 and "BULB-E27 LED bulb E27: on hand 100, reserved 0, available 100; 1 move(s)" in out


def test_the_stock_card_of_an_unknown_sku_or_with_a_bad_limit_is_bad_input(cli_shop):
    code, out, err = cli_shop.admin("stock", "history", "NOPE-1")
    assert (code, out, err) == (2, "", "oms: error: No product with SKU 'NOPE-1'.\n")
    code, out, err = cli_shop.admin("--json", "stock", "history", "NOPE-1")
    assert (code, out) == (2, "") and json.loads(err) == {"error": "No product with SKU 'NOPE-1'.", "exit_code": 2}
    for bad in ("0", "-5", "ten"):
        code, out, err = cli_shop.admin("stock", "history", "LAMP-01", "--limit", bad)
        assert (code, out) == (2, "") and "--limit" in err


def test_a_counted_list_books_every_difference_and_prints_what_changed(cli_shop, database):
    path = write(cli_shop, "sku,counted,name\nLAMP-01,7,Desk lamp\n")  # extra columns (a printed count sheet) are fine
    code, out, err = cli_shop.admin("stock", "count", "--location", "a-01-02", path)
    assert (code, err) == (0, "")
    assert out.splitlines() == ["Count at A-01-02 posted from counted.csv: 1 product(s) counted, 1 corrected:", "",
                                "SKU      Before  Counted  Difference",
                                "-------  ------  -------  ----------",
                                "LAMP-01      10        7          -3"]
    assert products_by_sku(cli_shop)["LAMP-01"]["on_hand"] == 7
    move = cli_shop.admin_json("stock", "history", "LAMP-01")[0]
    assert (move["kind"], move["on_hand_delta"], move["on_hand_after"], move["reason"]) == \
        ("adjust", -3, 7, "count A-01-02")

    # semicolons and a byte-order mark (a spreadsheet's CSV), a product by its barcode, any location, --json
    path = write(cli_shop, "\ufeffSKU;Counted\n4006381333931;7\nBULB-E27;98\nBOOK-01;5\n".encode())
    result = cli_shop.admin_json("stock", "count", "--location", "", path)
    assert result == {"location": "", "counted": 3,
                      "changed": [{"sku": "BULB-E27", "before": 100, "counted": 98, "difference": -2}],
                      "lines": [{"sku": "BOOK-01", "before": 5, "counted": 5, "difference": 0},
                                {"sku": "BULB-E27", "before": 100, "counted": 98, "difference": -2},
                                {"sku": "LAMP-01", "before": 7, "counted": 7, "difference": 0}]}
    assert {sku: p["on_hand"] for sku, p in products_by_sku(cli_shop).items()} == \
        {"LAMP-01": 7, "BULB-E27": 98, "BOOK-01": 5}

    before = database()  # a count that matches the records books no move
    code, out, _ = cli_shop.admin("stock", "count", "--location", "B-02-01",
                                  write(cli_shop, "sku,counted\nBOOK-01,5\n"))
    assert code == 0 and out == ("Count at B-02-01 posted from counted.csv: 1 product(s) counted, every one as on "
                                 "record; nothing changed.\n")
    after = database()
    assert after["stock_moves"] == before["stock_moves"] and after["stock"] == before["stock"]


BAD_FILES = [
    ("unknown sku", "sku,counted\nLAMP-01,7\nNOPE-1,3\n", "A-01-02",
     ["counted.csv row 3: 'NOPE-1' is neither a SKU nor a barcode"]),
    ("negative", "sku,counted\nLAMP-01,-2\n", "A-01-02",
     ["counted.csv row 2: quantity for LAMP-01 must be at least 0 (got -2)"]),
    ("fraction", "sku,counted\nLAMP-01,2.5\n", "A-01-02",
     ["counted.csv row 2: quantity for LAMP-01 '2.5' is not a whole number"]),
    ("letters", "sku,counted\nLAMP-01,seven\n", "A-01-02",
     ["counted.csv row 2: quantity for LAMP-01 'seven' is not a whole number"]),
    ("no count", "sku,counted\nLAMP-01,\n", "A-01-02",
     ["counted.csv row 2: no count for LAMP-01 (0 if none were found)"]),
    ("missing column", "sku,qty\nLAMP-01,7\n", "A-01-02",
     ["counted.csv row 1: missing column(s) counted (the header needs sku,counted; other columns are ignored)"]),
    ("no header", "LAMP-01,7\n", "A-01-02",
     ["counted.csv row 1: missing column(s) sku, counted (the header needs sku,counted; other columns are "
      "ignored)"]),
    ("twice", "sku,counted\nLAMP-01,3\nlamp-01,4\n", "A-01-02",
     ["counted.csv row 3: lamp-01 appears again (first on row 2); give its whole count on one row"]),
    ("short row", "sku,counted\nLAMP-01\n", "A-01-02", ["counted.csv row 2: has 1 fields, the header has 2"]),
    ("header only", "sku,counted\n", "A-01-02", ["counted.csv has a header but no counts"]),
    ("empty", "", "A-01-02", ["counted.csv is empty: expected a header sku,counted and a row per product"]),
    ("not utf-8", "sku,counted\nLAMP-01,7\nBÜCHER-1,2\n".encode("latin-1"), "A-01-02",
     ["counted.csv row 3: the file is not UTF-8 text (bad byte 0xdc); save it as UTF-8 CSV"]),
    ("other shelf", "sku,counted\nLAMP-01,7\n4006381333948,90\n", "A-01-02",  # BULB-E27's barcode: at A-01-03
     ["counted.csv row 3: BULB-E27 is stored at A-01-03, not A-01-02"]),
    ("below reserved", "sku,counted\nBOOK-01,1\n", "B-02-01",  # 2 of BOOK-01 are reserved (see the test)
     ["counted.csv row 2: BOOK-01: counted 1, but 2 are reserved for open orders; recount, or cancel orders first"]),
    ("every row in file order", "sku,counted\nLAMP-01,x\nBULB-E27,5\nBOOK-01,-1\n", "",
     ["counted.csv row 2: quantity for LAMP-01 'x' is not a whole number",
      "counted.csv row 4: quantity for BOOK-01 must be at least 0 (got -1)"]),
    ("every row the database refuses", "sku,counted\nBULB-E27,5\nNOPE-2,1\nLAMP-01,1\nNOPE-1,1\n", "A-01-03",
     ["counted.csv row 3: 'NOPE-2' is neither a SKU nor a barcode",
      "counted.csv row 4: LAMP-01 is stored at A-01-02, not A-01-03",
      "counted.csv row 5: 'NOPE-1' is neither a SKU nor a barcode"]),
]


@pytest.mark.parametrize("content, location, problems", [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_a_bad_count_file_names_its_rows_and_changes_nothing(cli_shop, database, content, location, problems):
    assert cli_shop.admin("order", "place", "--customer", "C000001", "--line", "BOOK-01=2")[0] == 0
    path = write(cli_shop, content)
    before = database()
    code, out, err = cli_shop.admin("stock", "count", "--location", location, path)
    assert (code, out) == (2, "")
    assert err == "oms: error: " + "; ".join(problems) + "\n"  # one line, every problem
    code, out, err = cli_shop.admin("--json", "stock", "count", "--location", location, path)
    assert (code, out) == (2, "") and json.loads(err) == {"error": "; ".join(problems), "exit_code": 2}
    assert database() == before


def test_counting_needs_the_stock_permission_and_an_existing_file(cli_shop, database):
    before = database()
    path = write(cli_shop, "sku,counted\nLAMP-01,7\n")
    code, out, err = cli_shop("stock", "count", "--location", "A-01-02", path, user="agent")
    assert (code, out) == (4, "") and "agent (agent) may not post stock counts" in err
    missing = cli_shop.tmp_path / "nowhere.csv"
    code, out, err = cli_shop.admin("stock", "count", "--location", "A-01-02", str(missing))
    assert (code, out, err) == (2, "", f"oms: error: File {missing} does not exist.\n")
    code, _, err = cli_shop.admin("stock", "count", path)
    assert code == 2 and "--location" in err
    assert database() == before
