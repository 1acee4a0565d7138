"""Repository of the accounts area: invoice numbering, invoices, payments and the journal (SQLAlchemy Core)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from datetime import date, datetime

from sqlalchemy import (and_, bindparam, case, exists, func, insert, literal, literal_column, or_, select, union_all,
                        update)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from ...services.repository_records import PaymentRecord
from ...services.repository_records_accounts import (InvoiceLineRecord, InvoiceRecord, JournalEntryRecord,
                                                     LedgerEntryRecord, LedgerPostingRecord, OpenAccountRecord,
                                                     OpenOrderAccount, OrderAccount, PaidOrder, ShippedOrderAccount)
from . import models as m
from . import models_accounts as a
from . import models_warehouse as w
from .repositories import _now, _Repo, built, insert_returning_id, plain_insert

orders_t = m.Order.__table__
customers_t = m.Customer.__table__
products_t = m.Product.__table__
users_t = m.User.__table__
counters_t = a.InvoiceCounter.__table__
invoices_t = a.Invoice.__table__
invoice_lines_t = a.InvoiceLine.__table__
documents_t = a.InvoiceDocument.__table__
payments_t = a.Payment.__table__
entries_t = a.LedgerEntry.__table__
postings_t = a.LedgerPosting.__table__
shipments_t = w.Shipment.__table__
shipment_lines_t = w.ShipmentLine.__table__
returns_t = w.ReturnedItem.__table__
open_t = a.OpenAccount.__table__
OPEN_REASONS = ("unsettled", "paid_not_invoiced", "shipped_not_invoiced")
"""The columns of ``open_accounts`` that say why an order's account is open (see ``models_accounts.OpenAccount``)."""
NOT_ACTIVE = ("draft", "cancelled")
SHIPPED = ("shipped", "delivered")


def _constants(values: tuple[str, ...]) -> list:
    """``values`` as SQL literals for an IN list: no expanding parameter, so the statement can be an executemany
    (``refresh_open_accounts``); the values are the code's own constants, never input."""
    return [literal_column(f"'{v}'") for v in values]
"""Statuses of a shipment whose goods have left the building."""
_REF = invoices_t.alias("ref")
"""The invoice a credit note refers to."""


