"""Billing: invoices and credit notes with gapless numbers, their plans, PDFs and exports."""
from __future__ import annotations

import logging
from collections import defaultdict
from datetime import timedelta
from types import SimpleNamespace
from typing import Callable

from ..domain import events as ev
from ..domain.errors import BusinessRuleViolation, InvalidTransition, NotFound, ValidationFailed
from ..domain.messages import code, msg
from ..domain.mail import MailKind
from ..domain.free_text import contains_card_number
from ..domain.ledger import credit_note_entry, invoice_entry
from ..domain.money import from_minor, to_minor
from ..domain.orders import parse_quantity
from ..domain.references import Series, format_ref, order_number, parse_invoice_or_credit_note
from ..domain.roles import Perm
from .accounts_common import InvoiceDTO, invoice_dto
from .output import PrintingService
from .documents import InvoiceDoc
from .dto import Actor
from .invoice_doc import address_from_text, customer_language, line_totals, parties, seller, stored_doc
from .invoice_adjustments import as_adjustments, goods_base, ledger_parts, priced, shares
from .invoice_plan import (INVOICE_WHAT, NOT_INVOICEABLE, InvoicePlanDTO, InvoicePlanLineDTO, plan_adjustments,
                           plan_invoice)
from .ledger_posting import post_entry
from .outbox import queue_to
from .order_lookup import order_row
from .ports import utc_now

INVOICE_SERIES = Series.INVOICE
CREDIT_SERIES = Series.CREDIT_NOTE
PAYMENT_TERMS_DAYS = 14
__all__ = ["BillingService", "INVOICE_WHAT", "InvoicePlanDTO", "InvoicePlanLineDTO"]

log = logging.getLogger(__name__)


def _audit_adjustments(rows, currency: str) -> dict:
    """The allowances and charges a document bills, for its audit row (nothing when it has none)."""
    return {"adjustments": [[r["label"], str(from_minor(r["amount_minor"], currency))] for r in rows]} if rows else {}


