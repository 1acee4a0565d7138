"""A desk of its own on a shared PostgreSQL database, for the tests of several workstations."""
from __future__ import annotations

from oms_desktop.adapters.db.notify import PgEventWaiter
from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from oms_desktop.gui.event_feed import EventFeed
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.main_window import MainWindow


class Workstation:
    """One desk: a backend of its own on the shared database, a signed-in user, a live feed, the main window."""

    def __init__(self, qtbot, url: str, paths, username: str, *, synchronous: bool = True):
        self.backend = open_backend(url, paths=paths, hasher=fast_test_hasher(), migrate=False)
        self.services = self.backend.services
        self.actor = self.services.auth.sign_in(username, f"{username}-pw")
        self.waiter = PgEventWaiter(url)
        services, actor = self.services, self.actor
        self.feed = EventFeed(lambda after: services.events.since(actor, after), services.events.last_id(),
                              waiter=self.waiter, interval=0.1)  # stop() waits for one wait at most
        self.window = MainWindow(services, actor, database="PostgreSQL", feed=self.feed,
                                 jobs=JobRunner(synchronous=synchronous))
        qtbot.addWidget(self.window)
        self.window.resize(1366, 768)
        self.window.show()
        self.feed.start()

    def focus(self, qtbot) -> None:
        self.window.activateWindow()
        qtbot.waitUntil(self.window.isActiveWindow)

    def close(self) -> None:
        self.feed.stop()
        self.waiter.close()
        self.backend.dispose()
