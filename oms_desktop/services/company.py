"""Company settings: name, address, VAT ID, tax number, bank account, currency, locale, tax-inclusive prices, tax
rounding mode, default channel, invoice series and payment terms, the discount and incentive limits per role, the
carts' at-risk and abandoned times, and what the printed catalog shows (phone, e-mail, payment and return notes)."""
from __future__ import annotations

import re
from collections.abc import Mapping


from ..domain.errors import BusinessRuleViolation, ValidationFailed
from ..domain.mail import EMAIL_RE
from ..domain.messages import Joined, msg, phrase
from ..domain.money import exponent
from ..domain.orders import Channel, parse_rate
from ..domain.pricing import TaxRounding
from ..domain.roles import Perm
from . import edit_stamps
from .base import DEFAULT_SETTINGS, ServiceBase, SettingsCache
from .dto import Actor, CompanyDTO
from .ports import IdentifierChecks, UnitOfWorkFactory

KNOWN_CURRENCIES = {"EUR", "USD", "GBP", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK", "CAD", "AUD"}


COMPANY_SETTINGS = {
    "company_name": "the company's name on documents and screens",
    "company_address": "the company's address on documents (lines separated by newlines)",
    "vat_id": "the company's VAT ID (country code and number; check digits verified)",
    "tax_number": "the company's tax number at its tax office",
    "bank_account": "the IBAN payments go to, printed on invoices (check digits verified)",
    "currency": "the currency of every amount (ISO code); fixed once the first order exists",
    "locale": "language and country for money, numbers and dates (e.g. en_US, de_DE)",
    "prices_include_tax": "1: catalog prices include tax, 0: tax is added",
    "tax_rounding": "round tax per line or per document (line, document)",
    "default_channel": "the channel a new order starts with",
    "invoice_series": "the name of the invoice number series (letters; billing numbers INV- today)",
    "payment_terms_days": "days an invoice is due after it is issued (0: on receipt)",
    "discount_limit": "the largest discount an agent may give without a manager (a fraction, 0.10 = 10%)",
    "incentive_limit_agent": "the largest incentive an agent may offer on a cart (a fraction of its goods)",
    "incentive_limit_manager": "the largest incentive a manager may offer on a cart (a fraction of its goods)",
    "cart_idle_minutes": "minutes without a change before a cart is flagged at risk",
    "cart_abandoned_hours": "hours without a change before a cart counts as abandoned",
    "lock_after_minutes": "minutes without a key or a click before a workstation locks until its user's password "
                          "(0: never)",
    "company_phone": "the phone number on the printed catalog",
    "company_email": "the e-mail address on the printed catalog",
    "payment_note": "how to pay, on the printed catalog",
    "return_note": "how to return goods, on the printed catalog",
}
"""Every company setting ``oms settings`` and the Settings dialog show, with what it means."""
COMPANY_DEFAULTS = {**DEFAULT_SETTINGS, "tax_number": "", "bank_account": "", "invoice_series": "INV",
                    "payment_terms_days": "14", "company_phone": "", "company_email": "", "payment_note": "",
                    "return_note": ""}
SERIES_RE = re.compile(r"^[A-Z]{2,6}$")


class CompanyService(ServiceBase):
    def __init__(self, uow: UnitOfWorkFactory, settings: SettingsCache, checks: IdentifierChecks | None = None):
        super().__init__(uow, settings)
        self._checks = checks

    def get(self) -> CompanyDTO:
        return self.company

    def update(self, actor: Actor | None, **changes) -> CompanyDTO:
        """Change settings. The currency cannot change once money has been recorded."""
        return self.update_shown(actor, changes)

    def update_shown(self, actor: Actor | None, changes: Mapping[str, object],
                     shown: Mapping[str, str] | None = None) -> CompanyDTO:
        """``update``, for a form: ``shown`` holds the values it showed for the keys it changes; a key someone else
        changed since is refused (StaleEdit, naming who and when), nothing stored. Every change stamps its keys
        (who, when)."""
        with self._uow() as uow:
            first_setup = uow.users.count() == 0 and actor is None
            if not first_setup:
                self._require(actor, Perm.SETTINGS, "change company settings")
            current = {**COMPANY_DEFAULTS, **uow.settings.get_all()}
            values = self._validate(dict(changes))
            if "currency" in values and values["currency"] != current["currency"] and \
                    uow.orders.list(limit=1):
                raise BusinessRuleViolation(msg("The currency cannot change once orders exist."))
            if actor is not None:
                edit_stamps.stamp_settings(uow, actor, values, current, shown)
            for k, v in values.items():
                uow.settings.set(k, v)
            uow.audit.record(user_id=actor.user_id if actor else None, username=actor.username if actor else "",
                             action="settings.update", entity="settings", entity_id="company",
                             old={k: current.get(k) for k in values}, new=values)
            uow.commit()
        self._settings.invalidate()
        return self.company

    def _validate(self, changes: dict) -> dict[str, str]:
        out: dict[str, str] = {}
        problems: list[str] = []
        for key, value in changes.items():
            if value is None:
                continue
            if key == "currency":
                cur = str(value).strip().upper()
                if cur not in KNOWN_CURRENCIES:
                    problems.append(msg("currency '{value}' is not supported ({known})", value=value,
                                           known=", ".join(sorted(KNOWN_CURRENCIES))))
                else:
                    exponent(cur)
                    out[key] = cur
            elif key == "company_name":
                if not str(value).strip():
                    problems.append(msg("company name is empty"))
                out[key] = str(value).strip()
            elif key == "prices_include_tax":
                out[key] = "1" if value in (True, "1", "true", "yes") else "0"
            elif key == "tax_rounding":
                try:
                    out[key] = TaxRounding(str(value)).value
                except ValueError:
                    problems.append(msg("tax_rounding must be 'line' or 'document'"))
            elif key == "default_channel":
                try:
                    out[key] = Channel(str(value)).value
                except ValueError:
                    problems.append(msg("channel '{value}' is unknown", value=value))
            elif key in ("discount_limit", "incentive_limit_agent", "incentive_limit_manager"):
                out[key] = str(parse_rate(value, field=key.replace("_", " ")))
            elif key in ("cart_idle_minutes", "cart_abandoned_hours"):
                text = str(value).strip()
                if not text.isdecimal() or not 1 <= int(text) <= 100_000:
                    problems.append(msg("{setting} must be a whole number from 1 to 100000 (got '{value}')",
                                           setting=key.replace('_', ' '), value=value))
                else:
                    out[key] = str(int(text))
            elif key == "lock_after_minutes":
                text = str(value).strip()
                if not text.isdecimal() or int(text) > 480:
                    problems.append(msg("lock after minutes must be a whole number from 0 (never) to 480 "
                                           "(got '{value}')",
                                           value=value))
                else:
                    out[key] = str(int(text))
            elif key == "company_email" and str(value).strip() and not EMAIL_RE.match(str(value).strip()):
                problems.append(msg("company e-mail must be an e-mail address (got '{value}')", value=value))
            elif key in ("vat_id", "bank_account", "locale") and str(value).strip():
                text = str(value).strip()
                if self._checks is None:
                    problems.append(msg("{setting} cannot be checked here; nothing was changed",
                                           setting=key.replace('_', ' ')))
                    continue
                check = {"vat_id": self._checks.vat_id, "bank_account": self._checks.iban,
                         "locale": self._checks.locale}[key]
                try:
                    out[key] = check(text)
                except ValueError as e:
                    label = {"vat_id": phrase("VAT ID"), "bank_account": phrase("bank account"),
                             "locale": phrase("locale")}[key]
                    problems.append(Joined([label, str(e)], ": "))
            elif key == "locale":
                problems.append(msg("locale is empty (language and country, e.g. en_US, de_DE)"))
            elif key == "invoice_series":
                text = str(value).strip().upper()
                if not SERIES_RE.match(text):
                    problems.append(msg("invoice series must be 2 to 6 letters (got '{value}')", value=value))
                else:
                    out[key] = text
            elif key == "payment_terms_days":
                text = str(value).strip()
                if not text.isdecimal() or int(text) > 365:
                    problems.append(msg("payment terms must be a whole number of days from 0 to 365 (got '{value}')",
                                           value=value))
                else:
                    out[key] = str(int(text))
            elif key in ("company_address", "vat_id", "bank_account", "tax_number", "company_phone", "company_email",
                         "payment_note", "return_note"):
                out[key] = str(value).strip()
            else:
                problems.append(msg("unknown setting '{key}'", key=key))
        if problems:
            raise ValidationFailed(problems)
        return out


