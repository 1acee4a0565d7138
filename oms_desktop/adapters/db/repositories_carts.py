"""Repositories of carts and what changes their price (Core SQL): ``CartsRepo`` (an order's allowances and charges,
incentives offered on a cart, coupon redemptions, the open-carts board and conversion) and ``PromotionsRepo``
(promotions, coupons, shipping methods)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import dataclasses
from datetime import date, datetime

from sqlalchemy import bindparam, case, delete, exists, func, insert, null, select, update

from ...services.repository_records_accounts import (BilledAdjustment, CartConversion, CartIncentiveRecord,
                                                     CartOnBoard, CouponRecord, CouponTerms, InvoiceAdjustmentRecord,
                                                     OrderAdjustmentRecord, PromotionRecord, ShippingMethodRecord)
from . import models_accounts as ma
from . import models_carts as mc
from .repositories import (_now, _Repo, built, customers_t, history_t, insert_returning_id, insert_rows, lines_t,
                           orders_t, plain_insert, users_t)

promotions_t = mc.Promotion.__table__
coupons_t = mc.Coupon.__table__
redemptions_t = mc.CouponRedemption.__table__
incentives_t = mc.CartIncentive.__table__
shipping_t = mc.ShippingMethod.__table__
_TERMS = tuple(f.name for f in dataclasses.fields(CouponTerms))  # the columns pricing_reads takes of a coupon
order_adj_t = mc.OrderAdjustment.__table__
invoice_adj_t = mc.InvoiceAdjustment.__table__
invoices_t = ma.Invoice.__table__


def _cart_on_board(row) -> CartOnBoard:
    *order, at_risk, name, agent, items, offers = row
    return CartOnBoard(*(*order, int(at_risk), name, agent, int(items), int(offers)))


def _cart_conversion(row) -> CartConversion:
    *head, confirmed, offered, incentive, promotion, coupon = row
    return CartConversion(*(*head, bool(confirmed), bool(offered), int(incentive), int(promotion), int(coupon)))


class CartsRepo(_Repo):
    """An order's allowances and charges, the incentives offered on carts, coupon redemptions, the board."""

    def adjustments(self, order_id: int) -> list[OrderAdjustmentRecord]:
        return [OrderAdjustmentRecord(*r) for r in self.c.execute(built("order adjustments", lambda: select(
            order_adj_t).where(order_adj_t.c.order_id == bindparam("id")).order_by(order_adj_t.c.seq)),
            {"id": order_id})]

    def replace_adjustments(self, order_id: int, rows: Sequence[Mapping[str, object]]) -> None:
        """The order's allowances and charges become ``rows`` (seq, kind, source_id, label, tax_rate_bp,
        amount_minor, net_minor, tax_minor); the caller writes only when they changed."""
        self.c.execute(built("delete order adjustments", lambda: delete(order_adj_t).where(
            order_adj_t.c.order_id == bindparam("id"))), {"id": order_id})
        if rows:
            self.c.execute(plain_insert(order_adj_t), [{"order_id": order_id, **r} for r in rows])

    def add_adjustments(self, order_id: int, rows: Sequence[Mapping[str, object]]) -> None:
        """The allowances and charges of an order being created (nothing to replace)."""
        if rows:
            self.c.execute(plain_insert(order_adj_t), [{"order_id": order_id, **r} for r in rows])

    def add_order_adjustments(self, rows: list[dict]) -> None:
        """The allowances and charges of orders being created, each row with its ``order_id``: one executemany."""
        insert_rows(self.c, order_adj_t, rows)

    def invoice_adjustments(self, invoice_id: int) -> list[InvoiceAdjustmentRecord]:
        return [InvoiceAdjustmentRecord(*r) for r in self.c.execute(built("invoice adjustments", lambda: select(
            invoice_adj_t).where(invoice_adj_t.c.invoice_id == bindparam("id")).order_by(invoice_adj_t.c.seq)),
            {"id": invoice_id})]

    def invoice_adjustments_of_order(self, order_id: int) -> list[InvoiceAdjustmentRecord]:
        """The allowances and charges billed by every invoice and credit note of an order (one statement), each row
        with its ``invoice_id``, in issuing order."""
        return [InvoiceAdjustmentRecord(*r) for r in self.c.execute(built(
            "invoice adjustments of order", lambda: select(invoice_adj_t).join(
                invoices_t, invoices_t.c.id == invoice_adj_t.c.invoice_id).where(
                invoices_t.c.order_id == bindparam("id")).order_by(invoice_adj_t.c.invoice_id,
                                                                   invoice_adj_t.c.seq)),
            {"id": order_id})]

    def billed_adjustments(self) -> list[BilledAdjustment]:
        """Every allowance and charge an invoice or credit note billed, with its document (id, number, kind, order,
        the invoice a credit note corrects, currency) and the order's own amount of it (None when the order has no
        adjustment of that ``seq``): one statement over the whole database, for the integrity check."""
        return [BilledAdjustment(*r) for r in self.c.execute(
            select(invoice_adj_t.c.invoice_id, invoice_adj_t.c.seq, invoice_adj_t.c.amount_minor,
                   invoices_t.c.number, invoices_t.c.kind, invoices_t.c.order_id, invoices_t.c.references_id,
                   invoices_t.c.currency, order_adj_t.c.amount_minor.label("order_amount_minor"))
            .join(invoices_t, invoices_t.c.id == invoice_adj_t.c.invoice_id)
            .outerjoin(order_adj_t, (order_adj_t.c.order_id == invoices_t.c.order_id)
                       & (order_adj_t.c.seq == invoice_adj_t.c.seq))
            .order_by(invoices_t.c.id, invoice_adj_t.c.seq))]

    def add_invoice_adjustments(self, invoice_id: int, rows: Sequence[Mapping[str, object]]) -> None:
        if rows:
            self.c.execute(plain_insert(invoice_adj_t), [{"invoice_id": invoice_id, **r} for r in rows])

    def incentives(self, order_id: int, *, include_withdrawn: bool = False) -> list[CartIncentiveRecord]:
        q = select(incentives_t, users_t.c.username.label("offered_by_name")).outerjoin(
            users_t, users_t.c.id == incentives_t.c.offered_by).where(incentives_t.c.order_id == order_id)
        if not include_withdrawn:
            q = q.where(incentives_t.c.withdrawn_at.is_(None))
        return [CartIncentiveRecord(*r) for r in self.c.execute(q.order_by(incentives_t.c.id))]

    def add_incentive(self, values: Mapping[str, object]) -> int:
        return self.c.execute(insert_returning_id(incentives_t), {"offered_at": _now(), "withdrawn_at": None,
                                                                  "coupon_id": None, **values}).scalar_one()

    def withdraw_incentive(self, incentive_id: int) -> None:
        self.c.execute(update(incentives_t).where(incentives_t.c.id == incentive_id).values(withdrawn_at=_now()))

    def customer_uses(self, coupon_id: int, customer_id: int | None) -> int:
        if customer_id is None:
            return 0
        return int(self.c.execute(built("coupon uses by customer", lambda: select(func.count()).select_from(
            redemptions_t).where(redemptions_t.c.coupon_id == bindparam("coupon"),
                                 redemptions_t.c.customer_id == bindparam("customer"))),
            {"coupon": coupon_id, "customer": customer_id}).scalar_one())

    def coupon_use_mismatches(self) -> list[tuple[str, int, int, int | None]]:
        """(code, uses, redemptions, max_uses) of every coupon whose counted uses differ from its redemptions or
        whose redemptions exceed its limit."""
        counted = (select(redemptions_t.c.coupon_id, func.count().label("n")).group_by(redemptions_t.c.coupon_id)
                   .subquery())
        n = func.coalesce(counted.c.n, 0)
        rows = self.c.execute(select(coupons_t.c.code, coupons_t.c.uses, n, coupons_t.c.max_uses)
                              .outerjoin(counted, counted.c.coupon_id == coupons_t.c.id)
                              .where((coupons_t.c.uses != n) | (coupons_t.c.max_uses < n))
                              .order_by(coupons_t.c.code)).all()
        return [(r[0], int(r[1]), int(r[2]), r[3]) for r in rows]

    def has_confirmed_order(self, customer_id: int) -> bool:
        """Whether the customer has an order past the cart (not a draft, not cancelled): a first order is one
        without."""
        return bool(self.c.execute(built("customer has confirmed order", lambda: select(exists().where(
            orders_t.c.customer_id == bindparam("customer"), orders_t.c.status.notin_(("draft", "cancelled"))))),
            {"customer": customer_id}).scalar())

    def board(self, *, idle_before: datetime, agent_id: int | None = None, at_risk_only: bool = False,
              limit: int = 50, offset: int = 0) -> list[CartOnBoard]:
        """Open carts (drafts), the ones idle since before ``idle_before`` first, then by value; one page.

        The page's ids are chosen first (status index, one sort), and only those rows get their customer, agent,
        item count and incentive count."""
        changed = func.coalesce(orders_t.c.last_change_at, orders_t.c.created_at)
        at_risk = case((changed < idle_before, 1), else_=0)
        page = select(orders_t.c.id, at_risk.label("at_risk")).where(orders_t.c.status == "draft")
        if agent_id is not None:
            page = page.where(orders_t.c.created_by == agent_id)
        if at_risk_only:
            page = page.where(changed < idle_before)
        page_sq = page.order_by(at_risk.desc(), orders_t.c.total_minor.desc(), orders_t.c.id).limit(limit) \
            .offset(offset).subquery()
        items = (select(func.coalesce(func.sum(lines_t.c.quantity), 0)).where(lines_t.c.order_id == orders_t.c.id)
                 .scalar_subquery())
        offers = (select(func.count()).select_from(incentives_t).where(
            incentives_t.c.order_id == orders_t.c.id, incentives_t.c.withdrawn_at.is_(None)).scalar_subquery())
        q = (select(orders_t, page_sq.c.at_risk, customers_t.c.name.label("customer_name"),
                    users_t.c.username.label("agent"), items.label("items"), offers.label("incentive_count"))
             .join(page_sq, page_sq.c.id == orders_t.c.id)
             .outerjoin(customers_t, customers_t.c.id == orders_t.c.customer_id)
             .outerjoin(users_t, users_t.c.id == orders_t.c.created_by)
             .order_by(page_sq.c.at_risk.desc(), orders_t.c.total_minor.desc(), orders_t.c.id))
        # the item count is a SUM, NUMERIC on PostgreSQL: whole units here
        return [_cart_on_board(r) for r in self.c.execute(q)]

    def count_open(self, *, idle_before: datetime, agent_id: int | None = None) -> tuple[int, int, int]:
        """(open carts, of them at risk, their value in minor units)."""
        changed = func.coalesce(orders_t.c.last_change_at, orders_t.c.created_at)
        q = select(func.count(), func.coalesce(func.sum(case((changed < idle_before, 1), else_=0)), 0),
                   func.coalesce(func.sum(orders_t.c.total_minor), 0)).where(orders_t.c.status == "draft")
        if agent_id is not None:
            q = q.where(orders_t.c.created_by == agent_id)
        n, risk, value = self.c.execute(q).one()
        return int(n), int(risk), int(value)

    def conversion_rows(self, start: datetime, end: datetime) -> list[CartConversion]:
        """Every order that began as a cart (its first status is draft) created in [start, end): its day, channel,
        agent, status, last change, whether it reached confirmation, whether staff offered an incentive on it, and
        what its allowances cost by kind (minor units, negative)."""
        began_as_cart = exists().where(history_t.c.order_id == orders_t.c.id, history_t.c.from_status.is_(None),
                                       history_t.c.to_status == "draft")
        confirmed = exists().where(history_t.c.order_id == orders_t.c.id, history_t.c.to_status == "confirmed")
        offered = exists().where(incentives_t.c.order_id == orders_t.c.id, incentives_t.c.withdrawn_at.is_(None))

        def cost(kind: str):
            return (select(func.coalesce(func.sum(order_adj_t.c.amount_minor), 0))
                    .where(order_adj_t.c.order_id == orders_t.c.id, order_adj_t.c.kind == kind,
                           order_adj_t.c.amount_minor < 0).scalar_subquery())
        q = (select(orders_t.c.id, orders_t.c.created_at, orders_t.c.channel, orders_t.c.status,
                    orders_t.c.total_minor, orders_t.c.currency,
                    func.coalesce(orders_t.c.last_change_at, orders_t.c.created_at).label("changed_at"),
                    users_t.c.username.label("agent"), confirmed.label("confirmed"), offered.label("offered"),
                    cost("incentive").label("incentive_cost"), cost("promotion").label("promotion_cost"),
                    cost("coupon").label("coupon_cost"))
             .outerjoin(users_t, users_t.c.id == orders_t.c.created_by)
             .where(orders_t.c.created_at >= start, orders_t.c.created_at < end, began_as_cart)
             .order_by(orders_t.c.created_at, orders_t.c.id))
        # the costs are SUMs, NUMERIC on PostgreSQL: whole minor units here
        return [_cart_conversion(r) for r in self.c.execute(q)]


