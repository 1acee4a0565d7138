"""Which forecasting library and model: statsforecast against statsmodels on one rolling-origin back-test.

``python -m oms_desktop.devtools.forecast_eval [--db URL] [--products N] [--json]`` scores every candidate on the same
origins (one a week over the last 8 weeks, 1 to 4 weeks ahead; ``domain/forecasting.py``) with MASE and sMAPE, beside
the seasonal naive forecast, on (a) deterministic synthetic series with a trend, a weekly pattern and noise, (b)
intermittent series (mostly zero days), (c) the products of a database (the demo data: ``oms demo-data``), daily and
weekly; and times each candidate per series (the 8 back-test fits and the final one) and the libraries' imports.
Figures and the choice they led to: ``docs/forecasts.md``.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from datetime import date

from ..domain import forecasting as fc

Forecaster = Callable[[Sequence[float], int, str], list[float]]


def synthetic_regular(n_days: int, seed: int) -> list[float]:
    """A known trend, a weekly pattern (weekends low), a yearly wave and Gaussian noise; never below zero."""
    rng = random.Random(seed)
    base = rng.uniform(8, 30)
    trend = rng.uniform(0.005, 0.03) * base
    week = [1.0, 1.05, 1.1, 1.0, 1.25, 0.6, 0.45]
    out = []
    for t in range(n_days):
        level = base + trend * t / 7
        yearly = 1 + 0.15 * math.sin(2 * math.pi * t / 365.25)
        out.append(max(0.0, round(level * week[t % 7] * yearly + rng.gauss(0, 0.12 * base))))
    return out


def synthetic_intermittent(n_days: int, seed: int) -> list[float]:
    """A slow mover: a sale on about one day in six, of 1 to 4 units."""
    rng = random.Random(seed)
    p = rng.uniform(0.08, 0.25)
    return [float(rng.randint(1, 4)) if rng.random() < p else 0.0 for _ in range(n_days)]


def weekly(days: Sequence[float]) -> list[float]:
    """Whole weeks, the last one ending with the series (a leading partial week is dropped)."""
    k = len(days) // 7
    start = len(days) - 7 * k
    return [float(sum(days[start + 7 * i:start + 7 * i + 7])) for i in range(k)]


# ---- candidates ----------------------------------------------------------------------------------------------------
def _sf(model_factory) -> Forecaster:
    def run(y, h, freq):
        import numpy as np
        model = model_factory(freq, len(y))
        out = model.forecast(y=np.asarray(y, dtype=float), h=h)
        return [max(0.0, float(v)) for v in out["mean"]]
    return run


def _sf_models() -> dict[str, Forecaster]:
    from statsforecast.models import (ADIDA, MSTL, TSB, AutoETS, CrostonOptimized,
                                      SimpleExponentialSmoothingOptimized)

    def mstl(freq, n):
        """Weekly and yearly seasons for days (weekly alone under two years), the yearly one for weeks."""
        if freq == "day":
            seasons = [7, 365] if n >= 2 * 365 + 7 else [7]
        elif n >= 2 * 52 + 1:
            seasons = [52]
        else:  # MSTL needs two whole seasons: under two years a weekly series has none to take out
            return AutoETS(model="ZZN")
        return MSTL(season_length=seasons, trend_forecaster=AutoETS(model="ZZN"))

    return {
        "sf.AutoETS": _sf(lambda freq, n: AutoETS(season_length=7 if freq == "day" else 1)),
        "sf.MSTL": _sf(mstl),
        "sf.CrostonOptimized": _sf(lambda freq, n: CrostonOptimized()),
        "sf.ADIDA": _sf(lambda freq, n: ADIDA()),
        "sf.TSB": _sf(lambda freq, n: TSB(alpha_d=0.2, alpha_p=0.2)),
        "sf.ETS(A,Ad,N)": _sf(lambda freq, n: AutoETS(model="AAN", damped=True)),
        "sf.ETS(A,A,N)": _sf(lambda freq, n: AutoETS(model="AAN", damped=False)),
        "sf.SESOptimized": _sf(lambda freq, n: SimpleExponentialSmoothingOptimized()),
    }


def _sm_models() -> dict[str, Forecaster]:
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel
    from statsmodels.tsa.holtwinters import ExponentialSmoothing, SimpleExpSmoothing

    def hw(y, h, freq):
        import numpy as np
        arr = np.asarray(y, dtype=float)
        seasonal = "add" if freq == "day" and len(arr) >= 14 else None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = ExponentialSmoothing(arr, trend="add", damped_trend=True, seasonal=seasonal,
                                       seasonal_periods=7 if seasonal else None,
                                       initialization_method="estimated").fit()
        return [max(0.0, float(v)) for v in fit.forecast(h)]

    def ets(y, h, freq):
        import numpy as np
        arr = np.asarray(y, dtype=float)
        seasonal = "add" if freq == "day" and len(arr) >= 14 else None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = ETSModel(arr, error="add", trend="add", damped_trend=True, seasonal=seasonal,
                           seasonal_periods=7 if seasonal else None).fit(disp=False)
        return [max(0.0, float(v)) for v in fit.forecast(h)]

    def ses(y, h, freq):
        import numpy as np
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = SimpleExpSmoothing(np.asarray(y, dtype=float), initialization_method="estimated").fit()
        return [max(0.0, float(v)) for v in fit.forecast(h)]

    return {"sm.ExponentialSmoothing": hw, "sm.ETSModel": ets, "sm.SimpleExpSmoothing": ses}


def backtest(y: Sequence[float], freq: str, f: Forecaster) -> tuple[fc.Score, float]:
    """The score over the rolling origins and the wall time of the 8 fits plus the final one."""
    windows = fc.rolling_origins(len(y), freq)
    t0 = time.perf_counter()
    forecasts = [f(y[:w.cut], w.horizon, freq) for w in windows]
    f(y, 4 * fc.periods_per_week(freq), freq)
    return fc.score(y, windows, forecasts, fc.season_length(freq)), time.perf_counter() - t0


def _summary(scores: list[fc.Score], naive: list[fc.Score], secs: list[float]) -> dict:
    pairs = [(s.mase, n.mase) for s, n in zip(scores, naive) if s.mase is not None and n.mase is not None]
    mases = [m for m, _ in pairs]
    return {
        "series": len(scores),
        "mase_mean": round(statistics.fmean(mases), 3) if mases else None,
        "mase_median": round(statistics.median(mases), 3) if mases else None,
        "naive_mase_mean": round(statistics.fmean(n for _, n in pairs), 3) if pairs else None,
        "beats_naive": f"{sum(1 for m, n in pairs if m < n)}/{len(pairs)}",
        "smape_mean": round(statistics.fmean(s.smape for s in scores), 1),
        "ms_per_series": round(1000 * statistics.fmean(secs), 1),
    }


def evaluate(sets: dict[str, tuple[str, list[list[float]]]], models: dict[str, Forecaster],
             log: Callable[[str], None]) -> dict:
    out: dict = {}
    for set_name, (freq, series) in sets.items():
        series = [s for s in series if fc.rolling_origins(len(s), freq)]
        naive = [fc.naive_backtest(s, freq) for s in series]
        out[set_name] = {"seasonal naive": _summary(naive, naive, [0.0] * len(naive))}
        for name, f in models.items():
            scores, secs = [], []
            for s in series:
                sc, t = backtest(s, freq, f)
                scores.append(sc)
                secs.append(t)
            out[set_name][name] = _summary(scores, naive, secs)
            log(f"{set_name:<28} {name:<24} {out[set_name][name]}")
    return out


def database_series(url: str, limit: int) -> tuple[list[list[float]], int]:
    """Daily units per product from the sales facts (the products with the most days of sales first), up to the
    last day with sales."""
    from sqlalchemy import create_engine, text
    eng = create_engine(url)
    with eng.connect() as c:
        rows = c.execute(text("SELECT product_id, day, SUM(units) FROM sales_facts GROUP BY product_id, day")).all()
    eng.dispose()
    if not rows:
        return [], 0
    days = [r[1] if isinstance(r[1], date) else date.fromisoformat(str(r[1])) for r in rows]
    first, last = min(days), max(days)
    n = (last - first).days + 1
    per: dict[int, list[float]] = {}
    for (pid, _, units), d in zip(rows, days):
        per.setdefault(pid, [0.0] * n)[(d - first).days] += float(units)
    ranked = sorted(per.values(), key=lambda s: -sum(1 for v in s if v))
    return ranked[:limit], n


def import_times() -> dict[str, float]:
    """Seconds to import each library in a fresh interpreter (what the first forecast of a session pays)."""
    import subprocess
    out = {}
    for name, stmt in (("statsforecast", "from statsforecast.models import AutoETS, CrostonOptimized"),
                       ("statsmodels", "from statsmodels.tsa.holtwinters import ExponentialSmoothing")):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", stmt], check=True)
        out[name] = round(time.perf_counter() - t0, 2)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m oms_desktop.devtools.forecast_eval", description=__doc__)
    p.add_argument("--db", help="a database with sales facts (e.g. sqlite:///demo.db after oms demo-data)")
    p.add_argument("--products", type=int, default=200, help="products of the database to score weekly (default 200)")
    p.add_argument("--daily-products", type=int, default=20,
                   help="of those, how many to score daily too (daily fits are 50 to 500 times slower; default 20)")
    p.add_argument("--synthetic", type=int, default=20, help="synthetic series of each shape (default 20)")
    p.add_argument("--days", type=int, default=2 * 365, help="length of the synthetic series in days")
    p.add_argument("--models", help="comma-separated subset of the candidates")
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr if a.json else sys.stdout, flush=True)

    regular = [synthetic_regular(a.days, 1000 + i) for i in range(a.synthetic)]
    sparse = [synthetic_intermittent(a.days, 2000 + i) for i in range(a.synthetic)]
    sets: dict[str, tuple[str, list[list[float]]]] = {
        "synthetic regular, daily": ("day", regular),
        "synthetic regular, weekly": ("week", [weekly(s) for s in regular]),
        "intermittent, daily": ("day", sparse), "intermittent, weekly": ("week", [weekly(s) for s in sparse])}
    n_days = 0
    if a.db:
        products, n_days = database_series(a.db, a.products)
        weeks = [weekly(s) for s in products]
        daily = products[:a.daily_products]
        sets.update({"db regular, weekly": ("week", [s for s in weeks if not fc.intermittent(s)]),
                     "db intermittent, weekly": ("week", [s for s in weeks if fc.intermittent(s)]),
                     "db regular, daily": ("day", [s for s in daily if not fc.intermittent(s)]),
                     "db intermittent, daily": ("day", [s for s in daily if fc.intermittent(s)])})
    models = {**_sf_models(), **_sm_models()}
    if a.models:
        models = {k: v for k, v in models.items() if k in a.models.split(",")}
    result = {"date": date.today().isoformat(), "db_days": n_days, "imports_s": import_times(),
              "sets": evaluate(sets, models, log)}
    if a.json:
        print(json.dumps(result, indent=1))
    else:
        log(f"import seconds (fresh interpreter): {result['imports_s']}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

