"""Orders from the web shop and the mail catalog, imported from a CSV export (issue 15; docs/imports.md).

``domain/order_import.py`` reads the file into whole orders; here each order is taken whole or not at all, by the same
rules as an order typed in. Orders go in batches (at most ``BATCH_ORDERS``, and the transaction kept within about
``BATCH_SECONDS``, so the write lock is held briefly and other workstations go on placing orders between batches): a
batch reads what its orders need in a few statements (the orders imported already, products, customers, the stock,
locked), checks each order in Python against it (a refused order writes nothing: the others of the batch go in),
and writes the orders it took with ``order_writing.write_orders``, the function ``place_order`` writes with, each kind
of row in one statement:

* **Already imported** (the shop's order number is kept as ``orders.external_ref``, unique per channel): skipped and
  reported; importing the same file again creates nothing and says so.
* **Customer**: matched by e-mail (any case), then by phone in any format (the phone key the desk searches by), else
  created with the file's name, e-mail, phone and billing address.
* **Products** by SKU, then by barcode; unknown, inactive or short products refuse the order, naming the row.
* **Prices** are the shop's (what the customer was charged), taxed at the product's rate; WooCommerce's net amounts
  are put into the company's price basis first. Shipping becomes a shipping charge at the highest rate of the goods,
  the discount an allowance shared over the rates like any other. Where the file gives the order's total it must be
  ours to the cent, or the order is refused naming both (a total is the same everywhere).
* **Open orders** are confirmed at once: stock reserved (never oversold: the batch's stock rows are locked and read
  once, each order checked against what the orders before it left, then reserved by the same conditional UPDATE as
  every order, ``StockLow`` where a product falls to its reorder point), the warehouse queue sees them with the next
  refresh; **paid** ones get their payment (method ``online``,
  the gateway's reference), posted to the ledger like any receipt.
* **``history=True``** brings fulfilled and cancelled orders in as sales history for the reports and forecasts: the
  orders, their lines and status history and the sales facts, but no stock moves, no payment, no ledger entry. Open
  orders in a history import are reported (import them without ``--history``); without it, fulfilled and cancelled
  ones are skipped and counted.
* **Dry run**: every batch goes through the same transaction and is rolled back: the report says exactly what a real
  run would do against the stock as it is now (each order against the stock as the orders of its batch left it).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any, Callable

from ..domain import events as ev
from ..domain.errors import BusinessRuleViolation, Cancelled, OutOfStock, PermissionDenied
from ..domain.free_text import contains_card_number
from ..domain.ledger import receipt_entry
from ..domain.messages import code, msg, phrase
from ..domain.money import from_minor, round_money, to_minor
from ..domain.order_import import CANCELLED, FULFILLED, OPEN, ImportedOrder, OrderProblem, parse_orders
from ..domain.orders import Channel, Status, bp_to_rate
from ..domain.references import order_number
from ..domain.phone import digits_of, looks_like_phone, phone_key
from ..domain.pricing import PricedLine, PricingPolicy, TaxRounding, price
from ..domain.promotions import (Adjustment, AdjustmentKind, Cart, CartLine, Effect, Offer, Promotion, ShippingBasis,
                                 ShippingMethod, adjustments)
from ..domain.roles import Perm, can
from .base import ServiceBase
from .cart_pricing import adjustment_rows
from .customers import EMAIL_RE
from .dto import Actor
from .ledger_posting import post_entries
from .order_writing import NewOrder, write_orders
from .orders import reserve_counted, shortages
from .ports import utc_now

Progress = Callable[[int, int], None]
BATCH_ORDERS = 200    # orders per transaction at most ...
BATCH_SECONDS = 0.5   # ... and never a write lock held much longer than this (other workstations place orders)
FIRST_WRITE_COST = 0.002  # seconds to write one order, a first guess: then as the batch before took


@dataclass(frozen=True)
class ImportedOrderDTO:
    ref: str
    number: str               # ORD-000123 ("" in a dry run)
    tracking_number: str
    status: str
    customer: str             # the customer's name
    customer_created: bool
    total: Decimal
    paid: bool


@dataclass(frozen=True)
class OrderImportReport:
    format: str
    channel: str
    dry_run: bool
    history: bool
    rows: int
    orders_in_file: int
    imported: tuple[ImportedOrderDTO, ...] = ()
    already_imported: tuple[tuple[str, str], ...] = ()    # (the shop's number, our order number)
    left_out: tuple[OrderProblem, ...] = ()               # fulfilled/cancelled without --history, open with it
    problems: tuple[OrderProblem, ...] = ()               # could not be imported, and why
    file_problems: tuple[str, ...] = ()                   # nothing could be read
    customers_matched: int = 0
    customers_created: int = 0
    currency: str = ""

    @property
    def total(self) -> Decimal:
        return sum((o.total for o in self.imported), Decimal(0))


#: why an order the shop has closed is left out of an import without --history
_LEFT_OUT = {FULFILLED: msg("fulfilled in the shop: import it with --history"),
             CANCELLED: msg("cancelled in the shop: import it with --history")}


class _Refused(Exception):
    """This order cannot be imported: the message says why (in the file's words)."""


class OrderImportService(ServiceBase):
    def import_orders(self, actor: Actor, data: bytes, *, fmt: str = "auto", channel: str = Channel.ONLINE.value,
                      dry_run: bool = False, history: bool = False, progress: Progress | None = None,
                      is_cancelled: Callable[[], bool] | None = None,
                      between_batches: Callable[[], None] | None = None) -> OrderImportReport:
        self._require(actor, Perm.ORDER_EDIT, "import orders")
        company = self.company
        try:
            channel = Channel(str(channel).strip().lower()).value
        except ValueError:
            raise BusinessRuleViolation(msg("channel '{channel}' is unknown (counter, phone, catalog or online)",
                                            channel=channel)) from None
        parsed = parse_orders(data, fmt, company.currency, now=utc_now())
        base = dict(format=parsed.format, channel=channel, dry_run=dry_run, history=history, rows=parsed.rows,
                    orders_in_file=len(parsed.orders) + len(parsed.problems), currency=company.currency)
        if parsed.file_problems:
            return OrderImportReport(**base, file_problems=parsed.file_problems)  # type: ignore[arg-type]
        wanted = [o for o in parsed.orders if (o.status != OPEN) == history]
        left_out = tuple(OrderProblem(o.ref, o.rows, _LEFT_OUT[o.status] if not history else
                                      msg("still open in the shop: import it without --history"))
                         for o in parsed.orders if (o.status != OPEN) != history)
        if not history and any(o.paid for o in wanted) and not can(actor.role, Perm.PAYMENT):
            raise PermissionDenied(msg("The file holds paid orders: importing them records their payments, which "
                                       "{role} may not do.", role=code(actor.role)))
        imported: list[ImportedOrderDTO] = []
        already: list[tuple[str, str]] = []
        problems = list(parsed.problems)
        done = 0
        write_cost = FIRST_WRITE_COST
        while done < len(wanted):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()  # the batches before are in; this one was never started
            batch_start = time.monotonic()
            with self._uow() as uow:
                batch = wanted[done:done + BATCH_ORDERS]
                ctx = self._batch_context(uow, channel, batch)
                taken: list[_Taken] = []
                for order in batch:
                    done += 1
                    if order.ref in ctx.found:
                        already.append((order.ref, order_number(ctx.found[order.ref])))
                        continue
                    try:
                        taken.append(self._take(ctx, actor, order, channel))
                    except (_Refused, OutOfStock) as e:
                        problems.append(OrderProblem(order.ref, order.rows, e.args[0]))
                    # the orders taken so far still have to be written: stop while the whole stays within the limit
                    if time.monotonic() - batch_start + len(taken) * write_cost > BATCH_SECONDS:
                        break
                write_start = time.monotonic()
                self._write(uow, actor, ctx, taken)
                if taken:
                    write_cost = (time.monotonic() - write_start) / len(taken)
                imported.extend(ImportedOrderDTO(
                    ref=t.order.ref, number="" if dry_run else order_number(t.new.id),
                    tracking_number="" if dry_run else t.new.tracking_number, status=t.status.value,
                    customer=t.customer_name, customer_created=t.customer_new, total=t.total,
                    paid=t.order.paid and t.status is Status.CONFIRMED) for t in taken)
                if not dry_run:
                    uow.commit()
            if between_batches is not None:
                between_batches()
            if progress is not None:
                progress(done, len(wanted))
        created = sum(o.customer_created for o in imported)
        matched = sum(1 for o in imported if o.customer and not o.customer_created)
        return OrderImportReport(**base, imported=tuple(imported),  # type: ignore[arg-type]
                                 already_imported=tuple(already), left_out=left_out, problems=tuple(problems),
                                 customers_matched=matched, customers_created=created)

    # ---- a batch: read once, each order checked in Python, written together ---------------------------------
    @staticmethod
    def _batch_context(uow: Any, channel: str, batch: list[ImportedOrder]) -> _Batch:
        """What the batch's orders need from the database, in a few statements: the orders imported already, the
        products (by SKU, then by barcode), the customers by e-mail and by phone key, and the stock of the
        products, locked on PostgreSQL until the commit (on SQLite this transaction holds the database)."""
        with uow.planned_for_values():  # IN lists of 200 values: never a generic plan (see there)
            found = uow.orders.by_external_refs(channel, [o.ref for o in batch])
            todo = [o for o in batch if o.ref not in found]
            catalog = uow.products.by_skus({ln.sku for o in todo for ln in o.lines if ln.sku})
            barcodes = {ln.barcode for o in todo for ln in o.lines if ln.barcode and ln.sku not in catalog}
            by_barcode = uow.products.by_barcodes(barcodes) if barcodes else {}
            emails = uow.customers.first_ids_by_emails(o.email.strip() for o in todo)
            keys = uow.customers.first_ids_by_phone_keys(phone_key(p) for p in (o.phone.strip().lstrip("'")
                                                                                for o in todo)
                                                         if p and looks_like_phone(p) and len(digits_of(p)) >= 6)
            names = uow.customers.names([*emails.values(), *keys.values()])
            # the stock of what the open orders want (history takes none)
            product_ids = {p.id for o in todo if o.status == OPEN for ln in o.lines
                           for p in (catalog.get(ln.sku) if ln.sku else None, by_barcode.get(ln.barcode))
                           if p is not None}
            stock = uow.stock.lock_and_read(product_ids)
        return _Batch(uow, found, catalog, by_barcode, emails, keys, names,
                      {pid: on_hand - reserved for pid, (on_hand, reserved) in stock.items()})

    def _take(self, ctx: _Batch, actor: Actor, o: ImportedOrder, channel: str) -> _Taken:
        """Check one order and make its rows, or refuse it (nothing of it is written): the same checks, in the same
        order, as an order taken alone; its stock is taken off what the batch has left."""
        company = self.company
        cur = company.currency
        for label, text in ((phrase("the payment reference"), o.payment_reference),
                            (phrase("the ship-to address"), o.ship_to),
                            (phrase("the billing address"), o.billing_address),
                            (phrase("the customer's name"), o.name)):
            if contains_card_number(text):
                raise _Refused(msg("{what} looks like a card number; card numbers are never stored", what=label))
        if len(o.ref) > 64:
            raise _Refused(msg("the order number is longer than 64 characters"))
        if len(o.payment_reference) > 100:
            raise _Refused(msg("the payment reference is longer than 100 characters"))
        products = self._products(ctx.uow, o, ctx.catalog, ctx.by_barcode)
        customer = self._customer(ctx, o)
        priced, adjs = self._priced(o, products, company)
        totals = price(priced, PricingPolicy(cur, company.prices_include_tax, TaxRounding(company.tax_rounding)),
                       adjs)
        if o.total is not None and totals.total != o.total:
            raise _Refused(msg("the file's total {file_total} is not {total}, the total of its lines, shipping and "
                               "discount with this company's tax rates (prices include tax)", file_total=o.total,
                               total=totals.total) if company.prices_include_tax else
                           msg("the file's total {file_total} is not {total}, the total of its lines, shipping and "
                               "discount with this company's tax rates (prices exclude tax)", file_total=o.total,
                               total=totals.total))
        status = Status.CONFIRMED if o.status == OPEN else \
            Status.DELIVERED if o.status == FULFILLED else Status.CANCELLED
        reserve = [(products[k].id, products[k].sku, pl.quantity) for k, pl in zip(products, priced)]
        if status is Status.CONFIRMED:
            short = shortages(reserve, ctx.available)
            if short:
                raise OutOfStock(short)
            for pid, _sku, qty in reserve:
                ctx.available[pid] -= qty
        at = o.created_at
        values: dict[str, Any] = dict(customer_id=None, channel=channel, status=status.value, currency=cur,
                      net_minor=to_minor(totals.net, cur), tax_minor=to_minor(totals.tax, cur),
                      total_minor=to_minor(totals.total, cur), prices_include_tax=company.prices_include_tax,
                      tax_rounding=company.tax_rounding, express=False,
                      notes=f"Imported from {o.gateway or 'the web shop'} order {o.ref}"[:500],
                      created_by=actor.user_id, created_at=at, updated_at=utc_now(), confirmed_at=at,
                      external_ref=o.ref, ship_to=o.ship_to, shipping_method=None, coupon_id=None)
        line_rows = [dict(line_no=i, product_id=products[k].id, sku=products[k].sku,
                          name=products[k].name, quantity=pl.quantity,
                          unit_price_minor=to_minor(pl.unit_price, cur), tax_rate_bp=products[k].tax_rate_bp,
                          discount_bp=0, net_minor=to_minor(la.net, cur), tax_minor=to_minor(la.tax, cur))
                     for i, (k, pl, la) in enumerate(zip(products, priced, totals.lines), start=1)]
        history: list[tuple[str | None, str, str, datetime]] = [(None, Status.CONFIRMED, f"imported ({o.ref})", at)]
        facts = [(1, at)]
        if status is not Status.CONFIRMED:
            closed = o.closed_at or at
            history.append((Status.CONFIRMED, status, "in the shop", closed))
            if status is Status.CANCELLED:
                facts.append((-1, closed))
        audit_new = {"ref": o.ref, "channel": channel, "status": status.value, "total": str(totals.total),
                     "rows": list(o.rows)}
        new = NewOrder(values, line_rows, adjustment_rows(adjs, totals, cur), history,
                       audit=lambda oid, _tn: dict(action="order.import", entity="order", entity_id=oid,
                                                   new=audit_new),
                       confirmed_event=status is Status.CONFIRMED, facts=facts)
        ctx.accept(customer)  # a customer this order creates is the one the next orders of the batch find
        return _Taken(o, new, status, totals.total, customer, reserve if status is Status.CONFIRMED else [],
                      {products[k].id: products[k].reorder_point for k in products})

    def _write(self, uow: Any, actor: Actor, ctx: _Batch, taken: list[_Taken]) -> None:
        """The batch's new customers, then its orders (``write_orders``: the same as an order placed at the desk),
        their payments, and last their reservations, each kind of row in one statement."""
        if not taken:
            return
        new_customers = [t.customer for t in taken if t.customer is not None and t.customer.new]
        ids = uow.customers.add_many([dict(name=c.name, email=c.email, billing_address=c.billing_address,
                                           shipping_address=c.shipping_address, notes=c.notes)
                                      for c in new_customers])
        for c in new_customers:
            c.id = ids[c.notes]
        uow.customers.add_phones([dict(customer_id=c.id, phone=c.phone, digits=digits_of(c.phone),
                                       key=phone_key(c.phone)) for c in new_customers if c.phone])
        uow.events.add_events([(ev.CustomerAdded(customer_id=c.id, name=c.name), actor.user_id)
                               for c in new_customers])
        uow.audit.record_many([dict(user_id=actor.user_id, username=actor.username, action="customer.add",
                                    entity="customer", entity_id=c.id,
                                    new={"name": c.name, "phones": [c.phone] if c.phone else [], "email": c.email,
                                         "source": f"order import {c.ref}"}) for c in new_customers])
        for t in taken:
            if t.customer is not None:
                t.new.values["customer_id"] = t.customer.id

        def reserve(_orders: list[NewOrder]) -> None:
            self._pay(uow, actor, [t for t in taken if t.order.paid and t.status is Status.CONFIRMED
                                   and int(t.new.values["total_minor"]) > 0])
            # last, right before the facts and the commit (see reserve_stock)
            reorder_points: dict[int, int] = {}
            for t in taken:
                reorder_points.update(t.reorder_points)
            reserve_counted(uow, actor, [(t.new.id, t.reserve) for t in taken if t.reserve], ctx.stock_before,
                            reorder_points)

        write_orders(uow, actor, [t.new for t in taken], reserve)

    @staticmethod
    def _products(uow: Any, o: ImportedOrder, by_sku: dict[str, Any], by_barcode: dict[str, Any]) -> dict[int, Any]:
        """The product of each line, keyed by the line's index (a product may be on two lines), from the batch's
        products by SKU and by barcode, read already."""
        out = {}
        for i, ln in enumerate(o.lines):
            p = by_sku.get(ln.sku) if ln.sku else None
            if p is None and ln.barcode:
                p = by_barcode.get(ln.barcode)
            if p is None:
                raise _Refused(msg("row {row}: SKU {sku} is not in the catalog", row=ln.row, sku=ln.sku) if ln.sku
                               else msg("row {row}: barcode {barcode} is not in the catalog", row=ln.row,
                                        barcode=ln.barcode))
            if not p.active:
                raise _Refused(msg("row {row}: {sku} is no longer sold", row=ln.row, sku=p.sku))
            out[i] = p
        return out

    @staticmethod
    def _customer(ctx: _Batch, o: ImportedOrder) -> _Customer | None:
        """The order's customer: matched by e-mail (any case), then by phone key, among the customers of the
        database and those the batch's orders before create; else a new one (written with the batch)."""
        email = o.email.strip()
        if email and not EMAIL_RE.match(email):
            raise _Refused(msg("e-mail '{email}' is not an e-mail address", email=email))
        if len(email) > 254:
            raise _Refused(msg("the e-mail address is longer than 254 characters"))
        phone = o.phone.strip().lstrip("'")
        if phone and (not looks_like_phone(phone) or len(digits_of(phone)) > 20 or len(phone) > 50):
            raise _Refused(msg("phone '{phone}' is not a phone number", phone=phone))
        found = ctx.match(email, phone)
        if found is not None:
            return found
        name = " ".join(o.name.split()) or email or phone
        if not name:
            return None  # an order without a customer, as a walk-in sale
        if len(name) > 200:
            raise _Refused(msg("the customer's name is longer than 200 characters"))
        return _Customer(0, name, True, email=email, phone=phone, billing_address=o.billing_address,
                         shipping_address=o.ship_to, ref=o.ref)

    @staticmethod
    def _priced(o: ImportedOrder, products: dict[int, Any], company: Any
                ) -> tuple[list[PricedLine], tuple[Adjustment, ...]]:
        """The order's lines at the shop's prices in the company's price basis, and its shipping and discount."""
        cur = company.currency
        gross = company.prices_include_tax

        def basis(amount: Decimal, rate: Decimal, net_in_file: bool) -> Decimal:
            return round_money(amount * (1 + rate), cur) if net_in_file and gross else amount

        lines = []
        for i, ln in enumerate(o.lines):
            rate = bp_to_rate(products[i].tax_rate_bp)
            lines.append(PricedLine(products[i].sku, ln.quantity, basis(ln.unit_price, rate, ln.price_basis == "net"),
                                    rate))
        top = max(pl.tax_rate for pl in lines)
        net_file = any(ln.price_basis == "net" for ln in o.lines)
        cart = Cart(lines=tuple(CartLine(sku=pl.sku, category="", quantity=pl.quantity, unit_price=pl.unit_price,
                                         tax_rate=pl.tax_rate) for pl in lines), currency=cur, channel="online")
        shipping = None
        if o.shipping > 0:
            shipping = ShippingMethod(code="shop", name=o.shipping_label or "web shop", basis=ShippingBasis.FLAT,
                                      tiers=((Decimal(0), basis(o.shipping, top, net_file)),), tax_rate=top)
        promos: tuple[Promotion, ...] = ()
        if o.discount > 0:
            label = f"Discount {o.discount_code} (web shop)" if o.discount_code else "Discount (web shop)"
            promos = (Promotion(id=0, name=label, offer=Offer(Effect.AMOUNT, amount=basis(o.discount, top, net_file))),)
        adjs = adjustments(cart, promotions=promos, shipping=shipping)
        taken = -sum((a.amount for a in adjs if a.kind is AdjustmentKind.PROMOTION), Decimal(0))
        if promos and taken != promos[0].offer.amount:
            raise _Refused(msg("the discount {discount} is more than the goods it is taken from", discount=o.discount))
        return lines, tuple(replace(a, source_id=None) for a in adjs)

    def _pay(self, uow: Any, actor: Actor, paid: list[_Taken]) -> None:
        """The payments of the batch's paid open orders (method ``online``, the gateway's reference), their open
        accounts, receipts in the ledger and ``PaymentReceived`` events: a few statements for all of them."""
        if not paid:
            return
        cur = self.company.currency
        pids = uow.payments.add_payments([dict(
            order_id=t.new.id, kind="payment", method="online", amount_minor=int(t.new.values["total_minor"]),
            currency=cur, reference=t.order.payment_reference, card_last4="",
            notes=f"{t.order.gateway or 'web shop'} ({t.order.ref})"[:200], user_id=actor.user_id) for t in paid])
        uow.receivables.refresh_open_accounts(t.new.id for t in paid)
        entries = []
        events: list[tuple[ev.AnyEvent, int | None]] = []
        for t in paid:
            oid, minor, reference = t.new.id, int(t.new.values["total_minor"]), t.order.payment_reference
            label = order_number(oid)
            text = f"Payment online {label}" + (f" ref {reference}" if reference else "")
            entries.append((receipt_entry(text, "online", minor, 0), oid, pids[oid]))
            events.append((ev.PaymentReceived(order_id=oid, number=label, amount=str(from_minor(minor, cur)),
                                              currency=cur, method="online", balance=str(from_minor(-minor, cur))),
                           actor.user_id))
        post_entries(uow, actor, entries, currency=cur)
        uow.events.add_events(events)


@dataclass
class _Customer:
    id: int
    name: str
    new: bool
    email: str = ""
    phone: str = ""
    billing_address: str = ""
    shipping_address: str = ""
    ref: str = ""

    @property
    def notes(self) -> str:
        return f"from the web shop ({self.ref})"


@dataclass
class _Taken:
    """An order of the batch that passed every check, with the rows to write."""
    order: ImportedOrder
    new: NewOrder
    status: Status
    total: Decimal
    customer: _Customer | None
    reserve: list[tuple[int, str, int]]
    reorder_points: dict[int, int]

    @property
    def customer_name(self) -> str:
        return self.customer.name if self.customer is not None else ""

    @property
    def customer_new(self) -> bool:
        return self.customer is not None and self.customer.new


class _Batch:
    """What a batch's orders are checked against: read once per batch, then kept up to date in Python as its orders
    are taken (the stock they reserve, the customers they create)."""

    def __init__(self, uow: Any, found: dict[str, int], catalog: dict[str, Any], by_barcode: dict[str, Any],
                 emails: dict[str, int], keys: dict[str, int], names: dict[int, str], available: dict[int, int]):
        self.uow, self.found, self.catalog, self.by_barcode = uow, found, catalog, by_barcode
        self.emails, self.keys, self.names = emails, keys, names
        self.stock_before = dict(available)
        self.available = available
        self.new_by_email: dict[str, _Customer] = {}
        self.new_by_key: dict[str, _Customer] = {}

    def match(self, email: str, phone: str) -> _Customer | None:
        """The customer with this e-mail, else with this phone: one of the database's (the lowest id) before one
        the batch creates (which gets a higher id)."""
        if email:
            cid = self.emails.get(email.lower())
            if cid is not None:
                return _Customer(cid, self.names[cid], False)
            if email.lower() in self.new_by_email:
                return self.new_by_email[email.lower()]
        if phone and len(digits_of(phone)) >= 6:
            key = phone_key(phone)
            cid = self.keys.get(key)
            if cid is not None:
                return _Customer(cid, self.names[cid], False)
            if key in self.new_by_key:
                return self.new_by_key[key]
        return None

    def accept(self, customer: _Customer | None) -> None:
        if customer is not None and customer.new:
            if customer.email:
                self.new_by_email.setdefault(customer.email.lower(), customer)
            if customer.phone and len(digits_of(customer.phone)) >= 6:
                self.new_by_key.setdefault(phone_key(customer.phone), customer)
