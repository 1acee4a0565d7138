"""Finding an order by what people type or scan (SO-000042, 42, a tracking number), locked or not: one place
that every service uses, so an order is found, refused and locked the same way everywhere."""
from __future__ import annotations

from typing import Any

from ..domain import tracking
from ..domain.errors import NotFound, ValidationFailed
from ..domain.money import from_minor
from ..domain.orders import Status, bp_to_rate
from ..domain.references import Series, order_number, parse_ref
from .pricing import price_order_lines
from .dto import OrderDTO, OrderLineDTO, StatusChangeDTO


class InvalidTrackingNumber(ValidationFailed):
    """A tracking number with a typo: its check character does not match."""


def resolve_order_id(uow: Any, ref: object) -> int:
    """An order id from its number ('SO-000042', '42', 42) or its tracking number; NotFound if there is none."""
    if isinstance(ref, int) and not isinstance(ref, bool):
        if uow.orders.get(ref) is None:
            raise NotFound(f"No order {order_number(ref)}.")
        return ref
    text = str(ref or "").strip()
    oid = parse_ref(Series.ORDER, text)
    if oid is not None:
        if uow.orders.get(oid) is None:
            raise NotFound(f"No order {order_number(oid)}.")
        return oid
    if tracking.looks_like_tracking(text):
        try:
            tn = tracking.parse_tracking(text)
        except tracking.TrackingNumberError as e:
            raise InvalidTrackingNumber(str(e)) from None
        found = uow.orders.id_by_tracking(tn)
        if found is None:
            raise NotFound(f"No order with tracking number {tn}.")
        return int(found)
    raise ValidationFailed(f"'{text}' is neither an order number (SO-000123) nor a tracking number "
                           "(XXXX-XXXX-XXXX)")


def order_row(uow: Any, ref: object, *, for_update: bool = False) -> Any:
    """The order's row; ``for_update`` locks it until the transaction ends. An id takes one statement."""
    if isinstance(ref, int) and not isinstance(ref, bool):
        row = uow.orders.get(ref, for_update=for_update)
        if row is None:
            raise NotFound(f"No order {order_number(ref)}.")
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
    if customer_name is None:
        customer = uow.customers.get(o.customer_id) if o.customer_id is not None else None
        customer_name = customer.name if customer else ""
    if created_by is None:
        creator = uow.users.get(o.created_by) if o.created_by is not None else None
        created_by = creator.username if creator else ""
    return order_dto(o, lines, history, customer_name=customer_name, created_by=created_by, stock=stock)


def order_dto(o: Any, lines: Any, history: Any, *, customer_name: str, created_by: str,
              stock: dict[int, int] | None = None) -> OrderDTO:
    """An order's DTO from its row, its lines and its status history (rows, or objects with their fields)."""
    cur = o.currency
    stock = stock or {}
    t = price_order_lines(o, lines)
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
                    total=from_minor(o.total_minor, cur), created_at=o.created_at, confirmed_at=o.confirmed_at,
                    created_by=created_by, express=o.express, lines=line_dtos,
                    tax_by_rate=tuple((rate, net, tax) for rate, (net, tax) in t.tax_by_rate.items()),
                    history=changes)
