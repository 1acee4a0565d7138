"""The receipt as lines of text for a 42-column roll: what the 80 mm PDF receipt shows (adapters/pdf/receipt.py),
with the same money formatting, so both print the same figures."""
from __future__ import annotations

from oms_desktop.domain.printing import WIDTH, PrintLine, columns, fit, plain
from oms_desktop.services.documents import ReceiptDoc

from ..pdf.common import (DateFormatter, MoneyFormatter, default_format_date, default_format_money, format_quantity,
                          format_rate)

RULE = "-" * WIDTH


def receipt_lines(doc: ReceiptDoc, format_money: MoneyFormatter = default_format_money,
                  format_date: DateFormatter = default_format_date, width: int = WIDTH) -> list[PrintLine]:
    """Shop, receipt header, lines, allowances, totals, payments and change, tracking number; plain text."""
    def money(amount) -> str:
        return plain(format_money(amount, doc.currency, doc.locale))

    def rows(left: str, right: str, bold: bool = False) -> list[PrintLine]:
        return [PrintLine(t, bold=bold) for t in columns(plain(left), right, width)]

    company = doc.company
    out = [PrintLine(t, bold=True, align="center") for t in fit(plain(company.name), width)]
    for line in company.address_lines:
        out += [PrintLine(t, align="center") for t in fit(plain(line), width)]
    if company.vat_id:
        out.append(PrintLine(plain(f"VAT ID {company.vat_id}"), align="center"))
    out.append(PrintLine(RULE))
    out += rows("Receipt", doc.number)
    out += rows("Date", plain(format_date(doc.printed_at)))
    if doc.order_number:
        out += rows("Order", doc.order_number)
    if doc.cashier:
        out += rows("Cashier", plain(doc.cashier))
    out.append(PrintLine(RULE))
    for item in doc.lines:
        out += [PrintLine(t) for t in fit(plain(item.name), width)]
        out += rows(f"  {format_quantity(item.quantity)} x {money(item.unit_price)}", money(item.amount))
    for adj in doc.adjustments:
        out += rows(adj.label, money(adj.amount))
    out.append(PrintLine(RULE))
    out += rows("Net", money(doc.net))
    for row in doc.tax_breakdown:
        out += rows(f"Tax {format_rate(row.rate)}", money(row.tax))
    out += rows("TOTAL", money(doc.total), bold=True)
    if doc.payments or doc.change:
        out.append(PrintLine(RULE))
        for payment in doc.payments:
            out += rows(payment.method + (f" {payment.reference}" if payment.reference else ""),
                        money(payment.amount))
        out += rows("Change", money(doc.change))
    if doc.tracking_number:
        out += [PrintLine(RULE), PrintLine(f"Tracking {doc.tracking_number}", align="center")]
    out += [PrintLine(""), PrintLine("Thank you!", align="center")]
    return out
