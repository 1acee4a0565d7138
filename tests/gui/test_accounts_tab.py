"""The accounts tab and the counter's Pay now: live queue, payments typed as text, invoices, credit notes, refunds,
journal filters, trial balance, aging and cash flow."""
from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from oms_desktop.gui.accounts import payment_dialog as pd
from oms_desktop.gui.accounts.payment_dialog import PaymentDialog
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.order_entry import OrderEntryTab
from tests.helpers.money_text import on_paper, shown


@pytest.fixture
def typed_payment(monkeypatch):
    """Stands in for the person at the payment dialog: fills the fields as typed text, then presses OK."""
    answers: list[dict] = []

    def exec_(dialog: PaymentDialog) -> int:
        fields = answers.pop(0)
        index = dialog.method_combo.findData(fields.get("method", "cash"))
        dialog.method_combo.setCurrentIndex(index)
        for name in ("amount", "tendered", "last4", "reference", "notes"):
            if name in fields:
                getattr(dialog, f"{name}_edit").setText(fields[name])
        dialog.try_accept()
        dialog.shown_error = dialog.error_label.text()
        return QDialog.DialogCode.Accepted if dialog.result_values is not None else QDialog.DialogCode.Rejected

    monkeypatch.setattr(PaymentDialog, "exec", exec_)
    return answers


@pytest.fixture
def tab(accounts_tab):
    return accounts_tab


def _queue(tab) -> dict[str, list[str]]:
    tree = tab.queue_tree
    out = {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        out[group.text(0).split(" (")[0]] = [group.child(j).text(0) for j in range(group.childCount())]
    return out


def test_the_queue_follows_payments_and_invoices_as_events_arrive(qtbot, tab, catalog, admin):
    order = catalog.orders.place_order(admin, None, [("LAMP-01", 1)])
    catalog.receivables.record_payment(admin, order.id, "23.79", "cash")
    events = catalog.events.since(admin, 0)
    with qtbot.waitSignal(tab.refreshed, timeout=3000):
        tab.on_events(events)
    assert _queue(tab)["Paid, waiting for an invoice"] == [order.number]
    tab.order_edit.setText(order.number)
    with qtbot.waitSignal(tab.refreshed, timeout=3000):
        qtbot.keyClick(tab, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert "Issued invoice INV-000001" in tab.message_label.text()
    assert _queue(tab)["Paid, waiting for an invoice"] == []
    assert tab.invoice_table.item(0, 0).text() == "INV-000001"
    trial = {tab.trial_table.item(r, 0).text(): tab.trial_table.item(r, 4).text()
             for r in range(tab.trial_table.rowCount())}
    assert trial["Total"] == shown('0.00') and trial["Income:Sales"] == shown('-19.99')


def test_a_payment_is_typed_as_text_and_a_partial_one_leaves_the_rest_due(qtbot, tab, catalog, admin,
                                                                          typed_payment):
    order = catalog.orders.place_order(admin, None, [("BOOK-01", 2)])  # 25.68
    catalog.billing.issue_invoice(admin, order.id)
    tab.order_edit.setText(order.number)
    typed_payment.append({"method": "bank", "amount": "10,50", "reference": "SEPA 7"})
    with qtbot.waitSignal(tab.refreshed, timeout=3000):
        tab.record_payment()
    assert f"still due {shown('15.18')}" in tab.message_label.text()
    assert catalog.receivables.order_account(admin, order.id).paid == Decimal("10.50")
    assert _queue(tab)["Invoiced, awaiting payment"] == [order.number]
    flow = [tab.flow_table.item(0, c).text() for c in range(5)]
    assert flow[1:] == ["bank", shown('10.50'), shown('0.00'), shown('10.50')]


def test_the_payment_dialog_refuses_card_numbers_and_bad_amounts_before_anything_is_sent(qtbot):
    dialog = PaymentDialog("SO-000001", Decimal("12.00"), "EUR")
    qtbot.addWidget(dialog)
    dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("card"))
    dialog.amount_edit.setText("12.001")
    dialog.reference_edit.setText("4111 1111 1111 1111")
    dialog.try_accept()
    assert dialog.result_values is None
    assert "more than 2 decimals" in dialog.error_label.text()
    assert "looks like a card number" in dialog.error_label.text()
    dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("cash"))
    dialog.amount_edit.setText("12.00")
    dialog.reference_edit.clear()
    dialog.tendered_edit.setText("20")
    assert dialog.change_label.text() == shown('8.00')
    dialog.try_accept()
    assert dialog.result_values["amount"] == Decimal("12.00") and dialog.result_values["change"] == Decimal("8.00")


