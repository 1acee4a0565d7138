"""Use cases: one unit of work each, permission checks inside, plain DTOs out."""
from __future__ import annotations

from dataclasses import dataclass

from .auth import AuthService
from .base import SettingsCache
from .catalog import CatalogService
from .company import CompanyService
from .customers import CustomerService
from .events import EventService
from .inventory import InventoryService
from .orders import OrderService
from .ports import UnitOfWorkFactory


@dataclass
class Services:
    auth: AuthService
    company: CompanyService
    catalog: CatalogService
    inventory: InventoryService
    customers: CustomerService
    orders: OrderService
    events: EventService

    @classmethod
    def build(cls, uow: UnitOfWorkFactory, hasher) -> "Services":
        cache = SettingsCache(uow)
        return cls(auth=AuthService(uow, cache, hasher), company=CompanyService(uow, cache),
                   catalog=CatalogService(uow, cache), inventory=InventoryService(uow, cache),
                   customers=CustomerService(uow, cache), orders=OrderService(uow, cache),
                   events=EventService(uow, cache))
