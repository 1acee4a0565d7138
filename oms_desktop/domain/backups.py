"""Backup files: their names, when the daily one is due, and which to keep (7 daily, 4 weekly, 12 monthly)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone

KINDS = ("auto", "manual", "before-restore")
"""auto: the daily one (rotated); manual: ``oms backup`` or the dialog's Back up now; before-restore: the database
as it was before a restore replaced it. Only auto backups are ever deleted by the rotation."""

_NAME = re.compile(r"^oms-(?P<kind>[a-z-]+?)-(?P<at>\d{8}T\d{6}\d{6}Z)(?P<suffix>\.[a-z]+)$")


@dataclass(frozen=True)
class Retention:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def backup_name(kind: str, at: datetime, suffix: str) -> str:
    """``oms-auto-20261203T164501123456Z.db``: the kind and the moment (UTC) in the name, so listing and rotating
    never depend on file times (a copied folder keeps its meaning)."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    return f"oms-{kind}-{at.astimezone(timezone.utc):%Y%m%dT%H%M%S%f}Z{suffix}"


def parse_backup_name(name: str) -> tuple[str, datetime] | None:
    """(kind, taken at) of a file named by ``backup_name``; None for any other file."""
    m = _NAME.match(name)
    if m is None or m["kind"] not in KINDS:
        return None
    at = datetime.strptime(m["at"], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=timezone.utc)
    return m["kind"], at


def daily_backup_due(last_auto: datetime | None, now: datetime) -> bool:
    """At most one automatic backup per (UTC) day: due when none was taken today."""
    return last_auto is None or last_auto.astimezone(timezone.utc).date() < now.astimezone(timezone.utc).date()


def _newest_per_period(taken: list[datetime], period: Callable[[datetime], object], count: int) -> set[datetime]:
    kept: dict[object, datetime] = {}
    for at in taken:  # newest first
        key = period(at)
        if key not in kept:
            if len(kept) == count:
                break
            kept[key] = at
    return set(kept.values())


def _iso_week(at: datetime) -> tuple[int, int]:
    year, week, _ = at.isocalendar()
    return year, week


def _month(at: datetime) -> tuple[int, int]:
    return at.year, at.month


def _day(at: datetime) -> date:
    return at.date()


def backups_to_keep(taken: Iterable[datetime], retention: Retention | None = None) -> set[datetime]:
    """Grandfather-father-son: the newest backup of each of the ``daily`` most recent days that have one, of each
    of the ``weekly`` most recent ISO weeks, and of each of the ``monthly`` most recent months (UTC). One file can
    count for its day, its week and its month at once; everything else may go."""
    retention = retention or Retention()
    newest_first = sorted((at.astimezone(timezone.utc) for at in taken), reverse=True)
    return (_newest_per_period(newest_first, _day, retention.daily)
            | _newest_per_period(newest_first, _iso_week, retention.weekly)
            | _newest_per_period(newest_first, _month, retention.monthly))
