"""The status page's HTML and JSON: plain server-rendered pages, one inline stylesheet (allowed by its hash in the
Content-Security-Policy), no script, every value escaped."""
from __future__ import annotations

import base64
import hashlib
from datetime import datetime, timezone
from html import escape

from ...services.status_page import PublicItemDTO, PublicStatusDTO, PublicStepDTO

STYLE = """
:root{color-scheme:light;--ink:#1d2430;--muted:#5b6575;--line:#d9dee6;--accent:#1f5fbf;--ok:#1e7a46}
*{box-sizing:border-box}
body{margin:0;background:#f4f6f9;color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"DejaVu Sans",sans-serif}
header{background:var(--ink);color:#fff;padding:.9rem 0}
header p{max-width:36rem;margin:0 auto;padding:0 1rem;font-weight:600;letter-spacing:.01em}
main{max-width:36rem;margin:0 auto;padding:1rem}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:1rem 1.1rem;margin:0 0 1rem}
h1{font-size:1.35rem;margin:0 0 .25rem;line-height:1.3}
h2{font-size:1rem;margin:0 0 .5rem}
.number{color:var(--muted);margin:0;font-variant-numeric:tabular-nums;letter-spacing:.04em}
ol.timeline{list-style:none;margin:0;padding:0}
ol.timeline>li{position:relative;padding:0 0 .9rem 1.5rem;border-left:2px solid var(--line);margin-left:.4rem}
ol.timeline>li:last-child{border-left-color:transparent;padding-bottom:0}
ol.timeline>li::before{content:"";position:absolute;left:-.42rem;top:.35rem;width:.75rem;height:.75rem;
border-radius:50%;background:var(--line)}
ol.timeline>li.latest::before{background:var(--accent);box-shadow:0 0 0 4px #d6e3f7}
ol.timeline>li.latest.done::before{background:var(--ok);box-shadow:0 0 0 4px #d3eadc}
.step{font-weight:600;display:block}
time,.detail{color:var(--muted);font-size:.9rem;display:block}
.detail a{color:var(--accent)}
ul.items{margin:0;padding-left:1.1rem}
ul.items li{margin:.1rem 0}
.qty{font-variant-numeric:tabular-nums;color:var(--muted)}
form{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 0}
label{width:100%;font-weight:600}
input{flex:1 1 12rem;font:inherit;padding:.55rem .7rem;border:1px solid #aab3c0;border-radius:8px;
text-transform:uppercase;letter-spacing:.05em}
button{font:inherit;padding:.55rem 1.1rem;border:0;border-radius:8px;background:var(--accent);color:#fff;
font-weight:600}
.hint{color:var(--muted);font-size:.9rem;margin:.5rem 0 0}
footer{max-width:36rem;margin:0 auto;padding:0 1rem 2rem;color:var(--muted);font-size:.9rem}
footer a{color:var(--accent)}
""".strip()

STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
"""The Content-Security-Policy allows this one stylesheet and nothing else."""

STEP_TITLES = {
    "received": "Order received",
    "confirmed": "Order confirmed",
    "picking": "Being picked in our warehouse",
    "packed": "Packed",
    "shipped": "Shipped",
    "delivered": "Delivered",
    "backorder": "Part of your order will follow",
    "not_supplied": "Part of your order could not be supplied",
    "cancelled": "Order cancelled",
    "returned": "Return received",
    "refunded": "Refunded",
}
FOLLOW_UP_TITLES = {"packed": "The rest of your order is packed", "shipped": "The rest of your order has shipped",
                    "delivered": "The rest of your order was delivered"}
HEADLINES = {
    "confirmed": "We have your order and are preparing it",
    "picking": "Your order is being prepared",
    "packed": "Your order is packed and ready to ship",
    "shipped": "Your order is on its way",
    "delivered": "Your order was delivered",
    "cancelled": "Your order was cancelled",
    "returned": "Your return was received",
}
NOT_FOUND_TITLE = "Order not found"
TYPO_TITLE = "Please check the number"
NOT_FOUND_TEXT = ("We found no order with this tracking number. Please check it against your order confirmation "
                  "or receipt: it has 12 letters and digits, like ABCD-EFGH-JK12.")
TYPO_TEXT = ("This tracking number is probably a typo: its last character does not match the others. Please check "
             "it against your order confirmation or receipt.")


def step_title(step: PublicStepDTO) -> str:
    title = (FOLLOW_UP_TITLES.get(step.step) if step.follow_up else None) or STEP_TITLES.get(step.step, step.step)
    if step.step == "shipped" and step.carrier:
        title += f" with {step.carrier}"
    return title


def headline(status: PublicStatusDTO) -> str:
    text = HEADLINES.get(status.status, status.status)
    if status.part_to_follow and status.status in ("shipped", "delivered", "packed"):
        text += "; part of it will follow"
    if any(s.step == "refunded" for s in status.steps):
        text += " (refunded)"
    return text


