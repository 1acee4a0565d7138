"""ReportLab PDF renderer: turns the print DTOs of ``services.documents`` into PDF bytes."""
from __future__ import annotations

from oms_desktop.services.documents import (CatalogDoc, InvoiceDoc, PackingSlipDoc, PickListDoc, PurchaseOrderDoc,
                                            ReceiptDoc, ZReportDoc)

from .catalog import render_catalog
from .common import DateFormatter, MoneyFormatter, default_format_date, default_format_money
from .fonts import font_set
from .invoice import qr_payload, render_invoice
from .packing_slip import render_packing_slip
from .picklist import render_pick_list
from .purchase_order import render_purchase_order
from .receipt import render_receipt
from .z_report import render_z_report


class ReportLabRenderer:
    """Renders documents to PDF bytes; deterministic (a reprint is byte-identical) and safe for any user text.

    ``format_money(amount, currency, locale)`` and ``format_date(date)`` can be replaced; the default money format is
    the screen's (``oms_desktop.formatting.money``) in the document's locale, e.g. ``€1,234.50`` for en_US and
    ``1.234,50 €`` for de_DE (exactly the currency's decimals). The customer's documents (invoice, credit note,
    receipt, packing slip) print in the customer's language, else the company's (``wording.py``), and their dates
    in its locale (``03.12.2026``, ``Dec 3, 2026``) unless ``format_date`` is given; the warehouse's and the
    office's own papers print ISO dates.
    """

    def __init__(self, format_money: MoneyFormatter | None = None, format_date: DateFormatter | None = None):
        self.format_money = format_money or default_format_money
        self.format_date = format_date or default_format_date
        self._document_dates = format_date  # None: the customer's documents date themselves in their locale
        font_set()  # register now so the first document renders as fast as the rest

    def render_pick_list(self, doc: PickListDoc) -> bytes:
        return render_pick_list(doc, self.format_date)

    def render_invoice(self, doc: InvoiceDoc, page_size: str = "A4") -> bytes:
        return render_invoice(doc, self.format_money, self._document_dates, page_size)

    def render_receipt(self, doc: ReceiptDoc) -> bytes:
        return render_receipt(doc, self.format_money, self._document_dates)

    def render_packing_slip(self, doc: PackingSlipDoc) -> bytes:
        return render_packing_slip(doc)

    def render_purchase_order(self, doc: PurchaseOrderDoc) -> bytes:
        return render_purchase_order(doc, self.format_money, self.format_date)

    def render_catalog(self, doc: CatalogDoc) -> bytes:
        return render_catalog(doc, self.format_money, self.format_date)

    def render_z_report(self, doc: ZReportDoc) -> bytes:
        return render_z_report(doc, self.format_money, self.format_date)


__all__ = ["ReportLabRenderer", "default_format_date", "default_format_money", "qr_payload"]
