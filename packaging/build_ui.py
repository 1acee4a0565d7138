#!/usr/bin/env python3
"""Compile Qt Designer forms (ui/*.ui) and resources (resources/oms.qrc) into committed Python modules.

Usage (from anywhere; paths are resolved from the repository root):

    python packaging/build_ui.py           # regenerate forms and resources
    python packaging/build_ui.py --ui      # only the forms:     ui/<name>.ui -> oms_desktop/gui/forms/ui_<name>.py
    python packaging/build_ui.py --rcc     # only the resources: resources/oms.qrc -> oms_desktop/gui/resources_rc.py
    python packaging/build_ui.py --check   # regenerate into a temp dir, exit 1 listing files that differ

Translations: before the resources, pyside6-lrelease compiles each language's Qt Linguist sources
(resources/i18n/oms_<lang>_<area>.ts, written by packaging/i18n.py) into one resources/i18n/oms_<lang>.qm,
which resources/oms.qrc embeds as :/i18n/oms_<lang>.qm.

The output must not depend on the machine or the moment it was built, or `--check` (run by
tests/unit/test_generated_forms.py) would fail on a fresh clone:
- rcc is run with `--format-version 1`: formats 2 and later embed each file's modification time.
- rcc is run with `--no-compress`: compressed bytes could change with the zlib/zstd build.
- the "Created by: ... version X.Y.Z" lines are dropped, so a PySide6 patch release that generates the
  same code does not count as a difference.
- uic is run with `--no-autoconnection`: signals are connected explicitly in code, and
  connectSlotsByName() would warn (failing tests, qt_log_level_fail = WARNING) on any `on_*` method.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "oms_desktop" / "gui" / "forms"
QRC_FILE = ROOT / "resources" / "oms.qrc"
RC_MODULE = ROOT / "oms_desktop" / "gui" / "resources_rc.py"
I18N_DIR = ROOT / "resources" / "i18n"

# uic writes `import <qrc stem>_rc` for a .ui that uses icons from a .qrc; our compiled
# resources live in the package, so that import is rewritten to this one.
RC_IMPORTS = {
    "oms": "from oms_desktop.gui import resources_rc  # noqa: F401  (registers :/icons/...)",
}

_VERSION_LINE = re.compile(r"^(#+ Created by: .*?) version \d+(\.\d+)*\s*$")
_RC_IMPORT_LINE = re.compile(r"^import (\w+)_rc\s*$")


class BuildError(Exception):
    """A tool is missing or failed; the message says which and what to do."""


@dataclass(frozen=True)
class Target:
    source: Path  # absolute path of the .ui or .qrc
    output: Path  # absolute path of the generated module
    tool: str  # "pyside6-uic" or "pyside6-rcc"

    @property
    def header(self) -> str:
        return f"# generated from {rel(self.source)} by packaging/build_ui.py - do not edit\n"


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def find_tool(name: str) -> str | None:
    """Find a PySide6 tool: beside this interpreter first (a venv not on PATH), then on PATH."""
    exe_dir = Path(sys.executable).parent
    for candidate in (exe_dir / name, exe_dir / f"{name}.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which(name)


def targets(*, ui: bool, rcc: bool) -> list[Target]:
    found: list[Target] = []
    if ui:
        for source in sorted(UI_DIR.glob("*.ui")):
            found.append(Target(source, FORMS_DIR / f"ui_{source.stem}.py", "pyside6-uic"))
    if rcc and QRC_FILE.exists():
        found.append(Target(QRC_FILE, RC_MODULE, "pyside6-rcc"))
    return found


def run_tool(target: Target) -> str:
    tool = find_tool(target.tool)
    if tool is None:
        raise BuildError(
            f"{target.tool} not found beside {sys.executable} nor on PATH; "
            "install the project first: pip install -e '.[test]'"
        )
    if target.tool == "pyside6-uic":
        args = [tool, "--no-autoconnection", target.source.name]
    else:
        args = [tool, "--format-version", "1", "--no-compress", target.source.name]
    env = dict(os.environ)
    env.setdefault("QT_RCC_SOURCE_DATE_OVERRIDE", "0")  # belt and braces with --format-version 1
    proc = subprocess.run(
        args,
        cwd=target.source.parent,  # relative input name: no absolute path leaks into the output
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if proc.returncode != 0:
        raise BuildError(f"{target.tool} failed on {rel(target.source)}:\n{proc.stderr.strip()}")
    return proc.stdout


def postprocess(target: Target, generated: str) -> str:
    lines: list[str] = []
    for line in generated.replace("\r\n", "\n").split("\n"):
        version = _VERSION_LINE.match(line)
        if version:
            line = version.group(1)
        rc_import = _RC_IMPORT_LINE.match(line)
        if rc_import:
            stem = rc_import.group(1)
            if stem not in RC_IMPORTS:
                raise BuildError(
                    f"{rel(target.source)} uses resource file {stem}.qrc, which build_ui.py does not compile; "
                    f"use resources/oms.qrc or add {stem!r} to RC_IMPORTS"
                )
            line = RC_IMPORTS[stem]
        lines.append(line.rstrip())
    body = "\n".join(lines).strip("\n") + "\n"
    return target.header + body


def translation_sources() -> dict[str, list[Path]]:
    """language -> its .ts files (resources/i18n/oms_<lang>_<area>.ts)."""
    found: dict[str, list[Path]] = {}
    for ts in sorted(I18N_DIR.glob("oms_*_*.ts")):
        language = ts.stem.split("_")[1]
        found.setdefault(language, []).append(ts)
    return found


def release(language: str, ts_files: list[Path], out: Path) -> None:
    tool = find_tool("pyside6-lrelease")
    if tool is None:
        raise BuildError("pyside6-lrelease not found; install the project first: pip install -e '.[test]'")
    proc = subprocess.run(
        [tool, "-silent", "-nounfinished", *[rel(p) for p in ts_files], "-qm", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        raise BuildError(f"pyside6-lrelease failed for {language}:\n{proc.stderr.strip()}")


def qm_file(language: str) -> Path:
    return I18N_DIR / f"oms_{language}.qm"


def generate(target: Target) -> str:
    return postprocess(target, run_tool(target))


def build(selected: list[Target]) -> int:
    if any(t.tool == "pyside6-rcc" for t in selected):
        for language, ts_files in translation_sources().items():
            out = qm_file(language)
            old = out.read_bytes() if out.exists() else None
            release(language, ts_files, out)
            print(f"{'unchanged' if old == out.read_bytes() else 'wrote    '} {rel(out)}")
    for target in selected:
        text = generate(target)
        target.output.parent.mkdir(parents=True, exist_ok=True)
        old = target.output.read_text(encoding="utf-8") if target.output.exists() else None
        if old != text:
            target.output.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote     {rel(target.output)}")
        else:
            print(f"unchanged {rel(target.output)}")
    return 0


def stale_forms(selected: list[Target]) -> list[Path]:
    """Generated form modules whose .ui source is gone."""
    wanted = {t.output for t in selected}
    return [p for p in sorted(FORMS_DIR.glob("ui_*.py")) if p not in wanted]


def check(selected: list[Target], *, include_stale: bool) -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="oms-build-ui-") as tmp:
        if any(t.tool == "pyside6-rcc" for t in selected):
            for language, ts_files in translation_sources().items():
                fresh_qm = Path(tmp) / qm_file(language).name
                release(language, ts_files, fresh_qm)
                if not qm_file(language).exists():
                    problems.append(f"missing   {rel(qm_file(language))} (from resources/i18n/oms_{language}_*.ts)")
                elif qm_file(language).read_bytes() != fresh_qm.read_bytes():
                    problems.append(f"differs   {rel(qm_file(language))} (from resources/i18n/oms_{language}_*.ts)")
        for target in selected:
            fresh = generate(target)
            scratch = Path(tmp) / target.output.name
            scratch.write_text(fresh, encoding="utf-8", newline="\n")
            if not target.output.exists():
                problems.append(f"missing   {rel(target.output)} (from {rel(target.source)})")
            elif target.output.read_text(encoding="utf-8") != scratch.read_text(encoding="utf-8"):
                problems.append(f"differs   {rel(target.output)} (from {rel(target.source)})")
    if include_stale:
        problems += [f"stale     {rel(p)} (its .ui is gone; delete it)" for p in stale_forms(selected)]
    if problems:
        print("Generated files are out of date:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        print("Run `python packaging/build_ui.py` and commit the result.", file=sys.stderr)
        return 1
    print(f"{len(selected)} generated file(s) up to date")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ui", action="store_true", help="only compile ui/*.ui")
    parser.add_argument("--rcc", action="store_true", help="only compile resources/oms.qrc")
    parser.add_argument("--check", action="store_true", help="compare with fresh output; exit 1 if any differ")
    args = parser.parse_args(argv)
    do_all = not (args.ui or args.rcc)
    selected = targets(ui=do_all or args.ui, rcc=do_all or args.rcc)
    try:
        if args.check:
            return check(selected, include_stale=do_all or args.ui)
        return build(selected)
    except BuildError as exc:
        print(f"build_ui.py: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
