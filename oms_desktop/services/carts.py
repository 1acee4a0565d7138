"""Carts that turn into sales: the open-carts board, incentives offered on a cart, a cart's coupon and shipping
method, and conversion (carts created, confirmed, abandoned; with and without incentives; what they cost).

A manager sees every open cart, an agent their own. An incentive is offered within the limit of the offering role
(company settings ``incentive_limit_agent`` and ``incentive_limit_manager``, a fraction of the cart's goods): the
limit holds for everything staff offered on the cart together, measured by the cart priced with the offer, so two
small offers cannot add up to a large one. Every offer is a new version of the cart, an event the agent's screen
shows at once, and an audit row (who, what, why, when).
"""
from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from ..domain import events as ev
from ..domain.errors import BusinessRuleViolation, CouponRefused, PermissionDenied, ValidationFailed
from ..domain.messages import Joined, code, msg, phrase
from ..domain.money import from_minor, parse_amount, round_money, to_minor
from ..domain.orders import rate_to_bp
from ..domain.promotion_input import parse_percent, percent_text
from ..domain.promotions import Effect, normalize_code
from ..domain.references import order_number
from ..domain.roles import Perm, can
from .base import ServiceBase
from .cart_editing import locked_draft, reprice
from .cart_pricing import local_day
from .dto import Actor, CompanyDTO, IncentiveDTO, OrderDTO
from .order_lookup import load_order, offer_text
from .ports import utc_now

NEXT_ORDER_COUPON_DAYS = 90
"""How long a coupon offered for the customer's next order stays valid."""
CONVERSION_BY = ("day", "channel", "agent", "incentive")


@dataclass(frozen=True)
class CartSummaryDTO:
    """One open cart on the board."""
    id: int
    number: str
    customer_id: int | None
    customer_name: str
    agent: str
    channel: str
    items: int           # units in the cart
    value: Decimal       # its total
    currency: str
    created_at: datetime
    changed_at: datetime
    idle_seconds: int
    last_change: str
    last_change_by: str
    at_risk: bool        # idle longer than the company's cart_idle_minutes
    incentives: int      # offers standing on it
    version: int


@dataclass(frozen=True)
class CartBoardDTO:
    carts: tuple[CartSummaryDTO, ...]
    open_carts: int
    at_risk: int
    value: Decimal       # of every open cart (not only this page)
    currency: str
    idle_minutes: int


@dataclass(frozen=True)
class OfferDTO:
    """An incentive just offered: the cart as it is now, the offer, and a coupon's code when one was made."""
    order: OrderDTO
    incentive: IncentiveDTO
    coupon_code: str = ""


@dataclass(frozen=True)
class ConversionRowDTO:
    key: str
    created: int
    confirmed: int
    abandoned: int
    still_open: int
    confirmed_value: Decimal
    incentive_cost: Decimal   # what incentives took off confirmed orders (positive)
    promotion_cost: Decimal
    coupon_cost: Decimal

    @property
    def rate(self) -> Decimal:
        """Confirmed of created, as a fraction (0 when nothing was created)."""
        return (Decimal(self.confirmed) / self.created).quantize(Decimal("0.0001")) if self.created else Decimal(0)


@dataclass(frozen=True)
class ConversionReportDTO:
    by: str
    start: date
    end: date           # inclusive
    currency: str
    rows: tuple[ConversionRowDTO, ...]
    total: ConversionRowDTO


