"""Till sessions at the counter: open with a float, cash in and out, close with what was counted, the Z report."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

from ..domain import events as ev
from ..domain.errors import BusinessRuleViolation, NotFound, ValidationFailed
from ..domain.ledger import Method
from ..domain.messages import msg, phrase
from ..domain.money import from_minor
from ..domain.references import parse_till_session, till_session_number
from ..domain.roles import Perm, can
from ..domain.till import (COUNTER_METHODS, MovementKind, TillFigures, TillState, close_entry, differences,
                           movement_entry, normal_till_name, parse_counted, parse_float, parse_movement,
                           till_name_problems)
from .accounts_common import company_info
from .documents import TillMethodRow, TillMovementRow, ZReportDoc
from .dto import Actor
from .ledger_posting import post_entry
from .output import PrintingService
from .ports import utc_now

METHOD_LABELS = {Method.CASH.value: "Cash", Method.CARD.value: "Card"}


@dataclass(frozen=True)
class TillSessionDTO:
    id: int
    number: str
    till: str
    state: str
    currency: str
    opened_by: str
    opened_at: datetime
    float_amount: Decimal
    closed_by: str = ""
    closed_at: datetime | None = None
    expected_cash: Decimal | None = None
    counted_cash: Decimal | None = None
    difference: Decimal | None = None


@dataclass(frozen=True)
class TillMovementDTO:
    session_number: str
    till: str
    kind: str
    amount: Decimal
    reason: str
    currency: str
    expected_cash: Decimal  # what the drawer should hold after this movement


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """[start, end) of ``day`` in this computer's time zone, as aware UTC datetimes: a shop's day is its own."""
    start = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


def till_session_for_payment(uow, actor: Actor, method: str, till: str | None) -> int | None:
    """The till session a cash or card payment goes through (None: none; other methods never do).

    ``till`` named: that till's open session, locked until the payment commits (so a close waits for it and counts
    it, or comes first and the payment is refused); a named till that is not open refuses the payment. No till
    named: the session the actor opened and has open, if exactly one (a cashier's payments join their own till).
    """
    if method not in {m.value for m in COUNTER_METHODS}:
        return None
    if till is not None:
        name = normal_till_name(till)
        row = uow.till.open_session_of(name, lock=True)
        if row is None:
            raise BusinessRuleViolation(msg("Till {name} is not open; open it with its float before taking {method} "
                                            "payments there.", name=name, method=method))
        return int(row.id)
    rows = uow.till.open_sessions_opened_by(actor.user_id, lock=True)
    return int(rows[0].id) if len(rows) == 1 else None


def session_figures(uow, session) -> TillFigures:
    """What passed through a session's till: its float, the payments and refunds it took, the cash moved."""
    payments: dict[str, int] = defaultdict(int)
    refunds: dict[str, int] = defaultdict(int)
    for p in uow.till.payments_of(session.id):
        (payments if p.kind == "payment" else refunds)[p.method] += int(p.amount_minor)
    moves = uow.till.movements_of(session.id)
    return TillFigures(int(session.float_minor), dict(payments), dict(refunds),
                       sum(int(m.amount_minor) for m in moves if m.kind == MovementKind.IN.value),
                       sum(int(m.amount_minor) for m in moves if m.kind == MovementKind.OUT.value))


def till_problems(uow) -> list[str]:
    """Every closed session whose stored expected amounts differ from its payments and movements, or whose
    difference is not counted - expected, and every payment linked to a session it was not taken during."""
    problems = []
    for s in uow.till.closed_sessions():
        ref, figures = till_session_number(s.id), session_figures(uow, s)
        for method, expected in ((Method.CASH.value, s.expected_cash_minor),
                                 (Method.CARD.value, s.expected_card_minor)):
            if expected != figures.expected(method):
                problems.append(f"{ref}: expected {method} {expected} stored, its payments and movements say "
                                f"{figures.expected(method)}")
        diff = (s.counted_cash_minor - s.expected_cash_minor) + (s.counted_card_minor - s.expected_card_minor)
        if s.difference_minor != diff:
            problems.append(f"{ref}: difference {s.difference_minor} stored, counted - expected is {diff}")
    problems += [f"payment {pid} is linked to {till_session_number(sid)} but was not taken while it was open"
                 for pid, sid in uow.till.linked_payments_outside_sessions()]
    return problems


class TillService(PrintingService):
    """The counter's tills: counter staff and managers operate them, accountants read their Z reports."""

    # ---- operating a till -----------------------------------------------------------------------------------
    def open(self, actor: Actor, till: str, float_amount) -> TillSessionDTO:
        """Open ``till`` with ``float_amount`` in the drawer (0 or more); refused while it is open already."""
        self._require(actor, Perm.TILL, "open a till")
        currency = self.company.currency
        float_minor = parse_float(till, float_amount, currency)
        name = normal_till_name(till)
        with self._uow() as uow:
            current = uow.till.open_session_of(name, lock=True)
            if current is not None:
                raise BusinessRuleViolation(msg(
                    "Till {name} is open already ({session}, opened by {user} at {time}); close it before opening "
                    "it again.", name=name, session=till_session_number(current.id), user=current.opened_by_name,
                    time=_hhmm(current.opened_at)))
            sid = uow.till.open_session(dict(till=name, currency=currency, float_minor=float_minor,
                                             opened_by=actor.user_id))
            uow.events.add_event(ev.TillOpened(till=name, session=till_session_number(sid),
                                               float_amount=str(from_minor(float_minor, currency)), currency=currency),
                                 user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="till.open",
                             entity="till_session", entity_id=sid,
                             new={"till": name, "float": str(from_minor(float_minor, currency))})
            dto = self._session_dto(uow.till.session(sid))
            uow.commit()
        return dto

    def cash_in(self, actor: Actor, till: str, amount, reason: str) -> TillMovementDTO:
        """Cash put into an open till (change from the bank, ...): Dr Cash, Cr Cash in transit."""
        return self._move(actor, till, MovementKind.IN.value, amount, reason)

    def cash_out(self, actor: Actor, till: str, amount, reason: str) -> TillMovementDTO:
        """Cash taken out of an open till (a drop to the safe, ...): Dr Cash in transit, Cr Cash."""
        return self._move(actor, till, MovementKind.OUT.value, amount, reason)

    def _move(self, actor: Actor, till: str, kind: str, amount, reason: str) -> TillMovementDTO:
        self._require(actor, Perm.TILL, "put cash into or take it out of a till")
        currency = self.company.currency
        kind, minor, reason = parse_movement(till, kind, amount, reason, currency)
        name = normal_till_name(till)
        with self._uow() as uow:
            session = self._open_session(uow, name, phrase("move cash"))
            figures = session_figures(uow, session)
            if kind == MovementKind.OUT.value and minor > figures.expected(Method.CASH.value):
                have = from_minor(figures.expected(Method.CASH.value), currency)
                raise BusinessRuleViolation(msg("Till {name} should hold only {have} {currency} in cash; take out at "
                                                "most that much.", name=name, have=have, currency=currency))
            ref = till_session_number(session.id)
            entry_id = post_entry(uow, actor, movement_entry(name, ref, kind, minor, reason), currency=currency)
            mid = uow.till.add_movement(dict(session_id=session.id, kind=kind, amount_minor=minor, reason=reason,
                                             user_id=actor.user_id, entry_id=entry_id))
            uow.events.add_event(ev.TillCashMoved(till=name, session=ref, direction=kind,
                                                  amount=str(from_minor(minor, currency)), currency=currency,
                                                  reason=reason), user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action=f"till.cash_{kind}",
                             entity="till_movement", entity_id=mid,
                             new={"session": ref, "amount": str(from_minor(minor, currency)), "reason": reason})
            expected = session_figures(uow, session).expected(Method.CASH.value)
            uow.commit()
        return TillMovementDTO(ref, name, kind, from_minor(minor, currency), reason, currency,
                               from_minor(expected, currency))

    def close(self, actor: Actor, till: str, counted: Mapping[str, object]) -> ZReportDoc:
        """Close ``till`` with what was counted per method (cash required; card optional): the over or short is
        booked in the same transaction; the Z report comes back. A till closed already is refused."""
        self._require(actor, Perm.TILL, "close a till")
        currency = self.company.currency
        counted_minor = parse_counted(till, counted, currency)
        name = normal_till_name(till)
        with self._uow() as uow:
            session = self._open_session(uow, name, phrase("close"))
            figures = session_figures(uow, session)
            diffs = differences(figures, counted_minor)
            ref = till_session_number(session.id)
            entry_id = post_entry(uow, actor, close_entry(name, ref, diffs), currency=currency)
            cash, card = Method.CASH.value, Method.CARD.value
            closed = uow.till.close_session(session.id, dict(
                closed_by=actor.user_id, expected_cash_minor=figures.expected(cash),
                counted_cash_minor=figures.expected(cash) + diffs[cash], expected_card_minor=figures.expected(card),
                counted_card_minor=figures.expected(card) + diffs[card], difference_minor=sum(diffs.values()),
                close_entry_id=entry_id))
            if not closed:  # the row lock makes this unreachable; refuse rather than book twice
                raise BusinessRuleViolation(msg("Till {name} ({ref}) is closed already; nothing was booked.", name=name,
                                                 ref=ref))
            uow.events.add_event(ev.TillClosed(
                till=name, session=ref, expected_cash=str(from_minor(figures.expected(cash), currency)),
                counted_cash=str(from_minor(figures.expected(cash) + diffs[cash], currency)),
                over_short=str(from_minor(sum(diffs.values()), currency)), currency=currency), user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="till.close",
                             entity="till_session", entity_id=session.id,
                             new={"till": name, **{f"counted_{m}": str(from_minor(v, currency))
                                                   for m, v in counted_minor.items()},
                                  "difference": str(from_minor(sum(diffs.values()), currency))})
            report = self._report(uow, uow.till.session(session.id))
            uow.commit()
        return report

    # ---- reading --------------------------------------------------------------------------------------------
    def report(self, actor: Actor, ref: str | int, *, day: date | None = None) -> ZReportDoc:
        """The Z report of a session (``Z-000007`` or its id) or of a till's last session opened on ``day`` (today
        by default); an open session's report is an X report (no counts yet)."""
        self._require_read(actor)
        with self._uow(write=False) as uow:
            return self._report(uow, self._find(uow, ref, day))

    def report_pdf(self, actor: Actor, ref: str | int, *, day: date | None = None) -> bytes:
        return self._printer().render_z_report(self.report(actor, ref, day=day))

    def current(self, actor: Actor, till: str) -> ZReportDoc | None:
        """The open session of ``till`` as an X report (what the till should hold now), None when it is closed."""
        self._require_read(actor)
        problems = till_name_problems(till)
        if problems:
            raise ValidationFailed(problems)
        with self._uow(write=False) as uow:
            row = uow.till.open_session_of(normal_till_name(till))
            return self._report(uow, row) if row is not None else None

    def sessions(self, actor: Actor, day: date | None = None) -> list[TillSessionDTO]:
        """Every till session opened on ``day`` (today by default; this computer's time zone), oldest first."""
        self._require_read(actor)
        start, end = local_day_bounds(day or _today())
        with self._uow(write=False) as uow:
            return [self._session_dto(r) for r in uow.till.sessions_between(start, end)]

    # ---- helpers --------------------------------------------------------------------------------------------
    def _require_read(self, actor: Actor | None) -> Actor:
        actor = self._require(actor, Perm.VIEW, "read till reports")
        if not (can(actor.role, Perm.TILL) or can(actor.role, Perm.ACCOUNTING)):
            self._require(actor, Perm.TILL, "read till reports")
        return actor

    @staticmethod
    def _open_session(uow, name: str, what: str):
        session = uow.till.open_session_of(name, lock=True)
        if session is None:
            raise BusinessRuleViolation(msg("Till {name} is not open, so there is nothing to {what}; open it with its "
                                            "float first (a till closed already stays closed: open a new "
                                            "session).", name=name, what=what))
        return session

    def _find(self, uow, ref: str | int, day: date | None):
        if isinstance(ref, int) or parse_till_session(str(ref)) is not None:
            sid = ref if isinstance(ref, int) else parse_till_session(str(ref))
            row = uow.till.session(sid)
            if row is None:
                raise NotFound(msg("No till session {ref}.", ref=till_session_number(int(sid or 0))))
            return row
        problems = till_name_problems(ref)
        if problems:
            raise ValidationFailed(problems)
        name = normal_till_name(ref)
        start, end = local_day_bounds(day or _today())
        rows = uow.till.sessions_between(start, end, till=name)
        if not rows:
            raise NotFound(msg("Till {name} had no session on {day}.", name=name, day=day or _today()))
        return rows[-1]

    def _report(self, uow, session) -> ZReportDoc:
        cur = session.currency
        money = lambda minor: from_minor(minor, cur)  # noqa: E731
        figures = session_figures(uow, session)
        closed = session.closed_at is not None
        counted = {Method.CASH.value: session.counted_cash_minor, Method.CARD.value: session.counted_card_minor}
        methods = []
        for m in COUNTER_METHODS:
            expected = figures.expected(m.value)
            count = counted[m.value] if closed else None
            methods.append(TillMethodRow(
                m.value, METHOD_LABELS[m.value], money(figures.payments.get(m.value, 0)),
                money(figures.refunds.get(m.value, 0)), money(expected),
                money(count) if count is not None else None,
                money(count - expected) if count is not None else None))
        orders: dict[int, int] = {}
        for p in uow.till.payments_of(session.id):
            if p.kind == "payment":
                orders[p.order_id] = int(p.order_total_minor)
        moves = tuple(TillMovementRow(r.kind, money(r.amount_minor), r.reason, r.username or "", r.moved_at)
                      for r in uow.till.movements_of(session.id))
        return ZReportDoc(
            session_id=session.id, number=till_session_number(session.id), till=session.till,
            state=TillState.CLOSED.value if closed else TillState.OPEN.value, company=company_info(self.company),
            currency=cur, opened_by=session.opened_by_name, opened_at=session.opened_at,
            closed_by=session.closed_by_name or "", closed_at=session.closed_at,
            float_amount=money(session.float_minor), orders_paid=len(orders), sales=money(sum(orders.values())),
            methods=tuple(methods), movements=moves, cash_in=money(figures.cash_in), cash_out=money(figures.cash_out),
            printed_at=utc_now(), locale=self.company.locale)

    @staticmethod
    def _session_dto(r) -> TillSessionDTO:
        cur = r.currency
        opt = lambda minor: from_minor(minor, cur) if minor is not None else None  # noqa: E731
        return TillSessionDTO(r.id, till_session_number(r.id), r.till,
                              TillState.CLOSED.value if r.closed_at is not None else TillState.OPEN.value, cur,
                              r.opened_by_name, r.opened_at, from_minor(r.float_minor, cur), r.closed_by_name or "",
                              r.closed_at, opt(r.expected_cash_minor), opt(r.counted_cash_minor),
                              opt(r.difference_minor))


def _today() -> date:
    return utc_now().astimezone().date()


def _hhmm(at: datetime) -> str:
    return at.astimezone().strftime("%H:%M")
