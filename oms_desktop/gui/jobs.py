"""Background work for the GUI: QThreadPool + QRunnable with a signals holder (PySide6 has no QtConcurrent.run).

Slots connected to a job's signals run on the GUI thread. Writes go through a single-thread pool so they keep the
order the user gave them; reads and rendering use the global pool. Tests pass ``synchronous=True``.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class JobSignals(QObject):
    """Signals:
        progress(int, int): done, total.
        succeeded(object): the function's result.
        failed(object): the exception raised.
        finished(): after succeeded or failed.
    """

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class Job(QRunnable):
    """Runs ``fn(job)``; ``fn`` may call ``job.report(done, total)`` and check ``job.cancelled``."""

    def __init__(self, fn: Callable[["Job"], Any]):
        super().__init__()
        self.fn = fn
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int) -> None:
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self.fn(self)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which decides how to show it
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        self.signals.finished.emit()


class JobRunner(QObject):
    """Starts jobs and keeps them alive until they finish."""

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False):
        super().__init__(parent)
        self.synchronous = synchronous
        self._reads = QThreadPool.globalInstance()
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._running: set[Job] = set()

    def submit(self, fn: Callable[[Job], Any], *, on_success: Callable[[Any], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None,
               on_progress: Callable[[int, int], None] | None = None, write: bool = False) -> Job:
        job = Job(fn)
        if on_success is not None:
            job.signals.succeeded.connect(on_success)
        if on_failure is not None:
            job.signals.failed.connect(on_failure)
        if on_progress is not None:
            job.signals.progress.connect(on_progress)
        self._running.add(job)
        job.signals.finished.connect(lambda: self._running.discard(job))
        if self.synchronous:
            job.run()
        else:
            (self._writes if write else self._reads).start(job)
        return job

    def wait_for_done(self, msecs: int = 30000) -> bool:
        return self._writes.waitForDone(msecs) and self._reads.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._running)
