"""The settings ``oms settings`` reads and writes: SMTP, the status page's address, the carriers' tracking links
(company settings such as the name or currency stay with ``CompanyService``)."""
from __future__ import annotations

from ..domain.errors import ValidationFailed
from ..domain.mail import CARRIER_KEY_RE, MAIL_DEFAULTS, MAIL_SETTINGS, is_mail_setting, normalize_setting
from ..domain.roles import Perm
from .base import ServiceBase
from .dto import Actor
from .mail_docs import SettingDTO

CARRIER_HELP = "the carrier's tracking page, {ref} standing for the parcel's reference"


class SettingsService(ServiceBase):
    def list(self, actor: Actor) -> list[SettingDTO]:
        """Every mail setting (set or not, with its default) and every carrier's tracking link."""
        self._require(actor, Perm.SETTINGS, "see the settings")
        stored = {**MAIL_DEFAULTS, **self._settings.raw()}
        out = [SettingDTO(k, stored.get(k, ""), d) for k, d in MAIL_SETTINGS.items()]
        out += [SettingDTO(k, v, CARRIER_HELP) for k, v in sorted(stored.items()) if CARRIER_KEY_RE.match(k)]
        return out

    def get(self, actor: Actor, key: str) -> SettingDTO:
        self._require(actor, Perm.SETTINGS, "see the settings")
        key = str(key).strip()
        if not is_mail_setting(key):
            raise ValidationFailed(f"unknown setting '{key}' (known: {', '.join(MAIL_SETTINGS)}, "
                                   "carrier.<name>.tracking_url)")
        stored = {**MAIL_DEFAULTS, **self._settings.raw()}
        return SettingDTO(key, stored.get(key, ""), MAIL_SETTINGS.get(key, CARRIER_HELP))

    def set(self, actor: Actor, key: str, value: str) -> SettingDTO:
        """Validate and store one setting (admin only); bad input names the key and stores nothing."""
        self._require(actor, Perm.SYSTEM_SETTINGS, "change the mail and status page settings")
        key = str(key).strip()
        text = normalize_setting(key, value)
        with self._uow() as uow:
            old = uow.settings.get_all().get(key)
            uow.settings.set(key, text)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="settings.update",
                             entity="settings", entity_id=key, old={key: old}, new={key: text})
            uow.commit()
        self._settings.invalidate()
        return SettingDTO(key, text, MAIL_SETTINGS.get(key, CARRIER_HELP))
