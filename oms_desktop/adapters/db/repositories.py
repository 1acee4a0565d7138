"""Repositories: SQL for each aggregate, in SQLAlchemy Core (the hot paths need no ORM identity map)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from operator import itemgetter

import json
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (and_, bindparam, case, delete, exists, func, insert, literal, literal_column, or_, select,
                        text, union, update)
from sqlalchemy import table as sql_table
from sqlalchemy import cast, true, union_all
from sqlalchemy import String
from sqlalchemy.dialects.postgresql import ARRAY as PG_ARRAY
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import BindParameter, ColumnElement
from sqlalchemy.sql.roles import ColumnsClauseRole

from ...domain.events import AnyEvent, to_record
from ...services.repository_records import (AuditRecord, CustomerAddressRecord, CustomerRecord, EventRecord,
                                            ListedOrderRecord, OrderLineRecord, OrderRecord, OrderStatusChangeRecord,
                                            ProductRecord, StockLevel, StockMoveRecord, StockRecord, UserRecord)
from ...domain.errors import CouponUsedUp, ValidationFailed
from ...domain.messages import msg
from . import models as m
from .models_carts import COUPON_USED_UP
from .text_guard import problems_in_rows
from .held_rows import HELD, holdable, write_held
from .models_performance import MIN_TRIGRAM_WORD
from .models_performance import PG_NAME_WORDS_TSVECTOR, WORD_POSITION_WEIGHT, typed_words
from .models_performance import product_words as words_t

products_t = m.Product.__table__
stock_t = m.Stock.__table__
moves_t = m.StockMove.__table__
customers_t = m.Customer.__table__
phones_t = m.CustomerPhone.__table__
orders_t = m.Order.__table__
lines_t = m.OrderLine.__table__
history_t = m.OrderStatusChange.__table__
events_t = m.Event.__table__
audit_t = m.AuditEntry.__table__
users_t = m.User.__table__
settings_t = m.Setting.__table__


def _now() -> datetime:
    return datetime.now(timezone.utc)


_TOP = "\U0010ffff"  # sorts after every character: "x" <= s < "x" + _TOP holds exactly for s starting with "x"


def like_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_BUILT: dict = {}


def built(key, build):
    """The statement ``build()`` makes, built once per ``key`` and reused, its values passed as ``bindparam``s.

    Why: on the order path, constructing a Core statement (coercions, generative copies, alias column proxies) and
    computing its cache key cost more Python time than SQLite takes to run it. A statement object that is reused
    keeps its memoized cache key, so SQLAlchemy goes straight to its compiled form. The key names the query and
    whatever changes its shape (the dialect, a flag); values never belong in it."""
    stmt = _BUILT.get(key)
    if stmt is None:
        stmt = _BUILT[key] = build()
    return stmt


def plain_insert(table):
    """``INSERT INTO table`` for rows given as parameter dicts (one, or a list for executemany), built once."""
    return built(("insert", table.name), lambda: insert(table))


@contextmanager
def coupon_use_refused():
    """An order confirmed with a coupon redeems it in the same statement (triggers of migration 0029), which the
    database refuses once the coupon is used up or withdrawn: that refusal as ``CouponUsedUp``."""
    try:
        yield
    except IntegrityError as e:
        if COUPON_USED_UP in str(e.orig):
            raise CouponUsedUp(msg("the coupon has just been used up")) from e
        raise


_ROWS_SQL: dict = {}


def _refuse_bad_text(table, keys: tuple[str, ...], rows) -> None:
    """The text guard for rows SQLAlchemy's INSERT does not see (``text_guard.problems_in_rows``)."""
    problems = problems_in_rows(table, keys, rows)
    if problems:
        raise ValidationFailed(problems)


def add_rows(conn: Connection, table, rows: Sequence[Mapping[str, Any]]) -> None:
    """``INSERT INTO table`` of ``rows`` (dicts with the same keys): at once (one executemany), or inside
    ``held_inserts`` on PostgreSQL held and written with the other rows held (the text guard checks them now); rows
    ``held_rows.holdable`` refuses go at once, after what is held."""
    if not rows:
        return
    held = getattr(conn, HELD, None)
    if held is not None:
        keys = tuple(rows[0])
        if holdable(table, keys):
            _refuse_bad_text(table, keys, rows)
            held.append((table, keys, rows))
            return
        write_held(conn)  # in the order given
    conn.execute(plain_insert(table), list(rows) if len(rows) > 1 else rows[0])


def insert_rows(conn: Connection, table, rows: Sequence[Mapping[str, Any]]) -> None:
    """``INSERT INTO table`` of ``rows`` (dicts with the same keys) as one executemany handed to the driver as it is.

    Why: for rows of plain integers and strings SQLAlchemy's per-row parameter work (a dict per row and bind, then
    the positional tuple) costs more than SQLite takes to store them; placing an order with promotions writes eight
    allowance rows or so (``oms bench``'s promotions row). What it skips is done here: the text guard checks every
    text (``text_guard.problems_in``, as for every other INSERT), and only columns whose type needs no conversion on
    this database are sent this way (any other falls back to the usual ``plain_insert``)."""
    if not rows:
        return
    if getattr(conn, HELD, None) is not None:
        add_rows(conn, table, rows)
        return
    keys = tuple(rows[0])
    dialect = conn.dialect
    cache_key = (dialect.name, table.name, keys)
    sql = _ROWS_SQL.get(cache_key)
    if sql is None:
        plain = all(table.c[k].type._cached_bind_processor(dialect) is None for k in keys)
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        quote = dialect.identifier_preparer.quote
        sql = _ROWS_SQL[cache_key] = (
            f"INSERT INTO {quote(table.name)} ({', '.join(quote(table.c[k].name) for k in keys)}) "
            f"VALUES ({', '.join(mark for _ in keys)})") if plain else ""
    if not sql:
        conn.execute(plain_insert(table), list(rows))
        return
    _refuse_bad_text(table, keys, rows)
    values = itemgetter(*keys)
    conn.exec_driver_sql(sql, [values(row) for row in rows] if len(keys) > 1 else [(row[keys[0]],) for row in rows])


def insert_returning_id(table):
    """``INSERT INTO table ... RETURNING id`` for one row given as a parameter dict, built once."""
    return built(("insert returning id", table.name), lambda: insert(table).returning(table.c.id))


class _Repo:
    def __init__(self, conn: Connection):
        self.c = conn

    @property
    def _pg(self) -> bool:
        return self.c.dialect.name == "postgresql"

    def _text_matches(self, fts: str, table, column: str, words: list[str]):
        """Ids of the rows whose ``column`` contains every word of three or more characters, from the trigram
        index (SQLite FTS5; PostgreSQL pg_trgm serves the LIKEs); shorter words are left to the caller's LIKE."""
        long_words = [w for w in words if len(w) >= MIN_TRIGRAM_WORD]
        if self._pg:
            return select(table.c.id).where(*[table.c[column].like("%" + like_escape(w) + "%", escape="\\")
                                              for w in long_words])
        query = " AND ".join('"' + w.replace('"', '""') + '"' for w in long_words)
        return select(literal_column("rowid")).select_from(sql_table(fts)).where(
            literal_column(fts).op("MATCH")(literal(query)))


class SettingsRepo(_Repo):
    def get_all(self) -> dict[str, str]:
        return dict(self.c.execute(select(settings_t.c.key, settings_t.c.value)).all())

    def set(self, key: str, value: str) -> None:
        n = self.c.execute(update(settings_t).where(settings_t.c.key == key).values(value=value)).rowcount
        if not n:
            self.c.execute(insert(settings_t).values(key=key, value=value))


