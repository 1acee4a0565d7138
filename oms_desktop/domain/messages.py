"""Messages that can be shown in another language: an English template with named parameters.

A :class:`Message` *is* its English text (a ``str``), so the CLI, ``--json``, logs and every test see exactly what
they saw before; the GUI renders the template in its own language instead (``gui.messages.text_of``). Templates are
written as ``msg("only {available} of {sku} available", available=..., sku=...)`` with a literal first argument:
``packaging/i18n.py update messages`` finds them there (the domain knows no Qt).

A parameter may itself be a Message (a phrase translated on its own, see :func:`phrase`) or a :class:`Code` (a
status, role or channel code, which the GUI shows through its labels).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


class Code(str):
    """A code (an order status, a role, a channel) used as a parameter: the GUI shows it through its labels."""

    __slots__ = ()


class Message(str):
    """The English text of ``template.format(**params)``, remembering the template and the parameters."""

    template: str
    params: Mapping[str, object]

    def __new__(cls, template: str, params: Mapping[str, object] | None = None) -> Message:
        params = dict(params or {})
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickles (an error crossing a process) as the same Message
        return (Message, (self.template, dict(self.params)))


def msg(template: str, /, **params: object) -> Message:
    """A translatable message: ``template`` (English, literal, named ``{placeholders}``) filled with ``params``."""
    return Message(template, params)


def phrase(text: str) -> Message:
    """A phrase handed to a message as a parameter (``"change orders"``), translated on its own where it is a
    literal at a call the extraction knows (``require(..., "change orders")``)."""
    return text if isinstance(text, Message) else Message(text)


def code(value: object) -> Code:
    return Code(str(value))


class Joined(str):
    """Several messages shown as one, ``sep`` between them (each part translated on its own)."""

    parts: tuple[str, ...]
    sep: str

    def __new__(cls, parts: Sequence[str], sep: str = "; ") -> Joined:
        self = super().__new__(cls, sep.join(parts))
        self.parts = tuple(parts)
        self.sep = sep
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Joined, (self.parts, self.sep))
