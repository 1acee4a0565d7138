"""The backup rotation (grandfather-father-son: 7 daily, 4 weekly, 12 monthly), the daily rule and the file names."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from oms_desktop.domain.backups import (Retention, backup_name, backups_to_keep, daily_backup_due,
                                        parse_backup_name)

UTC = timezone.utc


def _days(first: date, last: date, hour: int = 2) -> list[datetime]:
    return [datetime(d.year, d.month, d.day, hour, tzinfo=UTC)
            for d in (first + timedelta(days=n) for n in range((last - first).days + 1))]


def test_two_years_of_daily_backups_keep_seven_days_four_weeks_and_twelve_months():
    taken = _days(date(2025, 1, 1), date(2026, 12, 3))  # 2026-12-03 is a Thursday
    kept = {at.date() for at in backups_to_keep(taken)}
    daily = {date(2026, 12, d) for d in (3, 2, 1)} | {date(2026, 11, d) for d in (30, 29, 28, 27)}
    weekly = {date(2026, 12, 3), date(2026, 11, 29), date(2026, 11, 22), date(2026, 11, 15)}  # Sundays before
    monthly = {date(2026, 12, 3)} | {date(2026, m, 1) - timedelta(days=1) for m in range(2, 13)}  # months' last days
    assert kept == daily | weekly | monthly
    assert len(kept) == 7 + 2 + 10  # Dec 3, Nov 29 and Nov 30 count as a day and as a week's or a month's newest


def test_the_newest_of_a_day_is_kept_and_gaps_do_not_count():
    morning, evening = datetime(2026, 3, 2, 8, tzinfo=UTC), datetime(2026, 3, 2, 20, tzinfo=UTC)
    long_ago = datetime(2025, 6, 1, 8, tzinfo=UTC)
    assert backups_to_keep([morning, evening, long_ago], Retention(daily=2, weekly=0, monthly=0)) == \
        {evening, long_ago}  # the most recent days that have a backup, however far apart


def test_one_automatic_backup_a_day():
    now = datetime(2026, 3, 2, 23, 59, tzinfo=UTC)
    assert daily_backup_due(None, now)
    assert not daily_backup_due(datetime(2026, 3, 2, 0, 1, tzinfo=UTC), now)
    assert daily_backup_due(datetime(2026, 3, 1, 23, 59, tzinfo=UTC), now)


def test_names_carry_kind_and_moment_and_nothing_else_parses():
    at = datetime(2026, 12, 3, 16, 45, 1, 123456, tzinfo=UTC)
    name = backup_name("before-restore", at, ".db")
    assert name == "oms-before-restore-20261203T164501123456Z.db"
    assert parse_backup_name(name) == ("before-restore", at)
    assert parse_backup_name("oms-before-0019-20261203T164501123456Z.db") is None  # a migration's backup
    assert parse_backup_name("notes.txt") is None
    with pytest.raises(ValueError):
        backup_name("weekly", at, ".db")
