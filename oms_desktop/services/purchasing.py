"""Purchasing: suppliers, purchase orders (draft -> sent -> partly received -> received; or cancelled), receiving
through stock moves, "suggest purchase" from reorder points, and the purchase order as a PDF.

The reorder rule used by ``suggest_purchase``: a product is suggested when its *inventory position* (available, i.e.
on hand minus reserved, plus what is still to come on draft, sent and partly received purchase orders) is at or
below its reorder point. The quantity is its ``reorder_qty`` when that is set (> 0); otherwise enough to bring the
position up to twice the reorder point (``2 * reorder_point - position``, at least 1). Products go to their preferred
supplier, one draft purchase order per supplier; products without a preferred supplier are reported, not ordered.

Supplier invoices (``record_supplier_invoice``) are booked against a purchase order for what was received and not yet
invoiced: they clear goods received not invoiced at the order's unit costs, post the difference to the invoice's
prices as purchase price variance and the tax as input tax, and owe the gross to the supplier (payables) until
``pay_supplier_invoice`` pays it, in parts or at once, never more than is open. Both are append-only, like customer
invoices and payments (corrections come from the supplier as credit notes, which OMS Desktop does not book yet).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from ..domain.errors import BusinessRuleViolation, InvalidTransition, NotFound, ValidationFailed
from ..domain.ledger import SUPPLIER_PAYMENT_ACCOUNT, Account, contains_card_number
from ..domain.money import MAX_MINOR, from_minor, parse_amount, to_minor
from ..domain.orders import parse_quantity, parse_rate
from ..domain.roles import Perm
from ..domain.pricing import supplier_invoice_totals
from ..domain.references import Series, parse_ref, po_number, supplier_invoice_ref
from .base import ServiceBase
from .documents import Address, CompanyInfo, PurchaseOrderDoc, PurchaseOrderLine
from .dto import Actor
from .ledger_posting import post_receipt, post_supplier_invoice, post_supplier_payment
from .ports import utc_now

PO_STATUSES = ("draft", "sent", "partly_received", "received", "cancelled")
SUPPLIER_PAYMENT_METHODS = tuple(m.value for m in SUPPLIER_PAYMENT_ACCOUNT)
MAX_SUPPLIER_INVOICE_NUMBER = 64
MAX_DOCUMENT_MINOR = MAX_MINOR  # a total beyond this is a typing mistake (and would not fit the ledger's integers)


def invoice_number_key(number: str) -> str:
    """A supplier's invoice number as compared for duplicates: upper case, runs of spaces as one."""
    return " ".join(str(number).split()).upper()


@dataclass(frozen=True)
class SupplierDTO:
    id: int
    name: str
    email: str
    phone: str
    address: str
    active: bool


@dataclass(frozen=True)
class PurchaseOrderLineDTO:
    line_no: int
    product_id: int
    sku: str
    name: str
    quantity: int
    received: int
    unit_cost: Decimal
    invoiced: int = 0  # units the supplier has invoiced so far

    @property
    def outstanding(self) -> int:
        return self.quantity - self.received

    @property
    def invoiceable(self) -> int:
        """Received and not yet invoiced: what a supplier invoice may still charge for."""
        return self.received - self.invoiced


@dataclass(frozen=True)
class PurchaseOrderDTO:
    id: int
    number: str
    supplier_id: int
    supplier_name: str
    status: str
    currency: str
    total: Decimal
    notes: str
    expected_date: date | None
    created_at: datetime
    sent_at: datetime | None
    line_count: int
    lines: tuple[PurchaseOrderLineDTO, ...] = ()

    @property
    def product_ids(self) -> list[int]:
        return [ln.product_id for ln in self.lines]


@dataclass(frozen=True)
class SupplierInvoiceLineDTO:
    line_no: int
    sku: str
    name: str
    quantity: int
    unit_price: Decimal   # the supplier's price
    unit_cost: Decimal    # the purchase order's price
    net: Decimal

    @property
    def variance(self) -> Decimal:
        """What this line costs more (positive) or less than the purchase order said."""
        return self.net - self.quantity * self.unit_cost


