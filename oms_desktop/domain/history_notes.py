"""The notes the services write into an order's history (picked on which list, what a backorder owes, ...).

A note is stored as its English text, as every earlier note was: the record stays readable by the status page, an
export or ``psql``. Each is written from one of the templates below, and read back through :func:`read_note`,
which recognises the template and returns a :class:`~.messages.Message`, so the GUI shows it in its own language
(``gui.messages.render``). A note a user typed (a cancel reason, a delivery note) matches no template and is shown
as typed. The templates are phrases so that ``packaging/i18n.py`` puts them in the catalog.
"""
from __future__ import annotations

import re

from .messages import Message, msg, phrase

PLACED = phrase("placed")
ON_PICK_LIST = phrase("on {pick_list}, tote T{tote}")
NOTHING_FOUND = phrase("nothing found on {pick_list}; back in the queue")
BACKORDER_WAITS = phrase("backorder: {lines} wait for goods")
BACKORDER_RESERVED = phrase("backorder reserved: {lines}")
BACKORDER_READY = phrase("backorder reserved: {lines}; ready to pick")
BACKORDER_RELEASED = phrase("backorder released ({lines})")
BACKORDER_RELEASED_WHY = phrase("backorder released ({lines}): {reason}")
SHIPPED_OWING = phrase("{parcel}; backorder: {lines}")
REPEAT_OF = phrase("repeat of {order}")

TEMPLATES: tuple[str, ...] = (PLACED, ON_PICK_LIST, NOTHING_FOUND, BACKORDER_WAITS, BACKORDER_READY,
                              BACKORDER_RESERVED, BACKORDER_RELEASED_WHY, BACKORDER_RELEASED, SHIPPED_OWING,
                              REPEAT_OF)


def note(template: str, **params: object) -> Message:
    """The note ``template`` (one of this module's) filled with ``params``: its English text is what is stored."""
    assert template in TEMPLATES, template
    return msg(str(template), **params)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)  # text, name, text, name, ..., text
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts)),
                      re.DOTALL)


_PATTERNS = tuple((t, _pattern(t)) for t in TEMPLATES)


def read_note(text: str | None) -> str:
    """A stored note as a Message of its template where it was written from one, else the text as it is."""
    if not text:
        return text or ""
    for template, pattern in _PATTERNS:
        m = pattern.fullmatch(text)
        if m is not None:
            return msg(str(template), **m.groupdict())
    return text
