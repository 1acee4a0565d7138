"""``oms`` commands that manage users (admin): ``user deactivate|activate|reset-password|set-role|unlock``, and
``user password`` for one's own, ``user set-language``; registered by ``core`` beside ``user add`` and ``user list``."""
from __future__ import annotations

from ..domain.languages import LANGUAGES
from ..domain.roles import Role
from ..services.dto import UserDTO
from .common import Context, read_new_password, read_password


def register_user_admin(user, leaf) -> None:
    for name, help_text, func in (
            ("deactivate", "a user may no longer sign in (the last active admin stays)", cmd_deactivate),
            ("activate", "a deactivated user may sign in again", cmd_activate),
            ("unlock", "lift a lockout after failed sign-ins", cmd_unlock),
            ("reset-password", "set a new password for a user (from OMS_NEW_PASSWORD or a prompt)", cmd_reset)):
        c = leaf(user, name, help_text)
        c.add_argument("name", metavar="NAME")
        c.set_defaults(func=func)
    c = leaf(user, "set-role", "change a user's role (the last active admin stays admin)")
    c.add_argument("name", metavar="NAME")
    c.add_argument("role", metavar="ROLE", help=", ".join(r.value for r in Role))
    c.set_defaults(func=cmd_set_role)
    c = leaf(user, "set-language", "the language of a user's screens: your own, or (admin) anyone's")
    c.add_argument("name", metavar="NAME")
    c.add_argument("language", metavar="LANG",
                   help=f"{', '.join(LANGUAGES)}, or 'default' for the company's locale's language")
    c.set_defaults(func=cmd_set_language)
    c = leaf(user, "password", "change your own password (the current one from OMS_PASSWORD, the new one from "
                                "OMS_NEW_PASSWORD, or prompts)")
    c.set_defaults(func=cmd_password)


def _state(u: UserDTO) -> str:
    state = "active" if u.active else "deactivated"
    if u.locked_until is not None:
        state += f", locked until {u.locked_until.astimezone():%Y-%m-%d %H:%M}"
    return f"{u.username} ({u.role}, {state})"


def cmd_deactivate(ctx: Context) -> int:
    u = ctx.services.auth.deactivate(ctx.need_actor(), ctx.args.name)
    ctx.emit(u, f"Deactivated {_state(u)}: they can no longer sign in.")
    return 0


def cmd_activate(ctx: Context) -> int:
    u = ctx.services.auth.activate(ctx.need_actor(), ctx.args.name)
    ctx.emit(u, f"Activated {_state(u)}.")
    return 0


def cmd_unlock(ctx: Context) -> int:
    u = ctx.services.auth.unlock(ctx.need_actor(), ctx.args.name)
    ctx.emit(u, f"Unlocked {_state(u)}.")
    return 0


def cmd_reset(ctx: Context) -> int:
    actor = ctx.need_actor()
    u = ctx.services.auth.reset_password(actor, ctx.args.name, read_new_password(ctx.args.name))
    ctx.emit(u, f"New password set for {_state(u)}.")
    return 0


def cmd_set_role(ctx: Context) -> int:
    u = ctx.services.auth.set_role(ctx.need_actor(), ctx.args.name, ctx.args.role)
    ctx.emit(u, f"{u.username} is now {u.role}.")
    return 0


def cmd_set_language(ctx: Context) -> int:
    language = None if ctx.args.language.strip().lower() == "default" else ctx.args.language
    u = ctx.services.auth.set_language(ctx.need_actor(), ctx.args.name, language)
    ctx.emit(u, f"{u.username} sees the screens in {u.language}." if u.language else
             f"{u.username} sees the screens in the company's language.")
    return 0


def cmd_password(ctx: Context) -> int:
    actor = ctx.need_actor()
    u = ctx.services.auth.change_own_password(actor, read_password(actor.username),
                                              read_new_password(actor.username))
    ctx.emit(u, f"Password changed for {u.username}.")
    return 0
