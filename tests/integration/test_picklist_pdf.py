"""A pick list for twenty orders as the picker gets it: scannable barcodes, walking order, any text printed
literally."""
from __future__ import annotations

import pytest

from oms_desktop.domain.picking import walking_order_key
from tests.helpers import pdf_tools

CATALOG = (
    "sku,name,unit_price,tax_rate,barcode,category,location,on_hand,reorder_point\n"
    "GLUE-01,\"Glue <b>bold</b> & strong\",2.50,0.19,4006381333979,Office,C-10-01,500,0\n"
    "TAPE-02,\"Tape <font name=\"\"x\"\">wide</font>\",1.20,0.19,,Office,A-02-10,500,0\n"
    "PEN-03,Pen < blue,0.90,0.19,4006381333986,Office,A-02-9,500,0\n"
    "MUG-04,Кружка Пётр,4.00,0.19,,Kitchen,B-01-01,500,0\n"
    "BOWL-05,東京 bowl,6.00,0.19,4006381333993,Kitchen,A-10-01,500,0\n"
    "CUP-06,Cup Łódź,3.00,0.19,,Kitchen,,500,0\n"
)
NAMES = ["Łódź <b>Bar</b> & Co", "Пётр Ильич", "東京 商店", "A < B Ltd", '<font name="x">Eve</font>']


@pytest.fixture
def twenty_orders(services, admin):
    services.catalog.import_catalog(admin, CATALOG.encode())
    skus = ["GLUE-01", "TAPE-02", "PEN-03", "MUG-04", "BOWL-05", "CUP-06"]
    orders = []
    for i in range(20):
        c = services.customers.add_customer(admin, NAMES[i % len(NAMES)], [f"030 555 {1000 + i}"])
        lines = [(skus[(i + k) % len(skus)], 1 + (i + k) % 3) for k in range(1 + i % 3)]
        orders.append(services.orders.place_order(admin, c.id, lines))
    return orders


def test_a_pick_list_for_twenty_orders_scans_and_reads_in_walking_order(services, admin, twenty_orders):
    pdf_tools.require_tools()
    pl = services.picking.create_pick_list(admin, [o.id for o in twenty_orders])
    pdf = services.picking.pick_list_pdf(admin, pl.number)

    codes = set(pdf_tools.decode_barcodes(pdf))
    assert pl.number in codes
    assert {ln.barcode or ln.sku for ln in pl.lines} <= codes
    assert {o.tracking_number for o in twenty_orders} <= codes

    text = pdf_tools.pdf_to_text(pdf)
    locations = [ln.location for ln in pl.lines if ln.location]
    assert locations == sorted(locations, key=walking_order_key)
    assert locations == ["A-02-9", "A-02-10", "A-10-01", "B-01-01", "C-10-01"]  # numbers compare as numbers
    positions = [text.index(loc) for loc in locations]
    assert positions == sorted(positions)
    assert pl.lines[-1].sku == "CUP-06"  # no location: last

    for literal in ("Glue <b>bold</b> & strong", 'Tape <font name="x">wide</font>', "Pen < blue", "Кружка Пётр",
                    "東京 bowl", "Cup Łódź", "Łódź <b>Bar</b> & Co", "Пётр Ильич", "東京 商店", "A < B Ltd"):
        assert literal in text, literal
