"""The top products (the dashboard's bar chart, the sales report's top list) are the plain per-product figures
sorted by net revenue, then SKU, and cut: the same rows, ties at the cut included, whichever way the query gets
them; and it gets them without looking up every product sold (docs/dashboard.md, Speed)."""
from __future__ import annotations

from dataclasses import astuple
from datetime import date, timedelta

import pytest
from sqlalchemy import insert, select

from oms_desktop.adapters.db import models as m
from oms_desktop.adapters.db import models_sales as ms

DAY = date(2026, 3, 20)
N_PRODUCTS = 600


@pytest.fixture
def sold(backend, services, admin):
    """``N_PRODUCTS`` products, each with facts on a few days of the four weeks to DAY and one fact outside them;
    net revenue repeats every 50 products, so many products tie, at the cut too."""
    rows = "".join(f"P-{i:04d},Product {i},1.00,0.19,0\n" for i in range(N_PRODUCTS))
    services.catalog.import_catalog(admin, ("sku,name,unit_price,tax_rate,on_hand\n" + rows).encode())
    with backend.engine.begin() as c:
        ids = dict(c.execute(select(m.Product.__table__.c.sku, m.Product.__table__.c.id)).all())
        facts = []
        for i in range(N_PRODUCTS):
            pid = ids[f"P-{i:04d}"]
            for k, back in enumerate((0, 3, 27, 28)):  # 28 days back is outside the four weeks
                facts.append(dict(day=DAY - timedelta(days=back), product_id=pid, channel=("phone", "web")[k % 2],
                                  agent_id=1, units=1 + k, net_minor=100 * (i % 50) + 7 * k - (500 if i % 97 == 0
                                                                                                else 0),
                                  orders=1, returned_units=k % 2, returned_minor=10 * (k % 2)))
        c.execute(insert(ms.SalesFact.__table__), facts)
    return services


def reference(uow, start, end, top):
    """The plain query's rows (every product, in SKU order) sorted as the top list is: net revenue down, then SKU."""
    every = uow.sales.product_figures(start, end, "product")
    return [astuple(r) for r in sorted(every, key=lambda r: (-r.net_minor, r.key))[:top]]


@pytest.mark.parametrize("top", [1, 12, 13, 601])
def test_the_top_products_are_the_plain_figures_sorted_and_cut_ties_included(sold, top):
    start, end = DAY - timedelta(days=27), DAY
    with sold.sales._uow(write=False) as uow:
        got = [astuple(r) for r in uow.sales.product_figures(start, end, "product", top=top)]
        assert got == reference(uow, start, end, top)
        assert len(got) == min(top, N_PRODUCTS)
        # and an empty range, and a range before anything sold
        assert uow.sales.product_figures(DAY + timedelta(days=1), DAY + timedelta(days=5), "product", top=top) == []


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # SQLite's steps; PostgreSQL runs the same SQL
def test_the_top_products_look_up_a_few_products_not_every_product_sold(sold, backend):
    """The work grows with how many products are wanted, not with how many sold: the ten best join ten products,
    where the plain query joined and grouped every product sold before cutting (as the top 600 still must).
    Counted in SQLite's virtual machine steps (sqlite3's progress handler), which do not depend on the machine."""
    start, end = DAY - timedelta(days=27), DAY

    def steps(fn) -> int:
        n = [0]
        with sold.sales._uow(write=False) as uow:
            raw = uow.sales.c.connection.dbapi_connection

            def tick() -> int:
                n[0] += 1
                return 0
            raw.set_progress_handler(tick, 10)
            try:
                fn(uow)
            finally:
                raw.set_progress_handler(None, 10)
        return n[0]
    top = steps(lambda uow: uow.sales.product_figures(start, end, "product", top=10))
    every = steps(lambda uow: uow.sales.product_figures(start, end, "product", top=N_PRODUCTS))
    # the same facts are summed either way (about 60 % of the steps here); the lookups of 590 products are saved
    assert top * 3 < every * 2, (top, every)
