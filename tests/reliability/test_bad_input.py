"""Bad input through the services is refused with a message naming the problem, and changes nothing at all."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from oms_desktop.config import Paths
from oms_desktop.domain.errors import BusinessRuleViolation, NotFound, PermissionDenied, ValidationFailed
from oms_desktop.services import Services
from oms_desktop.services.dto import Actor
from tests.helpers.dumps import dump
from tests.helpers.fixtures import SAMPLE_CATALOG

HEADER = "sku,name,unit_price,tax_rate,barcode,category,location,on_hand,reorder_point\n"


@dataclass
class World:
    backend: object
    services: Services
    admin: Actor
    agent: Actor
    warehouse: Actor
    manager: Actor
    draft_id: int
    customer_id: int


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def world(request, tmp_path_factory):
    """One database per backend for the whole module: every case below must leave it as it found it anyway."""
    root = tmp_path_factory.mktemp("bad-input")
    url = (f"sqlite:///{root / 'oms.db'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_databases").create())
    paths = Paths(root / "data", root / "config", root / "logs", root / "backups").ensure()
    backend = open_backend(url, paths=paths, hasher=fast_test_hasher())
    s = backend.services
    s.auth.add_user(None, "admin", "admin", "admin-pw")
    admin = s.auth.actor_for("admin")
    for role in ("agent", "warehouse", "manager"):
        s.auth.add_user(admin, role, role, f"{role}-pw")
    s.catalog.import_catalog(admin, SAMPLE_CATALOG.encode())
    customer = s.customers.add_customer(admin, "Anna Schmidt", ["0171 555-0100"])
    agent = s.auth.actor_for("agent")
    s.orders.place_order(agent, customer.id, [("LAMP-01", 2)])  # 2 of 10 reserved
    draft = s.orders.create_draft(agent, customer.id)
    s.orders.add_line(agent, draft.id, "BULB-E27", 3)
    yield World(backend, s, admin, agent, s.auth.actor_for("warehouse"), s.auth.actor_for("manager"), draft.id,
                customer.id)
    backend.dispose()


def _csv(*rows: str, header: str = HEADER) -> bytes:
    return (header + "".join(r + "\n" for r in rows)).encode()


# Each case: (id, call, expected error, a regex the message must contain).
CASES = [
    # ---- quantities when placing orders ----
    ("place zero", lambda w: w.services.orders.place_order(w.agent, None, [("LAMP-01", 0)]),
     ValidationFailed, r"quantity for LAMP-01 must be at least 1 \(got 0\)"),
    ("place negative", lambda w: w.services.orders.place_order(w.agent, None, [("LAMP-01", -3)]),
     ValidationFailed, r"quantity for LAMP-01 must be at least 1 \(got -3\)"),
    ("place huge", lambda w: w.services.orders.place_order(w.agent, None, [("LAMP-01", 10**7)]),
     ValidationFailed, r"quantity for LAMP-01 10000000 is too large \(at most 1000000\)"),
    ("place huge text", lambda w: w.services.orders.place_order(w.agent, None, [("LAMP-01", "9" * 20)]),
     ValidationFailed, r"quantity for LAMP-01 '9+' is too large"),
    ("place fraction", lambda w: w.services.orders.place_order(w.agent, None, [("LAMP-01", "3.5")]),
     ValidationFailed, r"quantity for LAMP-01 '3\.5' is not a whole number"),
    ("place letters", lambda w: w.services.orders.place_order(w.agent, None, [("LAMP-01", "abc")]),
     ValidationFailed, r"quantity for LAMP-01 'abc' is not a whole number"),
    ("place superscript", lambda w: w.services.orders.place_order(w.agent, None, [("LAMP-01", "²")]),
     ValidationFailed, r"quantity for LAMP-01 '²' is not a whole number"),
    ("place every problem", lambda w: w.services.orders.place_order(w.agent, None, [("LAMP-01", "x"),
                                                                                     ("BOOK-01", 0)]),
     ValidationFailed, r"LAMP-01 'x' is not a whole number; quantity for BOOK-01 must be at least 1"),
    ("place no lines", lambda w: w.services.orders.place_order(w.agent, None, []),
     ValidationFailed, r"an order needs at least one line"),
    ("place unknown sku", lambda w: w.services.orders.place_order(w.agent, None, [("LAMP-01", 1), ("NOPE-1", 1)]),
     NotFound, r"Unknown SKU\(s\): NOPE-1"),
    ("place unknown customer", lambda w: w.services.orders.place_order(w.agent, 987654, [("LAMP-01", 1)]),
     NotFound, r"No customer number 987654"),
    ("place unknown channel", lambda w: w.services.orders.place_order(w.agent, None, [("LAMP-01", 1)],
                                                                       channel="fax"),
     ValidationFailed, r"channel 'fax' is unknown"),
    # ---- lines of a draft ----
    ("add zero", lambda w: w.services.orders.add_line(w.agent, w.draft_id, "LAMP-01", 0),
     ValidationFailed, r"must be at least 1 \(got 0\)"),
    ("add negative", lambda w: w.services.orders.add_line(w.agent, w.draft_id, "LAMP-01", "-2"),
     ValidationFailed, r"must be at least 1 \(got -2\)"),
    ("add huge", lambda w: w.services.orders.add_line(w.agent, w.draft_id, "LAMP-01", 1_000_001),
     ValidationFailed, r"1000001 is too large"),
    ("add fraction", lambda w: w.services.orders.add_line(w.agent, w.draft_id, "LAMP-01", "3.5"),
     ValidationFailed, r"'3\.5' is not a whole number"),
    ("add letters", lambda w: w.services.orders.add_line(w.agent, w.draft_id, "LAMP-01", "abc"),
     ValidationFailed, r"'abc' is not a whole number"),
    ("add bumps past the limit", lambda w: w.services.orders.add_line(w.agent, w.draft_id, "BULB-E27", 999_998),
     ValidationFailed, r"BULB-E27 1000001 is too large"),
    ("add unknown sku", lambda w: w.services.orders.add_line(w.agent, w.draft_id, "NOPE-1", 1),
     NotFound, r"Unknown SKU or barcode 'NOPE-1'"),
    ("add empty sku", lambda w: w.services.orders.add_line(w.agent, w.draft_id, "  ", 1),
     ValidationFailed, r"SKU is empty"),
    ("add to unknown order", lambda w: w.services.orders.add_line(w.agent, "SO-999999", "LAMP-01", 1),
     NotFound, r"No order SO-999999"),
    ("override with three decimals",
     lambda w: w.services.orders.add_line(w.manager, w.draft_id, "LAMP-01", 1, unit_price="19.999"),
     ValidationFailed, r"unit price '19\.999' has more than 2 decimals"),
    ("override negative", lambda w: w.services.orders.add_line(w.manager, w.draft_id, "LAMP-01", 1, unit_price="-1"),
     ValidationFailed, r"unit price must not be negative"),
    ("override letters", lambda w: w.services.orders.add_line(w.manager, w.draft_id, "LAMP-01", 1, unit_price="abc"),
     ValidationFailed, r"unit price 'abc' is not a number"),
    ("override line price with three decimals",
     lambda w: w.services.orders.set_line_price(w.manager, w.draft_id, 1, unit_price="3.499"),
     ValidationFailed, r"unit price '3\.499' has more than 2 decimals"),
    ("discount above 100 %", lambda w: w.services.orders.add_line(w.manager, w.draft_id, "LAMP-01", 1,
                                                                   discount="150%"),
     ValidationFailed, r"discount '150%' must be a fraction from 0 to below 1"),
    ("discount too precise", lambda w: w.services.orders.add_line(w.manager, w.draft_id, "LAMP-01", 1,
                                                                   discount="0.123456"),
     ValidationFailed, r"discount '0\.123456' has too many decimals"),
    ("set quantity fraction", lambda w: w.services.orders.set_line_quantity(w.agent, w.draft_id, 1, "3.5"),
     ValidationFailed, r"quantity for BULB-E27 '3\.5' is not a whole number"),
    ("set quantity negative", lambda w: w.services.orders.set_line_quantity(w.agent, w.draft_id, 1, -1),
     ValidationFailed, r"quantity for BULB-E27 must be at least 0"),
    ("set quantity of a missing line", lambda w: w.services.orders.set_line_quantity(w.agent, w.draft_id, 99, 1),
     NotFound, r"has no line 99"),
    ("draft for unknown customer", lambda w: w.services.orders.create_draft(w.agent, 987654),
     NotFound, r"No customer number 987654"),
    ("set unknown customer", lambda w: w.services.orders.set_customer(w.agent, w.draft_id, 987654),
     NotFound, r"No customer number 987654"),
    # ---- stock adjustments ----
    ("adjust zero", lambda w: w.services.inventory.adjust_stock(w.warehouse, "LAMP-01", 0, "count"),
     ValidationFailed, r"quantity must not be zero"),
    ("adjust huge", lambda w: w.services.inventory.adjust_stock(w.warehouse, "LAMP-01", 10**9, "found"),
     ValidationFailed, r"quantity 1000000000 is too large"),
    ("adjust fraction", lambda w: w.services.inventory.adjust_stock(w.warehouse, "LAMP-01", "3.5", "count"),
     ValidationFailed, r"quantity '3\.5' is not a whole number"),
    ("adjust letters", lambda w: w.services.inventory.adjust_stock(w.warehouse, "LAMP-01", "abc", "count"),
     ValidationFailed, r"quantity 'abc' is not a whole number"),
    ("adjust unknown sku", lambda w: w.services.inventory.adjust_stock(w.warehouse, "NOPE-1", 1, "count"),
     NotFound, r"No product with SKU 'NOPE-1'"),
    ("adjust without reason", lambda w: w.services.inventory.adjust_stock(w.warehouse, "LAMP-01", 1, ""),
     ValidationFailed, r"reason '' is unknown \(choose one of: count, "),
    # ---- customers ----
    ("customer without name", lambda w: w.services.customers.add_customer(w.agent, ""),
     ValidationFailed, r"the customer's name is empty"),
    ("customer with blank name", lambda w: w.services.customers.add_customer(w.agent, " \t "),
     ValidationFailed, r"the customer's name is empty"),
    ("customer with long name", lambda w: w.services.customers.add_customer(w.agent, "x" * 201),
     ValidationFailed, r"longer than 200 characters"),
    ("customer with bad email and phone",
     lambda w: w.services.customers.add_customer(w.agent, "Bob", ["call me"], "bob-at-example"),
     ValidationFailed, r"email 'bob-at-example' is not an email address; phone 'call me' is not a phone number"),
    # ---- catalog imports ----
    ("import empty name", lambda w: w.services.catalog.import_catalog(w.admin, _csv("NEW-1,,1.00,0.19,,,,1,0")),
     ValidationFailed, r"row 2, column name: name is empty"),
    ("import price with three decimals",
     lambda w: w.services.catalog.import_catalog(w.admin, _csv("NEW-1,New,1.999,0.19,,,,1,0")),
     ValidationFailed, r"row 2, column unit_price: unit_price '1\.999' has more than 2 decimals"),
    ("import negative price",
     lambda w: w.services.catalog.import_catalog(w.admin, _csv("NEW-1,New,-1.00,0.19,,,,1,0")),
     ValidationFailed, r"unit_price must not be negative"),
    ("import fractional stock",
     lambda w: w.services.catalog.import_catalog(w.admin, _csv("NEW-1,New,1.00,0.19,,,,3.5,0")),
     ValidationFailed, r"row 2, column on_hand: on_hand '3\.5' is not a whole number"),
    ("import huge stock",
     lambda w: w.services.catalog.import_catalog(w.admin, _csv("NEW-1,New,1.00,0.19,,,,99999999,0")),
     ValidationFailed, r"on_hand 99999999 is too large"),
    ("import unbalanced quotes",
     lambda w: w.services.catalog.import_catalog(w.admin, _csv('NEW-1,"New,1.00,0.19,,,,1,0')),
     ValidationFailed, r"malformed CSV"),
    ("import wrong field count",
     lambda w: w.services.catalog.import_catalog(w.admin, _csv("NEW-1,New,1.00,0.19,,,,1,0", "NEW-2,New,1.00")),
     ValidationFailed, r"row 3: has 3 fields, the header has 9"),
    ("import missing column",
     lambda w: w.services.catalog.import_catalog(w.admin, _csv("NEW-1,New,1.00", header="sku,name,unit_price\n")),
     ValidationFailed, r"missing column\(s\): tax_rate"),
    ("import duplicate sku",
     lambda w: w.services.catalog.import_catalog(w.admin, _csv("NEW-1,New,1.00,0,,,,1,0", "new-1,Again,2.00,0,,,,1,0")),
     ValidationFailed, r"row 3, column sku: SKU NEW-1 appears again \(first on row 2\)"),
    ("import non-UTF-8",
     lambda w: w.services.catalog.import_catalog(w.admin, HEADER.encode() + b"NEW-1,Gr\xfc\xdfe,1.00,0,,,,1,0\n"),
     ValidationFailed, r"not UTF-8 text \(bad byte 0xfc at line 2\)"),
    ("import a barcode another product owns",
     lambda w: w.services.catalog.import_catalog(w.admin, _csv("NEW-1,New,1.00,0,4006381333931,,,1,0")),
     ValidationFailed, r"barcode 4006381333931 already belongs to LAMP-01"),
    ("import stock below what is reserved",  # the product row is updated before the problem shows: rolled back
     lambda w: w.services.catalog.import_catalog(w.admin, _csv("NEW-1,New,1.00,0,,,,5,0",
                                                               "LAMP-01,Renamed lamp,21.00,0.19,,,,1,0")),
     ValidationFailed, r"LAMP-01: 2 are reserved, on_hand cannot be 1"),
    # ---- till sessions (issue 16) ----
    ("till negative float", lambda w: w.services.till.open(w.manager, "FRONT", "-10.00"),
     ValidationFailed, r"the float must not be negative \(got -10\.00\)"),
    ("till float three decimals and no name", lambda w: w.services.till.open(w.manager, " ", "1.005"),
     ValidationFailed, r"the till needs a name.*; the float '1\.005' has more than 2 decimals"),
    ("till cash without a reason", lambda w: w.services.till.cash_in(w.manager, "FRONT", "5", " "),
     ValidationFailed, r"say why the cash moves"),
    ("till cash into a closed till", lambda w: w.services.till.cash_out(w.manager, "FRONT", "5", "safe"),
     BusinessRuleViolation, r"Till FRONT is not open"),
    ("till close a closed till", lambda w: w.services.till.close(w.manager, "FRONT", {"cash": "0"}),
     BusinessRuleViolation, r"Till FRONT is not open, so there is nothing to close"),
    ("till close without counting cash", lambda w: w.services.till.close(w.manager, "FRONT", {"card": "1"}),
     ValidationFailed, r"counted cash is required"),
    ("till opened by an agent", lambda w: w.services.till.open(w.agent, "FRONT", "10"),
     PermissionDenied, r"agent \(agent\) may not open a till"),
]


@pytest.mark.parametrize("call, error, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_refused_with_a_clear_message_and_changes_nothing(world, call, error, message):
    before = dump(world.backend.engine)
    with pytest.raises(error) as e:
        call(world)
    assert re.search(message, str(e.value)), str(e.value)
    assert dump(world.backend.engine) == before


def test_the_dump_sees_a_change(world):
    # The comparison above proves nothing unless a real change shows up in the dump.
    before = dump(world.backend.engine)
    world.services.events.since(world.agent, 0)  # reading changes nothing
    assert dump(world.backend.engine) == before
    world.services.customers.add_customer(world.agent, "Zed")
    after = dump(world.backend.engine)
    assert after != before
    assert len(after["customers"]) == len(before["customers"]) + 1