@dataclass(frozen=True)
class SupplierInvoiceDTO:
    id: int
    reference: str          # SI-000001, ours
    supplier_id: int
    supplier_name: str
    number: str             # the supplier's
    invoice_date: date
    po_number: str
    currency: str
    cost: Decimal           # the invoiced quantities at the purchase order's prices
    net: Decimal
    tax: Decimal
    total: Decimal
    paid: Decimal
    notes: str
    recorded_at: datetime
    recorded_by: str
    lines: tuple[SupplierInvoiceLineDTO, ...] = ()

    @property
    def open(self) -> Decimal:
        return self.total - self.paid

    @property
    def variance(self) -> Decimal:
        return self.net - self.cost


@dataclass(frozen=True)
class SupplierPaymentDTO:
    id: int
    invoice_reference: str
    supplier_name: str
    supplier_invoice_number: str
    method: str
    amount: Decimal
    currency: str
    reference: str
    paid_on: date
    open_after: Decimal     # what is still owed on the invoice after this payment


@dataclass(frozen=True)
class PurchaseSuggestion:
    """What ``suggest_purchase`` did: the draft orders it created and the SKUs it could not place."""
    orders: tuple[PurchaseOrderDTO, ...]
    without_supplier: tuple[str, ...]


def payables_problems(uow, balances: dict[str, int]) -> list[str]:
    """What is wrong between the purchasing documents and the journal (empty when nothing): goods received not
    invoiced must hold the receipts at purchase order cost less what supplier invoices cleared, payables the supplier
    invoices less what was paid on them. ``balances``: the journal's account balances (minor units, credit
    negative). ``LedgerService.ledger_problems`` includes these."""
    f = uow.purchasing.payables_figures()
    problems = []
    grni, expected = balances.get(Account.GOODS_RECEIVED.value, 0), -(f["received"] - f["cleared"])
    if grni != expected:
        problems.append(f"goods received not invoiced {grni} differs from receipts at purchase order cost less "
                        f"supplier invoices {expected}")
    payables, expected = balances.get(Account.PAYABLES.value, 0), -(f["invoiced"] - f["paid"])
    if payables != expected:
        problems.append(f"payables {payables} differ from supplier invoices less supplier payments {expected}")
    return problems


def reorder_quantity(available: int, open_qty: int, reorder_point: int, reorder_qty: int) -> int:
    """The reorder rule (see the module docstring); 0 means "nothing to order"."""
    position = available + open_qty
    if position > reorder_point:
        return 0
    if reorder_qty > 0:
        return reorder_qty
    return max(2 * reorder_point - position, 1)


