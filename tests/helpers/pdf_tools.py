"""PDF inspection for tests via poppler (pdftotext, pdftoppm, pdfinfo) and zbar (zbarimg)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REQUIRED_TOOLS = ("pdftotext", "pdftoppm", "pdfinfo", "zbarimg")


def require_tools(*tools: str) -> None:
    """Skip on a developer machine without poppler/zbar; in CI (CI=true) a missing tool is a failure, not a skip."""
    missing = [tool for tool in (tools or REQUIRED_TOOLS) if shutil.which(tool) is None]
    if not missing:
        return
    message = f"missing {', '.join(missing)} (apt install poppler-utils zbar-tools)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def _run(args: list[str], stdin: bytes | None = None) -> bytes:
    return subprocess.run(args, input=stdin, capture_output=True, check=True, timeout=60).stdout


def pdf_to_text(pdf: bytes, *, layout: bool = False, page: int | None = None) -> str:
    """Text in drawing order (``-raw``), whitespace runs collapsed to one space so wrapped cells compare as one line.

    Raw order also keeps pdftotext from merging narrow gaps ("7 %" would come out as "7%" in its reading order mode).
    """
    pages = ["-f", str(page), "-l", str(page)] if page is not None else []
    if layout:
        return _run(["pdftotext", "-enc", "UTF-8", "-layout", *pages, "-", "-"], pdf).decode("utf-8")
    return " ".join(_run(["pdftotext", "-enc", "UTF-8", "-raw", *pages, "-", "-"], pdf).decode("utf-8").split())


def pdf_info(pdf: bytes) -> dict[str, str]:
    out = _run(["pdfinfo", "-"], pdf).decode("utf-8", "replace")
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines()) if value}


def page_size_mm(pdf: bytes) -> tuple[float, float]:
    """Width and height of page 1 in millimetres ("Page size: 226.77 x 400 pts")."""
    width_pt, _, rest = pdf_info(pdf)["Page size"].partition(" x ")
    height_pt = rest.split()[0]
    return float(width_pt) * 25.4 / 72, float(height_pt) * 25.4 / 72


def decode_barcodes(pdf: bytes, dpi: int = 150) -> list[str]:
    """Every barcode zbar finds on any page, rasterised the way a cheap printer would see it."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf_path = Path(tmp) / "doc.pdf"
        pdf_path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf_path), str(Path(tmp) / "page")],
                       check=True, capture_output=True, timeout=60)
        pages = sorted(Path(tmp).glob("page*.png"))
        # zbarimg exits 4 when an image has no symbol; that is an answer, not an error.
        result = subprocess.run(["zbarimg", "--raw", "-q", *map(str, pages)], capture_output=True, timeout=60)
        if result.returncode not in (0, 4):
            raise RuntimeError(f"zbarimg failed ({result.returncode}): {result.stderr.decode(errors='replace')}")
        return [line for line in result.stdout.decode("utf-8", "replace").splitlines() if line]
