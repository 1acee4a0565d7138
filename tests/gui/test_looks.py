"""Looks (issue 19): colours come from the palette, the window follows a dark scheme and stays readable there, and the
icons are drawn sharp at any device pixel ratio (docs/looks.md)."""
from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from oms_desktop.gui import resources_rc  # noqa: F401 - registers :/icons
from oms_desktop.gui import theme
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "oms_desktop" / "gui"
ROLES = ["agent", "counter", "manager", "warehouse", "accountant", "admin"]

# ---- no colour is named outside gui/theme.py --------------------------------------------------------------------
CSS_NAMES = ("white|black|red|green|blue|gr[ae]y|yellow|orange|purple|navy|maroon|olive|teal|silver|lime|aqua|"
             "fuchsia|brown|pink|dark\\w+|light\\w+")
HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b")
CSS_COLOUR = re.compile(rf"(?:color|background|border[-\w]*|outline|gridline-color|selection-[-\w]+)\s*:[^;'\"{{}}]*"
                        rf"(?:#[0-9a-fA-F]{{3,8}}\b|rgba?\s*\(|hsla?\s*\(|\b(?:{CSS_NAMES})\b)", re.IGNORECASE)
QT_NAMES = re.compile(r"\bQt\.(?:GlobalColor\.)?(?:white|black|red|darkRed|green|darkGreen|blue|darkBlue|cyan|darkCyan|"
                      r"magenta|darkMagenta|yellow|darkYellow|gray|darkGray|lightGray)\b|\bGlobalColor\b")
QCOLOR = re.compile(r"\bQColor\s*(?:\(|\.from)")


def colour_findings(path: Path, text: str) -> list[str]:
    """Every place in ``text`` (a Python source or a Designer form) that names a colour."""
    found: list[str] = []
    if path.suffix == ".ui":
        for n, line in enumerate(text.splitlines(), 1):
            if CSS_COLOUR.search(line) or HEX.search(line) or "<color" in line:
                found.append(f"{path.name}:{n}: {line.strip()}")
        return found
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type == tokenize.COMMENT:
            continue
        where = f"{path.relative_to(ROOT)}:{tok.start[0]}: {tok.line.strip()}"
        if tok.type == tokenize.STRING or tok.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
            if CSS_COLOUR.search(tok.string) or HEX.search(tok.string) and not tok.string.lstrip("rbuRBUfF").startswith(
                    ('"""', "'''")):  # a docstring may say "#12" of an issue; a style sheet never hides in one
                found.append(where)
        elif tok.type == tokenize.NAME and tok.string in ("QColor", "GlobalColor"):
            rest = tok.line[tok.start[1]:]
            if QCOLOR.match(rest) or tok.string == "GlobalColor":
                found.append(where)
        elif tok.type == tokenize.NAME and tok.string == "Qt" and QT_NAMES.match(tok.line[tok.start[1]:]):
            found.append(where)
    return found


def gui_sources() -> list[Path]:
    files = [p for p in GUI.rglob("*.py") if "forms" not in p.parts and p.name not in ("theme.py", "resources_rc.py")]
    return sorted(files) + sorted((ROOT / "ui").glob("*.ui"))


def test_the_scan_finds_each_way_of_naming_a_colour(tmp_path):
    """The scan below is only as good as what it recognises: each of these is a hard-coded colour."""
    samples = ['label.setStyleSheet("color: #555;")', 'x = "QLineEdit { background: #d4f4d4; }"',
               'item.setForeground(Qt.GlobalColor.darkRed)', 'b = QBrush(QColor("#fff3cd"))', 'c = QColor(239, 108, 0)',
               "t = f\"<span style='color:#666'>{x}</span>\"", 'w.setStyleSheet("border: 1px solid grey")',
               'p.fill(Qt.white)', 'c = QColor.fromRgb(1, 2, 3)']
    for sample in samples:
        path = GUI / "sample.py"
        assert colour_findings(path, sample + "\n"), sample
    clean = ['w.setStyleSheet("font-size: 12pt; font-weight: bold;")',
             'FOCUS = "QTableView:focus { border: 2px solid palette(highlight); }"',
             "theme.set_colours(label, 'muted')", "t = f\"<span style='color:{muted}'>{x}</span>\""]
    for sample in clean:
        assert not colour_findings(GUI / "sample.py", sample + "\n"), sample


