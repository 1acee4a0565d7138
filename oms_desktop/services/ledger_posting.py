"""Ledger postings other areas make inside their own transaction (the accounts area fills these in).

Each function receives the caller's open unit of work, so the posting commits or rolls back with the business
change it records.
"""
from __future__ import annotations


def post_shipment(uow, actor, order_id: int, shipped: list[tuple[int, int]]) -> None:
    """Cost of goods sold for ``shipped`` [(product_id, quantity)] of an order, posted at shipment."""


def post_return(uow, actor, order_id: int, returned: list[tuple[int, int]], restocked: bool) -> None:
    """Reverse cost of goods sold for returned units put back into stock (``restocked``) or written off."""
