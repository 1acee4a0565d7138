"""The manager's dashboard (issue 14, part 3): the figures shown are the services' (compared with the sales report and
the orders, not with numbers written here), an order confirmed on another workstation shows after the feed delivers
it, the forecast and its band once a ForecastDTO is given, exports (PNG of a chart, its data as CSV), the sales report
view's totals, and the refusal for a role without the permission."""
from __future__ import annotations

import csv
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from PySide6.QtCharts import QAreaSeries
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage

from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.bootstrap import open_backend
from oms_desktop.gui.dashboard import DashboardTab
from oms_desktop.gui.dashboard.export import LAST_FOLDER, start_folder
from oms_desktop.gui.dashboard.forecasts import NOT_AVAILABLE, ForecastSource
from oms_desktop.gui.event_feed import EventFeed
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.services.forecast_dto import (BacktestDTO, ForecastDTO, ForecastPointDTO, PeriodValueDTO,
                                               StockCoverDTO)


@pytest.fixture
def db_url(tmp_path) -> str:
    """SQLite only: the widgets show what the service returns, and the service's figures are tested on both
    databases (tests/integration/test_dashboard.py)."""
    return f"sqlite:///{tmp_path / 'oms.db'}"


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "dashboard.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def shop(catalog, users, customer):
    s, agent, counter = catalog, users["agent"], users["counter"]
    s.orders.place_order(agent, customer.id, [("LAMP-01", 2), ("BOOK-01", 1)])
    s.orders.place_order(agent, None, [("BULB-E27", 3)])
    s.orders.place_order(counter, None, [("LAMP-01", 1)], channel="counter")
    return s


class FakeForecasts:
    """The forecast service's three calls, answering with DTOs built here from today's figures."""

    def __init__(self, today, base: float):
        self.today, self.base = today, base
        self.refreshed = 0

    def forecast(self, actor, *, sku=None, category=None, total=False, weeks=8, freq="week", measure="units"):
        days = weeks * 7
        points = tuple(ForecastPointDTO(self.today + timedelta(days=i), self.base + i, self.base / 2 + i,
                                        self.base * 2 + i) for i in range(1, days + 1))
        return ForecastDTO("total", "", "All products", freq, measure, "AutoETS", 80,
                           (PeriodValueDTO(self.today, self.base),), points,
                           BacktestDTO(8, 7, 0.71, 12.5, 1.0, 18.0), datetime.now(timezone.utc))

    def stock_cover(self, actor, *, limit=None, at_risk_days=None):
        return [StockCoverDTO("LAMP-01", "Desk lamp", 10, 8, 0, 2.0, 4.0, self.today + timedelta(days=4), None,
                              "AutoETS")]

    def refresh(self, actor, *, job=None):
        self.refreshed += 1


def _tab(qtbot, services, actor, settings, **kw) -> DashboardTab:
    tab = DashboardTab(services, actor, JobRunner(synchronous=True), settings=settings, **kw)
    qtbot.addWidget(tab)
    tab.resize(1060, 620)
    with qtbot.waitSignal(tab.loaded, timeout=3000):
        tab.show()
    return tab


def test_the_tiles_and_charts_show_the_services_figures(qtbot, shop, users, settings):
    manager = users["manager"]
    tab = _tab(qtbot, shop, manager, settings)
    d = tab.dashboard
    report = shop.sales.report(manager, by="channel", start=d.today, end=d.today, top=10)
    assert d.total.today == report.total.figures and d.total.today.orders == 3
    tile_text = tab.tiles.accessibleDescription()
    assert "All channels: 3 orders" in tile_text and "Counter: 1 orders" in tile_text
    revenue = next(s for s in tab.sales_chart.chart.series() if s.name() == "Net revenue")
    assert revenue.count() == len(d.days) == 56
    assert Decimal(str(revenue.at(revenue.count() - 1).y())) == report.total.figures.net
    assert [r[0] for r in tab.top_chart.csv_rows] == [r.key for r in report.top_products]
    assert tab.forecasts.stock_cover() == tab.stock == []  # one day of sales: nothing is projected to run out
    assert tab.stock_panel.note_label.text() == "No product is projected to run out soon."
    assert "1 open cart" not in tab.carts_panel.summary_label.text()  # no cart in this shop
    assert "<b>0</b> open carts" in tab.carts_panel.summary_label.text()


