"""Promotions, coupons, incentives and shipping charges: what they take off or add to a cart (pure).

Everything here works on plain data: the services read promotions, a coupon, the cart's incentives and its shipping
method from storage, call :func:`adjustments`, store what it returns (one row per adjustment, with its explanation)
and price the document with ``domain.pricing.price(lines, policy, adjustments)``. The same function runs while a cart
is edited (the screen shows each explanation line), when it is confirmed, on the invoice and in Factur-X.

Precedence (the one rule; docs/carts.md says it for users):

1. **Which promotions apply**: active on the day (``starts`` <= day <= ``ends``, both optional), the cart's channel
   (when the promotion names one), the customer's first order (when it asks for one), a goods subtotal at least
   ``min_total`` (the subtotal before any promotion, coupon or incentive; in the price basis), and at least one
   line among its products/categories (when it names some; a buy-X-get-Y needs its X in the cart).
2. **In what order**: higher ``priority`` first, then the larger saving, then the lower id (so ties are stable).
3. **Exclusive or stackable**: if an exclusive promotion applies, the first exclusive one in that order is the only
   promotion applied; otherwise every applicable promotion applies, one after the other, each on what the ones
   before it left (a percent is a percent of the remaining subtotal).
4. **Coupon, then incentives**: a coupon (a customer's deliberate choice) and the incentives staff offered
   apply after the promotions, in that order, also on what is left.
5. **Never below zero**: an allowance is cut to what is left of the goods subtotal; free shipping takes off at most
   the shipping charge.
6. **Shipping** is a charge (a positive adjustment) from the cart's shipping method; free shipping is an allowance
   of the same amount at the same rate, so the document shows what the shipping would have cost and what the
   incentive cost.

An allowance over goods of several tax rates is split into one adjustment per rate in proportion to each rate's
(remaining) goods base, the cents shared by largest remainder, so the amounts add up exactly (EN 16931 gives each
document-level allowance one VAT rate).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from .errors import ValidationFailed
from .money import quantum


class Effect(StrEnum):
    PERCENT = "percent"              # percent off the order (or off the named products'/categories' lines)
    AMOUNT = "amount"                # an amount off the order (or off the named lines)
    FREE_SHIPPING = "free_shipping"  # the shipping charge taken off again
    BUY_GET = "buy_get"              # buy N of one SKU, get M of another (or the same) free


class AdjustmentKind(StrEnum):
    PROMOTION = "promotion"
    COUPON = "coupon"
    INCENTIVE = "incentive"
    SHIPPING = "shipping"


class ShippingBasis(StrEnum):
    FLAT = "flat"      # one price
    VALUE = "value"    # by the goods subtotal: tiers of (from subtotal, price)
    WEIGHT = "weight"  # by the cart's weight in grams: tiers of (from grams, price)


@dataclass(frozen=True)
class CartLine:
    sku: str
    category: str
    quantity: int
    unit_price: Decimal   # in the document's price basis (gross when prices include tax)
    tax_rate: Decimal     # a fraction: 0.19
    discount: Decimal = Decimal(0)  # the line's own discount (a fraction), taken before anything here
    weight_grams: int = 0  # per unit; 0 when the product carries none


@dataclass(frozen=True)
class Cart:
    lines: tuple[CartLine, ...]
    currency: str
    channel: str = ""
    day: date | None = None          # the day the rules are judged on (promotion windows, coupon expiry)
    first_order: bool = False        # the customer has no confirmed order yet
    customer_id: int | None = None


@dataclass(frozen=True)
class Offer:
    """What a promotion, coupon or incentive gives. ``percent`` is a fraction (0.10); ``amount`` is in the price
    basis; ``skus``/``categories`` restrict a percent or amount to those lines (empty: the whole order)."""

    effect: Effect
    percent: Decimal = Decimal(0)
    amount: Decimal = Decimal(0)
    buy_sku: str = ""
    buy_qty: int = 0
    get_sku: str = ""
    get_qty: int = 0
    skus: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Promotion:
    id: int
    name: str
    offer: Offer
    min_total: Decimal = Decimal(0)
    channel: str = ""                # empty: every channel
    starts: date | None = None
    ends: date | None = None         # inclusive
    first_order_only: bool = False
    priority: int = 0
    exclusive: bool = False


@dataclass(frozen=True)
class Coupon:
    id: int
    code: str
    offer: Offer
    min_total: Decimal = Decimal(0)
    expires: date | None = None      # last day it can be used
    max_uses: int | None = None      # None: unlimited
    uses: int = 0
    per_customer: int | None = None  # None: unlimited
    customer_uses: int = 0           # uses by this cart's customer
    customer_id: int | None = None   # a coupon made for one customer (an incentive for the next order)
    active: bool = True


@dataclass(frozen=True)
class Incentive:
    """An offer staff made on one cart (who and why are kept by the service; ``label`` is what the customer reads)."""

    id: int
    offer: Offer
    label: str


@dataclass(frozen=True)
class ShippingMethod:
    code: str
    name: str
    basis: ShippingBasis
    tiers: tuple[tuple[Decimal, Decimal], ...]  # (from, price), ascending; FLAT has one tier (0, price)
    tax_rate: Decimal
    channel: str = ""                           # empty: every channel


@dataclass(frozen=True)
class Adjustment:
    """One explanation line of a document: ``amount`` < 0 an allowance, > 0 a charge, at ``tax_rate``, in the price
    basis. ``source_id`` is the promotion's, coupon's or incentive's id (None for shipping)."""

    kind: AdjustmentKind
    source_id: int | None
    label: str
    amount: Decimal
    tax_rate: Decimal


