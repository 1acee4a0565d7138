"""``oms`` commands of carts and what changes their price: cart, promo, coupon, shipping, report conversion."""
from __future__ import annotations

from ..domain.orders import Channel
from .accounts import _date, _subparsers
from .common import Context, money, parse_line, percent, positive_int, table, whole_number


def register(sub, leaf) -> None:
    cart = _subparsers(sub, "cart", "open carts (drafts): the same services as the order entry screen")
    c = leaf(cart, "new", "open a cart")
    c.add_argument("--customer", metavar="ID|PHONE")
    c.add_argument("--channel", choices=[ch.value for ch in Channel])
    c.add_argument("--line", action="append", default=[], metavar="SKU=QTY", help="repeat for several lines")
    c.set_defaults(func=cmd_cart_new)
    c = leaf(cart, "add", "add units of a product to a cart")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("line", metavar="SKU=QTY")
    c.set_defaults(func=cmd_cart_add)
    c = leaf(cart, "set", "set a product's quantity in a cart (0 removes it)")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("line", metavar="SKU=QTY")
    c.set_defaults(func=cmd_cart_set)
    c = leaf(cart, "coupon", "put a coupon on a cart (no code takes it off)")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("code", nargs="?", default="")
    c.set_defaults(func=cmd_cart_coupon)
    c = leaf(cart, "shipping", "choose a cart's shipping method (none: collected)")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("method", nargs="?", default="")
    c.set_defaults(func=cmd_cart_shipping)
    c = leaf(cart, "confirm", "confirm a cart: reserve its stock, redeem its coupon, give a tracking number")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("--version", type=whole_number, metavar="N", help="refuse if the cart changed since version N")
    c.set_defaults(func=cmd_cart_confirm)
    c = leaf(cart, "list", "open carts, the ones at risk first, then by value")
    c.add_argument("--at-risk", action="store_true", help="only carts idle past the company's setting")
    c.add_argument("--mine", action="store_true", help="only the carts I opened")
    c.add_argument("--limit", type=positive_int, default=50)
    c.set_defaults(func=cmd_cart_list)
    c = leaf(cart, "offer", "offer the customer of an open cart an incentive (within your role's limit)")
    c.add_argument("order", metavar="ORDER")
    what = c.add_mutually_exclusive_group(required=True)
    what.add_argument("--percent", metavar="P", help="percent off the order (10 or 10%%)")
    what.add_argument("--amount", metavar="A", help="an amount off the order")
    what.add_argument("--free-shipping", action="store_true")
    what.add_argument("--coupon", metavar="CODE", help="apply this coupon to the cart")
    c.add_argument("--next-order", action="store_true",
                   help="make the percent or amount a single-use coupon for the customer's next order")
    c.add_argument("--note", default="", metavar="TEXT", help="why (kept with the offer)")
    c.set_defaults(func=cmd_cart_offer)

    promo = _subparsers(sub, "promo", "promotions that apply to carts by themselves")
    c = leaf(promo, "add", "add a promotion")
    c.add_argument("name")
    what = c.add_mutually_exclusive_group(required=True)
    what.add_argument("--percent", metavar="P")
    what.add_argument("--amount", metavar="A")
    what.add_argument("--free-shipping", action="store_true")
    what.add_argument("--buy", metavar="SKU=N", help="with --get: buy N of SKU ...")
    c.add_argument("--get", metavar="SKU=M", help="... get M of SKU free")
    c.add_argument("--min-total", metavar="M")
    c.add_argument("--sku", action="append", default=[], help="only these products' lines (repeat)")
    c.add_argument("--category", action="append", default=[], help="only these categories' lines (repeat)")
    c.add_argument("--channel", choices=[ch.value for ch in Channel])
    c.add_argument("--from", dest="starts", metavar="YYYY-MM-DD")
    c.add_argument("--until", dest="ends", metavar="YYYY-MM-DD", help="the last day it applies")
    c.add_argument("--priority", default="0", metavar="N", help="higher first (default 0)")
    c.add_argument("--exclusive", action="store_true", help="when it applies, no other promotion does")
    c.add_argument("--first-order", action="store_true", help="only a customer's first order")
    c.set_defaults(func=cmd_promo_add)
    c = leaf(promo, "list", "list promotions")
    c.add_argument("--all", action="store_true", help="ended ones too")
    c.set_defaults(func=cmd_promo_list)
    c = leaf(promo, "end", "end a promotion (kept for the orders that name it)")
    c.add_argument("name")
    c.set_defaults(func=cmd_promo_end)

    coupon = _subparsers(sub, "coupon", "coupon codes")
    for name, help_text in (("create", "create one coupon code"), ("generate", "generate a batch of codes")):
        c = leaf(coupon, name, help_text)
        if name == "create":
            c.add_argument("code")
        else:
            c.add_argument("--count", required=True)
            c.add_argument("--prefix", required=True)
        what = c.add_mutually_exclusive_group(required=True)
        what.add_argument("--percent", metavar="P")
        what.add_argument("--amount", metavar="A")
        what.add_argument("--free-shipping", action="store_true")
        c.add_argument("--min-total", metavar="M")
        c.add_argument("--expires", metavar="YYYY-MM-DD", help="the last day it can be used")
        c.add_argument("--uses", metavar="N", default=None if name == "create" else "1",
                       help="how many orders may use it (default: unlimited; generate: 1)")
        c.add_argument("--per-customer", metavar="N")
        c.set_defaults(func=cmd_coupon_create if name == "create" else cmd_coupon_generate)
    c = leaf(coupon, "list", "list coupons")
    c.add_argument("--batch", metavar="PREFIX")
    c.add_argument("--limit", type=positive_int, default=200)
    c.set_defaults(func=cmd_coupon_list)

    ship = _subparsers(sub, "shipping", "shipping methods and their charges")
    c = leaf(ship, "add", "add or change a shipping method")
    c.add_argument("code")
    c.add_argument("--name", required=True)
    c.add_argument("--basis", choices=["flat", "value", "weight"], default="flat")
    c.add_argument("--price", metavar="PRICE | FROM:PRICE ...", required=True,
                   help="flat: one price; value/weight: tiers FROM:PRICE separated by spaces (weight in grams)")
    c.add_argument("--tax-rate", default="0", metavar="RATE", help="e.g. 19%% or 0.19")
    c.add_argument("--channel", choices=[ch.value for ch in Channel])
    c.set_defaults(func=cmd_shipping_add)
    c = leaf(ship, "list", "list shipping methods")
    c.set_defaults(func=cmd_shipping_list)

    rep = _subparsers(sub, "report", "reports")
    c = leaf(rep, "conversion", "carts created, confirmed and abandoned; what incentives cost")
    c.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    c.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    c.add_argument("--by", choices=["day", "channel", "agent", "incentive"], default="day")
    c.set_defaults(func=cmd_conversion)


