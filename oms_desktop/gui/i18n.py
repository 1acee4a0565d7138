"""The GUI's language: Qt translators for our strings (:/i18n/oms_<lang>.qm) and Qt's own (qtbase_<lang>.qm).

The catalogs are Qt Linguist sources in resources/i18n (packaging/i18n.py extracts the strings,
packaging/build_ui.py compiles them into the Qt resources). English is the source language: it needs no
catalog. Widgets take their text when they are built, so the language is installed before a window is made
(sign-in happens in the workstation's last language, the main window in the signed-in user's).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..domain.languages import language_of_locale
from . import resources_rc  # noqa: F401  (registers :/i18n/...)

#: language code -> its name in that language, as offered in the settings
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch"}
SOURCE_LANGUAGE = "en"

_installed: list[QTranslator] = []
_language = SOURCE_LANGUAGE


def language_of(locale: str | None) -> str:
    """The GUI language for a locale such as ``de_DE`` or ``de``: its language if we have it, else English."""
    return language_of_locale(locale)


def install(language: str) -> str:
    """Make ``language`` the application's language; returns the language installed (English if unknown)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install the language after the QApplication is made")
    language = language_of(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != SOURCE_LANGUAGE:
        ours = QTranslator(app)
        if not ours.load(f":/i18n/oms_{language}.qm"):
            raise RuntimeError(f"the {language} catalog is missing from the resources (python packaging/build_ui.py)")
        qt = QTranslator(app)
        # Qt's own strings (standard buttons, file dialogs); a Qt build without them still shows ours
        if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        app.installTranslator(ours)
        _installed.append(ours)
    QLocale.setDefault(QLocale(language if language != SOURCE_LANGUAGE else "en_US"))
    global _language
    _language = language
    return language


def current() -> str:
    """The language installed by :func:`install` (English when none was)."""
    return _language
