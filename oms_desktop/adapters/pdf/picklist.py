"""Pick list: lines in walking order with SKU barcodes and check boxes, then orders with tracking barcodes for totes.

Every barcode has modules of 2 pt (``SCAN_BAR_WIDTHS``) so a handheld scanner reads it at arm's length and zbar
from an 80 dpi render; that is too wide for a table column, so each barcode gets the row under its line, spanning
the columns beside the check box, quantity and per-order counts (a line and its barcode never split across pages).
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from oms_desktop.services.documents import PickListDoc

from .common import (GRID_COLOR, HEADER_FILL, SCAN_BAR_WIDTHS, DateFormatter, barcode_or_text, build_pdf,
                     format_quantity, make_styles, para, rich)
from oms_desktop.domain.wording import counted

MARGIN = 14 * mm
BAR_ROW_HEIGHT = 10 * mm
ROW_FILLS = (colors.white, colors.HexColor("#f6f6f6"))


class CheckBox(Flowable):
    """An empty square the picker ticks with a pen."""

    def __init__(self, size: float = 5 * mm):
        super().__init__()
        self.width = self.height = size

    def draw(self):
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.width, self.height)


def _pair_style(top: int, *, spanned: tuple[int, ...], bar_from: int, bar_to: int, fill) -> list:
    """A line's two rows (its text, then its barcode under the columns ``bar_from``..``bar_to``): the ``spanned``
    columns cover both rows, one fill, never split across a page."""
    return [*(("SPAN", (c, top), (c, top + 1)) for c in spanned), ("SPAN", (bar_from, top + 1), (bar_to, top + 1)),
            ("BACKGROUND", (0, top), (-1, top + 1), fill), ("NOSPLIT", (0, top), (-1, top + 1)),
            ("ALIGN", (bar_from, top + 1), (bar_to, top + 1), "LEFT")]


PIECE_PAIRS = 20  # item pairs (a row of text and a row of barcode) per table (about a page)


def _in_pieces(rows: list, pair_style: list, widths: list, extra_style: list) -> list:
    """The header row and its pairs of rows as tables of PIECE_PAIRS pairs, one under the other, each repeating
    the header on a new page: a table of several hundred pairs with a SPAN in each was measured again at every page
    break (ReportLab re-computes a table's spans and heights for what is left), 1.8 s for a 200-order pick list;
    pieces keep that work to a piece. ``pair_style`` holds commands for ``rows``' own row numbers."""
    header, body = rows[0], rows[1:]
    pieces = []
    for start in range(0, len(body), 2 * PIECE_PAIRS):
        part = body[start:start + 2 * PIECE_PAIRS]
        style = []
        for command in pair_style:          # commands address rows 1..n of the whole table; shift them to the piece
            name, (c0, r0), (c1, r1), *args = command
            if start < r0 <= start + len(part):
                style.append((name, (c0, r0 - start), (c1, r1 - start), *args))
        table = Table([header, *part], colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOR),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            *extra_style, *style]))
        pieces.append(table)
    return pieces


def render_pick_list(doc: PickListDoc, format_date: DateFormatter) -> bytes:
    styles = make_styles(9)
    width = A4[0] - 2 * MARGIN
    story: list = []

    header_right = barcode_or_text(doc.number, width - 62 * mm, styles.right, bar_widths=SCAN_BAR_WIDTHS)
    header_left = [
        para("Pick list", styles.title),
        Spacer(1, 2 * mm),
        rich("<b>No.</b> {number}", styles.body, number=doc.number),
        rich("<b>Created</b> {at} by {who}", styles.body, at=format_date(doc.created_at), who=doc.created_by),
        rich("{lines} · {units} · {orders}", styles.body, lines=counted(len(doc.lines), "line"),
             units=counted(sum(line.quantity for line in doc.lines), "unit"), orders=counted(len(doc.orders), "order")),
    ]
    header = Table([[header_left, header_right]], colWidths=[60 * mm, width - 60 * mm])
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story += [header, Spacer(1, 5 * mm)]

    column_widths = [9 * mm, 22 * mm, 66 * mm, None, 13 * mm, 30 * mm]
    fixed = sum(w for w in column_widths if w is not None)
    column_widths[3] = width - fixed
    bar_width = sum(column_widths[1:4]) - 2 * 3  # location to product, minus cell padding
    rows = [[para("✓", styles.bold), para("Location", styles.bold), para("SKU / barcode", styles.bold),
             para("Product", styles.bold), para("Qty", styles.right_bold), para("Per order", styles.bold)]]
    line_style: list = []
    for n, line in enumerate(doc.lines):
        code = line.barcode or line.sku
        caption = (rich("<b>{sku}</b>", styles.small, sku=line.sku) if code == line.sku
                   else rich("<b>{sku}</b> · {code}", styles.small, sku=line.sku, code=code))
        per_order = "\n".join(f"{label}: {format_quantity(quantity)}" for label, quantity in line.per_order)
        top = len(rows)
        rows.append([CheckBox(), para(line.location, styles.bold), caption, para(line.name, styles.body),
                     para(format_quantity(line.quantity), styles.big_right), para(per_order, styles.small)])
        rows.append(["", barcode_or_text(code, bar_width, None, bar_height=BAR_ROW_HEIGHT,
                                         bar_widths=SCAN_BAR_WIDTHS), "", "", "", ""])
        line_style += _pair_style(top, spanned=(0, 4, 5), bar_from=1, bar_to=3, fill=ROW_FILLS[n % 2])
    story += _in_pieces(rows, line_style, column_widths, [("VALIGN", (0, 0), (-1, 0), "BOTTOM")])

    if doc.orders:
        order_widths = [14 * mm, 24 * mm, None, 12 * mm, 44 * mm]
        order_widths[2] = width - sum(w for w in order_widths if w is not None)
        order_rows = [[para("Tote", styles.bold), para("Order", styles.bold), para("Customer", styles.bold),
                       para("Lines", styles.right_bold), para("Tracking number", styles.bold)]]
        order_style: list = []
        tracking_width = sum(order_widths[1:]) - 2 * 3
        for n, order in enumerate(doc.orders):
            top = len(order_rows)
            order_rows.append([
                para(order.tote, styles.bold), para(order.order_number, styles.body),
                [para(order.customer_name, styles.body)] + ([para(order.destination, styles.small)]
                                                            if order.destination else []),
                para(str(order.line_count), styles.right), para(order.tracking_number, styles.bold),
            ])
            order_rows.append(["", barcode_or_text(order.tracking_number, tracking_width, None,
                                                   bar_height=BAR_ROW_HEIGHT, bar_widths=SCAN_BAR_WIDTHS),
                               "", "", ""])
            order_style += _pair_style(top, spanned=(0,), bar_from=1, bar_to=4, fill=ROW_FILLS[n % 2])
        # CondPageBreak rather than keepWithNext: the latter would push the whole (page-long) table to a new page.
        story += [Spacer(1, 6 * mm), CondPageBreak(45 * mm), para(f"Orders ({len(doc.orders)})", styles.heading),
                  *_in_pieces(order_rows, order_style, order_widths, [])]

    return build_pdf(story, pagesize=A4, margin=MARGIN, title=f"Pick list {doc.number}",
                     footer_text=f"Pick list {doc.number} · {format_date(doc.created_at)}", author=doc.created_by,
                     created=doc.created_at)
