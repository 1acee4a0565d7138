"""Repository of the counter's tills: sessions, cash moved in and out, the payments a session took (SQLAlchemy Core)."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import Row, and_, case, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from ...domain.errors import BusinessRuleViolation
from ...domain.messages import msg
from ...services.repository_records import TillMovementRecord, TillPaymentRecord, TillSessionRecord
from . import models as m
from . import models_accounts as a
from . import models_till as t
from .repositories import _now, _Repo, insert_returning_id

sessions_t = t.TillSession.__table__
movements_t = t.TillMovement.__table__
payments_t = a.Payment.__table__
orders_t = m.Order.__table__
users_t = m.User.__table__
_OPENER = users_t.alias("opener")
_CLOSER = users_t.alias("closer")


def _session(row: Row | None) -> TillSessionRecord | None:
    return TillSessionRecord(**row._mapping) if row is not None else None


class TillRepo(_Repo):
    """Till sessions and their cash movements."""

    @staticmethod
    def _session_select():
        return (select(sessions_t, _OPENER.c.username.label("opened_by_name"),
                       _CLOSER.c.username.label("closed_by_name"))
                .join(_OPENER, _OPENER.c.id == sessions_t.c.opened_by)
                .outerjoin(_CLOSER, _CLOSER.c.id == sessions_t.c.closed_by))

    def open_session(self, values: Mapping[str, object]) -> int:
        """A new open session; refused (BusinessRuleViolation) when the till has one open already (the partial
        unique index decides when two workstations open the same till at the same moment)."""
        try:
            with self.c.begin_nested():
                return self.c.execute(insert_returning_id(sessions_t), {**values, "opened_at": _now()}).scalar_one()
        except IntegrityError:
            raise BusinessRuleViolation(msg("Till {till} is open already (opened a moment ago elsewhere); close it "
                                            "before opening it again.", till=values["till"])) from None

    def open_session_of(self, till: str, *, lock: bool = False) -> TillSessionRecord | None:
        """The open session of ``till`` (None if it is closed), its row locked for the transaction when ``lock``:
        a close and a payment through the same till then take turns, so no payment joins a session being closed."""
        q = self._session_select().where(sessions_t.c.till == till, sessions_t.c.closed_at.is_(None))
        if lock:
            q = q.with_for_update(of=sessions_t)
        return _session(self.c.execute(q).first())

    def open_sessions_opened_by(self, user_id: int, *, lock: bool = False) -> list[TillSessionRecord]:
        q = self._session_select().where(sessions_t.c.opened_by == user_id, sessions_t.c.closed_at.is_(None))
        if lock:
            q = q.with_for_update(of=sessions_t)
        return [TillSessionRecord(**r._mapping) for r in self.c.execute(q.order_by(sessions_t.c.id))]

    def session(self, session_id: int, *, lock: bool = False) -> TillSessionRecord | None:
        q = self._session_select().where(sessions_t.c.id == session_id)
        if lock:
            q = q.with_for_update(of=sessions_t)
        return _session(self.c.execute(q).first())

    def sessions_between(self, start: datetime, end: datetime, *,
                         till: str | None = None) -> list[TillSessionRecord]:
        """Sessions opened in [start, end) (aware datetimes), oldest first."""
        q = self._session_select().where(sessions_t.c.opened_at >= start, sessions_t.c.opened_at < end)
        if till is not None:
            q = q.where(sessions_t.c.till == till)
        return [TillSessionRecord(**r._mapping)
                for r in self.c.execute(q.order_by(sessions_t.c.opened_at, sessions_t.c.id))]

    def close_session(self, session_id: int, values: Mapping[str, object]) -> bool:
        """Close an open session with what was counted; False when it was closed already."""
        done = self.c.execute(update(sessions_t).where(sessions_t.c.id == session_id,
                                                       sessions_t.c.closed_at.is_(None))
                              .values(**values, closed_at=_now()))
        return done.rowcount == 1

    def add_movement(self, values: Mapping[str, object]) -> int:
        return self.c.execute(insert_returning_id(movements_t), {**values, "moved_at": _now()}).scalar_one()

    def movements_of(self, session_id: int) -> list[TillMovementRecord]:
        q = (select(movements_t, users_t.c.username).outerjoin(users_t, users_t.c.id == movements_t.c.user_id)
             .where(movements_t.c.session_id == session_id).order_by(movements_t.c.id))
        return [TillMovementRecord(**r._mapping) for r in self.c.execute(q)]

    def payments_of(self, session_id: int) -> list[TillPaymentRecord]:
        """The payments and refunds a session took, each with its order's total."""
        q = (select(payments_t, orders_t.c.total_minor.label("order_total_minor"), users_t.c.username)
             .join(orders_t, orders_t.c.id == payments_t.c.order_id)
             .outerjoin(users_t, users_t.c.id == payments_t.c.user_id)
             .where(payments_t.c.till_session_id == session_id).order_by(payments_t.c.id))
        return [TillPaymentRecord(**r._mapping) for r in self.c.execute(q)]

    def cash_adjustments_total(self) -> int:
        """What tills moved in the cash accounts besides payments: cash in less cash out, plus every closed
        session's over and short (the ledger check adds this to payments less refunds)."""
        moved = self.c.execute(select(func.coalesce(func.sum(
            case((movements_t.c.kind == "in", movements_t.c.amount_minor), else_=-movements_t.c.amount_minor)), 0))
        ).scalar_one()
        differences = self.c.execute(select(func.coalesce(func.sum(sessions_t.c.difference_minor), 0))).scalar_one()
        return int(moved) + int(differences)

    def closed_sessions(self) -> list[TillSessionRecord]:
        return [TillSessionRecord(**r._mapping) for r in self.c.execute(
            self._session_select().where(sessions_t.c.closed_at.is_not(None)).order_by(sessions_t.c.id))]

    def linked_payments_outside_sessions(self) -> list[tuple[int, int]]:
        """Payments linked to a session that they were not taken during (before it opened or after it closed)."""
        after_close = and_(sessions_t.c.closed_at.is_not(None), payments_t.c.received_at > sessions_t.c.closed_at)
        q = (select(payments_t.c.id, sessions_t.c.id.label("session_id"))
             .join(sessions_t, sessions_t.c.id == payments_t.c.till_session_id)
             .where(or_(payments_t.c.received_at < sessions_t.c.opened_at, after_close)))
        return [(r.id, r.session_id) for r in self.c.execute(q)]
