"""The README's type-ahead example works on the demo catalog (issue 16: `oak bo` found nothing there)."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from oms_desktop.devtools.demo import _catalog_csv, _make_products, _unit_costs

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_readmes_type_ahead_example_finds_exactly_what_it_says_on_the_demo(services, admin):
    example = re.search(r"on the demo, `([^`]+)` finds \"([^\"]+)\" and nothing else", README.read_text())
    assert example, "the README's Orders row gives a type-ahead example on the demo"
    typed, product = example.groups()
    # the demo's catalog (``oms-desktop --demo`` seeds with 1; the products come first from the seeded generator)
    rng = random.Random(1)
    products = _make_products(rng)
    _unit_costs(rng, products)
    services.catalog.import_catalog(admin, _catalog_csv(products, "EUR"))
    assert [p.name for p in services.catalog.search(admin, typed, limit=12)] == [product]