def test_without_a_forecast_service_the_panels_say_so_and_the_rest_works(qtbot, shop, users, settings, monkeypatch):
    monkeypatch.setattr(ForecastSource, "of", classmethod(lambda cls, services, actor: None))
    tab = _tab(qtbot, shop, users["manager"], settings)
    assert tab.forecasts is None and tab.dashboard.total.today.orders == 3
    assert tab.stock_panel.note_label.text().startswith(NOT_AVAILABLE)


def test_an_order_confirmed_on_another_workstation_shows_after_the_feed_delivers_it(qtbot, shop, users, settings,
                                                                                   backend, db_url, paths):
    manager = users["manager"]
    feed = EventFeed(lambda after: shop.events.since(manager, after), shop.events.last_id())
    tab = _tab(qtbot, shop, manager, settings)
    tab.refresh_interval_ms = 50
    feed.events_arrived.connect(tab.on_events)
    before = tab.dashboard.total.today
    other = open_backend(db_url, paths=paths, hasher=fast_test_hasher(), migrate=False)
    try:
        agent = other.services.auth.sign_in("agent", "agent-pw")
        placed = other.services.orders.place_order(agent, None, [("LAMP-01", 4)])
    finally:
        other.dispose()
    assert tab.dashboard.total.today == before  # nothing changes before the feed says so
    with qtbot.waitSignal(tab.loaded, timeout=3000):
        assert feed.poll_now()
    after = tab.dashboard.total.today
    assert after.orders == before.orders + 1 and after.net == before.net + placed.net
    assert "All channels: 4 orders" in tab.tiles.accessibleDescription()


def test_events_in_a_burst_refresh_once_and_not_before_the_interval(qtbot, shop, users, settings):
    tab = _tab(qtbot, shop, users["manager"], settings)
    placed = shop.orders.place_order(users["agent"], None, [("BULB-E27", 1)])
    batch = shop.events.since(users["manager"], 0)
    assert any(e.order_id == placed.id for e in batch)
    tab.refresh_interval_ms = 400
    started = time.monotonic()
    with qtbot.waitSignal(tab.loaded, timeout=3000):
        tab.refresh()  # the last refresh: the burst's may come no sooner than 400 ms after it started
    shown = []
    tab.loaded.connect(lambda _dto: shown.append(time.monotonic()))
    for _ in range(5):
        tab.on_events(batch)
    assert shown == []  # debounced: nothing read while the burst comes in
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=3000)
    qtbot.wait(100)
    assert len(shown) == 1 and shown[0] - started >= 0.4  # once, and not before the interval (a lower bound only)


def test_the_forecast_and_its_band_and_the_stock_outs_show_once_given(qtbot, shop, users, settings):
    manager = users["manager"]
    today = shop.dashboard.overview(manager).today
    fake = FakeForecasts(today, 50.0)
    tab = _tab(qtbot, shop, manager, settings, forecasts=ForecastSource(fake, manager))
    names = [s.name() for s in tab.sales_chart.chart.series()]
    assert "Forecast (AutoETS)" in names and "80 % interval" in names
    band = next(s for s in tab.sales_chart.chart.series() if isinstance(s, QAreaSeries))
    assert band.upperSeries().count() == 28 and band.upperSeries().at(0).y() == 100.0 + 1
    assert band.lowerSeries().at(0).y() == 25.0 + 1
    assert tab.stock_panel.rows[0][:2] == ("LAMP-01", "Desk lamp")
    assert "MASE 0.71 (seasonal naive 1.00)" in tab.sales_chart.title_label.text()
    placed = shop.orders.place_order(users["agent"], None, [("BULB-E27", 1)])
    order_events = [e for e in shop.events.since(manager, 0) if e.order_id == placed.id]
    tab.on_events(order_events)
    tab.on_events(order_events)
    assert fake.refreshed == 1  # once: the next not before forecast_interval_ms
    tab.forecast_interval_ms = 0
    tab.on_events(order_events)
    assert fake.refreshed == 2


