"""``oms catalog pdf``: the live catalog for mail customers, with an order form page (docs/catalog.md)."""
from __future__ import annotations

import re
from pathlib import Path

from ..domain.errors import ValidationFailed
from .common import Context

_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def register_pdf(catalog_actions, leaf) -> None:
    c = leaf(catalog_actions, "pdf", "print the live catalog (SKU, name, price, availability) with an order form page")
    c.add_argument("--category", action="append", default=[], metavar="C",
                   help="only this category (repeat for several; default: all)")
    c.add_argument("--include-sold-out", action="store_true", help="list sold-out products too (as 'sold out')")
    c.add_argument("--out", required=True, metavar="FILE.pdf")
    c.set_defaults(func=cmd_catalog_pdf)


def page_count(pdf: bytes) -> int:
    """Pages of a PDF we wrote (ReportLab keeps page dictionaries uncompressed)."""
    return len(_PAGE_OBJECT.findall(pdf))


def write_file(name: str, data: bytes) -> Path:
    out = Path(name).expanduser()
    if out.is_dir():
        raise ValidationFailed(f"{name} is a folder; give a file name.")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as e:
        raise ValidationFailed(f"Cannot write {name}: {e.strerror or e}.") from None
    return out


def cmd_catalog_pdf(ctx: Context) -> int:
    a = ctx.args
    doc, pdf = ctx.services.catalog.catalog_pdf(ctx.need_actor(), a.category or None, a.include_sold_out)
    out = write_file(a.out, pdf)
    pages = page_count(pdf)
    data = {"path": str(out), "pages": pages, "products": doc.product_count,
            "categories": [{"name": s.category, "products": len(s.items)} for s in doc.sections]}
    ctx.emit(data, f"Wrote {out}: {doc.product_count} product(s) in {len(doc.sections)} categor"
                   f"{'y' if len(doc.sections) == 1 else 'ies'} on {pages} page(s), the order form last.")
    return 0
