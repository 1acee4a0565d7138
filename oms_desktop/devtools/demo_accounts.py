"""The demo history's accounts: shipments, invoices, payments and their journal entries for the bulk-loaded orders.

The delivered orders of the history (``demo._insert_history``) get what the services would have written over the
years, in bulk Core inserts, through the same table definitions as the repositories and the same posting rules as
the services (``domain.ledger``: ``invoice_entry``, ``receipt_entry``), so ``oms check`` finds nothing:

- a shipment per order (its lines the order's), packed, shipped and delivered at the times of its status history;
  the counter's sales are handed over at the counter;
- an invoice per order, issued when it left (payment terms of ``PAYMENT_TERMS_DAYS``), numbered ``INV-...`` from 1
  in the order of their issue times, so numbers are gapless and dates never go back; the invoice counter is left at
  the last one, so the invoices the live part issues today follow;
- payments as each channel takes them: cash or card at the counter, card at the online checkout (both before the
  invoice: a prepayment), bank transfer (now and then card) for phone and catalog orders after the invoice, most
  within the terms, some late, a few only in part or never; a transfer whose day has not come yet is still open, so
  the receivables aging has every bucket;
- the journal: each payment and invoice posted at its own time, in time order (receipts before an invoice land in
  customer credit, which the invoice then uses, as the services post them);
- the open accounts of the orders left open (``ReceivablesRepo.refresh_open_account``, the services' upsert).

No cost of goods sold is posted for the history: it predates the stock ledger (no stock moves), as in ``demo``.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert

from ..adapters.db import models_accounts as ma
from ..adapters.db import models_warehouse as mw
from ..adapters.db.repositories_accounts import ReceivablesRepo
from ..domain.ledger import Entry, credit_note_entry, invoice_entry, receipt_entry, refund_entry
from ..domain.references import Series, format_ref, order_number
from ..services.billing import PAYMENT_TERMS_DAYS
from .bulk import insert_ids, insert_rows

PARCEL_SERVICES = {"DHL": "Paket", "Hermes": "Paket", "DPD": "Classic", "GLS": "Business Parcel"}
LATE_SHARE = 0.12       # of the bank transfers: paid after the due date
PART_SHARE = 0.01       # paid a first instalment only
NEVER_SHARE = 0.012     # not paid at all (dunning is the accountant's next job)
CARD_BY_PHONE = 0.15    # phone and catalog orders paid by card when placed; the others by bank transfer


_SIGN = {"invoice": 1, "payment": -1, "credit_note": -1, "refund": 1}
"""How each document moves an order's balance (invoiced - credited - paid + refunded)."""
_DOCUMENTS = ("invoice", "credit_note")


@dataclass(frozen=True)
class AccountsHistory:
    invoices: int
    payments: int
    entries: int
    open_orders: int


@dataclass
class _Money:
    """One payment or invoice of an order, before it is written."""
    at: datetime
    order: dict
    kind: str                   # "invoice", "payment", "credit_note" or "refund"
    amount: int = 0
    method: str = ""
    reference: str = ""
    card_last4: str = ""
    user_id: int | None = None
    prepaid: int = 0            # an invoice's: what the order had paid before it was issued
    invoice_number: str = ""    # a credit note's: the invoice it credits
    row_id: int | None = None   # the invoice's or payment's id once written


