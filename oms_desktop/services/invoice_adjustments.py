"""The share of an order's allowances and charges (promotions, coupons, incentives, shipping) that an invoice bills,
and of an invoice's that a credit note takes back (issue 13), as rows to store in ``invoice_adjustments``.

The rule is ``domain.pricing.adjustment_shares`` (the ``BillingService`` docstring says it in words): each share is
the adjustment times the goods base the document bills at all rates over the whole's goods base, rounded to the
currency; the document that completes the whole takes what is left of each. Shares are matched by the order's
adjustment ``seq``, which an invoice and its credit notes keep. Everything else prices them: the invoice's lines and
its shares go through ``domain.pricing.price`` together, so their tax is the tax of what is actually charged.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from types import SimpleNamespace
from typing import Any

from ..domain.money import to_minor
from ..domain.pricing import Totals, adjustment_shares
from .cart_pricing import stored_adjustments

SIGN = {"invoice": 1, "credit_note": -1}


def goods_base(order: Any, totals: Totals) -> int:
    """The goods of ``totals`` (priced lines of ``order``) at all rates in the price basis, minor units: the net
    when prices exclude tax, the gross when they include it (what an allowance was taken off)."""
    cur = order.currency
    return sum(to_minor(la.gross if order.prices_include_tax else la.net, cur) for la in totals.lines)


def order_adjustments(uow: Any, order: Any, lines_only: Totals) -> list[Any]:
    """The order's allowances and charges (stored rows, in ``seq`` order). Not read (no statement) when the order
    cannot have any: it has no shipping method and its stored net and tax are what its lines cost alone
    (``lines_only``): every allowance takes something off, and only shipping adds (free shipping needs shipping)."""
    cur = order.currency
    if getattr(order, "shipping_method", None) is None and to_minor(lines_only.net, cur) == order.net_minor \
            and to_minor(lines_only.tax, cur) == order.tax_minor:
        return []
    return list(uow.carts.adjustments(order.id))


def billed(rows: Iterable[Any], kinds: dict[int, str], *, only: Iterable[int] | None = None) -> dict[int, int]:
    """What documents billed of each adjustment ``seq`` (``rows``: stored invoice adjustments with ``invoice_id``),
    invoices less credit notes (``kinds``: invoice id -> kind); ``only`` those documents' rows."""
    ids = set(only) if only is not None else None
    done: dict[int, int] = defaultdict(int)
    for r in rows:
        if ids is None or r.invoice_id in ids:
            done[r.seq] += SIGN[kinds[r.invoice_id]] * r.amount_minor
    return done


def shares(whole: Sequence[Any], done: dict[int, int], part: int, whole_base: int, *, final: bool) -> list[dict]:
    """What a document bills of each of ``whole``'s adjustments (rows with seq, kind, label, tax_rate_bp,
    amount_minor): ``part`` of ``whole_base`` (goods bases), ``done`` what earlier documents billed of each;
    ``final``: it completes the whole. Zero shares are left out."""
    amounts = adjustment_shares([r.amount_minor for r in whole], [done.get(r.seq, 0) for r in whole], part,
                                whole_base, final=final)
    return [dict(seq=r.seq, kind=r.kind, label=r.label, tax_rate_bp=r.tax_rate_bp, amount_minor=amount)
            for r, amount in zip(whole, amounts) if amount]


def as_adjustments(rows: Sequence[dict], currency: str) -> list:
    """``shares`` rows as ``domain.pricing`` prices them."""
    return stored_adjustments([SimpleNamespace(**r) for r in rows], currency)


def priced(rows: Sequence[dict], totals: Totals, currency: str) -> list[dict]:
    """``rows`` with the net and tax ``totals`` (priced with ``as_adjustments(rows)``) gives each: what is stored."""
    return [dict(r, net_minor=to_minor(la.net, currency), tax_minor=to_minor(la.tax, currency))
            for r, la in zip(rows, totals.adjustments, strict=True)]


def ledger_parts(rows: Iterable[dict]) -> dict[str, int]:
    """The net of a document's allowances (<= 0) and of its charges (>= 0): ``invoice_entry``'s keywords."""
    rows = list(rows)
    return {"allowances": sum(r["net_minor"] for r in rows if r["amount_minor"] < 0),
            "charges": sum(r["net_minor"] for r in rows if r["amount_minor"] > 0)}
