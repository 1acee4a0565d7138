"""Pick list: lines in walking order with SKU barcodes and check boxes, then orders with tracking barcodes for totes."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from oms_desktop.services.documents import PickListDoc

from .common import (GRID_COLOR, HEADER_FILL, DateFormatter, barcode_or_text, build_pdf, format_quantity, make_styles,
                     para, rich)
from oms_desktop.domain.wording import counted

MARGIN = 14 * mm


class CheckBox(Flowable):
    """An empty square the picker ticks with a pen."""

    def __init__(self, size: float = 5 * mm):
        super().__init__()
        self.width = self.height = size

    def draw(self):
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.width, self.height)


def render_pick_list(doc: PickListDoc, format_date: DateFormatter) -> bytes:
    styles = make_styles(9)
    width = A4[0] - 2 * MARGIN
    story: list = []

    header_right = barcode_or_text(doc.number, 75 * mm, styles.right)
    header_left = [
        para("Pick list", styles.title),
        Spacer(1, 2 * mm),
        rich("<b>No.</b> {number}", styles.body, number=doc.number),
        rich("<b>Created</b> {at} by {who}", styles.body, at=format_date(doc.created_at), who=doc.created_by),
        rich("{lines} · {units} · {orders}", styles.body, lines=counted(len(doc.lines), "line"),
             units=counted(sum(line.quantity for line in doc.lines), "unit"), orders=counted(len(doc.orders), "order")),
    ]
    header = Table([[header_left, header_right]], colWidths=[width - 80 * mm, 80 * mm])
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story += [header, Spacer(1, 5 * mm)]

    column_widths = [9 * mm, 22 * mm, 66 * mm, None, 13 * mm, 30 * mm]
    fixed = sum(w for w in column_widths if w is not None)
    column_widths[3] = width - fixed
    sku_cell_width = column_widths[2] - 2 * 3  # minus cell padding
    rows = [[para("✓", styles.bold), para("Location", styles.bold), para("SKU / barcode", styles.bold),
             para("Product", styles.bold), para("Qty", styles.right_bold), para("Per order", styles.bold)]]
    for line in doc.lines:
        code = line.barcode or line.sku
        caption = (rich("<b>{sku}</b>", styles.small, sku=line.sku) if code == line.sku
                   else rich("<b>{sku}</b> · {code}", styles.small, sku=line.sku, code=code))
        sku_cell = barcode_or_text(code, sku_cell_width, styles.small, bar_height=12.5 * mm, caption=caption)
        per_order = "\n".join(f"{label}: {format_quantity(quantity)}" for label, quantity in line.per_order)
        rows.append([CheckBox(), para(line.location, styles.bold), sku_cell, para(line.name, styles.body),
                     para(format_quantity(line.quantity), styles.big_right), para(per_order, styles.small)])
    lines_table = Table(rows, colWidths=column_widths, repeatRows=1)
    lines_table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOR),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f6f6")]),
    ]))
    story.append(lines_table)

    if doc.orders:
        order_widths = [14 * mm, 24 * mm, None, 12 * mm, 92 * mm]
        order_widths[2] = width - sum(w for w in order_widths if w is not None)
        order_rows = [[para("Tote", styles.bold), para("Order", styles.bold), para("Customer", styles.bold),
                       para("Lines", styles.right_bold), para("Tracking number", styles.bold)]]
        for order in doc.orders:
            order_rows.append([
                para(order.tote, styles.bold), para(order.order_number, styles.body),
                [para(order.customer_name, styles.body)] + ([para(order.destination, styles.small)]
                                                            if order.destination else []),
                para(str(order.line_count), styles.right),
                barcode_or_text(order.tracking_number, order_widths[4] - 6, styles.small, bar_height=12.5 * mm),
            ])
        orders_table = Table(order_rows, colWidths=order_widths, repeatRows=1)
        orders_table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOR),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]))
        # CondPageBreak rather than keepWithNext: the latter would push the whole (page-long) table to a new page.
        story += [Spacer(1, 6 * mm), CondPageBreak(45 * mm), para(f"Orders ({len(doc.orders)})", styles.heading),
                  orders_table]

    return build_pdf(story, pagesize=A4, margin=MARGIN, title=f"Pick list {doc.number}",
                     footer_text=f"Pick list {doc.number} · {format_date(doc.created_at)}", author=doc.created_by,
                     created=doc.created_at)
