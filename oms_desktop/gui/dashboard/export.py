"""Saving what a panel shows: a PNG of a chart and its data as CSV, in a folder the user chose last time (QSettings),
the documents folder the first time."""
from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QWidget

from ...services.catalog import formula_safe

LAST_FOLDER = "export/last_folder"
PNG_KEYS = "Ctrl+S"
CSV_KEYS = "Ctrl+E"


def default_settings() -> QSettings:
    """Where the dashboard remembers things between runs (the last export folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "OMS Desktop", "dashboard")


def documents_folder() -> str:
    """The user's documents folder (Qt's answer, platformdirs' where Qt has none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found:
        return found
    import platformdirs
    return platformdirs.user_documents_dir()


def start_folder(settings: QSettings) -> str:
    """The folder a save dialog opens in: the last one used, if it still exists, else the documents folder."""
    last = settings.value(LAST_FOLDER, "", type=str)
    return last if last and Path(last).is_dir() else documents_folder()


def remember_folder(settings: QSettings, path: Path) -> None:
    settings.setValue(LAST_FOLDER, str(path.parent))
    settings.sync()


def ask_save_path(parent: QWidget, settings: QSettings, title: str, name: str, kind: str) -> Path | None:
    """A save dialog for ``name`` (``kind``: "png" or "csv") in the start folder; None when cancelled."""
    pattern = QCoreApplication.translate("DashboardExport", "PNG images (*.png)") if kind == "png" \
        else QCoreApplication.translate("DashboardExport", "CSV files (*.csv)")
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path(start_folder(settings)) / name), pattern)
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == f".{kind}" else path.with_name(path.name + f".{kind}")


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """UTF-8 CSV; text a spreadsheet would run as a formula gets a leading ' (numbers stay numbers). Returns the
    rows written."""
    n = 0
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        for row in rows:
            w.writerow([c if isinstance(c, (int, float)) or _is_number(c) else formula_safe(str(c)) for c in row])
            n += 1
    return n


def _is_number(cell: object) -> bool:
    try:
        float(str(cell))
    except ValueError:
        return False
    return str(cell).strip() != ""


def add_export_actions(widget: QWidget, *, png: Callable[[], object] | None, csv_: Callable[[], object]) -> None:
    """Context-menu entries (the Menu key or Shift+F10 opens it) with their shortcuts, active while ``widget`` has
    the focus: Ctrl+S saves the chart as PNG, Ctrl+E its data as CSV."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    entries = ([(QCoreApplication.translate("DashboardExport", "Save chart as &PNG..."), PNG_KEYS, png)]
               if png is not None else []) + \
        [(QCoreApplication.translate("DashboardExport", "Save data as &CSV..."), CSV_KEYS, csv_)]
    for text, keys, slot in entries:
        action = QAction(text, widget)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setShortcutVisibleInContextMenu(True)
        action.triggered.connect(lambda _checked=False, s=slot: s())
        widget.addAction(action)
