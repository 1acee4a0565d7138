"""Rows held inside ``uow.held_inserts()``: on PostgreSQL written together in one statement before the next
statement runs (or when the block ends), on SQLite at once; either way the same rows in the same transaction, and
nothing of them when the block fails."""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError, StatementError

from oms_desktop.adapters.db import models as m
from oms_desktop.adapters.db.uow import uow_factory
from oms_desktop.domain import events as ev
from oms_desktop.domain.errors import ValidationFailed

CATALOG = b"sku,name,unit_price,tax_rate,on_hand\nLAMP-01,Desk lamp,19.99,0.19,50\n"
history_t = m.OrderStatusChange.__table__


@contextmanager
def statements(engine):
    seen: list[str] = []

    def listener(conn, cursor, statement, parameters, context, executemany):
        seen.append(" ".join(statement.split()))
    event.listen(engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listener)


@pytest.fixture
def order_id(services, admin) -> int:
    services.catalog.import_catalog(admin, CATALOG)
    return services.orders.place_order(admin, None, [("LAMP-01", 1)]).id


def _history(order_id: int, user_id: int, note: str, at: datetime) -> dict:
    return dict(order_id=order_id, from_status="confirmed", to_status="confirmed", user_id=user_id, note=note, at=at)


def _histories(backend, order_id):
    with backend.engine.connect() as c:
        return c.execute(select(history_t.c.note, history_t.c.at).where(history_t.c.order_id == order_id)
                         .order_by(history_t.c.id)).all()


def test_held_rows_go_in_one_statement_before_the_next_one_and_are_stored_as_given(backend, order_id, admin):
    pg = backend.engine.dialect.name == "postgresql"
    at = datetime(2026, 12, 4, 9, 30, tzinfo=timezone(timedelta(hours=-5)))  # not UTC: converted as usual
    uow = uow_factory(backend.engine)()
    with uow, statements(backend.engine) as seen:
        with uow.held_inserts():
            uow.orders.add_histories([_history(order_id, admin.user_id, "first", at),
                                      _history(order_id, admin.user_id, "second", at)])
            uow.events.add_events([(ev.OrderConfirmed(order_id=order_id, number="SO-1", tracking_number="T",
                                                      lines=1, total="19.99", currency="EUR"), admin.user_id)])
            uow.audit.record_many([dict(user_id=admin.user_id, username="admin", action="test.held", entity="order",
                                        entity_id=order_id, new={"x": 1})])
            written = list(seen)
            notes = [h.note for h in uow.orders.history(order_id)]  # the next statement sees them
        uow.commit()
    if pg:
        assert written == []  # nothing yet: held
        assert seen[0].startswith("WITH d1 AS (INSERT INTO order_status_history")
        assert "INSERT INTO events" in seen[0] and len(seen) == 2  # the rows in one statement, then the read
    else:
        assert len(written) == 3 and all(s.startswith("INSERT INTO") for s in written)  # SQLite: at once
    assert notes[-2:] == ["first", "second"]
    assert [(n, a) for n, a in _histories(backend, order_id)][-2:] == [("first", at), ("second", at)]
    with backend.engine.connect() as c:
        assert c.execute(select(func.count()).select_from(m.AuditEntry.__table__)
                         .where(m.AuditEntry.__table__.c.action == "test.held")).scalar_one() == 1


def test_held_rows_are_written_when_the_block_ends_and_dropped_when_it_fails(backend, order_id, admin):
    at = datetime.now(timezone.utc)
    uow = uow_factory(backend.engine)()
    with uow:
        with uow.held_inserts():
            uow.orders.add_histories([_history(order_id, admin.user_id, "kept", at)])
        uow.commit()
    uow = uow_factory(backend.engine)()
    with pytest.raises(RuntimeError), uow:
        with uow.held_inserts():
            uow.orders.add_histories([_history(order_id, admin.user_id, "dropped", at)])
            raise RuntimeError("the use case fails")
    assert [n for n, _a in _histories(backend, order_id)][-1] == "kept"
    uow = uow_factory(backend.engine)()
    with uow:
        with uow.held_inserts():
            uow.orders.add_histories([_history(order_id, admin.user_id, "committed inside", at)])
            uow.commit()  # commit inside the block: what is held is written first
    assert [n for n, _a in _histories(backend, order_id)][-1] == "committed inside"


def test_a_card_number_is_refused_when_the_rows_are_given_and_nothing_is_stored(backend, order_id, admin):
    before = _histories(backend, order_id)
    uow = uow_factory(backend.engine)()
    with pytest.raises(ValidationFailed) as e, uow:
        with uow.held_inserts():
            uow.orders.add_histories([_history(order_id, admin.user_id, "ok", datetime.now(timezone.utc)),
                                      _history(order_id, admin.user_id, "card 4111 1111 1111 1111",
                                               datetime.now(timezone.utc))])
            pytest.fail("the rows were taken")
    assert "card number" in str(e.value)
    assert _histories(backend, order_id) == before


def test_a_row_the_database_refuses_fails_the_transaction_at_the_next_statement_at_the_latest(backend, order_id,
                                                                                              admin):
    before = _histories(backend, order_id)
    uow = uow_factory(backend.engine)()
    with pytest.raises(IntegrityError), uow:
        with uow.held_inserts():
            uow.orders.add_histories([_history(order_id, admin.user_id, "fine", datetime.now(timezone.utc)),
                                      _history(987654, admin.user_id, "no such order", datetime.now(timezone.utc))])
            uow.orders.history(order_id)
    assert _histories(backend, order_id) == before


def test_a_row_leaving_out_a_column_sqlalchemy_fills_goes_through_sqlalchemy_after_what_was_held(
        backend, order_id, admin):
    lines_t = m.OrderLine.__table__
    uow = uow_factory(backend.engine)()
    with uow, statements(backend.engine) as seen:
        with uow.held_inserts():
            uow.orders.add_histories([_history(order_id, admin.user_id, "before", datetime.now(timezone.utc))])
            uow.orders.add_lines([dict(order_id=order_id, line_no=9, product_id=1, sku="LAMP-01", name="Desk lamp",
                                       quantity=1, unit_price_minor=1999, tax_rate_bp=1900)])  # no discount, no net
        uow.commit()
    assert [s.split(" (")[0] for s in seen] == ["INSERT INTO order_status_history", "INSERT INTO order_lines"]
    with backend.engine.connect() as c:
        assert c.execute(select(lines_t.c.discount_bp, lines_t.c.net_minor).where(
            lines_t.c.order_id == order_id, lines_t.c.line_no == 9)).one() == (0, 0)


def test_a_naive_time_is_refused_as_sqlalchemy_refuses_it_and_nothing_is_stored(backend, order_id, admin):
    before = _histories(backend, order_id)
    uow = uow_factory(backend.engine)()
    with pytest.raises((ValueError, StatementError), match="naive datetime"), uow:
        with uow.held_inserts():
            uow.orders.add_histories([_history(order_id, admin.user_id, "when?", datetime(2026, 12, 4, 9, 30))])
    assert _histories(backend, order_id) == before
