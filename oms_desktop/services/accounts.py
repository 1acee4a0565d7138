"""Accounts: payments and refunds, invoices and credit notes with gapless numbers, the journal and its reports.

Rules this module keeps:

* Invoice numbers are gapless per series (``INV`` invoices, ``CRN`` credit notes). A number is drawn from the series'
  counter row only in the transaction that issues the document (PostgreSQL locks the row with ``UPDATE ...
  RETURNING``; SQLite's ``BEGIN IMMEDIATE`` serialises writers), so a failure after numbering rolls the number back
  with everything else. A preview (draft) carries no number.
* An issued invoice never changes: its PDF is stored as issued, so a reprint is the same document; a correction is
  a credit note referencing it. Rendering (milliseconds of ReportLab) stays out of the issuing transaction, which
  holds the number's lock (and SQLite's one write lock): the invoice, with everything its PDF shows (seller and buyer
  as they were, lines, totals, what was paid before), is committed first; the PDF is rendered from those stored rows
  only and stored in a second, tiny transaction (``invoice_documents``, insert if absent). Should that not happen
  (a crash in between, or ``render=False`` when a background job prints), the first ``invoice_pdf`` renders the same
  document from the same rows and stores it. Posted journal entries never change either; a mistake is reversed. The
  database refuses UPDATE and DELETE on these tables too (migration 0004).
* An order can have several invoices, each for units not invoiced yet (invoices less credit notes): ``what="shipped"``
  bills what left the building (a first shipment, later its backorder), ``"all"`` the whole order (counter sale,
  prepayment), ``"auto"`` the first once the order has a shipment, else the second. A unit is never invoiced twice;
  the invoice that leaves nothing uninvoiced takes what is left of the order's net and tax, so the invoices add up
  to the order's total to the cent.
* Tax rounding is a company setting (``CompanyService.update(tax_rounding="line" | "document")``, see
  ``domain.orders.TaxRounding``): ``line`` rounds each line's tax and adds them up (what a till receipt shows);
  ``document`` adds the net per tax rate and rounds the tax once per rate (EN 16931 / Factur-X). An order keeps the
  mode it was created under, and its invoice and credit notes use the order's mode, so the screen, the PDF and the
  journal always show the same cents.
* Money: Decimal in and out, integer minor units in storage; amounts typed by people go through
  ``domain.money.parse_amount``. Card payments store at most the last four digits and the terminal's reference; a
  free-text field holding anything that looks like a card number (13-19 digits passing the Luhn check) is refused.
"""
from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from types import SimpleNamespace
from typing import Callable

from ..domain.errors import BusinessRuleViolation, InvalidTransition, NotFound, ValidationFailed
from ..domain.ledger import (ACCOUNT_LABELS, Account, EntryKind, Method, contains_card_number,
                             credit_note_entry, invoice_entry, receipt_entry, refund_entry, reversal_entry)
from ..domain.ledger import Entry, Posting
from ..domain.money import from_minor, parse_amount, to_minor
from ..domain.orders import bp_to_rate, parse_quantity
from ..domain.roles import Perm
from . import checks
from .base import ServiceBase
from .documents import (Address, CompanyInfo, InvoiceDoc, InvoiceLine, ReceiptDoc, ReceiptLine, ReceiptPayment,
                        TaxRow)
from ..domain.references import Series, format_ref, order_number, parse_invoice_or_credit_note, receipt_number
from .dto import Actor
from .ledger_posting import post_entry
from .pricing import price_order_lines
from .order_lookup import order_row, resolve_order_id
from .ports import utc_now

INVOICE_SERIES = Series.INVOICE
CREDIT_SERIES = Series.CREDIT_NOTE
PAYMENT_TERMS_DAYS = 14
AGING_BUCKETS = ((0, "current"), (30, "1-30"), (60, "31-60"), (90, "61-90"))
NOT_INVOICEABLE = ("draft", "cancelled")
INVOICE_WHAT = ("auto", "shipped", "all")
"""What ``issue_invoice`` bills: ``shipped`` the units that left the building and are not invoiced yet; ``all`` every
unit of the order not invoiced yet (a counter sale, a prepayment); ``auto`` (the default) ``shipped`` once the order
has a shipment, else ``all``."""
SHIPPED_BY_HAND = ("shipped", "delivered", "returned")
"""Order statuses that mean the goods left, also when set by hand (``advance_order``) without a warehouse shipment."""
QUEUE_GROUP_LIMIT = 500
"""At most this many orders per group of the accounts queue (its oldest waiting for an invoice, its newest open)."""
LAST4_RE = re.compile(r"^\d{4}$")
CREDIT_NOTE_TERMS = "The amount is credited to your account or refunded."

log = logging.getLogger(__name__)


# ---- DTOs ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PaymentDTO:
    id: int
    order_id: int
    order_number: str
    kind: str  # payment | refund
    method: str
    amount: Decimal
    currency: str
    reference: str
    card_last4: str
    notes: str
    received_at: datetime
    username: str


@dataclass(frozen=True)
class InvoiceLineDTO:
    line_no: int
    sku: str
    name: str
    quantity: int
    unit_price: Decimal
    tax_rate: Decimal
    discount: Decimal
    net: Decimal
    tax: Decimal


@dataclass(frozen=True)
class InvoiceDTO:
    id: int
    kind: str  # invoice | credit_note
    number: str
    order_id: int
    order_number: str
    customer_name: str
    issue_date: date
    due_date: date | None
    currency: str
    net: Decimal
    tax: Decimal
    total: Decimal
    references_number: str | None
    issued_by: str
    lines: tuple[InvoiceLineDTO, ...] = ()
    notes: str = ""  # printed on the document: a credit note's reason; a part invoice's "not yet invoiced"


@dataclass(frozen=True)
class InvoicePlanLineDTO:
    """One order line as an invoice of it would bill it: ``shipped`` net of returns, ``invoiced`` net of credit
    notes (both counted per product, given to the order's lines in line order), ``to_invoice`` on this invoice."""
    line_no: int
    sku: str
    name: str
    ordered: int
    shipped: int
    invoiced: int
    to_invoice: int


@dataclass(frozen=True)
class InvoicePlanDTO:
    """What ``issue_invoice(what=...)`` would bill now; ``refusal`` says why nothing can be (then it is refused)."""
    order_id: int
    order_number: str
    status: str
    what: str  # shipped | all: the choice, with auto decided
    lines: tuple[InvoicePlanLineDTO, ...]
    net: Decimal
    tax: Decimal
    total: Decimal
    currency: str
    final: bool  # after it every unit of the order is invoiced (it takes what is left of the order's total)
    earlier: tuple[str, ...]  # invoice numbers of the order not fully credited
    refusal: str = ""

    @property
    def units(self) -> int:
        return sum(ln.to_invoice for ln in self.lines)

    @property
    def units_left(self) -> int:
        """Units of the order still not invoiced after this invoice."""
        return sum(ln.ordered - ln.invoiced - ln.to_invoice for ln in self.lines)


