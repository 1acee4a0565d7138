"""Where things live (platformdirs) and which database to open."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "oms-desktop"
DIRS = PlatformDirs(APP_NAME, appauthor=False)


@dataclass(frozen=True)
class Paths:
    data: Path
    config: Path
    logs: Path
    backups: Path

    @classmethod
    def default(cls) -> "Paths":
        base = os.environ.get("OMS_HOME")
        if base:  # one folder for everything: tests, portable installs
            root = Path(base)
            return cls(root, root / "config", root / "logs", root / "backups")
        return cls(Path(DIRS.user_data_dir), Path(DIRS.user_config_dir), Path(DIRS.user_log_dir),
                   Path(DIRS.user_data_dir) / "backups")

    def ensure(self) -> "Paths":
        for p in (self.data, self.config, self.logs, self.backups):
            p.mkdir(parents=True, exist_ok=True)
        return self


def default_sqlite_path(paths: Paths | None = None, demo: bool = False) -> Path:
    paths = paths or Paths.default()
    return paths.data / ("demo.db" if demo else "oms.db")


def resolve_database_url(explicit: str | None = None, *, demo: bool = False, paths: Paths | None = None) -> str:
    """``--database`` wins, then ``OMS_DATABASE_URL``, then the SQLite file in the user data folder."""
    url = explicit or os.environ.get("OMS_DATABASE_URL")
    if url:
        if "://" not in url:  # a bare path means an SQLite file
            return f"sqlite:///{Path(url).expanduser().resolve()}"
        return url
    return f"sqlite:///{default_sqlite_path(paths, demo)}"


def describe_url(url: str) -> str:
    """For the status bar: the backend and where, never a password."""
    from sqlalchemy.engine import make_url
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return f"SQLite {u.database}"
    return f"PostgreSQL {u.host or 'localhost'}:{u.port or 5432}/{u.database}"
