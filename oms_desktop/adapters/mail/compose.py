"""Filling a kind's text and HTML templates: the user's folder (``<config>/mail_templates/<kind>.txt|.html``)
over the packaged ones (``templates.py``); money through Babel like the rest of the app; HTML values escaped."""
from __future__ import annotations

import html
from pathlib import Path

from ...domain.mail import fill, split_subject
from ...formatting import money
from ...services.mail_docs import ComposedMail, MailDoc, MailLine
from .templates import DEFAULTS


class TemplateComposer:
    """``folder`` holds the user's templates (read at every message, so an edit applies to the next mail)."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder

    def template(self, kind: str, ext: str) -> tuple[str, str]:
        """The template's text and where it came from."""
        name = f"{kind}.{ext}"
        if self.folder is not None:
            path = self.folder / name
            if path.is_file():
                return path.read_text(encoding="utf-8"), str(path)
        return DEFAULTS[name], f"(packaged) {name}"

    def compose(self, doc: MailDoc) -> ComposedMail:
        text_t, text_name = self.template(doc.kind, "txt")
        html_t, html_name = self.template(doc.kind, "html")
        values, markup = _values(doc)
        subject_t, body_t = split_subject(text_t, text_name)
        subject = " ".join(fill(subject_t, values, html_mode=False, name=text_name).split())  # no CR/LF in a header
        text = fill(body_t, values, html_mode=False, name=text_name)
        body = fill(html_t, {**values, **markup}, html_mode=True, markup=frozenset(markup), name=html_name)
        return ComposedMail(subject, text, body)


def _lines_text(lines: tuple[MailLine, ...], fmt, with_amount: bool) -> str:
    if not lines:
        return ""
    width = max(len(f"{ln.quantity} x {ln.name}") for ln in lines)
    return "\n".join(f"  {ln.quantity} x {ln.name}".ljust(width + 4) + (fmt(ln.amount) if with_amount else "")
                     for ln in lines).rstrip()


def _lines_html(lines: tuple[MailLine, ...], fmt, with_amount: bool) -> str:
    e = html.escape
    return "\n".join(f"<tr><td>{ln.quantity} &times;</td><td>{e(ln.name)} <small>({e(ln.sku)})</small></td>"
                     + (f"<td style=\"text-align:right\">{e(fmt(ln.amount))}</td>" if with_amount else "") + "</tr>"
                     for ln in lines)


def _link_html(sentence: str, url: str) -> str:
    if not url:
        return ""
    e = html.escape
    return f'<p>{e(sentence)} <a href="{e(url, quote=True)}">{e(url)}</a></p>'


def _values(doc: MailDoc) -> tuple[dict[str, str], dict[str, str]]:
    """Plain values (escaped in HTML) and HTML fragments built from escaped values."""
    def fmt(amount):
        return money(amount, doc.currency, doc.locale)
    status_sentence = "Follow your order:"
    carrier_sentence = f"Follow the parcel with {doc.carrier}:" if doc.carrier else "Follow the parcel:"
    values = {
        "company_name": doc.company_name, "company_address": "\n".join(doc.company_address),
        "customer_name": doc.customer_name or "customer", "order_number": doc.order_number,
        "tracking_number": doc.tracking_number, "total": fmt(doc.total), "currency": doc.currency,
        "lines": _lines_text(doc.lines, fmt, True), "backorder_lines": _lines_text(doc.backorder, fmt, False),
        "status_url": doc.status_url,
        "status_block": f"{status_sentence} {doc.status_url}\n" if doc.status_url else "",
        "carrier": doc.carrier, "service": doc.service, "carrier_ref": doc.carrier_ref,
        "carrier_url": doc.carrier_url,
        "carrier_block": f"{carrier_sentence} {doc.carrier_url}\n" if doc.carrier_url else "",
        "refund_amount": fmt(doc.refund_amount), "refund_method": doc.refund_method,
        "invoice_number": doc.invoice_number,
    }
    markup = {
        "company_address_html": "<br>".join(html.escape(x) for x in doc.company_address),
        "lines_html": _lines_html(doc.lines, fmt, True),
        "backorder_lines_html": _lines_html(doc.backorder, fmt, False),
        "status_block_html": _link_html(status_sentence, doc.status_url),
        "carrier_block_html": _link_html(carrier_sentence, doc.carrier_url),
    }
    return values, markup
