"""The forecasts' cache: one computed forecast per (kind, key, freq, measure, horizon), with the fingerprint of the
sales facts it was computed from, so a second request is a read and a new sale (or a new day) makes it stale.

``payload`` is the forecast as JSON (``services/forecasts.py`` writes and reads it); nothing else reads it. Derived:
deleting every row loses nothing but time.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models_base import Base, UtcDateTime


class ForecastCache(Base):
    __tablename__ = "forecast_cache"
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)      # product, category, total
    key: Mapped[str] = mapped_column(String(200), primary_key=True)      # SKU, category, "" for the total
    freq: Mapped[str] = mapped_column(String(5), primary_key=True)
    measure: Mapped[str] = mapped_column(String(10), primary_key=True)
    horizon: Mapped[int] = mapped_column(Integer, primary_key=True)      # weeks ahead
    fingerprint: Mapped[str] = mapped_column(String(200))
    computed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    payload: Mapped[str] = mapped_column(Text)
