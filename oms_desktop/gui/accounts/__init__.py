"""The accounts tab."""
from .tab import AccountsTab

__all__ = ["AccountsTab"]
