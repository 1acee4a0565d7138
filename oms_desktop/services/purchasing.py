"""Purchasing: suppliers, purchase orders, receiving, purchase suggestions and the printed purchase order.

Purchase orders go draft -> sent -> partly received -> received (or cancelled); goods are received through stock
moves; "suggest purchase" drafts orders from reorder points. Supplier invoices and payments: services/payables.py.

The reorder rule used by ``suggest_purchase``: a product is suggested when its *inventory position* (available, i.e.
on hand minus reserved, plus what is still to come on draft, sent and partly received purchase orders) is at or
below its reorder point. The quantity is its ``reorder_qty`` when that is set (> 0); otherwise enough to bring the
position up to twice the reorder point (``2 * reorder_point - position``, at least 1). Products go to their preferred
supplier and onto that supplier's open draft purchase order (the newest), or a new draft when it has none; a product
already on the draft gets the suggested quantity added to its line. Products without a preferred supplier are
reported, not ordered.

Orders by hand: ``open_draft`` gives the supplier's open draft (or a new, empty one); ``set_purchase_order_line`` and
``remove_purchase_order_line`` edit a draft's lines; an empty draft cannot be sent.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from ..domain import events as ev
from ..domain.document_states import PurchaseOrderStatus, can_move, check_move
from ..domain.errors import BusinessRuleViolation, InvalidTransition, NotFound, ValidationFailed
from ..domain.messages import msg, phrase
from ..domain.money import from_minor, parse_amount, to_minor
from ..domain.orders import parse_quantity
from ..domain.references import po_number
from ..domain.roles import Perm
from . import backorders
from .output import PrintingService
from .documents import Address, CompanyInfo, PurchaseOrderDoc, PurchaseOrderLine
from .dto import Actor
from .ledger_posting import post_receipt
from .ports import utc_now
from .purchasing_dto import (PurchaseOrderDTO, PurchaseOrderLineDTO, PurchaseSuggestion, SupplierDTO,  # noqa: F401
                             reorder_quantity, resolve_po_id)

PO_STATUSES = tuple(s.value for s in PurchaseOrderStatus)
DEFAULT_LEAD_DAYS, MAX_LEAD_DAYS = 7, 365


class PurchasingService(PrintingService):

    # ---- suppliers -------------------------------------------------------------------------------------------
    def add_supplier(self, actor: Actor, name: str, *, email: str = "", phone: str = "",
                     address: str = "", lead_days: int = DEFAULT_LEAD_DAYS) -> SupplierDTO:
        self._require(actor, Perm.PURCHASING, "add suppliers")
        name = (name or "").strip()
        problems: list[str] = []
        if not name:
            problems.append(msg("supplier name is empty"))
        elif len(name) > 200:
            problems.append(msg("supplier name is longer than 200 characters"))
        email = (email or "").strip()
        if email and ("@" not in email or len(email) > 254):
            problems.append(msg("email '{email}' is not an email address", email=email))
        if not isinstance(lead_days, int) or not 0 <= lead_days <= MAX_LEAD_DAYS:
            problems.append(msg("lead days must be a whole number from 0 to {most} (got {lead_days})",
                                most=MAX_LEAD_DAYS, lead_days=lead_days))
        if problems:
            raise ValidationFailed(problems)
        with self._uow() as uow:
            if uow.purchasing.supplier_by_name(name) is not None:
                raise ValidationFailed(msg("a supplier named '{name}' exists already", name=name))
            sid = uow.purchasing.add_supplier(dict(name=name, email=email, phone=(phone or "").strip(),
                                                   address=(address or "").strip(), lead_days=lead_days))
            uow.events.add_event(ev.SupplierAdded(supplier_id=sid, name=name), user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="supplier.add",
                             entity="supplier", entity_id=sid,
                             new={"name": name, "email": email, "lead_days": lead_days})
            row = uow.purchasing.supplier(sid)
            uow.commit()
        return self._supplier_dto(row)

    def list_suppliers(self, actor: Actor) -> list[SupplierDTO]:
        self._require(actor, Perm.VIEW, "see suppliers")
        with self._uow(write=False) as uow:
            return [self._supplier_dto(r) for r in uow.purchasing.suppliers()]

    def set_preferred_supplier(self, actor: Actor, sku: str, supplier_ref, supplier_sku: str = "") -> None:
        """Make ``supplier_ref`` (id or name) the product's preferred supplier; None removes it."""
        self._require(actor, Perm.PURCHASING, "choose suppliers")
        sku = (sku or "").strip().upper()
        with self._uow() as uow:
            product = uow.products.by_sku(sku)
            if product is None:
                raise NotFound(msg("No product with SKU '{sku}'.", sku=sku))
            supplier = None if supplier_ref in (None, "") else self._supplier(uow, supplier_ref)
            uow.purchasing.set_preferred(product.id, supplier.id if supplier else None, (supplier_sku or "").strip())
            uow.events.add_event(ev.PreferredSupplierSet(product_id=product.id, sku=sku,
                                                         supplier=supplier.name if supplier else None),
                                 user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="product.supplier",
                             entity="product", entity_id=sku, new={"supplier": supplier.name if supplier else None})
            uow.commit()

    def preferred_suppliers(self, actor: Actor, product_ids) -> dict[int, int]:
        self._require(actor, Perm.VIEW, "see suppliers")
        with self._uow(write=False) as uow:
            return uow.purchasing.preferred(product_ids)

    # ---- purchase orders -------------------------------------------------------------------------------------
    def create_purchase_order(self, actor: Actor, supplier_ref, lines, *, notes: str = "",
                              expected_date: date | None = None) -> PurchaseOrderDTO:
        """A draft purchase order; ``lines`` are (sku, quantity) or (sku, quantity, unit_cost) with cost as text
        or Decimal (default: the product's unit cost)."""
        self._require(actor, Perm.PURCHASING, "create purchase orders")
        cur = self.company.currency
        wanted: list[tuple[str, int, Decimal | None]] = []
        problems: list[str] = []
        for item in lines:
            sku, qty = str(item[0]).strip().upper(), item[1]
            cost = item[2] if len(item) > 2 else None
            try:
                q = parse_quantity(qty, sku=sku)
                c = None if cost in (None, "") else parse_amount(cost, cur, field=f"unit cost of {sku}")
                wanted.append((sku, q, c))
            except ValidationFailed as e:
                problems.extend(e.problems)
        if not wanted and not problems:
            problems.append(msg("a purchase order needs at least one line (SKU=QTY)"))
        seen = set()
        for sku, _, _ in wanted:
            if sku in seen:
                problems.append(msg("{sku} appears twice; put the whole quantity on one line", sku=sku))
            seen.add(sku)
        if problems:
            raise ValidationFailed(problems)
        with self._uow() as uow:
            supplier = self._supplier(uow, supplier_ref)
            products = uow.products.by_skus([s for s, _, _ in wanted])
            unknown = [s for s, _, _ in wanted if s not in products]
            if unknown:
                raise NotFound(msg("Unknown SKU(s): {skus}.", skus=", ".join(unknown)))
            po_id = self._insert_po(uow, actor, supplier.id, [
                (products[s], q, to_minor(c, cur) if c is not None else products[s].cost_minor) for s, q, c in wanted],
                notes=notes, expected_date=expected_date)
            dto = self._load(uow, po_id)
            uow.commit()
        return dto

    def open_draft(self, actor: Actor, supplier_ref) -> PurchaseOrderDTO:
        """The supplier's open draft purchase order (its newest draft), or a new empty draft when it has none."""
        self._require(actor, Perm.PURCHASING, "create purchase orders")
        with self._uow() as uow:
            supplier = self._supplier(uow, supplier_ref)
            uow.purchasing.lock_supplier(supplier.id)  # two workstations opening a draft at once get the same one
            po_id = uow.purchasing.newest_draft(supplier.id)
            if po_id is None:
                po_id = self._insert_po(uow, actor, supplier.id, [], notes="entered by hand")
            dto = self._load(uow, po_id)
            uow.commit()
        return dto

    def set_purchase_order_line(self, actor: Actor, ref, sku: str, quantity, unit_cost=None) -> PurchaseOrderDTO:
        """Put ``sku`` on a draft purchase order with this quantity and unit cost, or change its line if it is there.

        A blank cost keeps the line's cost, or for a new line takes the product's unit cost.
        """
        self._require(actor, Perm.PURCHASING, "edit purchase orders")
        sku = (sku or "").strip().upper()
        problems: list[str] = []
        if not sku:
            problems.append(msg("SKU is empty"))
        q = c = None
        try:
            q = parse_quantity(quantity, sku=sku or "the line")
        except ValidationFailed as e:
            problems.extend(e.problems)
        cur = self.company.currency
        try:
            c = None if unit_cost in (None, "") or str(unit_cost).strip() == "" else parse_amount(
                unit_cost, cur, field=f"unit cost of {sku or 'the line'}")
            if c is not None and c < 0:
                problems.append(msg("unit cost of {sku} is negative", sku=sku))
        except ValidationFailed as e:
            problems.extend(e.problems)
        if problems:
            raise ValidationFailed(problems)
        assert q is not None
        with self._uow() as uow:
            po_id, number = self._draft_for_edit(uow, ref)
            product = uow.products.by_sku(sku)
            if product is None:
                raise NotFound(msg("No product with SKU '{sku}'; check the SKU or add the product first.", sku=sku))
            lines = uow.purchasing.lines(po_id)
            line = next((ln for ln in lines if ln.sku == sku), None)
            cost_minor = to_minor(c, cur) if c is not None else None
            if line is None:
                uow.purchasing.add_lines([dict(po_id=po_id, line_no=max((ln.line_no for ln in lines), default=0) + 1,
                                               product_id=product.id, sku=product.sku, name=product.name,
                                               quantity=q, received=0,
                                               unit_cost_minor=cost_minor if cost_minor is not None
                                               else product.cost_minor)])
                old, note = None, f"{sku} added"
            else:
                values: dict[str, object] = {"quantity": q}
                if cost_minor is not None:
                    values["unit_cost_minor"] = cost_minor
                uow.purchasing.update_line(line.id, values)
                old, note = {"quantity": line.quantity, "unit_cost_minor": line.unit_cost_minor}, f"{sku} changed"
            self._changed_draft(uow, actor, po_id, number, [product.id], note, old=old,
                                new={"sku": sku, "quantity": q, "unit_cost_minor": cost_minor})
            dto = self._load(uow, po_id)
            uow.commit()
        return dto

    def remove_purchase_order_line(self, actor: Actor, ref, sku: str) -> PurchaseOrderDTO:
        """Take ``sku`` off a draft purchase order (the draft stays, even when empty)."""
        self._require(actor, Perm.PURCHASING, "edit purchase orders")
        sku = (sku or "").strip().upper()
        with self._uow() as uow:
            po_id, number = self._draft_for_edit(uow, ref)
            line = next((ln for ln in uow.purchasing.lines(po_id) if ln.sku == sku), None)
            if line is None:
                raise ValidationFailed(msg("{sku} is not on {number}; nothing was removed.",
                                          sku=sku or phrase("that SKU"),
                                          number=number))
            uow.purchasing.delete_line(line.id)
            self._changed_draft(uow, actor, po_id, number, [line.product_id], f"{sku} removed",
                                old={"sku": sku, "quantity": line.quantity, "unit_cost_minor": line.unit_cost_minor},
                                new=None)
            dto = self._load(uow, po_id)
            uow.commit()
        return dto

    def get_purchase_order(self, actor: Actor, ref) -> PurchaseOrderDTO:
        self._require(actor, Perm.VIEW, "see purchase orders")
        with self._uow(write=False) as uow:
            return self._load(uow, resolve_po_id(uow, ref))

    def list_purchase_orders(self, actor: Actor, *, status: str | None = None,
                             limit: int = 200) -> list[PurchaseOrderDTO]:
        self._require(actor, Perm.VIEW, "see purchase orders")
        if status is not None and status not in PO_STATUSES:
            raise ValidationFailed(msg("status '{status}' is unknown (choose one of: {choices})", status=status,
                                      choices=", ".join(PO_STATUSES)))
        with self._uow(write=False) as uow:
            return [self._dto(r, ()) for r in uow.purchasing.list_pos(status=status, limit=limit)]

    def send_purchase_order(self, actor: Actor, ref) -> PurchaseOrderDTO:
        """Draft -> sent: from now on its quantities count as "on order"."""
        return self._transition(actor, ref, PurchaseOrderStatus.SENT, ev.PurchaseOrderSent, "po.send")

    def cancel_purchase_order(self, actor: Actor, ref, reason: str = "") -> PurchaseOrderDTO:
        """Cancel a draft or sent order; one that has received goods cannot be cancelled."""
        return self._transition(actor, ref, PurchaseOrderStatus.CANCELLED, ev.PurchaseOrderCancelled,
                                "po.cancel", reason)

    def receive(self, actor: Actor, ref, quantities: dict[str, object] | None = None) -> PurchaseOrderDTO:
        """Receive goods: everything outstanding (``quantities`` None) or the given SKU -> quantity.

        On hand rises through "receipt" stock moves that name the purchase order; the order becomes partly received
        or received. Over-receiving a line is refused, and then nothing is received.
        """
        self._require(actor, Perm.PURCHASING, "receive goods")
        wanted: dict[str, int] = {}
        problems: list[str] = []
        for sku, qty in (quantities or {}).items():
            sku = str(sku).strip().upper()
            try:
                wanted[sku] = wanted.get(sku, 0) + parse_quantity(qty, sku=sku)
            except ValidationFailed as e:
                problems.extend(e.problems)
        if quantities is not None and not wanted and not problems:
            problems.append(msg("nothing to receive: give at least one SKU=QTY"))
        if problems:
            raise ValidationFailed(problems)
        with self._uow() as uow:
            po_id = resolve_po_id(uow, ref)
            po = uow.purchasing.po(po_id, for_update=True)
            assert po is not None  # resolve_po_id found it
            number = po_number(po_id)
            if not can_move(PurchaseOrderStatus, po.status, PurchaseOrderStatus.RECEIVED):
                raise InvalidTransition(msg("{number} is {status}; only a sent or partly received purchase order "
                                            "can be received (send it first).", number=number,
                                            status=po.status.replace('_', ' ')))
            lines = uow.purchasing.lines(po_id)
            by_sku = {ln.sku: ln for ln in lines}
            if quantities is None:
                wanted = {ln.sku: ln.quantity - ln.received for ln in lines if ln.quantity > ln.received}
            for sku, q in wanted.items():
                ln = by_sku.get(sku)
                if ln is None:
                    problems.append(msg("{sku} is not on {number}", sku=sku, number=number))
                elif q > ln.quantity - ln.received:
                    problems.append(msg("{sku}: {quantity} is more than the {outstanding} still outstanding "
                                        "on {number}",
                                        sku=sku, quantity=q, outstanding=ln.quantity - ln.received, number=number))
            if problems:
                raise ValidationFailed(problems)
            if not wanted:
                raise BusinessRuleViolation(msg("{number} has nothing left to receive.", number=number))
            moves = []
            for sku in sorted(wanted):
                ln, q = by_sku[sku], wanted[sku]
                uow.stock.change_on_hand(ln.product_id, q)
                uow.purchasing.set_received(ln.id, ln.received + q)
                moves.append(dict(product_id=ln.product_id, kind="receipt", on_hand_delta=q, reference=number,
                                  reason="purchase order receipt", user_id=actor.user_id))
            uow.stock.add_moves(moves)
            post_receipt(uow, actor, number, [(by_sku[s].product_id, q, by_sku[s].unit_cost_minor)
                                              for s, q in sorted(wanted.items())], currency=po.currency)
            complete = all(ln.received + wanted.get(ln.sku, 0) >= ln.quantity for ln in lines)
            status = PurchaseOrderStatus.RECEIVED if complete else PurchaseOrderStatus.PARTLY_RECEIVED
            check_move(PurchaseOrderStatus, po.status, status, number)
            uow.purchasing.update_po(po_id, {"status": status.value})
            pids = sorted(by_sku[s].product_id for s in wanted)
            backorders.reserve_waiting(uow, actor, pids)  # backorders taken at entry get the goods first come
            uow.events.add_event(ev.PurchaseOrderReceived(product_id=pids[0] if len(pids) == 1 else None,
                                                          number=number, status=status.value, product_ids=pids,
                                                          received={s: q for s, q in sorted(wanted.items())}),
                                 user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="po.receive",
                             entity="purchase_order", entity_id=number, old={"status": po.status},
                             new={"status": status.value, "received": wanted})
            dto = self._load(uow, po_id)
            uow.commit()
        return dto

    def suggest_purchase(self, actor: Actor, *, quantities: Mapping[int, int] | None = None) -> PurchaseSuggestion:
        """Draft purchase orders, one per preferred supplier, for everything at or below its reorder point; or,
        given ``quantities`` (units per product id, e.g. ``ForecastService.lead_time_needs``: forecast demand over the
        supplier's lead time), for those."""
        self._require(actor, Perm.PURCHASING, "create purchase orders")
        with self._uow() as uow:
            open_qty = uow.purchasing.open_quantities()
            per_supplier: dict[int, list] = defaultdict(list)
            without: list[str] = []
            rows = (uow.purchasing.reorder_candidates() if quantities is None
                    else uow.purchasing.reorder_candidates(product_ids=[i for i, q in quantities.items() if q > 0]))
            for r in rows:
                q = (reorder_quantity(r.on_hand - r.reserved, open_qty.get(r.id, 0), r.reorder_point, r.reorder_qty)
                     if quantities is None else quantities[r.id])
                if q <= 0:
                    continue
                if r.supplier_id is None:
                    without.append(r.sku)
                    continue
                per_supplier[r.supplier_id].append((r, q, r.cost_minor))
            note = "suggested from reorder points" if quantities is None else "suggested from forecast demand"
            ids = [self._add_to_draft(uow, actor, sid, items, note=note)
                   for sid, items in sorted(per_supplier.items())]
            orders = tuple(self._load(uow, i) for i in ids)
            uow.commit()
        return PurchaseSuggestion(orders, tuple(without))

    def on_order(self, actor: Actor, product_ids) -> dict[int, int]:
        """Units on sent or partly received purchase orders not yet received, per product id."""
        self._require(actor, Perm.VIEW, "see purchase orders")
        with self._uow(write=False) as uow:
            return uow.purchasing.on_order(product_ids)

    # ---- printing --------------------------------------------------------------------------------------------
    def purchase_order_doc(self, actor: Actor, ref) -> PurchaseOrderDoc:
        self._require(actor, Perm.VIEW, "print purchase orders")
        c = self.company
        with self._uow(write=False) as uow:
            po_id = resolve_po_id(uow, ref)
            po = self._load(uow, po_id)
            supplier = uow.purchasing.supplier(po.supplier_id)
            assert supplier is not None  # a purchase order's supplier is never deleted
        lines = tuple(PurchaseOrderLine(ln.sku, ln.name, ln.quantity, ln.unit_cost) for ln in po.lines)
        supplier_lines = tuple(x for x in [*supplier.address.splitlines(), supplier.email, supplier.phone] if x)
        return PurchaseOrderDoc(
            number=po.number, supplier=Address(supplier.name, supplier_lines),
            company=CompanyInfo(c.name, tuple(x for x in c.address.splitlines() if x.strip()), vat_id=c.vat_id),
            lines=lines, total=po.total, currency=po.currency, expected_date=po.expected_date,
            order_date=(po.sent_at or po.created_at).date(), notes=po.notes, locale=c.locale)

    def render_purchase_order(self, actor: Actor, ref) -> bytes:
        renderer = self._printer()
        return renderer.render_purchase_order(self.purchase_order_doc(actor, ref))

    # ---- helpers ---------------------------------------------------------------------------------------------
    def _transition(self, actor, ref, target: PurchaseOrderStatus, event, action,
                    note: str = "") -> PurchaseOrderDTO:
        self._require(actor, Perm.PURCHASING, f"{action.split('.')[1]} purchase orders")
        with self._uow() as uow:
            po_id = resolve_po_id(uow, ref)
            po = uow.purchasing.po(po_id, for_update=True)
            assert po is not None  # resolve_po_id found it
            number = po_number(po_id)
            check_move(PurchaseOrderStatus, po.status, target, number)
            if target is PurchaseOrderStatus.SENT and not uow.purchasing.lines(po_id):
                raise BusinessRuleViolation(msg("{number} has no lines; add at least one before sending it.",
                                                 number=number))
            values: dict[str, object] = {"status": target.value}
            if target is PurchaseOrderStatus.SENT:
                values["sent_at"] = utc_now()
            uow.purchasing.update_po(po_id, values)
            pids = sorted({ln.product_id for ln in uow.purchasing.lines(po_id)})
            uow.events.add_event(event(number=number, product_ids=pids, note=note), user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action=action,
                             entity="purchase_order", entity_id=number, old={"status": po.status},
                             new={"status": target.value, "note": note})
            dto = self._load(uow, po_id)
            uow.commit()
        return dto

    def _draft_for_edit(self, uow, ref) -> tuple[int, str]:
        po_id = resolve_po_id(uow, ref)
        po = uow.purchasing.po(po_id, for_update=True)
        assert po is not None  # resolve_po_id found it
        number = po_number(po_id)
        if po.status != PurchaseOrderStatus.DRAFT.value:
            raise InvalidTransition(msg("{number} is {status}; only a draft purchase order can be changed (cancel it "
                                        "and order again).", number=number, status=po.status.replace('_', ' ')))
        return po_id, number

    def _changed_draft(self, uow, actor, po_id: int, number: str, product_ids, note: str, *, old, new) -> None:
        """Total again from the lines, then the event and the audit record of a draft's change."""
        total = sum(ln.quantity * ln.unit_cost_minor for ln in uow.purchasing.lines(po_id))
        uow.purchasing.update_po(po_id, {"total_minor": total})
        uow.events.add_event(ev.PurchaseOrderChanged(number=number, product_ids=sorted(product_ids), note=note),
                             user_id=actor.user_id)
        uow.audit.record(user_id=actor.user_id, username=actor.username, action="po.change",
                         entity="purchase_order", entity_id=number, old=old, new=new)

    def _add_to_draft(self, uow, actor, supplier_id: int, items, *, note: str) -> int:
        """Put suggested items (product row, quantity, unit cost minor) on the supplier's open draft, adding to a
        line already there, or on a new draft when it has none."""
        uow.purchasing.lock_supplier(supplier_id)
        po_id = uow.purchasing.newest_draft(supplier_id)
        if po_id is None:
            return self._insert_po(uow, actor, supplier_id, items, notes=note)
        uow.purchasing.po(po_id, for_update=True)
        lines = {ln.product_id: ln for ln in uow.purchasing.lines(po_id)}
        next_no = max((ln.line_no for ln in lines.values()), default=0) + 1
        added = []
        for product, q, cost in items:
            line = lines.get(product.id)
            if line is not None:
                uow.purchasing.update_line(line.id, {"quantity": line.quantity + q})
            else:
                added.append(dict(po_id=po_id, line_no=next_no, product_id=product.id, sku=product.sku,
                                  name=product.name, quantity=q, received=0, unit_cost_minor=cost))
                next_no += 1
        uow.purchasing.add_lines(added)
        self._changed_draft(uow, actor, po_id, po_number(po_id), [p.id for p, _, _ in items], note, old=None,
                            new={"added": [(p.sku, q) for p, q, _ in items]})
        return po_id

    def _insert_po(self, uow, actor, supplier_id: int, items, *, notes: str = "",
                   expected_date: date | None = None) -> int:
        """items: (product row, quantity, unit cost minor)."""
        cur = self.company.currency
        total = sum(q * cost for _, q, cost in items)
        po_id = uow.purchasing.add_po(dict(supplier_id=supplier_id, status="draft", currency=cur, total_minor=total,
                                           notes=(notes or "").strip(), expected_date=expected_date,
                                           created_by=actor.user_id))
        uow.purchasing.add_lines([dict(po_id=po_id, line_no=i, product_id=p.id, sku=p.sku, name=p.name, quantity=q,
                                       received=0, unit_cost_minor=cost)
                                  for i, (p, q, cost) in enumerate(items, start=1)])
        number = po_number(po_id)
        uow.events.add_event(ev.PurchaseOrderCreated(number=number, supplier_id=supplier_id, lines=len(items),
                                                     total=str(from_minor(total, cur)), currency=cur),
                             user_id=actor.user_id)
        uow.audit.record(user_id=actor.user_id, username=actor.username, action="po.create",
                         entity="purchase_order", entity_id=number,
                         new={"supplier_id": supplier_id, "lines": [(p.sku, q, cost) for p, q, cost in items]})
        return po_id

    def _supplier(self, uow, ref):
        row = None
        if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
            row = uow.purchasing.supplier(int(ref))
        if row is None and isinstance(ref, str):
            row = uow.purchasing.supplier_by_name(ref.strip())
        if row is None:
            raise NotFound(msg("No supplier '{ref}'; add it first (oms supplier add).", ref=ref))
        return row

    def _load(self, uow, po_id: int) -> PurchaseOrderDTO:
        row = uow.purchasing.po(po_id)
        cur = row.currency
        invoiced = uow.payables.invoiced_quantities(po_id)
        lines = tuple(PurchaseOrderLineDTO(ln.line_no, ln.product_id, ln.sku, ln.name, ln.quantity, ln.received,
                                           from_minor(ln.unit_cost_minor, cur), invoiced.get(ln.id, 0))
                      for ln in uow.purchasing.lines(po_id))
        return self._dto(row, lines)

    @staticmethod
    def _dto(row, lines) -> PurchaseOrderDTO:
        return PurchaseOrderDTO(row.id, po_number(row.id), row.supplier_id, row.supplier_name, row.status,
                                row.currency, from_minor(row.total_minor, row.currency), row.notes, row.expected_date,
                                row.created_at, row.sent_at, len(lines) if lines else getattr(row, "line_count", 0),
                                lines)

    @staticmethod
    def _supplier_dto(r) -> SupplierDTO:
        return SupplierDTO(r.id, r.name, r.email, r.phone, r.address, r.active, r.lead_days)
