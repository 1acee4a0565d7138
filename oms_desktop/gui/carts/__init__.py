"""The open-carts board: carts that turn into sales, incentives offered with the keyboard."""
from .tab import CartsTab

__all__ = ["CartsTab"]