def _fingerprint():
    """The promotions' fingerprint as a one-row subquery ``fp``: ``fp_n`` (how many), ``fp_top`` (the highest id, 0
    without any), ``fp_made`` and ``fp_ended`` (the latest creation and end), ``fp_first`` (whether a promotion for
    first orders has not ended). One scalar subquery each, so each is read from an index (``models_carts``: the
    latest creation and end are their indexes' last entries) instead of every promotion being visited: with 200
    promotions the one aggregate it replaces took about 0.12 ms on SQLite, on every order."""
    p = promotions_t.c
    return select(select(func.count()).select_from(promotions_t).scalar_subquery().label("fp_n"),
                  func.coalesce(select(func.max(p.id)).scalar_subquery(), 0).label("fp_top"),
                  select(func.max(p.created_at)).scalar_subquery().label("fp_made"),
                  select(func.max(p.ended_at)).scalar_subquery().label("fp_ended"),
                  exists().where(p.first_order_only, p.ended_at.is_(None)).label("fp_first")
                  ).subquery("fp")


class PromotionsRepo(_Repo):
    """Promotions, coupons and shipping methods."""

    def active_promotions(self, day: date) -> list[PromotionRecord]:
        """Promotions not ended whose window contains ``day`` (open ends count)."""
        return [PromotionRecord(*r) for r in self.c.execute(built("active promotions", lambda: select(
            promotions_t).where(
            promotions_t.c.ended_at.is_(None),
            (promotions_t.c.starts.is_(None)) | (promotions_t.c.starts <= bindparam("day")),
            (promotions_t.c.ends.is_(None)) | (promotions_t.c.ends >= bindparam("day")))
            .order_by(promotions_t.c.id)), {"day": day})]

    def fingerprint(self) -> tuple[int, int, str, str]:
        """(how many promotions, the highest id, the latest creation, the latest end): promotions are only added
        and ended, so this changes exactly when the set of promotions does (and differs between databases)."""
        def build():
            fp = _fingerprint()
            return select(fp.c.fp_n, fp.c.fp_top, fp.c.fp_made, fp.c.fp_ended)
        n, top, made, ended = self.c.execute(built("promotions fingerprint", build)).one()
        return int(n), int(top), str(made), str(ended)

    def pricing_reads(self, customer_id: int | None, code: str | None
                      ) -> tuple[tuple[int, int, str, str], bool | None, CouponTerms | None]:
        """What pricing a new order reads besides its products, in one statement (on PostgreSQL one round trip
        instead of three): the promotions' ``fingerprint()``, whether the customer has an order past the cart
        (``CartsRepo.has_confirmed_order``; False without a customer; None, not looked up, while no promotion
        for first orders is running: then it cannot matter, and a plain order does not pay for it) and the coupon
        row of ``code`` (its ``CouponTerms``; None without one, or for a code that does not exist)."""
        def build():
            fp = _fingerprint()
            bought = case((fp.c.fp_first, exists().where(orders_t.c.customer_id == bindparam("customer"),
                                                         orders_t.c.status.notin_(("draft", "cancelled")))),
                          else_=null())
            return (select(*(coupons_t.c[f] for f in _TERMS), fp.c.fp_n, fp.c.fp_top, fp.c.fp_made, fp.c.fp_ended,
                           bought.label("bought"))
                    .select_from(fp.outerjoin(coupons_t, coupons_t.c.code == bindparam("code"))))
        row = self.c.execute(built("pricing reads", build), {"customer": customer_id, "code": code}).one()
        fingerprint = (int(row.fp_n), int(row.fp_top), str(row.fp_made), str(row.fp_ended))
        coupon = CouponTerms(*row[:len(_TERMS)]) if row.id is not None else None   # the coupon's columns first
        return fingerprint, None if row.bought is None else bool(row.bought), coupon

    def promotions(self, *, include_ended: bool = False) -> list[PromotionRecord]:
        q = select(promotions_t)
        if not include_ended:
            q = q.where(promotions_t.c.ended_at.is_(None))
        return [PromotionRecord(*r) for r in self.c.execute(q.order_by(promotions_t.c.priority.desc(),
                                                                       promotions_t.c.id))]

    def promotion_by_name(self, name: str) -> PromotionRecord | None:
        row = self.c.execute(select(promotions_t).where(func.lower(promotions_t.c.name) == name.lower())).first()
        return PromotionRecord(*row) if row is not None else None

    def add_promotion(self, values: Mapping[str, object]) -> int:
        return self.c.execute(insert_returning_id(promotions_t), {"created_at": _now(), "ended_at": None,
                                                                  **values}).scalar_one()

    def end_promotion(self, promotion_id: int) -> None:
        self.c.execute(update(promotions_t).where(promotions_t.c.id == promotion_id).values(ended_at=_now()))

    def coupon(self, coupon_id: int) -> CouponRecord | None:
        row = self.c.execute(built("coupon", lambda: select(coupons_t).where(
            coupons_t.c.id == bindparam("id"))), {"id": coupon_id}).first()
        return CouponRecord(*row) if row is not None else None

    def coupon_by_code(self, code: str) -> CouponRecord | None:
        row = self.c.execute(built("coupon by code", lambda: select(coupons_t).where(
            coupons_t.c.code == bindparam("code"))), {"code": code}).first()
        return CouponRecord(*row) if row is not None else None

    def existing_codes(self, codes: list[str]) -> set[str]:
        if not codes:
            return set()
        return set(self.c.execute(select(coupons_t.c.code).where(coupons_t.c.code.in_(codes))).scalars())

    def add_coupons(self, rows: Sequence[Mapping[str, object]]) -> None:
        now = _now()
        self.c.execute(insert(coupons_t), [{"created_at": now, "uses": 0, "active": True, **r} for r in rows])

    def coupons(self, *, batch: str | None = None, limit: int = 500) -> list[CouponRecord]:
        q = select(coupons_t)
        if batch:
            q = q.where(coupons_t.c.batch == batch)
        return [CouponRecord(*r) for r in self.c.execute(q.order_by(coupons_t.c.id.desc()).limit(limit))]

    def shipping_method(self, code: str) -> ShippingMethodRecord | None:
        row = self.c.execute(built("shipping method", lambda: select(shipping_t).where(
            shipping_t.c.code == bindparam("code"))), {"code": code}).first()
        return ShippingMethodRecord(*row) if row is not None else None

    def shipping_methods(self, *, include_inactive: bool = False) -> list[ShippingMethodRecord]:
        q = select(shipping_t)
        if not include_inactive:
            q = q.where(shipping_t.c.active.is_(True))
        return [ShippingMethodRecord(*r) for r in self.c.execute(q.order_by(shipping_t.c.code))]

    def put_shipping_method(self, values: Mapping[str, object]) -> None:
        """Add a shipping method or replace the one with the same code."""
        if self.shipping_method(str(values["code"])) is None:
            self.c.execute(insert(shipping_t).values(**values))
        else:
            self.c.execute(update(shipping_t).where(shipping_t.c.code == values["code"]).values(**values))