def test_no_gui_source_names_a_colour_outside_the_theme():
    """Colours come from palette roles or gui/theme.py's semantic colours (docs/looks.md), so a dark or a
    high-contrast system palette reaches every screen."""
    found = [f for path in gui_sources() for f in colour_findings(path, path.read_text(encoding="utf-8"))]
    assert not found, "hard-coded colours (use a palette role or gui/theme.py):\n" + "\n".join(found)


# ---- semantic colours keep their contrast ---------------------------------------------------------------------------
def high_contrast_palette() -> QPalette:
    """A palette like a high-contrast desktop theme's: yellow on black."""
    pal = QPalette()
    for role, c in ((QPalette.ColorRole.Window, "black"), (QPalette.ColorRole.WindowText, "yellow"),
                    (QPalette.ColorRole.Base, "black"), (QPalette.ColorRole.AlternateBase, "#101010"),
                    (QPalette.ColorRole.Text, "yellow")):
        pal.setColor(role, QColor(c))
    return pal


@pytest.mark.parametrize("kind", ["light", "dark", "style", "high contrast"])
def test_semantic_colours_keep_4_5_to_1_against_where_they_are_shown(qapp, kind):
    pal = {"light": lambda: theme.build_palette(False), "dark": lambda: theme.build_palette(True),
           "style": lambda: qapp.style().standardPalette(), "high contrast": high_contrast_palette}[kind]()
    assert theme.is_dark(pal) == (kind in ("dark", "high contrast"))
    backgrounds = {"window": pal.color(QPalette.ColorRole.Window), "base": pal.color(QPalette.ColorRole.Base),
                   "alternate base": pal.color(QPalette.ColorRole.AlternateBase)}
    backgrounds |= {name: theme.colour(name, pal) for name in theme.BACKGROUNDS}
    text = pal.color(QPalette.ColorRole.Text)
    low = []
    for name in theme.TEXT_COLOURS:
        fg = theme.colour(name, pal)
        low += [(name, on, round(theme.contrast(fg, bg), 2)) for on, bg in backgrounds.items()
                if theme.contrast(fg, bg) < theme.MIN_CONTRAST]
    low += [("text", name, round(theme.contrast(text, theme.colour(name, pal)), 2)) for name in theme.BACKGROUNDS
            if theme.contrast(text, theme.colour(name, pal)) < theme.MIN_CONTRAST]
    low += [(name, "base", round(theme.contrast(theme.colour(name, pal), backgrounds["base"]), 2))
            for name in theme.CHART_COLOURS
            if theme.contrast(theme.colour(name, pal), backgrounds["base"]) < theme.MIN_GRAPHIC_CONTRAST]
    assert not low, low


def test_the_light_and_dark_variants_differ(qapp):
    """Not one colour for both: a dark palette gets its own (lighter text, darker backgrounds)."""
    light, dark = theme.build_palette(False), theme.build_palette(True)
    for name in theme.TEXT_COLOURS:
        assert theme.luminance(theme.colour(name, dark)) > theme.luminance(theme.colour(name, light)), name
    for name in theme.BACKGROUNDS:
        assert theme.luminance(theme.colour(name, dark)) < theme.luminance(theme.colour(name, light)), name


