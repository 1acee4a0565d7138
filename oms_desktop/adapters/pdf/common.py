"""Shared building blocks for the PDF documents: styles, money, barcodes, page-numbered deterministic canvases."""
from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from reportlab import rl_config
from reportlab.graphics.barcode import code128
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from oms_desktop.domain.money import exponent, round_money
from oms_desktop.formatting import money as format_money_for_locale

from .fonts import font_runs, font_set, markup

MoneyFormatter = Callable[[Decimal, str, str], str]
"""``format_money(amount, currency, locale)``: the locale is the document's (the company's, e.g. ``de_DE``)."""
DateFormatter = Callable[[date], str]

PAGE_SIZES = {"A4": A4, "LETTER": LETTER}
GRID_COLOR = colors.HexColor("#9a9a9a")
HEADER_FILL = colors.HexColor("#e6e6e6")

# Bar (module) widths we allow, widest first. Below 1 pt cheap printers and zbar at 150 dpi start to miss; between
# 1.0 and 1.2 pt a module is 2.1-2.4 px at 150 dpi and rounds unevenly (measured: ~8 % of symbols failed at 1.1 pt).
BAR_WIDTHS = (1.5, 1.3, 1.2, 1.0)
# A pick list is scanned by hand at arm's length, and has to read from a rough 80 dpi render too: below 1.8 pt
# (2 px at 80 dpi) zbar misses most symbols (measured at 80 dpi: 0/51 at 1.3-1.5 pt, every one at 1.8 and 2.0 pt,
# whatever the symbol's sub-pixel position; 2.0 pt also reads at 72 dpi). 2.0 pt is a 0.7 mm module.
SCAN_BAR_WIDTHS = (2.0, 1.8)
QUIET_MODULES = 10  # Code128 minimum quiet zone on each side
BAR_HEIGHT = 13 * mm


def default_format_money(amount: Decimal, currency: str, locale: str) -> str:
    """The screen's money format (``oms_desktop.formatting.money``): ``€1,234.50`` in en_US, ``1.234,50 €`` in
    de_DE; exactly the currency's decimals, rounded the domain's way, never through float."""
    return format_money_for_locale(amount, currency, locale)


def plain_amount(amount: Decimal, currency: str) -> str:
    """Machine-readable amount for QR payloads: no grouping, the currency's decimals (never localised)."""
    return f"{round_money(amount, currency):.{exponent(currency)}f}"


def default_format_date(value: date) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def format_quantity(quantity: int | Decimal) -> str:
    if isinstance(quantity, Decimal):
        normalized = quantity.normalize()
        # normalize() turns 10 into 1E+1; format fixed-point so it never prints in exponent form
        return f"{normalized:f}"
    return str(quantity)


def format_rate(rate: Decimal) -> str:
    return f"{format_quantity(rate)} %"


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    bold: ParagraphStyle
    right: ParagraphStyle
    right_bold: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    mono: ParagraphStyle
    mono_right: ParagraphStyle
    mono_bold: ParagraphStyle
    mono_center: ParagraphStyle
    big_right: ParagraphStyle
    title_right: ParagraphStyle
    mono_bold_right: ParagraphStyle
    mono_center_bold: ParagraphStyle


def make_styles(base_size: float = 9) -> Styles:
    fs = font_set()

    def style(name, font, size=base_size, align=TA_LEFT, leading=None, **kw):
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.25, alignment=align, **kw)

    return Styles(
        body=style("body", fs.sans),
        small=style("small", fs.sans, base_size - 1.5, textColor=colors.HexColor("#444444")),
        bold=style("bold", fs.sans_bold),
        right=style("right", fs.sans, align=TA_RIGHT),
        right_bold=style("right_bold", fs.sans_bold, align=TA_RIGHT),
        title=style("title", fs.sans_bold, base_size + 7),
        heading=style("heading", fs.sans_bold, base_size + 2, spaceBefore=6, spaceAfter=3),
        mono=style("mono", fs.mono, base_size - 1),
        mono_right=style("mono_right", fs.mono, base_size - 1, align=TA_RIGHT),
        mono_bold=style("mono_bold", fs.mono_bold, base_size - 1),
        mono_center=style("mono_center", fs.mono, base_size - 1, align=TA_CENTER),
        big_right=style("big_right", fs.sans_bold, base_size + 4, align=TA_RIGHT),
        title_right=style("title_right", fs.sans_bold, base_size + 7, align=TA_RIGHT),
        mono_bold_right=style("mono_bold_right", fs.mono_bold, base_size - 1, align=TA_RIGHT),
        mono_center_bold=style("mono_center_bold", fs.mono_bold, base_size + 1, align=TA_CENTER),
    )


