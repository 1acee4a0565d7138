"""Alembic environment: always run programmatically with a connection handed over by migrate.py."""
from alembic import context

from oms_desktop.adapters.db.models import Base
from oms_desktop.adapters.db.models_performance import include_name

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through oms_desktop.adapters.db.migrate (oms init), not the alembic CLI")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  compare_type=True, include_name=include_name)  # autogenerate leaves the search indexes alone
with context.begin_transaction():
    context.run_migrations()
