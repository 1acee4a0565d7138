"""Use cases of the purchasing area."""
from __future__ import annotations

from .base import ServiceBase


class PurchasingService(ServiceBase):
    pass
