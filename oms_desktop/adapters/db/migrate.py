"""Schema migrations (Alembic), applied on start after an automatic backup when the schema changes."""
from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from ...domain.errors import StorageError
from .engine import backup_sqlite

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


def _config(connection=None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "no migrations found in " + str(MIGRATIONS)
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, backup_dir: Path | None = None) -> bool:
    """Bring the schema to head; returns True if anything was applied. Backs up a non-empty SQLite DB first."""
    current, head = current_revision(engine), head_revision()
    if current == head:
        return False
    if current is not None and backup_dir is not None:
        backup_sqlite(engine, backup_dir, label=f"before-{head}")
    log.info("migrating database from %s to %s", current, head)
    try:
        with engine.begin() as conn:
            command.upgrade(_config(conn), "head")
    except DBAPIError as e:
        if getattr(e.orig, "sqlstate", None) != "42501":        # insufficient_privilege
            raise
        # a workstation connected as the shared server's app role (packaging/postgres/app_role.sql) may not
        # change the schema: the upgrade is the owner's, once, for every workstation
        database = engine.url.database
        raise StorageError(
            f"The database {database} has schema {current}; this version of OMS Desktop needs {head}, and the "
            f"role {engine.url.username} may not change the schema (nothing was changed).",
            "Ask the administrator to run `oms init --database ...` once as the database's owner "
            "(docs/shared_server.md), then start again.") from e
    return True


def autogenerate(engine: Engine, message: str) -> None:
    """Developer helper: write a new revision from the difference between models and the database."""
    with engine.begin() as conn:
        command.revision(_config(conn), message=message, autogenerate=True)
