"""Users and sign-in through the service layer with a unit of work in memory (no database): the rules of
``AuthService`` alone, fast enough to try every case."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import re

import pytest

from oms_desktop.domain.errors import AuthenticationFailed, BusinessRuleViolation, PermissionDenied, ValidationFailed
from oms_desktop.domain.passwords import lock_after_failure
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
        auth(store).add_user(None, "anna", "agent", "secret-pw")
    assert (store.users, store.commits) == ([], 0)
    admin = auth(store).add_user(None, "ada", "admin", "secret-pw", "Ada Admin")
    assert (admin.username, admin.role, admin.display_name) == ("ada", "admin", "Ada Admin")
    assert [a["action"] for a in store.audit] == ["user.add"]


def test_once_users_exist_only_a_user_administrator_adds_users(store):
    service = auth(store)
    service.add_user(None, "ada", "admin", "secret-pw")
    with pytest.raises(PermissionDenied, match="sign in as an administrator"):
        service.add_user(None, "eve", "admin", "secret-pw")
    ada = service.sign_in("ada", "secret-pw")
    service.add_user(ada, "max", "manager", "secret-pw")
    max_ = service.sign_in("max", "secret-pw")
    with pytest.raises(PermissionDenied, match=r"max \(manager\) may not add users"):
        service.add_user(max_, "tom", "agent", "secret-pw")
    assert [u.username for u in service.list_users(ada)] == ["ada", "max"]


def test_bad_input_names_every_problem_and_changes_nothing(store):
    service = auth(store)
    service.add_user(None, "ada", "admin", "secret-pw")
    before = (list(store.users), list(store.audit), store.commits)
    with pytest.raises(ValidationFailed) as refused:
        service.add_user(service.sign_in("ada", "secret-pw"), " bad name ", "king", "123")
    assert len(refused.value.problems) == 3
    assert any("user name 'bad name'" in p for p in refused.value.problems)
    assert any("role 'king' is unknown" in p for p in refused.value.problems)
    assert any("at least 8 characters" in p for p in refused.value.problems)
    with pytest.raises(ValidationFailed, match="user name 'ADA' is taken"):
        service.add_user(service.sign_in("ada", "secret-pw"), "ADA", "agent", "secret-pw")
    assert (store.users, store.audit, store.commits) == before


@pytest.mark.parametrize("username, password", [("ada", "wrong"), ("nobody", "secret-pw"), ("", "")])
def test_a_wrong_password_and_an_unknown_user_read_alike(store, username, password):
    service = auth(store)
    service.add_user(None, "ada", "admin", "secret-pw")
    with pytest.raises(AuthenticationFailed, match="^Unknown user name or wrong password.$"):
        service.sign_in(username, password)


class CountingHasher(PlainHasher):
    def __init__(self):
        super().__init__()
        self.verified: list[str] = []

    def verify(self, stored_hash: str, password: str) -> bool:
        self.verified.append(password)
        return super().verify(stored_hash, password)


@pytest.mark.parametrize("username", ["ada", "nobody", "retired"])
def test_an_unknown_or_inactive_user_costs_one_password_check_like_a_known_one(store, username):
    """The answer takes as long whoever is named: a name that does not exist (or a deactivated user) is checked
    against a decoy hash made with the same hasher, so the time to refuse does not tell which names exist."""
    hasher = CountingHasher()
    service = auth(store, hasher)
    service.add_user(None, "ada", "admin", "secret-pw")
    ada = service.sign_in("ada", "secret-pw")
    service.add_user(ada, "retired", "agent", "another-pw")
    service.deactivate(ada, "retired")
    hasher.verified.clear()
    with pytest.raises(AuthenticationFailed, match="^Unknown user name or wrong password.$"):
        service.sign_in(username, "guessed-pw")
    assert hasher.verified == ["guessed-pw"]


def test_signing_in_upgrades_an_old_hash_and_nothing_else(store):
    auth(store).add_user(None, "ada", "admin", "secret-pw")
    store.users[0] = replace(store.users[0], password_hash="v1$secret-pw")  # hashed by an older release
    commits = store.commits
    auth(store, PlainHasher(rehash=True)).sign_in("ada", "secret-pw")
    assert store.users[0].password_hash == "v2$secret-pw" and store.commits == commits + 1
    auth(store, PlainHasher(rehash=True)).sign_in("ada", "secret-pw")  # current hash: no write
    assert store.commits == commits + 1


# ---- password policy, lockout, user administration (issue 19) ------------------------------------------------

class Clock:
    def __init__(self):
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


def admin_service(store: Store, clock: Clock | None = None) -> tuple[AuthService, object]:
    uow = FakeUnitOfWork(store)
    service = AuthService(uow, SettingsCache(uow), PlainHasher(), frozenset({"password123", "qwertyuiop"}),
                          clock or Clock())
    service.add_user(None, "ada", "admin", "secret-pw")
    return service, service.sign_in("ada", "secret-pw")


@pytest.mark.parametrize("password, problem", [("short", "at least 8 characters (it has 5)"),
                                               ("PassWord123", "most common passwords"),
                                               ("x" * 129, "at most 128 characters"),
                                               ("Anna.Bell", "may not be the user name")])
def test_a_new_password_follows_the_policy_and_a_refused_one_stores_nothing(store, password, problem):
    service, ada = admin_service(store)
    service.add_user(ada, "anna.bell", "agent", "anna-secret")
    before = (list(store.users), list(store.audit), store.commits)
    with pytest.raises(ValidationFailed, match=re.escape(problem)):
        service.add_user(ada, "anna.bell2", "agent", password.replace("Anna.Bell", "Anna.Bell2"))
    with pytest.raises(ValidationFailed, match=re.escape(problem)):
        service.reset_password(ada, "anna.bell", password)
    assert (store.users, store.audit, store.commits) == before


def test_failed_sign_ins_lock_the_account_with_a_growing_back_off(store):
    clock = Clock()
    service, ada = admin_service(store, clock)
    service.add_user(ada, "tom", "agent", "tom-secret")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed, match="wrong password"):
            service.sign_in("tom", "guess-guess")
    tom = next(u for u in store.users if u.username == "tom")
    assert tom.failed_logins == 5 and tom.locked_until == clock.now + timedelta(minutes=1)
    with pytest.raises(AuthenticationFailed, match="locked after 5 failed sign-ins"):
        service.sign_in("tom", "tom-secret")  # even the right password waits
    clock.now += timedelta(minutes=1, seconds=1)
    with pytest.raises(AuthenticationFailed, match="wrong password"):
        service.sign_in("tom", "guess-again")  # the sixth failure: two minutes
    tom = next(u for u in store.users if u.username == "tom")
    assert tom.locked_until == clock.now + timedelta(minutes=2)
    assert [a["action"] for a in store.audit].count("user.lock") == 2
    clock.now += timedelta(minutes=3)
    assert service.sign_in("tom", "tom-secret").username == "tom"  # success forgets the failures
    tom = next(u for u in store.users if u.username == "tom")
    assert (tom.failed_logins, tom.locked_until) == (0, None)


def test_the_back_off_doubles_up_to_an_hour():
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    waits = [lock_after_failure(n, now) for n in range(1, 14)]
    assert waits[:4] == [None] * 4
    assert [(w - now).total_seconds() / 60 for w in waits[4:] if w] == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_an_administrator_unlocks_a_locked_user_and_it_is_audited(store):
    service, ada = admin_service(store)
    service.add_user(ada, "tom", "agent", "tom-secret")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            service.sign_in("tom", "nope-nope")
    tom = service.unlock(ada, "tom")
    assert (tom.failed_logins, tom.locked_until) == (0, None)
    assert service.sign_in("tom", "tom-secret").username == "tom"
    assert store.audit[-1]["action"] == "user.unlock" and store.audit[-1]["old"]["failed_logins"] == 5


def test_a_deactivated_user_cannot_sign_in_until_activated_again(store):
    service, ada = admin_service(store)
    service.add_user(ada, "tom", "agent", "tom-secret")
    assert service.deactivate(ada, "tom").active is False
    with pytest.raises(AuthenticationFailed):
        service.sign_in("tom", "tom-secret")
    assert service.activate(ada, "TOM").active is True
    assert service.sign_in("tom", "tom-secret").username == "tom"
    assert [a["action"] for a in store.audit][-2:] == ["user.deactivate", "user.activate"]


def test_the_last_active_administrator_can_be_neither_deactivated_nor_demoted(store):
    service, ada = admin_service(store)
    before = (list(store.users), list(store.audit), store.commits)
    with pytest.raises(BusinessRuleViolation, match="ada is the last active administrator and cannot be deactivated"):
        service.deactivate(ada, "ada")
    with pytest.raises(BusinessRuleViolation, match="cannot be made manager"):
        service.set_role(ada, "ada", "manager")
    assert (store.users, store.audit, store.commits) == before
    service.add_user(ada, "bob", "admin", "bob-secret")
    assert service.deactivate(ada, "ada").active is False  # another admin is there now
    bob = service.sign_in("bob", "bob-secret")
    with pytest.raises(BusinessRuleViolation, match="bob is the last active administrator"):
        service.set_role(bob, "bob", "agent")


def test_only_a_user_administrator_manages_users(store):
    service, ada = admin_service(store)
    service.add_user(ada, "max", "manager", "max-secret")
    max_ = service.sign_in("max", "max-secret")
    for change in (lambda: service.deactivate(max_, "ada"), lambda: service.set_role(max_, "max", "admin"),
                   lambda: service.unlock(max_, "ada"), lambda: service.reset_password(max_, "ada", "new-secret")):
        with pytest.raises(PermissionDenied, match=r"max \(manager\) may not"):
            change()
    with pytest.raises(ValidationFailed, match="role 'king' is unknown"):
        service.set_role(ada, "max", "king")
    assert service.set_role(ada, "max", "agent").role == "agent"
    assert store.audit[-1]["old"] == {"role": "manager"} and store.audit[-1]["new"] == {"role": "agent"}


def test_a_user_changes_their_own_password_giving_the_current_one(store):
    service, ada = admin_service(store)
    with pytest.raises(AuthenticationFailed, match="current password is wrong"):
        service.change_own_password(ada, "not-it", "brand-new-pw")
    with pytest.raises(ValidationFailed, match="most common"):
        service.change_own_password(ada, "secret-pw", "Password123")
    service.change_own_password(ada, "secret-pw", "brand-new-pw")
    assert service.sign_in("ada", "brand-new-pw").username == "ada"
    assert store.audit[-1]["action"] == "user.change_password"
    assert service.reset_password(ada, "ada", "reset-by-admin").username == "ada"
    assert service.sign_in("ada", "reset-by-admin").username == "ada"


def test_a_lock_that_has_run_out_no_longer_shows(store):
    clock = Clock()
    service, ada = admin_service(store, clock)
    service.add_user(ada, "tom", "agent", "tom-secret")
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            service.sign_in("tom", "nope-nope")
    tom = lambda: next(u for u in service.list_users(ada) if u.username == "tom")  # noqa: E731
    assert tom().locked_until == clock.now + timedelta(minutes=1)
    clock.now += timedelta(minutes=2)
    assert tom().locked_until is None and tom().failed_logins == 5


def test_a_user_sets_their_own_language_and_an_administrator_anyones(store):
    service, ada = admin_service(store)
    service.add_user(ada, "max", "manager", "max-secret")
    max_ = service.sign_in("max", "max-secret")
    assert max_.language is None  # the company's locale's language until one is chosen
    assert service.set_language(max_, "max", "DE").language == "de"
    assert store.audit[-1]["action"] == "user.set_language"
    assert (store.audit[-1]["old"], store.audit[-1]["new"]) == ({"language": None}, {"language": "de"})
    assert service.sign_in("max", "max-secret").language == "de"
    with pytest.raises(PermissionDenied, match=r"max \(manager\) may not set other users' language"):
        service.set_language(max_, "ada", "de")
    before = (list(store.users), list(store.audit), store.commits)
    with pytest.raises(ValidationFailed, match=r"language 'fr' is not supported \(choose one of: en, de\)"):
        service.set_language(max_, "max", "fr")
    assert service.set_language(max_, "max", "de").language == "de"  # no change: nothing written
    assert (store.users, store.audit, store.commits) == before
    assert service.set_language(ada, "max", "en").language == "en"
    assert service.set_language(ada, "max", None).language is None
    assert [u.language for u in service.list_users(ada)] == [None, None]
