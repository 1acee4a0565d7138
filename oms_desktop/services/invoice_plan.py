"""What the next invoice of an order bills (``BillingService.invoice_plan``, ``issue_invoice`` and ``preview_invoice``
plan with it): the units not invoiced yet, shipped or all of them, with the invoice's totals."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from ..domain.money import from_minor, to_minor
from ..domain.orders import bp_to_rate
from ..domain.references import order_number
from .cart_pricing import stored_adjustments
from .invoice_adjustments import as_adjustments, billed, goods_base, order_adjustments, priced
from .invoice_adjustments import shares as share_rows
from .invoice_doc import line_totals
from .pricing import price_order_lines
from ..domain.wording import counted

NOT_INVOICEABLE = ("draft", "cancelled")
INVOICE_WHAT = ("auto", "shipped", "all")
"""What ``issue_invoice`` bills: ``shipped`` the units that left the building and are not invoiced yet; ``all`` every
unit of the order not invoiced yet (a counter sale, a prepayment); ``auto`` (the default) ``shipped`` once the order
has a shipment, else ``all``."""
SHIPPED_BY_HAND = ("shipped", "delivered", "returned")
"""Order statuses that mean the goods left, also when set by hand (``advance_order``) without a warehouse shipment."""


@dataclass(frozen=True)
class InvoicePlanLineDTO:
    """One order line as an invoice of it would bill it: ``shipped`` net of returns, ``invoiced`` net of credit
    notes (both counted per product, given to the order's lines in line order), ``to_invoice`` on this invoice."""
    line_no: int
    sku: str
    name: str
    ordered: int
    shipped: int
    invoiced: int
    to_invoice: int


@dataclass(frozen=True)
class InvoicePlanAdjustmentDTO:
    """This invoice's share of one of the order's allowances (``amount`` < 0) or charges (> 0), in the order's price
    basis, at one tax rate."""
    label: str
    amount: Decimal
    tax_rate: Decimal


@dataclass(frozen=True)
class InvoicePlanDTO:
    """What ``issue_invoice(what=...)`` would bill now; ``refusal`` says why nothing can be (then it is refused)."""
    order_id: int
    order_number: str
    status: str
    what: str  # shipped | all: the choice, with auto decided
    lines: tuple[InvoicePlanLineDTO, ...]
    net: Decimal
    tax: Decimal
    total: Decimal
    currency: str
    final: bool  # after it every unit of the order is invoiced (it takes what is left of the order's total)
    earlier: tuple[str, ...]  # invoice numbers of the order not fully credited
    refusal: str = ""
    adjustments: tuple[InvoicePlanAdjustmentDTO, ...] = ()  # its share of the order's allowances and charges

    @property
    def units(self) -> int:
        return sum(ln.to_invoice for ln in self.lines)

    @property
    def units_left(self) -> int:
        """Units of the order still not invoiced after this invoice."""
        return sum(ln.ordered - ln.invoiced - ln.to_invoice for ln in self.lines)


def _invoice_list(numbers) -> str:
    """'invoice INV-000001', 'invoices INV-000001 and INV-000002'."""
    numbers = list(numbers)
    if len(numbers) == 1:
        return f"invoice {numbers[0]}"
    return "invoices " + ", ".join(numbers[:-1]) + f" and {numbers[-1]}"


def _units_text(rest: list[tuple[int, str]], most: int = 6) -> str:
    """'1 x LAMP-01, 2 x BULB-E27' (at most ``most`` SKUs, then how many more)."""
    text = ", ".join(f"{q} x {sku}" for q, sku in rest[:most])
    return text + (f" and {counted(len(rest) - most, 'more line')}" if len(rest) > most else "")


def plan_invoice(uow: Any, order: Any, what: str) -> SimpleNamespace:
    """What an invoice of ``order`` bills now (``what``: auto, shipped or all), from the order's lines, its
    invoices and its units shipped, returned and invoiced per product (three statements, one more for an
    order shipped by hand; for an order with allowances or charges one to read them and, when it has invoices
    already, one for what they billed of them). Units per product are given to the order's lines in line order; the
    invoice bills its share of each of the order's allowances and charges (``adjustments``: rows to store, priced);
    the invoice that completes the order takes what is left of each and of the order's net and tax (as a final
    credit note does)."""
    label, cur = order_number(order.id), order.currency
    lines = uow.orders.lines(order.id)
    invoices = uow.invoices.invoices_of(order.id)
    units = uow.invoices.order_units(order.id)
    has_shipment = any(u["shipped"] for u in units.values())
    if what == "auto":
        what = "shipped" if has_shipment else "all"
    shipped = {pid: u["shipped"] - u["returned"] for pid, u in units.items()}
    if what == "shipped" and not has_shipment and order.status in SHIPPED_BY_HAND \
            and not uow.picking.has_pick_history(order.id):
        shipped = defaultdict(int)  # shipped by hand (advance_order): every unit left
        for ln in lines:
            shipped[ln.product_id] += ln.quantity
    invoiced_left = {pid: max(u["invoiced"], 0) for pid, u in units.items()}
    shipped_left = {pid: max(q, 0) for pid, q in shipped.items()}
    plan_lines, taken = [], []
    for ln in lines:
        done = min(ln.quantity, invoiced_left.get(ln.product_id, 0))
        sent = min(ln.quantity, shipped_left.get(ln.product_id, 0))
        invoiced_left[ln.product_id] = invoiced_left.get(ln.product_id, 0) - done
        shipped_left[ln.product_id] = shipped_left.get(ln.product_id, 0) - sent
        q = ln.quantity - done if what == "all" else max(sent - done, 0)
        plan_lines.append(InvoicePlanLineDTO(ln.line_no, ln.sku, ln.name, ln.quantity, sent, done, q))
        if q:
            taken.append((ln, q))
    credited: dict[int, int] = defaultdict(int)
    for inv in invoices:
        if inv.kind == "credit_note":
            credited[inv.references_id] += inv.total_minor
    earlier = tuple(inv.number for inv in invoices
                    if inv.kind == "invoice" and inv.total_minor - credited[inv.id] > 0)
    final = bool(lines) and all(p.invoiced + p.to_invoice == p.ordered for p in plan_lines)
    goods = price_order_lines(order, lines)  # the order's lines alone: its goods base
    whole = order_adjustments(uow, order, goods) if taken else []
    shares = []
    if whole:  # the order's allowances and charges: this invoice's share of each (BillingService's rule)
        kinds = {inv.id: inv.kind for inv in invoices}
        done = billed(uow.carts.invoice_adjustments_of_order(order.id), kinds) if invoices else {}
        shares = share_rows(whole, done, goods_base(order, line_totals(order, taken, order.tax_rounding)),
                            goods_base(order, goods), final=final)
    totals = line_totals(order, taken, order.tax_rounding, as_adjustments(shares, cur))
    net, tax = to_minor(totals.net, cur), to_minor(totals.tax, cur)
    if taken and final and invoices:  # the rest of the order's total, so rounding never leaves a cent
        full = price_order_lines(order, lines, adjustments=stored_adjustments(whole, cur)) if whole else goods
        sign = {"invoice": 1, "credit_note": -1}
        left_net = to_minor(full.net, cur) - sum(sign[i.kind] * i.net_minor for i in invoices)
        left_tax = to_minor(full.tax, cur) - sum(sign[i.kind] * i.tax_minor for i in invoices)
        if left_net >= 0 and left_tax >= 0:
            net, tax = left_net, left_tax
    line_rows = [dict(line_no=ln.line_no, product_id=ln.product_id, sku=ln.sku, name=ln.name, quantity=q,
                      unit_price_minor=ln.unit_price_minor, tax_rate_bp=ln.tax_rate_bp,
                      discount_bp=ln.discount_bp, net_minor=to_minor(la.net, cur), tax_minor=to_minor(la.tax, cur))
                 for (ln, q), la in zip(taken, totals.lines)]
    rest = [(p.ordered - p.invoiced - p.to_invoice, p.sku) for p in plan_lines
            if p.ordered - p.invoiced - p.to_invoice > 0]
    refusal = note = ""
    if not lines:
        refusal = f"{label} has no lines to invoice."
    elif not taken:
        if not rest:
            refusal = (f"{label} already has {_invoice_list(earlier)} for all of its units; correct it with a "
                       "credit note instead of invoicing them again." if earlier else
                       f"{label} is invoiced in full already; correct it with a credit note instead of "
                       "invoicing it again.")
        elif not any(q > 0 for q in shipped.values()) and not earlier:
            refusal = (f"{label} has not shipped anything yet; invoice it when it ships, or invoice the whole "
                       "order now.")
        else:
            n = sum(q for q, _sku in rest)
            refusal = (f"{label} already has {_invoice_list(earlier) if earlier else 'invoices'} for everything "
                       f"shipped; nothing new has shipped since. {n} unit{'s' if n != 1 else ''} not invoiced "
                       "yet: invoice them when they ship, or invoice the whole order.")
    else:
        if not final:
            note = ("Part invoice for the goods shipped so far"
                    + (f"; earlier: {', '.join(earlier)}" if earlier else "")
                    + f". Not yet invoiced: {_units_text(rest)}.")
        elif earlier:
            note = f"Final invoice for {label}; earlier: {', '.join(earlier)}."
    return SimpleNamespace(what=what, lines=tuple(plan_lines), taken=taken, line_rows=line_rows, net=net, tax=tax,
                           adjustments=priced(shares, totals, cur), final=final and bool(taken), earlier=earlier,
                           refusal=refusal, note=note)


def plan_adjustments(rows, currency: str) -> tuple[InvoicePlanAdjustmentDTO, ...]:
    """A plan's allowance and charge rows as its DTO shows them."""
    return tuple(InvoicePlanAdjustmentDTO(r["label"], from_minor(r["amount_minor"], currency),
                                          bp_to_rate(r["tax_rate_bp"])) for r in rows)
