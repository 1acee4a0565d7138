"""The printed mail catalog's rules: availability words, the price a customer pays, short descriptions, EAN codes."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from .errors import ValidationFailed
from .messages import msg, phrase
from .pricing import PricedLine, compute_totals

SOLD_OUT = "sold out"
IN_STOCK = "in stock"
UNCATEGORISED = "Other products"
"""The section of products without a category (and the name that picks them with ``--category``)."""
SHORT_DESCRIPTION = 110
"""Characters of a product's description the printed catalog shows (cut at a word, with an ellipsis)."""


def availability(on_hand: int, reserved: int, reorder_point: int) -> str:
    """What a catalog customer reads about stock. What is free to sell (on hand minus what open orders reserve) is
    "sold out" at 0 or below, "only N left" at or below the reorder point (the shop's own "running low" line, the
    one the inventory tab highlights), else "in stock"."""
    available = on_hand - reserved
    if available <= 0:
        return SOLD_OUT
    if available <= reorder_point:
        return f"only {available} left"
    return IN_STOCK


def customer_price(unit_price: Decimal, tax_rate: Decimal, currency: str, prices_include_tax: bool) -> Decimal:
    """One unit's price as the customer pays it, tax included: the catalog price where prices include tax, else the
    catalog price plus its tax (rate a fraction, 0.19), rounded as an order line of one is (``domain.pricing``)."""
    line = PricedLine("", 1, unit_price, tax_rate)
    return compute_totals([line], currency, prices_include_tax=prices_include_tax).lines[0].gross


def short_text(text: str | None, limit: int = SHORT_DESCRIPTION) -> str:
    """``text`` on one line, cut at the last word that fits in ``limit`` characters, with an ellipsis."""
    flat = " ".join((text or "").split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit - 1]
    if " " in cut and flat[limit - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-") + "…"


def is_ean(code: str | None) -> bool:
    """An EAN-13 (GTIN-13, ISBN-13 included) or EAN-8 with a right check digit: what a scanner reads as EAN."""
    if not code or len(code) not in (8, 13) or not code.isascii() or not code.isdigit():
        return False
    body, check = code[:-1], int(code[-1])
    # weights 3, 1, 3, ... from the digit next to the check digit leftwards (EAN-13 and EAN-8 alike)
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def match_categories(wanted: Sequence[str], known: Iterable[str]) -> set[str]:
    """The catalog's own spelling of each wanted category (letter case ignored); ValidationFailed naming every
    unknown one. ``UNCATEGORISED`` picks the products without a category."""
    by_key = {c.casefold(): c for c in known if c}
    by_key[UNCATEGORISED.casefold()] = UNCATEGORISED
    unknown = [w for w in wanted if w.casefold() not in by_key]
    if unknown:
        names = sorted(c for c in by_key.values() if c != UNCATEGORISED)
        raise ValidationFailed([msg("unknown category '{category}' (known: {known}, {other})", category=w,
                                    known=", ".join(names) or phrase("none"), other=UNCATEGORISED)
                                for w in unknown])
    return {by_key[w.casefold()] for w in wanted}
