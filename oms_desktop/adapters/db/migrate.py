"""Schema migrations (Alembic), applied on start after an automatic backup when the schema changes."""
from __future__ import annotations

import logging
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

from ...domain.errors import StorageError
from ...domain.messages import msg
from .engine import backup_sqlite

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


# Alembic is imported only when a migration runs: on a workstation's every start the schema is already at the
# head, which a plain read of alembic_version and of the version files' headers tells (Alembic and its DDL modules
# took about 170 ms of the app's 1.5 s start).
_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([0-9A-Za-z_]+|None)['\"]?\s*$", re.M)


@cache
def head_revision() -> str:
    """The newest revision: the one no other revision names as its down_revision (read from the files' headers;
    tests/integration/test_migrations.py checks it against Alembic's own reading)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        fields = dict((k, v) for k, v in _REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" in fields:
            revisions.add(fields["revision"])
            parents.add(fields.get("down_revision", "None"))
    heads = revisions - parents
    assert len(heads) == 1, f"expected one head in {MIGRATIONS}, found {sorted(heads)}"
    return heads.pop()


def alembic_head_revision() -> str:
    from alembic.script import ScriptDirectory
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "no migrations found in " + str(MIGRATIONS)
    return head


def _config(connection=None) -> "Config":
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The schema's revision as stored in alembic_version (None: an empty database)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, backup_dir: Path | None = None) -> bool:
    """Bring the schema to head; returns True if anything was applied. Backs up a non-empty SQLite DB first."""
    current, head = current_revision(engine), head_revision()
    if current == head:
        return False
    if current is not None and backup_dir is not None:
        backup_sqlite(engine, backup_dir, label=f"before-{head}")
    log.info("migrating database from %s to %s", current, head)
    from alembic import command
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
            msg("The database {database} has schema {current}; this version of OMS Desktop needs {head}, and the "
                "role {role} may not change the schema (nothing was changed).", database=database, current=current,
                head=head, role=engine.url.username),
            msg("Ask the administrator to run `oms init --database ...` once as the database's owner "
                "(docs/shared_server.md), then start again.")) from e
    return True


def autogenerate(engine: Engine, message: str) -> None:
    """Developer helper: write a new revision from the difference between models and the database."""
    from alembic import command
    with engine.begin() as conn:
        command.revision(_config(conn), message=message, autogenerate=True)
