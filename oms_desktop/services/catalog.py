"""The catalog: products with their stock, type-ahead search, whole-file validated CSV imports, and the printed mail
catalog (``catalog_doc``, ``catalog_pdf``)."""
from __future__ import annotations

import csv
import io
import itertools
import time
from dataclasses import dataclass
from decimal import Decimal
from collections.abc import Iterable, Mapping
from typing import BinaryIO, Callable

from ..domain import events as ev
from ..domain.catalog import (CatalogFile, ProductSpec, catalog_products, check_catalog, formula_safe,
                              parse_catalog_csv, validate_product)
from ..domain.catalog_print import (SOLD_OUT, UNCATEGORISED, availability, customer_price, is_ean, match_categories,
                                    short_text)
from ..domain.errors import BusinessRuleViolation, Cancelled, NotFound, ValidationFailed
from ..domain.messages import Joined, Message, msg
from ..domain.money import from_minor, to_minor
from ..domain.orders import bp_to_rate, rate_to_bp
from ..domain.roles import Perm
from .accounts_common import company_info
from .documents import CatalogDoc, CatalogItem, CatalogSection, CompanyInfo
from . import edit_stamps
from .dto import Actor, ImportProblem, ImportResult, ProductDTO
from .output import PrintingService
from .ports import utc_now
from .ledger_posting import cost_change, post_opening_stock, post_revaluation, post_stock_adjustment

Progress = Callable[[int, int], None]

EXPORT_COLUMNS = ("sku", "name", "unit_price", "tax_rate", "barcode", "category", "location", "on_hand",
                  "reorder_point", "reorder_qty", "description")
EDITABLE_FIELDS = ("name", "unit_price", "tax_rate", "barcode", "category", "location", "reorder_point",
                   "reorder_qty", "description")
IMPORT_BATCH_ROWS = 500      # rows per transaction of a catalog import at most ...
IMPORT_BATCH_SECONDS = 0.5   # ... and about this long: the write lock is never held for a second
IMPORT_PAUSE_SECONDS = 0.12  # between two transactions on SQLite: long enough for a waiting writer to get in


@dataclass(frozen=True)
class ProductDetails:
    """Everything the product editor shows: the product, its unit cost and its preferred supplier."""
    product: ProductDTO
    unit_cost: Decimal
    supplier_id: int | None
    has_history: bool
    version: int = 0  # the edit version shown: saving passes it back (services/edit_stamps.py)


def search_text_of(spec_or_row) -> str:
    parts = [spec_or_row.sku, spec_or_row.name, spec_or_row.category or "", spec_or_row.barcode or ""]
    return " ".join(parts).lower()


