"""Open a database, migrate it and build the services: shared by the GUI, the CLI, the bench and tests."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

from .adapters.db.engine import make_engine
from .adapters.db.migrate import upgrade
from .adapters.db.uow import uow_factory
from .adapters.security import Argon2Hasher
from .config import Paths
from .services import Services


@dataclass
class Backend:
    url: str
    engine: Engine
    services: Services

    def dispose(self) -> None:
        self.engine.dispose()


def open_backend(url: str, *, paths: Paths | None = None, hasher=None, migrate: bool = True) -> Backend:
    engine = make_engine(url)
    if migrate:
        upgrade(engine, (paths or Paths.default()).backups)
    services = Services.build(uow_factory(engine), hasher or Argon2Hasher())
    return Backend(url, engine, services)
