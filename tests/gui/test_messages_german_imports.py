"""The order import's, the catalog's, the settings' and the dashboard's messages in German (issue 19): raised by the
real services, rendered by ``gui.messages`` in the German of resources/i18n/oms_de_messages.ts, no English left."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from oms_desktop.domain.errors import BusinessRuleViolation, UserFacingError, ValidationFailed
from oms_desktop.gui.messages import render, text_of
from tests.helpers.translations import language

SHOPIFY = (Path(__file__).resolve().parents[1] / "data" / "shopify_orders.csv").read_bytes()
#: English words that have no business in a German message (file columns and codes aside, which the checks avoid)
ENGLISH = re.compile(r"\b(the|is|not|has|have|row|rows|order|of|and|or|no|must|only|already|cannot|"
                     r"reserved|catalog|empty|characters|number|whole|more|than|got)\b")


def de(template: str) -> str:
    german = QCoreApplication.translate("Messages", template)
    assert german != template, f"no German for {template!r}"
    return german


def german(text: str, *data: str) -> str:
    """``text`` checked for English leftovers (``data``, the file's column names say, left out of the check)."""
    words = text
    for d in data:
        words = words.replace(d, "")
    assert not ENGLISH.search(words), f"English left in {text!r}"
    return text


def _raised(call) -> UserFacingError:
    with pytest.raises(UserFacingError) as info:
        call()
    return info.value


def test_an_order_imports_refusals_and_the_orders_left_out_read_german(qapp, catalog, admin, customer):
    report = catalog.order_import.import_orders(admin, SHOPIFY)
    refused = {p.ref: str(p) for p in report.problems}
    left_out = {p.ref: str(p) for p in report.left_out}
    assert refused["#1005"].startswith("row 8 (order #1005): ")  # the English as it was
    with language("de"):
        unknown = german(render(refused["#1005"]))       # the service refused it: its SKU is not in the catalog
        no_sku = german(render(refused["#1004"]))        # the file's reading refused it: a line without a SKU
        history = german(render(left_out["#0999"]))      # fulfilled or cancelled in the shop: not a new order
        assert unknown == de("{where} (order {ref}): {problem}").format(
            where=de("row {row}").format(row=8), ref="#1005",
            problem=de("row {row}: SKU {sku} is not in the catalog").format(row=8, sku="NOPE-1"))
    assert unknown.startswith("Zeile 8 (Auftrag #1005): Zeile 8: SKU NOPE-1 ist nicht im Katalog"), unknown
    assert no_sku.startswith("Zeilen 6-7 (Auftrag #1004): Zeile 7: die Position") and "hat keine SKU" in no_sku
    assert "im Shop" in history and "--history" in history


def test_a_file_that_is_no_order_export_reads_german(qapp, catalog, admin):
    report = catalog.order_import.import_orders(admin, b"foo,bar\n1,2\n")
    assert report.file_problems and report.file_problems[0].startswith("the format is not recognised")
    with language("de"):
        said = german(render(report.file_problems[0]), "(order, sku, quantity, unit_price)")
    assert said.startswith("das Format ist nicht erkannt: die Kopfzeile hat weder die Spalten von Shopify"), said


def test_a_rejected_catalog_import_reads_german_row_by_row(qapp, catalog, admin):
    bad = "sku,name,unit_price,tax_rate,on_hand\nBAD SKU!,Lamp,1.00,0.19,1\nOK-1,,2.00,0.19,x\n"
    error = _raised(lambda: catalog.catalog.import_catalog(admin, bad.encode()))
    assert isinstance(error, ValidationFailed)
    # the English as it was: the quantity's problem named after the file's column
    assert "row 3, column on_hand: on_hand 'x' is not a whole number" in error.problems
    with language("de"):
        shown = german(text_of(error))
        parts = shown.split("; ")
        assert parts[0] == de("row {row}, column {column}: {problem}").format(
            row=2, column="sku", problem=de("SKU '{sku}' may contain only letters, digits and . _ / - (at most 64)"
                                            ).format(sku="BAD SKU!"))
        assert parts[1] == "Zeile 3, Spalte name: " + de("name is empty")
    assert parts[2].startswith("Zeile 3, Spalte on_hand: on_hand „x“") and "Menge" not in parts[2], parts[2]


def test_product_refusals_read_german(qapp, catalog, admin):
    active = _raised(lambda: catalog.catalog.set_product_active(admin, "LAMP-01", True))
    assert isinstance(active, BusinessRuleViolation) and str(active) == "LAMP-01 is already active."
    renamed = _raised(lambda: catalog.catalog.update_product(admin, "LAMP-01", {"sku": "LAMP-02"}))
    with language("de"):
        assert german(text_of(active)) == "LAMP-01 ist bereits aktiv."
        assert german(text_of(renamed)).startswith("die SKU kann nicht geändert werden (LAMP-01 -> LAMP-02)")


def test_mail_and_printer_settings_read_german(qapp, services, admin):
    port = _raised(lambda: services.settings.set(admin, "smtp.port", "99999"))
    printer = _raised(lambda: services.settings.set(admin, "printer.receipt", "usb:0:0"))
    link = _raised(lambda: services.settings.set(admin, "carrier.dhl.tracking_url", "https://dhl.example/t"))
    assert str(link) == ("carrier.dhl.tracking_url must contain {ref}, where the carrier's reference goes "
                         "(e.g. https://carrier.example/track?id={ref})")
    with language("de"):
        assert german(text_of(port)) == "smtp.port muss eine Zahl von 1 bis 65535 sein (erhalten: „99999“)"
        assert german(text_of(printer)) == ("printer.receipt: die USB-Hersteller- und Produkt-IDs dürfen nicht 0 "
                                            "sein")
        assert german(text_of(link)).startswith("carrier.dhl.tracking_url muss {ref} enthalten")


def test_the_dashboard_and_stock_cover_arguments_read_german(qapp, services, admin):
    days = _raised(lambda: services.dashboard.overview(admin, days=0))
    limit = _raised(lambda: services.forecasts.stock_cover(admin, limit=0))
    with language("de"):
        assert german(text_of(days)).startswith("die Tage müssen zwischen 1 und ")
        assert german(text_of(limit)) == "das Limit muss mindestens 1 sein (erhalten: 0)"


def test_a_row_without_an_order_number_reads_german(qapp, catalog, admin):
    report = catalog.order_import.import_orders(admin, b"order,sku,quantity,unit_price\n,LAMP-01,1,19.99\n")
    assert [str(p) for p in report.problems] == ["row 2: no order number"]
    with language("de"):
        assert german(render(str(report.problems[0]))) == "Zeile 2: keine Auftragsnummer"