class CatalogService(PrintingService):
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
            raise NotFound(msg("No product with SKU or barcode '{sku}'.", sku=sku))
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

    def get_products_by_ids(self, actor: Actor, ids) -> list[ProductDTO]:
        """The current figures of a few products (the live view refreshes only the rows an event touched)."""
        self._require(actor, Perm.VIEW, "view the catalog")
        out = []
        with self._uow(write=False) as uow:
            for pid in sorted(set(ids)):
                row = uow.products.get(pid)
                if row is not None:
                    out.append(self._dto(row))
        return out

    def get_product_details(self, actor: Actor, sku: str) -> ProductDetails:
        self._require(actor, Perm.VIEW, "view the catalog")
        with self._uow(write=False) as uow:
            row = uow.products.by_sku(sku.strip().upper())
            if row is None:
                raise NotFound(msg("No product with SKU '{sku}'.", sku=sku))
            pref = uow.purchasing.preferred([row.id])
            history = bool(uow.stock.moves(row.id, 1))
            version = edit_stamps.version_of(uow, edit_stamps.PRODUCT, row.sku)
        return ProductDetails(self._dto(row), self.money(row.cost_minor), pref.get(row.id), history, version)

    def create_product(self, actor: Actor, fields: dict) -> ProductDTO:
        """Create a product from text fields (as typed); ``on_hand`` becomes an opening stock move."""
        self._require(actor, Perm.CATALOG_EDIT, "create products")
        spec, cost_minor = self._validated(fields)
        with self._uow() as uow:
            problems: list[str] = []
            if uow.products.by_sku(spec.sku) is not None:
                problems.append(msg("SKU {sku} exists already", sku=spec.sku))
            if spec.barcode and (owner := uow.products.barcode_owners([spec.barcode]).get(spec.barcode)):
                problems.append(msg("barcode {barcode} already belongs to {owner}", barcode=spec.barcode, owner=owner))
            if problems:
                raise ValidationFailed(problems)
            values = self._values(spec)
            values["cost_minor"] = cost_minor
            pid = uow.products.add(values)
            if spec.on_hand:
                uow.stock.change_on_hand(pid, spec.on_hand)
                uow.stock.add_move(pid, kind="opening", on_hand_delta=spec.on_hand, reason="new product",
                                   user_id=actor.user_id)
                post_opening_stock(uow, actor, [(pid, spec.on_hand)], currency=self.company.currency)
            uow.events.add_event(ev.ProductCreated(product_id=pid, sku=spec.sku, name=spec.name),
                                 user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="product.create",
                             entity="product", entity_id=spec.sku, new=self._audit_values(values))
            dto = self._dto(uow.products.get(pid))
            uow.commit()
        return dto

    def update_product(self, actor: Actor, sku: str, fields: dict, *, expected_version: int | None = None
                       ) -> ProductDTO:
        """Change a product's data (not its SKU, which orders and moves refer to, nor its stock: adjust that).
        ``expected_version``: the version the editor showed (``get_product_details``); a save over a change
        someone else saved since is refused (StaleEdit, naming who and when) and changes nothing."""
        self._require(actor, Perm.CATALOG_EDIT, "edit products")
        sku = sku.strip().upper()
        new_sku = str(fields.get("sku", sku) or sku).strip().upper()
        if new_sku != sku:
            raise ValidationFailed(msg("the SKU cannot change ({sku} -> {new_sku}); create a new product and "
                                       "deactivate {sku} instead", sku=sku, new_sku=new_sku))
        spec, cost_minor = self._validated({**fields, "sku": sku, "on_hand": ""})
        with self._uow() as uow:
            row = uow.products.by_sku(sku)
            if row is None:
                raise NotFound(msg("No product with SKU '{sku}'.", sku=sku))
            edit_stamps.stamp_save(uow, actor, edit_stamps.PRODUCT, sku, expected_version,
                                   msg("Product {sku}", sku=sku))
            if spec.barcode and (owner := uow.products.barcode_owners([spec.barcode]).get(spec.barcode)) \
                    and owner != sku:
                raise ValidationFailed(msg("barcode {barcode} already belongs to {owner}", barcode=spec.barcode,
                                           owner=owner))
            values = self._values(spec)
            if "unit_cost" in fields:  # not given: the cost stays as it is
                values["cost_minor"] = cost_minor
                # a new cost revalues the stock on hand (docs/accounting.md, "Stock at cost")
                post_revaluation(uow, actor, [cost_change(uow, row.id, sku, cost_minor)],
                                 currency=self.company.currency)
            values["active"] = row.active
            old = {k: getattr(row, k) for k in values if k != "search_text"}
            uow.products.update(row.id, values)
            uow.events.add_event(ev.ProductUpdated(product_id=row.id, sku=sku), user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="product.update",
                             entity="product", entity_id=sku, old=self._audit_values(old),
                             new=self._audit_values(values))
            dto = self._dto(uow.products.get(row.id))
            uow.commit()
        return dto

    def set_product_active(self, actor: Actor, sku: str, active: bool) -> ProductDTO:
        """Deactivate (no longer sold, kept with its history) or reactivate a product; products are never deleted."""
        self._require(actor, Perm.CATALOG_EDIT, "deactivate products" if not active else "reactivate products")
        sku = sku.strip().upper()
        with self._uow() as uow:
            row = uow.products.by_sku(sku)
            if row is None:
                raise NotFound(msg("No product with SKU '{sku}'.", sku=sku))
            if row.active == active:
                raise BusinessRuleViolation(msg("{sku} is already active.", sku=sku) if active else
                                            msg("{sku} is already inactive.", sku=sku))
            if not active and row.reserved:
                raise BusinessRuleViolation(msg("{sku} has {reserved} reserved for open orders; ship or cancel them "
                                                "before deactivating it.", sku=sku, reserved=row.reserved))
            uow.products.update(row.id, {"active": active})
            kind = "product_reactivated" if active else "product_deactivated"
            change = ev.ProductReactivated if active else ev.ProductDeactivated
            uow.events.add_event(change(product_id=row.id, sku=sku), user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action=f"product.{kind[8:]}",
                             entity="product", entity_id=sku, old={"active": row.active}, new={"active": active})
            dto = self._dto(uow.products.get(row.id))
            uow.commit()
        return dto

    def export_catalog_csv(self, actor: Actor, *, active_only: bool = False, progress: Progress | None = None,
                           is_cancelled: Callable[[], bool] | None = None, page: int = 5000) -> bytes:
        """The catalog as UTF-8 CSV (the import format); cells that a spreadsheet would run as formulas get a '."""
        self._require(actor, Perm.VIEW, "export the catalog")
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(EXPORT_COLUMNS)
        total = self.count(actor, active_only=active_only)
        done = 0
        while True:
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            rows = self.search(actor, limit=page, offset=done, active_only=active_only)
            for p in rows:
                w.writerow([formula_safe(str(v)) for v in (
                    p.sku, p.name, p.unit_price, format(p.tax_rate, "f"), p.barcode or "", p.category, p.location,
                    p.on_hand, p.reorder_point, p.reorder_qty, p.description)])
            done += len(rows)
            if progress is not None:
                progress(done, max(total, done))
            if len(rows) < page:
                break
        return out.getvalue().encode("utf-8")

    def catalog_doc(self, actor: Actor, categories=None, include_sold_out: bool = False) -> CatalogDoc:
        """The live catalog for mail customers, read in one transaction: active products of ``categories`` (None or
        empty: all) with the price a customer pays and an availability word, sold-out ones only when asked.

        An unknown category is refused naming it (ValidationFailed); nothing to print is refused too
        (BusinessRuleViolation), so no one mails an empty catalog."""
        self._require(actor, Perm.VIEW, "print the catalog")
        company = self.company
        wanted = [str(c).strip() for c in (categories or ()) if str(c).strip()]
        by_category: dict[str, list[CatalogItem]] = {}
        with self._uow(write=False) as uow:
            settings = uow.settings.get_all()
            chosen = match_categories(wanted, uow.products.categories()) if wanted else None
            offset, page = 0, 2000
            while True:
                rows = uow.products.search("", limit=page, offset=offset, active_only=True, order_by="sku")
                for r in rows:
                    if chosen is not None and (r.category or UNCATEGORISED) not in chosen:
                        continue
                    word = availability(r.on_hand, r.reserved, r.reorder_point)
                    if word == SOLD_OUT and not include_sold_out:
                        continue
                    rate = bp_to_rate(r.tax_rate_bp)
                    price = customer_price(self.money(r.unit_price_minor), rate, company.currency,
                                           company.prices_include_tax)
                    by_category.setdefault(r.category or UNCATEGORISED, []).append(CatalogItem(
                        sku=r.sku, name=r.name, description=short_text(r.description), unit_price=price,
                        tax_rate=(rate * 100).normalize(), availability=word,
                        ean=r.barcode if r.barcode is not None and is_ean(r.barcode) else ""))
                offset += len(rows)
                if len(rows) < page:
                    break
        if not by_category:
            raise BusinessRuleViolation(_nothing_to_print(", ".join(wanted), include_sold_out))
        order = sorted(by_category, key=lambda c: (c == UNCATEGORISED, c.casefold()))
        base = company_info(company)
        info = CompanyInfo(name=base.name, address_lines=base.address_lines, vat_id=base.vat_id,
                           email=settings.get("company_email", "").strip(),
                           phone=settings.get("company_phone", "").strip())
        return CatalogDoc(company=info, printed_on=utc_now().date(), currency=company.currency,
                          locale=company.locale, sections=tuple(CatalogSection(c, tuple(by_category[c]))
                                                                for c in order),
                          payment_note=settings.get("payment_note", "").strip(),
                          return_note=settings.get("return_note", "").strip())

    def catalog_pdf(self, actor: Actor, categories=None, include_sold_out: bool = False) -> tuple[CatalogDoc, bytes]:
        """``catalog_doc`` and its PDF (A4, an order form page last)."""
        doc = self.catalog_doc(actor, categories, include_sold_out)
        return doc, self._printer().render_catalog(doc)

    def _validated(self, fields: dict) -> tuple[ProductSpec, int]:
        cur = self.company.currency
        spec, problems = validate_product({k: ("" if v is None else str(v)) for k, v in fields.items()}, cur)
        if problems:
            raise ValidationFailed([problem for _, problem in problems])
        assert spec is not None  # validate_product gives a spec whenever it finds no problem
        return spec, to_minor(spec.unit_cost, cur) if spec.unit_cost is not None else 0

    def _audit_values(self, values: dict) -> dict:
        out = {k: v for k, v in values.items() if k != "search_text"}
        for k in ("unit_price_minor", "cost_minor"):
            if k in out:
                out[k.replace("_minor", "")] = str(from_minor(out.pop(k), self.company.currency))
        return out

    def parse_catalog(self, data: bytes) -> CatalogFile:
        return parse_catalog_csv(data, self.company.currency)

    def import_catalog(self, actor: Actor, data: bytes | BinaryIO, *, progress: Progress | None = None,
                       is_cancelled: Callable[[], bool] | None = None) -> ImportResult:
        """Validate the whole file, then create or update its products; a file with any problem imports nothing.

        ``data``: the file's bytes, or the open file (binary, seekable): read as a stream, twice (validated, then
        written), never held whole, so a file of any size takes the memory of a batch (issue 18, finding 9).

        New SKUs get their on_hand as an opening stock move; for existing SKUs a different on_hand is posted as a
        counted adjustment (refused if it would fall below what is reserved).

        The products are written in short transactions of at most IMPORT_BATCH_ROWS rows or about
        IMPORT_BATCH_SECONDS each, so a 100,000-row catalog never holds SQLite's write lock long enough for
        another workstation's order to wait (issue 18, finding 9). A small file is one transaction, all or nothing.
        Cancel is looked at between transactions: what was written stays (the result says how far it got), and
        importing the same file again finishes it, since every row sets a product to what the file says. A row
        another workstation made impossible meanwhile (a barcode given to another product, stock reserved beyond
        the file's on_hand) stops the import before the transaction holding it, naming the row and how far it got.
        """
        self._require(actor, Perm.CATALOG_EDIT, "import the catalog")
        stream = io.BytesIO(data) if isinstance(data, (bytes, bytearray)) else data
        cur = self.company.currency
        checked = check_catalog(stream, cur)              # read once, keeping only keys: any size of file
        problems = [ImportProblem(r, c, m) for r, c, m in checked.problems]
        if problems:
            raise ImportRejected(problems)
        total = checked.count
        with self._uow(write=False) as uow:          # every barcode checked before anything is written
            owners = uow.products.barcode_owners(checked.barcodes)
        if any(owners.get(barcode, sku) != sku for barcode, sku in checked.barcodes.items()):
            raise ImportRejected(_barcodes_taken(catalog_products(stream, cur), owners))  # read again for the rows
        products = catalog_products(stream, cur)       # read again, a batch at a time
        pending: list[tuple[int, ProductSpec]] = []
        created = updated = done = 0
        while True:
            pending.extend(itertools.islice(products, IMPORT_BATCH_ROWS - len(pending)))
            if not pending:
                break
            if is_cancelled is not None and is_cancelled():
                if done == 0:
                    raise Cancelled()
                return ImportResult(created, updated, total=total, cancelled=True)
            with self._uow() as uow:
                c, u, n, batch_problems = self._import_batch(uow, actor, pending, 0)
                if batch_problems:
                    raise ImportRejected(batch_problems, imported=done)
                uow.commit()
                one_writer = uow.dialect == "sqlite"
            del pending[:n]
            created, updated, done = created + c, updated + u, done + n
            if progress is not None:
                progress(done, total)
            if one_writer and done < total:
                # SQLite has one writer: a workstation waiting for the lock retries after sleeps of up to 100 ms
                # (its busy handler), so without a pause longer than that the next batch would take the lock
                # again first, every time, and the other desk would wait for the whole import after all
                time.sleep(IMPORT_PAUSE_SECONDS)
        return ImportResult(created, updated, total=total)

    def _import_batch(self, uow, actor: Actor, specs: list[tuple[int, ProductSpec]], start: int
                      ) -> tuple[int, int, int, list[ImportProblem]]:
        """Write rows from ``start`` on, until IMPORT_BATCH_ROWS or IMPORT_BATCH_SECONDS: (created, updated, rows
        written, problems); the caller commits only if there are no problems."""
        deadline = time.monotonic() + IMPORT_BATCH_SECONDS
        batch = specs[start:start + IMPORT_BATCH_ROWS]
        existing = uow.products.existing_skus(s.sku for _, s in batch)
        owners = uow.products.barcode_owners(s.barcode for _, s in batch)
        problems = _barcodes_taken(batch, owners)
        if problems:
            return 0, 0, 0, problems
        moves: list[dict] = []
        # (sku, on hand, old cost, new cost) of existing products with a new cost (None: the same cost)
        revalued: list[tuple[str, int, int, int] | None] = []
        old_costs = uow.invoices.unit_costs(existing[s.sku] for _, s in batch
                                            if s.sku in existing and s.unit_cost is not None)
        created = updated = written = 0
        for row_no, spec in batch:
            if written and time.monotonic() > deadline:
                break
            written += 1
            values = self._values(spec)
            pid = existing.get(spec.sku)
            if pid is None:
                pid = uow.products.add(values)
                created += 1
                if spec.on_hand:
                    uow.stock.change_on_hand(pid, spec.on_hand)
                    moves.append(dict(product_id=pid, kind="opening", on_hand_delta=spec.on_hand,
                                      reason="catalog import", user_id=actor.user_id))
                continue
            if values.get("cost_minor", old_costs.get(pid)) != old_costs.get(pid):
                revalued.append(cost_change(uow, pid, spec.sku, values["cost_minor"]))
            uow.products.update(pid, values)
            updated += 1
            if spec.on_hand is not None:
                st = uow.stock.get(pid)
                assert st is not None  # every product has its stock row
                delta = spec.on_hand - st.on_hand
                if delta:
                    if not uow.stock.change_on_hand(pid, delta):
                        problems.append(ImportProblem(row_no, "on_hand", msg(
                            "{sku}: {reserved} are reserved, on_hand cannot be {on_hand}", sku=spec.sku,
                            reserved=st.reserved, on_hand=spec.on_hand)))
                        continue
                    moves.append(dict(product_id=pid, kind="adjust", on_hand_delta=delta,
                                      reason="count (catalog import)", user_id=actor.user_id))
        if problems:
            return 0, 0, 0, problems
        uow.stock.add_moves(moves)
        cur = self.company.currency
        post_revaluation(uow, actor, revalued, currency=cur, what="catalog import")
        post_opening_stock(uow, actor, [(m["product_id"], m["on_hand_delta"]) for m in moves
                                        if m["kind"] == "opening"], currency=cur)
        post_stock_adjustment(uow, actor, [(m["product_id"], m["on_hand_delta"]) for m in moves
                                           if m["kind"] == "adjust"], "count (catalog import)", currency=cur)
        uow.events.add_event(ev.CatalogImported(created=created, updated=updated), user_id=actor.user_id)
        uow.audit.record(user_id=actor.user_id, username=actor.username, action="catalog.import",
                         entity="catalog", entity_id="", new={"created": created, "updated": updated,
                                                              "skus": [s.sku for _, s in batch[:written][:1000]]})
        return created, updated, written, []

    def _values(self, spec: ProductSpec) -> dict:
        return dict(sku=spec.sku, name=spec.name, description=spec.description, barcode=spec.barcode,
                    category=spec.category, unit_price_minor=to_minor(spec.unit_price, self.company.currency),
                    tax_rate_bp=rate_to_bp(spec.tax_rate), location=spec.location,
                    reorder_point=spec.reorder_point, reorder_qty=spec.reorder_qty, active=True,
                    search_text=search_text_of(spec),
                    **({} if spec.unit_cost is None else
                       {"cost_minor": to_minor(spec.unit_cost, self.company.currency)}))


