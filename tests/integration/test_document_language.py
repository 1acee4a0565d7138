"""The customer's documents print in the customer's language (issue 19): a German customer's invoice, credit note,
receipt and packing slip say "Rechnung", "Menge", "Einzelpreis" with German dates and amounts, an English customer's
the English words; the amounts stay the ledger's and Factur-X's.

Expected dates and amounts come from Babel (CLDR) here, never written out: the test states which locale a document
prints in, Babel says what that looks like.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from decimal import Decimal

import pytest
from babel.dates import format_date

from tests.helpers.money_text import on_paper, plain_spaces
from tests.helpers.pdf_tools import decode_barcodes, pdf_to_text, require_tools

GERMAN_INVOICE = ("Rechnung", "Rechnungsnummer", "Datum", "Zahlbar bis", "Auftrag", "Rechnungsadresse", "Menge",
                  "Einzelpreis", "USt.", "Netto", "Summe netto", "Gesamtsumme", "Seite 1 von 1",
                  "Zahlbar innerhalb von 14 Tagen ab Rechnungsdatum ohne Abzug.")
ENGLISH_INVOICE = ("Invoice", "Number", "Date", "Due date", "Order", "Bill to", "Qty", "Unit price", "Tax", "Net",
                   "Net total", "Total", "page 1 of 1", "Payable within 14 days of the invoice date without deduction.")
GERMAN_RECEIPT = ("Beleg", "Datum", "Auftrag", "Netto", "USt. 19 %", "SUMME", "Karte T-1", "Rückgeld",
                  "Vielen Dank!")
ENGLISH_RECEIPT = ("Receipt", "Date", "Order", "Net", "Tax 19 %", "TOTAL", "Card T-1", "Change", "Thank you!")
# Words only the other language's documents have (a German word may contain an English one: "Netto" holds "Net").
ONLY_ENGLISH = ("Invoice", "Unit price", "Qty", "Due date", "Bill to", "Total", "Receipt", "Change", "Thank you")
ONLY_GERMAN = ("Rechnung", "Einzelpreis", "Menge", "Zahlbar", "Gesamtsumme", "Beleg", "Rückgeld", "Vielen Dank")


def _words(text: str, words) -> list[str]:
    return [w for w in words if re.search(rf"(^|\W){re.escape(w)}(\W|$)", text)]


@pytest.fixture
def buyers(services, admin, catalog):
    """A Berlin shop whose locale is en_US (the default), a German and an English customer, each with an order of
    a press (1037.44 net, 19 % tax: 1234.55 gross) and a lamp."""
    require_tools()
    services.catalog.create_product(admin, {"sku": "PRESS-01", "name": "Press", "unit_price": "1037.44",
                                            "tax_rate": "0.19", "on_hand": "5"})
    german = services.customers.add_customer(admin, "Jürgen Weiß", ["030 1234567"], "", "Straße 1\n10115 Berlin",
                                             language="de")
    english = services.customers.add_customer(admin, "Mary Smith", ["030 7654321"], "", "Baker St 2\nLondon",
                                              language="en")
    return german, english


def _order_and_invoice(services, admin, customer):
    order = services.orders.place_order(admin, customer.id, [("PRESS-01", 1), ("LAMP-01", 1)])
    invoice = services.billing.issue_invoice(admin, order.id)
    return order, invoice


@pytest.mark.parametrize("language, locale, words, foreign", [
    ("de", "de", GERMAN_INVOICE, ONLY_ENGLISH),  # German in an en_US company: CLDR has no de_US, so plain German
    ("en", "en_US", ENGLISH_INVOICE, ONLY_GERMAN),
])
def test_an_invoice_prints_in_the_customers_language_with_its_dates_and_amounts(services, admin, buyers, language,
                                                                                locale, words, foreign):
    customer = {"de": buyers[0], "en": buyers[1]}[language]
    _order, invoice = _order_and_invoice(services, admin, customer)
    pdf = services.billing.invoice_pdf(admin, invoice.number)
    text = pdf_to_text(pdf)
    assert _words(text, words) == list(words)
    assert _words(text, foreign) == []
    for day in (invoice.issue_date, invoice.due_date):
        assert plain_spaces(format_date(day, "medium", locale=locale)) in text
    assert invoice.issue_date.isoformat() not in text
    for amount in (invoice.net, invoice.tax, invoice.total):
        assert on_paper(f"{amount:.2f}", "EUR", locale) in text
    # the ledger holds the same Decimal the paper shows; the QR stays a plain decimal in any language
    (sale,) = services.ledger.journal(admin, kind="sale")
    assert sum(p.amount for p in sale.postings if p.account == "Assets:Receivables") == invoice.total
    assert f"INV:{invoice.number};AMT:{invoice.total:.2f} EUR" in decode_barcodes(pdf)


def test_a_german_invoices_totals_are_factur_xs_and_its_credit_note_is_german_too(services, admin, buyers):
    import facturx
    services.company.update(admin, company_address="Lindenallee 42\n10115 Berlin\nGermany", vat_id="DE812345673")
    _order, invoice = _order_and_invoice(services, admin, buyers[0])
    assert invoice.total > 1000  # grouped: "1.2xx,xx €"
    pdf = services.exporters.facturx(*services.billing.invoice_for_export(admin, invoice.number))
    _name, xml = facturx.get_xml_from_pdf(pdf, check_xsd=False)
    assert facturx.xml_check_xsd(xml, flavor="factur-x", level="basic")
    text = pdf_to_text(pdf)
    for tag, amount in (("TaxBasisTotalAmount", invoice.net), ("TaxTotalAmount", invoice.tax),
                        ("GrandTotalAmount", invoice.total)):
        # Factur-X stays the standard's plain decimals; the page beside it says the same amount the German way
        found = re.search(rf"<ram:{tag}[^>]*>([0-9.]+)</ram:{tag}>".encode(), xml)
        assert found is not None and Decimal(found.group(1).decode()) == amount, tag
        assert on_paper(f"{amount:.2f}", "EUR", "de") in text
    assert "Rechnung" in text and "Gesamtsumme" in text

    credit = services.billing.issue_credit_note(admin, invoice.number)
    credit_text = pdf_to_text(services.billing.invoice_pdf(admin, credit.number))
    for word in ("Gutschrift", "Gutschriftsnummer", f"Gutschrift zur Rechnung {invoice.number}",
                 "Der Betrag wird Ihrem Kundenkonto gutgeschrieben oder erstattet."):
        assert word in credit_text
    assert on_paper(f"{credit.total:.2f}", "EUR", "de") in credit_text
    assert _words(credit_text, ("Credit note", "Invoice")) == []


@pytest.mark.parametrize("language, locale, words, foreign", [
    ("de", "de", GERMAN_RECEIPT, ONLY_ENGLISH),
    ("en", "en_US", ENGLISH_RECEIPT, ONLY_GERMAN),
])
def test_a_receipt_prints_in_the_customers_language(services, admin, buyers, language, locale, words, foreign):
    customer = {"de": buyers[0], "en": buyers[1]}[language]
    order, _invoice = _order_and_invoice(services, admin, customer)
    services.receivables.record_payment(admin, order.id, str(order.total), "card", card_last4="4242",
                                        reference="T-1")
    before = datetime.now(timezone.utc).date()
    text = pdf_to_text(services.receivables.receipt_pdf(admin, order.id, change=Decimal("0")))
    after = datetime.now(timezone.utc).date()
    assert _words(text, words) == list(words)
    assert _words(text, foreign) == []
    assert any(plain_spaces(format_date(day, "medium", locale=locale)) in text for day in {before, after})
    total = on_paper(f"{order.total:.2f}", "EUR", locale)
    assert f"{words[5]} {total}" in text and f"{words[6]} {total}" in text  # the total, the card payment


def test_a_customer_without_a_language_gets_the_company_locales(services, admin, buyers):
    """No language of one's own: the company's (de_DE here: German, de_DE dates and amounts); a counter sale too."""
    services.company.update(admin, locale="de_DE")
    plain = services.customers.add_customer(admin, "Kim Park", ["030 5550100"])
    _order, invoice = _order_and_invoice(services, admin, plain)
    text = pdf_to_text(services.billing.invoice_pdf(admin, invoice.number))
    assert "Rechnungsnummer" in text and on_paper(f"{invoice.total:.2f}", "EUR", "de_DE") in text
    assert plain_spaces(format_date(invoice.issue_date, "medium", locale="de_DE")) in text
    # the English customer of the German company: English words, the company's country's conventions (en_DE)
    _order, english = _order_and_invoice(services, admin, buyers[1])
    text = pdf_to_text(services.billing.invoice_pdf(admin, english.number))
    assert "Unit price" in text and "Einzelpreis" not in text
    assert plain_spaces(format_date(english.issue_date, "medium", locale="en_DE")) in text
    assert on_paper(f"{english.total:.2f}", "EUR", "en_DE") in text


def test_a_packing_slip_prints_in_the_customers_language(services, admin, buyers):
    order = services.orders.place_order(admin, buyers[0].id, [("LAMP-01", 2)])
    pick = services.picking.create_pick_list(admin, [order.number])
    services.picking.confirm_picks(admin, pick.number)
    services.shipping.pack_order(admin, order.number, carrier="DHL", carrier_ref="00340434161234567890")
    slip = pdf_to_text(services.shipping.packing_slip_pdf(admin, order.id))
    for word in ("Lieferschein", "Lieferadresse", "Auftrag", "Sendungsnummer", "Artikel", "Menge",
                 "Versanddienst DHL", "Referenz Versanddienst", "Pakete", "Seite 1 von 1"):
        assert word in slip
    assert _words(slip, ("Packing slip", "Ship to", "Product", "Qty", "Carrier")) == []


def test_an_invoice_keeps_the_language_it_was_issued_in(services, admin, buyers):
    """Rendered first long after it was issued (issued without rendering, or a crash right after): the language it
    was issued in, not the customer's of today, as it keeps its seller and buyer."""
    german = buyers[0]
    order = services.orders.place_order(admin, german.id, [("LAMP-01", 1)])
    invoice = services.billing.issue_invoice(admin, order.id, render=False)
    services.customers.update_customer(admin, german.id, language="en")
    text = pdf_to_text(services.billing.invoice_pdf(admin, invoice.number))
    assert "Rechnungsnummer" in text and "Unit price" not in text
    credit = services.billing.issue_credit_note(admin, invoice.number, render=False)  # the invoice's language
    assert "Gutschriftsnummer" in pdf_to_text(services.billing.invoice_pdf(admin, credit.number))
    # the customer's next invoice is in the customer's language of now
    _order, later = _order_and_invoice(services, admin, german)
    assert "Unit price" in pdf_to_text(services.billing.invoice_pdf(admin, later.number))


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_longer_german_labels_beside_wide_amounts_are_neither_broken_nor_run_together(page_size):
    """German headings are wider ("Menge" for "Qty", "Gutschriftsnummer" for "Number"): their columns grow instead
    of splitting the word ("Meng" / "e"), and the widest amounts still come out whole."""
    require_tools("pdftotext")
    from dataclasses import replace

    from oms_desktop.adapters.pdf import ReportLabRenderer
    from tests.integration.test_pdf_documents import WIDE_AMOUNTS, assert_whole, wide_invoice
    doc = replace(wide_invoice("de_DE", "EUR"), kind="credit_note", references_invoice="INV-2024-00017",
                  language="de", terms="credit")
    pdf = ReportLabRenderer().render_invoice(doc, page_size=page_size)
    assert_whole(pdf, [on_paper(amount, "EUR", "de_DE") for amount in WIDE_AMOUNTS]
                 + ["Menge", "Einzelpreis", "USt.-Satz", "Gutschriftsnummer", "Sendungsnummer", "Gesamtsumme"])
    assert "Verbleibendes Guthaben" in plain_spaces(pdf_to_text(pdf, layout=True))
