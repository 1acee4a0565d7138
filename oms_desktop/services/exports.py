"""Journals and e-invoices to export: the ``Exporters`` port the composition root fills (``adapters/exports``), for the
CLI and the GUI, which may not import adapters."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .accounts_common import InvoiceDTO
from .ledger import EntryDTO


class Exporters(Protocol):
    """Journals (hledger, Beancount, CSV) and Factur-X e-invoices."""

    formats: tuple[str, ...]

    def journal(self, entries: Sequence[EntryDTO], currency: str, fmt: str) -> str: ...
    def facturx(self, invoice: InvoiceDTO, pdf: bytes, extra: dict[str, str | None]) -> bytes: ...
