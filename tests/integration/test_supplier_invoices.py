"""Supplier invoices and payments on SQLite and PostgreSQL: an invoice against a purchase order clears goods received
not invoiced into payables (price variance and input tax on the side), payments settle it, every bad input is refused
with nothing changed, the records are append-only, a product's cost change revalues the stock on hand, and the books
stay balanced and check in hledger and Beancount."""
from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import MetaData, select, text
from sqlalchemy.exc import DBAPIError

from oms_desktop import cli
from oms_desktop.adapters.exports.journal import to_beancount, to_hledger
from oms_desktop.domain.errors import (BusinessRuleViolation, NotFound, PermissionDenied, ValidationFailed)
from oms_desktop.domain.ledger import Account
from tests.helpers.journal_tools import bean_check, require_hledger

GRNI, PAYABLES, PPV = Account.GOODS_RECEIVED.value, Account.PAYABLES.value, Account.PURCHASE_PRICE_VARIANCE.value
INPUT_TAX, INVENTORY, BANK, CASH = (Account.INPUT_TAX.value, Account.INVENTORY.value, Account.BANK.value,
                                    Account.CASH.value)
REVALUATION = Account.INVENTORY_REVALUATION.value


@pytest.fixture
def shop(catalog, admin):
    """The sample catalog with a supplier and a sent purchase order: 5 lamps at 8.00, 10 bulbs at 1.20."""
    catalog.purchasing.add_supplier(admin, "Lumen GmbH")
    catalog.purchasing.add_supplier(admin, "Paper & Co")
    return catalog


@pytest.fixture
def po(shop, admin):
    po = shop.purchasing.create_purchase_order(admin, "Lumen GmbH", [("LAMP-01", 5, "8.00"), ("BULB-E27", 10, "1.20")])
    return shop.purchasing.send_purchase_order(admin, po.number)


def books(services, actor) -> dict[str, Decimal]:
    """The trial balance by account (debit positive), after checking that the books are consistent."""
    assert services.ledger.ledger_problems() == []
    tb = services.ledger.trial_balance(actor)
    assert tb.balanced and tb.total_debit == tb.total_credit
    return {r.account: r.balance for r in tb.rows if r.balance}


def grni_of(services, actor, po_number: str) -> Decimal:
    """What goods received not invoiced holds for one purchase order: its receipts less its supplier invoices."""
    total = Decimal(0)
    for e in services.ledger.journal(actor, account=GRNI):
        if po_number in e.description:
            total += sum((p.amount for p in e.postings if p.account == GRNI), Decimal(0))
    return total


def test_invoicing_what_was_received_at_the_order_price_clears_goods_received_and_owes_the_supplier(
        shop, po, admin):
    shop.purchasing.receive(admin, po.number)
    assert grni_of(shop, admin, po.number) == Decimal("-52.00")  # 5 x 8.00 + 10 x 1.20
    inv = shop.payables.record_supplier_invoice(admin, po.number, "RE-2024-0815", tax="19%",
                                                invoice_date=date.today() - timedelta(days=2))
    assert (inv.reference, inv.number, inv.po_number, inv.supplier_name) == ("SI-000001", "RE-2024-0815", po.number,
                                                                             "Lumen GmbH")
    assert [(ln.sku, ln.quantity, ln.unit_price, ln.net) for ln in inv.lines] == [
        ("LAMP-01", 5, Decimal("8.00"), Decimal("40.00")), ("BULB-E27", 10, Decimal("1.20"), Decimal("12.00"))]
    assert (inv.cost, inv.net, inv.tax, inv.total, inv.variance) == (
        Decimal("52.00"), Decimal("52.00"), Decimal("9.88"), Decimal("61.88"), Decimal(0))
    assert grni_of(shop, admin, po.number) == 0
    b = books(shop, admin)
    assert GRNI not in b and PPV not in b
    assert (b[INVENTORY], b[INPUT_TAX], b[PAYABLES]) == (Decimal("52.00"), Decimal("9.88"), Decimal("-61.88"))
    [entry] = shop.ledger.journal(admin, kind="supplier_invoice")
    assert entry.description == f"Supplier invoice RE-2024-0815, Lumen GmbH, {po.number} (15 units)"
    assert {p.account: p.amount for p in entry.postings} == {GRNI: Decimal("52.00"), INPUT_TAX: Decimal("9.88"),
                                                             PAYABLES: Decimal("-61.88")}
    after = shop.purchasing.get_purchase_order(admin, po.number)
    assert [(ln.sku, ln.invoiced, ln.invoiceable) for ln in after.lines] == [("LAMP-01", 5, 0), ("BULB-E27", 10, 0)]
    with pytest.raises(BusinessRuleViolation, match="everything received is invoiced already"):
        shop.payables.record_supplier_invoice(admin, po.number, "RE-2024-0816")


