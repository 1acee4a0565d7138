"""``insert_rows`` (rows of plain integers and strings handed to the driver as one executemany: an order's
allowances) on SQLite and PostgreSQL: it stores exactly the rows given, and the text guard refuses what it refuses
for every other INSERT (a card number in any spelling, a text over its column's limit), naming the field, with
nothing stored."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from oms_desktop.adapters.db.repositories import insert_rows
from oms_desktop.adapters.db.repositories_carts import order_adj_t
from oms_desktop.domain.errors import ValidationFailed


def _row(order_id: int, seq: int, label: str, rate_bp: int = 1900) -> dict:
    return dict(order_id=order_id, seq=seq, kind="promotion", source_id=7, label=label, tax_rate_bp=rate_bp,
                amount_minor=-119, net_minor=-100, tax_minor=-19)


def _stored(backend, order_id: int) -> list[tuple]:
    with backend.engine.connect() as c:
        return [tuple(r) for r in c.execute(text(
            "SELECT seq, kind, source_id, label, tax_rate_bp, amount_minor, net_minor, tax_minor "
            "FROM order_adjustments WHERE order_id = :o ORDER BY seq"), {"o": order_id})]


def test_rows_are_stored_as_given(backend, catalog, admin):
    order = catalog.orders.place_order(admin, None, [("LAMP-01", 1)])
    rows = [_row(order.id, 1, "Winter 2 %"), _row(order.id, 2, "Winter 2 %", 700), _row(order.id, 3, "x" * 200)]
    with backend.engine.begin() as c:
        insert_rows(c, order_adj_t, rows)
        insert_rows(c, order_adj_t, [])  # nothing to write: no statement
    assert _stored(backend, order.id) == [
        (1, "promotion", 7, "Winter 2 %", 1900, -119, -100, -19),
        (2, "promotion", 7, "Winter 2 %", 700, -119, -100, -19),
        (3, "promotion", 7, "x" * 200, 1900, -119, -100, -19)]


@pytest.mark.parametrize("label, words", [
    ("Coupon 4111 1111 1111 1111", "looks like a card number"),
    ("card: 5500-0000-0000-0004, exp 12/27", "looks like a card number"),
    ("x" * 201, "200"),
])
def test_the_text_guard_refuses_a_row_naming_the_field_and_nothing_is_stored(backend, catalog, admin, label,
                                                                               words):
    order = catalog.orders.place_order(admin, None, [("LAMP-01", 1)])
    rows = [_row(order.id, 1, "Winter 2 %"), _row(order.id, 2, label)]
    with pytest.raises(ValidationFailed) as refused, backend.engine.begin() as c:
        insert_rows(c, order_adj_t, rows)
    assert words in str(refused.value) and "label" in str(refused.value)
    assert _stored(backend, order.id) == []


def test_a_text_given_for_a_number_column_is_checked_too(backend, catalog, admin):
    """Only the text columns' values are searched as a rule; a column of another type is searched when a row gives
    it a text (a mistake in the caller must not let a card number through, on SQLite it would be stored as given)."""
    order = catalog.orders.place_order(admin, None, [("LAMP-01", 1)])
    row = _row(order.id, 2, "Winter 2 %")
    row["source_id"] = "4111 1111 1111 1111"  # on the second row: every row is looked at
    with pytest.raises(ValidationFailed) as refused, backend.engine.begin() as c:
        insert_rows(c, order_adj_t, [_row(order.id, 1, "Winter 2 %"), row])
    assert "looks like a card number" in str(refused.value)
    assert _stored(backend, order.id) == []
