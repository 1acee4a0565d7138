"""Counter receipts on the receipt printer, SQLite and PostgreSQL: the print job is written in the payment's
transaction, printed once by a sender (a file printer here, its ESC/POS bytes decoded), a crash between the commit
and the print loses nothing, a dead sender's job is never printed twice; the setting and ``oms receipt print``."""
from __future__ import annotations

import json
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from babel.dates import format_date

from oms_desktop.adapters.pdf.common import default_format_money
from oms_desktop.bootstrap import open_backend
from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.domain.errors import BusinessRuleViolation, PermissionDenied, ValidationFailed
from oms_desktop.domain.printing import PrinterUnavailable
from oms_desktop.services.ports import utc_now
from tests.helpers.escpos_text import printed_lines
from tests.helpers.money_text import plain_spaces, shown

CUT, KICK = b"\x1dV", b"\x1bp"


def _set_printer(services, admin, value: str) -> None:
    services.settings.set(admin, "printer.receipt", value)


def _money(amount: Decimal) -> bytes:
    """An amount as the PDF prints it (en_US here: "€49.47"), without the euro sign (its byte depends on the code
    page python-escpos picks; tests/unit/test_receipt_printer.py checks it)."""
    return default_format_money(amount, "EUR", "en_US").replace("€", "").replace("\xa0", " ").encode("ascii")


def test_a_cash_payment_with_a_receipt_prints_once_with_the_totals_the_cut_and_the_drawer_kick(
        services, users, catalog, tmp_path):
    counter, admin = users["counter"], users["admin"]
    lp0 = tmp_path / "lp0"
    _set_printer(services, admin, f"file:{lp0}")
    order = services.orders.place_order(counter, None, [("BOOK-01", 2), ("LAMP-01", 1)])
    services.receivables.record_payment(counter, order.id, order.total, "cash", print_receipt=True,
                                        change="7.50")
    [job] = services.receipt_printing.jobs_of(counter, order.id)
    assert job.status == "pending" and job.kick_drawer and not lp0.exists()  # committed with the payment

    report = services.receipt_printing.print_pending(None)
    assert (report.printed, report.failed, report.waiting) == (1, 0, 0)
    data = lp0.read_bytes()
    for words in (order.number.encode(), b"TOTAL", _money(order.total), b"Change", _money(Decimal("7.50")),
                  b"Cash", b"Net"):
        assert words in data, words
    total_row = data[data.index(b"TOTAL"):data.index(b"\n", data.index(b"TOTAL"))]
    assert total_row.endswith(_money(order.total))  # the figure the order (and the PDF) shows
    assert CUT in data and KICK in data and data.index(KICK) > data.index(CUT)
    [job] = services.receipt_printing.jobs_of(counter, order.id)
    assert job.status == "printed" and job.printer == f"file:{lp0}" and job.printed_at is not None

    lp0.unlink()
    assert services.receipt_printing.print_pending(None).printed == 0 and not lp0.exists()  # never twice


def test_a_card_payment_prints_without_opening_the_drawer_and_the_pdf_shows_the_same_figures(
        services, users, catalog, tmp_path):
    counter, admin = users["counter"], users["admin"]
    lp0 = tmp_path / "lp0"
    _set_printer(services, admin, f"file:{lp0}")
    order = services.orders.place_order(counter, None, [("LAMP-01", 1)])
    services.receivables.record_payment(counter, order.id, order.total, "card", card_last4="4242",
                                        print_receipt=True)
    services.receipt_printing.print_pending(None)
    data = lp0.read_bytes()
    assert CUT in data and KICK not in data and b"**** 4242" in data
    pdf = services.receivables.receipt_pdf(counter, order.id)
    from tests.helpers.pdf_tools import pdf_to_text, require_tools
    require_tools()
    text = pdf_to_text(pdf)
    assert order.number in text and _money(order.total).decode() in text


def test_a_crash_between_the_payment_and_the_print_loses_nothing(db_url, paths, services, users, catalog,
                                                                 tmp_path):
    counter, admin = users["counter"], users["admin"]
    lp0 = tmp_path / "lp0"
    _set_printer(services, admin, f"file:{lp0}")
    order = services.orders.place_order(counter, None, [("BOOK-01", 1)])
    services.receivables.record_payment(counter, order.id, order.total, "cash", print_receipt=True)
    # the process dies here: the payment and its job are committed, nothing printed. Another process starts.
    other = open_backend(db_url, paths=paths, hasher=fast_test_hasher())
    try:
        assert other.services.receipt_printing.print_pending(None).printed == 1
        assert order.number.encode() in lp0.read_bytes()
        assert other.services.receipt_printing.print_pending(None).printed == 0
    finally:
        other.dispose()


