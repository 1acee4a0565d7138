"""Which language the screens speak (issue 19): the sign-in dialog this workstation's last language or the company
locale's; after sign-in the user's own (or the company's), installed before the main window is built and remembered
for the next sign-in; File > Language stores a user's choice and asks for the window again in it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog

from oms_desktop.gui import i18n
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.login import LANGUAGE_KEY, install_user_language, sign_in_language, user_language
from oms_desktop.gui.main_window import MainWindow

SQLITE = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    yield
    i18n.install(i18n.SOURCE_LANGUAGE)


def test_the_sign_in_speaks_the_workstations_last_language_else_the_company_locales(tmp_path):
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    assert sign_in_language(settings, "de_DE") == "de"
    assert sign_in_language(settings, "en_GB") == "en"
    assert sign_in_language(settings, "fr_FR") == "en"  # no French catalog: English
    settings.setValue(LANGUAGE_KEY, "en")
    assert sign_in_language(settings, "de_DE") == "en"


@SQLITE
def test_after_sign_in_the_users_language_is_installed_and_remembered(services, users, tmp_path):
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    agent = users["agent"]
    assert user_language(agent, "de_AT") == "de"  # no choice of their own: the company's
    assert install_user_language(agent, "en_US", settings) == "en" and i18n.current() == "en"
    services.auth.set_language(agent, "agent", "de")
    agent = services.auth.sign_in("agent", "agent-pw")
    assert install_user_language(agent, "en_US", settings) == "de" and i18n.current() == "de"
    assert settings.value(LANGUAGE_KEY) == "de" and sign_in_language(settings, "en_US") == "de"


@SQLITE
def test_file_language_stores_the_choice_and_asks_for_the_window_again_in_it(qtbot, catalog, users, window_settings,
                                                                              monkeypatch):
    window = MainWindow(catalog, users["agent"], database="test", jobs=JobRunner(synchronous=True),
                        settings=window_settings)
    qtbot.addWidget(window)
    assert window.language_action in window.ui.file_menu.actions()
    asked: list[list[str]] = []

    def answer(_parent, _title, _label, names, _current, _editable):
        asked.append(list(names))
        return "Deutsch", True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(answer))
    with qtbot.waitSignal(window.language_changed) as changed:
        window.language_action.trigger()
    assert asked == [["English", "Deutsch"]] and changed.args == ["de"]
    assert catalog.auth.sign_in("agent", "agent-pw").language == "de" and window.actor.language == "de"
    i18n.install("de")
    with qtbot.assertNotEmitted(window.language_changed):  # the language shown already: nothing to rebuild
        window.set_language("de")


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # run_window raises the window (offscreen: no)
def test_the_app_builds_the_window_again_in_the_language_chosen_in_it(qtbot, qapp, sqlite_backend, sqlite_url,
                                                                       monkeypatch):
    """app.run_window ends with the language chosen in File > Language (the app then installs it and builds the
    window again for the same user, without a sign-in)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from oms_desktop import app
    services = sqlite_backend.services
    services.auth.add_user(None, "admin", "admin", "admin-pw")
    actor = services.auth.sign_in("admin", "admin-pw")
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *_a: ("Deutsch", True)))

    def choose() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        window.language_action.trigger()

    QTimer.singleShot(300, choose)
    QTimer.singleShot(30000, qapp.quit)  # never waits for ever
    assert app.run_window(qapp, services, sqlite_backend, sqlite_url, actor) == ("de", 0)
    assert services.auth.sign_in("admin", "admin-pw").language == "de"
