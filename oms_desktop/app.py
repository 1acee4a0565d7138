"""Composition root: builds the QApplication, the backend, the event feed and the main window."""
from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from . import __version__
from .config import Paths, describe_url, resolve_database_url
from .domain.errors import OmsError, StorageError

log = logging.getLogger("oms_desktop")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="oms-desktop", description="OMS Desktop: order management, keyboard first.")
    p.add_argument("--database", metavar="URL", help="database URL (default: SQLite in the user data folder; "
                                                     "or OMS_DATABASE_URL)")
    p.add_argument("--demo", action="store_true", help="open the demo company (created on first use)")
    p.add_argument("--user", metavar="NAME", help="sign in as NAME (password from OMS_PASSWORD, else asked)")
    p.add_argument("--smoke-test", action="store_true",
                   help="start on a fresh demo company in a temporary folder, sign in as the demo manager, show the "
                        "main window, print one line and exit (0: it works); your data and settings are left alone")
    p.add_argument("--version", action="version", version=f"OMS Desktop {__version__}")
    return p.parse_args(argv)


def setup_logging(paths: Paths) -> os.PathLike:
    log_file = paths.logs / "oms-desktop.log"
    handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file


def seed_demo_with_progress(backend, parent=None) -> None:
    """Create the demo company in the background while a progress dialog keeps the window alive."""
    from .devtools.demo import seed_demo
    from .gui.jobs import JobRunner

    dialog = QProgressDialog(QCoreApplication.translate(
        "App", "Creating the demo company (products, customers, a year of orders)..."), "", 0, 100,
                             parent)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    runner = JobRunner()
    outcome: dict = {}
    job = runner.submit(lambda j: seed_demo(backend, seed=1, progress=j.report),
                        on_success=lambda r: outcome.setdefault("ok", r),
                        on_failure=lambda e: outcome.setdefault("error", e),
                        on_progress=lambda d, t: dialog.setValue(int(100 * d / max(t, 1))), write=True)
    job.signals.finished.connect(dialog.close)
    dialog.exec()
    runner.wait_for_done(600_000)
    QApplication.processEvents()
    if "error" in outcome:
        raise outcome["error"]


def run_window(app, services, backend, url: str, actor) -> tuple[str, int]:
    """The main window for ``actor`` until it closes: (what comes next, exit code); next is ``"quit"``,
    ``"sign_out"`` (someone else signs in) or a language code (the same user chose it: the window again in it)."""
    from .gui.event_feed import EventFeed
    from .gui.main_window import MainWindow
    waiter = None
    if backend.engine.dialect.name == "postgresql":
        from .adapters.db.notify import PgEventWaiter
        waiter = PgEventWaiter(url)
    last = services.events.last_id()
    feed = EventFeed(lambda after: services.events.since(actor, after), max(last - 30, 0), waiter=waiter)
    window = MainWindow(services, actor, database=describe_url(url), feed=feed, daily_backup=True)
    then: list[str] = []
    window.sign_out_requested.connect(lambda: (then.append("sign_out"), window.close()))
    window.language_changed.connect(lambda language: (then.append(language), window.close()))
    # The window sized itself: as this user left it, else to fit the screen's available area (restore_layout).
    window.show()
    window.raise_()
    window.activateWindow()  # the sign-in dialog had the focus; hand it to the order entry field
    feed.start()
    code = app.exec()
    feed.stop()
    window.jobs.wait_for_done()
    window.deleteLater()
    return (then[0] if then else "quit"), code


