"""Issue 18's "done when": two app processes on one PostgreSQL database. An order confirmed by another process (the
`oms` command line, as a phone agent's script or the web shop's import would) shows in this process's warehouse
queue and stock view within a second, with no key pressed: its window runs its jobs on real worker threads and its
live feed is woken by LISTEN/NOTIFY, as the app does."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from oms_desktop.gui.inventory import InventoryTab
from oms_desktop.gui.warehouse import WarehouseTab
from tests.helpers.fixtures import SAMPLE_CATALOG
from tests.helpers.workstations import Workstation

pytestmark = pytest.mark.postgres

WITHIN = 1.0   # seconds from the other process's commit having returned to both views showing it


def test_an_order_confirmed_in_another_process_shows_in_the_warehouse_queue_and_stock_view_within_a_second(
        qtbot, pg_migrated_url, paths, tmp_path):
    setup = open_backend(pg_migrated_url, paths=paths, hasher=fast_test_hasher(), migrate=False)
    s = setup.services
    s.auth.add_user(None, "admin", "admin", "admin-pw")
    admin = s.auth.sign_in("admin", "admin-pw")
    for role in ("agent", "warehouse"):
        s.auth.add_user(admin, role, role, f"{role}-pw")
    s.catalog.import_catalog(admin, SAMPLE_CATALOG.encode())
    customer = s.customers.add_customer(admin, "Anna Schmidt", ["0171 555-0100"], "anna@example.com",
                                        "Hauptstr. 1\n10115 Berlin")
    setup.dispose()

    desk = Workstation(qtbot, pg_migrated_url, paths, "warehouse", synchronous=False)
    try:
        window = desk.window
        queue = next(t for t in window.tab_widgets if isinstance(t, WarehouseTab))
        stock = next(t for t in window.tab_widgets if isinstance(t, InventoryTab))

        def lamp():
            return next((stock.model.product(r) for r in range(stock.model.rowCount())
                         if stock.model.product(r).sku == "LAMP-01"), None)

        qtbot.waitUntil(lambda: lamp() is not None and queue.queue_items is not None, timeout=10_000)
        assert lamp().reserved == 0 and not queue.queue_items

        env = dict(os.environ, OMS_PASSWORD="agent-pw", OMS_HOME=str(tmp_path / "other-process"))
        other = subprocess.run(
            [sys.executable, "-m", "oms_desktop.cli", "--database", pg_migrated_url, "--user", "agent", "--json",
             "order", "place", "--customer", str(customer.id), "--line", "LAMP-01=2", "--channel", "phone"],
            capture_output=True, text=True, env=env, timeout=120)
        committed = time.monotonic()
        assert other.returncode == 0, other.stderr
        number = json.loads(other.stdout)["number"]

        qtbot.waitUntil(lambda: any(q.number == number for q in queue.queue_items)
                        and lamp().reserved == 2, timeout=int(WITHIN * 1000))
        took = time.monotonic() - committed
        assert took <= WITHIN
        row = next(r for r in range(queue.queue_table.rowCount()) if any(
            (queue.queue_table.item(r, c) is not None and queue.queue_table.item(r, c).text() == number)
            for c in range(queue.queue_table.columnCount())))
        assert row >= 0 and lamp().available == 8
    finally:
        desk.close()
