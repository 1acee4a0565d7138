"""Delivery addresses (issue 15): each order keeps where it goes, from the customer, typed in or imported; the
packing slip and the pick list print it; it can change until the order is packed."""
from __future__ import annotations

import json
import subprocess

import pytest

from oms_desktop.domain.errors import InvalidTransition, ValidationFailed

SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_an_order_starts_with_the_customers_shipping_address_and_keeps_it(catalog, customer, admin):
    s = catalog
    placed = s.orders.place_order(admin, customer.id, [("LAMP-01", 1)])
    assert placed.ship_to.splitlines() == ["Anna Schmidt", "Hauptstr. 1", "10115 Berlin"]
    draft = s.orders.create_draft(admin, customer.id)
    assert s.orders.get_order(admin, draft.number).ship_to == placed.ship_to
    # the customer moves: the orders taken before still go where they were meant to
    s.customers.add_customer(admin, "Other", email="o@example.com", billing_address="Elsewhere 2\n20095 Hamburg")
    assert s.orders.get_order(admin, placed.number).ship_to.splitlines()[-1] == "10115 Berlin"


@SQLITE_ONLY
def test_a_typed_address_goes_on_the_packing_slip_and_the_pick_list(catalog, customer, admin, users, tmp_path):
    s = catalog
    order = s.orders.place_order(admin, customer.id, [("LAMP-01", 1)],
                                 ship_to="Anna Schmidt\nc/o Büro Meier\nAm Markt 5\n04109 Leipzig\nDE")
    changed = s.orders.set_ship_to(admin, order.number, "Anna Schmidt\nc/o Büro Meier\nAm Markt 7\n04109 Leipzig\nDE")
    assert "Am Markt 7" in changed.ship_to
    pick = s.picking.create_pick_list(users["warehouse"], [order.number])
    text = pdf_text(s.picking.pick_list_pdf(users["warehouse"], pick.number), tmp_path)
    assert "04109 Leipzig · DE" in text
    s.picking.confirm_picks(users["warehouse"], pick.number)
    s.shipping.pack_order(users["warehouse"], order.number, carrier="DHL", carrier_ref="00340434161234567890")
    slip = pdf_text(s.shipping.packing_slip_pdf(users["warehouse"], order.number), tmp_path)
    assert "c/o Büro Meier" in slip and "Am Markt 7" in slip and "Hauptstr. 1" not in slip
    with pytest.raises(InvalidTransition):
        s.orders.set_ship_to(admin, order.number, "Somewhere else")


@SQLITE_ONLY
def test_an_address_that_holds_a_card_number_or_is_too_long_is_refused(catalog, customer, admin):
    with pytest.raises(ValidationFailed, match="card number"):
        catalog.orders.place_order(admin, customer.id, [("LAMP-01", 1)], ship_to="Anna\n4111 1111 1111 1111")
    with pytest.raises(ValidationFailed, match="longer than"):
        catalog.orders.place_order(admin, customer.id, [("LAMP-01", 1)], ship_to="x" * 1001)


@SQLITE_ONLY
def test_a_customer_keeps_several_addresses_and_an_order_goes_to_one(catalog, customer, admin):
    s = catalog
    kept = s.customers.add_address(admin, customer.id, "Office", "Acme GmbH\nIndustriestr. 9\n12099 Berlin")
    assert [(a.label, a.address.splitlines()[0]) for a in kept.addresses] == [("Office", "Acme GmbH")]
    with pytest.raises(ValidationFailed, match="already"):
        s.customers.add_address(admin, customer.id, "office", "Elsewhere 1")
    order = s.orders.create_draft(admin, customer.id)
    order = s.orders.set_ship_to(admin, order.number, saved="OFFICE")
    assert order.ship_to.splitlines() == ["Anna Schmidt", "Acme GmbH", "Industriestr. 9", "12099 Berlin"]
    s.customers.remove_address(admin, customer.id, kept.addresses[0].id)
    assert s.orders.get_order(admin, order.number).ship_to == order.ship_to  # the order keeps its copy
    back = s.orders.set_ship_to(admin, order.number)  # nothing given: the customer's shipping address again
    assert back.ship_to.splitlines()[1:] == ["Hauptstr. 1", "10115 Berlin"]


@SQLITE_ONLY
def test_the_cli(cli_shop):
    oms = cli_shop
    code, out, _ = oms("customer", "address", "1", "add", "Mother", "Gerda Schmidt | Rosenweg 3 | 01067 Dresden",
                       user="admin")
    assert code == 0 and "Mother" in out and "Rosenweg 3" in out
    code, out, _ = oms("order", "place", "--customer", "1", "--line", "LAMP-01=1", "--json", user="admin")
    number = json.loads(out)["number"]
    code, out, _ = oms("order", "ship-to", number, "--saved", "mother", user="admin")
    assert code == 0 and "01067 Dresden" in out
    code, _out, err = oms("order", "ship-to", number, "--saved", "Nowhere", user="admin")
    assert code == 2 and "only: Mother" in err


@SQLITE_ONLY
def test_a_customer_is_edited_with_every_problem_named_and_audited(catalog, customer, admin):
    s = catalog
    with pytest.raises(ValidationFailed) as refused:
        s.customers.update_customer(admin, customer.id, name=" ", email="not-an-address", phones=["abc"])
    assert len(refused.value.problems) == 3  # name, e-mail and phone, all named
    assert s.customers.get_customer(admin, customer.id).name == "Anna Schmidt"  # nothing changed
    order = s.orders.place_order(admin, customer.id, [("LAMP-01", 1)])
    edited = s.customers.update_customer(admin, customer.id, name="Anna Schmidt-Meyer", phones=["+49 30 1234567"],
                                         shipping_address="Neue Str. 2\n10117 Berlin")
    assert edited.phones == ("+49 30 1234567",) and edited.shipping_address.startswith("Neue Str. 2")
    assert s.customers.resolve(admin, "030 1234567").id == customer.id  # found by the new phone
    assert s.orders.get_order(admin, order.number).ship_to.splitlines()[1] == "Hauptstr. 1"  # taken before: kept
    from sqlalchemy import select
    from oms_desktop.adapters.db import models as m
    with s.orders._uow(write=False) as uow:  # the audit trail holds the old and new values
        rows = uow._conn.execute(select(m.AuditEntry.__table__).where(
            m.AuditEntry.__table__.c.action == "customer.edit")).all()
    assert len(rows) == 1 and "Anna Schmidt-Meyer" in rows[0].new_values and "Hauptstr. 1" in rows[0].old_values
