"""The SQLAlchemy unit of work: one Connection, one transaction, repositories bound to it."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection, Engine, RootTransaction
from sqlalchemy.exc import DBAPIError, OperationalError

from ...domain.errors import OmsError, StorageError
from ...domain.messages import msg
from .engine import reader, translate_storage_error
from .held_rows import held_inserts, write_held
from .repositories import (AuditRepo, CustomersRepo, EventsRepo, OrdersRepo, ProductsRepo, SettingsRepo, StockRepo,
                           UsersRepo)
from .repositories_customers import CustomerMergesRepo
from .repositories_carts import CartsRepo, PromotionsRepo
from .repositories_accounts import InvoicesRepo, LedgerRepo, PaymentsRepo, ReceivablesRepo
from .repositories_purchasing import PayablesRepo, PurchasingRepo
from .repositories_mail import OutboxRepo
from .repositories_printing import PrintJobsRepo
from .repositories_stamps import EditStampsRepo
from .repositories_forecasts import ForecastsRepo
from .repositories_sales import SalesRepo
from .repositories_till import TillRepo
from .repositories_warehouse import PickingRepo, ShipmentsRepo

if TYPE_CHECKING:
    from ...services.ports import UnitOfWork, UnitOfWorkFactory

log = logging.getLogger(__name__)


class SqlUnitOfWork:
    def __init__(self, engine: Engine, *, write: bool = True):
        self._engine = engine if write else reader(engine)
        self.write = write
        self.dialect = engine.dialect.name
        self._conn: Connection | None = None
        self._tx: RootTransaction | None = None

    def __enter__(self) -> "SqlUnitOfWork":
        try:
            self._conn = self._engine.connect()
            self._tx = self._conn.begin()
        except DBAPIError as exc:
            if self._conn is not None:
                self._conn.close()
            raise (translate_storage_error(exc)
                   or StorageError(msg("The database cannot be opened."), str(exc))) from exc
        c = self._conn
        self.settings = SettingsRepo(c)
        self.users = UsersRepo(c)
        self.products = ProductsRepo(c)
        self.stock = StockRepo(c)
        self.customers = CustomersRepo(c)
        self.customer_merges = CustomerMergesRepo(c)
        self.orders = OrdersRepo(c)
        self.events = EventsRepo(c)
        self.audit = AuditRepo(c)
        self.purchasing = PurchasingRepo(c)
        self.payables = PayablesRepo(c)
        self.picking = PickingRepo(c)
        self.shipments = ShipmentsRepo(c)
        self.invoices = InvoicesRepo(c)
        self.payments = PaymentsRepo(c)
        self.receivables = ReceivablesRepo(c)
        self.ledger = LedgerRepo(c)
        self.carts = CartsRepo(c)
        self.promotions = PromotionsRepo(c)
        self.sales = SalesRepo(c)
        self.outbox = OutboxRepo(c)
        self.print_jobs = PrintJobsRepo(c)
        self.forecasts = ForecastsRepo(c)
        self.till = TillRepo(c)
        self.edit_stamps = EditStampsRepo(c)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if self._tx is not None and self._tx.is_active:
                self._tx.rollback()
        finally:
            assert self._conn is not None  # __exit__ runs only after __enter__ connected
            self._conn.close()
        if exc is not None and not isinstance(exc, OmsError) and isinstance(exc, (DBAPIError, OperationalError)):
            translated = translate_storage_error(exc)
            if translated is not None:
                raise translated from exc

    def commit(self) -> None:
        assert self._tx is not None, "commit() outside the with block"
        try:
            assert self._conn is not None
            write_held(self._conn)  # rows still held (a block of held_inserts left open) are not lost
            self._tx.commit()
        except DBAPIError as exc:
            translated = translate_storage_error(exc)
            if translated is not None:
                raise translated from exc
            raise

    def rollback(self) -> None:
        assert self._tx is not None, "rollback() outside the with block"
        self._tx.rollback()

    def held_inserts(self) -> AbstractContextManager[None]:
        """Rows added inside that need no answer (lines, history, events, audit, stock moves) are written together
        in one statement on PostgreSQL, before the next statement runs (``held_rows.held_inserts``)."""
        assert self._conn is not None, "held_inserts() outside the with block"
        return held_inserts(self._conn)

    @contextmanager
    def planned_for_values(self) -> Iterator[None]:
        """Plan the statements run inside for the values they are run with (PostgreSQL; SQLite plans each statement
        anew anyway): psycopg prepares a statement run five times, and a generic plan for an IN list of a batch's
        200 values may choose an index that is right for none of them (the customers' e-mails: a trigram index,
        seconds a query; see ``CustomersRepo.first_ids_by_emails``). Only around such reads: planning every
        execution of a large executemany anew costs more than it saves.
        """
        assert self._conn is not None, "planned_for_values() outside the with block"
        pg = self.dialect == "postgresql"
        if pg:
            self._conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")
        yield
        if pg:  # not after an error: the transaction is rolled back, the setting with it
            self._conn.exec_driver_sql("SET LOCAL plan_cache_mode TO DEFAULT")

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A part of the transaction that is undone alone when it raises (SAVEPOINT ... RELEASE, or ROLLBACK TO):
        an import takes many orders in one transaction, each whole or not at all."""
        assert self._conn is not None, "savepoint() outside the with block"
        nested = self._conn.begin_nested()
        try:
            yield
        except BaseException:
            nested.rollback()
            raise
        nested.commit()


def uow_factory(engine: Engine) -> "UnitOfWorkFactory":
    def factory(write: bool = True) -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, write=write)
    return factory


if TYPE_CHECKING:
    from ...services import repository_ports as rp

    def _conforms(uow: SqlUnitOfWork) -> UnitOfWork:
        """mypy checks here that the SQL unit of work and its repositories are what ``services/ports.py`` says."""
        _settings: rp.SettingsRepository = uow.settings
        _users: rp.UsersRepository = uow.users
        _products: rp.ProductsRepository = uow.products
        _stock: rp.StockRepository = uow.stock
        _customers: rp.CustomersRepository = uow.customers
        _customer_merges: rp.CustomerMergesRepository = uow.customer_merges
        _orders: rp.OrdersRepository = uow.orders
        _events: rp.EventsRepository = uow.events
        _audit: rp.AuditRepository = uow.audit
        _invoices: rp.InvoicesRepository = uow.invoices
        _payments: rp.PaymentsRepository = uow.payments
        _receivables: rp.ReceivablesRepository = uow.receivables
        _ledger: rp.LedgerRepository = uow.ledger
        _carts: rp.CartsRepository = uow.carts
        _promotions: rp.PromotionsRepository = uow.promotions
        _forecasts: rp.ForecastsRepository = uow.forecasts
        _outbox: rp.OutboxRepository = uow.outbox
        _print_jobs: rp.PrintJobsRepository = uow.print_jobs
        _purchasing: rp.PurchasingRepository = uow.purchasing
        _payables: rp.PayablesRepository = uow.payables
        _sales: rp.SalesRepository = uow.sales
        _till: rp.TillRepository = uow.till
        _picking: rp.PickingRepository = uow.picking
        _shipments: rp.ShipmentsRepository = uow.shipments
        _edit_stamps: rp.EditStampsRepository = uow.edit_stamps
        return uow
