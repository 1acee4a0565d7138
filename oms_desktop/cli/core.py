"""``oms`` commands of the core: init, demo data, users, the catalog, customers and orders."""
from __future__ import annotations

from dataclasses import is_dataclass

from ..domain.errors import AuthenticationFailed, ValidationFailed
from ..domain.languages import SUPPORTED
from ..domain.orders import Channel, Status
from ..domain.phone import digits_of
from ..domain.references import Series, customer_number, parse_ref
from ..domain.roles import Perm, Role, require
from ..services.dto import to_jsonable
from .catalog_print import register_pdf
from .users import register_user_admin
from .imports import cmd_order_import
from .common import (PROG, Context, money, parse_line, percent, positive_int, open_file, read_new_password, table,
                     when, whole_number)


def register(sub, leaf) -> None:
    c = leaf(sub, "init", "create or migrate the database; set the company name and currency")
    c.add_argument("--company", metavar="NAME")
    c.add_argument("--currency", metavar="CODE", help="e.g. EUR (cannot change once orders exist)")
    c.set_defaults(func=cmd_init, opens="create")

    c = leaf(sub, "demo-data", "fill the database with a demo company")
    c.add_argument("--seed", type=whole_number, default=1, help="random seed (same seed, same data)")
    c.set_defaults(func=cmd_demo_data, opens="create")

    user = sub.add_parser("user", help="users and roles").add_subparsers(dest="action", metavar="ACTION",
                                                                         required=True)
    c = leaf(user, "add", "add a user (the first one, an admin, needs no --user)")
    c.add_argument("name")
    c.add_argument("--role", required=True, choices=[r.value for r in Role])
    c.add_argument("--display-name", default="")
    c.set_defaults(func=cmd_user_add, sign_in="optional")
    c = leaf(user, "list", "list users")
    c.set_defaults(func=cmd_user_list)
    register_user_admin(user, leaf)

    cat = sub.add_parser("catalog", help="products and stock").add_subparsers(dest="action", metavar="ACTION",
                                                                              required=True)
    c = leaf(cat, "import", "import a catalog CSV: all rows or none")
    c.add_argument("file", metavar="FILE.csv")
    c.set_defaults(func=cmd_catalog_import)
    c = leaf(cat, "list", "list products with their stock")
    c.add_argument("--search", default="", metavar="TEXT")
    c.add_argument("--limit", type=positive_int, default=100)
    c.set_defaults(func=cmd_catalog_list)
    register_pdf(cat, leaf)

    cust = sub.add_parser("customer", help="customers").add_subparsers(dest="action", metavar="ACTION",
                                                                       required=True)
    c = leaf(cust, "add", "add a customer")
    c.add_argument("--name", required=True)
    c.add_argument("--phone", action="append", required=True, help="repeat for several numbers")
    c.add_argument("--email", default="")
    c.add_argument("--address", default="", help="billing address")
    c.add_argument("--shipping-address", default="", help="default: the billing address")
    c.add_argument("--language", default="", metavar="CODE",
                   help=f"the language the customer's invoices and receipts print in ({', '.join(SUPPORTED)}; "
                        "default: the company's)")
    c.set_defaults(func=cmd_customer_add)
    c = leaf(cust, "edit", "change a customer's name, phones, e-mail, addresses or notes (audited)")
    c.add_argument("customer", metavar="CUSTOMER", help="customer number (C000042 or 42) or phone number")
    c.add_argument("--name")
    c.add_argument("--phone", action="append", help="repeat for several numbers: they replace the ones kept")
    c.add_argument("--email")
    c.add_argument("--address", help="billing address, lines separated by ' | '")
    c.add_argument("--shipping-address", help="lines separated by ' | '")
    c.add_argument("--notes")
    c.add_argument("--language", metavar="CODE",
                   help=f"the language the customer's invoices and receipts print in ({', '.join(SUPPORTED)}; "
                        "'' for the company's)")
    c.set_defaults(func=cmd_customer_edit)
    c = leaf(cust, "merge", "merge a duplicate customer into the one kept: orders, carts, payments, phones, "
                            "addresses, coupons, e-mail (audited; cannot be undone)")
    c.add_argument("keep", metavar="KEEP", help="the customer kept: number (C000042 or 42) or phone number")
    c.add_argument("duplicate", metavar="DUPLICATE", help="the duplicate: number (C000043 or 43) or phone number")
    c.set_defaults(func=cmd_customer_merge)
    c = leaf(cust, "address", "the delivery addresses a customer keeps: list, add LABEL ADDRESS, remove ID")
    c.add_argument("customer", metavar="CUSTOMER", help="customer number (C000042 or 42) or phone number")
    c.add_argument("what", nargs="?", default="list", choices=["list", "add", "remove"])
    c.add_argument("args", nargs="*", metavar="ARG", help="add: LABEL ADDRESS (lines separated by ' | '); "
                                                          "remove: the address's number")
    c.set_defaults(func=cmd_customer_address)
    c = leaf(cust, "find", "find customers by phone (any format), name, email or number")
    c.add_argument("text")
    c.add_argument("--limit", type=positive_int, default=20)
    c.set_defaults(func=cmd_customer_find)
    c = leaf(cust, "set-mail", "the customer's order e-mails: on or off, and the invoice PDF by mail")
    c.add_argument("customer", metavar="CUSTOMER", help="customer number (C000042 or 42) or phone number")
    onoff = c.add_mutually_exclusive_group()
    onoff.add_argument("--on", dest="mail", action="store_const", const=True, help="send order e-mails")
    onoff.add_argument("--off", dest="mail", action="store_const", const=False, help="the customer opted out")
    c.add_argument("--invoice-pdf", choices=["yes", "no"], help="attach the invoice PDF when it is issued")
    c.set_defaults(func=cmd_customer_set_mail)

    order = sub.add_parser("order", help="orders").add_subparsers(dest="action", metavar="ACTION", required=True)
    c = leaf(order, "place", "create and confirm an order (all lines reserved, or nothing)")
    c.add_argument("--customer", metavar="ID|PHONE", help="customer number (C000042 or 42) or phone number")
    c.add_argument("--line", action="append", required=True, metavar="SKU=QTY", help="repeat for several lines")
    c.add_argument("--channel", choices=[ch.value for ch in Channel])
    c.add_argument("--coupon", metavar="CODE", help="redeem a coupon (refused, naming why, if it cannot be used)")
    c.add_argument("--shipping", metavar="METHOD", help="a shipping method's code (oms shipping list)")
    c.add_argument("--ship-to", metavar="ADDRESS", help="the delivery address, recipient first, lines separated by "
                                                        "newlines or ' | ' (default: the customer's shipping address)")
    c.add_argument("--allow-backorder", action="store_true",
                   help="take it even beyond the stock: what is there is reserved, the rest waits as a backorder "
                        "(reserved first in, first out when goods arrive)")
    c.add_argument("--express", action="store_true", help="the warehouse picks it first")
    c.set_defaults(func=cmd_order_place)
    c = leaf(order, "amend", "change a confirmed order until picking starts: lines, quantities, prices (the "
                             "reservation follows)")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("--line", action="append", default=[], metavar="SKU=QTY",
                   help="the new quantity of a SKU (a SKU not on the order is added); repeat for several")
    c.add_argument("--remove", action="append", default=[], metavar="SKU", help="take a SKU off the order")
    c.add_argument("--price", action="append", default=[], metavar="SKU=AMOUNT",
                   help="a new unit price (beyond the catalog price only with the price-override right)")
    c.add_argument("--allow-backorder", action="store_true",
                   help="what is not in stock waits as a backorder instead of refusing the amendment")
    c.add_argument("--version", type=whole_number, metavar="N",
                   help="the version you saw (refused if it changed since)")
    c.set_defaults(func=cmd_order_amend)
    c = leaf(order, "ship-to", "change where an order goes (a cart, or a confirmed order until it is packed)")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("address", metavar="ADDRESS", nargs="?", default="",
                   help="recipient first, lines separated by newlines or ' | '; none: the customer's shipping address")
    c.add_argument("--saved", metavar="LABEL", help="one of the addresses the customer keeps (oms customer address)")
    c.set_defaults(func=cmd_order_ship_to)
    c = leaf(order, "import", "import orders from a web shop's CSV export (Shopify, WooCommerce) or the generic "
                              "format: each order whole or not at all; the same file again creates nothing")
    c.add_argument("file", metavar="FILE")
    c.add_argument("--format", default="auto", choices=["auto", "shopify", "woocommerce", "generic"])
    c.add_argument("--channel", default=Channel.ONLINE.value, choices=[ch.value for ch in Channel],
                   help="the channel the orders came in by (default: online)")
    c.add_argument("--dry-run", action="store_true", help="check every order and report; write nothing")
    c.add_argument("--history", action="store_true",
                   help="bring fulfilled and cancelled orders in as sales history (no stock, no ledger)")
    c.set_defaults(func=cmd_order_import)
    c = leaf(order, "show", "show an order by number (SO-000042, 42) or tracking number")
    c.add_argument("order", metavar="ORDER")
    c.set_defaults(func=cmd_order_show)
    c = leaf(order, "cancel", "cancel an order and release its reserved stock")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("--reason", default="")
    c.set_defaults(func=cmd_order_cancel)
    c = leaf(order, "list", "list recent orders")
    c.add_argument("--status", choices=[s.value for s in Status])
    c.add_argument("--limit", type=positive_int, default=50)
    c.set_defaults(func=cmd_order_list)


