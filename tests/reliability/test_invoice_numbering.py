"""Invoice numbers stay gapless under four concurrent issuers with failures after numbering; issued invoices,
payments and posted entries cannot be edited or deleted, neither through the service nor with raw SQL."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from oms_desktop.domain.errors import BusinessRuleViolation

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKERS = 4
ORDERS_PER_WORKER = 6


def _run_workers(backend, tmp_path: Path, order_ids: list[int]) -> list[dict]:
    start_file = tmp_path / "start"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), os.environ.get("PYTHONPATH", "")])}
    procs = []
    for i in range(WORKERS):
        mine = order_ids[i::WORKERS]
        cmd = [sys.executable, "-m", "tests.reliability.invoice_worker", backend.url, f"clerk{i}",
               ",".join(map(str, mine)), str(tmp_path / f"ready-{i}"), str(start_file), str(i)]
        procs.append(subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      text=True))
    try:
        deadline = time.monotonic() + 60
        while not all((tmp_path / f"ready-{i}").exists() for i in range(WORKERS)):
            dead = [p for p in procs if p.poll() is not None]
            assert not dead, "a worker died before the start:\n" + dead[0].stderr.read()[-3000:]
            assert time.monotonic() < deadline, "the workers did not get ready within a minute"
            time.sleep(0.01)
        start_file.touch()
        outputs = [p.communicate(timeout=120) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    reports = []
    for p, (out, err) in zip(procs, outputs):
        assert p.returncode == 0, err[-3000:]
        reports.append(json.loads(out.strip().splitlines()[-1]))
    return reports


def test_four_concurrent_issuers_with_failures_after_numbering_leave_numbers_1_to_n(backend, services, admin,
                                                                                     catalog, tmp_path):
    for i in range(WORKERS):
        services.auth.add_user(admin, f"clerk{i}", "accountant", "clerk-pw")
    n = WORKERS * ORDERS_PER_WORKER
    order_ids = [services.orders.place_order(admin, None, [("BULB-E27", 1)]).id for _ in range(n)]

    reports = _run_workers(backend, tmp_path, order_ids)

    assert [r["errors"] for r in reports] == [[]] * WORKERS
    assert sum(r["injected"] for r in reports) > 0, "no failure was injected: the test proved nothing"
    issued = sorted(num for r in reports for num in r["issued"])
    assert issued == [f"INV-{k:06d}" for k in range(1, n + 1)]
    stored = sorted(i.number for i in services.billing.list_invoices(admin, limit=1000))
    assert stored == issued
    assert {services.receivables.order_account(admin, oid).invoices[0].number for oid in order_ids} == set(issued)
    assert services.ledger.ledger_problems() == []


@pytest.fixture
def books(services, admin, catalog):
    services.catalog.create_product(admin, {"sku": "VASE-01", "name": "Vase", "unit_price": "19.99",
                                            "tax_rate": "0.19", "on_hand": "5", "unit_cost": "8.00"})
    order = services.orders.place_order(admin, None, [("VASE-01", 1)])
    for step in ("picking", "packed", "shipped"):
        services.orders.advance_order(admin, order.id, step)
    invoice = services.billing.issue_invoice(admin, order.id)
    services.receivables.record_payment(admin, order.id, "23.79", "cash")
    return order, invoice


@pytest.mark.parametrize("statement", [
    "UPDATE invoices SET total_minor = 1, net_minor = 1, tax_minor = 0",
    "UPDATE invoices SET reason = 'edited'",
    "UPDATE invoice_documents SET pdf = pdf",
    "DELETE FROM invoice_documents",
    "DELETE FROM invoices",
    "DELETE FROM invoice_lines",
    "UPDATE invoice_lines SET quantity = 9",
    "UPDATE ledger_postings SET amount_minor = amount_minor * 2",
    "DELETE FROM ledger_postings",
    "UPDATE ledger_entries SET description = 'edited'",
    "DELETE FROM ledger_entries",
    "UPDATE payments SET amount_minor = 1",
    "DELETE FROM payments",
    "UPDATE invoice_counters SET last_number = last_number - 1",
    "UPDATE invoice_counters SET last_number = last_number + 2",
    "DELETE FROM invoice_counters",
])
def test_the_database_refuses_to_rewrite_issued_invoices_payments_and_posted_entries(backend, books, statement):
    with pytest.raises(DBAPIError, match="immutable|gapless"):
        with backend.engine.begin() as conn:  # SQLite: the engine begins IMMEDIATE itself
            conn.execute(text(statement))


def test_the_service_offers_no_edit_and_corrects_by_credit_note_refund_or_reversal(services, admin, books):
    order, invoice = books
    entries = services.ledger.journal(admin)
    sale = next(e for e in entries if e.kind == "sale")
    cogs = next(e for e in entries if e.kind == "cogs")
    with pytest.raises(BusinessRuleViolation, match="credit note"):
        services.ledger.reverse_entry(admin, sale.id, "typo")
    with pytest.raises(BusinessRuleViolation, match="already has invoice"):
        services.billing.issue_invoice(admin, order.id)
    reversal = services.ledger.reverse_entry(admin, cogs.id, "cost was wrong")
    assert reversal.reverses_id == cogs.id
    assert [(p.account, -p.amount) for p in reversal.postings] == [(p.account, p.amount) for p in cogs.postings]
    with pytest.raises(BusinessRuleViolation, match="reversed already"):
        services.ledger.reverse_entry(admin, cogs.id, "again")
    assert next(e for e in services.ledger.journal(admin) if e.id == cogs.id).reversed_by == reversal.id
    pdf_before = services.billing.invoice_pdf(admin, invoice.number)
    services.billing.issue_credit_note(admin, invoice.number)
    assert services.billing.invoice_pdf(admin, invoice.number) == pdf_before
    assert services.ledger.ledger_problems() == []
