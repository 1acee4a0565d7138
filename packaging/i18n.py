#!/usr/bin/env python3
"""Extract the GUI's translatable strings into Qt Linguist sources (resources/i18n/oms_<lang>_<area>.ts).

Usage (from anywhere; paths are resolved from the repository root):

    python packaging/i18n.py update            # every area: pyside6-lupdate the sources into their .ts files
    python packaging/i18n.py update orders     # one area
    python packaging/i18n.py unfinished        # list messages without a finished translation; exit 1 if any
    python packaging/i18n.py catalog           # regenerate gui/message_catalog.py (update messages does it too)

Then translate (Qt Linguist: `pyside6-linguist resources/i18n/oms_de_orders.ts`, or by hand: each
<translation> element) and compile with `python packaging/build_ui.py`, which runs pyside6-lrelease over all
.ts files of a language into resources/i18n/oms_<lang>.qm and embeds it in the Qt resources (:/i18n/).

Why one .ts file per area rather than one per language: each area of the GUI (order entry, warehouse, ...)
changes on its own, and its strings merge without touching the others'. Source locations are left out
(`-locations none`) so that moving a line of code does not rewrite the catalog.

Conventions in the code (lupdate finds only these forms):
- in a QObject subclass: ``self.tr("Text")``, ``self.tr("%n order(s)", "", n)`` for plurals;
- anywhere else: ``QCoreApplication.translate("Context", "Text")``; a table of constant strings is marked with
  ``QT_TRANSLATE_NOOP("Context", "Text")`` and translated where shown;
- placeholders are named (``"{count} orders"``, then ``.format(count=...)``): a translation may reorder them.

The domain's and the services' messages (area "messages") know no Qt: they are written
``msg("only {available} of {sku} available", available=..., sku=...)`` (``domain.messages``). lupdate cannot see
those, so :func:`message_templates` reads them from the sources (the literal first argument of ``msg``/``phrase``,
the literal ``what`` of ``require``/``_require``, the literal ``field`` of the number parsers) and writes them as
``QT_TRANSLATE_NOOP("Messages", ...)`` lines into ``oms_desktop/gui/message_catalog.py``, which lupdate reads.
"""
from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "resources" / "i18n"
GUI = ROOT / "oms_desktop" / "gui"

#: the languages besides the source language (English); each gets one .ts per area
LANGUAGES = ("de",)
TARGET_LANGUAGE = {"de": "de_DE"}

#: area -> the GUI sources whose strings it holds (directories or files, relative to oms_desktop/gui); the
#: Designer forms are read from ui/*.ui, not from their generated modules
AREAS: dict[str, tuple[str, ...]] = {
    "main": (
        "main_window.py", "labels.py", "login.py", "idle_lock.py", "errors.py", "jobs.py", "event_feed.py",
        "keyboard_map.py", "mail_sender.py", "order_import.py", "backups.py", "widgets", "../../ui", "../app.py",
    ),
    "orders": ("order_entry", "carts"),
    "warehouse": ("warehouse",),
    "accounts": ("accounts",),
    "service_desk": ("service_desk", "order_search"),
    "inventory": ("inventory",),
    "dashboard": ("dashboard",),
    "admin": ("admin",),
    "messages": ("messages.py", "message_catalog.py"),
}

#: where the domain's and the services' message templates are read from (relative to the repository root)
MESSAGE_SOURCES = ("oms_desktop/domain", "oms_desktop/services", "oms_desktop/adapters")
MESSAGE_CATALOG = GUI / "message_catalog.py"
#: calls whose first argument is a template or a phrase; calls whose third argument (or ``what=``) is a phrase;
#: calls whose ``field=`` is a phrase (the name of what was typed, inside a validation message)
_TEMPLATE_CALLS = {"msg", "phrase"}
_WHAT_CALLS = {"require", "_require"}
_FIELD_CALLS = {"parse_number", "parse_amount", "parse_whole"}


def find_tool(name: str) -> str:
    exe_dir = Path(sys.executable).parent
    for candidate in (exe_dir / name, exe_dir / f"{name}.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found beside {sys.executable} nor on PATH; pip install -e '.[test]' first")
    return found


def ts_file(language: str, area: str) -> Path:
    return I18N_DIR / f"oms_{language}_{area}.ts"


