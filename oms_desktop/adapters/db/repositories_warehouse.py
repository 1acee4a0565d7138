"""Repository of the warehouse area."""
from __future__ import annotations

from .repositories import _Repo


class WarehouseRepo(_Repo):
    pass
