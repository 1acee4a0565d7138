"""File > Import orders: the file is previewed (a dry run: nothing written), then imported with one key."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from oms_desktop.adapters.db import models as m
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.order_import import OrderImportDialog

SHOPIFY = Path(__file__).resolve().parents[1] / "data" / "shopify_orders.csv"
pytestmark = pytest.mark.gui


def orders(backend) -> int:
    with backend.engine.connect() as c:
        return c.execute(select(func.count()).select_from(m.Order)).scalar_one()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_preview_then_import(qtbot, backend, catalog, customer, admin):
    dialog = OrderImportDialog(backend.services, admin, JobRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.load(str(SHOPIFY))
    rows = {(r.ref, r.outcome) for r in dialog.model.rows}
    assert {("#1001", "would be imported"), ("#1004", "not imported"), ("#0999", "left out")} <= rows
    assert "3 would be imported" in dialog.summary.text() and "customers matched 2, new 1" in dialog.summary.text()
    assert orders(backend) == 0 and dialog.import_button.isEnabled()  # the preview wrote nothing

    dialog.import_button.click()
    assert orders(backend) == 3
    numbers = [r.outcome for r in dialog.model.rows if r.outcome.startswith("imported as ")]
    assert len(numbers) == 3 and not dialog.import_button.isEnabled()
    assert "why" not in dialog.summary.text() and "3 imported" in dialog.summary.text()

    dialog.load(str(SHOPIFY))  # the same file again: nothing to import
    assert not dialog.import_button.isEnabled() and "3 already imported" in dialog.summary.text()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_file_that_is_not_an_export_says_so(qtbot, backend, admin, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("hello,world\n1,2\n")
    dialog = OrderImportDialog(backend.services, admin, JobRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.load(str(path))
    assert "cannot be imported" in dialog.summary.text() and "not recognised" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_escape_after_a_preview_closes_the_dialog(qtbot, backend, catalog, admin):
    dialog = OrderImportDialog(backend.services, admin, JobRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(str(SHOPIFY))
    dialog.cancel_button.click()
    assert not dialog.isVisible()
