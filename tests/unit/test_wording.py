"""Counted nouns agree with their number, in messages built from counts."""
from __future__ import annotations

from oms_desktop.domain.errors import ValidationFailed
from oms_desktop.domain.wording import counted


def test_counted_picks_the_singular_for_one_only():
    assert [counted(n, "line") for n in (0, 1, 2)] == ["0 lines", "1 line", "2 lines"]
    assert counted(1, "entry", "entries") == "1 entry" and counted(3, "entry", "entries") == "3 entries"


def test_a_fourth_problem_is_one_more_problem():
    assert str(ValidationFailed(["a", "b", "c", "d"])).endswith("; and 1 more problem")
    assert str(ValidationFailed(["a", "b", "c", "d", "e"])).endswith("; and 2 more problems")
