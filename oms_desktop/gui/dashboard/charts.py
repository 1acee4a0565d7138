"""The dashboard's charts (QtCharts): sales by day with the forecast and its band, and the top products; each one a
``ChartPanel`` that saves itself as PNG and its data as CSV."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCharts import (QAreaSeries, QBarCategoryAxis, QBarSet, QChart, QChartView, QDateTimeAxis,
                              QHorizontalBarSeries, QLineSeries, QValueAxis)
from PySide6.QtCore import QCoreApplication, QEvent, QMargins, QSettings, Qt, Signal
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from .. import theme
from ...services.dashboard import DashboardDTO
from ...services.forecast_dto import ForecastDTO
from .export import add_export_actions, ask_save_path, remember_folder, write_csv

REVENUE, ORDERS, FORECAST, BAND = "chart_revenue", "chart_orders", "chart_forecast", "chart_band"  # theme colours
FOCUS_STYLE = "QChartView:focus { border: 2px solid palette(highlight); }"


def _ms(d: date) -> float:
    """A day as QDateTimeAxis counts: milliseconds since the epoch of its local midnight."""
    return datetime.combine(d, time.min).timestamp() * 1000


class ChartPanel(QFrame):
    """A titled chart that exports itself. ``csv_header`` and ``csv_rows`` are the data the chart shows, set with it.

    Signals:
        exported(str): the path of a PNG or CSV just written.
    """

    exported = Signal(str)

    def __init__(self, title: str, name: str, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self.settings = settings
        self.csv_header: Sequence[str] = ()
        self.csv_rows: list[Sequence[object]] = []
        self.band_lines: list[QLineSeries] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.title_label = QLabel(f"<b>{title}</b>", objectName=f"{name}_title")
        self.title_label.setWordWrap(True)  # a long title (the forecast's) wraps rather than widen the window
        layout.addWidget(self.title_label)
        self.chart = QChart()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.layout().setContentsMargins(0, 0, 0, 0)
        self.chart.setBackgroundRoundness(0)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart, objectName=f"{name}_view")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setStyleSheet(FOCUS_STYLE)
        self.view.setAccessibleName(title)
        self.view.setToolTip(self.tr("{title}: Ctrl+S saves it as PNG, Ctrl+E its data as CSV (or the context menu)")
                             .format(title=title))
        add_export_actions(self.view, png=self.export_png, csv_=self.export_csv)
        layout.addWidget(self.view, 1)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light to dark: the chart's colours follow
            theme.style_chart(self.chart)

    def clear(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def export_png(self, path: Path | None = None) -> Path | None:
        """The chart as it is on screen (a grab of the view) as PNG; asks where unless ``path`` is given."""
        path = path or ask_save_path(self, self.settings, self.tr("Save chart as PNG"), f"{self.name}.png", "png")
        if path is None:
            return None
        if not self.view.grab().save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        remember_folder(self.settings, path)
        self.exported.emit(str(path))
        return path

    def export_csv(self, path: Path | None = None) -> Path | None:
        """The chart's data as CSV; asks where unless ``path`` is given."""
        path = path or ask_save_path(self, self.settings, self.tr("Save chart data as CSV"), f"{self.name}.csv",
                                     "csv")
        if path is None:
            return None
        write_csv(path, self.csv_header, self.csv_rows)
        remember_folder(self.settings, path)
        self.exported.emit(str(path))
        return path


