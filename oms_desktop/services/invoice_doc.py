"""Invoice documents: what an invoice or credit note prints, built from its stored rows only."""
from __future__ import annotations

from ..domain.money import from_minor
from ..domain.orders import bp_to_rate
from ..domain.references import order_number
from .accounts_common import company_info, tax_rows
from .cart_pricing import stored_adjustments
from .documents import Address, CompanyInfo, InvoiceDoc, InvoiceLine, adjustment_lines
from .dto import CompanyDTO
from .pricing import price_order_lines

CREDIT_NOTE_TERMS = "The amount is credited to your account or refunded."


def line_totals(order, taken, rounding: str, adjustments=()):
    """What ``taken`` ((line, quantity) pairs) of the order costs, rounded as ``rounding`` says, with the document's
    ``adjustments`` (``domain.pricing.DocumentAdjustment``) when it bills a share of the order's."""
    return price_order_lines(order, [ln for ln, _q in taken], quantities=[q for _ln, q in taken],
                             rounding=rounding, adjustments=adjustments)


def seller(company: CompanyDTO) -> dict:
    """The seller as an invoice keeps it (the company may move or change its name later)."""
    info = company_info(company)
    return dict(seller=address_text(Address(info.name, info.address_lines)), seller_vat_id=info.vat_id)


_UNREAD = object()


def parties(uow, order, company: CompanyDTO, customer=_UNREAD) -> dict:
    """Seller, bill-to and ship-to (when it differs) of an order's invoice, as stored on the invoice (``customer``:
    the order's customer row when the caller has read it already)."""
    if customer is _UNREAD:
        customer = uow.customers.get(order.customer_id) if order.customer_id is not None else None
    return customer_parties(customer, company, ship_to=getattr(order, "ship_to", "") or "")


def customer_parties(customer, company: CompanyDTO, *, ship_to: str = "") -> dict:
    """``parties`` for ``customer`` (anything with a name, billing and shipping address; None: a counter sale);
    ``ship_to``: the order's own delivery address (recipient first), which wins over the customer's."""
    if customer is not None:
        bill = Address(customer.name, tuple(ln for ln in customer.billing_address.splitlines() if ln.strip()))
        if ship_to.strip():
            given = address_from_text(ship_to)
            ship = given if (given.name, given.lines) != (bill.name, bill.lines) else None
        else:
            ship_lines = tuple(ln for ln in customer.shipping_address.splitlines() if ln.strip())
            ship = Address(customer.name, ship_lines) if ship_lines and ship_lines != bill.lines else None
    else:
        bill, ship = Address("Counter sale"), None
    return dict(bill_to=address_text(bill), ship_to=address_text(ship), **seller(company))


def address_text(address: Address | None) -> str:
    if address is None:
        return ""
    return "\n".join([address.name, *address.lines])


def address_from_text(text: str) -> Address:
    parts = (text or "").split("\n")
    return Address(parts[0] if parts else "", tuple(parts[1:]))


def customer_language(uow, customer_id: int | None) -> str:
    """The language a customer's documents print in ("": the company's, also for a counter sale)."""
    row = uow.customers.get(customer_id) if customer_id is not None else None
    return (row.language or "") if row is not None else ""


def stored_doc(inv, lines, order, locale: str, adjustments=(), language: str | None = None) -> InvoiceDoc:
    """The document of an invoice or credit note from its stored row, lines and allowances/charges only (plus its
    order's tracking number and price basis, both fixed once an order is confirmed): whether rendered right after
    issuing or on first request after a crash, it is the same document. ``lines``: rows with sku, name, quantity,
    unit_price_minor, tax_rate_bp and discount_bp; ``adjustments``: rows with label, tax_rate_bp, amount_minor,
    priced with the lines, so the tax summary has them at their rates, and printed below the lines at their net
    (the lines' column), one row per label. The wording prints in the language the invoice was issued in
    (``inv.language``; ``language`` for a draft, which has none yet); the terms go as a code the renderer words,
    ``payment_terms`` keeps them in English for other readers."""
    cur = inv.currency
    totals = line_totals(order, [(ln, ln.quantity) for ln in lines], inv.tax_rounding,
                         stored_adjustments(adjustments, cur))
    seller = address_from_text(inv.seller)
    common = dict(
        number=inv.number, issue_date=inv.issue_date, order_number=order_number(inv.order_id),
        tracking_number=order.tracking_number or "",
        company=CompanyInfo(name=seller.name, address_lines=seller.lines, vat_id=inv.seller_vat_id),
        bill_to=address_from_text(inv.bill_to),
        lines=tuple(InvoiceLine(ln.sku, ln.name, ln.quantity, from_minor(ln.unit_price_minor, cur),
                                bp_to_rate(ln.tax_rate_bp) * 100, la.net) for ln, la in zip(lines, totals.lines)),
        adjustments=adjustment_lines((a.label, la.net, bp_to_rate(a.tax_rate_bp) * 100)
                                     for a, la in zip(adjustments, totals.adjustments)),
        tax_breakdown=tax_rows(totals, cur, inv.net_minor, inv.tax_minor),
        net=from_minor(inv.net_minor, cur), tax=from_minor(inv.tax_minor, cur),
        total=from_minor(inv.total_minor, cur), currency=cur, notes=inv.reason, locale=locale,
        language=(language if language is not None else getattr(inv, "language", None)) or "")
    if inv.kind == "credit_note":
        return InvoiceDoc(kind="credit_note", due_date=None, ship_to=None, payment_terms=CREDIT_NOTE_TERMS,
                          terms="credit", references_invoice=inv.references_number, **common)
    paid_in_full = inv.prepaid_minor >= inv.total_minor
    days = (inv.due_date - inv.issue_date).days if inv.due_date is not None else 0
    terms = ("Paid in full. Thank you!" if paid_in_full else
             f"Payable within {days} days of the invoice date without deduction." if days else
             "Payable on receipt.")
    return InvoiceDoc(kind="invoice", due_date=None if paid_in_full else inv.due_date,
                      ship_to=address_from_text(inv.ship_to) if inv.ship_to else None,
                      payment_terms=terms, terms="paid" if paid_in_full else "days" if days else "on_receipt",
                      terms_days=days, paid=from_minor(inv.prepaid_minor, cur), **common)
