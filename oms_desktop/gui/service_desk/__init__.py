"""The service desk: order tracking and returns."""
from .panel import ServiceDeskPanel

__all__ = ["ServiceDeskPanel"]
