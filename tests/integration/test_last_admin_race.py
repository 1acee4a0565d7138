"""The last-admin rule holds when two administrators deactivate each other at the same moment (two workstations):
on PostgreSQL the active admins' rows are locked (READ COMMITTED would otherwise let both pass), on SQLite the write
transaction serialises them. One of the two succeeds, the other is refused; an active admin always remains."""
from __future__ import annotations

import threading

from oms_desktop.domain.errors import BusinessRuleViolation


def _deactivate(services, barrier: threading.Barrier, outcomes: dict[str, str], me, other: str) -> None:
    barrier.wait()
    try:
        services.auth.deactivate(me, other)
        outcomes[me.username] = "done"
    except BusinessRuleViolation as e:
        outcomes[me.username] = str(e)


def test_two_admins_deactivating_each_other_at_once_leave_one_active(services, admin):
    survivor = admin
    for round_ in range(6):
        a, b = f"ann{round_}", f"bob{round_}"
        services.auth.add_user(survivor, a, "admin", "ann-secret-1")
        services.auth.add_user(survivor, b, "admin", "bob-secret-1")
        actors = {a: services.auth.sign_in(a, "ann-secret-1"), b: services.auth.sign_in(b, "bob-secret-1")}
        services.auth.deactivate(actors[a], survivor.username)  # only ann and bob are active admins now
        barrier = threading.Barrier(2)
        outcomes: dict[str, str] = {}
        threads = [threading.Thread(target=_deactivate, args=(services, barrier, outcomes, actors[me], other))
                   for me, other in ((a, b), (b, a))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert sorted(v == "done" for v in outcomes.values()) == [False, True], outcomes
        assert any("last active administrator" in v for v in outcomes.values())
        active = [u.username for u in services.auth.list_users(actors[a]) if u.role == "admin" and u.active]
        assert len(active) == 1 and active[0] in (a, b)
        survivor = actors[active[0]]
