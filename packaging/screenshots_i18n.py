"""The README's picture of the Orders tab in German (issue 19), from a real window.

    Xvfb :97 -screen 0 1366x768x24 & DISPLAY=:97 OMS_HOME=$(mktemp -d) python packaging/screenshots_i18n.py

Signs in as the demo agent on the demo company (created on first use) with German installed as the user's language
would be (``oms_desktop.gui.i18n.install`` before the main window is built), the window at the screen's 1,366 x 768;
the Orders tab set up as in ``screenshot_scene.orders`` (a caller found by typing (030), three lines by SKU, the
type-ahead open on 'lamp'), and grabs the X screen with imagemagick's ``import``: ``order_entry_de.png``. Stops
with exit code 1 if the scene did not come about.
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


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--out", default="docs/screenshots")
    args = p.parse_args()
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" or not os.environ.get("DISPLAY"):
        sys.exit("run under an X display (Xvfb), not offscreen: the point is a real window")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    from oms_desktop.gui import i18n, resources_rc  # noqa: F401
    from oms_desktop.gui.main_window import MainWindow
    paths = Paths.default().ensure()
    url = resolve_database_url(None, demo=True, paths=paths)
    backend = open_backend(url, paths=paths)
    services = backend.services
    if services.auth.needs_first_user():
        from oms_desktop.devtools.demo import seed_demo
        seed_demo(backend, seed=1)
    services.auth.set_language(services.auth.sign_in("agent", "demo"), "agent", "de")  # File > Language, as they would
    agent = services.auth.sign_in("agent", "demo")
    if i18n.install(agent.language or "en") != "de":
        print("German is not installed")
        return 1
    scene: dict = {"__name__": "screenshot_scene"}
    script = Path(__file__).with_name("screenshot_scene.py")
    exec(compile(script.read_text(), str(script), "exec"), scene)  # noqa: S102 - the repo's own scene
    window = MainWindow(services, agent, database=describe_url(url))
    screen = app.primaryScreen().availableGeometry()
    window.resize(screen.width(), screen.height())
    window.move(0, 0)
    window.show()
    QTest.qWait(1500)
    try:
        scene["orders"](window)
        scene["settle"](window, 800)
    except RuntimeError as exc:
        print(exc)
        return 1
    if window.ui.tabs.tabText(0) != "Au&fträge":
        print("the window is not in German:", window.ui.tabs.tabText(0))
        return 1
    target = out / "order_entry_de.png"
    subprocess.run(["import", "-window", "root", str(target)], check=True)
    print("wrote", target)
    window.close()
    backend.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
