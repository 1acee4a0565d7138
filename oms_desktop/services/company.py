"""Company settings: name, currency, tax-inclusive prices, tax rounding mode, default channel, and what the printed
catalog shows (phone, e-mail, payment and return notes)."""
from __future__ import annotations


from ..domain.errors import BusinessRuleViolation, ValidationFailed
from ..domain.mail import EMAIL_RE
from ..domain.money import exponent
from ..domain.orders import Channel, parse_rate
from ..domain.pricing import TaxRounding
from ..domain.roles import Perm
from .base import DEFAULT_SETTINGS, ServiceBase
from .dto import Actor, CompanyDTO

KNOWN_CURRENCIES = {"EUR", "USD", "GBP", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK", "CAD", "AUD"}


class CompanyService(ServiceBase):
    def get(self) -> CompanyDTO:
        return self.company

    def update(self, actor: Actor | None, **changes) -> CompanyDTO:
        """Change settings. The currency cannot change once money has been recorded."""
        with self._uow() as uow:
            first_setup = uow.users.count() == 0 and actor is None
            if not first_setup:
                self._require(actor, Perm.SETTINGS, "change company settings")
            current = {**DEFAULT_SETTINGS, **uow.settings.get_all()}
            values = self._validate(changes)
            if "currency" in values and values["currency"] != current["currency"] and \
                    uow.orders.list(limit=1):
                raise BusinessRuleViolation("The currency cannot change once orders exist.")
            for k, v in values.items():
                uow.settings.set(k, v)
            uow.audit.record(user_id=actor.user_id if actor else None, username=actor.username if actor else "",
                             action="settings.update", entity="settings", entity_id="company",
                             old={k: current.get(k) for k in values}, new=values)
            uow.commit()
        self._settings.invalidate()
        return self.company

    @staticmethod
    def _validate(changes: dict) -> dict[str, str]:
        out: dict[str, str] = {}
        problems = []
        for key, value in changes.items():
            if value is None:
                continue
            if key == "currency":
                cur = str(value).strip().upper()
                if cur not in KNOWN_CURRENCIES:
                    problems.append(f"currency '{value}' is not supported ({', '.join(sorted(KNOWN_CURRENCIES))})")
                else:
                    exponent(cur)
                    out[key] = cur
            elif key == "company_name":
                if not str(value).strip():
                    problems.append("company name is empty")
                out[key] = str(value).strip()
            elif key == "prices_include_tax":
                out[key] = "1" if value in (True, "1", "true", "yes") else "0"
            elif key == "tax_rounding":
                try:
                    out[key] = TaxRounding(str(value)).value
                except ValueError:
                    problems.append("tax_rounding must be 'line' or 'document'")
            elif key == "default_channel":
                try:
                    out[key] = Channel(str(value)).value
                except ValueError:
                    problems.append(f"channel '{value}' is unknown")
            elif key in ("discount_limit", "incentive_limit_agent", "incentive_limit_manager"):
                out[key] = str(parse_rate(value, field=key.replace("_", " ")))
            elif key in ("cart_idle_minutes", "cart_abandoned_hours"):
                text = str(value).strip()
                if not text.isdecimal() or not 1 <= int(text) <= 100_000:
                    problems.append(f"{key.replace('_', ' ')} must be a whole number from 1 to 100000 (got '{value}')")
                else:
                    out[key] = str(int(text))
            elif key == "company_email" and str(value).strip() and not EMAIL_RE.match(str(value).strip()):
                problems.append(f"company e-mail must be an e-mail address (got '{value}')")
            elif key in ("company_address", "vat_id", "locale", "company_phone", "company_email", "payment_note",
                         "return_note"):
                out[key] = str(value).strip()
            else:
                problems.append(f"unknown setting '{key}'")
        if problems:
            raise ValidationFailed(problems)
        return out


