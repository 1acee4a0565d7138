"""Merging duplicate customers (issue 16): one transaction moves orders, carts, payments and credit, phones,
addresses and the e-mail to the customer kept, audited; the duplicate is found no more and takes no orders; a merge
that cannot be done is refused with its reason and changes nothing (SQLite and PostgreSQL)."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from oms_desktop.domain.errors import BusinessRuleViolation, NotFound, PermissionDenied, ValidationFailed
from tests.helpers.dumps import dump


@pytest.fixture
def twins(catalog, customer, admin):
    """Anna Schmidt (kept) and her duplicate 'A. Schmidt', typed in again by an agent with another phone, her
    e-mail and an office address; the duplicate has a paid and invoiced order with credit, and an open cart."""
    s = catalog
    dup = s.customers.add_customer(admin, "A. Schmidt", ["0171 5550100", "030 1234567"], "",
                                   "Hauptstr. 1\n10115 Berlin", "Büro, Am Markt 7\n04109 Leipzig",
                                   notes="prefers mornings")
    s.customers.add_address(admin, dup.id, "Office", "A. Schmidt\nAm Markt 7\n04109 Leipzig")
    s.customers.add_address(admin, customer.id, "office", "Anna Schmidt\nKantstr. 3\n10623 Berlin")
    order = s.orders.place_order(admin, dup.id, [("LAMP-01", 1)])
    s.billing.issue_invoice(admin, order.number, what="all", render=False)
    s.receivables.record_payment(admin, order.number, order.total + Decimal("5.00"), "bank")
    cart = s.orders.create_draft(admin, dup.id)
    own = s.orders.place_order(admin, customer.id, [("BULB-E27", 2)])
    return s, customer, dup, order, cart, own


def test_a_merge_moves_orders_carts_payments_phones_and_addresses_to_the_customer_kept(twins, admin, backend):
    s, keep, dup, order, cart, own = twins
    balance = s.receivables.customer_balance(admin, keep.id) + s.receivables.customer_balance(admin, dup.id)
    r = s.customers.merge_customers(admin, keep.id, dup.id)

    assert (r.orders, r.carts, r.payments, r.invoices) == (1, 1, 1, 1)
    assert r.phones == ("030 1234567",)  # 0171 5550100 is Anna's number already, in another format
    mine = {o.number for o in s.orders.list_orders(admin, customer_id=keep.id)}
    assert mine == {order.number, cart.number, own.number}
    assert s.orders.list_orders(admin, customer_id=dup.id) == []
    assert s.receivables.customer_balance(admin, keep.id) == balance  # the credit came along
    assert s.receivables.customer_balance(admin, dup.id) == 0
    kept = s.customers.get_customer(admin, keep.id)
    assert kept.phones == ("0171 555-0100", "030 1234567")
    assert sorted(a.label for a in kept.addresses) == [f"From {dup.number}", f"Office ({dup.number})", "office"]
    assert "Merged from " + dup.number in kept.notes and "prefers mornings" in kept.notes
    # the moved cart has a new version: a screen that still shows the old one is told instead of writing over it
    moved_cart = s.orders.get_order(admin, cart.number)
    assert moved_cart.customer_id == keep.id and moved_cart.version == cart.version + 1
    # the duplicate is found no more, by name, phone or number; its number leads to the customer kept
    assert [c.id for c in s.customers.find_customers(admin, "Schmidt")] == [keep.id]
    assert [c.id for c in s.customers.find_customers(admin, "030 1234567")] == [keep.id]
    assert s.customers.resolve(admin, "0171 555 0100").id == keep.id
    assert s.customers.resolve(admin, dup.number).id == keep.id
    assert s.customers.get_customer(admin, dup.id).merged_into == keep.id
    with pytest.raises(BusinessRuleViolation, match=f"merged into {keep.number}"):
        s.orders.create_draft(admin, dup.id)
    with pytest.raises(BusinessRuleViolation, match=f"merged into {keep.number}"):
        s.orders.place_order(admin, dup.id, [("LAMP-01", 1)])
    # the invoice issued to the duplicate is as it was (issued documents never change)
    assert s.billing.list_invoices(admin)[0].customer_name == "A. Schmidt"
    audit = backend.engine.connect().exec_driver_sql(
        "SELECT old_values, new_values FROM audit_log WHERE action = 'customer.merge'").all()
    assert len(audit) == 1
    old, new = (json.loads(x) for x in audit[0])
    assert old["duplicate"] == dup.number and new["moved"]["orders"] == 1 and new["moved"]["carts"] == 1
    assert [c.name for c in s.checks.run(admin) if not c.ok] == []


def test_the_customer_kept_gets_the_duplicates_email_when_it_has_none_and_its_opt_out(catalog, admin):
    s = catalog
    keep = s.customers.add_customer(admin, "Jörg Müller", ["030 555 1212"])
    dup = s.customers.add_customer(admin, "Joerg Mueller", ["0160 9876543"], "joerg@example.org")
    s.customers.set_mail(admin, dup.id, mail=False)
    s.customers.merge_customers(admin, keep.id, dup.id)
    kept = s.customers.get_customer(admin, keep.id)
    assert (kept.email, kept.mail) == ("joerg@example.org", False)
    assert [c.id for c in s.customers.find_customers(admin, "joerg@ex")] == [keep.id]


def test_a_merge_that_cannot_be_done_is_refused_and_changes_nothing(twins, users, admin, backend):
    s, keep, dup, *_ = twins
    third = s.customers.add_customer(admin, "Anna S.", ["040 333 444"])
    before = dump(backend.engine)
    with pytest.raises(ValidationFailed, match="are the same"):
        s.customers.merge_customers(admin, keep.id, keep.id)
    with pytest.raises(NotFound, match="no customer number 999"):
        s.customers.merge_customers(admin, keep.id, 999)
    for role in ("agent", "counter", "warehouse"):
        with pytest.raises(PermissionDenied, match="may not merge customers"):
            s.customers.merge_customers(users[role], keep.id, dup.id)
    assert dump(backend.engine) == before
    s.customers.merge_customers(users["accountant"], keep.id, dup.id)
    before = dump(backend.engine)
    with pytest.raises(BusinessRuleViolation, match=f"was merged into {keep.number} already"):
        s.customers.merge_customers(admin, keep.id, dup.id)
    with pytest.raises(BusinessRuleViolation, match=f"was merged into {keep.number} already"):
        s.customers.merge_customers(admin, dup.id, third.id)
    assert dump(backend.engine) == before


def test_the_cli_merges_and_exits_by_the_kind_of_refusal(cli_shop):
    oms = cli_shop
    assert oms.admin("customer", "add", "--name", "Anna Schmitt", "--phone", "030 1234567")[0] == 0
    assert oms.admin("order", "place", "--customer", "2", "--line", "LAMP-01=1")[0] == 0
    code, out, err = oms("customer", "merge", "1", "2", user="agent")
    assert code == 4 and "may not merge customers" in err
    assert oms.admin("customer", "merge", "1", "1")[0] == 2
    assert oms.admin("customer", "merge", "1", "C000077")[0] == 2
    code, out, err = oms("--json", "customer", "merge", "C000001", "030 1234567", user="admin")
    assert code == 0, err
    doc = json.loads(out)
    assert (doc["kept"]["id"], doc["duplicate_id"], doc["orders"]) == (1, 2, 1)
    code, out, err = oms.admin("customer", "merge", "1", "2")
    assert code == 3 and "merged into C000001 already" in err


@pytest.mark.parametrize("db_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_a_cart_opened_while_the_customer_is_being_merged_waits_and_is_then_refused(twins, admin, backend):
    """PostgreSQL: the merge holds the duplicate's row FOR UPDATE; a cart taken for it meanwhile reads the row FOR
    SHARE, so it waits for the merge and then sees it (without the lock it would keep the duplicate's id)."""
    import threading

    from sqlalchemy import text
    s, keep, dup, *_ = twins
    outcome: list = []
    with backend.engine.connect() as merging:
        merging.execute(text("SELECT id FROM customers WHERE id = :id FOR UPDATE"), {"id": dup.id})

        def open_cart() -> None:
            try:
                outcome.append(s.orders.create_draft(admin, dup.id))
            except BusinessRuleViolation as e:
                outcome.append(e)
        worker = threading.Thread(target=open_cart)
        worker.start()
        worker.join(1.0)
        assert worker.is_alive() and outcome == []  # it waits for the merge
        merging.execute(text("UPDATE customers SET merged_into_id = :k WHERE id = :d"), {"k": keep.id, "d": dup.id})
        merging.commit()
    worker.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], BusinessRuleViolation), outcome
    assert f"merged into {keep.number}" in str(outcome[0])