# ---- commands ------------------------------------------------------------------------------------------------

def cmd_init(ctx: Context) -> int:
    args = ctx.args
    company = ctx.services.company.get()
    if args.company is not None or args.currency is not None:
        if ctx.actor is None and not ctx.services.auth.needs_first_user():
            raise AuthenticationFailed("Users exist already: add --user NAME (an administrator) to change the "
                                       "company settings.")
        company = ctx.services.company.update(ctx.actor, company_name=args.company, currency=args.currency)
    from ..config import describe_url
    data = {"database": describe_url(ctx.backend.url), "migrated": ctx.migrated, "company": company,
            "needs_first_user": ctx.services.auth.needs_first_user()}

    def human() -> str:
        lines = [f"Database ready: {data['database']}" + (" (schema created or migrated)" if data["migrated"]
                                                            else " (schema up to date)"),
                 f"Company: {company.name} ({company.currency})"]
        if data["needs_first_user"]:
            lines.append(f"Next: create the first administrator: OMS_NEW_PASSWORD=... {PROG} user add NAME "
                         "--role admin")
        return "\n".join(lines)

    ctx.emit(data, human)
    return 0


def cmd_demo_data(ctx: Context) -> int:
    if not ctx.services.auth.needs_first_user():
        require(ctx.need_actor(), Perm.SETTINGS, "load demo data")
    from ..devtools.demo import seed_demo  # lazy: the demo generator is large and only this command needs it
    summary = seed_demo(ctx.backend, seed=ctx.args.seed)

    def human() -> str:
        if is_dataclass(summary):
            pairs = to_jsonable(summary)
            return "Demo data created:\n" + "\n".join(f"  {k.replace('_', ' ')}: {v}" for k, v in pairs.items())
        return f"Demo data created: {summary}"

    ctx.emit(summary if summary is not None else {}, human)
    return 0