def insert_accounts_history(conn, rng: random.Random, orders: list[dict], *, limit: datetime, users: dict,
                            parties: dict) -> AccountsHistory:
    """Write the accounts documents of the delivered history ``orders`` (rows as ``demo._insert_history`` returns
    them, oldest first) in ``conn``'s transaction. ``limit``: nothing happens at or after it (a transfer due later
    is still open); ``users``: role -> user id; ``parties``: customer id (None: a counter sale) -> the seller,
    bill-to, ship-to and language columns of its invoices (``invoice_doc.customer_parties``). Every choice comes from
    ``rng``."""
    shipment_rows, shipment_lines, return_rows, events = [], [], [], []
    for o in orders:
        packed, shipped, delivered = (step[4] for step in o["steps"][2:5])
        label = order_number(o["id"])
        at_counter = o["channel"] == "counter"
        carrier = "Counter" if at_counter else o["steps"][3][3]
        shipment_rows.append(dict(
            order_id=o["id"], pick_list_id=None, status="delivered", backorder=False, carrier=carrier,
            service="collected" if at_counter else PARCEL_SERVICES.get(carrier, ""),
            carrier_ref=f"collected {label}" if at_counter else f"0{rng.randrange(10 ** 12, 10 ** 13)}",
            packages=1, weight_g=rng.randint(300, 2500) * len(o["lines"]), packed_by=users["warehouse"],
            packed_at=packed, shipped_by=users["warehouse"], shipped_at=shipped, delivered_by=users["warehouse"],
            delivered_at=delivered))
        issued = min(shipped + timedelta(minutes=rng.randint(5, 240)), limit)
        events.append(_Money(issued, o, "invoice", o["total_minor"], user_id=users["accountant"]))
        paid = _payments(rng, o, issued, limit, users)
        events.extend(paid)
        if o["status"] == "returned":  # every unit back to the shelf, credited in full, the money paid back
            _f, _t, user, reason, back = o["steps"][5]
            return_rows.extend(dict(order_id=o["id"], product_id=ln["product_id"], sku=ln["sku"],
                                    quantity=ln["quantity"], condition="restock", reason=reason, user_id=user,
                                    at=back) for ln in o["lines"])
            credited = back + timedelta(minutes=rng.randint(10, 180))
            events.append(_Money(credited, o, "credit_note", o["total_minor"], reference=f"returned: {reason}",
                                 user_id=users["accountant"]))
            method = paid[0].method
            events.append(_Money(credited + timedelta(days=rng.randint(1, 3)), o, "refund", o["total_minor"], method,
                                 f"{'SEPA' if method == 'bank' else 'card'} refund {label}",
                                 paid[0].card_last4, users["accountant"]))
    shipment_ids = insert_ids(conn, mw.Shipment.__table__, shipment_rows)
    for sid, o in zip(shipment_ids, orders):
        shipment_lines.extend(dict(shipment_id=sid, product_id=ln["product_id"], sku=ln["sku"], name=ln["name"],
                                   quantity=ln["quantity"]) for ln in o["lines"])
    insert_rows(conn, mw.ShipmentLine.__table__, shipment_lines)
    insert_rows(conn, mw.ReturnedItem.__table__, return_rows)

    events.sort(key=lambda e: (e.at, e.order["id"], e.kind))
    invoices = _prepaid(events)
    payments = [e for e in events if e.kind in ("payment", "refund")]
    _write_invoices(conn, invoices, parties)
    _write_credit_notes(conn, [e for e in events if e.kind == "credit_note"], {e.order["id"]: e for e in invoices},
                        parties)
    for e, pid in zip(payments, insert_ids(conn, ma.Payment.__table__, [dict(
            order_id=e.order["id"], kind=e.kind, method=e.method, amount_minor=e.amount,
            currency=e.order["currency"], reference=e.reference, card_last4=e.card_last4, notes="",
            user_id=e.user_id, received_at=e.at) for e in payments])):
        e.row_id = pid
    n_entries = _post(conn, events)
    open_orders = _open_orders(events)
    receivables = ReceivablesRepo(conn)
    for oid in open_orders:
        receivables.refresh_open_account(oid)
    return AccountsHistory(len(invoices), len(payments), n_entries, len(open_orders))