class CartService(ServiceBase):
    # ---- the board -----------------------------------------------------------------------------------------
    def board(self, actor: Actor, *, at_risk_only: bool = False, limit: int = 50, offset: int = 0,
              mine: bool | None = None) -> CartBoardDTO:
        """Open carts, the ones at risk (idle past the company setting) first, then by value. A manager sees every
        cart (``mine=True`` for their own); anyone else sees the carts they opened."""
        self._require(actor, Perm.VIEW, "see open carts")
        own = mine if mine is not None else not can(actor.role, Perm.PRICE_OVERRIDE)
        if not own and not can(actor.role, Perm.PRICE_OVERRIDE):
            raise PermissionDenied(msg("{user} ({role}) sees only their own carts; a manager sees all.",
                                       user=actor.username, role=code(actor.role)))
        agent_id = actor.user_id if own else None
        with self._uow(write=False) as uow:
            return read_board(uow, self.company, agent_id=agent_id, at_risk_only=at_risk_only, limit=limit,
                              offset=offset)

    # ---- incentives ----------------------------------------------------------------------------------------
    def offer(self, actor: Actor, order_ref, *, percent=None, amount=None, free_shipping: bool = False,
              coupon: str | None = None, next_order: bool = False, note: str = "",
              expected_version: int | None = None) -> OfferDTO:
        """Offer the customer of an open cart one incentive: ``percent`` off the order, an ``amount`` off, free
        shipping, or an existing ``coupon`` applied to this cart; with ``next_order`` a percent or amount becomes a
        single-use coupon for the customer's next order instead (this cart's price stays)."""
        self._require(actor, Perm.ORDER_EDIT, "offer incentives")
        chosen = [k for k, v in ((phrase("percent"), percent not in (None, "")),
                                 (phrase("amount"), amount not in (None, "")),
                                 (phrase("free shipping"), free_shipping),
                                 (phrase("coupon"), coupon not in (None, ""))) if v]
        if len(chosen) != 1:
            raise ValidationFailed(msg("offer exactly one of: percent, amount, free shipping, coupon (got {chosen})",
                                       chosen=Joined(chosen, ", ")) if chosen else
                                   msg("offer exactly one of: percent, amount, free shipping, coupon"))
        cur = self.company.currency
        pct = parse_percent(percent, field=phrase("percent")) if percent not in (None, "") else None
        if pct is not None and pct <= 0:
            raise ValidationFailed(msg("percent must be more than 0"))
        amt = parse_amount(amount, cur, field="amount") if amount not in (None, "") else None
        if amt is not None and amt <= 0:
            raise ValidationFailed(msg("amount must be more than 0"))
        if next_order and pct is None and amt is None:
            raise ValidationFailed(msg("a coupon for the next order is a percent or an amount off"))
        note = str(note or "").strip()
        limit = self.company.incentive_limit_manager if can(actor.role, Perm.PRICE_OVERRIDE) \
            else self.company.incentive_limit_agent
        with self._uow() as uow:
            order = locked_draft(uow, order_ref, expected_version)
            label = (f"{percent_text(pct)} off" if pct is not None else
                     f"{amt} {cur} off" if amt is not None else "Free shipping" if free_shipping else "")
            values: dict = dict(order_id=order.id, note=note, offered_by=actor.user_id,
                                percent_bp=rate_to_bp(pct) if pct is not None else 0,
                                amount_minor=to_minor(amt, cur) if amt is not None else 0)
            code = ""
            if coupon not in (None, ""):
                code = normalize_code(coupon)
                row = uow.promotions.coupon_by_code(code)
                if row is None:
                    raise CouponRefused(msg("coupon {code} does not exist", code=code))
                uow.orders.update(order.id, {"coupon_id": row.id})  # refused below, before the commit, if unusable
                order = replace(order, coupon_id=row.id)
                values.update(effect="coupon", coupon_id=row.id, label=f"Coupon {code}")
            elif next_order:
                if order.customer_id is None:
                    raise BusinessRuleViolation(msg("{order} has no customer yet; a coupon for the next order needs "
                                                    "one.", order=order_number(order.id)))
                code = self._new_code(uow, "THANKS")
                uow.promotions.add_coupons([dict(
                    code=code, effect=Effect.PERCENT.value if pct is not None else Effect.AMOUNT.value,
                    percent_bp=values["percent_bp"], amount_minor=values["amount_minor"], min_total_minor=0,
                    expires=local_day() + timedelta(days=NEXT_ORDER_COUPON_DAYS), max_uses=1, per_customer=1,
                    customer_id=order.customer_id, batch=f"offer {order_number(order.id)}",
                    created_by=actor.user_id)])
                coupon_row = uow.promotions.coupon_by_code(code)
                assert coupon_row is not None  # added just above
                coupon_id = coupon_row.id
                values.update(effect="coupon", coupon_id=coupon_id, label=f"{label} your next order (coupon {code})")
            else:
                values.update(effect=(Effect.PERCENT if pct is not None else Effect.AMOUNT if amt is not None
                                      else Effect.FREE_SHIPPING).value,
                              label=label + (" your order" if pct is not None or amt is not None else ""))
            if free_shipping and not order.shipping_method:
                raise BusinessRuleViolation(msg("{order} has no shipping method, so there is no shipping to take "
                                                "off; choose one first.", order=order_number(order.id)))
            incentive_id = uow.carts.add_incentive(values)
            before = order.total_minor
            totals = reprice(uow, order, actor, f"offer: {values['label']}"[:200],
                             refuse_coupon=coupon not in (None, ""))  # the coupon offered must fit this cart
            self._check_limit(uow, actor, order, limit, cur)
            after = to_minor(totals.total, cur)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="cart.offer", entity="order",
                             entity_id=order.id, old={"total": str(from_minor(before, cur))},
                             new={"offer": values["label"], "note": note, "total": str(from_minor(after, cur))})
            dto = load_order(uow, order.id)
            text = offer_text(values["label"], from_minor(after, cur), cur, from_minor(before, cur))
            uow.events.add_event(ev.CartIncentiveOffered(order_id=order.id, incentive_id=incentive_id,
                                                         label=values["label"], note=note, text=text,
                                                         customer=dto.customer_name, value=str(dto.total),
                                                         currency=dto.currency, cart_version=dto.version,
                                                         by=actor.username),
                                 user_id=actor.user_id)
            uow.commit()
        incentive = next(i for i in dto.incentives if i.id == incentive_id)
        return OfferDTO(dto, IncentiveDTO(incentive.id, incentive.effect, incentive.label, incentive.note,
                                          incentive.offered_by, incentive.offered_at, text), code)

    def withdraw(self, actor: Actor, order_ref, incentive_id: int, *,
                 expected_version: int | None = None) -> OrderDTO:
        """Take back an offer on an open cart (the cart is priced again)."""
        self._require(actor, Perm.ORDER_EDIT, "withdraw incentives")
        with self._uow() as uow:
            order = locked_draft(uow, order_ref, expected_version)
            offer = next((i for i in uow.carts.incentives(order.id) if i.id == incentive_id), None)
            if offer is None:
                raise ValidationFailed(msg("{order} has no standing offer {offer}", order=order_number(order.id),
                                           offer=incentive_id))
            uow.carts.withdraw_incentive(incentive_id)
            if offer.effect == "coupon" and offer.coupon_id == order.coupon_id:
                uow.orders.update(order.id, {"coupon_id": None})
                order = replace(order, coupon_id=None)
            reprice(uow, order, actor, f"offer withdrawn: {offer.label}"[:200])
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="cart.withdraw_offer",
                             entity="order", entity_id=order.id, old={"offer": offer.label}, new={})
            dto = load_order(uow, order.id)
            uow.events.add_event(ev.CartUpdated(order_id=order.id, change=f"offer withdrawn: {offer.label}",
                                                customer=dto.customer_name, value=str(dto.total),
                                                currency=dto.currency, cart_version=dto.version, by=actor.username),
                                 user_id=actor.user_id)
            uow.commit()
        return dto

    # ---- a cart's coupon and shipping ----------------------------------------------------------------------
    def set_coupon(self, actor: Actor, order_ref, code: str | None, *,
                   expected_version: int | None = None) -> OrderDTO:
        """The customer's coupon on the cart (found in any case and spacing), or none; refused naming why."""
        self._require(actor, Perm.ORDER_EDIT, "change orders")
        with self._uow() as uow:
            order = locked_draft(uow, order_ref, expected_version)
            coupon_id, change = None, "coupon removed"
            if code not in (None, ""):
                key = normalize_code(code)
                row = uow.promotions.coupon_by_code(key)
                if row is None:
                    raise CouponRefused(msg("coupon {code} does not exist", code=key))
                coupon_id, change = row.id, f"coupon {row.code}"
            uow.orders.update(order.id, {"coupon_id": coupon_id})
            reprice(uow, replace(order, coupon_id=coupon_id), actor, change, refuse_coupon=True)
            dto = self._changed(uow, actor, order.id, change, "order.set_coupon")
            uow.commit()
        return dto

    def set_shipping(self, actor: Actor, order_ref, method: str | None, *,
                     expected_version: int | None = None) -> OrderDTO:
        """The cart's shipping method (its charge joins the total), or none (collected at the counter)."""
        self._require(actor, Perm.ORDER_EDIT, "change orders")
        with self._uow() as uow:
            order = locked_draft(uow, order_ref, expected_version)
            code, change = None, "no shipping"
            if method not in (None, ""):
                code = str(method).strip().lower()
                row = uow.promotions.shipping_method(code)
                if row is None or not row.active:
                    known = ", ".join(r.code for r in uow.promotions.shipping_methods()) or phrase("none set up")
                    raise ValidationFailed(msg("shipping method '{method}' is unknown (known: {known})",
                                               method=method, known=known))
                change = f"shipping {row.name}"
            uow.orders.update(order.id, {"shipping_method": code})
            reprice(uow, replace(order, shipping_method=code), actor, change)
            dto = self._changed(uow, actor, order.id, change, "order.set_shipping")
            uow.commit()
        return dto

    def set_express(self, actor: Actor, order_ref, express: bool, *,
                    expected_version: int | None = None) -> OrderDTO:
        """Mark the cart express (the warehouse picks express orders first) or not."""
        self._require(actor, Perm.ORDER_EDIT, "change orders")
        with self._uow() as uow:
            order = locked_draft(uow, order_ref, expected_version)
            change = "express" if express else "not express"
            uow.orders.update(order.id, {"express": bool(express), "version": (order.version or 0) + 1,
                                         "last_change": change, "last_change_at": utc_now(),
                                         "last_change_by": actor.username})
            dto = self._changed(uow, actor, order.id, change, "order.set_express")
            uow.commit()
        return dto

    # ---- conversion ----------------------------------------------------------------------------------------
    def conversion(self, actor: Actor, *, start: date | None = None, end: date | None = None,
                   by: str = "day") -> ConversionReportDTO:
        """Carts created in [start, end] (local days; the last 30 days by default), confirmed, abandoned (idle past
        ``cart_abandoned_hours`` or cancelled before confirmation), still open; grouped ``by`` day, channel, agent
        or incentive; with what promotions, coupons and incentives took off the confirmed ones."""
        self._require(actor, Perm.PRICE_OVERRIDE, "see conversion")
        if by not in CONVERSION_BY:
            raise ValidationFailed(msg("group by '{by}' is unknown (choose one of: {choices})", by=by,
                                       choices=", ".join(CONVERSION_BY)))
        end = end or local_day()
        start = start or end - timedelta(days=29)
        if start > end:
            raise ValidationFailed(msg("from {start} is after to {end}", start=start.isoformat(), end=end.isoformat()))
        with self._uow(write=False) as uow:
            return read_conversion(uow, self.company, start, end, by)

    # ---- helpers -------------------------------------------------------------------------------------------
    @staticmethod
    def _new_code(uow, prefix: str) -> str:
        for _ in range(20):
            code = f"{prefix}-{secrets.token_hex(4).upper()}"
            if uow.promotions.coupon_by_code(code) is None:
                return code
        raise RuntimeError("could not draw an unused coupon code")  # 32 random bits: never in practice

    @staticmethod
    def _check_limit(uow, actor: Actor, order, limit: Decimal, cur: str) -> None:
        """What staff offered on the cart together stays within the offering role's limit of its goods (both in
        the price basis: gross when prices include tax)."""
        lines = uow.orders.lines(order.id)
        goods = sum((ln.net_minor + (ln.tax_minor if order.prices_include_tax else 0) for ln in lines), 0)
        offered = -sum(a.amount_minor for a in uow.carts.adjustments(order.id) if a.kind == "incentive")
        allowed = to_minor(round_money(from_minor(goods, cur) * limit, cur), cur)
        if offered > allowed:
            raise PermissionDenied(
                msg("{user} ({role}) may offer at most {limit} of this cart ({allowed} {currency}); with this offer "
                    "staff would give {offered} {currency}. Ask a manager.", user=actor.username,
                    role=code(actor.role), limit=percent_text(limit), allowed=from_minor(allowed, cur),
                    offered=from_minor(offered, cur), currency=cur))

    @staticmethod
    def _changed(uow, actor: Actor, order_id: int, change: str, action: str) -> OrderDTO:
        uow.audit.record(user_id=actor.user_id, username=actor.username, action=action, entity="order",
                         entity_id=order_id, new={"change": change})
        dto = load_order(uow, order_id)
        uow.events.add_event(ev.CartUpdated(order_id=order_id, change=change, customer=dto.customer_name,
                                            value=str(dto.total), currency=dto.currency, cart_version=dto.version,
                                            by=actor.username),
                             user_id=actor.user_id)
        return dto


