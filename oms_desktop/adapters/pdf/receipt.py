"""Till receipt on an 80 mm roll: one page as tall as its content, monospace columns, a QR of the tracking number.

Worded in the receipt's language (``wording.py``: the customer's, else the company's), its date and amounts in that
language's format."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import HRFlowable, Spacer, Table, TableStyle

from oms_desktop.services.documents import ReceiptDoc

from .common import (DateFormatter, MoneyFormatter, build_pdf, fit_column,
                     make_styles, para, QrFlowable)
from .wording import document_locale, locale_date, locale_number, locale_rate, wording

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


def render_receipt(doc: ReceiptDoc, format_money: MoneyFormatter, format_date: DateFormatter | None) -> bytes:
    """``format_date`` None: the date in the receipt's locale (``wording.locale_date``)."""
    styles = make_styles(9)
    width = ROLL_WIDTH - 2 * MARGIN
    words = wording(doc.language, doc.locale)
    where = document_locale(doc.language, doc.locale)
    money = lambda amount: format_money(amount, doc.currency, where)  # noqa: E731
    printed = format_date(doc.printed_at) if format_date is not None else locale_date(doc.printed_at, where)
    company = doc.company

    story: list = [para(company.name, styles.mono_center_bold)]
    story += [para(line, styles.mono_center) for line in company.address_lines]
    if company.vat_id:
        story.append(para(f"{words.vat_id} {company.vat_id}", styles.mono_center))
    story.append(_rule())
    header_rows = [(words.receipt, doc.number), (words.date, printed)]
    if doc.order_number:
        header_rows.append((words.order, doc.order_number))
    if doc.cashier:
        header_rows.append((words.cashier, doc.cashier))
    story += [_columns(header_rows, styles, width), _rule()]

    for line in doc.lines:
        story.append(para(line.name, styles.mono))
        # No-break spaces: Paragraph drops leading ordinary spaces, and the indent ties the row to its name.
        quantity_text = f"\u00a0\u00a0{locale_number(line.quantity, where)} x {money(line.unit_price)}"
        story.append(_columns([(quantity_text, money(line.amount))], styles, width))
    if doc.adjustments:  # allowances and charges on the whole order, below the lines they were taken off
        story.append(_columns([(adj.label, money(adj.amount)) for adj in doc.adjustments], styles, width))
    story.append(_rule())

    total_rows = [(words.net, money(doc.net))]
    total_rows += [(words.receipt_tax.format(rate=locale_rate(row.rate, where)), money(row.tax))
                   for row in doc.tax_breakdown]
    total_rows.append((words.receipt_total, money(doc.total)))
    story.append(_columns(total_rows, styles, width, bold_rows=(len(total_rows) - 1,)))

    if doc.payments or doc.change:
        story.append(_rule())
        payment_rows = [(words.method(payment.method_code, payment.refund, payment.method)
                         + (f" {payment.reference}" if payment.reference else ""),
                         money(payment.amount)) for payment in doc.payments]
        payment_rows.append((words.change, money(doc.change)))
        story.append(_columns(payment_rows, styles, width))

    if doc.tracking_number:
        qr = QrFlowable(doc.tracking_number, QR_SIZE)
        qr.hAlign = "CENTER"
        story += [_rule(), qr, para(words.receipt_tracking.format(number=doc.tracking_number), styles.mono_center)]
    story += [Spacer(1, 2 * mm), para(words.thank_you, styles.mono_center)]

    height = _content_height(story, width) + 2 * MARGIN + 2 * mm  # slack for rounding: never spill onto page 2
    return build_pdf(story, pagesize=(ROLL_WIDTH, height), margin=MARGIN, title=f"{words.receipt} {doc.number}",
                     footer_text=None, author=company.name,
                     created=doc.printed_at)


def _content_height(flowables, width: float) -> float:
    total = 0.0
    for flowable in flowables:
        _, height = flowable.wrap(width, 10_000)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total
