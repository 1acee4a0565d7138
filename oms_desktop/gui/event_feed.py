"""The event feed: new rows of the events table become a Qt signal on the GUI thread, on every workstation.

A background thread asks the database for events after the last id it saw. Between asks it waits: on PostgreSQL
for a NOTIFY (pushed at commit, so changes show at once) with a timeout as a fallback; on SQLite a short interval.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable

from PySide6.QtCore import QObject, Signal, Slot

from ..domain.events import EventTypes
from ..services.events import EventSubscribers, Handler

log = logging.getLogger(__name__)

Waiter = Callable[[float], None]


class EventFeed(QObject):
    """Signals:
        events_arrived(list): a list of EventDTO, oldest first, emitted on the GUI thread.
        failed(str): polling failed (the feed keeps trying; the window shows a banner).
        recovered(): polling works again after a failure (the connection pool reconnected; the banner goes).

    ``subscribe(OrderConfirmed, handler)`` (or a tuple of event classes from domain/events.py) calls ``handler``
    on the GUI thread with the events of each batch it asked for.
    """

    events_arrived = Signal(list)
    failed = Signal(str)
    recovered = Signal()

    def __init__(self, fetch_since: Callable[[int], list], start_after: int, *, waiter: Waiter | None = None,
                 interval: float = 0.5, parent: QObject | None = None):
        super().__init__(parent)
        self._fetch = fetch_since
        self.last_id = start_after
        self._waiter = waiter
        self._interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.subscribers = EventSubscribers()
        self.events_arrived.connect(self._dispatch)

    def subscribe(self, types: EventTypes, handler: Handler) -> Callable[[], None]:
        """Register ``handler`` for events of ``types``; returns a function that unsubscribes it."""
        return self.subscribers.subscribe(types, handler)

    @Slot(list)
    def _dispatch(self, events: list) -> None:
        self.subscribers.dispatch(events)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="event-feed", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def poll_now(self) -> list:
        """Fetch and emit on the calling thread (used by tests and by 'Refresh')."""
        events = self._fetch(self.last_id)
        if events:
            self.last_id = events[-1].id
            self.events_arrived.emit(events)
        return events

    def _run(self) -> None:
        failing = False
        waiter_failing = False
        while not self._stop.is_set():
            try:
                self.poll_now()
                if failing:
                    log.info("event feed works again")
                    self.recovered.emit()
                failing = False
            except Exception as exc:  # noqa: BLE001 - a dropped connection must not kill the feed
                if not failing:
                    log.warning("event feed failed: %s", exc)
                    self.failed.emit(str(exc))
                failing = True
            if self._waiter is not None and not failing:
                try:
                    self._waiter(self._interval * 4)
                    waiter_failing = False
                    continue
                except Exception as exc:  # noqa: BLE001 - polls meanwhile; the waiter reconnects next time
                    if not waiter_failing:
                        log.warning("notification wait failed, polling until it works again: %s", exc)
                    waiter_failing = True
            self._stop.wait(self._interval)
