"""The journal checkers tests run on exports: Beancount's ``bean-check`` and ``hledger``."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest


def bean_check() -> str:
    """``bean-check`` from the test extras: beside this interpreter (a venv's ``bin/``, not necessarily on PATH when
    the tests run as ``.venv/bin/python -m pytest``), else from PATH."""
    beside = Path(sys.executable).with_name("bean-check")
    found = str(beside) if beside.exists() else shutil.which("bean-check")
    if found is None:
        pytest.fail("bean-check not found: install the test extras (pip install -e '.[test]')")
    return found


def hledger() -> str | None:
    """``hledger`` (Debian package), None on a developer machine without it; in CI (CI=true) its absence fails."""
    found = shutil.which("hledger")
    if found is None and os.environ.get("CI", "").lower() == "true":
        pytest.fail("hledger not found (apt install hledger)")
    return found
