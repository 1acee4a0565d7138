"""A cart's allowances and charges from storage: the active promotions, its coupon, the incentives staff offered and
its shipping method, read in the caller's transaction, turned into ``domain.promotions`` data, applied by its one
``adjustments`` function and written back as the order's explanation lines (``order_adjustments``).

The order service calls ``reprice`` on every change of a draft and when it confirms one; ``place_order`` calls
``cart_adjustments`` for the order it is about to write. Reads are few on the hot path: one (an aggregate) to know
whether the cached active promotions are still current (``place_order`` reads it with the coupon and, while a
first-order promotion runs, the customer's first order, in one statement: ``PromotionsRepository.pricing_reads``),
one for the cart's incentives (a cart being created has none), the coupon and the shipping method only when the
cart names them, the products' categories and weights only when a rule needs them.
"""
from __future__ import annotations

import dataclasses
import threading
from types import SimpleNamespace
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import attrgetter
from datetime import date
from decimal import Decimal
from typing import Any

from ..domain.errors import CouponRefused
from ..domain.money import from_minor, to_minor
from ..domain.orders import bp_to_rate, rate_to_bp
from ..domain.pricing import DocumentAdjustment, Totals
from ..domain.promotions import (Adjustment, Cart, CartLine, Coupon, Effect, Incentive, Offer, Promotion,
                                 ShippingBasis, ShippingMethod, adjustments, coupon_refusal, goods_subtotal)
from .dto import AdjustmentDTO
from .ports import utc_now


def local_day() -> date:
    """Today as the shop counts days (the workstation's time zone): promotion windows and coupon expiry."""
    return utc_now().astimezone().date()


_OFFER_FIELDS = (("effect", ""), ("percent_bp", 0), ("amount_minor", 0), ("buy_sku", ""), ("buy_qty", 0),
                 ("get_sku", ""), ("get_qty", 0), ("skus", ""), ("categories", ""))


_VALUES_OF: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
"""How to read ``_OFFER_FIELDS`` off a kind of record (a coupon's has no buy-get or product fields: their defaults),
worked out once per kind: ``getattr`` with a default raises and catches an AttributeError for each missing one."""


def _values_of(kind: type) -> Callable[[Any], tuple[Any, ...]]:
    fields = {f.name for f in dataclasses.fields(kind)}
    present = [k for k, _d in _OFFER_FIELDS if k in fields]
    n = len(present)
    if present == [k for k, _d in _OFFER_FIELDS[:n]]:  # the first fields (a coupon's, an incentive's, or all)
        tail = tuple(d for _k, d in _OFFER_FIELDS[n:])
        get = attrgetter(*present)
        return (lambda row: (*get(row), *tail)) if n > 1 else (lambda row: (get(row), *tail))
    return lambda row: tuple(getattr(row, k) if k in present else d for k, d in _OFFER_FIELDS)


def _offer(row: Any, currency: str) -> Offer:
    """The offer of a promotion, coupon or incentive row (coupons and incentives have no buy-get or product
    columns); converted once per distinct offer: a coupon is priced on every order that names it."""
    values = _VALUES_OF.get(type(row))
    if values is None:
        if hasattr(row, "_mapping"):  # a row (its columns vary): looking up one it lacks would raise in SQLAlchemy
            mapping = row._mapping
            return _offer_of(tuple(mapping[k] if k in mapping else d for k, d in _OFFER_FIELDS), currency)
        if not dataclasses.is_dataclass(row):  # anything else with attributes (each object its own)
            return _offer_of(tuple(getattr(row, k, d) for k, d in _OFFER_FIELDS), currency)
        values = _VALUES_OF[type(row)] = _values_of(type(row))
    return _offer_of(values(row), currency)


@lru_cache(maxsize=1024)
def _offer_of(values: tuple[Any, ...], currency: str) -> Offer:
    effect_code, percent_bp, amount_minor, buy_sku, buy_qty, get_sku, get_qty, skus, categories = values
    effect = Effect(effect_code) if effect_code in Effect._value2member_map_ else Effect.AMOUNT
    return Offer(effect=effect, percent=bp_to_rate(percent_bp), amount=from_minor(amount_minor, currency),
                 buy_sku=buy_sku, buy_qty=buy_qty, get_sku=get_sku, get_qty=get_qty,
                 skus=frozenset((skus or "").split()),
                 categories=frozenset(c for c in (categories or "").split("\n") if c))


