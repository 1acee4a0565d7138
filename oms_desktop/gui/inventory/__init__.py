"""The inventory tab."""
from .tab import InventoryTab

__all__ = ["InventoryTab"]