def read_board(uow, company: CompanyDTO, *, agent_id: int | None = None, at_risk_only: bool = False,
               limit: int = 50, offset: int = 0) -> CartBoardDTO:
    """The open-carts board in the caller's unit of work (``CartService.board`` and the dashboard read it here):
    one page of open carts (``agent_id``'s only when given), at risk first, with the counts of all of them."""
    now = utc_now()
    idle_before = now - timedelta(minutes=company.cart_idle_minutes)
    rows = uow.carts.board(idle_before=idle_before, agent_id=agent_id, at_risk_only=at_risk_only,
                           limit=max(1, min(int(limit), 1000)), offset=max(0, int(offset)))
    n, risk, value = uow.carts.count_open(idle_before=idle_before, agent_id=agent_id)
    cur = company.currency
    carts = tuple(CartSummaryDTO(
        id=r.id, number=order_number(r.id), customer_id=r.customer_id, customer_name=r.customer_name or "",
        agent=r.agent or "", channel=r.channel, items=int(r.items or 0), value=from_minor(r.total_minor, cur),
        currency=r.currency, created_at=r.created_at, changed_at=r.last_change_at or r.created_at,
        idle_seconds=max(0, int((now - (r.last_change_at or r.created_at)).total_seconds())),
        last_change=r.last_change or "", last_change_by=r.last_change_by or "", at_risk=bool(r.at_risk),
        incentives=int(r.incentive_count or 0), version=r.version or 0) for r in rows)
    return CartBoardDTO(carts, n, risk, from_minor(value, cur), cur, company.cart_idle_minutes)