def test_credit_note_and_refund_from_the_tab(qtbot, tab, catalog, admin, typed_payment, monkeypatch):
    order = catalog.orders.place_order(admin, None, [("LAMP-01", 2)])
    catalog.billing.issue_invoice(admin, order.id)
    catalog.receivables.record_payment(admin, order.id, "47.58", "card", card_last4="4242")
    tab.order_edit.setText(order.number)
    monkeypatch.setattr(tab, "ask_credit_lines", lambda invoice: ([("LAMP-01", "1")], "broken"))
    with qtbot.waitSignal(tab.refreshed, timeout=3000):
        tab.credit_note()
    assert f"Issued credit note CRN-000001 for INV-000001: {shown('23.79')}" in tab.message_label.text()
    assert _queue(tab)["Customer credit: refund or keep"] == [order.number]
    typed_payment.append({"method": "card", "amount": "23.79"})
    with qtbot.waitSignal(tab.refreshed, timeout=3000):
        tab.refund()
    assert f"Refunded {shown('23.79')} card" in tab.message_label.text()
    assert catalog.ledger.ledger_problems() == []
    kinds = [tab.journal_tree.topLevelItem(i).text(2) for i in range(tab.journal_tree.topLevelItemCount())]
    assert kinds == ["refund", "credit note", "receipt", "sale"]
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("receipt"))  # filters reload the journal
    assert tab.journal_tree.topLevelItemCount() == 1


def test_invoices_and_credit_notes_issue_in_a_write_job_and_render_their_pdfs_in_a_read_job_after_it(
        qtbot, tab, catalog, admin, monkeypatch):
    running: list[bool] = []  # the write flag of the job running now
    real_submit = tab.jobs.submit

    def submit(fn, *, write=False, **kw):
        def run(job):
            running.append(write)
            try:
                return fn(job)
            finally:
                running.pop()
        return real_submit(run, write=write, **kw)

    monkeypatch.setattr(tab.jobs, "submit", submit)
    real = catalog.billing.renderer
    rendered: list[tuple[str, bool]] = []

    class Renderer:
        def render_invoice(self, doc):
            rendered.append((doc.number, running[-1]))
            return real.render_invoice(doc)

    monkeypatch.setattr(catalog.billing, "renderer", Renderer())
    order = catalog.orders.place_order(admin, None, [("LAMP-01", 2)])
    tab.order_edit.setText(order.number)
    with qtbot.waitSignal(tab.refreshed, timeout=3000):
        tab.issue_invoice()
    monkeypatch.setattr(tab, "ask_credit_lines", lambda invoice: ([("LAMP-01", "1")], "broken"))
    tab.order_edit.setText(order.number)
    with qtbot.waitSignal(tab.refreshed, timeout=3000):
        tab.credit_note()
    assert rendered == [("INV-000001", False), ("CRN-000001", False)]  # read jobs, after the write jobs
    catalog.billing.invoice_pdf(admin, "INV-000001")
    catalog.billing.invoice_pdf(admin, "CRN-000001")
    assert len(rendered) == 2  # the read jobs stored them: a reprint is the stored document


def test_an_accountant_sees_the_error_of_a_refused_action_in_the_message_line(qtbot, tab, catalog, admin):
    order = catalog.orders.create_draft(admin)
    tab.order_edit.setText(order.number)
    tab.issue_invoice()
    assert "only confirmed orders can be invoiced" in tab.message_label.text()