class _AccountsTables(_Repo):
    """What the accounts repositories share: the queries more than one of them builds on."""

    @staticmethod
    def _invoice_select():
        return built("invoice select", lambda: (
            select(invoices_t, customers_t.c.name.label("customer_name"),
                   users_t.c.username.label("issued_by_name"), _REF.c.number.label("references_number"))
            .outerjoin(customers_t, customers_t.c.id == invoices_t.c.customer_id)
            .outerjoin(users_t, users_t.c.id == invoices_t.c.issued_by)
            .outerjoin(_REF, _REF.c.id == invoices_t.c.references_id)))

    @staticmethod
    def _units_union(order_id):
        """(order_id, product_id, kind, q) rows: units shipped, returned and invoiced net of credit notes, one
        row per shipment line, return and invoice line; ``order_id``: a bind parameter or a column condition."""
        shipped = (select(shipments_t.c.order_id, shipment_lines_t.c.product_id,
                          literal_column("'shipped'").label("kind"), shipment_lines_t.c.quantity.label("q"))
                   .join(shipments_t, shipments_t.c.id == shipment_lines_t.c.shipment_id)
                   .where(shipments_t.c.status.in_(_constants(SHIPPED)), order_id(shipments_t.c.order_id)))
        returned = select(returns_t.c.order_id, returns_t.c.product_id, literal_column("'returned'"),
                          returns_t.c.quantity).where(order_id(returns_t.c.order_id))
        invoiced = (select(invoices_t.c.order_id, invoice_lines_t.c.product_id, literal_column("'invoiced'"),
                           case((invoices_t.c.kind == "credit_note", -invoice_lines_t.c.quantity),
                                else_=invoice_lines_t.c.quantity))
                    .join(invoices_t, invoices_t.c.id == invoice_lines_t.c.invoice_id)
                    .where(order_id(invoices_t.c.order_id)))
        return union_all(shipped, returned, invoiced).subquery("units")

    @staticmethod
    def _payment_select():
        return built("payment select", lambda: select(payments_t, users_t.c.username)
                     .outerjoin(users_t, users_t.c.id == payments_t.c.user_id))

    @staticmethod
    def _invoiced_expr():
        signed = case((invoices_t.c.kind == "credit_note", -invoices_t.c.total_minor), else_=invoices_t.c.total_minor)
        return (select(func.coalesce(func.sum(signed), 0)).where(invoices_t.c.order_id == orders_t.c.id)
                .scalar_subquery())

    @staticmethod
    def _paid_expr():
        signed = case((payments_t.c.kind == "refund", -payments_t.c.amount_minor), else_=payments_t.c.amount_minor)
        return (select(func.coalesce(func.sum(signed), 0)).where(payments_t.c.order_id == orders_t.c.id)
                .scalar_subquery())

    @staticmethod
    def _has_invoice_expr():
        return exists().where(invoices_t.c.order_id == orders_t.c.id, invoices_t.c.kind == "invoice")

    @staticmethod
    def _last_invoice_expr():
        """The number of the order's newest invoice (credit notes aside)."""
        return (select(invoices_t.c.number).where(invoices_t.c.order_id == orders_t.c.id,
                                                  invoices_t.c.kind == "invoice")
                .order_by(invoices_t.c.id.desc()).limit(1).scalar_subquery())

    @staticmethod
    def _due_expr():
        """The latest due date of the order's invoices."""
        return (select(func.max(invoices_t.c.due_date)).where(invoices_t.c.order_id == orders_t.c.id,
                                                             invoices_t.c.kind == "invoice").scalar_subquery())

    def _refresh_statement(self):
        oid = bindparam("order_id")
        signed_inv = case((invoices_t.c.kind == "credit_note", -invoices_t.c.total_minor),
                          else_=invoices_t.c.total_minor)
        signed_paid = case((payments_t.c.kind == "refund", -payments_t.c.amount_minor),
                           else_=payments_t.c.amount_minor)
        invoiced = select(func.coalesce(func.sum(signed_inv), 0)).where(invoices_t.c.order_id == oid)
        paid = select(func.coalesce(func.sum(signed_paid), 0)).where(payments_t.c.order_id == oid)
        has_invoice = exists().where(invoices_t.c.order_id == oid, invoices_t.c.kind == "invoice")
        has_money = exists().where(payments_t.c.order_id == oid)
        has_payment = exists().where(payments_t.c.order_id == oid, payments_t.c.kind == "payment")
        has_left = exists().where(shipments_t.c.order_id == oid, shipments_t.c.status.in_(_constants(SHIPPED)))
        u = self._units_union(lambda col: col == oid)
        owed = (select(u.c.product_id).group_by(u.c.product_id)
                .having(func.sum(case((u.c.kind == "shipped", u.c.q), else_=-u.c.q)) > 0).exists())
        active = orders_t.c.status.notin_(_constants(NOT_ACTIVE))
        state = select(
            orders_t.c.id.label("order_id"),
            and_(or_(has_invoice, has_money), invoiced.scalar_subquery() != paid.scalar_subquery())
            .label("unsettled"),
            and_(has_payment, ~has_invoice, active).label("paid_not_invoiced"),
            and_(active, has_left, owed).label("shipped_not_invoiced"),
        ).where(orders_t.c.id == oid).subquery("state")
        src = select(state).where(or_(*(state.c[r] for r in OPEN_REASONS),
                                      exists().where(open_t.c.order_id == oid)))
        ins = (pg_insert if self.c.dialect.name == "postgresql" else sqlite_insert)(open_t).from_select(
            ["order_id", *OPEN_REASONS], src)
        return ins.on_conflict_do_update(index_elements=[open_t.c.order_id],
                                         set_={r: ins.excluded[r] for r in OPEN_REASONS},
                                         where=or_(*(open_t.c[r] != ins.excluded[r] for r in OPEN_REASONS)))


