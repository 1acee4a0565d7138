"""A sender killed with kill -9 in the middle of a send sends nothing twice; what it held is handled as
docs/mail.md says (claimed: sent again; being handed over: failed, for a person to retry)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest

from oms_desktop.adapters.db.uow import uow_factory
from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from tests.helpers.fixtures import SAMPLE_CATALOG
from tests.helpers.smtp_server import SmtpServer

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.release_all()
    server.stop()


@pytest.fixture
def shop(sqlite_url, paths, smtp):
    backend = open_backend(sqlite_url, paths=paths, hasher=fast_test_hasher())
    s = backend.services
    s.auth.add_user(None, "admin", "admin", "admin-pw")
    admin = s.auth.sign_in("admin", "admin-pw")
    s.catalog.import_catalog(admin, SAMPLE_CATALOG.encode())
    for key, value in (("smtp.host", "127.0.0.1"), ("smtp.port", str(smtp.port)), ("smtp.security", "none"),
                       ("smtp.from", "shop@example.com")):
        s.settings.set(admin, key, value)
    c = s.customers.add_customer(admin, "Anna", ["0171 555-0100"], "anna@example.com")
    orders = [s.orders.place_order(admin, c.id, [("BULB-E27", 1)]) for _ in range(3)]
    yield backend, admin, orders
    backend.dispose()


def test_a_sender_killed_while_handing_a_message_over_sends_nothing_twice(shop, smtp, tmp_path):
    backend, admin, orders = shop
    s = backend.services
    smtp.recorder.stall.set()  # the server holds the first message's DATA: the sender is mid-send
    env = {**os.environ, "OMS_HOME": str(tmp_path / "home"),
           "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "oms_desktop.cli", "--database", backend.url, "mail",
                             "send-pending"], cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert smtp.recorder.in_data.wait(30), "the sender never reached DATA"
        [held] = [r for r in s.mail.outbox(admin) if r.status == "sending"]
        assert held.claimed_by.endswith(f":{proc.pid}")
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    smtp.recorder.stall.clear()
    assert smtp.recorder.message_ids() == [held.message_id]  # the server had it all: delivered, unknown to the sender

    report = s.mail.send_pending(None)  # a restarted sender, on the same host

    ids = smtp.recorder.message_ids()
    assert report.sent == 2 and len(ids) == len(set(ids)) == 3  # each message delivered exactly once here
    [failed] = s.mail.outbox(admin)
    assert (failed.id, failed.status) == (held.id, "failed") and "may have gone out" in failed.last_error
    assert s.mail.send_pending(None).skipped == "nothing is due"  # nothing resent by itself
    s.mail.retry(admin, failed.id)  # a person decides it did not arrive: the same Message-ID again
    assert s.mail.send_pending(None).sent == 1
    assert smtp.recorder.message_ids().count(held.message_id) == 2 and s.mail.outbox(admin) == []


def test_a_message_claimed_by_a_dead_sender_before_it_was_handed_over_is_sent_once_after_the_lease(shop, smtp):
    backend, admin, orders = shop
    s = backend.services
    uow = uow_factory(backend.engine)
    with uow() as u:  # a sender on another workstation claimed it, then the machine died
        row = u.outbox.claim_next(s.mail.clock(), uuid.uuid4().hex, "other-host:4242")
        u.commit()
    assert s.mail.send_pending(None).sent == 2  # the claim is trusted while its lease runs: not sent
    assert [(r.id, r.status) for r in s.mail.outbox(admin)] == [(row.id, "claimed")]

    later = s.mail.clock() + s.mail.claim_lease + timedelta(seconds=1)
    s.mail.clock = lambda: later
    assert s.mail.send_pending(None).sent == 1
    ids = smtp.recorder.message_ids()
    assert len(ids) == len(set(ids)) == 3 and row.message_id in ids and s.mail.outbox(admin) == []