def test_pay_now_at_the_counter_takes_the_payment_and_saves_the_80mm_receipt(qtbot, catalog, admin, typed_payment,
                                                                             monkeypatch, tmp_path):
    catalog.auth.add_user(admin, "till", "counter", "till-clerk-pw")
    clerk = catalog.auth.sign_in("till", "till-clerk-pw")
    entry = OrderEntryTab(catalog, clerk, JobRunner(synchronous=True))
    qtbot.addWidget(entry)
    entry.show_tracking = lambda order: None
    entry.show()
    entry.activateWindow()
    qtbot.waitUntil(entry.customer_edit.hasFocus)
    qtbot.keyClick(entry, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "Nothing to pay" in entry.message_label.text()
    qtbot.keyClicks(entry.product_edit, "LAMP-01")
    qtbot.keyClick(entry.product_edit, Qt.Key.Key_Return)
    qtbot.keyClick(entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert entry.last_confirmed is not None
    receipt = tmp_path / "receipt.pdf"
    monkeypatch.setattr(pd, "ask_receipt_choice", lambda parent, number: "save")
    monkeypatch.setattr(pd, "ask_receipt_path", lambda parent, number: str(receipt))
    typed_payment.append({"method": "cash", "amount": "23.79", "tendered": "50"})
    qtbot.keyClick(entry, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert f"Receipt saved to {receipt}" in entry.message_label.text()
    assert receipt.read_bytes().startswith(b"%PDF")
    account = catalog.receivables.order_account(admin, entry.last_confirmed.id)
    assert account.paid == Decimal("23.79") and account.payments[0].method == "cash"
    from tests.helpers.pdf_tools import pdf_to_text, require_tools
    require_tools("pdftotext")
    text = pdf_to_text(receipt.read_bytes())
    assert f"TOTAL {on_paper('23.79')}" in text and f"Change {on_paper('26.21')}" in text  # as on screen (en_US)



def test_pay_now_pays_the_cart_on_screen_not_the_order_before_it(qtbot, catalog, admin, customer, typed_payment,
                                                                 monkeypatch):
    catalog.auth.add_user(admin, "till", "counter", "till-clerk-pw")
    clerk = catalog.auth.sign_in("till", "till-clerk-pw")
    entry = OrderEntryTab(catalog, clerk, JobRunner(synchronous=True))
    qtbot.addWidget(entry)
    entry.show_tracking = lambda order: None
    entry.show()
    entry.activateWindow()
    qtbot.waitUntil(entry.customer_edit.hasFocus)
    monkeypatch.setattr(pd, "ask_receipt_choice", lambda parent, number: None)  # "No receipt"
    qtbot.keyClicks(entry.product_edit, "2*LAMP-01")  # the first customer's order, confirmed and left unpaid
    qtbot.keyClick(entry.product_edit, Qt.Key.Key_Return)
    qtbot.keyClick(entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    first = entry.last_confirmed
    entry.set_customer(customer)  # the next customer at the counter
    qtbot.keyClicks(entry.product_edit, "BULB-E27")
    qtbot.keyClick(entry.product_edit, Qt.Key.Key_Return)
    cart = entry.order
    seen = []
    real_init = PaymentDialog.__init__

    def init(self, order_number, due, *args, **kw):
        seen.append((order_number, due, self))
        real_init(self, order_number, due, *args, **kw)

    monkeypatch.setattr(PaymentDialog, "__init__", init)
    typed_payment.append({"method": "cash", "amount": str(cart.total)})
    qtbot.keyClick(entry, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert [(n, due) for n, due, _d in seen] == [(cart.number, cart.total)]  # this cart, not the one before
    assert seen[0][2].whom_label.text() == f"{cart.number}  ·  {customer.name}"
    assert catalog.orders.get_order(admin, cart.number).status == "confirmed"  # confirmed by Pay now
    assert catalog.receivables.order_account(admin, cart.number).paid == cart.total
    assert catalog.receivables.order_account(admin, first.number).paid == 0


def test_roles_that_may_not_take_payments_never_see_pay_now(qtbot, catalog, admin):
    catalog.auth.add_user(admin, "ag", "agent", "agent-pw")
    agent = catalog.auth.sign_in("ag", "agent-pw")
    entry = OrderEntryTab(catalog, agent, JobRunner(synchronous=True))
    qtbot.addWidget(entry)
    entry.show()
    assert entry.pay_button.isHidden()
    entry.activateWindow()
    qtbot.waitUntil(entry.customer_edit.hasFocus)
    qtbot.keyClicks(entry.product_edit, "LAMP-01")
    qtbot.keyClick(entry.product_edit, Qt.Key.Key_Return)
    qtbot.keyClick(entry, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # nothing opens, nothing is confirmed
    assert catalog.orders.get_order(admin, entry.order.number).status == "draft"
