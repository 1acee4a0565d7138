"""Payables: supplier invoices booked against purchase orders, and what is paid on them.

Supplier invoices (``record_supplier_invoice``) are booked against a purchase order for what was received and not yet
invoiced: they clear goods received not invoiced at the order's unit costs, post the difference to the invoice's
prices as purchase price variance and the tax as input tax, and owe the gross to the supplier (payables) until
``pay_supplier_invoice`` pays it, in parts or at once, never more than is open. Both are append-only, like customer
invoices and payments (corrections come from the supplier as credit notes, which OMS Desktop does not book yet).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from ..domain import events as ev
from ..domain.errors import BusinessRuleViolation, NotFound, ValidationFailed
from ..domain.free_text import contains_card_number
from ..domain.ledger import SUPPLIER_PAYMENT_ACCOUNT, Account
from ..domain.messages import Message, msg, phrase
from ..domain.money import MAX_MINOR, from_minor, parse_amount, to_minor
from ..domain.orders import parse_quantity, parse_rate
from ..domain.pricing import supplier_invoice_totals
from ..domain.references import Series, parse_ref, po_number, supplier_invoice_ref
from ..domain.roles import Perm
from .base import ServiceBase
from .dto import Actor
from .ledger_posting import post_supplier_invoice, post_supplier_payment
from .ports import utc_now
from .purchasing import resolve_po_id

SUPPLIER_PAYMENT_METHODS = tuple(m.value for m in SUPPLIER_PAYMENT_ACCOUNT)
MAX_SUPPLIER_INVOICE_NUMBER = 64
MAX_DOCUMENT_MINOR = MAX_MINOR  # a total beyond this is a typing mistake (and would not fit the ledger's integers)


def invoice_number_key(number: str) -> str:
    """A supplier's invoice number as compared for duplicates: upper case, runs of spaces as one."""
    return " ".join(str(number).split()).upper()


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


def payables_problems(uow, balances: dict[str, int]) -> list[str]:
    """What is wrong between the purchasing documents and the journal (empty when nothing): goods received not
    invoiced must hold the receipts at purchase order cost less what supplier invoices cleared, payables the supplier
    invoices less what was paid on them. ``balances``: the journal's account balances (minor units, credit
    negative). ``LedgerService.ledger_problems`` includes these."""
    f = uow.payables.payables_figures()
    problems = []
    grni, expected = balances.get(Account.GOODS_RECEIVED.value, 0), -(f["received"] - f["cleared"])
    if grni != expected:
        problems.append(f"goods received not invoiced {grni} differs from receipts at purchase order cost less "
                        f"supplier invoices {expected}")
    payables, expected = balances.get(Account.PAYABLES.value, 0), -(f["invoiced"] - f["paid"])
    if payables != expected:
        problems.append(f"payables {payables} differ from supplier invoices less supplier payments {expected}")
    return problems


