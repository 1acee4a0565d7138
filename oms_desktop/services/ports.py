"""What services need from the outside world: a unit of work with repositories, and a clock."""
from __future__ import annotations

from datetime import datetime, timezone
from contextlib import AbstractContextManager
from typing import Any, Callable, Protocol


class UnitOfWork(Protocol):
    """One transaction. Rolls back unless ``commit()`` is called inside the ``with`` block.

    Repositories (attributes): settings, users, products, stock, customers, customer_merges, orders, events, audit,
    purchasing, payables, picking, shipments, invoices, payments, receivables, ledger, carts, promotions, sales,
    outbox, forecasts, till. Their methods take and return plain values (ints, strings, dicts, row-like objects with
    attribute access).
    """

    settings: Any
    users: Any
    products: Any
    stock: Any
    customers: Any
    customer_merges: Any
    orders: Any
    events: Any
    audit: Any
    purchasing: Any
    payables: Any
    picking: Any
    shipments: Any
    invoices: Any
    payments: Any
    receivables: Any
    ledger: Any
    carts: Any
    promotions: Any
    sales: Any
    outbox: Any
    forecasts: Any
    till: Any
    dialect: str

    def __enter__(self) -> "UnitOfWork": ...
    def __exit__(self, *exc) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def savepoint(self) -> AbstractContextManager[None]: ...


UnitOfWorkFactory = Callable[..., UnitOfWork]
"""``factory(write=True)`` opens a write transaction (SQLite: BEGIN IMMEDIATE); ``write=False`` a read one."""


class PasswordHasher(Protocol):
    """Slow, salted password hashes (``adapters/security``: argon2id)."""

    def hash(self, password: str) -> str: ...
    def verify(self, stored_hash: str, password: str) -> bool: ...
    def needs_rehash(self, stored_hash: str) -> bool: ...


def utc_now() -> datetime:
    return datetime.now(timezone.utc)
