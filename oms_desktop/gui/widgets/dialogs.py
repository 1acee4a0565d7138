"""Dialogs a tab opens again and again (product editor, adjustments, purchasing ...)."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def discard_dialog(dialog: QDialog | None) -> None:
    """Delete the previous dialog of a kind before its successor opens: a closed dialog is only hidden, and a tab
    that opens one per Ctrl+J or Ctrl+K would otherwise keep every one of them (and their models) as children.
    A dialog still on screen is left alone."""
    if dialog is not None and shiboken6.isValid(dialog) and not dialog.isVisible():
        dialog.deleteLater()


def back_to(widget: QWidget) -> None:
    """Activate ``widget``'s window again after a dialog it opened closed. A window manager does that itself; with
    none (a bare X server, Xvfb, a kiosk) no window stays active, and then the arrow keys still reach the focused
    widget but no shortcut, Alt+letter or F1 fires, since Qt matches them only in the active window (issue 17: after
    the payment dialog, Ctrl+I, Alt+C and F1 did nothing on the Accounts tab)."""
    if shiboken6.isValid(widget) and widget.window().isVisible():
        widget.window().activateWindow()


class KeepsActivation(QObject):
    """Activates ``window`` again whenever one of its dialogs closes while it had the focus, whichever tab opened
    it: ``back_to`` at every call site, once for the whole window (what a window manager does itself).

    Qt tells nothing when an active dialog hides (``QGuiApplication.focusWindowChanged`` stays silent: the focus
    window is simply cleared), but the focus leaves the dialog's widget for none (``QApplication.focusChanged(old,
    None)``) while the dialog is still on screen. One event-loop turn later the dialog is hidden and no window of
    the application is active: then ``window`` is activated. Nothing happens when the focus left for another
    program (the dialog, or the window itself, is still visible), nor for a window that is not ``window``'s own."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None or old is None or not shiboken6.isValid(old):
            return
        left = old.window()
        owner = left.parentWidget()
        if left is self._window or owner is None or owner.window() is not self._window:
            return
        QTimer.singleShot(0, lambda: self._activate_after(left))

    def _activate_after(self, left: QWidget) -> None:
        window = self._window
        if not (shiboken6.isValid(window) and shiboken6.isValid(left)):
            return
        if not left.isVisible() and QApplication.activeWindow() is None and window.isVisible():
            window.activateWindow()
