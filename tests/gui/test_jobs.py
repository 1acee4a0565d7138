"""Background jobs: the work runs off the GUI thread, the callbacks on it (widgets may only be touched there)."""
from __future__ import annotations

import threading

from oms_desktop.domain.errors import ValidationFailed
from oms_desktop.gui.jobs import JobRunner


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
