"""Forecasts from the sales facts: a product, a category and the total with their back-tests; not enough history;
the cache (a second call is a read, a new order makes it stale); stock-out dates; purchase suggestions by forecast;
the command line's output and exit codes. SQLite, and PostgreSQL for the SQL that reads the facts and the cache."""
from __future__ import annotations

import json
import random
from datetime import timedelta

import pytest
from sqlalchemy import insert, select

from oms_desktop.adapters.db import models, models_forecasts, models_sales
from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from oms_desktop.devtools.bulk import rebuild_sales_facts
from oms_desktop.domain import forecasting as fc
from oms_desktop.domain.errors import Cancelled, NotFound, PermissionDenied, ValidationFailed
from oms_desktop.services.forecasts import daily_demand
from oms_desktop.services.ports import utc_now
from oms_desktop.services.sales_facts import local_day
from tests.helpers.fixtures import SAMPLE_CATALOG

DAYS = 180
WEEK = [1.0, 1.1, 1.1, 1.0, 1.3, 0.6, 0.4]


def regular(days: int, seed: int, level: float = 6.0) -> list[float]:
    """About ``days`` days of sales up to yesterday, a weekly pattern plus noise: whole weeks from a Monday and this
    week's days so far, each day's noise drawn from its distance to this week's Monday. The weeks the forecasts read
    are the same whatever weekday the test runs on (the series used to start ``days`` before yesterday, so its noise
    fell into other weeks each weekday and the back-test's verdict changed with the day)."""
    today = local_day(utc_now())
    monday = today - timedelta(days=today.weekday())
    start = monday - timedelta(weeks=days // 7)
    out = []
    for i in range((today - start).days):
        day = start + timedelta(days=i)
        noise = random.Random(seed * 1_000_003 + (monday - day).days).gauss(0, 1)
        out.append(max(0.0, round(level * WEEK[day.weekday()] + noise)))
    return out


def seed_facts(engine, series: dict[str, list[float]], *, price_minor: int = 1000) -> None:
    """Sales facts for each SKU, one value a day up to yesterday (the facts are the forecasts' input)."""
    yesterday = local_day(utc_now()) - timedelta(days=1)
    with engine.begin() as c:
        ids = dict(c.execute(select(models.Product.sku, models.Product.id)).all())
        rows = [dict(day=yesterday - timedelta(days=len(units) - 1 - i), product_id=ids[sku], channel="phone",
                     agent_id=0, units=int(u), net_minor=int(u) * price_minor, orders=1 if u else 0, returned_units=0,
                     returned_minor=0)
                for sku, units in series.items() for i, u in enumerate(units) if u]
        c.execute(insert(models_sales.SalesFact), rows)


def open_shop(url: str, paths):
    b = open_backend(url, paths=paths, hasher=fast_test_hasher())
    s = b.services
    s.auth.add_user(None, "admin", "admin", "admin-pw", "Ada Admin")
    admin = s.auth.sign_in("admin", "admin-pw")
    s.catalog.import_catalog(admin, SAMPLE_CATALOG.encode())
    seed_facts(b.engine, {"LAMP-01": regular(DAYS, 1), "BULB-E27": regular(DAYS, 2, 12),
                          "BOOK-01": [1.0] + [0.0] * 20})
    return b, s, admin


@pytest.fixture
def shop(sqlite_url, paths):
    b, s, admin = open_shop(sqlite_url, paths)
    yield s, admin
    b.dispose()


def test_a_product_forecast_has_its_points_intervals_and_back_test_beside_seasonal_naive(shop):
    s, admin = shop
    f = s.forecasts.forecast(admin, sku="LAMP-01", weeks=6)
    assert f.not_enough_history is None and f.model == "AutoETS" and f.label == "Desk lamp"
    monday = local_day(utc_now()) - timedelta(days=local_day(utc_now()).weekday())
    assert [p.period for p in f.points] == [monday + timedelta(weeks=i) for i in range(6)]
    assert all(0 <= p.low <= p.value <= p.high for p in f.points)
    assert f.points[0].value == pytest.approx(6.0 * sum(WEEK), rel=0.2)  # about 39 a week
    b = f.backtest
    assert b is not None and b.origins == 8 and b.horizon == 4
    assert b.model_mase is not None and b.naive_mase is not None and b.model_mase < b.naive_mase
    assert f.history[-1].period == monday - timedelta(weeks=1)


def test_daily_forecasts_of_a_category_and_of_revenue(shop):
    s, admin = shop
    f = s.forecasts.forecast(admin, category="Lighting", freq="day", weeks=4)
    assert f.kind == "category" and f.model == "MSTL" and len(f.points) == 28
    assert f.points[0].period == local_day(utc_now())
    assert f.backtest is not None and f.backtest.horizon == 28
    revenue = s.forecasts.forecast(admin, total=True, measure="revenue")
    units = s.forecasts.forecast(admin, total=True)
    assert revenue.history[-1].value == pytest.approx(units.history[-1].value * 10)  # 10.00 a unit in the facts


def test_not_enough_history_is_said_honestly_without_points(shop):
    s, admin = shop
    f = s.forecasts.forecast(admin, sku="BOOK-01")
    assert f.points == () and f.backtest is None
    assert f.not_enough_history is not None and "BOOK-01 has sold on 1 day only" in f.not_enough_history


@pytest.mark.parametrize("kwargs, named", [
    (dict(sku="NOPE-1"), "SKU 'NOPE-1'"), (dict(category="Garden"), "category 'Garden'"),
    (dict(total=True, weeks=0), "weeks must be from 4 to 26 (got 0)"),
    (dict(total=True, weeks=1000), "weeks must be from 4 to 26 (got 1000)"),
    (dict(total=True, freq="month"), "freq 'month'"), (dict(total=True, measure="euros"), "measure 'euros'"),
    (dict(sku="LAMP-01", total=True), "exactly one of"),
])
def test_bad_input_is_named_and_computes_nothing(shop, kwargs, named):
    s, admin = shop
    with pytest.raises((ValidationFailed, NotFound), match=named.replace("(", r"\(").replace(")", r"\)")):
        s.forecasts.forecast(admin, **kwargs)
    assert s.forecasts.computed == 0


def test_an_agent_may_not_see_forecasts(shop):
    s, admin = shop
    s.auth.add_user(admin, "agent", "agent", "agent-pw")
    with pytest.raises(PermissionDenied):
        s.forecasts.forecast(s.auth.sign_in("agent", "agent-pw"), total=True)


def test_a_second_call_is_a_read_and_a_new_order_makes_it_stale(shop):
    s, admin = shop
    first = s.forecasts.forecast(admin, sku="LAMP-01")
    assert s.forecasts.computed == 1
    assert s.forecasts.forecast(admin, sku="LAMP-01") == first
    assert s.forecasts.computed == 1
    s.orders.place_order(admin, None, [("BULB-E27", 2)])   # another product: LAMP-01 stays current
    s.forecasts.forecast(admin, sku="LAMP-01")
    assert s.forecasts.computed == 1
    s.orders.place_order(admin, None, [("LAMP-01", 1)])
    again = s.forecasts.forecast(admin, sku="LAMP-01")
    assert s.forecasts.computed == 2 and again.computed_at > first.computed_at


def test_refresh_computes_only_what_changed_and_reports_progress(shop):
    s, admin = shop

    class Job:
        cancelled = False

        def __init__(self):
            self.reports: list[tuple[int, int]] = []

        def report(self, done, total):
            self.reports.append((done, total))

    job = Job()
    r = s.forecasts.refresh(admin, job=job)
    assert (r.products, r.computed, r.not_enough_history) == (3, 2, 1)
    assert job.reports[0] == (0, 3) and job.reports[-1] == (3, 3)
    assert s.forecasts.refresh(admin).computed == 0 and s.forecasts.computed == 2
    s.orders.place_order(admin, None, [("BULB-E27", 1)])
    assert s.forecasts.refresh(admin).computed == 1


def test_refresh_stops_when_cancelled_and_keeps_nothing_half_done(shop):
    s, admin = shop

    class Job:
        cancelled = True

        def report(self, done, total):
            pass

    with pytest.raises(Cancelled):
        s.forecasts.refresh(admin, job=Job())
    assert s.forecasts.computed == 0


def test_stock_cover_projects_the_stockout_from_the_forecast_soonest_first(shop):
    s, admin = shop
    s.inventory.adjust_stock(admin, "LAMP-01", 30, "count")        # 40 on hand: about a week of sales
    s.inventory.adjust_stock(admin, "BULB-E27", -100, "count")     # none: out today
    rows = s.forecasts.stock_cover(admin)
    assert [r.sku for r in rows] == ["BULB-E27", "LAMP-01", "BOOK-01"]
    bulb, lamp, book = rows
    today = local_day(utc_now())
    assert bulb.available == 0 and bulb.stockout_date == today and bulb.days_of_cover == 0
    f = s.forecasts.forecast(admin, sku="LAMP-01")
    expected = fc.stock_cover(40, 0, daily_demand(f), today)
    assert lamp.stockout_date == expected.stockout_date and lamp.model == "AutoETS"
    assert 4 <= (lamp.stockout_date - today).days <= 10
    assert book.days_of_cover is None and book.stockout_date is None and book.model == ""
    assert [r.sku for r in s.forecasts.stock_cover(admin, at_risk_days=3)] == ["BULB-E27"]
    assert len(s.forecasts.stock_cover(admin, limit=1)) == 1


def test_purchase_suggestions_by_forecast_cover_the_lead_time_with_a_margin(shop):
    s, admin = shop
    sup = s.purchasing.add_supplier(admin, "Lumen AG", lead_days=14)
    assert sup.lead_days == 14
    for sku in ("LAMP-01", "BULB-E27", "BOOK-01"):
        s.purchasing.set_preferred_supplier(admin, sku, sup.id)
    needs = s.forecasts.lead_time_needs(admin)
    lamp = s.forecasts.forecast(admin, sku="LAMP-01")
    expected = fc.lead_time_need([p.value for p in lamp.points], [p.high - p.value for p in lamp.points], 7, 14,
                                 10, 0)
    result = s.purchasing.suggest_purchase(admin, quantities=needs)
    assert len(result.orders) == 1
    lines = {ln.sku: ln.quantity for ln in result.orders[0].lines}
    assert lines["LAMP-01"] == expected and expected > 2 * 39 - 10   # two weeks of ~39 a week, less 10 on hand
    assert "BOOK-01" not in lines                                      # no forecast: not enough history
    assert s.forecasts.lead_time_needs(admin) == {}                    # the draft counts as on order now


def test_a_supplier_lead_time_outside_0_to_365_days_is_refused(shop):
    s, admin = shop
    with pytest.raises(ValidationFailed, match="lead days"):
        s.purchasing.add_supplier(admin, "Slow Boat", lead_days=400)


@pytest.mark.postgres
def test_forecasts_and_their_cache_on_postgresql(pg_migrated_url, paths):
    b, s, admin = open_shop(pg_migrated_url, paths)
    try:
        f = s.forecasts.forecast(admin, category="Lighting")
        assert f.backtest is not None and len(f.points) == 8
        assert s.forecasts.forecast(admin, category="Lighting") == f and s.forecasts.computed == 1
        assert s.forecasts.refresh(admin).computed == 2
        s.orders.place_order(admin, None, [("LAMP-01", 1)])
        assert s.forecasts.refresh(admin).computed == 1
        assert s.forecasts.forecast(admin, category="Lighting") != f
        assert [r.sku for r in s.forecasts.stock_cover(admin)] == ["LAMP-01", "BULB-E27", "BOOK-01"]
        assert_refresh_reads_what_a_single_forecast_reads(b, s, admin)
    finally:
        b.dispose()


def assert_refresh_reads_what_a_single_forecast_reads(b, s, admin):
    """refresh() sums the facts by week in SQL; a single forecast sums the days in Python: the same forecasts."""
    with b.engine.begin() as c:
        c.execute(models_forecasts.ForecastCache.__table__.delete())
    single = {sku: s.forecasts.forecast(admin, sku=sku) for sku in ("LAMP-01", "BULB-E27", "BOOK-01")}
    with b.engine.begin() as c:
        c.execute(models_forecasts.ForecastCache.__table__.delete())
    s.forecasts.refresh(admin)
    for sku, f in single.items():
        cached = s.forecasts.forecast(admin, sku=sku)
        assert cached.computed_at != f.computed_at  # from refresh's cache, not this test's first call
        assert (cached.history, cached.points, cached.backtest, cached.model, cached.not_enough_history) == \
            (f.history, f.points, f.backtest, f.model, f.not_enough_history)


def test_refresh_reads_what_a_single_forecast_reads(sqlite_url, paths):
    b, s, admin = open_shop(sqlite_url, paths)
    try:
        s.orders.place_order(admin, None, [("LAMP-01", 3)])  # today: in no series, counted by the history rule
        assert_refresh_reads_what_a_single_forecast_reads(b, s, admin)
    finally:
        b.dispose()


# ---- the command line --------------------------------------------------------------------------------------------
@pytest.fixture
def cli(oms, shop, sqlite_url):
    """The same shop through ``oms`` as its administrator."""
    oms.db_url = sqlite_url
    return lambda *args: oms(*args, user="admin", password="admin-pw")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_oms_forecast_prints_the_model_points_and_both_back_tests(cli):
    code, out, _ = cli("forecast", "--sku", "LAMP-01", "--weeks", "4")
    assert code == 0
    assert "AutoETS" in out and "seasonal naive" in out and "MASE" in out and "sMAPE" in out
    code, out, _ = cli("--json", "forecast", "--category", "Lighting", "--freq", "day")
    doc = json.loads(out)
    assert code == 0 and doc["model"] == "MSTL" and len(doc["points"]) == 56
    assert set(doc["backtest"]) == {"origins", "horizon", "model_mase", "model_smape", "naive_mase", "naive_smape"}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("args, code, named", [
    (["forecast", "--sku", "NOPE"], 2, "NOPE"), (["forecast", "--weeks", "0"], 2, "weeks"),
    (["forecast", "--weeks", "1000"], 2, "weeks"), (["forecast", "--freq", "month"], 2, "--freq"),
    (["forecast", "--category", "Garden"], 2, "Garden"), (["forecast", "--sku", "BOOK-01"], 3, "Not enough history"),
    (["report", "stock-out", "--days", "-1"], 2, "days"),
])
def test_oms_forecast_exit_codes_name_the_problem(cli, args, code, named):
    got, _, err = cli(*args)
    assert (got, named in err) == (code, True), err


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_oms_report_stock_out_and_purchase_suggest_by_forecast(cli):
    code, out, _ = cli("--json", "report", "stock-out", "--limit", "2")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 2 and {"days_of_cover", "stockout_date", "on_order"} <= set(rows[0])
    assert cli("supplier", "add", "Lumen AG", "--lead-days", "21")[0] == 0
    assert cli("supplier", "assign", "Lumen AG", "LAMP-01", "BULB-E27")[0] == 0
    code, out, _ = cli("--json", "purchase", "suggest", "--by", "forecast")
    doc = json.loads(out)
    assert code == 0 and len(doc["orders"]) == 1
    assert doc["orders"][0]["notes"] == "suggested from forecast demand"
    assert {ln["sku"] for ln in doc["orders"][0]["lines"]} == {"LAMP-01", "BULB-E27"}
    code, out, _ = cli("purchase", "suggest", "--by", "forecast")
    assert code == 0 and "covers the forecast" in out
    code, _, err = cli("supplier", "add", "Slow", "--lead-days", "-3")
    assert code == 2 and "lead days" in err


def test_refresh_and_a_single_forecast_share_the_cache(shop):
    s, admin = shop
    s.forecasts.refresh(admin)
    computed = s.forecasts.computed
    for sku in ("LAMP-01", "BULB-E27", "BOOK-01"):
        s.forecasts.forecast(admin, sku=sku)
    assert s.forecasts.computed == computed


def test_rebuilding_the_sales_facts_empties_the_forecast_cache(sqlite_url, paths):
    """The fingerprint reads only the last weeks' facts; a rebuild may change older ones (bulk-loaded history), so
    it must not leave a forecast of the facts it replaced in the cache."""
    b, s, admin = open_shop(sqlite_url, paths)
    try:
        before = s.forecasts.forecast(admin, sku="LAMP-01")
        s.forecasts.refresh(admin)
        computed = s.forecasts.computed
        rebuild_sales_facts(b.engine)  # no orders in this shop: every seeded fact goes
        # the same last weeks as before, older weeks three times as high: what a rebuild from fuller documents gives
        old = regular(DAYS, 1)
        seed_facts(b.engine, {"LAMP-01": [3 * u for u in old[:-30]] + old[-30:], "BULB-E27": regular(DAYS, 2, 12),
                              "BOOK-01": [1.0] + [0.0] * 20})
        after = s.forecasts.forecast(admin, sku="LAMP-01")
        assert s.forecasts.computed == computed + 1
        assert after.history[0].value == pytest.approx(3 * before.history[0].value)
        assert s.forecasts.refresh(admin).computed == 1  # BULB-E27 again; LAMP-01 was just cached; BOOK-01 short
    finally:
        b.dispose()
