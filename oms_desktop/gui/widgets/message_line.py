"""What every tab shares: a message line instead of modal boxes, and service calls as background jobs."""
from __future__ import annotations

from .. import theme
from ...domain.errors import Cancelled, StorageError, UserFacingError
from ..errors import show_error
from ..messages import text_of

ERROR_STYLE = "font-weight: bold;"  # in the theme's "bad" colour (message_style)
OK_STYLE = ""  # in its "good" colour


def message_style(label, error: bool) -> None:
    """A message label's looks: an error bold in the theme's "bad" colour, anything else in its "good" colour."""
    label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
    theme.set_colours(label, "bad" if error else "good")


class MessageLine:
    """Mixin for a tab (put it after QWidget in the bases) with ``message_label``, a ``message_shown(str)`` signal
    and ``jobs`` (a JobRunner). A user's mistake or an environment failure lands in the message line, so the hands
    stay on the keyboard; anything else is a bug and goes to the crash dialog."""

    def show_message(self, text: str, error: bool = False) -> None:
        message_style(self.message_label, error)
        self.message_label.setText(text)
        self.message_shown.emit(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, (UserFacingError, StorageError)):
            self.show_message(text_of(exc), error=True)
        else:
            show_error(self, exc)

    def _run(self, fn, on_success, *, write: bool = False, on_progress=None, owner=None):
        """Run ``fn()`` as a job; ``on_success(result)`` and failures come back on the GUI thread, unless ``owner``
        (this tab unless told otherwise, e.g. a dialog of it) has been destroyed by then."""
        return self.jobs.submit(lambda _job: fn(), on_success=on_success, on_failure=self._failed, write=write,
                                on_progress=on_progress, owner=self if owner is None else owner)
