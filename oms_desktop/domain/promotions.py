"""Promotions, coupons, incentives and shipping charges: what they take off or add to a cart (pure).

Everything here works on plain data: the services read promotions, a coupon, the cart's incentives and its shipping
method from storage, call :func:`adjustments`, store what it returns (one row per adjustment, with its explanation)
and price the document with ``domain.pricing.price(lines, policy, adjustments)``. The same function runs while a cart
is edited (the screen shows each explanation line), when it is confirmed, on the invoice and in Factur-X.

Precedence (the one rule; docs/carts.md says it for users):

1. **Which promotions apply**: active on the day (``starts`` <= day <= ``ends``, both optional and inclusive; a cart
   without a day is not judged on dates), the cart's channel (when the promotion names one), the customer's first
   order (when it asks for one), a goods subtotal at least ``min_total`` (the subtotal before any promotion, coupon
   or incentive; in the price basis), and at least one line among its products/categories (when it names some; a
   buy-X-get-Y needs its X in the cart).
2. **In what order**: higher ``priority`` first, then the larger saving (each promotion's saving alone on the full
   cart), then the lower id (so ties are stable).
3. **Exclusive or stackable**: if an exclusive promotion applies, the first exclusive one in that order is the only
   promotion applied; otherwise every applicable promotion applies, one after the other, each on what the ones
   before it left (a percent is a percent of the remaining subtotal).
4. **Coupon, then incentives**: a coupon (a customer's deliberate choice) and the incentives staff offered
   apply after the promotions, in that order, also on what is left.
5. **Never below zero**: an allowance is cut to what is left of the goods it is taken from (each line's goods less
   what earlier allowances took from it), so the goods never go below zero; free shipping takes off what is left of
   the shipping charge, so at most the charge and only once, however many sources give it.
6. **Shipping** is a charge (a positive adjustment) from the cart's shipping method; free shipping is an allowance
   of the same amount at the same rate, so the document shows what the shipping would have cost and what the
   incentive cost.

Amounts are exact in the currency's minor unit (``money.quantum``: cents, whole yen): a percent is taken per tax rate
and rounded there (half away from zero, as ``domain.pricing`` rounds); an amount over goods of several tax rates is
split into one adjustment per rate in proportion to each rate's remaining goods, the last units shared by largest
remainder, so the parts add up exactly to the amount asked (or to what is left). EN 16931 gives each document-level
allowance one VAT rate (BG-20). Every allowance is also shared over the lines it came from in the same way, so the
next one sees each line's goods left.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from .money import ROUNDING, quantum, round_money
from .messages import msg

_K = TypeVar("_K")
_ZERO = Decimal(0)


FREE_SHIPPING_LABEL = "Free shipping: "
"""How the label of an allowance that takes a shipping charge off again begins (stored with the document: the sales
facts leave these out of a product's revenue, as they leave the shipping charge out)."""


class Effect(StrEnum):
    PERCENT = "percent"              # percent off the order (or off the named products'/categories' lines)
    AMOUNT = "amount"                # an amount off the order (or off the named lines)
    FREE_SHIPPING = "free_shipping"  # the shipping charge taken off again
    BUY_GET = "buy_get"              # buy N of one SKU, get M of another (or the same) free


# The members as plain module names for the rules' hot comparisons (an Enum member read off its class goes through a
# descriptor each time: measurable when every order judges its promotions)
_PERCENT, _AMOUNT, _FREE_SHIPPING, _BUY_GET = Effect.PERCENT, Effect.AMOUNT, Effect.FREE_SHIPPING, Effect.BUY_GET


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


_Derived = tuple[tuple[Decimal, ...], Decimal, bool, tuple[tuple[Decimal, Decimal], ...]]


@dataclass(frozen=True)
class Cart:
    lines: tuple[CartLine, ...]
    currency: str
    channel: str = ""
    day: date | None = None          # the day promotion windows and coupon expiry are judged on (None: they are not)
    first_order: bool = False        # the customer has no confirmed order yet
    customer_id: int | None = None

    @cached_property
    def line_bases(self) -> tuple[Decimal, ...]:
        """Each line's goods: price x quantity less its own discount, rounded per line (as ``domain.pricing``
        rounds it); computed once per cart, since the rules ask for them several times (the cart is frozen)."""
        return self._derive()[0]

    @cached_property
    def subtotal(self) -> Decimal:
        """The goods before promotions (``goods_subtotal``)."""
        return self._derive()[1]

    @cached_property
    def no_negative_goods(self) -> bool:
        """No line's goods are below zero (a line priced below zero is the exception)."""
        return self._derive()[2]

    @cached_property
    def rate_bases(self) -> tuple[tuple[Decimal, Decimal], ...]:
        """Each tax rate's goods (the lines' with goods above zero), by rate: what an offer on every line is
        taken from before anything else is (each promotion's saving alone, rule 2)."""
        return self._derive()[3]

    def _derive(self) -> _Derived:
        """The four properties above at once (a cart's rules ask for all of them), kept as each one's value."""
        q = quantum(self.currency)
        bases = tuple((ln.unit_price * ln.quantity * (1 - ln.discount)).quantize(q, rounding=ROUNDING)
                      for ln in self.lines)
        rates: dict[Decimal, Decimal] = {}
        for ln, g in zip(self.lines, bases):
            if g > 0:
                rates[ln.tax_rate] = rates.get(ln.tax_rate, _ZERO) + g
        derived: _Derived = (bases, sum(bases, _ZERO), all(g >= 0 for g in bases), tuple(sorted(rates.items())))
        self.__dict__.update(line_bases=derived[0], subtotal=derived[1], no_negative_goods=derived[2],
                             rate_bases=derived[3])
        return derived


@dataclass(frozen=True)
class Offer:
    """What a promotion, coupon or incentive gives. ``percent`` is a fraction (0.10); ``amount`` is in the price
    basis; ``skus``/``categories`` restrict a percent or amount to the lines of those products or categories (empty:
    the whole order), and make any offer apply only to a cart holding one of them. A buy-get gives ``get_qty`` units of
    ``get_sku`` free for every complete set in the cart (``buy_qty`` of ``buy_sku`` and ``get_qty`` of ``get_sku``;
    ``buy_qty + get_qty`` units when they are the same SKU), at ``get_sku``'s price after its line discount."""

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
    basis. ``source_id`` is the promotion's, coupon's or incentive's id (None for shipping). ``on_shipping`` marks
    free shipping: an allowance taken off the shipping charge, not off the goods."""

    kind: AdjustmentKind
    source_id: int | None
    label: str
    amount: Decimal
    tax_rate: Decimal
    on_shipping: bool = False


def normalize_code(text: object) -> str:
    """A coupon code as stored and looked up: upper case, no spaces anywhere ('  spring 10 ' -> 'SPRING10')."""
    return "".join(str(text or "").split()).upper()


def goods_subtotal(cart: Cart) -> Decimal:
    """The goods before promotions: each line's price x quantity less its own discount, rounded per line (as
    ``domain.pricing`` rounds it)."""
    return cart.subtotal


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
        return msg("coupon {code} has been withdrawn", code=coupon.code)
    if coupon.expires is not None and cart.day is not None and cart.day > coupon.expires:
        return msg("coupon {code} expired on {day}", code=coupon.code, day=coupon.expires.isoformat())
    if coupon.max_uses is not None and coupon.uses >= coupon.max_uses:
        return msg("coupon {code} has been used up ({uses} use)", code=coupon.code, uses=coupon.max_uses) \
            if coupon.max_uses == 1 else msg("coupon {code} has been used up ({uses} uses)", code=coupon.code,
                                             uses=coupon.max_uses)
    if coupon.customer_id is not None and cart.customer_id != coupon.customer_id:
        return msg("coupon {code} belongs to another customer", code=coupon.code)
    if coupon.per_customer is not None and cart.customer_id is not None and \
            coupon.customer_uses >= coupon.per_customer:
        return msg("coupon {code} was already used by this customer ({uses} of {allowed})", code=coupon.code,
                   uses=coupon.customer_uses, allowed=coupon.per_customer)
    subtotal = goods_subtotal(cart)
    if subtotal < coupon.min_total:
        return msg("coupon {code} needs an order of at least {minimum} (this one is {subtotal})", code=coupon.code,
                   minimum=coupon.min_total, subtotal=subtotal)
    if not _fits(coupon.offer, cart):
        return msg("coupon {code} is for products that are not in this order", code=coupon.code)
    return None


def adjustments(cart: Cart, *, promotions: tuple[Promotion, ...] = (), coupon: Coupon | None = None,
                incentives: tuple[Incentive, ...] = (), shipping: ShippingMethod | None = None
                ) -> tuple[Adjustment, ...]:
    """Every allowance and charge of ``cart``, in the order of the precedence rule above (module docstring).

    A coupon that :func:`coupon_refusal` refuses is the caller's business (it refuses the order, naming why); here a
    given coupon is applied.
    """
    if shipping is None and cart.no_negative_goods and _every_line_only(promotions, coupon, incentives):
        return _every_line_adjustments(cart, promotions, coupon, incentives)
    return _any_adjustments(cart, promotions, coupon, incentives, shipping)


def _every_line_only(promotions: tuple[Promotion, ...], coupon: Coupon | None,
                     incentives: tuple[Incentive, ...]) -> bool:
    """Every offer is a percent or an amount off the whole order (``_on_every_line``)."""
    return all(_on_every_line(offer) for offer in (
        *(p.offer for p in promotions), *((coupon.offer,) if coupon is not None else ()),
        *(i.offer for i in incentives)))


def _every_line_adjustments(cart: Cart, promotions: tuple[Promotion, ...], coupon: Coupon | None,
                            incentives: tuple[Incentive, ...]) -> tuple[Adjustment, ...]:
    """``adjustments`` for a cart without shipping and without goods below zero whose offers are all percents or
    amounts off the whole order (most carts: a shop's general promotions, a coupon, an incentive): the same rules
    and the same results as ``_any_adjustments``, which is what the tests hold it to, worked on each tax rate's goods
    left alone in one loop. Why a second path: those rules, through the general path's steps for every kind of offer,
    were most of what promotions added to placing an order (``oms bench``'s promotions row)."""
    q = quantum(cart.currency)
    rates = dict(cart.rate_bases)  # each rate's goods left, by rate (all above zero)
    day, subtotal, channel, first_order = cart.day, cart.subtotal, cart.channel, cart.first_order
    chosen: list[tuple[int, Decimal, int, Promotion]] = []
    if cart.lines:  # rule 1's products condition for an offer on the whole order (_fits)
        for p in promotions:  # rule 1 as _applicable judges it; the saving alone on the full cart
            if _in_force(p, day, channel, first_order, subtotal):
                saving = _saving(p.offer, rates, q)
                if saving > 0:
                    chosen.append((-p.priority, -saving, p.id, p))
    chosen.sort(key=_rank)  # rule 2
    exclusive = next((c for c in chosen if c[3].exclusive), None)  # rule 3
    out: list[Adjustment] = []

    def allow(kind: AdjustmentKind, source_id: int | None, label: str, offer: Offer) -> None:
        if offer.effect is _PERCENT:  # _take's percent, rate by rate in place
            percent = offer.percent
            for rate, base in rates.items():
                if base > 0:
                    amount = _percent_of(base, percent, q)
                    if amount > 0:
                        out.append(Adjustment(kind, source_id, label, -amount, rate))
                        rates[rate] = base - amount
            return
        for rate, amount in _take(offer, {rate: base for rate, base in rates.items() if base > 0}, q).items():
            if amount > 0:
                out.append(Adjustment(kind, source_id, label, -amount, rate))
                rates[rate] -= amount

    _in_order(allow, [exclusive[3]] if exclusive is not None else [c[3] for c in chosen], coupon, incentives)
    return tuple(out)


def _in_order(allow: Callable[[AdjustmentKind, int | None, str, Offer], None], promotions: Sequence[Promotion],
              coupon: Coupon | None, incentives: tuple[Incentive, ...]) -> None:
    """Rule 4: the promotions that apply (in rule 2's order), then the coupon, then the incentives, each given to
    ``allow`` with its kind, source and label."""
    for promo in promotions:
        allow(AdjustmentKind.PROMOTION, promo.id, promo.name, promo.offer)
    if coupon is not None:
        allow(AdjustmentKind.COUPON, coupon.id, f"Coupon {coupon.code}", coupon.offer)
    for inc in incentives:
        allow(AdjustmentKind.INCENTIVE, inc.id, inc.label, inc.offer)


def _in_force(p: Promotion, day: date | None, channel: str, first_order: bool, subtotal: Decimal) -> bool:
    """Rule 1 but for products: the promotion's dates, channel, first order and minimum hold for the cart."""
    return ((day is None or ((p.starts is None or p.starts <= day) and (p.ends is None or day <= p.ends)))
            and (not p.channel or p.channel == channel) and (first_order or not p.first_order_only)
            and subtotal >= p.min_total)


def _saving(offer: Offer, bases: dict[Decimal, Decimal], q: Decimal) -> Decimal:
    """What a percent or an amount ``offer`` takes from ``bases`` (each above zero) in all: ``_take``'s sum."""
    if offer.effect is _PERCENT:
        percent = offer.percent
        return sum((_percent_of(base, percent, q) for base in bases.values()), _ZERO)
    return _amount_cut(offer, bases, q)


def _rank(c: tuple[int, Decimal, int, Promotion]) -> tuple[int, Decimal, int]:
    """Rule 2's order: higher priority, larger saving, lower id (never the promotions themselves compared)."""
    return c[0], c[1], c[2]


def _any_adjustments(cart: Cart, promotions: tuple[Promotion, ...], coupon: Coupon | None,
                     incentives: tuple[Incentive, ...], shipping: ShippingMethod | None) -> tuple[Adjustment, ...]:
    """``adjustments`` for any cart and any offers."""
    charge = shipping_charge(shipping, cart) if shipping is not None else Decimal(0)
    out: list[Adjustment] = []
    if shipping is not None and charge > 0:
        out.append(Adjustment(AdjustmentKind.SHIPPING, None, f"Shipping: {shipping.name}", charge,
                              shipping.tax_rate))
    shipping_rate = shipping.tax_rate if shipping is not None else Decimal(0)
    left = _Left(cart, charge, shipping_rate)

    def allow(kind: AdjustmentKind, source_id: int | None, label: str, offer: Offer) -> None:
        on_shipping = offer.effect is _FREE_SHIPPING
        if on_shipping:
            label = f"{FREE_SHIPPING_LABEL}{label}"
        out.extend(Adjustment(kind, source_id, label, -take, rate, on_shipping) for rate, take in left.take(offer))

    _in_order(allow, _applicable(cart, promotions, charge, shipping_rate), coupon, incentives)
    return tuple(out)


class _Left:
    """What is left to take allowances from: each cart line's goods (in the price basis) and the shipping charge."""

    def __init__(self, cart: Cart, shipping: Decimal, shipping_rate: Decimal,
                 goods: list[Decimal] | None = None) -> None:
        self.cart = cart
        self.goods = list(cart.line_bases) if goods is None else goods
        self.shipping = shipping
        self.shipping_rate = shipping_rate
        # An offer on every line needs only each rate's goods left, not each line's: what it takes is shared out over
        # the lines (``_owed``, in the order taken) only when an offer needs the lines' goods (one naming products or
        # categories, a buy-get), so a cart whose offers all cover every line (most) never shares them out. The
        # shares are those taking each at once would give. Not for goods below zero (the rates' sums would count
        # them, the lines' goods left do not).
        self._lazy = cart.no_negative_goods if goods is None else all(g >= 0 for g in self.goods)
        self._owed: list[tuple[Decimal, Decimal]] = []
        # each rate's goods left, owed amounts taken off (None: to be summed from the lines' goods left)
        self._rates: dict[Decimal, Decimal] | None = dict(cart.rate_bases) if goods is None and self._lazy else None

    def take(self, offer: Offer, *, keep: bool = False) -> list[tuple[Decimal, Decimal]]:
        """Take what ``offer`` gives, cut to what is left: (tax rate, amount taken > 0), one per rate, by rate.
        ``keep``: only say what it would take (a percent or an amount is then not shared out over the lines, which
        changes nothing in what is taken; the other effects are taken as usual, on what is left)."""
        effect = offer.effect
        if effect is _FREE_SHIPPING:
            taken = {self.shipping_rate: self.shipping}
            self.shipping = Decimal(0)
        elif effect is _BUY_GET:
            taken = dict(sorted(self._free_units(offer).items()))
        else:  # by rate already: taken from bases made in rate order
            taken = self._off_lines(offer, keep=keep)
        return [(rate, amount) for rate, amount in taken.items() if amount > 0]

    def _off_lines(self, offer: Offer, *, keep: bool = False) -> dict[Decimal, Decimal]:
        """A percent or an amount off the lines ``offer`` covers: a percent of each rate's goods left, rounded per
        rate; an amount shared over the rates in proportion to their goods left."""
        goods = self.goods
        skus, categories = offer.skus, offer.categories
        every = not skus and not categories  # _covers, for every line at once
        if every and self._lazy:
            return self._off_every_line(offer, keep=keep)
        self._settle()
        self._rates = None
        by_rate: dict[Decimal, list[int]] = {}
        for i, ln in enumerate(self.cart.lines):
            if goods[i] > 0 and (every or ln.sku in skus or ln.category in categories):
                idx = by_rate.get(ln.tax_rate)
                if idx is None:
                    by_rate[ln.tax_rate] = [i]
                else:
                    idx.append(i)
        bases = {rate: sum((goods[i] for i in idx), Decimal(0)) for rate, idx in sorted(by_rate.items())}
        q = quantum(self.cart.currency)
        taken = _take(offer, bases, q)
        if keep:
            return taken
        for rate, amount in taken.items():  # each line of the rate gives its share, so later offers see what is left
            for i, share in _split(amount, {i: goods[i] for i in by_rate[rate]}, q):
                goods[i] -= share
        return taken

    def _off_every_line(self, offer: Offer, *, keep: bool = False) -> dict[Decimal, Decimal]:
        """``_off_lines`` for an offer on every line, from each rate's goods left (the same sums: no line's goods
        are below zero); what it takes is owed by the rate's lines until ``_settle``."""
        rates = self._rates
        if rates is None:
            rates = {}
            for ln, g in zip(self.cart.lines, self.goods):
                if g > 0:
                    rates[ln.tax_rate] = rates.get(ln.tax_rate, _ZERO) + g
            self._rates = rates
        bases = {rate: base for rate, base in sorted(rates.items()) if base > 0}
        taken = _take(offer, bases, quantum(self.cart.currency))
        if not keep:
            for rate, amount in taken.items():
                if amount > 0:
                    self._owed.append((rate, amount))
                    rates[rate] -= amount
        return taken

    def _settle(self) -> None:
        """Share out what offers on every line took over each rate's lines, in the order taken (as ``_off_lines``
        does at once)."""
        if not self._owed:
            return
        goods, lines, q = self.goods, self.cart.lines, quantum(self.cart.currency)
        for rate, amount in self._owed:
            for i, share in _split(amount, {i: goods[i] for i, ln in enumerate(lines)
                                            if ln.tax_rate == rate and goods[i] > 0}, q):
                goods[i] -= share
        self._owed.clear()

    def _free_units(self, offer: Offer) -> dict[Decimal, Decimal]:
        """Buy ``buy_qty`` of X, get ``get_qty`` of Y free, for every complete set in the cart (buy_qty X and
        get_qty Y; buy_qty + get_qty units when X is Y); the free units are taken from Y's lines in cart order, each
        at its unit price after the line's own discount and at its tax rate."""
        def units(sku: str) -> int:
            return sum(ln.quantity for ln in self.cart.lines if ln.sku == sku)

        if offer.buy_qty < 1 or offer.get_qty < 1:
            return {}
        self._settle()
        self._rates = None
        if offer.buy_sku == offer.get_sku:
            sets = units(offer.buy_sku) // (offer.buy_qty + offer.get_qty)
        else:
            sets = min(units(offer.buy_sku) // offer.buy_qty, units(offer.get_sku) // offer.get_qty)
        free = sets * offer.get_qty
        taken: dict[Decimal, Decimal] = {}
        for i, ln in enumerate(self.cart.lines):
            if ln.sku != offer.get_sku or free <= 0:
                continue
            n = min(free, ln.quantity)
            free -= n
            take = min(round_money(ln.unit_price * n * (1 - ln.discount), self.cart.currency), self.goods[i])
            if take > 0:
                self.goods[i] -= take
                taken[ln.tax_rate] = taken.get(ln.tax_rate, Decimal(0)) + take
        return taken


def _take(offer: Offer, bases: dict[Decimal, Decimal], q: Decimal) -> dict[Decimal, Decimal]:
    """What a percent or an amount ``offer`` takes from each rate's ``bases`` (multiples of the currency's
    quantum ``q``): a percent of each, rounded per rate; an amount shared in proportion to them."""
    if offer.effect is _PERCENT:
        percent = offer.percent
        return {rate: _percent_of(base, percent, q) for rate, base in bases.items()}
    return dict(_split(_amount_cut(offer, bases, q), bases, q))


def _percent_of(base: Decimal, percent: Decimal, q: Decimal) -> Decimal:
    """``percent`` of one rate's ``base``, rounded to the quantum ``q``, never below zero nor above the base."""
    return max(_ZERO, min((base * percent).quantize(q, rounding=ROUNDING), base))


def _amount_cut(offer: Offer, bases: dict[Decimal, Decimal], q: Decimal) -> Decimal:
    """An amount ``offer``'s amount, rounded to ``q``, cut to what the ``bases`` hold together (never below zero)."""
    return max(_ZERO, min(offer.amount.quantize(q, rounding=ROUNDING), sum(bases.values(), _ZERO)))


def _on_every_line(offer: Offer) -> bool:
    """A percent or an amount off the whole order (not naming products or categories)."""
    return offer.effect in _OFF_LINES and not offer.skus and not offer.categories


_OFF_LINES = frozenset({_PERCENT, _AMOUNT})


def _covers(offer: Offer, line: CartLine) -> bool:
    """Whether a percent or amount of ``offer`` is taken off ``line``: every line, or those it names."""
    return (not offer.skus and not offer.categories) or line.sku in offer.skus or line.category in offer.categories


def _fits(offer: Offer, cart: Cart) -> bool:
    """Rule 1's condition on products: an offer naming products or categories needs one of their lines in the cart,
    a buy-X-get-Y its X."""
    if offer.effect is _BUY_GET:
        return any(ln.sku == offer.buy_sku for ln in cart.lines)
    if not offer.skus and not offer.categories:
        return bool(cart.lines)
    return any(_covers(offer, ln) for ln in cart.lines)


def _split(amount: Decimal, bases: dict[_K, Decimal], q: Decimal) -> list[tuple[_K, Decimal]]:
    """``amount`` (a multiple of ``q``, at most the bases' sum) shared over the positive ``bases`` (multiples of
    ``q``) in proportion to them, the last units by largest remainder (ties: the first key): the shares are multiples
    of ``q``, add up to ``amount`` exactly and none exceeds its base. Integer arithmetic, so exact."""
    units = {key: int(base / q) for key, base in bases.items() if base > 0}
    wanted = int(amount / q)
    if len(units) == 1:  # one base takes it all (what the shares below come to for one)
        ((key, u),) = units.items()
        return [(key, wanted * q)] if u > 0 and wanted > 0 else []
    total = sum(units.values())
    if total <= 0 or wanted <= 0:
        return []
    shares = {key: divmod(wanted * u, total) for key, u in units.items()}
    rest = wanted - sum(whole for whole, _rem in shares.values())
    extra = set(sorted(shares, key=lambda key: shares[key][1], reverse=True)[:rest])
    return [(key, (whole + 1 if key in extra else whole) * q) for key, (whole, _rem) in shares.items()]


def _applicable(cart: Cart, promotions: tuple[Promotion, ...], shipping: Decimal, shipping_rate: Decimal
                ) -> list[Promotion]:
    """Rules 1 to 3: the promotions that apply, in the order they apply."""
    subtotal = goods_subtotal(cart)

    def applies(p: Promotion) -> bool:
        return _in_force(p, cart.day, cart.channel, cart.first_order, subtotal) and _fits(p.offer, cart)

    bases = cart.line_bases
    q = quantum(cart.currency)

    rate_bases = dict(cart.rate_bases)  # once for every promotion: _saving leaves it as it is

    def saving_alone(p: Promotion) -> Decimal:  # on a fresh copy of what is left: nothing taken yet
        if _on_every_line(p.offer) and cart.no_negative_goods:  # each rate's goods, the same for every promotion
            return _saving(p.offer, rate_bases, q)
        return sum((amount for _rate, amount in _Left(cart, shipping, shipping_rate, list(bases)).take(
            p.offer, keep=True)), Decimal(0))

    # A promotion that would give this cart nothing (a buy-X-get-Y with an incomplete set, free shipping on a cart
    # without shipping) does not apply: an exclusive one must not shut out the others for nothing.
    savings = {p.id: saving_alone(p) for p in promotions if applies(p)}
    ok = sorted((p for p in promotions if savings.get(p.id, 0) > 0), key=lambda p: (-p.priority, -savings[p.id], p.id))
    exclusive = next((p for p in ok if p.exclusive), None)
    return [exclusive] if exclusive is not None else ok