def sources(area: str) -> list[str]:
    files: list[str] = []
    for entry in AREAS[area]:
        path = GUI / entry
        if path.is_dir():
            files += sorted(str(p.resolve().relative_to(ROOT)) for p in (*path.rglob("*.py"), *path.glob("*.ui")))
        elif path.exists():
            files.append(str(path.relative_to(ROOT)))
    return files


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value else None


def message_templates() -> list[str]:
    """Every message template and phrase of the domain and the services, sorted, each once."""
    found: set[str] = set()
    for folder in MESSAGE_SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
                if isinstance(node, ast.Call):
                    func = node.func
                    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) \
                        else ""
                    keywords = {k.arg: k.value for k in node.keywords}
                    if name in _TEMPLATE_CALLS and node.args:
                        text = _literal(node.args[0])
                    elif name in _WHAT_CALLS:
                        text = _literal(node.args[2] if len(node.args) > 2 else keywords.get("what"))
                    elif name in _FIELD_CALLS:
                        text = _literal(keywords.get("field"))
                    else:
                        continue
                    if text is not None:
                        found.add(text)
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in _FIELD_CALLS:
                    args = node.args
                    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
                        if arg.arg == "field" and (text := _literal(default)) is not None:
                            found.add(text)
    return sorted(found)


def _python_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def catalog_text() -> str:
    """The text of gui/message_catalog.py for the templates in the sources now."""
    lines = [
        '"""The domain\'s and the services\' message templates, for lupdate (context "Messages").',
        "",
        "Generated by `python packaging/i18n.py catalog` (and `update messages`) from msg(...) and the other calls",
        "packaging/i18n.py reads in oms_desktop/domain and oms_desktop/services: do not edit; regenerate.",
        '"""',
        "# ruff: noqa: E501",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "TEMPLATES = (",
        *(f'    QT_TRANSLATE_NOOP("Messages", {_python_string(t)}),' for t in message_templates()),
        ")",
        "",
    ]
    return "\n".join(lines)


def write_catalog() -> bool:
    """Regenerate gui/message_catalog.py; True if it changed."""
    text = catalog_text()
    if MESSAGE_CATALOG.exists() and MESSAGE_CATALOG.read_text(encoding="utf-8") == text:
        return False
    MESSAGE_CATALOG.write_text(text, encoding="utf-8")
    return True


def update(areas: list[str]) -> None:
    if "messages" in areas:
        write_catalog()
    lupdate = find_tool("pyside6-lupdate")
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    for area in areas:
        for language in LANGUAGES:
            subprocess.run(
                [lupdate, "-locations", "none", "-no-obsolete", "-target-language", TARGET_LANGUAGE[language],
                 *sources(area), "-ts", str(ts_file(language, area).relative_to(ROOT))],
                cwd=ROOT, check=True,
            )


_MESSAGE = re.compile(r"<message(?P<attrs>[^>]*)>(?P<body>.*?)</message>", re.S)
_SOURCE = re.compile(r"<source>(.*?)</source>", re.S)


def unfinished(path: Path) -> list[str]:
    """Source texts in a .ts file whose translation is unfinished, empty or missing."""
    text = path.read_text(encoding="utf-8")
    missing: list[str] = []
    for match in _MESSAGE.finditer(text):
        body = match.group("body")
        source = _SOURCE.search(body)
        label = source.group(1) if source else "?"
        if 'type="unfinished"' in body or 'type="vanished"' in body or "<translation></translation>" in body \
                or "<numerusform></numerusform>" in body or "<translation" not in body:
            missing.append(label)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update", help="extract strings into the .ts files")
    up.add_argument("areas", nargs="*", metavar="AREA", help=f"one of {', '.join(AREAS)} (default: all)")
    sub.add_parser("unfinished", help="list messages without a finished translation")
    sub.add_parser("catalog", help="regenerate oms_desktop/gui/message_catalog.py from the message templates")
    args = parser.parse_args(argv)
    if args.command == "update":
        unknown = sorted(set(args.areas) - set(AREAS))
        if unknown:
            parser.error(f"unknown area {', '.join(unknown)}; the areas are {', '.join(AREAS)}")
        update(args.areas or list(AREAS))
        return 0
    if args.command == "catalog":
        print(f"{MESSAGE_CATALOG.relative_to(ROOT)} {'written' if write_catalog() else 'up to date'}")
        return 0
    count = 0
    for path in sorted(I18N_DIR.glob("oms_*_*.ts")):
        for label in unfinished(path):
            print(f"{path.relative_to(ROOT)}: {label}")
            count += 1
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
