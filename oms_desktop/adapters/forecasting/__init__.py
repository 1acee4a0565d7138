"""The numeric forecasting engine (statsforecast, imported lazily inside functions: never at the app's start)."""
from .engine import StatsforecastEngine

__all__ = ["StatsforecastEngine"]
