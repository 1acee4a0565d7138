"""The hot queries find their rows through indexes (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL), the
trigram search indexes follow every write, and the indexed search finds exactly what the plain filter finds."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from oms_desktop.domain.orders import Status
from tests.helpers.plans import full_scans, is_sqlite, the_plan
from tests.helpers.search_reference import reference_search

pytestmark = pytest.mark.fresh_statistics  # their plans on a fresh database's statistics

PRODUCTS_CSV = (
    "sku,name,unit_price,tax_rate,barcode,category,location,on_hand,reorder_point\n"
    "LAMP-01,Desk lamp,19.99,0.19,4006381333931,Lighting,A-01-02,10,2\n"
    "LAMP-02,Floor lamp oak,89.00,0.19,4006381333955,Lighting,A-01-03,4,1\n"
    "BULB-E27,LED bulb E27,3.49,0.19,4006381333948,Lighting,A-01-04,100,20\n"
    "BOOK-01,Field guide,12.00,0.07,9783161484100,Books,B-02-01,5,1\n"
    "MUG-100,Große Tasse \"Ökö\" 50% off,7.50,0.19,,Kitchen,C-01-01,30,5\n"
    "DESK-OAK,Oak desk 120 cm,249.00,0.19,,Furniture,D-01-01,2,0\n"
    "OAK-SHELF,Shelf (oak_veneer),59.00,0.19,,Furniture,D-01-02,3,0\n"
)


@pytest.fixture
def shop(services, admin):
    services.catalog.import_catalog(admin, PRODUCTS_CSV.encode())
    c = services.customers
    c.add_customer(admin, "Anna Schmidt", ["0171 555-0100"], "anna@example.com")
    c.add_customer(admin, "Jörg Müller", ["+49 30 1234567", "0160 9876543"], "joerg.mueller@example.org")
    c.add_customer(admin, "Annabel Lee", ["040 333 444"], "")
    return services


def test_product_type_ahead_uses_the_word_index_the_sku_index_and_the_barcode_index(backend, shop, admin):
    plan = the_plan(backend, lambda: shop.catalog.search(admin, "oak des", limit=12))
    assert full_scans(plan, ("products", "stock", "product_words")) == []
    # several words: the inverted index of the names narrows the products, whose words are read by primary key
    if is_sqlite(backend):
        assert "products_name_fts VIRTUAL TABLE" in plan
        assert "(sku>? AND sku<?)" in plan and "(barcode=?)" in plan
    else:
        assert "ix_products_name_words" in plan and "pk_product_words" in plan
        assert "ix_products_sku_pattern" in plan
    # (tests/integration/test_product_search.py looks at the name query's plans more closely)
    for typed in ("4006381333931", "LAMP-0"):  # a scanned barcode, a SKU prefix
        plan = the_plan(backend, lambda: shop.catalog.search(admin, typed, limit=12))  # noqa: B023 - run here
        assert full_scans(plan, ("products", "stock")) == [], typed


def test_customer_lookup_by_phone_digits_name_and_email_uses_indexes(backend, shop, admin):
    for typed in ("555 0100", "anna schm", "joerg.mu@"):
        plan = the_plan(backend, lambda: shop.customers.find_customers(admin, typed))  # noqa: B023 - run here
        assert full_scans(plan, ("customers", "customer_phones")) == [], typed
    if is_sqlite(backend):
        assert "customer_phones_fts VIRTUAL TABLE" in the_plan(backend, lambda: shop.customers.find_customers(
            admin, "5550100"))
        assert "customers_fts VIRTUAL TABLE" in the_plan(backend, lambda: shop.customers.find_customers(
            admin, "müller"))
        assert "ix_customers_email_lower (email_lower>? AND email_lower<?)" in the_plan(
            backend, lambda: shop.customers.find_customers(admin, "anna@ex"))
    else:
        assert "ix_customer_phones_digits_trgm" in the_plan(backend, lambda: shop.customers.find_customers(
            admin, "5550100"))
        assert "ix_customers_name_trgm" in the_plan(backend, lambda: shop.customers.find_customers(admin, "müller"))
        assert "ix_customers_email_trgm" in the_plan(backend, lambda: shop.customers.find_customers(
            admin, "anna@ex"))


def test_the_orders_lists_and_placing_an_order_use_their_indexes(backend, shop, admin):
    shop.orders.place_order(admin, None, [("LAMP-01", 1)])
    plan = the_plan(backend, lambda: shop.orders.list_orders(admin, status=Status.CONFIRMED.value, limit=50))
    assert "ix_orders_status_created" in plan
    assert full_scans(plan, ("orders", "order_lines", "customers")) == []
    if is_sqlite(backend):
        assert "TEMP B-TREE" not in plan  # the index delivers the rows newest first: no sort of all matches
    # a customer's order history
    plan = the_plan(backend, lambda: shop.orders.list_orders(admin, customer_id=1, limit=5))
    assert "ix_orders_customer_created" in plan
    assert full_scans(plan, ("orders", "order_lines", "customers")) == []
    # placing an order reads and updates only through keys and indexes
    plan = the_plan(backend, lambda: shop.orders.place_order(admin, 1, [("LAMP-01", 1), ("BULB-E27", 2),
                                                                        ("BOOK-01", 1)]))
    assert plan  # the reads and the reservations were captured
    assert full_scans(plan, ("orders", "order_lines", "products", "stock", "customers", "users",
                             "order_status_history")) == []


def test_the_order_search_reads_through_the_orders_indexes(backend, shop, admin):
    """The agent's order list (services/order_search.py): each way of searching is one index range of the orders
    list, newest first, a page at a time."""
    first = shop.orders.place_order(admin, 1, [("LAMP-01", 1)])
    shop.orders.place_order(admin, 2, [("BULB-E27", 1)])
    tables = ("orders", "order_lines", "customers", "customer_phones")
    searches = {
        "customer": (lambda: shop.orders.search_orders(admin, "anna schm"), "ix_orders_customer_created"),
        "phone": (lambda: shop.orders.search_orders(admin, "0171 555"), "ix_orders_customer_created"),
        "days": (lambda: shop.orders.search_orders(admin, "", date_from="2026-01-01", date_to="2026-12-31"),
                 "ix_orders_created"),
        "status and days": (lambda: shop.orders.search_orders(admin, "", status="confirmed",
                                                              date_from="2026-01-01"), "ix_orders_status_created"),
        "tracking number": (lambda: shop.orders.search_orders(admin, first.tracking_number), "tracking_number"),
    }
    for what, (search, index) in searches.items():
        plan = the_plan(backend, search)
        assert full_scans(plan, tables) == [], what
        assert index in plan, (what, plan)
    assert full_scans(the_plan(backend, lambda: shop.orders.search_orders(admin, first.number)), tables) == []
    if is_sqlite(backend):  # the newest first come from the index: no sort of every order of the days
        assert "TEMP B-TREE" not in the_plan(backend, searches["days"][0])


# ---- the search indexes follow the data -----------------------------------------------------------------------

def skus(found) -> list[str]:
    return [p.sku for p in found]


def test_the_search_indexes_follow_new_renamed_and_deleted_rows(backend, shop, admin):
    shop.catalog.import_catalog(admin, b"sku,name,unit_price,tax_rate\nVASE-01,Blue glass vase,9.00,0.19\n")
    assert skus(shop.catalog.search(admin, "glass vase")) == ["VASE-01"]
    shop.catalog.import_catalog(admin, b"sku,name,unit_price,tax_rate\nVASE-01,Red ceramic vase,9.00,0.19\n")
    assert skus(shop.catalog.search(admin, "glass vase")) == []
    assert skus(shop.catalog.search(admin, "ceramic")) == ["VASE-01"]
    with backend.engine.begin() as conn:
        pid = conn.execute(text("SELECT id FROM products WHERE sku = 'VASE-01'")).scalar_one()
        conn.execute(text("DELETE FROM stock_moves WHERE product_id = :p"), {"p": pid})
        conn.execute(text("DELETE FROM stock WHERE product_id = :p"), {"p": pid})
        conn.execute(text("DELETE FROM products WHERE id = :p"), {"p": pid})
    assert skus(shop.catalog.search(admin, "ceramic")) == []
    if is_sqlite(backend):
        with backend.engine.connect() as conn:
            for fts in ("products_name_fts", "customers_fts", "customer_phones_fts"):  # raises if out of step
                conn.exec_driver_sql(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
    # customers and their phones
    c = shop.customers.add_customer(admin, "Zoë Quist", ["0151 2223334"], "zoe@quist.example")
    assert [x.id for x in shop.customers.find_customers(admin, "quist")] == [c.id]
    assert [x.id for x in shop.customers.find_customers(admin, "2223334")] == [c.id]
    with backend.engine.begin() as conn:
        conn.execute(text("UPDATE customers SET name = 'Zoë Berg', name_lower = 'zoë berg' WHERE id = :i"),
                     {"i": c.id})
    assert shop.customers.find_customers(admin, "quist") == []
    assert [x.id for x in shop.customers.find_customers(admin, "zoë berg")] == [c.id]


# ---- the same answers as the plain filter ---------------------------------------------------------------------

TYPED = ["lamp", "oak", "oak desk", "desk oak", "es", "o", "ok", "Große", "ö", '"ökö"', "50%", "oak_v", "_",
         "lamp-0", "LAMP-01", "4006381333948", "4006381", "gui fie", "xyz", "light lamp", "e27 led", "  lamp  ",
         "d", "f", "l", "lamp oak", "ve", "e"]


def test_the_indexed_searches_find_exactly_what_the_plain_filters_find(backend, shop, admin):
    with backend.engine.connect() as conn:
        products = [dict(r._mapping) for r in conn.execute(text("SELECT sku, barcode, name, active FROM products"))]
    for typed in TYPED:
        expected = reference_search(products, typed)  # word prefixes, ranked (tests/helpers/search_reference.py)
        assert skus(shop.catalog.search(admin, typed, limit=100)) == expected, typed
        assert shop.catalog.count(admin, typed) == len(expected), typed
    assert reference_search(products, "oak") == ["OAK-SHELF", "DESK-OAK", "LAMP-02"]  # the reference works
    assert reference_search(products, "es") == []  # word starts only: "es" is inside "desk", not at a start
    found = {typed: sorted(c.name for c in shop.customers.find_customers(admin, typed))
             for typed in ("anna", "ann", "an", "schmidt anna", "müller", "MÜLLER", "jörg", "555", "5550100",
                           "0171 555-0100", "+49 171 5550100", "987", "joerg.mu@", "anna@example.com", "lee")}
    assert found == {"anna": ["Anna Schmidt", "Annabel Lee"], "ann": ["Anna Schmidt", "Annabel Lee"],
                     "an": ["Anna Schmidt", "Annabel Lee"], "schmidt anna": ["Anna Schmidt"],
                     "müller": ["Jörg Müller"], "MÜLLER": ["Jörg Müller"], "jörg": ["Jörg Müller"],
                     "555": ["Anna Schmidt"], "5550100": ["Anna Schmidt"], "0171 555-0100": ["Anna Schmidt"],
                     "+49 171 5550100": ["Anna Schmidt"], "987": ["Jörg Müller"], "joerg.mu@": [],
                     "anna@example.com": ["Anna Schmidt"], "lee": ["Annabel Lee"]}
