"""Ledger postings other areas make inside their own transaction (the warehouse at shipment and return, purchasing at
receipt, the catalog for opening stock, inventory for adjustments and counts).

Each function receives the caller's open unit of work, so the posting commits or rolls back with the business
change it records. ``post_entry`` is the one door into the journal: it refuses an entry that does not balance.
"""
from __future__ import annotations

from ..domain.errors import BusinessRuleViolation
from ..domain.ledger import (Entry, cogs_entry, goods_received_entry, opening_stock_entry, return_entry,
                             stock_adjustment_entry, validate_entry)
from .dto import order_number


def post_entry(uow, actor, entry: Entry, *, currency: str, order_id: int | None = None,
               invoice_id: int | None = None, payment_id: int | None = None,
               reverses_id: int | None = None) -> int | None:
    """Write a balanced entry to the journal; an entry with nothing left to post (all legs zero) is skipped."""
    if not entry.postings:
        return None
    problems = validate_entry(entry)
    if problems:
        # A bug in a posting rule, never user input: refuse rather than store a journal that does not add up.
        raise BusinessRuleViolation("The journal entry was refused: " + "; ".join(problems))
    return uow.accounts.add_entry(
        dict(kind=entry.kind, description=entry.description[:300], currency=currency, order_id=order_id,
             invoice_id=invoice_id, payment_id=payment_id, reverses_id=reverses_id,
             user_id=actor.user_id if actor is not None else None),
        [(p.account, p.amount) for p in entry.postings])


def _cost(uow, items: list[tuple[int, int]]) -> int:
    costs = uow.accounts.unit_costs(p for p, _q in items)  # one statement for all products
    return sum(costs.get(product_id, 0) * int(quantity) for product_id, quantity in items)


def post_shipment(uow, actor, order_id: int, shipped: list[tuple[int, int]], *, currency: str | None = None) -> None:
    """Cost of goods sold for ``shipped`` [(product_id, quantity)] of an order, posted at shipment.

    Debit COGS, credit Inventory, at the products' unit cost (``products.cost_minor``) times the quantity.
    ``currency``: the order's, when the caller has the order at hand (saves reading it again).
    """
    cost = _cost(uow, shipped)
    if cost:
        currency = currency or uow.orders.get(order_id).currency
        units = sum(q for _p, q in shipped)
        post_entry(uow, actor, cogs_entry(f"Cost of goods shipped, {order_number(order_id)} ({units} units)", cost),
                   currency=currency, order_id=order_id)


def post_return(uow, actor, order_id: int, returned: list[tuple[int, int]], restocked: bool) -> None:
    """Reverse cost of goods sold for returned units put back into stock (``restocked``) or written off."""
    cost = _cost(uow, returned)
    if cost:
        order = uow.orders.get(order_id)
        what = "restocked" if restocked else "written off"
        post_entry(uow, actor, return_entry(f"Return {what}, {order_number(order_id)}", cost, restocked),
                   currency=order.currency, order_id=order_id)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if abs(n) == 1 else "s")


def post_receipt(uow, actor, reference: str, received: list[tuple[int, int, int]], *, currency: str) -> None:
    """Goods received against purchase order ``reference``: [(product_id, quantity, unit_cost_minor)] at the purchase
    order line's unit cost. Debit Inventory, credit Goods received not invoiced; nothing is posted at cost 0."""
    cost = sum(int(q) * int(c) for _p, q, c in received)
    if cost:
        units = _count(sum(q for _p, q, _c in received), "unit")
        post_entry(uow, actor, goods_received_entry(f"Goods received, {reference} ({units})", cost),
                   currency=currency)


def post_opening_stock(uow, actor, items: list[tuple[int, int]], *, currency: str) -> None:
    """Opening stock [(product_id, quantity)] at the products' unit cost: debit Inventory, credit Opening balances."""
    value = _cost(uow, items)
    if value:
        what = f"{_count(sum(q for _p, q in items), 'unit')} of {_count(len({p for p, _q in items}), 'product')}"
        post_entry(uow, actor, opening_stock_entry(f"Opening stock ({what})", value), currency=currency)


def post_stock_adjustment(uow, actor, changes: list[tuple[int, int]], reason: str, *, currency: str) -> None:
    """Stock adjustments or count differences [(product_id, delta)] at the products' unit cost: shrinkage debits
    Inventory adjustments and credits Inventory, a gain the other way round (one entry for the net change)."""
    value = _cost(uow, changes)
    if value:
        net = sum(d for _p, d in changes)
        units = ("+" if net > 0 else "") + _count(net, "unit")
        post_entry(uow, actor, stock_adjustment_entry(f"Stock adjustment, {reason} ({units})", value),
                   currency=currency)
