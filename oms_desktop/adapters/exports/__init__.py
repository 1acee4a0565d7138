"""Exports: the journal (hledger, Beancount, formula-safe CSV) and invoices as Factur-X.

``Exporters`` is what bootstrap hands to the CLI and the GUI as ``services.exporters`` (neither may import adapters).
"""
from __future__ import annotations


class Exporters:
    """Attributes: none; every method returns the file content (str for text formats, bytes for PDF)."""

    formats = ("hledger", "beancount", "csv")

    def journal(self, entries, currency: str, fmt: str) -> str:
        from .journal import export_journal
        return export_journal(entries, currency, fmt)

    def facturx(self, invoice, pdf: bytes, extra: dict) -> bytes:
        from .facturx import facturx_pdf  # lazy: lxml and pypdf load only when an e-invoice is written
        return facturx_pdf(invoice, pdf, extra)


__all__ = ["Exporters"]
