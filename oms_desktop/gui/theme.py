"""Looks: the window follows the system's light or dark colour scheme, and every colour on screen comes from the
application palette (docs/looks.md).

Widgets take their colours from palette roles (Window, WindowText, Base, Text, Highlight, ...), so whatever palette
the system gives (light, dark, a high-contrast theme) reaches every screen. What a palette role cannot say (an error
is red, a good change green, a line someone else changed is highlighted, the charts' series) is a *semantic colour*
here: ``colour("bad")``, one variant for a light palette and one for a dark one, chosen by the lightness of the
palette's window colour and checked to keep a contrast of at least 4.5:1 (WCAG AA) with the backgrounds it is shown
on. This is the only module of the GUI that names colours (tests/gui/test_looks.py fails on any other).

The scheme: ``System`` (the default) follows ``QStyleHints.colorScheme()``; ``Light`` or ``Dark`` are a choice per
workstation (View > Appearance, kept in the window settings); ``OMS_COLOR_SCHEME=dark|light`` overrides both (tests,
screenshots). Where the platform gives no palette for the wanted scheme (Qt's Fusion style on a Linux desktop without
a platform theme, or a forced scheme the platform cannot switch to), the palette is built here.

Colours a widget keeps (a label's error colour, an item's highlight, a chart's series) are re-read when the
application palette changes: ``set_colours`` and ``paint_item`` remember the colour's name, and a change of the
application palette applies the new variant to every such widget and item.
"""
from __future__ import annotations

import os
from collections.abc import Iterable

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import (QAbstractScrollArea, QApplication, QLineEdit, QListWidget, QListWidgetItem, QTableWidget,
                               QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QTreeWidgetItemIterator, QWidget)

SYSTEM, LIGHT, DARK = "system", "light", "dark"
CHOICES = (SYSTEM, LIGHT, DARK)
ENV = "OMS_COLOR_SCHEME"
SETTING = "appearance/color_scheme"  # in the window settings, outside any user's group: one choice per workstation
MIN_CONTRAST = 4.5  # WCAG 2 AA for text
MIN_GRAPHIC_CONTRAST = 3.0  # WCAG 2 AA for lines and shapes (1.4.11): the charts' series

# Text colours (shown on the window, on a view's base and on the row backgrounds below).
TEXT_COLOURS = ("muted", "good", "bad", "warning", "info", "offer_text")
# Backgrounds of highlighted rows and banners (the palette's text colour is shown on them).
BACKGROUNDS = ("good_bg", "bad_bg", "warning_bg", "changed_bg", "at_risk_bg", "offer_bg")
# Lines and areas of the charts (on the view's base colour).
CHART_COLOURS = ("chart_revenue", "chart_orders", "chart_forecast")

_VARIANTS: dict[str, tuple[str, str]] = {  # name: (on a light palette, on a dark palette)
    "good": ("#1b5e20", "#81c784"),
    "bad": ("#b00020", "#ff8a80"),
    "warning": ("#8a3b00", "#ffb74d"),
    "info": ("#0d47a1", "#90caf9"),
    "offer_text": ("#3d2c00", "#ffe082"),
    "good_bg": ("#d4f4d4", "#1e4620"),
    "bad_bg": ("#f8d7da", "#5c1f24"),
    "warning_bg": ("#fff3cd", "#473600"),
    "changed_bg": ("#fff59d", "#3d3a00"),  # a line someone else added or changed since the screen last showed it
    "at_risk_bg": ("#ffe0b2", "#553000"),
    "offer_bg": ("#fff3bf", "#3d3000"),
    "chart_revenue": ("#1565c0", "#64b5f6"),
    "chart_orders": ("#7a7a7a", "#9e9e9e"),
    "chart_forecast": ("#d84315", "#ffa726"),
}
PAPER = QColor(Qt.GlobalColor.white)  # a printed page is white whatever the screen's scheme
BAND_ALPHA = 60  # the forecast interval: the forecast's colour, mostly transparent

_FG, _BG = "oms_fg", "oms_bg"  # widget properties: the semantic colours set_colours gave it
_ITEM_FG, _ITEM_BG = Qt.ItemDataRole.UserRole + 0x0F30, Qt.ItemDataRole.UserRole + 0x0F31  # the same for items
_state: dict[str, object] = {}


