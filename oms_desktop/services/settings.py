"""The settings ``oms settings`` reads and writes: SMTP, the status page's address, the carriers' tracking links,
the counter's receipt printer (company settings such as the name or currency stay with ``CompanyService``)."""
from __future__ import annotations

from ..domain.errors import ValidationFailed
from ..domain.mail import CARRIER_KEY_RE, MAIL_DEFAULTS, MAIL_SETTINGS, is_mail_setting, normalize_setting
from ..domain.printing import PRINTER_HELP, PRINTER_SETTING, normalize_printer
from ..domain.roles import Perm
from .base import ServiceBase
from .dto import Actor
from .mail_docs import SettingDTO

CARRIER_HELP = "the carrier's tracking page, {ref} standing for the parcel's reference"
OTHER_SETTINGS = {PRINTER_SETTING: PRINTER_HELP}
OTHER_DEFAULTS = {PRINTER_SETTING: "none"}


def _help(key: str) -> str:
    return MAIL_SETTINGS.get(key) or OTHER_SETTINGS.get(key) or CARRIER_HELP


def _normalize(key: str, value: str) -> str:
    if key == PRINTER_SETTING:
        return normalize_printer(value)
    if key != "smtp.password" and not is_mail_setting(key):
        raise ValidationFailed(f"unknown setting '{key}' (known: {', '.join([*MAIL_SETTINGS, *OTHER_SETTINGS])}, "
                               "carrier.<name>.tracking_url)")
    return normalize_setting(key, value)


class SettingsService(ServiceBase):
    def list(self, actor: Actor) -> list[SettingDTO]:
        """Every mail setting (set or not, with its default) and every carrier's tracking link."""
        self._require(actor, Perm.SETTINGS, "see the settings")
        stored = {**MAIL_DEFAULTS, **OTHER_DEFAULTS, **self._settings.raw()}
        out = [SettingDTO(k, stored.get(k, ""), d) for k, d in {**MAIL_SETTINGS, **OTHER_SETTINGS}.items()]
        out += [SettingDTO(k, v, CARRIER_HELP) for k, v in sorted(stored.items()) if CARRIER_KEY_RE.match(k)]
        return out

    def get(self, actor: Actor, key: str) -> SettingDTO:
        self._require(actor, Perm.SETTINGS, "see the settings")
        key = str(key).strip()
        if not is_mail_setting(key) and key not in OTHER_SETTINGS:
            raise ValidationFailed(f"unknown setting '{key}' (known: {', '.join([*MAIL_SETTINGS, *OTHER_SETTINGS])}, "
                                   "carrier.<name>.tracking_url)")
        stored = {**MAIL_DEFAULTS, **OTHER_DEFAULTS, **self._settings.raw()}
        return SettingDTO(key, stored.get(key, ""), _help(key))

    def set(self, actor: Actor, key: str, value: str) -> SettingDTO:
        """Validate and store one setting (admin only); bad input names the key and stores nothing."""
        self._require(actor, Perm.SYSTEM_SETTINGS, "change the mail, status page and printer settings")
        key = str(key).strip()
        text = _normalize(key, value)
        with self._uow() as uow:
            old = uow.settings.get_all().get(key)
            uow.settings.set(key, text)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="settings.update",
                             entity="settings", entity_id=key, old={key: old}, new={key: text})
            uow.commit()
        self._settings.invalidate()
        return SettingDTO(key, text, _help(key))
