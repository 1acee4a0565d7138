"""What every service shares: the unit-of-work factory, the company settings, and permission checks."""
from __future__ import annotations

import threading
from decimal import Decimal

from ..domain.errors import AuthenticationFailed
from ..domain.messages import msg
from ..domain.money import from_minor
from ..domain.pricing import TaxRounding
from ..domain.roles import Perm, require
from .dto import Actor, CompanyDTO
from .ports import UnitOfWorkFactory

DEFAULT_SETTINGS = {
    "company_name": "My Company",
    "currency": "EUR",
    "prices_include_tax": "0",
    "tax_rounding": TaxRounding.PER_LINE.value,
    "company_address": "",
    "vat_id": "",
    "locale": "en_US",
    "default_channel": "phone",
    "discount_limit": "0.10",
    "cart_idle_minutes": "15",          # a cart idle longer is flagged at risk on the open-carts board
    "cart_abandoned_hours": "24",       # a cart idle longer counts as abandoned in the conversion report
    "incentive_limit_agent": "0.05",    # what an agent may offer on a cart, as a fraction of its goods
    "incentive_limit_manager": "0.25",  # what a manager may offer
    "lock_after_minutes": "15",         # a workstation untouched this long locks until its user's password (0: never)
}


class ServiceBase:
    def __init__(self, uow: UnitOfWorkFactory, hub: "SettingsCache"):
        self._uow = uow
        self._settings = hub

    def _require(self, actor: Actor | None, perm: Perm, what: str) -> Actor:
        if actor is None:
            raise AuthenticationFailed(msg("Sign in first."))
        require(actor, perm, what)
        return actor

    @property
    def company(self) -> CompanyDTO:
        return self._settings.company()

    def money(self, minor: int) -> Decimal:
        return from_minor(minor, self.company.currency)


class SettingsCache:
    """Company settings change rarely; cache them instead of reading them in every hot-path transaction."""

    def __init__(self, uow: UnitOfWorkFactory):
        self._uow = uow
        self._lock = threading.Lock()
        self._company: CompanyDTO | None = None

    def invalidate(self) -> None:
        with self._lock:
            self._company = None

    def raw(self) -> dict[str, str]:
        with self._uow(write=False) as uow:
            return {**DEFAULT_SETTINGS, **uow.settings.get_all()}

    def company(self) -> CompanyDTO:
        with self._lock:
            if self._company is None:
                s = self.raw()
                self._company = CompanyDTO(
                    name=s["company_name"], currency=s["currency"], prices_include_tax=s["prices_include_tax"] == "1",
                    tax_rounding=s["tax_rounding"], address=s["company_address"], vat_id=s["vat_id"],
                    locale=s["locale"], default_channel=s["default_channel"],
                    discount_limit=Decimal(s["discount_limit"]),
                    cart_idle_minutes=int(s["cart_idle_minutes"]), cart_abandoned_hours=int(s["cart_abandoned_hours"]),
                    incentive_limit_agent=Decimal(s["incentive_limit_agent"]),
                    incentive_limit_manager=Decimal(s["incentive_limit_manager"]),
                    lock_after_minutes=int(s["lock_after_minutes"]))
            return self._company
