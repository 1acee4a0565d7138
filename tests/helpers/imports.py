"""Walking the imports of the oms_desktop package (ast, no import executed): for the layering and formatting tests."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = "oms_desktop"
ROOT = Path(__file__).resolve().parents[2] / PACKAGE
STDLIB = frozenset(sys.stdlib_module_names)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    return imports_of_source(path.read_bytes(), module_name(path), is_package=path.name == "__init__.py")


def imports_of_source(source: bytes | str, module: str, *, is_package: bool = False) -> set[str]:
    """Absolute names of every module imported anywhere in the file (also inside functions and TYPE_CHECKING)."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module
            # 'from . import x' may name submodules: record both the package and package.x
            found.add(prefix)
            found.update(f"{prefix}.{alias.name}" for alias in node.names if alias.name != "*")
    return found


def modules_under(under: str = "") -> dict[str, set[str]]:
    base = ROOT / under if under else ROOT
    if not base.exists():
        return {}
    return {module_name(p): imports_of(p) for p in sorted(base.rglob("*.py"))}


def is_stdlib(name: str) -> bool:
    return name.split(".")[0] in STDLIB


def within(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def is_own_module(name: str) -> bool:
    """'from .x import Name' records pkg.x.Name too; keep only names that are modules or packages of ours."""
    return name.split(".")[0] == PACKAGE
