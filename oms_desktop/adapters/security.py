"""Password hashing with argon2id (argon2-cffi) and the list of common passwords the policy refuses."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


class Argon2Hasher:
    """argon2id with the library's RFC 9106 low-memory defaults; tests pass cheaper parameters."""

    def __init__(self, *, time_cost: int | None = None, memory_cost: int | None = None, parallelism: int | None = None):
        costs = dict(time_cost=time_cost, memory_cost=memory_cost, parallelism=parallelism)
        kwargs: dict[str, Any] = {k: v for k, v in costs.items() if v is not None}
        self._ph = PasswordHasher(type=Type.ID, **kwargs)

    def hash(self, password: str) -> str:
        return self._ph.hash(password)

    def verify(self, stored_hash: str, password: str) -> bool:
        try:
            return self._ph.verify(stored_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        return self._ph.check_needs_rehash(stored_hash)


def fast_test_hasher() -> Argon2Hasher:
    """Still argon2id, with minimal cost so a test suite can create hundreds of users."""
    return Argon2Hasher(time_cost=1, memory_cost=8, parallelism=1)


COMMON_PASSWORDS = Path(__file__).resolve().parents[2] / "resources" / "common_passwords.txt"
"""Shipped with the app (the PyInstaller spec copies it to the same place relative to the package)."""


@lru_cache(maxsize=1)
def common_passwords(path: Path = COMMON_PASSWORDS) -> frozenset[str]:
    """The common passwords, lowercased (``resources/common_passwords.txt`` names its source)."""
    with open(path, encoding="utf-8") as f:
        return frozenset(line.strip().lower() for line in f if line.strip() and not line.startswith("#"))
