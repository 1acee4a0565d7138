"""The words the screens show for the domain's codes (an order's status, a channel, a role, a document's state).

The codes stay English in the database, the CLI's ``--json`` and the events; what a screen shows goes through
the translation catalog (context "Labels", resources/i18n/oms_de_main.ts). Every area calls :func:`label`
rather than keeping its own table, so each word is translated once.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "Labels"

#: code -> English label; lupdate reads the QT_TRANSLATE_NOOP marks, :func:`label` translates at run time
_LABELS: dict[str, str] = {
    # orders (domain.orders.Status) and the documents' states (domain.document_states)
    "draft": QT_TRANSLATE_NOOP("Labels", "draft"),
    "confirmed": QT_TRANSLATE_NOOP("Labels", "confirmed"),
    "picking": QT_TRANSLATE_NOOP("Labels", "picking"),
    "picked": QT_TRANSLATE_NOOP("Labels", "picked"),
    "packed": QT_TRANSLATE_NOOP("Labels", "packed"),
    "shipped": QT_TRANSLATE_NOOP("Labels", "shipped"),
    "delivered": QT_TRANSLATE_NOOP("Labels", "delivered"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "cancelled"),
    "returned": QT_TRANSLATE_NOOP("Labels", "returned"),
    "open": QT_TRANSLATE_NOOP("Labels", "open"),
    "empty": QT_TRANSLATE_NOOP("Labels", "empty"),
    "dropped": QT_TRANSLATE_NOOP("Labels", "dropped"),
    "waiting": QT_TRANSLATE_NOOP("Labels", "waiting"),
    "fulfilled": QT_TRANSLATE_NOOP("Labels", "fulfilled"),
    "released": QT_TRANSLATE_NOOP("Labels", "released"),
    "sent": QT_TRANSLATE_NOOP("Labels", "sent"),
    "partly_received": QT_TRANSLATE_NOOP("Labels", "partly received"),
    "received": QT_TRANSLATE_NOOP("Labels", "received"),
    # channels (domain.orders.Channel)
    "counter": QT_TRANSLATE_NOOP("Labels", "counter"),
    "phone": QT_TRANSLATE_NOOP("Labels", "phone"),
    "catalog": QT_TRANSLATE_NOOP("Labels", "catalog"),
    "online": QT_TRANSLATE_NOOP("Labels", "online"),
    # roles (domain.roles.Role)
    "agent": QT_TRANSLATE_NOOP("Labels", "agent"),
    "warehouse": QT_TRANSLATE_NOOP("Labels", "warehouse"),
    "accountant": QT_TRANSLATE_NOOP("Labels", "accountant"),
    "manager": QT_TRANSLATE_NOOP("Labels", "manager"),
    "admin": QT_TRANSLATE_NOOP("Labels", "admin"),
}


def label(code: str) -> str:
    """What the screen shows for a code in the GUI's language; an unknown code is shown as it is."""
    english = _LABELS.get(str(code))
    return QCoreApplication.translate(_CONTEXT, english) if english is not None else str(code)


def codes() -> tuple[str, ...]:
    """Every code with a label (the translation test checks each has its German word)."""
    return tuple(_LABELS)
