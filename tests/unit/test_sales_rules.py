"""The sales rules of one order (``domain/sales.py``): the allowances shared over the products add up exactly, the
anchor takes the rest, free shipping and charges stay out, and the returns of every unit add up to the revenue."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from oms_desktop.domain.promotions import FREE_SHIPPING_LABEL
from oms_desktop.domain.sales import ProductSale, goods_allowances, product_sales, returned_value, tdiv


def test_tdiv_cuts_towards_zero_as_sql_does():
    assert [tdiv(7, 2), tdiv(-7, 2), tdiv(7, -2), tdiv(-7, -2), tdiv(0, 5)] == [3, -3, -3, 3, 0]


def test_the_allowances_are_shared_in_proportion_and_the_largest_product_takes_the_rest():
    # nets 1000, 500, 500 (product 2 twice: 300 + 200); 100 off: 50, 25, 25; 10 off: 5, 2 (2.5 cut), 3 (the rest)
    lines = [(1, 2, 1000), (2, 1, 300), (3, 1, 500), (2, 1, 200)]
    assert product_sales(lines, -100) == [ProductSale(1, 2, 1000, 950, True), ProductSale(2, 2, 500, 475, False),
                                          ProductSale(3, 1, 500, 475, False)]
    assert [s.revenue_minor for s in product_sales([(1, 1, 300), (2, 1, 300), (3, 1, 400)], -10)] == [297, 297, 396]
    # equal nets: the lowest product id is the anchor and takes the rest
    assert [(s.revenue_minor, s.anchor) for s in product_sales([(5, 1, 100), (4, 1, 100), (6, 1, 100)], -10)] == \
        [(96, True), (97, False), (97, False)]


def test_free_shipping_and_charges_are_no_goods_allowance():
    adjustments = [(500, 420, "Shipping: Express"), (-500, -420, f"{FREE_SHIPPING_LABEL}Online week"),
                   (-119, -100, "Coupon TEN"), (-59, -50, "Spring promotion")]
    assert goods_allowances(adjustments) == -150


def test_free_goods_take_the_allowance_on_the_anchor():
    assert [s.revenue_minor for s in product_sales([(1, 1, 0), (2, 1, 0)], -30)] == [-30, 0]


@given(nets=st.lists(st.tuples(st.integers(1, 5), st.integers(1, 9), st.integers(0, 10**6)), min_size=1, max_size=8),
       share=st.integers(0, 100))
def test_the_revenues_add_up_exactly_to_the_goods_less_the_allowances(nets, share):
    goods = sum(n for _, _, n in nets)
    taken = goods * share // 100
    sales = product_sales(nets, -taken)
    assert sum(s.revenue_minor for s in sales) == goods - taken
    assert sum(s.units for s in sales) == sum(q for _, q, _ in nets)
    assert sum(s.anchor for s in sales) == 1
    assert all(s.revenue_minor >= 0 for s in sales) or goods == 0


@given(revenue=st.integers(-10**6, 10**7), splits=st.lists(st.integers(1, 5), min_size=1, max_size=6))
def test_the_returns_of_every_unit_add_up_to_the_revenue_however_they_are_split(revenue, splits):
    units = sum(splits)
    before, values = 0, []
    for q in splits:
        values.append(returned_value(revenue, units, before, q))
        before += q
    assert sum(values) == revenue
    assert returned_value(revenue, 0, 0, 1) == 0
