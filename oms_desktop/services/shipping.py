"""Shipping: packing, shipping (with backorders), delivery, released backorders and the packing slip.

Packing records the parcel (carrier, service, the carrier's reference, weight, packages) and the order becomes
``packed``; shipping takes the picked units out of stock (on hand and reserved both go down) in one transaction and
the order becomes ``shipped``. Whatever was not picked stays reserved as a *backorder*: it is listed in the queue,
can be put on a later pick list (a second shipment of the same order) or released (the reservation goes back to the
shelf).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from ..domain import events as ev
from ..domain.document_states import BackorderStatus, PickOrderStatus, ShipmentStatus, check_move
from ..domain.mail import MailKind
from ..domain.numbers import parse_number
from ..domain.errors import BusinessRuleViolation, InvalidTransition, ValidationFailed
from ..domain.messages import code, msg, phrase
from ..domain.orders import Status, check_transition, parse_quantity
from ..domain.references import order_number, pick_list_number
from ..domain.roles import Perm
from ..domain import history_notes as notes
from . import ledger_posting
from .outbox import queue_for
from .output import PrintingService
from .documents import Address, CompanyInfo, PackingSlipDoc, PackingSlipLine
from .dto import Actor, OrderDTO
from .order_lookup import load_order, order_row, resolve_order_id
from .ports import utc_now
from .warehouse_dto import ShipmentDTO, shipment_dto, to_kg


class ShippingService(PrintingService):

    # ---- pack, ship, deliver -----------------------------------------------------------------------------------
    @staticmethod
    def _parcel(carrier, carrier_ref, service, weight_kg, packages) -> dict:
        """The parcel's fields checked and normalised, every problem at once."""
        carrier, carrier_ref, service = (str(x or "").strip() for x in (carrier, carrier_ref, service))
        problems: list[str] = []
        if not carrier:
            problems.append(msg("carrier is empty (e.g. DHL, UPS, post)"))
        if not carrier_ref:
            problems.append(msg("the carrier's tracking reference is empty"))
        for label, value in ((phrase("carrier"), carrier), (phrase("carrier reference"), carrier_ref),
                             (phrase("service"), service)):
            if len(value) > 100:
                problems.append(msg("{label} is longer than 100 characters", label=label))
        try:
            n_packages = parse_quantity(packages, sku="packages")
            if n_packages > 999:
                problems.append(msg("{packages} packages is too many for one shipment (at most 999)",
                                    packages=n_packages))
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
        return dict(carrier=carrier, carrier_ref=carrier_ref, service=service, packages=n_packages, weight_g=grams)

    def pack_order(self, actor: Actor, order_ref, *, carrier: str, carrier_ref: str, service: str = "",
                   weight_kg=None, packages=1) -> ShipmentDTO:
        """Record the parcel of the picked units; the order becomes packed (a backorder pick keeps its status)."""
        self._require(actor, Perm.WAREHOUSE, "pack orders")
        parcel = self._parcel(carrier, carrier_ref, service, weight_kg, packages)
        with self._uow() as uow:
            dto = self._pack(uow, actor, order_ref, parcel)
            uow.commit()
        return dto

    def pack_and_ship(self, actor: Actor, order_ref, *, carrier: str, carrier_ref: str, service: str = "",
                      weight_kg=None, packages=1) -> ShipmentDTO:
        """Ship the order, packing it first with this parcel if its picks are confirmed and it is not packed yet
        (what ``oms ship`` does), in one transaction: a refused ship leaves it unpacked."""
        self._require(actor, Perm.WAREHOUSE, "ship orders")
        with self._uow() as uow:
            order = order_row(uow, order_ref, for_update=True)
            po = uow.picking.open_pick_of(order.id)
            if po is None or po.status != PickOrderStatus.PACKED:  # _pack says why when there is nothing to pack
                self._pack(uow, actor, order_ref, self._parcel(carrier, carrier_ref, service, weight_kg, packages))
            dto = self._ship(uow, actor, order_ref)
            uow.commit()
        return dto

    def _pack(self, uow, actor: Actor, order_ref, parcel: dict) -> ShipmentDTO:
        carrier, carrier_ref, service = parcel["carrier"], parcel["carrier_ref"], parcel["service"]
        n_packages, grams = parcel["packages"], parcel["weight_g"]
        order = order_row(uow, order_ref, for_update=True)
        label = order_number(order.id)
        po = uow.picking.open_pick_of(order.id)
        if po is None:
            raise InvalidTransition(msg("{order} is {status} and on no pick list; put it on a pick list and confirm "
                                        "the picks first.", order=label, status=code(order.status)))
        if po.status == PickOrderStatus.PICKING:
            raise InvalidTransition(msg("{order} is on {pick_list}, whose picks are not confirmed yet; confirm them "
                                        "first.", order=label, pick_list=pick_list_number(po.pick_list_id)))
        if po.status == PickOrderStatus.PACKED:
            raise InvalidTransition(msg("{order} is packed already; ship it.", order=label))
        per_product: dict[int, list] = {}
        for ln in uow.picking.pick_lines(po.pick_list_id, order.id):
            if ln.picked:
                per_product.setdefault(ln.product_id, [ln.sku, ln.name, 0])[2] += ln.picked
        if not po.backorder:
            check_transition(order.status, Status.PACKED, label)
        sid = uow.shipments.add_shipment(dict(
            order_id=order.id, pick_list_id=po.pick_list_id, status=ShipmentStatus.PACKED.value,
            backorder=po.backorder,
            carrier=carrier, service=service, carrier_ref=carrier_ref, packages=n_packages, weight_g=grams,
            packed_by=actor.user_id))
        uow.shipments.add_shipment_lines([dict(shipment_id=sid, product_id=pid, sku=sku, name=name, quantity=q)
                                          for pid, (sku, name, q) in sorted(per_product.items())])
        check_move(PickOrderStatus, po.status, PickOrderStatus.PACKED, msg("{order} on its pick list", order=label))
        uow.picking.set_pick_order_status(po.id, PickOrderStatus.PACKED.value)
        if not po.backorder:
            uow.orders.update(order.id, {"status": Status.PACKED.value})
            uow.orders.add_history(order.id, order.status, Status.PACKED, actor.user_id,
                                   f"{carrier} {carrier_ref}")
        uow.events.add_event(ev.OrderPacked(order_id=order.id, number=label, carrier=carrier,
                                            carrier_ref=carrier_ref, packages=n_packages, backorder=po.backorder),
                             user_id=actor.user_id)
        uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.pack", entity="order",
                         entity_id=order.id, old={"status": order.status},
                         new={"shipment": sid, "carrier": carrier, "service": service, "carrier_ref": carrier_ref,
                              "packages": n_packages, "weight_g": grams,
                              "lines": {sku: q for sku, _n, q in per_product.values()}})
        return shipment_dto(uow, uow.shipments.shipments_of(order.id)[-1])

    def ship_order(self, actor: Actor, order_ref) -> ShipmentDTO:
        """Hand the packed parcel to the carrier: stock leaves (on hand and reserved down), the order is shipped,
        and whatever was not picked stays reserved as a backorder - all in one transaction."""
        self._require(actor, Perm.WAREHOUSE, "ship orders")
        with self._uow() as uow:
            dto = self._ship(uow, actor, order_ref)
            uow.commit()
        return dto

    def _ship(self, uow, actor: Actor, order_ref) -> ShipmentDTO:
        order = order_row(uow, order_ref, for_update=True)
        label = order_number(order.id)
        po = uow.picking.open_pick_of(order.id)
        if po is None or po.status != PickOrderStatus.PACKED:
            raise InvalidTransition(msg("{order} is {status} and not packed; pack it first.", order=label,
                                        status=code(order.status)))
        shipment = next(s for s in reversed(uow.shipments.shipments_of(order.id))
                        if s.status == ShipmentStatus.PACKED)
        lines = uow.shipments.shipment_lines(shipment.id)
        if not po.backorder:
            check_transition(order.status, Status.SHIPPED, label)
        by_sku = sorted(lines, key=lambda ln: ln.sku)  # SKU order, like reservations: no deadlocks
        consumed = uow.shipments.consume_stock([(ln.product_id, ln.quantity) for ln in by_sku])
        for ln in by_sku:
            if ln.product_id not in consumed:
                raise BusinessRuleViolation(msg("{sku}: less is reserved than {order} ships; count the stock.",
                                                sku=ln.sku, order=label))
        uow.stock.add_moves([dict(product_id=ln.product_id, kind="ship", on_hand_delta=-ln.quantity,
                                  reserved_delta=-ln.quantity, order_id=order.id,
                                  reference=f"{shipment.carrier} {shipment.carrier_ref}"[:100],
                                  user_id=actor.user_id) for ln in lines])
        shipped = {ln.product_id: ln.quantity for ln in lines}
        now = utc_now()
        check_move(ShipmentStatus, shipment.status, ShipmentStatus.SHIPPED, msg("the parcel of {order}", order=label))
        uow.shipments.update_shipment(shipment.id, {"status": ShipmentStatus.SHIPPED.value,
                                                    "shipped_by": actor.user_id, "shipped_at": now})
        uow.picking.set_pick_order_status(po.id, PickOrderStatus.SHIPPED.value)
        uow.receivables.refresh_open_account(order.id)  # its units left: shipped, not invoiced yet
        owed = []
        if not po.backorder:
            ordered: dict[int, list] = {}
            for ln in uow.orders.lines(order.id):
                ordered.setdefault(ln.product_id, [ln.sku, ln.name, 0])[2] += ln.quantity
            short = any(q > shipped.get(pid, 0) for pid, (_s, _n, q) in ordered.items())
            reasons = {ln.product_id: ln.short_reason
                       for ln in uow.picking.pick_lines(po.pick_list_id, order.id) if ln.short_reason} \
                if short else {}
            for pid, (sku, name, q) in sorted(ordered.items(), key=lambda kv: kv[1][0]):
                rest = q - shipped.get(pid, 0)
                if rest > 0:
                    uow.shipments.add_backorder(dict(order_id=order.id, product_id=pid, sku=sku, name=name,
                                                     quantity=rest, reason=reasons.get(pid, "")))
                    owed.append((pid, sku, rest))
            note = f"{shipment.carrier} {shipment.carrier_ref}"
            if owed:
                note = notes.note(notes.SHIPPED_OWING, parcel=note,
                                  lines=", ".join(f"{q} x {sku}" for _p, sku, q in owed))
            uow.orders.update(order.id, {"status": Status.SHIPPED.value})
            uow.orders.add_history(order.id, order.status, Status.SHIPPED, actor.user_id, note)
        else:
            for b in uow.shipments.backorders_of(order.id, open_only=True):
                take = min(b.quantity, shipped.get(b.product_id, 0))
                if take:
                    shipped_left = b.quantity - take
                    uow.shipments.update_backorder(b.id, {"quantity": shipped_left,
                                                          "status": BackorderStatus.OPEN.value if shipped_left
                                                          else BackorderStatus.FULFILLED.value})
                    owed_left = shipped_left
                    if owed_left:
                        owed.append((b.product_id, b.sku, owed_left))
                else:
                    owed.append((b.product_id, b.sku, b.quantity))
            uow.orders.update(order.id, {})
        ledger_posting.post_shipment(uow, actor, order.id, sorted(shipped.items()), currency=order.currency)
        uow.events.add_event(ev.OrderShipped(order_id=order.id, number=label,
                                             tracking_number=order.tracking_number, carrier=shipment.carrier,
                                             carrier_ref=shipment.carrier_ref, product_ids=sorted(shipped),
                                             backorder=po.backorder),
                             user_id=actor.user_id)
        queue_for(uow, MailKind.SHIPMENT, order.id, order.customer_id,
                  {"carrier": shipment.carrier, "service": shipment.service, "carrier_ref": shipment.carrier_ref,
                   "shipment_id": shipment.id, "lines": [[ln.sku, ln.quantity] for ln in by_sku]})
        if owed and not po.backorder:
            queue_for(uow, MailKind.BACKORDER, order.id, order.customer_id,
                      {"lines": [[sku, q] for _p, sku, q in owed]})
            uow.events.add_event(ev.BackorderCreated(order_id=order.id, number=label,
                                                     product_ids=[p for p, _s, _q in owed],
                                                     lines={sku: q for _p, sku, q in owed}),
                                 user_id=actor.user_id)
        uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.ship", entity="order",
                         entity_id=order.id, old={"status": order.status},
                         new={"shipment": shipment.id, "shipped": {ln.sku: ln.quantity for ln in lines},
                              "backorder": {sku: q for _p, sku, q in owed}})
        dto = shipment_dto(uow, replace(shipment, status="shipped", shipped_by=actor.user_id, shipped_at=now),
                           lines)
        return dto

    def deliver_order(self, actor: Actor, order_ref, note: str = "") -> OrderDTO:
        """The carrier confirmed delivery of the latest shipment; a first shipment makes the order delivered."""
        self._require(actor, Perm.WAREHOUSE, "confirm deliveries")
        with self._uow() as uow:
            order = order_row(uow, order_ref, for_update=True)
            label = order_number(order.id)
            shipment = next((s for s in reversed(uow.shipments.shipments_of(order.id))
                             if s.status == ShipmentStatus.SHIPPED), None)
            if shipment is None and uow.picking.has_pick_history(order.id):
                raise InvalidTransition(msg("{order} is {status}; no shipment of it is on its way.", order=label,
                                            status=code(order.status)))
            if shipment is not None:
                check_move(ShipmentStatus, shipment.status, ShipmentStatus.DELIVERED,
                           msg("the parcel of {order}", order=label))
                uow.shipments.update_shipment(shipment.id, {"status": ShipmentStatus.DELIVERED.value,
                                                            "delivered_by": actor.user_id, "delivered_at": utc_now()})
            if order.status == Status.SHIPPED:
                uow.orders.update(order.id, {"status": Status.DELIVERED.value})
                uow.orders.add_history(order.id, order.status, Status.DELIVERED, actor.user_id, note)
            elif shipment is None:
                check_transition(order.status, Status.DELIVERED, label)
            queue_for(uow, MailKind.DELIVERY, order.id, order.customer_id,
                      {"carrier": shipment.carrier if shipment else "",
                       "carrier_ref": shipment.carrier_ref if shipment else ""})
            uow.events.add_event(ev.OrderDelivered(order_id=order.id, number=label,
                                                   tracking_number=order.tracking_number,
                                                   carrier_ref=shipment.carrier_ref if shipment else ""),
                                 user_id=actor.user_id)
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
            order = order_row(uow, order_ref, for_update=True)
            label = order_number(order.id)
            open_rows = uow.shipments.backorders_of(order.id, open_only=True)
            if not open_rows:
                raise BusinessRuleViolation(msg("{label} has no open backorder.", label=label))
            po = uow.picking.open_pick_of(order.id)
            if po is not None:
                raise BusinessRuleViolation(msg("{order}'s backorder is on {pick_list}; finish or ship that first.",
                                                order=label, pick_list=pick_list_number(po.pick_list_id)))
            per_product: dict[int, int] = defaultdict(int)
            for b in open_rows:
                per_product[b.product_id] += b.quantity
            for pid in sorted(per_product):
                uow.stock.release(pid, per_product[pid])
            uow.stock.add_moves([dict(product_id=pid, kind="release", reserved_delta=-q, order_id=order.id,
                                      reason="backorder released: " + reason, user_id=actor.user_id)
                                 for pid, q in sorted(per_product.items())])
            for b in open_rows:
                check_move(BackorderStatus, b.status, BackorderStatus.RELEASED,
                           msg("the backorder of {order}", order=label))
                uow.shipments.update_backorder(b.id, {"status": BackorderStatus.RELEASED.value})
            text = ", ".join(f"{b.quantity} x {b.sku}" for b in open_rows)
            uow.orders.add_history(order.id, order.status, order.status, actor.user_id,
                                   notes.note(notes.BACKORDER_RELEASED_WHY, lines=text, reason=reason) if reason
                                   else notes.note(notes.BACKORDER_RELEASED, lines=text))
            uow.events.add_event(ev.BackorderReleased(order_id=order.id, number=label,
                                                      product_ids=sorted(per_product), reason=reason),
                                 user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="backorder.release",
                             entity="order", entity_id=order.id,
                             old={"backorder": {b.sku: b.quantity for b in open_rows}},
                             new={"backorder": {}, "reason": reason})
            dto = load_order(uow, order.id)
            uow.commit()
        return dto

    # ---- printing ----------------------------------------------------------------------------------------------
    def packing_slip_pdf(self, actor: Actor, order_ref) -> bytes:
        return self._printer().render_packing_slip(self.packing_slip_document(actor, order_ref))

    def packing_slip_document(self, actor: Actor, order_ref) -> PackingSlipDoc:
        """The packing slip of the order's latest shipment (packed or shipped)."""
        self._require(actor, Perm.VIEW, "print packing slips")
        with self._uow(write=False) as uow:
            oid = resolve_order_id(uow, order_ref)
            order = uow.orders.get(oid)
            assert order is not None  # resolve_order_id found it
            shipments = uow.shipments.shipments_of(oid)
            if not shipments:
                raise BusinessRuleViolation(msg("{order} has not been packed yet; pack it first.",
                                                order=order_number(oid)))
            s = shipments[-1]
            lines = uow.shipments.shipment_lines(s.id)
            customer = uow.customers.get(order.customer_id) if order.customer_id is not None else None
        # The order's own delivery address (the snapshot taken with the order, typed in or imported), else the
        # customer's as it is now (orders from before the snapshot existed).
        label = (getattr(order, "ship_to", "") or "").splitlines()
        if label:
            recipient, address_lines = label[0], tuple(x for x in label[1:] if x.strip())
        else:
            address = (customer.shipping_address or customer.billing_address) if customer else ""
            recipient, address_lines = (customer.name if customer else "(no customer)"), tuple(
                x for x in address.splitlines() if x.strip())
        company = self.company
        return PackingSlipDoc(
            order_number=order_number(oid), tracking_number=order.tracking_number or "",
            ship_to=Address(recipient, address_lines),
            lines=tuple(PackingSlipLine(ln.sku, ln.name, ln.quantity) for ln in lines),
            carrier=" ".join(x for x in (s.carrier, s.service) if x), carrier_ref=s.carrier_ref,
            packages=s.packages, weight_kg=to_kg(s.weight_g),
            company=CompanyInfo(company.name, tuple(x for x in company.address.splitlines() if x.strip()),
                                company.vat_id),
            language=(customer.language or "") if customer is not None else "", locale=company.locale)



def _grams(weight_kg) -> int | None:
    """Kilograms as typed ('2.5', '2,5') to whole grams; never through a float."""
    if weight_kg is None or (isinstance(weight_kg, str) and not weight_kg.strip()):
        return None
    if isinstance(weight_kg, float):
        raise ValidationFailed(msg("weight must be given as text or Decimal, not a float"))
    kg = weight_kg if isinstance(weight_kg, Decimal) else parse_number(weight_kg, field="weight (kg)", max_digits=6)
    if not kg.is_finite() or kg <= 0:
        raise ValidationFailed(msg("weight '{weight_kg}' must be more than 0 kg", weight_kg=weight_kg))
    if kg > 10_000:
        raise ValidationFailed(msg("weight {weight_kg} kg is too heavy for one shipment (at most 10000 kg)",
                               weight_kg=weight_kg))
    grams = kg * 1000
    if grams != grams.to_integral_value():
        raise ValidationFailed(msg("weight '{weight_kg}' has more than three decimals (grams)", weight_kg=weight_kg))
    return int(grams)

