"""What the forecasts hand to the GUI and the CLI (issue 14): plain frozen data, no pandas, no numpy.

The contract between ``services/forecasts.py`` (which computes and caches forecasts) and its readers (``oms forecast``,
``oms purchase suggest --by forecast``, the dashboard). Units and revenue are estimates, not amounts anyone is charged,
so they are floats; money shown from them is rounded to the currency at the edge.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

FORECAST_FREQS = ("day", "week")
FORECAST_MEASURES = ("units", "revenue")  # revenue: net revenue in the company currency (the sales facts' net)
MIN_WEEKS, MAX_WEEKS = 4, 26
BACKTEST_WEEKS = 8  # rolling origin over the last 8 weeks


@dataclass(frozen=True)
class PeriodValueDTO:
    period: date   # the day, or the Monday of the ISO week
    value: float


@dataclass(frozen=True)
class ForecastPointDTO:
    period: date   # the day, or the Monday of the ISO week
    value: float   # the point forecast, never below zero
    low: float     # the prediction interval at ForecastDTO.level %, clipped at zero
    high: float


@dataclass(frozen=True)
class BacktestDTO:
    """Rolling origin over the last ``BACKTEST_WEEKS`` weeks: the chosen model and a seasonal naive forecast (the same
    weekday last week for daily series, the same week last year for weekly ones, or the last value where the history
    is shorter than a season), each refitted at every origin and scored on what really sold."""
    origins: int
    horizon: int           # periods ahead scored at each origin
    model_mase: float | None   # None where the in-sample naive error is zero (a flat history)
    model_smape: float         # in percent, 0..200
    naive_mase: float | None
    naive_smape: float


@dataclass(frozen=True)
class ForecastDTO:
    kind: str              # "product", "category" or "total"
    key: str               # the SKU, the category name, or "" for the total
    label: str             # the product's name, the category, "All products"
    freq: str              # "day" or "week"
    measure: str           # "units" or "revenue"
    model: str             # the model chosen, as the library names it ("AutoETS", "CrostonOptimized", ...)
    level: int             # the prediction interval's coverage in percent
    history: tuple[PeriodValueDTO, ...]    # what sold, the last periods before the forecast (for charts)
    points: tuple[ForecastPointDTO, ...]   # empty when not_enough_history says why
    backtest: BacktestDTO | None
    computed_at: datetime
    not_enough_history: str | None = None  # "LGT-0001 has sold on 1 day; a forecast needs ...": no made-up figures


@dataclass(frozen=True)
class StockCoverDTO:
    """A product's stock against its forecast demand."""
    sku: str
    name: str
    on_hand: int
    available: int         # on hand less reserved
    on_order: int          # open purchase order lines not yet received
    daily_demand: float    # forecast units per day over the coming weeks (0 without a forecast)
    days_of_cover: float | None    # available / daily demand; None when nothing is forecast to sell
    stockout_date: date | None     # the day available stock runs out at the forecast rate (on order not counted)
    stockout_date_with_orders: date | None  # the same counting what is on order (None: covered past the horizon)
    model: str             # the forecast it is based on, "" without one
