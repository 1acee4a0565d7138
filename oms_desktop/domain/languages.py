"""The languages the screens and the documents come in: ISO 639-1 codes, English first (the GUI's source language;
every other language has a Qt Linguist catalog in resources/i18n and a table in adapters/pdf/wording.py).

A user's language (``users.language``) sets their screens; a customer's (``customers.language``) the documents
they get; none means the company locale's language."""
from __future__ import annotations

from .errors import ValidationFailed
from .messages import msg

#: language codes the GUI and the documents are translated into, English first
LANGUAGES: tuple[str, ...] = ("en", "de")
SUPPORTED = LANGUAGES  # the documents' name for the same list


def parse_language(text: str | None) -> str | None:
    """The language code for ``text`` ("de", "DE", "de_DE", "de-AT"); None for an empty text (the company's
    language). Raises ValueError naming the supported languages for any other."""
    code = (text or "").strip()
    if not code:
        return None
    language = code.replace("-", "_").split("_")[0].lower()
    if language not in LANGUAGES:
        raise ValueError(msg("language '{code}' is not supported (choose one of: {choices})", code=code,
                             choices=", ".join(LANGUAGES)))
    return language


def check_language(code: str) -> str:
    """``code`` as stored (``"DE"`` -> ``"de"``); ValidationFailed naming the supported ones when it is not one."""
    value = str(code or "").strip().lower()
    if value not in LANGUAGES:
        raise ValidationFailed(msg("language '{code}' is not supported (one of: {choices})", code=code,
                                   choices=", ".join(LANGUAGES)))
    return value


def language_of_locale(locale: str | None) -> str:
    """The language of a locale such as ``de_DE`` if supported, else English."""
    language = (locale or "").replace("-", "_").split("_")[0].lower()
    return language if language in LANGUAGES else LANGUAGES[0]