def _payments(rng: random.Random, o: dict, issued: datetime, limit: datetime, users: dict) -> list[_Money]:
    """How the customer of ``o`` pays: at once (counter, online, card by phone) or by transfer after the invoice."""
    total, label, channel = o["total_minor"], order_number(o["id"]), o["channel"]
    placed = min(o["created_at"] + timedelta(seconds=rng.randint(30, 600)), limit)
    if channel == "counter":
        user = users["counter"]
        if rng.random() < 0.5:
            return [_Money(placed, o, "payment", total, "cash", "till 1", user_id=user)]
        return [_Money(placed, o, "payment", total, "card", f"terminal 2 trace {rng.randrange(10 ** 6):06d}",
                       f"{rng.randrange(10000):04d}", user)]
    if channel == "online" or rng.random() < CARD_BY_PHONE:
        terminal = "online checkout" if channel == "online" else "terminal 2"
        return [_Money(placed, o, "payment", total, "card", f"{terminal} trace {rng.randrange(10 ** 6):06d}",
                       f"{rng.randrange(10000):04d}", users["accountant"])]
    r = rng.random() if o["status"] != "returned" else 1.0  # a parcel sent back was paid for in time
    if r < NEVER_SHARE:
        return []
    reference = f"SEPA {label}"
    if r < NEVER_SHARE + PART_SHARE:  # a first instalment, the rest never came
        part = max(total * rng.choice((30, 40, 50)) // 100 // 100 * 100, 1)
        due = issued + timedelta(days=rng.randint(3, PAYMENT_TERMS_DAYS))
        return [_Money(due, o, "payment", part, "bank", f"{reference} first instalment",
                       user_id=users["accountant"])] if due < limit and part < total else []
    if r < NEVER_SHARE + PART_SHARE + LATE_SHARE:
        days = PAYMENT_TERMS_DAYS + rng.choice((rng.randint(1, 20), rng.randint(10, 45), rng.randint(30, 110)))
    else:
        days = rng.randint(2, PAYMENT_TERMS_DAYS)
    paid = issued + timedelta(days=days, seconds=rng.randint(0, 8 * 3600))
    return [_Money(paid, o, "payment", total, "bank", reference, user_id=users["accountant"])] if paid < limit else []


def _prepaid(events: list[_Money]) -> list[_Money]:
    """The invoices of ``events`` (in time order), each told what its order had paid before it was issued."""
    paid: dict[int, int] = {}
    out = []
    for e in events:
        if e.kind == "payment":
            paid[e.order["id"]] = paid.get(e.order["id"], 0) + e.amount
        elif e.kind == "invoice":
            e.prepaid = min(paid.get(e.order["id"], 0), e.amount)
            out.append(e)
    return out


def _write_invoices(conn, invoices: list[_Money], parties: dict) -> None:
    """The invoices, numbered 1.. in the order they were issued, with their lines, and the counter at the last one."""
    _write_documents(conn, Series.INVOICE, invoices, parties, lambda e: dict(
        kind="invoice", references_id=None, due_date=e.at.date() + timedelta(days=PAYMENT_TERMS_DAYS), reason="",
        prepaid_minor=e.prepaid))


def _write_credit_notes(conn, credit_notes: list[_Money], invoice_of: dict[int, _Money], parties: dict) -> None:
    """The credit notes (each of its order's whole invoice), numbered as ``_write_invoices`` does."""
    for e in credit_notes:
        e.invoice_number = invoice_of[e.order["id"]].reference
    _write_documents(conn, Series.CREDIT_NOTE, credit_notes, parties, lambda e: dict(
        kind="credit_note", references_id=invoice_of[e.order["id"]].row_id, due_date=None, reason=e.reference,
        prepaid_minor=0))


def _write_documents(conn, series: Series, documents: list[_Money], parties: dict, own) -> None:
    """``documents`` of one series (in time order) as numbers 1.., each billing its whole order (``own(e)``: the
    columns that differ by kind), with the order's lines; each event learns its row id and number."""
    if not documents:
        return
    rows = [dict(series=series.value, seq=seq, number=format_ref(series, seq), order_id=e.order["id"],
                 customer_id=e.order["customer_id"], issue_date=e.at.date(), currency=e.order["currency"],
                 net_minor=e.order["net_minor"], tax_minor=e.order["tax_minor"], total_minor=e.order["total_minor"],
                 tax_rounding=e.order["tax_rounding"], issued_by=e.user_id, issued_at=e.at,
                 **parties[e.order["customer_id"]], **own(e))
            for seq, e in enumerate(documents, start=1)]
    lines = []
    for e, iid, row in zip(documents, insert_ids(conn, ma.Invoice.__table__, rows), rows):
        e.row_id, e.reference = iid, row["number"]
        lines.extend(dict(invoice_id=iid, line_no=ln["line_no"], product_id=ln["product_id"], sku=ln["sku"],
                          name=ln["name"], quantity=ln["quantity"], unit_price_minor=ln["unit_price_minor"],
                          tax_rate_bp=ln["tax_rate_bp"], discount_bp=ln["discount_bp"], net_minor=ln["net_minor"],
                          tax_minor=ln["tax_minor"]) for ln in e.order["lines"])
    insert_rows(conn, ma.InvoiceLine.__table__, lines)
    conn.execute(insert(ma.InvoiceCounter.__table__), [dict(series=series.value, last_number=len(documents))])


def _post(conn, events: list[_Money]) -> int:
    """The journal entry of every invoice and payment, in time order, each order's balance carried along as the
    services keep it (invoiced - paid before the document), so prepayments go through customer credit."""
    balance: dict[int, int] = {}
    entries: list[tuple[_Money, Entry]] = []
    for e in events:
        o = e.order
        before = balance.get(o["id"], 0)
        label = order_number(o["id"])
        if e.kind == "invoice":
            entry = invoice_entry(f"{e.reference} {label}", o["net_minor"], o["tax_minor"], before)
        elif e.kind == "credit_note":
            entry = credit_note_entry(e.reference, e.invoice_number, o["net_minor"], o["tax_minor"], before)
        else:
            what = "Payment" if e.kind == "payment" else "Refund"
            text = f"{what} {e.method} {label}" + (f" ref {e.reference}" if e.reference else "")
            entry = (receipt_entry if e.kind == "payment" else refund_entry)(text, e.method, e.amount, before)
        balance[o["id"]] = before + _SIGN[e.kind] * e.amount
        entries.append((e, entry))
    et = ma.LedgerEntry.__table__
    ids = insert_ids(conn, et, [dict(
        kind=entry.kind, description=entry.description[:300], posted_at=e.at, posted_on=e.at.date(),
        currency=e.order["currency"], order_id=e.order["id"], invoice_id=e.row_id if e.kind in _DOCUMENTS else None,
        payment_id=None if e.kind in _DOCUMENTS else e.row_id, reverses_id=None, user_id=e.user_id)
        for e, entry in entries])
    insert_rows(conn, ma.LedgerPosting.__table__, [dict(entry_id=eid, account=p.account, amount_minor=p.amount)
                                                   for eid, (_e, entry) in zip(ids, entries)
                                                   for p in entry.postings])
    return len(ids)


def _open_orders(events: list[_Money]) -> list[int]:
    """Orders whose invoices and payments differ (the only open reason the history leaves: all of it is invoiced)."""
    balance: dict[int, int] = {}
    for e in events:
        balance[e.order["id"]] = balance.get(e.order["id"], 0) + _SIGN[e.kind] * e.amount
    return sorted(oid for oid, b in balance.items() if b)
