"""The forecasting rules as plain arithmetic: MASE, sMAPE, seasonal naive, rolling origins, not enough history, stock
cover and the demand over a lead time."""
from __future__ import annotations

import math
import random
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oms_desktop.domain import forecasting as fc

TODAY = date(2026, 12, 3)


def test_smape_is_zero_for_a_perfect_forecast_and_200_for_a_forecast_of_nothing():
    assert fc.smape([3, 0, 5], [3, 0, 5]) == 0
    assert fc.smape([3, 5], [0, 0]) == 200


def test_smape_counts_a_period_where_both_are_zero_as_perfect():
    assert fc.smape([0, 4], [0, 2]) == pytest.approx(100 * (0 + 2 * 2 / 6) / 2)


def test_mase_scales_each_error_by_its_origin_and_is_none_for_a_flat_history():
    assert fc.mase([(2.0, 1.0), (3.0, 2.0)]) == pytest.approx((2 + 1.5) / 2)
    assert fc.mase([(2.0, 0.0)]) is None


def test_seasonal_naive_repeats_the_last_season_or_the_last_value_when_shorter():
    assert fc.seasonal_naive([1, 2, 3, 4, 5, 6, 7, 8, 9], 7, 9) == [3, 4, 5, 6, 7, 8, 9, 3, 4]
    assert fc.seasonal_naive([4, 6], 7, 3) == [6, 6, 6]


def test_naive_scale_uses_the_season_lag_and_falls_back_to_lag_one():
    assert fc.naive_scale([1, 2, 3, 1, 2, 4], 3) == pytest.approx((0 + 0 + 1) / 3)
    assert fc.naive_scale([1, 3, 2], 7) == pytest.approx((2 + 1) / 2)


def test_weekly_origins_are_the_last_8_weeks_each_scoring_up_to_4_weeks_ahead():
    windows = fc.rolling_origins(30, "week")
    assert [w.cut for w in windows] == list(range(22, 30))
    assert [w.horizon for w in windows] == [4, 4, 4, 4, 4, 3, 2, 1]


def test_daily_origins_are_one_a_week_scoring_up_to_28_days():
    windows = fc.rolling_origins(200, "day")
    assert [w.cut for w in windows] == list(range(144, 200, 7))
    assert windows[0].horizon == 28 and windows[-1].horizon == 200 - 193


def test_a_series_too_short_to_train_before_the_first_origin_has_no_origins():
    assert fc.rolling_origins(11, "week") == []
    assert fc.rolling_origins(12, "week") != []


@settings(max_examples=50, deadline=None)
@given(n=st.integers(0, 400), freq=st.sampled_from(["day", "week"]))
def test_every_origin_trains_on_data_and_scores_only_inside_the_series(n, freq):
    for w in fc.rolling_origins(n, freq):
        assert w.cut >= fc.MIN_TRAIN_WEEKS * fc.periods_per_week(freq)
        assert 1 <= w.horizon <= fc.backtest_horizon(freq)
        assert w.cut + w.horizon <= n


def test_the_back_test_of_a_perfect_forecast_scores_zero():
    y = [5 + (i % 7) + 0.1 * i for i in range(140)]
    windows = fc.rolling_origins(len(y), "day")
    s = fc.score(y, windows, [y[w.cut:w.cut + w.horizon] for w in windows], 7)
    assert s.mase == 0 and s.smape == 0


def test_seasonal_naive_scores_zero_on_a_purely_weekly_pattern_where_mase_has_no_scale():
    y = [float(5 + (i % 7)) for i in range(140)]
    s = fc.naive_backtest(y, "day")
    assert s.smape == 0 and s.mase is None


@pytest.mark.parametrize("sale_days, first, expect", [
    (0, None, "has no sales yet"),
    (1, date(2026, 1, 5), "has sold on 1 day only"),
    (5, date(2026, 10, 1), "first sold on 2026-10-01, 64 days of history; a forecast with its back-test needs 84"),
])
def test_not_enough_history_says_why_and_what_is_needed(sale_days, first, expect):
    problem = fc.history_problem("LAMP-01", sale_days, first, TODAY)
    assert problem is not None and expect in problem and "LAMP-01" in problem


def test_84_days_with_sales_on_2_of_them_are_enough():
    assert fc.history_problem("LAMP-01", 2, date(2026, 9, 11), TODAY) is None
    assert fc.history_problem("LAMP-01", 2, date(2026, 9, 12), TODAY) is not None


