"""An order's allowances and charges (a percent promotion over two tax rates, a shipping charge) invoiced end to end,
on SQLite and PostgreSQL: the invoice's total is the order's on screen, on the PDF, in Factur-X and in the ledger;
part invoices bill their share and add up to the order to the cent; credit notes take them back."""
from __future__ import annotations

import subprocess
from collections import defaultdict
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from sqlalchemy import text

from oms_desktop.services.checks import CHECKS
from tests.helpers.journal_tools import bean_check, require_hledger
from tests.helpers.money_text import on_paper
from tests.helpers.pdf_tools import pdf_to_text, require_tools

NS = {"ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
      "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"}
PROMOTION = "Spring sale 10 %"
SHIPPING = "Shipping: DHL parcel"


@pytest.fixture
def shop(catalog, admin):
    """The sample catalog (lamps at 19 %, a book at 7 %), a flat 4.90 shipping method at 19 % and a 10 % promotion on
    every order."""
    catalog.promotions.put_shipping_method(admin, "dhl", "DHL parcel", basis="flat", tiers="4.90", tax_rate="19%")
    catalog.promotions.add_promotion(admin, PROMOTION, percent="10")
    catalog.company.update(admin, company_address="Lindenallee 42\n10115 Berlin\nGermany", vat_id="DE812345673")
    return catalog


@pytest.fixture
def warehouse(users):
    return users["warehouse"]


def _order(shop, admin, customer):
    order = shop.orders.place_order(admin, customer.id, [("LAMP-01", 3), ("BOOK-01", 2)], shipping="dhl")
    # goods 59.97 at 19 % and 24.00 at 7 %; 10 % off each rate; 4.90 shipping at 19 %
    assert sorted((a.label, a.tax_rate, a.amount) for a in order.adjustments) == [
        (SHIPPING, Decimal("0.19"), Decimal("4.90")), (PROMOTION, Decimal("0.07"), Decimal("-2.40")),
        (PROMOTION, Decimal("0.19"), Decimal("-6.00"))]
    assert order.net == Decimal("80.47")  # 83.97 - 8.40 + 4.90; the tax depends on the rounding
    return order


def _ship(shop, warehouse, order_id, found=None, ref="JD1"):
    pick = shop.picking.create_pick_list(warehouse, [order_id])
    shop.picking.confirm_picks(warehouse, pick.id, found or {}, default_reason="not at the location")
    shop.shipping.pack_order(warehouse, order_id, carrier="DHL", carrier_ref=ref)
    return shop.shipping.ship_order(warehouse, order_id)


def _legs(shop, admin, number: str) -> dict[str, Decimal]:
    entry = next(e for e in shop.ledger.journal(admin) if number in e.description)
    return {p.account: p.amount for p in entry.postings}


def _amount(node, path: str) -> Decimal:
    return Decimal(node.find(path, NS).text)


