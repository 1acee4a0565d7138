"""Packing slip (A4): ship-to address, scannable order and tracking numbers, lines to tick off, no prices."""
from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from oms_desktop.services.documents import PackingSlipDoc

from .common import (GRID_COLOR, HEADER_FILL, barcode_or_text, build_pdf, format_quantity,
                     make_styles, para, rich)
from .picklist import CheckBox

MARGIN = 16 * mm


def render_packing_slip(doc: PackingSlipDoc) -> bytes:
    styles = make_styles(10)
    width = A4[0] - 2 * MARGIN
    half = width / 2

    sender = []
    if doc.company is not None:
        sender = [para(doc.company.name, styles.bold),
                  *[para(line, styles.small) for line in doc.company.address_lines]]
    ship_to = [para("Ship to", styles.small), para(doc.ship_to.name, styles.heading),
               *[para(line, styles.body) for line in doc.ship_to.lines]]
    codes = [para("Order", styles.small), *barcode_or_text(doc.order_number, half - 4 * mm, styles.bold),
             Spacer(1, 3 * mm)]
    if doc.tracking_number:
        codes += [para("Tracking number", styles.small),
                  *barcode_or_text(doc.tracking_number, half - 4 * mm, styles.bold)]
    header = Table([[[para("Packing slip", styles.title), Spacer(1, 2 * mm), *sender, Spacer(1, 6 * mm), *ship_to],
                     codes]], colWidths=[half, half])
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))

    shipment = []
    if doc.carrier:
        shipment.append(rich("<b>Carrier</b> {c}", styles.body, c=doc.carrier))
    if doc.carrier_ref:
        shipment.append(rich("<b>Carrier reference</b> {r}", styles.body, r=doc.carrier_ref))
    shipment.append(rich("<b>Packages</b> {n}", styles.body, n=doc.packages))
    if doc.weight_kg is not None:
        shipment.append(rich("<b>Weight</b> {w} kg", styles.body, w=format_quantity(doc.weight_kg)))

    col_widths = [10 * mm, 35 * mm, None, 20 * mm]
    col_widths[2] = width - sum(w for w in col_widths if w is not None)
    rows = [[para("✓", styles.bold), para("SKU", styles.bold), para("Product", styles.bold),
             para("Qty", styles.right_bold)]]
    rows += [[CheckBox(4 * mm), para(line.sku, styles.body), para(line.name, styles.body),
              para(format_quantity(line.quantity), styles.right_bold)] for line in doc.lines]
    lines_table = Table(rows, colWidths=col_widths, repeatRows=1)
    lines_table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOR),
                                     ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                                     ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))

    story = [header, Spacer(1, 6 * mm), *shipment, Spacer(1, 6 * mm), lines_table]
    return build_pdf(story, pagesize=A4, margin=MARGIN, title=f"Packing slip {doc.order_number}",
                     footer_text=f"Packing slip · order {doc.order_number}")
