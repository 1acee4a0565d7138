"""Running a service call as a background job whose callbacks run on the GUI thread."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Slot


class _Relay(QObject):
    # A bound slot of an object living on the GUI thread gets a queued call there; a bare lambda connected to a
    # worker's signal could run on the worker thread instead.
    def __init__(self, parent: QObject, on_success, on_failure, on_progress):
        super().__init__(parent)
        self._on_success, self._on_failure, self._on_progress = on_success, on_failure, on_progress

    @Slot(object)
    def succeeded(self, result) -> None:
        try:
            if self._on_success is not None:
                self._on_success(result)
        finally:
            self.deleteLater()

    @Slot(object)
    def failed(self, exc) -> None:
        try:
            if self._on_failure is not None:
                self._on_failure(exc)
        finally:
            self.deleteLater()

    @Slot(int, int)
    def progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)


def run_job(jobs, parent: QObject, fn: Callable[[Any], Any], on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None, *, write: bool = False,
            on_progress: Callable[[int, int], None] | None = None):
    """``jobs.submit(fn)`` with ``on_success``/``on_failure``/``on_progress`` called on the GUI thread."""
    relay = _Relay(parent, on_success, on_failure, on_progress)
    return jobs.submit(fn, on_success=relay.succeeded, on_failure=relay.failed, on_progress=relay.progress,
                       write=write)