def normalize_code(text: object) -> str:
    """A coupon code as stored and looked up: upper case, no spaces anywhere ('  spring 10 ' -> 'SPRING10')."""
    return "".join(str(text or "").split()).upper()


def goods_subtotal(cart: Cart) -> Decimal:
    """The goods before promotions: each line's price x quantity less its own discount, rounded per line."""
    q = quantum(cart.currency)
    return sum(((ln.unit_price * ln.quantity * (1 - ln.discount)).quantize(q) for ln in cart.lines), Decimal(0))


def shipping_charge(method: ShippingMethod, cart: Cart) -> Decimal:
    """The charge of ``method`` for ``cart``: the price of the last tier whose threshold the cart reaches."""
    if method.basis is ShippingBasis.WEIGHT:
        measure = Decimal(sum(ln.weight_grams * ln.quantity for ln in cart.lines))
    elif method.basis is ShippingBasis.VALUE:
        measure = goods_subtotal(cart)
    else:
        measure = Decimal(0)
    charge = Decimal(0)
    for threshold, price in method.tiers:
        if measure >= threshold:
            charge = price
    return charge


def coupon_refusal(coupon: Coupon, cart: Cart) -> str | None:
    """Why ``coupon`` cannot be used on ``cart`` (in words a customer understands), or None."""
    if not coupon.active:
        return f"coupon {coupon.code} has been withdrawn"
    if coupon.expires is not None and cart.day is not None and cart.day > coupon.expires:
        return f"coupon {coupon.code} expired on {coupon.expires.isoformat()}"
    if coupon.max_uses is not None and coupon.uses >= coupon.max_uses:
        return f"coupon {coupon.code} has been used up ({coupon.max_uses} use{'s' if coupon.max_uses != 1 else ''})"
    if coupon.customer_id is not None and cart.customer_id != coupon.customer_id:
        return f"coupon {coupon.code} belongs to another customer"
    if coupon.per_customer is not None and cart.customer_id is not None and \
            coupon.customer_uses >= coupon.per_customer:
        return f"coupon {coupon.code} was already used by this customer ({coupon.customer_uses} of " \
               f"{coupon.per_customer})"
    subtotal = goods_subtotal(cart)
    if subtotal < coupon.min_total:
        return f"coupon {coupon.code} needs an order of at least {coupon.min_total} (this one is {subtotal})"
    return None


