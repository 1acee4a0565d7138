"""The edit stamps' SQL: read a record's stamp, and move it on only from the version a form showed."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Row, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ...services.repository_records import EditStampRecord
from . import models as m
from . import models_stamps as ms
from .repositories import _Repo

stamps_t = ms.EditStamp.__table__
users_t = m.User.__table__


def _record(row: Row | None) -> EditStampRecord | None:
    return EditStampRecord(**row._mapping) if row is not None else None


class EditStampsRepo(_Repo):
    def get(self, entity: str, key: str) -> EditStampRecord | None:
        """The stamp with its author's display name (or user name); None: version 0, never saved by a form."""
        s, u = stamps_t.c, users_t.c
        stmt = (select(s.entity, s.entity_key, s.version, s.updated_at, s.updated_by,
                       func.coalesce(func.nullif(u.display_name, ""), u.username, "").label("updated_by_name"))
                .select_from(stamps_t.outerjoin(users_t, u.id == s.updated_by))
                .where(s.entity == entity, s.entity_key == key))
        return _record(self.c.execute(stmt).first())

    def advance(self, entity: str, key: str, expected: int | None, user_id: int | None, at: datetime) -> bool:
        """Move the stamp to the next version if it is still at ``expected`` (None: whatever it is, as the
        command line saves); False if another save came first. One conditional statement: of two saves from the
        same version exactly one wins (SQLite's writer lock; on PostgreSQL the loser's UPDATE waits for the
        winner's commit, then finds the version moved on, or the loser's INSERT finds the key taken)."""
        s = stamps_t.c
        moved = update(stamps_t).where(s.entity == entity, s.entity_key == key)
        if expected is not None:
            moved = moved.where(s.version == expected)
        moved = moved.values(version=s.version + 1, updated_at=at, updated_by=user_id)
        if self.c.execute(moved).rowcount == 1:
            return True
        if expected not in (None, 0):
            return False                            # a newer version is there
        dialect_insert = pg_insert if self._pg else sqlite_insert
        first = (dialect_insert(stamps_t).values(entity=entity, entity_key=key, version=1, updated_at=at,
                                                 updated_by=user_id)
                 .on_conflict_do_nothing().returning(stamps_t.c.version))   # psycopg's rowcount here is -1
        if self.c.execute(first).first() is not None:
            return True
        # another save stamped it first (its INSERT won): from version 0 that is a newer version; a save that
        # needs no version (None) simply moves it on
        return expected is None and self.c.execute(moved).rowcount == 1
