"""Sales forecasts per product, category or in total, each with its back-test beside seasonal naive's; stock-out
projections; demand over a supplier's lead time for purchase suggestions; and the cache that makes a second request
a read (``docs/forecasts.md``).

The numbers come from a ``ForecastEngine`` (``adapters/forecasting``: statsforecast, imported only when a forecast
is computed); the scores, the rules and the dates from ``domain/forecasting.py``. A forecast reads the sales facts up
to the last whole period (yesterday, or the last whole ISO week) and starts with the current one. The cache is keyed by
(kind, key, frequency, measure, horizon) and holds a fingerprint: the last whole period and the facts of the days
since two weeks before its end (earlier days' facts never change: every event is booked on its own day), so a new,
cancelled or returned order of the product, or a new period, makes it stale, and checking costs a few days' rows.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from ..domain import forecasting as fc
from ..domain.errors import Cancelled, NotFound, ValidationFailed
from ..domain.messages import msg
from ..domain.money import exponent
from ..domain.roles import Perm
from .base import ServiceBase, SettingsCache
from .dto import Actor
from .forecast_dto import (FORECAST_FREQS, FORECAST_MEASURES, MAX_WEEKS, MIN_WEEKS, BacktestDTO, ForecastDTO,
                           ForecastPointDTO, PeriodValueDTO, StockCoverDTO)
from .ports import UnitOfWorkFactory, utc_now
from .sales_facts import local_day

LEVEL = 80                 # the prediction interval's coverage, in percent
DEFAULT_WEEKS = 8          # what refresh() keeps per product, and what stock cover and purchase suggestions read
HISTORY_DAYS = {"day": 2 * 365, "week": 3 * 364}   # what a forecast reads (the engine fits no more than that)
CHART_PERIODS = {"day": 91, "week": 52}            # history handed to charts
REFRESH_BATCH = 2000       # products per engine call in refresh(): progress and cancelling between batches
NO_FACTS = (0,) * 8        # the fingerprint figures of a product without recent facts
DAY_ZERO = date(2000, 1, 1)  # day numbers count from here (``ForecastsRepo.weekly_units``)
RECENT_DAYS = 14           # a fingerprint reads the facts of the last whole period's days and after, at least this


class ForecastEngine(Protocol):
    """The numeric engine (``adapters/forecasting.StatsforecastEngine``): for each series (one value per period,
    oldest first) the forecast ``horizon`` periods ahead with its ``level`` % interval, and the model's forecast at
    each of ``domain.forecasting.rolling_origins``, refitted at each."""

    def forecast(self, series: Sequence[Sequence[float]], *, freq: str, horizon: int,
                 level: int) -> list[fc.SeriesForecast]: ...


class Progress(Protocol):
    """What ``refresh`` reports to (``gui/jobs.Job`` is one)."""

    @property
    def cancelled(self) -> bool: ...

    def report(self, done: int, total: int) -> None: ...


@dataclass(frozen=True)
class RefreshDTO:
    products: int      # products looked at
    computed: int      # forecasts computed (the others were current in the cache)
    not_enough_history: int


@dataclass(frozen=True)
class _Target:
    kind: str
    key: str
    label: str
    ids: tuple[int, ...] | None   # None: every product


@dataclass(frozen=True)
class _Batch:
    """Part of a refresh between reading and storing: the products to compute with their fingerprints and weekly
    series, and the not-enough-history DTOs to cache as they are."""
    today: date
    compute: list[tuple[_Target, str]]
    series: list[tuple[list[date], list[float]]]
    short: list[tuple[_Target, ForecastDTO, str]]
    size: int


def last_whole_period(today: date, freq: str) -> date:
    """The last day of the last whole period before today: yesterday, or the Sunday before this week's Monday."""
    return today - timedelta(days=1 if freq == "day" else today.isoweekday())


def period_starts(first: date, end: date, freq: str) -> list[date]:
    """The periods from the one holding ``first`` to the one ending on ``end`` (days, or ISO weeks by Monday)."""
    if freq == "week":
        first = first - timedelta(days=first.weekday())
    step = 1 if freq == "day" else 7
    return [first + timedelta(days=i) for i in range(0, (end - first).days + 1, step)]


