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


class _built(Generic[_T]):  # noqa: N801 - used as a decorator, like cached_property
    """A service of ``Services``: the decorated method builds it on first use, and it is kept in the instance
    (later reads find it there without this descriptor); ``Services._lock`` makes the first use build it once."""

    def __init__(self, build: Callable[[Services], _T]) -> None:
        self._build = build
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _built[_T]: ...

    @overload
    def __get__(self, obj: Services, owner: type | None = None) -> _T: ...

    def __get__(self, obj: Services | None, owner: type | None = None) -> _T | _built[_T]:
        if obj is None:
            return self
        with obj._lock:  # re-entrant: a service built from another (mail from billing) asks for it inside
            built = obj.__dict__.get(self._name, _MISSING)
            if built is _MISSING:
                built = obj.__dict__[self._name] = self._build(obj)
        return built


_MISSING: Any = object()


class Services:
    """Every service over one unit-of-work factory, each built on first use."""

    @_built
    def auth(self) -> AuthService:
        from .auth import AuthService
        return AuthService(self._uow, self._cache, self._hasher, self._common_passwords)

    @_built
    def audit(self) -> AuditService:
        from .audit import AuditService
        return AuditService(self._uow, self._cache)

    @_built
    def company(self) -> CompanyService:
        from .company import CompanyService
        return CompanyService(self._uow, self._cache, self._identifier_checks)

    @_built
    def catalog(self) -> CatalogService:
        from .catalog import CatalogService
        return CatalogService(self._uow, self._cache, self.renderer)

    @_built
    def inventory(self) -> InventoryService:
        from .inventory import InventoryService
        return InventoryService(self._uow, self._cache)

    @_built
    def customers(self) -> CustomerService:
        from .customers import CustomerService
        return CustomerService(self._uow, self._cache)

    @_built
    def orders(self) -> OrderService:
        from .orders import OrderService
        return OrderService(self._uow, self._cache)

    @_built
    def events(self) -> EventService:
        from .events import EventService
        return EventService(self._uow, self._cache)

    @_built
    def purchasing(self) -> PurchasingService:
        from .purchasing import PurchasingService
        return PurchasingService(self._uow, self._cache, self.renderer)

    @_built
    def payables(self) -> PayablesService:
        from .payables import PayablesService
        return PayablesService(self._uow, self._cache)

    @_built
    def picking(self) -> PickingService:
        from .picking import PickingService
        return PickingService(self._uow, self._cache, self.renderer)

    @_built
    def shipping(self) -> ShippingService:
        from .shipping import ShippingService
        return ShippingService(self._uow, self._cache, self.renderer)

    @_built
    def returns(self) -> ReturnsService:
        from .returns import ReturnsService
        return ReturnsService(self._uow, self._cache)

    @_built
    def tracking(self) -> TrackingService:
        from .order_tracking import TrackingService
        return TrackingService(self._uow, self._cache)

    @_built
    def billing(self) -> BillingService:
        from .billing import BillingService
        return BillingService(self._uow, self._cache, self.renderer)

    @_built
    def receivables(self) -> ReceivablesService:
        from .receivables import ReceivablesService
        return ReceivablesService(self._uow, self._cache, self.renderer)

    @_built
    def ledger(self) -> LedgerService:
        from .ledger import LedgerService
        return LedgerService(self._uow, self._cache)

    @_built
    def checks(self) -> CheckService:
        from .checks import CheckService
        return CheckService(self._uow, self._cache)

    @_built
    def carts(self) -> CartService:
        from .carts import CartService
        return CartService(self._uow, self._cache)

    @_built
    def promotions(self) -> PromotionService:
        from .promotions import PromotionService
        return PromotionService(self._uow, self._cache)

    @_built
    def sales(self) -> SalesService:
        from .sales import SalesService
        return SalesService(self._uow, self._cache)

    @_built
    def order_import(self) -> OrderImportService:
        from .order_import import OrderImportService
        return OrderImportService(self._uow, self._cache)

    @_built
    def status_page(self) -> StatusPageService:
        from .status_page import StatusPageService
        return StatusPageService(self._uow, self._cache)

    @_built
    def dashboard(self) -> DashboardService:
        from .dashboard import DashboardService
        return DashboardService(self._uow, self._cache)

    @_built
    def mail(self) -> MailService:
        from .mail import MailService
        return MailService(self._uow, self._cache, composer=self._mail_composer, transport=self._mail_transport,
                           invoice_pdf=self.billing.pdf_for_mail)

    @_built
    def settings(self) -> SettingsService:
        from .settings import SettingsService
        return SettingsService(self._uow, self._cache, self.company)

    @_built
    def forecasts(self) -> ForecastService:
        from .forecasts import ForecastService
        return ForecastService(self._uow, self._cache, self._forecast_engine)

    @_built
    def till(self) -> TillService:
        from .till import TillService
        return TillService(self._uow, self._cache, self.renderer)

    @_built
    def receipt_printing(self) -> ReceiptPrintService:
        from .receipt_printing import ReceiptPrintService
        return ReceiptPrintService(self._uow, self._cache, self._receipt_printer)

    @_built
    def backups(self) -> BackupService:
        from .backups import BackupService
        return BackupService(self._uow, self._cache, self._backup_store)

    def __init__(self, uow: UnitOfWorkFactory, hasher: PasswordHasher, *, renderer: Renderer | None = None,
                 exporters: Exporters | None = None, mail_composer: MailComposer | None = None,
                 mail_transport: MailTransport | None = None, forecast_engine: ForecastEngine | None = None,
                 receipt_printer: ReceiptPrinter | None = None, common_passwords: Container[str] = frozenset(),
                 identifier_checks: IdentifierChecks | None = None, backup_store: BackupStore | None = None):
        """Every service over one unit-of-work factory; ``renderer`` goes to each service that prints; the mail
        service sends through ``mail_transport`` what ``mail_composer`` writes (None: the outbox only fills);
        ``forecast_engine`` computes forecasts (without one, only cached forecasts can be read); ``receipt_printer``
        prints counter receipts on the ESC/POS printer the settings name (None: print jobs wait);
        ``common_passwords`` are refused as new passwords (lowercased); ``identifier_checks`` check IBANs, VAT IDs
        and locales in the company settings (None: such a setting is refused); ``backup_store`` holds the backups
        (None: backups are refused)."""
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
