"""Random sequences of placing, confirming, cancelling, adjusting and shipping keep every stock invariant, and the
database agrees with a plain-dict model of what should have happened."""
from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, initialize, invariant, multiple, rule
from sqlalchemy import text

from oms_desktop.domain.errors import BusinessRuleViolation, InvalidTransition, OutOfStock
from tests.helpers.state_machines import FreshDatabaseMachine

SKUS = ("SM-A", "SM-B", "SM-C")
OPENING = {"SM-A": 30, "SM-B": 12, "SM-C": 0}  # SM-C starts sold out: shortages from step one
HOLDING = ("confirmed", "picking", "packed")
CANCELLABLE = ("draft", "confirmed", "picking")  # once packed, an order can only go on or back to picking
NEXT_STEP = {"confirmed": "picking", "picking": "packed", "packed": "shipped"}

order_lines = st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 4)), min_size=1, max_size=4)

pytestmark = pytest.mark.slow


class StockMachine(FreshDatabaseMachine):
    orders = Bundle("orders")

    @initialize()
    def open_a_fresh_database(self):
        s, admin = self.fresh_database("oms-sm-")
        self.services = s
        s.auth.add_user(admin, "agent", "agent", "agent-pw")
        s.auth.add_user(admin, "wh", "warehouse", "wh-pw")
        self.agent, self.warehouse = s.auth.actor_for("agent"), s.auth.actor_for("wh")
        csv = "sku,name,unit_price,tax_rate,on_hand\n" + "".join(f"{k},{k},1.00,0.19,{v}\n"
                                                                 for k, v in OPENING.items())
        s.catalog.import_catalog(admin, csv.encode())
        self.on_hand = dict(OPENING)
        self.reserved = dict.fromkeys(SKUS, 0)
        self.status: dict[int, str] = {}
        self.lines: dict[int, Counter] = {}

    # ---- model helpers ----------------------------------------------------------------------------------------
    def _fits(self, wanted: Counter) -> bool:
        return all(self.on_hand[k] - self.reserved[k] >= q for k, q in wanted.items())

    def _reserve(self, oid: int, wanted: Counter) -> None:
        for k, q in wanted.items():
            self.reserved[k] += q
        self.status[oid] = "confirmed"
        self.lines[oid] = wanted

    # ---- rules -----------------------------------------------------------------------------------------------
    @rule(target=orders, lines=order_lines)
    def place(self, lines):
        wanted = Counter()
        for sku, q in lines:
            wanted[sku] += q
        event(f"place {'fits' if self._fits(wanted) else 'short'}")
        if self._fits(wanted):
            order = self.services.orders.place_order(self.agent, None, lines)
            self._reserve(order.id, wanted)
            return order.id
        with pytest.raises(OutOfStock) as e:
            self.services.orders.place_order(self.agent, None, lines)
        assert {s.sku for s in e.value.shortages} == {k for k, q in wanted.items()
                                                      if self.on_hand[k] - self.reserved[k] < q}
        return multiple()

    @rule(target=orders, lines=order_lines)
    def draft_then_confirm(self, lines):
        draft = self.services.orders.create_draft(self.agent)
        wanted = Counter()
        for sku, q in lines:
            self.services.orders.add_line(self.agent, draft.id, sku, q)
            wanted[sku] += q
        self.status[draft.id], self.lines[draft.id] = "draft", wanted
        if self._fits(wanted):
            self.services.orders.confirm_order(self.agent, draft.id)
            self._reserve(draft.id, wanted)
        else:
            with pytest.raises(OutOfStock):
                self.services.orders.confirm_order(self.agent, draft.id)
        return draft.id

    @rule(oid=orders)
    def cancel(self, oid):
        status = self.status[oid]
        event(f"cancel {status}")
        if status in CANCELLABLE:
            self.services.orders.cancel_order(self.agent, oid, "changed mind")
            if status in HOLDING:
                for k, q in self.lines[oid].items():
                    self.reserved[k] -= q
            self.status[oid] = "cancelled"
        else:
            with pytest.raises(InvalidTransition):
                self.services.orders.cancel_order(self.agent, oid)

    @rule(sku=st.sampled_from(SKUS), delta=st.sampled_from([d for d in range(-8, 13) if d]))
    def adjust(self, sku, delta):
        if self.on_hand[sku] + delta >= self.reserved[sku]:
            assert self.services.inventory.adjust_stock(self.warehouse, sku, delta, "count") == \
                self.on_hand[sku] + delta
            self.on_hand[sku] += delta
        else:
            with pytest.raises(BusinessRuleViolation):
                self.services.inventory.adjust_stock(self.warehouse, sku, delta, "count")

    @rule(oid=orders)
    def advance_one_step(self, oid):
        status = self.status[oid]
        if status not in NEXT_STEP:
            with pytest.raises(InvalidTransition):
                self.services.orders.advance_order(self.warehouse, oid, "picking")
            return
        self._step(oid)

    @rule(oid=orders)
    def ship(self, oid):
        if self.status[oid] not in NEXT_STEP:
            with pytest.raises(InvalidTransition):
                self.services.orders.advance_order(self.warehouse, oid, "shipped")
            return
        while self.status[oid] != "shipped":
            self._step(oid)

    def _step(self, oid):
        target = NEXT_STEP[self.status[oid]]
        event(f"advance to {target}")
        assert self.services.orders.advance_order(self.warehouse, oid, target).status == target
        if target == "shipped":
            for k, q in self.lines[oid].items():
                self.on_hand[k] -= q
                self.reserved[k] -= q
        self.status[oid] = target

    # ---- invariants, checked after every step ------------------------------------------------------------------
    @invariant()
    def stock_is_consistent_and_matches_the_model(self):
        if self.backend is None:
            return
        with self.backend.engine.connect() as c:
            stock = {r.sku: (r.on_hand, r.reserved) for r in c.execute(text(
                "SELECT p.sku, s.on_hand, s.reserved FROM stock s JOIN products p ON p.id = s.product_id"))}
            held = dict.fromkeys(SKUS, 0)
            held.update({r.sku: r.q for r in c.execute(text(
                "SELECT l.sku, sum(l.quantity) AS q FROM order_lines l JOIN orders o ON o.id = l.order_id "
                "WHERE o.status IN ('confirmed', 'picking', 'packed') GROUP BY l.sku"))})
            statuses = dict(c.execute(text("SELECT id, status FROM orders")).all())
        assert all(oh >= 0 and rs >= 0 and rs <= oh for oh, rs in stock.values()), stock
        assert self.services.inventory.invariant_violations() == []
        assert {k: rs for k, (_, rs) in stock.items()} == held
        assert stock == {k: (self.on_hand[k], self.reserved[k]) for k in SKUS}
        assert statuses == self.status


StockMachine.TestCase.settings = settings(max_examples=25, stateful_step_count=30, deadline=None,
                                          suppress_health_check=[HealthCheck.too_slow])
TestStockStateMachine = StockMachine.TestCase
