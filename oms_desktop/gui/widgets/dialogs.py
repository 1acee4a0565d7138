"""Dialogs a tab opens again and again (product editor, adjustments, purchasing ...)."""
from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QDialog


def discard_dialog(dialog: QDialog | None) -> None:
    """Delete the previous dialog of a kind before its successor opens: a closed dialog is only hidden, and a tab
    that opens one per Ctrl+J or Ctrl+K would otherwise keep every one of them (and their models) as children.
    A dialog still on screen is left alone."""
    if dialog is not None and shiboken6.isValid(dialog) and not dialog.isVisible():
        dialog.deleteLater()