def cmd_user_add(ctx: Context) -> int:
    args = ctx.args
    ctx.services.auth.check_may_add_users(ctx.actor)  # before asking for the new password
    password = read_new_password(args.name)
    user = ctx.services.auth.add_user(ctx.actor, args.name, args.role, password, args.display_name)
    ctx.emit(user, f"Added user {user.username} ({user.role}).")
    return 0


def cmd_user_list(ctx: Context) -> int:
    users = ctx.services.auth.list_users(ctx.need_actor())
    ctx.emit(users, lambda: table(["ID", "User", "Name", "Role", "Active", "Locked until"],
                                  [(u.id, u.username, u.display_name, u.role, "yes" if u.active else "no",
                                    when(u.locked_until) if u.locked_until else "") for u in users], right=[0]))
    return 0


def cmd_catalog_import(ctx: Context) -> int:
    actor = ctx.need_actor()
    with open_file(ctx.args.file) as data:        # read as a stream: a catalog of any size
        result = ctx.services.catalog.import_catalog(actor, data)
    ctx.emit(result, f"Imported {ctx.args.file}: {result.created} created, {result.updated} updated.")
    return 0


def cmd_catalog_list(ctx: Context) -> int:
    products = ctx.services.catalog.search(ctx.need_actor(), ctx.args.search, limit=ctx.args.limit)
    ctx.emit(products, lambda: table(
        ["SKU", "Name", "Category", "Location", "On hand", "Reserved", "Available", "Price"],
        [(p.sku, p.name, p.category, p.location, p.on_hand, p.reserved, p.available, money(p.unit_price, p.currency))
         for p in products], right=[4, 5, 6, 7]) if products else "No products found.")
    return 0


