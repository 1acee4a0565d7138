"""Issue 18, finding 9: a big catalog import held SQLite's write lock for its whole run (6 minutes for 100,000 rows):
other workstations failed after 30 s. Now it writes in short transactions (services/catalog.py IMPORT_BATCH_*):
another workstation's orders go through while it runs; Cancel stops between transactions, saying how far it got,
and importing the file again finishes it."""
from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from oms_desktop.services import catalog as catalog_module

ROWS = 3000


def _catalog(rows: int, price: str = "9.99") -> bytes:
    lines = ["sku,name,unit_price,tax_rate,category,location,on_hand"]
    lines += [f"BIG-{i:06d},Big catalog item {i},{price},0.19,Bulk,Z-{i % 50:02d},{i % 7}" for i in range(rows)]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def other_desk(backend, paths):
    other = open_backend(backend.url, paths=paths, hasher=fast_test_hasher(), migrate=False)
    yield other
    other.dispose()


def test_another_workstation_takes_orders_while_a_big_catalog_imports(backend, catalog, admin, other_desk):
    catalog.catalog.import_catalog(admin, b"sku,name,unit_price,tax_rate,on_hand\n"
                                          b"TAKE-1,Counter item,2.50,0.19,100000\n")
    other = other_desk.services
    clerk = other.auth.sign_in("admin", "admin-pw")
    waits: list[float] = []
    importing = threading.Event()
    imported = threading.Event()
    errors: list[BaseException] = []

    def take_orders():
        importing.wait(30)
        while not imported.is_set():
            started = time.monotonic()
            try:
                other.orders.place_order(clerk, None, [("TAKE-1", 1)])
            except BaseException as e:  # noqa: BLE001 - reported below
                errors.append(e)
                return
            waits.append(time.monotonic() - started)
            time.sleep(0.05)

    taker = threading.Thread(target=take_orders)
    taker.start()
    try:
        importing.set()
        result = catalog.catalog.import_catalog(admin, _catalog(ROWS))
    finally:
        imported.set()
        taker.join(60)
    assert not errors, errors
    assert (result.created, result.updated, result.total, result.cancelled) == (ROWS, 0, ROWS, False)
    with backend.engine.connect() as c:
        kinds = [k for (k,) in c.execute(text("SELECT kind FROM events WHERE kind IN ('catalog_imported', "
                                              "'order_confirmed') ORDER BY id"))]
    first, last = kinds.index("catalog_imported"), len(kinds) - 1 - kinds[::-1].index("catalog_imported")
    assert kinds.count("catalog_imported") >= ROWS // catalog_module.IMPORT_BATCH_ROWS
    assert "order_confirmed" in kinds[first:last], "no order got in between the import's transactions"
    # a transaction of the import holds the lock about half a second; an order itself takes a few hundred ms on a
    # busy machine: so no order waits near the old whole-import wait (a 3,000-row import takes several seconds)
    assert waits and max(waits) < 1.5, f"an order waited {max(waits):.2f} s for the import"
    assert all(r.ok for r in catalog.checks.run(admin))


def test_cancel_stops_between_transactions_says_how_far_and_the_same_file_again_finishes(catalog, admin):
    data = _catalog(ROWS)
    asked = []

    def cancel_after_two_batches() -> bool:
        asked.append(1)
        return len(asked) > 2

    result = catalog.catalog.import_catalog(admin, data, is_cancelled=cancel_after_two_batches)
    assert result.cancelled and result.total == ROWS and 0 < result.created < ROWS and result.updated == 0
    assert catalog.catalog.count(admin, "Big catalog item") == result.created
    again = catalog.catalog.import_catalog(admin, data)
    assert (again.created, again.updated, again.cancelled) == (ROWS - result.created, result.created, False)
    assert catalog.catalog.count(admin, "Big catalog item") == ROWS
    assert all(r.ok for r in catalog.checks.run(admin))


def test_a_big_catalog_file_is_read_as_a_stream_never_whole(tmp_path):
    """A 181 MB catalog was read whole (1.3 GB of memory). Now it is read a line at a time, twice (checked, then
    its products): the memory both readings take stays far below the file's own size."""
    import tracemalloc

    from oms_desktop.domain.catalog import catalog_products, check_catalog
    rows = 20_000
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as f:
        f.write("sku,name,unit_price,tax_rate,description\n")
        for i in range(rows):
            f.write(f"BIG-{i:06d},Big catalog item {i},9.99,0.19,{'A long description. ' * 75}\n")
    size = path.stat().st_size
    assert size > 25 * 2**20
    tracemalloc.start()
    try:
        with path.open("rb") as stream:
            checked = check_catalog(stream, "EUR")
            read = sum(1 for _ in catalog_products(stream, "EUR"))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert checked.problems == () and checked.count == read == rows
    assert peak < size / 4, f"{peak / 2**20:.1f} MB for a {size / 2**20:.0f} MB file"
