"""OMS Desktop: order management, keyboard first."""
__version__ = "0.1.0"
