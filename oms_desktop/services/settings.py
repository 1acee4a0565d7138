"""The settings ``oms settings`` and the Settings dialog read and write: the company's (name, address, VAT ID, tax
number, bank account, currency, locale, invoice series, payment terms, tax rounding, limits per role, the carts'
times: validated and stored by ``CompanyService``), SMTP, the status page's address, the carriers' tracking links and
the counter's receipt printer."""
from __future__ import annotations

from ..domain.errors import ValidationFailed
from ..domain.messages import msg
from ..domain.mail import CARRIER_KEY_RE, MAIL_DEFAULTS, MAIL_SETTINGS, is_mail_setting, normalize_setting
from ..domain.printing import PRINTER_HELP, PRINTER_SETTING, normalize_printer
from ..domain.roles import Perm
from . import edit_stamps
from .base import ServiceBase, SettingsCache
from .company import COMPANY_DEFAULTS, COMPANY_SETTINGS, CompanyService
from .dto import Actor
from .mail_docs import SettingDTO
from .ports import UnitOfWorkFactory

CARRIER_HELP = "the carrier's tracking page, {ref} standing for the parcel's reference"
OTHER_SETTINGS = {PRINTER_SETTING: PRINTER_HELP}
OTHER_DEFAULTS = {PRINTER_SETTING: "none"}


def _help(key: str) -> str:
    return COMPANY_SETTINGS.get(key) or MAIL_SETTINGS.get(key) or OTHER_SETTINGS.get(key) or CARRIER_HELP


def _unknown(key: str) -> ValidationFailed:
    known = ", ".join([*COMPANY_SETTINGS, *MAIL_SETTINGS, *OTHER_SETTINGS])
    return ValidationFailed(msg("unknown setting '{key}' (known: {known}, carrier.<name>.tracking_url)", key=key,
                                known=known))


def _normalize(key: str, value: str) -> str:
    if key == PRINTER_SETTING:
        return normalize_printer(value)
    if key != "smtp.password" and not is_mail_setting(key):
        raise _unknown(key)
    return normalize_setting(key, value)


class SettingsService(ServiceBase):
    def __init__(self, uow: UnitOfWorkFactory, settings: SettingsCache, company: CompanyService):
        super().__init__(uow, settings)
        self._company = company

    def _stored(self) -> dict[str, str]:
        return {**COMPANY_DEFAULTS, **MAIL_DEFAULTS, **OTHER_DEFAULTS, **self._settings.raw()}

    def list(self, actor: Actor) -> list[SettingDTO]:
        """Every company, mail and printer setting (set or not, with its default) and every carrier's tracking link."""
        self._require(actor, Perm.SETTINGS, "see the settings")
        stored = self._stored()
        known = {**COMPANY_SETTINGS, **MAIL_SETTINGS, **OTHER_SETTINGS}
        out = [SettingDTO(k, stored.get(k, ""), d) for k, d in known.items()]
        out += [SettingDTO(k, v, CARRIER_HELP) for k, v in sorted(stored.items()) if CARRIER_KEY_RE.match(k)]
        return out

    def get(self, actor: Actor, key: str) -> SettingDTO:
        self._require(actor, Perm.SETTINGS, "see the settings")
        key = str(key).strip()
        if key not in COMPANY_SETTINGS and not is_mail_setting(key) and key not in OTHER_SETTINGS:
            raise _unknown(key)
        return SettingDTO(key, self._stored().get(key, ""), _help(key))

    def set(self, actor: Actor, key: str, value: str) -> SettingDTO:
        """Validate and store one setting; bad input names the key and stores nothing. The company's settings need
        the settings permission (manager, admin), what connects the shop to the outside the admin's."""
        key = str(key).strip()
        if key in COMPANY_SETTINGS:
            self._company.update(self._require(actor, Perm.SETTINGS, "change company settings"), **{key: value})
            return SettingDTO(key, self._stored()[key], _help(key))
        self._require(actor, Perm.SYSTEM_SETTINGS, "change the mail, status page and printer settings")
        text = _normalize(key, value)
        with self._uow() as uow:
            old = uow.settings.get_all().get(key)
            edit_stamps.stamp_settings(uow, actor, {key: text}, {}, None)
            uow.settings.set(key, text)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="settings.update",
                             entity="settings", entity_id=key, old={key: old}, new={key: text})
            uow.commit()
        self._settings.invalidate()
        return SettingDTO(key, text, _help(key))

    def set_many(self, actor: Actor, values: dict[str, str], *, shown: dict[str, str] | None = None
                 ) -> tuple[SettingDTO, ...]:
        """Several company settings in one transaction (the Settings dialog's OK): all stored or none. ``shown``:
        what the dialog showed for them; one someone else changed since is refused naming who and when."""
        unknown = [k for k in values if k not in COMPANY_SETTINGS]
        if unknown:
            raise ValidationFailed([f"unknown setting '{k}'" for k in unknown])
        self._company.update_shown(self._require(actor, Perm.SETTINGS, "change company settings"), values, shown)
        stored = self._stored()
        return tuple(SettingDTO(k, stored[k], _help(k)) for k in values)
