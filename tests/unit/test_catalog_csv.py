"""Catalog CSV: the whole file is read and every problem is reported with its row and column."""
from __future__ import annotations

from decimal import Decimal

import pytest

from oms_desktop.domain.catalog import check_name, check_sku, normalize_sku, parse_catalog_csv, validate_product

HEADER = "sku,name,unit_price,tax_rate,barcode,category,location,on_hand,reorder_point\n"
GOOD = (HEADER + "LAMP-01,Desk lamp,19.99,0.19,4006381333931,Lighting,a-01-02,10,2\n"
                 "bulb-e27,\"LED bulb, E27\",3.49,19%,,Lighting,,100,20\n")


def _problems(data: bytes | str) -> list[tuple[int, str, str]]:
    if isinstance(data, str):
        data = data.encode()
    return list(parse_catalog_csv(data, "EUR").problems)


def test_a_valid_file_gives_one_spec_per_row_with_normalized_values():
    parsed = parse_catalog_csv(GOOD.encode(), "EUR")
    assert parsed.problems == ()
    (row1, lamp), (row2, bulb) = parsed.specs
    assert (row1, lamp.sku, lamp.unit_price, lamp.tax_rate, lamp.location, lamp.on_hand) == \
        (2, "LAMP-01", Decimal("19.99"), Decimal("0.19"), "A-01-02", 10)
    assert (row2, bulb.sku, bulb.name, bulb.barcode, bulb.tax_rate) == (3, "BULB-E27", "LED bulb, E27", None,
                                                                         Decimal("0.19"))


def test_semicolon_files_with_a_bom_and_decimal_commas_are_read():
    data = "\ufeffsku;name;unit_price;tax_rate\nLAMP-01;Lampe;19,99;0,19\n".encode()
    parsed = parse_catalog_csv(data, "EUR")
    assert parsed.problems == ()
    assert parsed.specs[0][1].unit_price == Decimal("19.99")


def test_every_bad_row_is_reported_not_just_the_first():
    data = HEADER + "LAMP-01,,19.999,0.19,,,,,\nBAD SKU,Thing,abc,2,,,,-1,\n"
    problems = _problems(data)
    assert (2, "name", "name is empty") in problems
    assert any(p[:2] == (2, "unit_price") and "more than 2 decimals" in p[2] for p in problems)
    assert {p[1] for p in problems if p[0] == 3} == {"sku", "unit_price", "tax_rate", "on_hand"}
    assert parse_catalog_csv(data.encode(), "EUR").specs == ()


def test_a_missing_required_column_is_named():
    problems = _problems("sku,name,unit_price\nLAMP-01,Lamp,1.00\n")
    assert problems == [(1, "tax_rate", "missing column(s): tax_rate (expected " + ",".join(HEADER.strip().split(","))
                         + ")")]


def test_unknown_and_duplicate_columns_are_named():
    problems = _problems("sku,name,unit_price,tax_rate,colour,name\nA,B,1,0,red,C\n")
    assert any("unknown column(s): colour" in p[2] for p in problems)
    assert any("duplicate column(s): name" in p[2] for p in problems)


def test_a_row_with_the_wrong_number_of_fields_is_named():
    problems = _problems(HEADER + "LAMP-01,Desk lamp,19.99,0.19\n")
    assert problems == [(2, "", "has 4 fields, the header has 9")]


def test_unbalanced_quotes_are_malformed_csv():
    problems = _problems('sku,name,unit_price,tax_rate\nLAMP-01,"Desk lamp,19.99,0.19\n')
    assert len(problems) == 1 and "malformed CSV" in problems[0][2]


def test_a_duplicate_sku_points_at_its_first_row():
    problems = _problems("sku,name,unit_price,tax_rate\nLAMP-01,A,1,0\nlamp-01,B,2,0\n")
    assert problems == [(3, "sku", "SKU LAMP-01 appears again (first on row 2)")]


def test_a_duplicate_barcode_points_at_its_first_row():
    problems = _problems("sku,name,unit_price,tax_rate,barcode\nA,A,1,0,123\nB,B,2,0,123\n")
    assert problems == [(3, "barcode", "barcode 123 appears again (first on row 2)")]


def test_non_utf8_bytes_name_the_byte_and_the_line():
    data = (HEADER + "LAMP-01,Lampe f").encode() + b"\xfcr Tisch,19.99,0.19,,,,,\n"
    problems = _problems(data)
    assert len(problems) == 1
    assert problems[0][0] == 2 and "not UTF-8" in problems[0][2] and "0xfc" in problems[0][2]


@pytest.mark.parametrize("data, problem", [(b"", "the file is empty"), (b"  \n", "the file is empty"),
                                           (b"sku,name\x00", "NUL bytes"),
                                           (b"sku,name,unit_price,tax_rate\n", "header but no products")])
def test_empty_and_binary_files_are_refused(data, problem):
    problems = _problems(data)
    assert len(problems) == 1 and problem in problems[0][2]


def test_blank_rows_are_skipped():
    parsed = parse_catalog_csv(b"sku,name,unit_price,tax_rate\n\nA,A,1,0\n,,,\n", "EUR")
    assert parsed.problems == () and [s.sku for _, s in parsed.specs] == ["A"]


def test_sku_and_name_rules():
    assert normalize_sku("  lamp-01 ") == "LAMP-01"
    assert check_sku("LAMP-01") is None
    assert "empty" in check_sku("")
    assert "may contain only" in check_sku("LAMP 01")
    assert "may contain only" in check_sku("A" * 65)
    assert check_name("  ") == "name is empty"
    assert "control characters" in check_name("Lamp\x07")
    assert "longer than 300" in check_name("x" * 301)


def test_validate_product_reports_every_field_problem():
    spec, problems = validate_product({"sku": "", "name": "", "unit_price": "-1", "tax_rate": "",
                                       "barcode": "no spaces", "reorder_point": "x"}, "EUR")
    assert spec is None
    assert {c for c, _ in problems} == {"sku", "name", "unit_price", "tax_rate", "barcode", "reorder_point"}
    assert dict(problems)["tax_rate"] == "tax_rate is empty (write 0 for untaxed goods)"


def test_an_optional_unit_cost_column_is_read_and_checked():
    parsed = parse_catalog_csv(b"sku,name,unit_price,tax_rate,unit_cost\nA-1,One,2.00,0.19,1.10\n"
                               b"A-2,Two,2.00,0.19,1.105\nA-3,Three,2.00,0.19,\n", "EUR")
    assert [(row, s.sku, s.unit_cost) for row, s in parsed.specs] == [(2, "A-1", Decimal("1.10")), (4, "A-3", None)]
    assert [(row, col) for row, col, _msg in parsed.problems] == [(3, "unit_cost")]
