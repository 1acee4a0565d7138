"""Cart editing: opening a draft, its customer, lines, quantities and prices, repeating an order. Every change
is a new version of the cart (a change based on an older version is refused, naming who changed it and when),
priced again with the active promotions, its coupon, incentives and shipping (``cart_pricing``), and one event that
the open-carts board and the activity panel show. ``OrderService`` (orders.py) is this plus confirmation and the
order's later moves."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..domain import events as ev
from ..domain.errors import (BusinessRuleViolation, InvalidTransition, NotFound, PermissionDenied, StaleCart,
                             ValidationFailed)
from ..domain.money import from_minor, parse_amount, to_minor
from ..domain.orders import (Channel, Status, bp_to_rate, delivery_label, parse_quantity,
                             parse_rate, rate_to_bp)
from ..domain.pricing import Totals
from ..domain.messages import code, msg, phrase
from ..domain.roles import Perm, can
from .base import ServiceBase
from .cart_pricing import adjustment_rows, cart_adjustments, same_rows
from .pricing import price_order_lines
from .order_lookup import load_order, order_row
from .ports import utc_now as _now
from ..domain.references import order_number
from ..domain import history_notes as notes
from .customers import live_customer
from .dto import Actor, OrderDTO

MAX_LINES = 500


def customer_ship_to(customer) -> str:
    """The delivery address an order of ``customer`` starts with: their shipping address, else their billing one."""
    if customer is None:
        return ""
    return delivery_label(customer.name, customer.shipping_address or customer.billing_address or "")


class CartEditing(ServiceBase):
    # ---- carts ---------------------------------------------------------------------------------------------
    def create_draft(self, actor: Actor, customer_id: int | None = None, channel: str | None = None) -> OrderDTO:
        self._require(actor, Perm.ORDER_EDIT, "create orders")
        channel = self._channel(channel)
        with self._uow() as uow:
            customer = live_customer(uow, customer_id) if customer_id is not None else None
            oid = self._insert_order(uow, actor, customer_id, channel, Status.DRAFT)
            uow.orders.update(oid, {"version": 1, "last_change": "opened", "last_change_at": _now(),
                                    "last_change_by": actor.username, "ship_to": customer_ship_to(customer)})
            uow.orders.add_history(oid, None, Status.DRAFT, actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.create", entity="order",
                             entity_id=oid, new={"customer_id": customer_id, "channel": channel})
            dto = load_order(uow, oid)
            uow.events.add_event(ev.CartOpened(order_id=oid, channel=channel, **_cart_facts(dto, actor)),
                                 user_id=actor.user_id)
            uow.commit()
        return dto

    def set_customer(self, actor: Actor, order_ref, customer_id: int | None, *,
                     expected_version: int | None = None) -> OrderDTO:
        self._require(actor, Perm.ORDER_EDIT, "change orders")
        with self._uow() as uow:
            order = locked_draft(uow, order_ref, expected_version)
            customer = live_customer(uow, customer_id) if customer_id is not None else None
            uow.orders.update(order.id, {"customer_id": customer_id, "ship_to": customer_ship_to(customer)})
            change = f"customer {customer.name}" if customer is not None else "no customer"
            reprice(uow, replace(order, customer_id=customer_id), actor, change)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.set_customer",
                             entity="order", entity_id=order.id, old={"customer_id": order.customer_id},
                             new={"customer_id": customer_id})
            dto = load_order(uow, order.id)
            uow.events.add_event(ev.CartUpdated(order_id=order.id, change=change, **_cart_facts(dto, actor)),
                                 user_id=actor.user_id)
            uow.commit()
        return dto

    def add_line(self, actor: Actor, order_ref, sku: str, quantity=1, *, unit_price=None,
                 discount=None, expected_version: int | None = None) -> OrderDTO:
        """Add a product (by SKU or barcode) to a draft; the same product at the same price bumps the quantity.

        A price other than the catalog's, or a discount above the company limit, needs price-override rights
        and leaves an audit row.
        """
        self._require(actor, Perm.ORDER_EDIT, "change orders")
        qty = parse_quantity(quantity, sku=sku)
        currency = self.company.currency
        price = parse_amount(unit_price, currency, field="unit price") if unit_price not in (None, "") else None
        disc = parse_rate(discount, field=phrase("discount")) if discount not in (None, "") else Decimal(0)
        with self._uow() as uow:
            order = locked_draft(uow, order_ref, expected_version)
            product = self._product(uow, sku)
            catalog_price = from_minor(product.unit_price_minor, currency)
            overridden = (price is not None and price != catalog_price) or disc > self.company.discount_limit
            if overridden and not can(actor.role, Perm.PRICE_OVERRIDE):
                what = (msg("sell {sku} at {price} instead of {catalog_price}", sku=product.sku, price=price,
                            catalog_price=catalog_price) if price is not None and price != catalog_price else
                        msg("give a {discount} discount (the limit is {limit})", discount=f"{disc:.0%}",
                            limit=f"{self.company.discount_limit:.0%}"))
                raise PermissionDenied(msg("{user} ({role}) may not {what}; a manager must approve it.",
                                           user=actor.username, role=code(actor.role), what=what))
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
                    raise BusinessRuleViolation(msg("An order has at most {maximum} lines; start a second order.",
                                                    maximum=MAX_LINES))
                line_no = max((ln.line_no for ln in lines), default=0) + 1
                uow.orders.add_line(dict(order_id=order.id, line_no=line_no, product_id=product.id, sku=product.sku,
                                         name=product.name, quantity=qty, unit_price_minor=unit_minor,
                                         tax_rate_bp=product.tax_rate_bp, discount_bp=rate_to_bp(disc)))
            reprice(uow, order, actor, f"added {qty} x {product.sku}")
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
            uow.events.add_event(ev.CartItemAdded(order_id=order.id, product_id=product.id, sku=product.sku,
                                                  name=product.name, quantity=qty, customer_id=order.customer_id,
                                                  agent=actor.username, channel=order.channel,
                                                  **_cart_facts(dto, actor)),
                                 user_id=actor.user_id)
            uow.commit()
        return dto

    def set_line_quantity(self, actor: Actor, order_ref, line_no: int, quantity, *,
                          expected_version: int | None = None) -> OrderDTO:
        self._require(actor, Perm.ORDER_EDIT, "change orders")
        with self._uow() as uow:
            order = locked_draft(uow, order_ref, expected_version)
            line = next((ln for ln in uow.orders.lines(order.id) if ln.line_no == line_no), None)
            if line is None:
                raise NotFound(msg("{order} has no line {line}.", order=order_number(order.id), line=line_no))
            qty = parse_quantity(quantity, sku=line.sku, allow_zero=True)
            if qty == 0:
                uow.orders.delete_line(order.id, line_no)
                change = f"removed {line.quantity} x {line.sku}"
            else:
                uow.orders.update_line(order.id, line_no, {"quantity": qty})
                change = f"{line.sku} {line.quantity} -> {qty}"
            reprice(uow, order, actor, change)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.set_quantity",
                             entity="order", entity_id=order.id, old={"line_no": line_no, "quantity": line.quantity},
                             new={"line_no": line_no, "quantity": qty})
            dto = load_order(uow, order.id)
            facts = _cart_facts(dto, actor)
            uow.events.add_event(
                ev.CartItemRemoved(order_id=order.id, product_id=line.product_id, sku=line.sku,
                                   quantity=line.quantity, **facts) if qty == 0 else
                ev.CartQuantityChanged(order_id=order.id, product_id=line.product_id, sku=line.sku,
                                       old_quantity=line.quantity, quantity=qty, **facts),
                user_id=actor.user_id)
            uow.commit()
        return dto

    def remove_line(self, actor: Actor, order_ref, line_no: int, *, expected_version: int | None = None) -> OrderDTO:
        return self.set_line_quantity(actor, order_ref, line_no, 0, expected_version=expected_version)

    def set_line_price(self, actor: Actor, order_ref, line_no: int, unit_price=None, discount=None, *,
                       expected_version: int | None = None) -> OrderDTO:
        """Change a draft line's unit price or discount; beyond the catalog price or the discount limit this is a
        price override: it needs the right and leaves an audit row."""
        self._require(actor, Perm.ORDER_EDIT, "change orders")
        with self._uow() as uow:
            order = locked_draft(uow, order_ref, expected_version)
            cur = order.currency
            line = next((ln for ln in uow.orders.lines(order.id) if ln.line_no == line_no), None)
            if line is None:
                raise NotFound(msg("{order} has no line {line}.", order=order_number(order.id), line=line_no))
            product = uow.products.get(line.product_id)
            assert product is not None  # an order line's product is never deleted
            price = (parse_amount(unit_price, cur, field="unit price") if unit_price not in (None, "")
                     else from_minor(line.unit_price_minor, cur))
            disc = (parse_rate(discount, field=phrase("discount")) if discount not in (None, "")
                    else bp_to_rate(line.discount_bp))
            catalog_price = from_minor(product.unit_price_minor, cur)
            if (price != catalog_price or disc > self.company.discount_limit) and \
                    not can(actor.role, Perm.PRICE_OVERRIDE):
                raise PermissionDenied(msg("{user} ({role}) may not change the price of {sku} (catalog "
                                           "{catalog_price}, discount limit {limit}); a manager must approve it.",
                                           user=actor.username, role=code(actor.role), sku=line.sku,
                                           catalog_price=catalog_price,
                                           limit=f"{self.company.discount_limit:.0%}"))
            uow.orders.update_line(order.id, line_no, {"unit_price_minor": to_minor(price, cur),
                                                       "discount_bp": rate_to_bp(disc)})
            change = f"{line.sku} at {price}" + (f" less {disc:.0%}" if disc else "")
            reprice(uow, order, actor, change)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.price_override",
                             entity="order", entity_id=order.id,
                             old={"line_no": line_no, "unit_price": str(from_minor(line.unit_price_minor, cur)),
                                  "discount": str(bp_to_rate(line.discount_bp))},
                             new={"line_no": line_no, "unit_price": str(price), "discount": str(disc)})
            dto = load_order(uow, order.id)
            uow.events.add_event(ev.CartUpdated(order_id=order.id, change=change, **_cart_facts(dto, actor)),
                                 user_id=actor.user_id)
            uow.commit()
        return dto

    def repeat_order(self, actor: Actor, source_ref, *, channel: str | None = None) -> OrderDTO:
        """A new draft for the same customer with the lines of an earlier order, at today's catalog prices."""
        self._require(actor, Perm.ORDER_EDIT, "create orders")
        channel = self._channel(channel)
        with self._uow() as uow:
            source = order_row(uow, source_ref)
            lines = uow.orders.lines(source.id)
            products = {}
            for ln in lines:
                product = uow.products.get(ln.product_id)
                assert product is not None  # an order line's product is never deleted
                products[ln.product_id] = product
            sold = [ln for ln in lines if products[ln.product_id].active]
            if not sold:
                raise BusinessRuleViolation(msg("None of the products of {order} is still sold.",
                                                order=order_number(source.id)))
            oid = self._insert_order(uow, actor, source.customer_id, channel, Status.DRAFT,
                                     ship_to=getattr(source, "ship_to", "") or "")
            uow.orders.add_history(oid, None, Status.DRAFT, actor.user_id,
                                   notes.note(notes.REPEAT_OF, order=order_number(source.id)))
            uow.orders.add_lines([dict(order_id=oid, line_no=i, product_id=ln.product_id, sku=ln.sku,
                                       name=products[ln.product_id].name, quantity=ln.quantity,
                                       unit_price_minor=products[ln.product_id].unit_price_minor,
                                       tax_rate_bp=products[ln.product_id].tax_rate_bp, discount_bp=0)
                                  for i, ln in enumerate(sold, start=1)])
            order = uow.orders.get(oid)
            reprice(uow, order, actor, notes.note(notes.REPEAT_OF, order=order_number(source.id)))
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.repeat", entity="order",
                             entity_id=oid, new={"source": order_number(source.id), "lines": len(sold)})
            dto = load_order(uow, oid)
            facts = _cart_facts(dto, actor)
            uow.events.add_event(ev.CartOpened(order_id=oid, channel=channel, **facts), user_id=actor.user_id)
            for ln in sold:
                uow.events.add_event(ev.CartItemAdded(order_id=oid, product_id=ln.product_id, sku=ln.sku,
                                                      name=ln.name, quantity=ln.quantity,
                                                      customer_id=source.customer_id, agent=actor.username,
                                                      channel=channel, **facts),
                                     user_id=actor.user_id)
            uow.commit()
        return dto

    # ---- shared with confirmation -------------------------------------------------------------------------
    def _channel(self, channel: str | None) -> str:
        try:
            return Channel(channel or self.company.default_channel).value
        except ValueError:
            raise ValidationFailed(msg("channel '{channel}' is unknown (choose one of: {choices})", channel=channel,
                                       choices=", ".join(c.value for c in Channel))) from None

    def _insert_order(self, uow, actor, customer_id, channel, status, *, tracking_number=None, express=False,
                      net=Decimal(0), tax=Decimal(0), total=Decimal(0), ship_to: str = "") -> int:
        return uow.orders.add(dict(self._order_values(actor, customer_id, channel, status,
                                                      tracking_number=tracking_number, express=express, net=net,
                                                      tax=tax, total=total), ship_to=ship_to))

    def _order_values(self, actor, customer_id, channel, status, *, tracking_number=None, express=False,
                      net=Decimal(0), tax=Decimal(0), total=Decimal(0)) -> dict:
        c = self.company
        return dict(
            tracking_number=tracking_number, customer_id=customer_id, channel=channel, status=status.value,
            currency=c.currency, net_minor=to_minor(net, c.currency), tax_minor=to_minor(tax, c.currency),
            total_minor=to_minor(total, c.currency), prices_include_tax=c.prices_include_tax,
            tax_rounding=c.tax_rounding, express=express, created_by=actor.user_id,
            confirmed_at=_now() if status is Status.CONFIRMED else None)

    def _product(self, uow, sku_or_barcode: str):
        key = str(sku_or_barcode).strip()
        if not key:
            raise ValidationFailed(msg("SKU is empty"))
        row = uow.products.by_sku(key.upper()) or uow.products.by_barcode(key)
        if row is None:
            raise NotFound(msg("Unknown SKU or barcode '{key}'.", key=key))
        if not row.active:
            raise BusinessRuleViolation(msg("{sku} is no longer sold.", sku=row.sku))
        return row


