"""The German catalog (issue 19): every message of resources/i18n/*.ts translated, keeping its placeholders and
plural forms; every status, channel and role code with its German word; and the Orders tab, the open-carts board,
the sign-in dialog and the main window's menus built in English and in German, in several states, with no
user-visible string left in English. The Orders tab's Alt+letters stay unique in German too."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu

from oms_desktop.gui import i18n, labels
from oms_desktop.gui.carts import CartsTab
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.login import LoginDialog
from oms_desktop.gui.main_window import MainWindow
from oms_desktop.gui.order_entry import OrderEntryTab
from tests.helpers.translations import compare, language

from .test_dialog_mnemonics import NO_LETTERS, built, dialog_mnemonics  # noqa: F401 - built: the fixture
from .test_dialog_mnemonics import clashes as dialog_clashes
from .test_keyboard_clashes import clashes

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")
SQLITE = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)

#: words German writes as English on these screens, each with its reason
SAME = {
    "E&xpress": "Express is the German word too",
    "  EXPRESS": "the mark of an express order, as printed on its pick list",
    "Agent": "the glossary's word for a phone agent",
}


def _messages() -> list[tuple[str, str, ET.Element]]:
    found = []
    for path in sorted(I18N.glob("oms_*_*.ts")):
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                found.append((f"{path.name} {name}", message.findtext("source", ""), message))
    return found


def test_every_message_has_a_finished_translation_with_the_sources_placeholders():
    messages = _messages()
    assert {Path(p.split()[0]).stem for p, _s, _m in messages} >= {"oms_de_main", "oms_de_orders"}
    problems = []
    for where, source, message in messages:
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where}: {source!r} is not translated")
            continue
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.iter("numerusform")]
            if len(forms) != 2 or not all(forms):
                problems.append(f"{where}: {source!r} needs two plural forms, has {forms}")
        else:
            forms = [translation.text or ""]
            if not forms[0]:
                problems.append(f"{where}: {source!r} has an empty translation")
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{where}: {form!r} does not keep the placeholders of {source!r}")
            if form.replace("&&", "").count("&") > 1 or ("&" in source.replace("&&", "")) != (
                    "&" in form.replace("&&", "")):
                problems.append(f"{where}: {form!r} must have an Alt+letter exactly where {source!r} has one")
    assert problems == []


def test_every_status_channel_and_role_code_has_its_german_word(qapp):
    english = {code: labels.label(code) for code in labels.codes()}
    with language("de"):
        german = {code: labels.label(code) for code in labels.codes()}
    assert [code for code in english if german[code] == english[code]] == []


@pytest.fixture
def shop(catalog, users, customer):
    return catalog


def _orders_tab(qtbot, shop, actor) -> OrderEntryTab:
    tab = OrderEntryTab(shop, actor, JobRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.show_tracking = lambda _order: None  # modal
    tab.resize(1366, 700)
    tab.show()
    return tab


def _with_lines(qtbot, shop, users, customer) -> OrderEntryTab:
    tab = _orders_tab(qtbot, shop, users["agent"])
    tab.set_customer(customer)
    for code in ("2*LAMP-01", "BOOK-01"):
        tab.product_edit.setText(code)
        tab.add_typed_product()
    assert len(tab.order.lines) == 2
    return tab


#: what the screens show of the sample data (names, SKUs, addresses): the same in any language
def _data(shop, users, customer) -> list[str]:
    products = shop.catalog.search(users["admin"], "", limit=50)
    return [customer.name, *(p.name for p in products), *(p.sku for p in products), *customer.phones,
            customer.email, customer.billing_address.replace("\n", ", "), customer.billing_address.replace("\n", "\\n")]


def _untranslated(problems: list[str], data: list[str]) -> list[str]:
    """The problems left once strings made only of the data (and punctuation, numbers) are set aside."""
    left = []
    for line in problems:
        text = line.split(": ", 1)[1]
        for item in sorted(data, key=len, reverse=True):
            text = text.replace(item, "") if item else text
        # order, customer and tracking numbers, currency codes, HTML spaces
        # (tracking numbers first: "TR52-H336-JBEK" read as two order numbers would leave "JBEK" behind)
        text = re.sub(r"\b[A-Z0-9]{4}(?:-[A-Z0-9]{4})+\b|\b[A-Z]+-?\d+\b|\b[A-Z]{3}\b|&nbsp;", "", text)
        if re.search(r"[A-Za-z]{2,}", text.replace("\\n", " ")):
            left.append(line)
    return left


@SQLITE
def test_the_orders_tab_in_german_leaves_nothing_in_english(qtbot, shop, users, customer):
    data = _data(shop, users, customer)
    problems = compare(lambda: _orders_tab(qtbot, shop, users["agent"]), same=SAME)
    problems += compare(lambda: _with_lines(qtbot, shop, users, customer), same=SAME, include_items=False)

    def offered() -> OrderEntryTab:
        tab = _with_lines(qtbot, shop, users, customer)
        offer = shop.carts.offer(users["manager"], tab.order.id, percent="10", expected_version=tab.order.version)
        data.append(offer.incentive.label)  # the service's words for the offer (services stay English for now)
        tab.reload_order()
        assert tab.offer_banner.isVisibleTo(tab)
        return tab

    problems += compare(offered, same=SAME)

    def new_customer_form() -> OrderEntryTab:
        tab = _orders_tab(qtbot, shop, users["agent"])
        tab.start_new_customer()
        return tab

    problems += compare(new_customer_form, same=SAME)
    assert _untranslated(problems, data) == []


@SQLITE
def test_the_open_carts_board_in_german_leaves_nothing_in_english(qtbot, shop, users, customer):
    data = _data(shop, users, customer) + ["manager", "agent", "admin"]  # user names, not roles

    def board() -> CartsTab:
        _with_lines(qtbot, shop, users, customer)
        tab = CartsTab(shop, users["manager"], JobRunner(synchronous=True))
        qtbot.addWidget(tab)
        with qtbot.waitSignal(tab.board_loaded, timeout=3000):
            tab.show()
        assert tab.model.rowCount() >= 1
        return tab

    assert _untranslated(compare(board, same=SAME, include_items=True), data) == []


@SQLITE
def test_the_sign_in_dialog_and_the_main_windows_menus_in_german_leave_nothing_in_english(qtbot, shop, users,
                                                                                        window_settings):
    def login() -> LoginDialog:
        dialog = LoginDialog(shop, "SQLite test.db")
        qtbot.addWidget(dialog)
        return dialog

    assert _untranslated(compare(login), ["SQLite test.db"]) == []

    def window() -> MainWindow:
        w = MainWindow(shop, users["admin"], database="test", jobs=JobRunner(synchronous=True),
                       settings=window_settings)
        qtbot.addWidget(w)
        return w

    def menus() -> QMenu:  # the menu bar's menus, their actions, the tab titles and the status bar
        w = window()
        holder = QMenu()
        qtbot.addWidget(holder)
        for action in w.menuBar().actions():
            holder.addAction(action)
            for inner in action.menu().actions():
                holder.addAction(inner)
        for i in range(w.ui.tabs.count()):
            holder.addAction(w.ui.tabs.tabText(i)).setToolTip(w.ui.tabs.tabToolTip(i))
        holder.addAction(w.user_label.text())
        holder.addAction(w.activity_dock.windowTitle())
        return holder

    data = ["Ada Admin", "test", "OMS Desktop"]
    assert _untranslated(compare(menus), data) == []


@SQLITE
@pytest.mark.parametrize("role", ["agent", "counter", "manager"])
@pytest.mark.parametrize("code", ["en", "de"])
def test_the_orders_tab_keeps_one_meaning_per_alt_letter_in_each_language(qtbot, catalog, users, code, role,
                                                                           window_settings):
    with language(code):
        window = MainWindow(catalog, users[role], database="test", jobs=JobRunner(synchronous=True),
                            settings=window_settings)
        qtbot.addWidget(window)
        window.show()
        window.ui.tabs.setCurrentIndex(0)
        assert i18n.current() == code and clashes(window) == {}
        window.order_entry.start_new_customer()  # the new-customer form brings its own letters
        assert window.order_entry.new_customer_box.isVisibleTo(window) and clashes(window) == {}


#: the dialogs of the sign-in, the main window's File menu and the Orders tab and carts board (test_dialog_mnemonics
#: builds them); the print preview's words are Qt's own
DIALOGS = ("login", "first run", "backups", "order import", "offer (percent)", "offer (amount)", "offer (shipping)",
           "offer (coupon)", "keyboard help", "customer edit", "order amend", "ship to", "tracking", "shortage",
           "drafts", "customer merge")


@SQLITE
def test_the_dialogs_in_german_leave_nothing_in_english_and_keep_one_meaning_per_alt_letter(qtbot, built, catalog,
                                                                                           users, customer):
    data = _data(catalog, users, customer) + ["test"]
    left, clashing = {}, {}
    for name in DIALOGS:
        def make(name=name):
            dialog = built[name]()
            qtbot.addWidget(dialog)
            dialog.show()
            return dialog

        left[name] = _untranslated(compare(make, same=SAME), data)
        with language("de"):
            dialog = make()
            clashing[name] = dialog_clashes(dialog)
            assert dialog_mnemonics(dialog) or name in NO_LETTERS, name
            dialog.hide()
    assert {name: found for name, found in left.items() if found} == {}
    assert {name: found for name, found in clashing.items() if found} == {}


def test_the_live_activity_lines_are_in_german_too(qapp):
    from datetime import datetime, timezone

    from oms_desktop.gui.main_window import describe_event
    from oms_desktop.services.dto import EventDTO

    kinds = {"cart_item_added": dict(quantity=2, sku="LAMP-01", customer="Anna Schmidt", value="47.58", currency="EUR"),
             "cart_opened": dict(channel="phone"), "order_confirmed": dict(total="12.5", currency="EUR",
                                                                         tracking_number="7K3D-9XQ2-M4PA"),
             "stock_low": dict(sku="LAMP-01", available=1), "picklist_created": dict(number="PL-000001", lines=3),
             "payment_received": dict(amount="12.5", currency="EUR", method="card")}

    def lines() -> list[str]:
        return [describe_event(EventDTO(id=1, kind=kind, at=datetime.now(timezone.utc), username="anna", order_id=42,
                                        product_id=None, payload=payload), "en_US")
                for kind, payload in kinds.items()]

    english = lines()
    with language("de"):
        german = lines()
    assert [en for en, de in zip(english, german) if en == de] == []
    assert german[0].startswith("anna legte 2 x LAMP-01 in Warenkorb SO-000042 von Anna Schmidt")
