"""One competing workstation for test_race: places one-unit orders as fast as it can and reports as JSON.

Run as ``python -m tests.reliability.race_worker URL USERNAME SKUS ATTEMPTS READY_FILE START_FILE SEED [COUPON]``
(with COUPON every order asks for that coupon code; a refused coupon is counted, not an error). With the
environment variable RACE_STOP_FILE it goes on until that file appears (ATTEMPTS is then the most it places), so
that a test can be sure orders are still being placed while it does something else. With RACE_SHIP (order ids,
comma-separated) it ships those packed orders instead, in turn, and reports them as confirmed (a refusal or a
deadlock is an error).
"""
from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from oms_desktop.domain.errors import CouponRefused, OutOfStock, StorageError


def _note(result: dict, e: Exception) -> None:
    """An error of an attempt: a storage error (the database refused or was busy) or anything else."""
    if isinstance(e, StorageError):
        result["storage_errors"].append(str(e))
    else:
        result["other_errors"].append(f"{type(e).__name__}: {e}")


def main(argv: list[str]) -> int:
    url, username, skus, attempts, ready_file, start_file, seed = argv[:7]
    coupon = argv[7] if len(argv) > 7 else None
    skus_list = skus.split(",")
    rng = random.Random(int(seed))
    result = {"confirmed": 0, "out_of_stock": 0, "coupon_refused": 0, "storage_errors": [], "other_errors": [],
              "orders": []}
    backend = open_backend(url, hasher=fast_test_hasher(), migrate=False)
    try:
        services = backend.services
        actor = services.auth.actor_for(username)
        _ = services.orders.company  # read the settings before the race, as a running workstation has
        Path(ready_file).touch()
        deadline = time.monotonic() + 60
        while not Path(start_file).exists():  # a start line, so that all workers really overlap
            if time.monotonic() > deadline:
                raise RuntimeError("the start file never appeared")
            time.sleep(0.001)
        stop_file = os.environ.get("RACE_STOP_FILE")
        for oid in [int(x) for x in os.environ.get("RACE_SHIP", "").split(",") if x]:
            try:
                services.shipping.ship_order(actor, oid)
            except Exception as e:  # noqa: BLE001 - a finding to report, not to hide
                _note(result, e)
            else:
                result["confirmed"] += 1
                result["orders"].append(oid)
        if os.environ.get("RACE_SHIP"):
            attempts = "0"
        for _ in range(int(attempts)):
            if stop_file and Path(stop_file).exists():
                break
            lines = [(sku, 1) for sku in skus_list]
            rng.shuffle(lines)
            try:
                order = services.orders.place_order(actor, None, lines, coupon=coupon)
            except CouponRefused:
                result["coupon_refused"] += 1
            except OutOfStock as e:
                result["out_of_stock"] += 1
                if any(s.available >= s.requested for s in e.shortages):
                    result["other_errors"].append(f"a shortage that is none: {e}")
            except Exception as e:  # noqa: BLE001 - everything else is a finding to report, not to hide
                _note(result, e)
            else:
                result["confirmed"] += 1
                result["orders"].append(order.id)
    finally:
        backend.dispose()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
