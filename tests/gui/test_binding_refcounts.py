"""The Qt binding must not lose references to None. PySide6 6.12.0 dropped one on every call that returns nothing;
on Python 3.11, where None is an ordinary counted object, the app then aborted ("Fatal Python error: none_dealloc")
after some thousands of such calls: a few refreshes of the Accounts tab. The lock pins a release without it
(pyproject.toml); this keeps it so. On Python 3.12 and later None is immortal and its count never moves."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_calls_that_return_nothing_keep_none_alive(qapp):
    label, table = QLabel(), QTableWidget(3, 3)
    table.setItem(0, 0, QTableWidgetItem("a"))
    calls = [lambda: label.setText("x"), lambda: label.setToolTip("t"), lambda: table.setRowCount(3),
             lambda: table.item(0, 0).setText("b"), lambda: QObject().setObjectName("n")]
    for call in calls:
        before = sys.getrefcount(None)
        for _ in range(500):
            call()
        assert sys.getrefcount(None) - before > -100, "the binding loses references to None"