def smoke_test(app, timeout_s: int = 300) -> str:
    """``--smoke-test``: what a person's first start does, with no dialog anyone must answer: migrations on a fresh demo
    database in a temporary folder, the demo company, sign-in as the demo manager, the main window shown and one turn
    of the event loop; then the parts that load on first use (PDFs, receipt printers, forecasts) are imported, so a
    bundle missing one of them fails here. Returns the line to print; raises on any failure."""
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from sqlalchemy import func, select

    from .adapters.db import models as m
    from .adapters.db.migrate import current_revision, head_revision
    from .bootstrap import open_backend
    from .devtools.demo import DEMO_PASSWORD
    from .gui.event_feed import EventFeed
    from .gui.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="oms-smoke-") as home:
        root = Path(home)
        paths = Paths(root, root / "config", root / "logs", root / "backups").ensure()
        url = resolve_database_url(None, demo=True, paths=paths)
        backend = open_backend(url, paths=paths)
        try:
            schema = current_revision(backend.engine)
            if schema != head_revision():
                raise RuntimeError(f"the fresh database is at schema {schema}, not {head_revision()}")
            seed_demo_with_progress(backend)
            actor = backend.services.auth.sign_in("manager", DEMO_PASSWORD)
            feed = EventFeed(lambda after: backend.services.events.since(actor, after), 0)
            window = MainWindow(backend.services, actor, database=describe_url(url), feed=feed,
                                settings=QSettings(str(root / "window.ini"), QSettings.Format.IniFormat))
            # the manager starts on the dashboard: its figures, then the forecasts (statsforecast, in worker processes
            # for a shop this size) load in the background; wait for both, as a person would
            dashboard = window.dashboard
            if dashboard is None:
                raise RuntimeError("the manager has no dashboard")
            outcome: dict[str, object] = {}
            loop = QEventLoop()
            dashboard.loaded.connect(lambda _d: outcome.setdefault("figures", True))
            dashboard.forecast_loaded.connect(lambda _f: (outcome.setdefault("forecasts", True), loop.quit()))
            dashboard.failed.connect(lambda exc: (outcome.setdefault("error", exc), loop.quit()))
            QTimer.singleShot(timeout_s * 1000, loop.quit)
            window.show()
            feed.start()
            loop.exec()
            visible, tabs = window.isVisible(), window.ui.tabs.count()
            window.close()
            window.jobs.wait_for_done()
            feed.stop()
            window.deleteLater()
            if "error" in outcome:
                raise RuntimeError(f"the dashboard failed: {outcome['error']}")
            if not {"figures", "forecasts"} <= outcome.keys():
                raise RuntimeError(f"the dashboard did not load within {timeout_s} s (loaded: {sorted(outcome)})")
            if not visible:
                raise RuntimeError("the main window is not shown")
            with backend.engine.connect() as conn:
                orders = conn.execute(select(func.count()).select_from(m.Order)).scalar_one()
            if orders == 0:
                raise RuntimeError("the demo company has no orders")
            # the first invoice of the history as a PDF: ReportLab, its fonts, the barcode (rendered, then stored)
            pdf = backend.services.billing.invoice_pdf(actor, "INV-000001")
            if not pdf.startswith(b"%PDF"):
                raise RuntimeError("the invoice is not a PDF")
            from .adapters.escpos import EscposReceiptPrinter  # noqa: F401 - python-escpos, Pillow, qrcode
        finally:
            backend.dispose()
    return (f"smoke test passed: OMS Desktop {__version__}, schema {schema}, {tabs} tabs, "
            f"signed in as {actor.username}, {orders} demo orders, invoice PDF {len(pdf) // 1024} KiB")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.smoke_test:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        try:
            print(smoke_test(app), flush=True)
        except Exception as exc:  # noqa: BLE001 - any failure fails the smoke test, with what it was
            import traceback
            traceback.print_exc()
            print(f"smoke test FAILED: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
            return 1
        return 0
    paths = Paths.default().ensure()
    log_file = setup_logging(paths)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("OMS Desktop")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("oms-desktop")
    try:
        from .gui import resources_rc  # noqa: F401 - registers :/icons
        app.setWindowIcon(QIcon(":/icons/oms-desktop.svg"))
    except ImportError:
        pass
    from .gui import theme
    from .gui.main_window import default_settings
    theme.install(app, default_settings())  # light or dark: the system's, the workstation's choice or OMS_COLOR_SCHEME

    from .gui.errors import install_excepthook, show_error
    install_excepthook(log_file)

    from .bootstrap import open_backend
    url = resolve_database_url(args.database, demo=args.demo, paths=paths)
    try:
        backend = open_backend(url, paths=paths)
    except (StorageError, OmsError) as exc:
        show_error(None, exc)
        return 5
    except Exception as exc:  # noqa: BLE001 - cannot open the database at all: say so, log the rest
        log.exception("cannot open %s", url)
        QMessageBox.critical(None, "OMS Desktop", QCoreApplication.translate(
            "App", "The database {database} cannot be opened:\n{reason}").format(database=describe_url(url),
                                                                                reason=exc))
        return 5
    services = backend.services
    from .gui import i18n
    from .gui.login import install_user_language, sign_in_language
    from .gui.main_window import default_settings
    i18n.install(sign_in_language(default_settings(), services.company.get().locale))

    if services.auth.needs_first_user():
        if args.demo:
            seed_demo_with_progress(backend)
        else:
            from .gui.login import FirstRunDialog
            first = FirstRunDialog(services)
            if first.exec() != QDialog.DialogCode.Accepted:
                return 0

    actor = None
    if args.user and os.environ.get("OMS_PASSWORD"):
        try:
            actor = services.auth.sign_in(args.user, os.environ["OMS_PASSWORD"])
        except OmsError as exc:
            show_error(None, exc)
    code = 0
    first_pass = True
    while True:  # one pass per person at this workstation: File > Sign out comes back here
        company_locale = services.company.get().locale
        if actor is None:
            from .gui.login import LoginDialog
            i18n.install(sign_in_language(default_settings(), company_locale))  # before the dialog is made
            demo = QCoreApplication.translate("App", "  (demo: every password is 'demo')") if args.demo else ""
            login = LoginDialog(services, describe_url(url) + demo,
                                username=args.user or ("manager" if args.demo and first_pass else ""))
            if login.exec() != QDialog.DialogCode.Accepted:
                break
            actor = login.actor
        install_user_language(actor, company_locale, default_settings())  # before the main window is built
        then, code = run_window(app, services, backend, url, actor)
        if then == "quit":
            break
        if then != "sign_out":  # the user chose another language: their window again, in it
            actor = replace(actor, language=then)
            continue
        actor, args.user, first_pass = None, "", False  # someone else signs in: an empty name to type
    backend.dispose()
    return code
