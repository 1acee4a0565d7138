"""``oms`` commands for the order e-mails (``mail send-pending|outbox|retry|templates``) and the settings
(``settings list|get|set``: the company's and those the e-mails, the status page and the receipt printer need)."""
from __future__ import annotations

from ..domain.errors import BusinessRuleViolation
from .common import Context, positive_int, table, when


def register(sub, leaf) -> None:
    mail = sub.add_parser("mail", help="order e-mails: the outbox and its sender").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    c = leaf(mail, "send-pending", "send the e-mails that are due (no --user needed: what waits was allowed "
                                   "when it was written)")
    c.add_argument("--limit", type=positive_int, default=50, help="at most this many (default 50)")
    c.set_defaults(func=cmd_send_pending)
    c = leaf(mail, "outbox", "what waits to go out and why (pending, being sent, failed)")
    c.add_argument("--failed", action="store_true", help="only the failed ones")
    c.add_argument("--limit", type=positive_int, default=200)
    c.set_defaults(func=cmd_outbox)
    c = leaf(mail, "retry", "send a failed e-mail again (same Message-ID)")
    c.add_argument("id", type=positive_int, metavar="ID", help="the outbox id (oms mail outbox --failed)")
    c.set_defaults(func=cmd_retry)
    c = leaf(mail, "templates", "where the editable templates live; --write copies the packaged ones there")
    c.add_argument("--write", action="store_true", help="write the packaged templates not there yet")
    c.set_defaults(func=cmd_templates, opens="none")

    settings = sub.add_parser("settings", help="company, mail, status page and printer settings").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    c = leaf(settings, "list", "every setting with its value and meaning")
    c.set_defaults(func=cmd_settings_list)
    c = leaf(settings, "get", "one setting's value")
    c.add_argument("key", metavar="KEY")
    c.set_defaults(func=cmd_settings_get)
    c = leaf(settings, "set", "change one setting: the company's (manager, admin: company_name, company_address, "
                              "vat_id, tax_number, bank_account, currency, locale, invoice_series, "
                              "payment_terms_days, tax_rounding, discount_limit, incentive_limit_agent, "
                              "incentive_limit_manager, cart_idle_minutes, ...; oms settings list shows all) or "
                              "(admin) smtp.host, smtp.port, smtp.security, smtp.user, smtp.from, status_page.url, "
                              "carrier.<name>.tracking_url, printer.receipt")
    c.add_argument("key", metavar="KEY")
    c.add_argument("value", metavar="VALUE")
    c.set_defaults(func=cmd_settings_set)


def cmd_send_pending(ctx: Context) -> int:
    report = ctx.services.mail.send_pending(ctx.actor, limit=ctx.args.limit)
    if report.skipped.startswith("SMTP is not configured"):
        raise BusinessRuleViolation(report.skipped)

    def human() -> str:
        if report.skipped:
            return f"Nothing sent: {report.skipped}."
        text = f"Sent {report.sent}; {report.retry_later} to try again later; {report.failed} failed."
        return "\n".join([text, *report.errors])
    ctx.emit(report, human)
    return 0


def cmd_outbox(ctx: Context) -> int:
    rows = ctx.services.mail.outbox(ctx.need_actor(), failed_only=ctx.args.failed, limit=ctx.args.limit)
    ctx.emit(rows, lambda: table(["Id", "Order", "Kind", "To", "Status", "Tries", "Next try", "Last error"],
                                 [(r.id, r.order_number, r.kind, r.recipient, r.status, r.attempts,
                                   when(r.next_attempt_at) if r.status == "pending" else "", r.last_error)
                                  for r in rows], right=[0, 5])
             if rows else ("No failed e-mails." if ctx.args.failed else "Nothing waits: every e-mail has gone out."))
    return 0


def cmd_retry(ctx: Context) -> int:
    row = ctx.services.mail.retry(ctx.need_actor(), ctx.args.id)
    ctx.emit(row, f"E-mail {row.id} ({row.order_number}, {row.kind}) goes out with the next send.")
    return 0


def cmd_templates(args) -> int:
    import json

    from ..adapters.mail.templates import DEFAULTS
    from ..config import Paths
    folder = Paths.default().config / "mail_templates"
    written = []
    if args.write:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in sorted(DEFAULTS.items()):
            path = folder / name
            if not path.exists():
                path.write_text(text, encoding="utf-8")
                written.append(name)
    present = sorted(p.name for p in folder.glob("*.*")) if folder.is_dir() else []
    if args.json:
        print(json.dumps({"folder": str(folder), "written": written, "present": present}, indent=2))
    else:
        print(f"Templates folder: {folder}")
        print(f"Written: {', '.join(written)}" if written else
              f"In use from there: {', '.join(present) or 'none (the packaged ones apply)'}")
    return 0


def cmd_settings_list(ctx: Context) -> int:
    rows = ctx.services.settings.list(ctx.need_actor())
    ctx.emit(rows, lambda: table(["Key", "Value", "Meaning"], [(r.key, r.value, r.description) for r in rows]))
    return 0


def cmd_settings_get(ctx: Context) -> int:
    row = ctx.services.settings.get(ctx.need_actor(), ctx.args.key)
    ctx.emit(row, row.value)
    return 0


def cmd_settings_set(ctx: Context) -> int:
    row = ctx.services.settings.set(ctx.need_actor(), ctx.args.key, ctx.args.value)
    ctx.emit(row, f"{row.key} = {row.value}")
    return 0
