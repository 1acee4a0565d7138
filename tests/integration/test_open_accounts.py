"""The set of open accounts (``open_accounts``) that the accounts queue reads instead of scanning every order: each
change that opens or closes an order's account keeps it right (on SQLite and PostgreSQL), migration 0008 fills it
from the documents already there and its downgrade removes it, and neither the queue's query nor the per-change
refresh reads a whole table (EXPLAIN, as in test_query_plans.py)."""
from __future__ import annotations

from datetime import timedelta

import pytest
from alembic import command
from sqlalchemy import inspect, text

from oms_desktop.adapters.db.engine import make_engine
from oms_desktop.adapters.db.migrate import _config, current_revision, head_revision, upgrade
from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from tests.helpers.plans import captured, full_scans

pytestmark = pytest.mark.fresh_statistics  # their plans on a fresh database's statistics

CATALOG = (b"sku,name,unit_price,tax_rate,on_hand\nLAMP-01,Desk lamp,19.99,0.19,50\n"
           b"BULB-E27,LED bulb,3.49,0.19,50\nBOOK-01,Guide,12.00,0.07,50\n")
HISTORY = ("orders", "order_lines", "customers", "invoices", "invoice_lines", "payments", "shipments",
           "shipment_lines", "returns")


def kept(engine) -> dict[int, str]:
    """order id -> its reasons in open_accounts, e.g. 'unsettled+shipped_not_invoiced'."""
    with engine.connect() as c:
        rows = c.execute(text("SELECT order_id, unsettled, paid_not_invoiced, shipped_not_invoiced "
                              "FROM open_accounts ORDER BY order_id")).all()
    names = ("unsettled", "paid_not_invoiced", "shipped_not_invoiced")
    return {r[0]: "+".join(n for n, f in zip(names, r[1:]) if f) for r in rows}


def ship(s, admin, oid, found=None):
    pick = s.picking.create_pick_list(admin, [oid])
    s.picking.confirm_picks(admin, pick.id, found, default_reason="not at the location")
    s.shipping.pack_order(admin, oid, carrier="DHL", carrier_ref=f"JD{pick.id}")
    s.shipping.ship_order(admin, oid)


@pytest.fixture
def shop(services, admin):
    services.catalog.import_catalog(admin, CATALOG)
    for n in range(3):
        services.customers.add_customer(admin, f"Customer {n}", [f"0171 555-01{n:02d}"], f"c{n}@example.com")
    return services


def test_every_change_that_opens_or_closes_an_account_keeps_the_set(backend, shop, admin):
    s, eng = shop, backend.engine

    def check(expected: dict[int, str]) -> None:
        assert kept(eng) == expected
        assert s.ledger.open_accounts_problems() == []

    # A counter sale paid at once waits for its invoice; the invoice settles it and its row goes.
    a = s.orders.place_order(admin, None, [("LAMP-01", 1)]).id
    check({})
    s.receivables.record_payment(admin, a, "23.79", "cash")
    check({a: "unsettled+paid_not_invoiced"})
    s.billing.issue_invoice(admin, a)
    check({})

    # A short pick ships in part (waiting for an invoice), is invoiced in part (awaiting payment), its backorder
    # ships (waiting again), is invoiced and paid (closed); a return and its credit note leave a credit, refunded.
    b = s.orders.place_order(admin, 1, [("LAMP-01", 2), ("BULB-E27", 3)]).id
    ship(s, admin, b, {"LAMP-01": 1})
    check({b: "shipped_not_invoiced"})
    first = s.billing.issue_invoice(admin, b, what="shipped")
    check({b: "unsettled"})
    ship(s, admin, b)
    check({b: "unsettled+shipped_not_invoiced"})
    s.billing.issue_invoice(admin, b, what="shipped")
    check({b: "unsettled"})
    total = s.receivables.order_account(admin, b).invoiced
    s.receivables.record_payment(admin, b, total, "bank")
    check({})
    s.returns.receive_return(admin, b, "LAMP-01", 1, "restock", "broken")
    check({})  # the unit came back, but it stays invoiced until a credit note: nothing to do for accounts yet
    note = s.billing.issue_credit_note(admin, first.number, [("LAMP-01", 1)], reason="returned")
    check({b: "unsettled"})  # a credit in the customer's favour
    s.receivables.refund(admin, b, note.total, "bank")
    check({})

    # Paid, then cancelled: no longer waiting for an invoice, but the money is owed back until it is refunded.
    c = s.orders.place_order(admin, 2, [("BOOK-01", 1)]).id
    s.receivables.record_payment(admin, c, "5.00", "card")
    check({c: "unsettled+paid_not_invoiced"})
    s.orders.cancel_order(admin, c, "changed their mind")
    check({c: "unsettled"})
    s.receivables.refund(admin, c, "5.00", "card")
    check({})

    # Shipped and sent back in full before any invoice: nothing left to invoice.
    d = s.orders.place_order(admin, 3, [("BOOK-01", 2)]).id
    ship(s, admin, d)
    s.shipping.deliver_order(admin, d)
    check({d: "shipped_not_invoiced"})
    s.returns.receive_return(admin, d, "BOOK-01", 2, "damaged", "wet")
    check({})

    # The queue lists exactly these groups (one order each way).
    e = s.orders.place_order(admin, 3, [("BULB-E27", 1)]).id
    s.billing.issue_invoice(admin, e)
    s.receivables.record_payment(admin, e, "1.00", "cash")
    f = s.orders.place_order(admin, 3, [("BULB-E27", 1)]).id
    ship(s, admin, f)
    check({e: "unsettled", f: "shipped_not_invoiced"})
    today = s.receivables.order_account(admin, e).invoices[0].issue_date
    q = s.receivables.queue(admin, today=today + timedelta(days=20))
    assert [(i.order_id, i.days_overdue, i.open_amount) for i in q.overdue] == [(e, 6, q.overdue[0].total - 1)]
    assert [i.order_id for i in q.shipped_not_invoiced] == [f]
    assert q.waiting_invoice == q.awaiting_payment == q.customer_credit == ()


