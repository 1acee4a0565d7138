"""``oms`` commands of the accounts area: payments, invoices, credit notes, receipts, the journal and cash flow."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..domain.errors import ValidationFailed
from ..domain.ledger import Method
from ..services.billing import INVOICE_WHAT
from . import common


def _subparsers(sub, name: str, help_text: str):
    """The action subparsers of top-level command ``name``, created here or reused if another area made it."""
    existing = sub.choices.get(name)
    if existing is not None:
        for action in existing._actions:  # argparse keeps no public handle on a parser's subparsers
            if isinstance(action, argparse._SubParsersAction):
                return action
    return sub.add_parser(name, help=help_text).add_subparsers(dest="action", metavar="ACTION", required=True)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def register(sub, leaf) -> None:
    pay = _subparsers(sub, "payment", "payments and refunds")
    c = leaf(pay, "record", "record a payment for an order (partial payments and overpayments allowed)")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("--amount", required=True, metavar="A", help="e.g. 19.99")
    c.add_argument("--method", required=True, choices=[m.value for m in Method])
    c.add_argument("--reference", default="", metavar="R", help="terminal or bank reference (never a card number)")
    c.add_argument("--last4", default="", metavar="NNNN", help="last four digits of the card (card payments)")
    c.set_defaults(func=cmd_payment_record)
    c = leaf(pay, "refund", "pay back a customer's credit on an order (after a credit note or an overpayment)")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("--amount", required=True, metavar="A")
    c.add_argument("--method", required=True, choices=[m.value for m in Method])
    c.add_argument("--reference", default="", metavar="R")
    c.set_defaults(func=cmd_payment_refund)

    inv = _subparsers(sub, "invoice", "invoices and credit notes")
    c = leaf(inv, "issue", "invoice the units of an order not invoiced yet (the next gapless number) and write its "
                           "PDF; once the order has shipped, what shipped")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("--what", choices=INVOICE_WHAT, default="auto",
                   help="shipped: the units shipped and not invoiced yet (a first shipment, later its backorder); "
                        "all: every unit not invoiced yet (counter sale, prepayment); auto (default): shipped once "
                        "the order has a shipment, else all")
    c.add_argument("--pdf", metavar="OUT", help="write the PDF here")
    c.add_argument("--due-days", type=common.whole_number, default=14, metavar="N")
    c.set_defaults(func=cmd_invoice_issue)
    c = leaf(inv, "credit", "issue a credit note for an invoice: all of it, or --line SKU=QTY")
    c.add_argument("invoice", metavar="INVOICE")
    c.add_argument("--line", action="append", default=[], metavar="SKU=QTY", help="repeat for several lines")
    c.add_argument("--reason", default="")
    c.add_argument("--pdf", metavar="OUT", help="write the PDF here")
    c.set_defaults(func=cmd_invoice_credit)
    c = leaf(inv, "print", "write the stored PDF of an invoice or credit note (identical to the one issued)")
    c.add_argument("invoice", metavar="INVOICE")
    c.add_argument("--pdf", required=True, metavar="OUT")
    c.set_defaults(func=cmd_invoice_print)
    c = leaf(inv, "factur-x", "write an invoice as Factur-X (its PDF with the CII XML embedded)")
    c.add_argument("invoice", metavar="INVOICE")
    c.add_argument("--out", required=True, metavar="FILE.pdf")
    c.set_defaults(func=cmd_invoice_facturx)
    c = leaf(inv, "list", "list invoices and credit notes")
    c.add_argument("--limit", type=common.whole_number, default=50)
    c.set_defaults(func=cmd_invoice_list)

    rec = _subparsers(sub, "receipt", "till receipts: the 80 mm PDF, or straight to the receipt printer")
    c = leaf(rec, "pdf", "write the 80 mm till receipt of an order")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("--pdf", required=True, metavar="OUT")
    c.add_argument("--payment", type=common.positive_int, metavar="ID",
                   help="the receipt of that payment as it was taken (default: with every payment so far)")
    c.set_defaults(func=cmd_receipt)
    c = leaf(rec, "print", "print an order's receipt on the receipt printer (oms settings set printer.receipt ...)")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("--change", default="0", metavar="A", help="cash handed back, printed under the payments")
    c.add_argument("--drawer", action="store_true", help="open the cash drawer too (the till permission)")
    c.set_defaults(func=cmd_receipt_print)
    c = leaf(rec, "print-pending", "print the receipts still waiting for the receipt printer")
    c.set_defaults(func=cmd_receipt_print_pending)
    c = leaf(rec, "jobs", "an order's receipt print jobs and what became of them")
    c.add_argument("order", metavar="ORDER")
    c.set_defaults(func=cmd_receipt_jobs)

    led = _subparsers(sub, "ledger", "the journal")
    c = leaf(led, "export", "export the journal for hledger, Beancount or a spreadsheet")
    c.add_argument("--format", required=True, choices=["hledger", "beancount", "csv"])
    c.add_argument("--out", required=True, metavar="FILE")
    c.set_defaults(func=cmd_ledger_export)
    c = leaf(led, "trial-balance", "balances of every account; debits equal credits")
    c.add_argument("--date-to", type=_date, metavar="YYYY-MM-DD")
    c.set_defaults(func=cmd_trial_balance)
    c = leaf(led, "reverse", "reverse a journal entry (posts its negated copy)")
    c.add_argument("entry", type=common.whole_number, metavar="ENTRY_ID")
    c.add_argument("--reason", required=True)
    c.set_defaults(func=cmd_ledger_reverse)

    rep = _subparsers(sub, "report", "reports")
    c = leaf(rep, "cash-flow", "cash in and out per day, week or month and payment method")
    c.add_argument("--period", choices=["day", "week", "month"], default="day")
    c.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    c.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    c.set_defaults(func=cmd_cash_flow)
    c = leaf(rep, "aging", "open receivables by age")
    c.set_defaults(func=cmd_aging)




def _write(path: str, data: bytes | str) -> Path:
    out = Path(path).expanduser()
    if out.is_dir():
        raise ValidationFailed(f"{path} is a folder; give a file name.")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            out.write_text(data, encoding="utf-8")
        else:
            out.write_bytes(data)
    except OSError as e:
        raise ValidationFailed(f"Cannot write {path}: {e.strerror or e}.") from None
    return out


def cmd_payment_record(ctx) -> int:
    a = ctx.args
    p = ctx.services.receivables.record_payment(ctx.need_actor(), a.order, a.amount, a.method, reference=a.reference,
                                                card_last4=a.last4)
    acc = ctx.services.receivables.order_account(ctx.actor, p.order_id)
    m = common.money
    ctx.emit({"payment": p, "balance": acc.balance},
             lambda: f"Recorded {m(p.amount, p.currency)} {p.method} for {p.order_number}; "
                     + (f"still due {m(acc.balance, p.currency)}." if acc.balance > 0 else
                        f"customer credit {m(-acc.balance, p.currency)}." if acc.balance < 0 else "paid in full."))
    return 0


def cmd_payment_refund(ctx) -> int:
    a = ctx.args
    p = ctx.services.receivables.refund(ctx.need_actor(), a.order, a.amount, a.method, reference=a.reference)
    ctx.emit(p, f"Refunded {common.money(p.amount, p.currency)} {p.method} for {p.order_number}.")
    return 0


def cmd_invoice_issue(ctx) -> int:
    a = ctx.args
    inv = ctx.services.billing.issue_invoice(ctx.need_actor(), a.order, what=a.what, due_days=a.due_days)
    where = ""
    if a.pdf:
        where = f"; PDF: {_write(a.pdf, ctx.services.billing.invoice_pdf(ctx.actor, inv.id))}"
    units = sum(ln.quantity for ln in inv.lines)
    ctx.emit(inv, f"Issued invoice {inv.number} for {inv.order_number}: {units} unit{'s' if units != 1 else ''}, "
                  f"{common.money(inv.total, inv.currency)}, due {inv.due_date}{where}"
                  + (f"\n{inv.notes}" if inv.notes else ""))
    return 0


def cmd_invoice_credit(ctx) -> int:
    a = ctx.args
    lines = [common.parse_line(t) for t in a.line] or None
    cn = ctx.services.billing.issue_credit_note(ctx.need_actor(), a.invoice, lines, reason=a.reason)
    where = ""
    if a.pdf:
        where = f"; PDF: {_write(a.pdf, ctx.services.billing.invoice_pdf(ctx.actor, cn.id))}"
    ctx.emit(cn, f"Issued credit note {cn.number} for {cn.references_number}: "
                 f"{common.money(cn.total, cn.currency)}{where}")
    return 0


def cmd_invoice_print(ctx) -> int:
    pdf = ctx.services.billing.invoice_pdf(ctx.need_actor(), ctx.args.invoice)
    out = _write(ctx.args.pdf, pdf)
    ctx.emit({"file": str(out), "bytes": len(pdf)}, f"Wrote {out}.")
    return 0


def cmd_invoice_facturx(ctx) -> int:
    dto, pdf, extra = ctx.services.billing.invoice_for_export(ctx.need_actor(), ctx.args.invoice)
    out = _write(ctx.args.out, ctx.services.exporters.facturx(dto, pdf, extra))
    ctx.emit({"file": str(out)}, f"Wrote Factur-X {out}.")
    return 0


def cmd_invoice_list(ctx) -> int:
    rows = ctx.services.billing.list_invoices(ctx.need_actor(), limit=ctx.args.limit)
    ctx.emit(rows, lambda: common.table(["Number", "Kind", "Order", "Customer", "Date", "Total", "Corrects"],
                                     [(r.number, r.kind, r.order_number, r.customer_name, r.issue_date,
                                       common.money(r.total, r.currency), r.references_number or "") for r in rows],
                                     right=[5]) if rows else "No invoices yet.")
    return 0


def cmd_receipt(ctx) -> int:
    pdf = ctx.services.receivables.receipt_pdf(ctx.need_actor(), ctx.args.order, payment_id=ctx.args.payment)
    out = _write(ctx.args.pdf, pdf)
    ctx.emit({"file": str(out)}, f"Wrote receipt {out}.")
    return 0


def cmd_receipt_print(ctx) -> int:
    job = ctx.services.receipt_printing.print_receipt(ctx.need_actor(), ctx.args.order, change=ctx.args.change,
                                                      kick_drawer=ctx.args.drawer)
    ctx.emit({"job": job}, f"Printed the receipt of {job.order_number} on {job.printer}"
                           + (" and opened the drawer." if job.kick_drawer else "."))
    return 0


def cmd_receipt_print_pending(ctx) -> int:
    report = ctx.services.receipt_printing.print_pending(ctx.need_actor())
    ctx.emit(report, f"Printed {report.printed}, failed {report.failed}, waiting {report.waiting}."
             + "".join(f"\n  {e}" for e in report.errors))
    return 0 if not report.errors else 5


def cmd_receipt_jobs(ctx) -> int:
    jobs = ctx.services.receipt_printing.jobs_of(ctx.need_actor(), ctx.args.order)
    ctx.emit({"jobs": jobs}, lambda: "\n".join(
        f"{j.id}  {j.status:8}  {common.when(j.created_at)}  {j.printer or '-'}  {j.last_error}" for j in jobs)
        or "No print jobs for this order.")
    return 0


def cmd_ledger_export(ctx) -> int:
    entries = ctx.services.ledger.journal(ctx.need_actor(), limit=None)
    currency = ctx.services.company.get().currency
    out = _write(ctx.args.out, ctx.services.exporters.journal(entries, currency, ctx.args.format))
    ctx.emit({"file": str(out), "entries": len(entries), "format": ctx.args.format},
             f"Exported {len(entries)} journal entries as {ctx.args.format} to {out}.")
    return 0


def cmd_trial_balance(ctx) -> int:
    tb = ctx.services.ledger.trial_balance(ctx.need_actor(), date_to=ctx.args.date_to)

    def human() -> str:
        rows = [(r.account, r.label, common.money(r.debit, tb.currency) if r.debit else "",
                 common.money(r.credit, tb.currency) if r.credit else "", common.money(r.balance, tb.currency))
                for r in tb.rows]
        rows.append(("Total", "", common.money(tb.total_debit, tb.currency), common.money(tb.total_credit, tb.currency),
                     common.money(tb.total_debit - tb.total_credit, tb.currency)))
        return common.table(["Account", "Name", "Debit", "Credit", "Balance"], rows, right=[2, 3, 4])

    ctx.emit({"currency": tb.currency, "balanced": tb.balanced, "total_debit": tb.total_debit,
              "total_credit": tb.total_credit,
              "accounts": [{"account": r.account, "label": r.label, "debit": r.debit, "credit": r.credit,
                            "balance": r.balance} for r in tb.rows]}, human)
    return 0


def cmd_ledger_reverse(ctx) -> int:
    e = ctx.services.ledger.reverse_entry(ctx.need_actor(), ctx.args.entry, ctx.args.reason)
    ctx.emit(e, f"Posted reversal #{e.id} of entry #{ctx.args.entry}.")
    return 0


def cmd_cash_flow(ctx) -> int:
    a = ctx.args
    rows = ctx.services.ledger.cash_flow(ctx.need_actor(), period=a.period, date_from=a.date_from,
                                         date_to=a.date_to)
    cur = ctx.services.company.get().currency
    ctx.emit([{"period": r.period, "method": r.method, "cash_in": r.cash_in, "cash_out": r.cash_out, "net": r.net}
              for r in rows],
             lambda: common.table([a.period.capitalize(), "Method", "In", "Out", "Net"],
                               [(r.period, r.method, common.money(r.cash_in, cur), common.money(r.cash_out, cur),
                                 common.money(r.net, cur)) for r in rows], right=[2, 3, 4])
             if rows else "No payments in that period.")
    return 0


def cmd_aging(ctx) -> int:
    rows = ctx.services.receivables.receivables_aging(ctx.need_actor())
    ctx.emit(rows, lambda: common.table(["Order", "Invoice", "Customer", "Due", "Open", "Days overdue", "Bucket"],
                                     [(r.order_number, r.invoice_number or "", r.customer_name, r.due_date or "",
                                       common.money(r.open_amount, ctx.services.company.get().currency),
                                       r.days_overdue, r.bucket) for r in rows], right=[4, 5])
             if rows else "No open receivables.")
    return 0
