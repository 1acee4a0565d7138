"""The mail catalog: what the service puts in it (live stock, the customer's price, categories, who may print) and
the PDF a catalog customer gets (sections, prices as on screen, availability, barcodes, the order form page)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from oms_desktop.devtools.demo import ean13
from oms_desktop.domain.errors import AuthenticationFailed, BusinessRuleViolation, PermissionDenied, ValidationFailed
from oms_desktop.services.dto import Actor
from tests.helpers import pdf_tools
from tests.helpers.money_text import on_paper

EXTRA = (
    "sku,name,unit_price,tax_rate,barcode,category,location,on_hand,reorder_point,description\n"
    "BOWL-05,東京 tea bowl,6.00,0.19,4006381333993,Kitchen,A-10-01,40,5,\"Hand-thrown stoneware, glazed in "
    "green; every bowl a little different, dishwasher safe, made in Japan by a family workshop since 1890\"\n"
    "MUG-04,Кружка Пётр,4.00,0.19,,Kitchen,B-01-01,12,4,\n"
    "OLD-01,Old lamp,9.00,0.19,,Lighting,A-09-09,5,1,\n"
)


@pytest.fixture
def shop(catalog, admin):
    """The sample catalog plus a kitchen section; LAMP-01 mostly reserved, BOOK-01 sold out, OLD-01 inactive."""
    catalog.catalog.import_catalog(admin, EXTRA.encode())
    catalog.catalog.set_product_active(admin, "OLD-01", False)
    catalog.orders.place_order(admin, None, [("LAMP-01", 8)])  # 10 on hand, 8 reserved: 2 free, reorder point 2
    catalog.inventory.adjust_stock(admin, "BOOK-01", -5, "damage")
    catalog.company.update(admin, company_phone="+49 30 1234567", company_email="shop@example.com",
                           payment_note="Pay by bank transfer within 14 days.",
                           return_note="Return unused items within 30 days.")
    return catalog


def items(doc) -> dict:
    return {i.sku: (s.category, i) for s in doc.sections for i in s.items}


def test_the_catalog_lists_active_products_in_stock_by_category_with_the_price_the_customer_pays(shop, admin):
    doc = shop.catalog.catalog_doc(admin)
    assert [s.category for s in doc.sections] == ["Kitchen", "Lighting"]  # Books had only the sold-out guide
    found = items(doc)
    assert sorted(found) == ["BOWL-05", "BULB-E27", "LAMP-01", "MUG-04"]  # no BOOK-01 (sold out), no OLD-01
    _, lamp = found["LAMP-01"]
    assert (lamp.availability, lamp.unit_price, lamp.tax_rate, lamp.ean) == \
        ("only 2 left", Decimal("23.79"), Decimal("19"), "4006381333931")  # 19.99 net + 19 %
    assert found["BULB-E27"][1].availability == "in stock"
    assert found["MUG-04"][1].ean == ""
    bowl = found["BOWL-05"][1]
    assert bowl.description.startswith("Hand-thrown stoneware") and bowl.description.endswith("…")
    assert (doc.company.phone, doc.company.email, doc.payment_note, doc.return_note) == \
        ("+49 30 1234567", "shop@example.com", "Pay by bank transfer within 14 days.",
         "Return unused items within 30 days.")
    assert (doc.currency, doc.product_count, doc.tax_rates) == ("EUR", 4, (Decimal("19"),))


def test_sold_out_products_print_only_when_asked_and_a_new_reservation_shows_at_once(shop, admin):
    doc = shop.catalog.catalog_doc(admin, include_sold_out=True)
    assert items(doc)["BOOK-01"] == ("Books", items(doc)["BOOK-01"][1])
    assert items(doc)["BOOK-01"][1].availability == "sold out"
    assert items(doc)["BOOK-01"][1].unit_price == Decimal("12.84")  # 12.00 + 7 %
    shop.orders.place_order(admin, None, [("LAMP-01", 2)])
    assert "LAMP-01" not in items(shop.catalog.catalog_doc(admin))


def test_the_company_e_mail_must_be_an_address_and_an_empty_one_is_left_off(shop, admin):
    with pytest.raises(ValidationFailed, match="company e-mail"):
        shop.company.update(admin, company_email="orders at northwind")
    shop.company.update(admin, company_email="")
    assert shop.catalog.catalog_doc(admin).company.email == ""


def test_prices_that_include_tax_print_as_they_are(shop, admin):
    shop.company.update(admin, prices_include_tax=True)
    assert items(shop.catalog.catalog_doc(admin))["LAMP-01"][1].unit_price == Decimal("19.99")


def test_categories_filter_in_any_case_and_an_unknown_one_is_refused_by_name(shop, admin):
    doc = shop.catalog.catalog_doc(admin, ["kitchen", "BOOKS"], include_sold_out=True)
    assert [s.category for s in doc.sections] == ["Books", "Kitchen"]
    with pytest.raises(ValidationFailed, match="unknown category 'Toys'"):
        shop.catalog.catalog_doc(admin, ["Kitchen", "Toys"])
    with pytest.raises(BusinessRuleViolation, match="Nothing to print"):
        shop.catalog.catalog_doc(admin, ["Books"])  # its only product is sold out


def test_anyone_who_may_view_the_catalog_may_print_it_and_nobody_else(shop, users):
    for role in ("agent", "counter", "warehouse", "accountant", "manager"):
        assert shop.catalog.catalog_doc(users[role]).product_count == 4
    with pytest.raises(AuthenticationFailed):
        shop.catalog.catalog_doc(None)
    with pytest.raises(PermissionDenied):
        shop.catalog.catalog_doc(Actor(user_id=99, username="ghost", role="visitor"))


def test_the_pdf_reads_as_the_catalog_with_prices_as_on_screen_and_an_order_form_last(shop, admin):
    pdf_tools.require_tools()
    doc, pdf = shop.catalog.catalog_pdf(admin, include_sold_out=True)
    pages = int(pdf_tools.pdf_info(pdf)["Pages"])
    text = pdf_tools.pdf_to_text(pdf, layout=True)
    for sku, (_category, item) in items(doc).items():
        assert sku in text and item.name in text
    lines = {ln.split()[0]: " ".join(ln.split()) for ln in text.splitlines() if ln.split()}
    assert "only 2 left" in lines["LAMP-01"] and on_paper("23.79") in text
    assert "in stock" in lines["BULB-E27"] and "sold out" in lines["BOOK-01"] and on_paper("12.84") in text
    assert "incl. 19 % VAT" in text and "incl. 7 % VAT" in text
    assert "prices and availability as of" in text and "Prices include VAT: 19 % or 7 %" in text
    assert f"page 1 of {pages}" in text and f"page {pages} of {pages}" in text
    form = pdf_tools.pdf_to_text(pdf, layout=True, page=pages)
    for heading in ("Order form", "Customer number", "Name", "Address", "Phone", "Quantity", "Unit price", "Total",
                    "Send your order to", "+49 30 1234567", "Pay by bank transfer", "Return unused items"):
        assert heading in form, heading
    assert "LAMP-01" not in form
    assert sorted(pdf_tools.decode_barcodes(pdf, dpi=80)) == sorted(i.ean for _c, i in items(doc).values() if i.ean)
    assert shop.catalog.catalog_pdf(admin, include_sold_out=True)[1] == pdf  # deterministic: a reprint is identical


def test_amounts_follow_the_company_locale(shop, admin):
    pdf_tools.require_tools("pdftotext")
    shop.company.update(admin, locale="de_DE")
    _doc, pdf = shop.catalog.catalog_pdf(admin, ["Lighting"])
    text = pdf_tools.pdf_to_text(pdf, layout=True)
    assert on_paper("23.79", locale="de_DE") in text and "Kitchen" not in text


def test_a_long_catalog_repeats_its_table_header_names_the_running_category_and_every_ean_scans(shop, admin):
    pdf_tools.require_tools()
    codes = [ean13(f"40{n:010d}") for n in range(60)]
    rows = "".join(f"K-{n:03d},Kettle {n},20.00,0.19,{code},Kitchen,K,10,1,\n" for n, code in enumerate(codes))
    shop.catalog.import_catalog(admin, (EXTRA.splitlines()[0] + "\n" + rows).encode())
    _doc, pdf = shop.catalog.catalog_pdf(admin)
    page2 = pdf_tools.pdf_to_text(pdf, layout=True, page=2)
    assert "Kitchen" in page2.splitlines()[0]  # the running header: the category goes on from page 1
    assert "Availability" in page2  # the table's header row again
    # 80 dpi: a draft print or a phone photo; modules that straddle pixels fail there first (docs/catalog.md)
    assert set(codes) <= set(pdf_tools.decode_barcodes(pdf, dpi=80))
