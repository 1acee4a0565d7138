"""The mail catalog (A4): a cover line, one section per category (SKU, product, price, availability, EAN barcode)
under a running header, and an order form page last.

EAN barcodes are drawn with 1.8 pt modules (about 72 mm wide with their quiet zones): exactly 2 px at 80 dpi, so
zbar reads a page rasterised at 80 dpi or more. Measured on the demo catalog's 290 EANs at 80 dpi: 1.5 pt read 274,
1.62 pt only 13 (modules straddling pixels), 1.7 and 1.8 pt all of them; 1.8 is the one that stays on the grid.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.eanbc import Ean8BarcodeWidget, Ean13BarcodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, KeepTogether, PageBreak,
                                PageTemplate, Spacer, Table, TableStyle)

from oms_desktop.domain.catalog_print import SOLD_OUT
from oms_desktop.services.documents import CatalogDoc

from .common import (GRID_COLOR, HEADER_FILL, DateFormatter, MoneyFormatter, draw_text_runs, fit_column,
                     dated, format_rate, make_styles, numbered_canvas_class, para, rich)
from .fonts import font_runs, font_set

MARGIN = 14 * mm
HEADER_SPACE = 7 * mm  # between the running header's line and the body
EAN_MODULE = 1.8  # points per bar module (see the module docstring)
EAN_HEIGHT = 8 * mm
ORDER_LINES = 12
# Canvas attributes for the running header: NumberedCanvas keeps each page's copy of them until it draws the header.
SECTION_ATTR = "_oms_catalog_sections"  # every category started so far
PAGE_START_ATTR = "_oms_catalog_sections_at_page_start"
CONTENT_ATTR = "_oms_catalog_page_has_content"  # something other than a section start is on the page already
FRESH_ATTR = "_oms_catalog_page_starts_a_section"  # a category starts at the very top of the page


class SectionMark(Flowable):
    """Invisible: notes on the canvas that a category starts here, for the running header."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        canv = self.canv
        if not getattr(canv, CONTENT_ATTR, False):
            setattr(canv, FRESH_ATTR, True)
        setattr(canv, SECTION_ATTR, getattr(canv, SECTION_ATTR, ()) + (self.name,))


class CatalogTemplate(BaseDocTemplate):
    """Notes on the canvas when a page has something on it (a section starting at its top has no running part)."""

    def afterFlowable(self, flowable):  # noqa: N802 - ReportLab's name
        if not isinstance(flowable, (SectionMark, ActionFlowable, CondPageBreak, Spacer)):
            setattr(self.canv, CONTENT_ATTR, True)


class EanFlowable(Flowable):
    """An EAN-13 or EAN-8 symbol with its digits below, quiet zones included."""

    def __init__(self, code: str):
        super().__init__()
        widget_class = Ean13BarcodeWidget if len(code) == 13 else Ean8BarcodeWidget
        self.widget = widget_class(code, barWidth=EAN_MODULE, barHeight=EAN_HEIGHT, fontSize=7,
                                   fontName=font_set().mono, humanReadable=True)
        x0, y0, x1, y1 = self.widget.getBounds()
        self.drawing = Drawing(x1 - x0, y1 - y0)
        self.drawing.add(self.widget)
        self.width, self.height = x1 - x0, y1 - y0

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        renderPDF.draw(self.drawing, self.canv, 0, 0)


def ean_width() -> float:
    return EanFlowable("4006381333931").width


def _sections_on_page(canv: pdfcanvas.Canvas) -> tuple[str, ...]:
    """The categories a page shows: the one running on from the page before, then those starting on it."""
    at_start: tuple[str, ...] = getattr(canv, PAGE_START_ATTR, ())
    at_end: tuple[str, ...] = getattr(canv, SECTION_ATTR, ())
    new = at_end[len(at_start):]
    running = at_start[-1:] if at_start and not getattr(canv, FRESH_ATTR, False) else ()
    return running + new


