"""The scene of the README's screenshots: each tab set up as its caption says, by driving the widgets as a user
would (typing into fields with QTest key clicks, Enter, clicking rows and buttons) and waiting for the background
jobs to answer. No service is called to fake a state: the only service calls here are reads a user would make with
their eyes (the tracking number a customer reads out) and the reprint of an issued invoice, as the Accounts tab does.

    Xvfb :99 -screen 0 1400x900x24 & DISPLAY=:99 OMS_HOME=$(mktemp -d) .venv/bin/python packaging/screenshots.py \\
        --demo --script packaging/screenshot_scene.py --out docs/screenshots

It expects the demo company of ``oms-desktop --demo`` (seed 1) in a fresh OMS_HOME: the orders, SKUs and pick list
named below exist there in the state the comments give. Any step whose answer does not come (a field that does not
fill, a refusal in a message line) stops the run, so a wrong scene never becomes a picture.

Hooks called by packaging/screenshots.py: ``prepare(window)`` once, ``before_shot(window, tab_index)`` after each tab
is shown, ``after_shots(window, out)`` at the end (the pick list and invoice PDFs rendered to PNG).
"""
from __future__ import annotations

import re
import subprocess
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from oms_desktop.devtools.demo import N_HISTORY_ORDERS


def live(n: int) -> str:
    """The demo's n-th live order (placed through the services after the bulk-loaded history)."""
    return f"SO-{N_HISTORY_ORDERS + n:06d}"


# What the scene uses from the demo (seed 1); the orders, products and the pick list are checked on screen first.
CALLER = "(030)"                                    # a Berlin number typed as the caller gives it
LINES = ("LGT-0004", "3*KIT-0011", "GRD-0002")      # by SKU, and 3*SKU for three
TYPE_AHEAD = "lamp"                                 # word starts: lamps, not clamps
HISTORY_SKU = "BOK-0013"                            # on the first screen of the catalog; sold, shipped, returned
TO_SHIP = live(39)                                  # packed and not paid: once shipped it waits for an invoice
TO_PACK = live(40)                                  # picked: the pack form is filled in for it
PICK_LIST = "PL-000004"                             # the open pick list of the demo, scanned part of the way
CARRIER = ("DHL", "Paket", "00340434161094015892", "1.4")
PLAN_ORDER = live(5)                                # shipped 3 of 4 units (a backorder), paid in full: a credit
PLAN_CHOICE = "all"                                 # "Whole order": bill the backordered unit the customer paid
TRACKED_ORDER = live(1)                             # the whole cycle: picked, shipped, delivered, invoiced, paid

TIMEOUT_MS = 20000


# ---- driving the widgets ---------------------------------------------------------------------------------------
def pump(ms: int) -> None:
    """Run the event loop for ``ms`` while the jobs' threads run too. Not ``QTest.qWait``: PySide6's keeps Python's
    lock while it sleeps, and a job's thread then gets it back once per call (about 100 times less work done: a
    page of 200 catalog rows, a lock hand-over per row, took seconds)."""
    clock = QElapsedTimer()
    clock.start()
    while True:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        left = ms - clock.elapsed()
        if left <= 0:
            return
        time.sleep(min(left, 10) / 1000)


def wait_until(condition, what: str, timeout_ms: int = TIMEOUT_MS) -> None:
    """Let the event loop run (jobs answer, timers fire) until ``condition()`` holds; fail loudly after a while."""
    clock = QElapsedTimer()
    clock.start()
    while not condition():
        if clock.elapsed() > timeout_ms:
            raise RuntimeError(f"screenshot scene: gave up waiting for {what}")
        pump(50)


def settle(window, ms: int = 400) -> None:
    """Wait ``ms``, then until no job of the window is running (type-ahead timers fire first)."""
    pump(ms)
    wait_until(lambda: not window.jobs.busy, "the background jobs to finish")


def type_text(edit, text: str, *, enter: bool = False) -> None:
    edit.setFocus()
    QTest.keyClicks(edit, text)
    if enter:
        QTest.keyClick(edit, Qt.Key.Key_Return)


def click(widget, pos=None) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     pos if pos is not None else widget.rect().center())


