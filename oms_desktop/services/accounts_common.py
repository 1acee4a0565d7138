"""Accounts, shared: the invoice DTOs and the helpers that billing and receivables both use."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..domain.money import from_minor
from ..domain.orders import bp_to_rate
from ..domain.references import order_number
from .documents import CompanyInfo, TaxRow
from .dto import CompanyDTO


@dataclass(frozen=True)
class InvoiceLineDTO:
    line_no: int
    sku: str
    name: str
    quantity: int
    unit_price: Decimal
    tax_rate: Decimal
    discount: Decimal
    net: Decimal
    tax: Decimal


@dataclass(frozen=True)
class InvoiceAdjustmentDTO:
    """The share of one of the order's allowances (``amount`` < 0) or charges (> 0) an invoice bills (a credit note:
    takes back), at one tax rate; ``amount`` in the order's price basis, ``net`` and ``tax`` as priced."""
    kind: str  # promotion | coupon | incentive | shipping
    label: str
    tax_rate: Decimal
    amount: Decimal
    net: Decimal
    tax: Decimal


@dataclass(frozen=True)
class InvoiceDTO:
    id: int
    kind: str  # invoice | credit_note
    number: str
    order_id: int
    order_number: str
    customer_name: str
    issue_date: date
    due_date: date | None
    currency: str
    net: Decimal
    tax: Decimal
    total: Decimal
    references_number: str | None
    issued_by: str
    lines: tuple[InvoiceLineDTO, ...] = ()
    notes: str = ""  # printed on the document: a credit note's reason; a part invoice's "not yet invoiced"
    adjustments: tuple[InvoiceAdjustmentDTO, ...] = ()  # its allowances and charges (part of net, tax, total)


def invoice_dto(uow, r, *, with_lines: bool = True, lines=None, adjustments=None) -> InvoiceDTO:
    """``lines`` and ``adjustments``: the invoice's line and allowance/charge rows when the caller has them already
    (else read when ``with_lines``)."""
    cur = r.currency
    ref = r.references_number
    if lines is None:
        lines = uow.invoices.invoice_lines(r.id) if with_lines else ()
    if adjustments is None:
        adjustments = uow.carts.invoice_adjustments(r.id) if with_lines else ()
    lines = tuple(InvoiceLineDTO(ln.line_no, ln.sku, ln.name, ln.quantity, from_minor(ln.unit_price_minor, cur),
                                 bp_to_rate(ln.tax_rate_bp), bp_to_rate(ln.discount_bp),
                                 from_minor(ln.net_minor, cur), from_minor(ln.tax_minor, cur))
                  for ln in lines)
    return InvoiceDTO(r.id, r.kind, r.number, r.order_id, order_number(r.order_id), r.customer_name or
                      (r.bill_to.split("\n", 1)[0] if r.bill_to else ""), r.issue_date, r.due_date, cur,
                      from_minor(r.net_minor, cur), from_minor(r.tax_minor, cur), from_minor(r.total_minor, cur),
                      ref, r.issued_by_name or "", lines, r.reason or "",
                      tuple(InvoiceAdjustmentDTO(a.kind, a.label, bp_to_rate(a.tax_rate_bp),
                                                 from_minor(a.amount_minor, cur), from_minor(a.net_minor, cur),
                                                 from_minor(a.tax_minor, cur)) for a in adjustments))


def tax_rows(totals, cur: str, net_minor: int | None = None, tax_minor: int | None = None) -> tuple:
    rows = [TaxRow(rate * 100, net, tax) for rate, (net, tax) in totals.tax_by_rate.items()]
    if net_minor is not None and tax_minor is not None and rows:
        # A final credit note takes exactly what is left; put the rounding cent on the largest rate.
        dn = from_minor(net_minor, cur) - totals.net
        dt = from_minor(tax_minor, cur) - totals.tax
        if dn or dt:
            last = rows[-1]
            rows[-1] = TaxRow(last.rate, last.net + dn, last.tax + dt)
    return tuple(rows)


def company_info(c: CompanyDTO) -> CompanyInfo:
    return CompanyInfo(name=c.name, address_lines=tuple(ln for ln in c.address.splitlines() if ln.strip()),
                       vat_id=c.vat_id)
