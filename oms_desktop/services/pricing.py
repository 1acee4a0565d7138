"""Stored orders priced by ``domain.pricing``: one conversion from stored units and one policy per order, for the
order service, the order DTO and the invoice plan alike."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..domain.pricing import Adjusting, PricingPolicy, TaxRounding, Totals, price, stored_line


def order_policy(order: Any, rounding: str | None = None) -> PricingPolicy:
    """The order's pricing as it was fixed when the order was created (currency, tax-inclusive prices, rounding);
    ``rounding`` overrides the tax rounding (an invoice rounds as the company does when it is issued)."""
    return PricingPolicy(order.currency, bool(order.prices_include_tax), TaxRounding(rounding or order.tax_rounding))


def price_order_lines(order: Any, lines: Sequence[Any], *, quantities: Sequence[int] | None = None,
                      rounding: str | None = None, adjustments: Sequence[Adjusting] = ()) -> Totals:
    """``lines`` as stored (sku, quantity, unit_price_minor, tax_rate_bp, discount_bp); ``quantities`` prices other
    quantities of the same lines (what an invoice bills of them); ``adjustments`` the document's allowances and
    charges (``cart_pricing.stored_adjustments`` of stored rows)."""
    counts = quantities if quantities is not None else [ln.quantity for ln in lines]
    return price((stored_line(ln.sku, q, ln.unit_price_minor, ln.tax_rate_bp, ln.discount_bp, order.currency)
                  for ln, q in zip(lines, counts, strict=True)), order_policy(order, rounding), adjustments)
