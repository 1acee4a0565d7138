"""Orders: carts (drafts), lines, confirmation with atomic reservation, tracking numbers, status moves, cancel."""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from types import SimpleNamespace

from ..domain import events as ev
from ..domain import tracking
from ..domain.errors import (BusinessRuleViolation, InvalidTransition, NotFound, OutOfStock, PermissionDenied,
                             Shortage, ValidationFailed)
from ..domain.money import from_minor, parse_amount, to_minor
from ..domain.orders import (HOLDS_RESERVATION, Channel, Status, bp_to_rate, check_transition, parse_quantity,
                             parse_rate, rate_to_bp)
from ..domain.pricing import PricingPolicy, TaxRounding, price, stored_line
from ..domain.roles import Perm, can
from . import ledger_posting
from .base import ServiceBase
from .pricing import price_order_lines
from .order_lookup import load_order, order_dto, order_row, resolve_order_id
from .ports import utc_now as _now
from ..domain.references import order_number
from .dto import Actor, OrderDTO, OrderSummaryDTO

MAX_LINES = 500
STEP_EVENTS: dict[Status, type[ev.OrderPicking] | type[ev.OrderPacked] | type[ev.OrderShipped]
                  | type[ev.OrderDelivered]] = {
    Status.PICKING: ev.OrderPicking, Status.PACKED: ev.OrderPacked, Status.SHIPPED: ev.OrderShipped,
    Status.DELIVERED: ev.OrderDelivered}
"""The event a manual warehouse step (``transition``) writes."""


