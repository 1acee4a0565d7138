"""Shared fixtures: databases (SQLite in tmp_path, throwaway PostgreSQL databases), services, actors."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests.helpers.fixtures import *  # noqa: E402,F401,F403


def pytest_collection_modifyitems(config, items):
    # Every test that touches Qt is marked 'gui', so `pytest -m "not gui"` runs the rest alone.
    for item in items:
        if {"qtbot", "qapp", "qtmodeltester"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)
