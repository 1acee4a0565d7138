"""The order entry tab: the screen phone agents and counter staff live in."""
from .tab import OrderEntryTab

__all__ = ["OrderEntryTab"]
