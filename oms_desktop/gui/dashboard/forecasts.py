"""The dashboard's one door to forecasts: ``ForecastSource`` over anything with the forecast service's three calls
(``services.forecasts`` once it exists; a test's fake until then). Without one the panels say forecasts are not
available, and the rest of the dashboard works as before."""
from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...services.dto import Actor
from ...services.forecast_dto import ForecastDTO, StockCoverDTO

FORECAST_WEEKS = 4      # daily net revenue, four weeks ahead, drawn after the sales by day
STOCK_ROWS = 12         # products shown in the stock-out table, the soonest out first
AT_RISK_DAYS = 28       # a product whose cover ends within this many days is at risk
NOT_AVAILABLE = QT_TRANSLATE_NOOP("DashboardTab", "Forecasts are not available")  # English; shown translated


class ForecastReader(Protocol):
    """What the dashboard needs of the forecast service (``services/forecasts.py``)."""

    def forecast(self, actor: Actor, *, sku: str | None = None, category: str | None = None, total: bool = False,
                 weeks: int = 8, freq: str = "week", measure: str = "units") -> ForecastDTO: ...

    def stock_cover(self, actor: Actor, *, limit: int | None = None,
                    at_risk_days: int | None = None) -> list[StockCoverDTO]: ...

    def refresh(self, actor: Actor, *, job: Any = None) -> Any: ...


class ForecastSource:
    """The forecast service as the dashboard calls it (each call runs in a background job)."""

    def __init__(self, reader: ForecastReader, actor: Actor):
        self.reader = reader
        self.actor = actor

    @classmethod
    def of(cls, services: Any, actor: Actor) -> "ForecastSource | None":
        """``services.forecasts`` when the services have one, else None."""
        reader = getattr(services, "forecasts", None)
        return cls(reader, actor) if reader is not None else None

    def sales_forecast(self) -> ForecastDTO:
        return self.reader.forecast(self.actor, total=True, weeks=FORECAST_WEEKS, freq="day", measure="revenue")

    def stock_cover(self) -> list[StockCoverDTO]:
        return list(self.reader.stock_cover(self.actor, limit=STOCK_ROWS, at_risk_days=AT_RISK_DAYS))

    def refresh(self, job: Any) -> None:
        """Recompute in the background (orders arrived); ``job`` reports progress and may be cancelled."""
        self.reader.refresh(self.actor, job=job)
