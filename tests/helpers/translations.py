"""Find user-visible strings that the German catalog does not translate.

A screen is built twice, once in English and once in German (the same data, the same steps); every
user-visible string of each is collected by the widget's place in the tree. A string that reads the same in
both languages, has words in it and is not on the area's list of words German shares with English (each with
its reason) was not translated: either it does not go through ``tr``/``translate`` or the catalog lacks it.
Data (customer names, SKUs, money) reads the same in both languages too, so collect from screens whose data
has no words, or list the data strings as ``data``.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit, QMenu, QPlainTextEdit,
    QTabWidget, QTextEdit, QWidget,
)

from oms_desktop.gui import i18n

#: strings German writes exactly as English; an area adds its own with a reason
SAME_IN_GERMAN: frozenset[str] = frozenset({
    "OK", "Name", "Name:", "&Name:", "Status", "Status:", "SKU", "SKU:", "Filter", "Filter:", "Info", "Export",
    "Start", "Code", "Code:", "Version", "Details", "Hotline", "Text", "E-Mail", "Online", "Web", "Shop", "Team",
    "Manager", "Admin", "Login", "Logo", "Logo:", "IBAN", "IBAN:", "BIC", "PDF", "CSV", "JSON", "EAN", "URL",
    "Test", "Total", "Stop", "Storno", "Limit", "Limit:", "Region", "Region:", "Plan", "Saldo", "Konto",
    "Land", "Bank", "Bank:", "Tracking", "Summe", "Nr.", "Factur-X", "OMS Desktop", "Deutsch", "English", "X",
})

_WORD = re.compile(r"[A-Za-z]{2,}")


def _strip(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # a QListWidget's model keeps columnCount private: a list has one column
        return 1


def _model_headers(model: QAbstractItemModel | None, path: str) -> Iterator[tuple[str, str]]:
    if model is None:
        return
    for orientation, count, name in ((Qt.Orientation.Horizontal, _columns(model), "col"),
                                     (Qt.Orientation.Vertical, 0, "row")):
        for section in range(count):
            value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield f"{path}/{name}{section}", value
            tip = model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield f"{path}/{name}{section}.tip", tip


def texts_of(root: QWidget, *, include_items: bool = False) -> dict[str, str]:
    """Every user-visible string under ``root`` by a path naming the widget: labels, buttons, placeholders,
    tool tips, status tips, group and tab titles, window titles, actions and menus, table headers, combo items
    (and, with ``include_items``, the cells of item views: those are usually data)."""
    found: dict[str, str] = {}

    def add(path: str, text: str | None) -> None:
        if text and text.strip():
            found[path] = text

    widgets: list[QWidget] = [root, *root.findChildren(QWidget)]
    for index, widget in enumerate(widgets):
        path = f"{type(widget).__name__}:{widget.objectName() or index}"
        add(f"{path}.tip", widget.toolTip())
        add(f"{path}.status", widget.statusTip())
        add(f"{path}.what", widget.whatsThis())
        if widget.isWindow():
            add(f"{path}.title", widget.windowTitle())
        if isinstance(widget, QLabel) and not widget.text().startswith("<"):
            add(f"{path}.text", widget.text())
        elif isinstance(widget, QLabel):
            add(f"{path}.text", re.sub(r"<[^>]+>", " ", widget.text()))
        if isinstance(widget, QAbstractButton):
            add(f"{path}.text", widget.text())
        if isinstance(widget, QLineEdit):
            add(f"{path}.placeholder", widget.placeholderText())
        if isinstance(widget, (QPlainTextEdit, QTextEdit)):
            add(f"{path}.placeholder", widget.placeholderText())
        if isinstance(widget, QGroupBox):
            add(f"{path}.title", widget.title())
        if isinstance(widget, QMenu):
            add(f"{path}.title", widget.title())
        if isinstance(widget, QTabWidget):
            for tab in range(widget.count()):
                add(f"{path}/tab{tab}", widget.tabText(tab))
                add(f"{path}/tab{tab}.tip", widget.tabToolTip(tab))
        if isinstance(widget, QComboBox):
            for item in range(widget.count()):
                add(f"{path}/item{item}", widget.itemText(item))
        if isinstance(widget, QAbstractItemView):
            model = widget.model()
            found.update(_model_headers(model, path))
            if include_items and model is not None:
                for row in range(model.rowCount(QModelIndex())):
                    for column in range(_columns(model)):
                        value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                        if isinstance(value, str):
                            add(f"{path}/r{row}c{column}", value)
        for number, action in enumerate(widget.actions()):
            add(f"{path}/action{number}.text", action.text())
            add(f"{path}/action{number}.tip", action.toolTip() if action.toolTip() != _strip(action.text()) else "")
            add(f"{path}/action{number}.status", action.statusTip())
    return found


def untranslated(english: dict[str, str], german: dict[str, str], *, same: Iterable[str] = (),
                 data: Iterable[str] = ()) -> list[str]:
    """The strings that read the same in both languages and have words in them, as ``path: 'text'`` lines;
    also strings present in one language's screen and not the other's (the screens should match)."""
    allowed = SAME_IN_GERMAN | frozenset(same) | frozenset(data)
    problems: list[str] = []
    for path in sorted(set(english) | set(german)):
        en, de = english.get(path), german.get(path)
        if en is None or de is None:
            continue  # a string shown only in one language (e.g. an empty label): not a translation question
        if en != de or not _WORD.search(en):
            continue
        if _strip(en) in allowed or en in allowed or not _WORD.search(re.sub(r"\{[^}]*\}|%\w", "", en)):
            continue
        problems.append(f"{path}: {en!r}")
    return problems


@contextmanager
def language(code: str) -> Iterator[None]:
    """Install ``code`` as the GUI language for the block; English again afterwards."""
    i18n.install(code)
    try:
        yield
    finally:
        i18n.install(i18n.SOURCE_LANGUAGE)


def compare(build: Callable[[], QWidget], *, same: Iterable[str] = (), data: Iterable[str] = (),
            include_items: bool = False) -> list[str]:
    """Build a screen in English and in German (``build`` makes it and brings it to the state to check) and
    return the strings German leaves as English. ``build`` is called once per language."""
    with language("en"):
        english = texts_of(build(), include_items=include_items)
    with language("de"):
        german = texts_of(build(), include_items=include_items)
    return untranslated(english, german, same=same, data=data)
