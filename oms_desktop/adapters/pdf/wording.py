"""What the printed documents say, in each language they print in, and the locale they print in.

A document prints in its ``language`` (the customer's, ``domain.languages``), else in the language of the company's
locale; a language without wording here prints English. Dates and amounts follow the document's locale
(``document_locale``): the company's locale when the document is in the company's language, else the language in
the company's country where CLDR knows the pair (English for a Berlin shop: ``en_DE``), else the language alone.

Why a typed table per language and not gettext (a ``.po`` compiled to a ``.mo`` read by ``babel.support``):
the documents say some fifty fixed things, with no plural forms and no translators' tools in the loop; a frozen
dataclass with every field required makes a language that forgets a label fail at import (and mypy names the
field), needs no compile step in the build or the frozen app, and keeps the adapters free of a second catalog
format next to the GUI's Qt one. Placeholders are ``str.format`` names (``{number}``, ``{days}``).

To add a language: add its code to ``domain.languages.SUPPORTED`` and a ``Wording`` to ``WORDINGS`` below
(docs/printing.md).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from babel.dates import format_date, format_time
from babel.numbers import format_decimal

from oms_desktop.formatting import babel_locale, reader_locale

ENGLISH = "en"


@dataclass(frozen=True)
class Wording:
    """Every label of the invoice, credit note, receipt and packing slip in one language."""

    # invoice and credit note
    invoice: str
    credit_note: str
    invoice_number: str
    credit_note_number: str
    date: str
    due_date: str
    order: str
    tracking: str
    vat_id: str
    email: str
    phone: str
    bill_to: str
    ship_to: str
    same_as_billing: str
    credit_note_for: str  # {number}: the invoice corrected
    sku: str
    description: str
    quantity: str
    unit_price: str
    tax: str
    net: str
    tax_rate: str
    net_total: str
    total: str
    paid: str
    balance_due: str
    refunded: str
    credit_remaining: str
    bank_reference: str
    invoice_qr: str
    credit_note_qr: str
    page: str  # {number} of {total}
    terms_paid: str
    terms_days: str  # {days}
    terms_on_receipt: str
    terms_credit: str
    # till receipt
    receipt: str
    cashier: str
    receipt_tax: str  # {rate}
    receipt_total: str
    change: str
    receipt_tracking: str  # {number}
    thank_you: str
    methods: dict[str, str]  # payment method codes (cash, card, bank, online)
    refund: str  # {method}
    # packing slip
    packing_slip: str
    tracking_number: str
    carrier: str
    carrier_reference: str
    packages: str
    weight: str
    product: str
    order_footer: str  # {number}

    def terms(self, code: str, days: int) -> str:
        """The payment terms ``code`` (``services.documents.InvoiceDoc.terms``) says, "" for none."""
        return {"paid": self.terms_paid, "days": self.terms_days, "on_receipt": self.terms_on_receipt,
                "credit": self.terms_credit}.get(code, "").format(days=days)

    def method(self, code: str, refund: bool, fallback: str) -> str:
        """A payment's method as printed: ``fallback`` (the service's words) for a code this table lacks."""
        name = self.methods.get(code)
        if name is None:
            return fallback
        return self.refund.format(method=name) if refund else name


EN = Wording(
    invoice="Invoice", credit_note="Credit note", invoice_number="Number", credit_note_number="Number", date="Date",
    due_date="Due date", order="Order", tracking="Tracking", vat_id="VAT ID", email="Email", phone="Phone",
    bill_to="Bill to", ship_to="Ship to", same_as_billing="Same as billing address",
    credit_note_for="Credit note for invoice {number}", sku="SKU", description="Description", quantity="Qty",
    unit_price="Unit price", tax="Tax", net="Net", tax_rate="Tax rate", net_total="Net total", total="Total",
    paid="Paid", balance_due="Balance due", refunded="Refunded", credit_remaining="Credit remaining",
    bank_reference="Reference", invoice_qr="Invoice no. & amount",
    credit_note_qr="Credit note no. & amount", page="page {number} of {total}",
    terms_paid="Paid in full. Thank you!",
    terms_days="Payable within {days} days of the invoice date without deduction.",
    terms_on_receipt="Payable on receipt.", terms_credit="The amount is credited to your account or refunded.",
    receipt="Receipt", cashier="Cashier", receipt_tax="Tax {rate}", receipt_total="TOTAL", change="Change",
    receipt_tracking="Tracking {number}", thank_you="Thank you!",
    methods={"cash": "Cash", "card": "Card", "bank": "Bank transfer", "online": "Online"}, refund="Refund {method}",
    packing_slip="Packing slip", tracking_number="Tracking number", carrier="Carrier",
    carrier_reference="Carrier reference", packages="Packages", weight="Weight", product="Product",
    order_footer="order {number}",
)

DE = Wording(
    invoice="Rechnung", credit_note="Gutschrift", invoice_number="Rechnungsnummer",
    credit_note_number="Gutschriftsnummer", date="Datum", due_date="Zahlbar bis", order="Auftrag",
    tracking="Sendungsnummer", vat_id="USt-IdNr.", email="E-Mail", phone="Telefon", bill_to="Rechnungsadresse",
    ship_to="Lieferadresse", same_as_billing="Wie Rechnungsadresse",
    credit_note_for="Gutschrift zur Rechnung {number}", sku="SKU", description="Beschreibung", quantity="Menge",
    unit_price="Einzelpreis", tax="USt.", net="Netto", tax_rate="USt.-Satz", net_total="Summe netto",
    total="Gesamtsumme", paid="Bezahlt", balance_due="Offener Betrag", refunded="Erstattet",
    credit_remaining="Verbleibendes Guthaben", bank_reference="Verwendungszweck",
    invoice_qr="Rechnungsnr. & Betrag", credit_note_qr="Gutschriftsnr. & Betrag",
    page="Seite {number} von {total}", terms_paid="Vollständig bezahlt. Vielen Dank!",
    terms_days="Zahlbar innerhalb von {days} Tagen ab Rechnungsdatum ohne Abzug.",
    terms_on_receipt="Zahlbar sofort nach Erhalt.",
    terms_credit="Der Betrag wird Ihrem Kundenkonto gutgeschrieben oder erstattet.",
    receipt="Beleg", cashier="Kassierer", receipt_tax="USt. {rate}", receipt_total="SUMME", change="Rückgeld",
    receipt_tracking="Sendungsnummer {number}", thank_you="Vielen Dank!",
    methods={"cash": "Bar", "card": "Karte", "bank": "Überweisung", "online": "Online"},
    refund="Erstattung {method}",
    packing_slip="Lieferschein", tracking_number="Sendungsnummer", carrier="Versanddienst",
    carrier_reference="Referenz Versanddienst", packages="Pakete", weight="Gewicht", product="Artikel",
    order_footer="Auftrag {number}",
)

WORDINGS: dict[str, Wording] = {"en": EN, "de": DE}


def document_language(language: str, company_locale: str) -> str:
    """The language a document prints in: ``language`` (the customer's), else the company locale's."""
    return (language or "").strip().lower() or babel_locale(company_locale).language


def wording(language: str, company_locale: str = "") -> Wording:
    """The document's words: its language's, English for a language without a table here."""
    return WORDINGS.get(document_language(language, company_locale), EN)


def document_locale(language: str, company_locale: str) -> str:
    """The locale a document's dates and amounts print in (see the module's docstring): ``de_DE`` for a German
    reader of a ``de_DE`` company, ``en_DE`` for an English one, ``de`` for a German reader of an ``en_US`` company
    (CLDR has no ``de_US``)."""
    return reader_locale(document_language(language, company_locale), company_locale)


def locale_date(value: date, locale: str) -> str:
    """A document's date as its readers write it, CLDR's medium format: ``Dec 3, 2026`` (en_US), ``03.12.2026``
    (de); a datetime adds the time of day in the short format (``2:02 PM``, ``14:02``)."""
    where = babel_locale(locale)
    text = format_date(value, "medium", locale=where)
    if isinstance(value, datetime):
        text += " " + format_time(value, "short", locale=where)
    return text.replace("\u202f", "\u00a0")  # CLDR's narrow no-break space ("2:02 PM"): not in every font


def locale_number(value: int | Decimal, locale: str) -> str:
    """A quantity, weight or tax rate with the locale's decimal sign (``1.5``, ``1,5``), every decimal it has and no
    more (``2.50`` prints ``2.5``), never grouped or in exponent form (as ``common.format_quantity``)."""
    if isinstance(value, Decimal):
        value = value.normalize()
    return format_decimal(value, locale=babel_locale(locale), decimal_quantization=False, group_separator=False)


def locale_rate(rate: Decimal, locale: str) -> str:
    """A tax rate in percent: ``7.5 %``, ``7,5 %``."""
    return f"{locale_number(rate, locale)} %"
