"""``oms audit list``: the audit trail (manager, admin), newest first, filtered by user, entity, action and days."""
from __future__ import annotations

import argparse
from datetime import date

from ..services.audit import AuditQuery
from .common import Context, positive_int, table, when


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a day as YYYY-MM-DD") from None


def register(sub, leaf) -> None:
    audit = sub.add_parser("audit", help="the audit trail: who did what and when").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    c = leaf(audit, "list", "audit rows, newest first (manager, admin)")
    c.add_argument("--user", dest="by_user", metavar="U", default="", help="only what this user did")
    c.add_argument("--entity", metavar="E", default="", help="only rows about this kind of thing: user, settings, "
                                                            "order, customer, product, ...")
    c.add_argument("--action", dest="what", metavar="A", default="",
                   help="only actions starting so (user. finds user.add, user.deactivate, ...)")
    c.add_argument("--from", dest="start", type=day, metavar="D", help="from this day (YYYY-MM-DD, included)")
    c.add_argument("--to", dest="end", type=day, metavar="D", help="to this day (YYYY-MM-DD, included)")
    c.add_argument("--page", type=positive_int, default=1)
    c.add_argument("--page-size", type=positive_int, default=100, help="rows a page (default 100, at most 1000)")
    c.set_defaults(func=cmd_audit_list)


def cmd_audit_list(ctx: Context) -> int:
    a = ctx.args
    page = ctx.services.audit.list(ctx.need_actor(), AuditQuery(a.by_user, a.entity, a.what, a.start, a.end),
                                   page=a.page, page_size=a.page_size)

    def human() -> str:
        if not page.rows:
            return "No audit rows match." if page.page == 1 else f"No audit rows on page {page.page}."
        text = table(["Id", "When", "User", "Action", "Entity", "Entity id", "Old", "New"],
                     [(r.id, when(r.at), r.username, r.action, r.entity, r.entity_id, r.old_values[:60],
                       r.new_values[:60]) for r in page.rows], right=[0])
        return text + (f"\nMore on page {page.page + 1} (--page {page.page + 1})." if page.has_more else "")
    ctx.emit(page, human)
    return 0