class InvoicesRepo(_AccountsTables):
    """Invoices and credit notes: gapless numbers per series, the issued documents, their lines and stored PDFs."""

    def next_number(self, series: str) -> int:
        """Draw the next number of ``series`` inside the caller's transaction.

        ``UPDATE ... RETURNING`` takes the row lock on PostgreSQL, so a concurrent issuer waits until this
        transaction commits or rolls back (then sees the committed value): a rolled-back issue leaves no gap.
        On SQLite the write transaction (BEGIN IMMEDIATE) already serialises writers.
        """
        step = built("next number", lambda: update(counters_t).where(counters_t.c.series == bindparam("_series"))
                     .values(last_number=counters_t.c.last_number + 1).returning(counters_t.c.last_number))
        n = self.c.execute(step, {"_series": series}).scalar()
        if n is None:
            ins = pg_insert if self.c.dialect.name == "postgresql" else sqlite_insert
            self.c.execute(ins(counters_t).values(series=series, last_number=0).on_conflict_do_nothing())
            n = self.c.execute(step, {"_series": series}).scalar_one()
        return n

    def last_number(self, series: str) -> int:
        return self.c.execute(select(counters_t.c.last_number).where(counters_t.c.series == series)).scalar() or 0

    def counters(self) -> dict[str, int]:
        """The last number drawn per series."""
        return {r.series: r.last_number for r in self.c.execute(select(counters_t.c.series, counters_t.c.last_number))}

    def issued_numbers(self) -> list[str]:
        """The number of every issued invoice and credit note."""
        return list(self.c.execute(select(invoices_t.c.number)).scalars())

    def add_invoice(self, values: Mapping[str, object], lines: Sequence[Mapping[str, object]]) -> int:
        iid = self.c.execute(insert_returning_id(invoices_t), {**values, "issued_at": _now()}).scalar_one()
        if lines:
            self.c.execute(plain_insert(invoice_lines_t), [{**ln, "invoice_id": iid} for ln in lines])
        return iid

    def invoice(self, invoice_id: int) -> InvoiceRecord | None:
        row = self.c.execute(built("invoice", lambda: self._invoice_select().where(
            invoices_t.c.id == bindparam("id"))), {"id": invoice_id}).first()
        return InvoiceRecord(*row) if row is not None else None

    def invoice_by_number(self, number: str) -> InvoiceRecord | None:
        row = self.c.execute(self._invoice_select().where(func.upper(invoices_t.c.number) == number.upper())
                             ).first()
        return InvoiceRecord(*row) if row is not None else None

    def invoice_pdf(self, invoice_id: int) -> bytes | None:
        """The stored PDF of an invoice, None while it has not been stored yet."""
        return self.c.execute(select(documents_t.c.pdf).where(documents_t.c.invoice_id == invoice_id)).scalar()

    def store_invoice_pdf(self, invoice_id: int, pdf: bytes) -> bool:
        """Store an invoice's PDF unless one is stored already (then keep that one); True if this one was stored.
        ``ON CONFLICT DO NOTHING``: two first requests at once both succeed (PostgreSQL makes the second wait for
        the first to commit), and the immutability triggers never fire, as nothing is updated. SQLite's guard
        against REPLACE (migration 0020) refuses any insert over a stored row, DO NOTHING included, so the stored one
        is looked for first (race-free there: writers hold the write lock from BEGIN IMMEDIATE)."""
        if self.c.dialect.name == "sqlite" and self.invoice_pdf(invoice_id) is not None:
            return False
        ins = pg_insert if self.c.dialect.name == "postgresql" else sqlite_insert
        done = self.c.execute(ins(documents_t).values(invoice_id=invoice_id, pdf=pdf, created_at=_now())
                              .on_conflict_do_nothing(index_elements=[documents_t.c.invoice_id]))
        return done.rowcount == 1

    def invoices_of(self, order_id: int) -> list[InvoiceRecord]:
        return [InvoiceRecord(*r) for r in self.c.execute(built("invoices of order", lambda: (
            self._invoice_select().where(invoices_t.c.order_id == bindparam("id")).order_by(invoices_t.c.id))),
            {"id": order_id})]

    def invoices(self, *, kind: str | None = None, limit: int = 200, offset: int = 0) -> list[InvoiceRecord]:
        q = self._invoice_select()
        if kind:
            q = q.where(invoices_t.c.kind == kind)
        return [InvoiceRecord(*r) for r in self.c.execute(q.order_by(invoices_t.c.id.desc()).limit(limit)
                                                          .offset(offset))]

    def invoice_lines(self, invoice_id: int) -> list[InvoiceLineRecord]:
        return [InvoiceLineRecord(*r) for r in self.c.execute(built("invoice lines", lambda: select(
            invoice_lines_t).where(invoice_lines_t.c.invoice_id == bindparam("id")).order_by(
            invoice_lines_t.c.line_no)), {"id": invoice_id})]

    def credited_quantities(self, invoice_id: int) -> dict[str, int]:
        """Units per SKU already credited against ``invoice_id``."""
        q = (select(invoice_lines_t.c.sku, func.sum(invoice_lines_t.c.quantity))
             .join(invoices_t, invoices_t.c.id == invoice_lines_t.c.invoice_id)
             .where(invoices_t.c.references_id == invoice_id).group_by(invoice_lines_t.c.sku))
        return {sku: int(q_) for sku, q_ in self.c.execute(q).all()}

    def order_units(self, order_id: int) -> dict[int, dict[str, int]]:
        """Per product of an order, in one statement: units ``shipped`` (shipments that left), ``returned``, and
        ``invoiced`` (invoices less credit notes). What an invoice of the shipped units may still bill."""
        def build():
            u = self._units_union(lambda col: col == bindparam("id"))
            return (select(u.c.product_id, u.c.kind, func.sum(u.c.q)).group_by(u.c.product_id, u.c.kind))
        out: dict[int, dict[str, int]] = {}
        for pid, kind, q in self.c.execute(built("order units", build), {"id": order_id}).all():
            out.setdefault(pid, {"shipped": 0, "returned": 0, "invoiced": 0})[kind] = int(q)
        return out

    def unit_costs(self, product_ids) -> dict[int, int]:
        """Unit cost (minor units, 0 when unknown) of each product, in one statement."""
        ids = sorted(set(product_ids))
        rows = self.c.execute(built("unit costs", lambda: select(products_t.c.id, products_t.c.cost_minor).where(
            products_t.c.id.in_(bindparam("ids", expanding=True)))), {"ids": ids}).all() if ids else []
        return {pid: int(cost or 0) for pid, cost in rows}


