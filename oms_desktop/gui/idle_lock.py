"""The workstation locks after a while without a key or a click (the company setting ``lock_after_minutes``; 0:
never): a dialog over the window asks the signed-in user's password, or signs out. Nothing on screen is closed or
cleared, so the work under it is there again after unlocking; the password goes through the same sign-in as the
login dialog, with its lockout after repeated failures (issue 19)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit, QMainWindow, QPushButton,
                               QVBoxLayout, QWidget)

from ..domain.errors import AuthenticationFailed
from ..services import Services
from ..services.dto import Actor
from .jobs import JobRunner
from .labels import label
from .messages import text_of
from .widgets.message_line import message_style

ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                      QEvent.Type.TouchBegin})


class LockDialog(QDialog):
    """Over the locked window: the user's password unlocks it; Sign out ends the session (the app asks who signs
    in next). Escape and closing the dialog do nothing: only the password or signing out leave it.

    Signals:
        sign_out(): the user chose to sign out instead.
    """

    sign_out = Signal()

    def __init__(self, services: Services, actor: Actor, jobs: JobRunner, minutes: int, parent: QWidget):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.setObjectName("lock_dialog")
        self.setWindowTitle(self.tr("Workstation locked"))
        self.setModal(True)
        who = actor.display_name or actor.username
        locked = self.tr("Locked after 1 minute without use.") if minutes == 1 else \
            self.tr("Locked after {minutes} minutes without use.").format(minutes=minutes)
        text = QLabel(locked + " " + self.tr("Everything on screen is as it was.\n\nSigned in: {who} ({user}, {role}). "
                                             "Type your &password to go on:").format(
            who=who, user=actor.username, role=label(actor.role)))
        text.setWordWrap(True)
        self.password_edit = QLineEdit(objectName="lock_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        text.setBuddy(self.password_edit)
        self.error_label = QLabel(objectName="lock_error")
        message_style(self.error_label, error=True)
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.sign_out_button = QPushButton(self.tr("Sign &out {user}").format(user=actor.username))
        buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.sign_out_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.sign_out_button.clicked.connect(self._sign_out)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.password_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def try_unlock(self) -> None:
        password = self.password_edit.text()
        self.unlock_button.setEnabled(False)
        username = self.actor.username
        self.jobs.submit(lambda _job: self.services.auth.sign_in(username, password), on_success=self._unlocked,
                         on_failure=self._refused, on_finished=lambda: self.unlock_button.setEnabled(True),
                         owner=self)

    def _unlocked(self, actor: Actor) -> None:
        self.password_edit.clear()
        self.error_label.clear()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.password_edit.selectAll()
        self.password_edit.setFocus()
        self.error_label.setText(text_of(exc) if isinstance(exc, AuthenticationFailed) else
                                 self.tr("Could not check: {reason}").format(reason=exc))

    def _sign_out(self) -> None:
        self.sign_out.emit()
        self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:  # Escape, the window's close button: stay locked
        pass

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Cancel):
            return
        super().keyPressEvent(event)


class IdleLock(QObject):
    """Watches the application's keys and clicks; ``minutes`` without any locks ``window`` with a LockDialog.

    Signals:
        locked(), unlocked(): as it happens.
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QMainWindow, services: Services, actor: Actor, jobs: JobRunner, minutes: int,
                 *, sign_out=None):
        super().__init__(window)
        self.window, self.services, self.actor, self.jobs = window, services, actor, jobs
        self.minutes = minutes
        self._sign_out = sign_out
        self.dialog: LockDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(minutes, 0) * 60_000)
        self.timer.timeout.connect(self.lock)
        if minutes > 0:
            QApplication.instance().installEventFilter(self)
            self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None and self.dialog.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and not self.is_locked:
            self.timer.start()  # restarts
        return False

    def lock(self) -> None:
        if self.is_locked or self.minutes <= 0:
            return
        self.dialog = LockDialog(self.services, self.actor, self.jobs, self.minutes, self.window)
        if self._sign_out is not None:
            self.dialog.sign_out.connect(self._sign_out)
        self.dialog.accepted.connect(self._unlock)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.open()
        self.dialog.password_edit.setFocus()
        self.locked.emit()

    def _unlock(self) -> None:
        self.timer.start()
        self.unlocked.emit()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
