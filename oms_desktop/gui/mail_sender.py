"""The app's background e-mail sender: a timer on the GUI thread hands ``send_pending`` to the job pool."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from ..services.mail import MailService
from ..services.mail_docs import SendReport
from .jobs import JobRunner

log = logging.getLogger(__name__)

INTERVAL_MS = 30_000


class MailSender(QObject):
    """Every ``interval_ms`` (30 s) one run of ``MailService.send_pending`` on a pool thread, never two at once.
    Whether SMTP is configured is read inside the job too (a database read), so an app without SMTP settings
    costs one settings read per interval. It uses the reading pool, not the write thread: a slow SMTP server
    must not hold up the user's own writes.

    Signals:
        reported(object): a ``SendReport`` after a run that sent or failed something.
        failed(str): a run that could not work (the database unavailable, ...).
    """

    reported = Signal(object)
    failed = Signal(str)

    def __init__(self, mail: MailService, jobs: JobRunner, parent: QObject | None = None, *,
                 interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.mail = mail
        self.jobs = jobs
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        if self.running:  # the last run is still talking to the server
            return
        self.running = True
        mail = self.mail

        def run(_job) -> SendReport | None:
            if not mail.is_configured():
                return None
            return mail.send_pending(None)

        self.jobs.submit(run, on_success=self._done, on_failure=self._failed, on_finished=self._finished,
                         owner=self)

    def _done(self, report: SendReport | None) -> None:
        if report is not None and (report.sent or report.failed or report.retry_later):
            self.reported.emit(report)

    def _failed(self, exc: BaseException) -> None:
        log.warning("the e-mail sender failed: %s", exc)
        self.failed.emit(str(exc))

    def _finished(self) -> None:
        self.running = False
