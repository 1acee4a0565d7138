"""Users and sign-in through the service layer with a unit of work in memory (no database): the rules of
``AuthService`` alone, fast enough to try every case."""
from __future__ import annotations

from dataclasses import replace

import pytest

from oms_desktop.domain.errors import AuthenticationFailed, BusinessRuleViolation, PermissionDenied, ValidationFailed
from oms_desktop.services.auth import AuthService
from oms_desktop.services.base import SettingsCache
from tests.helpers.fake_uow import FakeUnitOfWork, Store


class PlainHasher:
    """Not a hash at all: what the service does with one is under test, not argon2 (adapters' tests cover it)."""

    def __init__(self, rehash: bool = False):
        self.rehash = rehash

    def hash(self, password: str) -> str:
        return f"v2${password}"

    def verify(self, stored_hash: str, password: str) -> bool:
        return stored_hash.split("$", 1)[1] == password

    def needs_rehash(self, stored_hash: str) -> bool:
        return self.rehash and not stored_hash.startswith("v2$")


@pytest.fixture
def store() -> Store:
    return Store()


def auth(store: Store, hasher: PlainHasher | None = None) -> AuthService:
    uow = FakeUnitOfWork(store)
    return AuthService(uow, SettingsCache(uow), hasher or PlainHasher())


def test_the_first_user_needs_no_sign_in_but_must_be_an_administrator(store):
    with pytest.raises(BusinessRuleViolation, match="first user must be an administrator"):
        auth(store).add_user(None, "anna", "agent", "secret")
    assert (store.users, store.commits) == ([], 0)
    admin = auth(store).add_user(None, "ada", "admin", "secret", "Ada Admin")
    assert (admin.username, admin.role, admin.display_name) == ("ada", "admin", "Ada Admin")
    assert [a["action"] for a in store.audit] == ["user.add"]


def test_once_users_exist_only_a_user_administrator_adds_users(store):
    service = auth(store)
    service.add_user(None, "ada", "admin", "secret")
    with pytest.raises(PermissionDenied, match="sign in as an administrator"):
        service.add_user(None, "eve", "admin", "secret")
    ada = service.sign_in("ada", "secret")
    service.add_user(ada, "max", "manager", "secret")
    max_ = service.sign_in("max", "secret")
    with pytest.raises(PermissionDenied, match=r"max \(manager\) may not add users"):
        service.add_user(max_, "tom", "agent", "secret")
    assert [u.username for u in service.list_users(ada)] == ["ada", "max"]


def test_bad_input_names_every_problem_and_changes_nothing(store):
    service = auth(store)
    service.add_user(None, "ada", "admin", "secret")
    before = (list(store.users), list(store.audit), store.commits)
    with pytest.raises(ValidationFailed) as refused:
        service.add_user(service.sign_in("ada", "secret"), " bad name ", "king", "123")
    assert len(refused.value.problems) == 3
    assert any("user name 'bad name'" in p for p in refused.value.problems)
    assert any("role 'king' is unknown" in p for p in refused.value.problems)
    assert any("at least 4 characters" in p for p in refused.value.problems)
    with pytest.raises(ValidationFailed, match="user name 'ADA' is taken"):
        service.add_user(service.sign_in("ada", "secret"), "ADA", "agent", "secret")
    assert (store.users, store.audit, store.commits) == before


@pytest.mark.parametrize("username, password", [("ada", "wrong"), ("nobody", "secret"), ("", "")])
def test_a_wrong_password_and_an_unknown_user_read_alike(store, username, password):
    service = auth(store)
    service.add_user(None, "ada", "admin", "secret")
    with pytest.raises(AuthenticationFailed, match="^Unknown user name or wrong password.$"):
        service.sign_in(username, password)


def test_signing_in_upgrades_an_old_hash_and_nothing_else(store):
    auth(store).add_user(None, "ada", "admin", "secret")
    store.users[0] = replace(store.users[0], password_hash="v1$secret")  # hashed by an older release
    commits = store.commits
    auth(store, PlainHasher(rehash=True)).sign_in("ada", "secret")
    assert store.users[0].password_hash == "v2$secret" and store.commits == commits + 1
    auth(store, PlainHasher(rehash=True)).sign_in("ada", "secret")  # current hash: no write
    assert store.commits == commits + 1