def no_error(tab, what: str) -> None:
    """The tab's message line must not show a refusal (red) after ``what``."""
    if "b00020" in tab.message_label.styleSheet() and tab.message_label.text():
        raise RuntimeError(f"screenshot scene: {what} was refused: {tab.message_label.text()}")


def tab_kind(window, index: int) -> str:
    """The class name of the widget of tab ``index`` (each page holds its tab's widget)."""
    page = window.ui.tabs.widget(index)
    return next((type(w).__name__ for w in window.tab_widgets if window._page_of(w) is page), type(page).__name__)


def tab_of(window, name: str):
    found = [w for w in window.tab_widgets if type(w).__name__ == name]
    if not found:
        raise RuntimeError(f"screenshot scene: no {name} in the window (signed in as {window.actor.role}?)")
    return found[0]


# ---- the hooks -------------------------------------------------------------------------------------------------
def prepare(window) -> None:
    """The window is up: let every tab load its first page (catalog, queues) and the activity panel fill."""
    wait_until(lambda: window.activity_list.count() > 0, "the live activity panel")
    inventory = tab_of(window, "InventoryTab")
    wait_until(lambda: inventory.count_label.text(), "the catalog")
    wait_until(lambda: tab_of(window, "WarehouseTab").queue_table.rowCount() > 0, "the warehouse queue")
    wait_until(lambda: tab_of(window, "AccountsTab").queue_tree.topLevelItemCount() > 0, "the accounts queue")
    settle(window)


def before_shot(window, index: int) -> None:
    scenes = {0: orders, 1: inventory, 2: warehouse, 3: accounts, 4: service_desk}
    scene = scenes.get(index) or {"DashboardTab": dashboard}.get(tab_kind(window, index))
    if scene is not None:
        scene(window)
    settle(window)


def shot_name(window, index: int, default: str) -> str | None:
    """The Carts pictures are taken by hand (two windows); the Dashboard's is dashboard.png."""
    kind = tab_kind(window, index)
    return {"CartsTab": None, "DashboardTab": "dashboard"}.get(kind, default)


def dashboard(window) -> None:
    """The overview as it first shows: today's tiles, the charts, stock-outs and carts, all filled."""
    tab = tab_of(window, "DashboardTab")
    tab.pages.setCurrentIndex(0)
    wait_until(lambda: tab.dashboard is not None, "the dashboard's figures")
    no_error(tab, "the dashboard")


def sales_report(window, out: Path) -> Path:
    """The sales report by week over the last twelve weeks beside a year before."""
    tab = tab_of(window, "DashboardTab")
    window.ui.tabs.setCurrentWidget(tab)
    tab.pages.setCurrentWidget(tab.report)
    view = tab.report
    view.by_combo.setCurrentText("week")
    view.from_edit.setDate(view.to_edit.date().addDays(-83))
    before = view.report
    click(view.run_button)
    wait_until(lambda: view.report is not None and view.report is not before, "the sales report")
    no_error(view, "the sales report")
    settle(window, 800)
    frame = window.frameGeometry()
    target = out / "sales_report.png"
    window.screen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(str(target))
    return target


def orders(window) -> None:
    """A caller found by typing (030), three lines by SKU and 3*SKU, the type-ahead open on 'lamp'."""
    tab = window.order_entry
    type_text(tab.customer_edit, CALLER)
    wait_until(lambda: tab.customer_results.count() > 0, f"customers matching {CALLER}")
    # the first of them who has ordered before (which one depends on the demo's dates): Down to it, Return takes it
    found = window.services.customers.find_customers(window.actor, CALLER)
    index = next((i for i, c in enumerate(found)
                  if window.services.orders.list_orders(window.actor, customer_id=c.id, limit=1)), None)
    if index is None:
        raise RuntimeError(f"screenshot scene: no customer matching {CALLER} has ordered before")
    for _ in range(index):
        QTest.keyClick(tab.customer_edit, Qt.Key.Key_Down)
    QTest.keyClick(tab.customer_edit, Qt.Key.Key_Return)  # takes the highlighted caller
    wait_until(lambda: tab.customer is not None and tab.recent_orders.count() > 0, "the caller's recent orders")
    for n, text in enumerate(LINES, start=1):
        type_text(tab.product_edit, text, enter=True)
        wait_until(lambda n=n: tab.order is not None and len(tab.order.lines) == n, f"line {n} ({text})")
        no_error(tab, f"adding {text}")
    settle(window)
    type_text(tab.product_edit, TYPE_AHEAD)
    wait_until(lambda: tab.product_results.count() > 0, f"the type-ahead for '{TYPE_AHEAD}'")
    shown = [tab.product_results.item(i).text() for i in range(tab.product_results.count())]
    if not all(re.search(rf"\b{TYPE_AHEAD}", s, re.IGNORECASE) for s in shown):
        raise RuntimeError(f"screenshot scene: the type-ahead for '{TYPE_AHEAD}' lists other words: {shown}")