def test_a_sender_that_died_while_printing_leaves_a_failed_job_never_printed_again(services, users, catalog,
                                                                                   tmp_path):
    counter, admin = users["counter"], users["admin"]
    lp0 = tmp_path / "lp0"
    _set_printer(services, admin, f"file:{lp0}")
    order = services.orders.place_order(counter, None, [("BOOK-01", 1)])
    services.receivables.record_payment(counter, order.id, order.total, "cash", print_receipt=True)
    rp = services.receipt_printing
    with rp._uow() as uow:  # a sender on another workstation claimed it, then its machine died
        job = uow.print_jobs.claim(utc_now(), "deadbeef", "till-2:4242")
        uow.commit()
    assert job is not None
    assert rp.print_pending(None).printed == 0 and not lp0.exists()  # its lease has not run out: held
    rp.clock = lambda: utc_now() + rp.claim_lease + timedelta(minutes=1)
    assert rp.recover_claims() == 1
    [dto] = rp.jobs_of(counter, order.id)
    assert dto.status == "failed" and "may have printed" in dto.last_error and "oms receipt print" in dto.last_error
    assert rp.print_pending(None).printed == 0 and not lp0.exists()


def test_an_unreachable_printer_keeps_the_job_waiting_and_says_so(services, users, catalog, tmp_path):
    counter, admin = users["counter"], users["admin"]
    _set_printer(services, admin, f"file:{tmp_path / 'unplugged' / 'lp0'}")
    order = services.orders.place_order(counter, None, [("BOOK-01", 1)])
    services.receivables.record_payment(counter, order.id, order.total, "cash")
    with pytest.raises(PrinterUnavailable, match="cannot be reached"):
        services.receipt_printing.print_receipt(counter, order.id)
    [job] = services.receipt_printing.jobs_of(counter, order.id)
    assert job.status == "pending" and job.attempts == 1 and "cannot be reached" in job.last_error
    (tmp_path / "unplugged").mkdir()  # plugged in again: the next run prints it
    assert services.receipt_printing.print_pending(None).printed == 1


def test_no_printer_set_refuses_the_receipt_and_records_no_payment(services, users, catalog):
    counter = users["counter"]
    order = services.orders.place_order(counter, None, [("BOOK-01", 1)])
    with pytest.raises(BusinessRuleViolation, match="No receipt printer is set"):
        services.receivables.record_payment(counter, order.id, order.total, "cash", print_receipt=True)
    assert services.receivables.order_account(counter, order.id).paid == 0
    with pytest.raises(BusinessRuleViolation, match="oms settings set printer.receipt"):
        services.receipt_printing.print_receipt(counter, order.id)
    assert not services.receipt_printing.configured()


def test_bad_printer_settings_are_refused_and_only_an_admin_sets_one(services, users):
    admin = users["admin"]
    for value in ("lp0", "usb:04b8", "network:printer:0", "serial:/dev/ttyS0:1234"):
        with pytest.raises(ValidationFailed, match="printer.receipt"):
            services.settings.set(admin, "printer.receipt", value)
    assert services.settings.get(admin, "printer.receipt").value == "none"
    with pytest.raises(PermissionDenied):
        services.settings.set(users["manager"], "printer.receipt", "network:10.0.0.9")
    assert services.settings.set(admin, "printer.receipt", "network:10.0.0.9").value == "network:10.0.0.9:9100"
    assert "printer.receipt" in {s.key for s in services.settings.list(admin)}