def text_width(text: str, style: ParagraphStyle) -> float:
    """Width in points of one line of ``text`` as ``para`` sets it (per-script font runs included)."""
    return sum(pdfmetrics.stringWidth(run, font, style.fontSize) for font, run in font_runs(str(text), style.fontName))


def fit_column(minimum: float, texts: Sequence[str], style: ParagraphStyle, padding: float = 0) -> float:
    """A column's width: ``minimum``, or wider when one of ``texts`` (amounts, which never wrap: their no-break
    spaces keep "1.234,56 €" whole) would not fit beside ``padding`` (left plus right cell padding)."""
    widest = max((text_width(t, style) for t in texts), default=0.0)
    return max(minimum, widest + padding + 0.5)  # half a point for rounding in ReportLab's own measuring


def para(text: object, style: ParagraphStyle) -> Flowable:
    """User text printed literally (escaped; CJK runs get a CJK font): a Paragraph, or for one line in a plain
    style a ``OneLine``, which looks the same and costs a fraction (no markup parsing, no line breaking)."""
    value = "" if text is None else str(text)
    if "\n" in value or "\r" in value or not _one_line_style(style):
        return Paragraph(markup(value, style.fontName), style)
    return OneLine(value, style)


def _one_line_style(style: ParagraphStyle) -> bool:
    """A style ``OneLine`` sets exactly as a Paragraph would: no indents, spacing, background or border."""
    return not (style.leftIndent or style.rightIndent or style.firstLineIndent or style.spaceBefore
                or style.spaceAfter or style.backColor or style.borderWidth)


_SPACES = re.compile(r"[ \t]+")


class OneLine(Flowable):
    """One line of literal text set as a Paragraph in ``style`` sets it (font runs, size, leading, colour,
    alignment, baseline), drawn with ``drawString``.

    Why: a Paragraph parses markup and breaks lines for every table cell; an invoice has about a hundred cells and
    a pick list of 200 orders thousands, nearly all of them one short line (amounts, quantities, SKUs, labels).
    Text wider than its cell falls back to a wrapping Paragraph, so nothing is ever cut off."""

    def __init__(self, text: str, style: ParagraphStyle):
        super().__init__()
        self.text = _SPACES.sub(" ", text.strip(" \t"))  # spaces collapse as in a Paragraph (no-break ones stay)
        self.style = style
        self._runs = font_runs(self.text, style.fontName)
        self._text_width = sum(pdfmetrics.stringWidth(run, font, style.fontSize) for font, run in self._runs)
        self._para: Paragraph | None = None

    def _paragraph(self) -> Paragraph:
        if self._para is None:
            self._para = Paragraph(markup(self.text, self.style.fontName), self.style)
        return self._para

    def wrap(self, available_width, available_height):
        if self._text_width > available_width + 1e-6:
            self.width, self.height = self._paragraph().wrap(available_width, available_height)
            self._wrapped = True
        else:
            self.width, self.height = available_width, self.style.leading
            self._wrapped = False
        return self.width, self.height

    def minWidth(self):  # noqa: N802 - ReportLab's name
        return self._paragraph().minWidth() if " " in self.text else self._text_width

    def split(self, available_width, available_height):
        if self._text_width > available_width + 1e-6:
            return self._paragraph().split(available_width, available_height)
        return []

    def draw(self):
        if getattr(self, "_wrapped", False):
            self._para.drawOn(self.canv, 0, 0)
            return
        style, canv = self.style, self.canv
        alignment = style.alignment
        x = 0.0
        if alignment == TA_RIGHT:
            x = self.width - self._text_width
        elif alignment == TA_CENTER:
            x = (self.width - self._text_width) / 2
        y = self.height - (style.fontSize if rl_config.paraFontSizeHeightOffset
                           else pdfmetrics.getAscent(style.fontName, style.fontSize))
        canv.setFillColor(style.textColor)
        for font, run in self._runs:
            canv.setFont(font, style.fontSize)
            canv.drawString(x, y, run)
            x += pdfmetrics.stringWidth(run, font, style.fontSize)


