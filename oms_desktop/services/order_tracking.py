"""Tracking: the service desk's look-ups of an order by tracking number, order number or phone, and its timeline."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ..domain import events as ev
from ..domain import tracking
from ..domain.document_states import BackorderStatus, ShipmentStatus
from ..domain.errors import NotFound, ValidationFailed
from ..domain.messages import Joined, msg, phrase
from ..domain.orders import Status
from ..domain.phone import digits_of, phone_key
from ..domain.references import Series, order_number, parse_ref, pick_list_number
from ..domain.roles import Perm
from ..domain import history_notes as notes
from .base import ServiceBase
from .dto import Actor, OrderSummaryDTO
from .order_lookup import InvalidTrackingNumber, load_order, resolve_order_id
from .warehouse_dto import BackorderDTO, OrderTrackingDTO, ReturnDTO, TimelineEntryDTO, shipment_dto, to_kg

FINANCE_EVENTS = {ev.InvoiceIssued.kind: "invoiced", ev.PaymentReceived.kind: "paid",
                  ev.CreditNoteIssued.kind: "credit note", ev.RefundPaid.kind: "refunded"}


class TrackingService(ServiceBase):
    def find_orders(self, actor: Actor, text: str, limit: int = 50) -> list[OrderSummaryDTO]:
        """Orders by tracking number (a typo raises InvalidTrackingNumber), order number, or customer phone."""
        self._require(actor, Perm.VIEW, "look up orders")
        text = (text or "").strip()
        if not text:
            raise ValidationFailed(msg("type a tracking number, an order number or the customer's phone number"))
        with self._uow(write=False) as uow:
            by_number = parse_ref(Series.ORDER, text) is not None and len(digits_of(text)) <= 8
            if by_number or tracking.looks_like_tracking(text):
                try:
                    ids = [resolve_order_id(uow, text)]
                except InvalidTrackingNumber as exc:
                    exc.suggestions = self._near(uow, text)
                    raise
            else:
                key = phone_key(text)
                if len(key) < 5 or len(digits_of(text)) < len(text.replace(" ", "")) * 0.6:
                    raise ValidationFailed(msg("'{text}' is neither a tracking number (XXXX-XXXX-XXXX), an order "
                                               "number (SO-000123) nor a phone number", text=text))
                ids = uow.shipments.orders_of_customers(uow.customers.ids_by_phone_key(key), limit)
                if not ids:
                    raise NotFound(msg("No orders for phone number '{phone}'.", phone=text))
            out = []
            for oid in ids:
                o = uow.orders.get(oid)
                assert o is not None  # the ids came from the orders table in this transaction
                customer = uow.customers.get(o.customer_id) if o.customer_id is not None else None
                out.append(OrderSummaryDTO(o.id, order_number(o.id), o.tracking_number, o.status, o.channel,
                                           customer.name if customer else "", self.money(o.total_minor), o.currency,
                                           o.created_at, len(uow.orders.lines(o.id))))
        return out

    @staticmethod
    def _near(uow, text: str) -> tuple[tuple[str, str, str], ...]:
        """Orders whose tracking number is one typo away from ``text`` (staff only: it names existing orders)."""
        candidates = [tracking.format_tracking(c) for c in tracking.one_symbol_away(text)]
        out = []
        for oid in uow.orders.ids_by_tracking(candidates)[:5]:
            o = uow.orders.get(oid)
            assert o is not None  # the ids came from the orders table in this transaction
            customer = uow.customers.get(o.customer_id) if o.customer_id is not None else None
            out.append((o.tracking_number, order_number(o.id), customer.name if customer else ""))
        return tuple(out)

    def tracking(self, actor: Actor, order_ref) -> OrderTrackingDTO:
        """The order with its timeline (who did what when), shipments, backorders and returns."""
        self._require(actor, Perm.VIEW, "look up orders")
        with self._uow(write=False) as uow:
            return load_tracking(uow, order_ref)


def load_tracking(uow, order_ref) -> OrderTrackingDTO:
    """The order's tracking (see ``TrackingService.tracking``), read in the open unit of work ``uow``."""
    oid = resolve_order_id(uow, order_ref)
    order = load_order(uow, oid)
    shipments = tuple(shipment_dto(uow, s) for s in uow.shipments.shipments_of(oid))
    ship_rows = uow.shipments.shipments_of(oid)
    backorder_rows = uow.shipments.backorders_of(oid)
    return_rows = uow.shipments.returns_of(oid)
    picks = uow.picking.picks_of_order(oid)
    finance = uow.shipments.order_events(oid, FINANCE_EVENTS)
    entries: list[TimelineEntryDTO] = []
    covered = set(ShipmentStatus) if ship_rows else set()
    for h in order.history:
        if h.to_status == Status.DRAFT or h.to_status in covered or h.from_status == h.to_status:
            continue
        entries.append(TimelineEntryDTO(h.at, h.to_status, h.username, notes.read_note(h.note)))
    for p in picks:
        if p.picked_at is None:
            continue
        label = msg("{pick_list}: {picked} of {asked} units", pick_list=pick_list_number(p.pick_list_id),
                    picked=p.picked, asked=p.asked)
        entries.append(TimelineEntryDTO(p.picked_at, "picked", p.username or "", _backorder(label, p.backorder)))
    for s in ship_rows:
        entries.append(TimelineEntryDTO(s.packed_at, "packed", s.packed_by_name or "",
                                        _backorder(_parcel_text(s), s.backorder)))
        carried = f"{s.carrier} {s.carrier_ref}".strip()
        if s.shipped_at is not None:
            entries.append(TimelineEntryDTO(s.shipped_at, "shipped", s.shipped_by_name or "",
                                            _backorder(carried, s.backorder)))
        if s.delivered_at is not None:
            entries.append(TimelineEntryDTO(s.delivered_at, "delivered", s.delivered_by_name or "",
                                            _backorder(carried, s.backorder)))
    for b in backorder_rows:
        entries.append(TimelineEntryDTO(b.created_at, "backorder", "",
                                        msg("{sku} owed ({reason})", sku=b.sku, reason=b.reason) if b.reason
                                        else msg("{sku} owed", sku=b.sku)))
        if b.status in (BackorderStatus.RELEASED, BackorderStatus.FULFILLED):
            entries.append(TimelineEntryDTO(b.updated_at, f"backorder {b.status}", "", b.sku))
    for r in return_rows:
        condition = CONDITIONS.get(r.condition, r.condition)
        entries.append(TimelineEntryDTO(r.at, "returned", r.username or "",
                                        msg("{quantity} x {sku}, {condition}: {reason}", quantity=r.quantity,
                                            sku=r.sku, condition=condition, reason=r.reason) if r.reason
                                        else msg("{quantity} x {sku}, {condition}", quantity=r.quantity, sku=r.sku,
                                                 condition=condition)))
    for e in finance:
        payload = _json(e.payload)
        if e.kind in ("payment_received", "refund_paid"):
            method = str(payload.get("method") or "")
            detail = METHODS.get(method, method)
        else:
            detail = str(payload.get("number") or "")
        try:  # invoices and credit notes carry "total", payments "amount" (a decimal string)
            amount = Decimal(str(payload.get("total") or payload.get("amount")))
        except (InvalidOperation, ValueError):
            amount = None
        entries.append(TimelineEntryDTO(e.at, FINANCE_EVENTS[e.kind], e.username or "", detail,
                                        amount if amount is not None and amount.is_finite() else None,
                                        str(payload.get("currency") or "")))
    entries.sort(key=lambda t: t.at)
    backorders = tuple(BackorderDTO(b.sku, b.name, b.quantity, b.status, b.reason) for b in backorder_rows)
    returns = tuple(ReturnDTO(r.sku, r.quantity, r.condition, r.reason, r.at, r.username or "")
                    for r in return_rows)
    return OrderTrackingDTO(order, tuple(entries), shipments, backorders, returns)


#: the timeline's words for a return's condition and a payment's method (phrases: the GUI shows them in its language)
CONDITIONS = {"restock": phrase("restock"), "damaged": phrase("damaged")}
METHODS = {"cash": phrase("cash"), "card": phrase("card"), "bank": phrase("bank"), "online": phrase("online")}


def _backorder(text: str, backorder: bool) -> str:
    return msg("{text} (backorder)", text=text) if backorder else text


def _parcel_text(s) -> str:
    parts: list[str] = [" ".join(x for x in (s.carrier, s.service) if x)]
    parts.append(msg("1 package") if s.packages == 1 else msg("{count} packages", count=s.packages))
    if s.weight_g:
        parts.append(f"{to_kg(s.weight_g):f} kg")
    return Joined([p for p in parts if p], ", ")


def _json(text: str) -> dict:
    import json
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
