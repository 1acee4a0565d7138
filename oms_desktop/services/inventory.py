"""Stock: adjustments with a reason, stock history, and the stock-equals-moves invariant."""
from __future__ import annotations

from ..domain.errors import BusinessRuleViolation, NotFound, ValidationFailed
from ..domain.roles import Perm
from .base import ServiceBase
from .dto import Actor, StockMoveDTO

ADJUST_REASONS = ("count", "damage", "found", "correction", "receipt")


class InventoryService(ServiceBase):
    def adjust_stock(self, actor: Actor, sku: str, delta: int, reason: str, note: str = "") -> int:
        """Add ``delta`` (may be negative) to on hand; returns the new on-hand figure."""
        self._require(actor, Perm.STOCK_ADJUST, "adjust stock")
        if isinstance(delta, bool) or not isinstance(delta, int):
            try:
                delta = int(str(delta).strip())
            except ValueError:
                raise ValidationFailed(f"quantity '{delta}' is not a whole number") from None
        if delta == 0:
            raise ValidationFailed("quantity must not be zero")
        if abs(delta) > 1_000_000:
            raise ValidationFailed(f"quantity {delta} is too large (at most 1000000 either way)")
        reason = (reason or "").strip().lower()
        if reason not in ADJUST_REASONS:
            raise ValidationFailed(f"reason '{reason}' is unknown (choose one of: {', '.join(ADJUST_REASONS)})")
        sku = sku.strip().upper()
        with self._uow() as uow:
            row = uow.products.by_sku(sku)
            if row is None:
                raise NotFound(f"No product with SKU '{sku}'.")
            if not uow.stock.change_on_hand(row.id, delta):
                raise BusinessRuleViolation(
                    f"{sku}: on hand is {row.on_hand} with {row.reserved} reserved; it cannot change by {delta}.")
            uow.stock.add_move(row.id, kind="adjust", on_hand_delta=delta, reason=f"{reason} {note}".strip(),
                               user_id=actor.user_id)
            new_on_hand = row.on_hand + delta
            uow.events.add("stock_adjusted", user_id=actor.user_id, product_id=row.id,
                           payload={"sku": sku, "delta": delta, "reason": reason, "on_hand": new_on_hand})
            if new_on_hand - row.reserved <= row.reorder_point < row.on_hand - row.reserved:
                uow.events.add("stock_low", product_id=row.id,
                               payload={"sku": sku, "available": new_on_hand - row.reserved})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="stock.adjust", entity="product",
                             entity_id=sku, old={"on_hand": row.on_hand},
                             new={"on_hand": new_on_hand, "reason": reason})
            uow.commit()
        return new_on_hand

    def history(self, actor: Actor, sku: str, limit: int = 500) -> list[StockMoveDTO]:
        self._require(actor, Perm.VIEW, "view stock history")
        with self._uow(write=False) as uow:
            row = uow.products.by_sku(sku.strip().upper())
            if row is None:
                raise NotFound(f"No product with SKU '{sku}'.")
            return [StockMoveDTO(r.id, r.created_at, r.kind, r.on_hand_delta, r.reserved_delta, r.reason,
                                 r.reference, r.order_id, r.username or "") for r in uow.stock.moves(row.id, limit)]

    def invariant_violations(self) -> list[tuple]:
        """Stock rows that differ from the sum of their moves; always empty unless something is broken."""
        with self._uow(write=False) as uow:
            return uow.stock.invariant_violations()

