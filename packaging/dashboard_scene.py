"""Only the Dashboard's pictures (dashboard.png, sales_report.png), with the scenes of ``screenshot_scene.py``:

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python packaging/screenshots.py --demo --size 1366x768 \\
        --script packaging/dashboard_scene.py --out docs/screenshots
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("oms_screenshot_scene",
                                               Path(__file__).with_name("screenshot_scene.py"))
assert _spec is not None and _spec.loader is not None
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)


def _is_dashboard(window, index: int) -> bool:
    return base.tab_kind(window, index) == "DashboardTab"


def before_shot(window, index: int) -> None:
    if _is_dashboard(window, index):
        base.dashboard(window)
        base.settle(window, 800)


def shot_name(window, index: int, default: str) -> str | None:
    return "dashboard" if _is_dashboard(window, index) else None


def after_shots(window, out: Path) -> list[Path]:
    return [base.sales_report(window, Path(out))]
