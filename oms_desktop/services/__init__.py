"""Use cases: one unit of work each, permission checks inside, plain DTOs out; one service per concern."""
from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from .audit import AuditService
from .auth import AuthService
from .backups import BackupService, BackupStore
from .base import SettingsCache
from .carts import CartService
from .billing import BillingService
from .catalog import CatalogService
from .checks import CheckService
from .company import CompanyService
from .customers import CustomerService
from .dashboard import DashboardService
from .events import EventService
from .exports import Exporters
from .forecasts import ForecastEngine, ForecastService
from .inventory import InventoryService
from .ledger import LedgerService
from .order_import import OrderImportService
from .mail import MailService
from .mail_docs import MailComposer, MailTransport
from .order_tracking import TrackingService
from .orders import OrderService
from .output import Renderer
from .payables import PayablesService
from .picking import PickingService
from .ports import IdentifierChecks, PasswordHasher, UnitOfWorkFactory
from .promotions import PromotionService
from .purchasing import PurchasingService
from .receipt_printing import ReceiptPrinter, ReceiptPrintService
from .receivables import ReceivablesService
from .returns import ReturnsService
from .sales import SalesService
from .settings import SettingsService
from .shipping import ShippingService
from .status_page import StatusPageService
from .till import TillService


@dataclass
class Services:
    auth: AuthService
    audit: AuditService
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
    order_import: OrderImportService
    status_page: StatusPageService
    dashboard: DashboardService
    mail: MailService
    settings: SettingsService
    forecasts: ForecastService
    till: TillService
    receipt_printing: ReceiptPrintService
    backups: BackupService
    renderer: Renderer | None = None
    """PDFs of pick lists, packing slips, invoices, receipts, purchase orders and the catalog; None where nothing
    prints."""
    exporters: Exporters | None = None
    """Journal and Factur-X exports for the CLI and the GUI."""

    @classmethod
    def build(cls, uow: UnitOfWorkFactory, hasher: PasswordHasher, *, renderer: Renderer | None = None,
              exporters: Exporters | None = None, mail_composer: MailComposer | None = None,
              mail_transport: MailTransport | None = None,
              forecast_engine: ForecastEngine | None = None,
              receipt_printer: ReceiptPrinter | None = None,
              common_passwords: Container[str] = frozenset(),
              identifier_checks: IdentifierChecks | None = None,
              backup_store: BackupStore | None = None) -> "Services":
        """Every service over one unit-of-work factory; ``renderer`` goes to each service that prints; the mail
        service sends through ``mail_transport`` what ``mail_composer`` writes (None: the outbox only fills);
        ``forecast_engine`` computes forecasts (without one, only cached forecasts can be read); ``receipt_printer``
        prints counter receipts on the ESC/POS printer the settings name (None: print jobs wait);
        ``common_passwords`` are refused as new passwords (lowercased); ``identifier_checks`` check IBANs, VAT IDs
        and locales in the company settings (None: such a setting is refused); ``backup_store`` holds the backups
        (None: backups are refused)."""
        cache = SettingsCache(uow)
        company = CompanyService(uow, cache, identifier_checks)
        billing = BillingService(uow, cache, renderer)
        mail = MailService(uow, cache, composer=mail_composer, transport=mail_transport,
                           invoice_pdf=billing.pdf_for_mail)
        return cls(auth=AuthService(uow, cache, hasher, common_passwords), audit=AuditService(uow, cache),
                   company=company,
                   catalog=CatalogService(uow, cache, renderer), inventory=InventoryService(uow, cache),
                   customers=CustomerService(uow, cache), orders=OrderService(uow, cache),
                   events=EventService(uow, cache), purchasing=PurchasingService(uow, cache, renderer),
                   payables=PayablesService(uow, cache), picking=PickingService(uow, cache, renderer),
                   shipping=ShippingService(uow, cache, renderer), returns=ReturnsService(uow, cache),
                   tracking=TrackingService(uow, cache), billing=billing,
                   receivables=ReceivablesService(uow, cache, renderer), ledger=LedgerService(uow, cache),
                   checks=CheckService(uow, cache), carts=CartService(uow, cache),
                   promotions=PromotionService(uow, cache), sales=SalesService(uow, cache), mail=mail,
                   settings=SettingsService(uow, cache, company), order_import=OrderImportService(uow, cache),
                   status_page=StatusPageService(uow, cache), dashboard=DashboardService(uow, cache),
                   forecasts=ForecastService(uow, cache, forecast_engine), till=TillService(uow, cache, renderer),
                   receipt_printing=ReceiptPrintService(uow, cache, receipt_printer),
                   backups=BackupService(uow, cache, backup_store),
                   renderer=renderer,
                   exporters=exporters)
