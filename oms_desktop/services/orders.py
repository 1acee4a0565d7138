"""Orders: confirmation with atomic reservation, coupons and tracking numbers, placing in one step, status moves,
cancel (a cart's editing is in cart_editing.py)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from types import SimpleNamespace

from ..domain import events as ev
from ..domain import tracking
from ..domain.mail import MailKind
from ..domain.messages import code as code_of
from ..domain.messages import msg
from ..domain.errors import (BusinessRuleViolation, CouponRefused, CouponUsedUp, InvalidTransition, NotFound,
                             OutOfStock, Shortage, StaleCart, ValidationFailed)
from ..domain.money import from_minor, to_minor
from ..domain.orders import (HOLDS_RESERVATION, Status, check_transition, clean_ship_to, delivery_label,
                             parse_quantity)
from ..domain.pricing import PricingPolicy, TaxRounding, price, stored_line
from ..domain.promotions import normalize_code
from ..domain.roles import Perm
from . import backorders, ledger_posting, sales_facts
from .outbox import queue_for, queue_to
from .cart_pricing import adjustment_dtos, adjustment_rows, cart_adjustments, check_coupon
from .order_lookup import load_order, order_dto, order_row, resolve_order_id
from .ports import utc_now as _now
from ..domain.references import order_number
from ..domain import history_notes as notes
from .customers import live_customer
from .dto import Actor, OrderDTO, OrderSummaryDTO
from .cart_editing import CartEditing, customer_ship_to, reprice, stale_cart
from .order_amendments import OrderAmending
from .order_search import OrderSearching
from .order_writing import NewOrder, write_orders

STEP_EVENTS: dict[Status, type[ev.OrderPicking] | type[ev.OrderPacked] | type[ev.OrderShipped]
                  | type[ev.OrderDelivered]] = {
    Status.PICKING: ev.OrderPicking, Status.PACKED: ev.OrderPacked, Status.SHIPPED: ev.OrderShipped,
    Status.DELIVERED: ev.OrderDelivered}
"""The event a manual warehouse step (``transition``) writes."""


class OrderService(CartEditing, OrderAmending, OrderSearching):
    """Orders: reading them, confirming a cart (atomic reservation, coupon, tracking number), placing an order in one
    step, cancelling, and the manual warehouse steps; editing a cart is ``CartEditing``'s, amending a confirmed
    order ``OrderAmending``'s, searching the order list ``OrderSearching``'s."""

    # ---- reading -------------------------------------------------------------------------------------------
    def get_order(self, actor: Actor, ref) -> OrderDTO:
        self._require(actor, Perm.VIEW, "view orders")
        with self._uow(write=False) as uow:
            dto = load_order(uow, resolve_order_id(uow, ref))
            return backorders.with_backorder(uow, dto) if dto.status == Status.CONFIRMED else dto

    def list_orders(self, actor: Actor, *, status: str | None = None, customer_id: int | None = None,
                    limit: int = 50, offset: int = 0) -> list[OrderSummaryDTO]:
        self._require(actor, Perm.VIEW, "view orders")
        if status is not None:
            try:
                status = Status(status).value
            except ValueError:
                raise ValidationFailed(msg("status '{status}' is unknown", status=status)) from None
        with self._uow(write=False) as uow:
            rows = uow.orders.list(status=status, customer_id=customer_id, limit=limit, offset=offset)
        return [OrderSummaryDTO(r.id, order_number(r.id), r.tracking_number, r.status, r.channel,
                                r.customer_name or "", from_minor(r.total_minor, r.currency), r.currency,
                                r.created_at, r.line_count) for r in rows]

    def open_drafts(self, actor: Actor, limit: int = 100) -> list[OrderSummaryDTO]:
        return self.list_orders(actor, status=Status.DRAFT, limit=limit)

    # ---- carts ---------------------------------------------------------------------------------------------
    # ---- confirmation --------------------------------------------------------------------------------------
    def confirm_order(self, actor: Actor, order_ref, *, expected_version: int | None = None,
                      allow_backorder: bool = False) -> OrderDTO:
        """Reserve stock for every line or for none, redeem the cart's coupon, assign a tracking number, and tell
        the warehouse.

        The cart is priced once more (a promotion may have ended, a coupon been used up). ``expected_version`` is
        the version the screen showed: if the cart changed since, or pricing it again changes its total, nothing is
        confirmed and ``StaleCart`` says what changed (a new price is kept, so the screen shows it and asks again).
        With ``allow_backorder`` what is not in stock waits as a backorder (services/backorders.py) instead.
        """
        self._require(actor, Perm.ORDER_EDIT, "confirm orders")
        with self._uow() as uow:
            order = order_row(uow, order_ref, for_update=True)
            check_transition(order.status, Status.CONFIRMED, order_number(order.id))
            if expected_version is not None and order.version != expected_version:
                raise stale_cart(order)
            lines = uow.orders.lines(order.id)
            if not lines:
                raise BusinessRuleViolation(msg("{order} has no lines; add products first.",
                                                order=order_number(order.id)))
            coupon_row = uow.promotions.coupon(order.coupon_id) if order.coupon_id else None
            totals = reprice(uow, order, None, "", lines=lines, coupon_row=coupon_row)
            new_total = to_minor(totals.total, order.currency)
            if new_total != order.total_minor and expected_version is not None:
                change = (f"repriced: {from_minor(order.total_minor, order.currency)} -> "
                          f"{from_minor(new_total, order.currency)} {order.currency}")
                uow.orders.update(order.id, {"version": order.version + 1, "last_change": change,
                                             "last_change_at": _now(), "last_change_by": actor.username})
                uow.commit()  # the new price is kept (and shown); the confirmation is not done
                raise StaleCart(msg("The total of {order} changed since it was shown ({change}: a promotion or "
                                    "coupon changed). Look at it and confirm again.", order=order_number(order.id),
                                    change=change),
                                order_id=order.id, version=order.version + 1)
            if coupon_row is not None:
                check_coupon(uow, order, lines, coupon_row)
            tn = self._new_tracking(uow)
            try:  # a coupon is redeemed by the confirmation itself, while it can be (migration 0029)
                uow.orders.update(order.id, {"status": Status.CONFIRMED.value, "tracking_number": tn,
                                             "confirmed_at": _now()})
            except CouponUsedUp as e:
                raise CouponRefused(msg("coupon {code} has just been used up; take it off the order or confirm "
                                        "without it.", code=coupon_row.code if coupon_row else "")) from e
            uow.orders.add_history(order.id, order.status, Status.CONFIRMED, actor.user_id)
            self._confirmed_event(uow, actor, order.id, tn, new_total, order.currency, len(lines))
            dto = load_order(uow, order.id)
            queue_for(uow, MailKind.CONFIRMATION, order.id, order.customer_id)  # one INSERT ... SELECT
            # last, right before the commit: the stock rows stay locked for as short as possible (see _reserve)
            if allow_backorder:
                owed = backorders.reserve_or_backorder(
                    uow, actor, replace(order, status=Status.CONFIRMED.value),
                    [(ln.product_id, ln.sku, ln.name, ln.quantity) for ln in lines], "taken at entry")
                if owed:
                    dto = replace(load_order(uow, order.id), backordered=tuple(sorted(owed.items())))
            else:
                self._reserve(uow, actor, order.id, [(ln.product_id, ln.sku, ln.quantity) for ln in lines],
                              reorder_points={pid: p.reorder_point for pid, p in
                                              uow.products.by_ids(ln.product_id for ln in lines).items()})
            sales_facts.record_confirmed(uow, order, dto.confirmed_at or _now())  # the lines, allowances as repriced
            uow.commit()
        return dto

    def place_order(self, actor: Actor, customer_id: int | None, lines, *, channel: str | None = None,
                    express: bool = False, coupon: str | None = None, shipping: str | None = None,
                    ship_to: str | None = None, allow_backorder: bool = False) -> OrderDTO:
        """Create and confirm an order in one transaction (CLI, imports): all of it happens, or none of it.

        The active promotions apply; ``coupon`` (a code, in any case and spacing) is redeemed in the same
        transaction or the order is refused naming why; ``shipping`` (a shipping method's code) adds its charge.
        With ``allow_backorder`` what is available is reserved and the rest waits as a backorder (reserved first
        in, first out when goods arrive); an order that needs none simply has none."""
        self._require(actor, Perm.ORDER_EDIT, "place orders")
        channel = self._channel(channel)
        code = normalize_code(coupon) if coupon not in (None, "") else ""
        method = str(shipping).strip().lower() if shipping not in (None, "") else None
        wanted: dict[str, int] = defaultdict(int)
        problems: list[str] = []
        for sku, qty in lines:
            try:
                wanted[str(sku).strip().upper()] += parse_quantity(qty, sku=str(sku).strip().upper())
            except ValidationFailed as e:
                problems.extend(e.problems)
        if not wanted and not problems:
            problems.append(msg("an order needs at least one line (SKU=QTY)"))
        if problems:
            raise ValidationFailed(problems)
        typed_ship_to = clean_ship_to(ship_to) if ship_to not in (None, "") else None
        company = self.company
        with self._uow() as uow:
            customer = live_customer(uow, customer_id) if customer_id is not None else None
            products = uow.products.by_skus(wanted)
            unknown = [s for s in wanted if s not in products]
            if unknown:
                raise NotFound(msg("Unknown SKU(s): {skus}.", skus=", ".join(unknown)))
            inactive = [s for s in wanted if not products[s].active]
            if inactive:
                raise BusinessRuleViolation(msg("No longer sold: {skus}.", skus=", ".join(inactive)))
            # Short already by the stock just read: refused before anything is written. (Only a refusal is decided
            # here; whether the units can be had is decided by the reservation's conditional UPDATE at the end.)
            available = {s: products[s].on_hand - products[s].reserved for s in wanted}
            short = [Shortage(s, q, max(available[s], 0)) for s, q in sorted(wanted.items()) if available[s] < q]
            if short and not allow_backorder:
                raise OutOfStock(short)
            # the promotions' fingerprint, the customer's first order and the coupon: one statement
            reads = uow.promotions.pricing_reads(customer_id, code or None)
            coupon_row = reads[2]
            if code and coupon_row is None:
                raise CouponRefused(msg("coupon {code} does not exist", code=code))
            if method is not None and uow.promotions.shipping_method(method) is None:
                raise ValidationFailed(msg("shipping method '{method}' is unknown (see oms shipping list)",
                                           method=shipping))
            priced = [stored_line(sku, q, products[sku].unit_price_minor, products[sku].tax_rate_bp, 0,
                                  company.currency) for sku, q in wanted.items()]
            cart = SimpleNamespace(id=None, currency=company.currency, channel=channel, customer_id=customer_id,
                                   coupon_id=coupon_row.id if coupon_row else None, shipping_method=method)
            cart_lines = [SimpleNamespace(product_id=products[s].id, sku=s, quantity=q,
                                          unit_price_minor=products[s].unit_price_minor,
                                          tax_rate_bp=products[s].tax_rate_bp, discount_bp=0)
                          for s, q in wanted.items()]
            adjs = cart_adjustments(uow, cart, cart_lines, coupon_row=coupon_row, incentives=(), refuse_coupon=True,
                                    reads=reads)
            totals = price(priced, PricingPolicy(company.currency, company.prices_include_tax,
                                                 TaxRounding(company.tax_rounding)), adjs)
            now = _now()
            values = self._order_values(actor, customer_id, channel, Status.CONFIRMED, express=express,
                                        net=totals.net, tax=totals.tax, total=totals.total)
            values.update(coupon_id=cart.coupon_id, shipping_method=method,
                          ship_to=typed_ship_to if typed_ship_to is not None else customer_ship_to(customer))
            values.update(created_at=now, updated_at=now, confirmed_at=now)
            line_rows = [
                dict(line_no=i, product_id=products[pl.sku].id, sku=pl.sku, name=products[pl.sku].name,
                     quantity=pl.quantity, unit_price_minor=products[pl.sku].unit_price_minor,
                     tax_rate_bp=products[pl.sku].tax_rate_bp, discount_bp=0,
                     net_minor=to_minor(la.net, company.currency), tax_minor=to_minor(la.tax, company.currency))
                for i, (pl, la) in enumerate(zip(priced, totals.lines), start=1)]
            adj_rows = adjustment_rows(adjs, totals, company.currency)
            new = NewOrder(values, line_rows, adj_rows, [(None, Status.CONFIRMED, notes.PLACED, now)],
                           audit=lambda oid, tn: dict(action="order.confirm", entity="order", entity_id=oid,
                                                      old={"status": "draft"},
                                                      new={"status": "confirmed", "tracking_number": tn}),
                           facts=[(1, now)])
            owed: dict = {}

            def reserve(orders: list[NewOrder]) -> None:
                oid = orders[0].id
                queue_to(uow, MailKind.CONFIRMATION, oid, customer)  # one INSERT, only if the customer wants mail
                # last, right before the commit: the stock rows stay locked for as short as possible (see _reserve)
                if allow_backorder:
                    owed.update(backorders.reserve_or_backorder(
                        uow, actor, SimpleNamespace(id=oid, status=Status.CONFIRMED.value, customer_id=customer_id),
                        [(products[s].id, s, products[s].name, q) for s, q in wanted.items()], "taken at entry"))
                else:
                    self._reserve(uow, actor, oid, [(products[s].id, s, q) for s, q in wanted.items()],
                                  reorder_points={products[s].id: products[s].reorder_point for s in wanted})

            try:  # the order's INSERT redeems its coupon while it can be used (migration 0029)
                write_orders(uow, actor, [new], reserve)
            except CouponUsedUp as e:
                raise CouponRefused(msg("coupon {code} has just been used up", code=coupon_row.code if coupon_row
                                        else "")) from e
            oid, tn = new.id, new.tracking_number
            values["tracking_number"] = tn
            # The DTO from what was just written (no read-back): the rows as the database now holds them.
            dto = order_dto(SimpleNamespace(id=oid, **values), [SimpleNamespace(**r) for r in line_rows],
                            [SimpleNamespace(from_status=None, to_status=Status.CONFIRMED.value, at=now,
                                             username=actor.username, note=notes.PLACED)],
                            customer_name=customer.name if customer else "", created_by=actor.username,
                            adjustment_dtos=adjustment_dtos(adjs, totals),
                            coupon_code=coupon_row.code if coupon_row else "", totals=totals)
            if owed:
                dto = replace(load_order(uow, oid, customer_name=dto.customer_name, created_by=actor.username),
                              backordered=tuple(sorted(owed.items())))
            uow.commit()
        return dto

    def set_ship_to(self, actor: Actor, order_ref, text: str = "", *, saved: str | None = None,
                    expected_version: int | None = None) -> OrderDTO:
        """Where the order goes: a cart's, or a confirmed order's until it is packed (the packing slip prints it).
        ``text`` typed (recipient first), or ``saved``: the label of an address the customer keeps (the customer's
        name goes above its lines); neither takes the customer's shipping address again."""
        self._require(actor, Perm.ORDER_EDIT, "change delivery addresses")
        label = clean_ship_to(text)
        with self._uow() as uow:
            order = order_row(uow, order_ref, for_update=True)
            if order.status not in (Status.DRAFT, Status.CONFIRMED, Status.PICKING):
                raise InvalidTransition(msg("{order} is {status}; its delivery address can no longer change.",
                                            order=order_number(order.id), status=code_of(order.status)))
            if order.status == Status.DRAFT and expected_version is not None and order.version != expected_version:
                raise stale_cart(order)
            customer = uow.customers.get(order.customer_id) if order.customer_id is not None else None
            if saved is not None:
                kept = {a.label.casefold(): a for a in uow.customers.addresses_of(order.customer_id)} \
                    if customer is not None else {}
                found = kept.get(" ".join(saved.split()).casefold())
                if found is None:
                    raise NotFound(msg("The customer of {order} keeps no address labelled '{label}' (only: {labels}).",
                                       order=order_number(order.id), label=saved,
                                       labels=", ".join(a.label for a in kept.values())) if kept else
                                   msg("The customer of {order} keeps no address labelled '{label}'.",
                                       order=order_number(order.id), label=saved))
                assert customer is not None  # kept is empty without one
                label = delivery_label(customer.name, found.address)
            elif not label and customer is not None:
                label = customer_ship_to(customer)
            changes: dict = {"ship_to": label}
            if order.status == Status.DRAFT:
                changes.update(version=order.version + 1, last_change="delivery address", last_change_at=_now(),
                               last_change_by=actor.username)
            uow.orders.update(order.id, changes)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.ship_to", entity="order",
                             entity_id=order.id, old={"ship_to": order.ship_to}, new={"ship_to": label})
            dto = load_order(uow, order.id)
            uow.commit()
        return dto

    # ---- status moves --------------------------------------------------------------------------------------
    def cancel_order(self, actor: Actor, order_ref, reason: str = "") -> OrderDTO:
        self._require(actor, Perm.ORDER_CANCEL, "cancel orders")
        with self._uow() as uow:
            order = order_row(uow, order_ref, for_update=True)
            check_transition(order.status, Status.CANCELLED, order_number(order.id))
            released = []
            if Status(order.status) in HOLDS_RESERVATION:
                per_product: dict[int, int] = defaultdict(int)
                for ln in uow.orders.lines(order.id):
                    per_product[ln.product_id] += ln.quantity
                waiting = {}
                if order.status == Status.CONFIRMED:  # a backorder taken at entry holds nothing: given up
                    uow.stock.lock_rows(per_product)
                    waiting = backorders.waiting_of(uow, order.id)
                    for pid, b in waiting.items():
                        per_product[pid] -= b.quantity
                        backorders.give_up(uow, b, b.quantity)
                for pid in sorted(per_product):
                    if per_product[pid]:
                        uow.stock.release(pid, per_product[pid])
                        released.append(pid)
                uow.stock.add_moves([dict(product_id=pid, kind="release", reserved_delta=-per_product[pid],
                                          order_id=order.id, reason="order cancelled", user_id=actor.user_id)
                                     for pid in sorted(per_product) if per_product[pid]])
                if waiting or released:
                    backorders.reserve_waiting(uow, actor, released)  # what it gave back goes to who waits first
            uow.orders.update(order.id, {"status": Status.CANCELLED.value})
            uow.receivables.refresh_open_account(order.id)  # a cancelled order waits for no invoice
            uow.orders.add_history(order.id, order.status, Status.CANCELLED, actor.user_id, reason)
            uow.events.add_event(ev.OrderCancelled(order_id=order.id, number=order_number(order.id), reason=reason,
                                                   released_products=released),
                                 user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.cancel", entity="order",
                             entity_id=order.id, old={"status": order.status},
                             new={"status": Status.CANCELLED.value, "reason": reason})
            dto = load_order(uow, order.id)
            sales_facts.record_cancelled(uow, order, dto.history[-1].at)  # when the history says it was cancelled
            uow.commit()
        return dto

    def advance_order(self, actor: Actor, order_ref, target: str, note: str = "") -> OrderDTO:
        """Move a confirmed order through picking, packed, shipped (stock leaves: moves) and delivered."""
        self._require(actor, Perm.WAREHOUSE, "move orders through the warehouse")
        try:
            tgt = Status(target)
        except ValueError:
            raise ValidationFailed(msg("status '{target}' is unknown", target=target)) from None
        if tgt in (Status.CANCELLED, Status.DRAFT, Status.CONFIRMED, Status.RETURNED):
            raise InvalidTransition(msg("Use the {action} action for that, not a warehouse step.", action=code_of(tgt)))
        with self._uow() as uow:
            order = order_row(uow, order_ref, for_update=True)
            check_transition(order.status, tgt, order_number(order.id))
            if uow.picking.has_pick_history(order.id):
                raise InvalidTransition(msg("{order} is handled on a pick list; use the warehouse steps (confirm "
                                            "picks, pack, ship, deliver) instead.", order=order_number(order.id)))
            if order.status == Status.CONFIRMED and backorders.waiting_of(uow, order.id):
                raise BusinessRuleViolation(msg("{order} waits for goods (a backorder); it can be picked once they "
                                                "arrive.", order=order_number(order.id)))
            if tgt is Status.SHIPPED:
                per_product: dict[int, int] = defaultdict(int)
                for ln in uow.orders.lines(order.id):
                    per_product[ln.product_id] += ln.quantity
                for pid in sorted(per_product):
                    if not uow.stock.consume(pid, per_product[pid]):
                        raise BusinessRuleViolation(msg("product {product}: the reservation is smaller than the "
                                                        "shipment", product=pid))
                uow.stock.add_moves([dict(product_id=pid, kind="ship", on_hand_delta=-q, reserved_delta=-q,
                                          order_id=order.id, reference=order.tracking_number or "",
                                          user_id=actor.user_id) for pid, q in sorted(per_product.items())])
                ledger_posting.post_shipment(uow, actor, order.id, sorted(per_product.items()))
            uow.orders.update(order.id, {"status": tgt.value})
            uow.orders.add_history(order.id, order.status, tgt, actor.user_id, note)
            if tgt in (Status.SHIPPED, Status.DELIVERED):  # a manual step: no carrier known
                queue_for(uow, MailKind.SHIPMENT if tgt is Status.SHIPPED else MailKind.DELIVERY, order.id,
                          order.customer_id)
            uow.events.add_event(STEP_EVENTS[tgt](order_id=order.id, number=order_number(order.id),
                                                  tracking_number=order.tracking_number),
                                 user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action=f"order.{tgt.value}",
                             entity="order", entity_id=order.id, old={"status": order.status},
                             new={"status": tgt.value, "note": note})
            dto = load_order(uow, order.id)
            uow.commit()
        return dto

    # ---- helpers -------------------------------------------------------------------------------------------
    def _reserve(self, uow, actor, order_id: int, wanted: list[tuple[int, str, int]],
                 reorder_points: dict[int, int] | None = None) -> None:
        reserve_stock(uow, actor, order_id, wanted, reorder_points)

    def _confirmed_event(self, uow, actor, oid, tn, total_minor, currency, line_count) -> None:
        uow.events.add_event(ev.OrderConfirmed(order_id=oid, number=order_number(oid), tracking_number=tn,
                                               lines=line_count, total=str(from_minor(total_minor, currency)),
                                               currency=currency),
                             user_id=actor.user_id)
        uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.confirm", entity="order",
                         entity_id=oid, old={"status": "draft"},
                         new={"status": "confirmed", "tracking_number": tn})

    @staticmethod
    def _new_tracking(uow) -> str:
        for _ in range(10):
            tn = tracking.new_tracking_number()
            if not uow.orders.tracking_exists(tn):
                return tn
        raise RuntimeError("could not draw an unused tracking number")  # 55 random bits: never in practice


