"""``oms order amend`` and ``oms order place --allow-backorder --express`` on SQLite and PostgreSQL: spelling, --json
and exit codes (0 done, 2 bad input, 3 refused by a rule, 4 permission)."""
from __future__ import annotations

import json

from tests.helpers.cli import AGENT_PW


def _json(oms, *args, user="admin"):
    code, out, err = oms("--json", *args, user=user)
    assert code == 0, err
    return json.loads(out)


def test_placing_beyond_the_stock_express_and_amending_from_the_command_line(cli_shop):
    oms = cli_shop
    code, out, err = oms("order", "place", "--line", "BOOK-01=7", user="agent")
    assert code == 3 and "only 5 of BOOK-01 available" in err
    placed = _json(oms, "order", "place", "--line", "BOOK-01=7", "--line", "LAMP-01=1", "--allow-backorder",
                   "--express", user="agent")
    assert placed["express"] is True and placed["backordered"] == [["BOOK-01", 2]]
    code, out, err = oms("order", "show", placed["number"], user="agent")
    assert code == 0 and "EXPRESS" in out and "Backorder (waits for goods): 2 x BOOK-01" in out

    amended = _json(oms, "order", "amend", placed["number"], "--line", "LAMP-01=3", "--remove", "BOOK-01",
                    "--line", "BULB-E27=2", user="agent")
    assert {ln["sku"]: ln["quantity"] for ln in amended["lines"]} == {"LAMP-01": 3, "BULB-E27": 2}
    assert amended["backordered"] == []
    stock = {p["sku"]: (p["on_hand"], p["reserved"]) for p in _json(oms, "catalog", "list")}
    assert stock == {"LAMP-01": (10, 3), "BULB-E27": (100, 2), "BOOK-01": (5, 0)}

    code, out, err = oms("order", "amend", placed["number"], "--line", "LAMP-01=-1", "--line", "nonsense",
                         "--price", "LAMP-01=", user="agent")
    assert code == 2 and "line 'nonsense' must be SKU=QTY" in err and "price 'LAMP-01=' must be" in err
    code, out, err = oms("order", "amend", placed["number"], "--line", "LAMP-01=-1", user="agent")
    assert code == 2 and "must be at least 0" in err
    code, out, err = oms("order", "amend", placed["number"], "--line", "LAMP-01=40", user="agent")
    assert code == 3 and "only 7 of LAMP-01 available" in err
    code, out, err = oms("order", "amend", placed["number"], "--price", "LAMP-01=1.00", user="agent",
                         password=AGENT_PW)
    assert code == 4 and "a manager must approve it" in err
    done = _json(oms, "order", "amend", placed["number"], "--price", "LAMP-01=15.00")  # the admin may
    assert [ln["unit_price"] for ln in done["lines"] if ln["sku"] == "LAMP-01"] == ["15.00"]
    code, out, err = oms("order", "cancel", placed["number"], user="agent")
    assert code == 0
    code, out, err = oms("order", "amend", placed["number"], "--line", "LAMP-01=1", user="agent")
    assert code == 3 and "is cancelled" in err
    checks = _json(oms, "check")
    assert checks["ok"] and {c["name"] for c in checks["checks"]} >= {"stock", "sales"}