def test_oms_receipt_print_and_its_exit_codes(cli_shop, tmp_path):
    oms = cli_shop
    assert oms.admin("order", "place", "--customer", "0171 555-0100", "--line", "LAMP-01=1")[0] == 0
    order = "SO-000001"
    code, _out, err = oms.admin("receipt", "print", order)
    assert code == 3 and "No receipt printer is set" in err
    code, _out, err = oms.admin("settings", "set", "printer.receipt", "lpt1")
    assert code == 2 and "printer.receipt" in err
    lp0 = tmp_path / "lp0"
    assert oms.admin("settings", "set", "printer.receipt", f"file:{lp0}")[0] == 0
    code, _out, err = oms.admin("receipt", "print", "SO-999999")
    assert code == 2, err
    code, _out, err = oms("receipt", "print", order, "--drawer", user="agent")
    assert code == 4 and "may not" in err
    code, out, err = oms("--json", "receipt", "print", order, "--change", "0.50", "--drawer", user="admin")
    assert code == 0, err
    job = json.loads(out)["job"]
    assert job["status"] == "printed" and job["kick_drawer"] and job["order_number"] == order
    data = lp0.read_bytes()
    assert order.encode() in data and b"TOTAL" in data and CUT in data and KICK in data
    assert oms.admin("settings", "set", "printer.receipt", f"file:{tmp_path / 'gone' / 'lp0'}")[0] == 0
    code, _out, err = oms.admin("receipt", "print", order)
    assert code == 5 and "cannot be reached" in err
    jobs = oms.admin_json("receipt", "jobs", order)["jobs"]
    assert [j["status"] for j in jobs] == ["printed", "pending"]


def test_two_senders_at_once_print_each_receipt_once(db_url, paths, services, users, catalog, tmp_path):
    counter, admin = users["counter"], users["admin"]
    _set_printer(services, admin, f"file:{tmp_path / 'lp0'}")
    order = services.orders.place_order(counter, None, [("LAMP-01", 1)])
    for _ in range(6):  # six partial payments, a receipt each
        services.receivables.record_payment(counter, order.id, "1.00", "card", print_receipt=True)
    backends = [open_backend(db_url, paths=paths, hasher=fast_test_hasher()) for _ in range(2)]
    reports: list = []
    try:
        threads = [threading.Thread(target=lambda b=b: reports.append(b.services.receipt_printing.print_pending(None)))
                   for b in backends]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        for b in backends:
            b.dispose()
    assert sum(r.printed for r in reports) == 6 and not any(r.errors for r in reports)
    assert [j.status for j in services.receipt_printing.jobs_of(counter, order.id)] == ["printed"] * 6


GERMAN_RECEIPT = ("Beleg", "Datum", "Auftrag", "Netto", "USt. 19 %", "SUMME", "Karte T-1", "Rückgeld",
                  "Vielen Dank!")
ENGLISH_RECEIPT = ("Receipt", "Date", "Order", "Net", "Tax 19 %", "TOTAL", "Card T-1", "Change", "Thank you!")


@pytest.mark.parametrize("language, locale, words, foreign", [
    # an en_US shop (the default): German there is plain German (CLDR has no de_US), English is en_US
    ("de", "de", GERMAN_RECEIPT, ("Receipt", "TOTAL", "Change", "Thank you!")),
    ("en", "en_US", ENGLISH_RECEIPT, ("Beleg", "SUMME", "Rückgeld", "Vielen Dank!")),
])
def test_the_printers_receipt_is_in_the_customers_language_of_the_payment(services, users, catalog, tmp_path,
                                                                          language, locale, words, foreign):
    """Issue 19 on the receipt printer: the customer's language's labels, date and amounts (Babel's, never written
    out here), as the PDF receipt; the job keeps the language the customer had when paying."""
    admin = users["admin"]
    lp0 = tmp_path / "lp0"
    _set_printer(services, admin, f"file:{lp0}")
    customer = services.customers.add_customer(admin, "Jürgen Weiß" if language == "de" else "Mary Smith",
                                               ["030 1234567"], language=language)
    order = services.orders.place_order(admin, customer.id, [("LAMP-01", 1)])
    before = utc_now().date()
    services.receivables.record_payment(admin, order.id, str(order.total), "card", card_last4="4242",
                                        reference="T-1", print_receipt=True)
    after = utc_now().date()
    # the customer changes language after paying: the waiting job still prints the receipt they paid for
    services.customers.update_customer(admin, customer.id, language="en" if language == "de" else "de")
    assert services.receipt_printing.print_pending(None).printed == 1

    lines = [plain_spaces(line) for line in printed_lines(lp0.read_bytes())]
    text = "\n".join(lines)
    for word in words:
        assert any(word in line for line in lines), word
    for word in foreign:
        assert not any(word in line for line in lines), word
    assert any(plain_spaces(format_date(day, "medium", locale=locale)) in text for day in {before, after})
    total = plain_spaces(shown(f"{order.total:.2f}", "EUR", locale))
    for label in (words[5], words[6]):  # the total and the card payment, the amount flush right
        assert any(line.startswith(label) and line.endswith(total) for line in lines), (label, lines)
