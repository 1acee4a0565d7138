"""Background work for the GUI: QThreadPool + QRunnable with a signals holder (PySide6 has no QtConcurrent.run).

Slots connected to a job's signals run on the GUI thread. Writes go through a single-thread pool so they keep the
order the user gave them; reads and rendering use the global pool. Tests pass ``synchronous=True``.

A job may outlive the widget that asked for it (a dialog closed and deleted while its job ran, a tab torn down
while a page was on its way): ``submit(..., owner=widget)`` drops the callbacks once ``widget`` is destroyed instead
of calling into a deleted C++ object. (PySide disconnects a bound method of a dying QObject by itself, but not a
lambda or closure over it, which is what most callbacks are.)
"""
from __future__ import annotations

import logging
import threading
import weakref
from typing import Any, Callable

import shiboken6
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


def _owned_by(owner: QObject, callback: Callable[..., None]) -> Callable[..., None]:
    """``callback``, but a no-op once ``owner``'s C++ object is destroyed (checked when it is called, on the GUI
    thread, so a callback already queued when the owner goes away is dropped too). The owner is held weakly: a
    pending job does not keep a closed dialog alive."""
    ref = weakref.ref(owner)

    def call(*args) -> None:
        o = ref()
        if o is None or not shiboken6.isValid(o):
            log.debug("job callback %r dropped: its owner was destroyed", callback)
            return
        callback(*args)

    return call


class JobRunner(QObject):
    """Starts jobs and keeps them alive until they finish."""

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False):
        super().__init__(parent)
        self.synchronous = synchronous
        self._reads = QThreadPool.globalInstance()
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        # Long work (the dashboard's forecasts: seconds, tens of seconds on a first start) gets a thread of its own:
        # on the shared pool (as many threads as cores) two such jobs took every thread, and a tab opened meanwhile
        # waited for them to see its first page.
        self._slow = QThreadPool(self)
        self._slow.setMaxThreadCount(1)
        self._running: set[Job] = set()
        self._held: list[tuple[Job, QThreadPool]] | None = None

    def hold(self) -> None:
        """Keep what is submitted from now on until ``release``, then start it in submission order. For a window
        being built: its tabs' first reads start once its event loop runs instead of taking turns at the
        interpreter with the thread building it (the app start: about 0.1-0.2 s sooner to a window that takes
        input, whose hidden tabs fill a moment later)."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Start what was kept since ``hold`` (nothing kept, nothing happens)."""
        held, self._held = self._held, None
        for job, pool in held or ():
            pool.start(job)

    def submit(self, fn: Callable[[Job], Any], *, on_success: Callable[[Any], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None,
               on_progress: Callable[[int, int], None] | None = None,
               on_finished: Callable[[], None] | None = None, write: bool = False, slow: bool = False,
               owner: QObject | None = None) -> Job:
        """Run ``fn(job)`` off the GUI thread (``write=True``: on the one write thread, in submission order;
        ``slow=True``: long work, on a thread of its own, in submission order, so other reads never wait for it).

        The callbacks run on the GUI thread: ``on_progress(done, total)`` whenever ``fn`` reports,
        then ``on_success(result)`` or ``on_failure(exc)``, then ``on_finished()``. With ``owner``, none of them
        is called once ``owner`` has been destroyed (the job itself still runs to its end).
        """
        job = Job(fn)
        for signal, callback in ((job.signals.succeeded, on_success), (job.signals.failed, on_failure),
                                 (job.signals.progress, on_progress), (job.signals.finished, on_finished)):
            if callback is not None:
                signal.connect(callback if owner is None else _owned_by(owner, callback))
        self._running.add(job)
        job.signals.finished.connect(lambda: self._running.discard(job))
        pool = self._writes if write else self._slow if slow else self._reads
        if self.synchronous:
            job.run()
        elif self._held is not None:
            self._held.append((job, pool))
        else:
            pool.start(job)
        return job

    def cancel_all(self) -> None:
        """Ask every running job to stop at its next check (the window closes: a forecast refresh or an import
        stops between batches instead of holding the exit up; what was committed stays)."""
        for job in list(self._running):
            job.cancel()

    def wait_for_done(self, msecs: int = 30000) -> bool:
        self.release()  # what is kept would otherwise never be done
        return (self._writes.waitForDone(msecs) and self._slow.waitForDone(msecs)
                and self._reads.waitForDone(msecs))

    @property
    def busy(self) -> bool:
        return bool(self._running)