# ---- contrast -----------------------------------------------------------------------------------------------------
def luminance(c: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` (0..1) of the way to ``b``."""
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


def _readable(c: QColor, backgrounds: Iterable[QColor], towards: QColor, minimum: float = MIN_CONTRAST) -> QColor:
    """``c``, moved towards ``towards`` (the palette's text colour) just as far as it takes to reach ``minimum``
    against every background: the fixed variants pass on our palettes, a system palette far from them (a
    high-contrast theme) still gets readable colours."""
    backs = list(backgrounds)
    for step in range(11):
        out = _mix(c, towards, step / 10)
        if all(contrast(out, b) >= minimum for b in backs):
            return out
    return QColor(towards)


# ---- semantic colours -----------------------------------------------------------------------------------------------
def palette() -> QPalette:
    return QGuiApplication.palette()


def is_dark(pal: QPalette | None = None) -> bool:
    """Whether ``pal`` (default: the application's) is a dark one: its window colour is darker than its text."""
    pal = pal if pal is not None else palette()
    return luminance(pal.color(QPalette.ColorRole.Window)) < luminance(pal.color(QPalette.ColorRole.WindowText))


def _text_backgrounds(pal: QPalette) -> list[QColor]:
    return [pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Base),
            pal.color(QPalette.ColorRole.AlternateBase)]


def colour(name: str, pal: QPalette | None = None) -> QColor:
    """The semantic colour ``name`` (TEXT_COLOURS, BACKGROUNDS, CHART_COLOURS, "chart_band") for ``pal`` (default:
    the application's palette)."""
    pal = pal if pal is not None else palette()
    dark = is_dark(pal)
    text = pal.color(QPalette.ColorRole.Text)
    if name == "muted":  # secondary text: the text colour towards the background, as far as 4.5:1 allows
        backs = _text_backgrounds(pal) + [colour(b, pal) for b in BACKGROUNDS]
        base = pal.color(QPalette.ColorRole.Window)
        for step in (0.45, 0.4, 0.35, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05):
            c = _mix(pal.color(QPalette.ColorRole.WindowText), base, step)
            if all(contrast(c, b) >= MIN_CONTRAST for b in backs):
                return c
        return pal.color(QPalette.ColorRole.WindowText)
    if name == "chart_band":
        c = colour("chart_forecast", pal)
        c.setAlpha(BAND_ALPHA)
        return c
    c = QColor(_VARIANTS[name][1 if dark else 0])
    if name in BACKGROUNDS:  # the palette's text must stay readable on it: move towards the base colour if not
        base = pal.color(QPalette.ColorRole.Base)
        for step in range(11):
            out = _mix(c, base, step / 10)
            if contrast(text, out) >= MIN_CONTRAST:
                return out
        return base
    if name in CHART_COLOURS:
        return _readable(c, [pal.color(QPalette.ColorRole.Base)], text, MIN_GRAPHIC_CONTRAST)
    return _readable(c, _text_backgrounds(pal) + [colour(b, pal) for b in BACKGROUNDS], text)


def brush(name: str) -> QBrush:
    return QBrush(colour(name))


def html(name: str) -> str:
    """The colour for rich text (``<span style='color:...'>``); rich text keeps it: redraw it on a palette change."""
    return colour(name).name()


# ---- widgets and items that keep a colour ---------------------------------------------------------------------------
def set_colours(widget: QWidget, fg: str | None = None, bg: str | None = None) -> None:
    """Give ``widget`` the semantic text colour ``fg`` and background ``bg`` (None: the palette's own) through its
    palette (WindowText and Text; Window and Base), kept up to date when the application palette changes."""
    widget.setProperty(_FG, fg or "")
    widget.setProperty(_BG, bg or "")
    _apply_widget(widget)
    _follow_palette()


def _apply_widget(widget: QWidget) -> None:
    fg, bg = widget.property(_FG) or "", widget.property(_BG) or ""
    pal = QPalette()  # no role set: every role not set below comes from the parent, as if none was ever set
    if fg:
        c = colour(fg)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            pal.setColor(QPalette.ColorGroup.Active, role, c)
            pal.setColor(QPalette.ColorGroup.Inactive, role, c)
    if bg:
        c = colour(bg)
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            pal.setColor(role, c)
    if bg and not isinstance(widget, (QLineEdit, QAbstractScrollArea)):  # those paint their base themselves
        widget.setAutoFillBackground(True)
    widget.setPalette(pal)


Item = QListWidgetItem | QTableWidgetItem | QTreeWidgetItem


def paint_item(item: Item, fg: str | None = None, bg: str | None = None) -> None:
    """Give an item of a list, table or tree widget (every column of a tree's item) the semantic text colour ``fg``
    and background ``bg``, kept up to date when the application palette changes."""
    if isinstance(item, QTreeWidgetItem):
        item.setData(0, _ITEM_FG, fg or "")
        item.setData(0, _ITEM_BG, bg or "")
    else:
        item.setData(_ITEM_FG, fg or "")
        item.setData(_ITEM_BG, bg or "")
    _apply_item(item)
    _follow_palette()


def _apply_item(item: Item) -> None:
    if isinstance(item, QTreeWidgetItem):
        fg, bg = item.data(0, _ITEM_FG), item.data(0, _ITEM_BG)
        for col in range(item.columnCount()):
            if fg:
                item.setForeground(col, brush(fg))
            if bg:
                item.setBackground(col, brush(bg))
        return
    fg, bg = item.data(_ITEM_FG), item.data(_ITEM_BG)
    if fg:
        item.setForeground(brush(fg))
    if bg:
        item.setBackground(brush(bg))


def _items(view: QWidget) -> Iterable[Item]:
    if isinstance(view, QListWidget):
        yield from (view.item(i) for i in range(view.count()))
    elif isinstance(view, QTableWidget):
        for r in range(view.rowCount()):
            for c in range(view.columnCount()):
                if (it := view.item(r, c)) is not None:
                    yield it
    elif isinstance(view, QTreeWidget):
        it = QTreeWidgetItemIterator(view)
        while it.value() is not None:
            yield it.value()
            it += 1


def refresh_colours() -> None:
    """Apply the palette's variant of every kept semantic colour (runs on every change of the application palette,
    once the widgets have the new palette). A widget with a style sheet, and everything inside it, keeps the palette
    it was polished with: its style sheet is set again, so that it is polished in the new one."""
    _state["pending"] = False
    widgets = QApplication.allWidgets()
    for w in widgets:
        if w.styleSheet():
            w.setStyleSheet(w.styleSheet())
    for w in widgets:
        if w.property(_FG) or w.property(_BG):
            _apply_widget(w)
        if isinstance(w, (QListWidget, QTableWidget, QTreeWidget)):
            for item in _items(w):
                _apply_item(item)


def _palette_changed(_palette: QPalette) -> None:
    """The application's palette reaches the widgets through the event loop: refresh after it has."""
    if not _state.get("pending"):
        _state["pending"] = True
        QTimer.singleShot(0, refresh_colours)


def _follow_palette() -> None:
    app = QGuiApplication.instance()
    if app is not None and _state.get("following") is not app:
        app.paletteChanged.connect(_palette_changed)
        _state["following"] = app


# ---- charts ---------------------------------------------------------------------------------------------------------
SERIES_COLOUR = "oms_colour"  # a chart series' (or bar set's) property: its semantic colour


def style_chart(chart) -> None:
    """A QChart in the palette's colours: background, titles, labels, grid, legend, and each series in the semantic
    colour its ``oms_colour`` property names (its pen's width and style kept)."""
    from PySide6.QtCharts import QAbstractBarSeries, QAreaSeries, QXYSeries
    pal = palette()
    text, base = pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)
    grid = _mix(base, text, 0.2)
    chart.setBackgroundBrush(QBrush(base))
    chart.setBackgroundPen(Qt.PenStyle.NoPen)
    chart.setPlotAreaBackgroundVisible(False)
    chart.setTitleBrush(QBrush(text))
    chart.legend().setLabelColor(text)
    for axis in chart.axes():
        axis.setLabelsColor(text)
        axis.setTitleBrush(QBrush(text))
        axis.setGridLineColor(grid)
        axis.setMinorGridLineColor(grid)
        axis.setLinePenColor(_mix(base, text, 0.5))
    for series in chart.series():
        name = series.property(SERIES_COLOUR)
        if isinstance(series, QAreaSeries) and name:
            series.setBrush(QBrush(colour(name)))
        elif isinstance(series, QXYSeries) and name:
            pen = series.pen()
            pen.setColor(colour(name))
            series.setPen(pen)
        elif isinstance(series, QAbstractBarSeries):
            for bars in series.barSets():
                if bars.property(SERIES_COLOUR):
                    bars.setColor(colour(bars.property(SERIES_COLOUR)))
                    bars.setBorderColor(colour(bars.property(SERIES_COLOUR)))


# ---- icons ----------------------------------------------------------------------------------------------------------
def icon(name: str) -> QIcon:
    """One of our SVG icons (resources/icons) drawn for the palette: the line icons have a variant for dark
    palettes (resources/icons/dark)."""
    return QIcon(f":/icons/dark/{name}.svg" if is_dark() else f":/icons/{name}.svg")


# ---- the scheme -----------------------------------------------------------------------------------------------------
def choice(settings: QSettings | None = None) -> str:
    """System, light or dark: ``OMS_COLOR_SCHEME`` if set, else the workstation's choice, else system."""
    env = os.environ.get(ENV, "").strip().lower()
    if env in CHOICES:
        return env
    value = str(settings.value(SETTING, SYSTEM)) if settings is not None else SYSTEM
    return value if value in CHOICES else SYSTEM


def build_palette(dark: bool) -> QPalette:
    """A complete palette for Qt's Fusion style: dark, or Fusion's light one (its highlight a shade darker, so that
    white text on a selection reads at 4.5:1)."""
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    if dark:
        colours = {role.Window: "#2d2d2d", role.WindowText: "#ececec", role.Base: "#1f1f1f",
                   role.AlternateBase: "#2a2a2a", role.ToolTipBase: "#3c3c3c", role.ToolTipText: "#ececec",
                   role.PlaceholderText: "#9a9a9a", role.Text: "#ececec", role.Button: "#353535",
                   role.ButtonText: "#ececec", role.BrightText: "#ff8a80", role.Light: "#505050",
                   role.Midlight: "#424242", role.Mid: "#262626", role.Dark: "#1a1a1a", role.Shadow: "#0d0d0d",
                   role.Highlight: "#2f65b3", role.HighlightedText: "#ffffff", role.Link: "#8ab4f8",
                   role.LinkVisited: "#c58af9"}
        disabled = {role.WindowText: "#7a7a7a", role.Text: "#7a7a7a", role.ButtonText: "#7a7a7a",
                    role.Base: "#262626", role.Button: "#303030", role.Highlight: "#4a4a4a",
                    role.HighlightedText: "#a0a0a0"}
    else:
        colours = {role.Window: "#efefef", role.WindowText: "#000000", role.Base: "#ffffff",
                   role.AlternateBase: "#f7f7f7", role.ToolTipBase: "#ffffdc", role.ToolTipText: "#000000",
                   role.PlaceholderText: "#6e6e6e", role.Text: "#000000", role.Button: "#efefef",
                   role.ButtonText: "#000000", role.BrightText: "#ffffff", role.Light: "#ffffff",
                   role.Midlight: "#cacaca", role.Mid: "#b8b8b8", role.Dark: "#9f9f9f", role.Shadow: "#767676",
                   role.Highlight: "#2a6ebb", role.HighlightedText: "#ffffff", role.Link: "#0b57d0",
                   role.LinkVisited: "#6a1b9a"}
        disabled = {role.WindowText: "#8c8c8c", role.Text: "#8c8c8c", role.ButtonText: "#8c8c8c",
                    role.Base: "#efefef", role.Highlight: "#919191", role.HighlightedText: "#ffffff"}
    pal = QPalette()
    for r, c in colours.items():
        pal.setColor(r, QColor(c))
    pal.setColor(role.Accent, QColor(colours[role.Highlight]))
    for r, c in disabled.items():
        pal.setColor(group.Disabled, r, QColor(c))
    return pal


def apply(scheme: str) -> None:
    """Show the application in ``scheme`` (system, light, dark): asks the platform for it (Windows, macOS and desktop
    themes that can switch), and builds the palette where the platform's does not match."""
    app = QApplication.instance()
    if app is None:
        return
    _follow_palette()
    hints = QGuiApplication.styleHints()
    _state["applying"] = True
    try:
        if scheme == SYSTEM:
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(Qt.ColorScheme.Dark if scheme == DARK else Qt.ColorScheme.Light)
        QApplication.setPalette(QPalette())  # the platform's (or the style's) palette for the scheme, nothing of ours
        system = hints.colorScheme()
        if scheme == SYSTEM:
            want_dark = system == Qt.ColorScheme.Dark if system != Qt.ColorScheme.Unknown else is_dark()
        else:
            want_dark = scheme == DARK
        if is_dark() != want_dark:  # the platform cannot switch, or gives no palette for the scheme (Fusion)
            QApplication.setPalette(build_palette(want_dark))
    finally:
        _state["applying"] = False
    _state["scheme"] = scheme


def install(app: QApplication, settings: QSettings | None) -> None:
    """At start: the scheme chosen (OMS_COLOR_SCHEME, the workstation's choice, else the system's), then follow the
    system's changes while the choice is System."""
    _state["settings"] = settings
    apply(choice(settings))
    if _state.get("hinted") is not app:
        QGuiApplication.styleHints().colorSchemeChanged.connect(_system_scheme_changed)
        _state["hinted"] = app


def _system_scheme_changed(_scheme) -> None:
    if not _state.get("applying") and _state.get("scheme", SYSTEM) == SYSTEM:
        apply(SYSTEM)


def set_choice(scheme: str, settings: QSettings | None) -> None:
    """View > Appearance: remember the workstation's choice and show it (OMS_COLOR_SCHEME, when set, still wins)."""
    if settings is not None:
        settings.setValue(SETTING, scheme)
        settings.sync()
    apply(choice(settings) if os.environ.get(ENV, "").strip().lower() in CHOICES else scheme)


def current_choice() -> str:
    """The scheme last applied (system until ``apply`` ran)."""
    return str(_state.get("scheme", SYSTEM))
