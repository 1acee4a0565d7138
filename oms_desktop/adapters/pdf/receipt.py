"""Till receipt on an 80 mm roll: one page as tall as its content, monospace columns, a QR of the tracking number."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import HRFlowable, Spacer, Table, TableStyle

from oms_desktop.services.documents import ReceiptDoc

from .common import (DateFormatter, MoneyFormatter, build_pdf, fit_column, format_quantity, format_rate,
                     make_styles, para, QrFlowable)

ROLL_WIDTH = 80 * mm
MARGIN = 4 * mm  # thermal printers cannot print the outer ~4 mm of an 80 mm roll
QR_SIZE = 24 * mm


def _columns(rows, styles, width, bold_rows=()) -> Table:
    cells = [[para(left, styles.mono_bold if i in bold_rows else styles.mono),
              para(right, styles.mono_bold_right if i in bold_rows else styles.mono_right)]
             for i, (left, right) in enumerate(rows)]
    # The right column (amounts, which never wrap) grows into the left one, whose labels wrap, when it must.
    right = min(fit_column(width * 0.42, [text for _, text in rows], styles.mono_bold_right), width * 0.75)
    table = Table(cells, colWidths=[width - right, right])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)]))
    return table


def _rule() -> HRFlowable:
    return HRFlowable(width="100%", thickness=0.6, color=colors.black, dash=(2, 2), spaceBefore=2 * mm,
                      spaceAfter=2 * mm)


def render_receipt(doc: ReceiptDoc, format_money: MoneyFormatter, format_date: DateFormatter) -> bytes:
    styles = make_styles(9)
    width = ROLL_WIDTH - 2 * MARGIN
    money = lambda amount: format_money(amount, doc.currency, doc.locale)  # noqa: E731
    company = doc.company

    story: list = [para(company.name, styles.mono_center_bold)]
    story += [para(line, styles.mono_center) for line in company.address_lines]
    if company.vat_id:
        story.append(para(f"VAT ID {company.vat_id}", styles.mono_center))
    story.append(_rule())
    header_rows = [("Receipt", doc.number), ("Date", format_date(doc.printed_at))]
    if doc.order_number:
        header_rows.append(("Order", doc.order_number))
    if doc.cashier:
        header_rows.append(("Cashier", doc.cashier))
    story += [_columns(header_rows, styles, width), _rule()]

    for line in doc.lines:
        story.append(para(line.name, styles.mono))
        # No-break spaces: Paragraph drops leading ordinary spaces, and the indent ties the row to its name.
        quantity_text = f"\u00a0\u00a0{format_quantity(line.quantity)} x {money(line.unit_price)}"
        story.append(_columns([(quantity_text, money(line.amount))], styles, width))
    if doc.adjustments:  # allowances and charges on the whole order, below the lines they were taken off
        story.append(_columns([(adj.label, money(adj.amount)) for adj in doc.adjustments], styles, width))
    story.append(_rule())

    total_rows = [("Net", money(doc.net))]
    total_rows += [(f"Tax {format_rate(row.rate)}", money(row.tax)) for row in doc.tax_breakdown]
    total_rows.append(("TOTAL", money(doc.total)))
    story.append(_columns(total_rows, styles, width, bold_rows=(len(total_rows) - 1,)))

    if doc.payments or doc.change:
        story.append(_rule())
        payment_rows = [(payment.method + (f" {payment.reference}" if payment.reference else ""),
                         money(payment.amount)) for payment in doc.payments]
        payment_rows.append(("Change", money(doc.change)))
        story.append(_columns(payment_rows, styles, width))

    if doc.tracking_number:
        qr = QrFlowable(doc.tracking_number, QR_SIZE)
        qr.hAlign = "CENTER"
        story += [_rule(), qr, para(f"Tracking {doc.tracking_number}", styles.mono_center)]
    story += [Spacer(1, 2 * mm), para("Thank you!", styles.mono_center)]

    height = _content_height(story, width) + 2 * MARGIN + 2 * mm  # slack for rounding: never spill onto page 2
    return build_pdf(story, pagesize=(ROLL_WIDTH, height), margin=MARGIN, title=f"Receipt {doc.number}",
                     footer_text=None, author=company.name,
                     created=doc.printed_at)


def _content_height(flowables, width: float) -> float:
    total = 0.0
    for flowable in flowables:
        _, height = flowable.wrap(width, 10_000)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total
