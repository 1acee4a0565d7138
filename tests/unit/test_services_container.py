"""``Services`` builds each service on first use: importing the package (and opening a backend) loads no service
module a screen has not asked for yet (the app start pays for what its first window needs), each service is built
once, also when threads ask at once, and a service built from another one gets the same instance the container
holds."""
from __future__ import annotations

import subprocess
import sys
import threading
from contextlib import nullcontext

from oms_desktop.services import Services

_PROBE = r"""
import sys
from oms_desktop.bootstrap import open_backend
from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.config import Paths
import tempfile, pathlib
home = pathlib.Path(tempfile.mkdtemp())
paths = Paths(home, home / "config", home / "logs", home / "backups").ensure()
backend = open_backend(f"sqlite:///{home / 'oms.db'}", paths=paths, hasher=fast_test_hasher())
loaded = lambda: sorted(m for m in ("till", "forecasts", "purchasing", "order_import", "orders", "dashboard")
                        if f"oms_desktop.services.{m}" in sys.modules)
print(",".join(loaded()))
backend.services.orders
print(",".join(loaded()))
backend.dispose()
"""


def test_opening_a_backend_loads_no_service_module_until_one_is_asked_for():
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=120, check=True)
    before, after = out.stdout.split("\n")[:2]
    assert before == ""
    assert "orders" in after.split(",") and "forecasts" not in after and "dashboard" not in after


def _container() -> Services:
    return Services(lambda write=True: nullcontext(), hasher=object())  # type: ignore[arg-type]


def test_each_service_is_built_once_also_when_threads_ask_at_once():
    services = _container()
    barrier = threading.Barrier(8)
    got: list[object] = []

    def ask() -> None:
        barrier.wait()
        got.append(services.orders)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 8 and all(g is got[0] for g in got)
    assert services.orders is got[0]


def test_a_service_built_from_another_shares_the_containers_instance():
    services = _container()
    mail = services.mail  # built with the billing service's PDF for mail
    assert mail is services.mail
    assert mail.invoice_pdf.__self__ is services.billing  # type: ignore[union-attr]
    assert services.settings._company is services.company
    services.forecasts = None  # type: ignore[assignment]  # a caller may still replace one (the bench does)
    assert services.forecasts is None


def test_the_dashboards_services_do_not_load_the_integrity_checks():
    """The checks import most services (payables, the till, purchasing...): the dashboard, which the manager's
    window opens on, and the backups load them only when they run a check."""
    probe = ("import sys\nimport oms_desktop.services.dashboard, oms_desktop.services.backups\n"
             "print('oms_desktop.services.checks' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "False"
