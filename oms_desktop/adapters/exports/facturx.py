"""Factur-X (ZUGFeRD 2) e-invoices: the stored invoice PDF with a CII XML (profile BASIC) embedded, via ``factur-x``.

The XML is built from the issued invoice's own figures, so it carries the same cents as the PDF and the journal, and
names the seller as the invoice stored it when it was issued (``extra`` carries that snapshot: a company that has
renamed itself or changed its VAT ID since still exports its old invoices with the old name and VAT ID, as printed).
Factur-X needs the seller's VAT ID and country; without them ``MissingCompanyData`` says what to fill in.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape

from oms_desktop.domain.errors import ValidationFailed

NS = ('xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" '
      'xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" '
      'xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" '
      'xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"')
PROFILE = "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic"
COUNTRIES = {"germany": "DE", "deutschland": "DE", "france": "FR", "austria": "AT", "österreich": "AT",
             "switzerland": "CH", "schweiz": "CH", "netherlands": "NL", "belgium": "BE", "italy": "IT",
             "spain": "ES", "luxembourg": "LU", "poland": "PL", "denmark": "DK", "sweden": "SE",
             "united kingdom": "GB", "ireland": "IE", "czech republic": "CZ", "czechia": "CZ"}


class MissingCompanyData(ValidationFailed):
    """The company settings lack what an e-invoice must carry."""


def _x(text) -> str:
    return escape(str(text))


def _amt(value: Decimal) -> str:
    return f"{value:.2f}"


def _date(d) -> str:
    return f'<udt:DateTimeString format="102">{d.strftime("%Y%m%d")}</udt:DateTimeString>'


def country_of(address: str) -> str | None:
    lines = [ln.strip() for ln in (address or "").splitlines() if ln.strip()]
    if not lines:
        return None
    last = lines[-1]
    if len(last) == 2 and last.isalpha():
        return last.upper()
    return COUNTRIES.get(last.casefold())


def _balanced(invoice) -> tuple[list, list]:
    """The invoice's lines and allowances/charges with nets that add up to its net exactly.

    With tax-inclusive prices each line's net is its gross less its own rounded tax, while the invoice's net is the
    gross less the tax per rate (document rounding), or what was left of the order (its final invoice): they can
    differ by a cent. EN 16931 wants the lines to add up to the line total (BR-CO-10), the tax basis per rate to be
    that rate's lines less its allowances plus its charges (BR-S-08) and the tax basis total to be the line total
    less allowances plus charges (BR-CO-13); so the cent goes on the last line (else the last allowance or charge)
    at the highest rate, where the tax breakdown puts it too. Without such a cent nothing changes."""
    lines, adjustments = list(invoice.lines), list(getattr(invoice, "adjustments", ()))
    cent = invoice.net - sum((x.net for x in (*lines, *adjustments)), Decimal(0))
    if cent and (lines or adjustments):
        top = max(x.tax_rate for x in (*lines, *adjustments))
        for items in (lines, adjustments):
            at = [i for i, x in enumerate(items) if x.tax_rate == top]
            if at:
                items[at[-1]] = replace(items[at[-1]], net=items[at[-1]].net + cent)
                break
    return lines, adjustments


def _tax_rows(lines, adjustments, invoice, rounding: str) -> list[tuple[Decimal, Decimal, Decimal]]:
    """(rate percent, basis, tax) per rate, the document's allowances and charges at their rates included (EN 16931
    BR-S-08: the basis is the lines' net less allowances plus charges at that rate), adding up to the invoice's own
    net and tax."""
    basis: dict[Decimal, Decimal] = defaultdict(Decimal)
    tax: dict[Decimal, Decimal] = defaultdict(Decimal)
    for ln in (*lines, *adjustments):
        basis[ln.tax_rate] += ln.net
        tax[ln.tax_rate] += ln.tax
    rows = []
    for rate in sorted(basis):
        t = (basis[rate] * rate).quantize(Decimal("0.01"), ROUND_HALF_UP) if rounding == "document" else tax[rate]
        rows.append([rate, basis[rate], t])
    if rows:  # the invoice's totals are authoritative; any rounding cent goes on the last rate
        rows[-1][1] += invoice.net - sum(r[1] for r in rows)
        rows[-1][2] += invoice.tax - sum(r[2] for r in rows)
    return [(Decimal(r[0]) * 100, r[1], r[2]) for r in rows]


def _category(rate: Decimal) -> str:
    return f"""<ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>{"S" if rate else "Z"}</ram:CategoryCode>
          <ram:RateApplicablePercent>{(rate * 100).normalize():f}</ram:RateApplicablePercent>"""


def _allowances_and_charges(adjustments) -> tuple[str, Decimal, Decimal]:
    """The document-level allowances and charges (BG-20, BG-21) as ``SpecifiedTradeAllowanceCharge``, one per
    allowance or charge and rate, amounts without VAT and positive (the indicator says which it is), the label as
    the reason; and their totals (BT-107 allowances, BT-108 charges)."""
    xml, allowances, charges = [], Decimal(0), Decimal(0)
    for adj in adjustments:
        is_charge = adj.amount > 0
        amount = adj.net if is_charge else -adj.net
        if is_charge:
            charges += amount
        else:
            allowances += amount
        xml.append(f"""
      <ram:SpecifiedTradeAllowanceCharge>
        <ram:ChargeIndicator><udt:Indicator>{"true" if is_charge else "false"}</udt:Indicator></ram:ChargeIndicator>
        <ram:ActualAmount>{_amt(amount)}</ram:ActualAmount>
        <ram:Reason>{_x(adj.label)}</ram:Reason>
        <ram:CategoryTradeTax>
          {_category(adj.tax_rate)}
        </ram:CategoryTradeTax>
      </ram:SpecifiedTradeAllowanceCharge>""")
    return "".join(xml), allowances, charges


def cii_xml(invoice, extra: dict) -> bytes:
    """The Cross Industry Invoice (profile BASIC) of an issued invoice or credit note.

    Its allowances and charges (promotions, coupons, incentives, shipping) are document-level allowances and
    charges; the monetary summation keeps EN 16931's arithmetic: the lines add up to the line total, the tax basis is
    the invoice's net, the line total less the allowances plus the charges (BR-CO-13), and the tax breakdown per rate
    includes them (see ``_balanced`` for a rounding cent)."""
    problems = []
    country = country_of(extra.get("company_address", ""))
    if not extra.get("vat_id"):
        problems.append(f"the seller's VAT ID, which {invoice.number} was issued without (set it in Settings: "
                        "vat_id; invoices issued from then on carry it)")
    if country is None:
        problems.append(f"the seller's address on {invoice.number} to end with its country (e.g. 'Germany' or "
                        "'DE'; Settings: company address, for invoices issued from then on)")
    if problems:
        raise MissingCompanyData(["Factur-X needs " + p for p in problems])
    cur = invoice.currency
    credit = invoice.kind == "credit_note"
    address = [ln.strip() for ln in (extra.get("company_address") or "").splitlines() if ln.strip()][:-1]
    lines, adjustments = _balanced(invoice)
    lines_xml = []
    for n, ln in enumerate(lines, start=1):
        price = (ln.net / ln.quantity).quantize(Decimal("0.0001"), ROUND_HALF_UP) if ln.quantity else ln.net
        lines_xml.append(f"""
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>{n}</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct><ram:Name>{_x(ln.sku)} {_x(ln.name)}</ram:Name></ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:NetPriceProductTradePrice><ram:ChargeAmount>{price}</ram:ChargeAmount></ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery>
        <ram:BilledQuantity unitCode="C62">{ln.quantity}</ram:BilledQuantity>
      </ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax>
          {_category(ln.tax_rate)}
        </ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation>
          <ram:LineTotalAmount>{_amt(ln.net)}</ram:LineTotalAmount>
        </ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>""")
    taxes_xml = "".join(f"""
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>{_amt(t)}</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>
        <ram:BasisAmount>{_amt(b)}</ram:BasisAmount><ram:CategoryCode>{"S" if r else "Z"}</ram:CategoryCode>
        <ram:RateApplicablePercent>{r.normalize():f}</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>"""
                        for r, b, t in _tax_rows(lines, adjustments, invoice, extra.get("tax_rounding", "line")))
    charges_xml, allowance_total, charge_total = _allowances_and_charges(adjustments)
    totals_xml = "".join(f"\n        <ram:{name}>{_amt(amount)}</ram:{name}>"
                         for name, amount in (("ChargeTotalAmount", charge_total),
                                              ("AllowanceTotalAmount", allowance_total)) if amount)
    seller_address = "".join(f"<ram:LineOne>{_x(a)}</ram:LineOne>" for a in address[:1])
    terms = (f"<ram:SpecifiedTradePaymentTerms><ram:DueDateDateTime>{_date(invoice.due_date)}</ram:DueDateDateTime>"
             "</ram:SpecifiedTradePaymentTerms>") if invoice.due_date else ""
    reference = (f"<ram:InvoiceReferencedDocument><ram:IssuerAssignedID>{_x(extra['references_number'])}"
                 "</ram:IssuerAssignedID></ram:InvoiceReferencedDocument>") if credit and \
        extra.get("references_number") else ""
    buyer = extra.get("buyer_name") or invoice.customer_name or "Customer"
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice {NS}>
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter>
      <ram:ID>{PROFILE}</ram:ID>
    </ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>{_x(invoice.number)}</ram:ID>
    <ram:TypeCode>{381 if credit else 380}</ram:TypeCode>
    <ram:IssueDateTime>{_date(invoice.issue_date)}</ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>{"".join(lines_xml)}
    <ram:ApplicableHeaderTradeAgreement>
      <ram:BuyerReference>{_x(invoice.order_number)}</ram:BuyerReference>
      <ram:SellerTradeParty>
        <ram:Name>{_x(extra.get("company_name", ""))}</ram:Name>
        <ram:PostalTradeAddress>{seller_address}<ram:CountryID>{country}</ram:CountryID></ram:PostalTradeAddress>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">{_x(extra["vat_id"])}</ram:ID>
        </ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:Name>{_x(buyer)}</ram:Name></ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery/>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>{_x(cur)}</ram:InvoiceCurrencyCode>{taxes_xml}{charges_xml}
      {terms}
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>{_amt(sum((ln.net for ln in lines), Decimal(0)))}</ram:LineTotalAmount>{totals_xml}
        <ram:TaxBasisTotalAmount>{_amt(invoice.net)}</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="{_x(cur)}">{_amt(invoice.tax)}</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>{_amt(invoice.total)}</ram:GrandTotalAmount>
        <ram:DuePayableAmount>{_amt(invoice.total)}</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
      {reference}
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
"""
    return xml.encode("utf-8")


def facturx_pdf(invoice, pdf: bytes, extra: dict) -> bytes:
    """The invoice PDF as Factur-X: PDF/A-3 with the CII XML attached (the factur-x package checks it against the
    XSD of the BASIC profile before embedding)."""
    import facturx  # lazy: lxml and pypdf load only when an e-invoice is written
    xml = cii_xml(invoice, extra)
    return facturx.generate_from_binary(pdf, xml, flavor="factur-x", level="basic", check_xsd=True,
                                        pdf_metadata={"author": extra.get("company_name", ""),
                                                      "keywords": "Factur-X, Invoice",
                                                      "title": f"{extra.get('company_name', '')}: {invoice.number}",
                                                      "subject": f"Invoice {invoice.number}"}, lang="en-GB")