class UsersRepo(_Repo):
    def count(self) -> int:
        return self.c.execute(select(func.count()).select_from(users_t)).scalar_one()

    def add(self, username: str, display_name: str, role: str, password_hash: str) -> int:
        return self.c.execute(insert(users_t).values(
            username=username, display_name=display_name, role=role, password_hash=password_hash, active=True,
            created_at=_now()).returning(users_t.c.id)).scalar_one()

    def by_username(self, username: str) -> UserRecord | None:
        row = self.c.execute(select(users_t).where(func.lower(users_t.c.username) == username.lower())).first()
        return UserRecord(**row._mapping) if row is not None else None

    def get(self, user_id: int) -> UserRecord | None:
        row = self.c.execute(select(users_t).where(users_t.c.id == user_id)).first()
        return UserRecord(**row._mapping) if row is not None else None

    def list(self) -> list[UserRecord]:
        return [UserRecord(**r._mapping) for r in self.c.execute(select(users_t).order_by(users_t.c.username))]

    def set_password(self, user_id: int, password_hash: str) -> None:
        self.c.execute(update(users_t).where(users_t.c.id == user_id).values(password_hash=password_hash))

    def set_active(self, user_id: int, active: bool) -> None:
        self.c.execute(update(users_t).where(users_t.c.id == user_id).values(active=active))

    def set_role(self, user_id: int, role: str) -> None:
        self.c.execute(update(users_t).where(users_t.c.id == user_id).values(role=role))

    def set_language(self, user_id: int, language: str | None) -> None:
        self.c.execute(update(users_t).where(users_t.c.id == user_id).values(language=language))

    def lock_active_admins(self) -> Sequence[UserRecord]:
        """The active administrators, their rows locked until the transaction ends (PostgreSQL; SQLite's write
        transaction holds the whole file): two admins demoting each other at once cannot both succeed, because
        the second reads again once the first has committed."""
        return [UserRecord(**r._mapping) for r in self.c.execute(
            select(users_t).where(users_t.c.role == "admin", users_t.c.active.is_(True))
            .order_by(users_t.c.id).with_for_update())]

    def count_failure(self, user_id: int) -> int:
        """One more failed sign-in in a row, counted in the database (two workstations failing at once both count)."""
        return self.c.execute(update(users_t).where(users_t.c.id == user_id)
                              .values(failed_logins=users_t.c.failed_logins + 1)
                              .returning(users_t.c.failed_logins)).scalar_one()

    def set_locked_until(self, user_id: int, until: datetime | None) -> None:
        self.c.execute(update(users_t).where(users_t.c.id == user_id).values(locked_until=until))

    def clear_failures(self, user_id: int) -> None:
        self.c.execute(update(users_t).where(users_t.c.id == user_id).values(failed_logins=0, locked_until=None))


_PRODUCT_COLS: list[ColumnsClauseRole] = [products_t, stock_t.c.on_hand, stock_t.c.reserved]
_PRODUCT_WIDTH = len(products_t.c) + 2
"""How many of a product query's columns a ``ProductRecord`` takes (a search adds its ranking after them)."""


def _product(row) -> ProductRecord | None:
    return ProductRecord(*row) if row is not None else None


