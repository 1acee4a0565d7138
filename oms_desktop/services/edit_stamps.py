"""Versions of what people edit in forms (a product, a customer, the company's settings): a form saves with the
version it showed, and a save over a change someone else made since is refused naming who and when, never a silent
overwrite (issue 18, docs/concurrency.md).

The stamps live in a table of their own (``edit_stamps``), not in a column of each table: one rule for every kind
of record, and the hot reads (catalog search, order placement, the customer lookup) stay as they are; only opening
an editor reads a stamp, and only a save writes one, in the save's own transaction."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone

from ..domain.errors import StaleEdit
from ..domain.messages import msg, phrase
from .dto import Actor
from .ports import UnitOfWork
from .repository_records import EditStampRecord

PRODUCT = "product"
CUSTOMER = "customer"
SETTINGS = "settings"


def version_of(uow: UnitOfWork, entity: str, key: object) -> int:
    """The version a form shows (0: never saved through a form)."""
    stamp = uow.edit_stamps.get(entity, str(key))
    return stamp.version if stamp is not None else 0


def _changed_by(stamp: EditStampRecord | None) -> str:
    """ "by Bob Builder at 14:32 on 2026-12-03" of a stamp ("by someone" without one): who changed it, and when."""
    if stamp is None:
        return msg("by someone")
    when = stamp.updated_at.astimezone()
    return msg("by {who} at {time} on {day}", who=stamp.updated_by_name or msg("someone"), time=f"{when:%H:%M}",
               day=f"{when:%Y-%m-%d}")


def stamp_save(uow: UnitOfWork, actor: Actor, entity: str, key: object, expected: int | None, what: str) -> None:
    """Count this save as the next version, in the caller's transaction, before it writes anything; with
    ``expected`` (the version the form showed) refuse it if someone else saved since."""
    if uow.edit_stamps.advance(entity, str(key), expected, actor.user_id, datetime.now(timezone.utc)):
        return
    stamp = uow.edit_stamps.get(entity, str(key))
    if stamp is None:                               # cannot be: advance found a newer version
        raise StaleEdit(msg("{what} was changed since you opened it; nothing was saved. Open it again to see how it "
                            "is now.", what=phrase(what)), version=0)
    raise StaleEdit(msg("{what} was changed {by} since you opened it; nothing was saved. Open it again to see their "
                        "change, then make yours.", what=phrase(what), by=_changed_by(stamp)), version=stamp.version)


def stamp_settings(uow: UnitOfWork, actor: Actor, values: Mapping[str, str], current: Mapping[str, str],
                   shown: Mapping[str, str] | None) -> None:
    """Settings are compared value by value rather than by one version for all: a form refuses only a key that
    someone else changed since it showed it (another key changed meanwhile is no conflict). Each key stored gets
    its stamp, so a later refusal can say who and when."""
    for key in values:
        if shown is not None and key in shown and current.get(key, "") != shown[key]:
            stamp = uow.edit_stamps.get(SETTINGS, key)
            raise StaleEdit(msg("The setting {key} was changed {by} since you opened the settings (it is now "
                                "'{value}'); nothing was saved. Open the settings again to see it, then make your "
                                "change.", key=key, by=_changed_by(stamp), value=current.get(key, "")),
                            version=stamp.version if stamp else 0)
    for key in values:
        uow.edit_stamps.advance(SETTINGS, key, None, actor.user_id, datetime.now(timezone.utc))
