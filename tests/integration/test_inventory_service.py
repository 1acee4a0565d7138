"""Inventory services: product editing, deactivation, adjustments, stock counts, history, CSV export and bad imports."""
from __future__ import annotations

import csv
import io

import pytest

from oms_desktop.domain.errors import BusinessRuleViolation, PermissionDenied, ValidationFailed
from oms_desktop.services.catalog import ImportRejected

NEW = {"sku": "vase-01", "name": "Glass vase", "unit_price": "24,90", "tax_rate": "19%", "barcode": "4006381333979",
       "category": "Home", "location": "c-03-01", "on_hand": "6", "reorder_point": "2", "reorder_qty": "10",
       "unit_cost": "11.20"}


def test_a_new_product_is_created_with_its_opening_stock(catalog, admin):
    p = catalog.catalog.create_product(admin, NEW)
    assert (p.sku, str(p.unit_price), str(p.tax_rate), p.location, p.on_hand) == ("VASE-01", "24.90", "0.19",
                                                                                  "C-03-01", 6)
    details = catalog.catalog.get_product_details(admin, "VASE-01")
    assert str(details.unit_cost) == "11.20" and details.has_history
    assert [h.kind for h in catalog.inventory.stock_history(admin, "VASE-01")] == ["opening"]
    assert catalog.inventory.invariant_violations() == []


def test_a_product_with_a_taken_sku_or_barcode_or_bad_price_is_refused_with_every_problem(catalog, admin):
    with pytest.raises(ValidationFailed, match="SKU LAMP-01 exists already"):
        catalog.catalog.create_product(admin, {**NEW, "sku": "LAMP-01", "barcode": ""})
    with pytest.raises(ValidationFailed, match="barcode 4006381333931 already belongs to LAMP-01"):
        catalog.catalog.create_product(admin, {**NEW, "barcode": "4006381333931"})
    with pytest.raises(ValidationFailed) as e:
        catalog.catalog.create_product(admin, {**NEW, "unit_price": "12.345", "tax_rate": "1.5", "unit_cost": "x"})
    assert len(e.value.problems) == 3
    assert catalog.catalog.count(admin) == 3


def test_editing_a_product_keeps_its_sku_and_stock(catalog, admin):
    before = catalog.catalog.get_product(admin, "LAMP-01")
    fields = {"name": "Desk lamp, brass", "unit_price": "21.50", "tax_rate": "0.19", "barcode": before.barcode,
              "category": "Lighting", "location": "A-01-02", "reorder_point": "3", "reorder_qty": "0"}
    after = catalog.catalog.update_product(admin, "LAMP-01", fields)
    assert (after.name, str(after.unit_price), after.reorder_point, after.on_hand) == ("Desk lamp, brass", "21.50",
                                                                                       3, before.on_hand)
    with pytest.raises(ValidationFailed, match="SKU cannot change"):
        catalog.catalog.update_product(admin, "LAMP-01", {**fields, "sku": "LAMP-02"})
    with pytest.raises(ValidationFailed, match="already belongs to BULB-E27"):
        catalog.catalog.update_product(admin, "LAMP-01", {**fields, "barcode": "4006381333948"})


def test_a_product_with_history_is_deactivated_not_deleted(catalog, admin):
    p = catalog.catalog.set_product_active(admin, "BOOK-01", False)
    assert not p.active
    assert "BOOK-01" not in [x.sku for x in catalog.catalog.search(admin)]
    assert "BOOK-01" in [x.sku for x in catalog.catalog.search(admin, active_only=False)]
    assert catalog.inventory.stock_history(admin, "BOOK-01")  # the history stays
    with pytest.raises(BusinessRuleViolation, match="already inactive"):
        catalog.catalog.set_product_active(admin, "BOOK-01", False)
    assert catalog.catalog.set_product_active(admin, "BOOK-01", True).active


def test_a_product_reserved_for_orders_cannot_be_deactivated(catalog, admin, customer):
    catalog.orders.place_order(admin, customer.id, [("LAMP-01", 2)])
    with pytest.raises(BusinessRuleViolation, match="2 reserved"):
        catalog.catalog.set_product_active(admin, "LAMP-01", False)


def test_adjustments_counts_and_receipts_keep_stock_equal_to_the_sum_of_moves(catalog, admin, customer):
    inv = catalog.inventory
    inv.adjust_stock(admin, "LAMP-01", -1, "damage")
    inv.adjust_stock(admin, "BULB-E27", 4, "found")
    catalog.orders.place_order(admin, customer.id, [("BULB-E27", 30)])
    result = inv.post_stock_count(admin, "A-01-03", [("BULB-E27", 90), ("4006381333948", 7)])  # by SKU and barcode
    assert [(ln.sku, ln.before, ln.counted, ln.difference) for ln in result.lines] == [("BULB-E27", 104, 97, -7)]
    catalog.purchasing.add_supplier(admin, "Lumen GmbH")
    po = catalog.purchasing.create_purchase_order(admin, "Lumen GmbH", [("LAMP-01", 3)])
    catalog.purchasing.send_purchase_order(admin, po.number)
    catalog.purchasing.receive(admin, po.number, {"LAMP-01": 1})
    assert catalog.catalog.get_product(admin, "LAMP-01").on_hand == 10
    assert inv.invariant_violations() == []


