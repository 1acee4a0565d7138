"""What changed on an open cart between what the screen showed and what it shows now, in the screen's words: lines
to mark, lines gone, an offer to read to the caller, and the cart's allowances and charges under the lines."""
from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import QCoreApplication

from ...services.dto import IncentiveDTO, OrderDTO
from .. import format as fmt


def line_marks(shown: OrderDTO | None, now: OrderDTO) -> dict[int, str]:
    """Line number -> what happened to it since ``shown``: "new", or "2 -> 3" for a quantity, "price" for a price
    or discount."""
    if shown is None or shown.id != now.id:
        return {}
    before = {ln.line_no: ln for ln in shown.lines}
    marks: dict[int, str] = {}
    for ln in now.lines:
        old = before.get(ln.line_no)
        if old is None or old.sku != ln.sku:
            marks[ln.line_no] = QCoreApplication.translate("CartChanges", "new")
        elif old.quantity != ln.quantity:
            marks[ln.line_no] = f"{old.quantity} -> {ln.quantity}"
        elif (old.unit_price, old.discount) != (ln.unit_price, ln.discount):
            marks[ln.line_no] = QCoreApplication.translate("CartChanges", "price")
    return marks


def removed_lines(shown: OrderDTO | None, now: OrderDTO) -> list[str]:
    """'2 x BOOK-01' for every line of ``shown`` that ``now`` no longer has."""
    if shown is None or shown.id != now.id:
        return []
    kept = {(ln.line_no, ln.sku) for ln in now.lines}
    return [f"{ln.quantity} x {ln.sku}" for ln in shown.lines if (ln.line_no, ln.sku) not in kept]


def new_offers(shown: OrderDTO | None, now: OrderDTO) -> list[IncentiveDTO]:
    """Offers standing on ``now`` that the screen did not show yet (none on a cart just opened)."""
    if shown is None or shown.id != now.id:
        return []
    seen = {i.id for i in shown.incentives}
    return [i for i in now.incentives if i.id not in seen]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text and not text[:2].isupper() else text


def offer_banner_text(offer: IncentiveDTO, before: Decimal | None, after: Decimal, currency: str,
                      locale: str) -> str:
    """Offer from manager: 10 % off your order. Read to the caller: 'We can offer you 10 % off your order: your
    total is now €107.04 instead of €118.93.' (``before`` None: the cart changed since, only the total now.)"""
    now = fmt.money(after, currency, locale)
    total = (QCoreApplication.translate("CartChanges", "your total is now {now} instead of {before}").format(
        now=now, before=fmt.money(before, currency, locale)) if before is not None and after != before else
        QCoreApplication.translate("CartChanges", "your total is {now}").format(now=now))
    why = f" ({offer.note})" if offer.note else ""
    who = offer.offered_by or QCoreApplication.translate("CartChanges", "a manager")
    return QCoreApplication.translate(
        "CartChanges", "Offer from {who}{why}: {offer}. Read to the caller: 'We can offer you {offer_lower}: "
        "{total}.'").format(who=who, why=why, offer=offer.label, offer_lower=_lower_first(offer.label), total=total)


def adjustment_amount(adj) -> Decimal:
    """An allowance or charge as the lines' totals count it (with its tax), so goods + these = the total."""
    return adj.net + adj.tax


def merged_adjustments(order: OrderDTO) -> list[tuple[str, Decimal]]:
    """(label, amount) per allowance or charge; one split over tax rates (10 % off lines at 19 % and 7 %) is one."""
    merged: dict[tuple[str, str], Decimal] = {}
    for a in order.adjustments:
        key = (a.kind, a.label)
        merged[key] = merged.get(key, Decimal(0)) + adjustment_amount(a)
    return [(label, amount) for (_kind, label), amount in merged.items()]


def adjustments_html(order: OrderDTO | None, locale: str) -> str:
    """One row per promotion, coupon, offer and shipping charge: label and amount (an allowance negative)."""
    if order is None or not order.adjustments:
        return ""
    rows = "".join(
        f"<tr><td>{escape(label)}</td><td align='right'>&nbsp;&nbsp;"
        f"{escape(fmt.money(amount, order.currency, locale))}</td></tr>"
        for label, amount in merged_adjustments(order))
    return f"<table cellspacing='0' cellpadding='0'>{rows}</table>"
