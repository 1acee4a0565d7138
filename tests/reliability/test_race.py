"""Eight workstations race for the last units: never oversold, never 'database is locked', stock equals its moves."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from oms_desktop.adapters.db.engine import reader

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKERS = 8
ATTEMPTS = 50

pytestmark = pytest.mark.slow


def _stock(backend) -> dict[str, tuple[int, int]]:
    with reader(backend.engine).connect() as c:
        rows = c.execute(text("SELECT p.sku, s.on_hand, s.reserved FROM stock s "
                              "JOIN products p ON p.id = s.product_id ORDER BY p.sku")).all()
    return {r.sku: (r.on_hand, r.reserved) for r in rows}


def _race(backend, tmp_path: Path, skus: list[str], *, attempts: int = ATTEMPTS,
          coupon: str | None = None, one_user: bool = False, user: str = "racer",
          ship: list[list[int]] | None = None) -> tuple[list[dict], list[dict]]:
    """Start the workers, release them together, watch the stock while they run; their reports and the samples.
    ``ship``: each worker ships its list of packed orders instead of placing orders."""
    start_file = tmp_path / "start"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), os.environ.get("PYTHONPATH", "")])}
    procs = []
    for i in range(WORKERS):
        name = f"{user}0" if one_user else f"{user}{i}"
        cmd = [sys.executable, "-m", "tests.reliability.race_worker", backend.url, name, ",".join(skus), str(attempts),
               str(tmp_path / f"ready-{i}"), str(start_file), str(i), *([coupon] if coupon else [])]
        procs.append(subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                      env={**env, "RACE_SHIP": ",".join(map(str, ship[i]))} if ship else env))
    samples: list[dict] = []
    stop = threading.Event()

    def watch():
        while not stop.is_set():
            samples.append(_stock(backend))
            time.sleep(0.02)

    try:
        deadline = time.monotonic() + 60
        while not all((tmp_path / f"ready-{i}").exists() for i in range(WORKERS)):
            dead = [p for p in procs if p.poll() is not None]
            assert not dead, "a worker died before the start:\n" + dead[0].stderr.read()[-3000:]
            assert time.monotonic() < deadline, "the workers did not get ready within a minute"
            time.sleep(0.01)
        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        start_file.touch()
        outputs = [p.communicate(timeout=180) for p in procs]
    finally:
        stop.set()
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    reports = []
    for p, (out, err) in zip(procs, outputs):
        assert p.returncode == 0, err[-3000:]
        reports.append(json.loads(out.strip().splitlines()[-1]))
    return reports, samples


@pytest.fixture
def racers(services, admin):
    for i in range(WORKERS):
        services.auth.add_user(admin, f"racer{i}", "agent", "racer-pw")
    return services


def test_eight_warehouse_workstations_ship_orders_of_the_same_skus_without_deadlock(backend, racers, admin,
                                                                                   tmp_path):
    """Shipping locks the stock rows of its products in SKU order (one statement on PostgreSQL,
    ``_PG_CONSUME_ALL``), as reserving does: eight workstations shipping orders of the same three products, their
    lines in every order, at once, neither deadlock nor lose a unit."""
    racers.catalog.import_catalog(admin, b"sku,name,unit_price,tax_rate,on_hand\n"
                                         b"SHP-A,A,1.00,0,500\nSHP-B,B,1.00,0,500\nSHP-C,C,1.00,0,500\n")
    for i in range(WORKERS):
        racers.auth.add_user(admin, f"shipper{i}", "warehouse", "racer-pw")
    lines = [("SHP-A", 1), ("SHP-B", 2), ("SHP-C", 1)]
    per_worker = 6
    orders = []
    for k in range(WORKERS * per_worker):
        turned = lines[k % 3:] + lines[:k % 3]
        orders.append(racers.orders.place_order(admin, None, turned if k % 2 else turned[::-1]).id)
    pick = racers.picking.create_pick_list(admin, orders)
    racers.picking.confirm_picks(admin, pick.id)
    for oid in orders:
        racers.shipping.pack_order(admin, oid, carrier="DHL", carrier_ref=f"JD{oid}")
    ship = [orders[i::WORKERS] for i in range(WORKERS)]
    reports, _samples = _race(backend, tmp_path, ["SHP-A"], user="shipper", ship=ship)

    assert [r["storage_errors"] for r in reports] == [[]] * WORKERS
    assert [r["other_errors"] for r in reports] == [[]] * WORKERS  # a deadlock would show here on PostgreSQL
    assert sorted(oid for r in reports for oid in r["orders"]) == sorted(orders)
    n = len(orders)
    assert _stock(backend) == {"SHP-A": (500 - n, 0), "SHP-B": (500 - 2 * n, 0), "SHP-C": (500 - n, 0)}
    assert racers.inventory.invariant_violations() == []


def _confirmed_orders(backend) -> int:
    with backend.engine.connect() as c:
        return c.execute(text("SELECT count(*) FROM orders WHERE status = 'confirmed'")).scalar_one()


def test_eight_workstations_sell_exactly_the_hundred_units_on_hand(backend, racers, admin, tmp_path):
    racers.catalog.import_catalog(admin, b"sku,name,unit_price,tax_rate,on_hand\nHOT-1,Hot item,9.99,0.19,100\n")
    reports, samples = _race(backend, tmp_path, ["HOT-1"])

    assert [r["storage_errors"] for r in reports] == [[]] * WORKERS
    assert [r["other_errors"] for r in reports] == [[]] * WORKERS
    assert sum(r["confirmed"] for r in reports) == 100
    assert sum(r["out_of_stock"] for r in reports) == WORKERS * ATTEMPTS - 100
    assert len({oid for r in reports for oid in r["orders"]}) == 100
    assert sum(1 for r in reports if r["confirmed"]) > 1  # they really competed
    assert _stock(backend) == {"HOT-1": (100, 100)}
    assert _confirmed_orders(backend) == 100
    assert all(rs <= oh for sample in samples for oh, rs in sample.values())
    assert racers.inventory.invariant_violations() == []


def test_orders_of_three_skus_in_any_line_order_neither_deadlock_nor_oversell(backend, racers, admin, tmp_path):
    racers.catalog.import_catalog(admin, b"sku,name,unit_price,tax_rate,on_hand\n"
                                         b"TRI-A,A,1.00,0,100\nTRI-B,B,1.00,0,60\nTRI-C,C,1.00,0,80\n")
    reports, samples = _race(backend, tmp_path, ["TRI-A", "TRI-B", "TRI-C"])

    assert [r["storage_errors"] for r in reports] == [[]] * WORKERS
    assert [r["other_errors"] for r in reports] == [[]] * WORKERS  # a deadlock would show here on PostgreSQL
    assert sum(r["confirmed"] for r in reports) == 60
    assert sum(r["out_of_stock"] for r in reports) == WORKERS * ATTEMPTS - 60
    assert _stock(backend) == {"TRI-A": (100, 60), "TRI-B": (60, 60), "TRI-C": (80, 60)}
    assert _confirmed_orders(backend) == 60
    assert all(rs <= oh for sample in samples for oh, rs in sample.values())
    assert racers.inventory.invariant_violations() == []
    assert racers.sales.sales_problems() == [] and racers.sales.report(admin).total.figures.orders == 60


def test_eight_workstations_of_one_agent_add_to_the_same_sales_facts_without_losing_one(backend, racers, admin,
                                                                                        tmp_path):
    """The same agent, channel and day on every workstation: every order adds to the same day row and product rows
    at once (PostgreSQL: concurrent UPSERTs of one row wait for each other), and no addition is lost."""
    racers.catalog.import_catalog(admin, b"sku,name,unit_price,tax_rate,on_hand\n"
                                         b"DUO-A,A,1.25,0.19,1000\nDUO-B,B,2.50,0.07,1000\n")
    reports, _ = _race(backend, tmp_path, ["DUO-A", "DUO-B"], attempts=20, one_user=True)
    assert not [e for r in reports for e in r["other_errors"] + r["storage_errors"]]
    assert sum(r["confirmed"] for r in reports) == WORKERS * 20
    total = racers.sales.report(admin).total.figures
    assert (total.orders, total.units, total.net) == (160, 320, Decimal("600.00"))
    assert racers.sales.sales_problems() == []


def test_eight_workstations_racing_for_one_single_use_coupon_redeem_it_exactly_once(backend, racers, admin, tmp_path):
    """Every workstation places orders with the same single-use code at the same moment: one order gets it, every
    other attempt is refused naming the coupon, and nothing else fails."""
    racers.catalog.import_catalog(admin, b"sku,name,unit_price,tax_rate,on_hand\nMUG-01,Mug,10.00,0.19,1000\n")
    racers.promotions.create_coupon(admin, "ONLY-ONCE", percent="10", uses=1)
    reports, _ = _race(backend, tmp_path, ["MUG-01"], attempts=5, coupon=" only-once ")
    assert not [e for r in reports for e in r["other_errors"] + r["storage_errors"]]
    assert sum(r["confirmed"] for r in reports) == 1
    assert sum(r["coupon_refused"] for r in reports) == WORKERS * 5 - 1
    with reader(backend.engine).connect() as c:
        uses = c.execute(text("SELECT uses FROM coupons WHERE code = 'ONLY-ONCE'")).scalar_one()
        redeemed = c.execute(text("SELECT count(*) FROM coupon_redemptions")).scalar_one()
        discounted = c.execute(text("SELECT count(*) FROM order_adjustments WHERE kind = 'coupon'")).scalar_one()
    assert (uses, redeemed, discounted) == (1, 1, 1)