def when(at: datetime) -> str:
    at = at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at.astimezone(timezone.utc)
    return f"{at.day} {at:%b %Y, %H:%M} UTC"


def _iso(at: datetime) -> str:
    at = at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at.astimezone(timezone.utc)
    return at.isoformat(timespec="seconds").replace("+00:00", "Z")


def _items(items: tuple[PublicItemDTO, ...]) -> str:
    if not items:
        return ""
    rows = "".join(f'<li><span class="qty">{i.quantity} &times;</span> {escape(i.name)}</li>' for i in items)
    return f'<ul class="items">{rows}</ul>'


def page(shop: str, title: str, body: str, root: str = "", *, back_link: bool = True) -> str:
    return ("<!doctype html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="robots" content="noindex">'
            f"<title>{escape(title)} · {escape(shop)}</title><style>{STYLE}</style></head>"
            f"<body><header><p>{escape(shop)}</p></header><main>{body}</main>"
            + (f'<footer><a href="{escape(root or "./")}">Look up another order</a></footer>' if back_link else "")
            + "</body></html>\n")


def lookup_form(root: str, heading: str = "Follow your order") -> str:
    return (f'<section class="card"><h1>{escape(heading)}</h1>'
            f'<form method="get" action="{escape(root)}track">'
            '<label for="number">Your tracking number</label>'
            '<input id="number" name="number" required maxlength="40" autocomplete="off" autocapitalize="characters" '
            'spellcheck="false" placeholder="XXXX-XXXX-XXXX">'
            '<button type="submit">Show status</button></form>'
            '<p class="hint">You find it in your order confirmation and on your receipt.</p></section>')


def index_page(shop: str) -> str:
    return page(shop, "Follow your order", lookup_form(""), back_link=False)


def miss_page(shop: str, title: str, text: str, root: str) -> str:
    return page(shop, title, f'<section class="card"><h1>{escape(title)}</h1><p id="message">{escape(text)}</p>'
                             "</section>" + lookup_form(root, "Try again"), root, back_link=False)


def message_page(shop: str, title: str, text: str, root: str = "") -> str:
    return page(shop, title, f'<section class="card"><h1>{escape(title)}</h1><p id="message">{escape(text)}</p>'
                             "</section>", root)


def status_page(status: PublicStatusDTO, root: str) -> str:
    steps = []
    last = len(status.steps) - 1
    finished = status.status in ("delivered", "cancelled", "returned")
    for i, s in enumerate(status.steps):
        detail = []
        if s.reference:
            detail.append(f"Parcel reference {escape(s.reference)}")
        if s.url:
            detail.append(f'<a href="{escape(s.url)}" rel="noopener noreferrer">Follow the parcel at '
                          f"{escape(s.carrier or 'the carrier')}</a>")
        cls = ' class="latest done"' if i == last and finished else ' class="latest"' if i == last else ""
        steps.append(f'<li{cls} data-step="{escape(s.step)}">'
                     f'<span class="step">{escape(step_title(s))}</span>'
                     f'<time datetime="{_iso(s.at)}">{when(s.at)}</time>'
                     + "".join(f'<span class="detail">{d}</span>' for d in detail) + _items(s.items) + "</li>")
    body = (f'<section class="card"><h1 id="headline">{escape(headline(status))}</h1>'
            f'<p class="number">Tracking number <span id="tracking">{escape(status.tracking_number)}</span></p>'
            "</section>"
            f'<section class="card"><h2>Timeline</h2><ol class="timeline" id="timeline">{"".join(steps)}</ol>'
            "</section>")
    if status.items:
        body += f'<section class="card"><h2>Your items</h2>{_items(status.items)}</section>'
    if status.to_follow:
        body += f'<section class="card"><h2>Still to come</h2>{_items(status.to_follow)}</section>'
    return page(status.shop_name, f"Order {status.tracking_number}", body, root)


def status_json(status: PublicStatusDTO, page_url: str | None) -> dict:
    def items(xs: tuple[PublicItemDTO, ...]) -> list[dict]:
        return [{"name": i.name, "quantity": i.quantity} for i in xs]
    return {
        "shop": status.shop_name, "tracking_number": status.tracking_number, "status": status.status,
        "status_text": headline(status), "part_to_follow": status.part_to_follow,
        "steps": [{"step": s.step, "at": _iso(s.at), "text": step_title(s), "follow_up": s.follow_up,
                   "carrier": s.carrier or None, "reference": s.reference or None, "url": s.url,
                   "items": items(s.items)} for s in status.steps],
        "items": items(status.items), "to_follow": items(status.to_follow),
        **({"url": page_url} if page_url else {}),
    }