class ProductsRepo(_Repo):
    def _select(self):
        return select(*_PRODUCT_COLS).join(stock_t, stock_t.c.product_id == products_t.c.id)

    def by_sku(self, sku: str) -> ProductRecord | None:
        return _product(self.c.execute(built("product by sku", lambda: self._select().where(
            products_t.c.sku == bindparam("sku"))), {"sku": sku}).first())

    def by_skus(self, skus) -> dict[str, ProductRecord]:
        rows = self.c.execute(built("products by skus", lambda: self._select().where(
            products_t.c.sku.in_(bindparam("skus", expanding=True)))), {"skus": list(skus)})
        return {r.sku: ProductRecord(*r) for r in rows}

    def by_barcode(self, barcode: str) -> ProductRecord | None:
        return _product(self.c.execute(self._select().where(products_t.c.barcode == barcode)).first())

    def by_barcodes(self, barcodes) -> dict[str, ProductRecord]:
        rows = self.c.execute(self._select().where(products_t.c.barcode.in_(list(barcodes))))
        return {r.barcode: ProductRecord(*r) for r in rows}

    def get(self, product_id: int) -> ProductRecord | None:
        return _product(self.c.execute(built("product", lambda: self._select().where(
            products_t.c.id == bindparam("id"))), {"id": product_id}).first())

    def by_ids(self, product_ids) -> dict[int, ProductRecord]:
        """The products of ``product_ids`` (with their stock) by id, in one statement."""
        ids = sorted(set(product_ids))
        if not ids:
            return {}
        rows = self.c.execute(built("products by ids", lambda: self._select().where(
            products_t.c.id.in_(bindparam("ids", expanding=True)))), {"ids": ids})
        return {r.id: ProductRecord(*r) for r in rows}

    def add(self, values: Mapping[str, object]) -> int:
        now = _now()
        values = {**values, "created_at": now, "updated_at": now}
        pid = self.c.execute(insert(products_t).values(**values).returning(products_t.c.id)).scalar_one()
        self.c.execute(insert(stock_t).values(product_id=pid, on_hand=0, reserved=0))
        return pid

    def update(self, product_id: int, values: Mapping[str, object]) -> None:
        self.c.execute(update(products_t).where(products_t.c.id == product_id).values(**values, updated_at=_now()))

    def existing_skus(self, skus) -> dict[str, int]:
        skus = list(skus)
        out: dict[str, int] = {}
        for i in range(0, len(skus), 500):
            out.update(self.c.execute(select(products_t.c.sku, products_t.c.id)
                                      .where(products_t.c.sku.in_(skus[i:i + 500]))).all())
        return out

    def barcode_owners(self, barcodes) -> dict[str, str]:
        barcodes = [b for b in barcodes if b]
        out: dict[str, str] = {}
        for i in range(0, len(barcodes), 500):
            out.update(self.c.execute(select(products_t.c.barcode, products_t.c.sku)
                                      .where(products_t.c.barcode.in_(barcodes[i:i + 500]))).all())
        return out

    def search(self, text_: str = "", *, limit: int = 50, offset: int = 0, category: str | None = None,
               active_only: bool = True, low_stock: bool = False, out_of_stock: bool = False,
               order_by: str = "sku", descending: bool = False) -> list[ProductRecord]:
        typed = (text_ or "").strip()
        filters = (category or None, active_only, low_stock, out_of_stock)
        if typed and order_by == "sku" and not descending:
            return self._type_ahead(typed, limit, offset, *filters)
        col = {"sku": products_t.c.sku, "name": products_t.c.name, "category": products_t.c.category,
               "location": products_t.c.location, "price": products_t.c.unit_price_minor,
               "on_hand": stock_t.c.on_hand, "reserved": stock_t.c.reserved,
               "available": stock_t.c.on_hand - stock_t.c.reserved,
               "reorder_point": products_t.c.reorder_point}.get(order_by, products_t.c.sku)
        q = self._filter(self._select(), typed, *filters)
        q = q.order_by(col.desc() if descending else col, products_t.c.id).limit(limit).offset(offset)
        return [ProductRecord(*r) for r in self.c.execute(q)]

    def count(self, text_: str = "", *, category=None, active_only=True, low_stock=False, out_of_stock=False) -> int:
        q = select(func.count()).select_from(products_t.join(stock_t, stock_t.c.product_id == products_t.c.id))
        q = self._filter(q, text_, category or None, active_only, low_stock, out_of_stock)
        return self.c.execute(q).scalar_one()

    def _filter(self, q, text_, category, active_only, low_stock, out_of_stock):
        """The list's filters; text finds what the type-ahead finds (its barcode, SKUs starting with it, names with
        a word starting with each typed word), in whatever order the caller sorts by."""
        q = self._plain_filters(q, category, active_only, low_stock, out_of_stock)
        typed = (text_ or "").strip()
        if typed:
            found = [select(products_t.c.id).where(products_t.c.barcode == typed),
                     select(products_t.c.id).where(self._sku_prefix(typed.upper(), typed.upper() + _TOP))]
            if words := typed_words(typed):
                found.append(self._name_matches(self._names_query(words)))
            q = q.where(products_t.c.id.in_(union(*found)))
        return q

    @staticmethod
    def _plain_filters(q, category, active_only, low_stock, out_of_stock):
        """``category``: None for all, a name, or a bindparam."""
        if active_only:
            q = q.where(products_t.c.active.is_(True))
        if category is not None:
            q = q.where(products_t.c.category == category)
        if low_stock:
            q = q.where(stock_t.c.on_hand - stock_t.c.reserved <= products_t.c.reorder_point)
        if out_of_stock:
            q = q.where(stock_t.c.on_hand - stock_t.c.reserved <= 0)
        return q

    def _sku_prefix(self, low, high):
        """SKUs in [low, high): a prefix and the prefix + U+10FFFF, as one index range. SQLite's LIKE ignores
        case and cannot use the index; PostgreSQL's text_pattern_ops index serves ~>=~ and ~<~ (byte order), bound
        parameters included (LIKE needs the pattern at planning time)."""
        if self._pg:
            return and_(products_t.c.sku.op("~>=~", is_comparison=True)(low),
                        products_t.c.sku.op("~<~", is_comparison=True)(high))
        return and_(products_t.c.sku >= low, products_t.c.sku < high)

    # ---- the type-ahead: word-prefix matching, ranked -------------------------------------------------------
    # Order: the product whose SKU or barcode is exactly what was typed; SKUs starting with it (SKU order); then
    # products whose name has, for every typed word, a word starting with it (``product_words``, migration 0006),
    # best first: a typed word scores its earliest matching word's position * WORD_POSITION_WEIGHT, + 1 when it is
    # only that word's start ("lamp" in "Lampshade") rather than all of it; a name scores the sum; ties by SKU.
    # The statements are built once per shape (dialect, number of words, filters) with bound parameters: building
    # them took longer than running them.

    def _type_ahead(self, typed: str, limit: int, offset: int, category, active_only, low_stock,
                    out_of_stock) -> list[ProductRecord]:
        """One page in at most two statements: exact and SKU-prefix matches (each walked in SKU order, stopping at
        the page's end), then, if the page is not full yet, the ranked name matches."""
        want = offset + limit
        sku = typed.upper()
        shape = (self._pg, category is not None, active_only, low_stock, out_of_stock)
        params = {"typed": typed, "sku": sku, "sku_hi": sku + _TOP, "sku_len": len(sku), "want": want,
                  "category": category}
        stmt = built(("type-ahead: SKU or barcode", *shape), lambda: self._found_statement(*shape[1:]))
        rows = self.c.execute(stmt, params).all()
        # the rows end with the query's own columns (group, score), left out of the records
        if len(rows) >= want:
            return [ProductRecord(*r[:_PRODUCT_WIDTH]) for r in rows[offset:want]]
        page = [ProductRecord(*r[:_PRODUCT_WIDTH]) for r in rows[offset:]]
        words = typed_words(typed)
        if not words:
            return page
        names_limit, names_offset = limit - len(page), max(0, offset - len(rows))
        params.update(limit=names_limit, offset=names_offset, names_want=names_offset + names_limit,
                      names_query=self._names_query(words))
        for i, w in enumerate(words):
            params[f"w{i}"], params[f"w{i}_hi"] = w, w + _TOP
        stmt = built(("type-ahead: names", len(words), *shape), lambda: self._names_statement(len(words), *shape[1:]))
        return [*page, *(ProductRecord(*r[:_PRODUCT_WIDTH]) for r in self.c.execute(stmt, params))]

    def _found_statement(self, category: bool, active_only, low_stock, out_of_stock):
        base = self._plain_filters(self._select(), bindparam("category") if category else None, active_only,
                                   low_stock, out_of_stock)
        sku: BindParameter[Any] = bindparam("sku")
        typed: BindParameter[Any] = bindparam("typed")
        exact = base.where(or_(products_t.c.sku == sku, products_t.c.barcode == typed)).subquery("exact")
        # SKUs in code point order, as product_words sorts them; on PostgreSQL "USING ~<~" lets the walk of the
        # text_pattern_ops index stop at the page's end (ORDER BY sku would sort every SKU with that prefix)
        in_order = literal_column("products.sku USING ~<~") if self._pg else products_t.c.sku
        prefix = (base.where(self._sku_prefix(sku, bindparam("sku_hi")), products_t.c.sku != sku,
                             or_(products_t.c.barcode.is_(None), products_t.c.barcode != typed))
                  .order_by(in_order).limit(bindparam("want")).subquery("sku_prefix"))
        found = union_all(select(exact, literal_column("0").label("grp")),
                          select(prefix, literal_column("1").label("grp"))).subquery("found")
        by_sku = found.c.sku.collate("C") if self._pg else found.c.sku
        return select(found).order_by(found.c.grp, by_sku).limit(bindparam("want"))

    def _names_statement(self, n_words: int, category: bool, active_only, low_stock, out_of_stock):
        pw = words_t.c
        # not again what the first statement found (the SKU prefix, the barcode's product), as plain filters (an
        # OR of ranges would split the word index's range in two); active products only
        fresh = [func.substr(pw.sku, literal_column("1"), bindparam("sku_len")) != bindparam("sku"),
                 pw.product_id.not_in(select(products_t.c.id).where(products_t.c.barcode == bindparam("typed")))]
        if active_only:
            fresh.append(pw.active == true())
        joined = lambda c: c.join(products_t, products_t.c.id == c.c.product_id).join(  # noqa: E731
            stock_t, stock_t.c.product_id == products_t.c.id)
        limit: BindParameter[Any] = bindparam("limit")
        offset: BindParameter[Any] = bindparam("offset")
        if category or low_stock or out_of_stock:  # filters on the product row: rank the matches, then filter
            cands = self._words_candidates(n_words, fresh)
            q = select(*_PRODUCT_COLS, cands.c.score).select_from(joined(cands))
            q = self._plain_filters(q, bindparam("category") if category else None, active_only, low_stock,
                                    out_of_stock)
            return q.order_by(cands.c.score, cands.c.sku).limit(limit).offset(offset)
        # the page is known from product_words alone: read only its products' rows
        cands = self._one_word_candidates(fresh) if n_words == 1 else self._words_candidates(n_words, fresh)
        page = select(cands).order_by(cands.c.score, cands.c.sku).limit(limit).offset(offset).subquery("page")
        return select(*_PRODUCT_COLS, page.c.score).select_from(joined(page)).order_by(page.c.score, page.c.sku)

    @staticmethod
    def _starts(i: int):
        """The words starting with typed word ``i``: one range of ix_product_words_word (code point order)."""
        return and_(words_t.c.word >= bindparam(f"w{i}"), words_t.c.word < bindparam(f"w{i}_hi"))

    @staticmethod
    def _word_score(i: int):
        return (words_t.c.pos * literal_column(str(WORD_POSITION_WEIGHT))
                + case((words_t.c.word == bindparam(f"w{i}"), literal_column("0")), else_=literal_column("1")))

    def _one_word_candidates(self, fresh: list):
        """(product_id, sku, score) of the names with a word starting with the typed word. A name whose first word
        matches outranks every other, so when ``want`` of them exist (a short, common prefix: "s"), they are the
        answer, from the partial index on first words; only otherwise are all matching words gathered."""
        pw = words_t.c
        want: BindParameter[Any] = bindparam("names_want")  # the name statement's offset + limit
        partial = case((pw.word == bindparam("w0"), literal_column("0")), else_=literal_column("1"))
        first = (select(pw.product_id, pw.sku, partial.label("score"))
                 .where(pw.pos == literal_column("0"), self._starts(0), *fresh)  # literal: the partial index
                 .order_by(partial, pw.sku).limit(want).cte("first_words"))
        enough = select(func.count()).select_from(first).scalar_subquery() >= want
        later = (select(pw.product_id, pw.sku, func.min(self._word_score(0)).label("score"))
                 .where(self._starts(0), *fresh, ~enough)
                 .group_by(pw.product_id, pw.sku).having(func.min(pw.pos) > literal_column("0")))
        return union_all(select(first.c.product_id, first.c.sku, first.c.score), later).subquery("candidates")

    def _words_candidates(self, n_words: int, fresh: list):
        """(product_id, sku, score) of the names with a word starting with each typed word, scored.

        One word: its range of the word index, best match per product. Several: an inverted index of the names
        (SQLite FTS5, PostgreSQL GIN on a tsvector of the same words) finds the products that have them all, a
        fast AND of posting lists, and only those products' words are read, by primary key (the word conditions
        sit inside the aggregates, where no index can take them: a misjudged word range must not pull the
        planner onto the word index)."""
        pw = words_t.c
        if n_words == 1:
            return (select(pw.product_id, pw.sku, func.min(self._word_score(0)).label("score"))
                    .where(self._starts(0), *fresh).group_by(pw.product_id, pw.sku).subquery("candidates"))
        in_names = self._name_matches(bindparam("names_query")).cte("in_names")
        best = [func.min(case((self._starts(i), self._word_score(i)))).label(f"s{i}") for i in range(n_words)]
        if self._pg:  # per product found: one probe of product_words' primary key
            per_product = (select(func.min(pw.sku).label("sku"), *best)
                           .where(pw.product_id == in_names.c.id, *fresh).lateral("its_words"))
            scored_q = select(in_names.c.id.label("product_id"), per_product).select_from(
                in_names.join(per_product, true()))
        else:  # SQLite walks the IN list through the primary key
            scored_q = (select(pw.product_id, pw.sku, *best).where(pw.product_id.in_(select(in_names.c.id)), *fresh)
                        .group_by(pw.product_id, pw.sku))
        scored = scored_q.subquery("scored")
        parts = [scored.c[f"s{i}"] for i in range(n_words)]
        total: ColumnElement[Any] = parts[0]
        for part in parts[1:]:
            total = total + part
        return (select(scored.c.product_id, scored.c.sku, total.label("score"))
                .where(*[part.is_not(None) for part in parts]).subquery("candidates"))

    def _names_query(self, words: list[str]) -> str:
        """Every word as a prefix, for the inverted index of the names: tsquery ``'oak':* & 'desk':*``, FTS5
        ``"oak"* AND "desk"*``."""
        if self._pg:
            return " & ".join("'" + w.replace("\\", "\\\\").replace("'", "''") + "':*" for w in words)
        return " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)

    def _name_matches(self, query):
        """Ids (column ``id``) of the products whose name has a word starting with each typed word (``query``
        from ``_names_query``, a value or a bindparam), unranked."""
        if self._pg:
            return select(products_t.c.id).where(
                literal_column(PG_NAME_WORDS_TSVECTOR).op("@@")(cast(query, TSQUERY)))
        return select(literal_column("rowid").label("id")).select_from(sql_table("products_name_fts")).where(
            literal_column("products_name_fts").op("MATCH")(query))

    def categories(self) -> list[str]:
        return list(self.c.execute(select(products_t.c.category).where(products_t.c.category != "")
                                   .distinct().order_by(products_t.c.category)).scalars())


