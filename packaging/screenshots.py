"""Take the README's screenshots from a real window: run under Xvfb (or any X display), one PNG per tab.

    Xvfb :99 -screen 0 1400x900x24 & DISPLAY=:99 OMS_HOME=$(mktemp -d) python packaging/screenshots.py --demo \
        --script packaging/screenshot_scene.py --out docs/screenshots

It signs in as the given user on the demo database (created on first use, like ``oms-desktop --demo``), shows
the main window, switches to each tab, lets the event loop settle, and grabs the screen from the X server.

``--script FILE`` sets the scene, driving the widgets as a user would. The file may define:
``prepare(window)``, run once before the shots; ``before_shot(window, tab_index)``, run after each tab is shown
and before it is grabbed; ``shot_name(window, tab_index, default)``, the picture's name (None: no picture);
``after_shots(window, out)``, run after the last grab, returning the paths of any further
files it wrote (e.g. documents rendered to PNG). An exception in any of them stops the run with exit code 1, so a
scene that did not come about never leaves a plausible-looking picture behind.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from oms_desktop.bootstrap import open_backend  # noqa: E402
from oms_desktop.config import Paths, describe_url, resolve_database_url  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--demo", action="store_true")
    p.add_argument("--database")
    p.add_argument("--user", default="manager")
    p.add_argument("--password", default="demo")
    p.add_argument("--out", default="docs/screenshots")
    p.add_argument("--size", default="1360x860")
    p.add_argument("--script", help="python file with prepare(window), and optionally before_shot(window, "
                                    "tab_index) and after_shots(window, out), to set the scene (see above)")
    args = p.parse_args()
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" or not os.environ.get("DISPLAY"):
        sys.exit("run under an X display (Xvfb), not offscreen: the point is a real window")
    app = QApplication(sys.argv[:1])
    from oms_desktop.gui import resources_rc  # noqa: F401
    from oms_desktop.gui import theme
    theme.install(app, None)  # the system's scheme, or OMS_COLOR_SCHEME=dark for the dark pictures (docs/looks.md)
    from oms_desktop.gui.event_feed import EventFeed
    from oms_desktop.gui.main_window import MainWindow
    paths = Paths.default().ensure()
    url = resolve_database_url(args.database, demo=args.demo, paths=paths)
    backend = open_backend(url, paths=paths)
    services = backend.services
    if services.auth.needs_first_user():
        from oms_desktop.devtools.demo import seed_demo
        seed_demo(backend, seed=1)
    actor = services.auth.sign_in(args.user, args.password)
    feed = EventFeed(lambda after: services.events.since(actor, after), max(services.events.last_id() - 30, 0))
    window = MainWindow(services, actor, database=describe_url(url), feed=feed)
    w, h = (int(v) for v in args.size.split("x"))
    window.resize(w, h)
    window.move(0, 0)
    window.show()
    feed.start()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    names = ["order_entry", "inventory", "warehouse", "accounts", "service_desk"]
    scene: dict = {}
    if args.script:
        scene = {"__file__": str(Path(args.script).resolve()), "__name__": "screenshot_scene"}
        exec(compile(Path(args.script).read_text(), args.script, "exec"), scene)  # noqa: S102 - the repo's own
        if "prepare" in scene:
            scene["prepare"](window)
    shots: list[Path] = []

    def fail(exc: BaseException) -> None:
        import traceback
        traceback.print_exception(exc)
        feed.stop()
        app.exit(1)

    def shoot(i: int) -> None:
        if i >= window.ui.tabs.count():
            try:
                if "after_shots" in scene:
                    shots.extend(scene["after_shots"](window, out) or ())
            except Exception as exc:  # noqa: BLE001 - reported, and the run fails
                fail(exc)
                return
            feed.stop()
            print("\n".join(str(s) for s in shots))
            app.quit()
            return
        window.ui.tabs.setCurrentIndex(i)
        try:
            if "before_shot" in scene:
                scene["before_shot"](window, i)
        except Exception as exc:  # noqa: BLE001 - reported, and the run fails
            fail(exc)
            return
        QTimer.singleShot(1500, lambda: grab(i))

    def grab(i: int) -> None:
        name = names[i] if i < len(names) else f"tab{i}"
        if "shot_name" in scene:  # the scene may name a tab's picture, or skip it (None: taken by hand)
            name = scene["shot_name"](window, i, name)
            if name is None:
                shoot(i + 1)
                return
        target = out / f"{name}.png"
        screen = window.screen()
        frame = window.frameGeometry()
        if not screen.geometry().contains(frame):  # e.g. a minimum width grown past the screen: the dock is cut off
            fail(RuntimeError(f"the window ({frame.width()}x{frame.height()}) does not fit the screen "
                              f"({screen.geometry().width()}x{screen.geometry().height()}): {target.name} not taken"))
            return
        pix = screen.grabWindow(0, window.frameGeometry().x(), window.frameGeometry().y(),
                                window.frameGeometry().width(), window.frameGeometry().height())
        pix.save(str(target))
        shots.append(target)
        shoot(i + 1)

    QTimer.singleShot(2000, lambda: shoot(0))
    code = app.exec()
    backend.dispose()
    return code


if __name__ == "__main__":
    sys.exit(main())
