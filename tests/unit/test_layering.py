"""The one rule of direction: domain <- services <- gui; adapters are wired only by the composition roots."""
from __future__ import annotations

import pytest

from tests.helpers.imports import (PACKAGE, ROOT, imports_of, imports_of_source, is_own_module, is_stdlib,
                                   modules_under, within)

COMPOSITION_ROOTS = tuple(f"{PACKAGE}.{m}" for m in ("app", "cli", "bootstrap", "devtools", "__main__"))
"""Modules and packages that may wire adapters to services."""
GENERATED = (f"{PACKAGE}.gui.forms", f"{PACKAGE}.gui.resources_rc")


def _violations(modules: dict[str, set[str]], allowed) -> list[str]:
    return sorted(f"{mod} imports {imp}" for mod, imps in modules.items() for imp in imps if not allowed(imp))


def test_the_walker_resolves_relative_and_absolute_imports():
    imports = imports_of(ROOT / "domain" / "catalog.py")
    assert {"csv", "oms_desktop.domain.errors", "oms_desktop.domain.money"} <= imports
    assert "oms_desktop.adapters.db.engine" in imports_of(ROOT / "bootstrap.py")
    assert len(modules_under()) > 20


def test_the_domain_imports_only_the_standard_library_and_itself():
    allowed = lambda imp: is_stdlib(imp) or within(imp, f"{PACKAGE}.domain")  # noqa: E731
    assert _violations(modules_under("domain"), allowed) == []


def test_services_import_only_the_standard_library_the_domain_and_services():
    allowed = lambda imp: is_stdlib(imp) or within(imp, f"{PACKAGE}.domain", f"{PACKAGE}.services")  # noqa: E731
    assert _violations(modules_under("services"), allowed) == []


@pytest.mark.parametrize("forbidden", ["sqlalchemy", "reportlab", "psycopg", "psycopg2", f"{PACKAGE}.adapters"])
def test_the_gui_never_imports_storage_or_pdf_libraries(forbidden):
    assert _violations(modules_under("gui"), lambda imp: not within(imp, forbidden)) == []


def test_only_composition_roots_and_adapters_import_adapters():
    offenders = sorted(
        f"{mod} imports {imp}" for mod, imps in modules_under().items()
        if not within(mod, *COMPOSITION_ROOTS, f"{PACKAGE}.adapters")
        for imp in imps if is_own_module(imp) and within(imp, f"{PACKAGE}.adapters"))
    assert offenders == []


def test_an_offending_import_would_be_caught():
    # The checks above are only worth something if a violation shows up, even one hidden inside a function.
    source = "from decimal import Decimal\ndef f():\n    from ..adapters.db import engine\n    import sqlalchemy.orm\n"
    imports = imports_of_source(source, "oms_desktop.services.sneaky")
    allowed = lambda imp: is_stdlib(imp) or within(imp, f"{PACKAGE}.domain", f"{PACKAGE}.services")  # noqa: E731
    assert _violations({"oms_desktop.services.sneaky": imports}, allowed) == [
        "oms_desktop.services.sneaky imports oms_desktop.adapters.db",
        "oms_desktop.services.sneaky imports oms_desktop.adapters.db.engine",
        "oms_desktop.services.sneaky imports sqlalchemy.orm"]


def _import_cycles(modules: dict[str, set[str]]) -> list[list[str]]:
    """Groups of our modules that import each other, directly or around a loop (Tarjan's strongly connected
    components). A module's import of its own parent package is no edge: Python runs the parent first anyway."""
    graph = {mod: {imp for imp in imps if imp in modules and imp != mod and not mod.startswith(imp + ".")}
             for mod, imps in modules.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(cycles)


def test_no_module_of_ours_is_part_of_an_import_cycle():
    modules = {mod: imps for mod, imps in modules_under().items() if not within(mod, *GENERATED)}
    assert _import_cycles(modules) == []


def test_an_import_cycle_would_be_caught_even_through_a_late_import():
    a = imports_of_source("from . import b\n", "oms_desktop.x.a")
    b = imports_of_source("def f():\n    from .c import g\n", "oms_desktop.x.b")
    c = imports_of_source("from .a import h\nfrom oms_desktop.x import d\n", "oms_desktop.x.c")
    d = imports_of_source("import oms_desktop.x\n", "oms_desktop.x.d")
    found = _import_cycles({"oms_desktop.x.a": a, "oms_desktop.x.b": b, "oms_desktop.x.c": c, "oms_desktop.x.d": d})
    assert found == [["oms_desktop.x.a", "oms_desktop.x.b", "oms_desktop.x.c"]]  # d -> its package is no cycle
