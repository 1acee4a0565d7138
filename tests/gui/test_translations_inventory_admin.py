"""Issue 19, languages: the Inventory and Dashboard tabs and the administrator's dialogs (settings, users, audit
trail, change password) speak German when German is installed. Each screen is built in English and in German in a
state that shows its strings (messages, labels that change, tables with headers); a string that reads the same in
both and is not on the list of words German shares with English was left out of the translation. And the Alt+letters
of each dialog stay unique in German, where the words (and so the letters) are new."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QWidget

from oms_desktop.gui.admin.audit_dialog import ENTITIES, AuditDialog
from oms_desktop.gui.admin.settings_dialog import SettingsDialog
from oms_desktop.gui.admin.users_dialog import ChangePasswordDialog, UsersDialog
from oms_desktop.gui.dashboard import DashboardTab
from oms_desktop.gui.dashboard.forecasts import ForecastSource
from oms_desktop.gui.inventory import InventoryTab
from oms_desktop.gui.inventory.dialogs import PurchasingDialog
from oms_desktop.gui.jobs import JobRunner
from tests.helpers.translations import compare, language

from .test_dashboard import FakeForecasts, settings, shop  # noqa: F401  (settings, shop: the dashboard's fixtures)
from .test_dialog_mnemonics import built, dialog_mnemonics  # noqa: F401  (built: every dialog of the app, a fixture)

pytestmark = [pytest.mark.gui, pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]

#: the audit trail's entity filter offers the codes its Entity column shows (data, like the actions: "order.confirm")
AUDIT_CODES = tuple(e for e in ENTITIES if e)
#: words German writes as English in the inventory's screens
INVENTORY_SAME = ("Barcode", "Problem")
#: the sample catalog's categories (the category filter lists them) and its supplier
INVENTORY_DATA = ("Books", "Lighting", "Lampen Nord GmbH")
#: words German writes as English on the dashboard (the glossary's agent is Agent)
DASHBOARD_SAME = ("Agent",)
INVENTORY_DIALOGS = ("catalog print", "product editor", "new product", "adjust", "stock count", "supplier",
                     "new purchase order", "purchasing", "receive", "supplier invoice", "supplier payment",
                     "import report")


def kept(qtbot, make: Callable[[], QWidget]) -> Callable[[], QWidget]:
    """``make`` whose widgets live until the test ends (compare builds one per language)."""
    def build() -> QWidget:
        widget = make()
        qtbot.addWidget(widget)
        return widget
    return build


def german_clashes(qtbot, make: Callable[[], QDialog]) -> dict[str, int]:
    """The Alt+letters two things answer in the German dialog."""
    with language("de"):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        used = dialog_mnemonics(dialog)
        dialog.hide()
    assert used, "the walk found no Alt+letter at all"
    return {k: n for k, n in used.items() if n > 1}


# ---- administration -------------------------------------------------------------------------------------------------
def test_the_settings_dialog_is_german(qtbot, services, admin):
    jobs = JobRunner(synchronous=True)
    assert compare(kept(qtbot, lambda: SettingsDialog(services, admin, jobs))) == []
    with language("de"):
        dialog = SettingsDialog(services, admin, jobs)
        qtbot.addWidget(dialog)
        # the choices show German words, the stored value stays the code
        assert dialog.fields["prices_include_tax"].currentText() == "nein" and dialog.value("tax_rounding") == "line"
        assert dialog.fields["default_channel"].itemText(0) != "counter"


def test_the_users_dialog_is_german_with_its_messages(qtbot, services, admin):
    jobs = JobRunner(synchronous=True)
    services.auth.add_user(admin, "tom", "agent", "tom-secret-1")
    services.auth.deactivate(admin, "tom")

    def added() -> UsersDialog:
        dialog = UsersDialog(services, admin, jobs)
        dialog.username_edit.setText(f"user{len(services.auth.list_users(admin))}")
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("warehouse"))
        dialog.password_edit.setText("warehouse-secret-1")
        dialog.add_button.click()                       # "Added user2 (warehouse)." in the message line
        dialog.refresh(select="tom")                    # a deactivated user: the button says Activate
        return dialog

    assert compare(kept(qtbot, added)) == []
    with language("de"):
        dialog = UsersDialog(services, admin, jobs)
        qtbot.addWidget(dialog)
        dialog.refresh(select="tom")
        row = dialog.view.currentIndex().row()
        assert (dialog.model.index(row, 2).data(), dialog.model.index(row, 3).data()) == ("Agent", "deaktiviert")
        assert dialog.active_button.text() == "&Aktivieren"


def test_the_change_password_dialog_is_german(qtbot, services, admin):
    def refused() -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(services, admin, JobRunner(synchronous=True))
        dialog.new_edit.setText("brand-new-pw")
        dialog.repeat_edit.setText("brand-new-px")
        dialog.change()                                  # "The two new passwords differ..."
        return dialog

    assert compare(kept(qtbot, refused)) == []


def test_the_audit_viewer_is_german_with_its_pages_and_refusals(qtbot, services, admin, tmp_path):
    services.auth.add_user(admin, "tom", "agent", "tom-secret-1")
    settings = QSettings(str(tmp_path / "export.ini"), QSettings.Format.IniFormat)

    def searched() -> AuditDialog:
        dialog = AuditDialog(services, admin, JobRunner(synchronous=True), settings=settings)
        dialog.from_edit.setText("3.4.2026")
        dialog.search_button.click()                     # the dialog's own refusal: "From '3.4.2026' is not a day"
        return dialog

    assert compare(kept(qtbot, searched), data=AUDIT_CODES) == []
    with language("de"):
        dialog = searched()
        qtbot.addWidget(dialog)
        assert "Von '3.4.2026' ist kein Tag" in dialog.error_label.text()
        assert dialog.page_label.text().startswith("Seite 1: ")


@pytest.mark.parametrize("name", ["settings", "users", "change password", "audit"])
def test_the_admin_dialogs_alt_letters_stay_unique_in_german(qtbot, services, admin, name):
    jobs = JobRunner(synchronous=True)
    make = {"settings": lambda: SettingsDialog(services, admin, jobs),
            "users": lambda: UsersDialog(services, admin, jobs),
            "change password": lambda: ChangePasswordDialog(services, admin, jobs),
            "audit": lambda: AuditDialog(services, admin, jobs)}[name]
    assert german_clashes(qtbot, make) == {}


# ---- inventory ------------------------------------------------------------------------------------------------------
def test_the_inventory_tab_is_german_with_a_product_chosen_and_a_message(qtbot, catalog, admin, tmp_path):
    jobs = JobRunner(synchronous=True)
    csv = tmp_path / "more.csv"
    csv.write_bytes(b"sku,name,unit_price,tax_rate,on_hand\nMUG-01,Mug,4.50,0.19,12\n")

    def shown() -> InventoryTab:
        tab = InventoryTab(catalog, admin, jobs)
        tab.import_file(str(csv))                        # "Imported more.csv: ..." in the message line
        tab.select_sku("BOOK-01")                        # its stock history, its button says Deactivate
        tab.toggle_active()                              # "BOOK-01 is deactivated: ..."; the button: Reactivate
        tab.inactive_check.setChecked(True)
        tab.select_sku("BOOK-01")
        return tab

    assert compare(kept(qtbot, shown), same=INVENTORY_SAME, data=INVENTORY_DATA) == []
    with language("de"):
        tab = shown()
        qtbot.addWidget(tab)
        assert tab.buttons["deactivate"].text() == "Reaktivie&ren"
        assert tab.history_label.text().startswith("Bestandsverlauf von BOOK-01")
        assert tab.count_label.text() == "4 Artikel"
        assert [tab.model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)] == \
            ["SKU", "Name", "Kategorie", "Lagerort"]
        assert tab.model.index(0, 1).data() == "Field guide (inaktiv)"
        assert tab.history_model.index(tab.history_model.rowCount() - 1, 1).data() == "Anfangsbestand"  # "opening"
        tab.show()
        assert dialog_mnemonics(tab) and [k for k, n in dialog_mnemonics(tab).items() if n > 1] == []  # its own


def test_the_purchasing_dialog_is_german_with_its_messages(qtbot, catalog, admin):
    catalog.purchasing.add_supplier(admin, "Lampen Nord GmbH")
    catalog.purchasing.set_preferred_supplier(admin, "LAMP-01", "Lampen Nord GmbH")
    catalog.inventory.adjust_stock(admin, "LAMP-01", -9, "damage")

    def suggested() -> PurchasingDialog:
        dialog = PurchasingDialog(catalog, admin, JobRunner(synchronous=True))
        dialog.suggest()                                 # "1 draft purchase order(s) created or added to."
        catalog.purchasing.cancel_purchase_order(admin, dialog.current.number)  # the next build suggests it again
        dialog.refresh()                                 # the order list shows the status of a cancelled one
        return dialog

    assert compare(kept(qtbot, suggested), same=INVENTORY_SAME, data=INVENTORY_DATA) == []
    with language("de"):
        dialog = suggested()
        qtbot.addWidget(dialog)
        assert dialog.po_model.index(0, 2).data() == "Storniert"
        assert dialog.message_label.text().startswith("1 Bestellentwurf")


@pytest.mark.parametrize("name", INVENTORY_DIALOGS)
def test_the_inventory_dialogs_are_german_and_keep_their_alt_letters_unique(qtbot, built, name):  # noqa: F811
    assert compare(kept(qtbot, built[name]), same=INVENTORY_SAME, data=INVENTORY_DATA) == []
    if name != "import report":                          # a read-only report: no Alt+letter at all
        assert german_clashes(qtbot, built[name]) == {}


# ---- dashboard ------------------------------------------------------------------------------------------------------
def test_the_dashboard_is_german_with_figures_forecasts_and_a_sales_report(qtbot, shop, users, settings):  # noqa: F811
    manager = users["manager"]
    today = shop.dashboard.overview(manager).today

    def shown() -> DashboardTab:
        tab = DashboardTab(shop, manager, JobRunner(synchronous=True), settings=settings,
                           forecasts=ForecastSource(FakeForecasts(today, 50.0), manager))
        tab.resize(1060, 620)
        with qtbot.waitSignal(tab.loaded, timeout=3000):
            tab.show()                                   # tiles, charts, the forecast's title, the stock-out table
        with qtbot.waitSignal(tab.report.report_loaded, timeout=3000):
            tab.report.run()                             # the report's summary line
        return tab

    assert compare(kept(qtbot, shown), same=DASHBOARD_SAME) == []
    with language("de"):
        tab = shown()
        qtbot.addWidget(tab)
        assert "Alle Kanäle: 3 Aufträge" in tab.tiles.accessibleDescription()
        assert "Theke: 1 Aufträge" in tab.tiles.accessibleDescription()
        assert "Prognose (AutoETS)" in [s.name() for s in tab.sales_chart.chart.series()]
        assert tab.pages.tabText(1) == "Umsatzbericht" and tab.report.by_combo.currentText() == "Tag"
        assert tab.report.summary_label.text().startswith("Nach Tag, ")
        assert tab.report.table.item(tab.report.table.rowCount() - 1, 0).text() == "Summe"
        assert tab.stock_panel.table.horizontalHeaderItem(1).text() == "Artikel"
        tab.pages.setCurrentWidget(tab.report)
        assert dialog_mnemonics(tab) and [k for k, n in dialog_mnemonics(tab).items() if n > 1] == []
    with language("en"):
        assert tab.stock_panel.columns[1] == "Product"  # the CSV's header stays English


def test_the_dashboard_says_forecasts_are_not_available_in_german(qtbot, shop, users, settings,  # noqa: F811
                                                                  monkeypatch):
    monkeypatch.setattr(ForecastSource, "of", classmethod(lambda cls, services, actor: None))

    def without() -> DashboardTab:
        tab = DashboardTab(shop, users["manager"], JobRunner(synchronous=True), settings=settings)
        tab.report.export_csv()                          # "Run the report first (Enter), then export it."
        return tab

    assert compare(kept(qtbot, without), same=DASHBOARD_SAME) == []
    with language("de"):
        tab = without()
        qtbot.addWidget(tab)
        assert tab.stock_panel.note_label.text().startswith("Prognosen sind nicht verfügbar")