def reserve_stock(uow, actor, order_id: int, wanted: list[tuple[int, str, int]],
                  reorder_points: dict[int, int] | None = None) -> None:
    """Reserve every line or raise OutOfStock naming each short SKU (the caller's transaction rolls back).

    Rows are locked in SKU order so that concurrent orders on PostgreSQL never deadlock (one statement for all of
    them: ``StockRepo.try_reserve_all``). Callers reserve as
    the last writes of their transaction: an UPDATE of a stock row holds its row lock until the commit, and
    the popular products are the ones every workstation wants at once, so whatever runs between the
    reservation and the commit makes the others wait. The stock moves are written before the updates for the
    same reason (if a line is short, the whole transaction rolls back, moves included).
    """
    per_product: dict[int, list] = {}
    for pid, sku, qty in wanted:
        per_product.setdefault(pid, [sku, 0])[1] += qty
    in_sku_order = sorted(per_product.items(), key=lambda kv: kv[1][0])
    uow.stock.add_moves([dict(product_id=pid, kind="reserve", reserved_delta=qty, order_id=order_id,
                              user_id=actor.user_id) for pid, (_sku, qty) in in_sku_order])
    shortages: list[Shortage] = []
    low = []
    # each row's conditional UPDATE, in SKU order, in one statement; those not reserved were short: looked at as
    # they are, the order refused
    reserved = uow.stock.try_reserve_all([(pid, qty) for pid, (_sku, qty) in in_sku_order])
    for pid, (sku, qty) in in_sku_order:
        after = reserved.get(pid)
        if shortages and after is None:
            st = uow.stock.get(pid)
            if st.on_hand - st.reserved < qty:
                shortages.append(Shortage(sku, qty, max(st.on_hand - st.reserved, 0)))
            continue
        if after is None:
            st = uow.stock.get(pid)
            shortages.append(Shortage(sku, qty, max(st.on_hand - st.reserved, 0)))
            continue
        if reorder_points is not None:
            rp = reorder_points.get(pid, 0)
            available = after.on_hand - after.reserved
            if available <= rp < available + qty:
                low.append((pid, sku, available))
    if shortages:
        raise OutOfStock(shortages)
    for pid, sku, available in low:
        uow.events.add_event(ev.StockLow(product_id=pid, order_id=order_id, sku=sku, available=available),
                             user_id=None)