def check_cii_arithmetic(xml: bytes) -> dict:
    """EN 16931's sums on a CII document (the business rules the XSD cannot check): BR-CO-10, -11, -12, -13, -14,
    -15, BR-S-08 (the tax basis per rate is its lines less its allowances plus its charges), each allowance or charge
    with a rate. Returns the figures read."""
    root = ElementTree.fromstring(xml)
    settlement = root.find(".//ram:ApplicableHeaderTradeSettlement", NS)
    summation = settlement.find("ram:SpecifiedTradeSettlementHeaderMonetarySummation", NS)
    line_total = _amount(summation, "ram:LineTotalAmount")
    allowance_total = Decimal(summation.findtext("ram:AllowanceTotalAmount", "0", NS))
    charge_total = Decimal(summation.findtext("ram:ChargeTotalAmount", "0", NS))
    tax_basis = _amount(summation, "ram:TaxBasisTotalAmount")
    tax_total = _amount(summation, "ram:TaxTotalAmount")
    grand = _amount(summation, "ram:GrandTotalAmount")
    by_rate: dict[Decimal, Decimal] = defaultdict(Decimal)
    for item in root.findall(".//ram:IncludedSupplyChainTradeLineItem", NS):
        rate = _amount(item, ".//ram:ApplicableTradeTax/ram:RateApplicablePercent")
        by_rate[rate] += _amount(item, ".//ram:LineTotalAmount")
    assert sum(by_rate.values()) == line_total  # BR-CO-10
    adjustments = []
    for ac in settlement.findall("ram:SpecifiedTradeAllowanceCharge", NS):
        charge = ac.find("ram:ChargeIndicator/udt:Indicator", NS).text == "true"
        amount, rate = _amount(ac, "ram:ActualAmount"), _amount(ac, "ram:CategoryTradeTax/ram:RateApplicablePercent")
        assert amount > 0
        by_rate[rate] += amount if charge else -amount
        adjustments.append((charge, ac.findtext("ram:Reason", "", NS), rate, amount))
    assert sum(a for charge, _r, _p, a in adjustments if not charge) == allowance_total  # BR-CO-11
    assert sum(a for charge, _r, _p, a in adjustments if charge) == charge_total  # BR-CO-12
    assert line_total - allowance_total + charge_total == tax_basis  # BR-CO-13
    breakdown = {_amount(t, "ram:RateApplicablePercent"): (_amount(t, "ram:BasisAmount"),
                                                           _amount(t, "ram:CalculatedAmount"))
                 for t in settlement.findall("ram:ApplicableTradeTax", NS)}
    assert {rate: basis for rate, (basis, _tax) in breakdown.items()} == dict(by_rate)  # BR-S-08
    assert sum(tax for _basis, tax in breakdown.values()) == tax_total  # BR-CO-14
    assert tax_basis + tax_total == grand  # BR-CO-15
    return dict(line_total=line_total, allowance_total=allowance_total, charge_total=charge_total,
                tax_basis=tax_basis, tax_total=tax_total, grand=grand, adjustments=sorted(adjustments))


def test_an_order_with_a_promotion_and_shipping_is_invoiced_at_its_total_on_screen_on_paper_in_factur_x_and_the_ledger(
        shop, admin, customer, tmp_path):
    import facturx
    order = _order(shop, admin, customer)
    assert (order.tax, order.total) == (Decimal("12.69"), Decimal("93.16"))
    plan = shop.billing.invoice_plan(admin, order.id)  # a counter sale: nothing shipped, so all of it, at once
    assert plan.what == "all" and plan.final and plan.total == order.total
    assert sorted((a.label, a.amount) for a in plan.adjustments) == [
        (SHIPPING, Decimal("4.90")), (PROMOTION, Decimal("-6.00")), (PROMOTION, Decimal("-2.40"))]
    draft = shop.billing.preview_invoice(admin, order.id)
    invoice = shop.billing.issue_invoice(admin, order.id)
    assert (invoice.net, invoice.tax, invoice.total) == (order.net, order.tax, order.total)
    assert [(a.label, a.tax_rate, a.amount, a.net, a.tax) for a in invoice.adjustments] == \
        [(a.label, a.tax_rate, a.amount, a.net, a.tax) for a in order.adjustments]  # billed whole
    assert shop.billing.get_invoice(admin, invoice.number) == invoice  # as stored

    # the ledger: goods to Sales at their price, the promotion's cost to Sales discounts, shipping apart
    assert _legs(shop, admin, invoice.number) == {
        "Assets:Receivables": Decimal("93.16"), "Income:SalesDiscounts": Decimal("8.40"),
        "Income:Sales": Decimal("-83.97"), "Income:ShippingCharges": Decimal("-4.90"),
        "Liabilities:SalesTax": Decimal("-12.69")}
    assert shop.ledger.ledger_problems() == []
    assert shop.receivables.order_account(admin, order.id).balance == order.total

    require_tools("pdftotext")
    text = pdf_to_text(shop.billing.invoice_pdf(admin, invoice.number))
    assert f"{SHIPPING} 19 % {on_paper('4.90')}" in text
    assert f"{PROMOTION} {on_paper('-8.40')}" in text  # one row for its two rates ...
    assert f"7 % {on_paper('21.60')} {on_paper('1.51')}" in text  # ... the tax summary keeps them apart
    assert f"19 % {on_paper('58.87')} {on_paper('11.18')}" in text
    assert f"Total {on_paper('93.16')}" in text and on_paper("97.70") not in text  # not the goods' total
    preview = pdf_to_text(draft)
    assert f"{PROMOTION} {on_paper('-8.40')}" in preview and f"Total {on_paper('93.16')}" in preview
    receipt = pdf_to_text(shop.receivables.receipt_pdf(admin, order.id))
    assert f"{PROMOTION} {on_paper('-8.40')}" in receipt and f"TOTAL {on_paper('93.16')}" in receipt

    pdf = shop.exporters.facturx(*shop.billing.invoice_for_export(admin, invoice.number))
    _name, xml = facturx.get_xml_from_pdf(pdf, check_xsd=False)
    assert facturx.xml_check_xsd(xml, flavor="factur-x", level="basic")
    figures = check_cii_arithmetic(xml)
    assert figures["adjustments"] == [(False, PROMOTION, Decimal("7"), Decimal("2.40")),
                                      (False, PROMOTION, Decimal("19"), Decimal("6.00")),
                                      (True, SHIPPING, Decimal("19"), Decimal("4.90"))]
    assert (figures["line_total"], figures["allowance_total"], figures["charge_total"]) == (
        Decimal("83.97"), Decimal("8.40"), Decimal("4.90"))
    assert (figures["tax_basis"], figures["tax_total"], figures["grand"]) == (order.net, order.tax, order.total)

    entries = shop.ledger.journal(admin)
    beans = tmp_path / "books.beancount"
    beans.write_text(shop.exporters.journal(entries, "EUR", "beancount"), encoding="utf-8")
    subprocess.run([bean_check(), str(beans)], check=True, capture_output=True)
    journal = tmp_path / "books.journal"
    journal.write_text(shop.exporters.journal(entries, "EUR", "hledger"), encoding="utf-8")
    assert "account Income:SalesDiscounts" in journal.read_text() and "account Income:ShippingCharges" in \
        journal.read_text()
    hledger = require_hledger()
    subprocess.run([hledger, "-f", str(journal), "check", "accounts", "commodities"], check=True, capture_output=True)


