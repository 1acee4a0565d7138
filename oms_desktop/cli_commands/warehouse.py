"""``oms`` commands of the warehouse area."""
from __future__ import annotations


def register(sub, leaf) -> None:
    pass
