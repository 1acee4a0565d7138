"""Ledger: the journal, reversals, the trial balance, the cash flow and the books' consistency checks."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from ..domain import events as ev
from ..domain.errors import BusinessRuleViolation, NotFound, ValidationFailed
from ..domain.ledger import ACCOUNT_LABELS, Account, Entry, EntryKind, Posting, reversal_entry
from ..domain.messages import msg
from ..domain.money import from_minor
from ..domain.roles import Perm
from . import checks
from .base import ServiceBase
from .dto import Actor
from .ledger_posting import post_entry
from .order_lookup import resolve_order_id


# ---- DTOs -----------------------------------------------------------------------------------------------------

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
class CashFlowRow:
    period: date  # first day of the day, ISO week or month
    method: str
    cash_in: Decimal
    cash_out: Decimal

    @property
    def net(self) -> Decimal:
        return self.cash_in - self.cash_out

def period_start(day: date, period: str) -> date:
    if period == "day":
        return day
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    raise ValidationFailed(msg("period '{period}' is unknown (day, week or month)", period=period))

PURCHASE_DOCUMENT_KINDS = frozenset({EntryKind.GOODS_RECEIVED.value, EntryKind.SUPPLIER_INVOICE.value,
                                     EntryKind.SUPPLIER_PAYMENT.value})
"""Entries that mirror a purchasing document (receipt, supplier invoice, supplier payment) one to one."""

class LedgerService(ServiceBase):
    """The journal and its reports. Posted journal entries never change; a mistake is reversed (the database refuses
    UPDATE and DELETE on them too, migration 0004)."""

    # ---- journal --------------------------------------------------------------------------------------------
    def reverse_entry(self, actor: Actor, entry_id: int, reason: str) -> EntryDTO:
        """Post the negated copy of an entry (COGS and return postings); document entries are corrected by
        credit notes and refunds, which keep the invoices and the journal in step."""
        self._require(actor, Perm.ACCOUNTING, "reverse journal entries")
        reason = (reason or "").strip()
        if not reason:
            raise ValidationFailed(msg("say why the entry is reversed"))
        with self._uow() as uow:
            row = uow.ledger.entry(int(entry_id))
            if row is None:
                raise NotFound(msg("No journal entry {entry}.", entry=entry_id))
            if row.reverses_id is not None:
                raise BusinessRuleViolation(msg("Entry {entry} is itself a reversal; post the correct entry instead.",
                                                 entry=row.id))
            if uow.ledger.reversal_of(row.id) is not None:
                raise BusinessRuleViolation(msg("Entry {entry} is reversed already.", entry=row.id))
            if row.invoice_id is not None or row.payment_id is not None:
                raise BusinessRuleViolation(msg("Entry {entry} belongs to a document; correct it with a credit note "
                                                "or a refund.", entry=row.id))
            if row.kind in PURCHASE_DOCUMENT_KINDS:  # the purchase order, supplier invoice or payment stays as it is
                raise BusinessRuleViolation(msg("Entry {entry} books a {kind}, which the purchasing documents keep in "
                                                "step; it cannot be reversed on its own.", entry=row.id,
                                                kind=row.kind.replace('_', ' ')))
            postings = uow.ledger.postings_of([row.id])[row.id]
            original = Entry(row.kind, row.description, tuple(Posting(p.account, p.amount_minor) for p in postings))
            eid = post_entry(uow, actor, reversal_entry(original, f"Reversal of #{row.id}: {reason}"),
                             currency=row.currency, order_id=row.order_id, reverses_id=row.id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="ledger.reverse",
                             entity="ledger_entry", entity_id=row.id, new={"reversal": eid, "reason": reason})
            uow.events.add_event(ev.EntryReversed(order_id=row.order_id, entry=row.id, reversal=eid, reason=reason),
                                 user_id=actor.user_id)
            dto = self._entries(uow, uow.ledger.entries(limit=1, offset=0, newest_first=True))[0]
            uow.commit()
        return dto

    def journal(self, actor: Actor, *, account: str | None = None, kind: str | None = None, order_ref=None,
                date_from: date | None = None, date_to: date | None = None, text: str = "",
                limit: int | None = 1000, newest_first: bool = False) -> list[EntryDTO]:
        self._require(actor, Perm.BOOKS, "view the journal")
        with self._uow(write=False) as uow:
            oid = resolve_order_id(uow, order_ref) if order_ref not in (None, "") else None
            rows = uow.ledger.entries(account=account or None, kind=kind or None, order_id=oid,
                                        date_from=date_from, date_to=date_to, text=(text or "").strip(),
                                        limit=limit, newest_first=newest_first)
            return self._entries(uow, rows)

    def trial_balance(self, actor: Actor, *, date_to: date | None = None) -> TrialBalanceDTO:
        self._require(actor, Perm.BOOKS, "view the trial balance")
        cur = self.company.currency
        with self._uow(write=False) as uow:
            balances = uow.ledger.account_balances(date_to=date_to)
        order = [a.value for a in Account]
        rows = tuple(BalanceRow(acc, ACCOUNT_LABELS.get(Account(acc), acc) if acc in order else acc,
                                from_minor(max(bal, 0), cur), from_minor(max(-bal, 0), cur))
                     for acc, bal in sorted(balances.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order
                                                                              else 99, kv[0])))
        return TrialBalanceDTO(cur, rows, sum((r.debit for r in rows), from_minor(0, cur)),
                               sum((r.credit for r in rows), from_minor(0, cur)))

    def cash_flow(self, actor: Actor, *, period: str = "day", date_from: date | None = None,
                  date_to: date | None = None) -> list[CashFlowRow]:
        """Money in (payments) and out (refunds) per period (UTC days; ISO weeks from Monday; months) and method."""
        self._require(actor, Perm.BOOKS, "view the cash flow")  # the company's money in and out: the books' readers
        period_start(date.today(), period)  # validates the period name
        cur = self.company.currency
        start = datetime.combine(date_from, datetime.min.time(), tzinfo=timezone.utc) if date_from else None
        end = (datetime.combine(date_to + timedelta(days=1), datetime.min.time(), tzinfo=timezone.utc)
               if date_to else None)
        with self._uow(write=False) as uow:
            rows = uow.payments.payments_between(start, end)
        sums: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0])
        for p in rows:
            key = (period_start(p.received_at.astimezone(timezone.utc).date(), period), p.method)
            sums[key][0 if p.kind == "payment" else 1] += p.amount_minor
        return [CashFlowRow(day, method, from_minor(i, cur), from_minor(o, cur))
                for (day, method), (i, o) in sorted(sums.items())]

    # ---- checks ---------------------------------------------------------------------------------------------
    def ledger_problems(self) -> list[str]:
        """Everything wrong with the books (should always be empty): ``checks.ledger_problems``."""
        with self._uow(write=False) as uow:
            return checks.ledger_problems(uow)

    def open_accounts_problems(self) -> list[str]:
        """Where the kept set of open accounts differs from the documents: ``checks.open_accounts_problems``."""
        with self._uow(write=False) as uow:
            return checks.open_accounts_problems(uow)

    # ---- helpers --------------------------------------------------------------------------------------------
    @staticmethod
    def _entries(uow, rows) -> list[EntryDTO]:
        postings = uow.ledger.postings_of([r.id for r in rows])
        return [EntryDTO(r.id, r.posted_at, r.posted_on, r.kind, r.description, r.currency, r.order_id,
                         r.username or "", r.reverses_id, r.reversed_by,
                         tuple(PostingDTO(p.account, from_minor(p.amount_minor, r.currency)) for p in postings[r.id]))
                for r in rows]


__all__ = ["LedgerService", "EntryKind"]
