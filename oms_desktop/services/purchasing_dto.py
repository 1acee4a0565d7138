"""What purchasing hands out (suppliers, purchase orders, suggestions), the reorder rule, and the lookup of a purchase
order by its number (shared with payables): beside ``services/purchasing.py``, as ``warehouse_dto.py`` is beside the
warehouse's services."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from ..domain.errors import NotFound
from ..domain.messages import msg
from ..domain.references import Series, parse_ref


@dataclass(frozen=True)
class SupplierDTO:
    id: int
    name: str
    email: str
    phone: str
    address: str
    active: bool
    lead_days: int = 7   # days from order to delivery (purchase suggestions by forecast cover them)


@dataclass(frozen=True)
class PurchaseOrderLineDTO:
    line_no: int
    product_id: int
    sku: str
    name: str
    quantity: int
    received: int
    unit_cost: Decimal
    invoiced: int = 0  # units the supplier has invoiced so far

    @property
    def outstanding(self) -> int:
        return self.quantity - self.received

    @property
    def invoiceable(self) -> int:
        """Received and not yet invoiced: what a supplier invoice may still charge for."""
        return self.received - self.invoiced


@dataclass(frozen=True)
class PurchaseOrderDTO:
    id: int
    number: str
    supplier_id: int
    supplier_name: str
    status: str
    currency: str
    total: Decimal
    notes: str
    expected_date: date | None
    created_at: datetime
    sent_at: datetime | None
    line_count: int
    lines: tuple[PurchaseOrderLineDTO, ...] = ()

    @property
    def product_ids(self) -> list[int]:
        return [ln.product_id for ln in self.lines]


@dataclass(frozen=True)
class PurchaseSuggestion:
    """What ``suggest_purchase`` did: the draft orders it created and the SKUs it could not place."""
    orders: tuple[PurchaseOrderDTO, ...]
    without_supplier: tuple[str, ...]


def reorder_quantity(available: int, open_qty: int, reorder_point: int, reorder_qty: int) -> int:
    """The reorder rule (see the module docstring); 0 means "nothing to order"."""
    position = available + open_qty
    if position > reorder_point:
        return 0
    if reorder_qty > 0:
        return reorder_qty
    return max(2 * reorder_point - position, 1)


def resolve_po_id(uow, ref) -> int:
    """The id of the purchase order ``ref`` names (PO-000001); NotFound if there is none."""
    po_id = parse_ref(Series.PURCHASE_ORDER, str(ref))
    if po_id is None or uow.purchasing.po(po_id) is None:
        raise NotFound(msg("No purchase order '{ref}'.", ref=ref))
    return po_id
