"""``oms`` commands of the purchasing area."""
from __future__ import annotations


def register(sub, leaf) -> None:
    pass
