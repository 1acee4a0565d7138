"""Errors with a meaning for people: what happened, what it affects, what to do next."""
from __future__ import annotations

from dataclasses import dataclass
from .messages import Joined, msg
from .wording import counted


class OmsError(Exception):
    """Base of every error this application raises on purpose."""


class UserFacingError(OmsError):
    """An error whose message is shown to the user as is (in the GUI in its language when the message is a
    ``domain.messages.Message``; its ``str`` is the English text)."""

    exit_code = 3

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationFailed(UserFacingError):
    """Input was rejected; nothing was changed. ``problems`` lists every problem found."""

    exit_code = 2

    def __init__(self, problems: list[str] | str):
        if isinstance(problems, str):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("; ".join(self.problems) if len(self.problems) <= 3 else
                         "; ".join(self.problems[:3]) + f"; and {counted(len(self.problems) - 3, 'more problem')}")


class NotFound(UserFacingError):
    exit_code = 2


@dataclass(frozen=True)
class Shortage:
    sku: str
    requested: int
    available: int


class OutOfStock(UserFacingError):
    """Confirming would oversell; nothing was reserved."""

    exit_code = 3

    def __init__(self, shortages: list[Shortage]):
        self.shortages = list(shortages)
        parts = [msg("only {available} of {sku} available (ordered {requested})", available=s.available, sku=s.sku,
                     requested=s.requested) for s in self.shortages]
        super().__init__(msg("Not enough stock: {shortages}. Reduce the quantity, remove the line or place a "
                             "backorder.", shortages=Joined(parts)))


class InvalidTransition(UserFacingError):
    exit_code = 3


class BusinessRuleViolation(UserFacingError):
    exit_code = 3


class StaleCart(BusinessRuleViolation):
    """A change based on an older version of a cart: someone else changed it since (named in the message); the
    screen shows the cart again, with what changed, and nothing was written."""

    def __init__(self, message: str, *, order_id: int, version: int):
        self.order_id = order_id
        self.version = version
        super().__init__(message)


class StaleEdit(BusinessRuleViolation):
    """A form saved over a change someone else saved since it was opened (named in the message, with when):
    nothing was written; ``version`` is the record's version now."""

    def __init__(self, message: str, *, version: int):
        self.version = version
        super().__init__(message)


class CouponRefused(BusinessRuleViolation):
    """A coupon that cannot be used (unknown, withdrawn, expired, used up, minimum not met): the message says why."""


class CouponUsedUp(CouponRefused):
    """The storage refused to confirm an order with its coupon: the coupon was used up (or withdrawn) since it was
    read, by another workstation. The service says which coupon (``CouponRefused``)."""


class PermissionDenied(UserFacingError):
    exit_code = 4


class AuthenticationFailed(UserFacingError):
    exit_code = 4


class StorageError(OmsError):
    """The storage failed for reasons of the environment (locked, disk full, read-only, corrupt, unreachable)."""

    exit_code = 5

    def __init__(self, message: str, advice: str = ""):
        super().__init__(message)
        self.message = message
        self.advice = advice

    def __str__(self) -> str:
        return f"{self.message} {self.advice}".strip()


class Cancelled(OmsError):
    """The user cancelled; show nothing."""