class PaymentsRepo(_AccountsTables):
    """Payments and refunds."""

    def add_payment(self, values: Mapping[str, object]) -> int:
        return self.c.execute(insert_returning_id(payments_t), {**values, "received_at": _now()}).scalar_one()

    def add_payments(self, rows: Sequence[Mapping[str, object]]) -> dict[int, int]:
        """Payments of different orders (one each) in one statement: {order id: payment id}."""
        if not rows:
            return {}
        now = _now()
        got = self.c.execute(built("add payments", lambda: insert(payments_t).returning(
            payments_t.c.id, payments_t.c.order_id)), [{**r, "received_at": now} for r in rows]).all()
        return {order_id: pid for pid, order_id in got}

    def payment(self, payment_id: int) -> PaymentRecord | None:
        row = self.c.execute(built("payment", lambda: self._payment_select().where(
            payments_t.c.id == bindparam("id"))), {"id": payment_id}).first()
        return PaymentRecord(**row._mapping) if row is not None else None

    def payments_of(self, order_id: int) -> list[PaymentRecord]:
        return [PaymentRecord(**r._mapping) for r in self.c.execute(built("payments of order", lambda: (
            self._payment_select().where(payments_t.c.order_id == bindparam("id")).order_by(payments_t.c.id))),
            {"id": order_id})]

    def payments_between(self, start: datetime | None, end: datetime | None) -> list[PaymentRecord]:
        """Payments and refunds received in [start, end) (aware datetimes)."""
        q = self._payment_select()
        if start is not None:
            q = q.where(payments_t.c.received_at >= start)
        if end is not None:
            q = q.where(payments_t.c.received_at < end)
        return [PaymentRecord(**r._mapping)
                for r in self.c.execute(q.order_by(payments_t.c.received_at, payments_t.c.id))]


