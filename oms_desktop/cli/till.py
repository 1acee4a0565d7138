"""``oms till`` commands: open a till with a float, cash in and out, close with what was counted, Z reports, a day's
sessions."""
from __future__ import annotations

from ..domain.errors import ValidationFailed
from ..services.documents import ZReportDoc
from . import common
from .accounts import _date, _subparsers, _write


def register(sub, leaf) -> None:
    till = _subparsers(sub, "till", "till sessions at the counter: float, cash in and out, close, Z report")
    c = leaf(till, "open", "open a till with the float in its drawer")
    c.add_argument("till", metavar="TILL", help="the till's name, e.g. FRONT")
    c.add_argument("--float", dest="float_amount", required=True, metavar="AMOUNT", help="e.g. 150.00 (0 or more)")
    c.set_defaults(func=cmd_open)
    c = leaf(till, "cash", "put cash into an open till or take it out, with the reason")
    c.add_argument("till", metavar="TILL")
    way = c.add_mutually_exclusive_group(required=True)
    way.add_argument("--in", dest="cash_in", metavar="AMOUNT", help="cash put in, e.g. change from the bank")
    way.add_argument("--out", dest="cash_out", metavar="AMOUNT", help="cash taken out, e.g. a drop to the safe")
    c.add_argument("--reason", required=True, metavar="TEXT")
    c.set_defaults(func=cmd_cash)
    c = leaf(till, "close", "close a till with what was counted; the over or short is booked to the ledger")
    c.add_argument("till", metavar="TILL")
    c.add_argument("--counted", action="append", default=[], metavar="METHOD=AMOUNT",
                   help="cash=123.45 (required); card=... the terminal's total (left out: it agrees)")
    c.set_defaults(func=cmd_close)
    c = leaf(till, "report", "a till session's Z report (X report while open): by session number, or a till's "
                             "last session of a day")
    c.add_argument("ref", metavar="TILL|SESSION", help="a till's name (FRONT) or a session's number (Z-000007)")
    c.add_argument("--day", type=_date, metavar="YYYY-MM-DD", help="with a till's name: that day (default today)")
    c.add_argument("--pdf", metavar="FILE", help="write the 80 mm Z report PDF here")
    c.set_defaults(func=cmd_report)
    c = leaf(till, "list", "the till sessions opened on a day, for the accountant")
    c.add_argument("--day", type=_date, metavar="YYYY-MM-DD", help="default today")
    c.set_defaults(func=cmd_list)


def _counted(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    problems = []
    for item in items:
        method, sep, amount = item.partition("=")
        key = method.strip().lower()
        if not sep or not key:
            problems.append(f"--counted '{item}' must be METHOD=AMOUNT, e.g. cash=123.45")
        elif key in out:
            problems.append(f"{key} is counted twice")
        else:
            out[key] = amount
    if problems:
        raise ValidationFailed(problems)
    return out


def report_json(z: ZReportDoc) -> dict:
    return {"session": z.number, "till": z.till, "state": z.state, "currency": z.currency,
            "opened_by": z.opened_by, "opened_at": z.opened_at, "closed_by": z.closed_by, "closed_at": z.closed_at,
            "float": z.float_amount, "orders_paid": z.orders_paid, "sales": z.sales,
            "methods": [{"method": m.method, "payments": m.payments, "refunds": m.refunds, "expected": m.expected,
                         "counted": m.counted, "difference": m.difference} for m in z.methods],
            "payments_total": z.payments_total, "refunds_total": z.refunds_total,
            "cash_in": z.cash_in, "cash_out": z.cash_out,
            "movements": [{"kind": m.kind, "amount": m.amount, "reason": m.reason, "user": m.username, "at": m.at}
                          for m in z.movements],
            "over_short": z.over_short}


def report_text(z: ZReportDoc) -> str:
    m = lambda amount: common.money(amount, z.currency)  # noqa: E731
    head = (f"{'Z' if z.state == 'closed' else 'X'} report {z.number}, till {z.till}: opened by {z.opened_by} "
            f"{common.when(z.opened_at)}" + (f", closed by {z.closed_by} {common.when(z.closed_at)}"
                                             if z.state == "closed" else " (still open)"))
    rows = [(r.label, m(r.payments), m(r.refunds), m(r.expected), m(r.counted) if r.counted is not None else "",
             m(r.difference) if r.difference is not None else "") for r in z.methods]
    lines = [head, f"Float {m(z.float_amount)}; {z.orders_paid} order(s) paid, order totals {m(z.sales)}; "
                   f"cash in {m(z.cash_in)}, cash out {m(z.cash_out)}",
             common.table(["Method", "Payments", "Refunds", "Expected", "Counted", "Over/short"], rows,
                          right=[1, 2, 3, 4, 5])]
    lines += [f"  cash {mv.kind} {m(mv.amount)}: {mv.reason} ({mv.username}, {common.when(mv.at)})"
              for mv in z.movements]
    if z.over_short is not None:
        word = "over" if z.over_short > 0 else "short" if z.over_short < 0 else "even"
        lines.append(f"Over/short {m(z.over_short)} ({word}), booked to the ledger.")
    return "\n".join(lines)


def cmd_open(ctx) -> int:
    s = ctx.services.till.open(ctx.need_actor(), ctx.args.till, ctx.args.float_amount)
    ctx.emit(s, f"Opened till {s.till} ({s.number}) with a float of {common.money(s.float_amount, s.currency)}.")
    return 0


def cmd_cash(ctx) -> int:
    a = ctx.args
    if a.cash_in is not None:
        mv = ctx.services.till.cash_in(ctx.need_actor(), a.till, a.cash_in, a.reason)
    else:
        mv = ctx.services.till.cash_out(ctx.need_actor(), a.till, a.cash_out, a.reason)
    ctx.emit(mv, f"Cash {mv.kind} {common.money(mv.amount, mv.currency)} at till {mv.till} ({mv.session_number}): "
                 f"{mv.reason}; the drawer should now hold {common.money(mv.expected_cash, mv.currency)}.")
    return 0


def cmd_close(ctx) -> int:
    z = ctx.services.till.close(ctx.need_actor(), ctx.args.till, _counted(ctx.args.counted))
    ctx.emit(report_json(z), lambda: report_text(z))
    return 0


def cmd_report(ctx) -> int:
    a = ctx.args
    z = ctx.services.till.report(ctx.need_actor(), a.ref, day=a.day)
    doc = report_json(z)
    if a.pdf:
        doc["file"] = str(_write(a.pdf, ctx.services.till.report_pdf(ctx.actor, z.session_id)))
    ctx.emit(doc, lambda: report_text(z) + (f"\nPDF: {doc['file']}" if a.pdf else ""))
    return 0


def cmd_list(ctx) -> int:
    rows = ctx.services.till.sessions(ctx.need_actor(), ctx.args.day)

    def human() -> str:
        if not rows:
            return "No till sessions that day."
        m = common.money
        return common.table(["Session", "Till", "State", "Opened by", "Opened", "Float", "Closed by", "Expected cash",
                             "Counted cash", "Over/short"],
                            [(r.number, r.till, r.state, r.opened_by, common.when(r.opened_at),
                              m(r.float_amount, r.currency), r.closed_by,
                              m(r.expected_cash, r.currency) if r.expected_cash is not None else "",
                              m(r.counted_cash, r.currency) if r.counted_cash is not None else "",
                              m(r.difference, r.currency) if r.difference is not None else "") for r in rows],
                            right=[5, 7, 8, 9])
    ctx.emit(rows, human)
    return 0