class OrderService(ServiceBase):
    # ---- reading -------------------------------------------------------------------------------------------
    def get_order(self, actor: Actor, ref) -> OrderDTO:
        self._require(actor, Perm.VIEW, "view orders")
        with self._uow(write=False) as uow:
            return load_order(uow, resolve_order_id(uow, ref))

    def list_orders(self, actor: Actor, *, status: str | None = None, customer_id: int | None = None,
                    limit: int = 50, offset: int = 0) -> list[OrderSummaryDTO]:
        self._require(actor, Perm.VIEW, "view orders")
        if status is not None:
            try:
                status = Status(status).value
            except ValueError:
                raise ValidationFailed(f"status '{status}' is unknown") from None
        with self._uow(write=False) as uow:
            rows = uow.orders.list(status=status, customer_id=customer_id, limit=limit, offset=offset)
        return [OrderSummaryDTO(r.id, order_number(r.id), r.tracking_number, r.status, r.channel,
                                r.customer_name or "", from_minor(r.total_minor, r.currency), r.currency,
                                r.created_at, r.line_count) for r in rows]

    def open_drafts(self, actor: Actor, limit: int = 100) -> list[OrderSummaryDTO]:
        return self.list_orders(actor, status=Status.DRAFT, limit=limit)

    # ---- carts ---------------------------------------------------------------------------------------------
    def create_draft(self, actor: Actor, customer_id: int | None = None, channel: str | None = None) -> OrderDTO:
        self._require(actor, Perm.ORDER_EDIT, "create orders")
        channel = self._channel(channel)
        with self._uow() as uow:
            if customer_id is not None and uow.customers.get(customer_id) is None:
                raise NotFound(f"No customer number {customer_id}.")
            oid = self._insert_order(uow, actor, customer_id, channel, Status.DRAFT)
            uow.orders.add_history(oid, None, Status.DRAFT, actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.create", entity="order",
                             entity_id=oid, new={"customer_id": customer_id, "channel": channel})
            dto = load_order(uow, oid)
            uow.commit()
        return dto

    def set_customer(self, actor: Actor, order_ref, customer_id: int | None) -> OrderDTO:
        self._require(actor, Perm.ORDER_EDIT, "change orders")
        with self._uow() as uow:
            order = self._draft(uow, order_ref)
            if customer_id is not None and uow.customers.get(customer_id) is None:
                raise NotFound(f"No customer number {customer_id}.")
            uow.orders.update(order.id, {"customer_id": customer_id})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.set_customer",
                             entity="order", entity_id=order.id, old={"customer_id": order.customer_id},
                             new={"customer_id": customer_id})
            dto = load_order(uow, order.id)
            uow.commit()
        return dto

    def add_line(self, actor: Actor, order_ref, sku: str, quantity=1, *, unit_price=None,
                 discount=None) -> OrderDTO:
        """Add a product (by SKU or barcode) to a draft; the same product at the same price bumps the quantity.

        A price other than the catalog's, or a discount above the company limit, needs price-override rights
        and leaves an audit row.
        """
        self._require(actor, Perm.ORDER_EDIT, "change orders")
        qty = parse_quantity(quantity, sku=sku)
        currency = self.company.currency
        price = parse_amount(unit_price, currency, field="unit price") if unit_price not in (None, "") else None
        disc = parse_rate(discount, field="discount") if discount not in (None, "") else Decimal(0)
        with self._uow() as uow:
            order = self._draft(uow, order_ref)
            product = self._product(uow, sku)
            catalog_price = from_minor(product.unit_price_minor, currency)
            overridden = (price is not None and price != catalog_price) or disc > self.company.discount_limit
            if overridden and not can(actor.role, Perm.PRICE_OVERRIDE):
                what = (f"sell {product.sku} at {price} instead of {catalog_price}" if price is not None
                        and price != catalog_price else
                        f"give a {disc:.0%} discount (the limit is {self.company.discount_limit:.0%})")
                raise PermissionDenied(f"{actor.username} ({actor.role}) may not {what}; a manager must approve it.")
            unit_minor = to_minor(price, currency) if price is not None else product.unit_price_minor
            lines = uow.orders.lines(order.id)
            same = next((ln for ln in lines if ln.product_id == product.id and ln.unit_price_minor == unit_minor
                         and ln.discount_bp == rate_to_bp(disc)), None)
            if same is not None:
                new_qty = parse_quantity(same.quantity + qty, sku=product.sku)
                uow.orders.update_line(order.id, same.line_no, {"quantity": new_qty})
                line_no = same.line_no
            else:
                if len(lines) >= MAX_LINES:
                    raise BusinessRuleViolation(f"An order has at most {MAX_LINES} lines; start a second order.")
                line_no = max((ln.line_no for ln in lines), default=0) + 1
                uow.orders.add_line(dict(order_id=order.id, line_no=line_no, product_id=product.id, sku=product.sku,
                                         name=product.name, quantity=qty, unit_price_minor=unit_minor,
                                         tax_rate_bp=product.tax_rate_bp, discount_bp=rate_to_bp(disc)))
            self._recompute(uow, order)
            uow.events.add_event(ev.CartItemAdded(order_id=order.id, product_id=product.id, sku=product.sku,
                                                  name=product.name, quantity=qty, customer_id=order.customer_id,
                                                  agent=actor.username, channel=order.channel),
                                 user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.add_line", entity="order",
                             entity_id=order.id, new={"line_no": line_no, "sku": product.sku, "quantity": qty,
                                                      "unit_price": str(from_minor(unit_minor, currency)),
                                                      "discount": str(disc)})
            if overridden:
                uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.price_override",
                                 entity="order", entity_id=order.id,
                                 old={"unit_price": str(catalog_price)},
                                 new={"sku": product.sku, "unit_price": str(from_minor(unit_minor, currency)),
                                      "discount": str(disc)})
            dto = load_order(uow, order.id)
            uow.commit()
        return dto

    def set_line_quantity(self, actor: Actor, order_ref, line_no: int, quantity) -> OrderDTO:
        self._require(actor, Perm.ORDER_EDIT, "change orders")
        with self._uow() as uow:
            order = self._draft(uow, order_ref)
            line = next((ln for ln in uow.orders.lines(order.id) if ln.line_no == line_no), None)
            if line is None:
                raise NotFound(f"{order_number(order.id)} has no line {line_no}.")
            qty = parse_quantity(quantity, sku=line.sku, allow_zero=True)
            if qty == 0:
                uow.orders.delete_line(order.id, line_no)
            else:
                uow.orders.update_line(order.id, line_no, {"quantity": qty})
            self._recompute(uow, order)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.set_quantity",
                             entity="order", entity_id=order.id, old={"line_no": line_no, "quantity": line.quantity},
                             new={"line_no": line_no, "quantity": qty})
            dto = load_order(uow, order.id)
            uow.commit()
        return dto

    def remove_line(self, actor: Actor, order_ref, line_no: int) -> OrderDTO:
        return self.set_line_quantity(actor, order_ref, line_no, 0)

    def set_line_price(self, actor: Actor, order_ref, line_no: int, unit_price=None, discount=None) -> OrderDTO:
        """Change a draft line's unit price or discount; beyond the catalog price or the discount limit this is a
        price override: it needs the right and leaves an audit row."""
        self._require(actor, Perm.ORDER_EDIT, "change orders")
        with self._uow() as uow:
            order = self._draft(uow, order_ref)
            cur = order.currency
            line = next((ln for ln in uow.orders.lines(order.id) if ln.line_no == line_no), None)
            if line is None:
                raise NotFound(f"{order_number(order.id)} has no line {line_no}.")
            product = uow.products.get(line.product_id)
            price = (parse_amount(unit_price, cur, field="unit price") if unit_price not in (None, "")
                     else from_minor(line.unit_price_minor, cur))
            disc = (parse_rate(discount, field="discount") if discount not in (None, "")
                    else bp_to_rate(line.discount_bp))
            catalog_price = from_minor(product.unit_price_minor, cur)
            if (price != catalog_price or disc > self.company.discount_limit) and \
                    not can(actor.role, Perm.PRICE_OVERRIDE):
                raise PermissionDenied(f"{actor.username} ({actor.role}) may not change the price of {line.sku} "
                                       f"(catalog {catalog_price}, discount limit "
                                       f"{self.company.discount_limit:.0%}); a manager must approve it.")
            uow.orders.update_line(order.id, line_no, {"unit_price_minor": to_minor(price, cur),
                                                       "discount_bp": rate_to_bp(disc)})
            self._recompute(uow, order)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.price_override",
                             entity="order", entity_id=order.id,
                             old={"line_no": line_no, "unit_price": str(from_minor(line.unit_price_minor, cur)),
                                  "discount": str(bp_to_rate(line.discount_bp))},
                             new={"line_no": line_no, "unit_price": str(price), "discount": str(disc)})
            dto = load_order(uow, order.id)
            uow.commit()
        return dto

    def repeat_order(self, actor: Actor, source_ref, *, channel: str | None = None) -> OrderDTO:
        """A new draft for the same customer with the lines of an earlier order, at today's catalog prices."""
        self._require(actor, Perm.ORDER_EDIT, "create orders")
        channel = self._channel(channel)
        with self._uow() as uow:
            source = order_row(uow, source_ref)
            lines = uow.orders.lines(source.id)
            products = {ln.product_id: uow.products.get(ln.product_id) for ln in lines}
            sold = [ln for ln in lines if products[ln.product_id].active]
            if not sold:
                raise BusinessRuleViolation(f"None of the products of {order_number(source.id)} is still sold.")
            oid = self._insert_order(uow, actor, source.customer_id, channel, Status.DRAFT)
            uow.orders.add_history(oid, None, Status.DRAFT, actor.user_id, f"repeat of {order_number(source.id)}")
            uow.orders.add_lines([dict(order_id=oid, line_no=i, product_id=ln.product_id, sku=ln.sku,
                                       name=products[ln.product_id].name, quantity=ln.quantity,
                                       unit_price_minor=products[ln.product_id].unit_price_minor,
                                       tax_rate_bp=products[ln.product_id].tax_rate_bp, discount_bp=0)
                                  for i, ln in enumerate(sold, start=1)])
            order = uow.orders.get(oid)
            self._recompute(uow, order)
            for ln in sold:
                uow.events.add_event(ev.CartItemAdded(order_id=oid, product_id=ln.product_id, sku=ln.sku,
                                                      name=ln.name, quantity=ln.quantity,
                                                      customer_id=source.customer_id, agent=actor.username,
                                                      channel=channel),
                                     user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.repeat", entity="order",
                             entity_id=oid, new={"source": order_number(source.id), "lines": len(sold)})
            dto = load_order(uow, oid)
            uow.commit()
        return dto

    # ---- confirmation --------------------------------------------------------------------------------------
    def confirm_order(self, actor: Actor, order_ref) -> OrderDTO:
        """Reserve stock for every line or for none, assign a tracking number, and tell the warehouse."""
        self._require(actor, Perm.ORDER_EDIT, "confirm orders")
        with self._uow() as uow:
            order = order_row(uow, order_ref, for_update=True)
            check_transition(order.status, Status.CONFIRMED, order_number(order.id))
            lines = uow.orders.lines(order.id)
            if not lines:
                raise BusinessRuleViolation(f"{order_number(order.id)} has no lines; add products first.")
            tn = self._new_tracking(uow)
            uow.orders.update(order.id, {"status": Status.CONFIRMED.value, "tracking_number": tn,
                                         "confirmed_at": _now()})
            uow.orders.add_history(order.id, order.status, Status.CONFIRMED, actor.user_id)
            self._confirmed_event(uow, actor, order.id, tn, order.total_minor, order.currency, len(lines))
            dto = load_order(uow, order.id)
            # last, right before the commit: the stock rows stay locked for as short as possible (see _reserve)
            self._reserve(uow, actor, order.id, [(ln.product_id, ln.sku, ln.quantity) for ln in lines],
                          reorder_points={pid: p.reorder_point for pid, p in
                                          uow.products.by_ids(ln.product_id for ln in lines).items()})
            uow.commit()
        return dto

    def place_order(self, actor: Actor, customer_id: int | None, lines, *, channel: str | None = None,
                    express: bool = False) -> OrderDTO:
        """Create and confirm an order in one transaction (CLI, imports): all of it happens, or none of it."""
        self._require(actor, Perm.ORDER_EDIT, "place orders")
        channel = self._channel(channel)
        wanted: dict[str, int] = defaultdict(int)
        problems = []
        for sku, qty in lines:
            try:
                wanted[str(sku).strip().upper()] += parse_quantity(qty, sku=str(sku).strip().upper())
            except ValidationFailed as e:
                problems.extend(e.problems)
        if not wanted and not problems:
            problems.append("an order needs at least one line (SKU=QTY)")
        if problems:
            raise ValidationFailed(problems)
        company = self.company
        with self._uow() as uow:
            customer = uow.customers.get(customer_id) if customer_id is not None else None
            if customer_id is not None and customer is None:
                raise NotFound(f"No customer number {customer_id}.")
            products = uow.products.by_skus(wanted)
            unknown = [s for s in wanted if s not in products]
            if unknown:
                raise NotFound(f"Unknown SKU(s): {', '.join(unknown)}.")
            inactive = [s for s in wanted if not products[s].active]
            if inactive:
                raise BusinessRuleViolation(f"No longer sold: {', '.join(inactive)}.")
            # Short already by the stock just read: refused before anything is written. (Only a refusal is decided
            # here; whether the units can be had is decided by the reservation's conditional UPDATE at the end.)
            available = {s: products[s].on_hand - products[s].reserved for s in wanted}
            short = [Shortage(s, q, max(available[s], 0)) for s, q in sorted(wanted.items()) if available[s] < q]
            if short:
                raise OutOfStock(short)
            priced = [stored_line(sku, q, products[sku].unit_price_minor, products[sku].tax_rate_bp, 0,
                                  company.currency) for sku, q in wanted.items()]
            totals = price(priced, PricingPolicy(company.currency, company.prices_include_tax,
                                                 TaxRounding(company.tax_rounding)))
            now = _now()
            values = self._order_values(actor, customer_id, channel, Status.CONFIRMED, express=express,
                                        net=totals.net, tax=totals.tax, total=totals.total)
            values.update(created_at=now, updated_at=now, confirmed_at=now)
            for _ in range(10):  # 55 random bits: a number already taken is drawn again, practically never
                values["tracking_number"] = tn = tracking.new_tracking_number()
                oid = uow.orders.add_unless_tracking_taken(values)
                if oid is not None:
                    break
            else:
                raise RuntimeError("could not draw an unused tracking number")
            line_rows = [
                dict(order_id=oid, line_no=i, product_id=products[pl.sku].id, sku=pl.sku, name=products[pl.sku].name,
                     quantity=pl.quantity, unit_price_minor=products[pl.sku].unit_price_minor,
                     tax_rate_bp=products[pl.sku].tax_rate_bp, discount_bp=0,
                     net_minor=to_minor(la.net, company.currency), tax_minor=to_minor(la.tax, company.currency))
                for i, (pl, la) in enumerate(zip(priced, totals.lines), start=1)]
            uow.orders.add_lines(line_rows)
            uow.orders.add_history(oid, None, Status.CONFIRMED, actor.user_id, "placed", at=now)
            self._confirmed_event(uow, actor, oid, tn, to_minor(totals.total, company.currency), company.currency,
                                  len(wanted))
            # The DTO from what was just written (no read-back): the rows as the database now holds them.
            dto = order_dto(SimpleNamespace(id=oid, **values), [SimpleNamespace(**r) for r in line_rows],
                                  [SimpleNamespace(from_status=None, to_status=Status.CONFIRMED.value, at=now,
                                                   username=actor.username, note="placed")],
                                  customer_name=customer.name if customer else "", created_by=actor.username)
            # last, right before the commit: the stock rows stay locked for as short as possible (see _reserve)
            self._reserve(uow, actor, oid, [(products[s].id, s, q) for s, q in wanted.items()],
                          reorder_points={products[s].id: products[s].reorder_point for s in wanted})
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
                for pid in sorted(per_product):
                    uow.stock.release(pid, per_product[pid])
                    released.append(pid)
                uow.stock.add_moves([dict(product_id=pid, kind="release", reserved_delta=-per_product[pid],
                                          order_id=order.id, reason="order cancelled", user_id=actor.user_id)
                                     for pid in sorted(per_product)])
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
            uow.commit()
        return dto

    def advance_order(self, actor: Actor, order_ref, target: str, note: str = "") -> OrderDTO:
        """Move a confirmed order through picking, packed, shipped (stock leaves: moves) and delivered."""
        self._require(actor, Perm.WAREHOUSE, "move orders through the warehouse")
        try:
            tgt = Status(target)
        except ValueError:
            raise ValidationFailed(f"status '{target}' is unknown") from None
        if tgt in (Status.CANCELLED, Status.DRAFT, Status.CONFIRMED, Status.RETURNED):
            raise InvalidTransition(f"Use the {tgt} action for that, not a warehouse step.")
        with self._uow() as uow:
            order = order_row(uow, order_ref, for_update=True)
            check_transition(order.status, tgt, order_number(order.id))
            if uow.picking.has_pick_history(order.id):
                raise InvalidTransition(f"{order_number(order.id)} is handled on a pick list; use the warehouse "
                                        "steps (confirm picks, pack, ship, deliver) instead.")
            if tgt is Status.SHIPPED:
                per_product: dict[int, int] = defaultdict(int)
                for ln in uow.orders.lines(order.id):
                    per_product[ln.product_id] += ln.quantity
                for pid in sorted(per_product):
                    if not uow.stock.consume(pid, per_product[pid]):
                        raise BusinessRuleViolation(f"product {pid}: the reservation is smaller than the shipment")
                uow.stock.add_moves([dict(product_id=pid, kind="ship", on_hand_delta=-q, reserved_delta=-q,
                                          order_id=order.id, reference=order.tracking_number or "",
                                          user_id=actor.user_id) for pid, q in sorted(per_product.items())])
                ledger_posting.post_shipment(uow, actor, order.id, sorted(per_product.items()))
            uow.orders.update(order.id, {"status": tgt.value})
            uow.orders.add_history(order.id, order.status, tgt, actor.user_id, note)
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
    def _channel(self, channel: str | None) -> str:
        try:
            return Channel(channel or self.company.default_channel).value
        except ValueError:
            raise ValidationFailed(f"channel '{channel}' is unknown (choose one of: "
                                   f"{', '.join(c.value for c in Channel)})") from None

    def _insert_order(self, uow, actor, customer_id, channel, status, *, tracking_number=None, express=False,
                      net=Decimal(0), tax=Decimal(0), total=Decimal(0)) -> int:
        return uow.orders.add(self._order_values(actor, customer_id, channel, status, tracking_number=tracking_number,
                                                 express=express, net=net, tax=tax, total=total))

    def _order_values(self, actor, customer_id, channel, status, *, tracking_number=None, express=False,
                      net=Decimal(0), tax=Decimal(0), total=Decimal(0)) -> dict:
        c = self.company
        return dict(
            tracking_number=tracking_number, customer_id=customer_id, channel=channel, status=status.value,
            currency=c.currency, net_minor=to_minor(net, c.currency), tax_minor=to_minor(tax, c.currency),
            total_minor=to_minor(total, c.currency), prices_include_tax=c.prices_include_tax,
            tax_rounding=c.tax_rounding, express=express, created_by=actor.user_id,
            confirmed_at=_now() if status is Status.CONFIRMED else None)

    def _reserve(self, uow, actor, order_id: int, wanted: list[tuple[int, str, int]],
                 reorder_points: dict[int, int] | None = None) -> None:
        """Reserve every line or raise OutOfStock naming each short SKU (the caller's transaction rolls back).

        Rows are updated in SKU order so that concurrent orders on PostgreSQL never deadlock. Callers reserve as
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
        for pid, (sku, qty) in in_sku_order:
            if shortages:
                st = uow.stock.get(pid)
                if st.on_hand - st.reserved < qty:
                    shortages.append(Shortage(sku, qty, max(st.on_hand - st.reserved, 0)))
                continue
            after = uow.stock.try_reserve(pid, qty)
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

    def _product(self, uow, sku_or_barcode: str):
        key = str(sku_or_barcode).strip()
        if not key:
            raise ValidationFailed("SKU is empty")
        row = uow.products.by_sku(key.upper()) or uow.products.by_barcode(key)
        if row is None:
            raise NotFound(f"Unknown SKU or barcode '{key}'.")
        if not row.active:
            raise BusinessRuleViolation(f"{row.sku} is no longer sold.")
        return row

    def _draft(self, uow, order_ref):
        order = order_row(uow, order_ref, for_update=True)
        if order.status != Status.DRAFT:
            raise InvalidTransition(f"{order_number(order.id)} is {order.status}; only a draft can be changed.")
        return order

    def _recompute(self, uow, order) -> None:
        lines = uow.orders.lines(order.id)
        cur = order.currency
        t = price_order_lines(order, lines)
        for ln, la in zip(lines, t.lines):
            if (ln.net_minor, ln.tax_minor) != (to_minor(la.net, cur), to_minor(la.tax, cur)):
                uow.orders.update_line(order.id, ln.line_no, {"net_minor": to_minor(la.net, cur),
                                                              "tax_minor": to_minor(la.tax, cur)})
        uow.orders.update(order.id, {"net_minor": to_minor(t.net, cur), "tax_minor": to_minor(t.tax, cur),
                                     "total_minor": to_minor(t.total, cur)})

