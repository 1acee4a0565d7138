"""Users, roles and sign-in (argon2id hashes; the first administrator may be created without signing in)."""
from __future__ import annotations

import re

from ..domain.errors import AuthenticationFailed, BusinessRuleViolation, PermissionDenied, ValidationFailed
from ..domain.roles import Perm, Role, require
from .base import ServiceBase, SettingsCache
from .dto import Actor, UserDTO
from .ports import PasswordHasher, UnitOfWorkFactory

USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
MIN_PASSWORD = 4


class AuthService(ServiceBase):
    def __init__(self, uow: UnitOfWorkFactory, settings: SettingsCache, hasher: PasswordHasher):
        super().__init__(uow, settings)
        self._hasher = hasher

    def needs_first_user(self) -> bool:
        with self._uow(write=False) as uow:
            return uow.users.count() == 0

    def add_user(self, actor: Actor | None, username: str, role: str, password: str,
                 display_name: str = "") -> UserDTO:
        """Create a user. Without an actor this works only while the database has no user at all (first admin)."""
        problems = []
        username = (username or "").strip()
        if not USERNAME_RE.match(username):
            problems.append(f"user name '{username}' must be 1-64 letters, digits, '.', '_' or '-'")
        try:
            role = Role((role or "").strip().lower()).value
        except ValueError:
            problems.append(f"role '{role}' is unknown (choose one of: {', '.join(r.value for r in Role)})")
        if len(password or "") < MIN_PASSWORD:
            problems.append(f"the password must have at least {MIN_PASSWORD} characters")
        if problems:
            raise ValidationFailed(problems)
        self.check_may_add_users(actor)  # before the slow hash too
        password_hash = self._hasher.hash(password)  # slow on purpose: outside the transaction
        with self._uow() as uow:
            if actor is None:
                self._check_first_user(uow)
                if role != Role.ADMIN:
                    raise BusinessRuleViolation("The first user must be an administrator (role admin).")
            else:
                require(actor, Perm.USER_ADMIN, "add users")
            if uow.users.by_username(username) is not None:
                raise ValidationFailed(f"user name '{username}' is taken")
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
            raise PermissionDenied("Users exist already: sign in as an administrator to add users.")

    def sign_in(self, username: str, password: str) -> Actor:
        with self._uow(write=False) as uow:
            row = uow.users.by_username((username or "").strip())
        if row is None or not row.active or not self._hasher.verify(row.password_hash, password or ""):
            raise AuthenticationFailed("Unknown user name or wrong password.")
        if self._hasher.needs_rehash(row.password_hash):
            new_hash = self._hasher.hash(password)
            with self._uow() as uow:
                uow.users.set_password(row.id, new_hash)
                uow.commit()
        return Actor(row.id, row.username, row.role, row.display_name)

    def list_users(self, actor: Actor) -> list[UserDTO]:
        self._require(actor, Perm.USER_LIST, "list users")
        with self._uow(write=False) as uow:
            return [UserDTO(r.id, r.username, r.display_name, r.role, r.active) for r in uow.users.list()]

    def actor_for(self, username: str) -> Actor:
        """An actor for a trusted local context (tests, bench, demo seeding): no password check."""
        with self._uow(write=False) as uow:
            row = uow.users.by_username(username)
        if row is None:
            raise AuthenticationFailed(f"No user '{username}'.")
        return Actor(row.id, row.username, row.role, row.display_name)
