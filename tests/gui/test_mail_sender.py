"""The app's e-mail sender: its timer hands send_pending to a pool thread, only when SMTP is configured, one run at
a time, and says what it sent."""
from __future__ import annotations

import threading

from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.mail_sender import MailSender
from oms_desktop.services.mail_docs import SendReport


class FakeMail:
    def __init__(self, configured: bool = True):
        self.configured = configured
        self.calls: list[bool] = []  # was each call on the GUI thread?
        self.go = threading.Event()
        self.go.set()

    def is_configured(self) -> bool:
        return self.configured

    def send_pending(self, actor, *, limit: int = 50) -> SendReport:
        assert actor is None
        self.calls.append(threading.current_thread() is threading.main_thread())
        self.go.wait(5)
        return SendReport(sent=2)


def test_the_timer_sends_on_a_pool_thread_and_reports_what_went_out(qtbot):
    mail = FakeMail()
    jobs = JobRunner()
    sender = MailSender(mail, jobs, interval_ms=20)  # type: ignore[arg-type]
    with qtbot.waitSignal(sender.reported, timeout=5000) as blocker:
        sender.start()
    sender.stop()
    jobs.wait_for_done(5000)
    assert blocker.args[0].sent == 2
    assert mail.calls and not any(mail.calls)  # never on the GUI thread


def test_no_second_run_starts_while_one_is_still_talking_to_the_server(qtbot):
    mail = FakeMail()
    mail.go.clear()
    jobs = JobRunner()
    sender = MailSender(mail, jobs, interval_ms=10_000)  # type: ignore[arg-type]
    sender.tick()
    qtbot.waitUntil(lambda: len(mail.calls) == 1, timeout=5000)
    sender.tick()
    sender.tick()
    mail.go.set()
    qtbot.waitUntil(lambda: not sender.running, timeout=5000)
    assert len(mail.calls) == 1


def test_without_smtp_settings_nothing_is_sent(qtbot):
    mail = FakeMail(configured=False)
    sender = MailSender(mail, JobRunner(synchronous=True), interval_ms=10_000)  # type: ignore[arg-type]
    with qtbot.assertNotEmitted(sender.reported):
        sender.tick()
    assert mail.calls == [] and not sender.running
