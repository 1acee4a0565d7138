"""Purchase order (A4) to a supplier: lines with unit cost and amount, total, expected delivery date."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from oms_desktop.services.documents import PurchaseOrderDoc

from .common import (GRID_COLOR, HEADER_FILL, DateFormatter, MoneyFormatter, build_pdf, fit_column,
                     format_quantity, make_styles, para, rich)

MARGIN = 16 * mm


def render_purchase_order(doc: PurchaseOrderDoc, format_money: MoneyFormatter, format_date: DateFormatter) -> bytes:
    styles = make_styles(9)
    width = A4[0] - 2 * MARGIN
    money = lambda amount: format_money(amount, doc.currency, doc.locale)  # noqa: E731
    company = doc.company

    buyer = [para(company.name, styles.title), *[para(line, styles.body) for line in company.address_lines]]
    if company.vat_id:
        buyer.append(rich("VAT ID {v}", styles.small, v=company.vat_id))
    meta = [para("Purchase order", styles.title_right), rich("<b>No.</b> {n}", styles.right, n=doc.number)]
    if doc.order_date is not None:
        meta.append(rich("<b>Date</b> {d}", styles.right, d=format_date(doc.order_date)))
    if doc.expected_date is not None:
        meta.append(rich("<b>Expected delivery</b> {d}", styles.right, d=format_date(doc.expected_date)))
    header = Table([[buyer, meta]], colWidths=[width * 0.55, width * 0.45])
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    supplier = [para("Supplier", styles.small), para(doc.supplier.name, styles.bold),
                *[para(line, styles.body) for line in doc.supplier.lines]]

    # Amount columns grow (the product name gives way) when an amount in the company's format would not fit;
    # 12 pt is ReportLab's default cell padding (6 left, 6 right).
    amount_width = fit_column(30 * mm, [money(line.amount) for line in doc.lines], styles.right, padding=12)
    col_widths = [30 * mm, None, 16 * mm,
                  fit_column(28 * mm, [money(line.unit_cost) for line in doc.lines], styles.right, padding=12),
                  amount_width]
    col_widths[1] = width - sum(w for w in col_widths if w is not None)
    rows = [[para("SKU", styles.bold), para("Product", styles.bold), para("Qty", styles.right_bold),
             para("Unit cost", styles.right_bold), para("Amount", styles.right_bold)]]
    rows += [[para(line.sku, styles.small), para(line.name, styles.body),
              para(format_quantity(line.quantity), styles.right), para(money(line.unit_cost), styles.right),
              para(money(line.amount), styles.right)] for line in doc.lines]
    lines_table = Table(rows, colWidths=col_widths, repeatRows=1)
    lines_table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                                     ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID_COLOR),
                                     ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    total = Table([[para("Total", styles.bold), para(money(doc.total), styles.right_bold)]],
                  colWidths=[30 * mm, max(amount_width + 4 * mm,
                                           fit_column(34 * mm, [money(doc.total)], styles.right_bold, padding=6))],
                  hAlign="RIGHT")
    # Default right padding, as in the lines table, so the total lines up under the amounts.
    total.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))

    story = [header, Spacer(1, 8 * mm), *supplier, Spacer(1, 6 * mm), lines_table, Spacer(1, 3 * mm), total]
    if doc.notes:
        story += [Spacer(1, 6 * mm), KeepTogether([para("Notes", styles.bold), para(doc.notes, styles.body)])]
    return build_pdf(story, pagesize=A4, margin=MARGIN, title=f"Purchase order {doc.number}",
                     footer_text=f"{company.name} · Purchase order {doc.number}", author=company.name,
                     created=doc.order_date)
