"""The product type-ahead matches the start of words, ranks, and finds its rows through indexes, alike on SQLite and
PostgreSQL: "lamp" finds "Desk lamp" and "Lampshade" but not "Clamp"; the exact SKU or barcode comes first, then
SKUs starting with what was typed, then names by where the typed words stand (earliest, then whole words before
word starts), ties by SKU. The words index (product_words, migration 0006) follows every write to products."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from oms_desktop.adapters.db.models_performance import typed_words
from tests.helpers.plans import captured, full_scans, is_sqlite
from tests.helpers.search_reference import reference_search, words_of

pytestmark = pytest.mark.fresh_statistics  # their plans on a fresh database's statistics

CATALOG = (
    "sku,name,unit_price,tax_rate,barcode,category,location,on_hand,reorder_point\n"
    "LAMP-01,Lamp shade linen,19.99,0.19,4006381333931,Lighting,A-01-01,10,2\n"
    "LAMP-02,Desk lamp oak,39.00,0.19,4006381333955,Lighting,A-01-02,1,2\n"
    "LAMPE-9,Lampenschirm,9.00,0.19,,Lighting,A-01-03,5,1\n"
    "CLAMP-1,Clamp 50 mm,4.50,0.19,,Tools,B-01-01,40,5\n"
    "SHADE-1,Lampshade classic,14.00,0.19,,Lighting,A-02-01,3,1\n"
    "FLOOR-7,Floor lamp,89.00,0.19,,Lighting,A-02-02,0,1\n"
    "WALL-3,Wall lamp,49.00,0.19,,Lighting,A-02-03,2,1\n"
    "OAK-DESK,Oak desk 120 cm,249.00,0.19,,Furniture,D-01-01,2,0\n"
    "DESK-01,\"Desk, oak (solid)\",199.00,0.19,,Furniture,D-01-02,4,0\n"
    "DESKTOP-1,Desktop stand oak,29.00,0.19,,Office,D-02-01,8,1\n"
    "BULB-E27,LED bulb E27,3.49,0.19,4006381333948,Lighting,A-03-01,100,20\n"
    "MUG-100,Große Tasse \"Ökö\" 50% off,7.50,0.19,,Kitchen,C-01-01,30,5\n"
    "SHELF-2,Shelf (oak_veneer),59.00,0.19,,Furniture,D-03-01,3,0\n"
    "OLD-LAMP,Old lamp,5.00,0.19,,Lighting,Z-99-99,1,0\n"
)
TYPED = ["lamp", "Lamp", "LAMP", "lamp ", "lam", "l", "la", "lamp oak", "oak lamp", "oak", "o", "desk", "desk o",
         "de", "d", "shade", "sha", "s", "clamp", "lamp-0", "LAMP-01", "lampe", "4006381333948", "4006381",
         "e27", "led e", "ökö", "ÖKÖ", "\"ökö\"", "große", "GROSSE", "gro tas", "50", "50%", "oak_v", "veneer",
         "_", "%", "xyz", "lamp xyz", "  desk   oak  ", "120", "cm", "oak oak"]


@pytest.fixture
def shop(services, admin):
    services.catalog.import_catalog(admin, CATALOG.encode())
    services.catalog.set_product_active(admin, "OLD-LAMP", False)
    return services


def skus(found) -> list[str]:
    return [p.sku for p in found]


def products_of(backend) -> list[dict]:
    with backend.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(text("SELECT sku, barcode, name, active FROM products"))]


# ---- what is found, in which order -----------------------------------------------------------------------------

def test_lamp_finds_the_start_of_words_not_the_inside_of_them_ranked(backend, shop, admin):
    found = skus(shop.catalog.search(admin, "lamp", limit=50))
    assert found == ["LAMP-01", "LAMP-02", "LAMPE-9",  # SKUs starting with LAMP, in SKU order
                     "SHADE-1",                        # "Lampshade ...": the first word, but only its start
                     "FLOOR-7", "WALL-3"]              # "... lamp": the second word, all of it; ties by SKU
    assert "CLAMP-1" not in found and "OLD-LAMP" not in found  # "Clamp" only contains it; OLD-LAMP is inactive
    assert skus(shop.catalog.search(admin, "lamp", limit=50, active_only=False))[-3:] == ["FLOOR-7", "OLD-LAMP",
                                                                                        "WALL-3"]
    assert skus(shop.catalog.search(admin, "clamp")) == ["CLAMP-1"]


def test_the_exact_sku_or_barcode_comes_first_then_sku_prefixes_then_names(backend, shop, admin):
    assert skus(shop.catalog.search(admin, "4006381333948")) == ["BULB-E27"]     # a scanned barcode
    assert skus(shop.catalog.search(admin, "4006381")) == []                       # no barcode prefixes
    assert skus(shop.catalog.search(admin, "LAMP-02")) == ["LAMP-02"]
    assert skus(shop.catalog.search(admin, "lamp-0")) == ["LAMP-01", "LAMP-02"]
    # a SKU that is exactly what was typed comes before the others starting with it, and before any name
    shop.catalog.create_product(admin, {"sku": "LAMP", "name": "Zebra print", "unit_price": "1.00",
                                        "tax_rate": "0.19"})
    assert skus(shop.catalog.search(admin, "lamp", limit=4)) == ["LAMP", "LAMP-01", "LAMP-02", "LAMPE-9"]
    # a barcode that is exactly what was typed comes before SKUs starting with it
    shop.catalog.create_product(admin, {"sku": "ZZ-1", "name": "Zinc tray", "unit_price": "1.00",
                                        "tax_rate": "0.19", "barcode": "LAMP-0"})
    assert skus(shop.catalog.search(admin, "LAMP-0")) == ["ZZ-1", "LAMP-01", "LAMP-02"]


def test_names_rank_by_position_then_whole_words_then_sku(backend, shop, admin):
    # "Desk lamp oak": desk at 0 (whole); "Oak desk 120 cm": desk at 1 (whole); DESK-01 and DESKTOP-1 are
    # SKU-prefix matches and come first whatever their names
    assert skus(shop.catalog.search(admin, "desk")) == ["DESK-01", "DESKTOP-1", "LAMP-02", "OAK-DESK"]
    # "oak": OAK-DESK by SKU; then "Desk, oak" (1, whole), "Shelf (oak_veneer)" (1, whole), "Desktop stand oak"
    # (2), "Desk lamp oak" (2): ties by SKU
    assert skus(shop.catalog.search(admin, "oak")) == ["OAK-DESK", "DESK-01", "SHELF-2", "DESKTOP-1", "LAMP-02"]
    # several words: every one must start a word; the sum of their positions ranks
    # "Desk, oak" 0 + 64, "Oak desk" 64 + 0, "Desk lamp oak" 0 + 128, "Desktop stand oak" (0 + 1) + 128
    assert skus(shop.catalog.search(admin, "desk oak")) == ["DESK-01", "OAK-DESK", "LAMP-02", "DESKTOP-1"]
    assert skus(shop.catalog.search(admin, "lamp oak")) == ["LAMP-02"]
    assert skus(shop.catalog.search(admin, "sha")) == ["SHADE-1", "LAMP-01"]  # SKU prefix, then "shade" at 1
    assert skus(shop.catalog.search(admin, "shade")) == ["SHADE-1", "LAMP-01"]
    # a whole word outranks a word that only starts with it at the same position
    assert skus(shop.catalog.search(admin, "desk", category="Furniture")) == ["DESK-01", "OAK-DESK"]


def test_punctuation_case_and_accents_split_and_fold_alike_on_both_databases(backend, shop, admin):
    for typed in ("ökö", "ÖKÖ", "\"Ökö\"", "große", "GROßE", "gro tas", "tasse off", "50 off"):
        assert skus(shop.catalog.search(admin, typed)) == ["MUG-100"], typed
    assert skus(shop.catalog.search(admin, "50%")) == ["CLAMP-1", "MUG-100"]  # "Clamp 50 mm": 50 is word 2
    assert skus(shop.catalog.search(admin, "oak_v")) == ["SHELF-2"]     # "oak_veneer" is two words
    assert skus(shop.catalog.search(admin, "veneer")) == ["SHELF-2"]
    assert skus(shop.catalog.search(admin, "e27")) == ["BULB-E27"]
    for typed in ("_", "%", "xyz", "lamp xyz", "amp", "esk"):
        assert skus(shop.catalog.search(admin, typed)) == [], typed


def test_every_typed_text_finds_what_the_reference_finds_in_its_order(backend, shop, admin):
    products = products_of(backend)
    for typed in TYPED:
        for active_only in (True, False):
            expected = reference_search(products, typed, active_only=active_only)
            found = skus(shop.catalog.search(admin, typed, limit=100, active_only=active_only))
            assert found == expected, (typed, active_only)
            assert shop.catalog.count(admin, typed, active_only=active_only) == len(expected), typed
    assert reference_search(products, "lamp")[:3] == ["LAMP-01", "LAMP-02", "LAMPE-9"]  # the reference works


def test_pages_of_any_size_join_up_to_the_whole_list(backend, shop, admin):
    """Small pages exercise every path: the SKU-prefix statement alone, the page that straddles it and the names,
    the first-words shortcut (enough names start with the word) and the full ranking (not enough of them)."""
    products = products_of(backend)
    for typed in ("l", "la", "lamp", "d", "de", "desk", "o", "oak", "s", "sha", "desk o", "lamp oak", "e27"):
        expected = reference_search(products, typed)
        for size in (1, 2, 3, 5):
            pages = []
            for offset in range(0, len(expected) + size, size):
                page = skus(shop.catalog.search(admin, typed, limit=size, offset=offset))
                assert len(page) <= size
                pages += page
            assert pages == expected, (typed, size)


def test_filters_keep_the_type_ahead_order(backend, shop, admin):
    products = products_of(backend)
    for typed in ("lamp", "l", "oak", "desk oak", "o"):
        everything = reference_search(products, typed)
        lighting = [s for s in everything if shop.catalog.get_product(admin, s).category == "Lighting"]
        assert skus(shop.catalog.search(admin, typed, limit=50, category="Lighting")) == lighting, typed
        low = [s for s in everything if (p := shop.catalog.get_product(admin, s)).available <= p.reorder_point]
        assert low and lighting, typed  # the filters leave something to order
        assert skus(shop.catalog.search(admin, typed, limit=50, low_stock=True)) == low, typed
        assert shop.catalog.count(admin, typed, low_stock=True) == len(low), typed


def test_other_orders_filter_by_the_same_matches(backend, shop, admin):
    found = shop.catalog.search(admin, "lamp", limit=50, order_by="price", descending=True)
    assert skus(found) == ["FLOOR-7", "WALL-3", "LAMP-02", "LAMP-01", "SHADE-1", "LAMPE-9"]
    assert "CLAMP-1" not in skus(shop.catalog.search(admin, "lamp", limit=50, order_by="name"))


def test_typed_words_split_like_the_database():
    assert typed_words("  Desk-LAMP  oak_veneer \"Ökö\" 50% desk ") == ["desk", "lamp", "oak", "veneer", "ökö", "50"]
    assert typed_words("_%-") == []


# ---- the words follow every write ------------------------------------------------------------------------------

def stored_words(backend) -> dict[str, list[tuple[int, str, bool]]]:
    with backend.engine.connect() as conn:
        rows = conn.execute(text("SELECT p.sku AS product, w.pos, w.word, w.sku, w.active FROM product_words w "
                                 "JOIN products p ON p.id = w.product_id ORDER BY p.sku, w.pos")).all()
    out: dict[str, list] = {}
    for r in rows:
        assert r.sku == r.product  # the copy of the SKU is the product's
        out.setdefault(r.product, []).append((r.pos, r.word, bool(r.active)))
    return out


def expected_words(backend) -> dict[str, list[tuple[int, str, bool]]]:
    return {p["sku"]: [(i, w, bool(p["active"])) for i, w in enumerate(words_of(p["name"]))]
            for p in products_of(backend) if words_of(p["name"])}


def test_the_words_follow_new_renamed_deactivated_imported_and_deleted_products(backend, shop, admin):
    assert stored_words(backend) == expected_words(backend)
    assert stored_words(backend)["MUG-100"] == [(0, "große", True), (1, "tasse", True), (2, "ökö", True),
                                                (3, "50", True), (4, "off", True)]
    shop.catalog.create_product(admin, {"sku": "VASE-01", "name": "Blue glass vase", "unit_price": "9.00",
                                        "tax_rate": "0.19"})
    assert skus(shop.catalog.search(admin, "glass va")) == ["VASE-01"]
    shop.catalog.update_product(admin, "VASE-01", {"name": "Red ceramic vase", "unit_price": "9.00",
                                                   "tax_rate": "0.19"})
    assert skus(shop.catalog.search(admin, "glass")) == []
    assert skus(shop.catalog.search(admin, "cera va")) == ["VASE-01"]
    shop.catalog.import_catalog(admin, b"sku,name,unit_price,tax_rate\nVASE-01,Tall stone vase,9.00,0.19\n"
                                       b"VASE-02,Stone bowl,5.00,0.19\n")
    assert skus(shop.catalog.search(admin, "stone")) == ["VASE-02", "VASE-01"]  # "Stone" first word, then second
    shop.catalog.set_product_active(admin, "VASE-02", False)
    assert skus(shop.catalog.search(admin, "stone")) == ["VASE-01"]
    shop.catalog.set_product_active(admin, "VASE-02", True)
    assert skus(shop.catalog.search(admin, "stone")) == ["VASE-02", "VASE-01"]
    assert stored_words(backend) == expected_words(backend)
    with backend.engine.begin() as conn:  # rows written around the services (a bulk load, a manual fix)
        conn.execute(text("UPDATE products SET name = 'Granite bowl' WHERE sku = 'VASE-02'"))
        pid = conn.execute(text("SELECT id FROM products WHERE sku = 'VASE-01'")).scalar_one()
        for table, col in (("stock_moves", "product_id"), ("stock", "product_id"), ("products", "id")):
            conn.execute(text(f"DELETE FROM {table} WHERE {col} = :p"), {"p": pid})
    assert skus(shop.catalog.search(admin, "stone")) == []
    assert skus(shop.catalog.search(admin, "gran bo")) == ["VASE-02"]
    assert stored_words(backend) == expected_words(backend)
    if is_sqlite(backend):
        with backend.engine.connect() as conn:  # raises if the FTS5 index is out of step with the names
            conn.exec_driver_sql("INSERT INTO products_name_fts(products_name_fts, rank) VALUES ('integrity-check', 1)")
            assert conn.exec_driver_sql("SELECT count(*) FROM product_name_tokens_instance").scalar() == 0


# ---- through indexes -------------------------------------------------------------------------------------------

def analyzed_plans(backend, fn) -> list[str]:
    """Each SELECT's plan, run for real on PostgreSQL (EXPLAIN ANALYZE: which nodes ran, and how often), with
    sequential scans off (on tables this small they win; the question is whether the indexes serve the query)."""
    with captured(backend.engine) as seen:
        fn()
    out = []
    with backend.engine.connect() as conn:
        if is_sqlite(backend):
            for statement, params in seen:
                if statement.lstrip().upper().startswith(("SELECT", "WITH")):
                    rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
                    out.append("\n".join(r[-1] for r in rows))
        else:
            conn.exec_driver_sql("SET enable_seqscan = off")
            for statement, params in seen:
                if statement.lstrip().upper().startswith(("SELECT", "WITH")):
                    rows = conn.exec_driver_sql("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + statement,
                                                params).all()
                    out.append("\n".join(r[0] for r in rows))
        conn.rollback()
    return [p for p in out if "product_words" in p or "products_name_fts" in p]  # the name statement


def node(plan: str, index: str) -> str:
    lines = [ln for ln in plan.splitlines() if index in ln and ("Scan" in ln or "SEARCH" in ln)]
    assert lines, f"{index} not in\n{plan}"
    return lines[0]


def test_one_word_is_a_range_of_the_word_index_and_a_common_start_stops_at_first_words(backend, shop, admin):
    tables = ("products", "stock", "product_words")
    # "d", three to a page: DESK-01 and DESKTOP-1 by SKU, and "Desk lamp oak" (LAMP-02) starts with it, which is
    # all the page needs: it comes from the partial index of first words, and gathering every word starting with
    # "d" is skipped
    [plan] = analyzed_plans(backend, lambda: shop.catalog.search(admin, "d", limit=3))
    assert full_scans(plan, tables) == []
    if is_sqlite(backend):
        assert "USING COVERING INDEX ix_product_words_first (word>? AND word<?)" in plan
        assert "USING COVERING INDEX ix_product_words_word (word>? AND word<?)" in plan
    else:
        # an index-only scan or a bitmap scan of it, as the statistics of a small table make the planner choose
        assert re.search(r"(Index Only Scan using|Bitmap Index Scan on) ix_product_words_first .*\(actual rows=[1-9]",
                         plan), plan
        assert "never executed" in node(plan, "ix_product_words_word")  # first words sufficed
    # "oak": no name starts with it but one, so every matching word is gathered: from the word index alone
    [plan] = analyzed_plans(backend, lambda: shop.catalog.search(admin, "oak", limit=3))
    assert full_scans(plan, tables) == []
    if is_sqlite(backend):
        assert "USING COVERING INDEX ix_product_words_word (word>? AND word<?)" in plan
    else:
        assert re.search(r"\(actual rows=[1-9]", node(plan, "ix_product_words_word")), plan
        assert "Index Only Scan using ix_product_words_word" in plan or "Bitmap Index Scan on ix_product_words_word" \
            in plan


def test_several_words_are_intersected_in_the_inverted_index_then_read_by_primary_key(backend, shop, admin):
    [plan] = analyzed_plans(backend, lambda: shop.catalog.search(admin, "desk oak", limit=12))
    assert full_scans(plan, ("products", "stock", "product_words")) == []
    if is_sqlite(backend):
        assert "products_name_fts VIRTUAL TABLE" in plan
        assert re.search(r"SEARCH product_words USING PRIMARY KEY \(product_id=\?\)", plan), plan
        assert "ix_product_words_word" not in plan
    else:
        assert re.search(r"actual rows=[1-9]", node(plan, "ix_products_name_words")), plan
        # then the words of each product found, one probe of product_words' primary key per product
        # (an index scan names its table after the index, a bitmap scan does not; which one depends on the table's
        # statistics, which earlier tests on the same database moved)
        assert re.search(r"(Index (Only )?Scan using pk_product_words on \w+|Bitmap Index Scan on pk_product_words) "
                         r"\(actual rows=[1-9]\d* loops=[1-9]", plan), plan
        assert re.search(r"Index Cond: \(product_id = \w+\.id\)", plan), plan
        assert "ix_product_words_word" not in plan


def test_a_type_ahead_page_takes_at_most_two_statements(backend, shop, admin):
    for typed in ("4006381333948", "LAMP-01", "lamp", "l", "desk oak", "xyz"):
        with captured(backend.engine) as seen:
            shop.catalog.search(admin, typed, limit=12)
        selects = [s for s, _ in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]
        assert 1 <= len(selects) <= 2, typed
    with captured(backend.engine) as seen:
        assert skus(shop.catalog.search(admin, "LAMP-0", limit=2)) == ["LAMP-01", "LAMP-02"]
    assert len([s for s, _ in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]) == 1  # page full
