"""Sales figures of one order (pure): what each of its products earned net of the order's allowances, and what a
return of some of its units takes back. The sales facts (``services/sales_facts.py``), the check that recomputes
them from the documents in SQL (``adapters/db/repositories_sales.py``) and migration 0010's backfill apply exactly
these rules, in integers (minor units), so the three agree to the cent.

* **Net revenue of a product on an order** = its lines' net (after their own discounts) less its share of the order's
  *goods allowances*: every allowance (an adjustment < 0: promotion, coupon, incentive) except free shipping, which
  takes a shipping charge off again. Shipping charges and the free shipping that cancels them are freight, not sales
  of a product: they are in no product's revenue. The allowances are shared over the order's products in proportion
  to each product's net, each share cut towards zero (integer division); the product with the largest net (the
  lowest product id among equals: the *anchor*) takes what is left, so the shares add up exactly to the allowances.
* **A return** of ``quantity`` units of a product that ``before`` units of the same product on the same order came
  back before is worth ``revenue * (before + quantity) / units - revenue * before / units`` (each cut towards zero):
  the returns of all of a product's units add up exactly to its revenue, however they were split.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .promotions import FREE_SHIPPING_LABEL


def tdiv(a: int, b: int) -> int:
    """``a / b`` cut towards zero, as SQL's integer division does on SQLite and PostgreSQL (Python's ``//`` floors)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def is_goods_allowance(amount_minor: int, label: str) -> bool:
    """An allowance taken off the goods (not a charge, not free shipping taking a shipping charge off again)."""
    return amount_minor < 0 and not label.startswith(FREE_SHIPPING_LABEL)


@dataclass(frozen=True)
class ProductSale:
    """One product of one order: its units, its lines' net, its revenue net of its share of the allowances, and
    whether it is the order's anchor (the one product an order is counted on where orders are counted once)."""
    product_id: int
    units: int
    net_minor: int
    revenue_minor: int
    anchor: bool


def product_sales(lines: Iterable[tuple[int, int, int]], allowances_minor: int) -> list[ProductSale]:
    """The order's sales per product, in product id order, from its lines ``(product_id, quantity, net_minor)`` and
    the net of its goods allowances (<= 0, as stored)."""
    units: dict[int, int] = {}
    nets: dict[int, int] = {}
    for pid, qty, net in lines:
        units[pid] = units.get(pid, 0) + qty
        nets[pid] = nets.get(pid, 0) + net
    if not nets:
        return []
    taken = -allowances_minor
    total = sum(nets.values())
    anchor = min(nets, key=lambda pid: (-nets[pid], pid))
    shares = {pid: (tdiv(taken * net, total) if total else 0) for pid, net in nets.items()}
    shares[anchor] = taken - sum(s for pid, s in shares.items() if pid != anchor)
    return [ProductSale(pid, units[pid], nets[pid], nets[pid] - shares[pid], pid == anchor) for pid in sorted(nets)]


def goods_allowances(adjustments: Iterable[tuple[int, int, str]]) -> int:
    """The net of an order's goods allowances (<= 0) from its adjustments ``(amount_minor, net_minor, label)``."""
    return sum(net for amount, net, label in adjustments if is_goods_allowance(amount, label))


def returned_value(revenue_minor: int, units: int, before: int, quantity: int) -> int:
    """What ``quantity`` units returned after ``before`` others of the same product and order take back."""
    if units <= 0:
        return 0
    return tdiv(revenue_minor * (before + quantity), units) - tdiv(revenue_minor * before, units)


def by_product(sales: Iterable[ProductSale]) -> Mapping[int, ProductSale]:
    return {s.product_id: s for s in sales}