class PurchasingService(ServiceBase):
    renderer = None  # set by bootstrap (adapters may not be imported here); see _renderer()

    def _renderer(self):
        if self.renderer is None:
            raise BusinessRuleViolation("No PDF renderer is configured in this program; purchase orders cannot "
                                        "be printed here.")
        return self.renderer

    # ---- suppliers -------------------------------------------------------------------------------------------
    def add_supplier(self, actor: Actor, name: str, *, email: str = "", phone: str = "",
                     address: str = "") -> SupplierDTO:
        self._require(actor, Perm.PURCHASING, "add suppliers")
        name = (name or "").strip()
        problems = []
        if not name:
            problems.append("supplier name is empty")
        elif len(name) > 200:
            problems.append("supplier name is longer than 200 characters")
        email = (email or "").strip()
        if email and ("@" not in email or len(email) > 254):
            problems.append(f"email '{email}' is not an email address")
        if problems:
            raise ValidationFailed(problems)
        with self._uow() as uow:
            if uow.purchasing.supplier_by_name(name) is not None:
                raise ValidationFailed(f"a supplier named '{name}' exists already")
            sid = uow.purchasing.add_supplier(dict(name=name, email=email, phone=(phone or "").strip()[:50],
                                                   address=(address or "").strip()))
            uow.events.add("supplier_added", user_id=actor.user_id, payload={"supplier_id": sid, "name": name})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="supplier.add",
                             entity="supplier", entity_id=sid, new={"name": name, "email": email})
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
                raise NotFound(f"No product with SKU '{sku}'.")
            supplier = None if supplier_ref in (None, "") else self._supplier(uow, supplier_ref)
            uow.purchasing.set_preferred(product.id, supplier.id if supplier else None, (supplier_sku or "")[:64])
            uow.events.add("preferred_supplier_set", user_id=actor.user_id, product_id=product.id,
                           payload={"sku": sku, "supplier": supplier.name if supplier else None})
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
            problems.append("a purchase order needs at least one line (SKU=QTY)")
        seen = set()
        for sku, _, _ in wanted:
            if sku in seen:
                problems.append(f"{sku} appears twice; put the whole quantity on one line")
            seen.add(sku)
        if problems:
            raise ValidationFailed(problems)
        with self._uow() as uow:
            supplier = self._supplier(uow, supplier_ref)
            products = uow.products.by_skus([s for s, _, _ in wanted])
            unknown = [s for s, _, _ in wanted if s not in products]
            if unknown:
                raise NotFound(f"Unknown SKU(s): {', '.join(unknown)}.")
            po_id = self._insert_po(uow, actor, supplier.id, [
                (products[s], q, to_minor(c, cur) if c is not None else products[s].cost_minor) for s, q, c in wanted],
                notes=notes, expected_date=expected_date)
            dto = self._load(uow, po_id)
            uow.commit()
        return dto

    def get_purchase_order(self, actor: Actor, ref) -> PurchaseOrderDTO:
        self._require(actor, Perm.VIEW, "see purchase orders")
        with self._uow(write=False) as uow:
            return self._load(uow, self._resolve(uow, ref))

    def list_purchase_orders(self, actor: Actor, *, status: str | None = None,
                             limit: int = 200) -> list[PurchaseOrderDTO]:
        self._require(actor, Perm.VIEW, "see purchase orders")
        if status is not None and status not in PO_STATUSES:
            raise ValidationFailed(f"status '{status}' is unknown (choose one of: {', '.join(PO_STATUSES)})")
        with self._uow(write=False) as uow:
            return [self._dto(r, ()) for r in uow.purchasing.list_pos(status=status, limit=limit)]

    def send_purchase_order(self, actor: Actor, ref) -> PurchaseOrderDTO:
        """Draft -> sent: from now on its quantities count as "on order"."""
        return self._transition(actor, ref, "sent", ("draft",), "purchase_order_sent", "po.send")

    def cancel_purchase_order(self, actor: Actor, ref, reason: str = "") -> PurchaseOrderDTO:
        """Cancel a draft or sent order; one that has received goods cannot be cancelled."""
        return self._transition(actor, ref, "cancelled", ("draft", "sent"), "purchase_order_cancelled",
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
            problems.append("nothing to receive: give at least one SKU=QTY")
        if problems:
            raise ValidationFailed(problems)
        with self._uow() as uow:
            po_id = self._resolve(uow, ref)
            po = uow.purchasing.po(po_id, for_update=True)
            number = po_number(po_id)
            if po.status not in ("sent", "partly_received"):
                raise InvalidTransition(f"{number} is {po.status.replace('_', ' ')}; only a sent or partly received "
                                        "purchase order can be received (send it first).")
            lines = uow.purchasing.lines(po_id)
            by_sku = {ln.sku: ln for ln in lines}
            if quantities is None:
                wanted = {ln.sku: ln.quantity - ln.received for ln in lines if ln.quantity > ln.received}
            for sku, q in wanted.items():
                ln = by_sku.get(sku)
                if ln is None:
                    problems.append(f"{sku} is not on {number}")
                elif q > ln.quantity - ln.received:
                    problems.append(f"{sku}: {q} is more than the {ln.quantity - ln.received} still outstanding "
                                    f"on {number}")
            if problems:
                raise ValidationFailed(problems)
            if not wanted:
                raise BusinessRuleViolation(f"{number} has nothing left to receive.")
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
            status = "received" if complete else "partly_received"
            uow.purchasing.update_po(po_id, {"status": status})
            pids = sorted(by_sku[s].product_id for s in wanted)
            uow.events.add("purchase_order_received", user_id=actor.user_id,
                           product_id=pids[0] if len(pids) == 1 else None,
                           payload={"number": number, "status": status, "product_ids": pids,
                                    "received": {s: q for s, q in sorted(wanted.items())}})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="po.receive",
                             entity="purchase_order", entity_id=number, old={"status": po.status},
                             new={"status": status, "received": wanted})
            dto = self._load(uow, po_id)
            uow.commit()
        return dto

    def suggest_purchase(self, actor: Actor) -> PurchaseSuggestion:
        """Draft purchase orders, one per preferred supplier, for everything at or below its reorder point."""
        self._require(actor, Perm.PURCHASING, "create purchase orders")
        with self._uow() as uow:
            open_qty = uow.purchasing.open_quantities()
            per_supplier: dict[int, list] = defaultdict(list)
            without: list[str] = []
            for r in uow.purchasing.reorder_candidates():
                q = reorder_quantity(r.on_hand - r.reserved, open_qty.get(r.id, 0), r.reorder_point, r.reorder_qty)
                if q <= 0:
                    continue
                if r.supplier_id is None:
                    without.append(r.sku)
                    continue
                per_supplier[r.supplier_id].append((r, q, r.cost_minor))
            ids = [self._insert_po(uow, actor, sid, items, notes="suggested from reorder points")
                   for sid, items in sorted(per_supplier.items())]
            orders = tuple(self._load(uow, i) for i in ids)
            uow.commit()
        return PurchaseSuggestion(orders, tuple(without))

    def on_order(self, actor: Actor, product_ids) -> dict[int, int]:
        """Units on sent or partly received purchase orders not yet received, per product id."""
        self._require(actor, Perm.VIEW, "see purchase orders")
        with self._uow(write=False) as uow:
            return uow.purchasing.on_order(product_ids)

    # ---- supplier invoices and payments ----------------------------------------------------------------------
    def record_supplier_invoice(self, actor: Actor, po_ref, number: str, *, invoice_date: date | None = None,
                                lines=None, tax="0", notes: str = "") -> SupplierInvoiceDTO:
        """Book the supplier's invoice ``number`` for goods received on purchase order ``po_ref``.

        ``lines``: None for everything received and not yet invoiced at the order's prices, or (sku, quantity,
        unit_price) items where an empty or None quantity means "all that is invoiceable" and an empty or None price
        the order's unit cost. ``tax``: the input tax charged, an amount ("19.00") or a rate of the net ("19%",
        rounded to the cent). Posts Dr goods received not invoiced (at the order's costs), Dr/Cr purchase price
        variance, Dr input tax, Cr payables (gross), in the same transaction. Refused, with nothing changed: more
        than is invoiceable, a number this supplier's invoices already have, bad amounts or dates.
        """
        self._require(actor, Perm.ACCOUNTING, "record supplier invoices")
        cur = self.company.currency
        problems: list[str] = []
        number = " ".join(str(number or "").split())
        if not number:
            problems.append("the supplier's invoice number is empty")
        elif len(number) > MAX_SUPPLIER_INVOICE_NUMBER:
            problems.append(f"the supplier's invoice number is longer than {MAX_SUPPLIER_INVOICE_NUMBER} characters")
        invoice_date = self._checked_date(invoice_date, "invoice date", problems)
        if contains_card_number(notes or ""):
            problems.append("the notes look like they hold a card number; card numbers are never stored")
        wanted: dict[str, tuple[int | None, Decimal | None]] = {}
        for item in lines or ():
            sku = str(item[0]).strip().upper()
            qty = item[1] if len(item) > 1 else None
            price = item[2] if len(item) > 2 else None
            try:
                q = None if qty in (None, "") else parse_quantity(qty, sku=sku)
                p = None if price in (None, "") else parse_amount(price, cur, field=f"unit price of {sku}")
            except ValidationFailed as e:
                problems.extend(e.problems)
                continue
            if sku in wanted:
                problems.append(f"{sku} appears twice; put the whole quantity on one line")
            wanted[sku] = (q, p)
        if lines is not None and not wanted and not problems:
            problems.append("nothing to invoice: give at least one SKU=QTY")
        tax_rate, tax_amount = self._parse_tax(tax, cur, problems)
        if problems:
            raise ValidationFailed(problems)
        with self._uow() as uow:
            po_id = self._resolve(uow, po_ref)
            po = uow.purchasing.po(po_id, for_update=True)
            ref = po_number(po_id)
            uow.purchasing.lock_supplier(po.supplier_id)
            po_lines = uow.purchasing.lines(po_id)
            invoiced = uow.purchasing.invoiced_quantities(po_id)
            open_lines = {ln.sku: (ln, ln.received - invoiced.get(ln.id, 0)) for ln in po_lines}
            if lines is None:
                wanted = {sku: (None, None) for sku, (_ln, n) in open_lines.items() if n > 0}
                if not wanted:
                    raise BusinessRuleViolation(f"Nothing on {ref} is invoiceable: "
                                                + ("everything received is invoiced already."
                                                   if any(ln.received for ln in po_lines)
                                                   else "nothing has been received yet."))
            taken = []
            for sku, (q, p) in wanted.items():
                if sku not in open_lines:
                    problems.append(f"{sku} is not on {ref}")
                    continue
                ln, n = open_lines[sku]
                q = n if q is None else q
                if n <= 0:
                    problems.append(f"{sku}: nothing is invoiceable on {ref} ({self._received_text(ln, n)})")
                elif q > n:
                    problems.append(f"{sku}: {q} is more than the {n} invoiceable on {ref} "
                                    f"({self._received_text(ln, n)})")
                else:
                    taken.append((ln, q, ln.unit_cost_minor if p is None else to_minor(p, cur)))
            duplicate = uow.purchasing.supplier_invoice_by_key(po.supplier_id, invoice_number_key(number))
            if duplicate is not None:
                problems.append(f"{po.supplier_name}'s invoice {duplicate.number} is recorded already "
                                f"({supplier_invoice_ref(duplicate.id)} of {duplicate.invoice_date.isoformat()})")
            if problems:
                raise ValidationFailed(problems)
            taken.sort(key=lambda t: t[0].line_no)
            totals = supplier_invoice_totals(
                [(q, from_minor(p, cur), from_minor(ln.unit_cost_minor, cur)) for ln, q, p in taken], cur,
                tax_rate=tax_rate, tax_amount=from_minor(tax_amount, cur))
            cost, net, tax_minor = (to_minor(v, cur) for v in (totals.cost, totals.net, totals.tax))
            if net + tax_minor >= MAX_DOCUMENT_MINOR:
                raise ValidationFailed(f"the invoice total {from_minor(net + tax_minor, cur)} is too large")
            units = sum(q for _ln, q, _p in taken)
            entry_id = post_supplier_invoice(
                uow, actor, f"Supplier invoice {number}, {po.supplier_name}, {ref} ({units} unit"
                            f"{'' if units == 1 else 's'})", cost=cost, net=net, tax=tax_minor, currency=po.currency)
            iid = uow.purchasing.add_supplier_invoice(
                dict(supplier_id=po.supplier_id, po_id=po_id, number=number, number_key=invoice_number_key(number),
                     invoice_date=invoice_date, currency=po.currency, cost_minor=cost, net_minor=net,
                     tax_minor=tax_minor, total_minor=net + tax_minor, notes=(notes or "").strip(),
                     entry_id=entry_id, user_id=actor.user_id),
                [dict(line_no=i, po_line_id=ln.id, product_id=ln.product_id, sku=ln.sku, name=ln.name, quantity=q,
                      unit_price_minor=p, unit_cost_minor=ln.unit_cost_minor, net_minor=q * p)
                 for i, (ln, q, p) in enumerate(taken, start=1)])
            si = supplier_invoice_ref(iid)
            payload = {"reference": si, "number": number, "po": ref, "supplier": po.supplier_name,
                       "total": str(from_minor(net + tax_minor, cur)), "variance": str(from_minor(net - cost, cur)),
                       "product_ids": sorted({ln.product_id for ln, _q, _p in taken})}
            uow.events.add("supplier_invoice_recorded", user_id=actor.user_id, payload=payload)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="supplier_invoice.record",
                             entity="supplier_invoice", entity_id=si,
                             new={**payload, "date": invoice_date.isoformat(), "tax": str(from_minor(tax_minor, cur)),
                                  "lines": [(ln.sku, q, str(from_minor(p, cur))) for ln, q, p in taken]})
            dto = self._supplier_invoice_dto(uow, uow.purchasing.supplier_invoice(iid))
            uow.commit()
        return dto

    def pay_supplier_invoice(self, actor: Actor, ref, amount=None, method: str = "bank", *, reference: str = "",
                             paid_on: date | None = None) -> SupplierPaymentDTO:
        """Pay a supplier invoice (``ref``: SI-000001, or the supplier's number when only one supplier has it):
        ``amount`` None pays what is open; a part leaves the rest open; more than is open is refused. Debit
        payables, credit the bank (``method`` "bank") or the till ("cash")."""
        self._require(actor, Perm.ACCOUNTING, "pay suppliers")
        cur = self.company.currency
        problems: list[str] = []
        method = str(method or "").strip().lower()
        if method not in SUPPLIER_PAYMENT_METHODS:
            problems.append(f"payment method '{method}' is unknown (choose {' or '.join(SUPPLIER_PAYMENT_METHODS)})")
        value = None
        if amount not in (None, ""):
            try:
                value = to_minor(parse_amount(amount, cur), cur)
                if value <= 0:
                    problems.append("the amount must be more than 0")
            except ValidationFailed as e:
                problems.extend(e.problems)
        reference = " ".join(str(reference or "").split())
        if len(reference) > 100:
            problems.append("the reference is longer than 100 characters")
        if contains_card_number(reference):
            problems.append("the reference looks like a card number; card numbers are never stored")
        paid_on = self._checked_date(paid_on, "payment date", problems)
        if problems:
            raise ValidationFailed(problems)
        with self._uow() as uow:
            iid = self._resolve_supplier_invoice(uow, ref)
            inv = uow.purchasing.supplier_invoice(iid, for_update=True)
            si = supplier_invoice_ref(iid)
            still_open = int(inv.total_minor) - int(inv.paid_minor)
            if still_open <= 0:
                raise BusinessRuleViolation(f"{si} ({inv.supplier_name}'s invoice {inv.number}) is paid in full.")
            value = still_open if value is None else value
            if value > still_open:
                raise BusinessRuleViolation(
                    f"{from_minor(value, inv.currency)} is more than the {from_minor(still_open, inv.currency)} still "
                    f"open on {si} ({inv.supplier_name}'s invoice {inv.number}); an overpayment is refused.")
            entry_id = post_supplier_payment(uow, actor, f"Payment to {inv.supplier_name}, invoice {inv.number} ({si})",
                                             method, value, currency=inv.currency)
            pid = uow.purchasing.add_supplier_payment(dict(invoice_id=iid, method=method, amount_minor=value,
                                                           currency=inv.currency, reference=reference,
                                                           paid_on=paid_on, entry_id=entry_id,
                                                           user_id=actor.user_id))
            left = from_minor(still_open - value, inv.currency)
            payload = {"reference": si, "number": inv.number, "supplier": inv.supplier_name, "method": method,
                       "amount": str(from_minor(value, inv.currency)), "open": str(left)}
            uow.events.add("supplier_invoice_paid", user_id=actor.user_id, payload=payload)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="supplier_invoice.pay",
                             entity="supplier_invoice", entity_id=si,
                             new={**payload, "paid_on": paid_on.isoformat(), "payment_reference": reference})
            uow.commit()
        return SupplierPaymentDTO(pid, si, inv.supplier_name, inv.number, method, from_minor(value, inv.currency),
                                  inv.currency, reference, paid_on, left)

    def get_supplier_invoice(self, actor: Actor, ref) -> SupplierInvoiceDTO:
        self._require(actor, Perm.VIEW, "see supplier invoices")
        with self._uow(write=False) as uow:
            return self._supplier_invoice_dto(uow, uow.purchasing.supplier_invoice(
                self._resolve_supplier_invoice(uow, ref)))

    def list_supplier_invoices(self, actor: Actor, *, po_ref=None, open_only: bool = False,
                               limit: int = 200) -> list[SupplierInvoiceDTO]:
        """Supplier invoices, newest first (without their lines): of one purchase order, or all; ``open_only``:
        those not paid in full."""
        self._require(actor, Perm.VIEW, "see supplier invoices")
        with self._uow(write=False) as uow:
            po_id = None if po_ref in (None, "") else self._resolve(uow, po_ref)
            return [self._supplier_invoice_dto(uow, r, with_lines=False)
                    for r in uow.purchasing.supplier_invoices(po_id=po_id, open_only=open_only, limit=limit)]

    @staticmethod
    def _received_text(ln, invoiceable: int) -> str:
        return f"received {ln.received} of {ln.quantity}, invoiced {ln.received - invoiceable}"

    @staticmethod
    def _checked_date(value, what: str, problems: list[str]) -> date:
        today = utc_now().date()
        if value in (None, ""):
            return today
        if isinstance(value, datetime):
            value = value.date()
        if not isinstance(value, date):
            try:
                value = date.fromisoformat(str(value).strip())
            except ValueError:
                problems.append(f"the {what} '{value}' is not a date (YYYY-MM-DD)")
                return today
        if value > today + timedelta(days=1):
            problems.append(f"the {what} {value.isoformat()} is in the future")
        return value

    @staticmethod
    def _parse_tax(tax, cur: str, problems: list[str]) -> tuple[Decimal | None, int]:
        """(rate, 0) for a rate of the net such as "19%", (None, amount in minor units) for an amount; a problem is
        added to ``problems`` instead of raising."""
        text = "0" if tax in (None, "") else tax
        try:
            if isinstance(text, str) and text.strip().endswith("%"):
                return parse_rate(text, field="tax"), 0
            return None, to_minor(parse_amount(text, cur, field="tax"), cur)
        except ValidationFailed as e:
            problems.extend(e.problems)
            return None, 0

    @staticmethod
    def _resolve_supplier_invoice(uow, ref) -> int:
        if isinstance(ref, int) and not isinstance(ref, bool):
            if uow.purchasing.supplier_invoice(ref) is None:
                raise NotFound(f"No supplier invoice {supplier_invoice_ref(ref)}.")
            return ref
        text = str(ref or "").strip()
        own = parse_ref(Series.SUPPLIER_INVOICE, text)
        if own is not None and uow.purchasing.supplier_invoice(own) is not None:
            return own
        ids = uow.purchasing.supplier_invoice_ids_by_key(invoice_number_key(text)) if text else []
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            raise ValidationFailed(f"several suppliers have an invoice numbered '{text}' "
                                   f"({', '.join(supplier_invoice_ref(i) for i in ids)}); give our reference instead")
        raise NotFound(f"No supplier invoice '{ref}' (give our reference SI-000001 or the supplier's number).")

    def _supplier_invoice_dto(self, uow, r, *, with_lines: bool = True) -> SupplierInvoiceDTO:
        cur = r.currency
        lines: tuple[SupplierInvoiceLineDTO, ...] = ()
        if with_lines:
            lines = tuple(SupplierInvoiceLineDTO(ln.line_no, ln.sku, ln.name, ln.quantity,
                                                 from_minor(ln.unit_price_minor, cur),
                                                 from_minor(ln.unit_cost_minor, cur), from_minor(ln.net_minor, cur))
                          for ln in uow.purchasing.supplier_invoice_lines(r.id))
        return SupplierInvoiceDTO(r.id, supplier_invoice_ref(r.id), r.supplier_id, r.supplier_name, r.number,
                                  r.invoice_date, po_number(r.po_id), cur, from_minor(r.cost_minor, cur),
                                  from_minor(r.net_minor, cur), from_minor(r.tax_minor, cur),
                                  from_minor(r.total_minor, cur), from_minor(r.paid_minor, cur), r.notes,
                                  r.recorded_at, r.username or "", lines)

    # ---- printing --------------------------------------------------------------------------------------------
    def purchase_order_doc(self, actor: Actor, ref) -> PurchaseOrderDoc:
        self._require(actor, Perm.VIEW, "print purchase orders")
        c = self.company
        with self._uow(write=False) as uow:
            po_id = self._resolve(uow, ref)
            po = self._load(uow, po_id)
            supplier = uow.purchasing.supplier(po.supplier_id)
        lines = tuple(PurchaseOrderLine(ln.sku, ln.name, ln.quantity, ln.unit_cost) for ln in po.lines)
        supplier_lines = tuple(x for x in [*supplier.address.splitlines(), supplier.email, supplier.phone] if x)
        return PurchaseOrderDoc(
            number=po.number, supplier=Address(supplier.name, supplier_lines),
            company=CompanyInfo(c.name, tuple(x for x in c.address.splitlines() if x.strip()), vat_id=c.vat_id),
            lines=lines, total=po.total, currency=po.currency, expected_date=po.expected_date,
            order_date=(po.sent_at or po.created_at).date(), notes=po.notes, locale=c.locale)

    def render_purchase_order(self, actor: Actor, ref) -> bytes:
        renderer = self._renderer()
        return renderer.render_purchase_order(self.purchase_order_doc(actor, ref))

    # ---- helpers ---------------------------------------------------------------------------------------------
    def _transition(self, actor, ref, target, allowed, event, action, note: str = "") -> PurchaseOrderDTO:
        self._require(actor, Perm.PURCHASING, f"{action.split('.')[1]} purchase orders")
        with self._uow() as uow:
            po_id = self._resolve(uow, ref)
            po = uow.purchasing.po(po_id, for_update=True)
            number = po_number(po_id)
            if po.status not in allowed:
                raise InvalidTransition(f"{number} is {po.status.replace('_', ' ')}; it cannot become "
                                        f"{target.replace('_', ' ')}.")
            values = {"status": target}
            if target == "sent":
                values["sent_at"] = utc_now()
            uow.purchasing.update_po(po_id, values)
            pids = sorted({ln.product_id for ln in uow.purchasing.lines(po_id)})
            uow.events.add(event, user_id=actor.user_id, payload={"number": number, "product_ids": pids,
                                                                  "note": note})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action=action,
                             entity="purchase_order", entity_id=number, old={"status": po.status},
                             new={"status": target, "note": note})
            dto = self._load(uow, po_id)
            uow.commit()
        return dto

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
        uow.events.add("purchase_order_created", user_id=actor.user_id,
                       payload={"number": number, "supplier_id": supplier_id, "lines": len(items),
                                "total": str(from_minor(total, cur)), "currency": cur})
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
            raise NotFound(f"No supplier '{ref}'; add it first (oms supplier add).")
        return row

    @staticmethod
    def _resolve(uow, ref) -> int:
        po_id = parse_ref(Series.PURCHASE_ORDER, str(ref))
        if po_id is None or uow.purchasing.po(po_id) is None:
            raise NotFound(f"No purchase order '{ref}'.")
        return po_id

    def _load(self, uow, po_id: int) -> PurchaseOrderDTO:
        row = uow.purchasing.po(po_id)
        cur = row.currency
        invoiced = uow.purchasing.invoiced_quantities(po_id)
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
        return SupplierDTO(r.id, r.name, r.email, r.phone, r.address, r.active)