def read_conversion(uow, company: CompanyDTO, start: date, end: date, by: str) -> ConversionReportDTO:
    """Conversion of the carts created in the local days [start, end] in the caller's unit of work
    (``CartService.conversion`` and the dashboard read it here); ``by`` one of CONVERSION_BY."""
    cur = company.currency
    tz = utc_now().astimezone().tzinfo
    lo = datetime.combine(start, time.min, tzinfo=tz)
    hi = datetime.combine(end + timedelta(days=1), time.min, tzinfo=tz)
    abandoned_before = utc_now() - timedelta(hours=company.cart_abandoned_hours)
    rows = uow.carts.conversion_rows(lo, hi)
    groups: dict[str, list[int]] = defaultdict(lambda: [0] * 8)
    for r in rows:
        key = (r.created_at.astimezone(tz).date().isoformat() if by == "day" else r.channel if by == "channel"
               else (r.agent or "?") if by == "agent" else "with incentive" if r.offered else "without")
        g = groups[key]
        g[0] += 1
        if r.confirmed:
            g[1] += 1
            g[4] += r.total_minor
            g[5] -= r.incentive_cost or 0
            g[6] -= r.promotion_cost or 0
            g[7] -= r.coupon_cost or 0
        elif r.status == "cancelled" or r.changed_at < abandoned_before:
            g[2] += 1
        else:
            g[3] += 1

    def row(key: str, g: list[int]) -> ConversionRowDTO:
        return ConversionRowDTO(key, g[0], g[1], g[2], g[3], from_minor(g[4], cur), from_minor(g[5], cur),
                                from_minor(g[6], cur), from_minor(g[7], cur))
    total = [sum(g[i] for g in groups.values()) for i in range(8)]
    return ConversionReportDTO(by, start, end, cur, tuple(row(k, g) for k, g in sorted(groups.items())),
                               row("total", total))