def adjustments(cart: Cart, *, promotions: tuple[Promotion, ...] = (), coupon: Coupon | None = None,
                incentives: tuple[Incentive, ...] = (), shipping: ShippingMethod | None = None
                ) -> tuple[Adjustment, ...]:
    """Every allowance and charge of ``cart``, in the order of the precedence rule above (module docstring).

    A coupon that :func:`coupon_refusal` refuses is the caller's business (it refuses the order, naming why); here a
    given coupon is applied.
    """
    q = quantum(cart.currency)
    out: list[Adjustment] = []
    bases = _bases(cart)
    left = dict(bases)

    def allowance(kind: AdjustmentKind, source_id: int | None, label: str, offer: Offer) -> None:
        if offer.effect is Effect.PERCENT:
            for rate, base in sorted(left.items()):
                take = min((base * offer.percent).quantize(q), base)
                if take > 0:
                    out.append(Adjustment(kind, source_id, label, -take, rate))
                    left[rate] = base - take
        elif offer.effect is Effect.AMOUNT:
            total_left = sum(left.values(), Decimal(0))
            want = min(offer.amount, total_left)
            for rate, take in _split(want, left, q):
                if take > 0:
                    out.append(Adjustment(kind, source_id, label, -take, rate))
                    left[rate] -= take
        elif offer.effect is Effect.FREE_SHIPPING:
            for adj in [a for a in out if a.kind is AdjustmentKind.SHIPPING]:
                already = -sum((a.amount for a in out if a.kind is not AdjustmentKind.SHIPPING
                                and a.tax_rate == adj.tax_rate and a.label.startswith("Free shipping")),
                               Decimal(0))
                take = adj.amount - already
                if take > 0:
                    out.append(Adjustment(kind, source_id, f"Free shipping: {label}", -take, adj.tax_rate))

    if shipping is not None:
        charge = shipping_charge(shipping, cart)
        if charge > 0:
            out.append(Adjustment(AdjustmentKind.SHIPPING, None, f"Shipping: {shipping.name}", charge,
                                  shipping.tax_rate))
    for promo in _applicable(cart, promotions, bases):
        allowance(AdjustmentKind.PROMOTION, promo.id, promo.name, promo.offer)
    if coupon is not None:
        allowance(AdjustmentKind.COUPON, coupon.id, f"Coupon {coupon.code}", coupon.offer)
    for inc in incentives:
        allowance(AdjustmentKind.INCENTIVE, inc.id, inc.label, inc.offer)
    return tuple(out)


def _bases(cart: Cart) -> dict[Decimal, Decimal]:
    q = quantum(cart.currency)
    out: dict[Decimal, Decimal] = {}
    for ln in cart.lines:
        out[ln.tax_rate] = out.get(ln.tax_rate, Decimal(0)) + (ln.unit_price * ln.quantity
                                                                * (1 - ln.discount)).quantize(q)
    return out


def _split(amount: Decimal, bases: dict[Decimal, Decimal], q: Decimal) -> list[tuple[Decimal, Decimal]]:
    """``amount`` shared over the rates in proportion to their bases, cents by largest remainder."""
    total = sum(bases.values(), Decimal(0))
    if total <= 0 or amount <= 0:
        return []
    units = int(amount / q)
    raw = [(rate, units * base / total) for rate, base in sorted(bases.items())]
    whole = [(rate, int(share)) for rate, share in raw]
    rest = units - sum(w for _r, w in whole)
    order = sorted(range(len(raw)), key=lambda i: (raw[i][1] - whole[i][1]), reverse=True)
    extra = set(order[:rest])
    return [(rate, (w + (1 if i in extra else 0)) * q) for i, (rate, w) in enumerate(whole)]


def _applicable(cart: Cart, promotions: tuple[Promotion, ...], bases: dict[Decimal, Decimal]) -> list[Promotion]:
    subtotal = sum(bases.values(), Decimal(0))
    ok = []
    for p in promotions:
        if p.starts is not None and cart.day is not None and cart.day < p.starts:
            continue
        if p.ends is not None and cart.day is not None and cart.day > p.ends:
            continue
        if p.channel and p.channel != cart.channel:
            continue
        if p.first_order_only and not cart.first_order:
            continue
        if subtotal < p.min_total:
            continue
        ok.append(p)
    ok.sort(key=lambda p: (-p.priority, p.id))
    exclusive = next((p for p in ok if p.exclusive), None)
    return [exclusive] if exclusive is not None else ok


def check_percent(value: Decimal, *, field: str = "percent") -> Decimal:
    """A percent as a fraction, refused outside 0..100 % (the caller parses the text)."""
    if value < 0 or value > 1:
        raise ValidationFailed(f"{field} must be between 0 and 100 %")
    return value
