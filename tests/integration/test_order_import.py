"""Orders from a web shop's export (issue 15): Shopify's quirks, WooCommerce, the generic format; each order whole or
not at all; the same file again creates nothing; history without stock or ledger; bad files change nothing."""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from oms_desktop.adapters.db import models as m
from oms_desktop.adapters.db import models_accounts as ma
from oms_desktop.domain.errors import PermissionDenied
from oms_desktop.domain.order_import import parse_orders

SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # the SQL is the main test's, on both
DATA = Path(__file__).resolve().parents[1] / "data"
SHOPIFY = (DATA / "shopify_orders.csv").read_bytes()


def count(backend, model) -> int:
    with backend.engine.connect() as c:
        return c.execute(select(func.count()).select_from(model)).scalar_one()


def stock(services, admin, sku):
    p = services.catalog.get_product(admin, sku)
    return p.on_hand, p.reserved


@pytest.fixture
def shop(backend, catalog, customer, admin):
    return backend


def test_the_shopify_file_is_read_with_its_quirks():
    parsed = parse_orders(SHOPIFY, "auto", "EUR", now=datetime(2026, 1, 1, tzinfo=timezone.utc))
    assert parsed.format == "shopify" and parsed.file_problems == ()
    first = next(o for o in parsed.orders if o.ref == "#1001")
    assert first.rows == (2, 3)  # the address's quoted newline keeps the record on one row, as a spreadsheet shows
    assert first.created_at == datetime(2025, 10, 7, 7, 50, 26, tzinfo=timezone.utc)  # +0200 taken into account
    assert "75008 Paris" in first.ship_to.splitlines() and "Escalier 3" in first.ship_to.splitlines()
    assert "'" not in first.ship_to  # Excel's apostrophe in front of the ZIP code is not part of it
    assert [(ln.sku, ln.quantity, ln.unit_price) for ln in first.lines] == [("LAMP-01", 2, Decimal("19.99")),
                                                                           ("BOOK-01", 1, Decimal("12.00"))]
    gift = next(p for p in parsed.problems if p.ref == "#1004")
    assert gift.rows == (6, 7) and "row 7" in gift.message and "no SKU" in gift.message


def test_shopify_orders_are_imported_whole_reserved_paid_and_once(shop, services, admin, customer):
    before = {sku: stock(services, admin, sku) for sku in ("LAMP-01", "BOOK-01", "BULB-E27")}
    report = services.order_import.import_orders(admin, SHOPIFY)
    assert {o.ref for o in report.imported} == {"#1001", "#1002", "#1003"}
    assert {p.ref for p in report.problems} == {"#1004", "#1005", "#1006"}
    assert {p.ref for p in report.left_out} == {"#0999", "#0998"}  # fulfilled or cancelled: history, not new orders
    refused = {p.ref: str(p) for p in report.problems}
    assert "NOPE-1" in refused["#1005"] and "row 8" in refused["#1005"]
    assert "BOOK-01" in refused["#1006"] and "4" in refused["#1006"]  # 5 on hand, 1 reserved by #1001 before it
    assert (report.customers_created, report.customers_matched) == (1, 2)

    parsed = {o.ref: o for o in parse_orders(SHOPIFY, "shopify", "EUR", now=datetime.now(timezone.utc)).orders}
    by_ref = {o.ref: services.orders.get_order(admin, o.number) for o in report.imported}
    for ref, order in by_ref.items():
        assert order.status == "confirmed" and order.channel == "online" and order.external_ref == ref
        assert order.total == parsed[ref].total  # the shop's total, to the cent, with our tax rates
        assert order.created_at == parsed[ref].created_at  # the shop's "Created at" is the order's date
    o1001 = by_ref["#1001"]
    assert [(a.kind, a.amount) for a in o1001.adjustments if a.kind == "shipping"] == [("shipping", Decimal("4.90"))]
    assert sum(a.amount for a in o1001.adjustments if a.kind != "shipping") == Decimal("-5.00")
    assert any("WELCOME5" in a.label for a in o1001.adjustments)
    assert o1001.ship_to.splitlines()[-2:] == ["75008 Paris", "FR"]
    assert by_ref["#1002"].customer_id == customer.id  # +49 171 5550100 is her 0171 555-0100
    assert by_ref["#1003"].customer_id == customer.id  # ANNA@Example.com is her anna@example.com
    new = services.customers.get_customer(admin, o1001.customer_id)
    assert new.email == "marie.dupont@example.fr" and "75008 Paris" in new.billing_address

    after = {sku: stock(services, admin, sku) for sku in before}
    assert after["LAMP-01"][1] - before["LAMP-01"][1] == 2
    assert after["BOOK-01"][1] - before["BOOK-01"][1] == 1
    assert after["BULB-E27"][1] - before["BULB-E27"][1] == 3
    account = services.receivables.order_account(admin, o1001.number)
    assert [(p.method, p.amount, p.reference) for p in account.payments] == [("online", Decimal("60.44"),
                                                                              "c28471739.1")]
    assert services.receivables.order_account(admin, by_ref["#1002"].number).payments == ()  # pending: not paid
    assert all(r.ok for r in services.checks.run(admin)), [r.problems for r in services.checks.run(admin)]

    orders_before = count(shop, m.Order)
    again = services.order_import.import_orders(admin, SHOPIFY)
    assert again.imported == () and {ref for ref, _n in again.already_imported} == {"#1001", "#1002", "#1003"}
    assert dict(again.already_imported)["#1001"] == o1001.number
    assert count(shop, m.Order) == orders_before


