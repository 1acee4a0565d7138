"""Use cases: one unit of work each, permission checks inside, plain DTOs out; one service per concern."""
from __future__ import annotations

from dataclasses import dataclass

from .auth import AuthService
from .base import SettingsCache
from .carts import CartService
from .billing import BillingService
from .catalog import CatalogService
from .checks import CheckService
from .company import CompanyService
from .customers import CustomerService
from .events import EventService
from .exports import Exporters
from .forecasts import ForecastEngine, ForecastService
from .inventory import InventoryService
from .ledger import LedgerService
from .order_tracking import TrackingService
from .orders import OrderService
from .output import Renderer
from .payables import PayablesService
from .picking import PickingService
from .ports import PasswordHasher, UnitOfWorkFactory
from .promotions import PromotionService
from .purchasing import PurchasingService
from .receivables import ReceivablesService
from .returns import ReturnsService
from .sales import SalesService
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
    carts: CartService
    promotions: PromotionService
    sales: SalesService
    forecasts: ForecastService
    renderer: Renderer | None = None
    """PDFs of pick lists, packing slips, invoices, receipts and purchase orders; None where nothing prints."""
    exporters: Exporters | None = None
    """Journal and Factur-X exports for the CLI and the GUI."""

    @classmethod
    def build(cls, uow: UnitOfWorkFactory, hasher: PasswordHasher, *, renderer: Renderer | None = None,
              exporters: Exporters | None = None, forecast_engine: ForecastEngine | None = None) -> "Services":
        """Every service over one unit-of-work factory; ``renderer`` goes to each service that prints;
        ``forecast_engine`` computes forecasts (without one, only cached forecasts can be read)."""
        cache = SettingsCache(uow)
        return cls(auth=AuthService(uow, cache, hasher), company=CompanyService(uow, cache),
                   catalog=CatalogService(uow, cache), inventory=InventoryService(uow, cache),
                   customers=CustomerService(uow, cache), orders=OrderService(uow, cache),
                   events=EventService(uow, cache), purchasing=PurchasingService(uow, cache, renderer),
                   payables=PayablesService(uow, cache), picking=PickingService(uow, cache, renderer),
                   shipping=ShippingService(uow, cache, renderer), returns=ReturnsService(uow, cache),
                   tracking=TrackingService(uow, cache), billing=BillingService(uow, cache, renderer),
                   receivables=ReceivablesService(uow, cache, renderer), ledger=LedgerService(uow, cache),
                   checks=CheckService(uow, cache), carts=CartService(uow, cache),
                   promotions=PromotionService(uow, cache), sales=SalesService(uow, cache),
                   forecasts=ForecastService(uow, cache, forecast_engine), renderer=renderer,
                   exporters=exporters)
