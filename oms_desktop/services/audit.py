"""Reading the audit trail (manager, admin): who did what and when, with the old and new values, filtered by user,
entity, action and dates, a page at a time (newest first)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..domain.errors import ValidationFailed
from ..domain.roles import Perm
from .base import ServiceBase
from .dto import Actor

MAX_PAGE = 1000


@dataclass(frozen=True)
class AuditEntryDTO:
    id: int
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: str
    old_values: str
    """JSON as stored ("" when the action had none)."""
    new_values: str


@dataclass(frozen=True)
class AuditQuery:
    """What to look for; ``start`` and ``end`` are days in the workstation's time zone, both included; ``action``
    matches as a prefix (``user.`` finds every user action)."""

    user: str = ""
    entity: str = ""
    action: str = ""
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class AuditPage:
    rows: tuple[AuditEntryDTO, ...]
    page: int
    page_size: int
    has_more: bool


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone()  # a naive time is the workstation's local time


class AuditService(ServiceBase):
    def list(self, actor: Actor, query: AuditQuery = AuditQuery(), *, page: int = 1, page_size: int = 100) -> AuditPage:
        """One page of the audit rows ``query`` finds; bad filters are refused together, naming each."""
        self._require(actor, Perm.AUDIT, "read the audit trail")
        problems = []
        if query.start and query.end and query.start > query.end:
            problems.append(f"the first day ({query.start}) is after the last day ({query.end})")
        if page < 1:
            problems.append(f"page must be 1 or more (got {page})")
        if not 1 <= page_size <= MAX_PAGE:
            problems.append(f"page size must be from 1 to {MAX_PAGE} (got {page_size})")
        if problems:
            raise ValidationFailed(problems)
        with self._uow(write=False) as uow:
            rows = uow.audit.search(
                username=query.user.strip() or None, entity=query.entity.strip() or None,
                action=query.action.strip() or None,
                start=_local_midnight(query.start) if query.start else None,
                end=_local_midnight(query.end + timedelta(days=1)) if query.end else None,
                limit=page_size + 1, offset=(page - 1) * page_size)
        entries = tuple(AuditEntryDTO(r.id, r.at, r.username, r.action, r.entity, r.entity_id, r.old_values,
                                      r.new_values) for r in rows[:page_size])
        return AuditPage(entries, page, page_size, len(rows) > page_size)

    def all_rows(self, actor: Actor, query: AuditQuery = AuditQuery()) -> tuple[AuditEntryDTO, ...]:
        """Every row ``query`` finds (for a CSV export), read a page at a time."""
        out: tuple[AuditEntryDTO, ...] = ()
        page = 1
        while True:
            found = self.list(actor, query, page=page, page_size=MAX_PAGE)
            out += found.rows
            if not found.has_more:
                return out
            page += 1