@SQLITE_ONLY
def test_history_brings_fulfilled_and_cancelled_orders_in_without_stock_or_ledger(shop, services, admin):
    moves, entries, payments = count(shop, m.StockMove), count(shop, ma.LedgerEntry), count(shop, ma.Payment)
    report = services.order_import.import_orders(admin, SHOPIFY, history=True)
    assert {(o.ref, o.status) for o in report.imported} == {("#0999", "delivered"), ("#0998", "cancelled")}
    assert {p.ref for p in report.left_out} == {"#1001", "#1002", "#1003", "#1005", "#1006"}
    assert (count(shop, m.StockMove), count(shop, ma.LedgerEntry), count(shop, ma.Payment)) == (moves, entries,
                                                                                          payments)
    sales = services.sales.report(admin, by="product", start=date(2025, 8, 1), end=date(2025, 9, 30))
    assert {r.key: r.figures.units for r in sales.rows if r.figures.units} == {"LAMP-01": 1}  # cancelled: nothing
    assert all(r.ok for r in services.checks.run(admin))


@SQLITE_ONLY
def test_a_dry_run_reports_what_would_happen_and_writes_nothing(shop, services, admin):
    orders, customers = count(shop, m.Order), count(shop, m.Customer)
    report = services.order_import.import_orders(admin, SHOPIFY, dry_run=True)
    assert {o.ref for o in report.imported} == {"#1001", "#1002", "#1003"} and report.dry_run
    assert all(o.number == "" for o in report.imported)
    assert (count(shop, m.Order), count(shop, m.Customer)) == (orders, customers)


def woo_file() -> bytes:
    header = ["order_id", "order_number", "order_date", "paid_date", "status", "shipping_total", "discount_total",
              "order_total", "order_currency", "payment_method", "payment_method_title", "transaction_id",
              "customer_email", "billing_first_name", "billing_last_name", "billing_address_1", "billing_city",
              "billing_postcode", "billing_country", "billing_phone", "shipping_first_name", "shipping_last_name",
              "shipping_address_1", "shipping_city", "shipping_postcode", "shipping_country", "shipping_items",
              "coupon_items", "line_item_1", "line_item_2"]
    rows = [
        # net amounts: 2 x 19.99 + 12.00 = 51.98, less the coupon's 2.00 (1.54 at 19 %, 0.46 at 7 %), plus 4.90
        # shipping (19 %): 54.88 net; tax 7.60 + 0.84 + 0.93 - 0.29 - 0.03 = 9.05; total 63.93
        ["501", "501", "2025-11-02 14:05:00", "2025-11-02 14:06:10", "processing", "4.90", "2.00", "63.93", "EUR",
         "stripe", "Credit Card (Stripe)", "ch_3Nx9", "jan@example.nl", "Jan", "de Vries", "Keizersgracht 1",
         "Amsterdam", "1015 CJ", "NL", "+31 20 123 4567", "Jan", "de Vries", "Keizersgracht 1", "Amsterdam",
         "1015 CJ", "NL", "method_id:flat_rate|method_title:Flat rate|total:4.90", "code:save2|amount:2.00",
         "name:Desk lamp|product_id:11|sku:LAMP-01|quantity:2|total:38.44|sub_total:39.98|tax:7.30",
         "name:Field guide|product_id:12|sku:BOOK-01|quantity:1|total:11.54|sub_total:12.00|tax:0.81"],
        ["502", "502", "2025-11-01 09:00:00", "2025-11-01 09:01:00", "completed", "0", "0", "4.15", "EUR", "stripe",
         "Stripe", "ch_1", "jan@example.nl", "Jan", "de Vries", "", "", "", "", "", "", "", "", "", "", "", "", "",
         "name:LED bulb E27|sku:BULB-E27|quantity:1|total:3.49|sub_total:3.49|tax:0.66", ""],
    ]
    buf = io.StringIO()
    csv.writer(buf).writerows([header, *rows])
    return buf.getvalue().encode()


