"""walking_order_key sorts bin locations the way a picker walks: aisle, shelf, bin, numbers as numbers."""
from __future__ import annotations

import pytest

from oms_desktop.domain.picking import walking_order_key


def test_numeric_parts_compare_as_numbers():
    assert sorted(["A-2-10", "A-2-9", "A-10-1", "A-1-1"], key=walking_order_key) == ["A-1-1", "A-2-9", "A-2-10",
                                                                                     "A-10-1"]


def test_leading_zeros_do_not_change_the_position():
    assert sorted(["A-02-10", "A-2-3", "A-01-99"], key=walking_order_key) == ["A-01-99", "A-2-3", "A-02-10"]


def test_aisle_shelf_bin_labels_with_letters_sort_naturally():
    locations = ["B1-S1-B1", "A2-S10-B3", "A2-S9-B3", "A2-S10-B10", "A2-S10-B2", "A10-S1-B1"]
    assert sorted(locations, key=walking_order_key) == ["A2-S9-B3", "A2-S10-B2", "A2-S10-B3", "A2-S10-B10",
                                                        "A10-S1-B1", "B1-S1-B1"]


def test_aisle_letters_ignore_case_and_other_separators_count_as_dashes():
    assert walking_order_key("a.2.9")[1] == walking_order_key("A-2-9")[1] == walking_order_key("A 2/9")[1]
    assert sorted(["b-1-1", "A-1-2"], key=walking_order_key) == ["A-1-2", "b-1-1"]


def test_a_shorter_location_comes_before_its_longer_siblings():
    assert sorted(["A-1-1", "A-1", "A"], key=walking_order_key) == ["A", "A-1", "A-1-1"]


@pytest.mark.parametrize("blank", ["", "   "])
def test_unknown_locations_sort_last(blank):
    assert sorted([blank, "Z-99-99", "A-1-1"], key=walking_order_key) == ["A-1-1", "Z-99-99", blank]


def test_mixed_digit_and_letter_segments_never_raise():
    locations = ["1", "A", "1A", "A1", "-", "A--1", "10", "2"]
    ordered = sorted(locations, key=walking_order_key)
    assert ordered.index("2") < ordered.index("10") < ordered.index("A")
    assert sorted(reversed(locations), key=walking_order_key) == ordered  # total order: input order is irrelevant
