"""The manager's dashboard (QtCharts) and the sales report on screen."""
from .tab import DashboardTab

__all__ = ["DashboardTab"]