@dataclass(frozen=True)
class PostingDTO:
    account: str
    amount: Decimal  # debit positive, credit negative

    @property
    def debit(self) -> Decimal:
        return self.amount if self.amount > 0 else Decimal(0)

    @property
    def credit(self) -> Decimal:
        return -self.amount if self.amount < 0 else Decimal(0)


@dataclass(frozen=True)
class EntryDTO:
    id: int
    posted_at: datetime
    posted_on: date
    kind: str
    description: str
    currency: str
    order_id: int | None
    username: str
    reverses_id: int | None
    reversed_by: int | None
    postings: tuple[PostingDTO, ...]


@dataclass(frozen=True)
class BalanceRow:
    account: str
    label: str
    debit: Decimal
    credit: Decimal

    @property
    def balance(self) -> Decimal:
        return self.debit - self.credit


@dataclass(frozen=True)
class TrialBalanceDTO:
    currency: str
    rows: tuple[BalanceRow, ...]
    total_debit: Decimal
    total_credit: Decimal

    @property
    def balanced(self) -> bool:
        return self.total_debit == self.total_credit

    def balance_of(self, account: str) -> Decimal:
        return next((r.balance for r in self.rows if r.account == account), Decimal(0))


@dataclass(frozen=True)
class QueueItem:
    order_id: int
    order_number: str
    status: str
    customer_name: str
    total: Decimal
    invoiced: Decimal
    paid: Decimal
    open_amount: Decimal  # what the customer still owes (negative: what we owe the customer)
    invoice_number: str | None
    due_date: date | None
    days_overdue: int


@dataclass(frozen=True)
class AccountsQueueDTO:
    waiting_invoice: tuple[QueueItem, ...]   # paid, no invoice yet
    awaiting_payment: tuple[QueueItem, ...]  # invoiced, not fully paid, not overdue
    overdue: tuple[QueueItem, ...]           # invoiced, past the due date, not fully paid
    customer_credit: tuple[QueueItem, ...]   # paid more than invoiced: refund or keep as credit
    shipped_not_invoiced: tuple[QueueItem, ...] = ()  # units shipped (a first shipment, a backorder) not invoiced


@dataclass(frozen=True)
class AgingRow:
    order_number: str
    invoice_number: str | None
    customer_name: str
    due_date: date | None
    open_amount: Decimal
    days_overdue: int
    bucket: str


@dataclass(frozen=True)
class CashFlowRow:
    period: date  # first day of the day, ISO week or month
    method: str
    cash_in: Decimal
    cash_out: Decimal

    @property
    def net(self) -> Decimal:
        return self.cash_in - self.cash_out


@dataclass(frozen=True)
class OrderAccountDTO:
    order_id: int
    order_number: str
    status: str
    customer_name: str
    currency: str
    total: Decimal
    invoiced: Decimal
    paid: Decimal
    invoices: tuple[InvoiceDTO, ...]
    payments: tuple[PaymentDTO, ...]

    @property
    def balance(self) -> Decimal:
        """What the customer owes on this order: the order total before an invoice, else the invoices' total;
        minus what was paid. Negative: a credit in the customer's favour."""
        base = self.invoiced if self.invoices else self.total
        return base - self.paid

    @property
    def credit(self) -> Decimal:
        return max(self.paid - self.invoiced, Decimal(0))


def _invoice_list(numbers) -> str:
    """'invoice INV-000001', 'invoices INV-000001 and INV-000002'."""
    numbers = list(numbers)
    if len(numbers) == 1:
        return f"invoice {numbers[0]}"
    return "invoices " + ", ".join(numbers[:-1]) + f" and {numbers[-1]}"


def _units_text(rest: list[tuple[int, str]], most: int = 6) -> str:
    """'1 x LAMP-01, 2 x BULB-E27' (at most ``most`` SKUs, then how many more)."""
    text = ", ".join(f"{q} x {sku}" for q, sku in rest[:most])
    return text + (f" and {len(rest) - most} more lines" if len(rest) > most else "")


def period_start(day: date, period: str) -> date:
    if period == "day":
        return day
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    raise ValidationFailed(f"period '{period}' is unknown (day, week or month)")


def aging_bucket(days_overdue: int) -> str:
    label = "over 90"
    for limit, name in reversed(AGING_BUCKETS):
        if days_overdue <= limit:
            label = name
    return label


PURCHASE_DOCUMENT_KINDS = frozenset({EntryKind.GOODS_RECEIVED.value, EntryKind.SUPPLIER_INVOICE.value,
                                     EntryKind.SUPPLIER_PAYMENT.value})
"""Entries that mirror a purchasing document (receipt, supplier invoice, supplier payment) one to one."""