class StockRepo(_Repo):
    def get(self, product_id: int) -> StockRecord | None:
        row = self.c.execute(built("stock", lambda: select(stock_t).where(stock_t.c.product_id == bindparam("id"))),
                             {"id": product_id}).first()
        return StockRecord(*row) if row is not None else None

    def try_reserve(self, product_id: int, qty: int) -> StockLevel | None:
        """Atomic conditional reservation, safe under READ COMMITTED and SQLite's single writer.

        Returns the new (on_hand, reserved), or None when fewer than ``qty`` are available (nothing changed).
        """
        row = self.c.execute(_TRY_RESERVE, {"pid": product_id, "qty": qty}).first()
        return StockLevel(*row) if row is not None else None

    def try_reserve_all(self, items: list[tuple[int, int]]) -> dict[int, StockLevel]:
        """``try_reserve`` for each (product id, quantity) of ``items``, given in SKU order: {product id: its level
        after} of those reserved; a product missing was short (nothing of it changed) and the caller refuses the
        order (and rolls back).

        One statement for all of them, each row on its own condition, so what is reserved is what the UPDATEs one
        by one would have reserved; placing an order takes one statement (one round trip) here instead of one per
        product. PostgreSQL: ``_PG_RESERVE_ALL`` locks the rows in the order given (SKU order: concurrent orders
        never deadlock) before it updates them. SQLite: the write transaction holds the database's single write lock
        already (no lock order to keep)."""
        n = len(items)
        if self._pg and n > 1:
            return {pid: StockLevel(on_hand, reserved) for pid, on_hand, reserved in self.c.execute(
                _PG_RESERVE_ALL, {"pids": [pid for pid, _q in items], "qtys": [q for _pid, q in items]})}
        if self.c.dialect.name == "sqlite" and 1 < n <= _RESERVE_AT_ONCE:
            def build():  # CASE product_id WHEN :p0 THEN :q0 ...: one statement for n products, built once per n
                qty = case(*[(stock_t.c.product_id == bindparam(f"p{i}"), bindparam(f"q{i}")) for i in range(n)])
                return (update(stock_t)
                        .where(stock_t.c.product_id.in_([bindparam(f"p{i}") for i in range(n)]),
                               stock_t.c.on_hand - stock_t.c.reserved >= qty)
                        .values(reserved=stock_t.c.reserved + qty)
                        .returning(stock_t.c.product_id, stock_t.c.on_hand, stock_t.c.reserved))
            params = {}
            for i, (pid, q) in enumerate(items):
                params[f"p{i}"], params[f"q{i}"] = pid, q
            return {pid: StockLevel(on_hand, reserved) for pid, on_hand, reserved in
                    self.c.execute(built(("reserve stock", n), build), params)}
        levels: dict[int, StockLevel] = {}
        for pid, q in items:
            after = self.try_reserve(pid, q)
            if after is None:
                break
            levels[pid] = after
        return levels

    def reserve_up_to(self, product_id: int, qty: int) -> int:
        """Reserve as many of ``qty`` as are available (none: 0) and say how many: the row is locked first on
        PostgreSQL (READ COMMITTED reads it as committed after the lock), SQLite has one writer; the UPDATE keeps
        its condition all the same, so nothing is ever oversold."""
        st = self.c.execute(select(stock_t.c.on_hand, stock_t.c.reserved).where(stock_t.c.product_id == product_id)
                            .with_for_update() if self._pg else
                            select(stock_t.c.on_hand, stock_t.c.reserved).where(stock_t.c.product_id == product_id)
                            ).first()
        take = min(qty, st.on_hand - st.reserved) if st is not None else 0
        if take <= 0:
            return 0
        if self.try_reserve(product_id, take) is None:
            raise RuntimeError(f"product {product_id}: {take} were available under the row lock and are not now")
        return take

    def lock_rows(self, product_ids) -> None:
        """Lock the products' stock rows in SKU order (PostgreSQL; SQLite's writer holds the whole database), so
        that what hangs off them (their waiting backorders) stays as read until the commit."""
        ids = sorted(set(product_ids))
        if self._pg and ids:
            self.c.execute(select(stock_t.c.product_id).join(products_t, products_t.c.id == stock_t.c.product_id)
                           .where(stock_t.c.product_id.in_(ids)).order_by(products_t.c.sku)
                           .with_for_update(of=stock_t)).all()

    def lock_and_read(self, product_ids) -> dict[int, tuple[int, int]]:
        """{product id: (on hand, reserved)} of the products' stock rows, in one statement: on PostgreSQL locked in
        SKU order (no deadlocks; READ COMMITTED reads each row as committed after its lock), on SQLite the caller's
        write transaction holds the whole database. What is read stays true until the commit: a batch of orders can
        be checked against it, order by order, before anything is written (``reserve_counted``)."""
        ids = sorted(set(product_ids))
        if not ids:
            return {}
        q = built(("stock lock and read", self._pg), lambda: (
            select(stock_t.c.product_id, stock_t.c.on_hand, stock_t.c.reserved)
            .join(products_t, products_t.c.id == stock_t.c.product_id)
            .where(stock_t.c.product_id.in_(bindparam("ids", expanding=True))).order_by(products_t.c.sku)
            .with_for_update(of=stock_t) if self._pg else
            select(stock_t.c.product_id, stock_t.c.on_hand, stock_t.c.reserved)
            .where(stock_t.c.product_id.in_(bindparam("ids", expanding=True)))))
        return {r.product_id: (r.on_hand, r.reserved) for r in self.c.execute(q, {"ids": ids})}

    def reserve_many(self, quantities: dict[int, int]) -> int:
        """Reserve ``{product id: quantity}`` with the conditional UPDATE of ``try_reserve`` (never below what is
        available), one executemany in product order; the number of rows reserved (fewer: some were short)."""
        if not quantities:
            return 0
        r = self.c.execute(_RESERVE_MANY, [{"pid": pid, "qty": q} for pid, q in sorted(quantities.items())])
        if not self.c.dialect.supports_sane_multi_rowcount:  # pragma: no cover (sqlite3 and psycopg count)
            raise RuntimeError("this database driver does not count the rows of an executemany")
        return r.rowcount

    def release(self, product_id: int, qty: int) -> None:
        r = self.c.execute(built("release", lambda: update(stock_t)
                                 .where(stock_t.c.product_id == bindparam("pid"),
                                        stock_t.c.reserved >= bindparam("qty"))
                                 .values(reserved=stock_t.c.reserved - bindparam("qty"))),
                           {"pid": product_id, "qty": qty})
        if r.rowcount != 1:
            raise RuntimeError(f"releasing {qty} of product {product_id} would make the reservation negative")

    def change_on_hand(self, product_id: int, delta: int) -> bool:
        """Add ``delta`` to on hand unless that would leave less on hand than is reserved."""
        r = self.c.execute(built("change on hand", lambda: update(stock_t)
                                 .where(stock_t.c.product_id == bindparam("pid"),
                                        stock_t.c.on_hand + bindparam("delta") >= stock_t.c.reserved,
                                        stock_t.c.on_hand + bindparam("delta") >= 0)
                                 .values(on_hand=stock_t.c.on_hand + bindparam("delta"))),
                           {"pid": product_id, "delta": delta})
        return r.rowcount == 1

    def consume(self, product_id: int, qty: int) -> bool:
        """Ship reserved units: on hand and reserved both go down."""
        r = self.c.execute(_CONSUME, {"pid": product_id, "qty": qty})
        return r.rowcount == 1

    def add_move(self, product_id: int, *, kind: str, on_hand_delta: int = 0, reserved_delta: int = 0,
                 reason: str = "", order_id: int | None = None, reference: str = "", user_id: int | None = None):
        self.c.execute(plain_insert(moves_t), dict(product_id=product_id, kind=kind, on_hand_delta=on_hand_delta,
                                             reserved_delta=reserved_delta, reason=reason, order_id=order_id,
                                             reference=reference, user_id=user_id, created_at=_now()))

    def add_moves(self, rows: Sequence[Mapping[str, object]]) -> None:
        if rows:
            now = _now()
            base = {"on_hand_delta": 0, "reserved_delta": 0, "reason": "", "order_id": None, "reference": "",
                    "user_id": None, "created_at": now}
            add_rows(self.c, moves_t, [{**base, **r} for r in rows])

    def moves(self, product_id: int, limit: int = 500) -> list[StockMoveRecord]:
        q = (select(moves_t, users_t.c.username).outerjoin(users_t, users_t.c.id == moves_t.c.user_id)
             .where(moves_t.c.product_id == product_id).order_by(moves_t.c.id.desc()).limit(limit))
        return [StockMoveRecord(*r) for r in self.c.execute(q)]

    def invariant_violations(self) -> list[tuple]:
        """Stock rows that differ from the sum of their moves (should always be empty)."""
        sums = (select(moves_t.c.product_id, func.sum(moves_t.c.on_hand_delta).label("oh"),
                       func.sum(moves_t.c.reserved_delta).label("rs"))
                .group_by(moves_t.c.product_id).subquery())
        q = (select(stock_t.c.product_id, stock_t.c.on_hand, stock_t.c.reserved, sums.c.oh, sums.c.rs)
             .outerjoin(sums, sums.c.product_id == stock_t.c.product_id)
             .where(or_(stock_t.c.on_hand != func.coalesce(sums.c.oh, 0),
                        stock_t.c.reserved != func.coalesce(sums.c.rs, 0))))
        return [tuple(r) for r in self.c.execute(q).all()]


