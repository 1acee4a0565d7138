"""The warehouse commands of ``oms`` end to end: pick list with PDF, confirm picks, ship, deliver, status."""
from __future__ import annotations

import json
import shutil
import subprocess

from tests.helpers.cli import Oms, products_by_sku


def place(cli_shop: Oms, *lines: str) -> dict:
    args = ["order", "place", "--customer", "C000001"]
    for line in lines:
        args += ["--line", line]
    return cli_shop.admin_json(*args)


def test_pick_ship_deliver_and_track_an_order_from_the_command_line(cli_shop, tmp_path):
    first = place(cli_shop, "LAMP-01=2", "BULB-E27=3")
    second = place(cli_shop, "BOOK-01=1")
    pdf = tmp_path / "picks.pdf"
    pick_list = cli_shop.admin_json("picklist", "create", "--next", "2", "--pdf", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert pick_list["number"] in text and "LAMP-01" in text and "BOOK-01" in text

    code, out, err = cli_shop.admin("picklist", "confirm", pick_list["number"], "--line", "LAMP-01=1")
    assert code == 2 and "reason" in err.lower()  # a short pick needs a reason, and nothing was recorded
    code, out, err = cli_shop.admin("picklist", "confirm", pick_list["number"], "--line", "LAMP-01=1", "--reason",
                                "damaged box")
    assert code == 0, err
    assert "6 unit(s) asked, 5 picked" in out  # 2 + 3 + 1 asked; one LAMP-01 not found

    cli_shop.admin_json("ship", first["number"], "--carrier", "DHL", "--carrier-ref", "JD014600003821",
                        "--weight", "2.4")
    stock = products_by_sku(cli_shop)
    assert (stock["LAMP-01"]["on_hand"], stock["LAMP-01"]["reserved"]) == (9, 1)  # one shipped, one backordered
    assert (stock["BULB-E27"]["on_hand"], stock["BULB-E27"]["reserved"]) == (97, 0)
    assert cli_shop.admin_json("deliver", first["number"])["status"] == "delivered"

    status = cli_shop.admin_json("order", "status", first["tracking_number"])
    text = json.dumps(status)
    assert "JD014600003821" in text and "delivered" in text and "backorder" in text.lower()

    typo = first["tracking_number"][:-1] + ("0" if first["tracking_number"][-1] != "0" else "1")
    code, out, err = cli_shop.admin("order", "status", typo)
    assert code == 2 and "typo" in err and "not found" not in err.lower()

    code, out, err = cli_shop.admin("ship", second["number"], "--carrier", "UPS", "--carrier-ref", "1Z999")
    assert code == 0, err  # packs on the way when it was picked in full
    code, out, err = cli_shop.admin("deliver", "SO-009999")
    assert code == 2 and "SO-009999" in err
