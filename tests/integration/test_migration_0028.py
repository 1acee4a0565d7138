"""Migration 0028 (the promotions' fingerprint read from indexes) on SQLite and PostgreSQL: it adds exactly the three
indexes, the downgrade removes exactly them, and upgrading again gives the models' schema."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect

from oms_desktop.adapters.db.engine import make_engine
from tests.integration.test_migration_0007 import differences, migrate

NEW = {"ix_promotions_created_at", "ix_promotions_ended_at", "ix_promotions_first_order"}


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def promotion_indexes(engine) -> set[str]:
    return {ix["name"] for ix in inspect(engine).get_indexes("promotions")}


def test_0028_adds_the_fingerprint_indexes_and_downgrades_cleanly(engine):
    migrate(engine, "0025")
    before = promotion_indexes(engine)
    assert not before & NEW
    migrate(engine, "0028")
    assert promotion_indexes(engine) == before | NEW
    migrate(engine, "0025", down=True)
    assert promotion_indexes(engine) == before
    migrate(engine, "head")
    assert differences(engine) == []
