"""A settable clock for the services and repositories (each module binds its own ``utc_now``/``_now``): orders
confirmed, cancelled and returned at chosen instants, on chosen local days, in tests and state machines."""
from __future__ import annotations

import importlib
from datetime import datetime, timezone

TARGETS = (  # what stamps orders, their history, carts, returns and the report's today (not billing: its dates are
    # the invoices' own, and the sales facts do not read them)
    ("oms_desktop.services.orders", "_now"),
    ("oms_desktop.services.cart_editing", "_now"),
    ("oms_desktop.services.cart_pricing", "utc_now"),
    ("oms_desktop.services.carts", "utc_now"),
    ("oms_desktop.services.returns", "utc_now"),
    ("oms_desktop.services.shipping", "utc_now"),
    ("oms_desktop.services.sales", "utc_now"),
    ("oms_desktop.services.dashboard", "utc_now"),
    ("oms_desktop.adapters.db.repositories", "_now"),
    ("oms_desktop.adapters.db.repositories_carts", "_now"),
    ("oms_desktop.adapters.db.repositories_warehouse", "_now"),
    ("oms_desktop.adapters.db.repositories_accounts", "_now"),
)


class Clock:
    """``install()`` points every target at this clock; ``set(at)`` moves it; ``uninstall()`` puts the real ones
    back. Unset (``at`` None), it tells the real time."""

    def __init__(self, at: datetime | None = None):
        self.at = at
        self._saved: list[tuple[object, str, object]] = []

    def now(self) -> datetime:
        return self.at if self.at is not None else datetime.now(timezone.utc)

    def set(self, at: datetime) -> None:
        self.at = at

    def install(self) -> "Clock":
        for module_name, name in TARGETS:
            module = importlib.import_module(module_name)
            self._saved.append((module, name, getattr(module, name)))
            setattr(module, name, self.now)
        return self

    def uninstall(self) -> None:
        while self._saved:
            module, name, original = self._saved.pop()
            setattr(module, name, original)
