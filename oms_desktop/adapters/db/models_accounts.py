"""Tables of the accounts area (filled in by the accounts work); imported by models.py so metadata is complete."""
from __future__ import annotations

from .models import Base, Id, Minor, UtcDateTime  # noqa: F401
