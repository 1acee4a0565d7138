"""The dashboard's panels that are not charts: today's tiles by channel, products at risk of a stock-out, and carts at
risk with conversion."""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent, QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel, QSizePolicy, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from .. import theme
from ...services.carts import CartBoardDTO, ConversionReportDTO
from ...services.dashboard import ChannelDayDTO, DashboardDTO
from ...services.forecast_dto import StockCoverDTO
from .. import format as fmt
from ..labels import label
from .export import add_export_actions, ask_save_path, remember_folder, write_csv

UP, DOWN, SAME = "good", "bad", "muted"  # theme colours
FOCUS_STYLE = "QTableWidget:focus, QFrame#tiles:focus { border: 2px solid palette(highlight); }"


def day_text(day, pattern: str) -> str:
    """A day with weekday and month names in the GUI's language (QLocale's default, set with the language)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def change(now: Decimal | int | None, before: Decimal | int | None) -> tuple[str, str]:
    """The change from ``before`` to ``now`` as people read it ("▲ 12 %", "▼ 3 %", "new", "-", "" when either is
    unknown) and its colour."""
    if now is None or before is None:  # e.g. no average order value without orders: nothing to compare
        return "", SAME
    a, b = Decimal(now), Decimal(before)
    if b == 0:
        return (QCoreApplication.translate("Dashboard", "new"), UP) if a > 0 else ("-", SAME)
    pct = ((a - b) / abs(b) * 100).quantize(Decimal("1"))
    if pct == 0:
        return "= 0 %", SAME
    size = f"{abs(pct)} %" if abs(pct) <= 999 else "> 999 %"
    return (f"▲ {size}", UP) if pct > 0 else (f"▼ {size}", DOWN)


class Tile(QFrame):
    """One channel's today: orders, net revenue and average order value, each with its change from last week."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)  # a card: the palette's frame on its base colour
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        # Five tiles share the row whatever the figures: a tile never asks for more than its share (what does not fit
        # is cut at the right; the tooltip and the accessible description have every figure).
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)
        self.plain = ""

    def show_day(self, t: ChannelDayDTO, currency: str, locale: str, weekday: str, until: str = "") -> None:
        """Three short lines (the tile must fit five abreast at 1,366 pixels beside the activity panel); the figures
        of last week (``weekday`` up to the time ``until``) are in the tooltip and the accessible description."""
        a, b = t.today, t.last_week

        def m(v: Decimal | None) -> str:
            return fmt.money(v, currency, locale) if v is not None else "-"

        def line(now_text: str, now, before) -> str:
            text, colour = change(now, before)
            return f"<b>{now_text}</b> <span style='color:{theme.html(colour)}'>{text}</span>"
        shown = label(t.channel)
        title = self.tr("All channels") if t.channel == "total" else shown[:1].upper() + shown[1:]
        orders = self.tr("{count} order") if a.orders == 1 else self.tr("{count} orders")
        self.label.setText(f"<b>{title}</b><br>" + "<br>".join((
            line(orders.format(count=a.orders), a.orders, b.orders),
            line(m(a.net), a.net, b.net),
            self.tr("AOV") + " " + line(m(a.average_order_value), a.average_order_value, b.average_order_value))))
        when = self.tr("last {weekday} up to {time}").format(weekday=weekday, time=until) if until \
            else self.tr("last {weekday}").format(weekday=weekday)
        self.plain = self.tr("{title}: {orders} orders {orders_change} ({orders_before} {when}), net {net} "
                             "{net_change} ({net_before}), average {average} {average_change} ({average_before})"
                             ).format(title=title, orders=a.orders, orders_change=change(a.orders, b.orders)[0],
                                      orders_before=b.orders, when=when, net=m(a.net),
                                      net_change=change(a.net, b.net)[0], net_before=m(b.net),
                                      average=m(a.average_order_value),
                                      average_change=change(a.average_order_value, b.average_order_value)[0],
                                      average_before=m(b.average_order_value))
        self.setToolTip(self.plain)


