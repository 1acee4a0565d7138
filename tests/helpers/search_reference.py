"""What the product type-ahead must return, computed in plain Python from the products' rows (the tests compare the
indexed searches of both databases with it)."""
from __future__ import annotations

import re

WORD = re.compile(r"[^\W_]+")  # runs of letters and digits: what the database splits names into
POSITION_WEIGHT = 64


def words_of(text: str) -> list[str]:
    return WORD.findall(text.lower())


def name_score(name: str, typed: list[str]) -> int | None:
    """None unless every typed word starts a word of the name; else the sum over the typed words of their
    earliest matching word's position * 64, + 1 where that word is longer than what was typed."""
    words = words_of(name)
    total = 0
    for t in typed:
        scores = [i * POSITION_WEIGHT + (w != t) for i, w in enumerate(words) if w.startswith(t)]
        if not scores:
            return None
        total += min(scores)
    return total


def reference_search(products, typed: str, *, active_only: bool = True) -> list[str]:
    """SKUs in type-ahead order: the exact SKU or barcode, SKUs starting with what was typed, then names with a word
    starting with every typed word, best score first; ties by SKU. ``products``: mappings with sku, barcode, name
    and active."""
    text = typed.strip()
    sku = text.upper()
    typed_words = list(dict.fromkeys(words_of(text)))
    rows = [p for p in products if p["active"] or not active_only]
    exact = sorted(p["sku"] for p in rows if p["sku"] == sku or (p["barcode"] is not None and p["barcode"] == text))
    prefix = sorted(p["sku"] for p in rows if p["sku"].startswith(sku) and p["sku"] not in exact)
    named = []
    for p in rows:
        if p["sku"] in exact or p["sku"] in prefix or not typed_words:
            continue
        score = name_score(p["name"], typed_words)
        if score is not None:
            named.append((score, p["sku"]))
    return exact + prefix + [s for _, s in sorted(named)]
