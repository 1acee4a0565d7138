"""Warehouse: the queue, pick lists, confirmed picks, packing, shipping (with backorders), delivery, returns, tracking.

The real path of an order through the building: a pick list moves confirmed orders to ``picking``; confirming the
picks records what was found (short picks with a reason); packing records the parcel (carrier, service, the
carrier's reference, weight, packages) and the order becomes ``packed``; shipping takes the picked units out of stock
(on hand and reserved both go down) in one transaction and the order becomes ``shipped``. Whatever was not picked
stays reserved as a *backorder*: it is listed in the queue, can be put on a later pick list (a second shipment of
the same order) or released (the reservation goes back to the shelf).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from types import SimpleNamespace

from ..domain import tracking
from ..domain.errors import BusinessRuleViolation, InvalidTransition, NotFound, ValidationFailed
from ..domain.orders import Status, check_transition, parse_quantity
from ..domain.phone import digits_of, phone_key
from ..domain.roles import Perm
from . import ledger_posting
from .base import ServiceBase
from .documents import (Address, CompanyInfo, PackingSlipDoc, PackingSlipLine, PickLine, PickListDoc, PickOrder,
                        walking_order_key)
from ..domain.references import Series, order_number, parse_ref, pick_list_number
from .dto import Actor, OrderDTO, OrderSummaryDTO
from .order_lookup import load_order, order_row, resolve_order_id
from .ports import utc_now as _now

MAX_ORDERS_PER_LIST = 60
RETURN_CONDITIONS = ("restock", "damaged")
FINANCE_EVENTS = {"invoice_issued": "invoiced", "payment_received": "paid", "credit_note_issued": "credit note",
                  "refund_paid": "refunded"}


# ---- DTOs ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class QueueItemDTO:
    """An order the warehouse has to work on. ``stage``: waiting, backorder, picking, picked or packed."""
    order_id: int
    number: str
    tracking_number: str | None
    customer_name: str
    status: str
    express: bool
    waiting_since: datetime
    line_count: int
    units: int
    backorder_units: int
    pick_list: str | None
    stage: str


@dataclass(frozen=True)
class PickOrderDTO:
    order_id: int
    number: str
    tracking_number: str
    customer_name: str
    tote: int
    backorder: bool
    status: str  # picking, picked, packed, shipped, empty (nothing found), dropped (order cancelled meanwhile)
    line_count: int


@dataclass(frozen=True)
class PickLineDTO:
    """One SKU of a pick list, merged over its orders; ``per_order`` is (order number, tote, quantity)."""
    sku: str
    name: str
    location: str
    barcode: str
    quantity: int
    picked: int | None
    per_order: tuple[tuple[str, int, int], ...]
    short_reason: str = ""


@dataclass(frozen=True)
class PickListDTO:
    id: int
    number: str
    status: str  # open, picked
    created_at: datetime
    created_by: str
    lines: tuple[PickLineDTO, ...]
    orders: tuple[PickOrderDTO, ...]

    @property
    def units(self) -> int:
        return sum(ln.quantity for ln in self.lines)


@dataclass(frozen=True)
class PickListSummaryDTO:
    id: int
    number: str
    status: str
    created_at: datetime
    created_by: str
    order_count: int


@dataclass(frozen=True)
class ShipmentDTO:
    id: int
    order_id: int
    order_number: str
    status: str  # packed, shipped, delivered
    backorder: bool
    carrier: str
    service: str
    carrier_ref: str
    packages: int
    weight_kg: Decimal | None
    packed_at: datetime
    shipped_at: datetime | None
    delivered_at: datetime | None
    lines: tuple[tuple[str, str, int], ...]  # (sku, name, quantity)


@dataclass(frozen=True)
class BackorderDTO:
    sku: str
    name: str
    quantity: int
    status: str  # open, fulfilled, released
    reason: str


@dataclass(frozen=True)
class ReturnDTO:
    sku: str
    quantity: int
    condition: str
    reason: str
    at: datetime
    username: str


@dataclass(frozen=True)
class TimelineEntryDTO:
    at: datetime
    step: str      # confirmed, picking, picked, packed, shipped, delivered, backorder, invoiced, paid, returned, ...
    who: str
    detail: str = ""
    amount: Decimal | None = None  # invoices, credit notes, payments: the screen formats it with the currency
    currency: str = ""


@dataclass(frozen=True)
class OrderTrackingDTO:
    order: OrderDTO
    timeline: tuple[TimelineEntryDTO, ...]
    shipments: tuple[ShipmentDTO, ...]
    backorders: tuple[BackorderDTO, ...]
    returns: tuple[ReturnDTO, ...]

    @property
    def backorder_units(self) -> int:
        return sum(b.quantity for b in self.backorders if b.status == "open")

    def returnable(self) -> dict[str, int]:
        """Units per SKU shipped and not yet returned."""
        out: dict[str, int] = defaultdict(int)
        for s in self.shipments:
            if s.status in ("shipped", "delivered"):
                for sku, _name, q in s.lines:
                    out[sku] += q
        for r in self.returns:
            out[r.sku] -= r.quantity
        return {k: v for k, v in out.items() if v > 0}


# ---- the service ----------------------------------------------------------------------------------------------

class WarehouseService(ServiceBase):
    renderer = None  # the PDF renderer (bootstrap sets it; services never import adapters)

    # ---- reading -----------------------------------------------------------------------------------------------
    def queue(self, actor: Actor, limit: int = 500) -> list[QueueItemDTO]:
        """Orders to work on, express first, then oldest first; backorders and pick lists in progress included."""
        self._require(actor, Perm.VIEW, "see the warehouse queue")
        with self._uow(write=False) as uow:
            rows = uow.warehouse.queue(limit)
        out = []
        for r in rows:
            if r.pick_list_id is not None:
                stage = r.pick_state
            elif r.status == Status.CONFIRMED:
                stage = "waiting"
            elif r.backorder_units:
                stage = "backorder"
            else:
                stage = r.status  # moved by hand (advance_order) without a pick list
            out.append(QueueItemDTO(r.id, order_number(r.id), r.tracking_number, r.customer_name or "", r.status,
                                    bool(r.express), r.confirmed_at or r.created_at, r.line_count, int(r.units),
                                    int(r.backorder_units),
                                    pick_list_number(r.pick_list_id) if r.pick_list_id else None, stage))
        return out

    def recent_pick_lists(self, actor: Actor, limit: int = 30) -> list[PickListSummaryDTO]:
        self._require(actor, Perm.VIEW, "see pick lists")
        with self._uow(write=False) as uow:
            rows = uow.warehouse.recent_pick_lists(limit)
        return [PickListSummaryDTO(r.id, pick_list_number(r.id), r.status, r.created_at, r.created_by_name or "",
                                   r.order_count) for r in rows]

    def get_pick_list(self, actor: Actor, ref) -> PickListDTO:
        self._require(actor, Perm.VIEW, "see pick lists")
        with self._uow(write=False) as uow:
            return self._load_pick_list(uow, self._pick_list_id(uow, ref))

    def pick_list_document(self, actor: Actor, ref) -> PickListDoc:
        """The printable pick list: lines in walking order, per-order quantities by tote, tracking numbers."""
        pl = self.get_pick_list(actor, ref)
        return PickListDoc(
            number=pl.number, created_at=pl.created_at, created_by=pl.created_by,
            lines=tuple(PickLine(ln.location, ln.sku, ln.barcode, ln.name, ln.quantity,
                                 tuple((f"T{tote} {number}", q) for number, tote, q in ln.per_order))
                        for ln in pl.lines),
            orders=tuple(PickOrder(o.number, o.tracking_number, o.customer_name, o.line_count, f"T{o.tote}")
                         for o in pl.orders))

    def pick_list_pdf(self, actor: Actor, ref) -> bytes:
        return self._renderer().render_pick_list(self.pick_list_document(actor, ref))

    def packing_slip_pdf(self, actor: Actor, order_ref) -> bytes:
        return self._renderer().render_packing_slip(self.packing_slip_document(actor, order_ref))

    def _renderer(self):
        if self.renderer is None:
            raise RuntimeError("no PDF renderer configured (bootstrap.open_backend sets one)")
        return self.renderer

    def packing_slip_document(self, actor: Actor, order_ref) -> PackingSlipDoc:
        """The packing slip of the order's latest shipment (packed or shipped)."""
        self._require(actor, Perm.VIEW, "print packing slips")
        with self._uow(write=False) as uow:
            oid = resolve_order_id(uow, order_ref)
            order = uow.orders.get(oid)
            shipments = uow.warehouse.shipments_of(oid)
            if not shipments:
                raise BusinessRuleViolation(f"{order_number(oid)} has not been packed yet; pack it first.")
            s = shipments[-1]
            lines = uow.warehouse.shipment_lines(s.id)
            customer = uow.customers.get(order.customer_id) if order.customer_id is not None else None
        address = (customer.shipping_address or customer.billing_address) if customer else ""
        company = self.company
        return PackingSlipDoc(
            order_number=order_number(oid), tracking_number=order.tracking_number or "",
            ship_to=Address(customer.name if customer else "(no customer)",
                            tuple(x for x in address.splitlines() if x.strip())),
            lines=tuple(PackingSlipLine(ln.sku, ln.name, ln.quantity) for ln in lines),
            carrier=" ".join(x for x in (s.carrier, s.service) if x), carrier_ref=s.carrier_ref,
            packages=s.packages, weight_kg=_kg(s.weight_g),
            company=CompanyInfo(company.name, tuple(x for x in company.address.splitlines() if x.strip()),
                                company.vat_id))

    def find_orders(self, actor: Actor, text: str, limit: int = 50) -> list[OrderSummaryDTO]:
        """Orders by tracking number (a typo raises InvalidTrackingNumber), order number, or customer phone."""
        self._require(actor, Perm.VIEW, "look up orders")
        text = (text or "").strip()
        if not text:
            raise ValidationFailed("type a tracking number, an order number or the customer's phone number")
        with self._uow(write=False) as uow:
            by_number = parse_ref(Series.ORDER, text) is not None and len(digits_of(text)) <= 8
            if by_number or tracking.looks_like_tracking(text):
                ids = [resolve_order_id(uow, text)]
            else:
                key = phone_key(text)
                if len(key) < 5 or len(digits_of(text)) < len(text.replace(" ", "")) * 0.6:
                    raise ValidationFailed(f"'{text}' is neither a tracking number (XXXX-XXXX-XXXX), an order "
                                           "number (SO-000123) nor a phone number")
                ids = uow.warehouse.orders_of_customers(uow.customers.ids_by_phone_key(key), limit)
                if not ids:
                    raise NotFound(f"No orders for phone number '{text}'.")
            out = []
            for oid in ids:
                o = uow.orders.get(oid)
                customer = uow.customers.get(o.customer_id) if o.customer_id is not None else None
                out.append(OrderSummaryDTO(o.id, order_number(o.id), o.tracking_number, o.status, o.channel,
                                           customer.name if customer else "", self.money(o.total_minor), o.currency,
                                           o.created_at, len(uow.orders.lines(o.id))))
        return out

    def tracking(self, actor: Actor, order_ref) -> OrderTrackingDTO:
        """The order with its timeline (who did what when), shipments, backorders and returns."""
        self._require(actor, Perm.VIEW, "look up orders")
        with self._uow(write=False) as uow:
            oid = resolve_order_id(uow, order_ref)
            order = load_order(uow, oid)
            shipments = tuple(self._shipment_dto(uow, s) for s in uow.warehouse.shipments_of(oid))
            ship_rows = uow.warehouse.shipments_of(oid)
            backorder_rows = uow.warehouse.backorders_of(oid)
            return_rows = uow.warehouse.returns_of(oid)
            picks = uow.warehouse.picks_of_order(oid)
            finance = uow.warehouse.order_events(oid, FINANCE_EVENTS)
        entries: list[TimelineEntryDTO] = []
        covered = {"packed", "shipped", "delivered"} if ship_rows else set()
        for h in order.history:
            if h.to_status == Status.DRAFT or h.to_status in covered or h.from_status == h.to_status:
                continue
            entries.append(TimelineEntryDTO(h.at, h.to_status, h.username, h.note))
        for p in picks:
            if p.picked_at is None:
                continue
            label = f"{pick_list_number(p.pick_list_id)}: {p.picked} of {p.asked} units"
            entries.append(TimelineEntryDTO(p.picked_at, "picked", p.username or "",
                                            label + (" (backorder)" if p.backorder else "")))
        for s in ship_rows:
            parcel = _parcel_text(s)
            extra = " (backorder)" if s.backorder else ""
            entries.append(TimelineEntryDTO(s.packed_at, "packed", s.packed_by_name or "", parcel + extra))
            if s.shipped_at is not None:
                entries.append(TimelineEntryDTO(s.shipped_at, "shipped", s.shipped_by_name or "",
                                                f"{s.carrier} {s.carrier_ref}".strip() + extra))
            if s.delivered_at is not None:
                entries.append(TimelineEntryDTO(s.delivered_at, "delivered", s.delivered_by_name or "",
                                                f"{s.carrier} {s.carrier_ref}".strip() + extra))
        for b in backorder_rows:
            entries.append(TimelineEntryDTO(b.created_at, "backorder", "",
                                            f"{b.sku} owed" + (f" ({b.reason})" if b.reason else "")))
            if b.status in ("released", "fulfilled"):
                entries.append(TimelineEntryDTO(b.updated_at, f"backorder {b.status}", "", b.sku))
        for r in return_rows:
            entries.append(TimelineEntryDTO(r.at, "returned", r.username or "",
                                            f"{r.quantity} x {r.sku}, {r.condition}"
                                            + (f": {r.reason}" if r.reason else "")))
        for e in finance:
            payload = _json(e.payload)
            if e.kind in ("payment_received", "refund_paid"):
                detail = " ".join(str(payload[k]) for k in ("method",) if payload.get(k))
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

    # ---- pick lists --------------------------------------------------------------------------------------------
    def create_pick_list(self, actor: Actor, orders=None, *, next_n: int | None = None) -> PickListDTO:
        """A pick list for the given orders, or for the next ``next_n`` of the queue (express first, oldest first).

        Confirmed orders become ``picking``; a shipped order with an open backorder is picked for what it owes.
        """
        self._require(actor, Perm.WAREHOUSE, "create pick lists")
        if (orders is None) == (next_n is None):
            raise ValidationFailed("choose the orders or a number of orders (next N), not both or neither")
        if next_n is not None:
            next_n = parse_quantity(next_n, sku="next N")
            if next_n > MAX_ORDERS_PER_LIST:
                raise ValidationFailed(f"a pick list holds at most {MAX_ORDERS_PER_LIST} orders (asked {next_n})")
        else:
            orders = list(orders)
            if not orders:
                raise ValidationFailed("choose at least one order for the pick list")
            if len(orders) > MAX_ORDERS_PER_LIST:
                raise ValidationFailed(f"a pick list holds at most {MAX_ORDERS_PER_LIST} orders "
                                       f"({len(orders)} chosen)")
        with self._uow() as uow:
            if next_n is not None:
                ids = [r.id for r in uow.warehouse.queue(10_000) if r.pick_list_id is None and
                       (r.status == Status.CONFIRMED or r.backorder_units)][:next_n]
                if not ids:
                    raise BusinessRuleViolation("No order is waiting to be picked.")
            else:
                ids = []
                for ref in orders:  # an order id is checked by the locking read below, not read twice
                    oid = ref if isinstance(ref, int) and not isinstance(ref, bool) else \
                        resolve_order_id(uow, ref)
                    if oid not in ids:
                        ids.append(oid)
            rows, problems = [], []
            for oid in sorted(ids):  # lock in id order: two clerks never deadlock
                o = uow.orders.get(oid, for_update=True)
                if o is None:
                    raise NotFound(f"No order {order_number(oid)}.")
                open_pick = uow.warehouse.open_pick_of(oid)
                backorders = uow.warehouse.backorders_of(oid, open_only=True)
                if open_pick is not None:
                    problems.append(f"{order_number(oid)} is already on {pick_list_number(open_pick.pick_list_id)}")
                elif o.status == Status.CONFIRMED:
                    rows.append((o, False, [(ln.product_id, ln.quantity) for ln in uow.orders.lines(oid)]))
                elif backorders and o.status in (Status.SHIPPED, Status.DELIVERED):
                    rows.append((o, True, [(b.product_id, b.quantity) for b in backorders]))
                else:
                    problems.append(f"{order_number(oid)} is {o.status}; there is nothing to pick")
            if problems:
                raise ValidationFailed(problems)
            rows.sort(key=lambda r: (not r[0].express, r[0].confirmed_at or r[0].created_at, r[0].id))
            pl_id = uow.warehouse.add_pick_list(actor.user_id)
            products = uow.products.by_ids({pid for _o, _b, wanted in rows for pid, _q in wanted})
            pick_orders, pick_lines = [], []
            for tote, (o, backorder, wanted) in enumerate(rows, start=1):
                pick_orders.append(dict(pick_list_id=pl_id, order_id=o.id, tote=tote, backorder=backorder,
                                        status="picking"))
                per_product: dict[int, int] = defaultdict(int)
                for pid, q in wanted:
                    per_product[pid] += q
                for pid, q in per_product.items():
                    p = products[pid]
                    pick_lines.append(dict(pick_list_id=pl_id, order_id=o.id, product_id=pid, sku=p.sku, name=p.name,
                                           location=p.location or "", barcode=p.barcode or "", quantity=q,
                                           picked=None, short_reason=""))
                if not backorder:
                    check_transition(o.status, Status.PICKING, order_number(o.id))
                    uow.orders.update(o.id, {"status": Status.PICKING.value})
                    uow.orders.add_history(o.id, o.status, Status.PICKING, actor.user_id,
                                           f"on {pick_list_number(pl_id)}, tote T{tote}")
                uow.events.add("order_picking", user_id=actor.user_id, order_id=o.id,
                               payload={"number": order_number(o.id), "pick_list": pick_list_number(pl_id),
                                        "tote": tote, "backorder": backorder})
            uow.warehouse.add_pick_orders(pick_orders)
            uow.warehouse.add_pick_lines(pick_lines)
            number = pick_list_number(pl_id)
            uow.events.add("picklist_created", user_id=actor.user_id,
                           payload={"number": number, "order_ids": [r[0].id for r in rows],
                                    "lines": len(pick_lines)})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="picklist.create",
                             entity="pick_list", entity_id=pl_id,
                             new={"orders": [order_number(r[0].id) for r in rows], "lines": len(pick_lines)})
            dto = self._load_pick_list(uow, pl_id)
            uow.commit()
        return dto

    def confirm_picks(self, actor: Actor, ref, picked: dict | None = None, reasons: dict | None = None, *,
                      default_reason: str = "") -> PickListDTO:
        """Record what was picked: ``picked`` maps SKU (or barcode) to the units found; a SKU not named was picked
        in full. A short pick needs a reason (``reasons[sku]`` or ``default_reason``). Found units go to the orders
        in tote order (express and oldest first); an order that got nothing goes back to the queue."""
        self._require(actor, Perm.WAREHOUSE, "confirm picks")
        picked = dict(picked or {})
        reasons = {str(k).strip().upper(): str(v).strip() for k, v in (reasons or {}).items()}
        with self._uow() as uow:
            pl_id = self._pick_list_id(uow, ref)
            pl = uow.warehouse.pick_list(pl_id, for_update=True)
            number = pick_list_number(pl_id)
            if pl.status != "open":
                raise InvalidTransition(f"{number} was confirmed already; create a new pick list for what is left.")
            lines = uow.warehouse.pick_lines(pl_id)
            pick_orders = uow.warehouse.pick_orders(pl_id)
            wanted: dict[str, int] = defaultdict(int)
            by_barcode: dict[str, str] = {}
            for ln in lines:
                wanted[ln.sku] += ln.quantity
                if ln.barcode:
                    by_barcode[ln.barcode] = ln.sku
            found: dict[str, int] = dict(wanted)
            problems = []
            for key, value in picked.items():
                k = str(key).strip()
                sku = k.upper() if k.upper() in wanted else by_barcode.get(k)
                if sku is None:
                    problems.append(f"{k} is not on {number}")
                    continue
                try:
                    q = parse_quantity(value, sku=sku, allow_zero=True)
                except ValidationFailed as e:
                    problems.extend(e.problems)
                    continue
                if q > wanted[sku]:
                    problems.append(f"{q} of {sku} picked but {number} asks for {wanted[sku]}")
                found[sku] = q
            shorts = {sku: wanted[sku] - q for sku, q in found.items() if q < wanted[sku]}
            for sku, short in sorted(shorts.items()):
                if not (reasons.get(sku) or default_reason.strip()):
                    problems.append(f"{sku} is {short} short; give a reason (not at location, damaged, ...)")
            if problems:
                raise ValidationFailed(problems)
            live = {po.order_id: po for po in pick_orders
                    if (po.order_status == Status.PICKING and not po.backorder)
                    or (po.backorder and po.order_status in (Status.SHIPPED, Status.DELIVERED))}
            tote_of = {po.order_id: po.tote for po in pick_orders}
            remaining = dict(found)
            per_order_picked: dict[int, int] = defaultdict(int)
            picks = []
            for ln in sorted(lines, key=lambda ln: (tote_of[ln.order_id], ln.id)):
                if ln.order_id not in live:
                    picks.append((ln.id, 0, "order no longer waiting"))
                    continue
                give = min(remaining[ln.sku], ln.quantity)
                remaining[ln.sku] -= give
                reason = (reasons.get(ln.sku) or default_reason.strip())[:200] if give < ln.quantity else ""
                picks.append((ln.id, give, reason))
                per_order_picked[ln.order_id] += give
            uow.warehouse.set_picked_many(picks)
            requeued = []
            new_status: dict[str, list[int]] = defaultdict(list)
            for po in pick_orders:
                if po.order_id not in live:
                    new_status["dropped"].append(po.id)
                elif per_order_picked[po.order_id] == 0:
                    new_status["empty"].append(po.id)
                    if not po.backorder:
                        check_transition(Status.PICKING, Status.CONFIRMED, order_number(po.order_id))
                        uow.orders.update(po.order_id, {"status": Status.CONFIRMED.value})
                        uow.orders.add_history(po.order_id, Status.PICKING, Status.CONFIRMED, actor.user_id,
                                               f"nothing found on {number}; back in the queue")
                    requeued.append(po.order_id)
                else:
                    new_status["picked"].append(po.id)
            for status, ids in sorted(new_status.items()):
                uow.warehouse.set_pick_orders_status(ids, status)
            uow.warehouse.set_pick_list_picked(pl_id, actor.user_id)
            uow.events.add("picklist_confirmed", user_id=actor.user_id,
                           payload={"number": number, "order_ids": sorted(live), "requeued": requeued,
                                    "short": {s: q for s, q in sorted(shorts.items())}})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="picklist.confirm",
                             entity="pick_list", entity_id=pl_id, old={"status": "open"},
                             new={"status": "picked", "picked": found,
                                  "short": {s: {"units": q, "reason": reasons.get(s) or default_reason}
                                            for s, q in shorts.items()}})
            dto = self._load_pick_list(uow, pl_id)
            uow.commit()
        return dto

    # ---- pack, ship, deliver -----------------------------------------------------------------------------------
    def pack_order(self, actor: Actor, order_ref, *, carrier: str, carrier_ref: str, service: str = "",
                   weight_kg=None, packages=1) -> ShipmentDTO:
        """Record the parcel of the picked units; the order becomes packed (a backorder pick keeps its status)."""
        self._require(actor, Perm.WAREHOUSE, "pack orders")
        carrier, carrier_ref, service = (str(x or "").strip() for x in (carrier, carrier_ref, service))
        problems = []
        if not carrier:
            problems.append("carrier is empty (e.g. DHL, UPS, post)")
        if not carrier_ref:
            problems.append("the carrier's tracking reference is empty")
        for label, value in (("carrier", carrier), ("carrier reference", carrier_ref), ("service", service)):
            if len(value) > 100:
                problems.append(f"{label} is longer than 100 characters")
        try:
            n_packages = parse_quantity(packages, sku="packages")
            if n_packages > 999:
                problems.append(f"{n_packages} packages is too many for one shipment (at most 999)")
        except ValidationFailed as e:
            problems.extend(e.problems)
            n_packages = 1
        try:
            grams = _grams(weight_kg)
        except ValidationFailed as e:
            problems.extend(e.problems)
            grams = None
        if problems:
            raise ValidationFailed(problems)
        with self._uow() as uow:
            order = self._locked_order(uow, order_ref)
            label = order_number(order.id)
            po = uow.warehouse.open_pick_of(order.id)
            if po is None:
                raise InvalidTransition(f"{label} is {order.status} and on no pick list; put it on a pick list "
                                        "and confirm the picks first.")
            if po.status == "picking":
                raise InvalidTransition(f"{label} is on {pick_list_number(po.pick_list_id)}, whose picks are not "
                                        "confirmed yet; confirm them first.")
            if po.status == "packed":
                raise InvalidTransition(f"{label} is packed already; ship it.")
            per_product: dict[int, list] = {}
            for ln in uow.warehouse.pick_lines(po.pick_list_id, order.id):
                if ln.picked:
                    per_product.setdefault(ln.product_id, [ln.sku, ln.name, 0])[2] += ln.picked
            if not po.backorder:
                check_transition(order.status, Status.PACKED, label)
            sid = uow.warehouse.add_shipment(dict(
                order_id=order.id, pick_list_id=po.pick_list_id, status="packed", backorder=po.backorder,
                carrier=carrier, service=service, carrier_ref=carrier_ref, packages=n_packages, weight_g=grams,
                packed_by=actor.user_id))
            uow.warehouse.add_shipment_lines([dict(shipment_id=sid, product_id=pid, sku=sku, name=name, quantity=q)
                                              for pid, (sku, name, q) in sorted(per_product.items())])
            uow.warehouse.set_pick_order_status(po.id, "packed")
            if not po.backorder:
                uow.orders.update(order.id, {"status": Status.PACKED.value})
                uow.orders.add_history(order.id, order.status, Status.PACKED, actor.user_id,
                                       f"{carrier} {carrier_ref}")
            uow.events.add("order_packed", user_id=actor.user_id, order_id=order.id,
                           payload={"number": label, "carrier": carrier, "carrier_ref": carrier_ref,
                                    "packages": n_packages, "backorder": po.backorder})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.pack", entity="order",
                             entity_id=order.id, old={"status": order.status},
                             new={"shipment": sid, "carrier": carrier, "service": service, "carrier_ref": carrier_ref,
                                  "packages": n_packages, "weight_g": grams,
                                  "lines": {sku: q for sku, _n, q in per_product.values()}})
            dto = self._shipment_dto(uow, uow.warehouse.shipments_of(order.id)[-1])
            uow.commit()
        return dto

    def ship_order(self, actor: Actor, order_ref) -> ShipmentDTO:
        """Hand the packed parcel to the carrier: stock leaves (on hand and reserved down), the order is shipped,
        and whatever was not picked stays reserved as a backorder - all in one transaction."""
        self._require(actor, Perm.WAREHOUSE, "ship orders")
        with self._uow() as uow:
            order = self._locked_order(uow, order_ref)
            label = order_number(order.id)
            po = uow.warehouse.open_pick_of(order.id)
            if po is None or po.status != "packed":
                raise InvalidTransition(f"{label} is {order.status} and not packed; pack it first.")
            shipment = next(s for s in reversed(uow.warehouse.shipments_of(order.id)) if s.status == "packed")
            lines = uow.warehouse.shipment_lines(shipment.id)
            if not po.backorder:
                check_transition(order.status, Status.SHIPPED, label)
            by_sku = sorted(lines, key=lambda ln: ln.sku)  # SKU order, like reservations: no deadlocks
            consumed = uow.warehouse.consume_stock([(ln.product_id, ln.quantity) for ln in by_sku])
            for ln in by_sku:
                if ln.product_id not in consumed:
                    raise BusinessRuleViolation(f"{ln.sku}: less is reserved than {label} ships; count the stock.")
            uow.stock.add_moves([dict(product_id=ln.product_id, kind="ship", on_hand_delta=-ln.quantity,
                                      reserved_delta=-ln.quantity, order_id=order.id,
                                      reference=f"{shipment.carrier} {shipment.carrier_ref}"[:100],
                                      user_id=actor.user_id) for ln in lines])
            shipped = {ln.product_id: ln.quantity for ln in lines}
            now = _now()
            uow.warehouse.update_shipment(shipment.id, {"status": "shipped", "shipped_by": actor.user_id,
                                                        "shipped_at": now})
            uow.warehouse.set_pick_order_status(po.id, "shipped")
            uow.accounts.refresh_open_account(order.id)  # its units left: shipped, not invoiced yet
            owed = []
            if not po.backorder:
                ordered: dict[int, list] = {}
                for ln in uow.orders.lines(order.id):
                    ordered.setdefault(ln.product_id, [ln.sku, ln.name, 0])[2] += ln.quantity
                short = any(q > shipped.get(pid, 0) for pid, (_s, _n, q) in ordered.items())
                reasons = {ln.product_id: ln.short_reason
                           for ln in uow.warehouse.pick_lines(po.pick_list_id, order.id) if ln.short_reason} \
                    if short else {}
                for pid, (sku, name, q) in sorted(ordered.items(), key=lambda kv: kv[1][0]):
                    rest = q - shipped.get(pid, 0)
                    if rest > 0:
                        uow.warehouse.add_backorder(dict(order_id=order.id, product_id=pid, sku=sku, name=name,
                                                         quantity=rest, reason=reasons.get(pid, "")[:200]))
                        owed.append((pid, sku, rest))
                note = f"{shipment.carrier} {shipment.carrier_ref}"
                if owed:
                    note += "; backorder: " + ", ".join(f"{q} x {sku}" for _p, sku, q in owed)
                uow.orders.update(order.id, {"status": Status.SHIPPED.value})
                uow.orders.add_history(order.id, order.status, Status.SHIPPED, actor.user_id, note)
            else:
                for b in uow.warehouse.backorders_of(order.id, open_only=True):
                    take = min(b.quantity, shipped.get(b.product_id, 0))
                    if take:
                        shipped_left = b.quantity - take
                        uow.warehouse.update_backorder(b.id, {"quantity": shipped_left,
                                                              "status": "open" if shipped_left else "fulfilled"})
                        owed_left = shipped_left
                        if owed_left:
                            owed.append((b.product_id, b.sku, owed_left))
                    else:
                        owed.append((b.product_id, b.sku, b.quantity))
                uow.orders.update(order.id, {})
            ledger_posting.post_shipment(uow, actor, order.id, sorted(shipped.items()), currency=order.currency)
            uow.events.add("order_shipped", user_id=actor.user_id, order_id=order.id,
                           payload={"number": label, "tracking_number": order.tracking_number,
                                    "carrier": shipment.carrier, "carrier_ref": shipment.carrier_ref,
                                    "product_ids": sorted(shipped), "backorder": po.backorder})
            if owed and not po.backorder:
                uow.events.add("backorder_created", user_id=actor.user_id, order_id=order.id,
                               payload={"number": label, "product_ids": [p for p, _s, _q in owed],
                                        "lines": {sku: q for _p, sku, q in owed}})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.ship", entity="order",
                             entity_id=order.id, old={"status": order.status},
                             new={"shipment": shipment.id, "shipped": {ln.sku: ln.quantity for ln in lines},
                                  "backorder": {sku: q for _p, sku, q in owed}})
            dto = self._shipment_dto(uow, SimpleNamespace(**{**shipment._asdict(), "status": "shipped",
                                                             "shipped_by": actor.user_id, "shipped_at": now}),
                                     lines)
            uow.commit()
        return dto

    def deliver_order(self, actor: Actor, order_ref, note: str = "") -> OrderDTO:
        """The carrier confirmed delivery of the latest shipment; a first shipment makes the order delivered."""
        self._require(actor, Perm.WAREHOUSE, "confirm deliveries")
        with self._uow() as uow:
            order = self._locked_order(uow, order_ref)
            label = order_number(order.id)
            shipment = next((s for s in reversed(uow.warehouse.shipments_of(order.id)) if s.status == "shipped"),
                            None)
            if shipment is None and uow.warehouse.has_pick_history(order.id):
                raise InvalidTransition(f"{label} is {order.status}; no shipment of it is on its way.")
            if shipment is not None:
                uow.warehouse.update_shipment(shipment.id, {"status": "delivered", "delivered_by": actor.user_id,
                                                            "delivered_at": _now()})
            if order.status == Status.SHIPPED:
                uow.orders.update(order.id, {"status": Status.DELIVERED.value})
                uow.orders.add_history(order.id, order.status, Status.DELIVERED, actor.user_id, note)
            elif shipment is None:
                check_transition(order.status, Status.DELIVERED, label)
            uow.events.add("order_delivered", user_id=actor.user_id, order_id=order.id,
                           payload={"number": label, "tracking_number": order.tracking_number,
                                    "carrier_ref": shipment.carrier_ref if shipment else ""})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.deliver",
                             entity="order", entity_id=order.id, old={"status": order.status},
                             new={"status": Status.DELIVERED.value, "shipment": shipment.id if shipment else None,
                                  "note": note})
            dto = load_order(uow, order.id)
            uow.commit()
        return dto

    def release_backorder(self, actor: Actor, order_ref, reason: str = "") -> OrderDTO:
        """Give up what a shipped order still owes: its reservation goes back to the shelf (release moves)."""
        self._require(actor, Perm.WAREHOUSE, "release backorders")
        with self._uow() as uow:
            order = self._locked_order(uow, order_ref)
            label = order_number(order.id)
            open_rows = uow.warehouse.backorders_of(order.id, open_only=True)
            if not open_rows:
                raise BusinessRuleViolation(f"{label} has no open backorder.")
            po = uow.warehouse.open_pick_of(order.id)
            if po is not None:
                raise BusinessRuleViolation(f"{label}'s backorder is on {pick_list_number(po.pick_list_id)}; "
                                            "finish or ship that first.")
            per_product: dict[int, int] = defaultdict(int)
            for b in open_rows:
                per_product[b.product_id] += b.quantity
            for pid in sorted(per_product):
                uow.stock.release(pid, per_product[pid])
            uow.stock.add_moves([dict(product_id=pid, kind="release", reserved_delta=-q, order_id=order.id,
                                      reason=("backorder released: " + reason)[:200], user_id=actor.user_id)
                                 for pid, q in sorted(per_product.items())])
            for b in open_rows:
                uow.warehouse.update_backorder(b.id, {"status": "released"})
            text = ", ".join(f"{b.quantity} x {b.sku}" for b in open_rows)
            uow.orders.add_history(order.id, order.status, order.status, actor.user_id,
                                   f"backorder released ({text})" + (f": {reason}" if reason else ""))
            uow.events.add("backorder_released", user_id=actor.user_id, order_id=order.id,
                           payload={"number": label, "product_ids": sorted(per_product), "reason": reason})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="backorder.release",
                             entity="order", entity_id=order.id,
                             old={"backorder": {b.sku: b.quantity for b in open_rows}},
                             new={"backorder": {}, "reason": reason})
            dto = load_order(uow, order.id)
            uow.commit()
        return dto

    # ---- returns -----------------------------------------------------------------------------------------------
    def receive_return(self, actor: Actor, order_ref, sku: str, quantity, condition: str,
                       reason: str = "") -> OrderTrackingDTO:
        """Take back shipped units: ``restock`` puts them on hand again (a 'return' move), ``damaged`` records
        them without stock. When everything shipped is back (and nothing is owed) the order becomes returned."""
        self._require(actor, Perm.WAREHOUSE, "receive returns")
        condition = str(condition or "").strip().lower()
        if condition not in RETURN_CONDITIONS:
            raise ValidationFailed(f"condition '{condition}' is unknown (restock or damaged)")
        qty = parse_quantity(quantity, sku=str(sku))
        reason = str(reason or "").strip()
        with self._uow() as uow:
            order = self._locked_order(uow, order_ref)
            label = order_number(order.id)
            if order.status not in (Status.SHIPPED, Status.DELIVERED):
                raise InvalidTransition(f"{label} is {order.status}; only shipped or delivered orders take returns.")
            key = str(sku).strip()
            line = next((ln for ln in uow.orders.lines(order.id) if ln.sku == key.upper()), None)
            if line is None:
                product = uow.products.by_barcode(key)
                line = next((ln for ln in uow.orders.lines(order.id)
                             if product is not None and ln.product_id == product.id), None)
            if line is None:
                raise ValidationFailed(f"{key} is not on {label}")
            shipped = uow.warehouse.shipped_per_product(order.id)
            if not shipped and not uow.warehouse.has_pick_history(order.id):  # shipped by hand (advance_order)
                shipped = defaultdict(int)
                for ln in uow.orders.lines(order.id):
                    shipped[ln.product_id] += ln.quantity
            returned = uow.warehouse.returned_per_product(order.id)
            returnable = shipped.get(line.product_id, 0) - returned.get(line.product_id, 0)
            if qty > returnable:
                raise ValidationFailed(f"{qty} of {line.sku} returned, but only {returnable} shipped and not yet "
                                       "returned")
            if condition == "restock":
                uow.stock.change_on_hand(line.product_id, qty)
                uow.stock.add_move(line.product_id, kind="return", on_hand_delta=qty, order_id=order.id,
                                   reason=("customer return: " + reason)[:200], reference=label,
                                   user_id=actor.user_id)
            uow.warehouse.add_return(dict(order_id=order.id, product_id=line.product_id, sku=line.sku, quantity=qty,
                                          condition=condition, reason=reason, user_id=actor.user_id))
            uow.accounts.refresh_open_account(order.id)  # fewer units left to invoice
            ledger_posting.post_return(uow, actor, order.id, [(line.product_id, qty)], condition == "restock")
            returned[line.product_id] = returned.get(line.product_id, 0) + qty
            all_back = all(returned.get(pid, 0) >= q for pid, q in shipped.items())
            if all_back and not uow.warehouse.backorders_of(order.id, open_only=True):
                uow.orders.update(order.id, {"status": Status.RETURNED.value})
                uow.orders.add_history(order.id, order.status, Status.RETURNED, actor.user_id, reason)
            uow.events.add("order_returned", user_id=actor.user_id, order_id=order.id, product_id=line.product_id,
                           payload={"number": label, "sku": line.sku, "quantity": qty, "condition": condition,
                                    "product_ids": [line.product_id]})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.return", entity="order",
                             entity_id=order.id,
                             new={"sku": line.sku, "quantity": qty, "condition": condition, "reason": reason})
            uow.commit()
        return self.tracking(actor, order.id)

    # ---- helpers -----------------------------------------------------------------------------------------------
    @staticmethod
    def _pick_list_id(uow, ref) -> int:
        if isinstance(ref, int) and not isinstance(ref, bool):
            pid = ref
        else:
            parsed = parse_ref(Series.PICK_LIST, str(ref or "").strip())
            if parsed is None:
                raise ValidationFailed(f"'{ref}' is not a pick list number (PL-000123)")
            pid = parsed
        if uow.warehouse.pick_list(pid) is None:
            raise NotFound(f"No pick list {pick_list_number(pid)}.")
        return pid

    @staticmethod
    def _load_pick_list(uow, pl_id: int) -> PickListDTO:
        pl = uow.warehouse.pick_list(pl_id)
        orders = uow.warehouse.pick_orders(pl_id)
        tote = {o.order_id: o.tote for o in orders}
        merged: dict[str, dict] = {}
        for ln in uow.warehouse.pick_lines(pl_id):
            m = merged.setdefault(ln.sku, dict(sku=ln.sku, name=ln.name, location=ln.location, barcode=ln.barcode,
                                               quantity=0, picked=None, per_order=[], reasons=[]))
            m["quantity"] += ln.quantity
            if ln.picked is not None:
                m["picked"] = (m["picked"] or 0) + ln.picked
            if ln.short_reason and ln.short_reason not in m["reasons"]:
                m["reasons"].append(ln.short_reason)
            m["per_order"].append((order_number(ln.order_id), tote[ln.order_id], ln.quantity))
        lines = tuple(PickLineDTO(m["sku"], m["name"], m["location"], m["barcode"], m["quantity"], m["picked"],
                                  tuple(sorted(m["per_order"], key=lambda t: t[1])), "; ".join(m["reasons"]))
                      for m in sorted(merged.values(), key=lambda m: (walking_order_key(m["location"]), m["sku"])))
        return PickListDTO(pl.id, pick_list_number(pl.id), pl.status, pl.created_at, pl.created_by_name or "", lines,
                           tuple(PickOrderDTO(o.order_id, order_number(o.order_id), o.tracking_number or "",
                                              o.customer_name or "", o.tote, bool(o.backorder), o.status,
                                              o.line_count) for o in orders))

    def _locked_order(self, uow, ref):
        """The order row named by ``ref``, locked for this transaction (an id: one statement, not a look-up first)."""
        if isinstance(ref, int) and not isinstance(ref, bool):
            order = uow.orders.get(ref, for_update=True)
            if order is None:
                raise NotFound(f"No order {order_number(ref)}.")
            return order
        return order_row(uow, ref, for_update=True)

    @staticmethod
    def _shipment_dto(uow, s, lines=None) -> ShipmentDTO:
        """``lines``: the shipment's line rows when the caller has them already."""
        if lines is None:
            lines = uow.warehouse.shipment_lines(s.id)
        return ShipmentDTO(s.id, s.order_id, order_number(s.order_id), s.status, bool(s.backorder), s.carrier,
                           s.service, s.carrier_ref, s.packages, _kg(s.weight_g), s.packed_at, s.shipped_at,
                           s.delivered_at, tuple((ln.sku, ln.name, ln.quantity) for ln in lines))


