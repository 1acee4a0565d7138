"""Use cases: one unit of work each, permission checks inside, plain DTOs out; one service per concern.

``Services`` holds one of each, built on first use: a service's module (and what it imports) loads when something
first asks for that service, not when the package is imported. Why: the app start (target 1.5 s to an interactive
window) paid for importing every service, about 0.3 s, most of them for screens not yet opened; the CLI runs one
command. A service built once stays (``Services`` builds each exactly once, also when threads ask at once).

Each service has its own small builder that imports its module by name (not one table read by ``importlib``): the
layering test and PyInstaller see every import, and mypy sees each attribute's type.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Container
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from .base import SettingsCache

if TYPE_CHECKING:
    from .audit import AuditService
    from .auth import AuthService
    from .backups import BackupService, BackupStore
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

_T = TypeVar("_T")


class _Built(Generic[_T]):
    """A service of ``Services``, built by ``build`` on first use and kept in the instance (later reads find it
    there without this descriptor); ``Services._lock`` makes the first use build it once."""

    def __init__(self, build: Callable[[Services], _T]) -> None:
        self._build = build
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _Built[_T]: ...

    @overload
    def __get__(self, obj: Services, owner: type | None = None) -> _T: ...

    def __get__(self, obj: Services | None, owner: type | None = None) -> _T | _Built[_T]:
        if obj is None:
            return self
        with obj._lock:  # re-entrant: a service built from another (mail from billing) asks for it inside
            built = obj.__dict__.get(self._name, _MISSING)
            if built is _MISSING:
                built = obj.__dict__[self._name] = self._build(obj)
        return built


_MISSING: Any = object()


class Services:
    """Every service over one unit-of-work factory (``build``), each built on first use."""

    def _auth(s: Services) -> AuthService:
        from .auth import AuthService
        return AuthService(s._uow, s._cache, s._hasher, s._common_passwords)

    auth = _Built(_auth)

    def _audit(s: Services) -> AuditService:
        from .audit import AuditService
        return AuditService(s._uow, s._cache)

    audit = _Built(_audit)

    def _company(s: Services) -> CompanyService:
        from .company import CompanyService
        return CompanyService(s._uow, s._cache, s._identifier_checks)

    company = _Built(_company)

    def _catalog(s: Services) -> CatalogService:
        from .catalog import CatalogService
        return CatalogService(s._uow, s._cache, s.renderer)

    catalog = _Built(_catalog)

    def _inventory(s: Services) -> InventoryService:
        from .inventory import InventoryService
        return InventoryService(s._uow, s._cache)

    inventory = _Built(_inventory)

    def _customers(s: Services) -> CustomerService:
        from .customers import CustomerService
        return CustomerService(s._uow, s._cache)

    customers = _Built(_customers)

    def _orders(s: Services) -> OrderService:
        from .orders import OrderService
        return OrderService(s._uow, s._cache)

    orders = _Built(_orders)

    def _events(s: Services) -> EventService:
        from .events import EventService
        return EventService(s._uow, s._cache)

    events = _Built(_events)

    def _purchasing(s: Services) -> PurchasingService:
        from .purchasing import PurchasingService
        return PurchasingService(s._uow, s._cache, s.renderer)

    purchasing = _Built(_purchasing)

    def _payables(s: Services) -> PayablesService:
        from .payables import PayablesService
        return PayablesService(s._uow, s._cache)

    payables = _Built(_payables)

    def _picking(s: Services) -> PickingService:
        from .picking import PickingService
        return PickingService(s._uow, s._cache, s.renderer)

    picking = _Built(_picking)

    def _shipping(s: Services) -> ShippingService:
        from .shipping import ShippingService
        return ShippingService(s._uow, s._cache, s.renderer)

    shipping = _Built(_shipping)

    def _returns(s: Services) -> ReturnsService:
        from .returns import ReturnsService
        return ReturnsService(s._uow, s._cache)

    returns = _Built(_returns)

    def _tracking(s: Services) -> TrackingService:
        from .order_tracking import TrackingService
        return TrackingService(s._uow, s._cache)

    tracking = _Built(_tracking)

    def _billing(s: Services) -> BillingService:
        from .billing import BillingService
        return BillingService(s._uow, s._cache, s.renderer)

    billing = _Built(_billing)

    def _receivables(s: Services) -> ReceivablesService:
        from .receivables import ReceivablesService
        return ReceivablesService(s._uow, s._cache, s.renderer)

    receivables = _Built(_receivables)

    def _ledger(s: Services) -> LedgerService:
        from .ledger import LedgerService
        return LedgerService(s._uow, s._cache)

    ledger = _Built(_ledger)

    def _checks(s: Services) -> CheckService:
        from .checks import CheckService
        return CheckService(s._uow, s._cache)

    checks = _Built(_checks)

    def _carts(s: Services) -> CartService:
        from .carts import CartService
        return CartService(s._uow, s._cache)

    carts = _Built(_carts)

    def _promotions(s: Services) -> PromotionService:
        from .promotions import PromotionService
        return PromotionService(s._uow, s._cache)

    promotions = _Built(_promotions)

    def _sales(s: Services) -> SalesService:
        from .sales import SalesService
        return SalesService(s._uow, s._cache)

    sales = _Built(_sales)

    def _order_import(s: Services) -> OrderImportService:
        from .order_import import OrderImportService
        return OrderImportService(s._uow, s._cache)

    order_import = _Built(_order_import)

    def _status_page(s: Services) -> StatusPageService:
        from .status_page import StatusPageService
        return StatusPageService(s._uow, s._cache)

    status_page = _Built(_status_page)

    def _dashboard(s: Services) -> DashboardService:
        from .dashboard import DashboardService
        return DashboardService(s._uow, s._cache)

    dashboard = _Built(_dashboard)

    def _mail(s: Services) -> MailService:
        from .mail import MailService
        return MailService(s._uow, s._cache, composer=s._mail_composer, transport=s._mail_transport,
                           invoice_pdf=s.billing.pdf_for_mail)

    mail = _Built(_mail)

    def _settings(s: Services) -> SettingsService:
        from .settings import SettingsService
        return SettingsService(s._uow, s._cache, s.company)

    settings = _Built(_settings)

    def _forecasts(s: Services) -> ForecastService:
        from .forecasts import ForecastService
        return ForecastService(s._uow, s._cache, s._forecast_engine)

    forecasts = _Built(_forecasts)

    def _till(s: Services) -> TillService:
        from .till import TillService
        return TillService(s._uow, s._cache, s.renderer)

    till = _Built(_till)

    def _receipt_printing(s: Services) -> ReceiptPrintService:
        from .receipt_printing import ReceiptPrintService
        return ReceiptPrintService(s._uow, s._cache, s._receipt_printer)

    receipt_printing = _Built(_receipt_printing)

    def _backups(s: Services) -> BackupService:
        from .backups import BackupService
        return BackupService(s._uow, s._cache, s._backup_store)

    backups = _Built(_backups)

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
        return cls(uow, hasher, renderer=renderer, exporters=exporters, mail_composer=mail_composer,
                   mail_transport=mail_transport, forecast_engine=forecast_engine, receipt_printer=receipt_printer,
                   common_passwords=common_passwords, identifier_checks=identifier_checks, backup_store=backup_store)

    def __init__(self, uow: UnitOfWorkFactory, hasher: PasswordHasher, *, renderer: Renderer | None = None,
                 exporters: Exporters | None = None, mail_composer: MailComposer | None = None,
                 mail_transport: MailTransport | None = None, forecast_engine: ForecastEngine | None = None,
                 receipt_printer: ReceiptPrinter | None = None, common_passwords: Container[str] = frozenset(),
                 identifier_checks: IdentifierChecks | None = None, backup_store: BackupStore | None = None):
        self._lock = threading.RLock()
        self._uow, self._hasher, self._common_passwords = uow, hasher, common_passwords
        self._cache = SettingsCache(uow)
        self._identifier_checks, self._mail_composer, self._mail_transport = (identifier_checks, mail_composer,
                                                                              mail_transport)
        self._forecast_engine, self._receipt_printer, self._backup_store = (forecast_engine, receipt_printer,
                                                                            backup_store)
        self.renderer: Renderer | None = renderer
        """PDFs of pick lists, packing slips, invoices, receipts, purchase orders and the catalog; None where
        nothing prints."""
        self.exporters: Exporters | None = exporters
        """Journal and Factur-X exports for the CLI and the GUI."""
