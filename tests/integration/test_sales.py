"""The sales report on SQLite and PostgreSQL, from a small known set of orders placed at chosen instants: exact figures
by every grouping, beside the same period a year before; totals that equal the orders they cover; the local day
around midnight and the change to summer time; the check after all of it; ``oms report sales`` and its exit codes."""
from __future__ import annotations

import json
import time
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from oms_desktop.adapters.db.uow import SqlUnitOfWork
from oms_desktop.domain.errors import PermissionDenied, ValidationFailed
from oms_desktop.services.sales_facts import utc_offsets
from tests.helpers.clock import Clock

D = Decimal


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=timezone.utc)


@pytest.fixture
def clock():
    c = Clock().install()
    yield c
    c.uninstall()


@pytest.fixture
def known(services, users, catalog, customer, clock):
    """Orders over three days of March 2026 and one a year (364 days) before, through the services:

    * 2025-03-17 10:00  admin places LAMP-01 x1                                            19.99
    * 2026-03-16 09:00  agent, Anna, a cart: LAMP-01 x2, BOOK-01 x1, coupon TEN (10 %)     51.98 - 5.20 = 46.78
      (the allowances shared 3998:1200 -> LAMP-01 35.98, BOOK-01 10.80)
    * 2026-03-16 15:00  counter, walk-in, at the counter: BULB-E27 x4                      13.96
    * 2026-03-17 11:00  agent, Anna: BOOK-01 x2 (24.00), cancelled 2026-03-18 08:00
    * 2026-03-18 10:00  admin, walk-in: LAMP-01 x1 with express shipping (5.00, no sale)   19.99
    * 2026-03-18 12:00  one BOOK-01 of the cart comes back                                 10.80 returned
    """
    s, admin, agent, counter = services, users["admin"], users["agent"], users["counter"]
    s.promotions.create_coupon(admin, "TEN", percent="10")
    s.promotions.put_shipping_method(admin, "express", "Express", tiers="5.00", tax_rate="19%")
    clock.set(at(2025, 3, 17, 10))
    s.orders.place_order(admin, None, [("LAMP-01", 1)])
    clock.set(at(2026, 3, 16, 9))
    cart = s.orders.create_draft(agent, customer.id)
    s.orders.add_line(agent, cart.id, "LAMP-01", 2)
    s.orders.add_line(agent, cart.id, "BOOK-01", 1)
    s.carts.set_coupon(agent, cart.id, "TEN")
    first = s.orders.confirm_order(agent, cart.id)
    clock.set(at(2026, 3, 16, 15))
    second = s.orders.place_order(counter, None, [("BULB-E27", 4)], channel="counter")
    clock.set(at(2026, 3, 17, 11))
    third = s.orders.place_order(agent, customer.id, [("BOOK-01", 2)])
    clock.set(at(2026, 3, 18, 8))
    s.orders.cancel_order(agent, third.id, "changed their mind")
    clock.set(at(2026, 3, 18, 10))
    fourth = s.orders.place_order(admin, None, [("LAMP-01", 1)], shipping="express")
    for step in ("picking", "packed", "shipped"):
        s.orders.advance_order(admin, first.id, step)
    clock.set(at(2026, 3, 18, 12))
    s.returns.receive_return(admin, first.id, "BOOK-01", 1, "restock")
    assert (first.net, second.net, third.net, fourth.net) == (D("46.78"), D("13.96"), D("24.00"), D("24.99"))
    return {"first": first, "second": second, "third": third, "fourth": fourth}


def figures(f) -> tuple:
    return (f.orders, f.units, f.net, f.average_order_value, f.returned_units, f.returned_value, f.returns_rate)


def rows(report) -> dict:
    return {r.key: (figures(r.figures), figures(r.last_year)) for r in report.rows}


NONE = (0, 0, D("0.00"), None, 0, D("0.00"), None)
TOTAL = (3, 8, D("80.73"), D("26.91"), 1, D("10.80"), D("0.1250"))
LAST_YEAR = (1, 1, D("19.99"), D("19.99"), 0, D("0.00"), D("0.0000"))
MARCH = dict(start=date(2026, 3, 16), end=date(2026, 3, 18))


def test_by_day_each_day_beside_the_same_weekday_a_year_before(services, users, known):
    report = services.sales.report(users["manager"], by="day", **MARCH)
    assert (report.last_year_start, report.last_year_end) == (date(2025, 3, 17), date(2025, 3, 19))
    assert rows(report) == {
        "2026-03-16": ((2, 7, D("60.74"), D("30.37"), 0, D("0.00"), D("0.0000")), LAST_YEAR),
        "2026-03-17": ((1, 2, D("24.00"), D("24.00"), 0, D("0.00"), D("0.0000")), NONE),
        # the cancellation counts on its day, the new order too, and the return beside them
        "2026-03-18": ((0, -1, D("-4.01"), None, 1, D("10.80"), None), NONE),
    }
    assert (figures(report.total.figures), figures(report.total.last_year)) == (TOTAL, LAST_YEAR)