def show_sales(panel: ChartPanel, d: DashboardDTO, forecast: ForecastDTO | None) -> None:
    """Net revenue and orders by day; with a forecast (of net revenue by day) its points and its interval as a band
    after the last day."""
    panel.clear()
    chart = panel.chart
    revenue = QLineSeries(name=QCoreApplication.translate("Charts", "Net revenue"))
    orders = QLineSeries(name=QCoreApplication.translate("Charts", "Orders (right)"))
    revenue.setPen(QPen(theme.colour(REVENUE), 2))
    orders.setPen(QPen(theme.colour(ORDERS), 1.2))
    revenue.setProperty(theme.SERIES_COLOUR, REVENUE)
    orders.setProperty(theme.SERIES_COLOUR, ORDERS)
    for p in d.days:
        revenue.append(_ms(p.day), float(p.net.net))
        orders.append(_ms(p.day), p.orders)
    top = max((float(p.net.net) for p in d.days), default=0.0)
    x_axis = QDateTimeAxis()
    x_axis.setFormat("d MMM")
    x_axis.setTickCount(8)
    y_axis, y_orders = QValueAxis(), QValueAxis()
    y_axis.setLabelFormat("%.0f")
    y_axis.setTitleText(d.currency)
    y_orders.setLabelFormat("%d")
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(y_orders, Qt.AlignmentFlag.AlignRight)
    series: list[tuple[object, QValueAxis]] = [(orders, y_orders), (revenue, y_axis)]
    panel.csv_header = ("day", "orders", "net_revenue", "forecast", "low", "high")
    panel.csv_rows = [(p.day.isoformat(), p.orders, str(p.net.net), "", "", "") for p in d.days]
    last = d.days[-1].day if d.days else d.today
    points = [p for p in (forecast.points if forecast is not None and forecast.measure == "revenue" else ())
              if p.period > last]
    if points:
        line, low, high = QLineSeries(name=QCoreApplication.translate("Charts", "Forecast ({model})").format(
            model=forecast.model) if forecast else QCoreApplication.translate("Charts", "Forecast")), \
            QLineSeries(), QLineSeries()
        pen = QPen(theme.colour(FORECAST), 2)
        pen.setStyle(Qt.PenStyle.DashLine)
        line.setPen(pen)
        line.setProperty(theme.SERIES_COLOUR, FORECAST)
        if d.days:  # the forecast starts where the sales end
            line.append(_ms(last), float(d.days[-1].net.net))
        for p in points:
            line.append(_ms(p.period), p.value)
            low.append(_ms(p.period), p.low)
            high.append(_ms(p.period), p.high)
            panel.csv_rows.append((p.period.isoformat(), "", "", f"{p.value:.2f}", f"{p.low:.2f}", f"{p.high:.2f}"))
        band = QAreaSeries(high, low)
        panel.band_lines = [high, low]  # the band draws from them: keep them alive as long as it shows
        band.setName(QCoreApplication.translate("Charts", "{level} % interval").format(level=forecast.level)
                     if forecast else QCoreApplication.translate("Charts", "interval"))
        band.setBrush(QBrush(theme.colour(BAND)))
        band.setProperty(theme.SERIES_COLOUR, BAND)
        band.setPen(QPen(Qt.PenStyle.NoPen))
        series = [(band, y_axis), *series, (line, y_axis)]
        top = max(top, *(p.high for p in points))
        x_axis.setRange(datetime.combine(d.first_day, time.min), datetime.combine(points[-1].period, time.min))
    elif d.days:
        x_axis.setRange(datetime.combine(d.first_day, time.min), datetime.combine(last, time.min))
    for s, axis in series:
        chart.addSeries(s)
        s.attachAxis(x_axis)
        s.attachAxis(axis)
    y_axis.setRange(0, _nice(top))
    y_orders.setRange(0, _nice(max((p.orders for p in d.days), default=0)))
    y_axis.applyNiceNumbers()
    theme.style_chart(chart)


def _nice(value: float) -> float:
    return value * 1.1 if value > 0 else 1.0


def show_top_products(panel: ChartPanel, d: DashboardDTO) -> None:
    """The top products' net revenue over the last 28 days, the best at the top."""
    panel.clear()
    chart = panel.chart
    bars = QBarSet(QCoreApplication.translate("Charts", "Net revenue"))
    bars.setColor(theme.colour(REVENUE))
    bars.setProperty(theme.SERIES_COLOUR, REVENUE)
    tops = list(reversed(d.top_products))  # a horizontal bar chart draws its first category at the bottom
    for t in tops:
        bars.append(float(t.figures.net))
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setBarWidth(0.7)
    chart.addSeries(series)
    y_axis = QBarCategoryAxis()
    y_axis.append([t.sku for t in tops] or [""])
    y_axis.setTruncateLabels(False)  # a SKU is short; QtCharts would cut it to "..." by its own estimate
    x_axis = QValueAxis()
    x_axis.setLabelFormat("%.0f")
    x_axis.setRange(0, _nice(max((float(t.figures.net) for t in tops), default=0.0)))
    x_axis.applyNiceNumbers()
    x_axis.setTickCount(4)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(y_axis)
    series.attachAxis(x_axis)
    chart.legend().setVisible(False)
    theme.style_chart(chart)
    panel.csv_header = ("sku", "name", "units", "orders", "net_revenue")
    panel.csv_rows = [(t.sku, t.name, t.figures.units, t.figures.orders, str(t.figures.net)) for t in d.top_products]
    names = "\n".join(f"{t.sku}  {t.name}: {t.figures.net} {d.currency}" for t in d.top_products)
    panel.view.setToolTip(QCoreApplication.translate("Charts", "Ctrl+S saves the chart as PNG, Ctrl+E its data as CSV")
                          + f"\n{names}")