def test_the_consistency_check_notices_a_set_out_of_step(backend, shop, admin):
    # Guards the check the tests rely on: a row missing, a row too many and a wrong reason are all reported.
    paid = shop.orders.place_order(admin, None, [("LAMP-01", 1)]).id
    shop.receivables.record_payment(admin, paid, "1.00", "cash")
    other = shop.orders.place_order(admin, None, [("LAMP-01", 1)]).id
    assert shop.ledger.open_accounts_problems() == []
    with backend.engine.begin() as c:
        c.execute(text("UPDATE open_accounts SET paid_not_invoiced = :f WHERE order_id = :o"),
                  {"f": False, "o": paid})
        c.execute(text("INSERT INTO open_accounts VALUES (:o, :t, :f, :f)"), {"o": other, "t": True, "f": False})
    assert shop.ledger.open_accounts_problems() == [
        f"SO-{paid:06d}: open accounts say unsettled, its documents unsettled, paid_not_invoiced",
        f"SO-{other:06d}: open accounts say unsettled, its documents closed"]
    with backend.engine.begin() as c:
        c.execute(text("UPDATE open_accounts SET unsettled = :f WHERE order_id = :o"), {"f": False, "o": other})
        c.execute(text("DELETE FROM open_accounts WHERE order_id = :o"), {"o": paid})
    assert kept(backend.engine) == {}  # the trigger took the row whose reasons all went false
    assert shop.ledger.open_accounts_problems() == [
        f"SO-{paid:06d}: open accounts say closed, its documents unsettled, paid_not_invoiced"]


def explain(backend, statement, params) -> str:
    """The plan of one statement; PostgreSQL is told to avoid sequential scans (on tables this small it would scan
    anyway, and the question is whether an index *can* serve the query)."""
    with backend.engine.connect() as conn:
        if backend.engine.dialect.name == "sqlite":
            plan = "\n".join(r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all())
        else:
            conn.exec_driver_sql("SET enable_seqscan = off")
            plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, params).all())
        conn.rollback()
    return plan


def test_the_queue_and_the_refresh_read_only_through_keys_and_indexes(backend, shop, admin):
    s = shop
    for n in range(4):  # some history: invoiced and paid, shipped, open
        oid = s.orders.place_order(admin, n + 1 if n < 3 else None, [("LAMP-01", 1), ("BULB-E27", 1)]).id
        ship(s, admin, oid)
        if n % 2:
            s.billing.issue_invoice(admin, oid)
    with backend.engine.begin() as c:  # and years of closed orders: the set is a small part of the orders
        row = dict(c.execute(text("SELECT * FROM orders WHERE id = :o"), {"o": oid}).mappings().one())
        del row["id"]
        c.execute(text(f"INSERT INTO orders ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)})"),
                  [{**row, "tracking_number": f"HIST{n:06d}", "status": "delivered"} for n in range(3000)])
    if backend.engine.dialect.name == "postgresql":
        with backend.engine.connect() as c:
            c.exec_driver_sql("ANALYZE")  # as autovacuum keeps the statistics of a shop's database
            c.commit()
    with captured(backend.engine) as seen:
        queue = s.receivables.queue(admin)
    assert queue.shipped_not_invoiced and queue.awaiting_payment  # the query found rows
    (query,) = [(st, p) for st, p in seen if st.lstrip().upper().startswith("SELECT")]
    plan = explain(backend, *query)
    assert full_scans(plan, HISTORY) == [], plan
    if backend.engine.dialect.name == "sqlite":  # the set is read, each of its orders found by key
        assert plan.startswith("SCAN open_accounts\nSEARCH orders USING INTEGER PRIMARY KEY"), plan
    else:
        assert "Index Cond: (id = open_accounts.order_id)" in plan, plan
        assert "using pk_orders on orders" in plan and "Backward using pk_orders" not in plan, plan
    oid = s.orders.place_order(admin, 1, [("LAMP-01", 1)]).id
    with captured(backend.engine) as seen:
        s.receivables.record_payment(admin, oid, "1.00", "cash")
    (refresh,) = [(st, p) for st, p in seen if st.lstrip().upper().startswith("INSERT INTO OPEN_ACCOUNTS")]
    plan = explain(backend, *refresh)
    assert "ix_invoices_order_id" in plan and "ix_shipments_order_id" in plan and "ix_returns_order_id" in plan
    assert full_scans(plan, HISTORY + ("open_accounts",)) == [], plan


