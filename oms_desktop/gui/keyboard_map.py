"""Each tab's keyboard map (F1), read from the actions and shortcuts themselves so it cannot drift from them: a
QAction's text, a QShortcut's whatsThis; the Alt+letters of the buttons shown; and the keys a tab handles in code
rather than with an action (``keyboard_notes()``, if it has them)."""
from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QMenuBar, QWidget

PORTABLE = QKeySequence.SequenceFormat.PortableText


def plain(text: str) -> str:
    """A menu or button text as a line: no mnemonic ampersands, no trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("...").strip()


def describe(obj: QAction | QShortcut) -> str:
    if isinstance(obj, QAction):
        return plain(obj.text()) or obj.toolTip()
    return obj.whatsThis()


def _in(widget: QWidget, page: QWidget) -> bool:
    return widget is page or page.isAncestorOf(widget)


def _action_place(action: QAction, window: QWidget, page: QWidget) -> str | None:
    """"tab" if the action works in ``page``, "window" if anywhere in the window (the menus), else None."""
    for obj in action.associatedObjects():
        if isinstance(obj, QMenu):
            if obj.menuAction() is not action and _action_place(obj.menuAction(), window, page):
                return "window"
        elif isinstance(obj, QMenuBar) or obj is window:
            return "window"
        elif isinstance(obj, QWidget) and obj.isVisibleTo(window) and _in(obj, page):
            return "tab"
    return None


def _grouped(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Keys that do the same thing in one row ("Ctrl+Return / Ctrl+Enter")."""
    keys: dict[str, list[str]] = {}
    for key, what in rows:
        if key not in keys.setdefault(what, []):
            keys[what].append(key)
    return [(" / ".join(k), what) for what, k in keys.items()]


def keyboard_map(window, page: QWidget | None = None) -> list[tuple[str, str]]:
    """The keys of the window's current tab (``page``, else the current one), then those of the whole window."""
    page = page if page is not None else window.ui.tabs.currentWidget()
    tab_rows: list[tuple[str, str]] = []
    window_rows: list[tuple[str, str]] = []
    for sc in window.findChildren(QShortcut):
        owner = sc.parent()
        if not sc.isEnabled() or not isinstance(owner, QWidget) or sc.key().isEmpty():
            continue
        row = (sc.key().toString(PORTABLE), describe(sc))
        if owner is window:
            window_rows.append(row)
        elif _in(owner, page) and owner.isVisibleTo(window):
            tab_rows.append(row)
    for action in window.findChildren(QAction):
        if not action.isEnabled() or not action.shortcuts():
            continue
        place = _action_place(action, window, page)
        rows = tab_rows if place == "tab" else window_rows if place == "window" else None
        if rows is not None:
            rows.extend((key.toString(PORTABLE), describe(action)) for key in action.shortcuts())
    for w in page.findChildren(QWidget):  # buttons' Alt+letters, and labels' that lead to their field
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            found = re.search(r"&([^&\s])", w.text().replace("&&", ""))
            if found and w.isVisibleTo(window) and w.isEnabled():
                tab_rows.append((f"Alt+{found.group(1).upper()}", plain(w.text()).removesuffix(":")))
    tab = window.current_tab() if page is window.ui.tabs.currentWidget() else page
    notes = list(tab.keyboard_notes()) if tab is not None and hasattr(tab, "keyboard_notes") else []
    return _grouped(tab_rows) + notes + _grouped(window_rows)