class TilesPanel(QFrame):
    """Today so far by channel against the same weekday last week up to the same time of day: the total first, then
    each channel."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="tiles")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it; a screen reader reads its description
        self.setStyleSheet(FOCUS_STYLE)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(2, 2, 2, 2)
        self.heading = QLabel(self.tr("<b>Today</b><br>Loading..."), objectName="today_heading")
        self.row.addWidget(self.heading)
        self.tiles: list[Tile] = []
        self._shown: tuple[DashboardDTO, str] | None = None

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Rich text keeps the colours it was written in: on a new palette (light to dark) write it again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._shown is not None:
            self.show_dashboard(*self._shown)

    def show_dashboard(self, d: DashboardDTO, locale: str) -> None:
        self._shown = (d, locale)
        for tile in self.tiles:
            self.row.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        weekday = day_text(d.last_week_day, "ddd")
        until = f"{d.last_week_until.astimezone():%H:%M}"  # the same time of day: a part of a day against a part
        before = day_text(d.last_week_day, "dd MMM")
        self.heading.setText(self.tr("<b>Today</b><br>{today}<br><span style='color:{muted}'>vs {weekday} {day} to "
                                     "{time}</span>").format(today=day_text(d.today, "ddd dd MMM"), weekday=weekday,
                                                             day=before, time=until, muted=theme.html(SAME)))
        self.heading.setToolTip(self.tr("Today so far against {weekday} {day} from midnight up to {time}, the same "
                                        "time of day").format(weekday=weekday, day=before, time=until))
        for t in (d.total, *d.channels[:4]):  # four channels fit beside the total at 1,366 pixels
            tile = Tile(self)
            tile.show_day(t, d.currency, locale, weekday, until)
            self.row.addWidget(tile, 1)
            self.tiles.append(tile)
        self.setAccessibleDescription("; ".join(t.plain for t in self.tiles))
        self.setToolTip("\n".join(t.plain for t in self.tiles))


class TablePanel(QFrame):
    """A titled read-only table that saves its rows as CSV (Ctrl+E or the context menu); ``note`` stands in for the
    table when there is nothing to show (e.g. forecasts not available).

    Signals:
        exported(str): the path of a CSV just written.
    """

    exported = Signal(str)

    def __init__(self, title: str, name: str, columns: Sequence[str], settings: QSettings,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self.settings = settings
        self.columns = tuple(columns)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.title_label = QLabel(f"<b>{title}</b>", objectName=f"{name}_title")
        layout.addWidget(self.title_label)
        self.summary_label = QLabel(objectName=f"{name}_summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.hide()
        layout.addWidget(self.summary_label)
        self.table = QTableWidget(0, len(columns), objectName=f"{name}_table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in columns])  # the CSV keeps them English
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.setWordWrap(False)
        self.table.setStyleSheet(FOCUS_STYLE)
        self.table.setAccessibleName(title)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        add_export_actions(self.table, png=None, csv_=self.export_csv)
        layout.addWidget(self.table, 1)
        self.note_label = QLabel(objectName=f"{name}_note")
        self.note_label.setWordWrap(True)
        theme.set_colours(self.note_label, "muted")
        self.note_label.hide()
        layout.addWidget(self.note_label)
        self.rows: list[tuple[str, ...]] = []

    def set_rows(self, rows: Sequence[Sequence[object]], *, note: str = "") -> None:
        self.rows = [tuple(str(c) for c in r) for r in rows]
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            for j, cell in enumerate(row):
                item = QTableWidgetItem(cell)
                if j > 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))

    def set_summary(self, text: str) -> None:
        self.summary_label.setText(text)
        self.summary_label.setVisible(bool(text))

    def export_csv(self, path: Path | None = None) -> Path | None:
        path = path or ask_save_path(self, self.settings, self.tr("Save table as CSV"), f"{self.name}.csv", "csv")
        if path is None:
            return None
        write_csv(path, self.columns, self.rows)
        remember_folder(self.settings, path)
        self.exported.emit(str(path))
        return path


STOCK_COLUMNS = (QT_TRANSLATE_NOOP("TablePanel", "SKU"), QT_TRANSLATE_NOOP("TablePanel", "Product"),
                 QT_TRANSLATE_NOOP("TablePanel", "Available"), QT_TRANSLATE_NOOP("TablePanel", "On order"),
                 QT_TRANSLATE_NOOP("TablePanel", "Per day"), QT_TRANSLATE_NOOP("TablePanel", "Days of cover"),
                 QT_TRANSLATE_NOOP("TablePanel", "Out on"), QT_TRANSLATE_NOOP("TablePanel", "With orders"))
CART_COLUMNS = (QT_TRANSLATE_NOOP("TablePanel", "Cart"), QT_TRANSLATE_NOOP("TablePanel", "Customer"),
                QT_TRANSLATE_NOOP("TablePanel", "Agent"), QT_TRANSLATE_NOOP("TablePanel", "Value"),
                QT_TRANSLATE_NOOP("TablePanel", "Idle"))


def stock_rows(rows: Sequence[StockCoverDTO]) -> list[tuple[str, ...]]:
    def day(d) -> str:
        return d.isoformat() if d is not None else "-"
    return [(r.sku, r.name, str(r.available), str(r.on_order), f"{r.daily_demand:.1f}",
             f"{r.days_of_cover:.0f}" if r.days_of_cover is not None else "-", day(r.stockout_date),
             day(r.stockout_date_with_orders)) for r in rows]


def idle_text(seconds: int) -> str:
    minutes = seconds // 60
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def carts_summary(board: CartBoardDTO, conversion: ConversionReportDTO, locale: str) -> str:
    """One paragraph: open carts and at risk, then conversion over the days of ``conversion``, by channel."""
    t = conversion.total
    days = (conversion.end - conversion.start).days + 1
    by_channel = ", ".join(f"{label(r.key)} {fmt.rate(r.rate, locale)}" for r in conversion.rows)
    if board.open_carts == 1:
        carts = QCoreApplication.translate("Dashboard", "<b>{count}</b> open cart worth {value}")
    else:
        carts = QCoreApplication.translate("Dashboard", "<b>{count}</b> open carts worth {value}")
    conversion_text = QCoreApplication.translate(
        "Dashboard", "{carts}, <b>{at_risk}</b> at risk (idle over {minutes} min).<br>Conversion, last {days} days: "
        "<b>{rate}</b> ({confirmed} of {created} carts confirmed, {abandoned} abandoned, {open} open)")
    return (conversion_text.format(
        carts=carts.format(count=board.open_carts, value=fmt.money(board.value, board.currency, locale)),
        at_risk=board.at_risk, minutes=board.idle_minutes, days=days, rate=fmt.rate(t.rate, locale),
        confirmed=t.confirmed, created=t.created, abandoned=t.abandoned, open=t.still_open)
        + (f"; {by_channel}" if by_channel else "") + ".")


def cart_rows(board: CartBoardDTO, locale: str) -> list[tuple[str, ...]]:
    walk_in = QCoreApplication.translate("Dashboard", "walk-in")
    return [(c.number, c.customer_name or walk_in, c.agent, fmt.money(c.value, c.currency, locale),
             idle_text(c.idle_seconds)) for c in board.carts]
