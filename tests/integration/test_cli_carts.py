"""The cart, promo, coupon, shipping and conversion commands (issue 13) on SQLite and PostgreSQL: spelling, --json
and exit codes (0 done, 2 bad input, 3 refused by a rule, 4 permission)."""
from __future__ import annotations

import json
from decimal import Decimal

from tests.helpers.cli import AGENT_PW


def _json(oms, *args, user="admin"):
    code, out, err = oms("--json", *args, user=user, password=None if user in ("admin", "agent") else "pw")
    assert code == 0, err
    return json.loads(out)


def test_a_cart_from_the_command_line_changes_version_by_version_and_confirms(cli_shop):
    oms = cli_shop
    cart = _json(oms, "cart", "new", "--customer", "0171 555-0100", "--line", "LAMP-01=2", user="agent")
    assert (cart["number"], cart["status"], cart["version"]) == ("SO-000001", "draft", 2)
    cart = _json(oms, "cart", "add", "SO-000001", "BULB-E27=3", user="agent")
    cart = _json(oms, "cart", "set", "SO-000001", "LAMP-01=1", user="agent")
    assert [(ln["sku"], ln["quantity"]) for ln in cart["lines"]] == [("LAMP-01", 1), ("BULB-E27", 3)]
    cart = _json(oms, "cart", "set", "SO-000001", "BULB-E27=0", user="agent")
    assert [ln["sku"] for ln in cart["lines"]] == ["LAMP-01"]
    board = _json(oms, "cart", "list")
    (row,) = board["carts"]
    assert (row["number"], row["customer_name"], row["agent"], row["items"]) == ("SO-000001", "Anna Schmidt",
                                                                               "agent", 1)
    assert row["last_change"] == "removed 3 x BULB-E27"
    code, out, err = oms("cart", "confirm", "SO-000001", "--version", str(cart["version"] - 1), user="agent")
    assert code == 3 and "was changed by agent" in err
    done = _json(oms, "cart", "confirm", "SO-000001", "--version", str(cart["version"]), user="agent")
    assert done["status"] == "confirmed" and done["tracking_number"]
    assert _json(oms, "cart", "list")["carts"] == []


def test_offers_promotions_and_coupons_from_the_command_line(cli_shop):
    oms = cli_shop
    _json(oms, "cart", "new", "--line", "LAMP-01=5", user="agent")
    code, out, err = oms("cart", "offer", "SO-000001", "--percent", "10", user="agent", password=AGENT_PW)
    assert code == 4 and "at most 5 %" in err
    offer = _json(oms, "cart", "offer", "SO-000001", "--percent", "10", "--note", "asked twice")
    assert offer["incentive"]["label"] == "10 % off your order" and "Read" not in offer["incentive"]["text"]
    assert [a["kind"] for a in offer["order"]["adjustments"]] == ["incentive"]
    listed = _json(oms, "cart", "list")["carts"]
    assert listed[0]["incentives"] == 1

    assert oms.admin("promo", "add", "Spring", "--percent", "5", "--from", "2020-01-01", "--priority", "2")[0] == 0
    code, out, err = oms.admin("promo", "add", "Bad date", "--percent", "5", "--from", "2026-02-30")
    assert code == 2 and "from '2026-02-30'" in err
    code, out, err = oms.admin("promo", "add", "Too much", "--percent", "150")
    assert code == 2 and "percent" in err
    code, out, err = oms.admin("promo", "add", "Negative", "--amount", "30", "--min-total", "10")
    assert code == 2 and "negative" in err
    assert [p["name"] for p in _json(oms, "promo", "list")] == ["Spring"]
    assert oms.admin("promo", "end", "spring")[0] == 0
    assert _json(oms, "promo", "list") == [] and len(_json(oms, "promo", "list", "--all")) == 1

    created = _json(oms, "coupon", "create", "welcome5", "--amount", "5", "--min-total", "20", "--uses", "1")
    assert created["code"] == "WELCOME5"
    code, out, err = oms.admin("coupon", "create", "x y!", "--percent", "5")
    assert code == 2 and "coupon code" in err
    batch = _json(oms, "coupon", "generate", "--count", "3", "--prefix", "xmas", "--percent", "10")
    assert len(batch) == 3 and all(c["code"].startswith("XMAS-") and c["max_uses"] == 1 for c in batch)

    placed = _json(oms, "order", "place", "--line", "LAMP-01=2", "--coupon", " Welcome 5 ")
    assert [a["label"] for a in placed["adjustments"]] == ["Coupon WELCOME5"]
    before = _json(oms, "order", "list")
    code, out, err = oms.admin("order", "place", "--line", "LAMP-01=2", "--coupon", "welcome5")
    assert code == 3 and "used up" in err
    code, out, err = oms.admin("order", "place", "--line", "LAMP-01=2", "--coupon", "nosuch")
    assert code == 3 and "does not exist" in err
    assert _json(oms, "order", "list") == before


def test_shipping_methods_and_the_conversion_report_from_the_command_line(cli_shop):
    oms = cli_shop
    assert oms.admin("shipping", "add", "std", "--name", "Standard", "--basis", "value",
                     "--price", "0:4.90 50:0", "--tax-rate", "19%")[0] == 0
    code, out, err = oms.admin("shipping", "add", "bad", "--name", "Bad", "--basis", "value", "--price", "50:0 0:4")
    assert code == 2 and "ascending" in err
    (method,) = _json(oms, "shipping", "list")
    assert method["code"] == "std" and len(method["tiers"]) == 2
    placed = _json(oms, "order", "place", "--line", "BULB-E27=1", "--shipping", "std")
    assert [(a["kind"], a["amount"]) for a in placed["adjustments"]] == [("shipping", "4.90")]
    code, out, err = oms.admin("order", "place", "--line", "BULB-E27=1", "--shipping", "pigeon")
    assert code == 2 and "pigeon" in err

    _json(oms, "cart", "new", "--line", "LAMP-01=1", user="agent")
    _json(oms, "cart", "confirm", "SO-000002", user="agent")
    _json(oms, "cart", "new", "--line", "LAMP-01=1", user="agent")
    rep = _json(oms, "report", "conversion", "--by", "agent")
    assert [(r["key"], r["created"], r["confirmed"], r["still_open"]) for r in rep["rows"]] == [("agent", 2, 1, 1)]
    assert Decimal(rep["total"]["confirmed_value"]) > 0
    code, out, err = oms.admin("report", "conversion", "--from", "2026-13-01")
    assert code == 2
    code, out, err = oms("report", "conversion", user="agent")
    assert code == 4
