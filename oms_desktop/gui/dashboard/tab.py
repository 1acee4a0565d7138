"""The manager's dashboard: today by channel against last week, sales by day with the forecast and its band, the top
products, products at risk of a stock-out, carts at risk and conversion; and the sales report on a page of its own.

First paint is the layout with "Loading..."; the figures come from one background job (``DashboardService.overview``),
the forecast and the stock cover from another (``ForecastSource``). Live: an order confirmed, cancelled or returned on
any workstation refreshes the figures, at most once every ``refresh_interval_ms``, and asks the forecasts to
recompute in the background at most once every ``forecast_interval_ms``, while the tab is on screen (events that
arrive while it is hidden are acted on when it next shows). F5 refreshes at once.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from .. import theme
from ...domain import events as ev
from ...services import Services
from ...services.dashboard import DashboardDTO
from ...services.dto import Actor
from ...services.forecast_dto import ForecastDTO, StockCoverDTO
from ..jobs import Job, JobRunner
from ..widgets.message_line import MessageLine
from .charts import ChartPanel, show_sales, show_top_products
from .export import default_settings
from .forecasts import NOT_AVAILABLE, ForecastSource
from .panels import CART_COLUMNS, STOCK_COLUMNS, TablePanel, TilesPanel, cart_rows, carts_summary, stock_rows
from .sales_report import SalesReportView

SALES_EVENTS = (ev.OrderConfirmed, ev.OrderCancelled, ev.OrderReturned, ev.OrderAmended)
REFRESH_INTERVAL_MS = 3_000
FORECAST_INTERVAL_MS = 300_000


class DashboardTab(QWidget, MessageLine):
    """Signals:
        message_shown(str): every message shown in the message line.
        loaded(object): the DashboardDTO just shown.
        forecast_loaded(object): (ForecastDTO | None, list of StockCoverDTO) just shown.
        failed(object): the exception of a figures or forecast read that failed (its message is shown too).
    """

    message_shown = Signal(str)
    loaded = Signal(object)
    forecast_loaded = Signal(object)
    failed = Signal(object)

    def __init__(self, services: Services, actor: Actor, jobs: JobRunner, parent: QWidget | None = None, *,
                 forecasts: ForecastSource | None = None, settings: QSettings | None = None):
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.jobs = jobs
        self.locale = services.company.get().locale
        self.forecasts = forecasts if forecasts is not None else ForecastSource.of(services, actor)
        self.settings = settings or default_settings()
        self.dashboard: DashboardDTO | None = None
        self.forecast: ForecastDTO | None = None
        self.stock: list[StockCoverDTO] = []
        self.refresh_interval_ms = REFRESH_INTERVAL_MS
        self.forecast_interval_ms = FORECAST_INTERVAL_MS
        self._seq = 0
        self._loading = False
        self._again = False
        self._dirty = True
        self._last_refresh = 0.0
        self._last_forecast_refresh = 0.0
        self._forecast_refreshing = False
        self._forecasts_dirty = False
        self._debounce = QTimer(self, singleShot=True)
        self._debounce.timeout.connect(self.refresh)
        self._build()

    # ---- layout ------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(4, 4, 4, 4)
        self.pages = QTabWidget(objectName="dashboard_pages")
        self.pages.setDocumentMode(True)
        overview = QWidget(objectName="overview_page")
        grid = QGridLayout(overview)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setSpacing(6)
        self.tiles = TilesPanel()
        grid.addWidget(self.tiles, 0, 0, 1, 2)
        self.sales_chart = ChartPanel(self.tr("Net revenue and orders by day"), "sales_by_day", self.settings)
        self.top_chart = ChartPanel(self.tr("Top products, last 28 days (net revenue)"), "top_products", self.settings)
        grid.addWidget(self.sales_chart, 1, 0)
        grid.addWidget(self.top_chart, 1, 1)
        self.stock_panel = TablePanel(self.tr("Products at risk of a stock-out"), "stock_out", STOCK_COLUMNS,
                                      self.settings)
        self.carts_panel = TablePanel(self.tr("Carts at risk and conversion"), "carts_at_risk", CART_COLUMNS,
                                      self.settings)
        grid.addWidget(self.stock_panel, 2, 0)
        grid.addWidget(self.carts_panel, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 2)
        self.pages.addTab(overview, self.tr("Overview"))
        self.report = SalesReportView(self.services, self.actor, self.jobs, self.settings)
        self.pages.addTab(self.report, self.tr("Sales report"))
        self.pages.setTabToolTip(1, self.tr("Sales by day, week, month, channel, category, product, agent or customer "
                                            "beside a year before (Ctrl+PgDn / Ctrl+PgUp switch pages)"))
        root.addWidget(self.pages, 1)
        bottom = QVBoxLayout()
        self.status_label = QLabel(self.tr("Loading..."), objectName="status_label")
        self.status_label.setWordWrap(True)  # its keys line is long: it wraps rather than widen a laptop's window
        theme.set_colours(self.status_label, "muted")
        bottom.addWidget(self.status_label)
        self.message_label = QLabel(objectName="message_label")
        self.message_label.setWordWrap(True)
        bottom.addWidget(self.message_label)
        root.addLayout(bottom)
        if self.forecasts is None:
            self.stock_panel.set_rows([], note=self.tr("{not_available}: the projected stock-outs show here once they "
                                                       "are.").format(not_available=self.tr(NOT_AVAILABLE)))
        # The charts are scroll areas that take PgUp/PgDn for themselves: the page keys are shortcuts of the tab.
        # In the main window, its own Ctrl+PgUp/PgDn (tabs) asks page_step first and these are switched off.
        self.page_shortcuts = [QShortcut(QKeySequence(keys), self, activated=lambda step=step: self.turn_page(step),
                                         context=Qt.ShortcutContext.WidgetWithChildrenShortcut, whatsThis=what)
                               for keys, step, what in (("Ctrl+PgDown", 1, self.tr("the sales report")),
                                                        ("Ctrl+PgUp", -1, self.tr("the overview")))]
        self.setTabOrder(self.tiles, self.sales_chart.view)
        self.setTabOrder(self.sales_chart.view, self.top_chart.view)
        self.setTabOrder(self.top_chart.view, self.stock_panel.table)
        self.setTabOrder(self.stock_panel.table, self.carts_panel.table)

    def turn_page(self, step: int) -> None:
        self.pages.setCurrentIndex((self.pages.currentIndex() + step) % self.pages.count())
        self.focus_primary()

    def page_step(self, step: int) -> bool:
        """The next (1) or previous (-1) page, if there is one that way: False at the first or last page, where the
        main window's Ctrl+PgUp/PgDn goes on to the neighbouring tab."""
        if not 0 <= self.pages.currentIndex() + step < self.pages.count():
            return False
        self.turn_page(step)
        return True

    def focus_primary(self) -> None:
        if self.pages.currentWidget() is self.report:
            self.report.focus_primary()
        else:
            self.sales_chart.view.setFocus()

    # ---- loading -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Fetch every figure (and the forecasts) in the background; a refresh asked for while one runs is done
        once after it."""
        self._debounce.stop()
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._dirty = False
        self._last_refresh = time.monotonic()
        self._seq += 1
        seq = self._seq
        services, actor = self.services, self.actor

        def finished() -> None:
            self._loading = False
            if self._again:
                self._again = False
                self.schedule_refresh()

        self.jobs.submit(lambda _job: services.dashboard.overview(actor),
                         on_success=lambda d: self._show(seq, d), on_failure=self._refused,
                         on_finished=finished, owner=self)
        self.load_forecasts()

    def load_forecasts(self) -> None:
        source = self.forecasts
        if source is None:
            return

        def read(_job: Job):
            forecast = source.sales_forecast()
            return forecast, source.stock_cover()
        self.jobs.submit(read, on_success=self._show_forecasts, on_failure=self._forecast_failed, slow=True,
                         owner=self)  # (may work the forecasts out first: long)

    def _show(self, seq: int, d: DashboardDTO) -> None:
        if seq != self._seq:
            return
        self.dashboard = d
        self.tiles.show_dashboard(d, self.locale)
        show_sales(self.sales_chart, d, self.forecast)
        show_top_products(self.top_chart, d)
        self.carts_panel.set_summary(carts_summary(d.carts, d.conversion, self.locale))
        self.carts_panel.set_rows(cart_rows(d.carts, self.locale),
                                  note="" if d.carts.carts else self.tr("No cart is at risk."))
        self.status_label.setText(self.tr("Updated {time}; live as orders arrive.  F5 refresh  ·  Tab next panel  ·  "
                                          "Ctrl+S chart as PNG  ·  Ctrl+E data as CSV  ·  Ctrl+PgDn sales report")
                                  .format(time=f"{d.read_at.astimezone():%H:%M:%S}"))
        self.message_label.setText("")
        self.loaded.emit(d)

    def _refused(self, exc: BaseException) -> None:
        self.status_label.setText("")
        self._failed(exc)
        self.failed.emit(exc)

    def _show_forecasts(self, result) -> None:
        forecast, stock = result
        self.forecast, self.stock = forecast, list(stock)
        if self.dashboard is not None:
            show_sales(self.sales_chart, self.dashboard, forecast)
        note = forecast.not_enough_history or ""
        if forecast.backtest is not None and forecast.points:
            b = forecast.backtest

            def mase(v: float | None) -> str:
                return f"{v:.2f}" if v is not None else "-"
            self.sales_chart.title_label.setText(
                self.tr("<b>{title}</b>, forecast {model}: MASE {mase} (seasonal naive {naive}), sMAPE {smape} % over "
                        "{origins} back-tests").format(
                    title=self.tr("Net revenue and orders by day"), model=forecast.model, mase=mase(b.model_mase),
                    naive=mase(b.naive_mase), smape=f"{b.model_smape:.0f}", origins=b.origins))
        elif note:
            self.sales_chart.title_label.setText(self.tr("<b>{title}</b> (no forecast: {note})").format(
                title=self.tr("Net revenue and orders by day"), note=note))
        self.stock_panel.set_rows(stock_rows(self.stock),
                                  note="" if self.stock else self.tr("No product is projected to run out soon."))
        self.forecast_loaded.emit((forecast, self.stock))

    def _forecast_failed(self, exc: BaseException) -> None:
        self.stock_panel.set_rows([], note=f"{self.tr(NOT_AVAILABLE)}: {exc}")
        self.failed.emit(exc)

    # ---- live --------------------------------------------------------------------------------------------------
    def schedule_refresh(self) -> None:
        """Refresh, but not sooner than ``refresh_interval_ms`` after the last one (events come in bursts)."""
        if self._debounce.isActive():
            return
        wait = self._last_refresh * 1000 + self.refresh_interval_ms - time.monotonic() * 1000
        self._debounce.start(max(0, int(wait)))

    def on_events(self, events: list) -> None:
        """An order confirmed, cancelled or returned anywhere: the figures again (now if on screen, else when the tab
        next shows) and the forecasts recomputed in the background."""
        if not any(ev.matches(e.event, SALES_EVENTS) for e in events):
            return
        if self.isVisible():
            self.refresh_forecasts()
            self.schedule_refresh()
        else:  # a manager who never opens the dashboard costs no recompute
            self._dirty = self._forecasts_dirty = True

    def refresh_forecasts(self) -> None:
        """Ask the forecast service to recompute (one at a time, at most once every ``forecast_interval_ms``), then
        read the forecasts again."""
        source = self.forecasts
        now = time.monotonic()
        if source is None or self._forecast_refreshing or \
                (now - self._last_forecast_refresh) * 1000 < self.forecast_interval_ms and self._last_forecast_refresh:
            return
        self._forecast_refreshing = True
        self._last_forecast_refresh = now

        def done() -> None:
            self._forecast_refreshing = False

        self.jobs.submit(lambda job: source.refresh(job), on_success=lambda _r: self.load_forecasts(),
                         on_failure=self._forecast_failed, on_finished=done, slow=True, owner=self)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty:
            QTimer.singleShot(0, self.refresh)  # paint the layout first, then fetch
        if self._forecasts_dirty:
            self._forecasts_dirty = False
            QTimer.singleShot(0, self.refresh_forecasts)  # orders arrived while the tab was hidden

    def keyboard_notes(self) -> list[tuple[str, str]]:
        """Keys not in this tab's own actions, for the keyboard map (F1); the charts' Ctrl+S / Ctrl+E work in the
        chart that has the focus."""
        return [("Tab / Shift+Tab", self.tr("next / previous panel")),
                ("Ctrl+S", self.tr("save the chart in focus as PNG")),
                ("Ctrl+E", self.tr("save the data of the chart or table in focus as CSV")),
                ("Menu / Shift+F10", self.tr("the chart's or table's export menu"))]
