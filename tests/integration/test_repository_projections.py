"""A read whose query is a projection (joins, aggregates) builds its record by position (``Record(*row)``), so the
query's columns must come in the record's order: each such read's columns, as the database names them, are its
record's fields (``tests/unit/test_repository_records.py`` does the same for the records of tables). An aggregate
the query leaves unnamed (``sum_1``) is held to the count only."""
from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, timedelta, timezone

from oms_desktop.adapters.db.uow import SqlUnitOfWork
from oms_desktop.services import repository_records as rp
from oms_desktop.services import repository_records_accounts as ra
from oms_desktop.services import repository_records_purchasing as rpu
from oms_desktop.services import repository_records_sales as rs
from oms_desktop.services import repository_records_warehouse as rw

NOW = datetime(2026, 3, 2, 12, tzinfo=timezone.utc)
DAY = date(2026, 3, 2)

READS = [
    # (repository, method, arguments, record, named: the query names every column)
    ("orders", "list", {}, rp.ListedOrderRecord, True),
    ("orders", "history", {"order_id": 1}, rp.OrderStatusChangeRecord, True),
    ("products", "search", {"text_": "", "order_by": "name"}, rp.ProductRecord, True),
    ("stock", "moves", {"product_id": 1}, rp.StockMoveRecord, True),
    ("stock", "try_reserve", {"product_id": 1, "qty": 1}, rp.StockLevel, True),
    ("invoices", "invoices", {}, ra.InvoiceRecord, True),
    ("receivables", "open_account_rows", {}, ra.OpenOrderAccount, True),
    ("receivables", "order_accounts", {"only_open": False}, ra.OrderAccount, True),
    ("receivables", "paid_not_invoiced", {}, ra.PaidOrder, True),
    ("receivables", "shipped_not_invoiced", {}, ra.ShippedOrderAccount, True),
    ("ledger", "entries", {}, ra.JournalEntryRecord, True),
    ("carts", "billed_adjustments", {}, ra.BilledAdjustment, True),
    ("carts", "incentives", {"order_id": 1}, ra.CartIncentiveRecord, True),
    ("carts", "board", {"idle_before": NOW}, ra.CartOnBoard, True),
    ("carts", "conversion_rows", {"start": NOW - timedelta(days=7), "end": NOW}, ra.CartConversion, True),
    ("forecasts", "products", {}, rs.ForecastProduct, True),
    ("forecasts", "stock", {}, rs.StockPosition, True),
    ("forecasts", "daily", {"start": DAY, "end": DAY}, rs.ProductDaySales, False),
    ("forecasts", "daily_sum", {"start": DAY, "end": DAY}, rs.DaySales, False),
    ("forecasts", "weekly_units", {"start": DAY, "end": DAY, "product_ids": [1], "series_from": 0, "series_to": 9},
     rs.WeeklyUnits, False),
    ("forecasts", "first_sale", {}, rs.FirstSale, False),
    ("sales", "day_figures", {"start": DAY, "end": DAY, "by": "day"}, rs.SalesFigures, True),
    ("sales", "day_figures", {"start": DAY, "end": DAY, "by": "agent"}, rs.SalesFigures, True),
    ("sales", "day_figures", {"start": DAY, "end": DAY, "by": "channel"}, rs.SalesFigures, True),
    ("sales", "product_figures", {"start": DAY, "end": DAY, "by": "product"}, rs.SalesFigures, True),
    ("sales", "product_figures", {"start": DAY, "end": DAY, "by": "category", "top": 5}, rs.SalesFigures, True),
    ("sales", "customer_figures", {"lo": NOW - timedelta(days=1), "hi": NOW}, rs.SalesFigures, True),
    ("sales", "channel_figures", {"lo": NOW - timedelta(days=1), "hi": NOW}, rs.SalesFigures, True),
    ("sales", "day_total", {"start": DAY, "end": DAY}, rs.SalesTotals, True),
    ("purchasing", "po", {"po_id": 1}, rpu.PurchaseOrderRecord, True),
    ("purchasing", "list_pos", {}, rpu.ListedPurchaseOrder, True),
    ("purchasing", "reorder_candidates", {}, rpu.ReorderCandidate, True),
    ("payables", "supplier_invoice_by_key", {"supplier_id": 1, "number_key": "X"}, rpu.SupplierInvoiceNumber, True),
    ("payables", "supplier_invoices", {}, rpu.SupplierInvoiceRecord, True),
    ("picking", "queue", {}, rw.QueuedOrder, True),
    ("picking", "pick_list", {"pick_list_id": 1}, rw.PickListRecord, True),
    ("picking", "pick_orders", {"pick_list_id": 1}, rw.PickListEntry, True),
    ("picking", "recent_pick_lists", {}, rw.ListedPickList, True),
    ("picking", "picks_of_order", {"order_id": 1}, rw.OrderPick, True),
    ("shipments", "shipments_of", {"order_id": 1}, rw.OrderShipmentRecord, True),
    ("shipments", "waiting_mismatches", {}, rw.WaitingMismatch, True),
    ("shipments", "returns_of", {"order_id": 1}, rw.ReturnedItemRecord, True),
    ("shipments", "order_events", {"order_id": 1, "kinds": ["payment.received"]}, rp.EventRecord, True),
]


class _ColumnsSeen:
    """The repository's connection, noting the column names of every result it hands back."""

    def __init__(self, conn):
        self._conn = conn
        self.seen: list[list[str]] = []

    def execute(self, *args, **kwargs):
        result = self._conn.execute(*args, **kwargs)
        if result.returns_rows:
            self.seen.append(list(result.keys()))
        return result

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_a_projections_columns_are_its_records_fields_in_order(backend):
    wrong = []
    with SqlUnitOfWork(backend.engine) as uow:
        for repo_name, method, args, record, named in READS:
            repo = getattr(uow, repo_name)
            spy = _ColumnsSeen(repo.c)
            repo.c = spy
            try:
                getattr(repo, method)(**args)
            finally:
                repo.c = spy._conn
            want = [f.name for f in fields(record)]
            got = spy.seen[-1] if spy.seen else None
            if got is None or (got != want if named else len(got) != len(want)):
                wrong.append(f"{repo_name}.{method}({args}): {got} for {record.__name__} {want}")
    assert wrong == []


def test_the_type_ahead_search_starts_with_the_products_columns(backend):
    """The type-ahead statements add their ranking after the product's columns; the record takes the first ones."""
    want = [f.name for f in fields(rp.ProductRecord)]
    with SqlUnitOfWork(backend.engine) as uow:
        spy = _ColumnsSeen(uow.products.c)
        uow.products.c = spy
        uow.products.search("lamp shade")
    assert len(spy.seen) == 2  # SKU and barcode matches, then the names (the first page is not full)
    assert [keys[:len(want)] for keys in spy.seen] == [want, want]
    assert [len(keys) for keys in spy.seen] == [len(want) + 1] * 2
