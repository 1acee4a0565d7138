"""Save dialogs that open in the folder last used for their kind of file, and opening a saved document with a word
when the desktop has no program for it."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from ..dashboard.export import documents_folder


def folder_settings() -> QSettings:
    """Where the last folder of each kind of file is kept between runs (per user)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "OMS Desktop", "folders")


def _key(kind: str) -> str:
    return f"last_folder/{kind}"


def start_folder(kind: str, settings: QSettings | None = None) -> str:
    """The folder a save dialog for ``kind`` opens in: the last one used, if it still exists, else documents."""
    last = (settings or folder_settings()).value(_key(kind), "", type=str)
    return last if last and Path(last).is_dir() else documents_folder()


def ask_save_path(parent: QWidget | None, title: str, name: str, pattern: str, kind: str,
                  settings: QSettings | None = None) -> str:
    """A save dialog for ``name`` in the last folder used for ``kind`` ("invoice", "pick_list", "journal", ...);
    the folder chosen is remembered for the next one. "" when cancelled."""
    settings = settings or folder_settings()
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path(start_folder(kind, settings)) / name), pattern)
    if parent is not None:
        from .dialogs import back_to
        back_to(parent)
    if chosen:
        settings.setValue(_key(kind), str(Path(chosen).parent))
        settings.sync()
    return chosen


def pdf_viewer_available() -> bool:
    """Whether the desktop has a program for PDF files (on Linux: what xdg-mime names; elsewhere assumed)."""
    if not sys.platform.startswith("linux"):
        return True
    if shutil.which("xdg-open") is None or shutil.which("xdg-mime") is None:
        return False
    try:
        found = subprocess.run(["xdg-mime", "query", "default", "application/pdf"], capture_output=True, text=True,
                               timeout=3, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(found)


def open_saved(path: str | Path) -> str:
    """Open a saved PDF in the desktop's viewer. "" when it opened; otherwise what to tell the user (the file is
    saved all the same)."""
    opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))  # Qt says True when xdg-open merely started
    if opened and pdf_viewer_available():
        return ""
    return QCoreApplication.translate(
        "SaveDialogs", "No program to open PDF files is installed, so {file} was not opened; it is saved in "
        "{folder}. Install a PDF viewer (for example Evince or Okular) or open it from that folder.").format(
        file=Path(path).name, folder=Path(path).parent)
