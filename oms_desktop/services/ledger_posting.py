"""Ledger postings other areas make inside their own transaction (the warehouse at shipment and return).

Each function receives the caller's open unit of work, so the posting commits or rolls back with the business
change it records. ``post_entry`` is the one door into the journal: it refuses an entry that does not balance.
"""
from __future__ import annotations

from ..domain.errors import BusinessRuleViolation
from ..domain.ledger import Entry, cogs_entry, return_entry, validate_entry
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