def promotion_of(row: Any, currency: str) -> Promotion:
    return Promotion(id=row.id, name=row.name, offer=_offer(row, currency),
                     min_total=from_minor(row.min_total_minor, currency), channel=row.channel or "",
                     starts=row.starts, ends=row.ends, first_order_only=bool(row.first_order_only),
                     priority=row.priority, exclusive=bool(row.exclusive))


def coupon_of(row: Any, currency: str, customer_uses: int = 0) -> Coupon:
    return Coupon(id=row.id, code=row.code, offer=_offer(row, currency),
                  min_total=from_minor(row.min_total_minor, currency), expires=row.expires, max_uses=row.max_uses,
                  uses=row.uses, per_customer=row.per_customer, customer_uses=customer_uses,
                  customer_id=row.customer_id, active=bool(row.active))


def incentive_of(row: Any, currency: str) -> Incentive:
    return Incentive(id=row.id, offer=_offer(row, currency), label=row.label)


def shipping_of(row: Any, currency: str) -> ShippingMethod:
    tiers = []
    for pair in (row.tiers or "").split():
        start, _, price_minor = pair.partition(":")
        threshold = Decimal(start) if row.basis == ShippingBasis.WEIGHT else from_minor(int(start), currency)
        tiers.append((threshold, from_minor(int(price_minor), currency)))
    return ShippingMethod(code=row.code, name=row.name, basis=ShippingBasis(row.basis), tiers=tuple(tiers),
                          tax_rate=bp_to_rate(row.tax_rate_bp), channel=row.channel or "")


