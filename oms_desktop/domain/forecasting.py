"""Forecast accuracy and stock cover as plain arithmetic: MASE, sMAPE, seasonal naive, rolling origins, the
"not enough history" rule and stock-out dates (``docs/forecasts.md``)."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

DAY_SEASON = 7          # a daily series repeats by weekday
WEEK_SEASON = 52        # a weekly series repeats by the week of the year
BACKTEST_WEEKS = 8      # origins spread over the last 8 weeks
MIN_TRAIN_WEEKS = 4     # what the first back-test origin needs before it
MIN_SALE_DAYS = 2       # one day of sales is a point, not a history
MAX_COVER_DAYS = 3650   # stock lasting longer than ten years at the forecast rate counts as not running out


@dataclass(frozen=True)
class Window:
    """One rolling origin: fit on ``history[:cut]``, score the next ``horizon`` periods."""
    cut: int
    horizon: int


def periods_per_week(freq: str) -> int:
    return 7 if freq == "day" else 1


def season_length(freq: str) -> int:
    return DAY_SEASON if freq == "day" else WEEK_SEASON


def backtest_horizon(freq: str) -> int:
    """Scored periods ahead at each origin: 4 weeks (28 days or 4 weeks)."""
    return 4 * periods_per_week(freq)


def rolling_origins(n: int, freq: str, *, weeks: int = BACKTEST_WEEKS) -> list[Window]:
    """The origins of the back-test over a series of ``n`` periods: one a week over the last ``weeks`` weeks (8 for
    a weekly series; every 7th day for a daily one), each scoring up to 4 weeks ahead but never past the end of the
    data (the last origins score fewer periods). Empty when the series is too short to train before the first."""
    step = periods_per_week(freq)
    span = weeks * step
    first = n - span
    if first < MIN_TRAIN_WEEKS * step:
        return []
    h = backtest_horizon(freq)
    return [Window(cut, min(h, n - cut)) for cut in range(first, n, step)]


def seasonal_naive(history: Sequence[float], season: int, horizon: int) -> list[float]:
    """The same period one season before; the last value where the history is shorter than a season."""
    if not history:
        return [0.0] * horizon
    if len(history) < season:
        return [float(history[-1])] * horizon
    last = history[-season:]
    return [float(last[i % season]) for i in range(horizon)]


def naive_scale(history: Sequence[float], season: int) -> float:
    """The in-sample mean absolute error of the seasonal naive forecast (lag 1 where the history is shorter than two
    seasons): MASE's denominator."""
    lag = season if len(history) > season else 1
    diffs = [abs(history[i] - history[i - lag]) for i in range(lag, len(history))]
    return sum(diffs) / len(diffs) if diffs else 0.0


def naive_scales(history: Sequence[float], season: int, cuts: Sequence[int]) -> list[float]:
    """``naive_scale(history[:cut], season)`` for each cut, from running sums of the absolute differences at each
    lag (one pass per lag over the history, instead of one per origin: the back-test scores 8 origins twice)."""
    running: dict[int, list[float]] = {}
    out = []
    for cut in cuts:
        lag = season if cut > season else 1
        if lag not in running:
            sums = [0.0] * (len(history) + 1)  # sums[i]: the differences ending before index i
            for i in range(1, len(history) + 1):
                sums[i] = sums[i - 1] + (abs(history[i - 1] - history[i - 1 - lag]) if i - 1 >= lag else 0.0)
            running[lag] = sums
        n = cut - lag
        out.append(running[lag][cut] / n if n > 0 else 0.0)
    return out


def mase(errors: Sequence[tuple[float, float]]) -> float | None:
    """Mean absolute scaled error over (absolute error, scale of its origin) pairs; None where every scale is zero
    (a flat history: no naive error to compare with)."""
    scaled = [e / s for e, s in errors if s > 0]
    return sum(scaled) / len(scaled) if scaled else None


def smape(actual: Sequence[float], forecast: Sequence[float]) -> float:
    """Symmetric MAPE in percent (0..200); a period where both are zero counts as a perfect 0."""
    if not actual:
        return 0.0
    total = 0.0
    for a, f in zip(actual, forecast, strict=True):
        d = abs(a) + abs(f)
        total += 0.0 if d == 0 else 2 * abs(a - f) / d
    return 100 * total / len(actual)


@dataclass(frozen=True)
class Score:
    mase: float | None
    smape: float


def score(history: Sequence[float], windows: Sequence[Window], forecasts: Sequence[Sequence[float]],
          season: int, scales: Sequence[float] | None = None) -> Score:
    """MASE and sMAPE of ``forecasts`` (one per window, ``window.horizon`` long) against ``history``, pooled over
    every scored period; each error scaled by the naive error of its own origin's training data (``scales``, one
    per window, when the caller has them from ``naive_scales``)."""
    pairs: list[tuple[float, float]] = []
    actual: list[float] = []
    predicted: list[float] = []
    if scales is None:
        scales = naive_scales(history, season, [w.cut for w in windows])
    for w, fc, scale in zip(windows, forecasts, scales, strict=True):
        for i in range(w.horizon):
            a, f = float(history[w.cut + i]), float(fc[i])
            pairs.append((abs(a - f), scale))
            actual.append(a)
            predicted.append(f)
    return Score(mase(pairs), smape(actual, predicted))


def naive_backtest(history: Sequence[float], freq: str, scales: Sequence[float] | None = None) -> Score:
    """The seasonal naive forecast's own back-test over the same origins."""
    season = season_length(freq)
    windows = rolling_origins(len(history), freq)
    return score(history, windows, [seasonal_naive(history[:w.cut], season, w.horizon) for w in windows], season,
                 scales)


