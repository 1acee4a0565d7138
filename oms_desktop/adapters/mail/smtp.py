"""SMTP over smtplib: STARTTLS, implicit TLS or plain, with a login whose password comes from the environment
(``OMS_SMTP_PASSWORD``) or the system keyring, never from the database."""
from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Callable

from ...services.mail_docs import MailDeliveryError, SmtpConfig

KEYRING_SERVICE = "oms-desktop"


def smtp_password(user: str) -> str | None:
    """``OMS_SMTP_PASSWORD``, else the keyring's entry for (``oms-desktop``, ``user``), else None."""
    password = os.environ.get("OMS_SMTP_PASSWORD")
    if password:
        return password
    try:
        import keyring
        import keyring.errors
        try:
            return keyring.get_password(KEYRING_SERVICE, user)
        except keyring.errors.KeyringError:
            return None
    except ImportError:
        return None


def _answer(code: int, reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return f"{code} {text.strip()}"


class SmtpSession:
    def __init__(self, smtp: smtplib.SMTP, where: str):
        self._smtp = smtp
        self._where = where

    def send(self, sender: str, recipient: str, data: bytes, before_data: Callable[[], None]) -> None:
        s = self._smtp
        try:
            code, reply = s.mail(sender)
            if code != 250:
                s.rset()
                raise MailDeliveryError(f"{self._where} refused the sender {sender}: {_answer(code, reply)}",
                                        permanent=code >= 500)
            code, reply = s.rcpt(recipient)
            if code not in (250, 251):
                s.rset()
                raise MailDeliveryError(f"{self._where} refused the recipient {recipient}: {_answer(code, reply)}",
                                        permanent=code >= 500)
        except (smtplib.SMTPException, OSError) as e:
            raise MailDeliveryError(f"{self._where}: {type(e).__name__}: {e}") from e
        before_data()
        try:
            code, reply = s.data(data)
        except smtplib.SMTPResponseException as e:  # refused before the message went out (no 354)
            raise MailDeliveryError(f"{self._where} refused the message: {_answer(e.smtp_code, e.smtp_error)}",
                                    permanent=e.smtp_code >= 500) from e
        except (smtplib.SMTPException, OSError) as e:  # the connection broke with the message on its way
            raise MailDeliveryError(f"{self._where}: no answer after the message was sent ({type(e).__name__}: "
                                    f"{e})", uncertain=True) from e
        if code != 250:
            raise MailDeliveryError(f"{self._where} refused the message: {_answer(code, reply)}",
                                    permanent=code >= 500)

    def close(self) -> None:
        try:
            self._smtp.quit()
        except (smtplib.SMTPException, OSError):
            self._smtp.close()


class SmtpTransport:
    """Opens one SMTP session per sending run; ``timeout`` bounds every network wait (seconds)."""

    def __init__(self, password: Callable[[str], str | None] = smtp_password, timeout: float = 60.0):
        self._password = password
        self.timeout = timeout

    def open(self, config: SmtpConfig) -> SmtpSession:
        where = f"SMTP server {config.host}:{config.port}"
        smtp: smtplib.SMTP | None = None
        try:
            if config.security == "tls":
                smtp = smtplib.SMTP_SSL(config.host, config.port, timeout=self.timeout,
                                        context=ssl.create_default_context())
            else:
                smtp = smtplib.SMTP(config.host, config.port, timeout=self.timeout)
                if config.security == "starttls":
                    smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo_or_helo_if_needed()
            if config.user:
                password = self._password(config.user)
                if password is None:
                    raise MailDeliveryError(f"no SMTP password for {config.user}: store it in the system keyring "
                                            f"(service '{KEYRING_SERVICE}') or set OMS_SMTP_PASSWORD")
                smtp.login(config.user, password)
        except smtplib.SMTPAuthenticationError as e:
            _close(smtp)
            raise MailDeliveryError(f"{where} refused the login of {config.user}: "
                                    f"{_answer(e.smtp_code, e.smtp_error)}") from e
        except MailDeliveryError:
            _close(smtp)
            raise
        except (smtplib.SMTPException, OSError) as e:
            _close(smtp)
            raise MailDeliveryError(f"cannot reach {where}: {type(e).__name__}: {e}") from e
        return SmtpSession(smtp, where)


def _close(smtp: smtplib.SMTP | None) -> None:
    if smtp is not None:
        try:
            smtp.close()
        except OSError:
            pass
