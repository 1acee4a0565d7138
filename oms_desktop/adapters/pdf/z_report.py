"""A till session's Z report on the 80 mm roll the receipts print on: the till's own printer prints it at close, and
the drawer's count is checked against it standing at the counter (an accountant reads the same figures as A4-free
text with ``oms till report``)."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from reportlab.platypus import Spacer

from oms_desktop.services.documents import ZReportDoc

from .common import DateFormatter, MoneyFormatter, build_pdf, make_styles, para
from .receipt import MARGIN, ROLL_WIDTH, _columns, _content_height, _rule


def _over_short(amount: Decimal, money) -> str:
    if amount > 0:
        return f"over {money(amount)}"
    if amount < 0:
        return f"short {money(-amount)}"
    return "even"


def render_z_report(doc: ZReportDoc, format_money: MoneyFormatter, format_date: DateFormatter) -> bytes:
    styles = make_styles(9)
    width = ROLL_WIDTH - 2 * MARGIN
    money = lambda amount: format_money(amount, doc.currency, doc.locale)  # noqa: E731
    when = lambda at: format_date(at.astimezone()) if isinstance(at, datetime) else ""  # noqa: E731
    closed = doc.state == "closed"
    company = doc.company

    story: list = [para(company.name, styles.mono_center_bold)]
    story += [para(line, styles.mono_center) for line in company.address_lines]
    story.append(_rule())
    story.append(para("Z REPORT" if closed else "X REPORT (till still open)", styles.mono_center_bold))
    header = [("Session", doc.number), ("Till", doc.till),
              ("Opened", when(doc.opened_at)), ("Opened by", doc.opened_by)]
    if closed:
        header += [("Closed", when(doc.closed_at)), ("Closed by", doc.closed_by)]
    header.append(("Printed", when(doc.printed_at)))
    story += [_columns(header, styles, width), _rule()]

    story.append(para("SALES", styles.mono_bold))
    story.append(_columns([("Orders paid", str(doc.orders_paid)), ("Order totals", money(doc.sales))],
                          styles, width))
    story.append(_rule())

    story.append(para("PAYMENTS BY METHOD", styles.mono_bold))
    rows = [(m.label, money(m.payments)) for m in doc.methods]
    rows.append(("Total payments", money(doc.payments_total)))
    story.append(_columns(rows, styles, width, bold_rows=(len(rows) - 1,)))
    story.append(Spacer(1, 1.5 * 2.83))
    story.append(para("REFUNDS", styles.mono_bold))
    rows = [(f"{m.label} refunds", money(m.refunds)) for m in doc.methods]
    rows.append(("Total refunds", money(doc.refunds_total)))
    story.append(_columns(rows, styles, width, bold_rows=(len(rows) - 1,)))
    story.append(_rule())

    story.append(para("CASH IN AND OUT", styles.mono_bold))
    if doc.movements:
        for mv in doc.movements:
            sign = "+" if mv.kind == "in" else "-"
            story.append(_columns([(f"{sign} {mv.reason}", f"{sign}{money(mv.amount)}")], styles, width))
            story.append(para(f"\u00a0\u00a0{when(mv.at)} {mv.username}", styles.mono))
    else:
        story.append(para("none", styles.mono))
    story.append(_columns([("Cash in", money(doc.cash_in)), ("Cash out", money(doc.cash_out))], styles, width))
    story.append(_rule())

    cash = doc.method("cash")
    story.append(para("CASH DRAWER", styles.mono_bold))
    rows = [("Float", money(doc.float_amount)), ("+ Cash payments", money(cash.payments)),
            ("- Cash refunds", money(cash.refunds)), ("+ Cash in", money(doc.cash_in)),
            ("- Cash out", money(doc.cash_out)), ("= Expected cash", money(cash.expected))]
    bold = [len(rows) - 1]
    if closed and cash.counted is not None and cash.difference is not None:
        rows += [("Counted cash", money(cash.counted)), ("Cash over/short", money(cash.difference))]
    story.append(_columns(rows, styles, width, bold_rows=tuple(bold)))
    for m in doc.methods:
        if m.method == "cash":
            continue
        story.append(Spacer(1, 1.5 * 2.83))
        story.append(para(m.label.upper(), styles.mono_bold))
        rows = [(f"Expected {m.label.lower()}", money(m.expected))]
        if closed and m.counted is not None and m.difference is not None:
            rows += [(f"Counted {m.label.lower()}", money(m.counted)),
                     (f"{m.label} over/short", money(m.difference))]
        story.append(_columns(rows, styles, width))

    story.append(_rule())
    if closed and doc.over_short is not None:
        story.append(_columns([("OVER/SHORT", money(doc.over_short))], styles, width, bold_rows=(0,)))
        story.append(para(f"The till is {_over_short(doc.over_short, money)}; booked to the ledger.",
                          styles.mono))
    else:
        story.append(para("Not closed: nothing counted or booked yet.", styles.mono))
    story += [Spacer(1, 2 * 2.83), para("Signature ____________________", styles.mono)]

    height = _content_height(story, width) + 2 * MARGIN + 6  # slack for rounding: never spill onto page 2
    title = f"{'Z' if closed else 'X'} report {doc.number} till {doc.till}"
    return build_pdf(story, pagesize=(ROLL_WIDTH, height), margin=MARGIN, title=title, footer_text=None,
                     author=company.name, created=doc.printed_at)
