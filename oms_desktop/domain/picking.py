"""Picking rules: the order a picker walks the bins in, and how the units found for a SKU are shared among the
orders on a pick list (pure; the picking service stores what these decide)."""
from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

_SEGMENT_SEPARATORS = re.compile(r"[-_./\s]+")
_TOKENS = re.compile(r"\d+|\D+")

Token = tuple[int, int, str]


def walking_order_key(location: str) -> tuple[bool, tuple[tuple[Token, ...], ...], str]:
    """Sort key for bin locations such as "A-02-03" or "A2-S10-B3": aisle, shelf, bin; numbers compare as numbers.

    Every token becomes ``(0, int, "")`` for digits or ``(1, 0, text)`` for letters so mixed segments stay comparable;
    empty locations sort last and the raw text breaks ties, keeping the order total and deterministic.
    """
    text = (location or "").strip()
    segments = tuple(
        tuple((0, int(tok), "") if tok.isdigit() else (1, 0, tok.casefold()) for tok in _TOKENS.findall(segment))
        for segment in _SEGMENT_SEPARATORS.split(text)
        if segment
    )
    return (not segments, segments, text)


@dataclass(frozen=True)
class ListedLine:
    """One order's line on a pick list: what it asks for."""

    id: int
    order_id: int
    sku: str
    quantity: int


def share_found(lines: Iterable[ListedLine], found: Mapping[str, int], tote_of: Mapping[int, int],
                waiting: Collection[int]) -> dict[int, int]:
    """The units found per SKU handed to the lines in tote order (express and oldest first, then line order): each
    line takes what it asks for while any is left. Lines of orders no longer waiting (cancelled meanwhile) get 0.
    Returns units per line id."""
    remaining = dict(found)
    given: dict[int, int] = {}
    for ln in sorted(lines, key=lambda ln: (tote_of[ln.order_id], ln.id)):
        if ln.order_id not in waiting:
            given[ln.id] = 0
            continue
        give = min(remaining[ln.sku], ln.quantity)
        remaining[ln.sku] -= give
        given[ln.id] = give
    return given
