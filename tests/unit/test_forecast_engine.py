"""The statsforecast engine on deterministic series: with a known trend, weekly pattern and noise the chosen model
beats seasonal naive on MASE by a stated margin, its back-test is reproducible, and slow movers get Croston."""
from __future__ import annotations

import random
import statistics

import pytest

from oms_desktop.adapters.forecasting import StatsforecastEngine
from oms_desktop.domain import forecasting as fc

WEEK = [1.0, 1.05, 1.1, 1.0, 1.25, 0.6, 0.45]  # Monday to Sunday: weekends sell less


def trend_week_noise(days: int, seed: int) -> list[float]:
    """20 units a day growing by 0.3 units a week, the weekly pattern above, Gaussian noise of 2.4 units."""
    rng = random.Random(seed)
    return [max(0.0, round((20 + 0.3 * t / 7) * WEEK[t % 7] + rng.gauss(0, 2.4))) for t in range(days)]


def slow_mover(days: int, seed: int) -> list[float]:
    """A sale on about one day in ten, of 1 to 4 units (2.5 on average): 0.25 units a day, and about half of the
    weeks without a sale."""
    rng = random.Random(seed)
    return [float(rng.randint(1, 4)) if rng.random() < 1 / 10 else 0.0 for _ in range(days)]


def weekly(days: list[float]) -> list[float]:
    return [sum(days[i:i + 7]) for i in range(len(days) % 7, len(days), 7)]


def scores(series: list[float], res: fc.SeriesForecast, freq: str) -> tuple[fc.Score, fc.Score]:
    windows = fc.rolling_origins(len(series), freq)
    return (fc.score(series, windows, [list(b) for b in res.backtest], fc.season_length(freq)),
            fc.naive_backtest(series, freq))


@pytest.fixture(scope="module")
def engine():
    return StatsforecastEngine(workers=1)


def test_daily_series_with_trend_and_weekly_pattern_beat_seasonal_naive_by_15_percent(engine):
    series = [trend_week_noise(301, seed) for seed in (1, 2)]
    results = engine.forecast(series, freq="day", horizon=28, level=80)
    for s, res in zip(series, results):
        model, naive = scores(s, res, "day")
        assert res.model == "MSTL"
        assert model.mase is not None and naive.mase is not None
        assert model.mase <= 0.85 * naive.mase, (model, naive)
        assert len(res.mean) == 28 and all(lo <= m <= hi for lo, m, hi in zip(res.low, res.mean, res.high))


def test_weekly_series_with_a_trend_beat_seasonal_naive_by_half(engine):
    series = [weekly(trend_week_noise(2 * 364, seed)) for seed in (4, 5, 6)]
    results = engine.forecast(series, freq="week", horizon=8, level=80)
    for s, res in zip(series, results):
        model, naive = scores(s, res, "week")
        assert res.model == "AutoETS"
        assert model.mase is not None and naive.mase is not None and model.mase <= 0.5 * naive.mase, (model, naive)
        # the known trend: 0.3 units a day more each week is 2.1 a week; the forecast keeps rising
        assert res.mean[-1] > res.mean[0]


def test_the_back_test_figures_are_reproducible(engine):
    s = trend_week_noise(240, 7)
    first, second = (engine.forecast([s], freq="day", horizon=28, level=80)[0] for _ in range(2))
    assert first == second
    assert scores(s, first, "day") == scores(s, second, "day")


def test_a_slow_mover_gets_croston_near_its_true_rate_with_an_interval_from_its_errors(engine):
    series = [weekly(slow_mover(2 * 364, seed)) for seed in range(8)]
    results = engine.forecast(series, freq="week", horizon=8, level=80)
    assert {r.model for r in results} == {"CrostonOptimized"}
    true_weekly = 7 * 2.5 / 10
    assert statistics.fmean(r.mean[0] for r in results) == pytest.approx(true_weekly, rel=0.25)
    for r in results:
        assert all(lo >= 0 and hi > m for lo, m, hi in zip(r.low, r.mean, r.high))
    pairs = [scores(s, r, "week") for s, r in zip(series, results)]
    assert statistics.fmean(m.mase for m, _ in pairs) < statistics.fmean(n.mase for _, n in pairs)


def test_daily_slow_movers_are_intermittent_too(engine):
    res = engine.forecast([slow_mover(200, 9)], freq="day", horizon=28, level=80)[0]
    assert res.model == "CrostonOptimized" and len(res.backtest) == 8


def test_importing_the_services_the_cli_and_the_engine_does_not_import_statsforecast():
    import subprocess
    import sys
    code = ("import sys, oms_desktop.services, oms_desktop.bootstrap, oms_desktop.cli.main, "
            "oms_desktop.adapters.forecasting; "
            "print(sorted(m for m in ('statsforecast', 'pandas', 'statsmodels', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_large_batch_in_worker_processes_gives_what_one_process_gives(engine, monkeypatch):
    from oms_desktop.adapters.forecasting import engine as module
    series = [weekly(slow_mover(2 * 364, seed)) for seed in range(4)]
    alone = engine.forecast(series, freq="week", horizon=4, level=80)
    monkeypatch.setattr(module, "PARALLEL_FROM", 2)
    monkeypatch.setattr(module, "CHUNK", 2)
    parallel = StatsforecastEngine(workers=2)
    try:
        assert parallel.forecast(series, freq="week", horizon=4, level=80) == alone
        assert parallel.forecast(series[:2], freq="week", horizon=4, level=80) == alone[:2]  # the same workers
    finally:
        parallel.close()