@pytest.mark.parametrize("mode", ["line", "document"])
def test_part_invoices_bill_their_share_of_the_allowances_and_charges_and_add_up_to_the_order_to_the_cent(
        backend, shop, admin, customer, warehouse, mode):
    shop.company.update(admin, tax_rounding=mode)
    order = _order(shop, admin, customer)
    _ship(shop, warehouse, order.id, {"LAMP-01": 1})  # one lamp and both books leave; two lamps are backordered
    plan = shop.billing.invoice_plan(admin, order.id)
    assert plan.what == "shipped" and not plan.final
    first = shop.billing.issue_invoice(admin, order.id)
    # goods billed 19.99 + 24.00 = 43.99 of 83.97: each adjustment x 43.99 / 83.97, rounded
    assert [(a.label, a.tax_rate, a.amount) for a in first.adjustments] == [
        (SHIPPING, Decimal("0.19"), Decimal("2.57")), (PROMOTION, Decimal("0.07"), Decimal("-1.26")),
        (PROMOTION, Decimal("0.19"), Decimal("-3.14"))]
    assert [(a.label, a.amount) for a in plan.adjustments] == [(a.label, a.amount) for a in first.adjustments]
    assert first.net == Decimal("43.99") + Decimal("2.57") - Decimal("1.26") - Decimal("3.14")
    assert plan.total == first.total
    legs = _legs(shop, admin, first.number)
    assert legs["Income:SalesDiscounts"] == Decimal("4.40") and legs["Income:ShippingCharges"] == Decimal("-2.57")
    assert legs["Income:Sales"] == Decimal("-43.99")

    _ship(shop, warehouse, order.id, ref="JD2")  # the backorder
    second = shop.billing.issue_invoice(admin, order.id)
    assert [(a.label, a.amount) for a in second.adjustments] == [  # what is left of each
        (SHIPPING, Decimal("2.33")), (PROMOTION, Decimal("-1.14")), (PROMOTION, Decimal("-2.86"))]
    assert first.net + second.net == order.net
    assert first.tax + second.tax == order.tax
    assert first.total + second.total == order.total
    tb = shop.ledger.trial_balance(admin)
    assert tb.balance_of("Income:SalesDiscounts") == Decimal("8.40")
    assert tb.balance_of("Income:ShippingCharges") == Decimal("-4.90")
    assert tb.balance_of("Income:Sales") + tb.balance_of("Income:SalesDiscounts") + \
        tb.balance_of("Income:ShippingCharges") == -order.net
    assert tb.balance_of("Liabilities:SalesTax") == -order.tax
    assert shop.receivables.order_account(admin, order.id).invoiced == order.total
    assert shop.ledger.ledger_problems() == []
    assert [r.problems for r in shop.checks.run(admin)] == [()] * len(CHECKS)
    with backend.engine.begin() as conn:  # the order's promotion at 19 % changed behind the services' back
        conn.execute(text("UPDATE order_adjustments SET amount_minor = -200 WHERE seq = 3"))
    assert shop.checks.run(admin, ["invoice-adjustments"])[0].problems == (
        f"{order.number}: its invoices less credit notes bill -6.00 of allowance or charge 3, which is -2.00",)


