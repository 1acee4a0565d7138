"""Fixtures the GUI modules share."""
from __future__ import annotations

import pytest

from oms_desktop.gui.accounts import AccountsTab
from oms_desktop.gui.jobs import JobRunner


@pytest.fixture
def accounts_tab(qtbot, catalog, admin) -> AccountsTab:
    """The accounts tab on the sample catalog, shown, its jobs run synchronously."""
    widget = AccountsTab(catalog, admin, JobRunner(synchronous=True))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitSignal(widget.refreshed, timeout=3000)
    return widget