def inventory(window) -> None:
    """The catalog with live stock, low stock highlighted, a product selected with its stock history below."""
    tab = tab_of(window, "InventoryTab")
    model, view = tab.model, tab.view
    row = next((r for r in range(model.rowCount()) if model.product(r).sku == HISTORY_SKU), None)
    if row is None:
        raise RuntimeError(f"screenshot scene: {HISTORY_SKU} is not on the first page of the catalog")
    click(view.viewport(), view.visualRect(model.index(row, 1)).center())
    wait_until(lambda: tab.history_label.text().startswith(f"Stock history of {HISTORY_SKU}")
               and tab.history_model.rowCount() > 1, f"the stock history of {HISTORY_SKU}")


def _queue_row(tab, number: str) -> int | None:
    t = tab.queue_table
    return next((r for r in range(t.rowCount()) if t.item(r, 0) and t.item(r, 0).text() == number), None)


def warehouse(window) -> None:
    """The pick queue, a pick list being scanned, pack and ship: one parcel shipped, the next about to be packed."""
    tab = tab_of(window, "WarehouseTab")
    row = _queue_row(tab, TO_SHIP)
    if row is None or tab.queue_table.item(row, 2).text() != "packed: ship it":
        raise RuntimeError(f"screenshot scene: {TO_SHIP} is not waiting to be shipped")
    # The carrier collects the parcel: ship it from the form.
    tab.ship_order_edit.clear()
    type_text(tab.ship_order_edit, TO_SHIP)
    click(tab.ship_button)
    wait_until(lambda: tab.message_label.text().startswith(f"{TO_SHIP} shipped"), f"{TO_SHIP} to ship")
    wait_until(lambda: _queue_row(tab, TO_SHIP) is None, f"{TO_SHIP} to leave the queue")
    settle(window, 800)
    # The next picked order: pick it in the queue, fill in the parcel, ready to press Pack.
    row = _queue_row(tab, TO_PACK)
    if row is None or tab.queue_table.item(row, 2).text() != "picked: pack it":
        raise RuntimeError(f"screenshot scene: {TO_PACK} is not waiting to be packed")
    t = tab.queue_table
    t.scrollToItem(t.item(row, 0))
    click(t.viewport(), t.visualItemRect(t.item(row, 0)).center())
    wait_until(lambda: tab.ship_order_edit.text() == TO_PACK, f"{TO_PACK} in the pack form")
    carrier, service, reference, weight = CARRIER
    for edit, text in ((tab.carrier_edit, carrier), (tab.service_edit, service),
                       (tab.carrier_ref_edit, reference), (tab.weight_edit, weight)):
        edit.clear()
        type_text(edit, text)
    # Scan the pick list's barcode, then items: the first lines in full, the next one part of the way.
    type_text(tab.scan_edit, PICK_LIST, enter=True)
    wait_until(lambda: tab.pick_list is not None and tab.pick_list.number == PICK_LIST, f"{PICK_LIST} to load")
    if tab.pick_list.status != "open":
        raise RuntimeError(f"screenshot scene: {PICK_LIST} is {tab.pick_list.status}, not open")
    p = tab.pick_table
    lines = [(p.item(r, 1).text(), int(p.item(r, 3).text())) for r in range(p.rowCount())]
    scans = [(sku, qty) for sku, qty in lines[:3]]
    partial = next(((sku, qty - 1) for sku, qty in lines[3:] if qty > 1), None)
    if partial:
        scans.append(partial)
    for sku, qty in scans:
        for _ in range(qty):
            type_text(tab.scan_edit, sku, enter=True)
            pump(120)
            if tab.last_cue != "ok":
                raise RuntimeError(f"screenshot scene: scanning {sku} was refused: {tab.message_label.text()}")
    pump(800)  # the green flash of the last scan fades, as between two items