class ReceivablesRepo(_AccountsTables):
    """What orders and customers owe, and the kept set of open accounts the accounts queue reads."""

    def order_amounts(self, order_id: int) -> tuple[int, int]:
        """(invoiced net of credit notes, paid net of refunds) of an order, in minor units."""
        row = self.c.execute(built("order amounts", lambda: select(
            self._invoiced_expr().label("inv"), self._paid_expr().label("paid")).where(
            orders_t.c.id == bindparam("id"))), {"id": order_id}).first()
        return (int(row.inv), int(row.paid)) if row is not None else (0, 0)

    def customer_amounts(self, customer_id: int) -> tuple[int, int]:
        """(invoiced net of credit notes, paid net of refunds) over every order of a customer, in minor units."""
        inv, paid = self._invoiced_expr(), self._paid_expr()
        per_order = (select(inv.label("inv"), paid.label("paid"))
                     .where(orders_t.c.customer_id == customer_id).subquery())
        row = self.c.execute(select(func.coalesce(func.sum(per_order.c.inv), 0),
                                    func.coalesce(func.sum(per_order.c.paid), 0))).first()
        assert row is not None  # an aggregate without GROUP BY returns one row
        return int(row[0]), int(row[1])

    def refresh_open_accounts(self, order_ids) -> None:
        """``refresh_open_account`` for each of ``order_ids``: one executemany."""
        ids = list(order_ids)
        if ids:
            self.c.execute(built(("refresh open account", self.c.dialect.name), self._refresh_statement),
                           [{"order_id": oid} for oid in ids])

    def refresh_open_account(self, order_id: int) -> None:
        """Bring ``order_id``'s row of ``open_accounts`` in line with its documents, in one statement: called in
        the transaction of every change that can open or close an order's account (invoice, credit note, payment,
        refund, shipment, return, cancellation), after the change and with the order row locked, so concurrent
        changes of one order refresh it one after the other. An upsert of the reasons computed from the order's
        own rows (index look-ups by order id); a row whose reasons are all false is deleted by the table's trigger
        (migration 0008), and a closed order without a row writes nothing."""
        self.c.execute(built(("refresh open account", self.c.dialect.name), self._refresh_statement),
                       {"order_id": order_id})

    def open_account_rows(self) -> list[OpenOrderAccount]:
        """Every order of ``open_accounts`` (newest first) with its reasons and what the accounts queue shows:
        status, total, customer, invoiced (less credit notes) and paid (less refunds), last invoice number and
        due date, whether it has an invoice. One statement; the amounts are computed for these orders only,
        through the invoices' and payments' order-id indexes, whatever the size of the history."""
        def build():
            return (select(orders_t.c.id, orders_t.c.status, orders_t.c.total_minor, orders_t.c.currency,
                           orders_t.c.created_at, customers_t.c.name.label("customer_name"),
                           self._invoiced_expr().label("invoiced"), self._paid_expr().label("paid"),
                           self._last_invoice_expr().label("invoice_number"), self._due_expr().label("due_date"),
                           self._has_invoice_expr().label("has_invoice"), *(open_t.c[r] for r in OPEN_REASONS))
                    .select_from(open_t.join(orders_t, orders_t.c.id == open_t.c.order_id)
                                 .outerjoin(customers_t, customers_t.c.id == orders_t.c.customer_id))
                    .order_by(open_t.c.order_id.desc()))
        # the sums are NUMERIC on PostgreSQL: whole minor units here
        return [OpenOrderAccount(oid, status, total, cur, created, name, int(inv), int(paid), *rest)
                for oid, status, total, cur, created, name, inv, paid, *rest in self.c.execute(
                    built("open account rows", build))]

    def open_accounts(self) -> list[OpenAccountRecord]:
        """The rows of ``open_accounts`` (order id and reasons), by order id."""
        return [OpenAccountRecord(*r) for r in self.c.execute(select(open_t).order_by(open_t.c.order_id))]

    def order_accounts(self, *, only_open: bool = True, limit: int | None = 500) -> list[OrderAccount]:
        """Orders with their invoiced and paid amounts, last invoice number and due date (``only_open``: those
        with an invoice or a payment whose invoiced and paid amounts differ)."""
        inv, paid, has_invoice = self._invoiced_expr(), self._paid_expr(), self._has_invoice_expr()
        last_invoice, due = self._last_invoice_expr(), self._due_expr()
        has_payment = exists().where(payments_t.c.order_id == orders_t.c.id)
        q = (select(orders_t.c.id, orders_t.c.status, orders_t.c.total_minor, orders_t.c.currency,
                    orders_t.c.created_at, orders_t.c.tracking_number, customers_t.c.name.label("customer_name"),
                    inv.label("invoiced"), paid.label("paid"), last_invoice.label("invoice_number"),
                    due.label("due_date"), has_invoice.label("has_invoice"))
             .outerjoin(customers_t, customers_t.c.id == orders_t.c.customer_id))
        if only_open:
            q = q.where((has_invoice | has_payment), inv != paid)
        return [OrderAccount(oid, status, total, cur, created, tracking, name, int(inv_), int(paid_), *rest)
                for oid, status, total, cur, created, tracking, name, inv_, paid_, *rest in self.c.execute(
                    q.order_by(orders_t.c.id.desc()).limit(limit))]

    def paid_not_invoiced(self, limit: int | None = 500) -> list[PaidOrder]:
        """Orders that took money but have no invoice yet (counter sales waiting for their invoice)."""
        paid, has_invoice = self._paid_expr(), self._has_invoice_expr()
        has_payment = exists().where(payments_t.c.order_id == orders_t.c.id, payments_t.c.kind == "payment")
        q = (select(orders_t.c.id, orders_t.c.status, orders_t.c.total_minor, orders_t.c.currency,
                    orders_t.c.created_at, customers_t.c.name.label("customer_name"), paid.label("paid"))
             .outerjoin(customers_t, customers_t.c.id == orders_t.c.customer_id)
             .where(has_payment, ~has_invoice, orders_t.c.status.notin_(("draft", "cancelled")))
             .order_by(orders_t.c.id))
        return [PaidOrder(oid, status, total, cur, created, name, int(paid_))
                for oid, status, total, cur, created, name, paid_ in self.c.execute(q.limit(limit))]

    def shipped_not_invoiced(self, limit: int | None = 500) -> list[ShippedOrderAccount]:
        """Orders with units that left the building (net of returns) and are not invoiced (net of credit notes),
        for some product: the accounts queue's "shipped, waiting for an invoice", with amounts like
        ``order_accounts``."""
        shipped_orders = select(shipments_t.c.order_id).where(shipments_t.c.status.in_(SHIPPED))
        u = self._units_union(lambda col: col.in_(shipped_orders))
        signed = case((u.c.kind == "invoiced", -u.c.q), (u.c.kind == "returned", -u.c.q), else_=u.c.q)
        owed = (select(u.c.order_id).group_by(u.c.order_id, u.c.product_id).having(func.sum(signed) > 0))
        inv, paid = self._invoiced_expr(), self._paid_expr()
        last_invoice, due = self._last_invoice_expr(), self._due_expr()
        q = (select(orders_t.c.id, orders_t.c.status, orders_t.c.total_minor, orders_t.c.currency,
                    orders_t.c.created_at, customers_t.c.name.label("customer_name"), inv.label("invoiced"),
                    paid.label("paid"), last_invoice.label("invoice_number"), due.label("due_date"))
             .outerjoin(customers_t, customers_t.c.id == orders_t.c.customer_id)
             .where(orders_t.c.id.in_(owed), orders_t.c.status.notin_(("draft", "cancelled")))
             .order_by(orders_t.c.id))
        return [ShippedOrderAccount(oid, status, total, cur, created, name, int(inv_), int(paid_), number, due)
                for oid, status, total, cur, created, name, inv_, paid_, number, due in self.c.execute(
                    q.limit(limit))]