# ---- carts ---------------------------------------------------------------------------------------------------

def _cart_out(ctx: Context, order, verb: str) -> int:
    ctx.emit(order, lambda: f"{verb} {order.number} (version {order.version}): {len(order.lines)} line(s), "
                            f"total {money(order.total, order.currency)}"
                            + "".join(f"\n  {a.label}: {money(a.amount, order.currency)}" for a in order.adjustments))
    return 0


def cmd_cart_new(ctx: Context) -> int:
    actor = ctx.need_actor()
    a = ctx.args
    lines = [parse_line(t) for t in a.line]
    customer = ctx.services.customers.resolve(actor, a.customer) if a.customer else None
    orders = ctx.services.orders
    order = orders.create_draft(actor, customer.id if customer else None, a.channel)
    for sku, qty in lines:  # each its own change and event, as at the screen
        order = orders.add_line(actor, order.id, sku, qty)
    return _cart_out(ctx, order, "Opened")


def cmd_cart_add(ctx: Context) -> int:
    sku, qty = parse_line(ctx.args.line)
    order = ctx.services.orders.add_line(ctx.need_actor(), ctx.args.order, sku, qty)
    return _cart_out(ctx, order, "Changed")


def cmd_cart_set(ctx: Context) -> int:
    actor = ctx.need_actor()
    sku, qty = parse_line(ctx.args.line)
    orders = ctx.services.orders
    order = orders.get_order(actor, ctx.args.order)
    matching = [ln for ln in order.lines if ln.sku == sku.upper()]
    if not matching:
        if str(qty).strip() in ("0", ""):
            return _cart_out(ctx, order, "Unchanged")
        order = orders.add_line(actor, order.id, sku, qty, expected_version=order.version)
    else:
        # the first line of the SKU takes the quantity; further lines of it (other prices) are removed
        order = orders.set_line_quantity(actor, order.id, matching[0].line_no, qty, expected_version=order.version)
        for ln in matching[1:]:
            order = orders.remove_line(actor, order.id, ln.line_no, expected_version=order.version)
    return _cart_out(ctx, order, "Changed")


