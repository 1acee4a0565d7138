"""The order list an agent searches (issue 16): by customer name, phone in any format, e-mail, order number,
tracking number or the days it was taken, newest first, a page at a time; bad input refused with every problem named
in the screen's words (SQLite and PostgreSQL)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from oms_desktop.domain.errors import PermissionDenied, ValidationFailed
from oms_desktop.services.order_lookup import InvalidTrackingNumber


@pytest.fixture
def orders(catalog, customer, admin):
    s = catalog
    other = s.customers.add_customer(admin, "Jörg Müller", ["+49 30 1234567"], "joerg@example.org")
    placed = [s.orders.place_order(admin, customer.id, [("LAMP-01", 1)]) for _ in range(3)]
    placed.append(s.orders.place_order(admin, other.id, [("BULB-E27", 2)]))
    placed.append(s.orders.place_order(admin, None, [("BULB-E27", 1)]))  # a walk-in customer
    return s, customer, other, placed


def numbers(found) -> list[str]:
    return [o.number for o in found]


def test_orders_are_found_by_customer_number_tracking_number_and_day(orders, admin):
    s, anna, joerg, placed = orders
    annas = [o.number for o in reversed(placed[:3])]  # newest first
    assert numbers(s.orders.search_orders(admin, "anna schm")) == annas
    assert numbers(s.orders.search_orders(admin, "0171/555 01-00")) == annas
    assert numbers(s.orders.search_orders(admin, "ANNA@example")) == annas
    assert numbers(s.orders.search_orders(admin, "030 1234567")) == [placed[3].number]
    assert numbers(s.orders.search_orders(admin, "müller")) == [placed[3].number]
    assert numbers(s.orders.search_orders(admin, placed[1].number.lower())) == [placed[1].number]
    assert numbers(s.orders.search_orders(admin, str(placed[1].id))) == [placed[1].number]
    tn = placed[2].tracking_number
    assert numbers(s.orders.search_orders(admin, tn.replace("-", " ").lower())) == [placed[2].number]
    assert s.orders.search_orders(admin, "nobody like this") == []
    today = date.today()
    assert len(s.orders.search_orders(admin, "", date_from=today, date_to=today)) == 5
    assert s.orders.search_orders(admin, "anna", date_to=today - timedelta(days=1)) == []
    assert numbers(s.orders.search_orders(admin, "anna", date_from=today.isoformat())) == annas


def test_the_list_comes_a_page_at_a_time_newest_first(orders, admin):
    s, *_, placed = orders
    pages = [numbers(s.orders.search_orders(admin, "", limit=2, offset=i)) for i in (0, 2, 4)]
    assert pages == [[placed[4].number, placed[3].number], [placed[2].number, placed[1].number],
                     [placed[0].number]]


def test_bad_input_is_refused_with_every_problem_in_the_screens_words(orders, admin, users):
    s, *_ = orders
    with pytest.raises(ValidationFailed) as refused:
        s.orders.search_orders(admin, "anna", date_from="2026-13-01", date_to="yesterday", status="lost")
    assert refused.value.problems == [
        "'From' date '2026-13-01' is not a date (year-month-day, e.g. 2026-12-03)",
        "'To' date 'yesterday' is not a date (year-month-day, e.g. 2026-12-03)", "status 'lost' is unknown"]
    with pytest.raises(ValidationFailed, match=r"'From' \(2026-12-03\) is after 'To' \(2026-12-01\)"):
        s.orders.search_orders(admin, "", date_from="2026-12-03", date_to="2026-12-01")
    placed_tn = s.orders.search_orders(admin, "")[0].tracking_number
    typo = placed_tn[:-1] + ("0" if placed_tn[-1] != "0" else "1")
    with pytest.raises(InvalidTrackingNumber):
        s.orders.search_orders(admin, typo)
    warehouse_can_look = s.orders.search_orders(users["warehouse"], "anna")
    assert len(warehouse_can_look) == 3


def test_nobody_signed_in_searches_nothing(orders):
    s, *_ = orders
    with pytest.raises((PermissionDenied, Exception), match="Sign in first"):
        s.orders.search_orders(None, "anna")
