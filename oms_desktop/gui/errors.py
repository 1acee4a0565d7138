"""Showing errors: a user's mistake gets its message, an environment failure gets advice, a bug gets a crash report."""
from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.errors import Cancelled, StorageError, UserFacingError
from .messages import render, text_of

log = logging.getLogger("oms_desktop.crash")


def show_error(parent: QWidget | None, exc: BaseException, title: str = "OMS Desktop") -> None:
    if isinstance(exc, Cancelled):
        return
    if isinstance(exc, UserFacingError):
        QMessageBox.warning(parent, title, text_of(exc))
    elif isinstance(exc, StorageError):
        QMessageBox.critical(parent, title, f"{render(exc.message)}\n\n{render(exc.advice)}".strip())
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        show_crash(parent, type(exc), exc, exc.__traceback__)


_log_file: Path | None = None


def show_crash(parent, exc_type, exc, tb) -> None:
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Errors", "OMS Desktop - unexpected error"),
                      QCoreApplication.translate(
                          "Errors", "Something went wrong inside OMS Desktop. Your saved work is safe in the "
                          "database.\n\nThe details were written to {log}; please send them to support.").format(
                          log=_log_file or QCoreApplication.translate("Errors", "the log")),
                      QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(text)
    box.exec()


def install_excepthook(log_file: Path | None) -> None:
    """Every exception nobody caught ends here: logged with its traceback, then a crash dialog."""
    global _log_file
    _log_file = log_file

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if isinstance(exc, (UserFacingError, StorageError, Cancelled)):
            show_error(None, exc)
        else:
            show_crash(None, exc_type, exc, tb)

    sys.excepthook = hook
