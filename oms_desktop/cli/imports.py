"""``oms order import``: orders from a web shop's export or a typed-up catalog order file (docs/imports.md)."""
from __future__ import annotations

from ..services.order_import import OrderImportReport
from .common import Context, money, read_file


def cmd_order_import(ctx: Context) -> int:
    """Exit 0: every order of the file imported (or already there, or left out as the mode says); 2: the file cannot
    be read (nothing imported); 3: some orders refused (named, by row), the others imported."""
    actor = ctx.need_actor()
    a = ctx.args
    data = read_file(a.file)
    report = ctx.services.order_import.import_orders(actor, data, fmt=a.format, channel=a.channel,
                                                     dry_run=a.dry_run, history=a.history)
    ctx.emit(report, lambda: human(report))
    if report.file_problems:
        return 2
    return 3 if report.problems else 0


def human(r: OrderImportReport) -> str:
    if r.file_problems:
        return "Nothing was imported: " + "; ".join(r.file_problems)
    verb = "would import" if r.dry_run else "imported"
    kind = "as sales history " if r.history else ""
    out = [f"{r.format} file, {r.rows} row(s), {r.orders_in_file} order(s): {verb} {len(r.imported)} {kind}"
           f"(total {money(r.total, r.currency)}; customers matched {r.customers_matched}, new "
           f"{r.customers_created})" + (" [dry run: nothing was written]" if r.dry_run else "") + "."]
    for o in r.imported:
        out.append(f"  {o.ref} -> {o.number or '(dry run)'} {o.status}, {o.customer or 'no customer'}"
                   f"{' (new)' if o.customer_created else ''}, {money(o.total, r.currency)}"
                   f"{', paid online' if o.paid else ''}"
                   + (f", tracking number {o.tracking_number}" if o.tracking_number else ""))
    if r.already_imported:
        out.append(f"Already imported, left as they are: {len(r.already_imported)} ("
                   + ", ".join(f"{ref} = {num}" for ref, num in r.already_imported[:10])
                   + (" ..." if len(r.already_imported) > 10 else "") + ")")
    if r.left_out:
        out.append(f"Left out: {len(r.left_out)}")
        out.extend(f"  {p}" for p in r.left_out[:20])
    if r.problems:
        out.append(f"Not imported: {len(r.problems)} order(s)")
        out.extend(f"  {p}" for p in r.problems[:100])
        if len(r.problems) > 100:
            out.append(f"  ... and {len(r.problems) - 100} more")
    return "\n".join(out)
