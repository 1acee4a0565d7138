"""The event feed's read side: what happened since a given event id, and subscribers registered by event type."""
from __future__ import annotations

import json
import logging
from typing import Callable

from ..domain.events import EventTypes, from_record, matches
from ..domain.roles import Perm
from .base import ServiceBase
from .dto import Actor, EventDTO

log = logging.getLogger(__name__)

Handler = Callable[[list[EventDTO]], None]


class EventService(ServiceBase):
    def last_id(self) -> int:
        with self._uow(write=False) as uow:
            return uow.events.last_id()

    def since(self, actor: Actor | None, last_id: int, limit: int = 500) -> list[EventDTO]:
        if actor is not None:
            self._require(actor, Perm.VIEW, "see events")
        with self._uow(write=False) as uow:
            rows = uow.events.since(last_id, limit)
        out = []
        for r in rows:
            payload = json.loads(r.payload or "{}")
            out.append(EventDTO(r.id, r.kind, r.at, r.username or "", r.order_id, r.product_id, payload,
                                from_record(r.kind, payload, order_id=r.order_id, product_id=r.product_id)))
        return out


class EventSubscribers:
    """Handlers registered by event type: ``subscribe(OrderConfirmed, handler)`` or a tuple of types.

    ``dispatch(events)`` calls each handler once per batch with the events it asked for (oldest first), and not
    at all when none of the batch is for it. A handler that raises is logged; the others still run.
    """

    def __init__(self) -> None:
        self._handlers: list[tuple[EventTypes, Handler]] = []

    def subscribe(self, types: EventTypes, handler: Handler) -> Callable[[], None]:
        """Register ``handler`` for ``types``; returns a function that unsubscribes it."""
        entry = (types, handler)
        self._handlers.append(entry)

        def unsubscribe() -> None:
            if entry in self._handlers:
                self._handlers.remove(entry)
        return unsubscribe

    def dispatch(self, events: list[EventDTO]) -> None:
        for types, handler in list(self._handlers):
            wanted = [e for e in events if matches(e.event, types)]
            if not wanted:
                continue
            try:
                handler(wanted)
            except Exception:  # noqa: BLE001 - one failing screen must not stop the others' refresh
                log.exception("event handler %r failed", handler)
