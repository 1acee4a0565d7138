"""Item models of the inventory tab: the lazy catalog over the whole product table, and small read-only row tables.

The catalog model never loads the catalog: it keeps the rows fetched so far and asks the service for the next page
(``fetchMore``) when the view scrolls near the end. Sorting and filtering happen in the database. Pages arrive from
background jobs; a generation counter drops pages that belong to a filter or sort order the user has already left.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QFont

from .. import theme
from ...services.dto import ProductDTO
from .. import format as fmt

LOW_STOCK, OUT_OF_STOCK, INACTIVE = "warning_bg", "bad_bg", "muted"  # theme colours
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    numeric: bool = False
    sortable: bool = True


CATALOG_COLUMNS = (
    Column("sku", QT_TRANSLATE_NOOP("CatalogModel", "SKU")), Column("name", QT_TRANSLATE_NOOP("CatalogModel", "Name")),
    Column("category", QT_TRANSLATE_NOOP("CatalogModel", "Category")),
    Column("location", QT_TRANSLATE_NOOP("CatalogModel", "Location")),
    Column("on_hand", QT_TRANSLATE_NOOP("CatalogModel", "On hand"), True),
    Column("reserved", QT_TRANSLATE_NOOP("CatalogModel", "Reserved"), True),
    Column("available", QT_TRANSLATE_NOOP("CatalogModel", "Available"), True),
    Column("on_order", QT_TRANSLATE_NOOP("CatalogModel", "On order"), True, sortable=False),
    Column("reorder_point", QT_TRANSLATE_NOOP("CatalogModel", "Reorder point"), True),
    Column("price", QT_TRANSLATE_NOOP("CatalogModel", "Price"), True),
)
"""The catalog's columns; each title is English, translated where shown (context "CatalogModel")."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("CatalogModel", text)


def is_low(p: ProductDTO) -> bool:
    return p.available <= p.reorder_point


