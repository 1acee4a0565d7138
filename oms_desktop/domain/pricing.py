"""Pricing: what a document costs, line by line, per tax rate and in total, exactly (pure).

The one place prices become amounts: placing and recomputing orders, their DTOs, the invoice plan (what the next
invoice bills), the demo seeder and the screens' previews all call it, so a total is the same on screen, on paper, in
Factur-X and in the ledger. Supplier invoices (purchase prices against the order's cost, input tax) are priced here
too, for the purchasing service and the dialog that previews them.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from .money import ROUNDING, from_minor, quantum
from .orders import bp_to_rate


class TaxRounding(StrEnum):
    PER_LINE = "line"          # round each line's tax, then add (what most POS receipts show)
    PER_DOCUMENT = "document"  # add net per rate, then round the tax once per rate (EN 16931 / Factur-X style)


@dataclass(frozen=True)
class PricedLine:
    sku: str
    quantity: int
    unit_price: Decimal       # as entered in the catalog: net, or gross if prices include tax
    tax_rate: Decimal         # a fraction: 0.19
    discount: Decimal = Decimal(0)  # a fraction: 0.10 is ten percent off


@dataclass(frozen=True)
class LineAmounts:
    net: Decimal
    tax: Decimal
    gross: Decimal


@dataclass(frozen=True)
class Totals:
    net: Decimal
    tax: Decimal
    total: Decimal
    tax_by_rate: dict[Decimal, tuple[Decimal, Decimal]] = field(default_factory=dict)  # rate -> (net, tax)
    lines: tuple[LineAmounts, ...] = ()
    adjustments: tuple[LineAmounts, ...] = ()  # one per DocumentAdjustment, in the order given


@dataclass(frozen=True)
class DocumentAdjustment:
    """An allowance (``amount`` < 0: a promotion, a coupon, an incentive, free shipping) or a charge (``amount`` > 0:
    shipping and handling) on the whole document, at one tax rate, in the document's price basis (gross when prices
    include tax). EN 16931 gives every document-level allowance and charge a VAT rate; an allowance over goods of
    several rates is therefore one adjustment per rate (``domain.promotions`` splits it)."""

    amount: Decimal
    tax_rate: Decimal
    label: str = ""


class Adjusting(Protocol):
    """What pricing reads of an allowance or charge: a ``DocumentAdjustment``, or the rules' own
    ``domain.promotions.Adjustment`` (priced as it comes, without a copy)."""

    @property
    def amount(self) -> Decimal: ...

    @property
    def tax_rate(self) -> Decimal: ...


_ZERO = Decimal(0)


def _r(value: Decimal, currency: str) -> Decimal:
    return value.quantize(quantum(currency), rounding=ROUNDING)


def compute_totals(lines: list[PricedLine], currency: str, *, prices_include_tax: bool = False,
                   rounding: TaxRounding = TaxRounding.PER_LINE,
                   adjustments: Sequence[Adjusting] = ()) -> Totals:
    """Net, tax per rate and total of a document, exactly, under one rounding policy.

    With tax-inclusive prices the line's gross is what the customer sees, and tax is taken out of it
    (tax = gross * rate / (1 + rate)), so the total always equals the sum of shelf prices.
    Document-level allowances and charges (``adjustments``) are priced like a line of their own at their rate: their
    net and tax join that rate's sums, so the tax of a discounted document is the tax of what is actually charged.
    An allowance's tax, rounded on its own, could take back more tax than the lines (and the adjustments before it)
    of its rate carry (two lines of 0.02 at 19 % carry no tax; an allowance of 0.04 would carry 0.01): it is cut to
    that, so a rate's tax, and a total, never go below zero. An allowance that takes all its rate carries takes all
    its tax too (two lines of 0.03 at 19 % carry 0.01 each; 0.06 off them carries 0.01 alone, 0.02 here): what is
    given away entirely carries no tax, under either rounding.
    """
    q = quantum(currency)
    per_line: list[LineAmounts] = []
    by_rate_base: dict[Decimal, Decimal] = defaultdict(Decimal)
    by_rate_tax: dict[Decimal, Decimal] = defaultdict(Decimal)
    items = [((ln.unit_price * ln.quantity * (1 - ln.discount)).quantize(q, rounding=ROUNDING), ln.tax_rate, False)
             for ln in lines]
    items += [(adj.amount.quantize(q, rounding=ROUNDING), adj.tax_rate, True) for adj in adjustments]
    for base, rate, adjustment in items:  # (quantize written out: every line and allowance passes here)
        tax = (base * rate / (1 + rate) if prices_include_tax else base * rate).quantize(q, rounding=ROUNDING)
        if adjustment and base < 0:
            carried = (_ZERO - max(by_rate_tax[rate], _ZERO)).quantize(q, rounding=ROUNDING)  # 0 - x: never -0
            tax = carried if by_rate_base[rate] + base <= 0 else max(tax, carried)
        if prices_include_tax:
            amounts = LineAmounts(net=base - tax, tax=tax, gross=base)
        else:
            amounts = LineAmounts(net=base, tax=tax, gross=base + tax)
        per_line.append(amounts)
        by_rate_base[rate] += base
        by_rate_tax[rate] += tax
    tax_by_rate: dict[Decimal, tuple[Decimal, Decimal]] = {}
    for rate, base in sorted(by_rate_base.items()):
        if rounding is TaxRounding.PER_DOCUMENT:
            tax = _r(base * rate / (1 + rate), currency) if prices_include_tax else _r(base * rate, currency)
        else:
            tax = by_rate_tax[rate]
        net = base - tax if prices_include_tax else base
        tax_by_rate[rate] = (net, tax)
    net = sum((n for n, _ in tax_by_rate.values()), Decimal(0))
    tax = sum((t for _, t in tax_by_rate.values()), Decimal(0))
    zero = _r(Decimal(0), currency)
    n = len(lines)
    return Totals(net=_r(net + zero, currency), tax=_r(tax + zero, currency), total=_r(net + tax, currency),
                  tax_by_rate=tax_by_rate, lines=tuple(per_line[:n]), adjustments=tuple(per_line[n:]))


@dataclass(frozen=True)
class PricingPolicy:
    """How a document is priced: its currency, whether prices include tax, and where tax is rounded."""

    currency: str
    prices_include_tax: bool = False
    rounding: TaxRounding = TaxRounding.PER_LINE


def stored_line(sku: str, quantity: int, unit_price_minor: int, tax_rate_bp: int, discount_bp: int,
                currency: str) -> PricedLine:
    """A line as stored (integer minor units, rates in basis points) ready to be priced."""
    return PricedLine(sku, quantity, from_minor(unit_price_minor, currency), bp_to_rate(tax_rate_bp),
                      bp_to_rate(discount_bp))


def price(lines: Iterable[PricedLine], policy: PricingPolicy,
          adjustments: Sequence[Adjusting] = ()) -> Totals:
    """The document's totals under ``policy``, with its document-level allowances and charges: what every caller
    uses."""
    return compute_totals(list(lines), policy.currency, prices_include_tax=policy.prices_include_tax,
                          rounding=policy.rounding, adjustments=adjustments)


def adjustment_shares(amounts: Sequence[int], done: Sequence[int], part: int, whole: int, *,
                      final: bool) -> list[int]:
    """What a part of a document bills of each of the whole's allowances and charges (signed minor units): an
    invoice of some of an order's goods, a credit note of some of an invoice's.

    Each share is ``amount x part / whole`` (``part`` and ``whole`` the goods bases, at all tax rates, in the price
    basis), rounded half away from zero and never more than what is left of it (``amount - done``, ``done`` what the
    parts before billed of it); the part that completes the whole (``final``) takes exactly what is left, so the parts
    add up to the whole to the cent. With no goods base (``whole`` <= 0) only the final part bills them."""
    out = []
    for amount, already in zip(amounts, done, strict=True):
        left = amount - already
        if final:
            out.append(left)
            continue
        share = int((Decimal(amount) * part / whole).quantize(Decimal(1), rounding=ROUNDING)) if whole > 0 else 0
        if left == 0 or (left > 0) != (amount > 0):  # nothing left of it (or more than all of it billed already)
            out.append(0)
        else:
            out.append(min(share, left) if left > 0 else max(share, left))
    return out


@dataclass(frozen=True)
class SupplierInvoiceTotals:
    """A supplier's invoice against received goods: at purchase-order cost, as invoiced, the difference, input tax."""

    cost: Decimal
    net: Decimal
    tax: Decimal

    @property
    def variance(self) -> Decimal:
        return self.net - self.cost

    @property
    def total(self) -> Decimal:
        return self.net + self.tax


def supplier_invoice_totals(lines: Sequence[tuple[int, Decimal, Decimal]], currency: str, *,
                            tax_rate: Decimal | None = None, tax_amount: Decimal = Decimal(0)) -> SupplierInvoiceTotals:
    """``lines`` as (quantity, invoiced unit price, unit cost on the purchase order); input tax either as a rate of
    the net (rounded once, commercially) or as the amount the supplier printed."""
    cost = sum((q * unit_cost for q, _price, unit_cost in lines), Decimal(0))
    net = sum((q * unit_price for q, unit_price, _cost in lines), Decimal(0))
    tax = (net * tax_rate).quantize(quantum(currency), rounding=ROUNDING) if tax_rate is not None else tax_amount
    return SupplierInvoiceTotals(cost=cost, net=net, tax=tax)