def render_catalog(doc: CatalogDoc, format_money: MoneyFormatter, format_date: DateFormatter) -> bytes:
    styles = make_styles(9)
    small_right = ParagraphStyle("small_right", parent=styles.small, alignment=TA_RIGHT)
    muted = ParagraphStyle("muted", parent=styles.body, textColor=colors.HexColor("#666666"))
    width = A4[0] - 2 * MARGIN
    money = lambda amount: format_money(amount, doc.currency, doc.locale)  # noqa: E731 - reads better inline
    company = doc.company
    as_of = format_date(doc.printed_on)
    story: list = []

    # ---- cover line ----------------------------------------------------------------------------------------------
    contact = [*company.address_lines] + [f"Phone {company.phone}"] * bool(company.phone) \
        + [f"E-mail {company.email}"] * bool(company.email)
    story += [para(company.name, styles.title), Spacer(1, 1 * mm), para(" · ".join(contact), styles.body),
              Spacer(1, 4 * mm),
              rich("<b>Catalog</b> · prices and availability as of {d}", styles.heading, d=as_of)]
    rates = [format_rate(r) for r in doc.tax_rates]
    tax_note = (f"Prices include {rates[0]} VAT." if len(rates) == 1 else
                f"Prices include VAT: {', '.join(rates[:-1])} or {rates[-1]}, as shown under each price.")
    story += [para(tax_note, styles.body),
              para("Availability is what we have free to send on the date above: \"in stock\", \"only N left\" "
                   "when few remain, \"sold out\". Order on the form on the last page.", styles.small),
              Spacer(1, 2 * mm),
              para("Sections: " + " · ".join(f"{s.category} ({len(s.items)})" for s in doc.sections),
                   styles.small), Spacer(1, 4 * mm)]

    # ---- one section per category --------------------------------------------------------------------------------
    has_ean = any(item.ean for s in doc.sections for item in s.items)
    prices = [money(item.unit_price) for s in doc.sections for item in s.items]
    skus = [item.sku for s in doc.sections for item in s.items]
    col_widths: list[Any] = [fit_column(18 * mm, skus, styles.mono, padding=6), None,
                             fit_column(22 * mm, prices, styles.right_bold, padding=6), 23 * mm] \
        + ([ean_width() + 6] if has_ean else [])
    col_widths[1] = width - sum(w for w in col_widths if w is not None)
    heading = ["SKU", "Product", "Price", "Availability"] + (["EAN"] if has_ean else [])
    for section in doc.sections:
        rows: list[list[Any]] = [[para(h, styles.right_bold if h == "Price" else styles.bold) for h in heading]]
        for item in section.items:
            product = [para(item.name, styles.bold)] + ([para(item.description, styles.small)]
                                                        if item.description else [])
            price = [para(money(item.unit_price), styles.right_bold),
                     para(f"incl. {format_rate(item.tax_rate)} VAT", small_right)]
            word_style = muted if item.availability == SOLD_OUT else (
                styles.body if item.availability.startswith("in ") else styles.bold)
            row = [para(item.sku, styles.mono), product, price, para(item.availability, word_style)]
            if has_ean:
                row.append(EanFlowable(item.ean) if item.ean else "")
            rows.append(row)
        table = Table(rows, colWidths=col_widths, repeatRows=1)
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID_COLOR),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 1), (-1, -1), 3), ("BOTTOMPADDING", (0, 1), (-1, -1), 3),
        ]))
        # A heading never ends a page alone: it starts a page unless its first rows fit below it.
        story += [CondPageBreak(45 * mm), SectionMark(section.category),
                  para(f"{section.category}", styles.heading), table, Spacer(1, 5 * mm)]

    # ---- order form ----------------------------------------------------------------------------------------------
    story += [PageBreak(), SectionMark("Order form"), *order_form(doc, styles, width, money)]

    footer_text = f"{company.name} · catalog · prices and availability as of {as_of}"
    buffer = io.BytesIO()
    document = CatalogTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                               topMargin=MARGIN + HEADER_SPACE, bottomMargin=MARGIN,
                               title=f"{company.name} catalog {as_of}", author=company.name, creator="OMS Desktop",
                               invariant=1)
    frame = Frame(MARGIN, MARGIN, width, A4[1] - 2 * MARGIN - HEADER_SPACE, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="body")
    document.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_page_started)])
    document.build(story, canvasmaker=dated(numbered_canvas_class(_header_and_footer(company.name, footer_text)),
                                           doc.printed_on))
    return buffer.getvalue()


def _page_started(canv: pdfcanvas.Canvas, _doc) -> None:
    setattr(canv, PAGE_START_ATTR, getattr(canv, SECTION_ATTR, ()))
    setattr(canv, CONTENT_ATTR, False)
    setattr(canv, FRESH_ATTR, False)


