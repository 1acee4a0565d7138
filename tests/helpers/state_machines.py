"""The base of the hypothesis state machines in tests/reliability: each run gets a fresh SQLite database."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis.stateful import RuleBasedStateMachine

from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from oms_desktop.config import Paths


class FreshDatabaseMachine(RuleBasedStateMachine):
    """A state machine whose ``@initialize`` rule calls ``fresh_database``; ``teardown`` disposes of it."""

    def __init__(self):
        super().__init__()
        self.backend = None
        self.tmp = None

    def fresh_database(self, prefix: str):
        """A migrated SQLite database in a new temporary folder with the user "admin" (password "admin-pw");
        returns its services and the admin actor."""
        self.tmp = tempfile.TemporaryDirectory(prefix=prefix)
        root = Path(self.tmp.name)
        paths = Paths(root / "data", root / "config", root / "logs", root / "backups").ensure()
        self.backend = open_backend(f"sqlite:///{root / 'oms.db'}", paths=paths, hasher=fast_test_hasher())
        services = self.backend.services
        services.auth.add_user(None, "admin", "admin", "admin-pw")
        return services, services.auth.actor_for("admin")

    def teardown(self):
        if self.backend is not None:
            self.backend.dispose()
        if self.tmp is not None:
            self.tmp.cleanup()
