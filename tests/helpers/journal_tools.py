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


def require_hledger() -> str:
    """The path of ``hledger`` (Debian package). Without it the test is reported as skipped, with the reason, on a
    developer machine, and fails in CI (CI=true). Call it after the test's other checks, which then still run."""
    found = shutil.which("hledger")
    if found is None:
        message = "hledger not found (apt install hledger): the hledger checks did not run"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found
