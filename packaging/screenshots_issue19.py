"""The README's pictures of the Settings dialog and the audit viewer (File menu, as the administrator), from a real
window.

    Xvfb :98 -screen 0 1366x768x24 & DISPLAY=:98 OMS_HOME=$(mktemp -d) python packaging/screenshots_issue19.py
    ... python packaging/screenshots_issue19.py --language de     # the German pictures, *_de.png beside them

Signs in as the admin on the demo company (created on first use), the window at the screen's 1,366 x 768, and grabs
the X screen with imagemagick's ``import``: ``settings_dialog.png`` (File > Settings, an IBAN with a wrong check
digit refused in the dialog) and ``audit_viewer.png`` (File > Audit trail, the user actions). Stops with exit code 1
if a scene did not come about.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from oms_desktop.bootstrap import open_backend  # noqa: E402
from oms_desktop.config import Paths, describe_url, resolve_database_url  # noqa: E402


def grab(path: Path) -> None:
    QTest.qWait(1500)
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    print("wrote", path)


def wait_for(condition, msecs: int = 10000) -> bool:
    for _ in range(msecs // 100):
        if condition():
            return True
        QTest.qWait(100)
    return condition()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--out", default="docs/screenshots")
    p.add_argument("--language", default="en", help="the GUI's language (en, de); not English: *_<language>.png")
    args = p.parse_args()
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" or not os.environ.get("DISPLAY"):
        sys.exit("run under an X display (Xvfb), not offscreen: the point is a real window")
    out = Path(args.out)
    app = QApplication(sys.argv[:1])
    from oms_desktop.gui import i18n, resources_rc  # noqa: F401
    from oms_desktop.gui.main_window import MainWindow
    suffix = "" if i18n.install(args.language) == i18n.SOURCE_LANGUAGE else f"_{args.language}"
    paths = Paths.default().ensure()
    url = resolve_database_url(None, demo=True, paths=paths)
    backend = open_backend(url, paths=paths)
    services = backend.services
    if services.auth.needs_first_user():
        from oms_desktop.devtools.demo import seed_demo
        seed_demo(backend, seed=1)
    actor = services.auth.sign_in("admin", "demo")
    from oms_desktop.services.audit import AuditQuery
    if not services.audit.list(actor, AuditQuery(action="user.deactivate")).rows:
        services.auth.deactivate(actor, "agent")  # something for the audit trail to show
        services.auth.activate(actor, "agent")
    window = MainWindow(services, actor, database=describe_url(url))
    screen = app.primaryScreen().availableGeometry()
    window.resize(screen.width(), screen.height())
    window.show()
    QTest.qWait(1500)

    window.show_settings()
    dialog = window.settings_dialog
    if not wait_for(lambda: dialog.isVisible() and dialog.value("company_name") != ""):
        print("the Settings dialog did not open or load")
        return 1
    dialog.resize(700, 720)
    dialog.move(330, 20)
    dialog.fields["bank_account"].setText("DE89 3704 0044 0532 0130 01")
    dialog.save()
    if not wait_for(lambda: "check digits are wrong" in dialog.error_label.text()):
        print("the wrong IBAN was not refused:", dialog.error_label.text())
        return 1
    grab(out / f"settings_dialog{suffix}.png")
    dialog.reject()

    window.show_audit()
    audit = window.audit_dialog
    if not wait_for(lambda: audit.isVisible() and audit.model.rowCount() > 0):
        print("the audit viewer did not open or found nothing:", audit.error_label.text())
        return 1
    audit.resize(1300, 700)
    audit.move(30, 30)
    audit.entity_combo.setCurrentText("user")
    audit.search(1)
    if not wait_for(lambda: audit.model.rowCount() > 0 and all(r.entity == "user" for r in audit.model.rows)):
        print("the user filter found nothing")
        return 1
    grab(out / f"audit_viewer{suffix}.png")
    audit.reject()
    window.close()
    backend.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
