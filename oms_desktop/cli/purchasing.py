"""``oms`` commands of the purchasing area: suppliers, purchase orders, suggestions, receiving, PDF, supplier invoices
and payments."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain.errors import ValidationFailed
from . import common


def register(sub, leaf) -> None:
    supplier = sub.add_parser("supplier", help="suppliers").add_subparsers(dest="action", metavar="ACTION",
                                                                           required=True)
    c = leaf(supplier, "add", "add a supplier")
    c.add_argument("name")
    c.add_argument("--email", default="")
    c.add_argument("--phone", default="")
    c.add_argument("--address", default="", help="lines separated by commas")
    c.add_argument("--lead-days", type=common.whole_number, default=7, metavar="N",
                   help="days from order to delivery (default 7; purchase suggestions by forecast cover them)")
    c.set_defaults(func=cmd_supplier_add)
    c = leaf(supplier, "list", "list suppliers")
    c.set_defaults(func=cmd_supplier_list)
    c = leaf(supplier, "assign", "make SUPPLIER the preferred supplier of products (used by 'purchase suggest')")
    c.add_argument("supplier", metavar="SUPPLIER", help="supplier name or number")
    c.add_argument("skus", nargs="+", metavar="SKU")
    c.set_defaults(func=cmd_supplier_assign)

    po = sub.add_parser("purchase", help="purchase orders").add_subparsers(dest="action", metavar="ACTION",
                                                                           required=True)
    c = leaf(po, "create", "create a draft purchase order")
    c.add_argument("supplier", metavar="SUPPLIER")
    c.add_argument("--line", action="append", required=True, metavar="SKU=QTY[@COST]",
                   help="repeat for several lines; COST defaults to the product's unit cost")
    c.add_argument("--notes", default="")
    c.set_defaults(func=cmd_purchase_create)
    c = leaf(po, "draft", "open the supplier's draft purchase order (a new, empty one when it has none)")
    c.add_argument("supplier", metavar="SUPPLIER")
    c.set_defaults(func=cmd_purchase_draft)
    c = leaf(po, "line", "put a line on a draft purchase order, or change the quantity and cost of one there")
    c.add_argument("po", metavar="PO")
    c.add_argument("line", metavar="SKU=QTY[@COST]", help="COST: blank keeps the line's, or the product's unit cost")
    c.set_defaults(func=cmd_purchase_line)
    c = leaf(po, "remove-line", "take a SKU off a draft purchase order")
    c.add_argument("po", metavar="PO")
    c.add_argument("sku", metavar="SKU")
    c.set_defaults(func=cmd_purchase_remove_line)
    c = leaf(po, "suggest", "draft purchase orders for everything at or below its reorder point, or for the "
                            "forecast demand over each supplier's lead time")
    c.add_argument("--by", choices=["reorder-point", "forecast"], default="reorder-point",
                   help="reorder points (default) or forecast demand over the lead time plus a safety margin, less "
                        "what is available and on order")
    c.set_defaults(func=cmd_purchase_suggest)
    c = leaf(po, "list", "list purchase orders")
    c.add_argument("--status", choices=["draft", "sent", "partly_received", "received", "cancelled"])
    c.set_defaults(func=cmd_purchase_list)
    c = leaf(po, "show", "show a purchase order")
    c.add_argument("po", metavar="PO")
    c.set_defaults(func=cmd_purchase_show)
    c = leaf(po, "send", "mark a draft purchase order as sent (its quantities count as on order)")
    c.add_argument("po", metavar="PO")
    c.set_defaults(func=cmd_purchase_send)
    c = leaf(po, "cancel", "cancel a draft or sent purchase order")
    c.add_argument("po", metavar="PO")
    c.add_argument("--reason", default="")
    c.set_defaults(func=cmd_purchase_cancel)
    c = leaf(po, "receive", "receive goods: everything outstanding, or only the given lines")
    c.add_argument("po", metavar="PO")
    c.add_argument("--line", action="append", metavar="SKU=QTY", help="repeat for several lines (partial receipt)")
    c.set_defaults(func=cmd_purchase_receive)
    c = leaf(po, "pdf", "write the purchase order as a PDF")
    c.add_argument("po", metavar="PO")
    c.add_argument("--out", required=True, metavar="FILE.pdf")
    c.set_defaults(func=cmd_purchase_pdf)
    c = leaf(po, "invoice", "record the supplier's invoice for goods received on a purchase order (clears goods "
                            "received not invoiced into payables)")
    c.add_argument("po", metavar="PO")
    c.add_argument("lines", nargs="*", metavar="SKU=QTY@PRICE",
                   help="what the invoice charges per line, right after PO (or as --line anywhere): QTY default all "
                        "received and not yet invoiced, PRICE default the purchase order's unit cost, e.g. "
                        "LAMP-01=5@8.90 or LAMP-01=@8.90; no lines: everything invoiceable at the order's prices")
    c.add_argument("--line", action="append", default=[], dest="more_lines", metavar="SKU=QTY@PRICE",
                   help="a line, repeat for several")
    c.add_argument("--number", required=True, metavar="SUPPLIER-INV-NO", help="the supplier's invoice number")
    c.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="the invoice's date (default today)")
    c.add_argument("--tax", default="0", metavar="AMOUNT|RATE%",
                   help="input tax (VAT) charged: an amount, or a rate of the net such as 19%% (default 0)")
    c.add_argument("--notes", default="")
    c.set_defaults(func=cmd_purchase_invoice)
    c = leaf(po, "pay", "pay a supplier invoice, all that is open or a part")
    c.add_argument("invoice", metavar="INVOICE", help="our reference (SI-000001) or the supplier's invoice number")
    c.add_argument("--amount", default=None, help="default: everything still open on the invoice")
    c.add_argument("--method", default="bank", choices=["bank", "cash"])
    c.add_argument("--reference", default="", help="e.g. the bank transfer's reference")
    c.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="the payment's date (default today)")
    c.set_defaults(func=cmd_purchase_pay)
    c = leaf(po, "invoices", "list supplier invoices, or show one with its lines")
    c.add_argument("invoice", nargs="?", metavar="INVOICE", help="show this one (SI-000001 or the supplier's number)")
    c.add_argument("--po", default=None, metavar="PO", help="only those of this purchase order")
    c.add_argument("--open", action="store_true", help="only those not paid in full")
    c.set_defaults(func=cmd_purchase_invoices)




def cmd_supplier_add(ctx) -> int:
    a = ctx.args
    s = ctx.services.purchasing.add_supplier(ctx.need_actor(), a.name, email=a.email, phone=a.phone,
                                             address="\n".join(x.strip() for x in a.address.split(",") if x.strip()),
                                             lead_days=a.lead_days)
    ctx.emit(s, f"Added supplier {s.id}: {s.name}.")
    return 0


def cmd_supplier_list(ctx) -> int:
    suppliers = ctx.services.purchasing.list_suppliers(ctx.need_actor())
    ctx.emit(suppliers, lambda: common.table(["No.", "Name", "Email", "Phone"],
                                             [(s.id, s.name, s.email, s.phone) for s in suppliers], right=[0])
             if suppliers else "No suppliers yet: oms supplier add NAME.")
    return 0


def cmd_supplier_assign(ctx) -> int:
    actor = ctx.need_actor()
    for sku in ctx.args.skus:
        ctx.services.purchasing.set_preferred_supplier(actor, sku, ctx.args.supplier)
    skus = [s.strip().upper() for s in ctx.args.skus]
    ctx.emit({"supplier": ctx.args.supplier, "skus": skus}, f"{ctx.args.supplier} now supplies {', '.join(skus)}.")
    return 0


def format_po(po) -> str:
    out = [f"Purchase order {po.number}    status: {po.status.replace('_', ' ')}",
           f"Supplier: {po.supplier_name}    created {common.when(po.created_at)}"
           + (f", sent {common.when(po.sent_at)}" if po.sent_at else ""), ""]
    out.append(common.table(["#", "SKU", "Name", "Ordered", "Received", "Outstanding", "Unit cost"],
                         [(ln.line_no, ln.sku, ln.name, ln.quantity, ln.received, ln.outstanding,
                           common.money(ln.unit_cost, po.currency)) for ln in po.lines], right=[0, 3, 4, 5, 6]))
    out += ["", f"Total: {common.money(po.total, po.currency)}"]
    if po.notes:
        out.append(f"Notes: {po.notes}")
    return "\n".join(out)


def _lines(texts) -> list[tuple]:
    out = []
    for t in texts or ():
        sku, qty = common.parse_line(t)
        qty, _, cost = qty.partition("@")
        out.append((sku, qty.strip(), cost.strip() or None))
    return out


def cmd_purchase_create(ctx) -> int:
    po = ctx.services.purchasing.create_purchase_order(ctx.need_actor(), ctx.args.supplier, _lines(ctx.args.line),
                                                       notes=ctx.args.notes)
    ctx.emit(po, lambda: f"Created draft {po.number} for {po.supplier_name}: {len(po.lines)} line(s), total "
                         f"{common.money(po.total, po.currency)}. Send it with: oms purchase send {po.number}")
    return 0


def cmd_purchase_draft(ctx) -> int:
    po = ctx.services.purchasing.open_draft(ctx.need_actor(), ctx.args.supplier)
    ctx.emit(po, lambda: format_po(po) + f"\nAdd lines with: oms purchase line {po.number} SKU=QTY[@COST]")
    return 0


def cmd_purchase_line(ctx) -> int:
    [(sku, qty, cost)] = _lines([ctx.args.line])
    po = ctx.services.purchasing.set_purchase_order_line(ctx.need_actor(), ctx.args.po, sku, qty, cost)
    ctx.emit(po, lambda: format_po(po))
    return 0


def cmd_purchase_remove_line(ctx) -> int:
    po = ctx.services.purchasing.remove_purchase_order_line(ctx.need_actor(), ctx.args.po, ctx.args.sku)
    ctx.emit(po, lambda: format_po(po))
    return 0


def cmd_purchase_suggest(ctx) -> int:
    actor = ctx.need_actor()
    quantities = ctx.services.forecasts.lead_time_needs(actor) if ctx.args.by == "forecast" else None
    result = ctx.services.purchasing.suggest_purchase(actor, quantities=quantities)

    def human() -> str:
        if not result.orders:
            text = ("Nothing to order: every product is above its reorder point or already on order."
                    if quantities is None else
                    "Nothing to order: what is available and on order covers the forecast over every lead time.")
        else:
            text = "\n\n".join(format_po(po) for po in result.orders)
        if result.without_supplier:
            text += ("\n\nNo preferred supplier (not ordered): " + ", ".join(result.without_supplier)
                     + "\nAssign one with: oms supplier assign SUPPLIER SKU ...")
        return text

    ctx.emit(result, human)
    return 0


def cmd_purchase_list(ctx) -> int:
    orders = ctx.services.purchasing.list_purchase_orders(ctx.need_actor(), status=ctx.args.status)
    ctx.emit(orders, lambda: common.table(["PO", "Supplier", "Status", "Lines", "Total", "Created"],
                                       [(o.number, o.supplier_name, o.status, o.line_count,
                                         common.money(o.total, o.currency), common.when(o.created_at)) for o in orders],
                                       right=[3, 4]) if orders else "No purchase orders found.")
    return 0


def cmd_purchase_show(ctx) -> int:
    po = ctx.services.purchasing.get_purchase_order(ctx.need_actor(), ctx.args.po)
    ctx.emit(po, lambda: format_po(po))
    return 0


def cmd_purchase_send(ctx) -> int:
    po = ctx.services.purchasing.send_purchase_order(ctx.need_actor(), ctx.args.po)
    ctx.emit(po, f"{po.number} is sent to {po.supplier_name}.")
    return 0


def cmd_purchase_cancel(ctx) -> int:
    po = ctx.services.purchasing.cancel_purchase_order(ctx.need_actor(), ctx.args.po, ctx.args.reason)
    ctx.emit(po, f"{po.number} is cancelled.")
    return 0


def cmd_purchase_receive(ctx) -> int:
    quantities = None
    if ctx.args.line:
        quantities = {}
        for sku, qty, cost in _lines(ctx.args.line):
            if cost:
                raise ValidationFailed(f"'{sku}={qty}@{cost}': a receipt takes SKU=QTY (no cost)")
            if sku.upper() in quantities:
                raise ValidationFailed(f"{sku} is given twice; give the whole quantity once")
            quantities[sku.upper()] = qty
    po = ctx.services.purchasing.receive(ctx.need_actor(), ctx.args.po, quantities)
    ctx.emit(po, lambda: f"Received on {po.number}; it is now {po.status.replace('_', ' ')}.\n\n" + format_po(po))
    return 0


def cmd_purchase_pdf(ctx) -> int:
    pdf = ctx.services.purchasing.render_purchase_order(ctx.need_actor(), ctx.args.po)
    out = Path(ctx.args.out).expanduser()
    try:
        out.write_bytes(pdf)
    except OSError as e:
        raise ValidationFailed(f"Cannot write {out}: {e.strerror or e}.") from None
    ctx.emit({"po": ctx.args.po, "file": str(out), "bytes": len(pdf)}, f"Wrote {out} ({len(pdf):,} bytes).")
    return 0


def _json(dto, *properties: str):
    """A DTO as JSON-ready data with its dates as ISO strings and the named properties (open, variance) added."""
    from ..services.dto import to_jsonable

    def plain(value):
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.isoformat() if isinstance(value, date) else value

    data = plain(to_jsonable(dto))
    for name in properties:
        data[name] = str(getattr(dto, name))
    return data


def format_supplier_invoice(inv) -> str:
    m = lambda v: common.money(v, inv.currency)  # noqa: E731
    out = [f"Supplier invoice {inv.number} of {inv.supplier_name}, dated {inv.invoice_date}    ours: {inv.reference}",
           f"For {inv.po_number}; recorded {common.when(inv.recorded_at)}" + (f" by {inv.recorded_by}"
                                                                            if inv.recorded_by else ""), ""]
    out.append(common.table(["#", "SKU", "Name", "Qty", "Price", "PO cost", "Net", "Variance"],
                         [(ln.line_no, ln.sku, ln.name, ln.quantity, m(ln.unit_price), m(ln.unit_cost), m(ln.net),
                           m(ln.variance)) for ln in inv.lines], right=[0, 3, 4, 5, 6, 7]))
    out += ["", f"Net: {m(inv.net)}  (at purchase order cost {m(inv.cost)}, price variance {m(inv.variance)})",
            f"Tax: {m(inv.tax)}", f"Total: {m(inv.total)}    paid {m(inv.paid)}, open {m(inv.open)}"]
    if inv.notes:
        out.append(f"Notes: {inv.notes}")
    return "\n".join(out)


def cmd_purchase_invoice(ctx) -> int:
    a = ctx.args
    lines = None
    if a.lines or a.more_lines:
        lines = []
        for text in [*a.lines, *a.more_lines]:
            sku, _, rest = text.partition("=")
            if not sku.strip() or not _:
                raise ValidationFailed(f"line '{text}' must be SKU=QTY@PRICE, SKU=QTY or SKU=@PRICE, "
                                       "e.g. LAMP-01=5@8.90")
            qty, _, price = rest.partition("@")
            lines.append((sku.strip(), qty.strip() or None, price.strip() or None))
    inv = ctx.services.payables.record_supplier_invoice(ctx.need_actor(), a.po, a.number, invoice_date=a.date,
                                                        lines=lines, tax=a.tax, notes=a.notes)
    ctx.emit(_json(inv, "open", "variance"),
             lambda: f"Recorded {inv.supplier_name}'s invoice {inv.number} as {inv.reference}; "
                     f"{common.money(inv.total, inv.currency)} owed. Pay it with: oms purchase pay {inv.reference}\n\n"
                     + format_supplier_invoice(inv))
    return 0


def cmd_purchase_pay(ctx) -> int:
    a = ctx.args
    pay = ctx.services.payables.pay_supplier_invoice(ctx.need_actor(), a.invoice, a.amount, a.method,
                                                     reference=a.reference, paid_on=a.date)
    ctx.emit(_json(pay), lambda: f"Paid {common.money(pay.amount, pay.currency)} ({pay.method}) to "
                          f"{pay.supplier_name} on "
                          f"invoice {pay.supplier_invoice_number} ({pay.invoice_reference}); "
                          + (f"{common.money(pay.open_after, pay.currency)} still open." if pay.open_after
                             else "paid in full."))
    return 0


def cmd_purchase_invoices(ctx) -> int:
    a, actor = ctx.args, ctx.need_actor()
    if a.invoice:
        inv = ctx.services.payables.get_supplier_invoice(actor, a.invoice)
        ctx.emit(_json(inv, "open", "variance"), lambda: format_supplier_invoice(inv))
        return 0
    rows = ctx.services.payables.list_supplier_invoices(actor, po_ref=a.po, open_only=a.open)
    ctx.emit([_json(r, "open") for r in rows], lambda: common.table(
        ["Ours", "Supplier", "Number", "Date", "PO", "Total", "Paid", "Open"],
        [(r.reference, r.supplier_name, r.number, r.invoice_date, r.po_number, common.money(r.total, r.currency),
          common.money(r.paid, r.currency), common.money(r.open, r.currency)) for r in rows], right=[5, 6, 7])
        if rows else "No supplier invoices found.")
    return 0
