"""The languages documents can print in (a customer's language): ISO 639-1 codes."""
from __future__ import annotations

from .errors import ValidationFailed

SUPPORTED = ("en", "de")


def check_language(code: str) -> str:
    """``code`` as stored (``"DE"`` -> ``"de"``); ValidationFailed naming the supported ones when it is not one."""
    value = str(code or "").strip().lower()
    if value not in SUPPORTED:
        raise ValidationFailed(f"language '{code}' is not supported (one of: {', '.join(SUPPORTED)})")
    return value
