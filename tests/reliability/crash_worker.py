"""One workstation of the kill -9 campaign (test_kill9.py): takes orders, ships, invoices and takes payments in a
loop until it is killed, writing each acknowledgement (what the service returned) to a file after the service call
returned, flushed to disk: what it wrote was acknowledged, so it must be in the database afterwards.

Run as ``python -m tests.reliability.crash_worker URL USERNAME ACK_FILE READY_FILE SEED``.
"""
from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend

SKUS = ("KILL-A", "KILL-B", "KILL-C")


def main(argv: list[str]) -> int:
    url, username, ack_file, ready_file, seed = argv
    rng = random.Random(int(seed))
    backend = open_backend(url, hasher=fast_test_hasher(), migrate=False)
    services = backend.services
    actor = services.auth.actor_for(username)
    fd = os.open(ack_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def ack(*fields: object) -> None:
        os.write(fd, (" ".join(str(f) for f in fields) + "\n").encode())
        os.fsync(fd)

    def cycle(whole: bool) -> None:
        lines = [(sku, rng.randint(1, 3)) for sku in rng.sample(SKUS, rng.randint(1, 3))]
        order = services.orders.place_order(actor, None, lines)
        ack("order", order.id, order.number, order.total)
        if whole or rng.random() < 0.8:
            for step in ("picking", "packed", "shipped"):
                services.orders.advance_order(actor, order.id, step)
            ack("shipped", order.id)
            invoice = services.billing.issue_invoice(actor, order.number)
            ack("invoice", order.id, invoice.number, invoice.total)
            if whole or rng.random() < 0.8:
                payment = services.receivables.record_payment(actor, order.id, str(invoice.total), "cash")
                ack("payment", order.id, getattr(payment, "id", ""), invoice.total)

    # One whole cycle before the kills may come: the first invoice loads the PDF renderer and its fonts, which on a
    # slow or busy machine took longer than a worker lives (every round's workers are new processes), so no round
    # got as far as an invoice. Acknowledged like every other cycle; the kills land in the cycles after it.
    cycle(whole=True)
    Path(ready_file).touch()
    while True:                                     # until SIGKILL
        cycle(whole=False)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
