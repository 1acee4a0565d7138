"""Accounts on SQLite and PostgreSQL: the full cycle into hledger and Beancount, payments, invoices, credit notes,
refunds, receipts and their PDFs, tax rounding, permissions and events."""
from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from decimal import Decimal

import pytest

from oms_desktop import cli
from oms_desktop.domain.errors import (BusinessRuleViolation, InvalidTransition, PermissionDenied,
                                       ValidationFailed)
from tests.helpers.journal_tools import bean_check, require_hledger
from tests.helpers.pdf_tools import decode_barcodes, pdf_to_text, require_tools
from tests.helpers.money_text import on_paper, plain_spaces

ADMIN_PW = "admin-pw"


@pytest.fixture
def vase(catalog, admin):
    """A product with a unit cost, so shipping it posts cost of goods sold."""
    return catalog.catalog.create_product(admin, {"sku": "VASE-01", "name": "Vase", "unit_price": "30.00",
                                                  "tax_rate": "0.19", "on_hand": "10", "unit_cost": "12.50"})


def _ship(services, actor, order_id):
    for step in ("picking", "packed", "shipped"):
        services.orders.advance_order(actor, order_id, step)


def _oms(db_url, monkeypatch, capsys, tmp_path, *args):
    monkeypatch.setenv("OMS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("OMS_PASSWORD", ADMIN_PW)
    capsys.readouterr()
    code = cli.main(["--database", db_url, "--user", "admin", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _hledger_balances(hledger: str, path) -> dict[str, Decimal]:
    out = subprocess.run([hledger, "-f", str(path), "balance", "--flat", "--no-total", "-O", "csv"],
                         capture_output=True, text=True, check=True).stdout
    balances = {}
    for line in out.splitlines()[1:]:
        account, amount = [c.strip('"') for c in line.split('","')]
        balances[account] = Decimal(amount.split()[0].replace(",", "")) if amount != "0" else Decimal(0)
    return balances


def _beancount_balances(path) -> dict[str, Decimal]:
    from beancount import loader
    from beancount.core import data
    entries, errors, _options = loader.load_file(str(path))
    assert errors == []
    balances: dict[str, Decimal] = defaultdict(Decimal)
    for entry in entries:
        if isinstance(entry, data.Transaction):
            for p in entry.postings:
                balances[p.account] += p.units.number
    return {k: v for k, v in balances.items() if v}


def test_a_full_cycle_exports_to_hledger_and_beancount_with_the_trial_balance_to_the_cent(
        services, admin, customer, vase, db_url, monkeypatch, capsys, tmp_path):
    order = services.orders.place_order(admin, customer.id, [("VASE-01", 2), ("BOOK-01", 1)])
    _ship(services, admin, order.id)
    invoice = services.billing.issue_invoice(admin, order.number)
    assert invoice.total == order.total == Decimal("84.24")
    services.receivables.record_payment(admin, order.id, "50", "cash")
    services.receivables.record_payment(admin, order.id, "34.24", "card", card_last4="4242", reference="TERM-77")
    credit = services.billing.issue_credit_note(admin, invoice.number, [("VASE-01", 1)], reason="chipped")
    assert credit.total == Decimal("35.70") and credit.references_number == invoice.number
    services.receivables.refund(admin, order.id, "35.70", "card")
    assert services.ledger.ledger_problems() == []

    tb = services.ledger.trial_balance(admin)
    assert tb.balanced
    assert tb.balance_of("Expenses:COGS") == Decimal("25.00")  # 2 x 12.50 at shipment
    assert tb.balance_of("Income:Sales") == Decimal("-42.00")  # 60.00 + 12.00 invoiced, 30.00 credited
    assert tb.balance_of("Assets:Receivables") == 0

    journal, beans, table = tmp_path / "books.journal", tmp_path / "books.beancount", tmp_path / "books.csv"
    for fmt, path in (("hledger", journal), ("beancount", beans), ("csv", table)):
        _oms(db_url, monkeypatch, capsys, tmp_path, "ledger", "export", "--format", fmt, "--out", str(path))
    printed = json.loads(_oms(db_url, monkeypatch, capsys, tmp_path, "--json", "ledger", "trial-balance"))
    expected = {row["account"]: Decimal(row["balance"]) for row in printed["accounts"] if Decimal(row["balance"])}
    assert printed["balanced"] is True

    subprocess.run([bean_check(), str(beans)], check=True, capture_output=True)
    assert _beancount_balances(beans) == expected
    rows = table.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("entry,date,kind,description")
    assert len(rows) - 1 == sum(len(e.postings) for e in services.ledger.journal(admin))

    hledger = require_hledger()  # last: without it the checks above have run, and the skip says what did not
    subprocess.run([hledger, "-f", str(journal), "check"], check=True, capture_output=True)
    subprocess.run([hledger, "-f", str(journal), "check", "accounts", "commodities"], check=True,
                   capture_output=True)
    assert _hledger_balances(hledger, journal) == expected


def test_invoice_numbers_run_on_without_gaps_and_a_failure_after_numbering_leaves_none(services, admin, catalog):
    orders = [services.orders.place_order(admin, None, [("BULB-E27", 1)]) for _ in range(4)]
    first = services.billing.issue_invoice(admin, orders[0].id)

    def fail(number):
        raise RuntimeError(f"printer jammed after drawing {number}")

    services.billing.after_numbering = fail
    with pytest.raises(RuntimeError):
        services.billing.issue_invoice(admin, orders[1].id)
    services.billing.after_numbering = None
    numbers = [first.number] + [services.billing.issue_invoice(admin, o.id).number for o in orders[1:]]
    assert numbers == ["INV-000001", "INV-000002", "INV-000003", "INV-000004"]
    assert services.ledger.ledger_problems() == []


def test_an_order_is_invoiced_once_and_corrected_by_credit_notes(services, admin, catalog):
    order = services.orders.place_order(admin, None, [("LAMP-01", 2)])
    invoice = services.billing.issue_invoice(admin, order.id)
    with pytest.raises(BusinessRuleViolation, match="already has invoice INV-000001"):
        services.billing.issue_invoice(admin, order.id)
    with pytest.raises(ValidationFailed, match="only 2 of LAMP-01 can still be credited"):
        services.billing.issue_credit_note(admin, invoice.number, [("LAMP-01", 3)])
    services.billing.issue_credit_note(admin, invoice.number, [("LAMP-01", 1)])
    rest = services.billing.issue_credit_note(admin, invoice.number)  # whatever is left
    assert rest.number == "CRN-000002" and rest.lines[0].quantity == 1
    with pytest.raises(BusinessRuleViolation, match="fully credited"):
        services.billing.issue_credit_note(admin, invoice.number)
    again = services.billing.issue_invoice(admin, order.id)  # a fully credited invoice may be replaced
    assert again.number == "INV-000002"
    assert services.ledger.ledger_problems() == []


def test_drafts_and_cancelled_orders_are_not_invoiced_and_a_preview_carries_no_number(services, admin, catalog):
    draft = services.orders.create_draft(admin)
    services.orders.add_line(admin, draft.id, "LAMP-01", 1)
    with pytest.raises(InvalidTransition, match="is draft"):
        services.billing.issue_invoice(admin, draft.id)
    require_tools("pdftotext")
    preview = pdf_to_text(services.billing.preview_invoice(admin, draft.id))
    assert "DRAFT" in preview and "INV-" not in preview
    services.orders.confirm_order(admin, draft.id)
    services.orders.cancel_order(admin, draft.id)
    with pytest.raises(InvalidTransition, match="cancelled"):
        services.billing.issue_invoice(admin, draft.id)


def test_partial_payments_overpayment_credit_and_refunds(services, admin, catalog):
    order = services.orders.place_order(admin, None, [("BOOK-01", 2)])  # 25.68
    services.billing.issue_invoice(admin, order.id)
    services.receivables.record_payment(admin, order.id, "10,00", "cash")
    assert services.receivables.order_account(admin, order.id).balance == Decimal("15.68")
    services.receivables.record_payment(admin, order.id, "20", "bank", reference="SEPA 2026-0042")
    account = services.receivables.order_account(admin, order.id)
    assert account.balance == Decimal("-4.32") and account.credit == Decimal("4.32")
    assert services.ledger.trial_balance(admin).balance_of("Liabilities:CustomerCredit") == Decimal("-4.32")
    with pytest.raises(BusinessRuleViolation, match="only 4.32 EUR is owed"):
        services.receivables.refund(admin, order.id, "5", "cash")
    services.receivables.refund(admin, order.id, "4.32", "cash")
    assert services.receivables.order_account(admin, order.id).balance == 0
    flow = services.ledger.cash_flow(admin, period="month")
    assert {(r.method, r.cash_in, r.cash_out) for r in flow} == {("cash", Decimal("10.00"), Decimal("4.32")),
                                                                 ("bank", Decimal("20.00"), Decimal("0.00"))}
    assert services.ledger.ledger_problems() == []


@pytest.mark.parametrize("field, value", [("reference", "4111 1111 1111 1111"), ("notes", "card 5500-0055-5555-5559")])
def test_a_card_number_in_free_text_is_refused_and_nothing_is_stored(services, admin, catalog, field, value):
    order = services.orders.place_order(admin, None, [("BOOK-01", 1)])
    with pytest.raises(ValidationFailed, match=f"the {field} looks like a card number"):
        services.receivables.record_payment(admin, order.id, "12.84", "card", **{field: value})
    assert services.receivables.order_account(admin, order.id).payments == ()
    assert services.ledger.journal(admin) == []


def test_bad_payments_name_every_problem(services, admin, catalog):
    order = services.orders.place_order(admin, None, [("BOOK-01", 1)])
    with pytest.raises(ValidationFailed) as e:
        services.receivables.record_payment(admin, order.id, "1.234", "cheque", card_last4="12")
    text = str(e.value)
    assert "more than 2 decimals" in text and "method 'cheque' is unknown" in text
    for amount in ("0", "-5", "abc", "1e9999"):
        with pytest.raises(ValidationFailed):
            services.receivables.record_payment(admin, order.id, amount, "cash")
    with pytest.raises(ValidationFailed, match="four digits"):
        services.receivables.record_payment(admin, order.id, "1", "cash", card_last4="1234")


def test_who_may_take_money_issue_invoices_and_refund(services, users, catalog):
    order = services.orders.place_order(users["admin"], None, [("BOOK-01", 1)])
    with pytest.raises(PermissionDenied):
        services.receivables.record_payment(users["agent"], order.id, "1", "cash")
    services.receivables.record_payment(users["counter"], order.id, "12.84", "cash")
    with pytest.raises(PermissionDenied):
        services.billing.issue_invoice(users["counter"], order.id)
    with pytest.raises(PermissionDenied):
        services.receivables.refund(users["counter"], order.id, "1", "cash")
    services.billing.issue_invoice(users["accountant"], order.id)


def test_accounts_events_carry_the_order_so_the_service_desk_and_managers_see_them(services, admin, catalog):
    start = services.events.last_id()
    order = services.orders.place_order(admin, None, [("LAMP-01", 1)])
    invoice = services.billing.issue_invoice(admin, order.id)
    services.receivables.record_payment(admin, order.id, "23.79", "cash")
    services.billing.issue_credit_note(admin, invoice.number)
    services.receivables.refund(admin, order.id, "23.79", "cash")
    events = [e for e in services.events.since(admin, start) if e.kind in
              ("invoice_issued", "payment_received", "credit_note_issued", "refund_paid")]
    assert [e.kind for e in events] == ["invoice_issued", "payment_received", "credit_note_issued", "refund_paid"]
    assert {e.order_id for e in events} == {order.id}
    assert events[0].payload["number"] == "INV-000001"


def test_the_accounts_queue_lists_paid_but_uninvoiced_open_and_overdue_orders(services, admin, catalog):
    from datetime import timedelta
    paid = services.orders.place_order(admin, None, [("BOOK-01", 1)])
    services.receivables.record_payment(admin, paid.id, "12.84", "cash")
    open_ = services.orders.place_order(admin, None, [("LAMP-01", 1)])
    services.billing.issue_invoice(admin, open_.id, due_days=30)
    late = services.orders.place_order(admin, None, [("BULB-E27", 2)])
    inv = services.billing.issue_invoice(admin, late.id, due_days=0)
    queue = services.receivables.queue(admin, today=inv.issue_date + timedelta(days=10))
    assert [i.order_id for i in queue.waiting_invoice] == [paid.id]
    assert [i.order_id for i in queue.awaiting_payment] == [open_.id]
    assert [(i.order_id, i.days_overdue) for i in queue.overdue] == [(late.id, 10)]
    aging = services.receivables.receivables_aging(admin, today=inv.issue_date + timedelta(days=45))
    assert {(a.order_number, a.bucket) for a in aging} == {(open_.number, "1-30"), (late.number, "31-60")}
    services.billing.issue_invoice(admin, paid.id)
    assert services.receivables.queue(admin).waiting_invoice == ()


@pytest.mark.parametrize("mode, tax", [("line", Decimal("0.02")), ("document", Decimal("0.03"))])
def test_tax_rounding_per_line_or_per_document_is_the_same_on_the_order_the_invoice_and_the_ledger(
        services, admin, mode, tax):
    services.company.update(admin, tax_rounding=mode)
    rows = "sku,name,unit_price,tax_rate,on_hand\nA-1,A,0.07,0.19,10\nA-2,B,0.07,0.19,10\n"
    services.catalog.import_catalog(admin, rows.encode())
    order = services.orders.place_order(admin, None, [("A-1", 1), ("A-2", 1)])
    assert order.tax == tax  # 0.0133 twice: per line 0.01 + 0.01, per document 0.0266 -> 0.03
    invoice = services.billing.issue_invoice(admin, order.id)
    assert (invoice.net, invoice.tax, invoice.total) == (order.net, order.tax, order.total)
    assert services.ledger.trial_balance(admin).balance_of("Liabilities:SalesTax") == -tax


def test_invoice_and_receipt_pdfs_show_the_totals_a_scannable_qr_and_names_literally(services, admin, catalog):
    require_tools()
    buyer = services.customers.add_customer(admin, "<b>Zoë</b> & Søn 株式会社", ["030 1234567"], "",
                                            "Straße 1\n<i>10115</i> Berlin")
    order = services.orders.place_order(admin, buyer.id, [("LAMP-01", 2), ("BOOK-01", 1)])
    invoice = services.billing.issue_invoice(admin, order.id)
    pdf = services.billing.invoice_pdf(admin, invoice.number)
    text = pdf_to_text(pdf)
    assert "INV-000001" in text  # the amounts en_US, as on screen
    assert on_paper("60.42") in text and on_paper("51.98") in text and on_paper("8.44") in text
    assert "<b>Zoë</b> & Søn 株式会社" in text and "<i>10115</i> Berlin" in text
    assert "INV:INV-000001;AMT:60.42 EUR" in decode_barcodes(pdf)
    assert services.billing.invoice_pdf(admin, "inv-1") == pdf  # a reprint is the stored document

    services.receivables.record_payment(admin, order.id, "60.42", "card", card_last4="4242", reference="T-1")
    receipt = pdf_to_text(services.receivables.receipt_pdf(admin, order.id, change=Decimal("0")))
    assert f"TOTAL {on_paper('60.42')}" in receipt and f"Card T-1 {on_paper('60.42')}" in receipt
    assert order.tracking_number in decode_barcodes(services.receivables.receipt_pdf(admin, order.id))


def test_a_factur_x_invoice_embeds_cii_xml_that_passes_the_xsd_check(services, admin, catalog):
    import facturx
    from oms_desktop.adapters.exports.facturx import MissingCompanyData
    order = services.orders.place_order(admin, None, [("BULB-E27", 1)])
    without = services.billing.issue_invoice(admin, order.id)
    with pytest.raises(MissingCompanyData, match="VAT ID") as refused:
        services.exporters.facturx(*services.billing.invoice_for_export(admin, without.number))
    assert "address on INV-000001 to end with its country" in str(refused.value)
    services.company.update(admin, company_address="Lindenallee 42\n10115 Berlin\nGermany", vat_id="DE812345673")
    # The invoice keeps the seller it was issued with: settings filled in later do not rewrite it.
    with pytest.raises(MissingCompanyData, match="VAT ID, which INV-000001 was issued without"):
        services.exporters.facturx(*services.billing.invoice_for_export(admin, without.number))
    order = services.orders.place_order(admin, None, [("LAMP-01", 2), ("BOOK-01", 1)])
    invoice = services.billing.issue_invoice(admin, order.id)
    for number in (invoice.number, services.billing.issue_credit_note(admin, invoice.number).number):
        pdf = services.exporters.facturx(*services.billing.invoice_for_export(admin, number))
        name, xml = facturx.get_xml_from_pdf(pdf, check_xsd=False)
        assert name == "factur-x.xml"
        assert facturx.xml_check_xsd(xml, flavor="factur-x", level="basic")
        assert b"<ram:GrandTotalAmount>60.42</ram:GrandTotalAmount>" in xml
        assert f"<ram:ID>{number}</ram:ID>".encode() in xml
    broken = xml.replace(b"<ram:TypeCode>381</ram:TypeCode>", b"")
    with pytest.raises(Exception):  # noqa: B017 - facturx raises a bare Exception for an invalid XML
        facturx.xml_check_xsd(broken, flavor="factur-x", level="basic")


def test_factur_x_names_the_seller_the_invoice_was_issued_by_not_todays_settings(services, admin, catalog):
    import facturx
    services.company.update(admin, company_name="Alte Lampen GmbH", vat_id="DE136695976",
                            company_address="Lindenallee 42\n10115 Berlin\nGermany")
    order = services.orders.place_order(admin, None, [("LAMP-01", 1)])
    invoice = services.billing.issue_invoice(admin, order.id)
    services.company.update(admin, company_name="Neue Leuchten AG", vat_id="ATU13585627",
                            company_address="Ring 1\n1010 Wien\nAustria")
    credit_note = services.billing.issue_credit_note(admin, invoice.number)  # issued under the new name
    exports = {number: facturx.get_xml_from_pdf(
                   services.exporters.facturx(*services.billing.invoice_for_export(admin, number)),
                   check_xsd=False)[1].decode()
               for number in (invoice.number, credit_note.number)}
    old = exports[invoice.number]
    assert "<ram:Name>Alte Lampen GmbH</ram:Name>" in old and '<ram:ID schemeID="VA">DE136695976</ram:ID>' in old
    assert "<ram:LineOne>Lindenallee 42</ram:LineOne><ram:CountryID>DE</ram:CountryID>" in old
    assert "Neue Leuchten" not in old and "ATU13585627" not in old and "Wien" not in old
    new = exports[credit_note.number]
    assert "<ram:Name>Neue Leuchten AG</ram:Name>" in new and '<ram:ID schemeID="VA">ATU13585627</ram:ID>' in new
    assert "<ram:CountryID>AT</ram:CountryID>" in new and "Alte Lampen" not in new
    pdf_text = pdf_to_text(services.billing.invoice_pdf(admin, invoice.number))  # the PDF agrees with its XML
    assert "Alte Lampen GmbH" in pdf_text and "DE136695976" in pdf_text and "Neue Leuchten" not in pdf_text


@pytest.mark.parametrize("locale", ["de_DE", "en_US"])
def test_an_invoice_total_reads_the_same_on_screen_on_the_pdf_and_in_the_ledger(services, admin, catalog, locale):
    from oms_desktop.gui import format as gui_format  # what every tab formats money with (no Qt needed)
    require_tools("pdftotext")
    services.company.update(admin, locale=locale)
    services.catalog.create_product(admin, {"sku": "PRESS-01", "name": "Press", "unit_price": "1037.44",
                                            "tax_rate": "0.19", "on_hand": "3"})
    order = services.orders.place_order(admin, None, [("PRESS-01", 1)])
    invoice = services.billing.issue_invoice(admin, order.id)
    company = services.company.get()
    assert (invoice.total, invoice.tax) == (Decimal("1234.55"), Decimal("197.11"))
    total_text, tax_text = on_paper("1234.55", "EUR", locale), on_paper("197.11", "EUR", locale)
    # The screen: the same function and arguments the Accounts and Orders tabs use.
    assert plain_spaces(gui_format.money(invoice.total, invoice.currency, company.locale)) == total_text
    assert plain_spaces(gui_format.money(order.total, order.currency, company.locale)) == total_text
    # The paper: pdftotext turns the no-break space into a plain one.
    text = pdf_to_text(services.billing.invoice_pdf(admin, invoice.number))
    # (worded in the company locale's language: the order has no customer with a language of their own)
    total_label, tax_label = {"de_DE": ("Gesamtsumme", "USt."), "en_US": ("Total", "Tax")}[locale]
    assert f"{total_label} {total_text}" in text and f"{tax_label} {tax_text}" in text
    # The ledger: the receivable posted for the invoice is the same Decimal, so it formats the same way.
    (sale,) = services.ledger.journal(admin, kind="sale")
    receivable = sum(p.amount for p in sale.postings if p.account == "Assets:Receivables")
    assert receivable == invoice.total
    assert plain_spaces(gui_format.money(receivable, sale.currency, company.locale)) == total_text
    # Machine formats stay plain decimals.
    assert "INV:INV-000001;AMT:1234.55 EUR" in decode_barcodes(services.billing.invoice_pdf(admin, invoice.number))


class RecordingRenderer:
    """Wraps the real renderer: records each invoice document it is asked for and can fail (a crash stand-in)."""

    def __init__(self, real, *, fail: bool = False, on_render=None):
        self.real, self.fail, self.on_render, self.docs = real, fail, on_render, []

    def render_invoice(self, doc):
        self.docs.append(doc)
        if self.on_render is not None:
            self.on_render(doc)
        if self.fail:
            raise RuntimeError("the process died while rendering")
        return self.real.render_invoice(doc)


def test_an_invoice_is_committed_before_its_pdf_is_rendered(services, admin, catalog, monkeypatch):
    seen_by_another_connection = []
    recorder = RecordingRenderer(services.billing.renderer, on_render=lambda doc: seen_by_another_connection.append(
        services.billing.get_invoice(admin, doc.number).number))
    monkeypatch.setattr(services.billing, "renderer", recorder)
    order = services.orders.place_order(admin, None, [("LAMP-01", 1)])
    invoice = services.billing.issue_invoice(admin, order.id)
    credit = services.billing.issue_credit_note(admin, invoice.number)
    assert seen_by_another_connection == [invoice.number, credit.number]  # rendering waits for no lock of ours
    for number in (invoice.number, credit.number):  # and both PDFs were stored right after: no second rendering
        services.billing.invoice_pdf(admin, number)
    assert len(recorder.docs) == 2


def test_a_pdf_lost_between_issue_and_storing_is_rendered_on_first_request_exactly_as_issue_would(
        services, admin, catalog, customer, monkeypatch, caplog):
    crashing = RecordingRenderer(services.billing.renderer, fail=True)
    monkeypatch.setattr(services.billing, "renderer", crashing)
    order = services.orders.place_order(admin, customer.id, [("LAMP-01", 2), ("BOOK-01", 1)])
    services.receivables.record_payment(admin, order.id, "10.00", "cash")  # paid in part before the invoice
    invoice = services.billing.issue_invoice(admin, order.id)  # issued and committed; its PDF is lost
    credit = services.billing.issue_credit_note(admin, invoice.number, [("BOOK-01", 1)], reason="scratched")
    assert invoice.number in caplog.text and "rendered on first request" in caplog.text
    issued_docs = crashing.docs
    # Everything a fresh rendering could pick up from elsewhere changes before the PDFs are asked for.
    services.company.update(admin, company_name="Renamed GmbH", company_address="Elsewhere 9", vat_id="ATU13585627")
    services.receivables.record_payment(admin, order.id, "20.00", "card")

    later = RecordingRenderer(crashing.real)
    monkeypatch.setattr(services.billing, "renderer", later)
    pdfs = [services.billing.invoice_pdf(admin, n) for n in (invoice.number, credit.number)]
    assert later.docs == issued_docs  # the same documents issue tried to render
    assert pdfs == [crashing.real.render_invoice(doc) for doc in issued_docs]
    assert [services.billing.invoice_pdf(admin, n) for n in (invoice.number, credit.number)] == pdfs
    assert len(later.docs) == 2  # stored on first request: a reprint renders nothing
    shown = issued_docs[0]
    assert shown.company.name != "Renamed GmbH" and shown.paid == Decimal("10.00")
    assert shown.bill_to.name == "Anna Schmidt" and issued_docs[1].notes == "scratched"


def test_first_requests_at_once_of_an_unrendered_invoice_all_get_the_one_stored_pdf(backend, services, admin,
                                                                                    catalog):
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier
    from sqlalchemy import text
    order = services.orders.place_order(admin, None, [("LAMP-01", 1)])
    invoice = services.billing.issue_invoice(admin, order.id, render=False)  # a background job prints it later
    with backend.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM invoice_documents")).scalar() == 0
    start = Barrier(4)

    def first_request(_):
        start.wait()
        return services.billing.invoice_pdf(admin, invoice.number)

    with ThreadPoolExecutor(4) as pool:
        pdfs = list(pool.map(first_request, range(4)))
    assert len(set(pdfs)) == 1 and pdfs[0].startswith(b"%PDF")
    with backend.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM invoice_documents")).scalar() == 1
