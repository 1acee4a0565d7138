"""Invoicing what shipped, on SQLite and PostgreSQL: a short pick ships part of an order, the first invoice bills the
units that left, the backorder ships later and the second invoice bills the rest; the invoices add up to the order's
total to the cent under either tax rounding, units are never invoiced twice, credit notes free units to invoice
again, and the books stay right at every step."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from oms_desktop import cli
from oms_desktop.domain.errors import BusinessRuleViolation, ValidationFailed
from tests.helpers.pdf_tools import pdf_to_text, require_tools

ADMIN_PW = "admin-pw"
ROUNDING = "sku,name,unit_price,tax_rate,on_hand\nNUT-07,Hex nut,0.07,0.19,50\nGUIDE-12,Guide,12.00,0.07,20\n"
"""A 0.07 nut at 19 %: one unit's tax is 0.0133 (0.01), four units' 0.0532 (0.05), five units' 0.0665 (0.07), so an
order of five split one + four shipped would be invoiced a cent short if each invoice only rounded its own units."""


@pytest.fixture
def warehouse(users):
    return users["warehouse"]


def _ship_what_is_found(services, warehouse, order_id, found=None, carrier_ref="JD1"):
    """A pick list of the order (or of its backorder), picks confirmed (``found``: SKU -> units, the rest short),
    packed and shipped."""
    pl = services.picking.create_pick_list(warehouse, [order_id])
    services.picking.confirm_picks(warehouse, pl.id, found or {}, default_reason="not at the location")
    services.shipping.pack_order(warehouse, order_id, carrier="DHL", carrier_ref=carrier_ref)
    return services.shipping.ship_order(warehouse, order_id)


def _books(services, admin) -> tuple:
    """Everything an invoice writes: invoices, journal, events, the counter; to show a refusal changed nothing."""
    return (tuple(services.billing.list_invoices(admin)), len(services.ledger.journal(admin)),
            services.events.last_id(), services.ledger.trial_balance(admin))


@pytest.mark.parametrize("mode", ["line", "document"])
def test_a_short_pick_is_invoiced_as_it_ships_and_the_invoices_add_up_to_the_order_to_the_cent(
        services, admin, warehouse, customer, mode):
    services.company.update(admin, tax_rounding=mode)
    services.catalog.import_catalog(admin, ROUNDING.encode())
    order = services.orders.place_order(admin, customer.id, [("NUT-07", 5), ("GUIDE-12", 1)])
    assert (order.net, order.tax, order.total) == (Decimal("12.35"), Decimal("0.91"), Decimal("13.26"))

    _ship_what_is_found(services, warehouse, order.id, {"NUT-07": 1})  # four nuts stay behind as a backorder
    plan = services.billing.invoice_plan(admin, order.id)
    assert plan.what == "shipped" and not plan.final and plan.refusal == ""
    assert [(ln.sku, ln.ordered, ln.shipped, ln.invoiced, ln.to_invoice) for ln in plan.lines] == [
        ("NUT-07", 5, 1, 0, 1), ("GUIDE-12", 1, 1, 0, 1)]
    first = services.billing.issue_invoice(admin, order.id)  # auto: the order has a shipment, so what shipped
    assert [(ln.sku, ln.quantity) for ln in first.lines] == [("NUT-07", 1), ("GUIDE-12", 1)]
    assert (first.net, first.tax, first.total) == (Decimal("12.07"), Decimal("0.85"), Decimal("12.92"))
    assert first.notes == "Part invoice for the goods shipped so far. Not yet invoiced: 4 x NUT-07."
    assert plan.total == first.total
    assert services.ledger.ledger_problems() == []

    with pytest.raises(BusinessRuleViolation, match=f"{order.number} already has invoice {first.number} for "
                                                    "everything shipped; nothing new has shipped since. 4 units"):
        services.billing.issue_invoice(admin, order.id)

    _ship_what_is_found(services, warehouse, order.id, carrier_ref="JD2")  # the backorder ships
    second = services.billing.issue_invoice(admin, order.id, what="shipped")
    assert [(ln.sku, ln.quantity) for ln in second.lines] == [("NUT-07", 4)]
    assert second.tax == Decimal("0.06")  # not 0.05: the last invoice takes what is left of the order's tax
    assert second.notes == f"Final invoice for {order.number}; earlier: {first.number}."
    assert first.net + second.net == order.net
    assert first.tax + second.tax == order.tax
    assert first.total + second.total == order.total
    account = services.receivables.order_account(admin, order.id)
    assert account.invoiced == order.total and account.balance == order.total
    assert services.ledger.trial_balance(admin).balance_of("Liabilities:SalesTax") == -order.tax
    assert services.ledger.trial_balance(admin).balance_of("Income:Sales") == -order.net
    assert services.ledger.ledger_problems() == []

    require_tools("pdftotext")
    text = pdf_to_text(services.billing.invoice_pdf(admin, second.number))
    assert second.number in text and "4 x NUT-07" not in text and "0.28" in text and "0.34" in text
    first_text = pdf_to_text(services.billing.invoice_pdf(admin, first.number))
    assert "Not yet invoiced: 4 x NUT-07" in first_text and "12.92" in first_text


def test_invoicing_again_with_nothing_new_is_refused_naming_the_order_and_changes_nothing(
        services, admin, warehouse, customer, catalog):
    order = services.orders.place_order(admin, customer.id, [("LAMP-01", 3), ("BULB-E27", 2)])
    before = _books(services, admin)
    with pytest.raises(BusinessRuleViolation, match=f"{order.number} has not shipped anything yet"):
        services.billing.issue_invoice(admin, order.id, what="shipped")
    assert _books(services, admin) == before
    with pytest.raises(ValidationFailed, match="'some' is unknown"):
        services.billing.issue_invoice(admin, order.id, what="some")

    _ship_what_is_found(services, warehouse, order.id, {"LAMP-01": 1})
    first = services.billing.issue_invoice(admin, order.id, what="shipped")
    before = _books(services, admin)
    for what in ("auto", "shipped"):
        with pytest.raises(BusinessRuleViolation, match=f"{order.number} already has invoice {first.number}"):
            services.billing.issue_invoice(admin, order.id, what=what)
    assert _books(services, admin) == before
    assert services.billing.invoice_plan(admin, order.id).refusal.startswith(f"{order.number} already has")

    rest = services.billing.issue_invoice(admin, order.id, what="all")  # the backorder billed before it ships
    assert [(ln.sku, ln.quantity) for ln in rest.lines] == [("LAMP-01", 2)]
    assert first.total + rest.total == order.total
    before = _books(services, admin)
    for what in ("auto", "shipped", "all"):
        with pytest.raises(BusinessRuleViolation,
                           match=f"{order.number} already has invoices {first.number} and {rest.number} for all"):
            services.billing.issue_invoice(admin, order.id, what=what)
    assert _books(services, admin) == before
    _ship_what_is_found(services, warehouse, order.id, carrier_ref="JD2")  # shipping what is billed already
    before = _books(services, admin)
    with pytest.raises(BusinessRuleViolation, match=f"{order.number} already has invoices"):
        services.billing.issue_invoice(admin, order.id)
    assert _books(services, admin) == before
    assert services.ledger.ledger_problems() == []


def test_a_credit_note_frees_its_units_to_be_invoiced_again_and_returns_are_not_billed(
        services, admin, warehouse, customer, catalog):
    order = services.orders.place_order(admin, customer.id, [("LAMP-01", 4), ("BOOK-01", 2)])
    _ship_what_is_found(services, warehouse, order.id, {"LAMP-01": 3})
    first = services.billing.issue_invoice(admin, order.id)
    assert [(ln.sku, ln.quantity) for ln in first.lines] == [("LAMP-01", 3), ("BOOK-01", 2)]
    services.receivables.record_payment(admin, order.id, str(first.total), "bank", reference="SEPA 1")

    credit = services.billing.issue_credit_note(admin, first.number, [("LAMP-01", 1)], reason="wrong price")
    again = services.billing.issue_invoice(admin, order.id)  # the credited lamp left the building: bill it again
    assert [(ln.sku, ln.quantity) for ln in again.lines] == [("LAMP-01", 1)]
    assert again.total == credit.total
    assert services.receivables.order_account(admin, order.id).balance == 0  # the credit paid the new invoice
    assert services.ledger.ledger_problems() == []

    services.returns.receive_return(warehouse, order.id, "BOOK-01", 1, "restock", "not wanted")
    services.billing.issue_credit_note(admin, first.number, [("BOOK-01", 1)], reason="returned")
    with pytest.raises(BusinessRuleViolation, match="nothing new has shipped since"):
        services.billing.issue_invoice(admin, order.id)  # the returned book is not billed again

    _ship_what_is_found(services, warehouse, order.id, carrier_ref="JD2")  # the fourth lamp
    last = services.billing.issue_invoice(admin, order.id)
    assert [(ln.sku, ln.quantity) for ln in last.lines] == [("LAMP-01", 1)]
    account = services.receivables.order_account(admin, order.id)
    book = Decimal("12.84")  # 12.00 + 7 %, returned and credited
    assert account.invoiced == order.total - book
    assert services.ledger.ledger_problems() == []


def test_a_prepaid_order_keeps_the_rest_as_customer_credit_until_its_backorder_is_invoiced(
        services, admin, warehouse, customer, catalog):
    order = services.orders.place_order(admin, customer.id, [("LAMP-01", 2), ("BULB-E27", 4)])
    services.receivables.record_payment(admin, order.id, str(order.total), "card", card_last4="4242")
    _ship_what_is_found(services, warehouse, order.id, {"BULB-E27": 1})
    first = services.billing.issue_invoice(admin, order.id)
    tb = services.ledger.trial_balance(admin)
    assert tb.balance_of("Liabilities:CustomerCredit") == -(order.total - first.total)
    assert tb.balance_of("Assets:Receivables") == 0
    assert services.receivables.queue(admin).customer_credit[0].order_id == order.id
    require_tools("pdftotext")
    assert "Paid in full" in pdf_to_text(services.billing.invoice_pdf(admin, first.number))

    _ship_what_is_found(services, warehouse, order.id, carrier_ref="JD2")
    second = services.billing.issue_invoice(admin, order.id)
    assert first.total + second.total == order.total
    tb = services.ledger.trial_balance(admin)
    assert tb.balance_of("Liabilities:CustomerCredit") == 0 and tb.balance_of("Assets:Receivables") == 0
    assert services.receivables.order_account(admin, order.id).balance == 0
    assert services.ledger.ledger_problems() == []


def test_an_order_not_shipped_yet_is_invoiced_whole_and_one_shipped_by_hand_counts_as_shipped(
        services, admin, customer, catalog):
    counter = services.orders.place_order(admin, None, [("BOOK-01", 2)])
    plan = services.billing.invoice_plan(admin, counter.id)
    assert plan.what == "all" and plan.final and plan.total == counter.total
    invoice = services.billing.issue_invoice(admin, counter.id)  # the counter sale, as before
    assert invoice.total == counter.total and invoice.notes == ""

    by_hand = services.orders.place_order(admin, customer.id, [("LAMP-01", 1), ("BULB-E27", 3)])
    for step in ("picking", "packed", "shipped"):
        services.orders.advance_order(admin, by_hand.id, step)
    shipped = services.billing.issue_invoice(admin, by_hand.id, what="shipped")
    assert shipped.total == by_hand.total
    assert services.ledger.ledger_problems() == []


def test_the_queue_lists_orders_with_shipped_units_not_invoiced(services, admin, warehouse, customer, catalog):
    order = services.orders.place_order(admin, customer.id, [("LAMP-01", 2), ("BULB-E27", 1)])
    waiting = services.orders.place_order(admin, customer.id, [("BOOK-01", 1)])  # not shipped: not listed
    assert services.receivables.queue(admin).shipped_not_invoiced == ()
    _ship_what_is_found(services, warehouse, order.id, {"LAMP-01": 1})
    assert [i.order_id for i in services.receivables.queue(admin).shipped_not_invoiced] == [order.id]
    first = services.billing.issue_invoice(admin, order.id)
    queue = services.receivables.queue(admin)
    assert queue.shipped_not_invoiced == () and [i.order_id for i in queue.awaiting_payment] == [order.id]
    _ship_what_is_found(services, warehouse, order.id, carrier_ref="JD2")
    listed = services.receivables.queue(admin).shipped_not_invoiced
    assert [(i.order_id, i.invoice_number, i.invoiced) for i in listed] == [(order.id, first.number, first.total)]
    services.billing.issue_invoice(admin, order.id)
    assert services.receivables.queue(admin).shipped_not_invoiced == ()
    assert waiting.id not in {i.order_id for i in services.receivables.queue(admin).awaiting_payment}


def _oms(db_url, monkeypatch, capsys, tmp_path, *args) -> tuple[int, str, str]:
    monkeypatch.setenv("OMS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("OMS_PASSWORD", ADMIN_PW)
    capsys.readouterr()
    code = cli.main(["--database", db_url, "--user", "admin", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_oms_invoice_issue_bills_what_shipped_and_refuses_units_invoiced_already(
        services, users, customer, catalog, db_url, monkeypatch, capsys, tmp_path):
    admin, warehouse = users["admin"], users["warehouse"]
    order = services.orders.place_order(admin, customer.id, [("LAMP-01", 3)])
    _ship_what_is_found(services, warehouse, order.id, {"LAMP-01": 2})
    pdf = tmp_path / "first.pdf"
    code, out, err = _oms(db_url, monkeypatch, capsys, tmp_path, "invoice", "issue", order.number, "--what",
                          "shipped", "--pdf", str(pdf))
    assert code == 0, err
    assert "Issued invoice INV-000001 for" in out and "2 units" in out and "Not yet invoiced: 1 x LAMP-01" in out
    assert pdf.read_bytes().startswith(b"%PDF")
    code, out, err = _oms(db_url, monkeypatch, capsys, tmp_path, "invoice", "issue", order.number)
    assert code == 3 and order.number in err and "INV-000001" in err
    code, out, err = _oms(db_url, monkeypatch, capsys, tmp_path, "--json", "invoice", "issue", order.number,
                          "--what", "all")
    assert code == 0, err
    rest = json.loads(out)
    assert rest["number"] == "INV-000002" and [ln["quantity"] for ln in rest["lines"]] == [1]
    assert Decimal(rest["total"]) + services.billing.get_invoice(admin, "INV-000001").total == order.total
    code, out, err = _oms(db_url, monkeypatch, capsys, tmp_path, "invoice", "issue", order.number, "--what", "half")
    assert code == 2 and "invalid choice" in err
