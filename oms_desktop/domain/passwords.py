"""The password policy (OWASP ASVS 4 V2.1: length, no common password, no composition rules) and the sign-in
lockout's back-off after repeated failures."""
from __future__ import annotations

from collections.abc import Container
from datetime import datetime, timedelta

from .messages import msg

MIN_LENGTH = 8
"""ASVS 2.1.1: at least 8 characters (the user's own choice beyond that: no rules of character classes)."""
MAX_LENGTH = 128
"""ASVS 2.1.2: at least 64 allowed; 128 is the cap (argon2 hashes anything, but a megabyte of text is no password)."""

FREE_FAILURES = 5
"""Failed sign-ins in a row before the account locks."""
FIRST_LOCK = timedelta(minutes=1)
LONGEST_LOCK = timedelta(hours=1)


def password_problems(password: str, *, username: str = "", common: Container[str] = ()) -> list[str]:
    """What is wrong with ``password`` as a new password (empty: it may be used)."""
    problems: list[str] = []
    text = password or ""
    if len(text) < MIN_LENGTH:
        problems.append(msg("the password must have at least {minimum} characters (it has {length})",
                            minimum=MIN_LENGTH, length=len(text)))
    elif len(text) > MAX_LENGTH:
        problems.append(msg("the password may have at most {maximum} characters (it has {length})",
                            maximum=MAX_LENGTH, length=len(text)))
    elif text.lower() in common:
        problems.append(msg("the password is one of the most common passwords, which are tried first; choose "
                            "another"))
    elif username and text.lower() == username.strip().lower():
        problems.append(msg("the password may not be the user name"))
    return problems


def lock_after_failure(failures: int, now: datetime) -> datetime | None:
    """Until when an account stays locked after its ``failures``-th failed sign-in in a row (None: not locked).

    The first ``FREE_FAILURES`` cost nothing; then one minute, doubling with each further failure, up to an hour."""
    if failures < FREE_FAILURES:
        return None
    lock: timedelta = min(FIRST_LOCK * (2 ** min(failures - FREE_FAILURES, 12)), LONGEST_LOCK)
    return now + lock
