"""Promotions, coupons and shipping methods: what a manager sets up so carts price themselves.

Promotions are ended, never deleted (orders name them in their explanation lines). Coupon codes are stored
normalized (upper case, no spaces), so a code is found however it is typed. Every rule is checked by
``domain.promotions`` before anything is written (a bad field is named, nothing is stored).
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..domain.errors import BusinessRuleViolation, NotFound, ValidationFailed
from ..domain.messages import msg, phrase
from ..domain.money import from_minor, parse_amount, to_minor
from ..domain.orders import Channel, bp_to_rate, parse_rate, rate_to_bp
from ..domain.promotion_input import (check_code, parse_day, parse_percent, percent_text, validate_coupon,
                                      validate_promotion)
from ..domain.promotions import Coupon, Effect, Offer, Promotion, ShippingBasis
from ..domain.roles import Perm
from .base import ServiceBase
from .cart_pricing import coupon_of, promotion_of
from .dto import Actor

MAX_BATCH = 10_000


@dataclass(frozen=True)
class PromotionDTO:
    id: int
    name: str
    effect: str
    percent: Decimal
    amount: Decimal
    buy: str            # "SKU=N" for buy-X-get-Y
    get: str
    skus: tuple[str, ...]
    categories: tuple[str, ...]
    min_total: Decimal
    channel: str
    starts: date | None
    ends: date | None
    first_order_only: bool
    priority: int
    exclusive: bool
    ended: bool

    @property
    def describe(self) -> str:
        what = {"percent": f"{percent_text(self.percent)} off", "amount": f"{self.amount} off",
                "free_shipping": "free shipping", "buy_get": f"buy {self.buy} get {self.get}"}.get(self.effect, "")
        if self.skus or self.categories:
            what += " " + ", ".join((*self.skus, *self.categories))
        return what


@dataclass(frozen=True)
class CouponDTO:
    id: int
    code: str
    effect: str
    percent: Decimal
    amount: Decimal
    min_total: Decimal
    expires: date | None
    max_uses: int | None
    uses: int
    per_customer: int | None
    customer_id: int | None
    batch: str
    active: bool


@dataclass(frozen=True)
class ShippingMethodDTO:
    code: str
    name: str
    basis: str
    tiers: tuple[tuple[Decimal, Decimal], ...]  # (from: amount or grams, price)
    tax_rate: Decimal
    channel: str
    active: bool


def _channel(value: object) -> str:
    text = str(value or "").strip().lower()
    if text and text not in Channel._value2member_map_:
        raise ValidationFailed(msg("channel '{channel}' is unknown (choose one of: {choices})", channel=value,
                                   choices=", ".join(c.value for c in Channel)))
    return text


def _effect(percent, amount, free_shipping: bool, buy, get, cur: str, *, buy_get_allowed: bool = True) -> Offer:
    chosen = [k for k, v in (("--percent", percent not in (None, "")), ("--amount", amount not in (None, "")),
                             ("--free-shipping", bool(free_shipping)), ("--buy/--get", bool(buy or get))) if v]
    if len(chosen) != 1:
        got = ", ".join(chosen)
        if buy_get_allowed:
            raise ValidationFailed(
                msg("give exactly one effect: --percent, --amount, --free-shipping or --buy with --get (got {got})",
                    got=got) if chosen else
                msg("give exactly one effect: --percent, --amount, --free-shipping or --buy with --get"))
        raise ValidationFailed(msg("give exactly one effect: --percent, --amount, --free-shipping (got {got})",
                                   got=got) if chosen else
                               msg("give exactly one effect: --percent, --amount, --free-shipping"))
    if percent not in (None, ""):
        return Offer(Effect.PERCENT, percent=parse_percent(percent, field=phrase("percent")))
    if amount not in (None, ""):
        return Offer(Effect.AMOUNT, amount=parse_amount(amount, cur, field="amount"))
    if free_shipping:
        return Offer(Effect.FREE_SHIPPING)
    if not buy_get_allowed:
        raise ValidationFailed(msg("a coupon gives a percent, an amount or free shipping"))
    if not (buy and get):
        raise ValidationFailed(msg("buy X get Y needs both --buy SKU=N and --get SKU=M"))
    (bsku, bqty), (gsku, gqty) = _sku_qty(buy, "buy"), _sku_qty(get, "get")
    return Offer(Effect.BUY_GET, buy_sku=bsku, buy_qty=bqty, get_sku=gsku, get_qty=gqty)


def _sku_qty(text: object, field: str) -> tuple[str, int]:
    sku, sep, qty = str(text or "").partition("=")
    sku = sku.strip().upper()
    if not sep or not sku or not qty.strip().isdecimal() or int(qty) < 1:
        raise ValidationFailed(msg("{field} must be SKU=N with N at least 1 (got '{text}')", field=field, text=text))
    return sku, int(qty)


class PromotionService(ServiceBase):
    # ---- promotions ----------------------------------------------------------------------------------------
    def add_promotion(self, actor: Actor, name: str, *, percent=None, amount=None, free_shipping: bool = False,
                      buy=None, get=None, min_total=None, skus=(), categories=(), channel=None,
                      starts=None, ends=None, priority=0, exclusive: bool = False,
                      first_order_only: bool = False) -> PromotionDTO:
        self._require(actor, Perm.PRICE_OVERRIDE, "set up promotions")
        cur = self.company.currency
        name = str(name or "").strip()
        offer = _effect(percent, amount, free_shipping, buy, get, cur)
        sku_set = frozenset(str(s).strip().upper() for s in skus if str(s).strip())
        cat_set = frozenset(str(c).strip() for c in categories if str(c).strip())
        offer = Offer(offer.effect, offer.percent, offer.amount, offer.buy_sku, offer.buy_qty, offer.get_sku,
                      offer.get_qty, sku_set, cat_set)
        try:
            prio = int(str(priority).strip())
        except ValueError:
            raise ValidationFailed(msg("priority '{priority}' is not a whole number", priority=priority)) from None
        promo = Promotion(id=0, name=name, offer=offer,
                          min_total=parse_amount(min_total, cur, field="minimum total")
                          if min_total not in (None, "") else Decimal(0),
                          channel=_channel(channel),
                          starts=parse_day(starts, field=phrase("from")) if starts not in (None, "") else None,
                          ends=parse_day(ends, field=phrase("until")) if ends not in (None, "") else None,
                          first_order_only=bool(first_order_only), priority=prio, exclusive=bool(exclusive))
        validate_promotion(promo, cur)
        with self._uow() as uow:
            if uow.promotions.promotion_by_name(name) is not None:
                raise BusinessRuleViolation(msg("a promotion called '{name}' exists already (end it or choose "
                                                "another name)", name=name))
            wanted = {s for s in (*sku_set, offer.buy_sku, offer.get_sku) if s}
            unknown = sorted(s for s in wanted if s not in uow.products.by_skus(wanted))
            if unknown:
                raise NotFound(msg("Unknown SKU(s): {skus}.", skus=", ".join(unknown)))
            pid = uow.promotions.add_promotion(dict(
                name=name, effect=offer.effect.value, percent_bp=rate_to_bp(offer.percent),
                amount_minor=to_minor(offer.amount, cur), buy_sku=offer.buy_sku, buy_qty=offer.buy_qty,
                get_sku=offer.get_sku, get_qty=offer.get_qty, skus=" ".join(sorted(sku_set)),
                categories="\n".join(sorted(cat_set)), min_total_minor=to_minor(promo.min_total, cur),
                channel=promo.channel, starts=promo.starts, ends=promo.ends, first_order_only=promo.first_order_only,
                priority=prio, exclusive=promo.exclusive, created_by=actor.user_id))
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="promotion.add",
                             entity="promotion", entity_id=pid, new={"name": name, "effect": offer.effect.value})
            row = next(r for r in uow.promotions.promotions() if r.id == pid)
            uow.commit()
        return self._promotion_dto(row)

    def list_promotions(self, actor: Actor, *, include_ended: bool = False) -> list[PromotionDTO]:
        self._require(actor, Perm.VIEW, "see promotions")
        with self._uow(write=False) as uow:
            return [self._promotion_dto(r) for r in uow.promotions.promotions(include_ended=include_ended)]

    def end_promotion(self, actor: Actor, name: str) -> PromotionDTO:
        self._require(actor, Perm.PRICE_OVERRIDE, "end promotions")
        with self._uow() as uow:
            row = uow.promotions.promotion_by_name(str(name or "").strip())
            if row is None:
                raise NotFound(msg("No promotion called '{name}'.", name=name))
            if row.ended_at is not None:
                raise BusinessRuleViolation(msg("promotion '{name}' has ended already", name=row.name))
            uow.promotions.end_promotion(row.id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="promotion.end",
                             entity="promotion", entity_id=row.id, old={"name": row.name}, new={"ended": True})
            row = uow.promotions.promotion_by_name(row.name)
            uow.commit()
        return self._promotion_dto(row)

    # ---- coupons -------------------------------------------------------------------------------------------
    def create_coupon(self, actor: Actor, code: str, *, percent=None, amount=None, free_shipping: bool = False,
                      min_total=None, expires=None, uses=None, per_customer=None) -> CouponDTO:
        return self._create(actor, [check_code(code)], percent=percent, amount=amount, free_shipping=free_shipping,
                            min_total=min_total, expires=expires, uses=uses, per_customer=per_customer, batch="")[0]

    def generate_coupons(self, actor: Actor, count, prefix: str, *, percent=None, amount=None,
                         free_shipping: bool = False, min_total=None, expires=None, uses=1,
                         per_customer=None) -> list[CouponDTO]:
        """``count`` codes PREFIX-XXXXXXXX (random, unguessable), single-use unless ``uses`` says otherwise."""
        text = str(count).strip()
        if not text.isdecimal() or not 1 <= int(text) <= MAX_BATCH:
            raise ValidationFailed(msg("count must be a whole number from 1 to {maximum} (got '{count}')",
                                       maximum=MAX_BATCH, count=count))
        prefix = check_code(prefix)
        codes: set[str] = set()
        while len(codes) < int(text):
            codes.add(f"{prefix}-{secrets.token_hex(4).upper()}")
        return self._create(actor, sorted(codes), percent=percent, amount=amount, free_shipping=free_shipping,
                            min_total=min_total, expires=expires, uses=uses, per_customer=per_customer,
                            batch=prefix)

    def list_coupons(self, actor: Actor, *, batch: str | None = None, limit: int = 500) -> list[CouponDTO]:
        self._require(actor, Perm.VIEW, "see coupons")
        with self._uow(write=False) as uow:
            return [self._coupon_dto(r) for r in uow.promotions.coupons(batch=batch, limit=limit)]

    def _create(self, actor: Actor, codes: list[str], *, percent, amount, free_shipping, min_total, expires, uses,
                per_customer, batch: str) -> list[CouponDTO]:
        self._require(actor, Perm.PRICE_OVERRIDE, "create coupons")
        cur = self.company.currency
        offer = _effect(percent, amount, free_shipping, None, None, cur, buy_get_allowed=False)
        coupon = Coupon(id=0, code=codes[0], offer=offer,
                        min_total=parse_amount(min_total, cur, field="minimum total")
                        if min_total not in (None, "") else Decimal(0),
                        expires=parse_day(expires, field=phrase("expires")) if expires not in (None, "") else None,
                        max_uses=_count(uses, phrase("uses")),
                        per_customer=_count(per_customer, phrase("per customer")))
        validate_coupon(coupon, cur)
        rows = [dict(code=c, effect=offer.effect.value, percent_bp=rate_to_bp(offer.percent),
                     amount_minor=to_minor(offer.amount, cur), min_total_minor=to_minor(coupon.min_total, cur),
                     expires=coupon.expires, max_uses=coupon.max_uses, per_customer=coupon.per_customer,
                     customer_id=None, batch=batch, created_by=actor.user_id) for c in codes]
        with self._uow() as uow:
            taken = uow.promotions.existing_codes(codes)
            if taken:
                raise BusinessRuleViolation(msg("coupon code {codes} exists already",
                                                codes=", ".join(sorted(taken)[:5])))
            uow.promotions.add_coupons(rows)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="coupon.create",
                             entity="coupon", entity_id=batch or codes[0],
                             new={"codes": len(codes), "effect": offer.effect.value})
            created = [uow.promotions.coupon_by_code(c) for c in codes] if len(codes) <= 50 else \
                [r for r in uow.promotions.coupons(batch=batch, limit=len(codes) + 10) if r.code in set(codes)]
            uow.commit()
        return [self._coupon_dto(r) for r in created]

    # ---- shipping methods ----------------------------------------------------------------------------------
    def put_shipping_method(self, actor: Actor, code: str, name: str, *, basis: str = "flat", tiers="",
                            tax_rate="0", channel=None, active: bool = True) -> ShippingMethodDTO:
        """Add or change a shipping method. ``tiers``: for ``flat`` one price ("4.90"); for ``value`` and
        ``weight`` pairs FROM:PRICE ("0:4.90 50:0" = 4.90, free from 50.00; weight FROM in grams)."""
        self._require(actor, Perm.SETTINGS, "set up shipping methods")
        cur = self.company.currency
        code = str(code or "").strip().lower()
        problems: list[str] = []
        if not code or not code.replace("-", "").replace("_", "").isalnum() or len(code) > 32:
            problems.append(msg("shipping code '{code}' must be 1-32 letters, digits, - or _", code=code))
        if not str(name or "").strip():
            problems.append(msg("shipping method name is empty"))
        try:
            kind = ShippingBasis(str(basis).strip().lower())
        except ValueError:
            raise ValidationFailed(msg("basis '{basis}' is unknown (flat, value or weight)", basis=basis)) from None
        pairs: list[tuple[int, int]] = []
        for part in str(tiers or "").split():
            start, sep, price = part.partition(":") if kind is not ShippingBasis.FLAT else ("0", ":", part)
            try:
                lo = int(start) if kind is ShippingBasis.WEIGHT else to_minor(parse_amount(start, cur,
                                                                                         field="tier start"), cur)
                pairs.append((lo, to_minor(parse_amount(price, cur, field="tier price"), cur)))
            except ValidationFailed as e:
                problems.extend(e.problems)
            except ValueError:
                problems.append(msg("tier '{part}': from must be whole grams", part=part))
            if not sep:
                problems.append(msg("tier '{part}' must be FROM:PRICE", part=part))
        if not pairs and not problems:
            problems.append(msg("give a price (flat) or tiers FROM:PRICE"))
        if [p[0] for p in pairs] != sorted({p[0] for p in pairs}):
            problems.append(msg("tiers must be in ascending order of FROM, each FROM once"))
        rate = parse_rate(tax_rate, field=phrase("tax rate"))
        if problems:
            raise ValidationFailed(problems)
        values = dict(code=code, name=str(name).strip(), basis=kind.value,
                      tiers=" ".join(f"{lo}:{p}" for lo, p in pairs), tax_rate_bp=rate_to_bp(rate),
                      channel=_channel(channel), active=bool(active))
        with self._uow() as uow:
            uow.promotions.put_shipping_method(values)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="shipping.put",
                             entity="shipping_method", entity_id=code, new=values)
            row = uow.promotions.shipping_method(code)
            uow.commit()
        return self._shipping_dto(row)

    def list_shipping_methods(self, actor: Actor, *, include_inactive: bool = False) -> list[ShippingMethodDTO]:
        self._require(actor, Perm.VIEW, "see shipping methods")
        with self._uow(write=False) as uow:
            return [self._shipping_dto(r) for r in uow.promotions.shipping_methods(include_inactive=include_inactive)]

    # ---- DTOs ----------------------------------------------------------------------------------------------
    def _promotion_dto(self, r) -> PromotionDTO:
        cur = self.company.currency
        p = promotion_of(r, cur)
        return PromotionDTO(r.id, r.name, r.effect, p.offer.percent, p.offer.amount,
                            f"{r.buy_sku}={r.buy_qty}" if r.buy_sku else "",
                            f"{r.get_sku}={r.get_qty}" if r.get_sku else "",
                            tuple(sorted(p.offer.skus)), tuple(sorted(p.offer.categories)), p.min_total, r.channel,
                            r.starts, r.ends, p.first_order_only, r.priority, p.exclusive, r.ended_at is not None)

    def _coupon_dto(self, r) -> CouponDTO:
        c = coupon_of(r, self.company.currency)
        return CouponDTO(r.id, r.code, r.effect, c.offer.percent, c.offer.amount, c.min_total, r.expires, r.max_uses,
                         r.uses, r.per_customer, r.customer_id, r.batch, bool(r.active))

    def _shipping_dto(self, r) -> ShippingMethodDTO:
        cur = self.company.currency
        tiers = tuple((Decimal(int(lo)) if r.basis == ShippingBasis.WEIGHT else from_minor(int(lo), cur),
                       from_minor(int(p), cur)) for lo, _, p in (t.partition(":") for t in r.tiers.split()))
        return ShippingMethodDTO(r.code, r.name, r.basis, tiers, bp_to_rate(r.tax_rate_bp), r.channel,
                                 bool(r.active))


def _count(value: object, field: str) -> int | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if not text.isdecimal() or int(text) < 1:
        raise ValidationFailed(msg("{field} must be a whole number of at least 1 (got '{value}')", field=phrase(field),
                                   value=value))
    return int(text)