def rich(template: str, style: ParagraphStyle, **values: object) -> Paragraph:
    """Our own markup template with user values escaped, e.g. rich("<b>Order</b> {n}", style, n=order)."""
    return Paragraph(template.format(**{k: markup(v, style.fontName) for k, v in values.items()}), style)


# --- barcodes --------------------------------------------------------------------------------------------------------


def is_code128_encodable(value: str) -> bool:
    return bool(value) and all(32 <= ord(ch) < 127 for ch in value)


class Code128Flowable(Flowable):
    """A Code128 symbol with quiet zones, using the widest scannable bar width that fits ``max_width``."""

    def __init__(self, value: str, max_width: float, bar_height: float = BAR_HEIGHT,
                 bar_widths: Sequence[float] = BAR_WIDTHS):
        super().__init__()
        self.value = value
        modules = _code128_modules(value)
        fitting = [w for w in bar_widths if (modules + 2 * QUIET_MODULES) * w <= max_width]
        bar_width = fitting[0] if fitting else bar_widths[-1]
        quiet = bar_width * QUIET_MODULES
        self.barcode = code128.Code128(value, barWidth=bar_width, barHeight=bar_height, quiet=True,
                                       lquiet=quiet, rquiet=quiet, humanReadable=False)
        self.width = self.barcode.width
        self.height = bar_height

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        self.barcode.drawOn(self.canv, 0, 0)


def _code128_modules(value: str) -> float:
    return code128.Code128(value, barWidth=1.0, quiet=False).width


def fits_code128(value: str, max_width: float, bar_widths: Sequence[float] = BAR_WIDTHS) -> bool:
    if not is_code128_encodable(value):
        return False
    return (_code128_modules(value) + 2 * QUIET_MODULES) * bar_widths[-1] <= max_width


def barcode_or_text(value: str, max_width: float, style: ParagraphStyle | None, bar_height: float = BAR_HEIGHT,
                    caption: Paragraph | None = None, bar_widths: Sequence[float] = BAR_WIDTHS) -> list[Flowable]:
    """The barcode with its text (or ``caption``) below; text alone when unencodable or too wide to scan.
    ``style`` None: the barcode alone (its text is printed elsewhere), nothing when it cannot be drawn."""
    flowables: list[Flowable] = []
    if fits_code128(value, max_width, bar_widths):
        flowables.append(Code128Flowable(value, max_width, bar_height, bar_widths))
    if caption is not None:
        flowables.append(caption)
    elif style is not None:
        flowables.append(para(value, style))
    return flowables


QR_QUIET_MODULES = 4  # the QR standard's quiet zone


@functools.lru_cache(maxsize=64)
def _qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    # Encoded once (QrCodeWidget encodes twice and draws one rect per module: ~3x slower for an invoice).
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    count = code.getModuleCount()
    return tuple(tuple(code.isDark(row, col) for col in range(count)) for row in range(count))


class QrFlowable(Flowable):
    """A QR code ``size`` points square, quiet zone included, drawn as one filled path of horizontal runs."""

    def __init__(self, payload: str, size: float):
        super().__init__()
        self.payload = payload
        self.modules = _qr_modules(payload)
        self.width = self.height = size

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        count = len(self.modules)
        module = self.width / (count + 2 * QR_QUIET_MODULES)
        path = self.canv.beginPath()
        for row_index, row in enumerate(self.modules):
            y = self.height - (row_index + QR_QUIET_MODULES + 1) * module
            col = 0
            while col < count:
                if not row[col]:
                    col += 1
                    continue
                start = col
                while col < count and row[col]:
                    col += 1
                path.rect((start + QR_QUIET_MODULES) * module, y, (col - start) * module, module)
        self.canv.drawPath(path, stroke=0, fill=1)


