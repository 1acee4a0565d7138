"""Sharing what was found among the orders on a pick list: tote order first, never more than found or asked."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from oms_desktop.domain.picking import ListedLine, share_found


def test_the_first_tote_is_served_first_and_the_short_falls_on_the_last():
    lines = [ListedLine(1, 10, "LAMP", 2), ListedLine(2, 20, "LAMP", 2), ListedLine(3, 30, "LAMP", 2)]
    tote = {10: 3, 20: 1, 30: 2}  # order 20 is in tote 1: express or oldest
    assert share_found(lines, {"LAMP": 3}, tote, waiting={10, 20, 30}) == {2: 2, 3: 1, 1: 0}


def test_an_order_cancelled_while_on_the_list_gets_nothing_and_leaves_its_units_to_the_others():
    lines = [ListedLine(1, 10, "LAMP", 2), ListedLine(2, 20, "LAMP", 2)]
    assert share_found(lines, {"LAMP": 2}, {10: 1, 20: 2}, waiting={20}) == {1: 0, 2: 2}


@given(st.lists(st.tuples(st.integers(1, 6), st.sampled_from("AB"), st.integers(1, 5)), min_size=1, max_size=12),
       st.dictionaries(st.sampled_from("AB"), st.integers(0, 20)), st.data())
def test_no_sku_is_given_out_beyond_what_was_found_and_an_earlier_tote_is_never_left_short_for_a_later(
        rows, found_some, data):
    lines = [ListedLine(i, order, sku, q) for i, (order, sku, q) in enumerate(rows)]
    found = {sku: found_some.get(sku, 0) for sku in "AB"}
    orders = sorted({ln.order_id for ln in lines})
    tote = dict(zip(orders, data.draw(st.permutations(range(1, len(orders) + 1)))))
    waiting = set(data.draw(st.lists(st.sampled_from(orders), unique=True)))
    given_ = share_found(lines, found, tote, waiting)
    assert set(given_) == {ln.id for ln in lines}
    for sku in "AB":
        mine = [ln for ln in lines if ln.sku == sku]
        assert sum(given_[ln.id] for ln in mine) <= found[sku]
        served = sorted((ln for ln in mine if ln.order_id in waiting), key=lambda ln: (tote[ln.order_id], ln.id))
        short = [ln for ln in served if given_[ln.id] < ln.quantity]
        if short:  # everything after the first short line got nothing: the units ran out there
            first = served.index(short[0])
            assert all(given_[ln.id] == 0 for ln in served[first + 1:])
    assert all(given_[ln.id] == 0 for ln in lines if ln.order_id not in waiting)
    assert all(0 <= given_[ln.id] <= ln.quantity for ln in lines)
