"""Till sessions on SQLite and PostgreSQL: payments taken while a till is open join its session, close books the
over or short in the ledger, the Z report adds up (as a DTO, in the journal and on paper), bad input and roles."""
from __future__ import annotations

import json
import threading
from dataclasses import replace
from decimal import Decimal

import pytest

from oms_desktop.domain.errors import BusinessRuleViolation, NotFound, PermissionDenied, ValidationFailed
from oms_desktop.domain.ledger import Account
from tests.helpers.journal_tools import bean_check, require_hledger
from tests.helpers.money_text import on_paper
from tests.helpers.pdf_tools import page_size_mm, pdf_to_text, require_tools


def _ledger_checks_clean(services, admin) -> None:
    results = {r.name: r.problems for r in services.checks.run(admin)}
    assert all(not problems for problems in results.values()), results


def _balances(services, admin) -> dict[str, Decimal]:
    return {r.account: r.balance for r in services.ledger.trial_balance(admin).rows}


def _counter_day(services, users):
    """A counter session on till FRONT: a float of 100.00, a cash sale, a card sale, an overpayment refunded in
    cash by the accountant through the till, a bank payment (never a till's), 20.00 in and 50.00 out."""
    counter, accountant = users["counter"], users["accountant"]
    session = services.till.open(counter, "front", "100.00")
    cash_order = services.orders.place_order(counter, None, [("BOOK-01", 2)])
    card_order = services.orders.place_order(counter, None, [("LAMP-01", 1)])
    bank_order = services.orders.place_order(counter, None, [("BULB-E27", 1)])
    paid_cash = cash_order.total + Decimal("4.32")  # handed over more; the rest is refunded in cash
    services.receivables.record_payment(counter, cash_order.id, paid_cash, "cash")
    services.receivables.record_payment(counter, card_order.id, card_order.total, "card", card_last4="4242")
    services.receivables.record_payment(counter, bank_order.id, bank_order.total, "bank")
    services.receivables.refund(accountant, cash_order.id, "4.32", "cash", till="FRONT")
    services.till.cash_in(counter, "FRONT", "20.00", "change from the bank")
    services.till.cash_out(counter, "FRONT", "50.00", "drop to the safe")
    return session, cash_order, card_order, paid_cash


def test_payments_at_an_open_till_join_its_session_and_close_books_the_short(services, users, catalog):
    counter, admin = users["counter"], users["admin"]
    session, cash_order, card_order, paid_cash = _counter_day(services, users)
    assert session.till == "FRONT" and session.state == "open" and session.number == "Z-000001"
    # a payment by someone with no till open joins no session
    other = services.orders.place_order(admin, None, [("BULB-E27", 2)])
    services.receivables.record_payment(admin, other.id, other.total, "cash")

    x = services.till.current(counter, "FRONT")
    assert x is not None and x.state == "open"
    expected_cash = Decimal("100.00") + paid_cash - Decimal("4.32") + Decimal("20.00") - Decimal("50.00")
    assert x.method("cash").expected == expected_cash
    assert x.method("card").expected == card_order.total
    before = _balances(services, admin)

    z = services.till.close(counter, "FRONT", {"cash": str(expected_cash - Decimal("1.50")),
                                               "card": str(card_order.total)})
    assert z.state == "closed" and z.closed_by == "counter" and z.number == session.number
    cash = z.method("cash")
    assert (cash.payments, cash.refunds, cash.expected) == (paid_cash, Decimal("4.32"), expected_cash)
    assert cash.counted == expected_cash - Decimal("1.50") and cash.difference == Decimal("-1.50")
    assert z.method("card").payments == card_order.total and z.method("card").difference == Decimal("0.00")
    assert z.payments_total == paid_cash + card_order.total  # the bank payment and admin's cash are not the till's
    assert z.orders_paid == 2 and z.sales == cash_order.total + card_order.total
    assert (z.cash_in, z.cash_out, z.over_short) == (Decimal("20.00"), Decimal("50.00"), Decimal("-1.50"))
    assert [(m.kind, m.amount, m.reason) for m in z.movements] == [
        ("in", Decimal("20.00"), "change from the bank"), ("out", Decimal("50.00"), "drop to the safe")]

    after = _balances(services, admin)
    assert after.get(Account.CASH_SHORT.value, 0) - before.get(Account.CASH_SHORT.value, 0) == Decimal("1.50")
    assert after[Account.CASH.value] - before[Account.CASH.value] == Decimal("-1.50")
    assert after[Account.CASH_IN_TRANSIT.value] == Decimal("30.00")  # 50 out less 20 in, waiting to be cleared
    journal = services.ledger.journal(admin, limit=None)
    assert [e.kind for e in journal if e.kind.startswith("till")].count("till_close") == 1
    _ledger_checks_clean(services, admin)

    same = [replace(services.till.report(users["accountant"], ref), printed_at=z.printed_at)
            for ref in ("Z-000001", "z1", 1, "FRONT")]  # by number, by id, by till (its last session today)
    assert same == [replace(z, locale=z.locale)] * 4
    till_events = [e.event for e in services.events.since(admin, 0) if e.kind.startswith("till_")]
    assert [(type(e).__name__, e.session) for e in till_events] == [
        ("TillOpened", "Z-000001"), ("TillCashMoved", "Z-000001"), ("TillCashMoved", "Z-000001"),
        ("TillClosed", "Z-000001")]
    assert (till_events[-1].over_short, till_events[-1].counted_cash) == ("-1.50", str(expected_cash - Decimal("1.50")))
    listed = services.till.sessions(users["accountant"])
    assert [(s.number, s.state, s.difference, s.counted_cash) for s in listed] == [
        ("Z-000001", "closed", Decimal("-1.50"), expected_cash - Decimal("1.50"))]


