"""Use cases: one unit of work each, permission checks inside, plain DTOs out."""
from __future__ import annotations

from dataclasses import dataclass

from .accounts import AccountsService
from .auth import AuthService
from .base import SettingsCache
from .catalog import CatalogService
from .checks import CheckService
from .company import CompanyService
from .customers import CustomerService
from .events import EventService
from .inventory import InventoryService
from .order_tracking import TrackingService
from .orders import OrderService
from .payables import PayablesService
from .picking import PickingService
from .ports import UnitOfWorkFactory
from .purchasing import PurchasingService
from .returns import ReturnsService
from .shipping import ShippingService


@dataclass
class Services:
    auth: AuthService
    company: CompanyService
    catalog: CatalogService
    inventory: InventoryService
    customers: CustomerService
    orders: OrderService
    events: EventService
    purchasing: PurchasingService
    payables: PayablesService
    picking: PickingService
    shipping: ShippingService
    returns: ReturnsService
    tracking: TrackingService
    accounts: AccountsService
    checks: CheckService

    @classmethod
    def build(cls, uow: UnitOfWorkFactory, hasher) -> "Services":
        cache = SettingsCache(uow)
        return cls(auth=AuthService(uow, cache, hasher), company=CompanyService(uow, cache),
                   catalog=CatalogService(uow, cache), inventory=InventoryService(uow, cache),
                   customers=CustomerService(uow, cache), orders=OrderService(uow, cache),
                   events=EventService(uow, cache), purchasing=PurchasingService(uow, cache),
                   payables=PayablesService(uow, cache), picking=PickingService(uow, cache),
                   shipping=ShippingService(uow, cache), returns=ReturnsService(uow, cache),
                   tracking=TrackingService(uow, cache), accounts=AccountsService(uow, cache),
                   checks=CheckService(uow, cache))
