"""``oms forecast``: a product's, a category's or the shop's forecast with its back-test beside seasonal naive's;
``oms report stock-out``: products by projected stock-out date."""
from __future__ import annotations


from ..domain.errors import BusinessRuleViolation
from ..services.forecast_dto import FORECAST_FREQS, FORECAST_MEASURES, ForecastDTO, StockCoverDTO
from .accounts import _subparsers
from .common import Context, positive_int, table, whole_number




def register(sub, leaf) -> None:
    c = leaf(sub, "forecast", "sales forecast of a product, a category or the shop, with its back-test")
    which = c.add_mutually_exclusive_group()
    which.add_argument("--sku", help="a product")
    which.add_argument("--category", help="a category (its products together)")
    which.add_argument("--total", action="store_true", help="the whole shop (the default)")
    c.add_argument("--weeks", type=whole_number, default=8, metavar="N", help="weeks ahead, 4 to 26 (default 8)")
    c.add_argument("--freq", choices=FORECAST_FREQS, default="week", help="per day or per ISO week (default week)")
    c.add_argument("--measure", choices=FORECAST_MEASURES, default="units",
                   help="units sold or net revenue (default units)")
    c.set_defaults(func=cmd_forecast)

    rep = _subparsers(sub, "report", "reports")
    c = leaf(rep, "stock-out", "products by projected stock-out date: days of cover against the forecast")
    c.add_argument("--days", type=whole_number, metavar="N", help="only products running out within N days")
    c.add_argument("--limit", type=positive_int, metavar="N", help="only the first N")
    c.set_defaults(func=cmd_stock_out)


def _num(x: float | None, digits: int = 2) -> str:
    return "" if x is None else f"{x:.{digits}f}"


def human_forecast(f: ForecastDTO) -> str:
    what = {"product": f"{f.key} {f.label}", "category": f"category {f.key}", "total": "all products"}[f.kind]
    out = [f"Forecast of {f.measure} per {f.freq} for {what}: {f.model}, {f.level} % interval"]
    out.append(table([f.freq.capitalize() + " from", "Forecast", "Low", "High"],
                     [(p.period.isoformat(), _num(p.value), _num(p.low), _num(p.high)) for p in f.points],
                     right=[1, 2, 3]))
    b = f.backtest
    if b is not None:
        out += ["", f"Back-test: {b.origins} origins over the last 8 weeks, up to {b.horizon} {f.freq}s ahead "
                    "(MASE below 1 beats the naive forecast's in-sample error)",
                table(["", "MASE", "sMAPE %"], [(f.model, _num(b.model_mase, 3), _num(b.model_smape, 1)),
                                                 ("seasonal naive", _num(b.naive_mase, 3), _num(b.naive_smape, 1))],
                      right=[1, 2])]
    return "\n".join(out)


def cmd_forecast(ctx: Context) -> int:
    a = ctx.args
    f = ctx.services.forecasts.forecast(ctx.need_actor(), sku=a.sku, category=a.category,
                                        total=a.total or (a.sku is None and a.category is None),
                                        weeks=a.weeks, freq=a.freq, measure=a.measure)
    if f.not_enough_history:
        raise BusinessRuleViolation(f"Not enough history: {f.not_enough_history}")
    ctx.emit(f, lambda: human_forecast(f))
    return 0


def human_cover(rows: list[StockCoverDTO]) -> str:
    if not rows:
        return "No product is projected to run out."
    return table(["SKU", "Name", "Available", "On order", "Per day", "Days of cover", "Runs out",
                  "With orders", "Model"],
                 [(r.sku, r.name[:40], r.available, r.on_order, _num(r.daily_demand),
                   _num(r.days_of_cover, 1), r.stockout_date.isoformat() if r.stockout_date else "",
                   r.stockout_date_with_orders.isoformat() if r.stockout_date_with_orders else "", r.model)
                  for r in rows], right=[2, 3, 4, 5])


def cmd_stock_out(ctx: Context) -> int:
    rows = ctx.services.forecasts.stock_cover(ctx.need_actor(), limit=ctx.args.limit, at_risk_days=ctx.args.days)
    ctx.emit(rows, lambda: human_cover(rows))
    return 0
