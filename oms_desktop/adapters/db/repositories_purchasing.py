"""Repository of the purchasing area: suppliers, preferred suppliers, purchase orders and their lines, supplier
invoices and payments (Core SQL)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import bindparam, func, insert, select, update

from ...services.repository_records_purchasing import (ListedPurchaseOrder, PurchaseOrderLineRecord,
                                                       PurchaseOrderRecord, ReorderCandidate,
                                                       SupplierInvoiceLineRecord, SupplierInvoiceNumber,
                                                       SupplierInvoiceRecord, SupplierPaymentRecord, SupplierRecord)
from . import models_purchasing as mp
from .repositories import _now, _Repo, built, insert_returning_id, plain_insert, products_t, stock_t, users_t

suppliers_t = mp.Supplier.__table__
product_suppliers_t = mp.ProductSupplier.__table__
pos_t = mp.PurchaseOrder.__table__
po_lines_t = mp.PurchaseOrderLine.__table__
sinv_t = mp.SupplierInvoice.__table__
sinv_lines_t = mp.SupplierInvoiceLine.__table__
spay_t = mp.SupplierPayment.__table__

OPEN_STATUSES = ("sent", "partly_received")


def _supplier_invoice(row) -> SupplierInvoiceRecord:
    """The record of a ``_sinv_select`` row (what was paid is a SUM, NUMERIC on PostgreSQL: whole minor units)."""
    *invoice, paid = row
    return SupplierInvoiceRecord(*(*invoice, int(paid)))


class PurchasingRepo(_Repo):
    """Suppliers, preferred suppliers, purchase orders and their lines, what is on order."""

    def add_supplier(self, values: Mapping[str, object]) -> int:
        return self.c.execute(insert(suppliers_t).values(**values, active=True, created_at=_now())
                              .returning(suppliers_t.c.id)).scalar_one()

    def supplier(self, supplier_id: int) -> SupplierRecord | None:
        row = self.c.execute(select(suppliers_t).where(suppliers_t.c.id == supplier_id)).first()
        return SupplierRecord(*row) if row is not None else None

    def supplier_by_name(self, name: str) -> SupplierRecord | None:
        row = self.c.execute(select(suppliers_t).where(func.lower(suppliers_t.c.name) == name.lower())).first()
        return SupplierRecord(*row) if row is not None else None

    def suppliers(self, active_only: bool = True) -> list[SupplierRecord]:
        q = select(suppliers_t).order_by(suppliers_t.c.name)
        if active_only:
            q = q.where(suppliers_t.c.active.is_(True))
        return [SupplierRecord(*r) for r in self.c.execute(q)]

    def set_preferred(self, product_id: int, supplier_id: int | None, supplier_sku: str = "") -> None:
        t = product_suppliers_t
        if supplier_id is None:
            self.c.execute(t.delete().where(t.c.product_id == product_id))
            return
        n = self.c.execute(update(t).where(t.c.product_id == product_id)
                           .values(supplier_id=supplier_id, supplier_sku=supplier_sku)).rowcount
        if not n:
            self.c.execute(insert(t).values(product_id=product_id, supplier_id=supplier_id,
                                            supplier_sku=supplier_sku))

    def preferred(self, product_ids) -> dict[int, int]:
        ids = list(product_ids)
        out: dict[int, int] = {}
        for i in range(0, len(ids), 500):
            out.update(self.c.execute(select(product_suppliers_t.c.product_id, product_suppliers_t.c.supplier_id)
                                      .where(product_suppliers_t.c.product_id.in_(ids[i:i + 500]))).all())
        return out

    def add_po(self, values: Mapping[str, object]) -> int:
        now = _now()
        return self.c.execute(insert(pos_t).values(**values, created_at=now, updated_at=now)
                              .returning(pos_t.c.id)).scalar_one()

    def add_lines(self, rows: Sequence[Mapping[str, object]]) -> None:
        if rows:
            self.c.execute(plain_insert(po_lines_t), rows)

    def po(self, po_id: int, *, for_update: bool = False) -> PurchaseOrderRecord | None:
        q = (select(pos_t, suppliers_t.c.name.label("supplier_name"))
             .join(suppliers_t, suppliers_t.c.id == pos_t.c.supplier_id).where(pos_t.c.id == po_id))
        if for_update and self.c.dialect.name == "postgresql":
            q = q.with_for_update(of=pos_t)
        row = self.c.execute(q).first()
        return PurchaseOrderRecord(*row) if row is not None else None

    def lines(self, po_id: int) -> list[PurchaseOrderLineRecord]:
        return [PurchaseOrderLineRecord(*r) for r in self.c.execute(
            select(po_lines_t).where(po_lines_t.c.po_id == po_id).order_by(po_lines_t.c.line_no))]

    def update_po(self, po_id: int, values: Mapping[str, object]) -> None:
        self.c.execute(update(pos_t).where(pos_t.c.id == po_id).values(**values, updated_at=_now()))

    def set_received(self, line_id: int, received: int) -> None:
        self.c.execute(update(po_lines_t).where(po_lines_t.c.id == line_id).values(received=received))

    def update_line(self, line_id: int, values: Mapping[str, object]) -> None:
        self.c.execute(update(po_lines_t).where(po_lines_t.c.id == line_id).values(**values))

    def delete_line(self, line_id: int) -> None:
        self.c.execute(po_lines_t.delete().where(po_lines_t.c.id == line_id))

    def newest_draft(self, supplier_id: int) -> int | None:
        """The id of the supplier's newest draft purchase order, if it has one."""
        return self.c.execute(select(func.max(pos_t.c.id)).where(pos_t.c.supplier_id == supplier_id,
                                                                 pos_t.c.status == "draft")).scalar()

    def list_pos(self, *, status: str | None = None, limit: int = 200, offset: int = 0) -> list[ListedPurchaseOrder]:
        counts = (select(func.count()).select_from(po_lines_t).where(po_lines_t.c.po_id == pos_t.c.id)
                  .scalar_subquery())
        q = (select(pos_t, suppliers_t.c.name.label("supplier_name"), counts.label("line_count"))
             .join(suppliers_t, suppliers_t.c.id == pos_t.c.supplier_id))
        if status:
            q = q.where(pos_t.c.status == status)
        return [ListedPurchaseOrder(*r) for r in self.c.execute(q.order_by(pos_t.c.id.desc()).limit(limit)
                                                                .offset(offset))]

    def on_order(self, product_ids) -> dict[int, int]:
        """Units ordered from suppliers (sent or partly received) and not yet received, per product."""
        ids = list(product_ids)
        out: dict[int, int] = {}
        for i in range(0, len(ids), 500):
            q = (select(po_lines_t.c.product_id, func.sum(po_lines_t.c.quantity - po_lines_t.c.received))
                 .join(pos_t, pos_t.c.id == po_lines_t.c.po_id)
                 .where(pos_t.c.status.in_(OPEN_STATUSES), po_lines_t.c.product_id.in_(ids[i:i + 500]))
                 .group_by(po_lines_t.c.product_id))
            out.update({pid: int(n or 0) for pid, n in self.c.execute(q).all()})
        return out

    def open_quantities(self) -> dict[int, int]:
        """Units still to come on every draft, sent or partly received purchase order, per product."""
        q = (select(po_lines_t.c.product_id, func.sum(po_lines_t.c.quantity - po_lines_t.c.received))
             .join(pos_t, pos_t.c.id == po_lines_t.c.po_id)
             .where(pos_t.c.status.in_(("draft",) + OPEN_STATUSES)).group_by(po_lines_t.c.product_id))
        return {pid: int(n or 0) for pid, n in self.c.execute(q).all()}

    def reorder_candidates(self, product_ids=None) -> list[ReorderCandidate]:
        """Active products whose available stock is at or below their reorder point, with their preferred supplier;
        given ``product_ids``, those products whatever their stock."""
        q = (select(products_t.c.id, products_t.c.sku, products_t.c.name, products_t.c.reorder_point,
                    products_t.c.reorder_qty, products_t.c.cost_minor, stock_t.c.on_hand, stock_t.c.reserved,
                    product_suppliers_t.c.supplier_id)
             .join(stock_t, stock_t.c.product_id == products_t.c.id)
             .outerjoin(product_suppliers_t, product_suppliers_t.c.product_id == products_t.c.id)
             .where(products_t.c.active.is_(True),
                    stock_t.c.on_hand - stock_t.c.reserved <= products_t.c.reorder_point if product_ids is None
                    else products_t.c.id.in_(list(product_ids)))
             .order_by(products_t.c.sku))
        return [ReorderCandidate(*r) for r in self.c.execute(q)]

    def lock_supplier(self, supplier_id: int) -> None:
        """Serialise invoices of one supplier (their numbers must be unique per supplier); SQLite's write
        transaction does that already."""
        if self._pg:
            self.c.execute(built("lock supplier", lambda: select(suppliers_t.c.id).where(
                suppliers_t.c.id == bindparam("id")).with_for_update()), {"id": supplier_id})