def locked_draft(uow, order_ref, expected_version: int | None = None):
    """The draft, locked; refused if it is no longer a draft or changed since ``expected_version``."""
    order = order_row(uow, order_ref, for_update=True)
    if order.status != Status.DRAFT:
        raise InvalidTransition(msg("{order} is {status}; only a draft can be changed.", order=order_number(order.id),
                                    status=code(order.status)))
    if expected_version is not None and order.version != expected_version:
        raise stale_cart(order)
    return order


def reprice(uow, order, actor: Actor | None, change: str, *, lines=None, coupon_row=None,
            refuse_coupon: bool = False) -> Totals:
    """Price the draft again (lines, promotions, coupon, incentives, shipping) and store what changed; with an
    ``actor`` the change is a new version of the cart (``change`` says what, the board shows it); with
    ``refuse_coupon`` a coupon the cart cannot use is refused (``CouponRefused``) before anything is written."""
    lines = uow.orders.lines(order.id) if lines is None else lines
    cur = order.currency
    adjs = cart_adjustments(uow, order, lines, coupon_row=coupon_row, refuse_coupon=refuse_coupon)
    t = price_order_lines(order, lines, adjustments=adjs)
    for ln, la in zip(lines, t.lines):
        if (ln.net_minor, ln.tax_minor) != (to_minor(la.net, cur), to_minor(la.tax, cur)):
            uow.orders.update_line(order.id, ln.line_no, {"net_minor": to_minor(la.net, cur),
                                                          "tax_minor": to_minor(la.tax, cur)})
    rows = adjustment_rows(adjs, t, cur)
    if not same_rows(uow.carts.adjustments(order.id), rows):
        uow.carts.replace_adjustments(order.id, rows)
    values: dict[str, object] = {"net_minor": to_minor(t.net, cur), "tax_minor": to_minor(t.tax, cur),
                                 "total_minor": to_minor(t.total, cur)}
    if actor is not None:
        values.update(version=(order.version or 0) + 1, last_change=change[:200], last_change_at=_now(),
                      last_change_by=actor.username)
    uow.orders.update(order.id, values)
    return t


def stale_cart(order) -> StaleCart:
    when = order.last_change_at.astimezone().strftime("%H:%M:%S") if order.last_change_at else msg("just now")
    who = order.last_change_by or msg("someone")
    text = msg("{order} was changed by {who} at {when} ({what}) after you last saw it; look at it again and repeat "
               "what you did.", order=order_number(order.id), who=who, when=when, what=order.last_change) \
        if order.last_change else \
        msg("{order} was changed by {who} at {when} after you last saw it; look at it again and repeat what you did.",
            order=order_number(order.id), who=who, when=when)
    return StaleCart(text, order_id=order.id, version=order.version)



def _cart_facts(dto: OrderDTO, actor: Actor) -> dict:
    """What every cart event says: customer, value after the change, version, who."""
    return dict(customer=dto.customer_name, value=str(dto.total), currency=dto.currency, cart_version=dto.version,
                by=actor.username)