def test_the_built_palettes_read_at_4_5_to_1(qapp):
    for dark in (False, True):
        pal = theme.build_palette(dark)
        for fg, bg in ((QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
                       (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
                       (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
                       (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
                       (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
                       (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
                       (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
                       (QPalette.ColorRole.Link, QPalette.ColorRole.Base)):
            assert theme.contrast(pal.color(fg), pal.color(bg)) >= theme.MIN_CONTRAST, (dark, fg, bg)


# ---- the scheme -----------------------------------------------------------------------------------------------------
@pytest.fixture
def scheme(qapp):
    """Apply a scheme in a test; the system's again afterwards, whatever happened."""
    yield theme.apply
    theme.apply(theme.SYSTEM)


def window_colour(widget: QWidget | None = None) -> QColor:
    pal = widget.palette() if widget is not None else QApplication.palette()
    return pal.color(QPalette.ColorRole.Window)


def open_window(qtbot, services, actor, settings) -> MainWindow:
    window = MainWindow(services, actor, database="test", jobs=JobRunner(synchronous=True), settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def background_of(w: QWidget) -> QColor:
    """The colour behind ``w``: its own background if it fills it, else the nearest ancestor's that does (the window
    fills its own)."""
    while w is not None:
        if w.autoFillBackground() or w.isWindow():
            return w.palette().color(w.backgroundRole())
        w = w.parentWidget()
    return window_colour()


def unreadable_labels(window: QWidget) -> list[tuple[str, str, str, float]]:
    low = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.isEnabled() or not label.text():
            continue
        fg = label.palette().color(label.foregroundRole())
        bg = background_of(label)
        if theme.contrast(fg, bg) < theme.MIN_CONTRAST:
            ratio = round(theme.contrast(fg, bg), 2)
            low.append((label.objectName() or label.text()[:30], fg.name(), bg.name(), ratio))
    return low


def unreadable_cells(window: QWidget, rows: int = 40) -> list[tuple[str, int, int, str, str, float]]:
    """Cells of the visible views whose model gives a text or background colour that does not read at 4.5:1."""
    low = []
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisible() or model is None:
            continue
        pal = view.palette()
        for r in range(min(model.rowCount(), rows)):
            for c in range(model.columnCount()):
                index = model.index(r, c)
                fg, bg = index.data(Qt.ItemDataRole.ForegroundRole), index.data(Qt.ItemDataRole.BackgroundRole)
                if fg is None and bg is None:
                    continue
                fgc = fg.color() if fg is not None else pal.color(QPalette.ColorRole.Text)
                bgc = bg.color() if bg is not None else pal.color(QPalette.ColorRole.Base)
                if theme.contrast(fgc, bgc) < theme.MIN_CONTRAST:
                    low.append((view.objectName(), r, c, fgc.name(), bgc.name(), round(theme.contrast(fgc, bgc), 2)))
    return low


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("role", ROLES)
def test_in_the_dark_scheme_every_role_s_window_is_dark_and_every_label_reads(qtbot, scheme, services, users,
                                                                            catalog, role, window_settings):
    services.catalog.import_catalog(users["admin"], (  # rows the inventory tab highlights: low and out of stock
        "sku,name,unit_price,tax_rate,barcode,category,location,on_hand,reorder_point\n"
        "LOW-01,Nearly gone,5.00,0.19,,Lighting,A-02-01,1,5\n"
        "OUT-01,Sold out,5.00,0.19,,Lighting,A-02-02,0,2\n").encode())
    scheme(theme.DARK)
    window = open_window(qtbot, services, users[role], window_settings)
    assert theme.luminance(window_colour(window)) < 0.05, window_colour(window).name()
    for i in range(window.ui.tabs.count()):
        window.ui.tabs.setCurrentIndex(i)
        qtbot.wait(10)
        tab = window.ui.tabs.tabText(i)
        assert theme.luminance(background_of(window.ui.tabs.currentWidget())) < 0.05, tab
        assert not unreadable_labels(window), (role, tab, unreadable_labels(window))
        assert not unreadable_cells(window), (role, tab, unreadable_cells(window))


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_switching_the_scheme_while_running_changes_the_palette_and_the_kept_colours(qtbot, scheme, services, users,
                                                                                    window_settings):
    window = open_window(qtbot, services, users["manager"], window_settings)
    light = window_colour(window)
    assert not theme.is_dark(window.palette())
    label = QLabel("Refused", window)
    theme.set_colours(label, "bad")
    window.activity_list.addItem("an event")
    item = window.activity_list.item(0)
    theme.paint_item(item, "info")
    icon_light = window.ui.tabs.tabIcon(0).pixmap(24, 24).toImage()

    menu = {a.data(): a for a in window.appearance_group.actions()}
    menu[theme.DARK].trigger()  # View > Appearance > Dark
    qtbot.wait(10)  # the application's palette reaches the widgets through the event loop
    assert theme.is_dark(window.palette()) and window_colour(window) != light
    assert window_settings.value(theme.SETTING) == theme.DARK
    assert label.palette().color(QPalette.ColorRole.WindowText) == theme.colour("bad")
    assert theme.luminance(theme.colour("bad")) > 0.3  # the dark variant, not the one set in light
    assert item.foreground().color() == theme.colour("info")
    assert window.ui.tabs.tabIcon(0).pixmap(24, 24).toImage() != icon_light  # the icon drawn for dark palettes
    assert not unreadable_labels(window)  # the dashboard's panels too (style sheets keep their palette: polished again)

    menu[theme.SYSTEM].trigger()
    qtbot.wait(10)
    assert window_colour(window) == light
    assert label.palette().color(QPalette.ColorRole.WindowText) == theme.colour("bad")
    assert theme.luminance(theme.colour("bad")) < 0.2


def test_the_environment_overrides_the_workstation_s_choice(qapp, scheme, monkeypatch, window_settings):
    window_settings.setValue(theme.SETTING, theme.LIGHT)
    assert theme.choice(window_settings) == theme.LIGHT
    monkeypatch.setenv(theme.ENV, "dark")
    assert theme.choice(window_settings) == theme.DARK
    theme.install(qapp, window_settings)
    assert theme.is_dark()
    monkeypatch.setenv(theme.ENV, "light")
    theme.set_choice(theme.DARK, window_settings)  # the choice is kept, the environment still wins
    assert window_settings.value(theme.SETTING) == theme.DARK and not theme.is_dark()


def test_the_system_s_dark_scheme_is_followed_when_the_choice_is_system(qapp, scheme, monkeypatch):
    """A platform that reports Dark but keeps a light palette (Fusion): the palette is built dark."""
    with monkeypatch.context() as patch:  # undone before the fixture applies the real system scheme again
        patch.setattr(type(QApplication.styleHints()), "colorScheme", lambda self: Qt.ColorScheme.Dark)
        scheme(theme.SYSTEM)
        assert theme.is_dark()


# ---- sharp icons ----------------------------------------------------------------------------------------------------
def test_the_icons_are_svg():
    qrc = (ROOT / "resources" / "oms.qrc").read_text(encoding="utf-8")
    icons = re.findall(r"<file alias=\"([^\"]+)\">icons/", qrc)
    assert icons and all(name.endswith(".svg") for name in icons), icons
    for path in GUI.rglob("*.py"):
        if path.name != "resources_rc.py":
            assert not re.search(r"""QIcon\(\s*["'][^"']+\.(png|jpe?g|bmp|gif|ico)""", path.read_text("utf-8")), path


@pytest.mark.parametrize("name", ["orders", "inventory", "warehouse", "accounts", "oms-desktop", "dark/orders"])
def test_an_icon_at_device_pixel_ratio_2_is_drawn_at_48_pixels_not_scaled_up(qapp, name):
    icon = QIcon(f":/icons/{name}.svg")
    sharp = icon.pixmap(QSize(24, 24), 2.0)
    assert sharp.devicePixelRatio() == 2.0 and sharp.size() == QSize(48, 48)  # device pixels
    drawn_at_48 = icon.pixmap(QSize(48, 48), 1.0).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    image = sharp.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(1.0)
    assert image == drawn_at_48  # what the SVG engine draws at 48 pixels, not 24 pixels blown up
    blurred = icon.pixmap(QSize(24, 24), 1.0).toImage().scaled(
        48, 48, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    assert blurred.convertToFormat(QImage.Format.Format_ARGB32) != drawn_at_48  # so the comparison can tell


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_dashboard_redraws_its_tiles_and_charts_in_the_new_scheme(qtbot, scheme, services, users, catalog,
                                                                      tmp_path):
    """Rich text and charts keep the colours they were drawn in: they draw again when the palette changes."""
    from PySide6.QtCore import QSettings

    from oms_desktop.gui.dashboard import DashboardTab
    from oms_desktop.gui.dashboard.forecasts import ForecastSource
    from tests.gui.test_dashboard import FakeForecasts
    manager = users["manager"]
    services.orders.place_order(users["agent"], None, [("BULB-E27", 3)])
    fake = FakeForecasts(services.dashboard.overview(manager).today, 10.0)
    tab = DashboardTab(services, manager, JobRunner(synchronous=True), forecasts=ForecastSource(fake, manager),
                       settings=QSettings(str(tmp_path / "dashboard.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=3000):
        tab.show()
    chart = tab.sales_chart.chart
    revenue = next(s for s in chart.series() if s.property(theme.SERIES_COLOUR) == "chart_revenue")
    light = (theme.html("muted"), theme.colour("chart_revenue"), chart.backgroundBrush().color())
    assert light[0] in tab.tiles.heading.text() and revenue.pen().color() == light[1]

    scheme(theme.DARK)
    qtbot.wait(10)
    assert theme.html("muted") != light[0] and theme.html("muted") in tab.tiles.heading.text()
    assert revenue.pen().color() == theme.colour("chart_revenue") != light[1]
    assert chart.backgroundBrush().color() == QApplication.palette().color(QPalette.ColorRole.Base) != light[2]
    for axis in chart.axes():
        assert axis.labelsColor() == QApplication.palette().color(QPalette.ColorRole.Text)