def series_from_days(days: dict[date, float], first: date, end: date, freq: str) -> tuple[list[date], list[float]]:
    """Values per period (negative days, where cancellations outweighed sales, count as zero)."""
    starts = period_starts(first, end, freq)
    values = [0.0] * len(starts)
    if not starts:
        return starts, values
    base, step = starts[0], 1 if freq == "day" else 7   # a week's start is a Monday, as ``base``'s
    for d, v in days.items():
        if first <= d <= end:
            values[(d - base).days // step] += v
    return starts, [max(v, 0.0) for v in values]


class ForecastService(ServiceBase):
    """Forecasts, stock cover and forecast demand (managers and administrators: the sales report's permission)."""

    def __init__(self, uow: UnitOfWorkFactory, hub: SettingsCache, engine: ForecastEngine | None = None):
        super().__init__(uow, hub)
        self._engine = engine
        self.computed = 0  # series this service had the engine compute (a cache hit computes none)

    # ---- one forecast --------------------------------------------------------------------------------------------
    def forecast(self, actor: Actor, *, sku: str | None = None, category: str | None = None, total: bool = False,
                 weeks: int = DEFAULT_WEEKS, freq: str = "week", measure: str = "units") -> ForecastDTO:
        """The forecast ``weeks`` ahead of a product (``sku``), a category or the total, with its back-test; a DTO
        with ``not_enough_history`` (and no points) where the history is too short to forecast honestly."""
        self._require(actor, Perm.PRICE_OVERRIDE, "see sales forecasts")
        self._check(sku, category, total, weeks, freq, measure)
        today = local_day(utc_now())
        with self._uow(write=False) as uow:
            target = self._target(uow, sku, category)
            end = last_whole_period(today, freq)
            fingerprint = self._fingerprint([uow.forecasts.fingerprint(_since(end), target.ids)], end)
            hit = uow.forecasts.cached(target.kind, [target.key], freq, measure, weeks).get(target.key)
            if hit is not None and hit[0] == fingerprint:
                return self._load(hit[1])
            sold = uow.forecasts.first_sale(target.ids)
            first = sold.first_day
            problem = fc.history_problem(self._name(target), sold.sale_days, _as_date(first), today)
            rows = [] if problem else uow.forecasts.daily_sum(
                max(_as_date(first), today - timedelta(days=HISTORY_DAYS[freq])), today, target.ids)
        if problem:
            dto = self._empty(target, freq, measure, problem)
        else:
            days: dict[date, float] = {}
            scale = 10 ** exponent(self.company.currency)
            for r in rows:
                d = _as_date(r.day)
                days[d] = days.get(d, 0.0) + (float(r.units) if measure == "units" else float(r.net_minor) / scale)
            dto = self._compute([(target, days)], freq, measure, weeks, today)[0]
        self._store([(target, dto, fingerprint)], weeks)
        return dto

    # ---- every product -------------------------------------------------------------------------------------------
    def refresh(self, actor: Actor, *, job: Progress | None = None) -> RefreshDTO:
        """Recompute the weekly unit forecast (``DEFAULT_WEEKS`` ahead) of every active product whose sales changed
        since it was cached, in batches (one engine call each; the engine spreads a large one over the CPUs),
        reporting ``job.report(done, total)`` and stopping with ``Cancelled`` when ``job.cancelled``; what finished
        before stays cached.

        The engine computes a batch in a thread of its own (its worker processes do the work) while this thread
        reads the next batch's facts and scores and stores the batch before: the reading and scoring (a third of the
        work) no longer leave the workers idle."""
        self._require(actor, Perm.PRICE_OVERRIDE, "compute sales forecasts")
        today = local_day(utc_now())
        stale, total = self._stale_products(today)
        done, short = total - len(stale), 0
        if job is not None:
            job.report(done, total)
        batches = [stale[i:i + REFRESH_BATCH] for i in range(0, len(stale), REFRESH_BATCH)]
        if batches and self._engine is not None and hasattr(self._engine, "prepare"):
            self._engine.prepare(len(stale))  # worker processes start (and import) while the first batch is read
        pending: tuple[_Batch, Future] | None = None

        def finish() -> None:
            nonlocal done, short, pending
            if pending is None:
                return
            batch, future = pending
            pending = None
            short += self._finish_batch(batch, future.result())
            done += batch.size
            if job is not None:
                job.report(done, total)
        with ThreadPoolExecutor(1, thread_name_prefix="forecast-engine") as ex:
            for part in batches:
                if job is not None and job.cancelled:
                    finish()
                    raise Cancelled(msg("Forecast refresh cancelled; the forecasts computed so far are kept."))
                batch = self._prepare_batch(part, today)
                future = ex.submit(self._run_engine, [v for _, v in batch.series], "week", DEFAULT_WEEKS)
                finish()
                pending = (batch, future)
            finish()
        return RefreshDTO(products=total, computed=len(stale) - short, not_enough_history=short)

    def product_forecasts(self, actor: Actor) -> dict[int, ForecastDTO]:
        """Every active product's weekly unit forecast, refreshed where stale, by product id."""
        self.refresh(actor)
        with self._uow(write=False) as uow:
            products = uow.forecasts.products()
            cached = uow.forecasts.cached("product", [p.sku for p in products], "week", "units", DEFAULT_WEEKS)
        return {p.id: self._load(cached[p.sku][1]) for p in products if p.sku in cached}

    def stock_cover(self, actor: Actor, *, limit: int | None = None,
                    at_risk_days: int | None = None) -> list[StockCoverDTO]:
        """Products by projected stock-out date (soonest first; those forecast to sell nothing last): days of cover
        of what is available against the forecast, with and without what is on order. ``at_risk_days``: only those
        running out within that many days; ``limit``: the first N."""
        if limit is not None and limit < 1:
            raise ValidationFailed(msg("limit must be at least 1 (got {limit})", limit=limit))
        if at_risk_days is not None and at_risk_days < 0:
            raise ValidationFailed(msg("days must be 0 or more (got {days})", days=at_risk_days))
        forecasts = self.product_forecasts(actor)
        today = local_day(utc_now())
        with self._uow(write=False) as uow:
            stock = uow.forecasts.stock()
            on_order = uow.forecasts.on_order(drafts=False)
        out = []
        for r in stock:
            f = forecasts.get(r.id)
            daily = daily_demand(f)
            available = r.on_hand - r.reserved
            cover = fc.stock_cover(available, on_order.get(r.id, 0), daily, today)
            mean = sum(daily) / len(daily) if daily else 0.0
            out.append(StockCoverDTO(sku=r.sku, name=r.name, on_hand=r.on_hand, available=available,
                                     on_order=on_order.get(r.id, 0), daily_demand=round(mean, 3),
                                     days_of_cover=None if cover.days_of_cover is None
                                     else round(cover.days_of_cover, 1),
                                     stockout_date=cover.stockout_date,
                                     stockout_date_with_orders=cover.stockout_date_with_orders,
                                     model=f.model if f is not None and f.points else ""))
        if at_risk_days is not None:
            out = [c for c in out if c.days_of_cover is not None and c.days_of_cover <= at_risk_days]
        out.sort(key=lambda c: (c.stockout_date is None, c.stockout_date or date.max, c.sku))
        return out[:limit] if limit is not None else out

    def lead_time_needs(self, actor: Actor) -> dict[int, int]:
        """Units to order per product id now: forecast demand over its supplier's lead time plus the margin from the
        interval, less what is available and on order (drafts included, as the reorder rule counts them); only
        products with a preferred supplier and a forecast, and only where something is needed."""
        forecasts = self.product_forecasts(actor)
        with self._uow(write=False) as uow:
            stock = uow.forecasts.stock()
            open_qty = uow.forecasts.on_order(drafts=True)
        out = {}
        for r in stock:
            f = forecasts.get(r.id)
            if f is None or not f.points or r.supplier_id is None or r.lead_days is None:
                continue  # no preferred supplier (its lead time comes with it)
            need = fc.lead_time_need([p.value for p in f.points], [p.high - p.value for p in f.points], 7,
                                     int(r.lead_days), r.on_hand - r.reserved, open_qty.get(r.id, 0))
            if need > 0:
                out[r.id] = need
        return out

    # ---- internals -----------------------------------------------------------------------------------------------
    @staticmethod
    def _check(sku, category, total, weeks, freq, measure) -> None:
        problems: list[str] = []
        if sum(1 for x in (sku is not None, category is not None, bool(total)) if x) != 1:
            problems.append(msg("choose exactly one of a SKU, a category or the total"))
        if not isinstance(weeks, int) or not MIN_WEEKS <= weeks <= MAX_WEEKS:
            problems.append(msg("weeks must be from {least} to {most} (got {weeks})", least=MIN_WEEKS, most=MAX_WEEKS,
                                weeks=weeks))
        if freq not in FORECAST_FREQS:
            problems.append(msg("freq '{freq}' is unknown (choose one of: {choices})", freq=freq,
                                choices=", ".join(FORECAST_FREQS)))
        if measure not in FORECAST_MEASURES:
            problems.append(msg("measure '{measure}' is unknown (choose one of: {choices})", measure=measure,
                                choices=", ".join(FORECAST_MEASURES)))
        if problems:
            raise ValidationFailed(problems)

    @staticmethod
    def _target(uow, sku: str | None, category: str | None) -> _Target:
        if sku is not None:
            rows = uow.forecasts.products(skus=[sku.strip()])
            if not rows:
                raise NotFound(msg("SKU '{sku}' is not in the catalog", sku=sku))
            return _Target("product", rows[0].sku, rows[0].name, (rows[0].id,))
        if category is not None:
            rows = uow.forecasts.products(category=category)
            if not rows:
                known = ", ".join(sorted(c for c in uow.forecasts.categories() if c)[:10])
                raise NotFound(msg("category '{category}' has no active products (categories: {known})",
                                   category=category, known=known))
            return _Target("category", category, category, tuple(r.id for r in rows))
        return _Target("total", "", "All products", None)

    @staticmethod
    def _name(t: _Target) -> str:
        return {"product": t.key, "category": f"Category {t.key}", "total": "The shop"}[t.kind]

    @staticmethod
    def _fingerprint(prints, end: date) -> str:
        sums = [sum(col) for col in zip(*prints)] if prints else []
        return f"{end.isoformat()}:{':'.join(map(str, sums))}"

    def _empty(self, t: _Target, freq: str, measure: str, problem: str) -> ForecastDTO:
        return ForecastDTO(kind=t.kind, key=t.key, label=t.label, freq=freq, measure=measure, model="", level=LEVEL,
                           history=(), points=(), backtest=None, computed_at=utc_now(), not_enough_history=problem)

    def _compute(self, items: list[tuple[_Target, dict[date, float]]], freq: str, measure: str, weeks: int,
                 today: date) -> list[ForecastDTO]:
        """Forecasts of many series in one engine call."""
        built = self._build([days for _, days in items], freq, today)
        results = self._run_engine([v for _, v in built], freq, weeks)
        return self._score([t for t, _ in items], built, results, freq, measure, today)

    def _build(self, items: Sequence[dict[date, float]], freq: str,
               today: date) -> list[tuple[list[date], list[float]]]:
        """Each product's values per period, from the period of its first sale in the window read (a series of zeros
        where it sold nothing there) to the last whole period."""
        end = last_whole_period(today, freq)
        built = []
        floor = end - timedelta(days=HISTORY_DAYS[freq] - 1)
        for days in items:
            first = min((d for d, v in days.items() if v > 0), default=floor)
            built.append(series_from_days(days, max(first, floor), end, freq))
        return built

    def _run_engine(self, series: list[list[float]], freq: str, weeks: int) -> list[fc.SeriesForecast]:
        if not series:  # a batch of products without enough history: nothing to ask (nor to fail without an engine)
            return []
        if self._engine is None:
            raise RuntimeError("no forecasting engine was given to the ForecastService")
        results = self._engine.forecast(series, freq=freq, horizon=weeks * fc.periods_per_week(freq), level=LEVEL)
        self.computed += len(series)
        return results

    def _score(self, targets: Sequence[_Target], built: Sequence[tuple[list[date], list[float]]],
               results: Sequence[fc.SeriesForecast], freq: str, measure: str, today: date) -> list[ForecastDTO]:
        """The DTOs: each forecast with its back-test scored beside seasonal naive's on the same origins."""
        end = last_whole_period(today, freq)
        out = []
        step = timedelta(days=1 if freq == "day" else 7)
        start = end + timedelta(days=1)
        now = utc_now()
        season = fc.season_length(freq)
        for target, (starts, values), res in zip(targets, built, results, strict=True):
            windows = fc.rolling_origins(len(values), freq)
            scales = fc.naive_scales(values, season, [w.cut for w in windows])
            model = fc.score(values, windows, [list(b) for b in res.backtest], season, scales)
            naive = fc.naive_backtest(values, freq, scales)
            chart = CHART_PERIODS[freq]
            out.append(ForecastDTO(
                kind=target.kind, key=target.key, label=target.label, freq=freq, measure=measure, model=res.model,
                level=LEVEL,
                history=tuple(PeriodValueDTO(d, v) for d, v in zip(starts[-chart:], values[-chart:])),
                points=tuple(ForecastPointDTO(start + i * step, round(m, 4), round(lo, 4), round(hi, 4))
                             for i, (m, lo, hi) in enumerate(zip(res.mean, res.low, res.high))),
                backtest=BacktestDTO(origins=len(windows), horizon=fc.backtest_horizon(freq),
                                     model_mase=_r(model.mase), model_smape=round(model.smape, 2),
                                     naive_mase=_r(naive.mase), naive_smape=round(naive.smape, 2)),
                computed_at=now))
        return out

    def _store(self, items: list[tuple[_Target, ForecastDTO, str]], weeks: int) -> None:
        with self._uow() as uow:
            uow.forecasts.store([dict(kind=t.kind, key=t.key, freq=d.freq, measure=d.measure, horizon=weeks,
                                      fingerprint=fp, computed_at=d.computed_at, payload=_dump(d))
                                 for t, d, fp in items])
            uow.commit()

    def _stale_products(self, today: date) -> tuple[list[tuple[Any, str]], int]:
        """(product row, fingerprint) of the products whose cached weekly forecast is missing or stale; how many
        products there are."""
        end = last_whole_period(today, "week")
        with self._uow(write=False) as uow:
            products = uow.forecasts.products()
            prints = uow.forecasts.fingerprints(_since(end))
            cached = uow.forecasts.cached_fingerprints("product", "week", "units", DEFAULT_WEEKS)
        changed = [(p, self._fingerprint([prints.get(p.id, NO_FACTS)], end)) for p in products]
        return [(p, fp) for p, fp in changed if cached.get(p.sku) != fp], len(products)

    def _prepare_batch(self, batch: list[tuple[Any, str]], today: date) -> _Batch:
        """A batch's weekly series to compute, and the reason for those with not enough history; one read of the
        facts, summed by week in SQL (``ForecastsRepo.weekly_units``: the same values ``series_from_days`` gives)."""
        ids = [p.id for p, _ in batch]
        start = today - timedelta(days=HISTORY_DAYS["week"])
        end = last_whole_period(today, "week")
        end_n = (end - DAY_ZERO).days
        floor_n = end_n - HISTORY_DAYS["week"] + 1
        read: dict[int, tuple[int | None, list[int], dict[int, float]]] = {}  # first day, [days sold], by week
        with self._uow(write=False) as uow:
            for w in uow.forecasts.weekly_units(start, today, ids, floor_n, end_n):
                got = read.get(w.product_id)
                if got is None:
                    got = read[w.product_id] = (None if w.first_day is None else int(w.first_day), [0], {})
                got[1][0] += int(w.days_sold or 0)
                if w.units:
                    got[2][int(w.week)] = float(w.units)
            # the history rule from what was read; a product that fails it there may have sold before the window
            history: dict[int, tuple[date | None, int]] = {
                pid: (None if first_n is None else DAY_ZERO + timedelta(days=first_n), sold[0])
                for pid, (first_n, sold, _) in read.items()}
            unsure = [p.id for p, _ in batch
                      if fc.history_problem(p.sku, history.get(p.id, (None, 0))[1], history.get(p.id, (None, 0))[0],
                                            today)]
            if unsure:
                history.update(uow.forecasts.sale_history(unsure))
        compute: list[tuple[_Target, str, int]] = []
        short = []
        for p, fp in batch:
            target = _Target("product", p.sku, p.name, (p.id,))
            first, sale_days = history.get(p.id, (None, 0))
            problem = fc.history_problem(p.sku, sale_days, _as_date(first), today)
            if problem:
                short.append((target, self._empty(target, "week", "units", problem), fp))
            else:
                compute.append((target, fp, p.id))
        last_week = (end_n - 2) // 7
        starts: dict[int, list[date]] = {}  # by first week: most products share a few
        series = []
        for _, _, pid in compute:
            first_n, _, weeks = read.get(pid, (None, [0], {}))
            first_week = (max(first_n if first_n is not None else floor_n, floor_n) - 2) // 7
            values = [0.0] * (last_week - first_week + 1)
            for week, units in weeks.items():
                if first_week <= week <= last_week:
                    values[week - first_week] += units
            if first_week not in starts:
                starts[first_week] = [DAY_ZERO + timedelta(days=2 + 7 * w) for w in range(first_week, last_week + 1)]
            series.append((starts[first_week], [max(v, 0.0) for v in values]))
        return _Batch(today, [(t, fp) for t, fp, _ in compute], series, short, len(batch))

    def _finish_batch(self, batch: _Batch, results: list[fc.SeriesForecast]) -> int:
        """Score and cache a batch's forecasts and the reasons of those with not enough history; how many had not
        enough history."""
        dtos = self._score([t for t, _ in batch.compute], batch.series, results, "week", "units", batch.today)
        self._store([(t, d, fp) for (t, fp), d in zip(batch.compute, dtos, strict=True)] + batch.short,
                    DEFAULT_WEEKS)
        return len(batch.short)

    def _load(self, payload: str) -> ForecastDTO:
        return _parse(payload)


def daily_demand(f: ForecastDTO | None) -> list[float]:
    """The forecast as units per day (a weekly point spread evenly over its 7 days)."""
    if f is None or not f.points:
        return []
    per = 7 if f.freq == "week" else 1
    return [p.value / per for p in f.points for _ in range(per)]


def _since(end: date) -> date:
    """The first day a fingerprint reads: the facts of earlier days never change (every sale, cancellation and
    return is booked on the day it happens), so these days' facts and the last whole period say whether anything
    the forecast reads, or the current period, changed."""
    return end - timedelta(days=RECENT_DAYS - 1)


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _as_date(v) -> date:
    if v is None or isinstance(v, date):
        return v  # type: ignore[return-value]
    return date.fromisoformat(str(v)[:10])


def _dump(d: ForecastDTO) -> str:
    return json.dumps({
        "kind": d.kind, "key": d.key, "label": d.label, "freq": d.freq, "measure": d.measure, "model": d.model,
        "level": d.level, "history": [[h.period.isoformat(), h.value] for h in d.history],
        "points": [[p.period.isoformat(), p.value, p.low, p.high] for p in d.points],
        "backtest": None if d.backtest is None else [d.backtest.origins, d.backtest.horizon, d.backtest.model_mase,
                                                     d.backtest.model_smape, d.backtest.naive_mase,
                                                     d.backtest.naive_smape],
        "computed_at": d.computed_at.isoformat(), "not_enough_history": d.not_enough_history})


def _parse(payload: str) -> ForecastDTO:
    j = json.loads(payload)
    return ForecastDTO(
        kind=j["kind"], key=j["key"], label=j["label"], freq=j["freq"], measure=j["measure"], model=j["model"],
        level=j["level"], history=tuple(PeriodValueDTO(date.fromisoformat(p), v) for p, v in j["history"]),
        points=tuple(ForecastPointDTO(date.fromisoformat(p), v, lo, hi) for p, v, lo, hi in j["points"]),
        backtest=None if j["backtest"] is None else BacktestDTO(*j["backtest"]),
        computed_at=datetime.fromisoformat(j["computed_at"]), not_enough_history=j["not_enough_history"])
