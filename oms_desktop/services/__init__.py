"""Use cases: one unit of work each, permission checks inside, plain DTOs out; one service per concern."""
from __future__ import annotations

from dataclasses import dataclass

from .auth import AuthService
from .base import SettingsCache
from .billing import BillingService
from .catalog import CatalogService
from .checks import CheckService
from .company import CompanyService
from .customers import CustomerService
from .events import EventService
from .inventory import InventoryService
from .ledger import LedgerService
from .order_tracking import TrackingService
from .orders import OrderService
from .payables import PayablesService
from .picking import PickingService
from .ports import UnitOfWorkFactory
from .purchasing import PurchasingService
from .receivables import ReceivablesService
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
    billing: BillingService
    receivables: ReceivablesService
    ledger: LedgerService
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
                   tracking=TrackingService(uow, cache), billing=BillingService(uow, cache),
                   receivables=ReceivablesService(uow, cache), ledger=LedgerService(uow, cache),
                   checks=CheckService(uow, cache))
