"""Font registration (DejaVu for Latin/Cyrillic/Greek, a CJK fallback) and per-script font runs for Paragraph markup."""
from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

log = logging.getLogger(__name__)

SANS, SANS_BOLD, MONO, MONO_BOLD, CJK = "OmsSans", "OmsSans-Bold", "OmsMono", "OmsMono-Bold", "OmsCJK"

_DEJAVU_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian/Ubuntu fonts-dejavu-core
    Path("/usr/share/fonts/dejavu"),  # Fedora/Arch
    Path(__file__).with_name("fonts"),  # package-local copy for frozen builds; font files are not committed
)
_DEJAVU_FILES = {SANS: "DejaVuSans.ttf", SANS_BOLD: "DejaVuSans-Bold.ttf",
                 MONO: "DejaVuSansMono.ttf", MONO_BOLD: "DejaVuSansMono-Bold.ttf"}
_BUILTIN_FALLBACK = {SANS: "Helvetica", SANS_BOLD: "Helvetica-Bold", MONO: "Courier", MONO_BOLD: "Courier-Bold"}

# TrueType-outline CJK fonts only: ReportLab cannot embed CFF-flavoured OpenType (e.g. Noto Sans CJK .otf/.ttc).
_CJK_TTF_CANDIDATES = (
    (Path(__file__).with_name("fonts") / "DroidSansFallbackFull.ttf", 0),
    (Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0),
    (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
    (Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"), 0),
    (Path("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"), 0),
)
_CID_FALLBACK = "HeiseiKakuGo-W5"  # built into every PDF viewer's CJK support; covers kana and common kanji


@dataclass(frozen=True)
class FontSet:
    sans: str
    sans_bold: str
    mono: str
    mono_bold: str
    cjk: str
    cjk_is_ttf: bool
    has_dejavu: bool


def _find_dejavu(file_name: str) -> Path | None:
    for directory in _DEJAVU_DIRS:
        candidate = directory / file_name
        if candidate.is_file():
            return candidate
    return None


@functools.cache
def font_set() -> FontSet:
    """Register the fonts once per process; later calls are free (rendering speed depends on it)."""
    names: dict[str, str] = {}
    for alias, file_name in _DEJAVU_FILES.items():
        path = _find_dejavu(file_name)
        if path is None:
            log.warning("DejaVu font %s not found; non-Latin-1 text will print as empty boxes", file_name)
            names[alias] = _BUILTIN_FALLBACK[alias]
            continue
        pdfmetrics.registerFont(TTFont(alias, str(path)))
        names[alias] = alias
    if names[SANS] == SANS and names[SANS_BOLD] == SANS_BOLD:
        # Lets <b> in Paragraph markup switch to the bold face.
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(SANS, 0, 1, SANS)
        addMapping(SANS, 1, 1, SANS_BOLD)
    if names[MONO] == MONO and names[MONO_BOLD] == MONO_BOLD:
        addMapping(MONO, 0, 0, MONO)
        addMapping(MONO, 1, 0, MONO_BOLD)
        addMapping(MONO, 0, 1, MONO)
        addMapping(MONO, 1, 1, MONO_BOLD)

    cjk_name, cjk_is_ttf = _register_cjk()
    return FontSet(sans=names[SANS], sans_bold=names[SANS_BOLD], mono=names[MONO], mono_bold=names[MONO_BOLD],
                   cjk=cjk_name, cjk_is_ttf=cjk_is_ttf, has_dejavu=names[SANS] == SANS)


def _register_cjk() -> tuple[str, bool]:
    for path, sub_index in _CJK_TTF_CANDIDATES:
        if not path.is_file():
            continue
        try:
            pdfmetrics.registerFont(TTFont(CJK, str(path), subfontIndex=sub_index))
        except (TTFError, OSError) as exc:
            log.info("CJK font %s unusable: %s", path, exc)
            continue
        addMapping(CJK, 0, 0, CJK)
        addMapping(CJK, 1, 0, CJK)
        addMapping(CJK, 0, 1, CJK)
        addMapping(CJK, 1, 1, CJK)
        return CJK, True
    return register_cid_fallback(), False


def register_cid_fallback() -> str:
    """Register ReportLab's built-in Japanese CID font: not embedded, the viewer supplies the glyphs."""
    pdfmetrics.registerFont(UnicodeCIDFont(_CID_FALLBACK))
    return _CID_FALLBACK


@functools.lru_cache(maxsize=8)
def _cmap(font_name: str) -> frozenset[int] | None:
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    char_to_glyph = getattr(face, "charToGlyph", None)
    return frozenset(char_to_glyph) if char_to_glyph is not None else None


def _is_cjk(code_point: int) -> bool:
    return (0x2E80 <= code_point <= 0x9FFF or 0xAC00 <= code_point <= 0xD7AF or 0xF900 <= code_point <= 0xFAFF
            or 0xFF00 <= code_point <= 0xFFEF or 0x20000 <= code_point <= 0x2FFFF)


def _needs_fallback(ch: str, base_cmap: frozenset[int] | None, fallback_cmap: frozenset[int] | None) -> bool:
    code_point = ord(ch)
    if code_point < 0x80 or ch.isspace():
        return False
    if base_cmap is not None and code_point in base_cmap:
        return False
    if fallback_cmap is not None:
        return code_point in fallback_cmap
    return _is_cjk(code_point)  # CID fallback has no cmap to ask; trust the Unicode block


def font_runs(text: str, base_font: str) -> list[tuple[str, str]]:
    """Split text into (font, run) pairs: the base font where it has the glyph, the CJK font where that one does."""
    fs = font_set()
    base_cmap = _cmap(base_font)
    fallback_cmap = _cmap(fs.cjk)
    runs: list[tuple[str, str]] = []
    for ch in text:
        font = fs.cjk if _needs_fallback(ch, base_cmap, fallback_cmap) else base_font
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def markup(text: object, base_font: str | None = None) -> str:
    """Paragraph markup that prints ``text`` literally: escaped, line breaks kept, CJK runs in a CJK <font> tag."""
    base = base_font or font_set().sans
    lines = []
    for line in ("" if text is None else str(text)).splitlines() or [""]:
        parts = []
        for font, run in font_runs(line, base):
            escaped = escape(run)
            parts.append(escaped if font == base else f'<font face="{font}">{escaped}</font>')
        lines.append("".join(parts))
    return "<br/>".join(lines)
