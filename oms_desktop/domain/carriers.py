"""Carriers' tracking links: a per-carrier URL template (setting ``carrier.<carrier>.tracking_url``, set with
``oms settings set``) filled with a reference; the status page and the shipment e-mail both link through here."""
from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

PLACEHOLDER = "{ref}"
SETTING_RE = re.compile(r"^carrier\.([a-z0-9][a-z0-9_-]{0,29})\.tracking_url$")


def setting_key(carrier: str) -> str:
    """The settings key of a carrier's URL template: ``carrier.dhl.tracking_url`` for "DHL" (case-folded, anything
    but letters, digits, _ and - made a dash: "Royal Mail" is ``carrier.royal-mail.tracking_url``)."""
    return f"carrier.{re.sub(r'[^a-z0-9_-]', '-', ' '.join(carrier.split()).casefold())}.tracking_url"


def is_setting_key(key: str) -> bool:
    return SETTING_RE.match(key) is not None


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
