"""Till sessions at the counter: their states, what each till should hold, over and short, and their entries (pure).

A session opens with a float (the change in the drawer), takes cash and card payments and maybe refunds, gets cash
put in or taken out (each with a reason), and closes with what was counted per method. The expected cash is
``float + cash payments - cash refunds + cash in - cash out``; the expected card total is the card payments less
card refunds (what the terminal's end-of-day slip should say). ``counted - expected`` per method is over (positive)
or short (negative), booked at close.

The float is no entry: it is the shop's cash already (``Assets:Cash`` holds the tills and the safe alike), moved
from the safe into the drawer. Cash in and out move money between the till and somewhere outside the shop's cash
(the bank, an owner's pocket, a supplier paid from the drawer): both go through ``Assets:CashInTransit``, a clearing
account the accountant empties when the bank statement (or a receipt) says where the money went. See
docs/accounting.md.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from .errors import ValidationFailed
from .ledger import METHOD_ACCOUNT, Account, Entry, EntryKind, Method, Posting
from .messages import msg, phrase
from .money import parse_amount, to_minor
from .references import parse_till_session


class TillState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class MovementKind(StrEnum):
    IN = "in"
    OUT = "out"


COUNTER_METHODS = (Method.CASH, Method.CARD)
"""What a till takes and counts at close: bank transfers and web shop payments never pass a counter."""

MAX_TILL_NAME = 40
MAX_REASON = 200


def till_name_problems(name: object) -> list[str]:
    text = str(name or "").strip()
    if not text:
        return [msg("the till needs a name (e.g. FRONT or COUNTER-1)")]
    if len(text) > MAX_TILL_NAME:
        return [msg("the till's name is longer than {most} characters", most=MAX_TILL_NAME)]
    if parse_till_session(text) is not None:
        return [msg("a till's name cannot look like a session's number ({text}); name it e.g. FRONT or COUNTER-1",
                    text=text)]
    return []


def normal_till_name(name: object) -> str:
    """Tills are named as people type them, compared without case: 'front' and 'FRONT' are one till."""
    return str(name or "").strip().upper()


def _amount(text: object, currency: str, field: str, problems: list[str], *, positive: bool) -> int | None:
    try:
        value = parse_amount(text, currency, field=field)
    except ValidationFailed as e:
        problems.extend(e.problems)
        return None
    except ArithmeticError:
        problems.append(msg("{field} '{text}' is not a number", field=field, text=text))
        return None
    if positive and value <= 0:
        problems.append(msg("{field} must be more than zero", field=field))
        return None
    return to_minor(value, currency)


def parse_float(till: object, amount: object, currency: str) -> int:
    """The float in minor units; every problem with the till's name and the amount at once (ValidationFailed).
    A float may be zero (a till that starts empty) but never negative."""
    problems = till_name_problems(till)
    minor = _amount(amount, currency, phrase("the float"), problems, positive=False)
    if problems:
        raise ValidationFailed(problems)
    assert minor is not None
    return minor


def parse_movement(till: object, kind: object, amount: object, reason: object, currency: str) -> tuple[str, int,
                                                                                                          str]:
    """(kind, amount in minor units, reason) of cash put into or taken out of a till; every problem at once."""
    problems = till_name_problems(till)
    try:
        kind_value = MovementKind(str(kind).strip().lower()).value
    except ValueError:
        problems.append(msg("cash moves 'in' or 'out', not '{kind}'", kind=kind))
        kind_value = ""
    minor = _amount(amount, currency, phrase("the amount"), problems, positive=True)
    text = str(reason or "").strip()
    if not text:
        problems.append(msg("say why the cash moves (a reason, e.g. 'change from the bank' or 'drop to the safe')"))
    elif len(text) > MAX_REASON:
        problems.append(msg("the reason is longer than {most} characters", most=MAX_REASON))
    if problems:
        raise ValidationFailed(problems)
    assert minor is not None
    return kind_value, minor, text


def parse_counted(till: object, counted: Mapping[str, object], currency: str) -> dict[str, int]:
    """What was counted per method at close, in minor units. Cash must be counted; card may be left out (then the
    terminal is taken to agree with the payments recorded). Every problem at once (ValidationFailed)."""
    problems = till_name_problems(till)
    out: dict[str, int] = {}
    for method, amount in counted.items():
        key = str(method).strip().lower()
        if key not in [m.value for m in COUNTER_METHODS]:
            problems.append(msg("a till counts cash and card, not '{method}'", method=method))
            continue
        if key in out:
            problems.append(msg("{method} is counted twice", method=key))
            continue
        minor = _amount(amount, currency, msg("counted {method}", method=key), problems, positive=False)
        if minor is not None:
            out[key] = minor
    if Method.CASH.value not in out and not any(p.startswith("counted cash") for p in problems):
        problems.append(msg("count the cash in the drawer (counted cash is required, 0 if it is empty)"))
    if problems:
        raise ValidationFailed(problems)
    return out


@dataclass(frozen=True)
class TillFigures:
    """What passed through a till in one session, in minor units (every amount positive)."""

    float_minor: int
    payments: Mapping[str, int]   # method -> payments taken
    refunds: Mapping[str, int]    # method -> refunds paid out
    cash_in: int
    cash_out: int

    def expected(self, method: str) -> int:
        taken = self.payments.get(method, 0) - self.refunds.get(method, 0)
        if method == Method.CASH.value:
            return self.float_minor + taken + self.cash_in - self.cash_out
        return taken


def differences(figures: TillFigures, counted: Mapping[str, int]) -> dict[str, int]:
    """Counted minus expected per counter method (over positive, short negative); a method not counted agrees."""
    return {m.value: counted.get(m.value, figures.expected(m.value)) - figures.expected(m.value)
            for m in COUNTER_METHODS}


def movement_entry(till: str, session_ref: str, kind: str, amount: int, reason: str) -> Entry:
    """Cash into a till (Dr Cash, Cr CashInTransit) or out of it (the other way round)."""
    if amount <= 0:
        raise ValueError("cash moves a positive amount")
    signed = amount if kind == MovementKind.IN.value else -amount
    what = "in" if signed > 0 else "out"
    return Entry(EntryKind.TILL_CASH.value, f"Till {till} {session_ref} cash {what}: {reason}",
                 (Posting(Account.CASH.value, signed), Posting(Account.CASH_IN_TRANSIT.value, -signed)))


def close_entry(till: str, session_ref: str, diffs: Mapping[str, int]) -> Entry:
    """A till's over and short at close, per method: over is Dr the method's account, Cr CashOver; short is Dr
    CashShort, Cr the method's account. No legs (nothing posted) when every count agrees."""
    legs: dict[str, int] = {}
    for method, diff in diffs.items():
        if diff == 0:
            continue
        account = METHOD_ACCOUNT[Method(method)].value
        result = (Account.CASH_OVER if diff > 0 else Account.CASH_SHORT).value
        legs[account] = legs.get(account, 0) + diff
        legs[result] = legs.get(result, 0) - diff  # one leg each for over and short, whatever the methods
    over = sum(d for d in diffs.values())
    word = "over" if over > 0 else "short" if over < 0 else "over and short"
    return Entry(EntryKind.TILL_CLOSE.value, f"Till {till} {session_ref} closed, {word}",
                 tuple(Posting(account, amount) for account, amount in legs.items()))