def cmd_customer_add(ctx: Context) -> int:
    a = ctx.args
    c = ctx.services.customers.add_customer(ctx.need_actor(), a.name, a.phone, a.email, a.address,
                                            a.shipping_address, language=a.language)
    ctx.emit(c, f"Added customer {c.number}: {c.name} ({', '.join(c.phones)}).")
    return 0


def cmd_customer_edit(ctx: Context) -> int:
    a, actor = ctx.args, ctx.need_actor()
    c = ctx.services.customers.resolve(actor, a.customer)
    c = ctx.services.customers.update_customer(actor, c.id, name=a.name, phones=a.phone, email=a.email,
                                               billing_address=address_lines(a.address),
                                               shipping_address=address_lines(a.shipping_address), notes=a.notes,
                                               language=a.language)
    ctx.emit(c, f"{c.number}: {c.name} ({', '.join(c.phones) or 'no phone'}; {c.email or 'no e-mail'}).")
    return 0


def _customer_id(ctx: Context, ref: str) -> int:
    """A customer's number as typed (a merged duplicate's too, unlike ``resolve``), else the customer with that
    phone number."""
    number = parse_ref(Series.CUSTOMER, ref.strip())
    if number is not None and len(digits_of(ref)) <= 6:
        return number
    return ctx.services.customers.resolve(ctx.need_actor(), ref).id


def cmd_customer_merge(ctx: Context) -> int:
    actor = ctx.need_actor()
    r = ctx.services.customers.merge_customers(actor, _customer_id(ctx, ctx.args.keep),
                                               _customer_id(ctx, ctx.args.duplicate))
    moved = [f"{n} {what}" for n, what in ((r.orders, "order(s)"), (r.carts, "cart(s)"),
                                           (r.payments, "payment(s)"), (r.coupons, "coupon(s)"),
                                           (len(r.phones), "phone(s)"), (len(r.addresses), "address(es)")) if n]
    ctx.emit(r, f"Merged {r.duplicate_number} ({r.duplicate_name}) into {r.kept.number} ({r.kept.name}): "
                + (", ".join(moved) or "nothing to move") + " moved."
                + (f" {r.invoices} invoice(s) keep naming {r.duplicate_number} (issued documents do not change)."
                   if r.invoices else ""))
    return 0


