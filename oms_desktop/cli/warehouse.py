"""``oms`` commands of the warehouse area: pick lists, ship, deliver, and ``oms order status``."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.errors import ValidationFailed
from .common import whole_number


def _subcommands_of(sub, name: str):
    """The sub-command group of an existing top-level command (``order``), to add a leaf to it."""
    parser = sub.choices[name]
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def register(sub, leaf) -> None:
    pick = sub.add_parser("picklist", help="warehouse pick lists").add_subparsers(dest="action", metavar="ACTION",
                                                                                 required=True)
    c = leaf(pick, "create", "create a pick list for orders (or the next N in the queue) and write its PDF")
    which = c.add_mutually_exclusive_group(required=True)
    which.add_argument("--orders", nargs="+", metavar="ID", help="order numbers or tracking numbers")
    which.add_argument("--next", type=whole_number, metavar="N", dest="next_n", help="the next N orders of the queue")
    c.add_argument("--pdf", metavar="OUT.pdf", help="write the printable pick list here")
    c.set_defaults(func=cmd_picklist_create)
    c = leaf(pick, "confirm", "record what was picked (SKUs not named were picked in full)")
    c.add_argument("picklist", metavar="PICKLIST")
    c.add_argument("--line", action="append", default=[], metavar="SKU=QTY", help="units found; repeat")
    c.add_argument("--reason", default="", help="why anything is short (needed for a short pick)")
    c.set_defaults(func=cmd_picklist_confirm)
    c = leaf(pick, "show", "show a pick list")
    c.add_argument("picklist", metavar="PICKLIST")
    c.set_defaults(func=cmd_picklist_show)

    c = leaf(sub, "ship", "pack (if not yet packed) and ship an order whose picks are confirmed")
    c.add_argument("order", metavar="ORDER")
    c.add_argument("--carrier", required=True, metavar="NAME")
    c.add_argument("--carrier-ref", required=True, metavar="REF", help="the carrier's tracking reference")
    c.add_argument("--service", default="", metavar="S")
    c.add_argument("--weight", default=None, metavar="KG")
    c.add_argument("--packages", default="1", metavar="N")
    c.add_argument("--packing-slip", metavar="OUT.pdf", help="write the packing slip here")
    c.set_defaults(func=cmd_ship)
    c = leaf(sub, "deliver", "record that the carrier delivered an order")
    c.add_argument("order", metavar="ORDER")
    c.set_defaults(func=cmd_deliver)

    c = leaf(_subcommands_of(sub, "order"), "status", "an order's status timeline by tracking or order number")
    c.add_argument("tracking", metavar="TRACKING")
    c.set_defaults(func=cmd_order_status)


def _write(path: str, data: bytes) -> None:
    try:
        Path(path).expanduser().write_bytes(data)
    except OSError as e:
        raise ValidationFailed(f"Cannot write {path}: {e.strerror or e}.") from None


def _pick_list_text(pl) -> str:
    from .common import table
    rows = [(ln.location, ln.sku, ln.name, ln.quantity, "" if ln.picked is None else ln.picked,
             ", ".join(f"T{tote} {num}: {q}" for num, tote, q in ln.per_order)) for ln in pl.lines]
    picked = [ln.picked for ln in pl.lines if ln.picked is not None]
    found = f", {sum(picked)} picked" if picked else ""  # once confirmed: what was found, beside what was asked
    out = [f"Pick list {pl.number} ({pl.status}): {len(pl.orders)} order(s), {len(pl.lines)} line(s), "
           f"{pl.units} unit(s) asked{found}",
           table(["Location", "SKU", "Name", "Qty", "Picked", "Per order"], rows, right=[3, 4])]
    return "\n".join(out)


def cmd_picklist_create(ctx) -> int:
    a, actor = ctx.args, ctx.need_actor()
    picking = ctx.services.picking
    pl = picking.create_pick_list(actor, a.orders) if a.orders else picking.create_pick_list(actor, next_n=a.next_n)
    if a.pdf:
        _write(a.pdf, picking.pick_list_pdf(actor, pl.id))
    ctx.emit(pl, lambda: _pick_list_text(pl) + (f"\nPDF written to {a.pdf}" if a.pdf else ""))
    return 0


def cmd_picklist_confirm(ctx) -> int:
    from .common import parse_line
    a, actor = ctx.args, ctx.need_actor()
    picked = dict(parse_line(t) for t in a.line)
    pl = ctx.services.picking.confirm_picks(actor, a.picklist, picked, default_reason=a.reason)
    ctx.emit(pl, lambda: _pick_list_text(pl))
    return 0


def cmd_picklist_show(ctx) -> int:
    pl = ctx.services.picking.get_pick_list(ctx.need_actor(), ctx.args.picklist)
    ctx.emit(pl, lambda: _pick_list_text(pl))
    return 0


def cmd_ship(ctx) -> int:
    a, actor = ctx.args, ctx.need_actor()
    shipping, tracking = ctx.services.shipping, ctx.services.tracking
    # packs first when the order is picked and not packed yet, in the same transaction (the window's Ship too)
    shipment = shipping.pack_and_ship(actor, a.order, carrier=a.carrier, carrier_ref=a.carrier_ref, service=a.service,
                                      weight_kg=a.weight, packages=a.packages)
    if a.packing_slip:
        _write(a.packing_slip, shipping.packing_slip_pdf(actor, a.order))
    after = tracking.tracking(actor, a.order)
    owed = ", ".join(f"{b.quantity} x {b.sku}" for b in after.backorders if b.status == "open")
    ctx.emit(shipment, f"Shipped {shipment.order_number} with {shipment.carrier} {shipment.carrier_ref}: "
                       + ", ".join(f"{q} x {sku}" for sku, _n, q in shipment.lines)
                       + (f". Backorder (still reserved): {owed}." if owed else "."))
    return 0


def cmd_deliver(ctx) -> int:
    order = ctx.services.shipping.deliver_order(ctx.need_actor(), ctx.args.order)
    ctx.emit(order, f"{order.number} is {order.status}.")
    return 0


def cmd_order_status(ctx) -> int:
    from .common import table, when
    info = ctx.services.tracking.tracking(ctx.need_actor(), ctx.args.tracking)
    o = info.order

    def human() -> str:
        out = [f"Order {o.number}  tracking {o.tracking_number or '-'}  status: {o.status}"
               + (f"  (backorder: {info.backorder_units} unit(s))" if info.backorder_units else ""),
               table(["When", "Step", "Who", "Detail"],
                     [(when(t.at), t.step, t.who, t.detail) for t in info.timeline])]
        return "\n".join(out)

    ctx.emit(info, human)
    return 0
