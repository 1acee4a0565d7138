"""Order e-mails: the templates (the user's folder over the packaged ones) and the SMTP transport."""
from __future__ import annotations

from .compose import TemplateComposer
from .smtp import SmtpTransport, smtp_password

__all__ = ["SmtpTransport", "TemplateComposer", "smtp_password"]
