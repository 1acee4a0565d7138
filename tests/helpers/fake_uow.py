"""A unit of work in memory (cosmicpython's FakeUnitOfWork) for service tests that need no database: repositories
over plain lists, writes visible to later units of work only after ``commit()`` (a refused use case leaves nothing
behind, as the real one rolls back), and a count of commits to assert that nothing was written."""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

from oms_desktop.domain.events import to_record


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: str
    password_hash: str
    active: bool = True
    created_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    failed_logins: int = 0
    locked_until: datetime | None = None
    language: str | None = None


@dataclass
class Store:
    """What the fake database holds; a unit of work works on a copy and hands it back on commit."""

    settings: dict[str, str] = field(default_factory=dict)
    users: list[UserRow] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    commits: int = 0


class FakeSettings:
    def __init__(self, store: Store):
        self.store = store

    def get_all(self) -> dict[str, str]:
        return dict(self.store.settings)

    def set(self, key: str, value: str) -> None:
        self.store.settings[key] = value


class FakeUsers:
    def __init__(self, store: Store):
        self.store = store

    def count(self) -> int:
        return len(self.store.users)

    def add(self, username: str, display_name: str, role: str, password_hash: str) -> int:
        uid = len(self.store.users) + 1
        self.store.users.append(UserRow(uid, username, display_name, role, password_hash))
        return uid

    def by_username(self, username: str) -> UserRow | None:
        return next((u for u in self.store.users if u.username.lower() == username.lower()), None)

    def get(self, user_id: int) -> UserRow | None:
        return next((u for u in self.store.users if u.id == user_id), None)

    def list(self) -> list[UserRow]:
        return sorted(self.store.users, key=lambda u: u.username)

    def set_password(self, user_id: int, password_hash: str) -> None:
        self.store.users = [replace(u, password_hash=password_hash) if u.id == user_id else u
                            for u in self.store.users]

    def set_active(self, user_id: int, active: bool) -> None:
        self._change(user_id, active=active)

    def set_role(self, user_id: int, role: str) -> None:
        self._change(user_id, role=role)

    def lock_active_admins(self) -> list[UserRow]:
        return [u for u in self.store.users if u.role == "admin" and u.active]

    def count_failure(self, user_id: int) -> int:
        user = self.get(user_id)
        assert user is not None
        self._change(user_id, failed_logins=user.failed_logins + 1)
        return user.failed_logins + 1

    def set_locked_until(self, user_id: int, until: datetime | None) -> None:
        self._change(user_id, locked_until=until)

    def set_language(self, user_id: int, language: str | None) -> None:
        self._change(user_id, language=language)

    def clear_failures(self, user_id: int) -> None:
        self._change(user_id, failed_logins=0, locked_until=None)

    def _change(self, user_id: int, **values: Any) -> None:
        self.store.users = [replace(u, **values) if u.id == user_id else u for u in self.store.users]


class FakeAudit:
    def __init__(self, store: Store):
        self.store = store

    def record(self, **values: Any) -> None:
        self.store.audit.append(values)


class FakeEvents:
    def __init__(self, store: Store):
        self.store = store

    def add(self, kind: str, **values: Any) -> None:
        self.store.events.append((kind, values))

    def add_event(self, event: Any, *, user_id: int | None = None) -> None:
        kind, order_id, product_id, payload = to_record(event)
        self.add(kind, user_id=user_id, order_id=order_id, product_id=product_id, payload=payload)


class FakeUnitOfWork:
    """``factory(write=True)`` as the services call it; the repositories the services in question use."""

    dialect = "fake"

    def __init__(self, store: Store):
        self._store = store

    def __call__(self, write: bool = True) -> FakeUnitOfWork:
        return self

    def __enter__(self) -> FakeUnitOfWork:
        self._work = copy.deepcopy(self._store)
        self._work.commits = self._store.commits
        self.settings, self.users = FakeSettings(self._work), FakeUsers(self._work)
        self.audit, self.events = FakeAudit(self._work), FakeEvents(self._work)
        return self

    def __exit__(self, *exc: object) -> None:
        del self._work  # not committed: gone, as a rollback leaves it

    def commit(self) -> None:
        for name in ("settings", "users", "audit", "events"):
            setattr(self._store, name, getattr(self._work, name))
        self._store.commits += 1

    def rollback(self) -> None:
        self._work = copy.deepcopy(self._store)
