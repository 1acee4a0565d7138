"""Packing slip (A4): ship-to address, scannable order and tracking numbers, lines to tick off, no prices; worded in
the customer's language, else the company's (``wording.py``)."""
from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from oms_desktop.services.documents import PackingSlipDoc

from .common import (GRID_COLOR, HEADER_FILL, barcode_or_text, build_pdf,
                     make_styles, para, rich)
from .picklist import CheckBox
from .wording import document_locale, locale_number, wording

MARGIN = 16 * mm


def render_packing_slip(doc: PackingSlipDoc) -> bytes:
    styles = make_styles(10)
    width = A4[0] - 2 * MARGIN
    half = width / 2
    words = wording(doc.language, doc.locale)
    where = document_locale(doc.language, doc.locale)

    sender = []
    if doc.company is not None:
        sender = [para(doc.company.name, styles.bold),
                  *[para(line, styles.small) for line in doc.company.address_lines]]
    ship_to = [para(words.ship_to, styles.small), para(doc.ship_to.name, styles.heading),
               *[para(line, styles.body) for line in doc.ship_to.lines]]
    codes = [para(words.order, styles.small), *barcode_or_text(doc.order_number, half - 4 * mm, styles.bold),
             Spacer(1, 3 * mm)]
    if doc.tracking_number:
        codes += [para(words.tracking_number, styles.small),
                  *barcode_or_text(doc.tracking_number, half - 4 * mm, styles.bold)]
    header = Table([[[para(words.packing_slip, styles.title), Spacer(1, 2 * mm), *sender, Spacer(1, 6 * mm), *ship_to],
                     codes]], colWidths=[half, half])
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))

    shipment = []
    if doc.carrier:
        shipment.append(rich("<b>{label}</b> {c}", styles.body, label=words.carrier, c=doc.carrier))
    if doc.carrier_ref:
        shipment.append(rich("<b>{label}</b> {r}", styles.body, label=words.carrier_reference, r=doc.carrier_ref))
    shipment.append(rich("<b>{label}</b> {n}", styles.body, label=words.packages, n=doc.packages))
    if doc.weight_kg is not None:
        shipment.append(rich("<b>{label}</b> {w} kg", styles.body, label=words.weight,
                             w=locale_number(doc.weight_kg, where)))

    col_widths = [10 * mm, 35 * mm, None, 20 * mm]
    col_widths[2] = width - sum(w for w in col_widths if w is not None)
    rows = [[para("✓", styles.bold), para(words.sku, styles.bold), para(words.product, styles.bold),
             para(words.quantity, styles.right_bold)]]
    rows += [[CheckBox(4 * mm), para(line.sku, styles.body), para(line.name, styles.body),
              para(locale_number(line.quantity, where), styles.right_bold)] for line in doc.lines]
    lines_table = Table(rows, colWidths=col_widths, repeatRows=1)
    lines_table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOR),
                                     ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                                     ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))

    story = [header, Spacer(1, 6 * mm), *shipment, Spacer(1, 6 * mm), lines_table]
    return build_pdf(story, pagesize=A4, margin=MARGIN, title=f"{words.packing_slip} {doc.order_number}",
                     footer_text=f"{words.packing_slip} · {words.order_footer.format(number=doc.order_number)}",
                     page_label=words.page)
