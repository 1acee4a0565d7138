"""Open a database, migrate it and build the services: shared by the GUI, the CLI, the bench and tests."""
from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy.engine import Engine

from .adapters.db.engine import make_engine
from .adapters.db.migrate import upgrade
from .adapters.db.uow import uow_factory
from .adapters.identifiers import StdnumChecks
from .adapters.security import Argon2Hasher, common_passwords
from .config import Paths
from .services import Services


@dataclass
class Backend:
    url: str
    engine: Engine
    services: Services

    def dispose(self) -> None:
        self.engine.dispose()


class LazyRenderer:
    """The ReportLab renderer, built on first use: importing ReportLab and registering its fonts takes about half
    a second that the app start (target: 1.5 s to an interactive window) need not pay."""

    def __init__(self):
        self._renderer = None
        self._lock = threading.Lock()

    def __getattr__(self, name):
        if not name.startswith(("render_", "format_")):  # e.g. hasattr(x, "renderer") must not build it
            raise AttributeError(name)
        with self._lock:  # documents render on pool threads
            if self._renderer is None:
                from .adapters.pdf import ReportLabRenderer
                self._renderer = ReportLabRenderer()
        return getattr(self._renderer, name)


class LazyReceiptPrinter:
    """The python-escpos receipt printer, imported with the first receipt (it brings Pillow, qrcode and
    python-barcode along, which the app start need not load)."""

    def print_receipt(self, target, doc, *, kick_drawer: bool) -> None:
        from .adapters.escpos import EscposReceiptPrinter
        EscposReceiptPrinter().print_receipt(target, doc, kick_drawer=kick_drawer)


def open_backend(url: str, *, paths: Paths | None = None, hasher=None, migrate: bool = True) -> Backend:
    engine = make_engine(url)
    if migrate:
        try:
            upgrade(engine, (paths or Paths.default()).backups)
        except BaseException:
            engine.dispose()  # no backend to dispose of it later: its pooled connections would be left open
            raise
    from .adapters.db.backup import SqlBackupStore
    from .adapters.exports import Exporters
    from .adapters.forecasting import StatsforecastEngine  # statsforecast itself loads with the first forecast
    from .adapters.mail import SmtpTransport, TemplateComposer
    services = Services(uow_factory(engine), hasher or Argon2Hasher(),
                              renderer=LazyRenderer(),  # ReportLab and its fonts load with the first document
                              exporters=Exporters(),
                              mail_composer=TemplateComposer((paths or Paths.default()).config / "mail_templates"),
                              mail_transport=SmtpTransport(), forecast_engine=StatsforecastEngine(),
                              receipt_printer=LazyReceiptPrinter(), common_passwords=common_passwords(),
                              identifier_checks=StdnumChecks(),
                              backup_store=SqlBackupStore(engine, (paths or Paths.default()).backups))
    return Backend(url, engine, services)
