"""``oms report sales``: units, net revenue, orders, average order value and returns per day, week, month, channel,
category, product, agent or customer, beside the same period a year before; the top products."""
from __future__ import annotations

from ..services.sales import SALES_BY, SalesFiguresDTO, SalesReportDTO
from .accounts import _date, _subparsers
from .common import Context, money, percent, positive_int, table


def register(sub, leaf) -> None:
    rep = _subparsers(sub, "report", "reports")
    c = leaf(rep, "sales", "sales per day, week, month, channel, category, product, agent or customer, beside the "
                          "same period a year before (364 days: the same weekdays; by month: the same month)")
    c.add_argument("--by", choices=SALES_BY, default="day")
    c.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD",
                   help="first day (default: 29 days before --to)")
    c.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD", help="last day (default: today)")
    c.add_argument("--top", type=positive_int, metavar="N", help="also the N products with the most net revenue")
    c.set_defaults(func=cmd_sales)


def _change(now, before) -> str:
    if before is None or before == 0 or now is None:
        return ""
    return f"{(now - before) * 100 / before:+.1f}%"


def _cells(f: SalesFiguresDTO, ly: SalesFiguresDTO, cur: str) -> tuple:
    return (f.orders, f.units, money(f.net, cur), money(f.average_order_value, cur) if f.average_order_value is not
            None else "", f.returned_units, percent(f.returns_rate) if f.returns_rate is not None else "",
            money(ly.net, cur), _change(f.net, ly.net))


HEADERS = ["Orders", "Units", "Net revenue", "Avg order", "Returned", "Returns rate", "Last year", "Change"]


def human(rep: SalesReportDTO) -> str:
    cur = rep.currency
    title = (f"Sales {rep.start.isoformat()} to {rep.end.isoformat()} by {rep.by} (last year: "
             f"{rep.last_year_start.isoformat()} to {rep.last_year_end.isoformat()})")
    named = rep.by in ("product", "customer")
    heads = [rep.by.capitalize(), *(["Name"] if named else []), *HEADERS]
    right = list(range(2 if named else 1, len(heads)))
    rows = [(r.key, *([r.label] if named else []), *_cells(r.figures, r.last_year, cur)) for r in rep.rows]
    rows.append(("Total", *([""] if named else []), *_cells(rep.total.figures, rep.total.last_year, cur)))
    out = [title, table(heads, rows, right=right)]
    if rep.top_products:
        out += ["", f"Top {len(rep.top_products)} products by net revenue",
                table(["SKU", "Name", *HEADERS],
                      [(r.key, r.label, *_cells(r.figures, r.last_year, cur)) for r in rep.top_products],
                      right=list(range(2, 2 + len(HEADERS))))]
    return "\n".join(out)


def cmd_sales(ctx: Context) -> int:
    a = ctx.args
    rep = ctx.services.sales.report(ctx.need_actor(), by=a.by, start=a.date_from, end=a.date_to, top=a.top)
    ctx.emit(rep, lambda: human(rep))
    return 0