def test_a_woocommerce_export(shop, services, admin):
    report = services.order_import.import_orders(admin, woo_file())
    assert report.format == "woocommerce"
    assert [o.ref for o in report.imported] == ["501"] and [p.ref for p in report.left_out] == ["502"]
    order = services.orders.get_order(admin, report.imported[0].number)
    assert order.total == Decimal("63.93")  # the file's order_total: the same lines, coupon and shipping, our taxes
    assert order.ship_to.splitlines() == ["Jan de Vries", "Keizersgracht 1", "1015 CJ Amsterdam", "NL"]
    account = services.receivables.order_account(admin, order.number)
    assert [(p.method, p.reference) for p in account.payments] == [("online", "ch_3Nx9")]


@SQLITE_ONLY
def test_the_generic_format_finds_products_by_barcode_and_takes_the_channel(shop, services, admin):
    data = ("order,date,email,name,barcode,sku,quantity,unit_price,paid\n"
            "K-77,2025-11-03,post@example.de,Karl Post,4006381333931,,1,19.99,no\n"
            "K-77,,,,,BULB-E27,2,3.49,\n").encode()
    report = services.order_import.import_orders(admin, data, channel="catalog")
    assert report.format == "generic" and report.problems == ()
    order = services.orders.get_order(admin, report.imported[0].number)
    assert order.channel == "catalog" and [ln.sku for ln in order.lines] == ["LAMP-01", "BULB-E27"]


@pytest.mark.parametrize("data, words", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV"),
    ("order,sku,quantity,unit_price\nA,LAMP-01,1,19.99\nB,LAMP-01,1,Größe\n".encode("latin-1"), "not UTF-8"),
    (b"order,sku,quantity\nA,LAMP-01,1\n", "unit_price"),
    (b"Name,Email\n#1,a@b.c\n", "not recognised"),
    (b"x" * 300_000, "not an order export"),
    (b"", "empty"),
])
def test_a_file_that_cannot_be_read_imports_nothing_and_says_why(sqlite_backend, data, words):
    services = sqlite_backend.services
    services.auth.add_user(None, "admin", "admin", "admin-pw")
    admin = services.auth.sign_in("admin", "admin-pw")
    report = services.order_import.import_orders(admin, data)
    assert report.imported == () and any(words in p for p in report.file_problems), report.file_problems
    assert count(sqlite_backend, m.Order) == 0


@SQLITE_ONLY
@pytest.mark.parametrize("line, words", [
    ("A,LAMP-01,1,\"19,99\"", "comma"),
    ("A,LAMP-01,-2,19.99", "negative"),
    ("A,LAMP-01,٣,19.99", "whole number"),
    ("A,LAMP-01,1,19.999", "more decimals"),
])
def test_bad_values_refuse_their_order_naming_row_and_column_and_the_others_go_in(shop, services, admin, line,
                                                                                   words):
    data = f"order,sku,quantity,unit_price\n{line}\nB,BULB-E27,1,3.49\n".encode()
    report = services.order_import.import_orders(admin, data)
    assert [o.ref for o in report.imported] == ["B"]
    assert len(report.problems) == 1 and report.problems[0].rows == (2,) and words in report.problems[0].message


@SQLITE_ONLY
@pytest.mark.parametrize("when, words", [("2025-02-30", "not a date that exists"), ("2099-01-01", "future")])
def test_dates_that_do_not_exist_or_lie_ahead_are_refused(shop, services, admin, when, words):
    report = services.order_import.import_orders(
        admin, f"order,date,sku,quantity,unit_price\nA,{when},LAMP-01,1,19.99\n".encode())
    assert report.imported == () and words in report.problems[0].message


@SQLITE_ONLY
def test_a_woocommerce_total_a_cent_off_ours_is_refused_naming_both(shop, services, admin):
    # The shop taxed each line after the coupon (38.44 -> 7.30, 11.54 -> 0.81): 63.92, one cent below our 63.93.
    report = services.order_import.import_orders(admin, woo_file().replace(b",63.93,", b",63.92,"))
    assert report.imported == () and "63.92" in str(report.problems[0]) and "63.93" in str(report.problems[0])


