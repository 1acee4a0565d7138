"""The customers' status page: an order's public timeline by tracking number, with nothing personal in it.

Public means no actor: whoever holds the tracking number (55 random bits, see ``domain/tracking.py``) may read this,
so the DTO carries what the customer needs to follow a parcel and nothing else: no name, address, e-mail or phone,
no prices or payments, no staff names or internal notes, no order number (sequential, so it would tell how many
orders the shop takes). See ``docs/status_page.md``.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain import carriers, tracking
from ..domain.document_states import BackorderStatus, ShipmentStatus
from ..domain.errors import NotFound
from ..domain.events import RefundPaid
from ..domain.orders import Status
from .base import ServiceBase
from .order_lookup import InvalidTrackingNumber

MAX_INPUT = 64
"""Longer input is not a tracking number in any spelling; it is refused before any work is done."""


class NoSuchTracking(NotFound):
    """No order to show. One message for every miss (malformed or unknown): a miss reveals nothing."""

    def __init__(self):
        super().__init__("No order has this tracking number.")


class TrackingTypo(InvalidTrackingNumber):
    """Well formed but for the check character: probably a typo (computed without the database)."""

    def __init__(self):
        super().__init__("This tracking number has a typo: its last character does not match the others.")


@dataclass(frozen=True)
class PublicItemDTO:
    name: str
    quantity: int


@dataclass(frozen=True)
class PublicStepDTO:
    step: str  # received, confirmed, picking, packed, shipped, delivered, backorder, not_supplied, cancelled,
    #            returned, refunded
    at: datetime
    follow_up: bool = False  # a parcel with what an earlier one could not hold (a backorder)
    carrier: str = ""
    reference: str = ""  # the carrier's tracking reference
    url: str | None = None  # the carrier's tracking page, when the shop set a template for the carrier
    items: tuple[PublicItemDTO, ...] = ()  # backorder and not_supplied: which items (when items are shown)


@dataclass(frozen=True)
class PublicStatusDTO:
    shop_name: str
    tracking_number: str  # display form, XXXX-XXXX-XXXX
    status: str  # the order's status (domain.orders.Status)
    steps: tuple[PublicStepDTO, ...]  # oldest first
    items: tuple[PublicItemDTO, ...]  # what was ordered; empty when the shop hides items
    part_to_follow: bool  # some of the order is still owed (an open backorder)
    to_follow: tuple[PublicItemDTO, ...]  # what is still owed; empty when the shop hides items


class StatusPageService(ServiceBase):
    """Read-only look-ups for the public status page; no actor, no write, one read transaction per call."""

    def shop_name(self) -> str:
        return self.company.name

    def public_status(self, text: str, *, with_items: bool = True) -> PublicStatusDTO:
        """The order's public timeline. ``TrackingTypo`` for a wrong check character, ``NoSuchTracking`` for
        anything else that finds no order (malformed, unknown, or an order not yet placed)."""
        text = str(text or "")
        if len(text) > MAX_INPUT:
            raise NoSuchTracking()
        try:
            number = tracking.parse_tracking(text)
        except tracking.TrackingNumberError:
            if tracking.fails_only_the_check(text):
                raise TrackingTypo() from None
            raise NoSuchTracking() from None
        with self._uow(write=False) as uow:
            return read_public_status(uow, number, self.company.name, with_items=with_items)


def read_public_status(uow, number: str, shop_name: str, *, with_items: bool = True) -> PublicStatusDTO:
    """The public status of the order with tracking number ``number`` (display form), read in ``uow``."""
    oid = uow.orders.id_by_tracking(number)
    order = uow.orders.get(oid) if oid is not None else None
    if order is None or order.status == Status.DRAFT:
        raise NoSuchTracking()
    history = uow.orders.history(oid)
    ship_rows = uow.shipments.shipments_of(oid)
    backorder_rows = uow.shipments.backorders_of(oid)
    refunds = uow.shipments.order_events(oid, {RefundPaid.kind})
    templates = {k: v for k, v in uow.settings.get_all().items() if carriers.is_setting_key(k)}
    lines = uow.orders.lines(oid) if with_items else ()

    steps = [PublicStepDTO("received", order.created_at)]
    seen: set[str] = set()
    covered = {s.value for s in ShipmentStatus} if ship_rows else set()
    for h in history:
        step = str(h.to_status)
        # A status reached again (back to confirmed when nothing was found to pick) is no news to the customer.
        if step == Status.DRAFT or step in covered or step in seen or h.from_status == h.to_status:
            continue
        seen.add(step)
        steps.append(PublicStepDTO(step, h.at))
    for s in ship_rows:
        follow_up = bool(s.backorder)
        if not (follow_up and s.shipped_at is not None):  # a follow-up parcel: shipped says it all
            steps.append(PublicStepDTO("packed", s.packed_at, follow_up))
        link = carriers.tracking_url(templates.get(carriers.setting_key(s.carrier)), s.carrier_ref)
        if s.shipped_at is not None:
            steps.append(PublicStepDTO("shipped", s.shipped_at, follow_up, s.carrier, s.carrier_ref, link))
        if s.delivered_at is not None:
            steps.append(PublicStepDTO("delivered", s.delivered_at, follow_up, s.carrier, s.carrier_ref))
    for b in backorder_rows:
        items = (PublicItemDTO(b.name, b.quantity),) if with_items and b.quantity > 0 else ()
        steps.append(PublicStepDTO("backorder", b.created_at, items=items))
        if b.status == BackorderStatus.RELEASED:
            steps.append(PublicStepDTO("not_supplied", b.updated_at, items=items))
    steps.extend(PublicStepDTO("refunded", e.at) for e in refunds)
    steps.sort(key=lambda st: st.at)  # stable: "received" stays first when confirmation came at once
    open_backorders = [b for b in backorder_rows if b.status == BackorderStatus.OPEN and b.quantity > 0]
    return PublicStatusDTO(
        shop_name=shop_name, tracking_number=number, status=str(order.status), steps=tuple(steps),
        items=tuple(PublicItemDTO(ln.name, ln.quantity) for ln in lines), part_to_follow=bool(open_backorders),
        to_follow=tuple(PublicItemDTO(b.name, b.quantity) for b in open_backorders) if with_items else ())
