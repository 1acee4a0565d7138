"""Reprint PDF on the Accounts tab: an order's invoices, credit notes and the receipt of any of its payments, picked
from a list (Down, Enter) when there is more than one; an INV-/CRN- number prints that document at once."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...domain.errors import UserFacingError
from ...domain.references import receipt_number
from .. import format as fmt
from .words import word


#: the functions of this module speak in the dialog's context (lupdate reads ``translate("Context", "Text")``)
translate = QCoreApplication.translate


@dataclass(frozen=True)
class PrintableDoc:
    """One document of an order that can be printed again: an issued invoice or credit note, or a receipt."""
    kind: str       # invoice | credit_note | receipt
    number: str     # INV-..., CRN-..., R-000042-2
    label: str      # what the list shows
    invoice_id: int | None = None
    order_id: int | None = None
    payment_id: int | None = None


def printable_docs(services, actor, ref: str, locale: str) -> list[PrintableDoc]:
    """The documents of the order ``ref`` (or the one document an INV-/CRN- number names), oldest first."""
    if ref.strip().upper().startswith(("INV", "CRN")):
        inv = services.billing.get_invoice(actor, ref)
        return [PrintableDoc(inv.kind, inv.number, inv.number, invoice_id=inv.id)]
    account = services.receivables.order_account(actor, ref)
    invoice = translate("DocumentChoiceDialog", "Invoice {number}  {date}  {total}")
    credit_note = translate("DocumentChoiceDialog", "Credit note {number}  {date}  {total}")
    docs = [PrintableDoc(i.kind, i.number, (invoice if i.kind == "invoice" else credit_note).format(
                number=i.number, date=i.issue_date.isoformat(), total=fmt.money(i.total, i.currency, locale)),
                         invoice_id=i.id)
            for i in account.invoices]
    for n, p in enumerate(account.payments, start=1):
        number = receipt_number(account.order_id, n)
        what = (translate("DocumentChoiceDialog", "Receipt {number}  {date}  {method}  {amount}")
                if p.kind == "payment" else
                translate("DocumentChoiceDialog", "Receipt of a refund {number}  {date}  {method}  {amount}"))
        docs.append(PrintableDoc("receipt", number, what.format(number=number, date=fmt.when(p.received_at),
                                                                method=word(p.method),
                                                                amount=fmt.money(p.amount, p.currency, locale)),
                                 order_id=account.order_id, payment_id=p.id))
    if not docs:
        raise UserFacingError(translate("DocumentChoiceDialog", "{order} has no invoice and no payment yet: nothing to "
                                        "print.").format(order=account.order_number))
    return docs


def render(services, actor, doc: PrintableDoc) -> bytes:
    if doc.kind == "receipt":
        return services.receivables.receipt_pdf(actor, doc.order_id, payment_id=doc.payment_id)
    return services.billing.invoice_pdf(actor, doc.invoice_id)


class DocumentChoiceDialog(QDialog):
    """Which document of the order to print: Down, Enter (the newest is preselected)."""

    def __init__(self, order_ref: str, docs: list[PrintableDoc], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reprint a document of {order}").format(order=order_ref))
        self.docs_list = QListWidget(objectName="reprint_docs")
        for doc in docs:
            item = QListWidgetItem(doc.label)
            item.setData(Qt.ItemDataRole.UserRole, doc)
            self.docs_list.addItem(item)
        self.docs_list.setCurrentRow(len(docs) - 1)
        self.docs_list.itemActivated.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Print..."))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addWidget(QLabel(self.tr("Invoices, credit notes and the receipt of each payment, oldest first:")))
        root.addWidget(self.docs_list)
        root.addWidget(buttons)
        self.resize(560, 280)

    def chosen(self) -> PrintableDoc | None:
        item = self.docs_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