def test_a_dearer_invoice_posts_the_price_variance_and_parts_invoice_only_what_was_received(shop, po, admin):
    shop.purchasing.receive(admin, po.number, {"LAMP-01": 4, "BULB-E27": 10})
    first = shop.payables.record_supplier_invoice(admin, po.number, "A-1", lines=[("LAMP-01", 3, "8.50")],
                                                  tax="4.85")
    assert (first.cost, first.net, first.variance, first.total) == (Decimal("24.00"), Decimal("25.50"),
                                                                    Decimal("1.50"), Decimal("30.35"))
    b = books(shop, admin)
    assert b[PPV] == Decimal("1.50") and b[PAYABLES] == Decimal("-30.35") and b[INPUT_TAX] == Decimal("4.85")
    assert grni_of(shop, admin, po.number) == Decimal("-20.00")  # 1 lamp at 8.00 and 10 bulbs at 1.20 still open
    lines = {ln.sku: ln for ln in shop.purchasing.get_purchase_order(admin, po.number).lines}
    assert (lines["LAMP-01"].invoiceable, lines["BULB-E27"].invoiceable) == (1, 10)
    # the rest: the lamp's quantity and the bulbs' price default (all invoiceable, the order's price); bulbs cheaper
    second = shop.payables.record_supplier_invoice(admin, po.number, "A-2", lines=[("LAMP-01", None, None),
                                                                                    ("BULB-E27", "", "1.10")])
    assert [(ln.sku, ln.quantity, ln.unit_price) for ln in second.lines] == [("LAMP-01", 1, Decimal("8.00")),
                                                                             ("BULB-E27", 10, Decimal("1.10"))]
    assert second.variance == Decimal("-1.00")
    b = books(shop, admin)
    assert grni_of(shop, admin, po.number) == 0 and GRNI not in b
    assert b[PPV] == Decimal("0.50")  # 1.50 dearer lamps, 1.00 cheaper bulbs
    shop.purchasing.receive(admin, po.number)  # the fifth lamp arrives later: invoiceable again
    assert grni_of(shop, admin, po.number) == Decimal("-8.00")
    third = shop.payables.record_supplier_invoice(admin, po.number, "A-3")
    assert [(ln.sku, ln.quantity) for ln in third.lines] == [("LAMP-01", 1)]
    assert grni_of(shop, admin, po.number) == 0
    assert [i.number for i in shop.payables.list_supplier_invoices(admin, po_ref=po.number)] == ["A-3", "A-2",
                                                                                                "A-1"]


def test_paying_in_parts_settles_payables_and_an_overpayment_is_refused(shop, po, admin):
    shop.purchasing.receive(admin, po.number)
    inv = shop.payables.record_supplier_invoice(admin, po.number, "P-77", tax="9.88")
    part = shop.payables.pay_supplier_invoice(admin, "p-77", "20", "cash", reference="till 2")
    assert (part.amount, part.open_after, part.invoice_reference) == (Decimal("20.00"), Decimal("41.88"), "SI-000001")
    with pytest.raises(BusinessRuleViolation, match="41.89 is more than the 41.88 still open on SI-000001"):
        shop.payables.pay_supplier_invoice(admin, inv.reference, "41.89")
    rest = shop.payables.pay_supplier_invoice(admin, inv.reference)  # default: what is open
    assert (rest.amount, rest.method, rest.open_after) == (Decimal("41.88"), "bank", Decimal(0))
    b = books(shop, admin)
    assert PAYABLES not in b
    assert (b[CASH], b[BANK]) == (Decimal("-20.00"), Decimal("-41.88"))
    assert shop.payables.get_supplier_invoice(admin, inv.reference).open == 0
    assert shop.payables.list_supplier_invoices(admin, open_only=True) == []
    with pytest.raises(BusinessRuleViolation, match="paid in full"):
        shop.payables.pay_supplier_invoice(admin, inv.reference, "0.01")
    payments = shop.ledger.journal(admin, kind="supplier_payment")
    assert [e.description for e in payments] == ["Payment to Lumen GmbH, invoice P-77 (SI-000001)"] * 2