_RESERVE_AT_ONCE = 50
"""Orders of up to this many products reserve their stock in one UPDATE on SQLite (one statement shape per count,
built once); larger ones take one UPDATE per product. (PostgreSQL: one statement however many, ``_PG_RESERVE_ALL``.)"""
# Built once: the reservation runs for every line of every order (the statement cache then skips compiling too).
_TRY_RESERVE = (update(stock_t)
                .where(stock_t.c.product_id == bindparam("pid"),
                       stock_t.c.on_hand - stock_t.c.reserved >= bindparam("qty"))
                .values(reserved=stock_t.c.reserved + bindparam("qty"))
                .returning(stock_t.c.on_hand, stock_t.c.reserved))
PG_STOCK_LOCKED_IN_ORDER = """
WITH wanted AS (SELECT * FROM unnest(CAST(:pids AS BIGINT[]), CAST(:qtys AS INTEGER[])) WITH ORDINALITY
                AS w(product_id, qty, n)),
     locked AS MATERIALIZED (SELECT stock.product_id, wanted.qty FROM stock JOIN wanted USING (product_id)
                             ORDER BY wanted.n FOR UPDATE OF stock)"""
"""PostgreSQL: the stock rows of ``:pids`` locked in the order given, each with its quantity of ``:qtys`` (the CTE
``locked``); the reservation and the shipment of several products (``repositories_warehouse._PG_CONSUME_ALL``)
each add their one UPDATE ... FROM locked to it."""
_PG_RESERVE_ALL = text(PG_STOCK_LOCKED_IN_ORDER + """
UPDATE stock SET reserved = stock.reserved + locked.qty FROM locked
WHERE stock.product_id = locked.product_id AND stock.on_hand - stock.reserved >= locked.qty
RETURNING stock.product_id, stock.on_hand, stock.reserved""")
"""PostgreSQL's reservation of several products in one statement. ``locked`` takes the rows' locks in the order the
products are given (a locking clause applies after ORDER BY: the rows are locked as they come out sorted), so two
orders wanting the same products never wait for each other in a circle; the UPDATE then changes those whose
available units cover their quantity. Under READ COMMITTED a row another transaction changed meanwhile is updated
as that transaction left it, its condition checked again on that version (PostgreSQL's re-check of an updated
row): nothing is ever oversold, as with one UPDATE per product. MATERIALIZED: the locking query is never folded
into the UPDATE."""
_RESERVE_MANY = (update(stock_t)
                 .where(stock_t.c.product_id == bindparam("pid"),
                        stock_t.c.on_hand - stock_t.c.reserved >= bindparam("qty"))
                 .values(reserved=stock_t.c.reserved + bindparam("qty")))
