"""The languages a user may choose for the screens (``users.language``; none: the company's locale's language).

English is the source language of the GUI; every other language has a Qt Linguist catalog in resources/i18n."""
from __future__ import annotations

#: language codes (ISO 639-1) the GUI is translated into, English first
LANGUAGES: tuple[str, ...] = ("en", "de")


def parse_language(text: str | None) -> str | None:
    """The language code for ``text`` ("de", "DE", "de_DE", "de-AT"); None for an empty text (the company's
    language). Raises ValueError naming the supported languages for any other."""
    code = (text or "").strip()
    if not code:
        return None
    language = code.replace("-", "_").split("_")[0].lower()
    if language not in LANGUAGES:
        raise ValueError(f"language '{code}' is not supported (choose one of: {', '.join(LANGUAGES)})")
    return language


def language_of_locale(locale: str | None) -> str:
    """The language of a locale such as ``de_DE`` if supported, else English."""
    language = (locale or "").replace("-", "_").split("_")[0].lower()
    return language if language in LANGUAGES else LANGUAGES[0]