class PayablesRepo(_Repo):
    """Supplier invoices against received goods, supplier payments, the payables figures."""

    @staticmethod
    def _paid_expr():
        return built("supplier invoice paid", lambda: select(func.coalesce(func.sum(spay_t.c.amount_minor), 0))
                     .where(spay_t.c.invoice_id == sinv_t.c.id).scalar_subquery())

    @classmethod
    def _sinv_select(cls):
        return built("supplier invoice select", lambda: (
            select(sinv_t, suppliers_t.c.name.label("supplier_name"), users_t.c.username,
                   cls._paid_expr().label("paid_minor"))
            .join(suppliers_t, suppliers_t.c.id == sinv_t.c.supplier_id)
            .outerjoin(users_t, users_t.c.id == sinv_t.c.user_id)))

    def invoiced_quantities(self, po_id: int) -> dict[int, int]:
        """Units invoiced by suppliers per purchase order line id of ``po_id``."""
        rows = self.c.execute(built("invoiced per po line", lambda: select(
            sinv_lines_t.c.po_line_id, func.sum(sinv_lines_t.c.quantity))
            .join(sinv_t, sinv_t.c.id == sinv_lines_t.c.invoice_id)
            .where(sinv_t.c.po_id == bindparam("po")).group_by(sinv_lines_t.c.po_line_id)), {"po": po_id}).all()
        return {line_id: int(q) for line_id, q in rows}

    def supplier_invoice_by_key(self, supplier_id: int, number_key: str) -> SupplierInvoiceNumber | None:
        row = self.c.execute(built("supplier invoice by key", lambda: select(
            sinv_t.c.id, sinv_t.c.number, sinv_t.c.invoice_date).where(
            sinv_t.c.supplier_id == bindparam("sid"), sinv_t.c.number_key == bindparam("key"))),
            {"sid": supplier_id, "key": number_key}).first()
        return SupplierInvoiceNumber(*row) if row is not None else None

    def supplier_invoice_ids_by_key(self, number_key: str) -> list[int]:
        """Ids of the supplier invoices numbered ``number_key`` (one per supplier at most)."""
        return list(self.c.execute(built("supplier invoices by key", lambda: select(sinv_t.c.id).where(
            sinv_t.c.number_key == bindparam("key")).order_by(sinv_t.c.id)), {"key": number_key}).scalars())

    def add_supplier_invoice(self, values: Mapping[str, object], lines: Sequence[Mapping[str, object]]) -> int:
        iid = self.c.execute(insert_returning_id(sinv_t), {**values, "recorded_at": _now()}).scalar_one()
        if lines:
            self.c.execute(plain_insert(sinv_lines_t), [{**ln, "invoice_id": iid} for ln in lines])
        return iid

    def supplier_invoice(self, invoice_id: int, *, for_update: bool = False) -> SupplierInvoiceRecord | None:
        """One supplier invoice with its supplier's name and what has been paid on it; ``for_update`` locks it on
        PostgreSQL (payments on one invoice wait for each other) - a row lock, not a write: the triggers allow it."""
        if for_update and self._pg:
            self.c.execute(built("lock supplier invoice", lambda: select(sinv_t.c.id).where(
                sinv_t.c.id == bindparam("id")).with_for_update()), {"id": invoice_id})
        row = self.c.execute(built("supplier invoice", lambda: self._sinv_select().where(
            sinv_t.c.id == bindparam("id"))), {"id": invoice_id}).first()
        return _supplier_invoice(row) if row is not None else None

    def supplier_invoice_lines(self, invoice_id: int) -> list[SupplierInvoiceLineRecord]:
        return [SupplierInvoiceLineRecord(*r) for r in self.c.execute(built("supplier invoice lines", lambda: select(
            sinv_lines_t).where(sinv_lines_t.c.invoice_id == bindparam("id")).order_by(sinv_lines_t.c.line_no)),
            {"id": invoice_id})]

    def supplier_invoices(self, *, po_id: int | None = None, open_only: bool = False,
                          limit: int = 200) -> list[SupplierInvoiceRecord]:
        """Supplier invoices, newest first: of one purchase order, or all; ``open_only``: not fully paid."""
        key = ("supplier invoices", po_id is not None, open_only)

        def build():
            q = self._sinv_select()
            if po_id is not None:
                q = q.where(sinv_t.c.po_id == bindparam("po"))
            if open_only:
                q = q.where(self._paid_expr() < sinv_t.c.total_minor)
            return q.order_by(sinv_t.c.id.desc()).limit(bindparam("limit"))

        params = {"limit": limit, **({"po": po_id} if po_id is not None else {})}
        return [_supplier_invoice(r) for r in self.c.execute(built(key, build), params)]

    def add_supplier_payment(self, values: Mapping[str, object]) -> int:
        return self.c.execute(insert_returning_id(spay_t), {**values, "recorded_at": _now()}).scalar_one()

    def supplier_payments_of(self, invoice_id: int) -> list[SupplierPaymentRecord]:
        return [SupplierPaymentRecord(*r) for r in self.c.execute(built("supplier payments of invoice", lambda: select(
            spay_t).where(spay_t.c.invoice_id == bindparam("id")).order_by(spay_t.c.id)), {"id": invoice_id})]

    def supplier_paid_total(self) -> int:
        """Everything paid to suppliers (minor units): money that left the cash and bank accounts."""
        return int(self.c.execute(built("supplier paid total", lambda: select(
            func.coalesce(func.sum(spay_t.c.amount_minor), 0)))).scalar_one())

    def payables_figures(self) -> dict[str, int]:
        """What the journal's purchasing accounts must add up to (minor units): goods received at purchase order
        cost, the same cost cleared by supplier invoices, invoiced gross, paid to suppliers."""
        def total(expr):
            return select(func.coalesce(func.sum(expr), 0)).scalar_subquery()

        row = self.c.execute(built("payables figures", lambda: select(
            total(po_lines_t.c.received * po_lines_t.c.unit_cost_minor).label("received"),
            total(sinv_t.c.cost_minor).label("cleared"), total(sinv_t.c.total_minor).label("invoiced"),
            total(spay_t.c.amount_minor).label("paid")))).first()
        return {k: int(getattr(row, k)) for k in ("received", "cleared", "invoiced", "paid")}
