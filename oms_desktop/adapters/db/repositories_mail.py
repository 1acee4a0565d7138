"""The outbox's SQL: writing a message in the caller's transaction, claiming due ones, recording what happened."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import Row, bindparam, false, func, insert, literal, select, update

from ...services.repository_records import OutboxRecord
from . import models as m
from . import models_mail as mm
from .repositories import _Repo, add_rows, built

outbox_t = mm.OutboxMessage.__table__
customers_t = m.Customer.__table__

_FROM_CUSTOMER = ("kind", "order_id", "message_id", "facts", "status", "attempts", "next_attempt_at", "claim_token",
                  "claimed_by", "last_error", "created_at")


def _record(row: Row | None) -> OutboxRecord | None:
    return OutboxRecord(**row._mapping) if row is not None else None


def _records(rows: Iterable[Row]) -> list[OutboxRecord]:
    return [OutboxRecord(**r._mapping) for r in rows]


class OutboxRepo(_Repo):
    def add(self, values: Mapping[str, object]) -> None:
        """One message to a recipient the caller has read already (one INSERT; held with the other rows inside
        ``held_inserts``)."""
        add_rows(self.c, outbox_t, [values])

    def add_for_customer(self, customer_id: int | None, values: Mapping[str, object], *, invoice: bool = False) -> None:
        """One message to the customer's e-mail address, in one ``INSERT ... SELECT``: nothing when the customer
        has no address or opted out (or, for an invoice, does not want it by mail). No read before it."""
        if customer_id is None:
            return
        c = customers_t.c

        def build(invoice: bool):
            conds = [c.id == bindparam("customer_id"), c.email != "", c.mail_opt_out == false()]
            if invoice:
                conds.append(c.invoice_by_mail == literal(True))
            cols = [bindparam(k, type_=outbox_t.c[k].type) for k in _FROM_CUSTOMER]
            return insert(outbox_t).from_select(
                [*_FROM_CUSTOMER, "recipient"], select(*cols, c.email).where(*conds))
        self.c.execute(built(("outbox from customer", invoice), lambda: build(invoice)),
                       {"customer_id": customer_id, **values})

    def due_count(self, now: datetime) -> int:
        t = outbox_t.c
        return self.c.execute(select(func.count()).select_from(outbox_t).where(
            t.status == "pending", t.next_attempt_at <= now)).scalar_one()

    def claim_next(self, now: datetime, token: str, who: str) -> OutboxRecord | None:
        """Claim the oldest due message: one conditional UPDATE (``status = 'pending'`` checked again on the row
        itself, so of two senders only one wins it; PostgreSQL skips rows another sender has locked)."""
        t = outbox_t.c
        pick = select(t.id).where(t.status == "pending", t.next_attempt_at <= now) \
            .order_by(t.next_attempt_at, t.id).limit(1)
        if self._pg:
            pick = pick.with_for_update(skip_locked=True)
        stmt = (update(outbox_t).where(t.id == pick.scalar_subquery(), t.status == "pending")
                .values(status="claimed", claim_token=token, claimed_by=who, claimed_at=now,
                        attempts=t.attempts + 1)
                .returning(*outbox_t.c))
        return _record(self.c.execute(stmt).first())

    def held_claims(self) -> list[OutboxRecord]:
        """Messages a sender holds (claimed or sending), oldest claim first."""
        t = outbox_t.c
        return _records(self.c.execute(select(outbox_t).where(t.status.in_(("claimed", "sending")))
                                       .order_by(t.claimed_at, t.id)))

    def update_claimed(self, message_pk: int, token: str, values: Mapping[str, object]) -> bool:
        """Change a message only while ``token`` still holds it (a sender never overwrites another's claim)."""
        t = outbox_t.c
        return self.c.execute(update(outbox_t).where(t.id == message_pk, t.claim_token == token)
                              .values(**values)).rowcount == 1

    def update_due(self, message_pk: int, values: Mapping[str, object]) -> bool:
        """Change a pending or failed message (a person retries it); False if a sender holds it or it is sent."""
        t = outbox_t.c
        return self.c.execute(update(outbox_t).where(t.id == message_pk, t.status.in_(("pending", "failed")))
                              .values(**values)).rowcount == 1

    def due(self, now: datetime, limit: int) -> list[OutboxRecord]:
        t = outbox_t.c
        return _records(self.c.execute(select(outbox_t).where(t.status == "pending", t.next_attempt_at <= now)
                                       .order_by(t.next_attempt_at, t.id).limit(limit)))

    def update_pending(self, message_pk: int, attempts: int, values: Mapping[str, object]) -> bool:
        """Record a failed attempt on a message that nobody claimed meanwhile (``attempts`` as it was read)."""
        t = outbox_t.c
        return self.c.execute(update(outbox_t).where(t.id == message_pk, t.status == "pending",
                                                     t.attempts == attempts)
                              .values(**values)).rowcount == 1

    def get(self, message_pk: int) -> OutboxRecord | None:
        return _record(self.c.execute(select(outbox_t).where(outbox_t.c.id == message_pk)).first())

    def of_order(self, order_id: int) -> list[OutboxRecord]:
        return _records(self.c.execute(select(outbox_t).where(outbox_t.c.order_id == order_id)
                                       .order_by(outbox_t.c.id)))

    def waiting(self, *, failed_only: bool = False, limit: int = 200) -> list[OutboxRecord]:
        """What has not gone out: pending, claimed and sending (or only failed), oldest first."""
        t = outbox_t.c
        statuses = ("failed",) if failed_only else ("pending", "claimed", "sending", "failed")
        return _records(self.c.execute(select(outbox_t).where(t.status.in_(statuses))
                                       .order_by(t.created_at, t.id).limit(limit)))
