"""Ledger postings other areas make inside their own transaction (the warehouse at shipment and return, purchasing at
receipt, supplier invoice and supplier payment, the catalog for opening stock and cost changes, inventory for
adjustments and counts).

Each function receives the caller's open unit of work, so the posting commits or rolls back with the business
change it records. ``post_entry`` is the one door into the journal: it refuses an entry that does not balance.
"""
from __future__ import annotations

from ..domain.errors import BusinessRuleViolation
from ..domain.messages import msg
from ..domain.ledger import (Entry, cogs_entry, goods_received_entry, opening_stock_entry, return_entry,
                             revaluation_entry, stock_adjustment_entry, supplier_invoice_entry, supplier_payment_entry,
                             validate_entry)
from ..domain.money import from_minor
from ..domain.references import order_number


def post_entry(uow, actor, entry: Entry, *, currency: str, order_id: int | None = None,
               invoice_id: int | None = None, payment_id: int | None = None,
               reverses_id: int | None = None) -> int | None:
    """Write a balanced entry to the journal; an entry with nothing left to post (all legs zero) is skipped."""
    if not entry.postings:
        return None
    problems = validate_entry(entry)
    if problems:
        # A bug in a posting rule, never user input: refuse rather than store a journal that does not add up (the
        # problems themselves stay English: they are for whoever fixes the rule)
        raise BusinessRuleViolation(msg("The journal entry was refused: {problems}", problems="; ".join(problems)))
    return uow.ledger.add_entry(
        dict(kind=entry.kind, description=entry.description[:300], currency=currency, order_id=order_id,
             invoice_id=invoice_id, payment_id=payment_id, reverses_id=reverses_id,
             user_id=actor.user_id if actor is not None else None),
        [(p.account, p.amount) for p in entry.postings])


def post_entries(uow, actor, entries: list[tuple[Entry, int, int]], *, currency: str) -> None:
    """``post_entry`` for many entries of payments at once ((entry, order id, payment id) each; the payments
    different): the same checks, two statements."""
    rows = []
    for entry, order_id, payment_id in entries:
        if not entry.postings:
            continue
        problems = validate_entry(entry)
        if problems:
            raise BusinessRuleViolation(msg("The journal entry was refused: {problems}", problems="; ".join(problems)))
        rows.append((dict(kind=entry.kind, description=entry.description[:300], currency=currency,
                          order_id=order_id, invoice_id=None, payment_id=payment_id, reverses_id=None,
                          user_id=actor.user_id if actor is not None else None),
                     [(p.account, p.amount) for p in entry.postings]))
    uow.ledger.add_entries(rows)


def _cost(uow, items: list[tuple[int, int]]) -> int:
    costs = uow.invoices.unit_costs(p for p, _q in items)  # one statement for all products
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


def post_supplier_invoice(uow, actor, description: str, *, cost: int, net: int, tax: int,
                          currency: str) -> int | None:
    """A supplier's invoice: debit Goods received not invoiced with ``cost`` (the invoiced quantities at the purchase
    order's unit costs), the purchase price variance with ``net - cost``, Input tax with ``tax``; credit Payables
    with ``net + tax``. The entry's id (None when every leg is zero)."""
    return post_entry(uow, actor, supplier_invoice_entry(description, cost=cost, net=net, tax=tax),
                      currency=currency)


def post_supplier_payment(uow, actor, description: str, method: str, amount: int, *, currency: str) -> int | None:
    """Money paid to a supplier: debit Payables, credit Bank or Cash."""
    return post_entry(uow, actor, supplier_payment_entry(description, method, amount), currency=currency)


def cost_change(uow, product_id: int, sku: str, new_cost: int) -> tuple[str, int, int, int] | None:
    """(sku, on hand, old cost, new cost) of a product whose unit cost becomes ``new_cost``, None if it is that
    already. Its stock row is locked first (a no-op update: PostgreSQL takes the row lock; SQLite's write transaction
    holds the database anyway) and the cost and on hand are read after that, so neither a shipment or receipt nor
    another cost change moves them before the commit: the revaluation values exactly the units the new cost will
    apply to, from the cost they were valued at."""
    uow.stock.change_on_hand(product_id, 0)
    old = uow.invoices.unit_costs([product_id]).get(product_id, 0)
    if old == new_cost:
        return None
    return sku, int(uow.stock.get(product_id).on_hand), old, int(new_cost)


def post_revaluation(uow, actor, changes: list[tuple[str, int, int, int] | None], *, currency: str,
                     what: str = "") -> None:
    """Unit cost changes [(sku, on_hand, old_cost_minor, new_cost_minor)] (from ``cost_change``; None: unchanged) of
    stock on hand: Inventory moves by on hand x (new - old) against Inventory revaluation, one entry for the net value
    of all of them (nothing when that is zero)."""
    moved = [(sku, q, old, new) for sku, q, old, new in filter(None, changes) if q and new != old]
    value = sum(int(q) * (int(new) - int(old)) for _s, q, old, new in moved)
    if not value:
        return
    if len(moved) == 1:
        sku, q, old, new = moved[0]
        detail = f"{sku}, {_count(q, 'unit')} {from_minor(old, currency)} -> {from_minor(new, currency)}"
    else:
        detail = f"{what or 'cost changes'} ({_count(len(moved), 'product')})"
    post_entry(uow, actor, revaluation_entry(f"Revaluation, {detail}", value), currency=currency)
