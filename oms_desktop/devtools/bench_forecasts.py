"""``oms bench`` row "forecasts for 10,000 products with their back-tests": ``ForecastService.refresh`` over a scratch
SQLite database seeded with two years of daily sales facts for N products (a quarter regular sellers with a trend and
a weekly pattern, three quarters slow movers that sell on 3 to 20 % of days), then a second refresh (all cached).

Alone: ``python -m oms_desktop.devtools.bench_forecasts [--products N] [--workers N]``.
"""
from __future__ import annotations

import argparse
import random
import resource
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

WEEK = (1.0, 1.05, 1.1, 1.0, 1.25, 0.6, 0.45)
HISTORY_DAYS = 2 * 364
TARGET_S = 60.0


def seed(url: str, products: int, seed_: int = 14) -> dict[str, int]:
    """A migrated database with ``products`` products and their daily sales facts up to yesterday; an admin."""
    from sqlalchemy import insert

    from ..adapters.db import models, models_sales
    from ..adapters.db.engine import make_engine
    from ..adapters.db.migrate import upgrade
    from ..services.ports import utc_now
    from ..services.sales_facts import local_day

    rng = random.Random(seed_)
    eng = make_engine(url)
    upgrade(eng, None)
    now = datetime.now(timezone.utc)
    yesterday = local_day(utc_now()) - timedelta(days=1)
    shapes = {"regular": 0, "slow": 0}
    with eng.begin() as c:
        c.execute(insert(models.User), [dict(id=1, username="bench", display_name="", role="admin", password_hash="",
                                             active=True, created_at=now)])
        c.execute(insert(models.Product), [dict(id=i, sku=f"FC-{i:05d}", name=f"Forecast product {i}", description="",
                                                barcode=None, category=f"Cat {i % 20}", unit_price_minor=1000,
                                                cost_minor=500, tax_rate_bp=1900, location="", reorder_point=0,
                                                reorder_qty=0, active=True, search_text="", created_at=now,
                                                updated_at=now) for i in range(1, products + 1)])
        c.execute(insert(models.Stock), [dict(product_id=i, on_hand=rng.randint(0, 200), reserved=0)
                                         for i in range(1, products + 1)])
        batch: list[dict] = []
        for pid in range(1, products + 1):
            regular = rng.random() < 0.25
            shapes["regular" if regular else "slow"] += 1
            level, trend, p = rng.uniform(2, 25), rng.uniform(-0.01, 0.03), rng.uniform(0.03, 0.2)
            for t in range(HISTORY_DAYS):
                day = yesterday - timedelta(days=HISTORY_DAYS - 1 - t)
                if regular:
                    units = max(0, round(level * (1 + trend * t / 7) * WEEK[day.weekday()] + rng.gauss(0, level / 4)))
                else:
                    units = rng.randint(1, 4) if rng.random() < p else 0
                if units:
                    batch.append(dict(day=day, product_id=pid, channel="web", agent_id=0, units=units,
                                      net_minor=units * 1000, orders=1, returned_units=0, returned_minor=0))
            if len(batch) > 50_000:
                c.execute(insert(models_sales.SalesFact), batch)
                batch = []
        if batch:
            c.execute(insert(models_sales.SalesFact), batch)
    eng.dispose()
    return shapes


def _cpu_s(who: int | None = None) -> float:
    """CPU seconds of this process and its finished children (the worker processes), user and system; or of
    ``who`` alone (``resource.RUSAGE_SELF``: this process, the reading, scoring and storing)."""
    usage = [resource.getrusage(w) for w in ((who,) if who is not None else (resource.RUSAGE_SELF,
                                                                             resource.RUSAGE_CHILDREN))]
    return sum(u.ru_utime + u.ru_stime for u in usage)


def run(work: Path, products: int = 10_000, workers: int | None = None, *, reuse: bool = False) -> dict:
    """Seconds of the first refresh (every product computed) and of the second (every product cached), wall and
    CPU (on a machine shared with others the CPU seconds are the steadier figure). ``reuse``: keep a database seeded
    by an earlier run in ``work`` (its cache emptied)."""
    from sqlalchemy import text

    from ..adapters.db.engine import make_engine
    from ..adapters.db.uow import uow_factory
    from ..adapters.forecasting import StatsforecastEngine
    from ..adapters.security import fast_test_hasher
    from ..services import Services
    from ..services.dto import Actor

    url = f"sqlite:///{work / 'forecasts.db'}"
    t0 = time.perf_counter()
    shapes: dict[str, int] = {}
    if not (reuse and (work / "forecasts.db").exists()):
        shapes = seed(url, products)
    seeded_s = time.perf_counter() - t0
    eng = make_engine(url)
    try:
        with eng.begin() as c:
            c.execute(text("DELETE FROM forecast_cache"))
        engine = StatsforecastEngine(workers=workers)
        services = Services(uow_factory(eng), fast_test_hasher(), forecast_engine=engine)
        actor = Actor(user_id=1, username="bench", role="admin", display_name="")
        t0, c0, m0 = time.perf_counter(), _cpu_s(), _cpu_s(resource.RUSAGE_SELF)
        first = services.forecasts.refresh(actor)
        engine.close()  # the workers' CPU time counts once they have ended
        first_s, first_cpu = time.perf_counter() - t0, _cpu_s() - c0
        first_main_cpu = _cpu_s(resource.RUSAGE_SELF) - m0
        t0 = time.perf_counter()
        second = services.forecasts.refresh(actor)
        second_s = time.perf_counter() - t0
        forecasts = services.forecasts.product_forecasts(actor)
    finally:
        eng.dispose()
    models: dict[str, int] = {}
    for f in forecasts.values():
        models[f.model] = models.get(f.model, 0) + 1
    return {"products": products, "shapes": shapes, "seeded_s": round(seeded_s, 1), "workers": engine.workers,
            "first_s": round(first_s, 1), "first_cpu_s": round(first_cpu, 1),
            "first_cpu_main_s": round(first_main_cpu, 1), "computed": first.computed,
            "second_s": round(second_s, 2), "second_computed": second.computed, "models": models}


def main(argv: list[str] | None = None) -> int:
    import json
    import shutil
    import tempfile
    p = argparse.ArgumentParser(prog="python -m oms_desktop.devtools.bench_forecasts", description=__doc__)
    p.add_argument("--products", type=int, default=10_000)
    p.add_argument("--workers", type=int, default=None, help="processes (default: the CPUs, at most 4)")
    p.add_argument("--keep", metavar="DIR", help="seed into DIR once and reuse it on the next runs")
    a = p.parse_args(argv)
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="oms-bench-fc-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print(json.dumps(run(work, a.products, a.workers, reuse=bool(a.keep)), indent=1))
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