def test_the_last_of_three_part_invoices_takes_what_is_left_so_no_cent_is_lost(shop, admin, customer, warehouse):
    order = shop.orders.place_order(admin, customer.id, [("LAMP-01", 3)], shipping="dhl")
    invoices = []
    for n, found in enumerate(({"LAMP-01": 1}, {"LAMP-01": 1}, None), start=1):  # one lamp at a time
        _ship(shop, warehouse, order.id, found, ref=f"JD{n}")
        invoices.append(shop.billing.issue_invoice(admin, order.id))
    shipping = [next(a.amount for a in i.adjustments if a.label == SHIPPING) for i in invoices]
    assert shipping == [Decimal("1.63"), Decimal("1.63"), Decimal("1.64")]  # 4.90 / 3 = 1.633...
    assert sum(i.total for i in invoices) == order.total and sum(i.tax for i in invoices) == order.tax
    assert shop.ledger.trial_balance(admin).balance_of("Income:ShippingCharges") == Decimal("-4.90")
    assert shop.ledger.ledger_problems() == []


def test_credit_notes_take_back_the_allowances_and_charges_and_a_full_one_leaves_nothing_owed(
        shop, admin, customer):
    import facturx
    order = _order(shop, admin, customer)
    invoice = shop.billing.issue_invoice(admin, order.id)
    part = shop.billing.issue_credit_note(admin, invoice.number, [("LAMP-01", 1)], reason="chipped")
    # 19.99 of the invoice's 83.97 of goods
    assert [(a.label, a.amount) for a in part.adjustments] == [
        (SHIPPING, Decimal("1.17")), (PROMOTION, Decimal("-0.57")), (PROMOTION, Decimal("-1.43"))]
    assert part.net == Decimal("19.99") + Decimal("1.17") - Decimal("0.57") - Decimal("1.43")
    assert _legs(shop, admin, part.number)["Income:SalesDiscounts"] == Decimal("-2.00")
    pdf = shop.exporters.facturx(*shop.billing.invoice_for_export(admin, part.number))
    _name, xml = facturx.get_xml_from_pdf(pdf, check_xsd=False)
    assert facturx.xml_check_xsd(xml, flavor="factur-x", level="basic")
    assert check_cii_arithmetic(xml)["grand"] == part.total

    rest = shop.billing.issue_credit_note(admin, invoice.number)  # the last one takes the rest of each
    assert [(a.label, a.amount) for a in rest.adjustments] == [
        (SHIPPING, Decimal("3.73")), (PROMOTION, Decimal("-1.83")), (PROMOTION, Decimal("-4.57"))]
    assert part.total + rest.total == invoice.total
    assert shop.receivables.order_account(admin, order.id).balance == 0
    tb = shop.ledger.trial_balance(admin)
    for account in ("Income:Sales", "Income:SalesDiscounts", "Income:ShippingCharges", "Liabilities:SalesTax",
                    "Assets:Receivables"):
        assert tb.balance_of(account) == 0, account
    assert shop.ledger.ledger_problems() == []

    again = shop.billing.issue_invoice(admin, order.id)  # credited in full: the order can be invoiced again, whole
    assert again.total == order.total and len(again.adjustments) == 3
    assert [r.problems for r in shop.checks.run(admin)] == [()] * len(CHECKS)