class LedgerRepo(_AccountsTables):
    """Journal entries and their postings (append-only), balances."""

    def add_entry(self, values: Mapping[str, object], postings: list[tuple[str, int]]) -> int:
        now = _now()
        eid = self.c.execute(insert_returning_id(entries_t), {**values, "posted_at": now, "posted_on": now.date()}
                             ).scalar_one()
        self.c.execute(plain_insert(postings_t), [dict(entry_id=eid, account=acc, amount_minor=amt)
                                            for acc, amt in postings])
        return eid

    def add_entries(self, entries: list[tuple[dict, list[tuple[str, int]]]]) -> None:
        """Entries of different payments (``payment_id`` set and unique among them) with their postings: two
        statements however many."""
        if not entries:
            return
        now = _now()
        got = self.c.execute(built("add entries", lambda: insert(entries_t).returning(
            entries_t.c.id, entries_t.c.payment_id)), [{**values, "posted_at": now, "posted_on": now.date()}
                                                        for values, _p in entries]).all()
        ids = {payment_id: eid for eid, payment_id in got}
        self.c.execute(plain_insert(postings_t), [dict(entry_id=ids[values["payment_id"]], account=acc,
                                                       amount_minor=amt)
                                                  for values, postings in entries for acc, amt in postings])

    def entry(self, entry_id: int) -> LedgerEntryRecord | None:
        return self._one_entry(entries_t.c.id == entry_id)

    def reversal_of(self, entry_id: int) -> LedgerEntryRecord | None:
        return self._one_entry(entries_t.c.reverses_id == entry_id)

    def _one_entry(self, where) -> LedgerEntryRecord | None:
        row = self.c.execute(select(entries_t).where(where)).first()
        return LedgerEntryRecord(*row) if row is not None else None

    def entries(self, *, account: str | None = None, kind: str | None = None, order_id: int | None = None,
                date_from: date | None = None, date_to: date | None = None, text: str = "",
                limit: int | None = 1000, offset: int = 0, newest_first: bool = False) -> list[JournalEntryRecord]:
        rev = entries_t.alias("rev")
        q = (select(entries_t, users_t.c.username, rev.c.id.label("reversed_by"))
             .outerjoin(users_t, users_t.c.id == entries_t.c.user_id)
             .outerjoin(rev, rev.c.reverses_id == entries_t.c.id))
        if account:
            q = q.where(exists().where(postings_t.c.entry_id == entries_t.c.id, postings_t.c.account == account))
        if kind:
            q = q.where(entries_t.c.kind == kind)
        if order_id is not None:
            q = q.where(entries_t.c.order_id == order_id)
        if date_from is not None:
            q = q.where(entries_t.c.posted_on >= date_from)
        if date_to is not None:
            q = q.where(entries_t.c.posted_on <= date_to)
        if text:
            q = q.where(func.lower(entries_t.c.description).contains(text.lower(), autoescape=True))
        keys = (entries_t.c.id.desc(),) if newest_first else (entries_t.c.id,)
        q = q.order_by(*keys).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        return [JournalEntryRecord(*r) for r in self.c.execute(q)]

    def postings_of(self, entry_ids) -> dict[int, list[LedgerPostingRecord]]:
        ids = list(entry_ids)
        out: dict[int, list[LedgerPostingRecord]] = {i: [] for i in ids}
        for i in range(0, len(ids), 500):
            rows = self.c.execute(select(postings_t).where(postings_t.c.entry_id.in_(ids[i:i + 500]))
                                  .order_by(postings_t.c.entry_id, postings_t.c.id)).all()
            for r in rows:
                out[r.entry_id].append(LedgerPostingRecord(*r))
        return out

    def account_balances(self, *, date_to: date | None = None) -> dict[str, int]:
        q = (select(postings_t.c.account, func.sum(postings_t.c.amount_minor))
             .join(entries_t, entries_t.c.id == postings_t.c.entry_id).group_by(postings_t.c.account))
        if date_to is not None:
            q = q.where(entries_t.c.posted_on <= date_to)
        return {acc: int(total) for acc, total in self.c.execute(q).all()}

    def unbalanced_entries(self) -> list[tuple[int, int]]:
        """(entry id, sum) of every entry whose postings do not sum to zero (should always be empty)."""
        q = (select(postings_t.c.entry_id, func.sum(postings_t.c.amount_minor).label("s"))
             .group_by(postings_t.c.entry_id).having(func.sum(postings_t.c.amount_minor) != literal(0)))
        return [(r.entry_id, int(r.s)) for r in self.c.execute(q).all()]

    def account_balance_of_order(self, account: str, order_id: int) -> int:
        q = (select(func.coalesce(func.sum(postings_t.c.amount_minor), 0))
             .join(entries_t, entries_t.c.id == postings_t.c.entry_id)
             .where(postings_t.c.account == account, entries_t.c.order_id == order_id))
        return int(self.c.execute(q).scalar_one())