def _header_and_footer(company_name: str, footer_text: str) -> Callable[[pdfcanvas.Canvas, int, int], None]:
    fs = font_set()

    def draw(canv: pdfcanvas.Canvas, number: int, total: int) -> None:
        page_width, page_height = canv._pagesize
        canv.saveState()
        canv.setFillColor(colors.HexColor("#555555"))
        if number > 1:  # page 1 has the cover line instead
            y = page_height - MARGIN
            draw_text_runs(canv, MARGIN, y, company_name, fs.sans_bold, 8)
            sections = " · ".join(_sections_on_page(canv))
            canv.setFont(fs.sans, 8)
            right = _runs_width(sections, fs.sans, 8)
            draw_text_runs(canv, page_width - MARGIN - right, y, sections, fs.sans, 8)
            canv.setStrokeColor(GRID_COLOR)
            canv.setLineWidth(0.5)
            canv.line(MARGIN, y - 2 * mm, page_width - MARGIN, y - 2 * mm)
        draw_text_runs(canv, MARGIN, MARGIN * 0.5, footer_text, fs.sans, 7.5)
        canv.setFont(fs.sans, 7.5)
        canv.drawRightString(page_width - MARGIN, MARGIN * 0.5, f"page {number} of {total}")
        canv.restoreState()

    return draw


def _runs_width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(run, f, size) for f, run in font_runs(text, font))


def order_form(doc: CatalogDoc, styles, width: float, money: Callable) -> list:
    """The last page: who orders (boxes to fill in), what (empty lines), where to send it, payment and returns."""
    company = doc.company
    out: list = [para("Order form", styles.title), Spacer(1, 2 * mm),
                 para("Fill in, then send or fax this page to the address below, or phone us with it at hand. "
                      "Prices as in this catalog; we confirm availability when your order arrives.", styles.body),
                 Spacer(1, 5 * mm), para("Your details", styles.heading)]
    box = 7 * mm
    label_width = 42 * mm
    customer_rows = [("Customer number", box), ("Name", box), ("Address", 3 * box), ("Phone", box),
                     ("E-mail", box)]
    customer = Table([[para(label, styles.bold), ""] for label, _h in customer_rows],
                     colWidths=[label_width, width - label_width], rowHeights=[h for _l, h in customer_rows])
    customer.setStyle(TableStyle([
        ("BOX", (1, 0), (1, -1), 0.8, colors.black), ("INNERGRID", (1, 0), (1, -1), 0.5, GRID_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]))
    out += [customer, Spacer(1, 5 * mm), para("Your order", styles.heading)]

    widths: list[Any] = [30 * mm, 18 * mm, None, 30 * mm, 30 * mm]
    widths[2] = width - sum(w for w in widths if w is not None)
    header = [para("SKU", styles.bold), para("Quantity", styles.right_bold), para("Name", styles.bold),
              para("Unit price", styles.right_bold), para("Total", styles.right_bold)]
    empty = [["", "", "", "", ""] for _ in range(ORDER_LINES)]
    sums = [["", "", "", para(label, styles.right_bold if label == "Total" else styles.right), ""]
            for label in ("Goods", "Shipping", "Total")]
    lines = Table([header, *empty, *sums], colWidths=widths,
                  rowHeights=[None] + [box] * (ORDER_LINES + len(sums)), repeatRows=1)
    first_sum = 1 + ORDER_LINES
    lines.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("GRID", (0, 0), (-1, first_sum - 1), 0.5, GRID_COLOR),
        ("BOX", (-1, first_sum), (-1, -1), 0.8, colors.black),
        ("INNERGRID", (-1, first_sum), (-1, -1), 0.5, GRID_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    out += [lines, Spacer(1, 5 * mm)]

    send_to = [para("Send your order to", styles.heading), para(company.name, styles.bold),
               *[para(line, styles.body) for line in company.address_lines]]
    if company.phone:
        send_to.append(rich("<b>Phone</b> {v}", styles.body, v=company.phone))
    if company.email:
        send_to.append(rich("<b>E-mail</b> {v}", styles.body, v=company.email))
    notes: list = []
    if doc.payment_note:
        notes += [para("Payment", styles.heading), para(doc.payment_note, styles.body)]
    if doc.return_note:
        notes += [para("Returns", styles.heading), para(doc.return_note, styles.body)]
    notes += [Spacer(1, 8 * mm), para("Date and signature: ______________________________", styles.body)]
    bottom = Table([[send_to, notes]], colWidths=[width * 0.42, width * 0.58])
    bottom.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 6)]))
    out.append(KeepTogether([bottom]))
    return out