def test_a_stock_count_posts_all_differences_or_none(catalog, admin, customer):
    catalog.orders.place_order(admin, customer.id, [("LAMP-01", 4)])
    with pytest.raises(ValidationFailed) as e:
        catalog.inventory.post_stock_count(admin, "A-01-02", [("LAMP-01", 3), ("BULB-E27", 1), ("GHOST", 2),
                                                                ("BOOK-01", "x")])
    text = str(e.value.problems)
    assert "4 are reserved" in text and "BULB-E27 is stored at A-01-03" in text and "GHOST" in text
    assert "not a whole number" in text
    assert catalog.catalog.get_product(admin, "LAMP-01").on_hand == 10
    ok = catalog.inventory.post_stock_count(admin, "", [("LAMP-01", 8), ("BULB-E27", 100)])
    assert [ln.sku for ln in ok.changed] == ["LAMP-01"]
    assert catalog.inventory.stock_history(admin, "LAMP-01")[0].reason == "count"


def test_stock_history_shows_reference_user_and_running_balance(catalog, admin, customer):
    order = catalog.orders.place_order(admin, customer.id, [("LAMP-01", 2)])
    catalog.inventory.adjust_stock(admin, "LAMP-01", 3, "found", "behind the shelf")
    history = catalog.inventory.stock_history(admin, "LAMP-01")
    assert [(h.kind, h.on_hand_after, h.reserved_after) for h in history] == [
        ("adjust", 13, 2), ("reserve", 10, 2), ("opening", 10, 0)]
    assert history[1].reference == order.number and history[0].username == "admin"
    assert history[0].reason == "found behind the shelf"


def test_the_warehouse_role_may_count_but_not_edit_products(catalog, users):
    catalog.inventory.post_stock_count(users["warehouse"], "B-02-01", [("BOOK-01", 4)])
    with pytest.raises(PermissionDenied):
        catalog.catalog.create_product(users["warehouse"], NEW)
    with pytest.raises(PermissionDenied):
        catalog.inventory.post_stock_count(users["agent"], "", [("BOOK-01", 4)])


def test_the_catalog_export_is_formula_safe_and_imports_back(catalog, admin):
    catalog.catalog.create_product(admin, {**NEW, "name": "=HYPERLINK(\"http://x\")", "barcode": ""})
    data = catalog.catalog.export_catalog_csv(admin, page=2)  # several pages
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert [r["sku"] for r in rows] == ["BOOK-01", "BULB-E27", "LAMP-01", "VASE-01"]
    assert rows[3]["name"].startswith("'=") and rows[2]["unit_price"] == "19.99" and rows[2]["tax_rate"] == "0.19"
    result = catalog.catalog.import_catalog(admin, data)
    assert (result.created, result.updated) == (0, 4)
    assert catalog.inventory.invariant_violations() == []


@pytest.mark.parametrize("content, expected", [
    (b"sku,name,unit_price,tax_rate\nNEW-1,One,1.00,0.19\nLAMP-01,Again,2.00,0.19\nNEW-1,Dup,1.00,0.19\n",
     ["row 4, column sku: SKU NEW-1 appears again (first on row 2)"]),
    (b"sku,name,unit_price,tax_rate\nNEW-1,One,abc,0.19\nNEW-2,Two,-1,0.19\nNEW-3,Three,1,0.19\n",
     ["row 2, column unit_price", "row 3, column unit_price"]),
    (b"sku,name,tax_rate\nNEW-1,One,0.19\n", ["missing column(s): unit_price"]),
    ("sku,name,unit_price,tax_rate\nNEW-1,Café crème,1.00,0.19\n".encode("cp1252"), ["not UTF-8"]),
])
def test_a_bad_import_imports_nothing_and_reports_every_bad_row(catalog, admin, content, expected):
    with pytest.raises(ImportRejected) as e:
        catalog.catalog.import_catalog(admin, content)
    messages = [str(p) for p in e.value.rows]
    assert len(messages) == len(expected)
    for message, wanted in zip(messages, expected):
        assert wanted in message
    assert catalog.catalog.count(admin, active_only=False) == 3
    assert catalog.inventory.invariant_violations() == []


def test_a_note_that_repeats_the_reason_is_not_doubled(catalog, admin):
    catalog.inventory.adjust_stock(admin, "LAMP-01", 1, "found", "Found behind shelf 4")
    catalog.inventory.adjust_stock(admin, "LAMP-01", -1, "damage", "")
    history = catalog.inventory.stock_history(admin, "LAMP-01")
    assert [h.reason for h in history[:2]] == ["damage", "Found behind shelf 4"]