def test_the_totals_are_the_orders_they_cover_net_of_allowances_without_shipping(services, users, known):
    report = services.sales.report(users["manager"], by="week", **MARCH)
    covered = [known["first"], known["second"], known["fourth"]]  # the third is cancelled within the period
    shipping = sum((a.net for o in covered for a in o.adjustments if a.kind == "shipping"), D(0))
    assert report.total.figures.net == sum((o.net for o in covered), D(0)) - shipping == D("80.73")
    assert report.total.figures.orders == len(covered)
    assert report.total.figures.units == sum(ln.quantity for o in covered for ln in o.lines)
    assert rows(report) == {"2026-W12": (TOTAL, LAST_YEAR)}
    assert sum(r.figures.net for r in services.sales.report(users["manager"], by="product", **MARCH).rows) == \
        report.total.figures.net


def test_by_month_the_same_month_a_calendar_year_before(services, users, known):
    report = services.sales.report(users["manager"], by="month", **MARCH)
    assert (report.last_year_start, report.last_year_end) == (date(2025, 3, 16), date(2025, 3, 18))
    assert rows(report) == {"2026-03": (TOTAL, LAST_YEAR)}


def test_by_channel_agent_and_customer(services, users, known):
    manager = users["manager"]
    assert rows(services.sales.report(manager, by="channel", **MARCH)) == {
        "phone": ((2, 4, D("66.77"), D("33.39"), 1, D("10.80"), D("0.2500")), LAST_YEAR),
        "counter": ((1, 4, D("13.96"), D("13.96"), 0, D("0.00"), D("0.0000")), NONE)}
    assert rows(services.sales.report(manager, by="agent", **MARCH)) == {
        "agent": ((1, 3, D("46.78"), D("46.78"), 1, D("10.80"), D("0.3333")), NONE),
        "admin": ((1, 1, D("19.99"), D("19.99"), 0, D("0.00"), D("0.0000")), LAST_YEAR),
        "counter": ((1, 4, D("13.96"), D("13.96"), 0, D("0.00"), D("0.0000")), NONE)}
    report = services.sales.report(manager, by="customer", **MARCH)
    assert rows(report) == {
        "C000001": ((1, 3, D("46.78"), D("46.78"), 1, D("10.80"), D("0.3333")), NONE),
        "walk-in": ((2, 5, D("33.95"), D("16.98"), 0, D("0.00"), D("0.0000")), LAST_YEAR)}
    assert [r.label for r in report.rows] == ["Anna Schmidt", ""]


def test_by_product_and_category_with_the_top_products(services, users, known):
    manager = users["manager"]
    report = services.sales.report(manager, by="product", top=2, **MARCH)
    assert rows(report) == {
        "LAMP-01": ((2, 3, D("55.97"), D("27.99"), 0, D("0.00"), D("0.0000")), LAST_YEAR),
        "BULB-E27": ((1, 4, D("13.96"), D("13.96"), 0, D("0.00"), D("0.0000")), NONE),
        "BOOK-01": ((1, 1, D("10.80"), D("10.80"), 1, D("10.80"), D("1.0000")), NONE)}
    assert [(r.key, r.label, r.figures.net, r.last_year.net) for r in report.top_products] == [
        ("LAMP-01", "Desk lamp", D("55.97"), D("19.99")), ("BULB-E27", "LED bulb E27", D("13.96"), D("0.00"))]
    assert rows(services.sales.report(manager, by="category", **MARCH)) == {
        # orders by category: those that held each product, summed (the cart held two lamps' worth of one product)
        "Lighting": ((3, 7, D("69.93"), D("23.31"), 0, D("0.00"), D("0.0000")), LAST_YEAR),
        "Books": ((1, 1, D("10.80"), D("10.80"), 1, D("10.80"), D("1.0000")), NONE)}


def test_the_facts_equal_the_documents_and_a_rebuild_gives_the_same(services, users, known, backend):
    assert services.sales.sales_problems() == []
    with SqlUnitOfWork(backend.engine) as uow:
        kept = sorted(uow.sales.kept(per_product=True)), sorted(uow.sales.kept(per_product=False))
        uow.sales.rebuild(utc_offsets())
        again = sorted(uow.sales.kept(per_product=True)), sorted(uow.sales.kept(per_product=False))
    assert kept == again and len(kept[0]) == 7


def test_the_default_period_is_the_last_30_days_and_bad_input_is_named(services, users, known, clock):
    clock.set(at(2026, 3, 18, 20))
    report = services.sales.report(users["manager"], by="week")
    assert (report.start, report.end) == (date(2026, 2, 17), date(2026, 3, 18))
    assert [r.key for r in report.rows] == ["2026-W08", "2026-W09", "2026-W10", "2026-W11", "2026-W12"]
    assert figures(report.total.figures) == TOTAL
    with pytest.raises(ValidationFailed, match="from 2026-03-19 is after to 2026-03-18"):
        services.sales.report(users["manager"], start=date(2026, 3, 19), end=date(2026, 3, 18))
    with pytest.raises(ValidationFailed, match="'fortnight' is unknown"):
        services.sales.report(users["manager"], by="fortnight")
    with pytest.raises(PermissionDenied):
        services.sales.report(users["agent"])