def _grams(weight_kg) -> int | None:
    """Kilograms as typed ('2.5', '2,5') to whole grams; never through a float."""
    if weight_kg is None or (isinstance(weight_kg, str) and not weight_kg.strip()):
        return None
    if isinstance(weight_kg, float):
        raise ValidationFailed("weight must be given as text or Decimal, not a float")
    try:
        kg = Decimal(str(weight_kg).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationFailed(f"weight '{weight_kg}' is not a number of kilograms") from None
    if not kg.is_finite() or kg <= 0:
        raise ValidationFailed(f"weight '{weight_kg}' must be more than 0 kg")
    if kg > 10_000:
        raise ValidationFailed(f"weight {weight_kg} kg is too heavy for one shipment (at most 10000 kg)")
    grams = kg * 1000
    if grams != grams.to_integral_value():
        raise ValidationFailed(f"weight '{weight_kg}' has more than three decimals (grams)")
    return int(grams)


def _kg(grams: int | None) -> Decimal | None:
    return None if grams is None else (Decimal(grams) / 1000).normalize()


def _parcel_text(s) -> str:
    parts = [" ".join(x for x in (s.carrier, s.service) if x)]
    parts.append(f"{s.packages} package{'s' if s.packages != 1 else ''}")
    if s.weight_g:
        parts.append(f"{_kg(s.weight_g):f} kg")
    return ", ".join(p for p in parts if p)


def _json(text: str) -> dict:
    import json
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