def test_a_till_over_books_income_and_one_open_session_per_till(services, users, catalog):
    counter, manager, admin = users["counter"], users["manager"], users["admin"]
    services.till.open(counter, "FRONT", "50")
    with pytest.raises(BusinessRuleViolation, match="FRONT is open already"):
        services.till.open(manager, "Front", "10.00")
    services.till.open(manager, "BACK", "0")  # another till opens alongside
    order = services.orders.place_order(manager, None, [("LAMP-01", 1)])
    services.receivables.record_payment(manager, order.id, order.total, "cash")  # manager's own till: BACK
    assert services.till.current(manager, "BACK").method("cash").payments == order.total
    assert services.till.current(counter, "FRONT").method("cash").payments == Decimal("0.00")

    z = services.till.close(counter, "FRONT", {"cash": "52.00", "card": "3.00"})  # 2.00 cash, 3.00 card over
    assert z.method("cash").difference == Decimal("2.00") and z.method("card").difference == Decimal("3.00")
    assert z.over_short == Decimal("5.00")
    assert _balances(services, admin)[Account.CASH_OVER.value] == Decimal("-5.00")  # income: a credit
    even = services.till.close(manager, "BACK", {"cash": str(order.total)})
    assert even.over_short == Decimal("0.00")
    services.till.open(counter, "FRONT", "50")  # a closed till opens again as a new session
    assert [s.number for s in services.till.sessions(admin)] == ["Z-000001", "Z-000002", "Z-000003"]
    _ledger_checks_clean(services, admin)


def test_bad_input_is_refused_listing_every_problem_and_changes_nothing(services, users, catalog):
    counter, admin = users["counter"], users["admin"]
    with pytest.raises(ValidationFailed) as refused:
        services.till.open(counter, "FRONT", "-5.00")
    assert refused.value.problems == ["the float must not be negative (got -5.00)"]
    with pytest.raises(ValidationFailed) as refused:
        services.till.open(counter, " ", "1.234")
    assert len(refused.value.problems) == 2 and "name" in refused.value.problems[0]
    assert services.till.sessions(admin) == []
    with pytest.raises(BusinessRuleViolation, match="FRONT is not open"):
        services.till.cash_in(counter, "FRONT", "5", "change")

    services.till.open(counter, "FRONT", "10.00")
    with pytest.raises(ValidationFailed) as refused:
        services.till.cash_in(counter, "FRONT", "0", "")
    assert refused.value.problems == ["the amount must be more than zero",
                                      "say why the cash moves (a reason, e.g. 'change from the bank' or 'drop to "
                                      "the safe')"]
    with pytest.raises(BusinessRuleViolation, match="only 10.00 EUR"):
        services.till.cash_out(counter, "FRONT", "10.01", "to the safe")
    with pytest.raises(ValidationFailed) as refused:
        services.till.close(counter, "FRONT", {"card": "x", "bank": "3"})
    assert len(refused.value.problems) == 3  # card not a number, bank is no till's, cash not counted
    assert services.till.current(counter, "FRONT").movements == ()

    services.till.close(counter, "FRONT", {"cash": "10.00"})
    with pytest.raises(BusinessRuleViolation, match="FRONT is not open"):
        services.till.close(counter, "FRONT", {"cash": "10.00"})  # closing twice
    order = services.orders.place_order(counter, None, [("LAMP-01", 1)])
    with pytest.raises(BusinessRuleViolation, match="Till FRONT is not open"):
        services.receivables.record_payment(counter, order.id, order.total, "cash", till="FRONT")
    assert services.receivables.order_account(admin, order.id).payments == ()
    assert [e.kind for e in services.ledger.journal(admin, limit=None)].count("till_close") == 0  # all even
    with pytest.raises(NotFound):
        services.till.report(admin, "Z-000042")
    _ledger_checks_clean(services, admin)