def test_export_png_writes_a_png_and_csv_the_charts_data_in_the_last_folder(qtbot, shop, users, settings,
                                                                            tmp_path):
    tab = _tab(qtbot, shop, users["manager"], settings)
    png = tab.sales_chart.export_png(tmp_path / "sales.png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 100 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    out = tab.top_chart.export_csv(tmp_path / "top.csv")
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    d = tab.dashboard
    assert rows[0] == ["sku", "name", "units", "orders", "net_revenue"]
    assert [(r[0], Decimal(r[4])) for r in rows[1:]] == [(t.sku, t.figures.net) for t in d.top_products]
    assert settings.value(LAST_FOLDER) == str(tmp_path) and start_folder(settings) == str(tmp_path)
    by_day = tab.sales_chart.export_csv(tmp_path / "days.csv").read_text(encoding="utf-8").splitlines()
    assert len(by_day) == 1 + len(d.days)


def test_ctrl_s_on_a_focused_chart_asks_where_and_saves(qtbot, shop, users, settings, tmp_path, monkeypatch):
    tab = _tab(qtbot, shop, users["manager"], settings)
    asked = []

    def choose(parent, caption, start, pattern):
        asked.append(start)
        return str(tmp_path / "chosen"), pattern
    monkeypatch.setattr("oms_desktop.gui.dashboard.export.QFileDialog.getSaveFileName", choose)
    tab.activateWindow()
    tab.top_chart.view.setFocus()
    qtbot.waitUntil(lambda: tab.top_chart.view.hasFocus())
    with qtbot.waitSignal(tab.top_chart.exported, timeout=2000) as blocker:
        qtbot.keyClick(tab.top_chart.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [str(tmp_path / "chosen.png")] and (tmp_path / "chosen.png").exists()
    assert asked and asked[0].endswith("top_products.png")


def test_the_sales_report_views_totals_equal_the_services(qtbot, shop, users, settings, tmp_path):
    manager = users["manager"]
    tab = _tab(qtbot, shop, manager, settings)
    view = tab.report
    tab.pages.setCurrentWidget(view)
    view.by_combo.setCurrentText("product")
    with qtbot.waitSignal(view.report_loaded, timeout=3000):
        view.run()
    shown = view.report
    expected = shop.sales.report(manager, by="product", start=shown.start, end=shown.end, top=10)
    last = view.table.rowCount() - 1
    cells = [view.table.item(last, c).text() for c in range(view.table.columnCount())]
    assert cells[:5] == ["total", "", str(expected.total.figures.units), str(expected.total.figures.net),
                         str(expected.total.figures.orders)]
    assert view.table.rowCount() == len(expected.rows) + 1
    assert [view.top_table.item(r, 0).text() for r in range(view.top_table.rowCount())] == \
        [r.key for r in expected.top_products]
    out = view.export_csv(tmp_path / "report.csv")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(expected.rows) + 2 and lines[-1].startswith("total,")


def test_the_sales_report_names_a_bad_period_and_keeps_what_it_showed(qtbot, shop, users, settings):
    tab = _tab(qtbot, shop, users["manager"], settings)
    view = tab.report
    with qtbot.waitSignal(view.report_loaded, timeout=3000):
        view.run()
    rows = view.table.rowCount()
    view.from_edit.setDate(view.to_edit.date().addDays(1))
    view.run()
    assert "is after to" in view.message_label.text() and view.table.rowCount() == rows


def test_a_role_without_the_permission_gets_the_refusal(qtbot, shop, users, settings):
    tab = DashboardTab(shop, users["agent"], JobRunner(synchronous=True), settings=settings)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.message_shown, timeout=3000) as blocker:
        tab.show()
    assert "may not see the dashboard" in blocker.args[0] and tab.dashboard is None


def test_the_dashboard_tab_is_for_managers_alt_b_shows_it_f5_refreshes_and_it_fits_a_laptop(qtbot, shop, users):
    from oms_desktop.gui.main_window import MainWindow
    for role, has_it in (("agent", False), ("accountant", False), ("warehouse", False), ("admin", True)):
        window = MainWindow(shop, users[role], database="test", jobs=JobRunner(synchronous=True))
        qtbot.addWidget(window)
        assert (window.dashboard is not None) is has_it, role
    window = MainWindow(shop, users["admin"], database="test", jobs=JobRunner(synchronous=True))  # starts on Orders
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab = window.dashboard
    assert window.current_tab() is not tab and tab.dashboard is None  # nothing is read until it shows
    with qtbot.waitSignal(tab.loaded, timeout=3000):
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert window.current_tab() is tab
    with qtbot.waitSignal(tab.loaded, timeout=3000):
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F5)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768, (hint.width(), hint.height())
    assert tab.sales_chart.view.height() >= 180 and tab.stock_panel.table.height() >= 80
    manager = MainWindow(shop, users["manager"], database="test", jobs=JobRunner(synchronous=True))
    qtbot.addWidget(manager)
    with qtbot.waitSignal(manager.dashboard.loaded, timeout=3000):  # the manager's start tab: read as it shows
        manager.show()
    assert manager.current_tab() is manager.dashboard


