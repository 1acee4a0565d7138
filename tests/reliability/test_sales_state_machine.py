"""Random sequences of placing orders (with coupons, shipping charges, from several agents and channels), confirming
carts, cancelling, shipping by hand, returning units, invoicing and crediting, while the clock moves on by hours
across local midnights and the change to summer time (Berlin): the kept sales facts always equal what the documents
say (``sales_problems()`` is empty), and the report's figures per local day and in total equal the sum of the orders
they cover, computed here from the orders as the services returned them."""
from __future__ import annotations

import time
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, initialize, invariant, precondition, rule

from oms_desktop.domain.errors import UserFacingError
from oms_desktop.domain.promotions import FREE_SHIPPING_LABEL
from tests.helpers.clock import Clock
from tests.helpers.depth import examples
from tests.helpers.state_machines import DATABASES, FreshDatabaseMachine, run_machine

SKUS = ("SF-A", "SF-B", "SF-C")
CSV = ("sku,name,unit_price,tax_rate,on_hand,category\nSF-A,A,19.99,0.19,900,One\nSF-B,B,0.07,0.19,900,One\n"
       "SF-C,C,3.33,0.07,900,Two\n")
START = datetime(2026, 3, 27, 20, 0, tzinfo=timezone.utc)  # Berlin's clocks go forward on the 29th

pytestmark = pytest.mark.slow


def goods(order) -> Decimal:
    """What an order sold: its lines' net less the allowances taken off the goods (no shipping charge, no free
    shipping), straight from the order the service returned."""
    return sum((ln.net for ln in order.lines), Decimal(0)) + sum(
        (a.net for a in order.adjustments if a.amount < 0 and not a.label.startswith(FREE_SHIPPING_LABEL)),
        Decimal(0))


