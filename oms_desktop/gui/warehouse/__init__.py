"""The warehouse tab."""
from .tab import WarehouseTab

__all__ = ["WarehouseTab"]
