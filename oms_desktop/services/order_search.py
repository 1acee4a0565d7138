"""The order list an agent searches: by customer (name, phone, e-mail), order number, tracking number or the day it
was taken, a page at a time over the orders list's indexes."""
from __future__ import annotations

from datetime import date, datetime

from ..domain import tracking
from ..domain.errors import ValidationFailed
from ..domain.messages import msg, phrase
from ..domain.money import from_minor
from ..domain.orders import Status
from ..domain.references import Series, order_number, parse_ref
from ..domain.roles import Perm
from .base import ServiceBase
from .customers import find_customer_rows
from .dto import Actor, OrderSummaryDTO
from .order_lookup import InvalidTrackingNumber
from .till import local_day_bounds

MAX_PAGE = 200
MAX_CUSTOMERS = 50
"""Orders of at most this many customers matching the text are listed (the list says so when there are more)."""


def _day(value: date | str | None, label: str, problems: list[str]) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(msg("'{label}' date '{text}' is not a date (year-month-day, e.g. 2026-12-03)",
                            label=label, text=text))
        return None


def _order_ref(text: str) -> int | None:
    """An order number as typed: 'SO-000042', 'so42', '#42', or up to six digits (longer digits are a phone)."""
    if text.isdigit() and len(text) > 6:
        return None
    return parse_ref(Series.ORDER, text)


class OrderSearching(ServiceBase):
    def search_orders(self, actor: Actor, text: str = "", *, date_from: date | str | None = None,
                      date_to: date | str | None = None, status: str | None = None, limit: int = 50,
                      offset: int = 0) -> list[OrderSummaryDTO]:
        """A page of orders, newest first, whose customer matches ``text`` (name words, phone in any format,
        e-mail, customer number), or the order with that number or tracking number; taken from ``date_from`` to
        ``date_to`` (local days, both included). Empty text: every order of the days. Bad input is refused with
        every problem named (a mistyped tracking number as the service desk names it)."""
        self._require(actor, Perm.VIEW, "search orders")
        text = " ".join(str(text or "").split())
        problems: list[str] = []
        start, end = _day(date_from, phrase("From"), problems), _day(date_to, phrase("To"), problems)
        if start is not None and end is not None and start > end:
            problems.append(msg("'From' ({start}) is after 'To' ({end})", start=start.isoformat(),
                                end=end.isoformat()))
        if status:
            try:
                status = Status(status).value
            except ValueError:
                problems.append(msg("status '{status}' is unknown", status=status))
        if len(text) > 200:
            problems.append(msg("the search text is longer than 200 characters"))
        if not 1 <= int(limit) <= MAX_PAGE or int(offset) < 0:
            problems.append(msg("a page holds 1 to {maximum} orders from a position of 0 or more", maximum=MAX_PAGE))
        tracking_number = typo = None
        if text and tracking.looks_like_tracking(text):
            try:
                tracking_number = tracking.parse_tracking(text)
            except tracking.TrackingNumberError as e:
                typo = e  # unless a customer matches the text ("Schmidtbauer" has twelve letters too)
        if problems:
            raise ValidationFailed(problems)
        created_from = local_day_bounds(start)[0] if start is not None else None
        created_before = local_day_bounds(end)[1] if end is not None else None
        with self._uow(write=False) as uow:
            order_ids: list[int] | None = None
            customer_ids: list[int] | None = None
            number = _order_ref(text) if text else None
            if tracking_number is not None:
                found = uow.orders.id_by_tracking(tracking_number)
                order_ids = [] if found is None else [int(found)]
            elif number is not None:
                order_ids = [number]
            elif text:
                customer_ids = [r.id for r in find_customer_rows(uow, text, MAX_CUSTOMERS, by_number=False)]
                if not customer_ids and typo is not None:
                    raise InvalidTrackingNumber(msg("tracking number {text}: {problem}", text=text,
                                                    problem=typo.args[0]))
            if order_ids == [] or customer_ids == []:
                return []
            rows = uow.orders.list(status=status or None, customer_ids=customer_ids, order_ids=order_ids,
                                   created_from=created_from, created_before=created_before, limit=int(limit),
                                   offset=int(offset))
        return [_summary(r) for r in rows]


def _summary(r) -> OrderSummaryDTO:
    created: datetime = r.created_at
    return OrderSummaryDTO(r.id, order_number(r.id), r.tracking_number, r.status, r.channel, r.customer_name or "",
                           from_minor(r.total_minor, r.currency), r.currency, created, r.line_count)
