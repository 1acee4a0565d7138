"""The receipt as lines of text for a 42-column roll: what the 80 mm PDF receipt shows (adapters/pdf/receipt.py),
with the same money formatting, so both print the same figures, and in the same words: the receipt's language's
(``pdf/wording.py``: the customer's, else the company locale's), its date, amounts, quantities and tax rates in
that language's locale (``wording.document_locale``)."""
from __future__ import annotations

from oms_desktop.domain.printing import WIDTH, PrintLine, columns, fit, plain
from oms_desktop.services.documents import ReceiptDoc

from ..pdf.common import DateFormatter, MoneyFormatter, default_format_money
from ..pdf.wording import document_locale, locale_date, locale_number, locale_rate, wording

RULE = "-" * WIDTH


def receipt_lines(doc: ReceiptDoc, format_money: MoneyFormatter = default_format_money,
                  format_date: DateFormatter | None = None, width: int = WIDTH) -> list[PrintLine]:
    """Shop, receipt header, lines, allowances, totals, payments and change, tracking number; plain text.
    ``format_date`` None: the date in the receipt's locale (``wording.locale_date``), as the PDF receipt."""
    words = wording(doc.language, doc.locale)
    where = document_locale(doc.language, doc.locale)

    def money(amount) -> str:
        return plain(format_money(amount, doc.currency, where))

    def rows(left: str, right: str, bold: bool = False) -> list[PrintLine]:
        return [PrintLine(t, bold=bold) for t in columns(plain(left), right, width)]

    printed = format_date(doc.printed_at) if format_date is not None else locale_date(doc.printed_at, where)
    company = doc.company
    out = [PrintLine(t, bold=True, align="center") for t in fit(plain(company.name), width)]
    for line in company.address_lines:
        out += [PrintLine(t, align="center") for t in fit(plain(line), width)]
    if company.vat_id:
        out.append(PrintLine(plain(f"{words.vat_id} {company.vat_id}"), align="center"))
    out.append(PrintLine(RULE))
    out += rows(words.receipt, doc.number)
    out += rows(words.date, plain(printed))
    if doc.order_number:
        out += rows(words.order, doc.order_number)
    if doc.cashier:
        out += rows(words.cashier, plain(doc.cashier))
    out.append(PrintLine(RULE))
    for item in doc.lines:
        out += [PrintLine(t) for t in fit(plain(item.name), width)]
        out += rows(f"  {plain(locale_number(item.quantity, where))} x {money(item.unit_price)}", money(item.amount))
    for adj in doc.adjustments:
        out += rows(adj.label, money(adj.amount))
    out.append(PrintLine(RULE))
    out += rows(words.net, money(doc.net))
    for row in doc.tax_breakdown:
        out += rows(words.receipt_tax.format(rate=plain(locale_rate(row.rate, where))), money(row.tax))
    out += rows(words.receipt_total, money(doc.total), bold=True)
    if doc.payments or doc.change:
        out.append(PrintLine(RULE))
        for payment in doc.payments:
            out += rows(words.method(payment.method_code, payment.refund, payment.method)
                        + (f" {payment.reference}" if payment.reference else ""), money(payment.amount))
        out += rows(words.change, money(doc.change))
    if doc.tracking_number:
        out += [PrintLine(RULE),
                PrintLine(plain(words.receipt_tracking.format(number=doc.tracking_number)), align="center")]
    out += [PrintLine(""), PrintLine(plain(words.thank_you), align="center")]
    return out
