"""Counted nouns for messages and documents: "1 line", "2 lines", "1 entry", "3 entries"."""
from __future__ import annotations


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` with the noun in the right number; the plural is ``singular + "s"`` unless given."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"