def accounts(window) -> None:
    """The queue in all its groups, and what the next invoice of a partly shipped order would bill."""
    tab = tab_of(window, "AccountsTab")

    def queue_row(number: str):
        tree = tab.queue_tree
        for g in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(g)
            for c in range(group.childCount()):
                if group.child(c).text(0) == number:
                    return group, group.child(c)
        return None, None

    wait_until(lambda: (queue_row(TO_SHIP)[0] is not None
                        and queue_row(TO_SHIP)[0].text(0).startswith("Shipped, waiting for an invoice")),
               f"{TO_SHIP} under 'Shipped, waiting for an invoice'")
    settle(window)
    _group, item = queue_row(PLAN_ORDER)
    if item is None:
        raise RuntimeError(f"screenshot scene: {PLAN_ORDER} is not in the accounts queue")
    tree = tab.queue_tree
    tree.scrollToItem(item)
    click(tree.viewport(), tree.visualItemRect(item).center())
    wait_until(lambda: tab.order_edit.text() == PLAN_ORDER, f"{PLAN_ORDER} picked in the queue")
    tab.invoice_what.setCurrentIndex(tab.invoice_what.findData(PLAN_CHOICE))
    wait_until(lambda: tab.plan_label.text().startswith(PLAN_ORDER) and "the invoice bills" in tab.plan_label.text(),
               f"the invoice plan of {PLAN_ORDER}")


def service_desk(window) -> None:
    """An order's timeline, found by the tracking number the customer reads out."""
    tab = window.service_desk
    tracking = window.services.orders.get_order(window.actor, TRACKED_ORDER).tracking_number  # the customer's e-mail
    tab.lookup_edit.clear()
    type_text(tab.lookup_edit, tracking, enter=True)
    wait_until(lambda: tab.info is not None and tab.info.order.number == TRACKED_ORDER,
               f"{TRACKED_ORDER} by its tracking number {tracking}")


def after_shots(window, out: Path) -> list[Path]:
    """The pick list being scanned, saved as the Warehouse tab saves it, and an issued invoice with two tax rates
    (the one with the most lines, then the oldest) reprinted as the Accounts tab does; page 1 of each at 80 dpi."""
    shots = [sales_report(window, Path(out))] if any(type(w).__name__ == "DashboardTab" for w in window.tab_widgets) \
        else []
    tab = tab_of(window, "WarehouseTab")
    window.ui.tabs.setCurrentWidget(tab)
    with tempfile.TemporaryDirectory() as tmp:
        return shots + _documents(window, tab, Path(tmp), Path(out))


def _documents(window, tab, pdfs: Path, out: Path) -> list[Path]:
    pick_pdf = pdfs / "pick_list.pdf"
    tab.save_pick_list(str(pick_pdf))
    wait_until(lambda: tab.message_label.text() == f"Saved {pick_pdf}.", "the pick list PDF")

    s, actor = window.services, window.actor
    invoices = [s.billing.get_invoice(actor, i.id) for i in s.billing.list_invoices(actor, kind="invoice")]
    two_rates = [i for i in invoices if len({ln.tax_rate for ln in i.lines}) >= 2]
    if not two_rates:
        raise RuntimeError("screenshot scene: no invoice with two tax rates in the demo")
    invoice = min(two_rates, key=lambda i: (-len(i.lines), i.number))
    invoice_pdf = pdfs / "invoice.pdf"
    invoice_pdf.write_bytes(s.billing.invoice_pdf(actor, invoice.id))

    written = []
    for pdf, name in ((pick_pdf, "pick_list"), (invoice_pdf, "invoice")):
        target = out / name
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(target)],
                       check=True)
        written.append(target.with_suffix(".png"))
    print(f"documents: {tab.pick_list.number}, {invoice.number} ({invoice.order_number})")
    QApplication.processEvents()
    return written