class BillingService(PrintingService):
    """Invoices and credit notes. Rules it keeps:

    * Invoice numbers are gapless per series (``INV`` invoices, ``CRN`` credit notes). A number is drawn from the
      series' counter row only in the transaction that issues the document (PostgreSQL locks the row with ``UPDATE
      ... RETURNING``; SQLite's ``BEGIN IMMEDIATE`` serialises writers), so a failure after numbering rolls the
      number back with everything else. A preview (draft) carries no number.
    * An issued invoice never changes: its PDF is stored as issued, so a reprint is the same document; a correction
      is a credit note referencing it. Rendering (milliseconds of ReportLab) stays out of the issuing transaction,
      which holds the number's lock (and SQLite's one write lock): the invoice, with everything its PDF shows
      (seller and buyer as they were, lines, totals, what was paid before), is committed first; the PDF is rendered
      from those stored rows only and stored in a second, tiny transaction (``invoice_documents``, insert if absent).
      Should that not happen (a crash in between, or ``render=False`` when a background job prints), the first
      ``invoice_pdf`` renders the same document from the same rows and stores it. The database refuses UPDATE and
      DELETE on these tables too (migration 0004).
    * An order can have several invoices, each for units not invoiced yet (invoices less credit notes):
      ``what="shipped"`` bills what left the building (a first shipment, later its backorder), ``"all"`` the whole
      order (counter sale, prepayment), ``"auto"`` the first once the order has a shipment, else the second. A unit
      is never invoiced twice; the invoice that leaves nothing uninvoiced takes what is left of the order's net and
      tax, so the invoices add up to the order's total to the cent.
    * An order's allowances (promotions, coupon, incentives, free shipping) and charges (shipping) are billed with
      its goods (``domain.pricing.adjustment_shares``): an invoice bills of each its share, the adjustment's amount x
      (the goods base the invoice bills, at all tax rates / the order's goods base), rounded to the currency; the
      invoice that completes the order takes what is left of each (so an order invoiced at once, a counter sale,
      bills them whole, and the invoices add up to the order's total to the cent). The shares are stored with the
      invoice (``invoice_adjustments``), priced with its lines (``domain.pricing.price``: their tax is the tax of
      what is charged) and part of its net, tax and total; its sale entry books allowances to Sales discounts and
      charges to Shipping charges. A credit note of all that is left of an invoice takes back what is left of its
      allowances and charges; one of some lines takes back their share in proportion to the goods base credited
      (of the invoice's goods base), and the last credit note of an invoice takes the rest.
    * Tax rounding is a company setting (``CompanyService.update(tax_rounding="line" | "document")``, see
      ``domain.orders.TaxRounding``): ``line`` rounds each line's tax and adds them up (what a till receipt shows);
      ``document`` adds the net per tax rate and rounds the tax once per rate (EN 16931 / Factur-X). An order keeps
      the mode it was created under, and its invoice and credit notes use the order's mode, so the screen, the PDF
      and the journal always show the same cents.

    Attributes:
        renderer: the PDF renderer (``render_invoice``), injected by bootstrap.
        after_numbering: a test seam, called with the drawn number inside the issuing transaction (fault injection).
    """

    after_numbering: Callable[[str], None] | None = None

    # ---- invoices -------------------------------------------------------------------------------------------
    def preview_invoice(self, actor: Actor, order_ref, *, what: str = "auto") -> bytes:
        """The invoice an order would get now (``what`` as ``issue_invoice``), marked DRAFT, without a number:
        nothing is stored."""
        self._require(actor, Perm.ACCOUNTING, "preview invoices")
        what = self._what(what)
        with self._uow(write=False) as uow:
            order = order_row(uow, order_ref)
            plan = plan_invoice(uow, order, what)
            if plan.refusal:
                raise BusinessRuleViolation(plan.refusal)
            cur = order.currency
            draft = SimpleNamespace(kind="invoice", number="DRAFT", order_id=order.id, issue_date=utc_now().date(),
                                    due_date=None, currency=cur, net_minor=plan.net, tax_minor=plan.tax,
                                    total_minor=plan.net + plan.tax, tax_rounding=order.tax_rounding,
                                    reason=plan.note, prepaid_minor=0, references_number=None,
                                    **parties(uow, order, self.company))
            doc = stored_doc(draft, [SimpleNamespace(**r) for r in plan.line_rows], order, self.company.locale,
                             [SimpleNamespace(**r) for r in plan.adjustments],
                             customer_language(uow, order.customer_id))
        return self._printer().render_invoice(doc)

    def invoice_plan(self, actor: Actor, order_ref, *, what: str = "auto") -> InvoicePlanDTO:
        """What ``issue_invoice(actor, order_ref, what=what)`` would bill now, line by line (ordered, shipped,
        invoiced, to invoice) with its totals; ``refusal`` says why it would be refused. Nothing is stored."""
        self._require(actor, Perm.VIEW, "see what an invoice would bill")
        what = self._what(what)
        with self._uow(write=False) as uow:
            order = order_row(uow, order_ref)
            plan = plan_invoice(uow, order, what)
        cur = order.currency
        refusal = (f"{order_number(order.id)} is {order.status}; only confirmed orders can be invoiced."
                   if order.status in NOT_INVOICEABLE else plan.refusal)
        return InvoicePlanDTO(order.id, order_number(order.id), order.status, plan.what, plan.lines,
                              from_minor(plan.net, cur), from_minor(plan.tax, cur),
                              from_minor(plan.net + plan.tax, cur), cur, plan.final, plan.earlier, refusal,
                              plan_adjustments(plan.adjustments, cur))

    def issue_invoice(self, actor: Actor, order_ref, *, what: str = "auto", due_days: int = PAYMENT_TERMS_DAYS,
                      render: bool = True) -> InvoiceDTO:
        """Invoice the units of an order not invoiced yet (net of credit notes): ``what="shipped"`` those that left
        the building (a first shipment, later a backorder's), ``"all"`` every one (a counter sale, a prepayment),
        ``"auto"`` (default) ``shipped`` once the order has a shipment, else ``all``. Units are never invoiced
        twice: with nothing new to bill it is refused and nothing changes. The invoice that leaves nothing of the
        order uninvoiced takes exactly what is left of the order's net and tax, so an order's invoices add up to
        its total to the cent under either tax rounding. It bills its share of the order's allowances and charges
        (see the class docstring), stored with it.

        The next number and the sale's posting happen in one short transaction; the PDF is rendered and stored
        after it. ``render=False`` leaves the PDF to the first ``invoice_pdf`` (a background job that prints it):
        the same document either way, rendered from what the invoice stores only."""
        self._require(actor, Perm.ACCOUNTING, "issue invoices")
        what = self._what(what)
        if not isinstance(due_days, int) or not 0 <= due_days <= 365:
            raise ValidationFailed(msg("payment terms must be 0 to 365 days"))
        with self._uow() as uow:
            order = order_row(uow, order_ref, for_update=True)
            label = order_number(order.id)
            if order.status in NOT_INVOICEABLE:
                raise InvalidTransition(msg("{order} is {status}; only confirmed orders can be invoiced.", order=label,
                                            status=code(order.status)))
            plan = plan_invoice(uow, order, what)
            if plan.refusal:
                raise BusinessRuleViolation(plan.refusal)
            net, tax = plan.net, plan.tax
            invoiced, paid = uow.receivables.order_amounts(order.id)
            cur = order.currency
            seq = uow.invoices.next_number(INVOICE_SERIES)
            number = format_ref(INVOICE_SERIES, seq)
            if self.after_numbering is not None:
                self.after_numbering(number)
            today = utc_now().date()
            due = today + timedelta(days=due_days)
            already = max(0, min(paid - invoiced, net + tax))  # paid before the invoice (counter sale, prepayment)
            customer = uow.customers.get(order.customer_id) if order.customer_id is not None else None
            values = dict(kind="invoice", series=INVOICE_SERIES, seq=seq, number=number, order_id=order.id,
                          customer_id=order.customer_id, references_id=None, issue_date=today, due_date=due,
                          currency=cur, net_minor=net, tax_minor=tax, total_minor=net + tax,
                          tax_rounding=order.tax_rounding, reason=plan.note, prepaid_minor=already,
                          issued_by=actor.user_id, language=(customer.language if customer is not None else None),
                          **parties(uow, order, self.company, customer))
            iid = uow.invoices.add_invoice(values, plan.line_rows)
            uow.carts.add_invoice_adjustments(iid, plan.adjustments)  # no statement without any
            uow.receivables.refresh_open_account(order.id)
            post_entry(uow, actor, invoice_entry(f"{number} {label}", net, tax, invoiced - paid,
                                                 **ledger_parts(plan.adjustments)),
                       currency=cur, order_id=order.id, invoice_id=iid)
            queue_to(uow, MailKind.INVOICE, order.id, customer, {"invoice_id": iid, "number": number})
            units = {ln.sku: ln.to_invoice for ln in plan.lines if ln.to_invoice}
            uow.events.add_event(ev.InvoiceIssued(order_id=order.id, number=number, order=label,
                                                  total=str(from_minor(net + tax, cur)), currency=cur,
                                                  due_date=due.isoformat(), what=plan.what, final=plan.final),
                                 user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="invoice.issue",
                             entity="invoice", entity_id=number,
                             new={"order": label, "what": plan.what, "lines": units,
                                  "net": str(from_minor(net, cur)), "tax": str(from_minor(tax, cur)),
                                  "total": str(from_minor(net + tax, cur)), "due_date": due.isoformat(),
                                  **_audit_adjustments(plan.adjustments, cur)})
            # The DTO and the document are built from what was just written (the rows as stored, no read-back).
            row = SimpleNamespace(id=iid, **values, customer_name=None, issued_by_name=actor.username,
                                  references_number=None)
            stored_lines = [SimpleNamespace(invoice_id=iid, **r) for r in plan.line_rows]
            stored_adjs = [SimpleNamespace(invoice_id=iid, **r) for r in plan.adjustments]
            dto = invoice_dto(uow, row, lines=stored_lines, adjustments=stored_adjs)
            doc = stored_doc(row, stored_lines, order, self.company.locale, stored_adjs)
            uow.commit()
        if render:
            self._store_after_issue(iid, doc)
        return dto

    @staticmethod
    def _what(what) -> str:
        value = str(what or "").strip().lower()
        if value not in INVOICE_WHAT:
            raise ValidationFailed(msg("what to invoice: '{what}' is unknown (auto, shipped or all)", what=what))
        return value

    def issue_credit_note(self, actor: Actor, invoice_ref, lines: list[tuple[str, object]] | None = None, *,
                          reason: str = "", render: bool = True) -> InvoiceDTO:
        """Credit an issued invoice: all of what is still uncredited, or ``lines`` [(SKU, quantity)] of it.
        Its PDF is rendered and stored after the credit note is committed (``render``: as ``issue_invoice``)."""
        self._require(actor, Perm.ACCOUNTING, "issue credit notes")
        reason = (reason or "").strip()
        if contains_card_number(reason):
            raise ValidationFailed(msg("the reason looks like a card number; never store card numbers"))
        with self._uow() as uow:
            invoice = self._invoice_row(uow, invoice_ref)
            if invoice.kind != "invoice":
                raise BusinessRuleViolation(msg("{number} is a credit note; only invoices can be credited.",
                                                number=invoice.number))
            order = uow.orders.get(invoice.order_id, for_update=True)
            assert order is not None  # an invoice's order is never deleted
            inv_lines = uow.invoices.invoice_lines(invoice.id)
            credited = uow.invoices.credited_quantities(invoice.id)
            remaining = {ln.sku: ln.quantity - credited.get(ln.sku, 0) for ln in inv_lines}
            wanted: dict[str, int] = defaultdict(int)
            problems: list[str] = []
            if lines:
                for sku, qty in lines:
                    key = str(sku).strip().upper()
                    try:
                        wanted[key] += parse_quantity(qty, sku=key)
                    except ValidationFailed as e:
                        problems.extend(e.problems)
            else:
                wanted.update({sku: q for sku, q in remaining.items() if q > 0})
            for sku, qty in wanted.items():
                if sku not in remaining:
                    problems.append(msg("{sku} is not on invoice {number}", sku=sku, number=invoice.number))
                elif qty > remaining[sku]:
                    problems.append(msg("only {remaining} of {sku} can still be credited on {number} (asked {asked})",
                                        remaining=remaining[sku], sku=sku, number=invoice.number, asked=qty))
            if problems:
                raise ValidationFailed(problems)
            if not wanted:
                raise BusinessRuleViolation(msg("{number} is fully credited already.", number=invoice.number))
            cur = invoice.currency
            take = []
            left = dict(wanted)
            for ln in inv_lines:
                q = min(left.get(ln.sku, 0), ln.quantity - credited.get(ln.sku, 0))
                if q > 0:
                    take.append((ln, q))
                    left[ln.sku] -= q
            final = all(remaining[sku] - wanted.get(sku, 0) == 0 for sku in remaining)
            earlier = [cn for cn in uow.invoices.invoices_of(order.id) if cn.references_id == invoice.id]
            # its share of the invoice's allowances and charges (the class docstring's rule)
            billed_adjs = uow.carts.invoice_adjustments_of_order(order.id)
            whole = [a for a in billed_adjs if a.invoice_id == invoice.id]
            done: dict[int, int] = defaultdict(int)
            for a in billed_adjs:
                if a.invoice_id in {cn.id for cn in earlier}:
                    done[a.seq] += a.amount_minor
            parts = shares(whole, done, goods_base(order, line_totals(order, take, invoice.tax_rounding)),
                           goods_base(order, line_totals(order, [(ln, ln.quantity) for ln in inv_lines],
                                                         invoice.tax_rounding)), final=final) if whole else []
            totals = line_totals(order, take, invoice.tax_rounding, as_adjustments(parts, cur))
            net, tax = to_minor(totals.net, cur), to_minor(totals.tax, cur)
            if final:  # the last credit note takes exactly what is left, so rounding can never leave a cent
                net = invoice.net_minor - sum(cn.net_minor for cn in earlier)
                tax = invoice.tax_minor - sum(cn.tax_minor for cn in earlier)
            adj_rows = priced(parts, totals, cur)
            seq = uow.invoices.next_number(CREDIT_SERIES)
            number = format_ref(CREDIT_SERIES, seq)
            if self.after_numbering is not None:
                self.after_numbering(number)
            today = utc_now().date()
            invoiced, paid = uow.receivables.order_amounts(order.id)
            line_rows = [dict(line_no=i, product_id=ln.product_id, sku=ln.sku, name=ln.name, quantity=q,
                              unit_price_minor=ln.unit_price_minor, tax_rate_bp=ln.tax_rate_bp,
                              discount_bp=ln.discount_bp, net_minor=to_minor(la.net, cur),
                              tax_minor=to_minor(la.tax, cur))
                         for i, ((ln, q), la) in enumerate(zip(take, totals.lines), start=1)]
            cid = uow.invoices.add_invoice(
                dict(kind="credit_note", series=CREDIT_SERIES, seq=seq, number=number, order_id=order.id,
                     customer_id=invoice.customer_id, references_id=invoice.id, issue_date=today, due_date=None,
                     currency=cur, net_minor=net, tax_minor=tax, total_minor=net + tax,
                     tax_rounding=invoice.tax_rounding, bill_to=invoice.bill_to, ship_to="", reason=reason,
                     prepaid_minor=0, issued_by=actor.user_id, language=invoice.language,
                     **seller(self.company)),
                line_rows)
            uow.carts.add_invoice_adjustments(cid, adj_rows)
            uow.receivables.refresh_open_account(order.id)
            post_entry(uow, actor, credit_note_entry(number, invoice.number, net, tax, invoiced - paid,
                                                     **ledger_parts(adj_rows)),
                       currency=cur, order_id=order.id, invoice_id=cid)
            uow.events.add_event(ev.CreditNoteIssued(order_id=order.id, number=number, invoice=invoice.number,
                                                     order=order_number(order.id),
                                                     total=str(from_minor(net + tax, cur)), currency=cur),
                                 user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="credit_note.issue",
                             entity="invoice", entity_id=number,
                             new={"invoice": invoice.number, "lines": dict(wanted),
                                  "total": str(from_minor(net + tax, cur)), "reason": reason,
                                  **_audit_adjustments(adj_rows, cur)})
            row, stored_lines = uow.invoices.invoice(cid), uow.invoices.invoice_lines(cid)
            stored_adjs = [SimpleNamespace(invoice_id=cid, **r) for r in adj_rows]
            dto = invoice_dto(uow, row, lines=stored_lines, adjustments=stored_adjs)
            doc = stored_doc(row, stored_lines, order, self.company.locale, stored_adjs)
            uow.commit()
        if render:
            self._store_after_issue(cid, doc)
        return dto

    def invoice_pdf(self, actor: Actor, invoice_ref) -> bytes:
        """The PDF exactly as issued (a reprint never changes a number or an amount). The first request of a
        document not stored yet (issued with ``render=False``, or a crash right after issuing) renders it from the
        stored invoice and stores it; first requests at once all get the one stored document."""
        self._require(actor, Perm.VIEW, "view invoices")
        with self._uow(write=False) as uow:
            row = self._invoice_row(uow, invoice_ref)
            pdf = self._pdf_or_doc(uow, row)
        return self._store_document(row.id, pdf) if isinstance(pdf, InvoiceDoc) else pdf

    def pdf_for_mail(self, invoice_id: int) -> tuple[str, bytes]:
        """The number and the PDF exactly as issued, for the outbox sender attaching it to the customer's mail
        (the outbox row was written by the permitted issue; the sender may run with no one signed in)."""
        with self._uow(write=False) as uow:
            row = self._invoice_row(uow, invoice_id)
            pdf = self._pdf_or_doc(uow, row)
        return row.number, (self._store_document(row.id, pdf) if isinstance(pdf, InvoiceDoc) else pdf)

    def get_invoice(self, actor: Actor, invoice_ref) -> InvoiceDTO:
        self._require(actor, Perm.VIEW, "view invoices")
        with self._uow(write=False) as uow:
            return invoice_dto(uow, self._invoice_row(uow, invoice_ref))

    def list_invoices(self, actor: Actor, *, kind: str | None = None, limit: int = 200) -> list[InvoiceDTO]:
        self._require(actor, Perm.VIEW, "view invoices")
        with self._uow(write=False) as uow:
            return [invoice_dto(uow, r, with_lines=False) for r in uow.invoices.invoices(kind=kind,
                                                                                              limit=limit)]

    def invoice_for_export(self, actor: Actor, invoice_ref) -> tuple[InvoiceDTO, bytes, dict]:
        """The invoice, its stored PDF and the data an e-invoice needs (company, buyer), for Factur-X."""
        self._require(actor, Perm.VIEW, "view invoices")
        with self._uow(write=False) as uow:
            row = self._invoice_row(uow, invoice_ref)
            dto = invoice_dto(uow, row)
            seller = address_from_text(row.seller)  # the seller as issued, not as the settings say now
            extra = {"company_name": seller.name, "company_address": "\n".join(seller.lines),
                     "vat_id": row.seller_vat_id,
                     "buyer_name": row.bill_to.split("\n", 1)[0], "buyer_address": row.bill_to,
                     "references_number": dto.references_number, "tax_rounding": row.tax_rounding}
            pdf = self._pdf_or_doc(uow, row)
        return dto, self._store_document(row.id, pdf) if isinstance(pdf, InvoiceDoc) else pdf, extra

    # ---- helpers --------------------------------------------------------------------------------------------

    def _pdf_or_doc(self, uow, row) -> bytes | InvoiceDoc:
        """The stored PDF of an invoice row, or (not stored yet) the document to render from the stored rows."""
        pdf = uow.invoices.invoice_pdf(row.id)
        if pdf is not None:
            return bytes(pdf)
        return stored_doc(row, uow.invoices.invoice_lines(row.id), uow.orders.get(row.order_id), self.company.locale,
                          uow.carts.invoice_adjustments(row.id))

    def _store_document(self, invoice_id: int, doc: InvoiceDoc) -> bytes:
        """Render ``doc`` (outside any transaction) and store it unless a PDF is stored already; the stored one.
        No event or audit row: the PDF is the issued invoice rendered, not a change to it."""
        pdf = self._printer().render_invoice(doc)
        with self._uow() as uow:
            uow.invoices.store_invoice_pdf(invoice_id, pdf)
            stored = uow.invoices.invoice_pdf(invoice_id)
            assert stored is not None  # stored just above, or earlier
            uow.commit()
        return bytes(stored)

    def _store_after_issue(self, invoice_id: int, doc: InvoiceDoc) -> None:
        try:
            self._store_document(invoice_id, doc)
        except Exception:  # noqa: BLE001 - the document is issued and committed; its PDF follows on first request
            log.exception("%s is issued; its PDF was not stored now and is rendered on first request", doc.number)

    def _invoice_row(self, uow, ref):
        if isinstance(ref, int) and not isinstance(ref, bool):
            row = uow.invoices.invoice(ref)
        else:
            text = str(ref or "").strip()
            parsed = parse_invoice_or_credit_note(text)
            row = uow.invoices.invoice_by_number(format_ref(*parsed) if parsed else text)
        if row is None:
            raise NotFound(msg("No invoice or credit note '{ref}'.", ref=ref))
        return row
