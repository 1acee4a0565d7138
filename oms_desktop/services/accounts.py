"""Use cases of the accounts area."""
from __future__ import annotations

from .base import ServiceBase


class AccountsService(ServiceBase):
    pass