# --- documents -------------------------------------------------------------------------------------------------------


def pdf_date(value: date | datetime | None) -> str:
    """A PDF date string (``D:20261203144000+00'00'``) for ``value``, now (UTC) when None; a date is its midnight."""
    if value is None:
        value = datetime.now(timezone.utc)
    if not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    offset = value.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"D:{value:%Y%m%d%H%M%S}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


class InvariantCanvas(pdfcanvas.Canvas):
    """A canvas that writes byte-identical output for identical input: a fixed document ID, and as creation date
    the document's own date (``creation_date``, set by ``dated``), so a reprint is identical and the date is real
    (ReportLab's invariant mode alone writes 2000-01-01)."""

    creation_date: str | None = None

    def __init__(self, *args, **kwargs):
        kwargs["invariant"] = 1
        super().__init__(*args, **kwargs)
        stamp = self.creation_date or pdf_date(None)
        self.setDateFormatter(lambda *_ymdhms: stamp)


def dated(canvas_class: type[pdfcanvas.Canvas], created: date | datetime | None) -> type[pdfcanvas.Canvas]:
    """``canvas_class`` writing ``created`` as the PDF's creation and modification date (now when None)."""
    return type(canvas_class.__name__, (canvas_class,), {"creation_date": pdf_date(created)})


def numbered_canvas_class(footer: Callable[[pdfcanvas.Canvas, int, int], None]) -> type[pdfcanvas.Canvas]:
    """A canvas that holds pages back until the end so each footer can say "page X of Y"."""

    class NumberedCanvas(InvariantCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict] = []

        def showPage(self):
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def page_footer(left_text: str, margin: float,
                page_label: str = "page {number} of {total}") -> Callable[[pdfcanvas.Canvas, int, int], None]:
    """The footer: ``left_text`` at the left, ``page_label`` (the document's language's) at the right."""
    fs = font_set()

    def draw(canv: pdfcanvas.Canvas, number: int, total: int) -> None:
        width, _ = canv._pagesize
        canv.saveState()
        canv.setFont(fs.sans, 7.5)
        canv.setFillColor(colors.HexColor("#555555"))
        draw_text_runs(canv, margin, margin * 0.5, left_text, fs.sans, 7.5)
        canv.drawRightString(width - margin, margin * 0.5, page_label.format(number=number, total=total))
        canv.restoreState()

    return draw


def draw_text_runs(canv: pdfcanvas.Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """drawString that prints text literally (no markup), switching to the CJK font where the base one lacks glyphs."""
    for run_font, run in font_runs(text, font):
        canv.setFont(run_font, size)
        canv.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, run_font, size)


def build_pdf(flowables: Sequence[Flowable], *, pagesize, margin: float, title: str, footer_text: str | None,
              author: str = "", created: date | datetime | None = None,
              page_label: str = "page {number} of {total}") -> bytes:
    """Lay out flowables in one unpadded frame, so tables computed as ``page width - 2 * margin`` fit exactly.

    ``created`` is the document's own date (an invoice's issue date, a pick list's creation): the PDF's creation
    date, so reprints stay byte-identical. Without it the PDF is dated now. ``page_label``: the footer's page
    count in the document's language."""
    buffer = io.BytesIO()
    document = BaseDocTemplate(buffer, pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=margin,
                               bottomMargin=margin, title=title, author=author, creator="OMS Desktop", invariant=1)
    frame = Frame(margin, margin, pagesize[0] - 2 * margin, pagesize[1] - 2 * margin,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    if footer_text is None:
        document.build(list(flowables), canvasmaker=dated(InvariantCanvas, created))
    else:
        footer = page_footer(footer_text, margin, page_label)
        document.build(list(flowables), canvasmaker=dated(numbered_canvas_class(footer), created))
    return buffer.getvalue()