def test_a_series_mostly_of_zero_periods_is_intermittent():
    assert fc.intermittent([0, 0, 1, 0, 2, 0])
    assert not fc.intermittent([3, 0, 1, 4, 2, 5])


def test_stock_cover_walks_the_daily_forecast():
    cover = fc.stock_cover(10, 0, [2.0] * 28, TODAY)
    assert cover.days_of_cover == 5
    assert cover.stockout_date == date(2026, 12, 8)
    assert cover.stockout_date_with_orders == date(2026, 12, 8)


def test_stock_on_order_moves_the_stockout_and_past_the_horizon_it_is_none():
    cover = fc.stock_cover(10, 20, [2.0] * 28, TODAY)
    assert cover.stockout_date_with_orders == date(2026, 12, 18)
    assert fc.stock_cover(10, 100, [2.0] * 28, TODAY).stockout_date_with_orders is None


def test_beyond_the_horizon_cover_continues_at_the_mean_rate_and_nothing_forecast_means_no_date():
    assert fc.stock_cover(100, 0, [1.0] * 28, TODAY).days_of_cover == 100
    nothing = fc.stock_cover(5, 0, [0.0] * 28, TODAY)
    assert nothing.days_of_cover is None and nothing.stockout_date is None


def test_nothing_available_runs_out_today():
    assert fc.stock_cover(0, 0, [1.0] * 28, TODAY).stockout_date == TODAY


@settings(max_examples=100, deadline=None)
@given(available=st.integers(0, 500), daily=st.lists(st.floats(0, 50), min_size=1, max_size=60))
def test_demand_up_to_the_stockout_day_never_exceeds_what_is_available(available, daily):
    cover = fc.stock_cover(available, 0, daily, TODAY)
    if cover.stockout_date is None:  # nothing forecast to sell, or not within ten years
        assert available > 0 and sum(daily) / len(daily) * fc.MAX_COVER_DAYS < available + 1e-6
        return
    days = (cover.stockout_date - TODAY).days
    if days < len(daily):
        assert sum(daily[:days]) <= available + 1e-6


def test_lead_time_need_is_demand_plus_the_margin_less_stock():
    # 10 days at 7 units a week: 10 units; spreads of 3 a week as independent errors: sqrt(9 + 3/7 * 9)
    need = fc.lead_time_need([7.0, 7.0], [3.0, 3.0], 7, 10, available=2, on_order=1)
    assert need == math.ceil(10 + math.sqrt(9 + 9 * 3 / 7)) - 3


def test_lead_time_need_is_zero_when_stock_covers_it_and_continues_past_the_horizon():
    assert fc.lead_time_need([1.0], [0.0], 1, 5, available=10, on_order=0) == 0
    assert fc.lead_time_need([1.0], [0.0], 1, 5, available=0, on_order=0) == 5


def test_an_interval_from_back_test_errors_is_symmetric_and_clipped_at_zero():
    y = [0.0, 2.0] * 10
    windows = [fc.Window(16, 4)]
    low, high = fc.error_interval([1.0, 1.0], y, windows, [[1.0, 1.0, 1.0, 1.0]], 80)
    assert low == (0.0, 0.0) and high == pytest.approx((1 + 1.2816, 1 + 1.2816))


def test_a_slow_mover_has_many_zero_periods_or_sells_under_one_a_day():
    assert fc.slow_mover([0, 0, 3, 0, 5, 0], "day")
    assert fc.slow_mover([6.0, 5.0, 6.0, 4.0], "week")          # under 7 a week
    assert not fc.slow_mover([8.0, 7.0, 9.0, 7.0], "week")
    assert not fc.slow_mover([1.0, 2.0, 1.0, 1.0], "day")
    assert fc.slow_mover([], "day")


def test_the_scales_of_every_origin_in_one_pass_equal_each_origins_own():
    rng = random.Random(5)
    y = [float(rng.randint(0, 9)) for _ in range(160)]
    for season, cuts in ((7, [1, 2, 5, 7, 8, 30, 160]), (52, [3, 52, 53, 104, 148, 155])):
        assert fc.naive_scales(y, season, cuts) == pytest.approx([fc.naive_scale(y[:c], season) for c in cuts])
