"""Integrity checks: each reads the whole database and lists what is wrong, nothing when all is well (Beancount's
validation list). An administrator runs them with ``oms check``; the tests call the same functions after every step
of their state machines. A new invariant is one more function registered here."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..domain.errors import ValidationFailed
from ..domain.messages import msg
from ..domain.ledger import CASH_ACCOUNTS, Account
from ..domain.money import from_minor
from ..domain.references import Series, format_ref, order_number, parse_invoice_or_credit_note
from ..domain.roles import Perm
from .base import ServiceBase
from .dto import Actor
from .payables import payables_problems
from .sales_facts import utc_offsets
from .till import till_problems

CheckFunction = Callable[[Any], list[str]]
"""A check: the open unit of work in, the problems found out."""


@dataclass(frozen=True)
class Check:
    name: str
    what: str
    run: CheckFunction


@dataclass(frozen=True)
class CheckResultDTO:
    name: str
    what: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


CHECKS: dict[str, Check] = {}


def check(name: str, what: str) -> Callable[[CheckFunction], CheckFunction]:
    """Registers a check under ``name`` (what ``oms check NAME`` runs); ``what`` says what it holds true."""
    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[name] = Check(name, what, function)
        return function
    return register


@check("stock", "every stock row equals the sum of its moves, and nothing reserved is missing from the shelf")
def stock_problems(uow: Any) -> list[str]:
    bad = uow.stock.invariant_violations()
    products = uow.products.by_ids([row[0] for row in bad])
    problems = []
    for product_id, on_hand, reserved, moved_on_hand, moved_reserved in bad:
        sku = products[product_id].sku if product_id in products else f"product {product_id}"
        problems.append(f"{sku}: on hand {on_hand}, reserved {reserved}; its moves add up to on hand "
                        f"{moved_on_hand or 0}, reserved {moved_reserved or 0}")
    return problems


@check("ledger", "every entry balances, and receivables, customer credit, cash, goods received not invoiced and "
                 "payables agree with the documents")
def ledger_problems(uow: Any) -> list[str]:
    problems = [f"entry {eid} does not balance (off by {s})" for eid, s in uow.ledger.unbalanced_entries()]
    balances = uow.ledger.account_balances()
    if sum(balances.values()) != 0:
        problems.append(f"the trial balance is off by {sum(balances.values())}")
    rec = cred = 0
    for r in uow.receivables.order_accounts(only_open=False, limit=10**9):
        bal = int(r.invoiced) - int(r.paid)
        rec, cred = rec + max(bal, 0), cred + min(bal, 0)
    if balances.get(Account.RECEIVABLES.value, 0) != rec:
        problems.append(f"receivables {balances.get(Account.RECEIVABLES.value, 0)} differ from open "
                        f"invoices minus payments {rec}")
    if balances.get(Account.CUSTOMER_CREDIT.value, 0) != cred:
        problems.append(f"customer credit {balances.get(Account.CUSTOMER_CREDIT.value, 0)} differs from "
                        f"overpayments {cred}")
    cash = sum(balances.get(a.value, 0) for a in CASH_ACCOUNTS)
    moved = sum(p.amount_minor if p.kind == "payment" else -p.amount_minor
                for p in uow.payments.payments_between(None, None)) - uow.payables.supplier_paid_total()
    moved += uow.till.cash_adjustments_total()  # cash put into and taken out of tills, their over and short
    if cash != moved:
        problems.append(f"cash accounts {cash} differ from payments minus refunds and supplier payments, plus the "
                        f"tills' cash in, out, over and short {moved}")
    problems.extend(payables_problems(uow, balances))  # goods received not invoiced, payables
    return problems


@check("open-accounts", "the kept set of open accounts (what the accounts queue reads) matches the documents")
def open_accounts_problems(uow: Any) -> list[str]:
    reasons = ("unsettled", "paid_not_invoiced", "shipped_not_invoiced")
    kept = {r.order_id: tuple(bool(getattr(r, n)) for n in reasons) for r in uow.receivables.open_accounts()}
    found = ({r.id for r in uow.receivables.order_accounts(only_open=True, limit=None)},
             {r.id for r in uow.receivables.paid_not_invoiced(limit=None)},
             {r.id for r in uow.receivables.shipped_not_invoiced(limit=None)})
    expected = {oid: tuple(oid in ids for ids in found) for oid in set().union(*found)}

    def said(flags: tuple[bool, ...] | None) -> str:
        return ", ".join(n for n, f in zip(reasons, flags or ()) if f) or "closed"
    return [f"{order_number(oid)}: open accounts say {said(kept.get(oid))}, its documents {said(expected.get(oid))}"
            for oid in sorted(set(kept) | set(expected)) if kept.get(oid) != expected.get(oid)]


@check("invoice-numbers", "invoice and credit note numbers run from 1 to the last one drawn, without a gap")
def invoice_number_problems(uow: Any) -> list[str]:
    issued: dict[Series, set[int]] = defaultdict(set)
    problems = []
    for number in uow.invoices.issued_numbers():
        parsed = parse_invoice_or_credit_note(number)
        if parsed is None:
            problems.append(f"'{number}' is not an invoice or credit note number")
        else:
            issued[parsed[0]].add(parsed[1])
    counters = uow.invoices.counters()
    for series in (Series.INVOICE, Series.CREDIT_NOTE):
        last = counters.get(series.value, 0)
        missing = sorted(set(range(1, last + 1)) - issued[series])
        beyond = sorted(n for n in issued[series] if n > last)
        if missing:
            problems.append(f"{series.value}: {len(missing)} number(s) drawn but not issued, first "
                            f"{format_ref(series, missing[0])}")
        if beyond:
            problems.append(f"{series.value}: {len(beyond)} number(s) issued beyond the counter ({last})")
    return problems


@check("coupons", "every coupon's count of uses equals its redemptions, and none is used more often than allowed")
def coupon_problems(uow: Any) -> list[str]:
    return [f"coupon {code}: {uses} use(s) counted, {redeemed} redemption(s) recorded"
            + (f", at most {max_uses} allowed" if max_uses is not None and redeemed > max_uses else "")
            for code, uses, redeemed, max_uses in uow.carts.coupon_use_mismatches()]


def _within(part: int, whole: int) -> bool:
    """``part`` is between nothing and all of ``whole`` (an allowance is negative, a charge positive)."""
    return 0 <= part <= whole if whole >= 0 else whole <= part <= 0


@check("invoice-adjustments", "no order's invoices bill more of an allowance or charge than the order has, and no "
                              "credit note takes back more of one than its invoice billed")
def invoice_adjustment_problems(uow: Any) -> list[str]:
    problems: list[str] = []
    billed: dict[tuple[int, int], int] = defaultdict(int)   # (order, seq) -> invoices less credit notes
    kept: dict[tuple[int, int], int] = defaultdict(int)     # (invoice, seq) -> the invoice's less its credit notes
    order_amount: dict[tuple[int, int], tuple[int, str]] = {}
    invoice_amount: dict[tuple[int, int], tuple[int, str]] = {}
    for r in uow.carts.billed_adjustments():
        if r.order_amount_minor is None:
            problems.append(f"{r.number} bills allowance or charge {r.seq}, which {order_number(r.order_id)} "
                            "does not have")
            continue
        sign = 1 if r.kind == "invoice" else -1
        billed[r.order_id, r.seq] += sign * r.amount_minor
        order_amount[r.order_id, r.seq] = (r.order_amount_minor, r.currency)
        invoice_id = r.invoice_id if r.kind == "invoice" else r.references_id
        kept[invoice_id, r.seq] += sign * r.amount_minor
        if r.kind == "invoice":
            invoice_amount[invoice_id, r.seq] = (r.amount_minor, r.number)
    for (order_id, seq), amount in billed.items():
        whole, cur = order_amount[order_id, seq]
        if not _within(amount, whole):
            problems.append(f"{order_number(order_id)}: its invoices less credit notes bill {from_minor(amount, cur)} "
                            f"of allowance or charge {seq}, which is {from_minor(whole, cur)}")
    for (invoice_id, seq), amount in kept.items():
        if (invoice_id, seq) not in invoice_amount:
            problems.append(f"a credit note takes back allowance or charge {seq}, which its invoice did not bill")
        elif not _within(amount, invoice_amount[invoice_id, seq][0]):
            problems.append(f"credit notes of {invoice_amount[invoice_id, seq][1]} take back more of allowance or "
                            f"charge {seq} than it billed")
    return problems


@check("backorders", "a backorder waiting for goods belongs to a confirmed order and waits for no more than the "
                     "order's line")
def waiting_backorder_problems(uow: Any) -> list[str]:
    return [f"{order_number(w.order_id)} is {w.status} but {w.waiting} x {w.sku} of it wait for goods"
            if w.status != "confirmed" else
            f"{order_number(w.order_id)} waits for {w.waiting} x {w.sku} but orders only {w.ordered}"
            for w in uow.shipments.waiting_mismatches()]


@check("sales", "the sales facts (units, net revenue, orders and returns per local day, product, channel and agent) "
                "equal what the orders, their allowances, cancellations and returns say")
def sales_problems(uow: Any) -> list[str]:
    """Every (day, product) whose kept facts differ from the documents, then every (day, channel, agent) whose day
    totals do. Figures: units, net revenue (minor units), orders, returned units, returned value (minor units)."""
    segments = utc_offsets()
    names = ("units", "net", "orders", "returned units", "returned value")
    users = uow.sales.usernames()
    problems: list[str] = []
    for per_product in (True, False):
        kept = {k: v for k, v in uow.sales.kept(per_product=per_product) if any(v)}
        expected = {k: v for k, v in uow.sales.expected(segments, per_product=per_product) if any(v)}
        wrong = sorted(k for k in set(kept) | set(expected) if kept.get(k) != expected.get(k))
        skus = uow.sales.products_named(k[1] for k in wrong) if per_product else {}
        for key in wrong:
            day, channel, agent = (key[0], key[2], key[3]) if per_product else key
            what = f"{skus.get(key[1], f'product {key[1]}')} " if per_product else "all products "
            said = [", ".join(f"{n} {x}" for n, x in zip(names, figures or (0,) * len(names)))
                    for figures in (kept.get(key), expected.get(key))]
            problems.append(f"{day.isoformat()} {what}({channel}, agent {users.get(agent, agent or 'none')}): "
                            f"the facts say {said[0]}; the documents say {said[1]}")
    return problems


check("till", "every closed till session's expected amounts match its payments and cash movements, its difference "
              "is counted - expected, and no payment is linked to a session it was not taken during")(till_problems)


class CheckService(ServiceBase):
    """Runs the registered checks, each in a read transaction of its own."""

    def run(self, actor: Actor, names: Sequence[str] = ()) -> list[CheckResultDTO]:
        """The checks named (all of them when none is), in registration order."""
        self._require(actor, Perm.SETTINGS, "run the integrity checks")
        unknown = [n for n in names if n not in CHECKS]
        if unknown:
            raise ValidationFailed(msg("no check named {names} (there are: {known})", names=", ".join(unknown),
                                       known=", ".join(CHECKS)))
        results = []
        for c in CHECKS.values():
            if names and c.name not in names:
                continue
            with self._uow(write=False) as uow:
                results.append(CheckResultDTO(c.name, c.what, tuple(c.run(uow))))
        return results