_CONSUME = (update(stock_t).where(stock_t.c.product_id == bindparam("pid"), stock_t.c.reserved >= bindparam("qty"))
            .values(on_hand=stock_t.c.on_hand - bindparam("qty"), reserved=stock_t.c.reserved - bindparam("qty")))
"""Ship reserved units of one product: on hand and reserved both go down."""


class CustomersRepo(_Repo):
    def add(self, *, name, email, billing_address, shipping_address, notes, language=None) -> int:
        return self.c.execute(insert(customers_t).values(
            name=name, email=email, billing_address=billing_address, shipping_address=shipping_address, notes=notes,
            name_lower=name.lower(), email_lower=email.lower(), created_at=_now(), language=language)
            .returning(customers_t.c.id)).scalar_one()

    def add_many(self, rows: list[dict]) -> dict[str, int]:
        """Insert customers (``name``, ``email``, ``billing_address``, ``shipping_address``, ``notes``; the notes
        unique among the rows) in one statement: {notes: new id}."""
        if not rows:
            return {}
        now = _now()
        ins = built("add customers", lambda: insert(customers_t).returning(customers_t.c.id, customers_t.c.notes))
        got = self.c.execute(ins, [{**r, "name_lower": r["name"].lower(), "email_lower": r["email"].lower(),
                                    "created_at": now} for r in rows]).all()
        return {notes: cid for cid, notes in got}

    def add_phones(self, rows: list[dict]) -> None:
        """Phones (``customer_id``, ``phone``, ``digits``, ``key``) in one executemany."""
        if rows:
            self.c.execute(plain_insert(phones_t), rows)

    def first_ids_by_emails(self, emails) -> dict[str, int]:
        """{e-mail (lower case): the lowest customer id with it} for the e-mails ``emails`` (any case)."""
        wanted = sorted({e.lower() for e in emails if e})
        if not wanted:
            return {}
        if self._pg:
            # one index look-up per e-mail: with an IN list of 200, PostgreSQL chose the trigram index and its
            # pending list (the customers an import just added) took seconds a query
            def build():
                w = func.unnest(bindparam("e", type_=PG_ARRAY(String))).table_valued("e").render_derived()
                first = (select(func.min(customers_t.c.id)).where(customers_t.c.email_lower == w.c.e)
                         .scalar_subquery())
                return select(w.c.e, first)
            rows = self.c.execute(built("customers by emails, one look-up each", build), {"e": wanted}).all()
            return {e: cid for e, cid in rows if cid is not None}
        q = built("customers by emails", lambda: select(customers_t.c.email_lower, func.min(customers_t.c.id))
                  .where(customers_t.c.email_lower.in_(bindparam("e", expanding=True)))
                  .group_by(customers_t.c.email_lower))
        return dict(self.c.execute(q, {"e": wanted}).all())

    def first_ids_by_phone_keys(self, keys) -> dict[str, int]:
        """{phone key: the lowest id of a customer with a phone of that key}."""
        wanted = sorted({k for k in keys if k})
        if not wanted:
            return {}
        q = built("customers by phone keys", lambda: select(phones_t.c.key, func.min(phones_t.c.customer_id))
                  .where(phones_t.c.key.in_(bindparam("k", expanding=True))).group_by(phones_t.c.key))
        return dict(self.c.execute(q, {"k": wanted}).all())

    def names(self, customer_ids) -> dict[int, str]:
        ids = sorted(set(customer_ids))
        if not ids:
            return {}
        q = built("customer names", lambda: select(customers_t.c.id, customers_t.c.name)
                  .where(customers_t.c.id.in_(bindparam("ids", expanding=True))))
        return dict(self.c.execute(q, {"ids": ids}).all())

    def add_phone(self, customer_id: int, phone: str, digits: str, key: str) -> None:
        self.c.execute(insert(phones_t).values(customer_id=customer_id, phone=phone, digits=digits, key=key))

    def get(self, customer_id: int, *, share_lock: bool = False) -> CustomerRecord | None:
        """The customer's row; ``share_lock`` holds it FOR SHARE on PostgreSQL until the transaction ends (an order
        or cart taken for the customer then waits for a merge of them, which locks it FOR UPDATE, or the merge waits
        for the order, and moves it)."""
        lock = share_lock and self._pg
        row = self.c.execute(built(("customer", lock), lambda: (
            select(customers_t).where(customers_t.c.id == bindparam("id")).with_for_update(read=True) if lock else
            select(customers_t).where(customers_t.c.id == bindparam("id")))), {"id": customer_id}).first()
        return CustomerRecord(*row) if row is not None else None

    def phones_of(self, customer_ids) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        ids = list(customer_ids)
        if not ids:
            return out
        for cid, phone in self.c.execute(select(phones_t.c.customer_id, phones_t.c.phone)
                                         .where(phones_t.c.customer_id.in_(ids)).order_by(phones_t.c.id)):
            out.setdefault(cid, []).append(phone)
        return out

    def addresses_of(self, customer_id: int) -> list[CustomerAddressRecord]:
        t = m.CustomerAddress.__table__
        return [CustomerAddressRecord(*r) for r in self.c.execute(select(t).where(t.c.customer_id == customer_id)
                                                                  .order_by(t.c.id))]

    def add_address(self, customer_id: int, label: str, address: str) -> int:
        t = m.CustomerAddress.__table__
        return self.c.execute(insert(t).values(customer_id=customer_id, label=label, address=address,
                                               created_at=_now()).returning(t.c.id)).scalar_one()

    def remove_address(self, customer_id: int, address_id: int) -> bool:
        t = m.CustomerAddress.__table__
        return self.c.execute(delete(t).where(t.c.id == address_id, t.c.customer_id == customer_id)).rowcount > 0

    def ids_by_email(self, email: str) -> list[int]:
        """Customers with that e-mail address (not those merged into another one)."""
        return list(self.c.execute(select(customers_t.c.id).where(customers_t.c.email_lower == email.lower(),
                                                                  customers_t.c.merged_into_id.is_(None))
                                   .order_by(customers_t.c.id)).scalars())

    def ids_by_phone_key(self, key: str) -> list[int]:
        """Customers with that phone key (a duplicate merged into another customer keeps the phones the customer
        kept had already, and is left out)."""
        return list(self.c.execute(select(phones_t.c.customer_id).join(customers_t, customers_t.c.id ==
                                                                       phones_t.c.customer_id)
                                   .where(phones_t.c.key == key, customers_t.c.merged_into_id.is_(None))
                                   .distinct()).scalars())

    def find(self, *, digits: str | None, words: list[str], email: str | None, customer_id: int | None,
             limit: int = 20, key: str | None = None) -> list[CustomerRecord]:
        """Customers matching any of: the number, part of a phone number's digits (or its key), the start of the
        email address, every word in the name. Each part is one indexed lookup (trigram index for substrings)."""
        parts = []
        if customer_id is not None:
            parts.append(select(customers_t.c.id).where(customers_t.c.id == customer_id))
        if digits:
            by_digits: ColumnElement[bool] = phones_t.c.digits.like("%" + digits + "%")
            if len(digits) >= MIN_TRIGRAM_WORD and not self._pg:
                by_digits = and_(phones_t.c.id.in_(self._text_matches("customer_phones_fts", phones_t, "digits",
                                                                      [digits])), by_digits)
            parts.append(select(phones_t.c.customer_id).where(by_digits))
            parts.append(select(phones_t.c.customer_id).where(phones_t.c.key == (key or digits.lstrip("0"))))
        if email:
            prefix = email.lower()
            by_email: ColumnElement[bool] = customers_t.c.email_lower.like(like_escape(prefix) + "%", escape="\\")
            if not self._pg:  # SQLite's LIKE ignores case, so only a range can use the index
                by_email = and_(customers_t.c.email_lower >= prefix, customers_t.c.email_lower < prefix + _TOP,
                                by_email)
            parts.append(select(customers_t.c.id).where(by_email))
        if words:
            conds = [customers_t.c.name_lower.like("%" + like_escape(w) + "%", escape="\\") for w in words]
            if any(len(w) >= MIN_TRIGRAM_WORD for w in words) and not self._pg:
                conds.append(customers_t.c.id.in_(self._text_matches("customers_fts", customers_t, "name_lower",
                                                                     words)))
            parts.append(select(customers_t.c.id).where(*conds))
        if not parts:
            return []
        q = (select(customers_t).where(customers_t.c.id.in_(union(*parts)), customers_t.c.merged_into_id.is_(None))
             .order_by(customers_t.c.name_lower, customers_t.c.id).limit(limit))
        return [CustomerRecord(*r) for r in self.c.execute(q)]

    def replace_phones(self, customer_id: int, phones: list[tuple[str, str, str]]) -> None:
        """The customer's phones become ``phones`` ((as typed, digits, key) each)."""
        self.c.execute(delete(phones_t).where(phones_t.c.customer_id == customer_id))
        for phone, digits, key in phones:
            self.add_phone(customer_id, phone, digits, key)

    def update(self, customer_id: int, values: Mapping[str, object]) -> None:
        row = dict(values)  # the caller's mapping stays as it was
        if "name" in row:
            row["name_lower"] = str(row["name"]).lower()
        if "email" in row:
            row["email_lower"] = str(row["email"]).lower()
        self.c.execute(update(customers_t).where(customers_t.c.id == customer_id).values(**row))


