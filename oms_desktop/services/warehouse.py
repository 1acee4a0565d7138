"""Use cases of the warehouse area."""
from __future__ import annotations

from .base import ServiceBase


class WarehouseService(ServiceBase):
    pass