def _in_sku_order(wanted: list[tuple[int, str, int]]) -> list[tuple[int, tuple[str, int]]]:
    per_product: dict[int, list] = {}
    for pid, sku, qty in wanted:
        per_product.setdefault(pid, [sku, 0])[1] += qty
    return sorted(((pid, (sku, qty)) for pid, (sku, qty) in per_product.items()), key=lambda kv: kv[1][0])


def shortages(wanted: list[tuple[int, str, int]], available: dict[int, int]) -> list[Shortage]:
    """What of ``wanted`` ((product id, SKU, quantity) each) ``available`` ({product id: units}) cannot cover, in
    SKU order: what ``reserve_stock`` would refuse the order for."""
    return [Shortage(sku, qty, max(available.get(pid, 0), 0)) for pid, (sku, qty) in _in_sku_order(wanted)
            if available.get(pid, 0) < qty]


def reserve_counted(uow, actor, orders: list[tuple[int, list[tuple[int, str, int]]]], available: dict[int, int],
                    reorder_points: dict[int, int] | None = None) -> None:
    """Reserve for a batch of orders, each checked already (``shortages``) against ``available`` as
    ``uow.stock.lock_and_read`` read it in this transaction (the rows stay locked, or on SQLite the database, until
    the commit), the orders before it in the batch taken off: the moves of every order (one executemany), then the
    batch's quantity per product by the conditional UPDATE of ``reserve_stock`` (one executemany: nothing is ever
    oversold, were the check wrong the whole batch rolls back), and the ``StockLow`` events ``reserve_stock`` writes,
    order by order."""
    left = dict(available)
    moves: list[dict] = []
    total: dict[int, int] = defaultdict(int)
    low = []
    for order_id, wanted in orders:
        for pid, (sku, qty) in _in_sku_order(wanted):
            moves.append(dict(product_id=pid, kind="reserve", reserved_delta=qty, order_id=order_id,
                              user_id=actor.user_id))
            total[pid] += qty
            left[pid] -= qty
            if reorder_points is not None:
                rp = reorder_points.get(pid, 0)
                if left[pid] <= rp < left[pid] + qty:
                    low.append((ev.StockLow(product_id=pid, order_id=order_id, sku=sku, available=left[pid]), None))
    uow.stock.add_moves(moves)
    if uow.stock.reserve_many(total) != len(total):
        short = [pid for pid in total if left.get(pid, -1) < 0]
        raise RuntimeError(f"the stock of products {short or sorted(total)} changed under its lock")
    uow.events.add_events(low)