class _PromotionsCache:
    """The active promotions of a day, converted once per process and kept while the promotions table is unchanged.

    Promotions are added and ended, never edited, so (how many, the highest id, the latest end) identifies their
    state exactly; one aggregate query tells whether another workstation changed them. Reading and converting 200
    promotions on every change of a cart would cost more than the rest of placing an order (``oms bench``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[Any, ...] | None = None
        self._value = _PromotionIndex(())

    def get(self, uow: Any, day: date, currency: str,
            fingerprint: tuple[int, int, str, str] | None = None) -> "_PromotionIndex":
        """The index of the promotions active on ``day``; ``fingerprint`` when the caller read it in its own
        transaction already (``PromotionsRepository.pricing_reads``), else it is read here."""
        key = (day, currency, *(fingerprint if fingerprint is not None else uow.promotions.fingerprint()))
        if key[2] == 0:
            return _NO_PROMOTIONS
        with self._lock:
            if key == self._key:
                return self._value
        value = _PromotionIndex(tuple(promotion_of(r, currency) for r in uow.promotions.active_promotions(day)))
        with self._lock:
            self._key, self._value = key, value
        return value


class _PromotionIndex:
    """The active promotions by what they need in a cart (a product, a category, a channel), so a cart is judged
    only against the few that could apply to it: a shop with 200 promotions, most of them narrow, prices a cart
    against a handful (the domain's precedence rule then decides among those)."""

    def __init__(self, promotions: tuple[Promotion, ...]):
        self.any = bool(promotions)
        self.general: list[Promotion] = []
        self.by_sku: dict[str, list[Promotion]] = {}
        self.by_category: dict[str, list[Promotion]] = {}
        for p in promotions:
            o = p.offer
            keys = set(o.skus) | ({o.buy_sku} if o.effect is Effect.BUY_GET and o.buy_sku else set())
            for sku in keys:
                self.by_sku.setdefault(sku, []).append(p)
            for cat in o.categories:
                self.by_category.setdefault(cat, []).append(p)
            if not keys and not o.categories:
                self.general.append(p)
        self.needs_categories = bool(self.by_category)
        self._general_for: dict[str, tuple[Promotion, ...]] = {}
        self._minimums = sorted({p.min_total for p in promotions})
        self._eligible: dict[tuple[str, bool, int], tuple[Promotion, ...]] = {}

    def candidates(self, skus: set[str], categories: set[str], channel: str) -> tuple[Promotion, ...]:
        hits = [p for sku in skus for p in self.by_sku.get(sku, ())] + \
            [p for cat in categories for p in self.by_category.get(cat, ())]
        if not hits:  # most carts: only the general promotions of the channel, the same tuple every time
            general = self._general_for.get(channel)
            if general is None:
                general = self._general_for[channel] = tuple(sorted(
                    (p for p in self.general if not p.channel or p.channel == channel), key=lambda p: p.id))
            return general
        found = {p.id: p for p in self.general}
        found.update((p.id, p) for p in hits)
        return tuple(p for _id, p in sorted(found.items()) if not p.channel or p.channel == channel)

    def eligible(self, promotions: tuple[Promotion, ...], channel: str, first_order: bool, subtotal: Decimal
                 ) -> tuple[Promotion, ...]:
        """``promotions`` (what ``candidates`` gave for ``channel``) less those the domain's rules would refuse
        first anyway: a minimum above ``subtotal``, first orders only when this is not one. The channel's general
        promotions (most carts) give the same answer for every subtotal between two of the promotions' minimums, so
        it is kept per (channel, first order, how many minimums the subtotal reaches) instead of filtering a busy
        shop's promotions again on every cart."""
        def keep() -> tuple[Promotion, ...]:
            return tuple(p for p in promotions if (first_order or not p.first_order_only) and subtotal >= p.min_total)

        if promotions is not self._general_for.get(channel):
            return keep()
        key = (channel, first_order, bisect_right(self._minimums, subtotal))
        found = self._eligible.get(key)
        if found is None:
            found = self._eligible[key] = keep()
        return found


_NO_PROMOTIONS = _PromotionIndex(())


_PROMOTIONS = _PromotionsCache()


def cart_adjustments(uow: Any, order: Any, lines: Sequence[Any], *, day: date | None = None,
                     coupon_row: Any = None, incentives: Sequence[Any] | None = None,
                     refuse_coupon: bool = False,
                     reads: tuple[tuple[int, int, str, str], bool | None, Any] | None = None
                     ) -> tuple[Adjustment, ...]:
    """The allowances and charges of ``order`` with ``lines`` (stored rows) as of ``day``; ``coupon_row`` and
    ``incentives`` when the caller has read them already (``incentives=()`` for an order being created); ``reads``
    what ``uow.promotions.pricing_reads`` gave for this order's customer in this transaction (the promotions'
    fingerprint and whether the customer has ordered before: not read again); with ``refuse_coupon`` a coupon the
    cart cannot use is refused (``CouponRefused``, naming why) instead."""
    cur = order.currency
    day = day or local_day()
    index = _PROMOTIONS.get(uow, day, cur, reads[0] if reads is not None else None)
    if incentives is None:
        incentives = uow.carts.incentives(order.id) if getattr(order, "id", None) else ()
    incentives = [i for i in incentives if i.effect != "coupon"]  # a coupon offered acts as the cart's coupon
    coupon_id = getattr(order, "coupon_id", None)
    if coupon_row is None and coupon_id:
        coupon_row = uow.promotions.coupon(coupon_id)
    method_code = getattr(order, "shipping_method", None)
    method_row = uow.promotions.shipping_method(method_code) if method_code else None
    if not (index.any or coupon_row is not None or incentives or method_row is not None):
        return ()
    needs_products = method_row is not None and method_row.basis == ShippingBasis.WEIGHT or index.needs_categories
    products = uow.products.by_ids(ln.product_id for ln in lines) if needs_products else {}
    promotions = index.candidates({ln.sku for ln in lines}, {p.category for p in products.values()} - {""},
                                  order.channel)
    first_order = bool(order.customer_id) and any(p.first_order_only for p in promotions) and \
        not (reads[1] if reads is not None and reads[1] is not None else uow.carts.has_confirmed_order(
            order.customer_id))
    cart = _cart(order, lines, products, day, first_order)
    # What the domain's rules 1 to 3 would refuse first anyway, left out before it judges each one (the same
    # conditions, so the same result): a busy shop's general promotions are mostly above this cart's subtotal or
    # for first orders only, and judging each costs more than this filter
    promotions = index.eligible(promotions, order.channel, first_order, goods_subtotal(cart))
    coupon = None
    if coupon_row is not None:
        coupon = coupon_of(coupon_row, cur, uow.carts.customer_uses(coupon_row.id, order.customer_id)
                           if coupon_row.per_customer is not None else 0)
        refusal = coupon_refusal(coupon, cart) if refuse_coupon else None
        if refusal:
            raise CouponRefused(refusal)
    return adjustments(cart, promotions=promotions, coupon=coupon,
                       incentives=tuple(incentive_of(r, cur) for r in incentives),
                       shipping=shipping_of(method_row, cur) if method_row is not None else None)


_NO_PRODUCT = SimpleNamespace(category="", weight_grams=0)


def _cart(order: Any, lines: Sequence[Any], products: dict[int, Any], day: date, first_order: bool) -> Cart:
    """The order's stored lines as the rules see them (categories and weights from ``products`` when read)."""
    cur = order.currency
    none = _NO_PRODUCT  # products are read only when a rule needs their categories or weights
    return Cart(lines=tuple(CartLine(sku=ln.sku, category=(p := products.get(ln.product_id, none)).category,
                                     quantity=ln.quantity, unit_price=from_minor(ln.unit_price_minor, cur),
                                     tax_rate=bp_to_rate(ln.tax_rate_bp), discount=bp_to_rate(ln.discount_bp),
                                     weight_grams=p.weight_grams or 0)
                            for ln in lines),
                currency=cur, channel=order.channel, day=day, first_order=first_order,
                customer_id=order.customer_id)


def check_coupon(uow: Any, order: Any, lines: Sequence[Any], coupon_row: Any, *, day: date | None = None) -> None:
    """Refuse (``CouponRefused``, naming why) a coupon the cart cannot use now."""
    cur = order.currency
    cart = _cart(order, lines, {}, day or local_day(), False)
    uses = uow.carts.customer_uses(coupon_row.id, order.customer_id) if coupon_row.per_customer is not None else 0
    refusal = coupon_refusal(coupon_of(coupon_row, cur, uses), cart)
    if refusal:
        raise CouponRefused(refusal)


def stored_adjustments(rows: Sequence[Any], currency: str) -> list[DocumentAdjustment]:
    """Stored adjustment rows (order's or invoice's) as the pricing function takes them."""
    return [DocumentAdjustment(from_minor(r.amount_minor, currency), bp_to_rate(r.tax_rate_bp), r.label)
            for r in rows]


def adjustment_rows(adjs: Sequence[Adjustment], totals: Totals, currency: str) -> list[dict[str, Any]]:
    """The rows to store for ``adjs`` priced in ``totals`` (``totals.adjustments`` in the same order)."""
    return [{"seq": i, "kind": str(a.kind), "source_id": a.source_id, "label": a.label[:200],
             "tax_rate_bp": rate_to_bp(a.tax_rate), "amount_minor": to_minor(a.amount, currency),
             "net_minor": to_minor(la.net, currency), "tax_minor": to_minor(la.tax, currency)}
            for i, (a, la) in enumerate(zip(adjs, totals.adjustments, strict=True), start=1)]


def adjustment_dtos(adjs: Sequence[Adjustment], totals: Totals) -> tuple[AdjustmentDTO, ...]:
    """What ``order_dto`` makes of the rows ``adjustment_rows`` gives (the same values: amounts with the currency's
    decimals, never -0), from ``adjs`` priced in ``totals`` without a round trip through minor units."""
    return tuple(AdjustmentDTO(str(a.kind), a.label[:200], a.tax_rate, a.amount, la.net or abs(la.net),
                               la.tax or abs(la.tax))
                 for a, la in zip(adjs, totals.adjustments, strict=True))


def same_rows(stored: Sequence[Any], rows: Sequence[dict[str, Any]]) -> bool:
    keys = ("seq", "kind", "source_id", "label", "tax_rate_bp", "amount_minor", "net_minor", "tax_minor")
    return len(stored) == len(rows) and all(all(getattr(s, k) == r[k] for k in keys) for s, r in zip(stored, rows))
