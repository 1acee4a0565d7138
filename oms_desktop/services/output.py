"""Documents to print: the ``Renderer`` port the composition root fills, and the base of the services that print.
(Journals and e-invoices to export: ``exports.Exporters``.)"""
from __future__ import annotations

from typing import Protocol

from ..domain.errors import BusinessRuleViolation
from ..domain.messages import msg
from .base import ServiceBase, SettingsCache
from .documents import CatalogDoc, InvoiceDoc, PackingSlipDoc, PickListDoc, PurchaseOrderDoc, ReceiptDoc, ZReportDoc
from .ports import UnitOfWorkFactory


class Renderer(Protocol):
    """Turns the services' documents into PDF bytes (``adapters/pdf`` with ReportLab)."""

    def render_pick_list(self, doc: PickListDoc) -> bytes: ...
    def render_invoice(self, doc: InvoiceDoc, page_size: str = "A4") -> bytes: ...
    def render_receipt(self, doc: ReceiptDoc) -> bytes: ...
    def render_packing_slip(self, doc: PackingSlipDoc) -> bytes: ...
    def render_purchase_order(self, doc: PurchaseOrderDoc) -> bytes: ...
    def render_catalog(self, doc: CatalogDoc) -> bytes: ...
    def render_z_report(self, doc: ZReportDoc) -> bytes: ...


class PrintingService(ServiceBase):
    """A service that prints: the composition root passes its renderer in (None where nothing may print, which
    refuses printing in words instead of failing on None)."""

    def __init__(self, uow: UnitOfWorkFactory, hub: SettingsCache, renderer: Renderer | None = None):
        super().__init__(uow, hub)
        self.renderer = renderer

    def _printer(self) -> Renderer:
        if self.renderer is None:
            raise BusinessRuleViolation(msg("No PDF renderer is configured in this program; nothing can be printed "
                                            "here."))
        return self.renderer
