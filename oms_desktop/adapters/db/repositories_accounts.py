"""Repository of the accounts area."""
from __future__ import annotations

from .repositories import _Repo


class AccountsRepo(_Repo):
    pass
