"""Forecasts and their back-tests with statsforecast, one series at a time or many in worker processes.

The model is chosen per series by its shape (``docs/forecasts.md`` has the figures behind it): a slow mover (zero in
more than 30 % of its periods, or under one a day on average) gets Croston's method with optimised smoothing
(``CrostonOptimized``); a regular seller ``AutoETS`` with additive errors on weekly series (no season: 52 weeks is
beyond ETS, and two or three years of history would fit a yearly season once or twice) and ``MSTL`` on daily ones
(the weekly season; its trend by ETS). statsforecast and numpy are
imported inside the functions that use them: importing this module costs nothing.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from ...domain import forecasting as fc

MAX_HISTORY = {"day": 2 * 365, "week": 3 * 52}  # what a fit reads: longer histories cost time, tell little more
PARALLEL_FROM = 400        # fewer series than this: one process (a spawned worker imports statsforecast: 1 to 3 s)
CHUNK = 100                # series per task: small enough that the workers finish a batch nearly together
NATIVE_INTERVALS = ("AutoETS", "MSTL")


def _regular_model(freq: str, n: int):
    """MSTL with the weekly season for days, AutoETS for weeks. No yearly season: with two years of history MSTL's
    yearly component made a synthetic series' back-test worse than seasonal naive's at 30 times the cost
    (docs/forecasts.md)."""
    from statsforecast.models import MSTL, AutoETS
    if freq == "day":
        return MSTL(season_length=[fc.DAY_SEASON], trend_forecaster=AutoETS(model="ZZN"))
    return AutoETS(season_length=1, model="AZN")  # additive errors: as accurate on sales, twice as fast


def _same_spec(model):
    """The ETS form AutoETS chose on the whole history (e.g. ``ETS(A,Ad,N)``) as a model with those components,
    whose parameters the back-test re-estimates at every origin: choosing the form again at each origin costs 3 to 10
    times as much and, on the figures in docs/forecasts.md, changes the scores by less than their noise."""
    from statsforecast.models import AutoETS
    method = model.model_["method"]                    # "ETS(A,Ad,N)"
    error, trend, season = method[4:-1].split(",")
    return AutoETS(season_length=model.season_length, model=error + trend[0] + season, damped=trend == "Ad")


def _predict(model, y, h: int, level: int | None):
    native = level is not None and type(model).__name__ in NATIVE_INTERVALS  # Croston & co. give no intervals
    out = model.forecast(y=y, h=h, level=[level] if native else None)
    mean = tuple(max(0.0, float(v)) for v in out["mean"])
    if native and f"lo-{level}" in out:
        return mean, (tuple(max(0.0, float(v)) for v in out[f"lo-{level}"]),
                      tuple(max(0.0, float(v)) for v in out[f"hi-{level}"]))
    return mean, None


def forecast_one(values: Sequence[float], freq: str, horizon: int, level: int) -> fc.SeriesForecast:
    """One series: the forecast from the whole history with its interval (the model's own where it has one, else
    from the back-test's errors) and the back-test at every rolling origin, refitted at each."""
    import numpy as np
    from statsforecast.models import CrostonOptimized
    y = np.asarray(values[-MAX_HISTORY[freq]:], dtype=float)
    offset = len(values) - len(y)
    model = CrostonOptimized() if fc.slow_mover(values, freq) else _regular_model(freq, len(y))
    name = type(model).__name__
    if name == "AutoETS":
        model.fit(y)
        out = model.predict(h=horizon, level=[level])
        mean = tuple(max(0.0, float(v)) for v in out["mean"])
        interval: tuple[tuple[float, ...], tuple[float, ...]] | None = (
            tuple(max(0.0, float(v)) for v in out[f"lo-{level}"]),
            tuple(max(0.0, float(v)) for v in out[f"hi-{level}"]))
        origin_model = _same_spec(model)
    else:
        mean, interval = _predict(model, y, horizon, level)
        origin_model = model
    windows = fc.rolling_origins(len(values), freq)
    backtest = []
    season = fc.season_length(freq)
    for w in windows:
        train = y[:max(w.cut - offset, 0)]
        if len(train) < (2 * season if name == "MSTL" else 3):
            backtest.append(tuple(fc.seasonal_naive(list(train), season, w.horizon)))
        else:
            backtest.append(_predict(origin_model, train, w.horizon, None)[0])
    if interval is None:
        interval = fc.error_interval(mean, values, windows, backtest, level)
    return fc.SeriesForecast(model=name, mean=mean, low=interval[0], high=interval[1], backtest=tuple(backtest))


def _warm() -> None:
    """A worker's first task: import statsforecast (1 to 3 s) before the first batch arrives."""
    import statsforecast.models  # noqa: F401


def _chunk(args: tuple[list[list[float]], str, int, int]) -> list[fc.SeriesForecast]:
    series, freq, horizon, level = args
    return [forecast_one(s, freq, horizon, level) for s in series]


class StatsforecastEngine:
    """The ``ForecastEngine`` port over statsforecast. ``workers``: processes for large batches (default: the CPUs
    this process may use, at most 4). The worker processes start with the first large batch and stay for the next
    ones (each imports statsforecast once: 1 to 3 s); ``close()`` ends them (interpreter exit does too)."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                                      else (os.cpu_count() or 1), 4)
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def forecast(self, series: Sequence[Sequence[float]], *, freq: str, horizon: int,
                 level: int) -> list[fc.SeriesForecast]:
        """Each series' forecast ``horizon`` periods ahead and its back-test, in order."""
        batch = [list(map(float, s)) for s in series]
        if len(batch) < PARALLEL_FROM or self.workers < 2:
            return _chunk((batch, freq, horizon, level))
        chunks = [(batch[i:i + CHUNK], freq, horizon, level) for i in range(0, len(batch), CHUNK)]
        out: list[fc.SeriesForecast] = []
        for part in self._workers().map(_chunk, chunks):
            out.extend(part)
        return out

    def prepare(self, series: int) -> None:
        """About ``series`` series will follow: start the worker processes now if they will be used, so that they
        import statsforecast while the caller reads the first batch."""
        if series >= PARALLEL_FROM and self.workers >= 2:
            pool = self._workers()
            for _ in range(self.workers):
                pool.submit(_warm)

    def _workers(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawned, not forked: the app calls this from a pool thread, and forking a process while Qt's
                # threads run may copy a held lock into the child
                self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
            return self._pool

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown()
                self._pool = None