class SalesMachine(FreshDatabaseMachine):
    orders = Bundle("orders")
    invoices = Bundle("invoices")

    @initialize(include_tax=st.booleans())
    def open_a_fresh_database(self, include_tax):
        self.clock = Clock(START).install()
        s, self.admin = self.fresh_database("oms-sales-sm-")
        self.s = s
        s.company.update(self.admin, prices_include_tax=include_tax)
        s.catalog.import_catalog(self.admin, CSV.encode())
        s.auth.add_user(self.admin, "agent", "agent", "agent-pw")
        self.agent = s.auth.actor_for("agent")
        self.customer = s.customers.add_customer(self.admin, "Anna Schmidt", ["0171 555-0100"]).id
        s.promotions.create_coupon(self.admin, "TEN", percent="10")
        s.promotions.create_coupon(self.admin, "SHIPFREE", free_shipping=True)
        s.promotions.put_shipping_method(self.admin, "std", "Standard", tiers="4.90", tax_rate="19%")
        self.expected: dict[date, list] = defaultdict(lambda: [0, 0, Decimal(0), 0])  # orders, units, net, returned
        self.confirmed: dict[int, object] = {}
        self.placed = 0

    def teardown(self):
        if getattr(self, "clock", None) is not None:
            self.clock.uninstall()
        super().teardown()

    def day(self) -> date:
        return self.clock.now().astimezone().date()

    def book(self, order, sign: int) -> None:
        e = self.expected[self.day()]
        e[0] += sign
        e[1] += sign * sum(ln.quantity for ln in order.lines)
        e[2] += sign * goods(order)

    def attempt(self, fn):
        try:
            return fn()
        except UserFacingError:
            return None

    # ---- rules -----------------------------------------------------------------------------------------------
    @rule(hours=st.integers(1, 20))
    def time_passes(self, hours):
        self.clock.set(self.clock.now() + timedelta(hours=hours, minutes=7))

    @precondition(lambda self: self.placed < 6)
    @rule(target=orders, lines=st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 4)), min_size=1,
                                        max_size=3),
          by_agent=st.booleans(), coupon=st.sampled_from([None, "ten", "shipfree"]), shipping=st.booleans(),
          channel=st.sampled_from(["phone", "counter", "online"]))
    def place(self, lines, by_agent, coupon, shipping, channel):
        self.placed += 1
        order = self.attempt(lambda: self.s.orders.place_order(
            self.agent if by_agent else self.admin, self.customer, lines, coupon=coupon,
            shipping="std" if shipping else None, channel=channel))
        if order is None:
            return None
        self.book(order, 1)
        self.confirmed[order.id] = order
        return order.id

    @precondition(lambda self: self.placed < 6)
    @rule(target=orders, lines=st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 3)), min_size=1,
                                        max_size=3), coupon=st.booleans(), cancel_first=st.booleans())
    def confirm_a_cart(self, lines, coupon, cancel_first):
        self.placed += 1
        cart = self.s.orders.create_draft(self.agent, self.customer)
        for sku, qty in lines:
            self.s.orders.add_line(self.agent, cart.id, sku, qty)
        if coupon:
            self.s.carts.set_coupon(self.agent, cart.id, "TEN")
        if cancel_first:  # a cart given up: never a sale
            self.s.orders.cancel_order(self.agent, cart.id, "abandoned")
            return None
        order = self.s.orders.confirm_order(self.agent, cart.id)
        self.book(order, 1)
        self.confirmed[order.id] = order
        return order.id

    @rule(oid=orders)
    def cancel(self, oid):
        if oid is not None and self.attempt(lambda: self.s.orders.cancel_order(self.admin, oid, "changed")):
            self.book(self.confirmed[oid], -1)

    @rule(oid=orders)
    def ship_by_hand(self, oid):
        if oid is not None:
            for step in ("picking", "packed", "shipped"):
                self.attempt(lambda: self.s.orders.advance_order(self.admin, oid, step))  # noqa: B023

    @rule(oid=orders, sku=st.sampled_from(SKUS), qty=st.integers(1, 2),
          condition=st.sampled_from(["restock", "damaged"]))
    def customer_returns(self, oid, sku, qty, condition):
        if oid is not None and self.attempt(lambda: self.s.returns.receive_return(self.admin, oid, sku, qty,
                                                                                  condition, "not wanted")):
            self.expected[self.day()][3] += qty

    @rule(target=invoices, oid=orders)
    def invoice(self, oid):
        inv = self.attempt(lambda: self.s.billing.issue_invoice(self.admin, oid, what="all", render=False)) \
            if oid is not None else None
        return inv.number if inv is not None else None

    @rule(number=invoices, sku=st.sampled_from(SKUS), qty=st.integers(1, 3), everything=st.booleans())
    def credit(self, number, sku, qty, everything):
        if number is not None:  # a credit note changes no sales fact
            self.attempt(lambda: self.s.billing.issue_credit_note(self.admin, number, None if everything else
                                                                  [(sku, qty)], render=False))

    # ---- invariants ------------------------------------------------------------------------------------------
    @invariant()
    def the_facts_are_what_the_documents_say(self):
        if self.backend is not None:
            assert self.s.sales.sales_problems() == []

    @invariant()
    def the_report_is_the_sum_of_the_orders_it_covers(self):
        if self.backend is None:
            return
        first = START.astimezone().date()
        report = self.s.sales.report(self.admin, by="day", start=first, end=self.day())
        got = {r.key: [r.figures.orders, r.figures.units, r.figures.net, r.figures.returned_units]
               for r in report.rows}
        want = {d.isoformat(): v for d, v in self.expected.items()}
        assert {k: v for k, v in got.items() if any(v)} == {k: v for k, v in want.items() if any(v)}
        total = [sum(v[i] for v in want.values()) for i in range(4)]
        t = report.total.figures
        assert [t.orders, t.units, t.net, t.returned_units] == total
        by_customer = self.s.sales.report(self.admin, by="customer", start=first, end=self.day())
        assert sum(r.figures.net for r in by_customer.rows) == t.net
        assert sum(r.figures.returned_value for r in by_customer.rows) == t.returned_value


SQLITE = settings(max_examples=examples(15), stateful_step_count=30, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow])
POSTGRES = settings(SQLITE, max_examples=examples(5))


@pytest.fixture
def berlin(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("database", DATABASES)
def test_sales_state_machine(database, request, berlin):
    run_machine(SalesMachine, database, request, sqlite=SQLITE, postgres=POSTGRES)
