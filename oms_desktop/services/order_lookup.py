"""Finding an order by what people type or scan (SO-000042, 42, a tracking number), locked or not: one place
that every service uses, so an order is found, refused and locked the same way everywhere."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..domain import tracking
from ..domain.errors import NotFound, ValidationFailed
from ..domain.messages import msg
from ..domain.money import from_minor
from ..domain.orders import Status, bp_to_rate
from ..domain.pricing import Totals
from ..domain.references import Series, order_number, parse_ref
from .cart_pricing import stored_adjustments
from .pricing import price_order_lines
from .dto import AdjustmentDTO, IncentiveDTO, OrderDTO, OrderLineDTO, StatusChangeDTO


class InvalidTrackingNumber(ValidationFailed):
    """A tracking number with a typo: its check character does not match. ``suggestions``: orders whose tracking
    numbers are one typo away (filled by the service desk's lookup: (tracking number, order number, customer))."""

    suggestions: tuple[tuple[str, str, str], ...] = ()


def resolve_order_id(uow: Any, ref: object) -> int:
    """An order id from its number ('SO-000042', '42', 42) or its tracking number; NotFound if there is none."""
    if isinstance(ref, int) and not isinstance(ref, bool):
        if uow.orders.get(ref) is None:
            raise NotFound(msg("No order {order}.", order=order_number(ref)))
        return ref
    text = str(ref or "").strip()
    oid = parse_ref(Series.ORDER, text)
    if oid is not None:
        if uow.orders.get(oid) is None:
            raise NotFound(msg("No order {order}.", order=order_number(oid)))
        return oid
    if tracking.looks_like_tracking(text):
        try:
            tn = tracking.parse_tracking(text)
        except tracking.TrackingNumberError as e:
            raise InvalidTrackingNumber(e.args[0]) from None  # its Message, for the GUI
        found = uow.orders.id_by_tracking(tn)
        if found is None:
            raise NotFound(msg("No order with tracking number {tracking}.", tracking=tn))
        return int(found)
    raise ValidationFailed(msg("'{text}' is neither an order number (SO-000123) nor a tracking number "
                               "(XXXX-XXXX-XXXX)", text=text))


def order_row(uow: Any, ref: object, *, for_update: bool = False) -> Any:
    """The order's row; ``for_update`` locks it until the transaction ends. An id takes one statement."""
    if isinstance(ref, int) and not isinstance(ref, bool):
        row = uow.orders.get(ref, for_update=for_update)
        if row is None:
            raise NotFound(msg("No order {order}.", order=order_number(ref)))
        return row
    return uow.orders.get(resolve_order_id(uow, ref), for_update=for_update)


def load_order(uow: Any, order_id: int, *, customer_name: str | None = None,
               created_by: str | None = None) -> OrderDTO:
    """The order as a DTO; a caller that has just read the customer and knows the creator passes their names
    (``customer_name``, ``created_by``) to spare two queries on the hot path."""
    o = uow.orders.get(order_id)
    lines = uow.orders.lines(order_id)
    stock: dict[int, int] = {}
    if o.status == Status.DRAFT:
        for ln in lines:
            st = uow.stock.get(ln.product_id)
            stock[ln.product_id] = st.on_hand - st.reserved
    history = uow.orders.history(order_id)
    adjustments = uow.carts.adjustments(order_id)
    incentives = uow.carts.incentives(order_id) if o.status == Status.DRAFT else ()
    coupon = uow.promotions.coupon(o.coupon_id) if o.coupon_id else None
    if customer_name is None:
        customer = uow.customers.get(o.customer_id) if o.customer_id is not None else None
        customer_name = customer.name if customer else ""
    if created_by is None:
        creator = uow.users.get(o.created_by) if o.created_by is not None else None
        created_by = creator.username if creator else ""
    return order_dto(o, lines, history, customer_name=customer_name, created_by=created_by, stock=stock,
                     adjustments=adjustments, incentives=incentives, coupon_code=coupon.code if coupon else "")


def order_dto(o: Any, lines: Any, history: Any, *, customer_name: str, created_by: str,
              stock: dict[int, int] | None = None, adjustments: Any = (), incentives: Any = (),
              coupon_code: str = "", totals: Totals | None = None,
              adjustment_dtos: tuple[AdjustmentDTO, ...] | None = None) -> OrderDTO:
    """An order's DTO from its row, its lines, its status history, its allowances and charges and a cart's
    standing incentives (rows, or objects with their fields); ``totals`` when the caller has just priced exactly
    these lines and allowances under the order's policy (placing an order: not priced a second time)."""
    cur = o.currency
    stock = stock or {}
    t = totals if totals is not None else price_order_lines(o, lines, adjustments=stored_adjustments(adjustments,
                                                                                                     cur))
    total = from_minor(o.total_minor, cur)
    line_dtos = tuple(OrderLineDTO(ln.line_no, ln.sku, ln.name, ln.quantity, from_minor(ln.unit_price_minor, cur),
                                   bp_to_rate(ln.tax_rate_bp), bp_to_rate(ln.discount_bp),
                                   from_minor(ln.net_minor, cur), from_minor(ln.tax_minor, cur),
                                   from_minor(ln.net_minor + ln.tax_minor, cur), stock.get(ln.product_id))
                      for ln in lines)
    changes = tuple(StatusChangeDTO(h.from_status, h.to_status, h.at, h.username or "", h.note)
                    for h in history)
    return OrderDTO(id=o.id, number=order_number(o.id), tracking_number=o.tracking_number, status=o.status,
                    channel=o.channel, customer_id=o.customer_id, customer_name=customer_name,
                    currency=cur, net=from_minor(o.net_minor, cur), tax=from_minor(o.tax_minor, cur),
                    total=total, created_at=o.created_at, confirmed_at=o.confirmed_at,
                    created_by=created_by, express=o.express, lines=line_dtos,
                    tax_by_rate=tuple((rate, net, tax) for rate, (net, tax) in t.tax_by_rate.items()),
                    history=changes,
                    adjustments=adjustment_dtos if adjustment_dtos is not None else tuple(
                        AdjustmentDTO(a.kind, a.label, bp_to_rate(a.tax_rate_bp), from_minor(a.amount_minor, cur),
                                      from_minor(a.net_minor, cur), from_minor(a.tax_minor, cur))
                        for a in adjustments),
                    incentives=tuple(IncentiveDTO(i.id, i.effect, i.label, i.note, i.offered_by_name or "",
                                                  i.offered_at, offer_text(i.label, total, cur)) for i in incentives),
                    version=getattr(o, "version", 0) or 0, last_change=getattr(o, "last_change", "") or "",
                    last_change_by=getattr(o, "last_change_by", "") or "",
                    last_change_at=getattr(o, "last_change_at", None),
                    shipping_method=getattr(o, "shipping_method", None), coupon_code=coupon_code,
                    ship_to=getattr(o, "ship_to", "") or "", external_ref=getattr(o, "external_ref", None),
                    prices_include_tax=bool(getattr(o, "prices_include_tax", False)))


def offer_text(label: str, total: Decimal, currency: str, before: Decimal | None = None) -> str:
    """The line an agent reads to the caller about an offer on their cart (the event and the DTO say the same)."""
    what = label[0].lower() + label[1:] if label else "an offer"
    return (f"We can offer you {what}: your order now comes to {total} {currency}"
            + (f" instead of {before} {currency}." if before is not None and before != total else "."))
