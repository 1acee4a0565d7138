"""Issue 18: a lost database connection shows a banner and reconnects by itself without losing the form being
edited. The outage is real: the server stops accepting connections to the database and ends the open ones, as a
restart or a network cut would; then it takes them again."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text
from sqlalchemy.engine import make_url

from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from tests.helpers.fixtures import SAMPLE_CATALOG
from tests.helpers.workstations import Workstation

pytestmark = pytest.mark.postgres


def _accepting(pg_databases, database: str, accept: bool) -> None:
    with pg_databases.admin.connect() as c:
        c.execute(text(f'ALTER DATABASE "{database}" WITH ALLOW_CONNECTIONS {"true" if accept else "false"}'))
        if not accept:
            c.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = :d AND pid <> pg_backend_pid()"), {"d": database})


def test_a_lost_connection_shows_a_banner_keeps_what_was_typed_and_the_same_keys_work_once_it_is_back(
        qtbot, pg_migrated_url, pg_databases, paths):
    setup = open_backend(pg_migrated_url, paths=paths, hasher=fast_test_hasher(), migrate=False)
    s = setup.services
    s.auth.add_user(None, "admin", "admin", "admin-pw")
    admin = s.auth.sign_in("admin", "admin-pw")
    s.auth.add_user(admin, "agent", "agent", "agent-pw")
    s.catalog.import_catalog(admin, SAMPLE_CATALOG.encode())
    s.customers.add_customer(admin, "Anna Schmidt", ["0171 555-0100"], "anna@example.com", "Hauptstr. 1\n10115 Berlin")
    setup.dispose()
    database = make_url(pg_migrated_url).database

    desk = Workstation(qtbot, pg_migrated_url, paths, "agent", synchronous=False)
    try:
        window, entry = desk.window, desk.window.order_entry
        banner = window.connection_banner
        desk.focus(qtbot)
        qtbot.keyClicks(entry.customer_edit, "5550100")
        qtbot.keyClick(entry.customer_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: entry.customer is not None, timeout=5000)
        qtbot.keyClicks(entry.product_edit, "LAMP-01")
        qtbot.keyClick(entry.product_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: entry.order is not None and len(entry.order.lines) == 1, timeout=5000)
        assert not banner.isVisible()

        _accepting(pg_databases, database, False)
        try:
            qtbot.waitUntil(banner.isVisible, timeout=5000)
            assert "connection to the database is lost" in banner.text()
            qtbot.keyClicks(entry.product_edit, "3*BULB-E27")
            qtbot.keyClick(entry.product_edit, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: "cannot be reached" in entry.message_label.text(), timeout=10_000)
            assert entry.product_edit.text() == "3*BULB-E27", "what was typed must stay to be tried again"
            assert entry.customer.name == "Anna Schmidt" and len(entry.order.lines) == 1
        finally:
            _accepting(pg_databases, database, True)

        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
        entry.product_edit.setFocus()
        qtbot.keyClick(entry.product_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: len(entry.order.lines) == 2, timeout=5000)
        assert {line.sku: line.quantity for line in entry.order.lines} == {"LAMP-01": 1, "BULB-E27": 3}
    finally:
        desk.close()