class OrdersRepo(_Repo):
    def add(self, values: Mapping[str, object]) -> int:
        now = _now()
        return self.c.execute(insert_returning_id(orders_t), {"created_at": now, "updated_at": now, **values}
                              ).scalar_one()

    def add_unless_tracking_taken(self, values: Mapping[str, object]) -> int | None:
        """Insert an order with ``values["tracking_number"]``; None (nothing inserted) if another order has that
        number already. One statement instead of a look-up and an insert: ``ON CONFLICT (tracking_number) DO
        NOTHING``, which leaves any other constraint violation to raise as usual."""
        ins = pg_insert if self._pg else sqlite_insert

        def build():
            return (ins(orders_t).on_conflict_do_nothing(index_elements=[orders_t.c.tracking_number])
                    .returning(orders_t.c.id))
        now = _now()
        return self.c.execute(built(("add order unless tracking taken", self._pg), build),
                              {"created_at": now, "updated_at": now, **values}).scalar()

    def add_with_tracking_numbers(self, rows: list[dict], draw) -> list[tuple[int, str]]:
        """Insert orders (``rows``: their values but the tracking number), each with a tracking number ``draw()``
        makes that no order has yet: [(id, tracking number)] in the rows' order. One statement for all of them
        (``INSERT ... ON CONFLICT (tracking_number) DO NOTHING RETURNING``: a number already taken leaves its row
        out, and only that row is inserted again with a new number; other constraint violations raise)."""
        ins = pg_insert if self._pg else sqlite_insert

        def build():
            return (ins(orders_t).on_conflict_do_nothing(index_elements=[orders_t.c.tracking_number])
                    .returning(orders_t.c.id, orders_t.c.tracking_number))
        now = _now()
        out: list[tuple[int, str] | None] = [None] * len(rows)
        todo = list(range(len(rows)))
        for _ in range(10):  # 55 random bits: a number already taken is drawn again, practically never
            numbers = {draw(): i for i in todo}
            if len(numbers) < len(todo):
                continue  # the same number drawn twice: draw them all again
            params = [{"created_at": now, "updated_at": now, **rows[i], "tracking_number": tn}
                      for tn, i in numbers.items()]
            stmt = built(("add orders with tracking numbers", self._pg), build)
            with coupon_use_refused():
                got = self.c.execute(stmt, params[0] if len(params) == 1 else params).all()
            for oid, tn in got:
                out[numbers[tn]] = (oid, tn)
            todo = [i for i in todo if out[i] is None]
            if not todo:
                return [o for o in out if o is not None]
        raise RuntimeError("could not draw an unused tracking number")

    def add_histories(self, rows: list[dict]) -> None:
        """Status history rows (``order_id``, ``from_status``, ``to_status``, ``user_id``, ``note``, ``at``) in one
        executemany."""
        add_rows(self.c, history_t, rows)

    def get(self, order_id: int, *, for_update: bool = False) -> OrderRecord | None:
        """The order row; ``for_update`` locks it on PostgreSQL FOR NO KEY UPDATE: writers of one order still go one
        after the other, but a row that only refers to it (a stock move, a history row: their foreign keys take
        KEY SHARE) is not held up. A receipt holding a stock row reserves for a waiting backorder of an order whose
        amendment holds the order and waits for that stock row: with FOR UPDATE the two deadlocked."""
        lock = for_update and self._pg
        row = self.c.execute(built(("order", lock), lambda: (
            select(orders_t).where(orders_t.c.id == bindparam("id")).with_for_update(key_share=True) if lock else
            select(orders_t).where(orders_t.c.id == bindparam("id")))), {"id": order_id}).first()
        return OrderRecord(*row) if row is not None else None

    def id_by_tracking(self, tracking: str) -> int | None:
        return self.c.execute(built("order by tracking", lambda: select(orders_t.c.id).where(
            orders_t.c.tracking_number == bindparam("t"))), {"t": tracking}).scalar()

    def by_external_ref(self, channel: str, ref: str) -> int | None:
        """The order imported from a shop's order ``ref`` on ``channel`` (unique per channel), if there is one."""
        return self.c.execute(select(orders_t.c.id).where(orders_t.c.channel == channel,
                                                          orders_t.c.external_ref == ref)).scalar()

    def by_external_refs(self, channel: str, refs) -> dict[str, int]:
        """The orders already imported from the shop's orders ``refs`` on ``channel``: {ref: order id}."""
        refs = list(refs)
        if not refs:
            return {}
        rows = self.c.execute(select(orders_t.c.external_ref, orders_t.c.id).where(
            orders_t.c.channel == channel, orders_t.c.external_ref.in_(refs))).all()
        return {r.external_ref: r.id for r in rows}

    def ids_by_tracking(self, numbers) -> list[int]:
        numbers = list(numbers)
        if not numbers:
            return []
        return list(self.c.execute(select(orders_t.c.id).where(orders_t.c.tracking_number.in_(numbers))
                                   .order_by(orders_t.c.id)).scalars())

    def tracking_exists(self, tracking: str) -> bool:
        return bool(self.c.execute(built("tracking exists", lambda: select(exists().where(
            orders_t.c.tracking_number == bindparam("t")))), {"t": tracking}).scalar())

    def update(self, order_id: int, values: Mapping[str, object]) -> None:
        with coupon_use_refused():  # confirming a cart redeems its coupon (migration 0029)
            self.c.execute(built("update order", lambda: update(orders_t).where(
                orders_t.c.id == bindparam("_order_id"))), {**values, "updated_at": _now(), "_order_id": order_id})

    def lines(self, order_id: int) -> list[OrderLineRecord]:
        return [OrderLineRecord(*r) for r in self.c.execute(built("order lines", lambda: select(lines_t).where(
            lines_t.c.order_id == bindparam("id")).order_by(lines_t.c.line_no)), {"id": order_id})]

    def add_line(self, values: Mapping[str, object]) -> None:
        self.c.execute(insert(lines_t).values(**values))

    def add_lines(self, rows: Sequence[Mapping[str, object]]) -> None:
        add_rows(self.c, lines_t, rows)

    def update_line(self, order_id: int, line_no: int, values: Mapping[str, object]) -> None:
        self.c.execute(update(lines_t).where(lines_t.c.order_id == order_id, lines_t.c.line_no == line_no)
                       .values(**values))

    def delete_line(self, order_id: int, line_no: int) -> None:
        self.c.execute(delete(lines_t).where(lines_t.c.order_id == order_id, lines_t.c.line_no == line_no))

    def add_history(self, order_id: int, from_status, to_status, user_id, note: str = "", at=None) -> None:
        self.c.execute(plain_insert(history_t), dict(order_id=order_id, from_status=from_status, to_status=to_status,
                                                     user_id=user_id, note=note, at=at or _now()))

    def history(self, order_id: int) -> list[OrderStatusChangeRecord]:
        return [OrderStatusChangeRecord(*r) for r in self.c.execute(built("order history", lambda: (
            select(history_t, users_t.c.username).outerjoin(users_t, users_t.c.id == history_t.c.user_id)
            .where(history_t.c.order_id == bindparam("id")).order_by(history_t.c.id))), {"id": order_id})]

    def list(self, *, status: str | None = None, customer_id: int | None = None, limit: int = 50, offset: int = 0,
             newest_first: bool = True, customer_ids: list[int] | None = None, order_ids: list[int] | None = None,
             created_from: datetime | None = None,
             created_before: datetime | None = None) -> list[ListedOrderRecord]:
        """A page of orders, newest first: of a status, of a customer (or any of ``customer_ids``), among
        ``order_ids``, created in [``created_from``, ``created_before``). Each filter is a range of one index
        (ix_orders_status_created, ix_orders_customer_created, the primary key, ix_orders_created)."""
        line_count = (select(func.count()).select_from(lines_t).where(lines_t.c.order_id == orders_t.c.id)
                      .scalar_subquery())
        q = (select(orders_t, customers_t.c.name.label("customer_name"), line_count.label("line_count"))
             .outerjoin(customers_t, customers_t.c.id == orders_t.c.customer_id))
        if status:
            q = q.where(orders_t.c.status == status)
        if customer_id is not None:
            q = q.where(orders_t.c.customer_id == customer_id)
        if customer_ids is not None:
            q = q.where(orders_t.c.customer_id.in_(customer_ids))
        if order_ids is not None:
            q = q.where(orders_t.c.id.in_(order_ids))
        if created_from is not None:
            q = q.where(orders_t.c.created_at >= created_from)
        if created_before is not None:
            q = q.where(orders_t.c.created_at < created_before)
        order = (orders_t.c.created_at.desc(), orders_t.c.id.desc()) if newest_first else \
            (orders_t.c.created_at, orders_t.c.id)
        return [ListedOrderRecord(*r) for r in self.c.execute(q.order_by(*order).limit(limit).offset(offset))]


