"""The catalog: products with their stock, type-ahead search, and whole-file validated CSV imports."""
from __future__ import annotations

from typing import Callable

from ..domain.catalog import CatalogFile, ProductSpec, parse_catalog_csv
from ..domain.errors import Cancelled, NotFound, ValidationFailed
from ..domain.money import to_minor
from ..domain.orders import bp_to_rate, rate_to_bp
from ..domain.roles import Perm
from .base import ServiceBase
from .dto import Actor, ImportProblem, ImportResult, ProductDTO

Progress = Callable[[int, int], None]


def search_text_of(spec_or_row) -> str:
    parts = [spec_or_row.sku, spec_or_row.name, spec_or_row.category or "", spec_or_row.barcode or ""]
    return " ".join(parts).lower()


class CatalogService(ServiceBase):
    def _dto(self, r) -> ProductDTO:
        return ProductDTO(id=r.id, sku=r.sku, name=r.name, description=r.description, barcode=r.barcode,
                          category=r.category, unit_price=self.money(r.unit_price_minor),
                          currency=self.company.currency, tax_rate=bp_to_rate(r.tax_rate_bp), location=r.location,
                          reorder_point=r.reorder_point, reorder_qty=r.reorder_qty, active=r.active,
                          on_hand=r.on_hand, reserved=r.reserved)

    def get_product(self, actor: Actor, sku: str) -> ProductDTO:
        self._require(actor, Perm.VIEW, "view the catalog")
        with self._uow(write=False) as uow:
            row = uow.products.by_sku(sku.strip().upper()) or uow.products.by_barcode(sku.strip())
        if row is None:
            raise NotFound(f"No product with SKU or barcode '{sku}'.")
        return self._dto(row)

    def search(self, actor: Actor, text: str = "", *, limit: int = 50, offset: int = 0, category: str | None = None,
               active_only: bool = True, low_stock: bool = False, out_of_stock: bool = False,
               order_by: str = "sku", descending: bool = False) -> list[ProductDTO]:
        self._require(actor, Perm.VIEW, "view the catalog")
        with self._uow(write=False) as uow:
            rows = uow.products.search(text, limit=limit, offset=offset, category=category, active_only=active_only,
                                       low_stock=low_stock, out_of_stock=out_of_stock, order_by=order_by,
                                       descending=descending)
        return [self._dto(r) for r in rows]

    def count(self, actor: Actor, text: str = "", **filters) -> int:
        self._require(actor, Perm.VIEW, "view the catalog")
        with self._uow(write=False) as uow:
            return uow.products.count(text, **filters)

    def categories(self, actor: Actor) -> list[str]:
        self._require(actor, Perm.VIEW, "view the catalog")
        with self._uow(write=False) as uow:
            return uow.products.categories()

    def parse_catalog(self, data: bytes) -> CatalogFile:
        return parse_catalog_csv(data, self.company.currency)

    def import_catalog(self, actor: Actor, data: bytes, *, progress: Progress | None = None,
                       is_cancelled: Callable[[], bool] | None = None) -> ImportResult:
        """Validate the whole file, then create or update every product in one transaction; or import nothing.

        New SKUs get their on_hand as an opening stock move; for existing SKUs a different on_hand is posted as a
        counted adjustment (refused if it would fall below what is reserved).
        """
        self._require(actor, Perm.CATALOG_EDIT, "import the catalog")
        parsed = self.parse_catalog(data)
        problems = [ImportProblem(r, c, msg) for r, c, msg in parsed.problems]
        if problems:
            raise ImportRejected(problems)
        specs = parsed.specs
        total = len(specs)
        created = updated = 0
        with self._uow() as uow:
            existing = uow.products.existing_skus(s.sku for _, s in specs)
            owners = uow.products.barcode_owners(s.barcode for _, s in specs)
            for row_no, spec in specs:
                if spec.barcode and owners.get(spec.barcode, spec.sku) != spec.sku:
                    problems.append(ImportProblem(row_no, "barcode", f"barcode {spec.barcode} already belongs to "
                                                                     f"{owners[spec.barcode]}"))
            if problems:
                raise ImportRejected(problems)
            moves: list[dict] = []
            for i, (row_no, spec) in enumerate(specs):
                if is_cancelled is not None and i % 200 == 0 and is_cancelled():
                    raise Cancelled()
                values = self._values(spec)
                pid = existing.get(spec.sku)
                if pid is None:
                    pid = uow.products.add(values)
                    created += 1
                    if spec.on_hand:
                        uow.stock.change_on_hand(pid, spec.on_hand)
                        moves.append(dict(product_id=pid, kind="opening", on_hand_delta=spec.on_hand,
                                          reason="catalog import", user_id=actor.user_id))
                else:
                    uow.products.update(pid, values)
                    updated += 1
                    if spec.on_hand is not None:
                        st = uow.stock.get(pid)
                        delta = spec.on_hand - st.on_hand
                        if delta:
                            if not uow.stock.change_on_hand(pid, delta):
                                problems.append(ImportProblem(row_no, "on_hand", f"{spec.sku}: {st.reserved} are "
                                                              f"reserved, on_hand cannot be {spec.on_hand}"))
                                continue
                            moves.append(dict(product_id=pid, kind="adjust", on_hand_delta=delta,
                                              reason="count (catalog import)", user_id=actor.user_id))
                if progress is not None and (i % 200 == 0 or i == total - 1):
                    progress(i + 1, total)
            if problems:
                raise ImportRejected(problems)
            uow.stock.add_moves(moves)
            uow.events.add("catalog_imported", user_id=actor.user_id,
                           payload={"created": created, "updated": updated})
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="catalog.import",
                             entity="catalog", entity_id="", new={"created": created, "updated": updated,
                                                                  "skus": [s.sku for _, s in specs[:1000]]})
            uow.commit()
        return ImportResult(created, updated)

    def _values(self, spec: ProductSpec) -> dict:
        return dict(sku=spec.sku, name=spec.name, description=spec.description, barcode=spec.barcode,
                    category=spec.category, unit_price_minor=to_minor(spec.unit_price, self.company.currency),
                    tax_rate_bp=rate_to_bp(spec.tax_rate), location=spec.location,
                    reorder_point=spec.reorder_point, reorder_qty=spec.reorder_qty, active=True,
                    search_text=search_text_of(spec))


class ImportRejected(ValidationFailed):
    """A file with problems: nothing was imported. ``rows`` lists every problem with row and column."""

    def __init__(self, problems: list[ImportProblem]):
        self.rows = list(problems)
        super().__init__([str(p) for p in problems])
        self.message = (f"Nothing was imported: {len(problems)} problem(s) in the file. "
                        + "; ".join(str(p) for p in problems[:5]) + (" ..." if len(problems) > 5 else ""))

    def __str__(self) -> str:
        return self.message
