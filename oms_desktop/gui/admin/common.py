"""What the admin dialogs share: a user's mistake shown in the dialog in its own words, anything else as usual."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ...domain.errors import UserFacingError
from ..errors import show_error
from ..messages import text_of


def message_label(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(label.textInteractionFlags())
    return label


def report(parent: QWidget, label: QLabel, exc: BaseException) -> None:
    """A refused input names what is wrong beside the fields; storage and bugs go to the usual dialogs."""
    if isinstance(exc, UserFacingError):
        label.setText(text_of(exc))
    else:
        show_error(parent, exc)
