"""``oms check`` and the checks registry on SQLite and PostgreSQL: a whole cycle passes every check; a stock row, a
posting or an invoice counter changed behind the services' back is named by its check, and the command exits 3."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from oms_desktop import cli
from oms_desktop.services.checks import CHECKS


@pytest.fixture
def cycled(services, admin, catalog, customer):
    """One order through the whole cycle: placed, picked, packed, shipped, invoiced and paid."""
    order = services.orders.place_order(admin, customer.id, [("LAMP-01", 2), ("BOOK-01", 1)])
    pick_list = services.picking.create_pick_list(admin, [order.number])
    services.picking.confirm_picks(admin, pick_list.number)
    services.shipping.pack_order(admin, order.number, carrier="DHL", carrier_ref="JD0001")
    services.shipping.ship_order(admin, order.id)
    invoice = services.billing.issue_invoice(admin, order.id, render=False)
    services.receivables.record_payment(admin, order.id, str(invoice.total), "cash")
    services.promotions.create_coupon(admin, "CYCLE10", percent="10", uses="1")
    services.orders.place_order(admin, customer.id, [("BULB-E27", 1)], coupon="cycle10")
    return order


def oms_check(db_url, monkeypatch, capsys, tmp_path, *args, user="admin", password="admin-pw"):
    monkeypatch.setenv("OMS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("OMS_PASSWORD", password)
    capsys.readouterr()
    code = cli.main(["--database", db_url, "--user", user, "--json", "check", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out else None, err


def tamper(backend, statement: str) -> None:
    with backend.engine.begin() as c:
        c.execute(text(statement))


def test_a_whole_cycle_passes_every_check(backend, services, admin, cycled, db_url, monkeypatch, capsys, tmp_path):
    results = services.checks.run(admin)
    assert [r.name for r in results] == list(CHECKS) == ["stock", "ledger", "open-accounts", "invoice-numbers",
                                                        "coupons", "invoice-adjustments", "backorders", "sales",
                                                        "till"]
    assert [r.problems for r in results] == [()] * len(CHECKS)
    code, doc, err = oms_check(db_url, monkeypatch, capsys, tmp_path)
    assert (code, err, doc["ok"]) == (0, "", True)
    assert [c["name"] for c in doc["checks"]] == list(CHECKS)


@pytest.mark.parametrize("statement, failing, named", [
    ("UPDATE stock SET on_hand = on_hand + 1 WHERE product_id = (SELECT id FROM products WHERE sku = 'LAMP-01')",
     "stock", "LAMP-01: on hand 9, reserved 0; its moves add up to on hand 8"),
    ("INSERT INTO ledger_postings (entry_id, account, amount_minor) SELECT max(id), 'Assets:Bank', 1 "
     "FROM ledger_entries", "ledger", "does not balance (off by 1)"),
    ("UPDATE invoice_counters SET last_number = last_number + 1 WHERE series = 'INV'",
     "invoice-numbers", "INV: 1 number(s) drawn but not issued, first INV-000002"),
    ("INSERT INTO coupons (code, effect, percent_bp, amount_minor, min_total_minor, uses, max_uses, batch, active, "
     "created_at) VALUES ('GHOST', 'percent', 1000, 0, 0, 1, 1, '', TRUE, CURRENT_TIMESTAMP)",
     "coupons", "coupon GHOST: 1 use(s) counted, 0 redemption(s) recorded"),
    ("INSERT INTO invoice_adjustments (invoice_id, seq, kind, label, tax_rate_bp, amount_minor, net_minor, tax_minor) "
     "VALUES (1, 1, 'incentive', 'Sorry for the wait', 1900, -100, -100, -19)",
     "invoice-adjustments", "INV-000001 bills allowance or charge 1, which SO-000001 does not have"),
    ("UPDATE sales_facts SET units = units + 1, net_minor = net_minor - 1 "
     "WHERE product_id = (SELECT id FROM products WHERE sku = 'LAMP-01')",
     "sales", "LAMP-01 (phone, agent admin): the facts say units 3, net 3997, orders 1, returned units 0, returned "
              "value 0; the documents say units 2, net 3998, orders 1"),
    ("INSERT INTO backorders (order_id, product_id, sku, name, quantity, status, reason, created_at, updated_at) "
     "SELECT 1, id, sku, name, 2, 'waiting', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM products "
     "WHERE sku = 'LAMP-01'", "backorders", "SO-000001 is "),
    ("DELETE FROM sales_day_facts", "sales",
     "all products (phone, agent admin): the facts say units 0, net 0, orders 0"),
])
def test_a_change_behind_the_services_back_is_named_by_its_check_and_exits_3(
        backend, services, admin, cycled, db_url, monkeypatch, capsys, tmp_path, statement, failing, named):
    tamper(backend, statement)
    found = {r.name: r.problems for r in services.checks.run(admin)}
    assert [name for name, problems in found.items() if problems] == [failing]
    assert any(named in problem for problem in found[failing]), found[failing]
    code, doc, _ = oms_check(db_url, monkeypatch, capsys, tmp_path)
    assert code == 3 and doc["ok"] is False
    assert [c["name"] for c in doc["checks"] if not c["ok"]] == [failing]
    code, doc, _ = oms_check(db_url, monkeypatch, capsys, tmp_path, "stock" if failing != "stock" else "ledger")
    assert (code, doc["ok"]) == (0, True)  # the other checks, run alone, pass


def test_an_unknown_check_is_bad_input_and_a_clerk_may_not_run_them(services, users, db_url, monkeypatch, capsys,
                                                                    tmp_path):
    code, _, err = oms_check(db_url, monkeypatch, capsys, tmp_path, "stcok")
    assert code == 2 and "no check named stcok" in err and "stock" in err
    code, _, err = oms_check(db_url, monkeypatch, capsys, tmp_path, user="warehouse", password="warehouse-pw")
    assert code == 4 and "may not run the integrity checks" in err