def cmd_customer_address(ctx: Context) -> int:
    a, actor = ctx.args, ctx.need_actor()
    customers = ctx.services.customers
    c = customers.resolve(actor, a.customer)
    if a.what == "add":
        if len(a.args) != 2:
            raise ValidationFailed("oms customer address CUSTOMER add LABEL ADDRESS (lines separated by ' | ')")
        c = customers.add_address(actor, c.id, a.args[0], address_lines(a.args[1]) or "")
    elif a.what == "remove":
        if len(a.args) != 1 or not a.args[0].isdigit():
            raise ValidationFailed("oms customer address CUSTOMER remove ID (the number 'list' shows)")
        c = customers.remove_address(actor, c.id, int(a.args[0]))
    elif a.args:
        raise ValidationFailed("list takes no arguments")
    else:
        c = customers.get_customer(actor, c.id)
    ctx.emit(c.addresses, lambda: table(["#", "Label", "Address"],
                                         [(x.id, x.label, " / ".join(x.address.splitlines())) for x in c.addresses])
             if c.addresses else f"{c.name} keeps no other delivery address (oms customer address {c.number} add "
                                 "LABEL ADDRESS).")
    return 0


def cmd_customer_find(ctx: Context) -> int:
    found = ctx.services.customers.find_customers(ctx.need_actor(), ctx.args.text, limit=ctx.args.limit)
    ctx.emit(found, lambda: table(["Number", "Name", "Phones", "Email"],
                                  [(c.number, c.name, ", ".join(c.phones), c.email) for c in found])
             if found else f"No customer matches '{ctx.args.text}'.")
    return 0


def cmd_customer_set_mail(ctx: Context) -> int:
    actor = ctx.need_actor()
    a = ctx.args
    customer = ctx.services.customers.resolve(actor, a.customer)
    c = ctx.services.customers.set_mail(actor, customer.id, mail=a.mail,
                                        invoice_by_mail=None if a.invoice_pdf is None else a.invoice_pdf == "yes")
    ctx.emit(c, f"{c.number} {c.name}: order e-mails {'on' if c.mail else 'off'}, invoice PDF by mail "
                f"{'yes' if c.invoice_by_mail else 'no'}" + ("" if c.email else " (no e-mail address yet)") + ".")
    return 0


def cmd_order_place(ctx: Context) -> int:
    actor = ctx.need_actor()
    a = ctx.args
    lines = [parse_line(t) for t in a.line]
    customer = ctx.services.customers.resolve(actor, a.customer) if a.customer else None
    order = ctx.services.orders.place_order(actor, customer.id if customer else None, lines, channel=a.channel,
                                            coupon=a.coupon, shipping=a.shipping, ship_to=address_lines(a.ship_to),
                                            allow_backorder=a.allow_backorder, express=a.express)
    ctx.emit(order, lambda: f"Placed {order.number} (tracking number {order.tracking_number})"
                            + (" EXPRESS" if order.express else "")
                            + (f" for {order.customer_name}" if order.customer_name else "")
                            + f": {len(order.lines)} line(s), total {money(order.total, order.currency)}."
                            + backorder_text(order))
    return 0


def backorder_text(order) -> str:
    return ("\nBackorder (waits for goods, reserved first in, first out when they arrive): "
            + ", ".join(f"{q} x {sku}" for sku, q in order.backordered)) if order.backordered else ""


