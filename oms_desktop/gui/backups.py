"""File > Backups (managers and admins): the backups in the backups folder with each one's age, size and what its
verification found, and Back up now; the daily automatic backup the window starts. All of it off the GUI thread."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout

from ..services.backups import BackupDTO
from .errors import show_error
from .inventory.models import RowsModel

log = logging.getLogger(__name__)

KIND_WORDS = {"auto": QT_TRANSLATE_NOOP("Backups", "daily (automatic)"),
              "manual": QT_TRANSLATE_NOOP("Backups", "by hand"),
              "before-restore": QT_TRANSLATE_NOOP("Backups", "before a restore")}
translate = QCoreApplication.translate


def age_text(taken_at: datetime, now: datetime) -> str:
    """'just now', '5 min', '3 h', '2 days' old."""
    seconds = max(int((now - taken_at).total_seconds()), 0)
    if seconds < 60:
        return translate("Backups", "just now")
    if seconds < 3600:
        return translate("Backups", "{minutes} min").format(minutes=seconds // 60)
    if seconds < 86400:
        return translate("Backups", "{hours} h").format(hours=seconds // 3600)
    days = seconds // 86400
    return translate("Backups", "1 day") if days == 1 else translate("Backups", "{days} days").format(days=days)


def size_text(size: int) -> str:
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} B"


def kind_text(b: BackupDTO) -> str:
    return translate("Backups", KIND_WORDS[b.kind]) if b.kind in KIND_WORDS else b.kind


def verdict_text(b: BackupDTO) -> str:
    if b.verified is True:
        return translate("Backups", "verified")
    if b.verified is False:
        return translate("Backups", "FAILED: {problems}").format(problems="; ".join(b.problems))
    return translate("Backups", "not checked") if b.kind != "before-restore" else \
        translate("Backups", "not checked (taken before a restore)")


class BackupsDialog(QDialog):
    """Signals:
        refreshed(): the list was read again.
    """

    refreshed = Signal()

    def __init__(self, services, actor, jobs, *, clock: Callable[[], datetime] | None = None, parent=None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self.setWindowTitle(self.tr("Backups"))
        self.summary = QLabel(self.tr("Reading the backups folder..."), objectName="summary_label")
        self.summary.setWordWrap(True)
        self.model = RowsModel([(self.tr("Taken"), lambda b: b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M"), False),
                                (self.tr("Age"), lambda b: age_text(b.taken_at, self.clock()), False),
                                (self.tr("Kind"), kind_text, False),
                                (self.tr("Size"), lambda b: size_text(b.size), True),
                                (self.tr("Verification"), verdict_text, False),
                                (self.tr("File"), lambda b: b.name, False)], parent=self)
        self.view = QTableView(objectName="backups_view")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, objectName="buttons")
        self.backup_button = self.buttons.addButton(self.tr("&Back up now"), QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button.setObjectName("backup_button")
        self.backup_button.clicked.connect(self.back_up_now)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 360)
        self.refresh()

    def refresh(self) -> None:
        self.jobs.submit(lambda _job: self.services.backups.list_backups(self.actor), on_success=self._show,
                         on_failure=lambda exc: show_error(self, exc), owner=self)

    def _show(self, backups: list[BackupDTO]) -> None:
        self.model.set_rows(backups)
        self.view.resizeColumnsToContents()
        failed = sum(1 for b in backups if b.verified is False)
        if not backups:
            self.summary.setText(self.tr("No backups yet. One is taken automatically each day the app starts; Back "
                                         "up now takes one at once."))
        else:
            newest = backups[0]
            self.summary.setText(
                self.tr("{count} backups; the newest is {age} old.").format(
                    count=len(backups), age=age_text(newest.taken_at, self.clock()))
                + (self.tr(" {count} failed verification: do not rely on them.").format(count=failed) if failed else "")
                + self.tr(" Restore one with 'oms restore FILE' (admin)."))
        self.refreshed.emit()

    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)
        self.summary.setText(self.tr("Backing up and verifying..."))

        def done(taken: BackupDTO) -> None:
            self.backup_button.setEnabled(True)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            show_error(self, exc)
            self.refresh()

        self.jobs.submit(lambda _job: self.services.backups.back_up(self.actor), on_success=done, on_failure=failed,
                         owner=self)


def start_daily_backup(services, jobs, report: Callable[[str], None], owner=None) -> None:
    """The day's automatic backup (and the rotation), unless one was taken today; ``report`` gets a line for the
    status bar. A failure is reported and logged, never a dialog: the shop's work goes on."""
    def succeeded(taken: BackupDTO | None) -> None:
        if taken is not None:
            report(translate("Backups", "Daily backup taken: {name} ({verdict})").format(name=taken.name,
                                                                                  verdict=verdict_text(taken)))

    def failed(exc: BaseException) -> None:
        log.warning("the daily backup failed: %s", exc)
        report(translate("Backups", "The daily backup failed: {reason}").format(reason=exc))

    jobs.submit(lambda _job: services.backups.auto_backup(), on_success=succeeded, on_failure=failed, owner=owner)
