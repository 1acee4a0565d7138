"""Whole-database dumps: two equal dumps mean a command or a refused call changed nothing at all."""
from __future__ import annotations

from sqlalchemy import MetaData, select

_reflected: dict[str, MetaData] = {}


def dump(engine) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two dumps are equal only if nothing at all changed."""
    meta = _reflected.get(engine.url.render_as_string())
    if meta is None:  # the schema does not change here: reflect it once per database
        meta = _reflected[engine.url.render_as_string()] = MetaData()
        meta.reflect(bind=engine)
    with engine.connect() as c:
        return {name: sorted((tuple(r) for r in c.execute(select(table))), key=repr)
                for name, table in sorted(meta.tables.items())}
