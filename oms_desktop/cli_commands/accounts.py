"""``oms`` commands of the accounts area."""
from __future__ import annotations


def register(sub, leaf) -> None:
    pass
