"""The house stays easy to change (issue 12): small service modules, classes of one concern, ports without ``Any``."""
from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil

import oms_desktop.adapters.db as db_package
import oms_desktop.services as services_package
from tests.helpers.imports import ROOT

MAX_SERVICE_MODULE_LINES = 500
MAX_PUBLIC_METHODS = 20
PORT_MODULES = ("ports.py", "repository_ports.py")
"""Modules that are nothing but ports; any other module's ``typing.Protocol`` classes are ports too."""
RECORD_MODULES = "repository_records"
"""Modules whose name starts so hold the frozen records repositories return: ports too."""


def _service_and_repository_classes() -> list[type]:
    modules = [importlib.import_module(f"{services_package.__name__}.{m.name}")
               for m in pkgutil.iter_modules(services_package.__path__)]
    modules += [importlib.import_module(f"{db_package.__name__}.{m.name}")
                for m in pkgutil.iter_modules(db_package.__path__) if m.name.startswith("repositories")]
    return [cls for mod in modules for cls in vars(mod).values()
            if inspect.isclass(cls) and cls.__module__ == mod.__name__]


def _public_methods(cls: type) -> list[str]:
    """Public callables, inherited ones included (a base class's methods are part of what a caller sees)."""
    return sorted(n for n in dir(cls) if not n.startswith("_") and callable(getattr(cls, n, None)))


def _any_in_ports() -> list[str]:
    """Where ``Any`` is named in a port: anywhere in the port modules, in any ``Protocol`` class elsewhere in
    ``services/``."""
    found = []
    for path in sorted((ROOT / "services").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if path.name in PORT_MODULES or path.name.startswith(RECORD_MODULES):
            scopes: list[ast.AST] = [tree]
        else:
            scopes = [c for c in tree.body if isinstance(c, ast.ClassDef)
                      and any(ast.unparse(b).endswith("Protocol") for b in c.bases)]
        found += [f"{path.name}:{node.lineno}" for scope in scopes for node in ast.walk(scope)
                  if (isinstance(node, ast.Name) and node.id == "Any")
                  or (isinstance(node, ast.Attribute) and node.attr == "Any")]
    return sorted(set(found))


def test_no_module_under_services_is_over_500_lines():
    long = {p.name: n for p in (ROOT / "services").glob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_SERVICE_MODULE_LINES}
    assert long == {}


def test_no_service_or_repository_class_has_more_than_20_public_methods():
    classes = _service_and_repository_classes()
    assert len(classes) > 40  # the services, the repositories and their ports were all found
    big = {f"{c.__module__}.{c.__name__}": len(m) for c in classes if len(m := _public_methods(c)) > MAX_PUBLIC_METHODS}
    assert big == {}


def test_no_port_is_typed_any():
    """Ports are ``typing.Protocol``s with precise types, and repositories return frozen records, not rows: no ``Any``
    anywhere in a port, not even for a column's value."""
    assert _any_in_ports() == []


def test_any_in_a_port_would_be_caught(tmp_path, monkeypatch):
    import tests.unit.test_structure as me
    services = tmp_path / "services"
    services.mkdir()
    (services / "ports.py").write_text("from typing import Any\nColumn = int\nclass P:\n    x: Any\n")
    (services / "repository_ports.py").write_text("from typing import Any\nColumn = Any\nOther = Any\n")
    (services / "other.py").write_text("import typing\nclass Q(typing.Protocol):\n    def f(self) -> typing.Any: ...\n"
                                       "class NotAPort:\n    y: typing.Any\n")
    (services / "repository_records_x.py").write_text("from typing import Any\nclass R:\n    x: Any\n")
    monkeypatch.setattr(me, "ROOT", tmp_path)
    assert me._any_in_ports() == ["other.py:3", "ports.py:4", "repository_ports.py:2", "repository_ports.py:3",
                                  "repository_records_x.py:3"]
