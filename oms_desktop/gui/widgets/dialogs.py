"""Dialogs a tab opens again and again (product editor, adjustments, purchasing ...)."""
from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QDialog, QWidget


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
