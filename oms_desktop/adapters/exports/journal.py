"""The journal as an hledger journal, a Beancount file, or a formula-safe CSV (from the accounts service's EntryDTOs).

Amounts are printed with exactly the currency's decimals, so every tool sums the same cents as the trial balance.
Free text (descriptions) is flattened to one line; characters that mean something in the target syntax are replaced.
"""
from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Iterable, Sequence

from oms_desktop.domain.catalog import formula_safe
from oms_desktop.domain.ledger import Account
from oms_desktop.domain.money import round_money
from oms_desktop.domain.references import order_number



def _amount(value: Decimal, currency: str) -> str:
    return f"{round_money(value, currency):f}"


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _accounts(entries) -> list[str]:
    known = [a.value for a in Account]
    used = {p.account for e in entries for p in e.postings}
    return [a for a in known if a in used] + sorted(used - set(known))


def to_hledger(entries: Sequence, currency: str) -> str:
    """An hledger (and Ledger) journal; accounts and the commodity are declared so ``hledger check --strict`` passes."""
    out = [f"; OMS Desktop journal export ({len(entries)} entries)", ""]
    sample = _amount(Decimal(1000), currency)
    out.append(f"commodity {sample} {currency}")
    for account in _accounts(entries) or [a.value for a in Account]:
        out.append(f"account {account}")
    out.append("")
    for e in entries:
        description = _one_line(e.description).replace(";", ",").replace("|", "/")
        out.append(f"{e.posted_on.isoformat()} * {description}  ; entry:{e.id}, kind:{e.kind}"
                   + (f", reverses:{e.reverses_id}" if e.reverses_id else ""))
        width = max(len(p.account) for p in e.postings) + 4
        for p in e.postings:
            out.append(f"    {p.account.ljust(width)}{_amount(p.amount, currency):>14} {currency}")
        out.append("")
    return "\n".join(out)


def _bean_string(text: str) -> str:
    return '"' + _one_line(text).replace("\\", "\\\\").replace('"', "'") + '"'


def to_beancount(entries: Sequence, currency: str, *, title: str = "OMS Desktop") -> str:
    """A Beancount v3 file: options, ``open`` directives dated before the first entry, one transaction per entry."""
    out = [f"option \"title\" {_bean_string(title)}", f"option \"operating_currency\" \"{currency}\"", ""]
    first = min((e.posted_on for e in entries), default=None)
    opened = first.isoformat() if first is not None else "2000-01-01"
    out.append(f"{opened} commodity {currency}")
    for account in _accounts(entries) or [a.value for a in Account]:
        out.append(f"{opened} open {account} {currency}")
    out.append("")
    for e in entries:
        out.append(f"{e.posted_on.isoformat()} * {_bean_string(e.description)}")
        out.append(f"  entry: \"{e.id}\"")
        out.append(f"  kind: \"{e.kind}\"")
        if e.reverses_id:
            out.append(f"  reverses: \"{e.reverses_id}\"")
        width = max(len(p.account) for p in e.postings) + 4
        for p in e.postings:
            out.append(f"  {p.account.ljust(width)}{_amount(p.amount, currency):>14} {currency}")
        out.append("")
    return "\n".join(out)


CSV_COLUMNS = ("entry", "date", "kind", "description", "order", "account", "debit", "credit", "currency",
               "reverses", "user")


def to_csv(entries: Iterable, currency: str) -> str:
    """One row per posting; debit and credit as non-negative amounts; every cell is formula-safe."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for e in entries:
        for p in e.postings:
            debit = p.amount if p.amount > 0 else Decimal(0)
            credit = -p.amount if p.amount < 0 else Decimal(0)
            row = [str(e.id), e.posted_on.isoformat(), e.kind, e.description,
                   order_number(e.order_id) if e.order_id else "", p.account,
                   _amount(debit, currency) if debit else "", _amount(credit, currency) if credit else "", currency,
                   str(e.reverses_id or ""), e.username]
            w.writerow([formula_safe(str(c)) for c in row])
    return buf.getvalue()


def export_journal(entries: Sequence, currency: str, fmt: str) -> str:
    if fmt == "hledger":
        return to_hledger(entries, currency)
    if fmt == "beancount":
        return to_beancount(entries, currency)
    if fmt == "csv":
        return to_csv(entries, currency)
    raise ValueError(f"unknown export format {fmt!r} (hledger, beancount or csv)")