def _pairs(texts: list[str], what: str, example: str, problems: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for t in texts:
        key, sep, value = t.partition("=")
        if not sep or not key.strip() or not value.strip():
            problems.append(f"{what} '{t}' must be {example}")
            continue
        out[key.strip().upper()] = value.strip()
    return out


def cmd_order_amend(ctx: Context) -> int:
    actor = ctx.need_actor()
    a = ctx.args
    problems: list[str] = []
    lines: dict[str, object] = dict(_pairs(a.line, "line", "SKU=QTY, e.g. LAMP-01=2", problems))
    prices = _pairs(a.price, "price", "SKU=AMOUNT, e.g. LAMP-01=17.50", problems)
    for sku in a.remove:
        key = sku.strip().upper()
        if not key:
            problems.append("--remove needs a SKU")
        elif key in lines:
            problems.append(f"{key} is both given a quantity and removed; choose one")
        else:
            lines[key] = 0
    if problems:
        raise ValidationFailed(problems)
    order = ctx.services.orders.amend_order(actor, a.order, set_lines=lines, prices=prices,
                                            expected_version=a.version, allow_backorder=a.allow_backorder)
    ctx.emit(order, lambda: f"Amended {order.number}: " + ", ".join(f"{ln.quantity} x {ln.sku}" for ln in order.lines)
                            + f"; total {money(order.total, order.currency)}." + backorder_text(order))
    return 0


def address_lines(text: str | None) -> str | None:
    """An address typed on one command line: ' | ' separates its lines."""
    return None if text is None else "\n".join(part.strip() for part in text.split("|"))


def cmd_order_ship_to(ctx: Context) -> int:
    order = ctx.services.orders.set_ship_to(ctx.need_actor(), ctx.args.order, address_lines(ctx.args.address) or "",
                                            saved=ctx.args.saved)
    ctx.emit(order, lambda: f"{order.number} goes to:\n  " + "\n  ".join(order.ship_to.splitlines() or ["(nowhere)"]))
    return 0


def format_order(o) -> str:
    cur = o.currency
    out = [f"Order {o.number}    status: {o.status}",
           f"Tracking number: {o.tracking_number or '(none yet)'}",
           f"Customer: {o.customer_name} ({customer_number(o.customer_id)})" if o.customer_id is not None else
           "Customer: (none)",
           f"Channel: {o.channel}    created {when(o.created_at)} by {o.created_by or '?'}"
           + (f"    shop order {o.external_ref}" if o.external_ref else "")]
    if o.ship_to:
        out.append("Ship to: " + " / ".join(o.ship_to.splitlines()))
    if o.express:
        out.append("EXPRESS: the warehouse picks it first")
    if o.backordered:
        out.append("Backorder (waits for goods): " + ", ".join(f"{q} x {sku}" for sku, q in o.backordered))
    out.append("")
    out.append(table(["#", "SKU", "Name", "Qty", "Unit price", "Tax rate", "Net", "Tax", "Gross"],
                     [(ln.line_no, ln.sku, ln.name, ln.quantity, money(ln.unit_price, cur), percent(ln.tax_rate),
                       money(ln.net, cur), money(ln.tax, cur), money(ln.gross, cur)) for ln in o.lines],
                     right=[0, 3, 4, 5, 6, 7, 8]))
    for adj in o.adjustments:
        out.append(f"{adj.label}: {money(adj.amount, cur)}")
    out.append("")
    out.append(f"Net:   {money(o.net, cur)}")
    for rate, net, tax in o.tax_by_rate:
        out.append(f"Tax {percent(rate)} on {money(net, cur)}: {money(tax, cur)}")
    out.append(f"Total: {money(o.total, cur)}")
    out.append("")
    out.append("History:")
    for h in o.history:
        step = f"{h.from_status} -> {h.to_status}" if h.from_status else h.to_status
        out.append(f"  {when(h.at)}  {step}  by {h.username or '?'}" + (f"  ({h.note})" if h.note else ""))
    return "\n".join(out)


def cmd_order_show(ctx: Context) -> int:
    order = ctx.services.orders.get_order(ctx.need_actor(), ctx.args.order)
    ctx.emit(order, lambda: format_order(order))
    return 0


def cmd_order_cancel(ctx: Context) -> int:
    order = ctx.services.orders.cancel_order(ctx.need_actor(), ctx.args.order, ctx.args.reason)
    ctx.emit(order, f"Cancelled {order.number}; its reserved stock was released.")
    return 0


def cmd_order_list(ctx: Context) -> int:
    orders = ctx.services.orders.list_orders(ctx.need_actor(), status=ctx.args.status, limit=ctx.args.limit)
    ctx.emit(orders, lambda: table(
        ["Order", "Tracking", "Status", "Channel", "Customer", "Lines", "Total", "Created"],
        [(o.number, o.tracking_number or "", o.status, o.channel, o.customer_name, o.line_count,
          money(o.total, o.currency), when(o.created_at)) for o in orders], right=[5, 6])
             if orders else "No orders found.")
    return 0


