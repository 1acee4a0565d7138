"""The kill -9 campaign: workstations killed at random moments while orders, shipments, invoices and payments are in
flight, 20 kills on each database (12 in the everyday suite). Nothing acknowledged is lost, nothing is done twice,
and every integrity check (stock against its moves, the ledger against the documents, gapless invoice numbers,
open accounts) passes after.

Four workers run at once (so a kill can also land while another holds a lock); each writes every acknowledgement
to a file, flushed to disk, right after the service returned. After the campaign every acknowledged document must
be in the database as acknowledged; documents that were committed but not yet acknowledged when the kill came are
allowed (their worker died before it could say so), at most one per document kind per kill."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from oms_desktop.adapters.db.engine import reader
from tests.helpers.depth import DEEP

REPO_ROOT = Path(__file__).resolve().parents[2]
KILLS = 20 if DEEP else 12  # the everyday suite's campaign is shorter (tests/helpers/depth.py)
AT_ONCE = 4

pytestmark = pytest.mark.slow

CATALOG = (b"sku,name,unit_price,tax_rate,on_hand\n"
           b"KILL-A,Crash test lamp,19.99,0.19,100000\n"
           b"KILL-B,Crash test book,12.00,0.07,100000\n"
           b"KILL-C,Crash test vase,7.35,0.19,100000\n")


def _campaign(url: str, tmp_path: Path, seed: int) -> tuple[list[list[str]], int]:
    """Run workers and kill each at a random moment after it is ready, KILLS times; the acknowledgements, and
    how many kills landed on a running worker."""
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), os.environ.get("PYTHONPATH", "")])}
    ack_file = tmp_path / "acks"
    kills, rounds = 0, 0
    def acked(kind: str) -> bool:
        return ack_file.exists() and any(line.startswith(kind + " ") for line in ack_file.read_text().splitlines())

    # at least KILLS kills, and on until payments were acknowledged too (each worker pays once before it may be
    # killed: crash_worker.py)
    while kills < KILLS or (not acked("payment") and kills < 3 * KILLS):
        procs = []
        for i in range(AT_ONCE):
            ready = tmp_path / f"ready-{rounds}-{i}"
            cmd = [sys.executable, "-m", "tests.reliability.crash_worker", url, f"clerk{i}", str(ack_file),
                   str(ready), str(rng.randrange(1 << 30))]
            procs.append((subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.PIPE, text=True), ready))
        try:
            deadline = time.monotonic() + 60
            while not all(ready.exists() for _, ready in procs):
                dead = [p for p, _ in procs if p.poll() is not None]
                assert not dead, "a worker died before it was ready:\n" + dead[0].stderr.read()[-3000:]
                assert time.monotonic() < deadline, "the workers did not get ready within a minute"
                time.sleep(0.01)
            started = time.monotonic()              # each killed at its own moment, mid-work
            for p, at in sorted(((p, rng.uniform(0.2, 1.2)) for p, _ in procs), key=lambda pa: pa[1]):
                time.sleep(max(0.0, started + at - time.monotonic()))
                if p.poll() is None:
                    os.kill(p.pid, signal.SIGKILL)
                    kills += 1
                else:                               # it stopped by itself: a failure to report
                    raise AssertionError("a worker stopped by itself:\n" + p.stderr.read()[-3000:])
        finally:
            for p, _ in procs:
                if p.poll() is None:
                    p.kill()
                p.wait()
                if p.stderr is not None:
                    p.stderr.close()
        rounds += 1
    acks = [line.split() for line in ack_file.read_text().splitlines() if line.strip()] if ack_file.exists() else []
    return acks, kills


def test_kill9s_on_each_database_lose_nothing_acknowledged_and_do_nothing_twice(backend, services, admin,
                                                                                          tmp_path):
    services.catalog.import_catalog(admin, CATALOG)
    for i in range(AT_ONCE):
        services.auth.add_user(admin, f"clerk{i}", "admin", "clerk-pw")

    acks, kills = _campaign(backend.url, tmp_path, seed=18)
    assert kills >= KILLS
    by_kind = Counter(a[0] for a in acks)
    assert by_kind["order"] > 0 and by_kind["invoice"] > 0 and by_kind["payment"] > 0, by_kind

    with reader(backend.engine).connect() as c:
        orders = {r.id: r for r in c.execute(text("SELECT id, status, total_minor FROM orders"))}
        invoices = {r.number: r for r in c.execute(
            text("SELECT number, order_id, total_minor FROM invoices WHERE kind = 'invoice'"))}
        paid = Counter(r.order_id for r in c.execute(text("SELECT order_id FROM payments WHERE kind = 'payment'")))
    for kind, order_id, *rest in acks:
        order = orders.get(int(order_id))
        assert order is not None, f"acknowledged order {order_id} is gone"
        if kind == "order":
            assert Decimal(order.total_minor) / 100 == Decimal(rest[1]), (order_id, rest)
        elif kind == "shipped":
            assert order.status in ("shipped", "delivered", "invoiced", "paid", "closed"), order.status
        elif kind == "invoice":
            invoice = invoices.get(rest[0])
            assert invoice is not None and invoice.order_id == int(order_id), f"acknowledged {rest[0]} is gone"
            assert Decimal(invoice.total_minor) / 100 == Decimal(rest[1])
        elif kind == "payment":
            assert paid[int(order_id)] == 1, f"order {order_id}: {paid[int(order_id)]} payments, 1 acknowledged"

    # at most one committed-but-unacknowledged document of each kind per kill; none twice
    acked_orders = {int(a[1]) for a in acks if a[0] == "order"}
    acked_invoices = {a[2] for a in acks if a[0] == "invoice"}
    assert len(orders) - len(acked_orders) <= kills
    assert len(invoices) - len(acked_invoices) <= kills
    assert Counter(inv.order_id for inv in invoices.values()).most_common(1)[0][1] == 1, "an order invoiced twice"
    assert max(paid.values()) == 1, "an order paid twice"

    problems = [(r.name, r.problems) for r in services.checks.run(admin) if not r.ok]
    assert problems == []
    if backend.url.startswith("sqlite"):
        with backend.engine.connect() as c:
            assert c.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