def test_the_bench_seeds_an_accounts_history_whose_open_accounts_are_kept(backend, admin):
    from oms_desktop.devtools.bench import OPEN_EVERY, SCALES, Scale, seed
    sc = SCALES["small"]
    sc = Scale(**{**sc.__dict__, "orders": OPEN_EVERY + 900})  # past OPEN_EVERY: some orders of each kind twice
    backend.engine.dispose()  # the seeding writes alone, through its own connection
    done = seed(backend.url, sc, admin.user_id)
    assert done["orders"] == OPEN_EVERY + 900
    s = backend.services
    assert s.ledger.open_accounts_problems() == []  # the set the bench wrote is the one the documents make
    with backend.engine.connect() as c:
        counts = {t: c.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                  for t in ("invoices", "payments", "shipments", "returns", "open_accounts")}
    assert counts["invoices"] > 0.8 * sc.orders and counts["payments"] > 0.8 * sc.orders and counts["returns"]
    assert 5 <= counts["open_accounts"] <= 10
    q = s.receivables.queue(admin)
    assert q.waiting_invoice and q.overdue and q.customer_credit and q.shipped_not_invoiced


# ---- migration 0008 -------------------------------------------------------------------------------------------

def test_0008_fills_the_set_from_the_documents_and_its_downgrade_removes_it(empty_db_url, paths):
    backend = open_backend(empty_db_url, paths=paths, hasher=fast_test_hasher())
    try:
        s = backend.services
        s.auth.add_user(None, "admin", "admin", "admin-pw")
        admin = s.auth.actor_for("admin")
        s.catalog.import_catalog(admin, CATALOG)
        paid = s.orders.place_order(admin, None, [("LAMP-01", 1)]).id
        s.receivables.record_payment(admin, paid, "30.00", "cash")
        part = s.orders.place_order(admin, None, [("LAMP-01", 2), ("BULB-E27", 1)]).id
        ship(s, admin, part, {"LAMP-01": 1, "BULB-E27": 1})
        s.billing.issue_invoice(admin, part)
        ship(s, admin, part)  # the backorder: shipped, not invoiced, and the first invoice is unpaid
        done = s.orders.place_order(admin, None, [("BOOK-01", 1)]).id
        inv = s.billing.issue_invoice(admin, done)
        s.receivables.record_payment(admin, done, inv.total, "bank")
        cancelled = s.orders.place_order(admin, None, [("BOOK-01", 1)]).id
        s.receivables.record_payment(admin, cancelled, "2.00", "cash")
        s.orders.cancel_order(admin, cancelled)
        before = kept(backend.engine)
        assert before == {paid: "unsettled+paid_not_invoiced", part: "unsettled+shipped_not_invoiced",
                          cancelled: "unsettled"}
    finally:
        backend.dispose()

    engine = make_engine(empty_db_url)
    try:
        with engine.begin() as conn:
            command.downgrade(_config(conn), "0007")
        assert current_revision(engine) == "0007"
        assert "open_accounts" not in inspect(engine).get_table_names()
        with engine.connect() as c:  # the documents are all still there
            assert c.execute(text("SELECT count(*) FROM invoices")).scalar_one() == 2
        assert upgrade(engine, paths.backups) is True
        assert current_revision(engine) == head_revision()
        assert kept(engine) == before  # rebuilt from the documents by the backfill
        with engine.begin() as c:  # the trigger is back: a row whose reasons all go false is deleted
            c.execute(text("UPDATE open_accounts SET unsettled = :f WHERE order_id = :o"),
                      {"f": False, "o": cancelled})
        assert set(kept(engine)) == {paid, part}
    finally:
        engine.dispose()
    backend = open_backend(empty_db_url, paths=paths, hasher=fast_test_hasher())
    try:
        problems = backend.services.ledger.open_accounts_problems()
        assert problems == [f"SO-{cancelled:06d}: open accounts say closed, its documents unsettled"]
    finally:
        backend.dispose()