# ---- bad input: refused, nothing changed ---------------------------------------------------------------------

def dump(engine) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: equal dumps mean nothing at all changed."""
    meta = MetaData()
    meta.reflect(bind=engine)
    with engine.connect() as c:
        return {name: sorted((tuple(r) for r in c.execute(select(t))), key=repr)
                for name, t in sorted(meta.tables.items())}


FUTURE = (date.today() + timedelta(days=5)).isoformat()
BAD_INVOICES = [
    ("more than received", dict(lines=[("LAMP-01", 4)]), ValidationFailed,
     r"LAMP-01: 4 is more than the 3 invoiceable on PO-000001 \(received 3 of 5, invoiced 0\)"),
    ("nothing received of it", dict(lines=[("BULB-E27", 1)]), ValidationFailed,
     r"BULB-E27: nothing is invoiceable on PO-000001 \(received 0 of 10, invoiced 0\)"),
    ("not on the order", dict(lines=[("BOOK-01", 1)]), ValidationFailed, r"BOOK-01 is not on PO-000001"),
    ("duplicate number", dict(number=" dup-1 "), ValidationFailed,
     r"Lumen GmbH's invoice DUP-1 is recorded already \(SI-000001 of "),
    ("empty number", dict(number="  "), ValidationFailed, r"the supplier's invoice number is empty"),
    ("long number", dict(number="X" * 65), ValidationFailed, r"longer than 64 characters"),
    ("negative price", dict(lines=[("LAMP-01", 1, "-8.00")]), ValidationFailed,
     r"unit price of LAMP-01 must not be negative"),
    ("price with too many decimals", dict(lines=[("LAMP-01", 1, "8.001")]), ValidationFailed,
     r"unit price of LAMP-01 '8.001' has more than 2 decimals"),
    ("price not a number", dict(lines=[("LAMP-01", 1, "eight")]), ValidationFailed, r"is not a number"),
    ("zero quantity", dict(lines=[("LAMP-01", 0)]), ValidationFailed, r"quantity for LAMP-01 must be at least 1"),
    ("quantity not whole", dict(lines=[("LAMP-01", "1.5")]), ValidationFailed, r"is not a whole number"),
    ("twice", dict(lines=[("LAMP-01", 1), ("lamp-01", 1)]), ValidationFailed, r"LAMP-01 appears twice"),
    ("no lines", dict(lines=[]), ValidationFailed, r"nothing to invoice"),
    ("negative tax", dict(tax="-1"), ValidationFailed, r"tax must not be negative"),
    ("tax rate of 100 %", dict(tax="100%"), ValidationFailed, r"must be a fraction"),
    ("tax not a number", dict(tax="lots"), ValidationFailed, r"tax 'lots' is not a number"),
    ("huge price", dict(lines=[("LAMP-01", 3, "9999999999999.99")]), ValidationFailed, r"too large"),
    ("bad date", dict(invoice_date="31.12.2024"), ValidationFailed, r"invoice date '31.12.2024' is not a date"),
    ("future date", dict(invoice_date=FUTURE), ValidationFailed, rf"invoice date {FUTURE} is in the future"),
    ("unknown order", dict(po_ref="PO-999"), NotFound, r"No purchase order 'PO-999'"),
]


@pytest.mark.parametrize("case, kwargs, error, message", BAD_INVOICES, ids=[c[0] for c in BAD_INVOICES])
def test_a_bad_supplier_invoice_is_refused_naming_the_problem_and_changes_nothing(
        shop, po, admin, backend, case, kwargs, error, message):
    shop.purchasing.receive(admin, po.number, {"LAMP-01": 3})
    if case == "duplicate number":
        shop.payables.record_supplier_invoice(admin, po.number, "DUP-1", lines=[("LAMP-01", 1)])
    before = dump(backend.engine)
    kwargs = dict(kwargs)
    ref, number = kwargs.pop("po_ref", po.number), kwargs.pop("number", "OK-1")
    with pytest.raises(error, match=message):
        shop.payables.record_supplier_invoice(admin, ref, number, **kwargs)
    assert dump(backend.engine) == before
    assert shop.ledger.ledger_problems() == []


BAD_PAYMENTS = [
    ("overpayment", dict(amount="61.89"), BusinessRuleViolation, r"61.89 is more than the 61.88 still open"),
    ("zero", dict(amount="0"), ValidationFailed, r"the amount must be more than 0"),
    ("negative", dict(amount="-5"), ValidationFailed, r"amount must not be negative"),
    ("not a number", dict(amount="ten"), ValidationFailed, r"amount 'ten' is not a number"),
    ("card", dict(method="card"), ValidationFailed, r"payment method 'card' is unknown \(choose bank or cash\)"),
    ("unknown invoice", dict(ref="NOPE-1"), NotFound, r"No supplier invoice 'NOPE-1'"),
    ("unknown reference", dict(ref="SI-000042"), NotFound, r"No supplier invoice 'SI-000042'"),
    ("future date", dict(paid_on=FUTURE), ValidationFailed, r"payment date .* is in the future"),
    ("card number", dict(reference="card 4111 1111 1111 1111"), ValidationFailed, r"looks like a card number"),
]


@pytest.mark.parametrize("case, kwargs, error, message", BAD_PAYMENTS, ids=[c[0] for c in BAD_PAYMENTS])
def test_a_bad_supplier_payment_is_refused_and_changes_nothing(shop, po, admin, backend, case, kwargs, error,
                                                               message):
    shop.purchasing.receive(admin, po.number)
    inv = shop.payables.record_supplier_invoice(admin, po.number, "PAY-1", tax="9.88")
    before = dump(backend.engine)
    kwargs = dict(kwargs)
    ref = kwargs.pop("ref", inv.reference)
    with pytest.raises(error, match=message):
        shop.payables.pay_supplier_invoice(admin, ref, kwargs.pop("amount", None), kwargs.pop("method", "bank"),
                                           **kwargs)
    assert dump(backend.engine) == before


def test_a_number_two_suppliers_share_needs_our_reference(shop, admin):
    for supplier, sku in (("Lumen GmbH", "LAMP-01"), ("Paper & Co", "BOOK-01")):
        order = shop.purchasing.create_purchase_order(admin, supplier, [(sku, 1, "2.00")])
        shop.purchasing.send_purchase_order(admin, order.number)
        shop.purchasing.receive(admin, order.number)
        shop.payables.record_supplier_invoice(admin, order.number, "1001")  # unique per supplier only
    with pytest.raises(ValidationFailed, match=r"several suppliers have an invoice numbered '1001' "
                                               r"\(SI-000001, SI-000002\)"):
        shop.payables.pay_supplier_invoice(admin, "1001")
    assert shop.payables.pay_supplier_invoice(admin, "SI-000002").supplier_name == "Paper & Co"


def test_only_accounting_roles_record_and_pay_supplier_invoices(shop, po, users):
    admin = users["admin"]
    shop.purchasing.receive(admin, po.number)
    for role in ("warehouse", "agent"):
        with pytest.raises(PermissionDenied, match="may not record supplier invoices"):
            shop.payables.record_supplier_invoice(users[role], po.number, "R-1")
    inv = shop.payables.record_supplier_invoice(users["accountant"], po.number, "R-1")
    with pytest.raises(PermissionDenied, match="may not pay suppliers"):
        shop.payables.pay_supplier_invoice(users["counter"], inv.reference)
    shop.payables.pay_supplier_invoice(users["manager"], inv.reference, "1")
    assert shop.payables.get_supplier_invoice(users["agent"], "R-1").paid == Decimal("1.00")


@pytest.mark.parametrize("statement", [
    "UPDATE supplier_invoices SET total_minor = 1",
    "DELETE FROM supplier_invoices",
    "UPDATE supplier_invoice_lines SET quantity = 99",
    "DELETE FROM supplier_invoice_lines",
    "UPDATE supplier_payments SET amount_minor = 1",
    "DELETE FROM supplier_payments",
])
def test_recorded_supplier_invoices_and_payments_are_append_only_in_the_database(shop, po, admin, backend,
                                                                                 statement):
    shop.purchasing.receive(admin, po.number)
    inv = shop.payables.record_supplier_invoice(admin, po.number, "IMM-1")
    shop.payables.pay_supplier_invoice(admin, inv.reference, "5")
    before = dump(backend.engine)
    with pytest.raises(DBAPIError, match="immutable"):
        with backend.engine.begin() as conn:
            conn.execute(text(statement))
    assert dump(backend.engine) == before


# ---- revaluation ----------------------------------------------------------------------------------------------

def _set_cost(services, admin, sku, cost):
    p = services.catalog.get_product(admin, sku)
    services.catalog.update_product(admin, sku, dict(name=p.name, unit_price=str(p.unit_price),
                                                     tax_rate=str(p.tax_rate), unit_cost=cost))


def test_a_cost_change_revalues_the_stock_on_hand_and_nothing_without_stock(shop, admin, customer):
    shop.catalog.create_product(admin, dict(sku="VASE-01", name="Vase", unit_price="20.00", tax_rate="0.19",
                                            unit_cost="4.00", on_hand="10"))
    _set_cost(shop, admin, "VASE-01", "4.50")
    b = books(shop, admin)
    assert b[INVENTORY] == Decimal("45.00") and b[REVALUATION] == Decimal("-5.00")
    [entry] = shop.ledger.journal(admin, kind="revaluation")
    assert entry.description == "Revaluation, VASE-01, 10 units 4.00 -> 4.50"
    order = shop.orders.place_order(admin, customer.id, [("VASE-01", 10)])
    for step in ("picking", "packed", "shipped"):
        shop.orders.advance_order(admin, order.id, step)
    assert INVENTORY not in books(shop, admin)  # shipped at the new cost: nothing left over
    _set_cost(shop, admin, "VASE-01", "3.00")  # nothing on hand: nothing to revalue
    assert len(shop.ledger.journal(admin, kind="revaluation")) == 1
    p = shop.catalog.get_product(admin, "VASE-01")  # an edit that does not mention the cost keeps it
    shop.catalog.update_product(admin, "VASE-01", dict(name="Tall vase", unit_price=str(p.unit_price),
                                                       tax_rate=str(p.tax_rate)))
    assert shop.catalog.get_product_details(admin, "VASE-01").unit_cost == Decimal("3.00")


def test_an_import_that_changes_costs_revalues_before_it_counts(shop, admin):
    _set_cost(shop, admin, "LAMP-01", "5.00")  # 10 on hand were not in the books: now 50.00
    _set_cost(shop, admin, "BOOK-01", "2.00")  # 5 on hand: 10.00
    assert books(shop, admin)[INVENTORY] == Decimal("60.00")
    shop.catalog.import_catalog(admin, b"sku,name,unit_price,tax_rate,on_hand,unit_cost\n"
                                       b"LAMP-01,Desk lamp,19.99,0.19,12,6.00\n"
                                       b"BOOK-01,Field guide,12.00,0.07,5,1.00\n"
                                       b"BULB-E27,LED bulb E27,3.49,0.19,100,\n")
    b = books(shop, admin)
    assert b[INVENTORY] == Decimal("77.00")  # 12 lamps at 6.00 + 5 books at 1.00
    entry = shop.ledger.journal(admin, kind="revaluation", newest_first=True, limit=1)[0]
    assert entry.description == "Revaluation, catalog import (2 products)"
    assert {p.account: p.amount for p in entry.postings} == {INVENTORY: Decimal("5.00"),
                                                             REVALUATION: Decimal("-5.00")}  # +10 lamps, -5 books
    assert b[Account.INVENTORY_ADJUSTMENTS.value] == Decimal("-12.00")  # 2 lamps found, at the new cost


# ---- exports and the command line ----------------------------------------------------------------------------

def test_the_whole_purchasing_cycle_exports_to_hledger_and_beancount_with_the_trial_balance(
        shop, po, admin, tmp_path):
    shop.purchasing.receive(admin, po.number, {"LAMP-01": 5, "BULB-E27": 6})
    inv = shop.payables.record_supplier_invoice(admin, po.number, "EXP-1", lines=[("LAMP-01", 5, "8.40")],
                                                tax="19%")
    shop.payables.pay_supplier_invoice(admin, inv.reference, "20.00", "cash")
    shop.payables.pay_supplier_invoice(admin, inv.reference)
    _set_cost(shop, admin, "LAMP-01", "8.40")
    expected = books(shop, admin)
    assert expected[GRNI] == Decimal("-7.20")  # 6 bulbs at 1.20 not invoiced yet
    entries = shop.ledger.journal(admin)
    assert {"goods_received", "supplier_invoice", "supplier_payment", "revaluation"} <= {e.kind for e in entries}
    beans = tmp_path / "books.beancount"
    beans.write_text(to_beancount(entries, "EUR"), encoding="utf-8")
    subprocess.run([bean_check(), str(beans)], check=True, capture_output=True)
    journal = tmp_path / "books.journal"
    journal.write_text(to_hledger(entries, "EUR"), encoding="utf-8")
    hledger = require_hledger()  # last: without it the Beancount check above has run, and the skip says what did not
    subprocess.run([hledger, "-f", str(journal), "check", "accounts", "commodities"], check=True,
                   capture_output=True)
    out = subprocess.run([hledger, "-f", str(journal), "balance", "--flat", "--no-total", "-O", "csv"],
                         capture_output=True, text=True, check=True).stdout
    found = {}
    for line in out.splitlines()[1:]:
        account, amount = [c.strip('"') for c in line.split('","')]
        if amount != "0":
            found[account] = Decimal(amount.split()[0].replace(",", ""))
    assert found == expected


def _oms(db_url, monkeypatch, capsys, tmp_path, *args) -> tuple[int, str, str]:
    monkeypatch.setenv("OMS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("OMS_PASSWORD", "admin-pw")
    capsys.readouterr()
    code = cli.main(["--database", db_url, "--user", "admin", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_cli_records_a_supplier_invoice_and_pays_it(shop, po, admin, backend, db_url, monkeypatch, capsys,
                                                        tmp_path):
    shop.purchasing.receive(admin, po.number)
    run = lambda *a: _oms(db_url, monkeypatch, capsys, tmp_path, *a)  # noqa: E731
    code, _out, err = run("purchase", "invoice", po.number, "LAMP-01=6@8.00", "--number", "CLI-1")
    assert code == 2 and "LAMP-01: 6 is more than the 5 invoiceable" in err
    before = dump(backend.engine)
    code, _out, err = run("purchase", "invoice", po.number, "--number", "CLI-1", "--line", "LAMP-01")
    assert code == 2 and "must be SKU=QTY@PRICE" in err and dump(backend.engine) == before
    code, out, err = run("--json", "purchase", "invoice", po.number, "LAMP-01=5@8.20", "--number", "CLI-1",
                         "--date", date.today().isoformat(), "--line", "BULB-E27=@1.20", "--tax", "19%")
    assert code == 0, err
    inv = json.loads(out)
    assert (inv["reference"], inv["net"], inv["tax"], inv["total"], inv["variance"], inv["open"]) == (
        "SI-000001", "53.00", "10.07", "63.07", "1.00", "63.07")
    assert inv["invoice_date"] == date.today().isoformat()
    code, _out, err = run("purchase", "invoice", po.number, "--number", "CLI-2")
    assert code == 3 and f"Nothing on {po.number} is invoiceable: everything received is invoiced already" in err
    code, out, err = run("purchase", "pay", "CLI-1", "--amount", "70")
    assert code == 3 and "70.00 is more than the 63.07 still open" in err
    code, out, err = run("purchase", "pay", "CLI-1", "--amount", "3.07", "--method", "cash")
    assert code == 0 and "60.00 EUR still open" in out
    code, out, err = run("--json", "purchase", "pay", "SI-000001", "--reference", "SEPA 4711")
    assert code == 0 and json.loads(out)["open_after"] == "0.00"
    code, out, err = run("purchase", "invoices", "--po", po.number)
    assert code == 0 and "CLI-1" in out and "SI-000001" in out
    code, out, err = run("purchase", "invoices", "SI-000001")
    assert code == 0 and "Variance" in out and "paid 63.07 EUR, open 0.00 EUR" in out
    code, out, err = run("--json", "purchase", "invoices", "--open")
    assert code == 0 and json.loads(out) == []
    assert shop.ledger.ledger_problems() == []


def test_purchasing_entries_cannot_be_reversed_on_their_own(shop, po, admin):
    shop.purchasing.receive(admin, po.number)
    inv = shop.payables.record_supplier_invoice(admin, po.number, "RE-2024-0900")
    shop.payables.pay_supplier_invoice(admin, inv.reference, str(inv.total))
    before = books(shop, admin)
    for kind in ("goods_received", "supplier_invoice", "supplier_payment"):
        [entry] = shop.ledger.journal(admin, kind=kind)
        with pytest.raises(BusinessRuleViolation, match="cannot be reversed"):
            shop.ledger.reverse_entry(admin, entry.id, "typo")
    assert books(shop, admin) == before and shop.ledger.journal(admin, kind="reversal") == []
