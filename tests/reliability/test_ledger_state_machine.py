"""Random sequences of orders, shipments through the warehouse (pick lists, short picks, backorders picked or
released), returns, invoices, payments, credit notes and refunds keep the books right: after every step every entry
balances, the trial balance is zero, receivables equal open invoices minus payments, and inventory, cost of goods
sold and write-offs equal the stock and the units shipped and returned at cost; the database agrees with a plain
model of what each order owes and of the stock."""
from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, initialize, invariant, rule
from sqlalchemy import text

from oms_desktop.domain.errors import BusinessRuleViolation, InvalidTransition, ValidationFailed
from tests.helpers.depth import examples
from tests.helpers.state_machines import DATABASES, FreshDatabaseMachine, run_machine, ship_what_is_found

SKUS = ("LG-A", "LG-B", "LG-C")
CSV = ("sku,name,unit_price,tax_rate,on_hand\nLG-A,A,19.99,0.19,500\nLG-B,B,0.07,0.07,500\n"
       "LG-C,C,3.33,0.19,500\n")
COSTS = {"LG-A": Decimal("8.10"), "LG-B": Decimal("0.03"), "LG-C": Decimal("1.11")}

cents = st.integers(min_value=1, max_value=6000).map(lambda c: Decimal(c).scaleb(-2))
methods = st.sampled_from(["cash", "card", "bank"])

pytestmark = pytest.mark.slow