class AccountsService(ServiceBase):
    """Attributes:
        renderer: the PDF renderer (``render_invoice``, ``render_receipt``), injected by bootstrap.
        after_numbering: a test seam, called with the drawn number inside the issuing transaction (fault injection).
    """

    renderer = None
    after_numbering: Callable[[str], None] | None = None

    # ---- payments ------------------------------------------------------------------------------------------
    def record_payment(self, actor: Actor, order_ref, amount, method: str, *, reference: str = "",
                       card_last4: str = "", notes: str = "") -> PaymentDTO:
        """Take money for an order (partial, exact or more: the excess becomes the customer's credit)."""
        self._require(actor, Perm.PAYMENT, "record payments")
        return self._money_movement(actor, order_ref, "payment", amount, method, reference, card_last4, notes)

    def refund(self, actor: Actor, order_ref, amount, method: str, *, reference: str = "",
               notes: str = "") -> PaymentDTO:
        """Pay money back, at most the customer's credit on the order (after a credit note or an overpayment)."""
        self._require(actor, Perm.ACCOUNTING, "pay refunds")
        return self._money_movement(actor, order_ref, "refund", amount, method, reference, "", notes)

    def _money_movement(self, actor, order_ref, kind, amount, method, reference, card_last4, notes) -> PaymentDTO:
        currency = self.company.currency
        problems: list[str] = []
        value = None
        try:
            value = parse_amount(amount, currency)
            if value <= 0:
                problems.append("amount must be more than zero")
        except ValidationFailed as e:
            problems.extend(e.problems)
        except ArithmeticError:  # parse_amount lets decimal.InvalidOperation out for exponents like 1e9999
            problems.append(f"amount '{amount}' is not a number")
        try:
            method = Method(str(method).strip().lower()).value
        except ValueError:
            problems.append(f"payment method '{method}' is unknown (cash, card or bank)")
        reference, notes, card_last4 = (reference or "").strip(), (notes or "").strip(), (card_last4 or "").strip()
        for label, text in (("reference", reference), ("notes", notes)):
            if contains_card_number(text):
                problems.append(f"the {label} looks like a card number; never store card numbers: enter only the "
                                "last four digits and the terminal's reference")
        if len(reference) > 100:
            problems.append("reference is longer than 100 characters")
        if card_last4 and (method != Method.CARD or not LAST4_RE.match(card_last4)):
            problems.append("card last four must be exactly four digits, for card payments only")
        if problems:
            raise ValidationFailed(problems)
        assert value is not None  # else parse_amount failed, a problem raised just above
        minor = to_minor(value, currency)
        with self._uow() as uow:
            order = order_row(uow, order_ref, for_update=True)
            label = order_number(order.id)
            if order.currency != currency:
                raise BusinessRuleViolation(f"{label} is in {order.currency}, not {currency}.")
            invoiced, paid = uow.accounts.order_amounts(order.id)
            balance = invoiced - paid
            if kind == "payment":
                if order.status == "draft":
                    raise InvalidTransition(f"{label} is still a cart; confirm it before taking payment.")
                if order.status == "cancelled":
                    raise InvalidTransition(f"{label} is cancelled; it takes no payment.")
            elif minor > max(-balance, 0):
                owed = from_minor(max(-balance, 0), currency)
                raise BusinessRuleViolation(
                    f"{label}: only {owed} {currency} is owed to the customer; issue a credit note first "
                    "(or refund less).")
            pid = uow.accounts.add_payment(dict(order_id=order.id, kind=kind, method=method, amount_minor=minor,
                                                currency=currency, reference=reference, card_last4=card_last4,
                                                notes=notes, user_id=actor.user_id))
            uow.accounts.refresh_open_account(order.id)
            what = "Payment" if kind == "payment" else "Refund"
            text = f"{what} {method} {label}" + (f" ref {reference}" if reference else "")
            entry = (receipt_entry(text, method, minor, balance) if kind == "payment"
                     else refund_entry(text, method, minor, balance))
            post_entry(uow, actor, entry, currency=currency, order_id=order.id, payment_id=pid)
            event = "payment_received" if kind == "payment" else "refund_paid"
            uow.events.add(event, user_id=actor.user_id, order_id=order.id,
                           payload={"number": label, "amount": str(value), "currency": currency, "method": method,
                                    "balance": str(from_minor(balance - minor if kind == "payment"
                                                              else balance + minor, currency))})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action=f"{kind}.record",
                             entity="payment", entity_id=pid,
                             new={"order": label, "amount": str(value), "method": method, "reference": reference,
                                  "card_last4": card_last4})
            dto = self._payment_dto(uow.accounts.payment(pid))
            uow.commit()
        return dto

    # ---- invoices ------------------------------------------------------------------------------------------
    def preview_invoice(self, actor: Actor, order_ref, *, what: str = "auto") -> bytes:
        """The invoice an order would get now (``what`` as ``issue_invoice``), marked DRAFT, without a number:
        nothing is stored."""
        self._require(actor, Perm.ACCOUNTING, "preview invoices")
        what = self._what(what)
        with self._uow(write=False) as uow:
            order = order_row(uow, order_ref)
            plan = self._plan(uow, order, what)
            if plan.refusal:
                raise BusinessRuleViolation(plan.refusal)
            cur = order.currency
            draft = SimpleNamespace(kind="invoice", number="DRAFT", order_id=order.id, issue_date=utc_now().date(),
                                    due_date=None, currency=cur, net_minor=plan.net, tax_minor=plan.tax,
                                    total_minor=plan.net + plan.tax, tax_rounding=order.tax_rounding,
                                    reason=plan.note, prepaid_minor=0, references_number=None,
                                    **self._parties(uow, order))
            doc = self._stored_doc(draft, [SimpleNamespace(**r) for r in plan.line_rows], order)
        return self._renderer().render_invoice(doc)

    def invoice_plan(self, actor: Actor, order_ref, *, what: str = "auto") -> InvoicePlanDTO:
        """What ``issue_invoice(actor, order_ref, what=what)`` would bill now, line by line (ordered, shipped,
        invoiced, to invoice) with its totals; ``refusal`` says why it would be refused. Nothing is stored."""
        self._require(actor, Perm.VIEW, "see what an invoice would bill")
        what = self._what(what)
        with self._uow(write=False) as uow:
            order = order_row(uow, order_ref)
            plan = self._plan(uow, order, what)
        cur = order.currency
        refusal = (f"{order_number(order.id)} is {order.status}; only confirmed orders can be invoiced."
                   if order.status in NOT_INVOICEABLE else plan.refusal)
        return InvoicePlanDTO(order.id, order_number(order.id), order.status, plan.what, plan.lines,
                              from_minor(plan.net, cur), from_minor(plan.tax, cur),
                              from_minor(plan.net + plan.tax, cur), cur, plan.final, plan.earlier, refusal)

    def issue_invoice(self, actor: Actor, order_ref, *, what: str = "auto", due_days: int = PAYMENT_TERMS_DAYS,
                      render: bool = True) -> InvoiceDTO:
        """Invoice the units of an order not invoiced yet (net of credit notes): ``what="shipped"`` those that left
        the building (a first shipment, later a backorder's), ``"all"`` every one (a counter sale, a prepayment),
        ``"auto"`` (default) ``shipped`` once the order has a shipment, else ``all``. Units are never invoiced
        twice: with nothing new to bill it is refused and nothing changes. The invoice that leaves nothing of the
        order uninvoiced takes exactly what is left of the order's net and tax, so an order's invoices add up to
        its total to the cent under either tax rounding.

        The next number and the sale's posting happen in one short transaction; the PDF is rendered and stored
        after it. ``render=False`` leaves the PDF to the first ``invoice_pdf`` (a background job that prints it):
        the same document either way, rendered from what the invoice stores only."""
        self._require(actor, Perm.ACCOUNTING, "issue invoices")
        what = self._what(what)
        if not isinstance(due_days, int) or not 0 <= due_days <= 365:
            raise ValidationFailed("payment terms must be 0 to 365 days")
        with self._uow() as uow:
            order = order_row(uow, order_ref, for_update=True)
            label = order_number(order.id)
            if order.status in NOT_INVOICEABLE:
                raise InvalidTransition(f"{label} is {order.status}; only confirmed orders can be invoiced.")
            plan = self._plan(uow, order, what)
            if plan.refusal:
                raise BusinessRuleViolation(plan.refusal)
            net, tax = plan.net, plan.tax
            invoiced, paid = uow.accounts.order_amounts(order.id)
            cur = order.currency
            seq = uow.accounts.next_number(INVOICE_SERIES)
            number = format_ref(INVOICE_SERIES, seq)
            if self.after_numbering is not None:
                self.after_numbering(number)
            today = utc_now().date()
            due = today + timedelta(days=due_days)
            already = max(0, min(paid - invoiced, net + tax))  # paid before the invoice (counter sale, prepayment)
            values = dict(kind="invoice", series=INVOICE_SERIES, seq=seq, number=number, order_id=order.id,
                          customer_id=order.customer_id, references_id=None, issue_date=today, due_date=due,
                          currency=cur, net_minor=net, tax_minor=tax, total_minor=net + tax,
                          tax_rounding=order.tax_rounding, reason=plan.note, prepaid_minor=already,
                          issued_by=actor.user_id, **self._parties(uow, order))
            iid = uow.accounts.add_invoice(values, plan.line_rows)
            uow.accounts.refresh_open_account(order.id)
            post_entry(uow, actor, invoice_entry(f"{number} {label}", net, tax, invoiced - paid), currency=cur,
                       order_id=order.id, invoice_id=iid)
            units = {ln.sku: ln.to_invoice for ln in plan.lines if ln.to_invoice}
            uow.events.add("invoice_issued", user_id=actor.user_id, order_id=order.id,
                           payload={"number": number, "order": label, "total": str(from_minor(net + tax, cur)),
                                    "currency": cur, "due_date": due.isoformat(), "what": plan.what,
                                    "final": plan.final})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="invoice.issue",
                             entity="invoice", entity_id=number,
                             new={"order": label, "what": plan.what, "lines": units,
                                  "net": str(from_minor(net, cur)), "tax": str(from_minor(tax, cur)),
                                  "total": str(from_minor(net + tax, cur)), "due_date": due.isoformat()})
            # The DTO and the document are built from what was just written (the rows as stored, no read-back).
            row = SimpleNamespace(id=iid, **values, customer_name=None, issued_by_name=actor.username,
                                  references_number=None)
            stored_lines = [SimpleNamespace(invoice_id=iid, **r) for r in plan.line_rows]
            dto = self._invoice_dto(uow, row, lines=stored_lines)
            doc = self._stored_doc(row, stored_lines, order)
            uow.commit()
        if render:
            self._store_after_issue(iid, doc)
        return dto

    @staticmethod
    def _what(what) -> str:
        value = str(what or "").strip().lower()
        if value not in INVOICE_WHAT:
            raise ValidationFailed(f"what to invoice: '{what}' is unknown (auto, shipped or all)")
        return value

    def _plan(self, uow, order, what: str) -> SimpleNamespace:
        """What an invoice of ``order`` bills now (``what``: auto, shipped or all), from the order's lines, its
        invoices and its units shipped, returned and invoiced per product (three statements, one more for an
        order shipped by hand). Units per product are given to the order's lines in line order; the invoice that
        completes the order takes what is left of the order's net and tax (as a final credit note does)."""
        label, cur = order_number(order.id), order.currency
        lines = uow.orders.lines(order.id)
        invoices = uow.accounts.invoices_of(order.id)
        units = uow.accounts.order_units(order.id)
        has_shipment = any(u["shipped"] for u in units.values())
        if what == "auto":
            what = "shipped" if has_shipment else "all"
        shipped = {pid: u["shipped"] - u["returned"] for pid, u in units.items()}
        if what == "shipped" and not has_shipment and order.status in SHIPPED_BY_HAND \
                and not uow.warehouse.has_pick_history(order.id):
            shipped = defaultdict(int)  # shipped by hand (advance_order): every unit left
            for ln in lines:
                shipped[ln.product_id] += ln.quantity
        invoiced_left = {pid: max(u["invoiced"], 0) for pid, u in units.items()}
        shipped_left = {pid: max(q, 0) for pid, q in shipped.items()}
        plan_lines, taken = [], []
        for ln in lines:
            done = min(ln.quantity, invoiced_left.get(ln.product_id, 0))
            sent = min(ln.quantity, shipped_left.get(ln.product_id, 0))
            invoiced_left[ln.product_id] = invoiced_left.get(ln.product_id, 0) - done
            shipped_left[ln.product_id] = shipped_left.get(ln.product_id, 0) - sent
            q = ln.quantity - done if what == "all" else max(sent - done, 0)
            plan_lines.append(InvoicePlanLineDTO(ln.line_no, ln.sku, ln.name, ln.quantity, sent, done, q))
            if q:
                taken.append((ln, q))
        credited: dict[int, int] = defaultdict(int)
        for inv in invoices:
            if inv.kind == "credit_note":
                credited[inv.references_id] += inv.total_minor
        earlier = tuple(inv.number for inv in invoices
                        if inv.kind == "invoice" and inv.total_minor - credited[inv.id] > 0)
        final = bool(lines) and all(p.invoiced + p.to_invoice == p.ordered for p in plan_lines)
        totals = self._line_totals(order, taken, order.tax_rounding)
        net, tax = to_minor(totals.net, cur), to_minor(totals.tax, cur)
        if taken and final and invoices:  # the rest of the order's total, so rounding never leaves a cent
            full = price_order_lines(order, lines)
            sign = {"invoice": 1, "credit_note": -1}
            left_net = to_minor(full.net, cur) - sum(sign[i.kind] * i.net_minor for i in invoices)
            left_tax = to_minor(full.tax, cur) - sum(sign[i.kind] * i.tax_minor for i in invoices)
            if left_net >= 0 and left_tax >= 0:
                net, tax = left_net, left_tax
        line_rows = [dict(line_no=ln.line_no, product_id=ln.product_id, sku=ln.sku, name=ln.name, quantity=q,
                          unit_price_minor=ln.unit_price_minor, tax_rate_bp=ln.tax_rate_bp,
                          discount_bp=ln.discount_bp, net_minor=to_minor(la.net, cur), tax_minor=to_minor(la.tax, cur))
                     for (ln, q), la in zip(taken, totals.lines)]
        rest = [(p.ordered - p.invoiced - p.to_invoice, p.sku) for p in plan_lines
                if p.ordered - p.invoiced - p.to_invoice > 0]
        refusal = note = ""
        if not lines:
            refusal = f"{label} has no lines to invoice."
        elif not taken:
            if not rest:
                refusal = (f"{label} already has {_invoice_list(earlier)} for all of its units; correct it with a "
                           "credit note instead of invoicing them again." if earlier else
                           f"{label} is invoiced in full already; correct it with a credit note instead of "
                           "invoicing it again.")
            elif not any(q > 0 for q in shipped.values()) and not earlier:
                refusal = (f"{label} has not shipped anything yet; invoice it when it ships, or invoice the whole "
                           "order now.")
            else:
                n = sum(q for q, _sku in rest)
                refusal = (f"{label} already has {_invoice_list(earlier) if earlier else 'invoices'} for everything "
                           f"shipped; nothing new has shipped since. {n} unit{'s' if n != 1 else ''} not invoiced "
                           "yet: invoice them when they ship, or invoice the whole order.")
        else:
            if not final:
                note = ("Part invoice for the goods shipped so far"
                        + (f"; earlier: {', '.join(earlier)}" if earlier else "")
                        + f". Not yet invoiced: {_units_text(rest)}.")
            elif earlier:
                note = f"Final invoice for {label}; earlier: {', '.join(earlier)}."
        return SimpleNamespace(what=what, lines=tuple(plan_lines), taken=taken, line_rows=line_rows, net=net, tax=tax,
                               final=final and bool(taken), earlier=earlier, refusal=refusal, note=note)

    def issue_credit_note(self, actor: Actor, invoice_ref, lines: list[tuple[str, object]] | None = None, *,
                          reason: str = "", render: bool = True) -> InvoiceDTO:
        """Credit an issued invoice: all of what is still uncredited, or ``lines`` [(SKU, quantity)] of it.
        Its PDF is rendered and stored after the credit note is committed (``render``: as ``issue_invoice``)."""
        self._require(actor, Perm.ACCOUNTING, "issue credit notes")
        reason = (reason or "").strip()
        if contains_card_number(reason):
            raise ValidationFailed("the reason looks like a card number; never store card numbers")
        with self._uow() as uow:
            invoice = self._invoice_row(uow, invoice_ref)
            if invoice.kind != "invoice":
                raise BusinessRuleViolation(f"{invoice.number} is a credit note; only invoices can be credited.")
            order = uow.orders.get(invoice.order_id, for_update=True)
            inv_lines = uow.accounts.invoice_lines(invoice.id)
            credited = uow.accounts.credited_quantities(invoice.id)
            remaining = {ln.sku: ln.quantity - credited.get(ln.sku, 0) for ln in inv_lines}
            wanted: dict[str, int] = defaultdict(int)
            problems: list[str] = []
            if lines:
                for sku, qty in lines:
                    key = str(sku).strip().upper()
                    try:
                        wanted[key] += parse_quantity(qty, sku=key)
                    except ValidationFailed as e:
                        problems.extend(e.problems)
            else:
                wanted.update({sku: q for sku, q in remaining.items() if q > 0})
            for sku, qty in wanted.items():
                if sku not in remaining:
                    problems.append(f"{sku} is not on invoice {invoice.number}")
                elif qty > remaining[sku]:
                    problems.append(f"only {remaining[sku]} of {sku} can still be credited on {invoice.number} "
                                    f"(asked {qty})")
            if problems:
                raise ValidationFailed(problems)
            if not wanted:
                raise BusinessRuleViolation(f"{invoice.number} is fully credited already.")
            cur = invoice.currency
            take = []
            left = dict(wanted)
            for ln in inv_lines:
                q = min(left.get(ln.sku, 0), ln.quantity - credited.get(ln.sku, 0))
                if q > 0:
                    take.append((ln, q))
                    left[ln.sku] -= q
            totals = self._line_totals(order, [(ln, q) for ln, q in take], invoice.tax_rounding)
            net, tax = to_minor(totals.net, cur), to_minor(totals.tax, cur)
            final = all(remaining[sku] - wanted.get(sku, 0) == 0 for sku in remaining)
            if final:  # the last credit note takes exactly what is left, so rounding can never leave a cent
                prev_net = prev_tax = 0
                for cn in uow.accounts.invoices_of(order.id):
                    if cn.references_id == invoice.id:
                        prev_net, prev_tax = prev_net + cn.net_minor, prev_tax + cn.tax_minor
                net, tax = invoice.net_minor - prev_net, invoice.tax_minor - prev_tax
            seq = uow.accounts.next_number(CREDIT_SERIES)
            number = format_ref(CREDIT_SERIES, seq)
            if self.after_numbering is not None:
                self.after_numbering(number)
            today = utc_now().date()
            invoiced, paid = uow.accounts.order_amounts(order.id)
            line_rows = [dict(line_no=i, product_id=ln.product_id, sku=ln.sku, name=ln.name, quantity=q,
                              unit_price_minor=ln.unit_price_minor, tax_rate_bp=ln.tax_rate_bp,
                              discount_bp=ln.discount_bp, net_minor=to_minor(la.net, cur),
                              tax_minor=to_minor(la.tax, cur))
                         for i, ((ln, q), la) in enumerate(zip(take, totals.lines), start=1)]
            cid = uow.accounts.add_invoice(
                dict(kind="credit_note", series=CREDIT_SERIES, seq=seq, number=number, order_id=order.id,
                     customer_id=invoice.customer_id, references_id=invoice.id, issue_date=today, due_date=None,
                     currency=cur, net_minor=net, tax_minor=tax, total_minor=net + tax,
                     tax_rounding=invoice.tax_rounding, bill_to=invoice.bill_to, ship_to="", reason=reason,
                     prepaid_minor=0, issued_by=actor.user_id, **self._seller()),
                line_rows)
            uow.accounts.refresh_open_account(order.id)
            post_entry(uow, actor, credit_note_entry(number, invoice.number, net, tax, invoiced - paid),
                       currency=cur, order_id=order.id, invoice_id=cid)
            uow.events.add("credit_note_issued", user_id=actor.user_id, order_id=order.id,
                           payload={"number": number, "invoice": invoice.number, "order": order_number(order.id),
                                    "total": str(from_minor(net + tax, cur)), "currency": cur})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="credit_note.issue",
                             entity="invoice", entity_id=number,
                             new={"invoice": invoice.number, "lines": dict(wanted),
                                  "total": str(from_minor(net + tax, cur)), "reason": reason})
            row, stored_lines = uow.accounts.invoice(cid), uow.accounts.invoice_lines(cid)
            dto = self._invoice_dto(uow, row, lines=stored_lines)
            doc = self._stored_doc(row, stored_lines, order)
            uow.commit()
        if render:
            self._store_after_issue(cid, doc)
        return dto

    def invoice_pdf(self, actor: Actor, invoice_ref) -> bytes:
        """The PDF exactly as issued (a reprint never changes a number or an amount). The first request of a
        document not stored yet (issued with ``render=False``, or a crash right after issuing) renders it from the
        stored invoice and stores it; first requests at once all get the one stored document."""
        self._require(actor, Perm.VIEW, "view invoices")
        with self._uow(write=False) as uow:
            row = self._invoice_row(uow, invoice_ref)
            pdf = self._pdf_or_doc(uow, row)
        return self._store_document(row.id, pdf) if isinstance(pdf, InvoiceDoc) else pdf

    def get_invoice(self, actor: Actor, invoice_ref) -> InvoiceDTO:
        self._require(actor, Perm.VIEW, "view invoices")
        with self._uow(write=False) as uow:
            return self._invoice_dto(uow, self._invoice_row(uow, invoice_ref))

    def list_invoices(self, actor: Actor, *, kind: str | None = None, limit: int = 200) -> list[InvoiceDTO]:
        self._require(actor, Perm.VIEW, "view invoices")
        with self._uow(write=False) as uow:
            return [self._invoice_dto(uow, r, with_lines=False) for r in uow.accounts.invoices(kind=kind,
                                                                                              limit=limit)]

    def invoice_for_export(self, actor: Actor, invoice_ref) -> tuple[InvoiceDTO, bytes, dict]:
        """The invoice, its stored PDF and the data an e-invoice needs (company, buyer), for Factur-X."""
        self._require(actor, Perm.VIEW, "view invoices")
        with self._uow(write=False) as uow:
            row = self._invoice_row(uow, invoice_ref)
            dto = self._invoice_dto(uow, row)
            seller = self._address_from_text(row.seller)  # the seller as issued, not as the settings say now
            extra = {"company_name": seller.name, "company_address": "\n".join(seller.lines),
                     "vat_id": row.seller_vat_id,
                     "buyer_name": row.bill_to.split("\n", 1)[0], "buyer_address": row.bill_to,
                     "references_number": dto.references_number, "tax_rounding": row.tax_rounding}
            pdf = self._pdf_or_doc(uow, row)
        return dto, self._store_document(row.id, pdf) if isinstance(pdf, InvoiceDoc) else pdf, extra

    # ---- receipts ------------------------------------------------------------------------------------------
    def receipt_pdf(self, actor: Actor, order_ref, *, change=Decimal(0)) -> bytes:
        """An 80 mm till receipt of an order with the payments taken so far (``change`` handed back in cash)."""
        self._require(actor, Perm.VIEW, "print receipts")
        with self._uow(write=False) as uow:
            order = order_row(uow, order_ref)
            cur = order.currency
            change = parse_amount(change, cur, field="change") if not isinstance(change, Decimal) else change
            lines = uow.orders.lines(order.id)
            totals = price_order_lines(order, lines)
            payments = uow.accounts.payments_of(order.id)
            doc = ReceiptDoc(
                number=receipt_number(order.id, len(payments)), printed_at=utc_now(), company=self._company_info(),
                order_number=order_number(order.id), tracking_number=order.tracking_number or "",
                cashier=actor.display_name or actor.username,
                # Line amounts as the prices are kept (net, or gross when prices include tax), so the lines add
                # up to the net (or the total) printed below them.
                lines=tuple(ReceiptLine(ln.sku, ln.name, ln.quantity, from_minor(ln.unit_price_minor, cur),
                                        la.gross if order.prices_include_tax else la.net)
                            for ln, la in zip(lines, totals.lines)),
                tax_breakdown=self._tax_rows(totals, cur), net=totals.net, tax=totals.tax, total=totals.total,
                currency=cur,
                payments=tuple(ReceiptPayment(self._method_label(p.method, p.kind),
                                              from_minor(p.amount_minor if p.kind == "payment" else -p.amount_minor,
                                                         cur),
                                              p.reference or (f"**** {p.card_last4}" if p.card_last4 else ""))
                               for p in payments),
                change=change, locale=self.company.locale)
        return self._renderer().render_receipt(doc)

    # ---- journal -------------------------------------------------------------------------------------------
    def reverse_entry(self, actor: Actor, entry_id: int, reason: str) -> EntryDTO:
        """Post the negated copy of an entry (COGS and return postings); document entries are corrected by
        credit notes and refunds, which keep the invoices and the journal in step."""
        self._require(actor, Perm.ACCOUNTING, "reverse journal entries")
        reason = (reason or "").strip()
        if not reason:
            raise ValidationFailed("say why the entry is reversed")
        with self._uow() as uow:
            row = uow.accounts.entry(int(entry_id))
            if row is None:
                raise NotFound(f"No journal entry {entry_id}.")
            if row.reverses_id is not None:
                raise BusinessRuleViolation(f"Entry {row.id} is itself a reversal; post the correct entry instead.")
            if uow.accounts.reversal_of(row.id) is not None:
                raise BusinessRuleViolation(f"Entry {row.id} is reversed already.")
            if row.invoice_id is not None or row.payment_id is not None:
                raise BusinessRuleViolation(f"Entry {row.id} belongs to a document; correct it with a credit note "
                                            "or a refund.")
            if row.kind in PURCHASE_DOCUMENT_KINDS:  # the purchase order, supplier invoice or payment stays as it is
                raise BusinessRuleViolation(f"Entry {row.id} books a {row.kind.replace('_', ' ')}, which the "
                                            "purchasing documents keep in step; it cannot be reversed on its own.")
            postings = uow.accounts.postings_of([row.id])[row.id]
            original = Entry(row.kind, row.description, tuple(Posting(p.account, p.amount_minor) for p in postings))
            eid = post_entry(uow, actor, reversal_entry(original, f"Reversal of #{row.id}: {reason}"),
                             currency=row.currency, order_id=row.order_id, reverses_id=row.id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="ledger.reverse",
                             entity="ledger_entry", entity_id=row.id, new={"reversal": eid, "reason": reason})
            uow.events.add("entry_reversed", user_id=actor.user_id, order_id=row.order_id,
                           payload={"entry": row.id, "reversal": eid, "reason": reason})
            dto = self._entries(uow, uow.accounts.entries(limit=1, offset=0, newest_first=True))[0]
            uow.commit()
        return dto

    def journal(self, actor: Actor, *, account: str | None = None, kind: str | None = None, order_ref=None,
                date_from: date | None = None, date_to: date | None = None, text: str = "",
                limit: int | None = 1000, newest_first: bool = False) -> list[EntryDTO]:
        self._require(actor, Perm.VIEW, "view the journal")
        with self._uow(write=False) as uow:
            oid = resolve_order_id(uow, order_ref) if order_ref not in (None, "") else None
            rows = uow.accounts.entries(account=account or None, kind=kind or None, order_id=oid,
                                        date_from=date_from, date_to=date_to, text=(text or "").strip(),
                                        limit=limit, newest_first=newest_first)
            return self._entries(uow, rows)

    def trial_balance(self, actor: Actor, *, date_to: date | None = None) -> TrialBalanceDTO:
        self._require(actor, Perm.VIEW, "view the trial balance")
        cur = self.company.currency
        with self._uow(write=False) as uow:
            balances = uow.accounts.account_balances(date_to=date_to)
        order = [a.value for a in Account]
        rows = tuple(BalanceRow(acc, ACCOUNT_LABELS.get(Account(acc), acc) if acc in order else acc,
                                from_minor(max(bal, 0), cur), from_minor(max(-bal, 0), cur))
                     for acc, bal in sorted(balances.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order
                                                                              else 99, kv[0])))
        return TrialBalanceDTO(cur, rows, sum((r.debit for r in rows), from_minor(0, cur)),
                               sum((r.credit for r in rows), from_minor(0, cur)))

    def order_account(self, actor: Actor, order_ref) -> OrderAccountDTO:
        self._require(actor, Perm.VIEW, "view order accounts")
        with self._uow(write=False) as uow:
            order = order_row(uow, order_ref)
            cur = order.currency
            invoiced, paid = uow.accounts.order_amounts(order.id)
            customer = uow.customers.get(order.customer_id) if order.customer_id is not None else None
            return OrderAccountDTO(
                order.id, order_number(order.id), order.status, customer.name if customer else "", cur,
                from_minor(order.total_minor, cur), from_minor(invoiced, cur), from_minor(paid, cur),
                tuple(self._invoice_dto(uow, r, with_lines=False) for r in uow.accounts.invoices_of(order.id)),
                tuple(self._payment_dto(p) for p in uow.accounts.payments_of(order.id)))

    def customer_balance(self, actor: Actor, customer_id: int) -> Decimal:
        """What a customer owes over all orders (invoiced minus paid); negative when they have credit with us.
        Sales staff see it while taking an order, so it needs only the view right."""
        self._require(actor, Perm.VIEW, "see a customer's balance")
        with self._uow(write=False) as uow:
            invoiced, paid = uow.accounts.customer_amounts(customer_id)
        return self.money(invoiced - paid)

    def queue(self, actor: Actor, *, today: date | None = None) -> AccountsQueueDTO:
        """What accounts has to do: invoice paid orders and shipped units, chase open and overdue invoices,
        settle credits."""
        self._require(actor, Perm.VIEW, "view the accounts queue")
        today = today or utc_now().date()
        with self._uow(write=False) as uow:
            # One statement over the open accounts only (kept by every change that opens or closes one, see
            # AccountsRepo.refresh_open_account), not a scan of the history; each group as long and in the order
            # it had when it was its own query over every order.
            accounts = uow.accounts.open_account_rows()  # newest first
        oldest_first = accounts[::-1]
        waiting = [self._queue_item(r, r.paid, 0, None, None, today)
                   for r in oldest_first if r.paid_not_invoiced][:QUEUE_GROUP_LIMIT]
        rows = [r for r in accounts if r.unsettled][:QUEUE_GROUP_LIMIT]
        listed = {i.order_id for i in waiting}
        shipped = [self._queue_item(r, r.paid, r.invoiced, r.invoice_number, r.due_date, today)
                   for r in [r for r in oldest_first if r.shipped_not_invoiced][:QUEUE_GROUP_LIMIT]
                   if r.id not in listed]
        awaiting, overdue, credit = [], [], []
        for r in rows:
            if not r.has_invoice:
                continue  # paid before invoicing: listed as waiting for an invoice
            item = self._queue_item(r, r.paid, r.invoiced, r.invoice_number, r.due_date, today)
            if item.open_amount < 0:
                credit.append(item)
            elif item.days_overdue > 0:
                overdue.append(item)
            else:
                awaiting.append(item)
        overdue.sort(key=lambda i: -i.days_overdue)
        return AccountsQueueDTO(tuple(waiting), tuple(awaiting), tuple(overdue), tuple(credit), tuple(shipped))

    def receivables_aging(self, actor: Actor, *, today: date | None = None) -> list[AgingRow]:
        self._require(actor, Perm.VIEW, "view receivables")
        today = today or utc_now().date()
        with self._uow(write=False) as uow:
            rows = uow.accounts.order_accounts(only_open=True)
        out = []
        for r in rows:
            open_minor = int(r.invoiced) - int(r.paid)
            if open_minor <= 0 or not r.has_invoice:
                continue
            days = (today - r.due_date).days if r.due_date is not None else 0
            out.append(AgingRow(order_number(r.id), r.invoice_number, r.customer_name or "", r.due_date,
                                from_minor(open_minor, r.currency), max(days, 0), aging_bucket(max(days, 0))))
        out.sort(key=lambda a: (-a.days_overdue, a.order_number))
        return out

    def cash_flow(self, actor: Actor, *, period: str = "day", date_from: date | None = None,
                  date_to: date | None = None) -> list[CashFlowRow]:
        """Money in (payments) and out (refunds) per period (UTC days; ISO weeks from Monday; months) and method."""
        self._require(actor, Perm.VIEW, "view the cash flow")
        period_start(date.today(), period)  # validates the period name
        cur = self.company.currency
        start = datetime.combine(date_from, datetime.min.time(), tzinfo=timezone.utc) if date_from else None
        end = (datetime.combine(date_to + timedelta(days=1), datetime.min.time(), tzinfo=timezone.utc)
               if date_to else None)
        with self._uow(write=False) as uow:
            rows = uow.accounts.payments_between(start, end)
        sums: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0])
        for p in rows:
            key = (period_start(p.received_at.astimezone(timezone.utc).date(), period), p.method)
            sums[key][0 if p.kind == "payment" else 1] += p.amount_minor
        return [CashFlowRow(day, method, from_minor(i, cur), from_minor(o, cur))
                for (day, method), (i, o) in sorted(sums.items())]

    def ledger_problems(self) -> list[str]:
        """Everything wrong with the books (should always be empty): ``checks.ledger_problems``."""
        with self._uow(write=False) as uow:
            return checks.ledger_problems(uow)

    def open_accounts_problems(self) -> list[str]:
        """Where the kept set of open accounts differs from the documents: ``checks.open_accounts_problems``."""
        with self._uow(write=False) as uow:
            return checks.open_accounts_problems(uow)

    # ---- helpers -------------------------------------------------------------------------------------------
    def _renderer(self):
        if self.renderer is None:
            raise BusinessRuleViolation("No PDF renderer is configured (bootstrap sets services.renderer).")
        return self.renderer

    def _pdf_or_doc(self, uow, row) -> bytes | InvoiceDoc:
        """The stored PDF of an invoice row, or (not stored yet) the document to render from the stored rows."""
        pdf = uow.accounts.invoice_pdf(row.id)
        if pdf is not None:
            return bytes(pdf)
        return self._stored_doc(row, uow.accounts.invoice_lines(row.id), uow.orders.get(row.order_id))

    def _store_document(self, invoice_id: int, doc: InvoiceDoc) -> bytes:
        """Render ``doc`` (outside any transaction) and store it unless a PDF is stored already; the stored one.
        No event or audit row: the PDF is the issued invoice rendered, not a change to it."""
        pdf = self._renderer().render_invoice(doc)
        with self._uow() as uow:
            uow.accounts.store_invoice_pdf(invoice_id, pdf)
            stored = uow.accounts.invoice_pdf(invoice_id)
            uow.commit()
        return bytes(stored)

    def _store_after_issue(self, invoice_id: int, doc: InvoiceDoc) -> None:
        try:
            self._store_document(invoice_id, doc)
        except Exception:  # noqa: BLE001 - the document is issued and committed; its PDF follows on first request
            log.exception("%s is issued; its PDF was not stored now and is rendered on first request", doc.number)

    def _invoice_row(self, uow, ref):
        if isinstance(ref, int) and not isinstance(ref, bool):
            row = uow.accounts.invoice(ref)
        else:
            text = str(ref or "").strip()
            parsed = parse_invoice_or_credit_note(text)
            row = uow.accounts.invoice_by_number(format_ref(*parsed) if parsed else text)
        if row is None:
            raise NotFound(f"No invoice or credit note '{ref}'.")
        return row

    @staticmethod
    def _line_totals(order, taken, rounding: str):
        """What ``taken`` ((line, quantity) pairs) of the order costs, rounded as ``rounding`` says."""
        return price_order_lines(order, [ln for ln, _q in taken], quantities=[q for _ln, q in taken],
                                 rounding=rounding)

    @staticmethod
    def _tax_rows(totals, cur: str, net_minor: int | None = None, tax_minor: int | None = None) -> tuple:
        rows = [TaxRow(rate * 100, net, tax) for rate, (net, tax) in totals.tax_by_rate.items()]
        if net_minor is not None and tax_minor is not None and rows:
            # A final credit note takes exactly what is left; put the rounding cent on the largest rate.
            dn = from_minor(net_minor, cur) - totals.net
            dt = from_minor(tax_minor, cur) - totals.tax
            if dn or dt:
                last = rows[-1]
                rows[-1] = TaxRow(last.rate, last.net + dn, last.tax + dt)
        return tuple(rows)

    def _company_info(self) -> CompanyInfo:
        c = self.company
        return CompanyInfo(name=c.name, address_lines=tuple(ln for ln in c.address.splitlines() if ln.strip()),
                           vat_id=c.vat_id)

    def _seller(self) -> dict:
        """The seller as an invoice keeps it (the company may move or change its name later)."""
        info = self._company_info()
        return dict(seller=self._address_text(Address(info.name, info.address_lines)), seller_vat_id=info.vat_id)

    def _parties(self, uow, order) -> dict:
        """Seller, bill-to and ship-to (when it differs) of an order's invoice, as stored on the invoice."""
        customer = uow.customers.get(order.customer_id) if order.customer_id is not None else None
        if customer is not None:
            bill = Address(customer.name, tuple(ln for ln in customer.billing_address.splitlines() if ln.strip()))
            ship_lines = tuple(ln for ln in customer.shipping_address.splitlines() if ln.strip())
            ship = Address(customer.name, ship_lines) if ship_lines and ship_lines != bill.lines else None
        else:
            bill, ship = Address("Counter sale"), None
        return dict(bill_to=self._address_text(bill), ship_to=self._address_text(ship), **self._seller())

    @staticmethod
    def _address_text(address: Address | None) -> str:
        if address is None:
            return ""
        return "\n".join([address.name, *address.lines])

    @staticmethod
    def _address_from_text(text: str) -> Address:
        parts = (text or "").split("\n")
        return Address(parts[0] if parts else "", tuple(parts[1:]))

    def _stored_doc(self, inv, lines, order) -> InvoiceDoc:
        """The document of an invoice or credit note from its stored row and lines only (plus its order's tracking
        number and price basis, both fixed once an order is confirmed): whether rendered right after issuing or
        on first request after a crash, it is the same document. ``lines``: rows with sku, name, quantity,
        unit_price_minor, tax_rate_bp and discount_bp."""
        cur = inv.currency
        totals = self._line_totals(order, [(ln, ln.quantity) for ln in lines], inv.tax_rounding)
        seller = self._address_from_text(inv.seller)
        common = dict(
            number=inv.number, issue_date=inv.issue_date, order_number=order_number(inv.order_id),
            tracking_number=order.tracking_number or "",
            company=CompanyInfo(name=seller.name, address_lines=seller.lines, vat_id=inv.seller_vat_id),
            bill_to=self._address_from_text(inv.bill_to),
            lines=tuple(InvoiceLine(ln.sku, ln.name, ln.quantity, from_minor(ln.unit_price_minor, cur),
                                    bp_to_rate(ln.tax_rate_bp) * 100, la.net) for ln, la in zip(lines, totals.lines)),
            tax_breakdown=self._tax_rows(totals, cur, inv.net_minor, inv.tax_minor),
            net=from_minor(inv.net_minor, cur), tax=from_minor(inv.tax_minor, cur),
            total=from_minor(inv.total_minor, cur), currency=cur, notes=inv.reason, locale=self.company.locale)
        if inv.kind == "credit_note":
            return InvoiceDoc(kind="credit_note", due_date=None, ship_to=None, payment_terms=CREDIT_NOTE_TERMS,
                              references_invoice=inv.references_number, **common)
        paid_in_full = inv.prepaid_minor >= inv.total_minor
        days = (inv.due_date - inv.issue_date).days if inv.due_date is not None else 0
        terms = ("Paid in full. Thank you!" if paid_in_full else
                 f"Payable within {days} days of the invoice date without deduction." if days else
                 "Payable on receipt.")
        return InvoiceDoc(kind="invoice", due_date=None if paid_in_full else inv.due_date,
                          ship_to=self._address_from_text(inv.ship_to) if inv.ship_to else None,
                          payment_terms=terms, paid=from_minor(inv.prepaid_minor, cur), **common)

    def _invoice_dto(self, uow, r, *, with_lines: bool = True, lines=None) -> InvoiceDTO:
        """``lines``: the invoice's line rows when the caller has them already (else read when ``with_lines``)."""
        cur = r.currency
        ref = r.references_number
        if lines is None:
            lines = uow.accounts.invoice_lines(r.id) if with_lines else ()
        lines = tuple(InvoiceLineDTO(ln.line_no, ln.sku, ln.name, ln.quantity, from_minor(ln.unit_price_minor, cur),
                                     bp_to_rate(ln.tax_rate_bp), bp_to_rate(ln.discount_bp),
                                     from_minor(ln.net_minor, cur), from_minor(ln.tax_minor, cur))
                      for ln in lines)
        return InvoiceDTO(r.id, r.kind, r.number, r.order_id, order_number(r.order_id), r.customer_name or
                          (r.bill_to.split("\n", 1)[0] if r.bill_to else ""), r.issue_date, r.due_date, cur,
                          from_minor(r.net_minor, cur), from_minor(r.tax_minor, cur), from_minor(r.total_minor, cur),
                          ref, r.issued_by_name or "", lines, r.reason or "")

    @staticmethod
    def _payment_dto(p) -> PaymentDTO:
        return PaymentDTO(p.id, p.order_id, order_number(p.order_id), p.kind, p.method,
                          from_minor(p.amount_minor, p.currency), p.currency, p.reference, p.card_last4, p.notes,
                          p.received_at, p.username or "")

    @staticmethod
    def _method_label(method: str, kind: str) -> str:
        name = {"cash": "Cash", "card": "Card", "bank": "Bank transfer"}.get(method, method)
        return name if kind == "payment" else f"Refund {name.lower()}"

    @staticmethod
    def _entries(uow, rows) -> list[EntryDTO]:
        postings = uow.accounts.postings_of([r.id for r in rows])
        return [EntryDTO(r.id, r.posted_at, r.posted_on, r.kind, r.description, r.currency, r.order_id,
                         r.username or "", r.reverses_id, r.reversed_by,
                         tuple(PostingDTO(p.account, from_minor(p.amount_minor, r.currency)) for p in postings[r.id]))
                for r in rows]

    @staticmethod
    def _queue_item(r, paid_minor, invoiced_minor, invoice_number, due_date, today) -> QueueItem:
        cur = r.currency
        base = int(invoiced_minor) if invoice_number else int(r.total_minor)
        open_minor = base - int(paid_minor)
        days = (today - due_date).days if due_date is not None and open_minor > 0 else 0
        return QueueItem(r.id, order_number(r.id), r.status, r.customer_name or "", from_minor(r.total_minor, cur),
                         from_minor(int(invoiced_minor), cur), from_minor(int(paid_minor), cur),
                         from_minor(open_minor, cur), invoice_number, due_date, max(days, 0))


__all__ = ["AccountsService", "EntryKind"]