def test_a_full_credit_note_of_a_paid_invoice_credits_the_customer_exactly_what_was_paid(shop, admin, customer):
    order = _order(shop, admin, customer)
    invoice = shop.billing.issue_invoice(admin, order.id)
    shop.receivables.record_payment(admin, order.id, "93.16", "card", card_last4="4242", reference="T-1")
    credit = shop.billing.issue_credit_note(admin, invoice.number)
    assert credit.total == invoice.total and [a.amount for a in credit.adjustments] == \
        [a.amount for a in invoice.adjustments]
    assert shop.receivables.order_account(admin, order.id).balance == -order.total  # owed back to the customer
    shop.receivables.refund(admin, order.id, "93.16", "card")
    assert shop.receivables.order_account(admin, order.id).balance == 0
    assert shop.ledger.ledger_problems() == []


@pytest.mark.parametrize("mode", ["line", "document"])
def test_with_tax_inclusive_prices_the_factur_x_sums_still_hold_to_the_cent(shop, admin, mode):
    """Shelf prices include tax: a line's net is its gross less its own rounded tax, the invoice's net its gross less
    the tax per rate, so they can differ by a cent (here the credit note under document rounding); the XML puts that
    cent where EN 16931's sums still hold."""
    import facturx
    shop.company.update(admin, prices_include_tax=True, tax_rounding=mode)
    order = shop.orders.place_order(admin, None, [("LAMP-01", 3), ("BOOK-01", 2), ("BULB-E27", 7)], shipping="dhl")
    invoice = shop.billing.issue_invoice(admin, order.id)
    assert invoice.total == order.total == Decimal("102.46")  # 59.97 + 24.00 + 24.43 - 10.84 + 4.90
    credit = shop.billing.issue_credit_note(admin, invoice.number, [("LAMP-01", 1), ("BULB-E27", 3)])
    for document in (invoice, credit):
        pdf = shop.exporters.facturx(*shop.billing.invoice_for_export(admin, document.number))
        _name, xml = facturx.get_xml_from_pdf(pdf, check_xsd=False)
        assert facturx.xml_check_xsd(xml, flavor="factur-x", level="basic")
        figures = check_cii_arithmetic(xml)
        assert (figures["tax_basis"], figures["tax_total"], figures["grand"]) == (document.net, document.tax,
                                                                                  document.total)
    assert shop.ledger.ledger_problems() == []


def test_an_order_with_a_promotion_and_no_shipping_bills_the_promotion(shop, admin, customer):
    """Without a shipping method the invoice finds the order's allowances by its totals (see
    ``invoice_adjustments.order_adjustments``): they must still be billed."""
    order = shop.orders.place_order(admin, customer.id, [("BOOK-01", 1)])
    assert [(a.label, a.amount) for a in order.adjustments] == [(PROMOTION, Decimal("-1.20"))]
    invoice = shop.billing.issue_invoice(admin, order.id)
    assert [(a.label, a.amount) for a in invoice.adjustments] == [(PROMOTION, Decimal("-1.20"))]
    assert invoice.total == order.total == Decimal("11.56")  # 10.80 + 7 %


def test_an_order_without_allowances_or_charges_is_invoiced_as_before(catalog, admin, customer):
    order = catalog.orders.place_order(admin, customer.id, [("LAMP-01", 1)])
    invoice = catalog.billing.issue_invoice(admin, order.id)
    assert invoice.adjustments == () and invoice.total == order.total
    assert set(_legs(catalog, admin, invoice.number)) == {"Assets:Receivables", "Income:Sales",
                                                           "Liabilities:SalesTax"}
