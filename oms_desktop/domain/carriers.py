"""Carriers' tracking links: a per-carrier URL template (setting ``carrier_url.<carrier>``) filled with a reference."""
from __future__ import annotations

from urllib.parse import quote, urlsplit

SETTING_PREFIX = "carrier_url."
PLACEHOLDER = "{ref}"


def setting_key(carrier: str) -> str:
    """The settings key of a carrier's URL template: ``carrier_url.`` and the carrier's name, case-folded."""
    return SETTING_PREFIX + " ".join(carrier.split()).casefold()


def tracking_url(template: str | None, reference: str) -> str | None:
    """The carrier's tracking page for ``reference``, or None without a usable template.

    The reference is percent-encoded (a typed reference never changes the URL's structure), and only http(s)
    templates with a host and the ``{ref}`` placeholder count: a ``javascript:`` template makes no link.
    """
    template = (template or "").strip()
    reference = reference.strip()
    if not template or not reference or PLACEHOLDER not in template:
        return None
    parts = urlsplit(template.replace(PLACEHOLDER, "REF"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return template.replace(PLACEHOLDER, quote(reference, safe=""))
