"""The services' and the domain's messages in the GUI's language.

An error raised with a ``domain.messages.Message`` carries its English template and its parameters: the template
is translated in the context "Messages" (resources/i18n/oms_de_messages.ts; ``packaging/i18n.py update messages``
collects the templates into ``gui/message_catalog.py`` for lupdate), then filled. A parameter that is a Message is
translated the same way, a ``Code`` (status, role, channel) goes through :func:`gui.labels.label`. A message
without a template (not converted yet) is shown as it is: in English.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.errors import UserFacingError, ValidationFailed
from ..domain.messages import Code, Joined, Message
from . import i18n
from .labels import label

CONTEXT = "Messages"


def render(value: object) -> str:
    """``value`` (a Message, a Joined list of them, a Code or anything else) as text in the GUI's language."""
    if isinstance(value, Joined):
        return value.sep.join(render(part) for part in value.parts)
    if isinstance(value, Code):
        return label(value)
    if isinstance(value, Message):
        template = QCoreApplication.translate(CONTEXT, value.template)
        if not value.params:
            return template
        try:
            return template.format(**{k: _param(v) for k, v in value.params.items()})
        except (KeyError, IndexError, ValueError):  # a translation whose placeholders are wrong: the English
            return str(value)
    return str(value)


def _param(value: object) -> object:
    return render(value) if isinstance(value, (Joined, Code, Message)) else value


def text_of(exc: BaseException) -> str:
    """What the screen shows for ``exc``: a UserFacingError's message in the GUI's language (English as ``str``
    when the language is English or the message has no template), anything else as ``str(exc)``."""
    if i18n.current() == i18n.SOURCE_LANGUAGE:
        return str(exc)
    if isinstance(exc, ValidationFailed):
        shown = "; ".join(render(p) for p in exc.problems[:3])
        more = len(exc.problems) - 3
        if more > 0:
            shown += "; " + (QCoreApplication.translate("Messages", "and 1 more problem") if more == 1 else
                             QCoreApplication.translate("Messages", "and {count} more problems").format(count=more))
        return shown
    if isinstance(exc, UserFacingError):
        return render(exc.message)
    return str(exc)
