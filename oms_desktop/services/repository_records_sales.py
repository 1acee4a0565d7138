"""What the sales and forecasts repositories return (``repositories_sales.py``, ``repositories_forecasts.py``): frozen
records of their aggregates, as ``repository_records.py`` has them for the rest."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Generic, TypeVar


Key = TypeVar("Key")


@dataclass(frozen=True, slots=True)
class SalesFigures(Generic[Key]):
    """A row of the sales report: its key (a day, channel, agent's user id, SKU, category or customer id; None: no
    agent, or a walk-in customer), its label (the agent's user name, the product's name, the customer's name, or
    ""), and its figures."""

    key: Key
    label: str
    orders: int
    units: int
    net_minor: int
    returned_units: int
    returned_minor: int

    def figures(self) -> tuple[int, int, int, int, int]:
        """orders, units, net_minor, returned_units, returned_minor."""
        return self.orders, self.units, self.net_minor, self.returned_units, self.returned_minor


@dataclass(frozen=True, slots=True)
class SalesTotals:
    """The sales report's figures over some days (None: no sales facts on those days)."""

    orders: int | None
    units: int | None
    net_minor: int | None
    returned_units: int | None
    returned_minor: int | None

    def figures(self) -> tuple[int | None, int | None, int | None, int | None, int | None]:
        """orders, units, net_minor, returned_units, returned_minor."""
        return self.orders, self.units, self.net_minor, self.returned_units, self.returned_minor


Summed = int | Decimal
"""A SUM over integer columns as the database gives it: an int on SQLite, NUMERIC (a whole Decimal) on PostgreSQL."""


@dataclass(frozen=True, slots=True)
class ForecastProduct:
    """A product to forecast (table ``products``: id, SKU, name, category)."""

    id: int
    sku: str
    name: str
    category: str


@dataclass(frozen=True, slots=True)
class ProductDaySales:
    """A product's sales on a day, summed over channels and agents."""

    product_id: int
    day: date
    units: Summed
    net_minor: Summed


@dataclass(frozen=True, slots=True)
class DaySales:
    """Sales on a day, summed over some products."""

    day: date
    units: Summed
    net_minor: Summed


@dataclass(frozen=True, slots=True)
class WeeklyUnits:
    """A product's week as a forecast refresh reads it (``ForecastsRepo.weekly_units``): the week's number, the
    units its weekly series counts, the day number of the product's first day with units sold (None: none), and
    how many of the week's days sold."""

    product_id: int
    week: int
    units: Summed
    first_day: int | None
    days_sold: Summed


@dataclass(frozen=True, slots=True)
class FirstSale:
    """The first day with units sold (None: none) and how many days sold, over some products."""

    first_day: date | None
    sale_days: int


@dataclass(frozen=True, slots=True)
class StockPosition:
    """An active product's stock, cost and preferred supplier with its lead time (None: no preferred supplier)."""

    id: int
    sku: str
    name: str
    on_hand: int
    reserved: int
    cost_minor: int
    supplier_id: int | None
    lead_days: int | None