class PayablesService(ServiceBase):
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
            problems.append(msg("the supplier's invoice number is empty"))
        elif len(number) > MAX_SUPPLIER_INVOICE_NUMBER:
            problems.append(msg("the supplier's invoice number is longer than {most} characters",
                                most=MAX_SUPPLIER_INVOICE_NUMBER))
        invoice_date = self._checked_date(invoice_date, phrase("invoice date"), problems)
        if contains_card_number(notes or ""):
            problems.append(msg("the notes look like they hold a card number; card numbers are never stored"))
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
                problems.append(msg("{sku} appears twice; put the whole quantity on one line", sku=sku))
            wanted[sku] = (q, p)
        if lines is not None and not wanted and not problems:
            problems.append(msg("nothing to invoice: give at least one SKU=QTY"))
        tax_rate, tax_amount = self._parse_tax(tax, cur, problems)
        if problems:
            raise ValidationFailed(problems)
        with self._uow() as uow:
            po_id = resolve_po_id(uow, po_ref)
            po = uow.purchasing.po(po_id, for_update=True)
            assert po is not None  # resolve_po_id found it
            ref = po_number(po_id)
            uow.purchasing.lock_supplier(po.supplier_id)
            po_lines = uow.purchasing.lines(po_id)
            invoiced = uow.payables.invoiced_quantities(po_id)
            open_lines = {ln.sku: (ln, ln.received - invoiced.get(ln.id, 0)) for ln in po_lines}
            if lines is None:
                wanted = {sku: (None, None) for sku, (_ln, n) in open_lines.items() if n > 0}
                if not wanted:
                    raise BusinessRuleViolation(
                        msg("Nothing on {ref} is invoiceable: everything received is invoiced already.", ref=ref)
                        if any(ln.received for ln in po_lines)
                        else msg("Nothing on {ref} is invoiceable: nothing has been received yet.", ref=ref))
            taken = []
            for sku, (q, p) in wanted.items():
                if sku not in open_lines:
                    problems.append(msg("{sku} is not on {number}", sku=sku, number=ref))
                    continue
                ln, n = open_lines[sku]
                q = n if q is None else q
                if n <= 0:
                    problems.append(msg("{sku}: nothing is invoiceable on {ref} ({received})", sku=sku, ref=ref,
                                        received=self._received_text(ln, n)))
                elif q > n:
                    problems.append(msg("{sku}: {quantity} is more than the {invoiceable} invoiceable on {ref} "
                                        "({received})",
                                        sku=sku, quantity=q, invoiceable=n, ref=ref,
                                        received=self._received_text(ln, n)))
                else:
                    taken.append((ln, q, ln.unit_cost_minor if p is None else to_minor(p, cur)))
            duplicate = uow.payables.supplier_invoice_by_key(po.supplier_id, invoice_number_key(number))
            if duplicate is not None:
                problems.append(msg("{supplier}'s invoice {number} is recorded already ({ref} of {day})",
                                    supplier=po.supplier_name, number=duplicate.number,
                                    ref=supplier_invoice_ref(duplicate.id), day=duplicate.invoice_date.isoformat()))
            if problems:
                raise ValidationFailed(problems)
            taken.sort(key=lambda t: t[0].line_no)
            totals = supplier_invoice_totals(
                [(q, from_minor(p, cur), from_minor(ln.unit_cost_minor, cur)) for ln, q, p in taken], cur,
                tax_rate=tax_rate, tax_amount=from_minor(tax_amount, cur))
            cost, net, tax_minor = (to_minor(v, cur) for v in (totals.cost, totals.net, totals.tax))
            if net + tax_minor >= MAX_DOCUMENT_MINOR:
                raise ValidationFailed(msg("the invoice total {total} is too large",
                                           total=from_minor(net + tax_minor, cur)))
            units = sum(q for _ln, q, _p in taken)
            entry_id = post_supplier_invoice(
                uow, actor, f"Supplier invoice {number}, {po.supplier_name}, {ref} ({units} unit"
                            f"{'' if units == 1 else 's'})", cost=cost, net=net, tax=tax_minor, currency=po.currency)
            iid = uow.payables.add_supplier_invoice(
                dict(supplier_id=po.supplier_id, po_id=po_id, number=number, number_key=invoice_number_key(number),
                     invoice_date=invoice_date, currency=po.currency, cost_minor=cost, net_minor=net,
                     tax_minor=tax_minor, total_minor=net + tax_minor, notes=(notes or "").strip(),
                     entry_id=entry_id, user_id=actor.user_id),
                [dict(line_no=i, po_line_id=ln.id, product_id=ln.product_id, sku=ln.sku, name=ln.name, quantity=q,
                      unit_price_minor=p, unit_cost_minor=ln.unit_cost_minor, net_minor=q * p)
                 for i, (ln, q, p) in enumerate(taken, start=1)])
            si = supplier_invoice_ref(iid)
            recorded = ev.SupplierInvoiceRecorded(
                reference=si, number=number, po=ref, supplier=po.supplier_name,
                total=str(from_minor(net + tax_minor, cur)), variance=str(from_minor(net - cost, cur)),
                product_ids=sorted({ln.product_id for ln, _q, _p in taken}))
            payload = ev.payload_of(recorded)
            uow.events.add_event(recorded, user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="supplier_invoice.record",
                             entity="supplier_invoice", entity_id=si,
                             new={**payload, "date": invoice_date.isoformat(), "tax": str(from_minor(tax_minor, cur)),
                                  "lines": [(ln.sku, q, str(from_minor(p, cur))) for ln, q, p in taken]})
            dto = self._supplier_invoice_dto(uow, uow.payables.supplier_invoice(iid))
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
            problems.append(msg("payment method '{method}' is unknown (choose {choices})", method=method,
                                choices=" or ".join(SUPPLIER_PAYMENT_METHODS)))
        value = None
        if amount not in (None, ""):
            try:
                value = to_minor(parse_amount(amount, cur), cur)
                if value <= 0:
                    problems.append(msg("the amount must be more than 0"))
            except ValidationFailed as e:
                problems.extend(e.problems)
        reference = " ".join(str(reference or "").split())
        if len(reference) > 100:
            problems.append(msg("the reference is longer than 100 characters"))
        if contains_card_number(reference):
            problems.append(msg("the reference looks like a card number; card numbers are never stored"))
        paid_on = self._checked_date(paid_on, phrase("payment date"), problems)
        if problems:
            raise ValidationFailed(problems)
        with self._uow() as uow:
            iid = self._resolve_supplier_invoice(uow, ref)
            inv = uow.payables.supplier_invoice(iid, for_update=True)
            assert inv is not None  # _resolve_supplier_invoice found it
            si = supplier_invoice_ref(iid)
            still_open = int(inv.total_minor) - int(inv.paid_minor)
            if still_open <= 0:
                raise BusinessRuleViolation(msg("{ref} ({supplier}'s invoice {number}) is paid in full.", ref=si,
                                                 supplier=inv.supplier_name, number=inv.number))
            value = still_open if value is None else value
            if value > still_open:
                raise BusinessRuleViolation(msg(
                    "{amount} is more than the {still_open} still open on {ref} ({supplier}'s invoice {number}); an "
                    "overpayment is refused.", amount=from_minor(value, inv.currency),
                    still_open=from_minor(still_open, inv.currency), ref=si, supplier=inv.supplier_name,
                    number=inv.number))
            entry_id = post_supplier_payment(uow, actor, f"Payment to {inv.supplier_name}, invoice {inv.number} ({si})",
                                             method, value, currency=inv.currency)
            pid = uow.payables.add_supplier_payment(dict(invoice_id=iid, method=method, amount_minor=value,
                                                           currency=inv.currency, reference=reference,
                                                           paid_on=paid_on, entry_id=entry_id,
                                                           user_id=actor.user_id))
            left = from_minor(still_open - value, inv.currency)
            paid = ev.SupplierInvoicePaid(reference=si, number=inv.number, supplier=inv.supplier_name, method=method,
                                          amount=str(from_minor(value, inv.currency)), open=str(left))
            payload = ev.payload_of(paid)
            uow.events.add_event(paid, user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="supplier_invoice.pay",
                             entity="supplier_invoice", entity_id=si,
                             new={**payload, "paid_on": paid_on.isoformat(), "payment_reference": reference})
            uow.commit()
        return SupplierPaymentDTO(pid, si, inv.supplier_name, inv.number, method, from_minor(value, inv.currency),
                                  inv.currency, reference, paid_on, left)

    def get_supplier_invoice(self, actor: Actor, ref) -> SupplierInvoiceDTO:
        self._require(actor, Perm.VIEW, "see supplier invoices")
        with self._uow(write=False) as uow:
            return self._supplier_invoice_dto(uow, uow.payables.supplier_invoice(
                self._resolve_supplier_invoice(uow, ref)))

    def list_supplier_invoices(self, actor: Actor, *, po_ref=None, open_only: bool = False,
                               limit: int = 200) -> list[SupplierInvoiceDTO]:
        """Supplier invoices, newest first (without their lines): of one purchase order, or all; ``open_only``:
        those not paid in full."""
        self._require(actor, Perm.VIEW, "see supplier invoices")
        with self._uow(write=False) as uow:
            po_id = None if po_ref in (None, "") else resolve_po_id(uow, po_ref)
            return [self._supplier_invoice_dto(uow, r, with_lines=False)
                    for r in uow.payables.supplier_invoices(po_id=po_id, open_only=open_only, limit=limit)]

    @staticmethod
    def _received_text(ln, invoiceable: int) -> Message:
        return msg("received {received} of {quantity}, invoiced {invoiced}", received=ln.received,
                   quantity=ln.quantity, invoiced=ln.received - invoiceable)

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
                problems.append(msg("the {what} '{value}' is not a date (YYYY-MM-DD)", what=what, value=value))
                return today
        if value > today + timedelta(days=1):
            problems.append(msg("the {what} {day} is in the future", what=what, day=value.isoformat()))
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
            if uow.payables.supplier_invoice(ref) is None:
                raise NotFound(msg("No supplier invoice {ref}.", ref=supplier_invoice_ref(ref)))
            return ref
        text = str(ref or "").strip()
        own = parse_ref(Series.SUPPLIER_INVOICE, text)
        if own is not None and uow.payables.supplier_invoice(own) is not None:
            return own
        ids = uow.payables.supplier_invoice_ids_by_key(invoice_number_key(text)) if text else []
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            raise ValidationFailed(msg("several suppliers have an invoice numbered '{number}' ({refs}); give our "
                                       "reference instead", number=text,
                                       refs=", ".join(supplier_invoice_ref(i) for i in ids)))
        raise NotFound(msg("No supplier invoice '{ref}' (give our reference SI-000001 or the supplier's number).",
                              ref=ref))

    def _supplier_invoice_dto(self, uow, r, *, with_lines: bool = True) -> SupplierInvoiceDTO:
        cur = r.currency
        lines: tuple[SupplierInvoiceLineDTO, ...] = ()
        if with_lines:
            lines = tuple(SupplierInvoiceLineDTO(ln.line_no, ln.sku, ln.name, ln.quantity,
                                                 from_minor(ln.unit_price_minor, cur),
                                                 from_minor(ln.unit_cost_minor, cur), from_minor(ln.net_minor, cur))
                          for ln in uow.payables.supplier_invoice_lines(r.id))
        return SupplierInvoiceDTO(r.id, supplier_invoice_ref(r.id), r.supplier_id, r.supplier_name, r.number,
                                  r.invoice_date, po_number(r.po_id), cur, from_minor(r.cost_minor, cur),
                                  from_minor(r.net_minor, cur), from_minor(r.tax_minor, cur),
                                  from_minor(r.total_minor, cur), from_minor(r.paid_minor, cur), r.notes,
                                  r.recorded_at, r.username or "", lines)
