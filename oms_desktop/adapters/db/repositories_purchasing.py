"""Repository of the purchasing area: suppliers, preferred suppliers, purchase orders and their lines (Core SQL)."""
from __future__ import annotations

from sqlalchemy import func, insert, select, update

from . import models_purchasing as mp
from .repositories import _now, _Repo, plain_insert, products_t, stock_t

suppliers_t = mp.Supplier.__table__
product_suppliers_t = mp.ProductSupplier.__table__
pos_t = mp.PurchaseOrder.__table__
po_lines_t = mp.PurchaseOrderLine.__table__

OPEN_STATUSES = ("sent", "partly_received")


class PurchasingRepo(_Repo):
    # ---- suppliers -------------------------------------------------------------------------------------------
    def add_supplier(self, values: dict) -> int:
        return self.c.execute(insert(suppliers_t).values(**values, active=True, created_at=_now())
                              .returning(suppliers_t.c.id)).scalar_one()

    def supplier(self, supplier_id: int):
        return self.c.execute(select(suppliers_t).where(suppliers_t.c.id == supplier_id)).first()

    def supplier_by_name(self, name: str):
        return self.c.execute(select(suppliers_t).where(func.lower(suppliers_t.c.name) == name.lower())).first()

    def suppliers(self, active_only: bool = True):
        q = select(suppliers_t).order_by(suppliers_t.c.name)
        if active_only:
            q = q.where(suppliers_t.c.active.is_(True))
        return self.c.execute(q).all()

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

    # ---- purchase orders -------------------------------------------------------------------------------------
    def add_po(self, values: dict) -> int:
        now = _now()
        return self.c.execute(insert(pos_t).values(**values, created_at=now, updated_at=now)
                              .returning(pos_t.c.id)).scalar_one()

    def add_lines(self, rows: list[dict]) -> None:
        if rows:
            self.c.execute(plain_insert(po_lines_t), rows)

    def po(self, po_id: int, *, for_update: bool = False):
        q = (select(pos_t, suppliers_t.c.name.label("supplier_name"))
             .join(suppliers_t, suppliers_t.c.id == pos_t.c.supplier_id).where(pos_t.c.id == po_id))
        if for_update and self.c.dialect.name == "postgresql":
            q = q.with_for_update(of=pos_t)
        return self.c.execute(q).first()

    def lines(self, po_id: int):
        return self.c.execute(select(po_lines_t).where(po_lines_t.c.po_id == po_id)
                              .order_by(po_lines_t.c.line_no)).all()

    def update_po(self, po_id: int, values: dict) -> None:
        self.c.execute(update(pos_t).where(pos_t.c.id == po_id).values(**values, updated_at=_now()))

    def set_received(self, line_id: int, received: int) -> None:
        self.c.execute(update(po_lines_t).where(po_lines_t.c.id == line_id).values(received=received))

    def list_pos(self, *, status: str | None = None, limit: int = 200, offset: int = 0):
        counts = (select(func.count()).select_from(po_lines_t).where(po_lines_t.c.po_id == pos_t.c.id)
                  .scalar_subquery())
        q = (select(pos_t, suppliers_t.c.name.label("supplier_name"), counts.label("line_count"))
             .join(suppliers_t, suppliers_t.c.id == pos_t.c.supplier_id))
        if status:
            q = q.where(pos_t.c.status == status)
        return self.c.execute(q.order_by(pos_t.c.id.desc()).limit(limit).offset(offset)).all()

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

    def reorder_candidates(self):
        """Active products whose available stock is at or below their reorder point, with their preferred supplier."""
        q = (select(products_t.c.id, products_t.c.sku, products_t.c.name, products_t.c.reorder_point,
                    products_t.c.reorder_qty, products_t.c.cost_minor, stock_t.c.on_hand, stock_t.c.reserved,
                    product_suppliers_t.c.supplier_id)
             .join(stock_t, stock_t.c.product_id == products_t.c.id)
             .outerjoin(product_suppliers_t, product_suppliers_t.c.product_id == products_t.c.id)
             .where(products_t.c.active.is_(True),
                    stock_t.c.on_hand - stock_t.c.reserved <= products_t.c.reorder_point)
             .order_by(products_t.c.sku))
        return self.c.execute(q).all()