class CatalogModel(QAbstractTableModel):
    """The whole catalog, fetched a page at a time, filtered and sorted by the database.

    Signals:
        loading_changed(bool): a page request started (True) or ended (False).
        total_changed(int): how many products match the filter (counted in the background).
        failed(object): a page or count request raised this exception.
    """

    loading_changed = Signal(bool)
    total_changed = Signal(int)
    failed = Signal(object)

    def __init__(self, services, actor, jobs, *, page_size: int = 200, locale: str = "en_US",
                 parent: QObject | None = None):
        super().__init__(parent)
        self.services, self.actor, self.jobs = services, actor, jobs
        self.page_size = page_size
        self.locale = locale
        self.filters: dict[str, Any] = dict(text="", category=None, low_stock=False, out_of_stock=False,
                                            active_only=True)
        self.order_by, self.descending = "sku", False
        self.total: int | None = None
        self._rows: list[ProductDTO] = []
        self._on_order: dict[int, int] = {}
        self._row_of: dict[int, int] = {}
        self._generation = 0
        self._fetching = False
        self._exhausted = False

    # ---- Qt model interface --------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(CATALOG_COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(CATALOG_COLUMNS):
            col = CATALOG_COLUMNS[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return _tr(col.title)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return RIGHT if col.numeric else LEFT
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(CATALOG_COLUMNS)):
            return None
        p = self._rows[index.row()]
        col = CATALOG_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(p, col.key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col.numeric else LEFT
        if role == Qt.ItemDataRole.BackgroundRole:
            if p.available <= 0:
                return theme.brush(OUT_OF_STOCK)
            if is_low(p):
                return theme.brush(LOW_STOCK)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and not p.active:
            return theme.brush(INACTIVE)
        if role == Qt.ItemDataRole.FontRole and col.key == "available" and is_low(p):
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole:
            if p.available <= 0:
                return QCoreApplication.translate("CatalogModel", "{sku} is out of stock").format(sku=p.sku)
            if is_low(p):
                return QCoreApplication.translate("CatalogModel", "{sku} is at or below its reorder point ({point})") \
                    .format(sku=p.sku, point=p.reorder_point)
            return None
        if role == Qt.ItemDataRole.UserRole:
            return p.id
        return None

    def _text(self, p: ProductDTO, key: str) -> str:
        match key:
            case "price":
                return fmt.money(p.unit_price, p.currency, self.locale)
            case "on_order":
                n = self._on_order.get(p.id, 0)
                return str(n) if n else ""
            case "available":
                return str(p.available)
            case "name":
                return p.name if p.active else QCoreApplication.translate("CatalogModel", "{name} (inactive)").format(
                    name=p.name)
            case _:
                return str(getattr(p, key))

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        # Views call this again while a page is on its way (every scroll, every layout): one request at a time.
        if parent.isValid() or self._fetching or self._exhausted:
            return
        self._fetch_page()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(CATALOG_COLUMNS)) or not CATALOG_COLUMNS[column].sortable:
            return
        order_by, descending = CATALOG_COLUMNS[column].key, order == Qt.SortOrder.DescendingOrder
        if (order_by, descending) != (self.order_by, self.descending):
            self.order_by, self.descending = order_by, descending
            self.reload()

    # ---- our interface -------------------------------------------------------------------------------------
    def product(self, row: int) -> ProductDTO | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, product_id: int) -> int | None:
        return self._row_of.get(product_id)

    def loaded_ids(self) -> list[int]:
        return list(self._row_of)

    @property
    def fetching(self) -> bool:
        return self._fetching

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    def set_filters(self, **changes) -> None:
        new = {**self.filters, **changes}
        if new != self.filters:
            self.filters = new
            self.reload()

    def reload(self) -> None:
        """Forget every row and start again from the first page (after a filter, sort or catalog change)."""
        self._generation += 1
        self.beginResetModel()
        self._rows, self._on_order, self._row_of = [], {}, {}
        self._fetching = False
        self._exhausted = False
        self.endResetModel()
        self.total = None
        self._fetch_page()
        self._count()

    def update_products(self, products: Sequence[ProductDTO], on_order: dict[int, int]) -> list[int]:
        """Replace the loaded rows of these products with fresh figures; returns the rows that changed."""
        changed = []
        for p in products:
            row = self._row_of.get(p.id)
            if row is None:
                continue
            self._rows[row] = p
            self._on_order[p.id] = on_order.get(p.id, 0)
            changed.append(row)
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(CATALOG_COLUMNS) - 1))
        return changed

    # ---- background requests -------------------------------------------------------------------------------
    def _fetch_page(self) -> None:
        self._fetching = True
        self.loading_changed.emit(True)
        gen, offset, limit = self._generation, len(self._rows), self.page_size
        filters, order_by, descending = dict(self.filters), self.order_by, self.descending
        services, actor = self.services, self.actor

        def work(_job):
            rows = services.catalog.search(actor, filters["text"], limit=limit, offset=offset,
                                           category=filters["category"], active_only=filters["active_only"],
                                           low_stock=filters["low_stock"], out_of_stock=filters["out_of_stock"],
                                           order_by=order_by, descending=descending)
            on_order = services.purchasing.on_order(actor, [r.id for r in rows]) if rows else {}
            return gen, rows, on_order

        self.jobs.submit(work, on_success=self._page_arrived, on_failure=self._page_failed, owner=self)

    def _page_arrived(self, result) -> None:
        gen, rows, on_order = result
        if gen != self._generation:
            return  # a page for a filter or order the user has left
        self._fetching = False
        if len(rows) < self.page_size:
            self._exhausted = True
        fresh = [p for p in rows if p.id not in self._row_of]  # offset paging can repeat a row after a change
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for i, p in enumerate(fresh):
                self._row_of[p.id] = first + i
                self._on_order[p.id] = on_order.get(p.id, 0)
            self._rows.extend(fresh)
            self.endInsertRows()
        self.loading_changed.emit(False)

    def _page_failed(self, exc) -> None:
        self._fetching = False
        self._exhausted = True  # don't hammer a failing database from every scroll; reload() tries again
        self.loading_changed.emit(False)
        self.failed.emit(exc)

    def _count(self) -> None:
        gen, filters, services, actor = self._generation, dict(self.filters), self.services, self.actor

        def work(_job):
            return gen, services.catalog.count(actor, filters["text"], category=filters["category"],
                                               active_only=filters["active_only"], low_stock=filters["low_stock"],
                                               out_of_stock=filters["out_of_stock"])

        self.jobs.submit(work, on_success=self._counted, on_failure=self.failed.emit, owner=self)

    def _counted(self, result) -> None:
        gen, total = result
        if gen == self._generation:
            self.total = total
            self.total_changed.emit(total)


class RowsModel(QAbstractTableModel):
    """A small read-only table of frozen rows: each column is (title, getter, numeric)."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[Any], Any], bool]], rows: Sequence = (),
                 *, background: Callable[[Any], QBrush | None] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows = list(rows)
        self._background = background

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, i: int):
        return self._rows[i] if 0 <= i < len(self._rows) else None

    @property
    def rows(self) -> list:
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section][0]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return RIGHT if self.columns[section][2] else LEFT
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        title, getter, numeric = self.columns[index.column()]
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = getter(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if numeric else LEFT
        if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
            return self._background(row)
        return None

