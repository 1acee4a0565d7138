"""The dark-mode pictures (docs/looks.md) from a real window: the orders tab with a phone order being taken, and every
other tab of the manager (the dashboard once its figures and forecasts are in).

    Xvfb :58 -screen 0 1366x768x24 & DISPLAY=:58 OMS_HOME=$(mktemp -d) python packaging/screenshots_dark.py \
        --out /tmp/dark

Signs in as the manager on the demo company (created on first use), the window at the screen's 1,366 x 768 in the dark
scheme (OMS_COLOR_SCHEME=dark unless set), sets the orders tab's scene with packaging/screenshot_scene.py's
``orders``, and grabs each tab: ``order_entry_dark.png``, ``dashboard_dark.png``, ``<tab>_dark.png``. Waits for the
dashboard as long as its forecasts take (minutes on a busy machine). Stops with exit code 1 if a scene did not come
about.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from oms_desktop.bootstrap import open_backend  # noqa: E402
from oms_desktop.config import Paths, describe_url, resolve_database_url  # noqa: E402


def wait_for(condition, what: str, seconds: float) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise RuntimeError(f"gave up waiting for {what}")
        QTest.qWait(200)


def grab(window, path: Path) -> None:
    QTest.qWait(1200)
    frame = window.frameGeometry()
    window.screen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(str(path))
    print("wrote", path)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--out", default="docs/screenshots")
    args = p.parse_args()
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" or not os.environ.get("DISPLAY"):
        sys.exit("run under an X display (Xvfb), not offscreen: the point is a real window")
    os.environ.setdefault("OMS_COLOR_SCHEME", "dark")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    from oms_desktop.gui import resources_rc  # noqa: F401
    from oms_desktop.gui import theme
    from oms_desktop.gui.event_feed import EventFeed
    from oms_desktop.gui.main_window import MainWindow
    theme.install(app, None)
    paths = Paths.default().ensure()
    url = resolve_database_url(None, demo=True, paths=paths)
    backend = open_backend(url, paths=paths)
    services = backend.services
    if services.auth.needs_first_user():
        from oms_desktop.devtools.demo import seed_demo
        seed_demo(backend, seed=1)
    actor = services.auth.sign_in("manager", "demo")
    feed = EventFeed(lambda after: services.events.since(actor, after), max(services.events.last_id() - 30, 0))
    window = MainWindow(services, actor, database=describe_url(url), feed=feed)
    screen = app.primaryScreen().geometry()
    window.resize(screen.width(), screen.height())
    window.move(0, 0)
    window.show()
    feed.start()
    scene: dict = {"__name__": "screenshot_scene"}
    scene_file = Path(__file__).with_name("screenshot_scene.py")
    exec(compile(scene_file.read_text(), str(scene_file), "exec"), scene)  # noqa: S102 - the repo's own
    try:
        wait_for(lambda: window.activity_list.count() > 0, "the live activity panel", 60)
        window.ui.tabs.setCurrentWidget(window._page_of(window.order_entry))
        scene["orders"](window)
        grab(window, out / "order_entry_dark.png")
        for i in range(window.ui.tabs.count()):
            page = window.ui.tabs.widget(i)
            if page is window._page_of(window.order_entry):
                continue
            window.ui.tabs.setCurrentIndex(i)
            name = window.ui.tabs.tabText(i).replace("&", "").lower().replace(" ", "_")
            if window.dashboard is not None and page is window._page_of(window.dashboard):
                wait_for(lambda: window.dashboard.dashboard is not None, "the dashboard's figures", 600)
                wait_for(lambda: not window.jobs.busy, "the dashboard's forecasts", 900)
                name = "dashboard"
            grab(window, out / f"{name}_dark.png")
    except Exception:  # noqa: BLE001 - reported, and the run fails
        import traceback
        traceback.print_exc()
        return 1
    finally:
        feed.stop()
        window.jobs.wait_for_done()
        backend.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
