"""One accounts workstation for test_invoice_numbering: issues invoices for its orders, some failing after numbering.

Run as ``python -m tests.reliability.invoice_worker URL USERNAME ORDER_IDS READY_FILE START_FILE SEED``; prints a JSON
report: the numbers issued, how many failures were injected, and any unexpected errors.
"""
from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend


class InjectedFailure(Exception):
    """Raised inside the issuing transaction after the number was drawn (a crash, a full disk, a jammed printer)."""


def main(argv: list[str]) -> int:
    url, username, order_ids, ready_file, start_file, seed = argv
    rng = random.Random(int(seed))
    result = {"issued": [], "injected": 0, "errors": []}
    backend = open_backend(url, hasher=fast_test_hasher(), migrate=False)
    try:
        services = backend.services
        actor = services.auth.actor_for(username)
        _ = services.billing.company

        def maybe_fail(number: str) -> None:
            if rng.random() < 0.35:
                result["injected"] += 1
                raise InjectedFailure(number)

        services.billing.after_numbering = maybe_fail
        Path(ready_file).touch()
        deadline = time.monotonic() + 60
        while not Path(start_file).exists():
            if time.monotonic() > deadline:
                raise RuntimeError("the start file never appeared")
            time.sleep(0.001)
        for oid in (int(x) for x in order_ids.split(",")):
            for _attempt in range(50):
                try:
                    result["issued"].append(services.billing.issue_invoice(actor, oid).number)
                    break
                except InjectedFailure:
                    continue
                except Exception as e:  # noqa: BLE001 - a finding to report
                    result["errors"].append(f"{type(e).__name__}: {e}")
                    break
    finally:
        backend.dispose()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
