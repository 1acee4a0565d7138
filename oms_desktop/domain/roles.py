"""Roles and what each may do. Services check these; the GUI only mirrors them."""
from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from .errors import PermissionDenied
from .messages import code, msg, phrase


class Role(StrEnum):
    AGENT = "agent"
    COUNTER = "counter"
    WAREHOUSE = "warehouse"
    ACCOUNTANT = "accountant"
    MANAGER = "manager"
    ADMIN = "admin"


class Perm(StrEnum):
    VIEW = "view"
    ORDER_EDIT = "order.edit"          # create drafts, add lines, confirm
    ORDER_CANCEL = "order.cancel"
    PRICE_OVERRIDE = "price.override"  # price change or discount beyond the limit
    CUSTOMER_EDIT = "customer.edit"
    CUSTOMER_MERGE = "customer.merge"  # merge a duplicate into another customer: moves orders and payments, for good
    CATALOG_EDIT = "catalog.edit"      # products, imports
    STOCK_ADJUST = "stock.adjust"
    PURCHASING = "purchasing"
    WAREHOUSE = "warehouse"            # pick, pack, ship, deliver, returns
    PAYMENT = "payment"                # record payments at the counter
    TILL = "till"                      # open, fill, empty and close a till session at the counter
    ACCOUNTING = "accounting"          # invoices, credit notes, ledger
    BOOKS = "books"                    # read the journal (and export it), the trial balance and the cash flow
    USER_ADMIN = "user.admin"
    AUDIT = "audit.view"               # read the audit trail
    USER_LIST = "user.list"            # see who the users are and their roles
    SETTINGS = "settings"
    SYSTEM_SETTINGS = "settings.system"  # what connects the shop to the outside: SMTP, the status page's address


# Reads follow need: the journal, the trial balance and the user list are for accountants, managers and admins;
# agents, the counter and the warehouse see what their work needs (orders, the accounts queue, stock), not the books.
_SALES = {Perm.VIEW, Perm.ORDER_EDIT, Perm.ORDER_CANCEL, Perm.CUSTOMER_EDIT}
PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.AGENT: frozenset(_SALES),
    Role.COUNTER: frozenset(_SALES | {Perm.PAYMENT, Perm.TILL}),
    Role.WAREHOUSE: frozenset({Perm.VIEW, Perm.WAREHOUSE, Perm.STOCK_ADJUST}),
    Role.ACCOUNTANT: frozenset({Perm.VIEW, Perm.PAYMENT, Perm.ACCOUNTING, Perm.BOOKS, Perm.USER_LIST,
                                Perm.CUSTOMER_EDIT, Perm.CUSTOMER_MERGE}),
    Role.MANAGER: frozenset(p for p in Perm if p not in (Perm.USER_ADMIN, Perm.SYSTEM_SETTINGS)),
    Role.ADMIN: frozenset(Perm),
}


def can(role: str | Role, perm: Perm) -> bool:
    try:
        return perm in PERMISSIONS[Role(role)]
    except ValueError:
        return False


class HasRole(Protocol):
    """Who acts, as far as permissions go: a signed-in user (services.dto.Actor) or anything with these two."""

    @property
    def username(self) -> str: ...

    @property
    def role(self) -> str: ...


def require(actor: HasRole | None, perm: Perm, what: str) -> None:
    """Raise PermissionDenied unless ``actor`` (anything with ``username`` and ``role``) may ``perm``."""
    if actor is None or not can(actor.role, perm):
        who = msg("{user} ({role})", user=actor.username, role=code(actor.role)) if actor is not None else \
            msg("nobody signed in")
        raise PermissionDenied(msg("{who} may not {what}; ask a user with the right role (needs '{perm}').", who=who,
                                   what=phrase(what), perm=str(perm)))
