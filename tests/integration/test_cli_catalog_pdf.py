"""``oms catalog pdf``: the file, --json, and one exit code per kind of refusal."""
from __future__ import annotations

import json

from tests.helpers import pdf_tools


def test_the_catalog_pdf_is_written_and_described_in_json(cli_shop, tmp_path):
    out = tmp_path / "mail" / "catalog.pdf"
    code, stdout, err = cli_shop("--json", "catalog", "pdf", "--out", str(out), user="admin")
    assert code == 0, err
    data = json.loads(stdout)
    assert data["path"] == str(out) and out.read_bytes().startswith(b"%PDF")
    assert data["products"] == 3
    assert data["categories"] == [{"name": "Books", "products": 1}, {"name": "Lighting", "products": 2}]
    pdf_tools.require_tools("pdfinfo")
    assert data["pages"] == int(pdf_tools.pdf_info(out.read_bytes())["Pages"]) >= 2

    code, stdout, _ = cli_shop("catalog", "pdf", "--category", "lighting", "--out", str(out), user="admin")
    assert code == 0 and "2 product(s) in 1 category" in stdout and str(out) in stdout


def test_an_unknown_category_is_bad_input_naming_it(cli_shop, tmp_path):
    out = tmp_path / "c.pdf"
    code, _, err = cli_shop("catalog", "pdf", "--category", "Books", "--category", "Toys", "--out", str(out),
                            user="admin")
    assert code == 2 and "unknown category 'Toys'" in err and not out.exists()


def test_nothing_to_print_is_refused_unless_sold_out_products_are_asked_for(cli_shop, tmp_path):
    out = tmp_path / "c.pdf"
    assert cli_shop("stock", "adjust", "BOOK-01", "--qty", "-5", "--reason", "damage", user="admin")[0] == 0
    code, _, err = cli_shop("--json", "catalog", "pdf", "--category", "Books", "--out", str(out), user="admin")
    assert code == 3 and "Nothing to print" in json.loads(err)["error"] and not out.exists()
    code, stdout, err = cli_shop("--json", "catalog", "pdf", "--category", "Books", "--include-sold-out",
                                 "--out", str(out), user="admin")
    assert code == 0, err
    assert json.loads(stdout)["products"] == 1


def test_printing_needs_a_signed_in_user_and_a_folder_is_no_file(cli_shop, tmp_path):
    assert cli_shop("catalog", "pdf", "--out", str(tmp_path / "c.pdf"))[0] == 4
    code, _, err = cli_shop("catalog", "pdf", "--out", str(tmp_path), user="admin")
    assert code == 2 and "is a folder" in err
    assert cli_shop("catalog", "pdf", user="admin")[0] == 2  # --out is required
