"""Messages with templates (issue 19): their English text is what it always was (the CLI and --json show it), each
remembers its template and parameters for the GUI, and gui/message_catalog.py, which lupdate reads, holds every
template of the sources."""
from __future__ import annotations

import importlib.util
import pickle
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from oms_desktop.domain.errors import (InvalidTransition, OutOfStock, PermissionDenied, Shortage,
                                       ValidationFailed)
from oms_desktop.domain.messages import Code, Joined, Message, msg
from oms_desktop.domain.money import parse_amount
from oms_desktop.domain.orders import check_transition, parse_quantity
from oms_desktop.domain.promotions import Cart, Coupon, coupon_refusal
from oms_desktop.domain.roles import Perm, require

ROOT = Path(__file__).resolve().parents[2]


def _i18n():
    spec = importlib.util.spec_from_file_location("packaging_i18n", ROOT / "packaging" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Agent:
    username = "bob"
    role = "agent"


def test_the_generated_message_catalog_holds_every_template_of_the_sources():
    i18n = _i18n()
    assert (ROOT / "oms_desktop" / "gui" / "message_catalog.py").read_text(encoding="utf-8") == i18n.catalog_text(), \
        "oms_desktop/gui/message_catalog.py is stale: run `python packaging/i18n.py update messages`, translate, " \
        "`python packaging/build_ui.py`, and commit"


def test_the_extraction_finds_templates_phrases_and_fields():
    templates = _i18n().message_templates()
    assert "only {available} of {sku} available (ordered {requested})" in templates  # msg(...) in the domain
    assert "coupon {code} does not exist" in templates                                 # msg(...) in a service
    assert "change company settings" in templates                                      # require(..., "what")
    assert "unit price" in templates                                                   # parse_amount(field=...)
    assert "amount" in templates                                                       # parse_amount's default
    assert all(t == t.strip() and t for t in templates)


def test_a_message_is_its_english_text_and_keeps_template_and_parameters():
    m = msg("only {available} of {sku} available", available=2, sku="ROPE-01")
    assert m == "only 2 of ROPE-01 available" and str(m) == "only 2 of ROPE-01 available"
    assert isinstance(m, str) and m.template == "only {available} of {sku} available"
    assert m.params == {"available": 2, "sku": "ROPE-01"}
    again = pickle.loads(pickle.dumps(m))
    assert isinstance(again, Message) and again.template == m.template and again == m
    assert Joined([msg("a"), msg("b")], ", ") == "a, b"


def test_out_of_stock_reads_as_before_and_keeps_each_shortage_as_a_message():
    exc = OutOfStock([Shortage("ROPE-01", 5, 2), Shortage("DESK-01", 3, 0)])
    assert str(exc) == ("Not enough stock: only 2 of ROPE-01 available (ordered 5); only 0 of DESK-01 available "
                        "(ordered 3). Reduce the quantity, remove the line or place a backorder.")
    assert isinstance(exc.message, Message) and isinstance(exc.message.params["shortages"], Joined)


def test_permission_refusal_reads_as_before_with_the_role_as_a_code():
    with pytest.raises(PermissionDenied) as info:
        require(Agent(), Perm.SETTINGS, "change company settings")
    assert str(info.value) == ("bob (agent) may not change company settings; ask a user with the right role "
                               "(needs 'settings').")
    who = info.value.message.params["who"]
    assert isinstance(who.params["role"], Code)
    with pytest.raises(PermissionDenied, match="^nobody signed in may not add users;"):
        require(None, Perm.USER_ADMIN, "add users")


@pytest.mark.parametrize("value, allow_zero, english", [
    (True, False, "quantity for LAMP-01 must be a whole number"),
    (1.5, False, "quantity for LAMP-01 '1.5' is not a whole number"),
    ("x", False, "quantity for LAMP-01 'x' is not a whole number"),
    ("1.5", False, "quantity for LAMP-01 '1.5' is not a whole number"),
    (0, False, "quantity for LAMP-01 must be at least 1 (got 0)"),
    (-1, True, "quantity for LAMP-01 must be at least 0 (got -1)"),
    (10 ** 9, False, "quantity for LAMP-01 1000000000 is too large (at most 1000000)"),
])
def test_quantity_problems_read_as_before(value, allow_zero, english):
    with pytest.raises(ValidationFailed) as info:
        parse_quantity(value, sku="LAMP-01", allow_zero=allow_zero)
    assert str(info.value) == english and isinstance(info.value.problems[0], Message)


def test_quantity_without_a_sku_and_amount_problems_read_as_before():
    with pytest.raises(ValidationFailed, match="^quantity must be at least 1 \\(got 0\\)$"):
        parse_quantity(0)
    for text, english in (("abc", "unit price 'abc' is not a number"),
                          ("-1", "unit price must not be negative (got -1)"),
                          ("1.234", "unit price '1.234' has more than 2 decimals"), ("", "unit price is empty")):
        with pytest.raises(ValidationFailed) as info:
            parse_amount(text, "EUR", field="unit price")
        assert str(info.value) == english


def test_invalid_transition_reads_as_before():
    with pytest.raises(InvalidTransition) as info:
        check_transition("draft", "shipped", "SO-000001")
    assert str(info.value) == "SO-000001 is draft; it cannot become shipped (possible next: cancelled, confirmed)."
    with pytest.raises(InvalidTransition, match=r"possible next: none \(it is final\)\)\.$"):
        check_transition("cancelled", "confirmed", "SO-000001")


def _coupon(**changes) -> Coupon:
    base = dict(id=1, code="SAVE10", offer=None, min_total=Decimal(0), expires=None, max_uses=None, uses=0,
                active=True, customer_id=None, per_customer=None, customer_uses=0)
    base.update(changes)
    return Coupon(**base)


def test_coupon_refusals_read_as_before():
    cart = Cart(lines=(), currency="EUR", channel="phone", day=date(2026, 12, 3), first_order=False, customer_id=7)
    cases = [
        (dict(active=False), "coupon SAVE10 has been withdrawn"),
        (dict(expires=date(2026, 12, 1)), "coupon SAVE10 expired on 2026-12-01"),
        (dict(max_uses=1, uses=1), "coupon SAVE10 has been used up (1 use)"),
        (dict(max_uses=5, uses=5), "coupon SAVE10 has been used up (5 uses)"),
        (dict(customer_id=8), "coupon SAVE10 belongs to another customer"),
        (dict(per_customer=1, customer_uses=1), "coupon SAVE10 was already used by this customer (1 of 1)"),
        (dict(min_total=Decimal("50.00")), "coupon SAVE10 needs an order of at least 50.00 (this one is 0)"),
    ]
    for changes, english in cases:
        refusal = coupon_refusal(_coupon(**changes), cart)
        assert refusal == english and isinstance(refusal, Message), changes
