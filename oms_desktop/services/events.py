"""The event feed's read side: what happened since a given event id."""
from __future__ import annotations

import json

from ..domain.roles import Perm
from .base import ServiceBase
from .dto import Actor, EventDTO


class EventService(ServiceBase):
    def last_id(self) -> int:
        with self._uow(write=False) as uow:
            return uow.events.last_id()

    def since(self, actor: Actor | None, last_id: int, limit: int = 500) -> list[EventDTO]:
        if actor is not None:
            self._require(actor, Perm.VIEW, "see events")
        with self._uow(write=False) as uow:
            rows = uow.events.since(last_id, limit)
        return [EventDTO(r.id, r.kind, r.at, r.username or "", r.order_id, r.product_id, json.loads(r.payload or "{}"))
                for r in rows]
