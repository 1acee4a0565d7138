"""Random sequences of orders, shipments, invoices, payments, credit notes and refunds keep the books right:
after every step every entry balances, the trial balance is zero, and receivables equal open invoices minus
payments; the database agrees with a plain model of what each order owes."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, initialize, invariant, rule

from oms_desktop.domain.errors import BusinessRuleViolation, InvalidTransition, ValidationFailed
from tests.helpers.state_machines import FreshDatabaseMachine

SKUS = ("LG-A", "LG-B", "LG-C")
CSV = ("sku,name,unit_price,tax_rate,on_hand\nLG-A,A,19.99,0.19,500\nLG-B,B,0.07,0.07,500\n"
       "LG-C,C,3.33,0.19,500\n")
COSTS = {"LG-A": "8.10", "LG-B": "0.03", "LG-C": "1.11"}

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
                "unit_cost": cost})
        self.owed: dict[int, Decimal] = {}  # order id -> invoiced - credited - paid + refunded

    # ---- rules -----------------------------------------------------------------------------------------------
    @rule(target=orders, lines=st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 5)), min_size=1,
                                        max_size=3))
    def place(self, lines):
        order = self.services.orders.place_order(self.admin, None, lines)
        self.owed[order.id] = Decimal(0)
        return order.id

    @rule(oid=orders)
    def ship(self, oid):
        order = self.services.orders.get_order(self.admin, oid)
        step = {"confirmed": "picking", "picking": "packed", "packed": "shipped"}.get(order.status)
        if step is not None:
            self.services.orders.advance_order(self.admin, oid, step)

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
    def every_journal_entry_balances(self):
        if self.backend is None:
            return
        for entry in self.services.ledger.journal(self.admin, limit=5, newest_first=True):
            assert sum(p.amount for p in entry.postings) == 0, entry


LedgerMachine.TestCase.settings = settings(max_examples=20, stateful_step_count=25, deadline=None,
                                           suppress_health_check=[HealthCheck.too_slow])
TestLedgerStateMachine = LedgerMachine.TestCase
