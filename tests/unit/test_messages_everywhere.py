"""Every message a user can be shown from the domain, the services or the adapters has a template (issue 19): a
raise of one of the user-facing errors or of a storage error (the database busy, a printer unreachable) with a
plain string or f-string would reach a German screen in English. Errors that mean a bug (ValueError, TypeError,
RuntimeError: never a message about the user's input) stay English by design."""
from __future__ import annotations

import ast
from pathlib import Path

from oms_desktop.domain import errors
from oms_desktop.domain.printing import PrinterUnavailable

ROOT = Path(__file__).resolve().parents[2] / "oms_desktop"
#: raised with a literal on purpose: caught at once and replaced by a message (the import's "a sign")
KNOWN = {("domain/order_import.py", "a sign")}
USER_FACING = {name for name, obj in vars(errors).items()
               if isinstance(obj, type) and issubclass(obj, (errors.UserFacingError, errors.StorageError))}
USER_FACING.add(PrinterUnavailable.__name__)  # a StorageError of domain/printing.py


def _plain_user_facing_raises(source: str, where: str, local_user_facing: set[str]) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
            continue
        func = node.exc.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        first = node.exc.args[0]
        plain = isinstance(first, ast.JoinedStr) or isinstance(first, ast.BinOp) or (
            isinstance(first, ast.Constant) and isinstance(first.value, str))
        if plain and name in USER_FACING | local_user_facing:
            literal = first.value if isinstance(first, ast.Constant) else ast.unparse(first)
            if (where, literal) not in KNOWN:
                found.append(f"{where}:{node.lineno}: {ast.unparse(node.exc)[:100]}")
    return found


def _local_user_facing(tree: ast.Module) -> set[str]:
    """Classes of the module that derive from a user-facing error (``class _Bad(ValidationFailed)``)."""
    local: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            bases = {b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "") for b in node.bases}
            if bases & (USER_FACING | local):
                local.add(node.name)
    return local


def test_no_user_facing_error_of_the_domain_the_services_or_the_adapters_is_raised_with_plain_english():
    found = []
    for path in sorted([*ROOT.glob("domain/*.py"), *ROOT.glob("services/*.py"), *ROOT.glob("adapters/**/*.py")]):
        source = path.read_text(encoding="utf-8")
        found += _plain_user_facing_raises(source, path.relative_to(ROOT).as_posix(),
                                           _local_user_facing(ast.parse(source)))
    assert not found, "wrap these in msg(...) (domain/messages.py) and translate them:\n" + "\n".join(found)


def test_the_scan_finds_a_plain_raise_of_a_user_facing_error_and_passes_a_message():
    bad = 'from x import ValidationFailed\nclass _Bad(ValidationFailed): pass\n' \
          'def f(n):\n    raise _Bad(f"{n} is not a number")\ndef g():\n    raise NotFound("No order.")\n'
    good = 'def f(n):\n    raise ValidationFailed(msg("{n} is not a number", n=n))\n' \
           'def g():\n    raise ValueError("a bug")\n'
    assert len(_plain_user_facing_raises(bad, "x.py", _local_user_facing(ast.parse(bad)))) == 2
    assert _plain_user_facing_raises(good, "x.py", set()) == []
