"""The print jobs' SQL: a job written in the caller's transaction, claimed by one sender, its outcome recorded."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import Row, select, update

from ...services.repository_records import PrintJobRecord
from . import models_printing as mp
from .repositories import _Repo, plain_insert

jobs_t = mp.PrintJob.__table__


def _record(row: Row | None) -> PrintJobRecord | None:
    return PrintJobRecord(**row._mapping) if row is not None else None


def _records(rows: Iterable[Row]) -> list[PrintJobRecord]:
    return [PrintJobRecord(**r._mapping) for r in rows]


class PrintJobsRepo(_Repo):
    def add(self, values: Mapping[str, object]) -> int:
        """One job (one INSERT); its id."""
        return self.c.execute(plain_insert(jobs_t).returning(jobs_t.c.id), values).scalar_one()

    def claim(self, now: datetime, token: str, who: str, job_pk: int | None = None) -> PrintJobRecord | None:
        """Claim the oldest pending job (or job ``job_pk``): one conditional UPDATE, ``status = 'pending'`` checked
        again on the row itself, so of two senders only one wins it (PostgreSQL skips rows another has locked)."""
        t = jobs_t.c
        pick = select(t.id).where(t.status == "pending")
        if job_pk is not None:
            pick = pick.where(t.id == job_pk)
        pick = pick.order_by(t.id).limit(1)
        if self._pg:
            pick = pick.with_for_update(skip_locked=True)
        stmt = (update(jobs_t).where(t.id == pick.scalar_subquery(), t.status == "pending")
                .values(status="printing", claim_token=token, claimed_by=who, claimed_at=now,
                        attempts=t.attempts + 1)
                .returning(*jobs_t.c))
        return _record(self.c.execute(stmt).first())

    def held_claims(self) -> list[PrintJobRecord]:
        t = jobs_t.c
        return _records(self.c.execute(select(jobs_t).where(t.status == "printing").order_by(t.claimed_at, t.id)))

    def update_claimed(self, job_pk: int, token: str, values: Mapping[str, object]) -> bool:
        """Change a job only while ``token`` still holds it."""
        t = jobs_t.c
        return self.c.execute(update(jobs_t).where(t.id == job_pk, t.claim_token == token, t.status == "printing")
                              .values(**values)).rowcount == 1

    def pending_count(self) -> int:
        from sqlalchemy import func
        return self.c.execute(select(func.count()).select_from(jobs_t)
                              .where(jobs_t.c.status == "pending")).scalar_one()

    def get(self, job_pk: int) -> PrintJobRecord | None:
        return _record(self.c.execute(select(jobs_t).where(jobs_t.c.id == job_pk)).first())

    def of_order(self, order_id: int) -> list[PrintJobRecord]:
        return _records(self.c.execute(select(jobs_t).where(jobs_t.c.order_id == order_id).order_by(jobs_t.c.id)))
