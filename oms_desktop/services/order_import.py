"""Orders from the web shop and the mail catalog, imported from a CSV export (issue 15; docs/imports.md).

``domain/order_import.py`` reads the file into whole orders; here each order is taken whole or not at all, in its own
transaction (so the write lock is held for one order, a few milliseconds, and other workstations go on placing
orders meanwhile), by the same rules as an order typed in:

* **Already imported** (the shop's order number is kept as ``orders.external_ref``, unique per channel): skipped and
  reported; importing the same file again creates nothing and says so.
* **Customer**: matched by e-mail (any case), then by phone in any format (the phone key the desk searches by), else
  created with the file's name, e-mail, phone and billing address.
* **Products** by SKU, then by barcode; unknown, inactive or short products refuse the order, naming the row.
* **Prices** are the shop's (what the customer was charged), taxed at the product's rate; WooCommerce's net amounts
  are put into the company's price basis first. Shipping becomes a shipping charge at the highest rate of the goods,
  the discount an allowance shared over the rates like any other. Where the file gives the order's total it must be
  ours to the cent, or the order is refused naming both (a total is the same everywhere).
* **Open orders** are confirmed at once: stock reserved (never oversold: the same conditional reservation as every
  order), the warehouse queue sees them with the next refresh; **paid** ones get their payment (method ``online``,
  the gateway's reference), posted to the ledger like any receipt.
* **``history=True``** brings fulfilled and cancelled orders in as sales history for the reports and forecasts: the
  orders, their lines and status history and the sales facts, but no stock moves, no payment, no ledger entry. Open
  orders in a history import are reported (import them without ``--history``); without it, fulfilled and cancelled
  ones are skipped and counted.
* **Dry run**: every order goes through the same transaction and is rolled back: the report says exactly what a real
  run would do against the stock as it is now (each order against the stock before the others of the file).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, replace
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, Callable

from ..domain import events as ev
from ..domain.errors import BusinessRuleViolation, Cancelled, OutOfStock, PermissionDenied
from ..domain.ledger import contains_card_number, receipt_entry
from ..domain.money import from_minor, round_money, to_minor
from ..domain.order_import import FULFILLED, OPEN, ImportedOrder, OrderProblem, parse_orders
from ..domain.orders import Channel, Status, bp_to_rate
from ..domain.references import order_number
from ..domain.phone import digits_of, looks_like_phone, phone_key
from ..domain.pricing import PricedLine, PricingPolicy, TaxRounding, price
from ..domain.promotions import (Adjustment, AdjustmentKind, Cart, CartLine, Effect, Offer, Promotion, ShippingBasis,
                                 ShippingMethod, adjustments)
from ..domain.roles import Perm, can
from . import sales_facts
from .base import ServiceBase
from .cart_pricing import adjustment_rows, document_adjustments
from .customers import EMAIL_RE
from .dto import Actor
from .ledger_posting import post_entry
from .orders import reserve_stock
from .ports import utc_now

Progress = Callable[[int, int], None]
BATCH_ORDERS = 200    # orders per transaction at most ...
BATCH_SECONDS = 0.5   # ... and never a write lock held much longer than this (other workstations place orders)


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


class _Refused(Exception):
    """This order cannot be imported: the message says why (in the file's words)."""


class OrderImportService(ServiceBase):
    def import_orders(self, actor: Actor, data: bytes, *, fmt: str = "auto", channel: str = Channel.ONLINE.value,
                      dry_run: bool = False, history: bool = False, progress: Progress | None = None,
                      is_cancelled: Callable[[], bool] | None = None) -> OrderImportReport:
        self._require(actor, Perm.ORDER_EDIT, "import orders")
        company = self.company
        try:
            channel = Channel(str(channel).strip().lower()).value
        except ValueError:
            raise BusinessRuleViolation(f"channel '{channel}' is unknown (counter, phone, catalog or online)") \
                from None
        parsed = parse_orders(data, fmt, company.currency, now=utc_now())
        base = dict(format=parsed.format, channel=channel, dry_run=dry_run, history=history, rows=parsed.rows,
                    orders_in_file=len(parsed.orders) + len(parsed.problems), currency=company.currency)
        if parsed.file_problems:
            return OrderImportReport(**base, file_problems=parsed.file_problems)  # type: ignore[arg-type]
        wanted = [o for o in parsed.orders if (o.status != OPEN) == history]
        left_out = tuple(OrderProblem(o.ref, o.rows, f"{o.status} in the shop: import it with --history"
                                      if not history else "still open in the shop: import it without --history")
                         for o in parsed.orders if (o.status != OPEN) != history)
        if not history and any(o.paid for o in wanted) and not can(actor.role, Perm.PAYMENT):
            raise PermissionDenied(f"The file holds paid orders: importing them records their payments, which "
                                   f"{actor.role} may not do.")
        imported: list[ImportedOrderDTO] = []
        already: list[tuple[str, str]] = []
        problems = list(parsed.problems)
        done = 0
        while done < len(wanted):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()  # the batches before are in; this one was never started
            batch_start = time.monotonic()
            with self._uow() as uow:
                batch = wanted[done:done + BATCH_ORDERS]
                found = uow.orders.by_external_refs(channel, [o.ref for o in batch])
                # the batch's products in one read (their names, prices and rates; stock is reserved by UPDATE)
                catalog = uow.products.by_skus({ln.sku for o in batch for ln in o.lines if ln.sku})
                for order in wanted[done:done + BATCH_ORDERS]:
                    done += 1
                    if order.ref in found:
                        already.append((order.ref, order_number(found[order.ref])))
                        continue
                    try:
                        with uow.savepoint():
                            outcome = self._import_one(uow, actor, order, channel, dry_run=dry_run,
                                                       catalog=catalog)
                    except (_Refused, OutOfStock) as e:
                        problems.append(OrderProblem(order.ref, order.rows, str(e)))
                    else:
                        imported.append(outcome)
                    if time.monotonic() - batch_start > BATCH_SECONDS:
                        break
                if not dry_run:
                    uow.commit()
            if progress is not None:
                progress(done, len(wanted))
        created = sum(o.customer_created for o in imported)
        matched = sum(1 for o in imported if o.customer and not o.customer_created)
        return OrderImportReport(**base, imported=tuple(imported),  # type: ignore[arg-type]
                                 already_imported=tuple(already), left_out=left_out, problems=tuple(problems),
                                 customers_matched=matched, customers_created=created)

    # ---- one order, one transaction -------------------------------------------------------------------------
    def _import_one(self, uow: Any, actor: Actor, o: ImportedOrder, channel: str, *, dry_run: bool,
                    catalog: dict[str, Any] | None = None) -> ImportedOrderDTO:
        company = self.company
        cur = company.currency
        for label, text in (("the payment reference", o.payment_reference), ("the ship-to address", o.ship_to),
                            ("the billing address", o.billing_address), ("the customer's name", o.name)):
            if contains_card_number(text):
                raise _Refused(f"{label} looks like a card number; card numbers are never stored")
        if len(o.ref) > 64:
            raise _Refused("the order number is longer than 64 characters")
        if len(o.payment_reference) > 100:
            raise _Refused("the payment reference is longer than 100 characters")
        products = self._products(uow, o, catalog)
        customer_id, customer_name, new_customer = self._customer(uow, actor, o)
        priced, adjs = self._priced(o, products, company)
        totals = price(priced, PricingPolicy(cur, company.prices_include_tax, TaxRounding(company.tax_rounding)),
                       document_adjustments(adjs))
        if o.total is not None and totals.total != o.total:
            raise _Refused(f"the file's total {o.total} is not {totals.total}, the total of its lines, shipping "
                           f"and discount with this company's tax rates (prices "
                           f"{'include' if company.prices_include_tax else 'exclude'} tax)")
        status = Status.CONFIRMED if o.status == OPEN else \
            Status.DELIVERED if o.status == FULFILLED else Status.CANCELLED
        at = o.created_at
        values: dict[str, Any] = dict(customer_id=customer_id, channel=channel, status=status.value, currency=cur,
                      net_minor=to_minor(totals.net, cur), tax_minor=to_minor(totals.tax, cur),
                      total_minor=to_minor(totals.total, cur), prices_include_tax=company.prices_include_tax,
                      tax_rounding=company.tax_rounding, express=False,
                      notes=f"Imported from {o.gateway or 'the web shop'} order {o.ref}"[:500],
                      created_by=actor.user_id, created_at=at, updated_at=utc_now(), confirmed_at=at,
                      external_ref=o.ref, ship_to=o.ship_to, shipping_method=None, coupon_id=None)
        oid, tn = self._insert(uow, values)
        line_rows = [dict(order_id=oid, line_no=i, product_id=products[k].id, sku=products[k].sku,
                          name=products[k].name, quantity=pl.quantity,
                          unit_price_minor=to_minor(pl.unit_price, cur), tax_rate_bp=products[k].tax_rate_bp,
                          discount_bp=0, net_minor=to_minor(la.net, cur), tax_minor=to_minor(la.tax, cur))
                     for i, (k, pl, la) in enumerate(zip(products, priced, totals.lines), start=1)]
        uow.orders.add_lines(line_rows)
        adj_rows = adjustment_rows(adjs, totals, cur)
        uow.carts.add_adjustments(oid, adj_rows)
        uow.orders.add_history(oid, None, Status.CONFIRMED, actor.user_id, f"imported ({o.ref})", at=at)
        order = SimpleNamespace(id=oid, **values)
        if status is not Status.CONFIRMED:
            closed = o.closed_at or at
            uow.orders.add_history(oid, Status.CONFIRMED, status, actor.user_id, "in the shop", at=closed)
            sales_facts.record_confirmed(uow, order, at, line_rows, adj_rows)
            if status is Status.CANCELLED:
                sales_facts.record_cancelled(uow, order, closed, line_rows, adj_rows)
        else:
            total_minor = int(values["total_minor"])
            uow.events.add_event(ev.OrderConfirmed(order_id=oid, number=order_number(oid), tracking_number=tn,
                                                   lines=len(line_rows), total=str(from_minor(total_minor, cur)),
                                                   currency=cur), user_id=actor.user_id)
            if o.paid and total_minor > 0:
                self._pay(uow, actor, oid, total_minor, o)
        uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.import", entity="order",
                         entity_id=oid, new={"ref": o.ref, "channel": channel, "status": status.value,
                                             "total": str(totals.total), "rows": list(o.rows)})
        if status is Status.CONFIRMED:  # last, right before the commit (see OrderService._reserve)
            reserve_stock(uow, actor, oid, [(products[k].id, products[k].sku, pl.quantity)
                                            for k, pl in zip(products, priced)])
            sales_facts.record_confirmed(uow, order, at, line_rows, adj_rows)
        return ImportedOrderDTO(ref=o.ref, number="" if dry_run else order_number(oid),
                                tracking_number="" if dry_run else tn, status=status.value, customer=customer_name,
                                customer_created=new_customer, total=totals.total,
                                paid=o.paid and status is Status.CONFIRMED)

    @staticmethod
    def _insert(uow: Any, values: dict) -> tuple[int, str]:
        from ..domain import tracking
        for _ in range(10):  # 55 random bits: a number already taken is drawn again, practically never
            tn = tracking.new_tracking_number()
            oid = uow.orders.add_unless_tracking_taken(dict(values, tracking_number=tn))
            if oid is not None:
                return oid, tn
        raise RuntimeError("could not draw an unused tracking number")

    @staticmethod
    def _products(uow: Any, o: ImportedOrder, catalog: dict[str, Any] | None = None) -> dict[int, Any]:
        """The product of each line, keyed by the line's index (a product may be on two lines); ``catalog``: the
        products of the batch by SKU, read already."""
        by_sku = catalog if catalog is not None else uow.products.by_skus({ln.sku for ln in o.lines if ln.sku})
        barcodes = {ln.barcode for ln in o.lines if ln.barcode and ln.sku not in by_sku}
        by_barcode = uow.products.by_barcodes(barcodes) if barcodes else {}
        out = {}
        for i, ln in enumerate(o.lines):
            p = by_sku.get(ln.sku) if ln.sku else None
            if p is None and ln.barcode:
                p = by_barcode.get(ln.barcode)
            if p is None:
                what = f"SKU {ln.sku}" if ln.sku else f"barcode {ln.barcode}"
                raise _Refused(f"row {ln.row}: {what} is not in the catalog")
            if not p.active:
                raise _Refused(f"row {ln.row}: {p.sku} is no longer sold")
            out[i] = p
        return out

    def _customer(self, uow: Any, actor: Actor, o: ImportedOrder) -> tuple[int | None, str, bool]:
        email = o.email.strip()
        if email and not EMAIL_RE.match(email):
            raise _Refused(f"e-mail '{email}' is not an e-mail address")
        if len(email) > 254:
            raise _Refused("the e-mail address is longer than 254 characters")
        phone = o.phone.strip().lstrip("'")
        if phone and (not looks_like_phone(phone) or len(digits_of(phone)) > 20 or len(phone) > 50):
            raise _Refused(f"phone '{phone}' is not a phone number")
        ids = uow.customers.ids_by_email(email) if email else []
        if not ids and phone and len(digits_of(phone)) >= 6:
            ids = uow.customers.ids_by_phone_key(phone_key(phone))
        if ids:
            row = uow.customers.get(min(ids))
            return row.id, row.name, False
        name = " ".join(o.name.split()) or email or phone
        if not name:
            return None, "", False  # an order without a customer, as a walk-in sale
        if len(name) > 200:
            raise _Refused("the customer's name is longer than 200 characters")
        cid = uow.customers.add(name=name, email=email, billing_address=o.billing_address,
                                shipping_address=o.ship_to, notes=f"from the web shop ({o.ref})")
        if phone:
            uow.customers.add_phone(cid, phone, digits_of(phone), phone_key(phone))
        uow.events.add_event(ev.CustomerAdded(customer_id=cid, name=name), user_id=actor.user_id)
        uow.audit.record(user_id=actor.user_id, username=actor.username, action="customer.add", entity="customer",
                         entity_id=cid, new={"name": name, "phones": [phone] if phone else [], "email": email,
                                             "source": f"order import {o.ref}"})
        return cid, name, True

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
            raise _Refused(f"the discount {o.discount} is more than the goods it is taken from")
        return lines, tuple(replace(a, source_id=None) for a in adjs)

    def _pay(self, uow: Any, actor: Actor, oid: int, minor: int, o: ImportedOrder) -> None:
        cur = self.company.currency
        label = order_number(oid)
        reference = o.payment_reference[:100]
        pid = uow.payments.add_payment(dict(order_id=oid, kind="payment", method="online", amount_minor=minor,
                                            currency=cur, reference=reference, card_last4="",
                                            notes=f"{o.gateway or 'web shop'} ({o.ref})"[:200],
                                            user_id=actor.user_id))
        uow.receivables.refresh_open_account(oid)
        text = f"Payment online {label}" + (f" ref {reference}" if reference else "")
        post_entry(uow, actor, receipt_entry(text, "online", minor, 0), currency=cur, order_id=oid, payment_id=pid)
        uow.events.add_event(ev.PaymentReceived(order_id=oid, number=label, amount=str(from_minor(minor, cur)),
                                                currency=cur, method="online",
                                                balance=str(from_minor(-minor, cur))), user_id=actor.user_id)

