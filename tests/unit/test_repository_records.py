"""The frozen records repositories return (``services/repository_ports.py``) hold exactly what their queries read:
the table's columns, in the table's order, then what the query joins in. A column added to a table fails here
until its record has it too (``Record(**row._mapping)`` would fail at run time)."""
from __future__ import annotations

from dataclasses import fields

import pytest

from oms_desktop.adapters.db import models as m
from oms_desktop.adapters.db import models_accounts as a
from oms_desktop.adapters.db import models_carts as mc
from oms_desktop.adapters.db import models_mail as mm
from oms_desktop.adapters.db import models_printing as mpr
from oms_desktop.adapters.db import models_purchasing as mp
from oms_desktop.adapters.db import models_till as t
from oms_desktop.adapters.db import models_warehouse as w
from oms_desktop.services import repository_records as rp
from oms_desktop.services import repository_records_accounts as ra
from oms_desktop.services import repository_records_purchasing as rpu
from oms_desktop.services import repository_records_warehouse as rw


@pytest.mark.parametrize("record, table, joined", [
    (rp.UserRecord, m.User.__table__, ()),
    (rp.EventRecord, m.Event.__table__, ("username",)),
    (rp.AuditRecord, m.AuditEntry.__table__, ()),
    (rp.OutboxRecord, mm.OutboxMessage.__table__, ()),
    (rp.PrintJobRecord, mpr.PrintJob.__table__, ()),
    (rp.TillSessionRecord, t.TillSession.__table__, ("opened_by_name", "closed_by_name")),
    (rp.TillMovementRecord, t.TillMovement.__table__, ("username",)),
    (rp.TillPaymentRecord, a.Payment.__table__, ("order_total_minor", "username")),
    (rp.PaymentRecord, a.Payment.__table__, ("username",)),
    (rp.CustomerRecord, m.Customer.__table__, ()),
    (rp.CustomerPhoneRecord, m.CustomerPhone.__table__, ()),
    (rp.CustomerAddressRecord, m.CustomerAddress.__table__, ()),
    (rp.ProductRecord, m.Product.__table__, ("on_hand", "reserved")),
    (rp.StockRecord, m.Stock.__table__, ()),
    (rp.StockMoveRecord, m.StockMove.__table__, ("username",)),
    (rp.OrderRecord, m.Order.__table__, ()),
    (rp.ListedOrderRecord, m.Order.__table__, ("customer_name", "line_count")),
    (rp.OrderLineRecord, m.OrderLine.__table__, ()),
    (rp.OrderStatusChangeRecord, m.OrderStatusChange.__table__, ("username",)),
    (ra.InvoiceRecord, a.Invoice.__table__, ("customer_name", "issued_by_name", "references_number")),
    (ra.InvoiceLineRecord, a.InvoiceLine.__table__, ()),
    (ra.OpenAccountRecord, a.OpenAccount.__table__, ()),
    (ra.LedgerEntryRecord, a.LedgerEntry.__table__, ()),
    (ra.JournalEntryRecord, a.LedgerEntry.__table__, ("username", "reversed_by")),
    (ra.LedgerPostingRecord, a.LedgerPosting.__table__, ()),
    (ra.OrderAdjustmentRecord, mc.OrderAdjustment.__table__, ()),
    (ra.InvoiceAdjustmentRecord, mc.InvoiceAdjustment.__table__, ()),
    (ra.CartIncentiveRecord, mc.CartIncentive.__table__, ("offered_by_name",)),
    (ra.CartOnBoard, m.Order.__table__, ("at_risk", "customer_name", "agent", "items", "incentive_count")),
    (ra.PromotionRecord, mc.Promotion.__table__, ()),
    (ra.CouponRecord, mc.Coupon.__table__, ()),
    (ra.ShippingMethodRecord, mc.ShippingMethod.__table__, ()),
    (rpu.SupplierRecord, mp.Supplier.__table__, ()),
    (rpu.PurchaseOrderRecord, mp.PurchaseOrder.__table__, ("supplier_name",)),
    (rpu.ListedPurchaseOrder, mp.PurchaseOrder.__table__, ("supplier_name", "line_count")),
    (rpu.PurchaseOrderLineRecord, mp.PurchaseOrderLine.__table__, ()),
    (rpu.SupplierInvoiceRecord, mp.SupplierInvoice.__table__, ("supplier_name", "username", "paid_minor")),
    (rpu.SupplierInvoiceLineRecord, mp.SupplierInvoiceLine.__table__, ()),
    (rpu.SupplierPaymentRecord, mp.SupplierPayment.__table__, ()),
    (rw.PickListRecord, w.PickList.__table__, ("created_by_name",)),
    (rw.ListedPickList, w.PickList.__table__, ("created_by_name", "order_count")),
    (rw.PickListOrderRecord, w.PickListOrder.__table__, ()),
    (rw.PickListEntry, w.PickListOrder.__table__, ("tracking_number", "order_status", "ship_to", "customer_name",
                                                   "line_count")),
    (rw.PickLineRecord, w.PickLine.__table__, ()),
    (rw.ShipmentRecord, w.Shipment.__table__, ()),
    (rw.OrderShipmentRecord, w.Shipment.__table__, ("packed_by_name", "shipped_by_name", "delivered_by_name")),
    (rw.ShipmentLineRecord, w.ShipmentLine.__table__, ()),
    (rw.BackorderRecord, w.Backorder.__table__, ()),
    (rw.ReturnedItemRecord, w.ReturnedItem.__table__, ("username",)),
], ids=lambda v: getattr(v, "__name__", None))
def test_a_record_has_its_tables_columns_and_what_its_query_joins(record, table, joined):
    assert [f.name for f in fields(record)] == [*table.c.keys(), *joined]