def cmd_cart_coupon(ctx: Context) -> int:
    order = ctx.services.carts.set_coupon(ctx.need_actor(), ctx.args.order, ctx.args.code or None)
    return _cart_out(ctx, order, "Changed")


def cmd_cart_shipping(ctx: Context) -> int:
    order = ctx.services.carts.set_shipping(ctx.need_actor(), ctx.args.order, ctx.args.method or None)
    return _cart_out(ctx, order, "Changed")


def cmd_cart_confirm(ctx: Context) -> int:
    order = ctx.services.orders.confirm_order(ctx.need_actor(), ctx.args.order, expected_version=ctx.args.version)
    ctx.emit(order, lambda: f"Confirmed {order.number} (tracking number {order.tracking_number}): total "
                            f"{money(order.total, order.currency)}.")
    return 0


def _idle(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m"
    if seconds < 86400:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}"
    return f"{seconds // 86400}d"


def cmd_cart_list(ctx: Context) -> int:
    a = ctx.args
    board = ctx.services.carts.board(ctx.need_actor(), at_risk_only=a.at_risk, limit=a.limit,
                                     mine=True if a.mine else None)
    ctx.emit(board, lambda: table(
        ["Cart", "Customer", "Agent", "Channel", "Items", "Value", "Idle", "Offers", "Last change"],
        [(c.number + (" !" if c.at_risk else ""), c.customer_name or "-", c.agent, c.channel, c.items,
          money(c.value, c.currency), _idle(c.idle_seconds), c.incentives,
          f"{c.last_change} ({c.last_change_by})" if c.last_change else "") for c in board.carts],
        right=[4, 5, 6, 7])
        + f"\n{board.open_carts} open cart(s) worth {money(board.value, board.currency)}; {board.at_risk} idle "
          f"over {board.idle_minutes} minutes (!).")
    return 0


def cmd_cart_offer(ctx: Context) -> int:
    a = ctx.args
    result = ctx.services.carts.offer(ctx.need_actor(), a.order, percent=a.percent, amount=a.amount,
                                      free_shipping=a.free_shipping, coupon=a.coupon, next_order=a.next_order,
                                      note=a.note)
    ctx.emit(result, lambda: f"Offered on {result.order.number}: {result.incentive.label}. "
                             f"Total now {money(result.order.total, result.order.currency)}.\n"
                             f"Read to the customer: {result.incentive.text}")
    return 0


# ---- promotions, coupons, shipping ---------------------------------------------------------------------------

def cmd_promo_add(ctx: Context) -> int:
    a = ctx.args
    p = ctx.services.promotions.add_promotion(
        ctx.need_actor(), a.name, percent=a.percent, amount=a.amount, free_shipping=a.free_shipping, buy=a.buy,
        get=a.get, min_total=a.min_total, skus=a.sku, categories=a.category, channel=a.channel, starts=a.starts,
        ends=a.ends, priority=a.priority, exclusive=a.exclusive, first_order_only=a.first_order)
    ctx.emit(p, lambda: f"Added promotion '{p.name}': {p.describe}.")
    return 0


def _promo_rows(promos, cur: str):
    return [(p.name, p.describe, money(p.min_total, cur) if p.min_total else "", p.channel or "all",
             (p.starts.isoformat() if p.starts else "") + ".." + (p.ends.isoformat() if p.ends else ""),
             p.priority, "yes" if p.exclusive else "", "ended" if p.ended else "active") for p in promos]


def cmd_promo_list(ctx: Context) -> int:
    promos = ctx.services.promotions.list_promotions(ctx.need_actor(), include_ended=ctx.args.all)
    cur = ctx.services.company.get().currency
    ctx.emit(promos, lambda: table(["Name", "Effect", "Min. total", "Channel", "Dates", "Priority", "Exclusive",
                                    "State"], _promo_rows(promos, cur), right=[2, 5]) if promos else
             "No promotions.")
    return 0


