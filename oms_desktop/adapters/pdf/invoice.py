"""Invoice and credit note (A4 or Letter) with a QR code carrying the document number and total.

QR payload: ``INV:<number>;AMT:<total> <currency>`` for invoices and ``CRN:<number>;AMT:<total> <currency>`` for
credit notes (a different prefix so a scanner never books a credit note as a bill to pay). ``<total>`` is the plain
amount with exactly the currency's decimals, ``.`` as decimal point and no grouping, e.g. ``INV:INV-2024-17;AMT:1234.50
EUR``. Document numbers and currency codes never contain ``;``.
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from oms_desktop.services.documents import InvoiceDoc

from .common import (GRID_COLOR, HEADER_FILL, PAGE_SIZES, DateFormatter, MoneyFormatter, build_pdf, fit_column,
                     format_quantity, format_rate, make_styles, para, plain_amount, QrFlowable, rich)

MARGIN = 16 * mm
QR_SIZE = 30 * mm


def qr_payload(doc: InvoiceDoc) -> str:
    prefix = "INV" if doc.kind == "invoice" else "CRN"
    return f"{prefix}:{doc.number};AMT:{plain_amount(doc.total, doc.currency)} {doc.currency}"


def _plain_table(rows, col_widths, extra=()) -> Table:
    table = Table(rows, colWidths=col_widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1), *extra]))
    return table


def render_invoice(doc: InvoiceDoc, format_money: MoneyFormatter, format_date: DateFormatter,
                   page_size: str = "A4") -> bytes:
    try:
        pagesize = PAGE_SIZES[page_size.upper()]
    except KeyError:
        raise ValueError(f"page_size must be one of A4, Letter (got {page_size!r})") from None
    styles = make_styles(9)
    width = pagesize[0] - 2 * MARGIN
    money = lambda amount: format_money(amount, doc.currency, doc.locale)  # noqa: E731 - reads better inline below
    is_credit = doc.kind == "credit_note"
    title = "Credit note" if is_credit else "Invoice"
    company = doc.company

    company_block = [para(company.name, styles.title), Spacer(1, 1 * mm)]
    company_block += [para(line, styles.body) for line in company.address_lines]
    for label, value in (("VAT ID", company.vat_id), ("Email", company.email), ("Phone", company.phone)):
        if value:
            company_block.append(rich(label + " {v}", styles.small, v=value))

    meta_rows = [("Number", doc.number), ("Date", format_date(doc.issue_date))]
    if doc.due_date is not None:
        meta_rows.append(("Due date", format_date(doc.due_date)))
    if doc.order_number:
        meta_rows.append(("Order", doc.order_number))
    if doc.tracking_number:
        meta_rows.append(("Tracking", doc.tracking_number))
    meta_table = _plain_table([[para(label, styles.bold), para(value, styles.right)] for label, value in meta_rows],
                              [25 * mm, 47 * mm])
    meta_block = [para(title, styles.title_right), Spacer(1, 3 * mm), meta_table]
    header = _plain_table([[company_block, meta_block]], [width - 75 * mm, 75 * mm],
                          [("ALIGN", (1, 0), (1, 0), "RIGHT")])

    def address_block(heading: str, address) -> list:
        return [para(heading, styles.small), para(address.name, styles.bold),
                *[para(line, styles.body) for line in address.lines]]

    ship_block = (address_block("Ship to", doc.ship_to) if doc.ship_to is not None
                  else [para("Ship to", styles.small), para("Same as billing address", styles.body)])
    addresses = _plain_table([[address_block("Bill to", doc.bill_to), ship_block]], [width / 2, width / 2])

    story = [header, Spacer(1, 8 * mm), addresses, Spacer(1, 6 * mm)]
    if is_credit and doc.references_invoice:
        story += [rich("<b>Credit note for invoice {n}</b>", styles.heading, n=doc.references_invoice),
                  Spacer(1, 2 * mm)]

    # Amount columns grow (the description gives way) when an amount in the company's format would not fit.
    col_widths = [26 * mm, None, 14 * mm,
                  fit_column(26 * mm, [money(line.unit_price) for line in doc.lines], styles.right, padding=6),
                  15 * mm, fit_column(28 * mm, [money(amount) for amount in [line.net for line in doc.lines]
                                                + [adj.amount for adj in doc.adjustments]], styles.right, padding=6)]
    col_widths[1] = width - sum(w for w in col_widths if w is not None)
    rows = [[para("SKU", styles.bold), para("Description", styles.bold), para("Qty", styles.right_bold),
             para("Unit price", styles.right_bold), para("Tax", styles.right_bold), para("Net", styles.right_bold)]]
    for line in doc.lines:
        rows.append([para(line.sku, styles.small), para(line.name, styles.body),
                     para(format_quantity(line.quantity), styles.right), para(money(line.unit_price), styles.right),
                     para(format_rate(line.tax_rate), styles.right), para(money(line.net), styles.right)])
    # Allowances and charges on the whole document: below the lines, their label in the description column (across
    # quantity and unit price), the rate (blank when one label has parts at several rates; the tax summary keeps
    # those apart) and the net amount, so the Net column adds up to the net total.
    first_adjustment = len(rows)
    for adj in doc.adjustments:
        rows.append(["", para(adj.label, styles.body), "", "",
                     para(format_rate(adj.tax_rate) if adj.tax_rate is not None else "", styles.right),
                     para(money(adj.amount), styles.right)])
    lines_table = Table(rows, colWidths=col_widths, repeatRows=1)
    lines_table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        *[("SPAN", (1, row), (3, row)) for row in range(first_adjustment, len(rows))],
    ]))
    story += [lines_table, Spacer(1, 4 * mm)]

    tax_rows = [[para("Tax rate", styles.bold), para("Net", styles.right_bold), para("Tax", styles.right_bold)]]
    tax_rows += [[para(format_rate(row.rate), styles.body), para(money(row.net), styles.right),
                  para(money(row.tax), styles.right)] for row in doc.tax_breakdown]
    # No cell padding in this table: a grown column keeps a 3 mm gap to its right-aligned neighbour.
    tax_widths = [20 * mm, fit_column(28 * mm, [money(row.net) for row in doc.tax_breakdown], styles.right, 3 * mm),
                  fit_column(26 * mm, [money(row.tax) for row in doc.tax_breakdown], styles.right, 3 * mm)]
    tax_table = _plain_table(tax_rows, tax_widths, [("LINEBELOW", (0, 0), (-1, 0), 0.4, GRID_COLOR)])
    total_rows = [[para("Net total", styles.body), para(money(doc.net), styles.right)],
                  [para("Tax", styles.body), para(money(doc.tax), styles.right)],
                  [para("Total", styles.bold), para(money(doc.total), styles.right_bold)]]
    if doc.paid:
        paid_label, balance_label = ("Refunded", "Credit remaining") if is_credit else ("Paid", "Balance due")
        total_rows += [[para(paid_label, styles.body), para(money(doc.paid), styles.right)],
                       [para(balance_label, styles.bold), para(money(doc.balance_due), styles.right_bold)]]
    total_amounts = [doc.net, doc.tax, doc.total] + ([doc.paid, doc.balance_due] if doc.paid else [])
    totals_widths = [28 * mm, fit_column(34 * mm, [money(a) for a in total_amounts], styles.right_bold, 3 * mm)]
    totals_table = _plain_table(total_rows, totals_widths, [("LINEABOVE", (0, 2), (-1, 2), 0.8, colors.black)])
    summary = _plain_table([[tax_table, "", totals_table]],
                           [sum(tax_widths), width - sum(tax_widths) - sum(totals_widths), sum(totals_widths)])

    payment_block = []
    if doc.payment_terms:
        payment_block.append(para(doc.payment_terms, styles.body))
    if company.iban:
        payment_block.append(rich("<b>IBAN</b> {iban}" + ("  <b>BIC</b> {bic}" if company.bic else ""), styles.body,
                                  iban=company.iban, bic=company.bic))
        payment_block.append(rich("<b>Reference</b> {n}", styles.body, n=doc.number))
    if doc.notes:
        payment_block += [Spacer(1, 2 * mm), para(doc.notes, styles.body)]
    qr_block = [QrFlowable(qr_payload(doc), QR_SIZE), para(f"{title} no. & amount", styles.small)]
    footer_block = _plain_table([[payment_block, qr_block]], [width - QR_SIZE - 4 * mm, QR_SIZE + 4 * mm],
                                [("ALIGN", (1, 0), (1, 0), "RIGHT")])
    # Totals, terms and QR stay together: a total stranded at the top of a page without its lines is confusing.
    story.append(KeepTogether([summary, Spacer(1, 6 * mm), footer_block]))

    footer_bits = [company.name, f"{title} {doc.number}"] + ([f"VAT ID {company.vat_id}"] if company.vat_id else [])
    return build_pdf(story, pagesize=pagesize, margin=MARGIN, title=f"{title} {doc.number}",
                     footer_text=" · ".join(footer_bits), author=company.name,
                     created=doc.issue_date)
