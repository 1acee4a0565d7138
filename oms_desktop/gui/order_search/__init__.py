"""The order list an agent searches: by customer, order number, tracking number or days (Ctrl+Shift+F)."""
from .dialog import OrderSearchDialog
from .model import OrderListModel

__all__ = ["OrderListModel", "OrderSearchDialog"]