def test_returns_one_by_one_take_back_exactly_what_the_product_earned(services, users, catalog, backend):
    admin = users["admin"]
    services.promotions.create_coupon(admin, "TEN", percent="10")
    # BULB-E27 x3 (10.47) and BOOK-01 (12.00), 10 % off per rate: 1.05 and 1.20; shared 1047:1200, the bulbs' share
    # is 1.04 (1.0484 cut), the book (the larger) takes the rest: the bulbs earned 9.43, 3.1433 each
    order = services.orders.place_order(admin, None, [("BULB-E27", 3), ("BOOK-01", 1)], coupon="ten")
    for step in ("picking", "packed", "shipped"):
        services.orders.advance_order(admin, order.id, step)
    values = []
    for _ in range(3):
        before = services.sales.report(admin, by="product").rows
        services.returns.receive_return(admin, order.id, "BULB-E27", 1, "restock")
        after = services.sales.report(admin, by="product").rows
        values.append(next(r for r in after if r.key == "BULB-E27").figures.returned_value
                      - next(r for r in before if r.key == "BULB-E27").figures.returned_value)
    bulbs = next(r for r in services.sales.report(admin, by="product").rows if r.key == "BULB-E27").figures
    assert values == [D("3.14"), D("3.14"), D("3.15")] and sum(values) == bulbs.net == D("9.43")
    assert bulbs.returns_rate == 1
    assert services.sales.sales_problems() == []


@pytest.fixture
def berlin(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_day_is_the_local_day_around_midnight_and_the_change_to_summer_time(services, users, catalog, clock,
                                                                               berlin, backend):
    admin = users["admin"]
    # 2026-03-28 23:30 UTC is 00:30 on the 29th in Berlin (CET); the clocks go forward that night, so
    # 2026-03-29 22:30 UTC is 00:30 on the 30th (CEST), and 21:59 UTC is still the 29th
    for instant, sku in ((at(2026, 3, 28, 22, 59), "BOOK-01"), (at(2026, 3, 28, 23, 30), "LAMP-01"),
                         (at(2026, 3, 29, 21, 59), "BULB-E27"), (at(2026, 3, 29, 22, 30), "LAMP-01")):
        clock.set(instant)
        services.orders.place_order(admin, None, [(sku, 1)])
    report = services.sales.report(admin, by="day", start=date(2026, 3, 28), end=date(2026, 3, 30))
    assert {r.key: (r.figures.orders, r.figures.net) for r in report.rows} == {
        "2026-03-28": (1, D("12.00")), "2026-03-29": (2, D("23.48")), "2026-03-30": (1, D("19.99"))}
    assert services.sales.sales_problems() == []  # the SQL gives each instant the same day
    with SqlUnitOfWork(backend.engine) as uow:
        assert sorted(str(k[0]) for k, _ in uow.sales.kept(per_product=False)) == \
            ["2026-03-28", "2026-03-29", "2026-03-30"]


# ---- the command line ------------------------------------------------------------------------------------------

def test_oms_report_sales(cli_shop, clock):
    clock.set(at(2026, 3, 16, 9))
    assert cli_shop.admin("order", "place", "--customer", "1", "--line", "LAMP-01=2", "--line", "BOOK-01=1")[0] == 0
    code, out, err = cli_shop.admin("report", "sales", "--by", "week", "--from", "2026-03-16", "--to", "2026-03-18",
                                    "--top", "1")
    assert (code, err) == (0, "")
    assert "2026-W12" in out and "51.98 EUR" in out and "Top 1 products" in out and "LAMP-01" in out
    doc = cli_shop.admin_json("report", "sales", "--by", "product", "--from", "2026-03-16", "--to", "2026-03-16")
    assert [(r["key"], r["figures"]["units"], r["figures"]["net"]) for r in doc["rows"]] == \
        [("LAMP-01", 2, "39.98"), ("BOOK-01", 1, "12.00")]
    assert doc["total"]["figures"]["orders"] == 1 and doc["total"]["last_year"]["orders"] == 0


@pytest.mark.parametrize("args, named", [
    (("--from", "2026-02-30"), "'2026-02-30' is not a date"),
    (("--from", "2026-03-19", "--to", "2026-03-18"), "from 2026-03-19 is after to 2026-03-18"),
    (("--by", "fortnight"), "fortnight"),
    (("--top", "0"), "must be at least 1"),
])
def test_oms_report_sales_refuses_bad_input_naming_it(cli_shop, args, named):
    code, out, err = cli_shop.admin("report", "sales", *args)
    assert code == 2 and named in err and out == ""


def test_oms_report_sales_is_for_managers(cli_shop):
    code, _, err = cli_shop("report", "sales", user="agent")
    assert code == 4 and "may not see the sales report" in err
    code, _, err = cli_shop("--json", "report", "sales", user="agent")
    assert code == 4 and json.loads(err)["exit_code"] == 4
