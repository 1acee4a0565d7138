"""The order, cart, promotion, warehouse, sign-in and domain messages converted in issue 19 read German on a German
screen: each is raised by the real service or domain function, its English (the CLI's, --json's) is what it was,
and ``text_of`` shows the German of resources/i18n/oms_de_messages.ts with no English left in it."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication

from oms_desktop.domain import tracking
from oms_desktop.domain.document_states import PurchaseOrderStatus, check_move
from oms_desktop.domain.errors import InvalidTransition, PermissionDenied, UserFacingError, ValidationFailed
from oms_desktop.gui.labels import label
from oms_desktop.gui.messages import text_of
from oms_desktop.services.order_lookup import InvalidTrackingNumber
from oms_desktop.services.picking import MAX_ORDERS_PER_LIST
from tests.helpers.translations import language


def de(template: str) -> str:
    """The catalog's German for a template (installed by ``language("de")``)."""
    german = QCoreApplication.translate("Messages", template)
    assert german != template, f"no German for {template!r}"
    return german


def german(exc: UserFacingError, *english: str) -> str:
    """What a German screen shows for ``exc``, checked to hold none of the ``english`` words."""
    with language("de"):
        text = text_of(exc)
    for word in english:
        assert not re.search(rf"\b{re.escape(word)}\b", text), f"English {word!r} left in {text!r}"
    return text


@pytest.fixture(autouse=True)
def application(qapp):
    """The translations are installed into the QApplication."""
    return qapp


@pytest.fixture
def cart(catalog, admin, customer):
    draft = catalog.orders.create_draft(admin, customer.id)
    return catalog.orders.add_line(admin, draft.id, "LAMP-01", 1)


def test_amending_a_cart_reads_german(catalog, admin, cart):
    with pytest.raises(InvalidTransition) as info:
        catalog.orders.amend_order(admin, cart.id, set_lines={"LAMP-01": 2})
    assert str(info.value) == f"{cart.number} is a cart, not a confirmed order; change its lines directly."
    text = german(info.value, "cart", "confirmed", "change", "lines")
    with language("de"):
        assert text == de("{order} is a cart, not a confirmed order; change its lines directly.").format(
            order=cart.number)
    assert "Warenkorb" in text


def test_offering_two_incentives_at_once_names_both_in_german(catalog, admin, cart):
    with pytest.raises(ValidationFailed) as info:
        catalog.carts.offer(admin, cart.id, percent="10", amount="5")
    assert str(info.value) == "offer exactly one of: percent, amount, free shipping, coupon (got percent, amount)"
    text = german(info.value, "offer", "percent", "amount", "got")
    with language("de"):
        assert text == de("offer exactly one of: percent, amount, free shipping, coupon (got {chosen})").format(
            chosen=f"{de('percent')}, {de('amount')}")
    assert text.endswith("(erhalten: Prozent, Betrag)"), text


def test_a_discount_of_more_than_all_names_its_field_in_german(catalog, admin, cart):
    with pytest.raises(ValidationFailed) as info:
        catalog.orders.add_line(admin, cart.id, "BULB-E27", 1, discount="150%")
    assert str(info.value) == "discount '150%' must be a fraction from 0 to below 1 (0.19 or 19%)"
    text = german(info.value, "discount", "fraction", "must")
    assert text.startswith("Rabatt „150%“ muss ein Anteil"), text


def test_a_warehouse_step_that_is_another_action_reads_german(catalog, admin, cart):
    with pytest.raises(InvalidTransition) as info:
        catalog.orders.advance_order(admin, cart.id, "cancelled")
    assert str(info.value) == "Use the cancelled action for that, not a warehouse step."
    text = german(info.value, "Use", "cancelled", "action", "warehouse")
    with language("de"):
        assert text == de("Use the {action} action for that, not a warehouse step.").format(
            action=label("cancelled"))


def test_too_many_orders_for_a_pick_list_reads_german(catalog, admin):
    with pytest.raises(ValidationFailed) as info:
        catalog.picking.create_pick_list(admin, next_n=MAX_ORDERS_PER_LIST + 1)
    most = MAX_ORDERS_PER_LIST
    assert str(info.value) == f"a pick list holds at most {most} orders (asked {most + 1})"
    text = german(info.value, "pick", "list", "orders", "asked")
    assert "Kommissionierliste" in text and str(MAX_ORDERS_PER_LIST + 1) in text


def test_merging_a_customer_with_itself_reads_german(catalog, admin, customer):
    with pytest.raises(ValidationFailed) as info:
        catalog.customers.merge_customers(admin, customer.id, customer.id)
    assert str(info.value).startswith("the customer to keep and the duplicate are the same (")
    text = german(info.value, "customer", "duplicate", "choose")
    assert "Dublette" in text


def test_a_short_password_reads_german(services, admin):
    with pytest.raises(ValidationFailed) as info:
        services.auth.add_user(admin, "bob", "agent", "short")
    assert str(info.value) == "the password must have at least 8 characters (it has 5)"
    text = german(info.value, "password", "characters", "least")
    with language("de"):
        assert text == de("the password must have at least {minimum} characters (it has {length})").format(
            minimum=8, length=5)


def test_a_typo_in_a_tracking_number_reads_german_with_the_domain_problem_too(services, admin):
    valid = tracking.new_tracking_number().replace("-", "")
    typo = valid[:-1] + next(c for c in tracking.ALPHABET if c != valid[-1])
    with pytest.raises(InvalidTrackingNumber) as info:
        services.orders.search_orders(admin, typo)
    assert str(info.value) == (f"tracking number {typo}: '{typo}' is not a valid tracking number (check character "
                               "does not match: probably a typo)")
    text = german(info.value, "tracking", "number", "valid", "typo", "check")
    assert text.startswith(f"Sendungsnummer {typo}: „{typo}“ ist keine gültige Sendungsnummer"), text


def test_a_document_state_names_its_states_in_german():
    with pytest.raises(InvalidTransition) as info:
        check_move(PurchaseOrderStatus, "partly_received", "draft", "PO-000003")
    assert str(info.value) == ("PO-000003 is partly received; it cannot become draft (possible next: partly received, "
                               "received).")
    text = german(info.value, "partly", "received", "draft", "cannot", "possible")
    with language("de"):
        assert text == de("{label} is {status}; it cannot become {target} (possible next: {allowed}).").format(
            label="PO-000003", status=de("partly received"), target=label("draft"),
            allowed=f"{de('partly received')}, {label('received')}")


def test_an_agent_deactivating_a_user_is_refused_in_german(services, users):
    with pytest.raises(PermissionDenied) as info:
        services.auth.deactivate(users["agent"], "manager")
    assert str(info.value).startswith("agent (agent) may not deactivate users;")
    text = german(info.value, "deactivate", "users", "may")
    with language("de"):
        assert de("deactivate users") in text
