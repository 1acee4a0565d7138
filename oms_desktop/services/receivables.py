"""Receivables: payments and refunds, receipts, what an order or a customer owes, the accounts queue and aging."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from ..domain import events as ev
from ..domain.errors import BusinessRuleViolation, InvalidTransition, NotFound, ValidationFailed
from ..domain.mail import MailKind
from ..domain.messages import msg
from ..domain.free_text import contains_card_number
from ..domain.ledger import Method, receipt_entry, refund_entry
from ..domain.money import from_minor, parse_amount, to_minor
from ..domain.references import order_number, receipt_number
from ..domain.roles import Perm
from ..domain.till import till_name_problems
from .accounts_common import InvoiceDTO, company_info, invoice_dto, tax_rows
from .output import PrintingService
from .cart_pricing import stored_adjustments
from .documents import ReceiptDoc, ReceiptLine, ReceiptPayment, adjustment_lines
from .invoice_doc import customer_language
from .dto import Actor
from .ledger_posting import post_entry
from .order_lookup import order_row
from .outbox import queue_for
from .ports import utc_now
from .pricing import price_order_lines
from .receipt_jobs import queue_receipt, receipt_printer
from .till import till_session_for_payment

AGING_BUCKETS = ((0, "current"), (30, "1-30"), (60, "31-60"), (90, "61-90"))
QUEUE_GROUP_LIMIT = 500
"""At most this many orders per group of the accounts queue (its oldest waiting for an invoice, its newest open)."""
LAST4_RE = re.compile(r"^[0-9]{4}$")  # ASCII digits only, as every typed number (domain/numbers.py)


# ---- DTOs -----------------------------------------------------------------------------------------------------

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

def aging_bucket(days_overdue: int) -> str:
    label = "over 90"
    for limit, name in reversed(AGING_BUCKETS):
        if days_overdue <= limit:
            label = name
    return label

class ReceivablesService(PrintingService):
    """Payments, refunds and receipts; what is owed. Money: Decimal in and out, integer minor units in storage;
    amounts typed by people go through ``domain.money.parse_amount``. Card payments store at most the last four
    digits and the terminal's reference; a free-text field holding anything that looks like a card number (13-19
    digits passing the Luhn check) is refused.

    Attributes:
        renderer: the PDF renderer (``render_receipt``), injected by bootstrap.
    """


    # ---- payments -------------------------------------------------------------------------------------------
    def record_payment(self, actor: Actor, order_ref, amount, method: str, *, reference: str = "",
                       card_last4: str = "", notes: str = "", till: str | None = None,
                       print_receipt: bool = False, change=Decimal(0)) -> PaymentDTO:
        """Take money for an order (partial, exact or more: the excess becomes the customer's credit). A cash or
        card payment goes through ``till`` (which must be open), or else through the till session the actor has
        open, if any (``services.till.till_session_for_payment``). ``print_receipt`` writes a receipt print job
        (with ``change`` and, for cash, the drawer kick) in the payment's transaction; the receipt printer must be
        set (``services.receipt_printing``), and ``ReceiptPrintService.print_pending`` prints it."""
        self._require(actor, Perm.PAYMENT, "record payments")
        receipt = None
        if print_receipt:
            receipt_printer(self._settings.raw())  # refuses when none is set, before anything is written
            receipt = {"change": change, "cashier": actor.display_name or actor.username}
        return self._money_movement(actor, order_ref, "payment", amount, method, reference, card_last4, notes,
                                    till, receipt)

    def refund(self, actor: Actor, order_ref, amount, method: str, *, reference: str = "",
               notes: str = "", till: str | None = None) -> PaymentDTO:
        """Pay money back, at most the customer's credit on the order (after a credit note or an overpayment); cash
        or card paid back at the counter comes out of a till as ``record_payment`` takes it in."""
        self._require(actor, Perm.ACCOUNTING, "pay refunds")
        return self._money_movement(actor, order_ref, "refund", amount, method, reference, "", notes, till)

    def _money_movement(self, actor, order_ref, kind, amount, method, reference, card_last4, notes,
                        till=None, receipt: dict | None = None) -> PaymentDTO:
        currency = self.company.currency
        problems: list[str] = []
        value = None
        try:
            value = parse_amount(amount, currency)
            if value <= 0:
                problems.append(msg("amount must be more than zero"))
        except ValidationFailed as e:
            problems.extend(e.problems)
        except ArithmeticError:  # parse_amount lets decimal.InvalidOperation out for exponents like 1e9999
            problems.append(msg("amount '{text}' is not a number", text=amount))
        try:
            method = Method(str(method).strip().lower()).value
        except ValueError:
            problems.append(msg("payment method '{method}' is unknown (cash, card, bank or online)", method=method))
        reference, notes, card_last4 = (reference or "").strip(), (notes or "").strip(), (card_last4 or "").strip()
        for card_number, text in (
                (msg("the reference looks like a card number; never store card numbers: enter only the last four "
                     "digits and the terminal's reference"), reference),
                (msg("the notes looks like a card number; never store card numbers: enter only the last four digits "
                     "and the terminal's reference"), notes)):
            if contains_card_number(text):
                problems.append(card_number)
        if len(reference) > 100:
            problems.append(msg("reference is longer than 100 characters"))
        if card_last4 and (method != Method.CARD or not LAST4_RE.match(card_last4)):
            problems.append(msg("card last four must be exactly four digits, for card payments only"))
        if till is not None:
            problems.extend(till_name_problems(till))
        change = Decimal(0)
        if receipt is not None:
            try:
                change = receipt["change"] if isinstance(receipt["change"], Decimal) else parse_amount(
                    receipt["change"] or "0", currency, field="change")
                if change < 0:
                    problems.append(msg("change cannot be negative"))
            except ValidationFailed as e:
                problems.extend(e.problems)
        if problems:
            raise ValidationFailed(problems)
        assert value is not None  # else parse_amount failed, a problem raised just above
        minor = to_minor(value, currency)
        with self._uow() as uow:
            order = order_row(uow, order_ref, for_update=True)
            label = order_number(order.id)
            if order.currency != currency:
                raise BusinessRuleViolation(msg("{order} is in {currency}, not {given}.", order=label,
                                                 currency=order.currency, given=currency))
            invoiced, paid = uow.receivables.order_amounts(order.id)
            balance = invoiced - paid
            if kind == "payment":
                if order.status == "draft":
                    raise InvalidTransition(msg("{order} is still a cart; confirm it before taking payment.",
                                                order=label))
                if order.status == "cancelled":
                    raise InvalidTransition(msg("{order} is cancelled; it takes no payment.", order=label))
            elif minor > max(-balance, 0):
                owed = from_minor(max(-balance, 0), currency)
                raise BusinessRuleViolation(
                    msg("{order}: only {owed} {currency} is owed to the customer; issue a credit note first (or "
                        "refund less).", order=label, owed=owed, currency=currency))
            session_id = till_session_for_payment(uow, actor, method, till)
            pid = uow.payments.add_payment(dict(order_id=order.id, kind=kind, method=method, amount_minor=minor,
                                                currency=currency, reference=reference, card_last4=card_last4,
                                                notes=notes, user_id=actor.user_id, till_session_id=session_id))
            uow.receivables.refresh_open_account(order.id)
            what = "Payment" if kind == "payment" else "Refund"
            text = f"{what} {method} {label}" + (f" ref {reference}" if reference else "")
            entry = (receipt_entry(text, method, minor, balance) if kind == "payment"
                     else refund_entry(text, method, minor, balance))
            post_entry(uow, actor, entry, currency=currency, order_id=order.id, payment_id=pid)
            if kind == "refund":
                queue_for(uow, MailKind.REFUND, order.id, order.customer_id,
                          {"amount": str(value), "currency": currency, "method": method})
            event = ev.PaymentReceived if kind == "payment" else ev.RefundPaid
            uow.events.add_event(event(order_id=order.id, number=label, amount=str(value), currency=currency,
                                       method=method, balance=str(from_minor(balance - minor if kind == "payment"
                                                                             else balance + minor, currency))),
                                 user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action=f"{kind}.record",
                             entity="payment", entity_id=pid,
                             new={"order": label, "amount": str(value), "method": method, "reference": reference,
                                  "card_last4": card_last4})
            if receipt is not None:
                queue_receipt(uow, actor, order.id, change=change, cashier=receipt["cashier"],
                              kick_drawer=method == Method.CASH,
                              payments=len(uow.payments.payments_of(order.id)),
                              language=customer_language(uow, order.customer_id))
            dto = self._payment_dto(uow.payments.payment(pid))
            uow.commit()
        return dto

    # ---- receipts -------------------------------------------------------------------------------------------
    def receipt_pdf(self, actor: Actor, order_ref, *, change=Decimal(0), payment_id: int | None = None) -> bytes:
        """An 80 mm till receipt of an order with the payments taken so far (``change`` handed back in cash); with
        ``payment_id`` the receipt of that payment as it was when it was taken (the payments up to it, numbered by
        their count: any payment's receipt can be printed again)."""
        self._require(actor, Perm.VIEW, "print receipts")
        with self._uow(write=False) as uow:
            doc = receipt_doc(uow, self.company, order_ref, actor.display_name or actor.username, change,
                              printed_at=utc_now(), payment_id=payment_id)
        return self._printer().render_receipt(doc)

    # ---- what is owed ---------------------------------------------------------------------------------------
    def order_account(self, actor: Actor, order_ref) -> OrderAccountDTO:
        self._require(actor, Perm.VIEW, "view order accounts")
        with self._uow(write=False) as uow:
            order = order_row(uow, order_ref)
            cur = order.currency
            invoiced, paid = uow.receivables.order_amounts(order.id)
            customer = uow.customers.get(order.customer_id) if order.customer_id is not None else None
            return OrderAccountDTO(
                order.id, order_number(order.id), order.status, customer.name if customer else "", cur,
                from_minor(order.total_minor, cur), from_minor(invoiced, cur), from_minor(paid, cur),
                tuple(invoice_dto(uow, r, with_lines=False) for r in uow.invoices.invoices_of(order.id)),
                tuple(self._payment_dto(p) for p in uow.payments.payments_of(order.id)))

    def customer_balance(self, actor: Actor, customer_id: int) -> Decimal:
        """What a customer owes over all orders (invoiced minus paid); negative when they have credit with us.
        Sales staff see it while taking an order, so it needs only the view right."""
        self._require(actor, Perm.VIEW, "see a customer's balance")
        with self._uow(write=False) as uow:
            invoiced, paid = uow.receivables.customer_amounts(customer_id)
        return self.money(invoiced - paid)

    def queue(self, actor: Actor, *, today: date | None = None) -> AccountsQueueDTO:
        """What accounts has to do: invoice paid orders and shipped units, chase open and overdue invoices,
        settle credits."""
        self._require(actor, Perm.VIEW, "view the accounts queue")
        today = today or utc_now().date()
        with self._uow(write=False) as uow:
            # One statement over the open accounts only (kept by every change that opens or closes one, see
            # ReceivablesRepo.refresh_open_account), not a scan of the history; each group as long and in the order
            # it had when it was its own query over every order.
            accounts = uow.receivables.open_account_rows()  # newest first
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
            rows = uow.receivables.order_accounts(only_open=True)
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

    # ---- helpers --------------------------------------------------------------------------------------------

    @staticmethod
    def _payment_dto(p) -> PaymentDTO:
        return PaymentDTO(p.id, p.order_id, order_number(p.order_id), p.kind, p.method,
                          from_minor(p.amount_minor, p.currency), p.currency, p.reference, p.card_last4, p.notes,
                          p.received_at, p.username or "")

    @staticmethod
    def _method_label(method: str, kind: str) -> str:
        name = {"cash": "Cash", "card": "Card", "bank": "Bank transfer", "online": "Online"}.get(method, method)
        return name if kind == "payment" else f"Refund {name.lower()}"

    @staticmethod
    def _queue_item(r, paid_minor, invoiced_minor, invoice_number, due_date, today) -> QueueItem:
        cur = r.currency
        base = int(invoiced_minor) if invoice_number else int(r.total_minor)
        open_minor = base - int(paid_minor)
        days = (today - due_date).days if due_date is not None and open_minor > 0 else 0
        return QueueItem(r.id, order_number(r.id), r.status, r.customer_name or "", from_minor(r.total_minor, cur),
                         from_minor(int(invoiced_minor), cur), from_minor(int(paid_minor), cur),
                         from_minor(open_minor, cur), invoice_number, due_date, max(days, 0))


def receipt_doc(uow, company, order_ref, cashier: str, change, *, printed_at: datetime,
                payments_upto: int | None = None, payment_id: int | None = None,
                language: str | None = None) -> ReceiptDoc:
    """The till receipt of an order as it stands, with its first ``payments_upto`` payments (all: None), or up to
    the payment ``payment_id`` (that payment's receipt as it was when it was taken): the one document the 80 mm
    PDF and the receipt printer both print, so both show the same figures. ``language``: the one a print job
    kept from its payment's transaction; None: the customer's now."""
    order = order_row(uow, order_ref)
    cur = order.currency
    change = parse_amount(change, cur, field="change") if not isinstance(change, Decimal) else change
    lines = uow.orders.lines(order.id)
    adjustments = uow.carts.adjustments(order.id)
    totals = price_order_lines(order, lines, adjustments=stored_adjustments(adjustments, cur))
    payments = list(uow.payments.payments_of(order.id))
    if payment_id is not None:
        ids = [p.id for p in payments]
        if payment_id not in ids:
            raise NotFound(msg("{order} has no payment number {payment}.", order=order_number(order.id),
                               payment=payment_id))
        payments = payments[:ids.index(payment_id) + 1]
    if payments_upto is not None:
        payments = payments[:payments_upto]
    return ReceiptDoc(
        number=receipt_number(order.id, len(payments)), printed_at=printed_at,
        company=company_info(company),
        order_number=order_number(order.id), tracking_number=order.tracking_number or "",
        cashier=cashier,
        # Line amounts as the prices are kept (net, or gross when prices include tax), so the lines add
        # up to the net (or the total) printed below them.
        lines=tuple(ReceiptLine(ln.sku, ln.name, ln.quantity, from_minor(ln.unit_price_minor, cur),
                                la.gross if order.prices_include_tax else la.net)
                    for ln, la in zip(lines, totals.lines)),
        # the order's allowances and charges below them, in the same basis (what was taken off or added)
        adjustments=adjustment_lines((a.label, from_minor(a.amount_minor, cur), None) for a in adjustments),
        tax_breakdown=tax_rows(totals, cur), net=totals.net, tax=totals.tax, total=totals.total,
        currency=cur,
        payments=tuple(ReceiptPayment(ReceivablesService._method_label(p.method, p.kind),
                                      from_minor(p.amount_minor if p.kind == "payment" else -p.amount_minor, cur),
                                      p.reference or (f"**** {p.card_last4}" if p.card_last4 else ""),
                                      method_code=p.method, refund=p.kind != "payment")
                       for p in payments),
        change=change, locale=company.locale,
        language=language if language is not None else customer_language(uow, order.customer_id))