@SQLITE_ONLY
def test_a_total_that_is_not_ours_refuses_the_order(shop, services, admin):
    report = services.order_import.import_orders(
        admin, b"order,sku,quantity,unit_price,total\nA,LAMP-01,1,19.99,23.78\n")
    assert report.imported == () and "23.78" in report.problems[0].message and "23.79" in report.problems[0].message


@SQLITE_ONLY
def test_a_card_number_in_the_payment_reference_is_never_stored(shop, services, admin):
    report = services.order_import.import_orders(
        admin, b"order,sku,quantity,unit_price,paid,payment_reference\nA,LAMP-01,1,19.99,yes,4111 1111 1111 1111\n")
    assert report.imported == () and "card number" in report.problems[0].message


@SQLITE_ONLY
def test_paid_orders_need_someone_who_may_take_payments(shop, services, admin):
    services.auth.add_user(admin, "agent", "agent", "agent-pw")
    agent = services.auth.sign_in("agent", "agent-pw")
    with pytest.raises(PermissionDenied):
        services.order_import.import_orders(agent, SHOPIFY)
    assert services.order_import.import_orders(agent, b"order,sku,quantity,unit_price\nA,LAMP-01,1,19.99\n").imported


@SQLITE_ONLY
def test_the_cli(cli_shop, tmp_path):
    oms = cli_shop
    path = tmp_path / "orders.csv"
    path.write_bytes(SHOPIFY)
    code, out, _err = oms("order", "import", str(path), "--json", user="admin")
    assert code == 3  # some orders refused, the others imported
    data = json.loads(out)
    assert {o["ref"] for o in data["imported"]} == {"#1001", "#1002", "#1003"}
    assert {p["ref"] for p in data["problems"]} == {"#1004", "#1005", "#1006"}
    good = tmp_path / "good.csv"
    good.write_bytes(b"order,sku,quantity,unit_price\nW-1,BULB-E27,1,3.49\n")
    assert oms("order", "import", str(good), "--dry-run", user="admin")[0] == 0
    code, out, _err = oms("order", "import", str(good), user="admin")
    assert code == 0 and "imported 1" in out
    code, out, _err = oms("order", "import", str(good), user="admin")
    assert code == 0 and "Already imported" in out and "W-1" in out
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01garbage")
    assert oms("order", "import", str(bad), user="admin")[0] == 2


@SQLITE_ONLY
def test_orders_go_in_batches_each_order_whole_in_its_savepoint(shop, services, admin, monkeypatch):
    from oms_desktop.services import order_import
    monkeypatch.setattr(order_import, "BATCH_ORDERS", 2)  # #1001 #1002 | #1003 #1004 | #1005 #1006: refusals inside
    monkeypatch.setattr(order_import, "BATCH_SECONDS", 60)  # by count only: a busy machine must not cut one short
    seen = []
    report = services.order_import.import_orders(admin, SHOPIFY, progress=lambda done, total: seen.append(done))
    assert {o.ref for o in report.imported} == {"#1001", "#1002", "#1003"}
    assert {p.ref for p in report.problems} == {"#1004", "#1005", "#1006"}
    assert seen == [2, 4, 5]  # #1004 was refused while reading the file: five orders to take, three transactions
    assert count(shop, m.Order) == 3 and all(r.ok for r in services.checks.run(admin))


def test_another_workstation_places_orders_between_the_batches(shop, services, admin, customer, monkeypatch):
    # Each batch commits and lets go of the write lock (on SQLite, the whole database's): an order placed by another
    # connection between two batches goes in at once, and the import goes on with the stock that order left.
    from oms_desktop.services import order_import
    monkeypatch.setattr(order_import, "BATCH_ORDERS", 2)
    placed = []

    def place_one() -> None:
        placed.append(services.orders.place_order(admin, customer.id, [("BOOK-01", 1)]))

    report = services.order_import.import_orders(admin, SHOPIFY, between_batches=place_one)
    assert len(placed) == 3 and all(o.status == "confirmed" for o in placed)  # one after each of the 3 batches
    assert {o.ref for o in report.imported} == {"#1001", "#1002", "#1003"}
    refused = {p.ref: str(p) for p in report.problems}
    # #1006 (the third batch) wants 9 of the 5 BOOK-01: #1001 took 1, the orders placed after the first two batches 2
    assert "only 2 of BOOK-01 available" in refused["#1006"]
    assert count(shop, m.Order) == 6 and all(r.ok for r in services.checks.run(admin))
