"""Issue 18: products and customers carry a version; a save over someone else's change is refused with who and
when, never a silent overwrite (services/edit_stamps.py). Two workstations here are two backends on one database,
each with its own connection pool, on SQLite and on PostgreSQL."""
from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from oms_desktop.adapters.db import models as m
from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from oms_desktop.domain.errors import StaleEdit


@pytest.fixture
def second_desk(backend, paths):
    """Another workstation on the same database, with Bob signed in there."""
    other = open_backend(backend.url, paths=paths, hasher=fast_test_hasher(), migrate=False)
    yield other
    other.dispose()


@pytest.fixture
def bob(services, admin):
    services.auth.add_user(admin, "bob", "manager", "bob-pw-long", "Bob Builder")
    return "bob", "bob-pw-long"


def _audit_count(backend) -> int:
    with backend.engine.connect() as c:
        return c.execute(select(func.count()).select_from(m.AuditEntry.__table__)).scalar_one()


def _form(details, **changes) -> dict[str, str]:
    """What the product editor sends: every field as shown, with the user's changes."""
    p = details.product
    shown = dict(sku=p.sku, name=p.name, unit_price=str(p.unit_price), tax_rate=str(p.tax_rate),
                 unit_cost=str(details.unit_cost), barcode=p.barcode or "", category=p.category, location=p.location,
                 reorder_point=str(p.reorder_point), reorder_qty=str(p.reorder_qty), description=p.description)
    return {**shown, **changes}


def test_a_product_saved_over_someone_elses_change_is_refused_naming_them_and_nothing_changes(
        backend, catalog, admin, bob, second_desk):
    s = catalog
    opened = s.catalog.get_product_details(admin, "LAMP-01")            # Ada opens the editor
    bob_actor = second_desk.services.auth.sign_in(*bob)
    bobs = second_desk.services.catalog.get_product_details(bob_actor, "LAMP-01")
    assert opened.version == bobs.version
    second_desk.services.catalog.update_product(bob_actor, "LAMP-01", _form(bobs, unit_price="24.99"),
                                                 expected_version=bobs.version)
    audited = _audit_count(backend)

    with pytest.raises(StaleEdit) as refused:                           # Ada saves what she typed
        s.catalog.update_product(admin, "LAMP-01", _form(opened, name="Desk lamp, brass"),
                                 expected_version=opened.version)
    message = str(refused.value)
    assert "Bob Builder" in message and "LAMP-01" in message and "nothing was saved" in message
    assert refused.value.exit_code == 3 and refused.value.version == opened.version + 1
    now = s.catalog.get_product_details(admin, "LAMP-01")
    assert now.product.name == "Desk lamp" and now.product.unit_price == Decimal("24.99")
    assert _audit_count(backend) == audited                             # nothing written, not even the audit

    # opened again, her change goes through on top of Bob's
    s.catalog.update_product(admin, "LAMP-01", _form(now, name="Desk lamp, brass"), expected_version=now.version)
    after = s.catalog.get_product_details(admin, "LAMP-01")
    assert (after.product.name, after.product.unit_price, after.version) == (
        "Desk lamp, brass", Decimal("24.99"), now.version + 1)


def test_a_customer_saved_over_someone_elses_change_is_refused_naming_them(backend, services, admin, customer, bob,
                                                                            second_desk):
    shown, version = services.customers.get_customer_for_edit(admin, customer.id)
    bob_actor = second_desk.services.auth.sign_in(*bob)
    _, bobs_version = second_desk.services.customers.get_customer_for_edit(bob_actor, customer.id)
    second_desk.services.customers.update_customer(bob_actor, customer.id, email="anna.schmidt@example.org",
                                                   expected_version=bobs_version)
    audited = _audit_count(backend)
    with pytest.raises(StaleEdit) as refused:
        services.customers.update_customer(admin, customer.id, name="Anna Schmidt-Lang", expected_version=version)
    assert _audit_count(backend) == audited
    assert "Bob Builder" in str(refused.value) and shown.number in str(refused.value)
    now, now_version = services.customers.get_customer_for_edit(admin, customer.id)
    assert (now.name, now.email, now_version) == ("Anna Schmidt", "anna.schmidt@example.org", version + 1)


def test_a_save_without_a_version_as_the_command_line_makes_still_counts_so_open_editors_see_it(catalog, admin):
    opened = catalog.catalog.get_product_details(admin, "BOOK-01")
    catalog.catalog.update_product(admin, "BOOK-01", _form(opened, name="Field guide, 2nd ed."))   # oms catalog
    with pytest.raises(StaleEdit):
        catalog.catalog.update_product(admin, "BOOK-01", _form(opened, name="Field guide, 3rd ed."),
                                       expected_version=opened.version)
    assert catalog.catalog.get_product_details(admin, "BOOK-01").product.name == "Field guide, 2nd ed."


def test_of_two_saves_from_the_same_version_at_the_same_moment_exactly_one_wins(backend, catalog, admin, bob,
                                                                               second_desk):
    opened = catalog.catalog.get_product_details(admin, "BULB-E27")
    version = opened.version
    bob_actor = second_desk.services.auth.sign_in(*bob)
    desks = [(catalog, admin, "LED bulb E27 (Ada)"), (second_desk.services, bob_actor, "LED bulb E27 (Bob)")]
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def save(services, actor, name):
        start.wait()
        try:
            services.catalog.update_product(actor, "BULB-E27", _form(opened, name=name), expected_version=version)
            outcomes.append("saved " + name)
        except StaleEdit:
            outcomes.append("refused")

    threads = [threading.Thread(target=save, args=d) for d in desks]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(o == "refused" for o in outcomes) == [False, True], outcomes
    winner = next(o for o in outcomes if o.startswith("saved")).removeprefix("saved ")
    after = catalog.catalog.get_product_details(admin, "BULB-E27")
    assert after.product.name == winner and after.version == version + 1
