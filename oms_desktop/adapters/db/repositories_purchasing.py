"""Repository of the purchasing area."""
from __future__ import annotations

from .repositories import _Repo


class PurchasingRepo(_Repo):
    pass
