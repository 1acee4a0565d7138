"""Invoice and credit note (A4 or Letter) with a QR code carrying the document number and total.

QR payload: ``INV:<number>;AMT:<total> <currency>`` for invoices and ``CRN:<number>;AMT:<total> <currency>`` for
credit notes (a different prefix so a scanner never books a credit note as a bill to pay). ``<total>`` is the plain
amount with exactly the currency's decimals, ``.`` as decimal point and no grouping, e.g. ``INV:INV-2024-17;AMT:1234.50
EUR``. Document numbers and currency codes never contain ``;``.

The wording is the document's language's (``wording.py``: the customer's, else the company's), and so are the dates
and the amounts' format; the amounts stay in the invoice's currency, and the QR payload is the same in any language.
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from oms_desktop.services.documents import InvoiceDoc

from .common import (GRID_COLOR, HEADER_FILL, PAGE_SIZES, DateFormatter, MoneyFormatter, build_pdf, fit_column,
                     make_styles, para, plain_amount, QrFlowable, rich)
from .wording import document_locale, locale_date, locale_number, locale_rate, wording

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


def render_invoice(doc: InvoiceDoc, format_money: MoneyFormatter, format_date: DateFormatter | None,
                   page_size: str = "A4") -> bytes:
    """``format_date`` None: dates in the document's locale (``wording.locale_date``)."""
    try:
        pagesize = PAGE_SIZES[page_size.upper()]
    except KeyError:
        raise ValueError(f"page_size must be one of A4, Letter (got {page_size!r})") from None
    styles = make_styles(9)
    width = pagesize[0] - 2 * MARGIN
    words = wording(doc.language, doc.locale)
    where = document_locale(doc.language, doc.locale)
    money = lambda amount: format_money(amount, doc.currency, where)  # noqa: E731 - reads better inline below
    date_text = format_date or (lambda value: locale_date(value, where))
    is_credit = doc.kind == "credit_note"
    title = words.credit_note if is_credit else words.invoice
    company = doc.company

    company_block = [para(company.name, styles.title), Spacer(1, 1 * mm)]
    company_block += [para(line, styles.body) for line in company.address_lines]
    for label, value in ((words.vat_id, company.vat_id), (words.email, company.email), (words.phone, company.phone)):
        if value:
            company_block.append(rich("{label} {v}", styles.small, label=label, v=value))

    meta_rows = [(words.credit_note_number if is_credit else words.invoice_number, doc.number),
                 (words.date, date_text(doc.issue_date))]
    if doc.due_date is not None:
        meta_rows.append((words.due_date, date_text(doc.due_date)))
    if doc.order_number:
        meta_rows.append((words.order, doc.order_number))
    if doc.tracking_number:
        meta_rows.append((words.tracking, doc.tracking_number))
    # The labels' column grows for a language with longer words ("Rechnungsnummer"), the values' gives way.
    label_width = fit_column(25 * mm, [label for label, _ in meta_rows], styles.bold, 2 * mm)
    meta_table = _plain_table([[para(label, styles.bold), para(value, styles.right)] for label, value in meta_rows],
                              [label_width, 72 * mm - label_width])
    meta_block = [para(title, styles.title_right), Spacer(1, 3 * mm), meta_table]
    header = _plain_table([[company_block, meta_block]], [width - 75 * mm, 75 * mm],
                          [("ALIGN", (1, 0), (1, 0), "RIGHT")])

    def address_block(heading: str, address) -> list:
        return [para(heading, styles.small), para(address.name, styles.bold),
                *[para(line, styles.body) for line in address.lines]]

    ship_block = (address_block(words.ship_to, doc.ship_to) if doc.ship_to is not None
                  else [para(words.ship_to, styles.small), para(words.same_as_billing, styles.body)])
    addresses = _plain_table([[address_block(words.bill_to, doc.bill_to), ship_block]], [width / 2, width / 2])

    story = [header, Spacer(1, 8 * mm), addresses, Spacer(1, 6 * mm)]
    if is_credit and doc.references_invoice:
        story += [rich("<b>{text}</b>", styles.heading,
                       text=words.credit_note_for.format(number=doc.references_invoice)),
                  Spacer(1, 2 * mm)]

    # Amount columns grow (the description gives way) when an amount in the company's format would not fit, and the
    # narrow ones when their heading in the document's language would not ("Menge" is wider than "Qty").
    col_widths = [26 * mm, None, fit_column(14 * mm, [words.quantity], styles.right_bold, padding=6),
                  max(fit_column(26 * mm, [money(line.unit_price) for line in doc.lines], styles.right, padding=6),
                      fit_column(26 * mm, [words.unit_price], styles.right_bold, padding=6)),
                  fit_column(15 * mm, [words.tax], styles.right_bold, padding=6),
                  max(fit_column(28 * mm, [money(amount) for amount in [line.net for line in doc.lines]
                                           + [adj.amount for adj in doc.adjustments]], styles.right, padding=6),
                      fit_column(28 * mm, [words.net], styles.right_bold, padding=6))]
    col_widths[1] = width - sum(w for w in col_widths if w is not None)
    rows = [[para(words.sku, styles.bold), para(words.description, styles.bold),
             para(words.quantity, styles.right_bold), para(words.unit_price, styles.right_bold),
             para(words.tax, styles.right_bold), para(words.net, styles.right_bold)]]
    for line in doc.lines:
        rows.append([para(line.sku, styles.small), para(line.name, styles.body),
                     para(locale_number(line.quantity, where), styles.right),
                     para(money(line.unit_price), styles.right),
                     para(locale_rate(line.tax_rate, where), styles.right), para(money(line.net), styles.right)])
    # Allowances and charges on the whole document: below the lines, their label in the description column (across
    # quantity and unit price), the rate (blank when one label has parts at several rates; the tax summary keeps
    # those apart) and the net amount, so the Net column adds up to the net total.
    first_adjustment = len(rows)
    for adj in doc.adjustments:
        rows.append(["", para(adj.label, styles.body), "", "",
                     para(locale_rate(adj.tax_rate, where) if adj.tax_rate is not None else "", styles.right),
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

    tax_rows = [[para(words.tax_rate, styles.bold), para(words.net, styles.right_bold),
                 para(words.tax, styles.right_bold)]]
    tax_rows += [[para(locale_rate(row.rate, where), styles.body), para(money(row.net), styles.right),
                  para(money(row.tax), styles.right)] for row in doc.tax_breakdown]
    # No cell padding in this table: a grown column keeps a 3 mm gap to its right-aligned neighbour.
    tax_widths = [20 * mm, fit_column(28 * mm, [money(row.net) for row in doc.tax_breakdown], styles.right, 3 * mm),
                  fit_column(26 * mm, [money(row.tax) for row in doc.tax_breakdown], styles.right, 3 * mm)]
    tax_table = _plain_table(tax_rows, tax_widths, [("LINEBELOW", (0, 0), (-1, 0), 0.4, GRID_COLOR)])
    total_labels = [words.net_total, words.tax, words.total]
    total_rows = [[para(words.net_total, styles.body), para(money(doc.net), styles.right)],
                  [para(words.tax, styles.body), para(money(doc.tax), styles.right)],
                  [para(words.total, styles.bold), para(money(doc.total), styles.right_bold)]]
    if doc.paid:
        paid_label, balance_label = ((words.refunded, words.credit_remaining) if is_credit
                                     else (words.paid, words.balance_due))
        total_labels += [paid_label, balance_label]
        total_rows += [[para(paid_label, styles.body), para(money(doc.paid), styles.right)],
                       [para(balance_label, styles.bold), para(money(doc.balance_due), styles.right_bold)]]
    total_amounts = [doc.net, doc.tax, doc.total] + ([doc.paid, doc.balance_due] if doc.paid else [])
    # Both columns grow when they must (a longer label in another language, a wide amount): the gap gives way.
    totals_widths = [fit_column(28 * mm, total_labels, styles.bold, 2 * mm),
                     fit_column(34 * mm, [money(a) for a in total_amounts], styles.right_bold, 3 * mm)]
    totals_table = _plain_table(total_rows, totals_widths, [("LINEABOVE", (0, 2), (-1, 2), 0.8, colors.black)])
    summary = _plain_table([[tax_table, "", totals_table]],
                           [sum(tax_widths), width - sum(tax_widths) - sum(totals_widths), sum(totals_widths)])

    payment_block = []
    terms = words.terms(doc.terms, doc.terms_days) or doc.payment_terms
    if terms:
        payment_block.append(para(terms, styles.body))
    if company.iban:
        payment_block.append(rich("<b>IBAN</b> {iban}" + ("  <b>BIC</b> {bic}" if company.bic else ""), styles.body,
                                  iban=company.iban, bic=company.bic))
        payment_block.append(rich("<b>{label}</b> {n}", styles.body, label=words.bank_reference, n=doc.number))
    if doc.notes:
        payment_block += [Spacer(1, 2 * mm), para(doc.notes, styles.body)]
    qr_block = [QrFlowable(qr_payload(doc), QR_SIZE),
                para(words.credit_note_qr if is_credit else words.invoice_qr, styles.small)]
    footer_block = _plain_table([[payment_block, qr_block]], [width - QR_SIZE - 4 * mm, QR_SIZE + 4 * mm],
                                [("ALIGN", (1, 0), (1, 0), "RIGHT")])
    # Totals, terms and QR stay together: a total stranded at the top of a page without its lines is confusing.
    story.append(KeepTogether([summary, Spacer(1, 6 * mm), footer_block]))

    footer_bits = [company.name, f"{title} {doc.number}"] + ([f"{words.vat_id} {company.vat_id}"] if company.vat_id
                                                             else [])
    return build_pdf(story, pagesize=pagesize, margin=MARGIN, title=f"{title} {doc.number}",
                     footer_text=" · ".join(footer_bits), author=company.name,
                     created=doc.issue_date, page_label=words.page)
