"""Tables of the purchasing area (filled in by the purchasing work); imported by models.py so metadata is complete."""
from __future__ import annotations

from .models import Base, Id, Minor, UtcDateTime  # noqa: F401