def test_counter_and_managers_operate_accountants_read_others_are_refused(services, users, catalog):
    services.till.open(users["counter"], "FRONT", "10")
    for role in ("agent", "accountant", "warehouse"):
        with pytest.raises(PermissionDenied, match=f"{role} \\({role}\\) may not"):
            services.till.cash_in(users[role], "FRONT", "1", "change")
    assert services.till.report(users["accountant"], "FRONT").state == "open"
    for role in ("agent", "warehouse"):
        with pytest.raises(PermissionDenied):
            services.till.sessions(users[role])
    services.till.close(users["manager"], "FRONT", {"cash": "10"})


def test_the_z_report_pdf_is_80_mm_and_its_figures_are_the_reports(services, users, catalog):
    require_tools("pdftotext", "pdfinfo")
    session, cash_order, card_order, paid_cash = _counter_day(services, users)
    z = services.till.close(users["counter"], "FRONT", {"cash": "170.00"})
    pdf = services.till.report_pdf(users["accountant"], session.number)
    width, _height = page_size_mm(pdf)
    assert round(width) == 80
    text = pdf_to_text(pdf)
    cash = z.method("cash")
    assert "Z REPORT" in text and "Session Z-000001" in text and "Till FRONT" in text
    assert f"Orders paid 2 Order totals {on_paper(str(z.sales))}" in text
    assert f"Cash {on_paper(str(cash.payments))} Card {on_paper(str(card_order.total))}" in text
    assert f"Total payments {on_paper(str(z.payments_total))}" in text
    assert f"Cash refunds {on_paper('4.32')}" in text and f"Total refunds {on_paper('4.32')}" in text
    assert f"+ change from the bank +{on_paper('20.00')}" in text
    assert f"- drop to the safe -{on_paper('50.00')}" in text
    assert (f"Float {on_paper('100.00')} + Cash payments {on_paper(str(paid_cash))} - Cash refunds "
            f"{on_paper('4.32')} + Cash in {on_paper('20.00')} - Cash out {on_paper('50.00')} = Expected cash "
            f"{on_paper(str(cash.expected))} Counted cash {on_paper('170.00')}") in text
    difference = Decimal("170.00") - cash.expected
    assert f"Cash over/short {on_paper(str(difference))}" in text
    assert f"OVER/SHORT {on_paper(str(z.over_short))}" in text
    # the paper's expected cash is what float, payments, refunds and movements add up to
    assert cash.expected == z.float_amount + cash.payments - cash.refunds + z.cash_in - z.cash_out
    x = pdf_to_text(services.till.report_pdf(users["counter"], "FRONT"))
    assert "Z REPORT" in x  # today's last session of FRONT, closed


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_till_commands_answer_with_their_exit_codes(cli_shop, tmp_path):
    oms = cli_shop
    code, _out, err = oms.admin("till", "open", "FRONT", "--float", "-5")
    assert code == 2 and "the float must not be negative" in err
    code, _out, err = oms("--json", "till", "open", "FRONT", "--float", "10", user="agent")
    assert code == 4 and "may not open a till" in json.loads(err)["error"]
    opened = oms.admin_json("till", "open", "FRONT", "--float", "100.00")
    assert (opened["till"], opened["state"], opened["float_amount"]) == ("FRONT", "open", "100.00")
    assert oms.admin("till", "open", "front", "--float", "1")[0] == 3  # open already
    moved = oms.admin_json("till", "cash", "FRONT", "--in", "20", "--reason", "change from the bank")
    assert moved["expected_cash"] == "120.00"
    code, _out, err = oms.admin("till", "cash", "FRONT", "--out", "0", "--reason", " ")
    assert code == 2 and "more than zero" in err and "say why" in err  # every problem listed
    assert oms.admin("till", "close", "FRONT", "--counted", "card=1")[0] == 2  # cash not counted
    z = oms.admin_json("till", "close", "FRONT", "--counted", "cash=119.00")
    assert (z["state"], z["over_short"], z["methods"][0]["expected"]) == ("closed", "-1.00", "120.00")
    code, _out, err = oms.admin("till", "close", "FRONT", "--counted", "cash=119.00")
    assert code == 3 and "not open" in err  # closing twice
    pdf = tmp_path / "z.pdf"
    report = oms.admin_json("till", "report", z["session"], "--pdf", str(pdf))
    assert report["over_short"] == "-1.00" and pdf.read_bytes().startswith(b"%PDF")
    code, out, _err = oms.admin("till", "report", "FRONT")
    assert code == 0 and "Over/short -1.00 EUR (short)" in out
    assert oms.admin("till", "report", "Z-000099")[0] == 2
    listed = oms.admin_json("till", "list")
    assert [(s["number"], s["difference"]) for s in listed] == [("Z-000001", "-1.00")]
    assert oms.admin_json("check")["ok"] is True  # the ledger and till checks pass after the commands


