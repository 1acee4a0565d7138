"""Random sequences of purchase orders, receipts, supplier invoices (at, above and below the order's price, with
tax), supplier payments, refusals, cost changes and sales keep the books right: after every step the journal is
consistent (ledger_problems, a zero trial balance), goods received not invoiced equals what a plain model says is
received and not invoiced at purchase order cost, and payables equal what the model says is owed."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, initialize, invariant, rule

from oms_desktop.domain.errors import BusinessRuleViolation, OutOfStock, ValidationFailed
from tests.helpers.state_machines import FreshDatabaseMachine

SKUS = ("PS-A", "PS-B")
CSV = "sku,name,unit_price,tax_rate,on_hand,unit_cost\nPS-A,A,19.99,0.19,20,4.00\nPS-B,B,2.50,0.07,50,0.35\n"
cents = st.integers(min_value=0, max_value=2000).map(lambda c: Decimal(c).scaleb(-2))

pytestmark = pytest.mark.slow


class PurchasingMachine(FreshDatabaseMachine):
    orders = Bundle("orders")
    invoices = Bundle("invoices")

    @initialize()
    def open_a_fresh_database(self):
        s, self.admin = self.fresh_database("oms-purchasing-sm-")
        self.services = s
        s.catalog.import_catalog(self.admin, CSV.encode())
        s.purchasing.add_supplier(self.admin, "Supplier")
        self.grni = Decimal(0)     # received and not invoiced, at purchase order cost
        self.owed = Decimal(0)     # invoiced and not paid
        self.numbers = 0

    @rule(target=orders, qa=st.integers(0, 6), qb=st.integers(0, 6), ca=cents, cb=cents, now=st.integers(0, 6))
    def order(self, qa, qb, ca, cb, now):
        """Order, send, and receive up to ``now`` of each line straight away."""
        lines = [(sku, q, str(c)) for sku, q, c in (("PS-A", qa, ca), ("PS-B", qb, cb)) if q]
        if not lines:
            return None
        po = self.services.purchasing.create_purchase_order(self.admin, "Supplier", lines)
        number = self.services.purchasing.send_purchase_order(self.admin, po.number).number
        self.receive(number, now)
        return number

    @rule(po=orders, part=st.integers(1, 6))
    def receive(self, po, part):
        if po is None or part == 0:
            return
        order = self.services.purchasing.get_purchase_order(self.admin, po)
        want = {ln.sku: min(part, ln.outstanding) for ln in order.lines if ln.outstanding}
        if not want:
            return
        self.services.purchasing.receive(self.admin, po, want)
        self.grni += sum(q * ln.unit_cost for ln in order.lines for sku, q in want.items() if ln.sku == sku)

    @rule(target=invoices, po=orders, extra=st.sampled_from([0, 0, 0, 2]),
          delta=st.sampled_from(["0", "0.10", "-0.05"]), tax=st.sampled_from(["0", "19%", "1.23"]))
    def invoice(self, po, extra, delta, tax):
        if po is None:
            return None
        order = self.services.purchasing.get_purchase_order(self.admin, po)
        lines = [(ln.sku, ln.invoiceable + extra, str(max(ln.unit_cost + Decimal(delta), Decimal(0))))
                 for ln in order.lines if ln.invoiceable or extra]
        self.numbers += 1
        try:
            inv = self.services.purchasing.record_supplier_invoice(self.admin, po, f"S-{self.numbers}",
                                                                   lines=lines or None, tax=tax)
        except (ValidationFailed, BusinessRuleViolation):
            assert extra or not any(ln.invoiceable for ln in order.lines)  # refused only beyond what was received
            return None
        assert extra == 0
        self.grni -= inv.cost
        self.owed += inv.total
        return inv.reference

    @rule(ref=invoices, part=st.sampled_from([Decimal("0.5"), Decimal(1), Decimal(2)]))
    def pay(self, ref, part):
        if ref is None:
            return
        inv = self.services.purchasing.get_supplier_invoice(self.admin, ref)
        amount = (inv.open * part).quantize(Decimal("0.01"))
        try:
            paid = self.services.purchasing.pay_supplier_invoice(self.admin, ref, amount, "bank")
        except (ValidationFailed, BusinessRuleViolation):
            assert amount > inv.open or amount <= 0 or inv.open == 0
            return
        self.owed -= paid.amount

    @rule(sku=st.sampled_from(SKUS), cost=cents)
    def change_cost(self, sku, cost):
        p = self.services.catalog.get_product(self.admin, sku)
        self.services.catalog.update_product(self.admin, sku, dict(name=p.name, unit_price=str(p.unit_price),
                                                                   tax_rate=str(p.tax_rate), unit_cost=str(cost)))

    @rule(sku=st.sampled_from(SKUS), qty=st.integers(1, 4))
    def sell(self, sku, qty):
        try:
            order = self.services.orders.place_order(self.admin, None, [(sku, qty)])
        except OutOfStock:
            return
        for step in ("picking", "packed", "shipped"):
            self.services.orders.advance_order(self.admin, order.id, step)

    @invariant()
    def the_books_agree_with_the_documents(self):
        if self.backend is None:
            return
        assert self.services.ledger.ledger_problems() == []
        tb = self.services.ledger.trial_balance(self.admin)
        assert tb.balanced
        assert tb.balance_of("Liabilities:GoodsReceivedNotInvoiced") == -self.grni
        assert tb.balance_of("Liabilities:Payables") == -self.owed


PurchasingMachine.TestCase.settings = settings(max_examples=25, stateful_step_count=40, deadline=None,
                                               suppress_health_check=[HealthCheck.too_slow])
TestPurchasingStateMachine = PurchasingMachine.TestCase
