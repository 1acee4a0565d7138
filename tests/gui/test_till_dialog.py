"""The till dialog with a synchronous job runner: open with a float, cash in and out, close with the count beside
what is expected, the Z report saved as a PDF; bad input listed in the dialog; an accountant only reads."""
from __future__ import annotations

from decimal import Decimal

import pytest

from oms_desktop.gui.accounts.till_dialog import TillDialog
from oms_desktop.gui.jobs import JobRunner


@pytest.fixture
def dialog_for(qtbot, catalog, users):
    def make(role: str) -> TillDialog:
        dialog = TillDialog(catalog, users[role], JobRunner(synchronous=True))
        dialog.open_pdf = False
        qtbot.addWidget(dialog)
        return dialog
    return make


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_counter_opens_moves_cash_and_closes_the_till_saving_the_z_report(dialog_for, catalog, users, tmp_path):
    dialog = dialog_for("counter")
    assert "FRONT is closed" in dialog.status_label.text() and not dialog.close_box.isEnabled()
    dialog.float_edit.setText("-5")
    dialog.open_button.click()
    assert "the float must not be negative" in dialog.error_label.text() and dialog.current is None
    dialog.float_edit.setText("100.00")
    dialog.open_button.click()
    assert "FRONT is open (Z-000001" in dialog.status_label.text() and dialog.close_box.isEnabled()
    assert dialog.expected_cash_label.text() == "€100.00"

    order = catalog.orders.place_order(users["counter"], None, [("BOOK-01", 1)])
    catalog.receivables.record_payment(users["counter"], order.id, order.total, "cash")
    dialog.move_amount_edit.setText("0")
    dialog.cash_out_button.click()  # no amount, no reason: both named
    assert "more than zero" in dialog.error_label.text() and "say why" in dialog.error_label.text()
    dialog.move_amount_edit.setText("40")
    dialog.reason_edit.setText("drop to the safe")
    dialog.cash_out_button.click()
    expected = Decimal("100.00") + order.total - Decimal("40.00")
    assert dialog.expected_cash_label.text() == f"€{expected}"

    saved = tmp_path / "z.pdf"
    dialog.ask_path = lambda _parent, number: str(saved) if number == "Z-000001" else ""
    dialog.counted_cash_edit.setText(str(expected + Decimal("0.50")))
    with_closed = []
    dialog.closed.connect(with_closed.append)
    dialog.close_button.click()
    assert with_closed and with_closed[0].over_short == Decimal("0.50")
    assert "over €0.50" in dialog.error_label.text() and f"saved to {saved}" in dialog.error_label.text()
    assert saved.read_bytes().startswith(b"%PDF") and dialog.current is None
    assert "FRONT is closed" in dialog.status_label.text()
    assert all(r.ok for r in catalog.checks.run(users["admin"]))


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_an_accountant_sees_the_till_but_cannot_operate_it(dialog_for, catalog, users):
    catalog.till.open(users["counter"], "FRONT", "10")
    dialog = dialog_for("accountant")
    assert "FRONT is open" in dialog.status_label.text() and dialog.expected_cash_label.text() == "€10.00"
    assert not any(box.isEnabled() for box in (dialog.open_box, dialog.cash_box, dialog.close_box))
    assert dialog.report_button.isEnabled()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_days_sessions_are_listed_and_a_picked_one_saved_as_its_z_report(dialog_for, catalog, users, tmp_path):
    counter = users["counter"]
    catalog.till.open(counter, "FRONT", "10")
    catalog.till.close(counter, "FRONT", {"cash": "9.00"})
    catalog.till.open(counter, "BACK", "5")
    dialog = dialog_for("accountant")
    table = dialog.sessions_table
    rows = [[table.item(r, c).text() for c in (0, 1, 2, 8)] for r in range(table.rowCount())]
    assert rows == [["Z-000001", "FRONT", "closed", "-€1.00"], ["Z-000002", "BACK", "open", ""]]
    asked = []
    dialog.ask_path = lambda _parent, number: asked.append(number) or str(tmp_path / f"{number}.pdf")
    table.selectRow(1)
    dialog.report_button.click()
    assert asked == ["Z-000002"] and (tmp_path / "Z-000002.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_accounts_tab_offers_the_till_to_the_counter_and_not_to_agents(qtbot, catalog, users):
    from oms_desktop.gui.accounts import AccountsTab
    shown = {}
    for role in ("counter", "agent"):
        tab = AccountsTab(catalog, users[role], JobRunner(synchronous=True))
        qtbot.addWidget(tab)
        shown[role] = tab.till_button.isVisibleTo(tab)
        if role == "counter":
            assert isinstance(tab.till_dialog(), TillDialog)
    assert shown == {"counter": True, "agent": False}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_z_report_prints_through_a_print_preview_of_its_pages(qtbot, dialog_for, catalog, users):
    """Issue 17: every document prints with a preview; the Z report too (on the printer last used for Z reports)."""
    import io

    from pypdf import PdfReader
    counter = users["counter"]
    catalog.till.open(counter, "FRONT", "10")
    z = catalog.till.close(counter, "FRONT", {"cash": "10.00"})
    dialog = dialog_for("counter")
    dialog.print_button.click()
    preview = dialog.print_preview
    qtbot.waitUntil(preview.isVisible)
    assert preview.kind == "z_report" and z.number in preview.windowTitle()
    pdf = catalog.till.report_pdf(counter, z.session_id)
    assert len(preview.pages) == len(PdfReader(io.BytesIO(pdf)).pages) >= 1
    preview.reject()
