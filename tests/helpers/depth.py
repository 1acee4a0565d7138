"""How hard the property tests search: everyday (the suite within ten minutes on two cores) or deep.

``OMS_DEEP_TESTS=1`` (before a release, or nightly) runs every property and state machine with its full number of
examples; the everyday suite runs a third of them. Failures found either way are kept in ``.hypothesis/`` and
replayed first on the next run.
"""
from __future__ import annotations

import os

DEEP = os.environ.get("OMS_DEEP_TESTS", "") == "1"


def examples(deep: int) -> int:
    """Hypothesis examples for a test that searches ``deep`` examples in a deep run."""
    return deep if DEEP else max(3, deep // 3)