class LedgerMachine(FreshDatabaseMachine):
    orders = Bundle("orders")
    invoices = Bundle("invoices")

    @initialize(mode=st.sampled_from(["line", "document"]), include_tax=st.booleans())
    def open_a_fresh_database(self, mode, include_tax):
        s, self.admin = self.fresh_database("oms-ledger-sm-")
        self.services = s
        s.company.update(self.admin, tax_rounding=mode, prices_include_tax=include_tax)
        s.catalog.import_catalog(self.admin, CSV.encode())
        for sku, cost in COSTS.items():
            details = s.catalog.get_product_details(self.admin, sku).product
            s.catalog.update_product(self.admin, sku, {
                "name": details.name, "unit_price": str(details.unit_price), "tax_rate": str(details.tax_rate),
                "unit_cost": str(cost)})
        self.owed: dict[int, Decimal] = {}  # order id -> invoiced - credited - paid + refunded
        self.on_hand = dict.fromkeys(SKUS, 500)
        self.shipped, self.restocked, self.damaged = Counter(), Counter(), Counter()  # units per SKU
        self.out: dict[int, Counter] = defaultdict(Counter)  # per order: shipped and not returned

    # ---- rules -----------------------------------------------------------------------------------------------
    @rule(target=orders, lines=st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 5)), min_size=1,
                                        max_size=3))
    def place(self, lines):
        order = self.services.orders.place_order(self.admin, None, lines)
        self.owed[order.id] = Decimal(0)
        return order.id

    @rule(oid=orders, share=st.sampled_from([Decimal(0), Decimal("0.5"), Decimal(1)]))
    def ship(self, oid, share):
        """Pick, pack and ship the order or its backorder, finding ``share`` of each line."""
        shipment = ship_what_is_found(self.services, self.admin, oid, share)
        if shipment is not None:
            for sku, _name, q in shipment.lines:
                self.on_hand[sku] -= q
                self.shipped[sku] += q
                self.out[oid][sku] += q

    @rule(oid=orders)
    def release_backorder(self, oid):
        try:
            self.services.shipping.release_backorder(self.admin, oid, "supplier stopped it")
        except BusinessRuleViolation:
            pass  # no open backorder: refused, nothing changed

    @rule(oid=orders, sku=st.sampled_from(SKUS), qty=st.integers(1, 3), restock=st.booleans(), shipped=st.booleans())
    def customer_returns(self, oid, sku, qty, restock, shipped):
        """A return of ``sku``, or (``shipped``) of one unit of whatever of the order is out."""
        if shipped and +self.out[oid]:
            sku, qty = min(+self.out[oid]), 1
        try:
            self.services.returns.receive_return(self.admin, oid, sku, qty, "restock" if restock else "damaged",
                                                 "not wanted")
        except (ValidationFailed, InvalidTransition):
            return  # not shipped, not on the order, or more than shipped and not yet returned: refused
        self.out[oid][sku] -= qty
        if restock:
            self.on_hand[sku] += qty
            self.restocked[sku] += qty
        else:
            self.damaged[sku] += qty

    @rule(target=invoices, oid=orders)
    def invoice(self, oid):
        try:
            inv = self.services.billing.issue_invoice(self.admin, oid)
        except (BusinessRuleViolation, InvalidTransition):
            return None  # already invoiced, or cancelled: the rule refused, nothing changed
        self.owed[oid] += inv.total
        return inv.number

    @rule(oid=orders, amount=cents, method=methods)
    def pay(self, oid, amount, method):
        try:
            self.services.receivables.record_payment(self.admin, oid, amount, method)
        except InvalidTransition:
            assert self.services.orders.get_order(self.admin, oid).status == "cancelled"
            return
        self.owed[oid] -= amount

    @rule(number=invoices, sku=st.sampled_from(SKUS), qty=st.integers(1, 3), everything=st.booleans())
    def credit(self, number, sku, qty, everything):
        if number is None:
            return
        try:
            cn = self.services.billing.issue_credit_note(self.admin, number, None if everything else [(sku, qty)])
        except (ValidationFailed, BusinessRuleViolation):
            return  # not on the invoice, more than is left, or fully credited: refused, nothing changed
        self.owed[self.services.billing.get_invoice(self.admin, number).order_id] -= cn.total

    @rule(oid=orders, method=methods, part=st.sampled_from([Decimal(1), Decimal("0.5")]))
    def refund(self, oid, method, part):
        credit = -self.owed[oid]
        amount = (credit * part).quantize(Decimal("0.01"))
        if amount <= 0:
            try:
                self.services.receivables.refund(self.admin, oid, "0.01", method)
            except BusinessRuleViolation:
                return
            raise AssertionError("a refund beyond the customer's credit was accepted")
        self.services.receivables.refund(self.admin, oid, amount, method)
        self.owed[oid] += amount

    @rule(oid=orders)
    def cancel(self, oid):
        try:
            self.services.orders.cancel_order(self.admin, oid)
        except InvalidTransition:
            pass

    # ---- invariants ------------------------------------------------------------------------------------------
    @invariant()
    def the_books_balance_and_match_the_documents(self):
        if self.backend is None:
            return
        assert self.services.ledger.ledger_problems() == []
        tb = self.services.ledger.trial_balance(self.admin)
        assert tb.total_debit == tb.total_credit
        receivable = sum((v for v in self.owed.values() if v > 0), Decimal(0))
        credit = sum((-v for v in self.owed.values() if v < 0), Decimal(0))
        assert tb.balance_of("Assets:Receivables") == receivable
        assert tb.balance_of("Liabilities:CustomerCredit") == -credit

    @invariant()
    def stock_is_in_the_books_at_cost(self):
        """Inventory = on hand x unit cost; cost of goods sold = (shipped - returned) x cost; write-offs = damaged
        returns x cost."""
        if self.backend is None:
            return
        with self.backend.engine.connect() as c:
            assert dict(c.execute(text("SELECT p.sku, s.on_hand FROM stock s JOIN products p ON p.id = s.product_id"))
                        .all()) == self.on_hand
        tb = self.services.ledger.trial_balance(self.admin)
        at_cost = lambda units: sum((q * COSTS[sku] for sku, q in units.items()), Decimal(0))  # noqa: E731
        assert tb.balance_of("Assets:Inventory") == at_cost(self.on_hand)
        assert tb.balance_of("Expenses:COGS") == at_cost(self.shipped) - at_cost(self.restocked) - \
            at_cost(self.damaged)
        assert tb.balance_of("Expenses:WriteOffs") == at_cost(self.damaged)

    @invariant()
    def every_journal_entry_balances(self):
        if self.backend is None:
            return
        for entry in self.services.ledger.journal(self.admin, limit=5, newest_first=True):
            assert sum(p.amount for p in entry.postings) == 0, entry


# SQLite as before the warehouse path; PostgreSQL fewer runs (slower steps, the same rules: see issue 11)
SQLITE = settings(max_examples=examples(20), stateful_step_count=25, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow])
POSTGRES = settings(SQLITE, max_examples=examples(6))


@pytest.mark.parametrize("database", DATABASES)
def test_ledger_state_machine(database, request):
    run_machine(LedgerMachine, database, request, sqlite=SQLITE, postgres=POSTGRES)
