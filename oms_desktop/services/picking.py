"""Picking: the warehouse queue, pick lists and confirmed picks.

The real path of an order through the building starts here: a pick list moves confirmed orders to ``picking``;
confirming the picks records what was found (short picks with a reason). Whatever was not picked stays reserved as a
*backorder* once the order ships (see services/shipping.py): it is listed in the queue and can be put on a later
pick list (a second shipment of the same order).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from ..domain import events as ev
from ..domain.document_states import BackorderStatus, PickListStatus, PickOrderStatus, can_move
from ..domain.picking import ListedLine, share_found, walking_order_key
from ..domain.errors import BusinessRuleViolation, InvalidTransition, NotFound, ValidationFailed
from ..domain.messages import code, msg
from ..domain.orders import Status, check_transition, parse_quantity
from ..domain.references import Series, order_number, parse_ref, pick_list_number
from ..domain.roles import Perm
from ..domain import history_notes as notes
from .output import PrintingService
from .documents import PickLine, PickListDoc, PickOrder
from .dto import Actor
from .order_lookup import resolve_order_id

MAX_ORDERS_PER_LIST = 60


@dataclass(frozen=True)
class QueueItemDTO:
    """An order the warehouse has to work on. ``stage``: waiting, awaiting stock (a backorder taken at entry: not
    pickable until goods arrive for all of it), backorder, picking, picked or packed."""
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
    waiting_units: int = 0  # units of a backorder taken at entry that wait for goods


def destination(ship_to: str) -> str:
    """Where a parcel goes, in one short line for the pick list: the address's last two lines (ZIP and town,
    country)."""
    lines = [x for x in ship_to.splitlines()[1:] if x.strip()]
    return " · ".join(lines[-2:])


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
    ship_to: str = ""  # the order's delivery address (recipient first)


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



class PickingService(PrintingService):

    # ---- reading -----------------------------------------------------------------------------------------------
    def queue(self, actor: Actor, limit: int = 500) -> list[QueueItemDTO]:
        """Orders to work on, express first, then oldest first; backorders and pick lists in progress included."""
        self._require(actor, Perm.VIEW, "see the warehouse queue")
        with self._uow(write=False) as uow:
            rows = uow.picking.queue(limit)
        out = []
        for r in rows:
            if r.pick_list_id is not None:
                assert r.pick_state is not None  # both come from the order's open pick-list entry
                stage = r.pick_state
            elif r.status == Status.CONFIRMED:
                stage = "awaiting stock" if r.waiting_units else "waiting"
            elif r.backorder_units:
                stage = "backorder"
            else:
                stage = r.status  # moved by hand (advance_order) without a pick list
            out.append(QueueItemDTO(r.id, order_number(r.id), r.tracking_number, r.customer_name or "", r.status,
                                    bool(r.express), r.confirmed_at or r.created_at, r.line_count, int(r.units),
                                    int(r.backorder_units),
                                    pick_list_number(r.pick_list_id) if r.pick_list_id else None, stage,
                                    int(r.waiting_units)))
        return out

    def recent_pick_lists(self, actor: Actor, limit: int = 30) -> list[PickListSummaryDTO]:
        self._require(actor, Perm.VIEW, "see pick lists")
        with self._uow(write=False) as uow:
            rows = uow.picking.recent_pick_lists(limit)
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
            orders=tuple(PickOrder(o.number, o.tracking_number, o.customer_name, o.line_count, f"T{o.tote}",
                                   destination(o.ship_to)) for o in pl.orders))

    def pick_list_pdf(self, actor: Actor, ref) -> bytes:
        return self._printer().render_pick_list(self.pick_list_document(actor, ref))

    # ---- pick lists --------------------------------------------------------------------------------------------
    def create_pick_list(self, actor: Actor, orders=None, *, next_n: int | None = None) -> PickListDTO:
        """A pick list for the given orders, or for the next ``next_n`` of the queue (express first, oldest first).

        Confirmed orders become ``picking``; a shipped order with an open backorder is picked for what it owes.
        """
        self._require(actor, Perm.WAREHOUSE, "create pick lists")
        if (orders is None) == (next_n is None):
            raise ValidationFailed(msg("choose the orders or a number of orders (next N), not both or neither"))
        if next_n is not None:
            next_n = parse_quantity(next_n, sku="next N")
            if next_n > MAX_ORDERS_PER_LIST:
                raise ValidationFailed(msg("a pick list holds at most {maximum} orders (asked {asked})",
                                           maximum=MAX_ORDERS_PER_LIST, asked=next_n))
        else:
            orders = list(orders)
            if not orders:
                raise ValidationFailed(msg("choose at least one order for the pick list"))
            if len(orders) > MAX_ORDERS_PER_LIST:
                raise ValidationFailed(msg("a pick list holds at most {maximum} orders ({chosen} chosen)",
                                           maximum=MAX_ORDERS_PER_LIST, chosen=len(orders)))
        with self._uow() as uow:
            if next_n is not None:
                ids = [r.id for r in uow.picking.queue(10_000) if r.pick_list_id is None and not r.waiting_units
                       and (r.status == Status.CONFIRMED or r.backorder_units)][:next_n]
                if not ids:
                    raise BusinessRuleViolation(msg("No order is waiting to be picked."))
            else:
                ids = []
                for ref in orders:  # an order id is checked by the locking read below, not read twice
                    oid = ref if isinstance(ref, int) and not isinstance(ref, bool) else \
                        resolve_order_id(uow, ref)
                    if oid not in ids:
                        ids.append(oid)
            rows: list = []
            problems: list[str] = []
            for oid in sorted(ids):  # lock in id order: two clerks never deadlock
                o = uow.orders.get(oid, for_update=True)
                if o is None:
                    raise NotFound(msg("No order {order}.", order=order_number(oid)))
                open_pick = uow.picking.open_pick_of(oid)
                owed = uow.shipments.backorders_of(oid, open_only=True, with_waiting=True)
                backorders = [b for b in owed if b.status == BackorderStatus.OPEN]
                waiting = [b for b in owed if b.status == BackorderStatus.WAITING]
                if open_pick is not None:
                    problems.append(msg("{order} is already on {pick_list}", order=order_number(oid),
                                        pick_list=pick_list_number(open_pick.pick_list_id)))
                elif waiting:
                    problems.append(msg("{order} waits for goods (backorder: {owed}); it can be picked once they "
                                        "arrive", order=order_number(oid),
                                        owed=", ".join(f"{b.quantity} x {b.sku}" for b in waiting)))
                elif o.status == Status.CONFIRMED:
                    rows.append((o, False, [(ln.product_id, ln.quantity) for ln in uow.orders.lines(oid)]))
                elif backorders and o.status in (Status.SHIPPED, Status.DELIVERED):
                    rows.append((o, True, [(b.product_id, b.quantity) for b in backorders]))
                else:
                    problems.append(msg("{order} is {status}; there is nothing to pick", order=order_number(oid),
                                        status=code(o.status)))
            if problems:
                raise ValidationFailed(problems)
            rows.sort(key=lambda r: (not r[0].express, r[0].confirmed_at or r[0].created_at, r[0].id))
            pl_id = uow.picking.add_pick_list(actor.user_id)
            products = uow.products.by_ids({pid for _o, _b, wanted in rows for pid, _q in wanted})
            pick_orders, pick_lines = [], []
            for tote, (o, backorder, wanted) in enumerate(rows, start=1):
                pick_orders.append(dict(pick_list_id=pl_id, order_id=o.id, tote=tote, backorder=backorder,
                                        status=PickOrderStatus.PICKING.value))
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
                                           notes.note(notes.ON_PICK_LIST, pick_list=pick_list_number(pl_id), tote=tote))
                uow.events.add_event(ev.OrderPicking(order_id=o.id, number=order_number(o.id),
                                                     pick_list=pick_list_number(pl_id), tote=tote,
                                                     backorder=backorder),
                                     user_id=actor.user_id)
            uow.picking.add_pick_orders(pick_orders)
            uow.picking.add_pick_lines(pick_lines)
            number = pick_list_number(pl_id)
            uow.events.add_event(ev.PicklistCreated(number=number, order_ids=[r[0].id for r in rows],
                                                    lines=len(pick_lines)),
                                 user_id=actor.user_id)
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
            pl = uow.picking.pick_list(pl_id, for_update=True)
            assert pl is not None  # _pick_list_id found it
            number = pick_list_number(pl_id)
            if not can_move(PickListStatus, pl.status, PickListStatus.PICKED):
                raise InvalidTransition(msg("{number} was confirmed already; create a new pick list for what is "
                                            "left.", number=number))
            lines = uow.picking.pick_lines(pl_id)
            pick_orders = uow.picking.pick_orders(pl_id)
            wanted: dict[str, int] = defaultdict(int)
            by_barcode: dict[str, str] = {}
            for ln in lines:
                wanted[ln.sku] += ln.quantity
                if ln.barcode:
                    by_barcode[ln.barcode] = ln.sku
            found: dict[str, int] = dict(wanted)
            problems: list[str] = []
            for key, value in picked.items():
                k = str(key).strip()
                sku = k.upper() if k.upper() in wanted else by_barcode.get(k)
                if sku is None:
                    problems.append(msg("{sku} is not on {number}", sku=k, number=number))
                    continue
                try:
                    q = parse_quantity(value, sku=sku, allow_zero=True)
                except ValidationFailed as e:
                    problems.extend(e.problems)
                    continue
                if q > wanted[sku]:
                    problems.append(msg("{picked} of {sku} picked but {number} asks for {wanted}", picked=q, sku=sku,
                                        number=number, wanted=wanted[sku]))
                found[sku] = q
            shorts = {sku: wanted[sku] - q for sku, q in found.items() if q < wanted[sku]}
            for sku, short in sorted(shorts.items()):
                if not (reasons.get(sku) or default_reason.strip()):
                    problems.append(msg("{sku} is {short} short; give a reason (not at location, damaged, ...)",
                                        sku=sku, short=short))
            if problems:
                raise ValidationFailed(problems)
            live = {po.order_id: po for po in pick_orders
                    if (po.order_status == Status.PICKING and not po.backorder)
                    or (po.backorder and po.order_status in (Status.SHIPPED, Status.DELIVERED))}
            tote_of = {po.order_id: po.tote for po in pick_orders}
            given = share_found((ListedLine(ln.id, ln.order_id, ln.sku, ln.quantity) for ln in lines), found,
                                tote_of, live)
            per_order_picked: dict[int, int] = defaultdict(int)
            picks = []
            for ln in sorted(lines, key=lambda ln: (tote_of[ln.order_id], ln.id)):
                if ln.order_id not in live:
                    picks.append((ln.id, 0, "order no longer waiting"))
                    continue
                give = given[ln.id]
                reason = (reasons.get(ln.sku) or default_reason.strip()) if give < ln.quantity else ""
                picks.append((ln.id, give, reason))
                per_order_picked[ln.order_id] += give
            uow.picking.set_picked_many(picks)
            requeued = []
            new_status: dict[str, list[int]] = defaultdict(list)
            for po in pick_orders:
                if po.order_id not in live:
                    new_status[PickOrderStatus.DROPPED.value].append(po.id)
                elif per_order_picked[po.order_id] == 0:
                    new_status[PickOrderStatus.EMPTY.value].append(po.id)
                    if not po.backorder:
                        check_transition(Status.PICKING, Status.CONFIRMED, order_number(po.order_id))
                        uow.orders.update(po.order_id, {"status": Status.CONFIRMED.value})
                        uow.orders.add_history(po.order_id, Status.PICKING, Status.CONFIRMED, actor.user_id,
                                               notes.note(notes.NOTHING_FOUND, pick_list=number))
                    requeued.append(po.order_id)
                else:
                    new_status[PickOrderStatus.PICKED.value].append(po.id)
            for status, ids in sorted(new_status.items()):
                uow.picking.set_pick_orders_status(ids, status)
            uow.picking.set_pick_list_picked(pl_id, actor.user_id)
            uow.events.add_event(ev.PicklistConfirmed(number=number, order_ids=sorted(live), requeued=requeued,
                                                      short={s: q for s, q in sorted(shorts.items())}),
                                 user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="picklist.confirm",
                             entity="pick_list", entity_id=pl_id, old={"status": PickListStatus.OPEN.value},
                             new={"status": PickListStatus.PICKED.value, "picked": found,
                                  "short": {s: {"units": q, "reason": reasons.get(s) or default_reason}
                                            for s, q in shorts.items()}})
            dto = self._load_pick_list(uow, pl_id)
            uow.commit()
        return dto

    # ---- helpers -----------------------------------------------------------------------------------------------
    @staticmethod
    def _pick_list_id(uow, ref) -> int:
        if isinstance(ref, int) and not isinstance(ref, bool):
            pid = ref
        else:
            parsed = parse_ref(Series.PICK_LIST, str(ref or "").strip())
            if parsed is None:
                raise ValidationFailed(msg("'{ref}' is not a pick list number (PL-000123)", ref=ref))
            pid = parsed
        if uow.picking.pick_list(pid) is None:
            raise NotFound(msg("No pick list {pick_list}.", pick_list=pick_list_number(pid)))
        return pid

    @staticmethod
    def _load_pick_list(uow, pl_id: int) -> PickListDTO:
        pl = uow.picking.pick_list(pl_id)
        orders = uow.picking.pick_orders(pl_id)
        tote = {o.order_id: o.tote for o in orders}
        merged: dict[str, dict] = {}
        for ln in uow.picking.pick_lines(pl_id):
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
                                              o.line_count, getattr(o, "ship_to", "") or "") for o in orders))

