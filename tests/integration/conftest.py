"""Fixtures the integration modules share: the ``oms`` command line in-process, on each test's database."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from oms_desktop import bootstrap
from oms_desktop.adapters.security import fast_test_hasher
from tests.helpers.cli import ADMIN_PW, AGENT_PW, Oms
from tests.helpers.fixtures import SAMPLE_CATALOG


@pytest.fixture
def oms(db_url, capsys, monkeypatch, tmp_path) -> Oms:
    monkeypatch.setenv("OMS_HOME", str(tmp_path / "home"))  # logs, backups, default databases: never the user's
    monkeypatch.delenv("OMS_DATABASE_URL", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal: never a password prompt
    return Oms(db_url, capsys, monkeypatch, tmp_path)


@pytest.fixture
def catalog_file(tmp_path) -> Path:
    path = tmp_path / "catalog.csv"
    path.write_bytes(SAMPLE_CATALOG.encode())
    return path


@pytest.fixture
def cli_shop(oms, catalog_file, monkeypatch) -> Oms:
    """An initialised database with an admin, an agent, the sample catalog and one customer.

    Hashes here are argon2id at minimal cost, so the many sign-ins stay fast; the scenario test and the
    subprocess test keep the CLI's real default hasher.
    """
    monkeypatch.setattr(bootstrap, "Argon2Hasher", fast_test_hasher)
    assert oms("init", "--company", "Acme GmbH", "--currency", "EUR")[0] == 0
    assert oms("user", "add", "admin", "--role", "admin", new_password=ADMIN_PW)[0] == 0
    assert oms("user", "add", "agent", "--role", "agent", user="admin", new_password=AGENT_PW)[0] == 0
    assert oms.admin("catalog", "import", str(catalog_file))[0] == 0
    assert oms.admin("customer", "add", "--name", "Anna Schmidt", "--phone", "0171 555-0100")[0] == 0
    return oms
