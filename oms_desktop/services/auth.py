"""Users, roles and sign-in (argon2id hashes; the first administrator may be created without signing in): the
password policy, the lockout after failed sign-ins, and the user administration (deactivate, activate, reset a
password, change a role, unlock), every change audited; the last active administrator stays."""
from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Container
from datetime import datetime

from ..domain.errors import (AuthenticationFailed, BusinessRuleViolation, NotFound, PermissionDenied,
                             ValidationFailed)
from ..domain.languages import parse_language
from ..domain.messages import code as code_of
from ..domain.messages import msg, phrase
from ..domain.passwords import lock_after_failure, password_problems
from ..domain.roles import Perm, Role, require
from .base import ServiceBase, SettingsCache
from .dto import Actor, UserDTO
from .ports import PasswordHasher, UnitOfWork, UnitOfWorkFactory, utc_now
from .repository_records import UserRecord

USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def _dto(r: UserRecord, now: datetime) -> UserDTO:
    """A lock that has run out shows as none (the row keeps it until the next sign-in clears it)."""
    locked = r.locked_until if r.locked_until is not None and r.locked_until > now else None
    return UserDTO(r.id, r.username, r.display_name, r.role, r.active, r.failed_logins, locked, r.language)


class AuthService(ServiceBase):
    def __init__(self, uow: UnitOfWorkFactory, settings: SettingsCache, hasher: PasswordHasher,
                 common_passwords: Container[str] = frozenset(), clock: Callable[[], datetime] = utc_now):
        super().__init__(uow, settings)
        self._hasher = hasher
        self._common = common_passwords
        self._clock = clock
        self._decoy: str | None = None

    def needs_first_user(self) -> bool:
        with self._uow(write=False) as uow:
            return uow.users.count() == 0

    def add_user(self, actor: Actor | None, username: str, role: str, password: str,
                 display_name: str = "", *, password_policy: bool = True) -> UserDTO:
        """Create a user. Without an actor this works only while the database has no user at all (first admin).

        ``password_policy=False`` only for the demo seeder, whose users share the documented password ``demo``;
        the GUI and the CLI never pass it."""
        problems: list[str] = []
        username = (username or "").strip()
        if not USERNAME_RE.match(username):
            problems.append(msg("user name '{username}' must be 1-64 letters, digits, '.', '_' or '-'",
                                username=username))
        try:
            role = Role((role or "").strip().lower()).value
        except ValueError:
            problems.append(msg("role '{role}' is unknown (choose one of: {roles})", role=role,
                                roles=", ".join(r.value for r in Role)))
        if password_policy:
            problems += password_problems(password, username=username, common=self._common)
        if problems:
            raise ValidationFailed(problems)
        self.check_may_add_users(actor)  # before the slow hash too
        password_hash = self._hasher.hash(password)  # slow on purpose: outside the transaction
        with self._uow() as uow:
            if actor is None:
                self._check_first_user(uow)
                if role != Role.ADMIN:
                    raise BusinessRuleViolation(msg("The first user must be an administrator (role admin)."))
            else:
                require(actor, Perm.USER_ADMIN, "add users")
            if uow.users.by_username(username) is not None:
                raise ValidationFailed(msg("user name '{username}' is taken", username=username))
            uid = uow.users.add(username, display_name.strip() or username, role, password_hash)
            uow.audit.record(user_id=actor.user_id if actor else uid, username=actor.username if actor else username,
                             action="user.add", entity="user", entity_id=uid, new={"username": username, "role": role})
            uow.commit()
        return UserDTO(uid, username, display_name.strip() or username, role, True)

    def check_may_add_users(self, actor: Actor | None) -> None:
        """Raise PermissionDenied unless ``actor`` may add users (nobody signed in: only while there is no user).
        Asked before anything is asked of the person (a new password), so a refusal wastes nobody's typing."""
        if actor is not None:
            require(actor, Perm.USER_ADMIN, "add users")
            return
        with self._uow(write=False) as uow:
            self._check_first_user(uow)

    @staticmethod
    def _check_first_user(uow) -> None:
        if uow.users.count() > 0:
            raise PermissionDenied(msg("Users exist already: sign in as an administrator to add users."))

    def sign_in(self, username: str, password: str) -> Actor:
        """Check the password; after repeated failures the account locks for a while (``domain/passwords``)."""
        with self._uow(write=False) as uow:
            row = uow.users.by_username((username or "").strip())
        if row is None or not row.active:
            # as long as checking a real password takes, so the time to answer does not tell which names exist
            self._hasher.verify(self._decoy_hash(), password or "")
            raise AuthenticationFailed(msg("Unknown user name or wrong password."))
        now = self._clock()
        if row.locked_until is not None and row.locked_until > now:
            raise AuthenticationFailed(msg(
                "User {user} is locked after {failures} failed sign-ins until {time}; wait until then or ask an "
                "administrator to unlock it.", user=row.username, failures=row.failed_logins,
                time=f"{row.locked_until.astimezone():%H:%M:%S}"))
        if not self._hasher.verify(row.password_hash, password or ""):
            self._count_failure(row, now)
            raise AuthenticationFailed(msg("Unknown user name or wrong password."))
        rehash = self._hasher.hash(password) if self._hasher.needs_rehash(row.password_hash) else None
        if rehash is not None or row.failed_logins or row.locked_until is not None:
            with self._uow() as uow:
                if rehash is not None:
                    uow.users.set_password(row.id, rehash)
                uow.users.clear_failures(row.id)
                uow.commit()
        return Actor(row.id, row.username, row.role, row.display_name, row.language)

    def _decoy_hash(self) -> str:
        """A hash of no one's password, made with the same parameters as the users' (once per service)."""
        if self._decoy is None:
            self._decoy = self._hasher.hash(secrets.token_urlsafe(16))
        return self._decoy

    def _count_failure(self, row: UserRecord, now: datetime) -> None:
        with self._uow() as uow:
            failures = uow.users.count_failure(row.id)
            until = lock_after_failure(failures, now)
            if until is not None:
                uow.users.set_locked_until(row.id, until)
                uow.audit.record(user_id=row.id, username=row.username, action="user.lock", entity="user",
                                 entity_id=row.id, new={"failed_logins": failures, "locked_until": until})
            uow.commit()

    def list_users(self, actor: Actor) -> list[UserDTO]:
        self._require(actor, Perm.USER_LIST, "list users")
        with self._uow(write=False) as uow:
            return [_dto(r, self._clock()) for r in uow.users.list()]

    # ---- user administration -------------------------------------------------------------------------------

    def deactivate(self, actor: Actor, username: str) -> UserDTO:
        """A deactivated user cannot sign in; their name stays on what they did. The last active admin stays."""
        return self._change(actor, username, phrase("deactivate users"), "user.deactivate", active=False)

    def activate(self, actor: Actor, username: str) -> UserDTO:
        return self._change(actor, username, phrase("activate users"), "user.activate", active=True)

    def set_role(self, actor: Actor, username: str, role: str) -> UserDTO:
        try:
            new_role = Role((role or "").strip().lower()).value
        except ValueError:
            raise ValidationFailed(msg("role '{role}' is unknown (choose one of: {roles})", role=role,
                                      roles=", ".join(r.value for r in Role))) from None
        return self._change(actor, username, phrase("change roles"), "user.set_role", role=new_role)

    def unlock(self, actor: Actor, username: str) -> UserDTO:
        """Lift a lockout and forget the failed sign-ins."""
        return self._change(actor, username, phrase("unlock users"), "user.unlock", unlock=True)

    def reset_password(self, actor: Actor, username: str, new_password: str) -> UserDTO:
        """An administrator sets a new password (for a user who forgot theirs); it also lifts a lockout."""
        self._require(actor, Perm.USER_ADMIN, "reset passwords")
        password_hash = self._new_hash(username, new_password)
        return self._change(actor, username, phrase("reset passwords"), "user.reset_password",
                            password_hash=password_hash)

    def change_own_password(self, actor: Actor, old_password: str, new_password: str) -> UserDTO:
        """Any signed-in user changes their own password, giving the current one again."""
        if actor is None:
            raise AuthenticationFailed(msg("Sign in first."))
        with self._uow(write=False) as uow:
            row = uow.users.get(actor.user_id)
        if row is None or not row.active or not self._hasher.verify(row.password_hash, old_password or ""):
            raise AuthenticationFailed(msg("The current password is wrong; nothing was changed."))
        if old_password == new_password:
            raise ValidationFailed(msg("the new password is the current one; choose another"))
        password_hash = self._new_hash(row.username, new_password)
        with self._uow() as uow:
            uow.users.set_password(row.id, password_hash)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="user.change_password",
                             entity="user", entity_id=row.id)
            uow.commit()
            fresh = uow.users.get(row.id)
        assert fresh is not None  # written in this transaction
        return _dto(fresh, self._clock())

    def set_language(self, actor: Actor, username: str, language: str | None) -> UserDTO:
        """The language of a user's screens (``domain/languages``; empty: the company's locale's): a user sets
        their own, an administrator anyone's; audited."""
        if actor is None:
            raise AuthenticationFailed(msg("Sign in first."))
        try:
            code = parse_language(language)
        except ValueError as exc:
            raise ValidationFailed(exc.args[0] if exc.args else str(exc)) from None
        with self._uow() as uow:
            row = uow.users.by_username((username or "").strip())
            if row is None or row.id != actor.user_id:
                self._require(actor, Perm.USER_ADMIN, "set other users' language")
            if row is None:
                raise NotFound(msg("No user '{username}' (oms user list shows them).", username=username))
            if code != row.language:
                uow.users.set_language(row.id, code)
                uow.audit.record(user_id=actor.user_id, username=actor.username, action="user.set_language",
                                 entity="user", entity_id=row.id, old={"language": row.language},
                                 new={"language": code})
                uow.commit()
            fresh = uow.users.get(row.id)
        assert fresh is not None  # read in this transaction
        return _dto(fresh, self._clock())

    def _new_hash(self, username: str, password: str) -> str:
        problems = password_problems(password, username=username, common=self._common)
        if problems:
            raise ValidationFailed(problems)
        return self._hasher.hash(password)  # slow on purpose: outside the transaction

    def _change(self, actor: Actor, username: str, what: str, action: str, *, active: bool | None = None,
                role: str | None = None, unlock: bool = False, password_hash: str | None = None) -> UserDTO:
        self._require(actor, Perm.USER_ADMIN, what)
        with self._uow() as uow:
            row = uow.users.by_username((username or "").strip())
            if row is None:
                raise NotFound(msg("No user '{username}' (oms user list shows them).", username=username))
            old: dict[str, object] = {}
            new: dict[str, object] = {}
            if active is not None and active != row.active:
                if not active:
                    self._keep_an_admin(uow, row, phrase("deactivated"))
                uow.users.set_active(row.id, active)
                old["active"], new["active"] = row.active, active
            if role is not None and role != row.role:
                if row.role == Role.ADMIN:
                    self._keep_an_admin(uow, row, msg("made {role}", role=code_of(role)))
                uow.users.set_role(row.id, role)
                old["role"], new["role"] = row.role, role
            if password_hash is not None:
                uow.users.set_password(row.id, password_hash)
                new["password"] = "reset"
            if (unlock or password_hash is not None) and (row.failed_logins or row.locked_until is not None):
                uow.users.clear_failures(row.id)
                old.update(failed_logins=row.failed_logins, locked_until=row.locked_until)
                new.update(failed_logins=0, locked_until=None)
            if new:
                uow.audit.record(user_id=actor.user_id, username=actor.username, action=action, entity="user",
                                 entity_id=row.id, old=old, new=new)
                uow.commit()
            fresh = uow.users.get(row.id)
        assert fresh is not None  # read in this transaction
        return _dto(fresh, self._clock())

    @staticmethod
    def _keep_an_admin(uow: UnitOfWork, row: UserRecord, change: str) -> None:
        if row.role != Role.ADMIN or not row.active:
            return
        others = [u for u in uow.users.lock_active_admins() if u.id != row.id]
        if not others:
            raise BusinessRuleViolation(msg(
                "{user} is the last active administrator and cannot be {change}: make another user an "
                "administrator first, or nobody could manage users and settings.", user=row.username, change=change))

    def actor_for(self, username: str) -> Actor:
        """An actor for a trusted local context (tests, bench, demo seeding): no password check."""
        with self._uow(write=False) as uow:
            row = uow.users.by_username(username)
        if row is None:
            raise AuthenticationFailed(msg("No user '{username}'.", username=username))
        return Actor(row.id, row.username, row.role, row.display_name, row.language)
