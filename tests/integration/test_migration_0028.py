"""Migration 0028 (the promotions' fingerprint read from indexes, a coupon's use counted by its redemption) on SQLite
and PostgreSQL: it adds exactly the three indexes and the trigger, the downgrade removes exactly them, and upgrading
again gives the models' schema."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect

from oms_desktop.adapters.db.engine import make_engine
from tests.integration.test_migration_0007 import differences, migrate, triggers

NEW = {"ix_promotions_created_at", "ix_promotions_ended_at", "ix_promotions_first_order"}


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def promotion_indexes(engine) -> set[str]:
    return {ix["name"] for ix in inspect(engine).get_indexes("promotions")}


def test_0028_adds_the_fingerprint_indexes_and_the_use_counting_trigger_and_downgrades_cleanly(engine):
    migrate(engine, "0027")
    before, before_triggers = promotion_indexes(engine), triggers(engine)
    assert not before & NEW
    migrate(engine, "0028")
    assert promotion_indexes(engine) == before | NEW
    assert triggers(engine) == before_triggers | {"coupon_redemptions_count_use"}
    migrate(engine, "0027", down=True)
    assert promotion_indexes(engine) == before and triggers(engine) == before_triggers
    migrate(engine, "head")
    assert differences(engine) == []
