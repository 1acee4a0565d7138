"""The inventory tab: a lazy, live catalog view with stock, product editing, adjustments, counts, purchasing, import."""
from __future__ import annotations

import threading
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from sqlalchemy import text

from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from oms_desktop.gui.event_feed import EventFeed
from oms_desktop.gui.inventory import InventoryTab
from oms_desktop.gui.inventory.dialogs import PurchasingDialog
from oms_desktop.gui.inventory.models import CATALOG_COLUMNS, CatalogModel
from oms_desktop.gui.jobs import JobRunner
from tests.helpers.money_text import shown

COL = {c.key: i for i, c in enumerate(CATALOG_COLUMNS)}


@pytest.fixture
def tab(qtbot, catalog, admin):
    widget = InventoryTab(catalog, admin, JobRunner(synchronous=True))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def cell(tab, sku, key):
    for row in range(tab.model.rowCount()):
        if tab.model.product(row).sku == sku:
            return tab.model.index(row, COL[key]).data()
    raise AssertionError(f"{sku} is not in the view")


def skus(tab):
    return [tab.model.product(r).sku for r in range(tab.model.rowCount())]


def test_every_model_of_the_tab_passes_the_model_tester(qtmodeltester, tab, catalog, admin):
    qtmodeltester.check(tab.model)
    tab.select_sku("LAMP-01")
    assert tab.history_model.rowCount() == 1
    qtmodeltester.check(tab.history_model)
    tab.model.sort(COL["available"], Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(tab.model)
    catalog.purchasing.add_supplier(admin, "Lumen GmbH")
    catalog.purchasing.create_purchase_order(admin, "Lumen GmbH", [("LAMP-01", 2)])
    dialog = PurchasingDialog(catalog, admin, tab.jobs, parent=tab)
    qtmodeltester.check(dialog.po_model)
    qtmodeltester.check(dialog.line_model)
    tab.import_file(_write(tab, b"sku,name\nX,Y\n"))
    qtmodeltester.check(tab.report_dialog.model)


def test_the_view_shows_stock_columns_and_highlights_low_stock(tab, catalog, admin):
    assert skus(tab) == ["BOOK-01", "BULB-E27", "LAMP-01"]
    assert [tab.model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)] == ["SKU", "Name", "Category",
                                                                                      "Location"]
    assert (cell(tab, "LAMP-01", "on_hand"), cell(tab, "LAMP-01", "available"), cell(tab, "LAMP-01", "price")) == \
        ("10", "10", shown('19.99'))
    catalog.inventory.adjust_stock(admin, "BOOK-01", -4, "damage")  # 1 left, reorder point 1
    tab.reload()
    row = tab.model.row_of(catalog.catalog.get_product(admin, "BOOK-01").id)
    assert tab.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert tab.model.index(0 if row else 1, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    tab.low_stock_check.setChecked(True)
    assert skus(tab) == ["BOOK-01"] and tab.count_label.text() == "1 product"


def test_filtering_by_text_and_category_and_sorting_happen_in_the_database(qtbot, tab):
    qtbot.keyClicks(tab.filter_edit, "bulb")
    qtbot.waitUntil(lambda: skus(tab) == ["BULB-E27"], timeout=2000)
    tab.filter_edit.clear()
    tab.apply_filters()
    tab.category_combo.setCurrentIndex(tab.category_combo.findData("Lighting"))
    assert skus(tab) == ["BULB-E27", "LAMP-01"]
    tab.view.sortByColumn(COL["price"], Qt.SortOrder.DescendingOrder)
    assert skus(tab) == ["LAMP-01", "BULB-E27"]


def _seed_products(engine, n: int) -> None:
    """n products with stock rows and opening moves, generated inside SQLite by one recursive query per table
    (well under a second; row-by-row inserts would take longer than the test)."""
    now = datetime.now(timezone.utc).replace(tzinfo=None).isoformat(sep=" ")
    seq = f"WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < {n}) "
    cat = "CASE i % 5 WHEN 0 THEN 'Lighting' WHEN 1 THEN 'Garden' WHEN 2 THEN 'Books' WHEN 3 THEN 'Kitchen' " \
          "ELSE 'Tools' END"
    with engine.begin() as c:
        c.execute(text(
            "INSERT INTO products (id, sku, name, description, barcode, category, unit_price_minor, cost_minor, "
            "tax_rate_bp, location, reorder_point, reorder_qty, active, search_text, created_at, updated_at) "
            + seq + f"SELECT i, printf('P%06d', i), 'Product ' || i, '', NULL, {cat}, 100 + i % 5000, 50, 1900, "
            f"printf('A-%02d', i % 40), 5, 0, 1, lower(printf('P%06d', i) || ' product ' || i || ' ' || {cat}), "
            ":now, :now FROM seq"), {"now": now})
        c.execute(text("INSERT INTO stock (product_id, on_hand, reserved) " + seq + "SELECT i, i % 50, 0 FROM seq"))
        c.execute(text("INSERT INTO stock_moves (product_id, on_hand_delta, reserved_delta, kind, reason, reference, "
                       "created_at) " + seq + "SELECT i, i % 50, 0, 'opening', 'seed', '', :now FROM seq "
                       "WHERE i % 50 != 0"), {"now": now})


def test_a_100000_product_catalog_filters_and_scrolls_without_loading_it(qtbot, sqlite_backend, monkeypatch):
    # How fast a page comes is the bench's business (oms bench); here: the rows come a page at a time, on demand.
    services = sqlite_backend.services
    services.auth.add_user(None, "admin", "admin", "admin-pw")
    admin = services.auth.sign_in("admin", "admin-pw")
    _seed_products(sqlite_backend.engine, 100_000)
    asked: list[tuple[str, int, int]] = []  # (text, limit, offset) of every catalog query the tab makes
    search = services.catalog.search

    def spy(actor, text, **kwargs):
        asked.append((text, kwargs.get("limit"), kwargs.get("offset", 0)))
        return search(actor, text, **kwargs)
    monkeypatch.setattr(services.catalog, "search", spy)
    tab = InventoryTab(services, admin, JobRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    page = tab.model.page_size
    assert tab.model.total == 100_000
    assert 0 < tab.model.rowCount() <= 2 * page  # a page or two, not the catalog
    # the tab's start-up may ask for the first page more than once (a reload supersedes the one before it)
    assert {offset for _text, _limit, offset in asked} == set(range(0, tab.model.rowCount(), page))
    for _ in range(5):  # scroll to the end of what is loaded, five times
        before, queries = tab.model.rowCount(), len(asked)
        tab.view.scrollToBottom()
        qtbot.waitUntil(lambda: tab.model.rowCount() > before, timeout=2000)  # noqa: B023 - waited for here
        # each new query brought exactly one page, starting where the loaded rows ended
        assert asked[queries:] == [("", page, before + i * page) for i in range(len(asked) - queries)]
        assert tab.model.rowCount() == before + (len(asked) - queries) * page
    assert tab.model.rowCount() <= 8 * page and tab.model.canFetchMore()  # still far from the 100,000
    assert all(limit == page for _text, limit, _offset in asked)
    asked.clear()
    tab.filter_edit.setText("P09999")  # P099990..P099999
    tab.apply_filters()
    assert asked == [("P09999", page, 0)]  # one query for the first page of the filtered catalog
    assert tab.model.total == 10 and tab.model.rowCount() == 10 and not tab.model.canFetchMore()
    tab.filter_edit.clear()
    qtbot.waitUntil(lambda: tab.category_combo.count() == 6)  # "All categories" and the five
    tab.category_combo.setCurrentIndex(tab.category_combo.findData("Garden"))  # i % 5 == 1
    tab.out_of_stock_check.setChecked(True)  # on hand i % 50 == 0 means i % 5 == 0: never a garden product
    assert tab.model.total == 0 and tab.model.rowCount() == 0
    tab.out_of_stock_check.setChecked(False)
    assert tab.model.total == 20_000
    tab.view.sortByColumn(COL["sku"], Qt.SortOrder.DescendingOrder)
    assert tab.model.product(0).sku == "P099996"
    assert services.inventory.invariant_violations() == []


def test_a_reservation_on_another_workstation_appears_without_a_refresh(qtbot, db_url, paths, catalog, admin,
                                                                       customer):
    tab = InventoryTab(catalog, admin, JobRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.show()
    feed = EventFeed(lambda after: catalog.events.since(admin, after), catalog.events.last_id(), interval=0.05)
    feed.events_arrived.connect(tab.on_events)
    feed.start()
    try:
        assert cell(tab, "LAMP-01", "reserved") == "0"
        other = open_backend(db_url, paths=paths, hasher=fast_test_hasher(), migrate=False)  # a second workstation
        try:
            agent = other.services.auth.actor_for("admin")
            order = other.services.orders.place_order(agent, customer.id, [("LAMP-01", 3)])
        finally:
            other.dispose()
        qtbot.waitUntil(lambda: cell(tab, "LAMP-01", "reserved") == "3", timeout=5000)
        assert cell(tab, "LAMP-01", "available") == "7"
        catalog.orders.cancel_order(admin, order.number, "changed their mind")
        qtbot.waitUntil(lambda: cell(tab, "LAMP-01", "reserved") == "0", timeout=5000)
    finally:
        feed.stop()


def test_an_adjustment_through_the_dialog_updates_the_row_and_the_history(qtbot, tab, catalog):
    tab.select_sku("LAMP-01")
    tab.adjust_stock()
    d = tab.adjust_dialog
    qtbot.keyClicks(d.quantity_edit, "-2")
    d.reason_combo.setCurrentText("damage")
    d.note_edit.setText("dropped")
    d.save()
    assert cell(tab, "LAMP-01", "on_hand") == "8"
    assert "on hand is now 8" in tab.message_label.text()
    assert tab.history_model.row(0).reason == "damage dropped" and tab.history_model.row(0).on_hand_after == 8
    tab.adjust_stock()
    tab.adjust_dialog.quantity_edit.setText("-99")
    tab.adjust_dialog.save()
    assert "cannot change by -99" in tab.adjust_dialog.error_label.text()
    assert catalog.inventory.invariant_violations() == []


def test_a_purchasing_dialog_closed_while_its_list_loads_gets_no_callback(qtbot, catalog, admin, monkeypatch):
    runner, gate, real = JobRunner(), threading.Event(), catalog.purchasing.list_purchase_orders  # real threads
    calls = []

    def slow_list(*args, **kw):
        calls.append(args)
        assert gate.wait(5), "the test never opened the gate"
        return real(*args, **kw)

    monkeypatch.setattr(catalog.purchasing, "list_purchase_orders", slow_list)
    d = PurchasingDialog(catalog, admin, runner)  # starts loading the purchase orders
    d.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    d.show()
    with qtbot.waitSignal(d.destroyed, timeout=5000):
        d.close()
    # the list arrives for a dialog that is gone: its callback (a lambda, which PySide would not disconnect by
    # itself) would fill the deleted dialog's model and fail; the job's owner drops it
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert len(calls) == 1


def test_a_stock_count_posts_the_differences_of_a_location(qtbot, tab, catalog):
    tab.select_sku("LAMP-01")
    tab.stock_count()
    d = tab.count_dialog
    assert d.location_edit.text() == "A-01-02"
    for _ in range(3):  # three scans of the barcode
        qtbot.keyClicks(d.scan_edit, "4006381333931")
        qtbot.keyClick(d.scan_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(d.scan_edit, "LAMP-01 4")
    qtbot.keyClick(d.scan_edit, Qt.Key.Key_Return)
    assert d.counts() == [("4006381333931", "3"), ("LAMP-01", "4")]
    d.post()
    assert cell(tab, "LAMP-01", "on_hand") == "7"
    assert "1 corrected: LAMP-01 -3" in tab.message_label.text()
    assert catalog.inventory.invariant_violations() == []


def test_the_product_editor_reports_problems_then_creates_the_product(qtbot, tab):
    tab.new_product()
    d = tab.product_dialog
    for key, value in (("sku", "vase-01"), ("name", "Glass vase"), ("unit_price", "24.999"), ("tax_rate", "19%"),
                      ("barcode", "4006381333931"), ("on_hand", "4")):
        d.edits[key].setText(value)
    d.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "more than 2 decimals" in d.error_label.text()
    d.edits["unit_price"].setText("24.90")
    d.save()
    assert "already belongs to LAMP-01" in d.error_label.text()
    d.edits["barcode"].clear()
    d.save()
    assert d.result() == d.DialogCode.Accepted
    assert cell(tab, "VASE-01", "on_hand") == "4" and "Saved VASE-01" in tab.message_label.text()


def test_deactivating_hides_the_product_but_keeps_it_findable(tab):
    tab.select_sku("BOOK-01")
    tab.toggle_active()
    assert "deactivated" in tab.message_label.text()
    tab.reload()
    assert "BOOK-01" not in skus(tab)
    tab.inactive_check.setChecked(True)
    assert "BOOK-01" in skus(tab)
    assert cell(tab, "BOOK-01", "name") == "Field guide (inactive)"


def test_purchasing_from_suggestion_to_partial_receipt(qtbot, tab, catalog, admin):
    catalog.purchasing.add_supplier(admin, "Lumen GmbH")
    catalog.purchasing.set_preferred_supplier(admin, "LAMP-01", "Lumen GmbH")
    catalog.inventory.adjust_stock(admin, "LAMP-01", -8, "damage")
    tab.open_purchasing()
    d = tab.purchasing_dialog
    d.suggest()
    assert "1 draft purchase order(s) created" in d.message_label.text()
    assert d.current.status == "draft" and [(ln.sku, ln.quantity) for ln in d.current.lines] == [("LAMP-01", 2)]
    assert not d.buttons["receive"].isEnabled()
    d.send()
    assert d.current.status == "sent"
    tab.refresh_products()
    assert cell(tab, "LAMP-01", "on_order") == "2"
    d.receive()
    d.receive_dialog.set_quantity("LAMP-01", 1)
    d.receive_dialog.save()
    assert d.current.status == "partly_received"
    assert cell(tab, "LAMP-01", "on_hand") == "3" and cell(tab, "LAMP-01", "on_order") == "1"
    assert catalog.inventory.invariant_violations() == []


def _write(tab, content: bytes) -> str:
    import tempfile
    f = tempfile.NamedTemporaryFile("wb", suffix=".csv", delete=False)
    f.write(content)
    f.close()
    return f.name


@pytest.mark.parametrize("content, problems", [
    (b"sku,name,unit_price,tax_rate\nA-1,One,1.00,0.19\nA-1,Two,1.00,0.19\nB-1,Three,abc,0.19\n", 2),
    (b"sku,name,tax_rate\nA-1,One,0.19\n", 1),
    ("sku,name,unit_price,tax_rate\nA-1,Caf\u00e9,1.00,0.19\n".encode("cp1252"), 1),
])
def test_a_bad_import_imports_nothing_and_lists_every_bad_row(tab, catalog, admin, content, problems):
    tab.import_file(_write(tab, content))
    report = tab.report_dialog
    assert report.model.rowCount() == problems
    assert "Nothing was imported" in tab.message_label.text()
    assert skus(tab) == ["BOOK-01", "BULB-E27", "LAMP-01"]
    assert catalog.catalog.count(admin, active_only=False) == 3


def test_a_good_import_reports_its_counts_and_the_export_writes_every_product(tab, tmp_path):
    path = tab_path = tmp_path / "more.csv"
    path.write_bytes(b"sku,name,unit_price,tax_rate,on_hand\nMUG-01,Mug,4.50,0.19,12\n")
    tab.import_file(str(tab_path))
    assert "1 new, 0 updated" in tab.message_label.text()
    assert cell(tab, "MUG-01", "on_hand") == "12"
    out = tmp_path / "export.csv"
    tab.export_file(str(out))
    assert out.read_text(encoding="utf-8").count("\n") == 5 and "Exported 4 products" in tab.message_label.text()


def test_fetch_more_is_not_reentrant_and_inserts_the_right_rows(qtbot, catalog, admin):
    class Deferred:
        """A job runner that runs jobs only when told (pages arrive later, as in the app)."""

        def __init__(self):
            self.pending = []

        def submit(self, fn, *, on_success=None, on_failure=None, on_progress=None, write=False, owner=None):
            self.pending.append((fn, on_success))
            return None

        def run_all(self):
            while self.pending:
                fn, ok = self.pending.pop(0)
                ok(fn(None))

    jobs = Deferred()
    owner = QWidget()  # the model lives and dies with a widget, as in the tab, not with Python's collector
    qtbot.addWidget(owner)
    model = CatalogModel(catalog, admin, jobs, page_size=2, parent=owner)
    model.reload()
    assert model.fetching and not model.canFetchMore()
    model.fetchMore()  # while a page is on its way: ignored
    assert len(jobs.pending) == 2  # the first page and the count
    inserted = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    jobs.run_all()
    assert inserted == [(0, 1)] and model.canFetchMore()
    model.fetchMore()
    jobs.run_all()
    assert inserted == [(0, 1), (2, 2)] and not model.canFetchMore() and model.total == 3


def test_opening_a_dialog_again_and_again_keeps_one_of_each(qtbot, catalog, admin):
    from PySide6.QtWidgets import QDialog

    from oms_desktop.gui.inventory import InventoryTab
    from oms_desktop.gui.jobs import JobRunner
    tab = InventoryTab(catalog, admin, JobRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=3000)
    tab.view.selectRow(0)
    for _ in range(5):
        tab.adjust_stock()
        tab.adjust_dialog.reject()
    qtbot.waitUntil(lambda: len([d for d in tab.findChildren(QDialog) if type(d).__name__ == "AdjustDialog"]) == 1,
                    timeout=3000)


def test_a_product_saved_over_someone_elses_change_keeps_the_editor_open_with_what_was_typed(qtbot, tab, catalog,
                                                                                            admin):
    """Issue 18: the editor saves with the version it showed; someone else's save in between is named, with when,
    nothing is overwritten, and the form keeps the typing; opened again, it shows their change and saves."""
    catalog.auth.add_user(admin, "bob", "manager", "bob-pw-long", "Bob Builder")
    bob = catalog.auth.sign_in("bob", "bob-pw-long")
    assert tab.select_sku("LAMP-01")
    tab.edit_product()
    d = tab.product_dialog
    assert d.isVisible() and d.edits["name"].text() == "Desk lamp"
    theirs = catalog.catalog.get_product_details(bob, "LAMP-01")          # Bob, on another workstation
    catalog.catalog.update_product(bob, "LAMP-01", {
        "name": theirs.product.name, "unit_price": "21.50", "tax_rate": str(theirs.product.tax_rate),
        "barcode": theirs.product.barcode or "", "category": theirs.product.category,
        "location": theirs.product.location}, expected_version=theirs.version)
    d.edits["name"].setText("Desk lamp, brass")
    d.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "changed by Bob Builder" in d.error_label.text() and "nothing was saved" in d.error_label.text()
    assert d.isVisible() and d.edits["name"].text() == "Desk lamp, brass"
    assert catalog.catalog.get_product(admin, "LAMP-01").name == "Desk lamp"
    d.reject()

    tab.edit_product()
    d = tab.product_dialog
    assert d.edits["unit_price"].text() == "21.50"
    d.edits["name"].setText("Desk lamp, brass")
    d.save()
    assert d.result() == d.DialogCode.Accepted
    saved = catalog.catalog.get_product(admin, "LAMP-01")
    assert (saved.name, str(saved.unit_price)) == ("Desk lamp, brass", "21.50")