def test_tab_reaches_every_panel_in_order(qtbot, shop, users, settings):
    tab = _tab(qtbot, shop, users["manager"], settings)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.tiles.setFocus()
    qtbot.waitUntil(tab.tiles.hasFocus)
    seen = []
    for _ in range(4):
        qtbot.keyClick(tab.focusWidget(), Qt.Key.Key_Tab)
        seen.append(tab.focusWidget())
    assert seen == [tab.sales_chart.view, tab.top_chart.view, tab.stock_panel.table, tab.carts_panel.table]


def test_enter_in_the_sales_reports_fields_runs_it(qtbot, shop, users, settings):
    tab = _tab(qtbot, shop, users["manager"], settings)
    tab.pages.setCurrentWidget(tab.report)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    view = tab.report
    view.by_combo.setCurrentText("channel")
    view.by_combo.setFocus()
    qtbot.waitUntil(view.by_combo.hasFocus)
    with qtbot.waitSignal(view.report_loaded, timeout=3000) as blocker:
        qtbot.keyClick(view.by_combo, Qt.Key.Key_Return)
    assert blocker.args[0].by == "channel"
    assert {view.table.item(r, 0).text() for r in range(view.table.rowCount())} == {"phone", "counter", "total"}


def test_ctrl_page_down_opens_the_sales_report_and_each_chart_has_its_export_menu(qtbot, shop, users, settings):
    tab = _tab(qtbot, shop, users["manager"], settings)
    for panel in (tab.sales_chart, tab.top_chart):
        assert panel.view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
        assert [a.shortcut().toString() for a in panel.view.actions()] == ["Ctrl+S", "Ctrl+E"]
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.sales_chart.view.setFocus()
    qtbot.waitUntil(tab.sales_chart.view.hasFocus)
    qtbot.keyClick(tab.sales_chart.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tab.pages.currentWidget() is tab.report
    qtbot.waitUntil(tab.report.by_combo.hasFocus)
    qtbot.keyClick(tab.report.by_combo, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tab.pages.currentIndex() == 0


def test_five_tiles_of_large_figures_fit_beside_the_activity_panel(qtbot, shop, users, settings):
    from dataclasses import replace

    from oms_desktop.gui.dashboard.panels import TilesPanel
    from oms_desktop.services.sales import figures_of
    d = shop.dashboard.overview(users["manager"])
    big = figures_of([12_345, 99_999, 987_654_321, 12, 34_567], d.currency)
    small = figures_of([1, 1, 100, 0, 0], d.currency)
    channels = tuple(replace(d.total, channel=c, today=big, last_week=small)
                     for c in ("marketplace", "catalog", "counter", "online"))
    panel = TilesPanel()
    qtbot.addWidget(panel)
    panel.show_dashboard(replace(d, channels=channels, total=replace(d.total, today=big, last_week=small)), "de_DE")
    assert len(panel.tiles) == 5 and "Marketplace: 12345 orders" in panel.accessibleDescription()
    assert panel.minimumSizeHint().width() <= 1366 - 280 - 30  # the activity panel and the margins


def test_orders_while_the_tab_is_hidden_refresh_it_and_the_forecasts_when_it_shows(qtbot, shop, users, settings):
    manager = users["manager"]
    fake = FakeForecasts(shop.dashboard.overview(manager).today, 10.0)
    tab = _tab(qtbot, shop, manager, settings, forecasts=ForecastSource(fake, manager))
    tab.hide()
    placed = shop.orders.place_order(users["agent"], None, [("BULB-E27", 1)])
    tab.on_events([e for e in shop.events.since(manager, 0) if e.order_id == placed.id])
    assert fake.refreshed == 0 and tab.dashboard.total.today.orders == 3
    with qtbot.waitSignal(tab.loaded, timeout=3000):
        tab.show()
    qtbot.waitUntil(lambda: fake.refreshed == 1, timeout=2000)
    assert tab.dashboard.total.today.orders == 4
