"""Background jobs: the work runs off the GUI thread, the callbacks on it (widgets may only be touched there)."""
from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from oms_desktop.domain.errors import ValidationFailed
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.main_window import MainWindow


def test_work_runs_on_a_pool_thread_and_callbacks_on_the_gui_thread(qtbot):
    runner = JobRunner()
    seen = {}

    def work(job):
        job.report(1, 2)
        return threading.current_thread() is threading.main_thread()

    runner.submit(work, on_success=lambda on_main: seen.update(work_on_main=on_main,
                                                                success_on_main=threading.current_thread()
                                                                is threading.main_thread()),
                  on_progress=lambda d, t: seen.update(progress_on_main=threading.current_thread()
                                                       is threading.main_thread()))
    qtbot.waitUntil(lambda: "success_on_main" in seen, timeout=5000)
    assert seen == {"work_on_main": False, "success_on_main": True, "progress_on_main": True}


def test_a_failing_job_reports_its_exception_on_the_gui_thread(qtbot):
    runner = JobRunner()
    seen = []

    def work(job):
        raise ValidationFailed("quantity must be at least 1")

    runner.submit(work, on_failure=lambda exc: seen.append((str(exc), threading.current_thread()
                                                            is threading.main_thread())), write=True)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [("quantity must be at least 1", True)]
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)


def _gated_job(gate: threading.Event):
    def work(job):
        job.report(1, 1)
        assert gate.wait(5), "the test never opened the gate"
        return "done"
    return work


def _recorder(seen: list, name: str):
    return dict(on_success=lambda r: seen.append((name, "success", r)),
                on_failure=lambda exc: seen.append((name, "failure", exc)),
                on_progress=lambda d, t: seen.append((name, "progress", d, t)),
                on_finished=lambda: seen.append((name, "finished")))


def test_callbacks_of_a_job_whose_owner_was_destroyed_are_dropped_and_a_living_owners_are_called(qtbot):
    runner = JobRunner()
    gone, alive = QDialog(), QWidget()
    gone.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a dialog closed while its job runs
    qtbot.addWidget(alive)
    gone.show()
    gate, seen = threading.Event(), []
    runner.submit(_gated_job(gate), owner=gone, **_recorder(seen, "gone"))
    runner.submit(_gated_job(gate), owner=alive, **_recorder(seen, "alive"))
    with qtbot.waitSignal(gone.destroyed, timeout=5000):
        gone.close()
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert sorted(s for s in seen if s[0] == "alive") == [("alive", "finished"), ("alive", "progress", 1, 1),
                                                        ("alive", "success", "done")]
    # progress may have been reported before the dialog closed; nothing after it
    assert [s for s in seen if s[0] == "gone" and s[1] != "progress"] == []


def test_a_callback_already_queued_when_its_owner_is_deleted_is_dropped(qtbot):
    runner = JobRunner()
    owner = QLabel()
    seen = []

    def failed(exc):
        owner.setText(str(exc))  # would raise: the C++ label is gone
        seen.append(exc)

    def work(_job):
        raise ValidationFailed("too late")

    runner.submit(work, on_failure=failed, on_success=seen.append, owner=owner, write=True)
    assert runner.wait_for_done(5000)  # the job is over; its signals wait in the GUI thread's queue
    shiboken6.delete(owner)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert seen == []


def test_a_synchronous_runner_calls_a_living_owners_callbacks_at_once(qtbot):
    runner, owner, seen = JobRunner(synchronous=True), QWidget(), []
    qtbot.addWidget(owner)
    runner.submit(lambda job: 42, on_success=seen.append, on_finished=lambda: seen.append("finished"), owner=owner)
    assert seen == [42, "finished"] and not runner.busy


def test_jobs_submitted_while_held_start_only_when_released_in_submission_order(qtbot):
    runner = JobRunner()
    started: list[str] = []
    done: list[str] = []
    runner.hold()
    for name in ("first", "second"):
        runner.submit(lambda _job, n=name: started.append(n) or n, on_success=done.append, write=True)
    qtbot.wait(100)  # the event loop turns, nothing starts while held
    assert started == [] and runner.busy
    runner.release()
    qtbot.waitUntil(lambda: len(done) == 2, timeout=5000)
    assert started == ["first", "second"] and done == ["first", "second"]
    runner.release()  # nothing held: nothing happens
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)


def test_waiting_for_the_jobs_starts_what_is_held(qtbot):
    runner = JobRunner()
    ran = threading.Event()
    runner.hold()
    runner.submit(lambda _job: ran.set())
    assert runner.wait_for_done(5000) and ran.is_set()


def test_the_windows_first_reads_start_once_its_event_loop_runs(qtbot, services, users):
    """The window holds its job runner while its tabs are built (the app start: they would take turns at the
    interpreter with the thread building the window) and starts their reads on the event loop's first turn."""
    submitted: list[str] = []
    runner = JobRunner()
    real_release = runner.release
    runner.release = lambda: (submitted.append("released"), real_release())  # type: ignore[method-assign]
    window = MainWindow(services, users["warehouse"], database="test", jobs=runner)
    qtbot.addWidget(window)
    assert runner._held and submitted == []  # the start tab asked for its first page (the queue); nothing started
    qtbot.waitUntil(lambda: submitted == ["released"] and runner._held is None, timeout=5000)
    qtbot.waitUntil(lambda: not runner.busy, timeout=30000)


def test_long_work_runs_on_a_thread_of_its_own_and_never_keeps_a_read_waiting(qtbot):
    """The dashboard's forecasts (tens of seconds on a first start) once took every thread of the shared pool, and a
    tab opened meanwhile waited for them to see its first page."""
    import threading

    from PySide6.QtCore import QThreadPool
    runner = JobRunner()
    gate = threading.Event()
    slow_done: list[int] = []
    for i in range(QThreadPool.globalInstance().maxThreadCount() + 1):  # more than the shared pool has threads
        runner.submit(lambda job: gate.wait(10), slow=True, on_success=lambda _r, i=i: slow_done.append(i))
    read: list[str] = []
    runner.submit(lambda job: "first page", on_success=read.append)
    try:
        qtbot.waitUntil(lambda: read == ["first page"], timeout=3000)
        assert slow_done == []  # the long work is still running, in order
    finally:
        gate.set()
    qtbot.waitUntil(lambda: len(slow_done) == QThreadPool.globalInstance().maxThreadCount() + 1, timeout=10000)
    assert slow_done == sorted(slow_done)
