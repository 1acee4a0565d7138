"""The README's pictures of an amended order and of the service desk's typo suggestion, from a real window.

    Xvfb :9 -screen 0 1366x768x24 & DISPLAY=:9 OMS_HOME=$(mktemp -d) python packaging/screenshots_issue16.py

Signs in as the manager on the demo company (created on first use), the window at the screen's 1,366 x 768, and
grabs the X screen with imagemagick's ``import`` (what a user sees, dialogs included):
``order_amend.png``: Ctrl+E on a confirmed order whose picking has not started, one quantity changed and a line
added in the Amend dialog; ``service_desk_typo.png``: a tracking number with one character changed, and the
numbers one character away offered. Stops with exit code 1 if a scene did not come about.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from oms_desktop.bootstrap import open_backend  # noqa: E402
from oms_desktop.config import Paths, describe_url, resolve_database_url  # noqa: E402


def grab(path: Path) -> None:
    QTest.qWait(1500)
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    print("wrote", path)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--out", default="docs/screenshots")
    args = p.parse_args()
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" or not os.environ.get("DISPLAY"):
        sys.exit("run under an X display (Xvfb), not offscreen: the point is a real window")
    out = Path(args.out)
    app = QApplication(sys.argv[:1])
    from oms_desktop.gui import resources_rc  # noqa: F401
    from oms_desktop.gui.main_window import MainWindow
    paths = Paths.default().ensure()
    url = resolve_database_url(None, demo=True, paths=paths)
    backend = open_backend(url, paths=paths)
    services = backend.services
    if services.auth.needs_first_user():
        from oms_desktop.devtools.demo import seed_demo
        seed_demo(backend, seed=1)
    actor = services.auth.sign_in("manager", "demo")
    window = MainWindow(services, actor, database=describe_url(url))
    screen = app.primaryScreen().availableGeometry()
    window.resize(screen.width(), screen.height())
    window.show()
    tabs = window.ui.tabs

    def show_tab(widget) -> None:
        tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(widget)))
        QTest.qWait(800)

    db = sqlite3.connect(url.removeprefix("sqlite:///"))
    # (a) a confirmed order, picking not started: Ctrl+E, the second line's quantity up by one, a line added
    entry = window.order_entry
    show_tab(entry)
    order_id = db.execute("select id from orders where status = 'confirmed' and id not in "
                          "(select order_id from pick_list_orders) order by id desc limit 1").fetchone()[0]
    order = services.orders.get_order(actor, order_id)
    entry.amend_order(order.number)
    for _ in range(50):
        QTest.qWait(100)
        if entry.amend_dialog is not None and entry.amend_dialog.isVisible():
            break
    dialog = entry.amend_dialog
    if dialog is None or not dialog.isVisible():
        print("the Amend dialog did not open:", entry.message_label.text())
        return 1
    table = dialog.lines_table
    table.item(0, 2).setText(str(order.lines[0].quantity + 1))
    sku = db.execute("select p.sku from products p join stock s on s.product_id = p.id "
                     "where s.on_hand - s.reserved > 5 and p.sku not in (%s) order by p.id limit 1"
                     % ",".join("?" * len(order.lines)), [ln.sku for ln in order.lines]).fetchone()[0]
    dialog.add_line()
    r = table.rowCount() - 1
    table.item(r, 0).setText(sku)
    table.item(r, 2).setText("2")
    table.setCurrentCell(r, 2)
    grab(out / "order_amend.png")
    dialog.save()
    for _ in range(300):
        QTest.qWait(100)
        if not dialog.isVisible():
            break
    if dialog.isVisible():
        print("the amendment was not saved:", dialog.message_label.text())
        return 1
    print(entry.message_label.text())

    # (b) the service desk: a tracking number with one character changed
    desk = window.findChild(__import__("oms_desktop.gui.service_desk.panel", fromlist=["x"]).ServiceDeskPanel)
    show_tab(desk)
    (number,) = db.execute("select tracking_number from orders where tracking_number is not null "
                           "and status = 'shipped' order by id desc limit 1").fetchone()
    i = 5
    typo = number[:i] + ("X" if number[i] != "X" else "Y") + number[i + 1:]
    desk.lookup_edit.setFocus()
    QTest.keyClicks(desk.lookup_edit, typo)
    QTest.keyClick(desk.lookup_edit, Qt.Key.Key_Return)
    for _ in range(100):
        QTest.qWait(100)
        if desk.results_list.count():
            break
    if not desk.results_list.count():
        print("no suggestion for", typo, "(from", number + "):", desk.message_label.text())
        return 1
    print("typed", typo, "for", number, "suggested", desk.results_list.count())
    grab(out / "service_desk_typo.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