def _together(n: int, work) -> list:
    """Run ``work(i)`` in ``n`` threads released at once; each one's result or the exception it raised."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except Exception as exc:  # noqa: BLE001 - the test inspects what each thread met
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_workstations_opening_one_till_at_once_get_one_session(services, users, catalog):
    results = _together(4, lambda i: services.till.open(users["counter" if i % 2 else "manager"], "FRONT", "10"))
    opened = [r for r in results if not isinstance(r, Exception)]
    assert len(opened) == 1
    assert all(isinstance(r, BusinessRuleViolation) and "FRONT is open already" in str(r)
               for r in results if r not in opened)
    assert len(services.till.sessions(users["admin"])) == 1


def test_payments_racing_a_close_are_counted_by_it_or_refused(services, users, catalog):
    counter = users["counter"]
    services.till.open(counter, "FRONT", "0")
    orders = [services.orders.place_order(counter, None, [("BULB-E27", 1)]) for _ in range(4)]

    def work(i: int):
        if i == len(orders):
            return services.till.close(counter, "FRONT", {"cash": "0"})
        return services.receivables.record_payment(counter, orders[i].id, orders[i].total, "cash", till="FRONT")

    results = _together(len(orders) + 1, work)
    z = results[-1]
    assert not isinstance(z, Exception), z
    paid = [r for r in results[:-1] if not isinstance(r, Exception)]
    assert all(isinstance(r, BusinessRuleViolation) for r in results[:-1] if r not in paid)
    assert z.method("cash").payments == sum((p.amount for p in paid), Decimal(0))  # every payment that got in
    assert all(r.ok for r in services.checks.run(users["admin"]))


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_tills_entries_pass_bean_check_and_hledger(services, users, catalog, tmp_path):
    import subprocess
    _counter_day(services, users)
    services.till.close(users["counter"], "FRONT", {"cash": "100.00", "card": "99.99"})
    admin = users["admin"]
    entries = services.ledger.journal(admin, limit=None)
    beancount = tmp_path / "books.beancount"
    beancount.write_text(services.exporters.journal(entries, "EUR", "beancount"), encoding="utf-8")
    checked = subprocess.run([bean_check(), str(beancount)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    hledger = tmp_path / "books.journal"
    hledger.write_text(services.exporters.journal(entries, "EUR", "hledger"), encoding="utf-8")
    out = subprocess.run([require_hledger(), "-f", str(hledger), "balance", "--flat", "--no-total", "-O", "csv",
                          "Assets:Cash", "Assets:CashInTransit", "Income:CashOver", "Expenses:CashShort"],
                         capture_output=True, text=True, check=True).stdout
    hledger_balances = {account: Decimal(amount.split()[0].replace(",", ""))
                        for account, amount in (line.replace('"', "").split(",", 1) for line in out.splitlines()[1:])}
    ours = {a: b for a, b in _balances(services, admin).items()
            if a in {"Assets:Cash", "Assets:CashInTransit", "Income:CashOver", "Expenses:CashShort"} and b}
    assert hledger_balances == ours
    assert {"Assets:CashInTransit", "Income:CashOver"} <= set(ours)  # the drawer counted over (cash and card)