class EventsRepo(_Repo):
    def add(self, kind: str, *, user_id: int | None = None, order_id: int | None = None, product_id: int | None = None,
            payload: Mapping[str, object] | None = None) -> None:
        # insert(table) with a parameter dict: no per-call .values() construction on the hot path
        self.c.execute(plain_insert(events_t), {"kind": kind, "at": _now(), "user_id": user_id, "order_id": order_id,
                                          "product_id": product_id,
                                          "payload": json.dumps(payload or {}, default=str, ensure_ascii=False)})

    def add_event(self, event: AnyEvent, *, user_id: int | None = None) -> None:
        """Write a typed event (domain/events.py): the same one INSERT as ``add``."""
        kind, order_id, product_id, payload = to_record(event)
        self.add(kind, user_id=user_id, order_id=order_id, product_id=product_id, payload=payload)

    def add_events(self, events: list[tuple[AnyEvent, int | None]]) -> None:
        """Typed events with their user ids in one executemany (the same rows as ``add_event`` each)."""
        if not events:
            return
        now = _now()
        rows = []
        for event, user_id in events:
            kind, order_id, product_id, payload = to_record(event)
            rows.append({"kind": kind, "at": now, "user_id": user_id, "order_id": order_id, "product_id": product_id,
                         "payload": json.dumps(payload or {}, default=str, ensure_ascii=False)})
        add_rows(self.c, events_t, rows)

    def since(self, last_id: int, limit: int = 500) -> list[EventRecord]:
        q = (select(events_t, users_t.c.username).outerjoin(users_t, users_t.c.id == events_t.c.user_id)
             .where(events_t.c.id > last_id).order_by(events_t.c.id).limit(limit))
        return [EventRecord(**r._mapping) for r in self.c.execute(q)]

    def last_id(self) -> int:
        return self.c.execute(select(func.coalesce(func.max(events_t.c.id), 0))).scalar_one()


class AuditRepo(_Repo):
    def record(self, *, user_id, username: str, action: str, entity: str, entity_id, old=None, new=None) -> None:
        self.c.execute(plain_insert(audit_t), dict(
            at=_now(), user_id=user_id, username=username, action=action, entity=entity, entity_id=str(entity_id),
            old_values=json.dumps(old, default=str, ensure_ascii=False) if old is not None else "",
            new_values=json.dumps(new, default=str, ensure_ascii=False) if new is not None else ""))

    def record_many(self, records: list[dict]) -> None:
        """Audit records (the keyword arguments of ``record`` each) in one executemany."""
        if not records:
            return
        now = _now()
        add_rows(self.c, audit_t, [dict(
            at=now, user_id=r["user_id"], username=r["username"], action=r["action"], entity=r["entity"],
            entity_id=str(r["entity_id"]),
            old_values=json.dumps(r["old"], default=str, ensure_ascii=False) if r.get("old") is not None else "",
            new_values=json.dumps(r["new"], default=str, ensure_ascii=False) if r.get("new") is not None else "")
            for r in records])

    def for_entity(self, entity: str, entity_id: int | str) -> list[AuditRecord]:
        return [AuditRecord(**r._mapping) for r in self.c.execute(
            select(audit_t).where(audit_t.c.entity == entity, audit_t.c.entity_id == str(entity_id))
            .order_by(audit_t.c.id))]

    def search(self, *, username: str | None = None, entity: str | None = None, action: str | None = None,
               start: datetime | None = None, end: datetime | None = None, limit: int = 100,
               offset: int = 0) -> list[AuditRecord]:
        """The newest first; ``start`` inclusive, ``end`` exclusive; ``action`` a prefix (``user.`` finds every user
        action); user names compared without case."""
        q = select(audit_t)
        if username:
            q = q.where(func.lower(audit_t.c.username) == username.lower())
        if entity:
            q = q.where(audit_t.c.entity == entity)
        if action:
            q = q.where(audit_t.c.action.startswith(action, autoescape=True))
        if start is not None:
            q = q.where(audit_t.c.at >= start)
        if end is not None:
            q = q.where(audit_t.c.at < end)
        return [AuditRecord(**r._mapping) for r in self.c.execute(
            q.order_by(audit_t.c.id.desc()).limit(limit).offset(offset))]
