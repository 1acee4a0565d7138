"""The one rule of direction: domain <- services <- gui; adapters are wired only by the composition roots."""
from __future__ import annotations

import pytest

from tests.helpers.imports import (PACKAGE, ROOT, imports_of, imports_of_source, is_own_module, is_stdlib,
                                   modules_under, within)

COMPOSITION_ROOTS = {f"{PACKAGE}.{m}" for m in ("app", "cli", "bootstrap", "bench", "demo", "__main__")}


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
        if mod not in COMPOSITION_ROOTS and not within(mod, f"{PACKAGE}.adapters")
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
