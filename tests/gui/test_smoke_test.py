"""``oms-desktop --smoke-test``: what CI runs against the built bundle (.ci/run), here on the source tree, offscreen.

The demo company is cut down (fewer customers and historical orders) and passwords hash with the fast test parameters,
so a run takes seconds; the bundle's run in CI is the full one."""
from __future__ import annotations

import functools
import re

import pytest

from oms_desktop import app, bootstrap
from oms_desktop.adapters.db.migrate import head_revision
from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.devtools import demo
from oms_desktop.gui.dashboard import forecasts

pytestmark = pytest.mark.slow  # the small demo company: about 9 s on a busy two-core machine


@pytest.fixture
def small_demo(monkeypatch, qapp):
    monkeypatch.setattr(demo, "N_CUSTOMERS", 200)
    monkeypatch.setattr(demo, "N_HISTORY_ORDERS", 800)
    monkeypatch.setattr(bootstrap, "open_backend", functools.partial(bootstrap.open_backend,
                                                                     hasher=fast_test_hasher()))
    return qapp


def test_the_smoke_test_starts_the_app_on_a_fresh_demo_company_and_says_so(small_demo, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("OMS_HOME", str(tmp_path / "home"))  # would be the user's data if the smoke test used it
    assert app.main(["--smoke-test"]) == 0
    out, err = capsys.readouterr()
    line = out.strip()
    assert line.startswith("smoke test passed: OMS Desktop "), (out, err)
    assert re.search(rf"schema {head_revision()}, [1-9][0-9]* tabs, signed in as manager, ", line), line
    assert int(line.split(", ")[-2].split()[0]) > 800  # the history and the live orders
    assert line.split(", ")[-1].startswith("invoice PDF ")
    assert not (tmp_path / "home").exists()  # it ran in a temporary folder of its own, now gone


def test_a_failing_start_fails_the_smoke_test_with_what_went_wrong(small_demo, capsys, monkeypatch):
    def broken(self):
        raise ImportError("No module named 'statsforecast'")  # what a bundle without it would say

    def users_only(backend, *, seed=1, progress=None):  # the company and its users, no history: quicker
        services = backend.services
        services.company.update(None, **demo.COMPANY)
        services.auth.add_user(None, "admin", "admin", demo.DEMO_PASSWORD, "Admin", password_policy=False)
        services.auth.add_user(services.auth.actor_for("admin"), "manager", "manager", demo.DEMO_PASSWORD, "Manager",
                               password_policy=False)

    monkeypatch.setattr(demo, "seed_demo", users_only)
    monkeypatch.setattr(forecasts.ForecastSource, "sales_forecast", broken)
    assert app.main(["--smoke-test"]) == 1
    out, err = capsys.readouterr()
    assert "smoke test passed" not in out
    assert "smoke test FAILED: RuntimeError: the dashboard failed: No module named 'statsforecast'" in err