def min_history_days() -> int:
    return (BACKTEST_WEEKS + MIN_TRAIN_WEEKS) * 7


def history_problem(label: str, sale_days: int, first_sale: date | None, today: date) -> str | None:
    """Why there is no forecast, or None. A forecast is shown with its back-test, so it needs the 8 weeks the
    back-test scores plus 4 weeks to train on before the first origin (84 days since the first sale), and sales on at
    least 2 days (one day is a point, not a history)."""
    need = min_history_days()
    if sale_days == 0 or first_sale is None:
        return f"{label} has no sales yet; a forecast needs {need} days of history with sales on at least " \
               f"{MIN_SALE_DAYS} days."
    span = (today - first_sale).days + 1
    if sale_days < MIN_SALE_DAYS:
        return f"{label} has sold on 1 day only; a forecast needs sales on at least {MIN_SALE_DAYS} days over " \
               f"{need} days of history."
    if span < need:
        return f"{label} first sold on {first_sale.isoformat()}, {span} days of history; a forecast with its " \
               f"back-test needs {need} days (8 weeks scored after 4 weeks to learn from)."
    return None


def intermittent(history: Sequence[float], *, threshold: float = 0.3) -> bool:
    """Zero in more than ``threshold`` of its periods (Syntetos-Boylan's average demand interval above 1.43 is the
    same idea; this is the share of zero periods, easier to explain)."""
    if not history:
        return False
    zeros = sum(1 for v in history if v == 0)
    return zeros / len(history) > threshold


def slow_mover(history: Sequence[float], freq: str) -> bool:
    """Forecast with an intermittent-demand method: zero in more than 30 % of its periods, or under one a day on
    average (a weekly series under 7 a week). On the figures in docs/forecasts.md such series gain nothing from
    exponential smoothing over Croston's method, which costs a hundredth of the time."""
    if not history:
        return True
    days_per_period = 1 if freq == "day" else 7
    return intermittent(history) or sum(history) / len(history) < days_per_period


@dataclass(frozen=True)
class Cover:
    days_of_cover: float | None     # None: nothing forecast to sell
    stockout_date: date | None
    stockout_date_with_orders: date | None


def _run_out(stock: float, daily: Sequence[float]) -> float | None:
    """Days until cumulative demand reaches ``stock`` (fractional), walking the daily forecast; past its end at its
    mean rate; None when nothing is forecast to sell (or not within ``MAX_COVER_DAYS``)."""
    if stock <= 0:
        return 0.0
    left = stock
    for i, d in enumerate(daily):
        d = max(d, 0.0)
        if d >= left:
            return i + left / d
        left -= d
    rate = sum(max(d, 0.0) for d in daily) / len(daily) if daily else 0.0
    if rate * MAX_COVER_DAYS <= left:
        return None
    return len(daily) + left / rate


def stock_cover(available: int, on_order: int, daily: Sequence[float], today: date) -> Cover:
    """Days of cover of what is available against the daily demand forecast from ``today``, the day it runs out,
    and the day it runs out counting what is on order (None when that lasts past the forecast's horizon)."""
    days = _run_out(float(available), daily)
    out = today + timedelta(days=math.floor(days)) if days is not None else None
    with_orders: date | None = None
    days_o = _run_out(float(available + on_order), daily)
    if days_o is not None and days_o < len(daily):
        with_orders = today + timedelta(days=math.floor(days_o))
    return Cover(days, out, with_orders)


def lead_time_need(points: Sequence[float], spreads: Sequence[float], period_days: int, lead_days: int,
                   available: int, on_order: int) -> int:
    """Units to order now: the demand forecast over the supplier's lead time plus a safety margin, less what is
    available and on order (0 when that covers it).

    ``points`` are the forecast per period of ``period_days`` days (1 or 7), ``spreads`` each period's distance from
    the point to the top of its interval. The lead time covers whole periods and a fraction of the next one (a part of
    a period counts in proportion; past the horizon at the last period's rate). The margin adds the periods' spreads
    as independent errors: the square root of the sum of their squares, a fraction of a period weighing its share of
    the variance."""
    if not points or lead_days <= 0:
        return max(-available - on_order, 0)
    left = lead_days / period_days
    demand = 0.0
    variance = 0.0
    i = 0
    while left > 1e-12:
        k = min(i, len(points) - 1)
        share = min(left, 1.0)
        demand += share * max(points[k], 0.0)
        variance += share * max(spreads[k], 0.0) ** 2
        left -= share
        i += 1
    need = math.ceil(demand + math.sqrt(variance) - 1e-9) - available - on_order
    return max(need, 0)


@dataclass(frozen=True)
class SeriesForecast:
    """What a forecasting engine returns for one series: the model it used, the forecast with its interval, and the
    model's forecast at each back-test origin (``rolling_origins``), to be scored here."""
    model: str
    mean: tuple[float, ...]
    low: tuple[float, ...]
    high: tuple[float, ...]
    backtest: tuple[tuple[float, ...], ...]


Z_BY_LEVEL = {80: 1.2816, 90: 1.6449, 95: 1.9600}


def error_interval(mean: Sequence[float], history: Sequence[float], windows: Sequence[Window],
                   backtest: Sequence[Sequence[float]], level: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """An interval from the back-test's own errors, for models that give none (the intermittent ones): the point
    plus or minus z times the root mean squared error of the back-test, clipped at zero."""
    errors = [history[w.cut + i] - f[i] for w, f in zip(windows, backtest, strict=True) for i in range(w.horizon)]
    rmse = math.sqrt(sum(e * e for e in errors) / len(errors)) if errors else 0.0
    half = Z_BY_LEVEL[level] * rmse
    return tuple(max(m - half, 0.0) for m in mean), tuple(m + half for m in mean)
