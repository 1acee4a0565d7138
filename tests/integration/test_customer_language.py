"""A customer's language (issue 19): ``oms customer add/edit --language``, checked against the supported ones, and
migration 0027 that adds ``customers.language`` and ``invoices.language``."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect

from oms_desktop.adapters.db.engine import make_engine
from oms_desktop.domain.errors import ValidationFailed
from oms_desktop.domain.languages import SUPPORTED, check_language
from tests.integration.test_migration_0007 import differences, migrate, triggers


def test_check_language_accepts_the_supported_codes_in_any_case_and_refuses_others():
    assert SUPPORTED == ("en", "de")
    assert check_language(" DE ") == "de" and check_language("en") == "en"
    for bad in ("fr", "", "deu", "de_DE"):
        with pytest.raises(ValidationFailed, match="not supported"):
            check_language(bad)


def test_cli_sets_changes_and_clears_a_customers_language(cli_shop):
    oms = cli_shop
    added = oms.admin_json("customer", "add", "--name", "Jürgen Weiß", "--phone", "0171 555-0199",
                           "--language", "DE")
    assert added["language"] == "de"
    assert oms.admin_json("customer", "edit", "0171 555-0199", "--language", "en")["language"] == "en"
    assert oms.admin_json("customer", "edit", "0171 555-0199", "--name", "Jürgen Weiss")["language"] == "en"
    assert oms.admin_json("customer", "edit", "0171 555-0199", "--language", "")["language"] == ""  # the company's
    assert oms.admin_json("customer", "add", "--name", "Kim", "--phone", "0171 555-0198")["language"] == ""


def test_an_unknown_language_exits_2_naming_it_and_stores_nothing(cli_shop):
    oms = cli_shop
    code, _out, err = oms.admin("customer", "add", "--name", "Jean", "--phone", "0171 555-0197", "--language", "fr")
    assert code == 2 and "language 'fr' is not supported" in err and "en, de" in err
    assert oms.admin_json("customer", "find", "0171 555-0197") == []
    assert oms.admin_json("customer", "edit", "0171 555-0100", "--language", "de")["language"] == "de"
    code, _out, err = oms.admin("customer", "edit", "0171 555-0100", "--language", "klingon", "--name", "Anna S.")
    assert code == 2 and "language 'klingon' is not supported" in err
    [anna] = oms.admin_json("customer", "find", "0171 555-0100")
    assert (anna["name"], anna["language"]) == ("Anna Schmidt", "de")


@pytest.fixture
def engine(empty_db_url):
    eng = make_engine(empty_db_url)
    yield eng
    eng.dispose()


def test_0027_adds_customers_and_invoices_language_and_downgrades_cleanly(engine):
    migrate(engine, "0025")
    before = triggers(engine)
    migrate(engine, "0027")
    for table in ("customers", "invoices"):
        assert "language" in {c["name"] for c in inspect(engine).get_columns(table)}
    assert triggers(engine) == before  # the tables' triggers (invoices: immutable) survive the new column
    migrate(engine, "0025", down=True)
    for table in ("customers", "invoices"):
        assert "language" not in {c["name"] for c in inspect(engine).get_columns(table)}
    assert triggers(engine) == before
    migrate(engine, "head")
    assert differences(engine) == []


def test_a_merge_keeps_the_kept_customers_language_else_takes_the_duplicates(catalog, admin):
    s = catalog
    keep = s.customers.add_customer(admin, "Jörg Müller", ["030 555 1212"])
    dup = s.customers.add_customer(admin, "Joerg Mueller", ["0160 9876543"], language="de")
    s.customers.merge_customers(admin, keep.id, dup.id)
    assert s.customers.get_customer(admin, keep.id).language == "de"
    other = s.customers.add_customer(admin, "J. Müller", ["0171 2345678"], language="en")
    s.customers.merge_customers(admin, keep.id, other.id)
    assert s.customers.get_customer(admin, keep.id).language == "de"
