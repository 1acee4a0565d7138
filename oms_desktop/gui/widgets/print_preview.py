"""Printing a document with a preview first: the PDF a service rendered becomes page images (Qt PDF when this Qt has
it, else poppler's pdftoppm), shown in QPrintPreviewDialog and printed from there; the printer chosen for each kind of
document (invoice, pick list, packing slip ...) is remembered on this workstation and offered first next time."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from .. import theme
from ...domain.errors import UserFacingError

PREVIEW_DPI = 150


class PreviewUnavailable(UserFacingError):
    """Neither Qt PDF nor pdftoppm is there to turn the PDF into pages."""


def printer_settings() -> QSettings:
    """This workstation's printers per kind of document (QSettings of the user on this machine)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "OMS Desktop", "printers")


def _key(kind: str) -> str:
    return f"default_printer/{kind}"


def default_printer(kind: str, settings: QSettings | None = None,
                    available: Sequence[str] | None = None) -> str:
    """The printer last used for ``kind`` on this workstation, if it is still installed; "" otherwise."""
    name = (settings or printer_settings()).value(_key(kind), "", type=str)
    names = QPrinterInfo.availablePrinterNames() if available is None else available
    return name if name and name in names else ""


def remember_printer(kind: str, name: str, settings: QSettings | None = None) -> None:
    if name:
        settings = settings or printer_settings()
        settings.setValue(_key(kind), name)
        settings.sync()


def pdf_page_images(pdf: bytes, dpi: int = PREVIEW_DPI) -> list[QImage]:
    """Every page of ``pdf`` as an image (run it in a job: it takes a while)."""
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QSize
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return _pages_by_pdftoppm(pdf, dpi)
    doc, buf = QPdfDocument(), QBuffer()
    buf.setData(QByteArray(pdf))
    buf.open(QBuffer.OpenModeFlag.ReadOnly)
    doc.load(buf)
    pages = []
    for i in range(doc.pageCount()):
        size = doc.pagePointSize(i)
        rendered = doc.render(i, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72)))
        # Qt PDF leaves the paper transparent: put the page on white paper, as pdftoppm's pages are
        page = QImage(rendered.size(), QImage.Format.Format_RGB32)
        page.fill(theme.PAPER)
        painter = QPainter(page)
        painter.drawImage(0, 0, rendered)
        painter.end()
        pages.append(page)
    doc.close()
    return pages


def _pages_by_pdftoppm(pdf: bytes, dpi: int) -> list[QImage]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PreviewUnavailable(QCoreApplication.translate(
            "PrintPreview", "Print preview needs Qt PDF or poppler's pdftoppm (apt install poppler-utils); neither "
            "is installed. Save the document as PDF and print it from a PDF viewer."))
    with tempfile.TemporaryDirectory(prefix="oms-print-") as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(pdf)
        done = subprocess.run([tool, "-r", str(dpi), "-png", str(source), str(Path(tmp) / "page")],
                              capture_output=True, text=True, timeout=120, check=False)
        files = sorted(Path(tmp).glob("page*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[-1]))
        if done.returncode != 0 or not files:
            raise PreviewUnavailable(QCoreApplication.translate(
                "PrintPreview", "The document could not be prepared for printing: {reason}.").format(
                reason=done.stderr.strip() or "pdftoppm failed"))
        return [QImage(str(f)) for f in files]


def paint_pages(printer: QPrinter, pages: Sequence[QImage]) -> None:
    """Each image on its own sheet, as large as the printable area allows, aspect kept."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for i, image in enumerate(pages):
            if i:
                printer.newPage()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, size.width(), size.height()), image)
    finally:
        painter.end()


class DocumentPrintPreview(QPrintPreviewDialog):
    """The preview of one document; Print there prints it on the printer chosen (this kind's default first).

    Attributes:
        kind: the kind of document ("invoice", "pick_list", "packing_slip" ...), the key of its default printer.
    """

    def __init__(self, kind: str, title: str, pages: Sequence[QImage], parent: QWidget | None = None,
                 settings: QSettings | None = None):
        self.kind, self.pages, self.settings = kind, list(pages), settings
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        name = default_printer(kind, settings)
        if name:
            printer.setPrinterName(name)
        super().__init__(printer, parent)
        self.printer = printer
        self.setWindowTitle(self.tr("Print {title}").format(title=title))
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        if screen is not None:  # a sheet large enough to read: most of the screen's height, A4's proportions
            area = screen.availableGeometry()
            self.resize(min(area.width(), 1000), int(area.height() * 0.9))
        self.paintRequested.connect(lambda p: paint_pages(p, self.pages))
        self.finished.connect(self._finished)

    def _finished(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:  # printed
            remember_printer(self.kind, self.printer.printerName(), self.settings)