def _barcodes_taken(specs: Iterable[tuple[int, ProductSpec]], owners: Mapping[str, str]) -> list[ImportProblem]:
    """A problem for each row whose barcode ``owners`` (barcode -> SKU in the database) gives to another product."""
    return [ImportProblem(row_no, "barcode", msg("barcode {barcode} already belongs to {owner}", barcode=spec.barcode,
                                                 owner=owners[spec.barcode]))
            for row_no, spec in specs if spec.barcode and owners.get(spec.barcode, spec.sku) != spec.sku]


def _nothing_to_print(categories: str, include_sold_out: bool) -> Message:
    """Why the printed catalog would be empty (``categories`` the wanted ones, "" for all)."""
    if categories:
        return msg("Nothing to print: no active product in {categories} is in the catalog.", categories=categories) \
            if include_sold_out else msg("Nothing to print: no active product in {categories} is available (sold-out "
                                         "products are left out unless asked for).", categories=categories)
    return msg("Nothing to print: no active product is in the catalog.") if include_sold_out else \
        msg("Nothing to print: no active product is available (sold-out products are left out unless asked for).")


def _problem_text(p: ImportProblem) -> Message:
    """``str(p)`` as a message: the row (and column) and the problem, each translated on its own."""
    if p.column:
        return msg("row {row}, column {column}: {problem}", row=p.row, column=p.column, problem=p.message)
    return msg("row {row}: {problem}", row=p.row, problem=p.message)


class ImportRejected(ValidationFailed):
    """A file with problems: nothing was imported (or, with ``imported``, only the rows before the transaction
    that met a problem another workstation caused meanwhile). ``rows`` lists every problem with row and column."""

    def __init__(self, problems: list[ImportProblem], *, imported: int = 0):
        self.rows = list(problems)
        self.imported = imported
        super().__init__([_problem_text(p) for p in problems])
        first = Joined([_problem_text(p) for p in problems[:5]])
        said = Joined([first, "..."], " ") if len(problems) > 5 else first
        self.message = (msg("Nothing was imported: {count} problem(s) in the file. {problems}", count=len(problems),
                            problems=said) if not imported else
                        msg("The first {imported} products were imported, then {count} problem(s) stopped it (changed "
                            "on another workstation meanwhile): {problems}. Fix them and import the file again: the "
                            "products already imported are simply set to the same values.", imported=imported,
                            count=len(problems), problems=said))

    def __str__(self) -> str:
        return self.message
