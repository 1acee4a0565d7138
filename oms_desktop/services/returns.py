"""Returns: shipped units coming back from the customer, restocked or written off as damaged."""
from __future__ import annotations

from collections import defaultdict

from ..domain import events as ev
from ..domain.errors import InvalidTransition, ValidationFailed
from ..domain.messages import code, msg
from ..domain.orders import Status, parse_quantity
from ..domain.references import order_number
from ..domain.roles import Perm
from . import backorders, ledger_posting, sales_facts
from .base import ServiceBase
from .dto import Actor
from .order_lookup import order_row
from .order_tracking import load_tracking
from .ports import utc_now
from .warehouse_dto import OrderTrackingDTO

RETURN_CONDITIONS = ("restock", "damaged")


class ReturnsService(ServiceBase):
    def receive_return(self, actor: Actor, order_ref, sku: str, quantity, condition: str,
                       reason: str = "") -> OrderTrackingDTO:
        """Take back shipped units: ``restock`` puts them on hand again (a 'return' move), ``damaged`` records
        them without stock. When everything shipped is back (and nothing is owed) the order becomes returned."""
        self._require(actor, Perm.WAREHOUSE, "receive returns")
        condition = str(condition or "").strip().lower()
        if condition not in RETURN_CONDITIONS:
            raise ValidationFailed(msg("condition '{condition}' is unknown (restock or damaged)", condition=condition))
        qty = parse_quantity(quantity, sku=str(sku))
        reason = str(reason or "").strip()
        with self._uow() as uow:
            order = order_row(uow, order_ref, for_update=True)
            label = order_number(order.id)
            if order.status not in (Status.SHIPPED, Status.DELIVERED):
                raise InvalidTransition(msg("{order} is {status}; only shipped or delivered orders take returns.",
                                            order=label, status=code(order.status)))
            key = str(sku).strip()
            line = next((ln for ln in uow.orders.lines(order.id) if ln.sku == key.upper()), None)
            if line is None:
                product = uow.products.by_barcode(key)
                line = next((ln for ln in uow.orders.lines(order.id)
                             if product is not None and ln.product_id == product.id), None)
            if line is None:
                raise ValidationFailed(msg("{key} is not on {label}", key=key, label=label))
            shipped = uow.shipments.shipped_per_product(order.id)
            if not shipped and not uow.picking.has_pick_history(order.id):  # shipped by hand (advance_order)
                shipped = defaultdict(int)
                for ln in uow.orders.lines(order.id):
                    shipped[ln.product_id] += ln.quantity
            returned = uow.shipments.returned_per_product(order.id)
            returnable = shipped.get(line.product_id, 0) - returned.get(line.product_id, 0)
            if qty > returnable:
                raise ValidationFailed(msg("{quantity} of {sku} returned, but only {returnable} shipped and not "
                                           "yet returned", quantity=qty, sku=line.sku, returnable=returnable))
            if condition == "restock":
                uow.stock.change_on_hand(line.product_id, qty)
                uow.stock.add_move(line.product_id, kind="return", on_hand_delta=qty, order_id=order.id,
                                   reason="customer return: " + reason, reference=label,
                                   user_id=actor.user_id)
                backorders.reserve_waiting(uow, actor, [line.product_id])  # back on the shelf: who waits first
            at = utc_now()
            uow.shipments.add_return(dict(order_id=order.id, product_id=line.product_id, sku=line.sku, quantity=qty,
                                          condition=condition, reason=reason, user_id=actor.user_id, at=at))
            uow.receivables.refresh_open_account(order.id)  # fewer units left to invoice
            ledger_posting.post_return(uow, actor, order.id, [(line.product_id, qty)], condition == "restock")
            returned[line.product_id] = returned.get(line.product_id, 0) + qty
            all_back = all(returned.get(pid, 0) >= q for pid, q in shipped.items())
            if all_back and not uow.shipments.backorders_of(order.id, open_only=True):
                uow.orders.update(order.id, {"status": Status.RETURNED.value})
                uow.orders.add_history(order.id, order.status, Status.RETURNED, actor.user_id, reason)
            uow.events.add_event(ev.OrderReturned(order_id=order.id, product_id=line.product_id, number=label,
                                                  sku=line.sku, quantity=qty, condition=condition,
                                                  product_ids=[line.product_id]),
                                 user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.return", entity="order",
                             entity_id=order.id,
                             new={"sku": line.sku, "quantity": qty, "condition": condition, "reason": reason})
            sales_facts.record_return(uow, order, line.product_id, qty, at,
                                      returned_before=returned[line.product_id] - qty)
            uow.commit()
        self._require(actor, Perm.VIEW, "look up orders")  # what TrackingService.tracking checks and reads
        with self._uow(write=False) as uow:
            return load_tracking(uow, order.id)

