"""The manager's dashboard (QtCharts) and the sales report on screen.

``DashboardTab`` is imported on first use: a save dialog elsewhere imports ``export`` from here, and importing the
package must not load the tab (its charts and services) for a window that shows no dashboard."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .tab import DashboardTab

__all__ = ["DashboardTab"]


def __getattr__(name: str) -> Any:
    if name == "DashboardTab":
        from .tab import DashboardTab
        return DashboardTab
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
