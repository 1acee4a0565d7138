"""The base of the hypothesis state machines in tests/reliability: each run gets a fresh database, SQLite or
PostgreSQL.

A machine module runs its machine once per database with a parametrized test function::

    @pytest.mark.parametrize("database", DATABASES)
    def test_stock_state_machine(database, request):
        run_machine(StockMachine, database, request, sqlite=settings(...), postgres=settings(...))

On SQLite every run (hypothesis example) gets a new database file in a new temporary folder; on PostgreSQL every
run gets the test process's migrated database emptied again (``PgDatabases.migrated``, from the session-scoped
``pg_databases`` fixture: it fails under CI=true when PostgreSQL is unreachable, and skips otherwise).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis.stateful import RuleBasedStateMachine, run_state_machine_as_test

from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from oms_desktop.config import Paths
from oms_desktop.domain.errors import ValidationFailed
from oms_desktop.services.warehouse_dto import ShipmentDTO
from tests.helpers.fixtures import migrated_sqlite_url

DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


class FreshDatabaseMachine(RuleBasedStateMachine):
    """A state machine whose ``@initialize`` rule calls ``fresh_database``; ``teardown`` disposes of it.

    ``fresh_url``: a callable giving the URL of an empty migrated PostgreSQL database for this run, or None for a new
    SQLite file."""

    def __init__(self, fresh_url=None):
        super().__init__()
        self.fresh_url = fresh_url
        self.backend = None
        self.tmp = None

    def fresh_database(self, prefix: str):
        """A migrated database with the user "admin" (password "admin-pw") and its folders in a new temporary
        folder; returns its services and the admin actor."""
        self.tmp = tempfile.TemporaryDirectory(prefix=prefix)
        root = Path(self.tmp.name)
        paths = Paths(root / "data", root / "config", root / "logs", root / "backups").ensure()
        url = self.fresh_url() if self.fresh_url is not None else migrated_sqlite_url(root)
        self.backend = open_backend(url, paths=paths, hasher=fast_test_hasher())
        services = self.backend.services
        services.auth.add_user(None, "admin", "admin", "admin-pw")
        return services, services.auth.actor_for("admin")

    def teardown(self):
        if self.backend is not None:
            self.backend.dispose()
        if self.tmp is not None:
            self.tmp.cleanup()


def run_machine(machine: type[FreshDatabaseMachine], database: str, request, *, sqlite, postgres) -> None:
    """Run ``machine`` as a test on ``database`` ("sqlite" or "postgres") with that database's hypothesis settings."""
    if database == "postgres":
        pg = request.getfixturevalue("pg_databases")
        run_state_machine_as_test(lambda: machine(pg.migrated), settings=postgres)
    else:
        run_state_machine_as_test(lambda: machine(None), settings=sqlite)


def ship_what_is_found(services, actor, order_id: int, share) -> ShipmentDTO | None:
    """Take the order (or its open backorder) through the warehouse the way its tab and the `oms picklist`, `pack`
    and `ship` commands do: a pick list of it, its picks confirmed finding ``share`` of each line (at least one
    unit; a short pick gives a reason and leaves a backorder), packed with the carrier's reference, shipped. The
    shipment, or None when the order has nothing to pick (shipped in full, cancelled, returned, on a pick list)."""
    picking, shipping = services.picking, services.shipping
    try:
        pl = picking.create_pick_list(actor, [order_id])
    except ValidationFailed:
        return None
    found = {ln.sku: int(ln.quantity * share) for ln in pl.lines}
    if not any(found.values()):
        found[pl.lines[0].sku] = 1
    picking.confirm_picks(actor, pl.id, found, default_reason="not at the location")
    shipping.pack_order(actor, order_id, carrier="DHL", carrier_ref=f"JD{pl.id}")
    return shipping.ship_order(actor, order_id)