def cmd_promo_end(ctx: Context) -> int:
    p = ctx.services.promotions.end_promotion(ctx.need_actor(), ctx.args.name)
    ctx.emit(p, lambda: f"Ended promotion '{p.name}'.")
    return 0


def _coupon_args(a) -> dict:
    return dict(percent=a.percent, amount=a.amount, free_shipping=a.free_shipping, min_total=a.min_total,
                expires=a.expires, uses=a.uses, per_customer=a.per_customer)


def _coupon_effect(c, cur: str) -> str:
    return {"percent": f"{percent(c.percent)} off", "amount": f"{money(c.amount, cur)} off",
            "free_shipping": "free shipping"}.get(c.effect, c.effect)


def cmd_coupon_create(ctx: Context) -> int:
    c = ctx.services.promotions.create_coupon(ctx.need_actor(), ctx.args.code, **_coupon_args(ctx.args))
    cur = ctx.services.company.get().currency
    ctx.emit(c, lambda: f"Created coupon {c.code}: {_coupon_effect(c, cur)}.")
    return 0


def cmd_coupon_generate(ctx: Context) -> int:
    a = ctx.args
    made = ctx.services.promotions.generate_coupons(ctx.need_actor(), a.count, a.prefix, **_coupon_args(a))
    ctx.emit(made, lambda: "\n".join(c.code for c in made))
    return 0


def cmd_coupon_list(ctx: Context) -> int:
    coupons = ctx.services.promotions.list_coupons(ctx.need_actor(), batch=ctx.args.batch, limit=ctx.args.limit)
    cur = ctx.services.company.get().currency
    ctx.emit(coupons, lambda: table(
        ["Code", "Effect", "Min. total", "Expires", "Used", "Per customer", "State"],
        [(c.code, _coupon_effect(c, cur), money(c.min_total, cur) if c.min_total else "",
          c.expires.isoformat() if c.expires else "", f"{c.uses}/{c.max_uses if c.max_uses else '-'}",
          c.per_customer or "", "active" if c.active else "withdrawn") for c in coupons], right=[2, 4, 5])
             if coupons else "No coupons.")
    return 0


def cmd_shipping_add(ctx: Context) -> int:
    a = ctx.args
    m = ctx.services.promotions.put_shipping_method(ctx.need_actor(), a.code, a.name, basis=a.basis, tiers=a.price,
                                                    tax_rate=a.tax_rate, channel=a.channel)
    ctx.emit(m, lambda: f"Shipping method {m.code} ({m.name}) saved.")
    return 0


def cmd_shipping_list(ctx: Context) -> int:
    methods = ctx.services.promotions.list_shipping_methods(ctx.need_actor())
    cur = ctx.services.company.get().currency
    ctx.emit(methods, lambda: table(
        ["Code", "Name", "Basis", "Charges", "Tax", "Channel"],
        [(m.code, m.name, m.basis, ", ".join((f"from {lo:g} g: " if m.basis == "weight" else
                                               f"from {money(lo, cur)}: " if m.basis == "value" else "")
                                              + money(p, cur) for lo, p in m.tiers),
          percent(m.tax_rate), m.channel or "all") for m in methods]) if methods else "No shipping methods.")
    return 0


# ---- report --------------------------------------------------------------------------------------------------

def cmd_conversion(ctx: Context) -> int:
    a = ctx.args
    rep = ctx.services.carts.conversion(ctx.need_actor(), start=a.date_from, end=a.date_to, by=a.by)
    cur = rep.currency
    rows = [*rep.rows, rep.total]
    ctx.emit(rep, lambda: f"Carts {rep.start.isoformat()} to {rep.end.isoformat()} by {rep.by}\n" + table(
        [rep.by.capitalize(), "Created", "Confirmed", "Abandoned", "Open", "Rate", "Confirmed value",
         "Incentives", "Promotions", "Coupons"],
        [(r.key, r.created, r.confirmed, r.abandoned, r.still_open, percent(r.rate), money(r.confirmed_value, cur),
          money(r.incentive_cost, cur), money(r.promotion_cost, cur), money(r.coupon_cost, cur)) for r in rows],
        right=[1, 2, 3, 4, 5, 6, 7, 8, 9]))
    return 0

