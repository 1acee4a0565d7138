"""Amending a confirmed order before picking starts: lines added, removed or changed in quantity and price (within
the role's limits), the reservation following in the same transaction (conditional UPDATEs in SKU order, never
oversold), repriced like a cart, with its history row, event, audit row, sales facts and open account."""
from __future__ import annotations

from decimal import Decimal

from ..domain import events as ev
from ..domain.errors import (BusinessRuleViolation, InvalidTransition, OutOfStock, PermissionDenied, Shortage,
                             ValidationFailed)
from ..domain.messages import Joined, code, msg
from ..domain.money import from_minor, parse_amount, to_minor
from ..domain.orders import Status, parse_quantity
from ..domain.references import order_number, pick_list_number
from ..domain.roles import Perm, can
from . import backorders, sales_facts
from .base import ServiceBase
from .cart_editing import MAX_LINES, reprice, stale_cart
from .dto import Actor, OrderDTO
from .order_lookup import load_order, order_row


class OrderAmending(ServiceBase):
    def amend_order(self, actor: Actor, order_ref, *, set_lines: dict | None = None, prices: dict | None = None,
                    expected_version: int | None = None, allow_backorder: bool = False) -> OrderDTO:
        """Change a confirmed order that is not on a pick list yet: ``set_lines`` maps SKU to its new quantity (0
        removes it, a SKU not on the order is added at the catalog price), ``prices`` SKU to a new unit price
        (beyond the catalog price only with the price-override right). The difference is reserved or released;
        a shortage names each SKU and what is available, or with ``allow_backorder`` waits as a backorder."""
        self._require(actor, Perm.ORDER_EDIT, "amend orders")
        currency = self.company.currency
        wanted: dict[str, int] = {}
        new_prices: dict[str, Decimal] = {}
        problems: list[str] = []
        for sku, qty in (set_lines or {}).items():
            key = str(sku).strip().upper()
            try:
                wanted[key] = parse_quantity(qty, sku=key, allow_zero=True)
            except ValidationFailed as e:
                problems.extend(e.problems)
        for sku, amount in (prices or {}).items():
            key = str(sku).strip().upper()
            try:
                new_prices[key] = parse_amount(amount, currency, field=msg("unit price of {sku}", sku=key))
            except ValidationFailed as e:
                problems.extend(e.problems)
        if not wanted and not new_prices and not problems:
            raise ValidationFailed(msg("nothing to change: give a line (SKU=QTY), a SKU to remove or a price "
                                       "(SKU=AMOUNT)"))
        with self._uow() as uow:
            order = order_row(uow, order_ref, for_update=True)
            label = order_number(order.id)
            self._check_amendable(uow, order, label)
            if expected_version is not None and order.version != expected_version:
                raise stale_cart(order)
            lines = uow.orders.lines(order.id)
            by_sku: dict[str, list] = {}
            for ln in lines:
                by_sku.setdefault(ln.sku, []).append(ln)
            typed_skus = {str(k).strip().upper() for k in (set_lines or {})}
            products = uow.products.by_skus(sorted(set(wanted) | set(new_prices) | set(by_sku) | typed_skus))
            # a SKU whose quantity was mistyped is named above already, but still checked for existing
            for sku in sorted(set(wanted) | set(new_prices) | typed_skus):
                if sku not in products:
                    problems.append(msg("{sku} is not a known SKU", sku=sku))
                elif len(by_sku.get(sku, ())) > 1:
                    problems.append(msg("{sku} is on {order} more than once (at different prices); cancel the "
                                        "order and place a new one", sku=sku, order=label))
                elif sku not in by_sku and wanted.get(sku, 0) == 0 and not (sku in typed_skus and sku not in wanted):
                    problems.append(msg("{sku} is not on {order} (add it with a quantity to price it)", sku=sku,
                                        order=label) if sku in new_prices else
                                    msg("{sku} is not on {order}", sku=sku, order=label))
                elif sku not in by_sku and not products[sku].active:
                    problems.append(msg("{sku} is no longer sold", sku=sku))
            old = {sku: sum(ln.quantity for ln in ls) for sku, ls in by_sku.items()}
            new = {**old, **wanted}
            new = {sku: q for sku, q in new.items() if q}
            if not problems and not new:
                problems.append(msg("{order} would have no lines left; cancel it instead", order=label))
            if len(new) > MAX_LINES:
                problems.append(msg("an order has at most {maximum} lines", maximum=MAX_LINES))
            if problems:
                raise ValidationFailed(problems)
            overrides = [msg("{sku} at {price} (catalog {catalog_price})", sku=sku, price=p,
                             catalog_price=from_minor(products[sku].unit_price_minor, currency))
                         for sku, p in sorted(new_prices.items())
                         if to_minor(p, currency) != products[sku].unit_price_minor]
            if overrides and not can(actor.role, Perm.PRICE_OVERRIDE):
                raise PermissionDenied(msg("{user} ({role}) may not {what}; a manager must approve it.",
                                           user=actor.username, role=code(actor.role),
                                           what=msg("sell {items}", items=Joined(overrides, ", "))))
            old_adjustments = uow.carts.adjustments(order.id)
            old_prices = {sku: ls[0].unit_price_minor for sku, ls in by_sku.items()}
            self._write_lines(uow, order.id, lines, by_sku, products, new, new_prices, currency)
            stock_change = self._follow_reservation(uow, actor, order, products, old, new, allow_backorder)
            changes = [f"{sku} {old.get(sku, 0)} -> {new.get(sku, 0)}" for sku in sorted(set(old) | set(new))
                       if old.get(sku, 0) != new.get(sku, 0)]
            changes += [f"{sku} at {p}" for sku, p in sorted(new_prices.items())
                        if to_minor(p, currency) != old_prices.get(sku)]
            change = "amended: " + ("; ".join(changes) or "nothing changed")
            coupon_row = uow.promotions.coupon(order.coupon_id) if order.coupon_id else None
            totals = reprice(uow, order, actor, change, coupon_row=coupon_row)
            uow.orders.add_history(order.id, order.status, order.status, actor.user_id, change[:200])
            reserved, released, owed = stock_change
            uow.events.add_event(ev.OrderAmended(order_id=order.id, number=label, old=dict(sorted(old.items())),
                                                 new=dict(sorted(new.items())), total=str(totals.total),
                                                 currency=order.currency,
                                                 product_ids=sorted(products[s].id for s in set(old) | set(new)),
                                                 reserved=reserved, released=released, backordered=owed),
                                 user_id=actor.user_id)
            new_rows = uow.orders.lines(order.id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="order.amend", entity="order",
                             entity_id=order.id, old={"lines": _lines_audit(lines, currency),
                                                      "total": str(from_minor(order.total_minor, currency))},
                             new={"lines": _lines_audit(new_rows, currency), "total": str(totals.total),
                                  "backorder": owed})
            if owed:
                backorders.announce(uow, actor, order, {products[s].id: s for s in owed}, owed)
            uow.receivables.refresh_open_account(order.id)  # paid more than the new total: credit, as today
            sales_facts.record_amended(uow, order, lines, old_adjustments, new_rows)
            dto = backorders.with_backorder(uow, load_order(uow, order.id))
            uow.commit()
        return dto

    # ---- helpers -------------------------------------------------------------------------------------------
    @staticmethod
    def _check_amendable(uow, order, label: str) -> None:
        status = order.status
        if status == Status.PICKING:
            po = uow.picking.open_pick_of(order.id)
            where = msg("on pick list {pick_list}", pick_list=pick_list_number(po.pick_list_id)) if po is not None \
                else msg("being picked")
            raise InvalidTransition(msg("{order} can no longer be amended: it is {where} and picking has started. "
                                        "Cancel the order and place a new one, or let it ship and place a second "
                                        "order for what is added.", order=label, where=where))
        if status == Status.DRAFT:
            raise InvalidTransition(msg("{order} is a cart, not a confirmed order; change its lines directly.",
                                        order=label))
        if status == Status.CANCELLED:
            raise InvalidTransition(msg("{order} is cancelled; place a new order instead.", order=label))
        if status != Status.CONFIRMED:
            raise InvalidTransition(msg("{order} is {status} and can no longer be amended (only a confirmed order "
                                        "before picking starts). Take a return for what comes back, or place a new "
                                        "order for what is added.", order=label, status=code(status)))
        invoices = uow.invoices.invoices_of(order.id)
        if invoices:
            raise BusinessRuleViolation(msg("{order} is invoiced already ({invoices}); credit the invoice first, or "
                                            "place a second order for what is added.", order=label,
                                            invoices=", ".join(i.number for i in invoices)))

    @staticmethod
    def _write_lines(uow, order_id: int, lines, by_sku, products, new: dict[str, int],
                     new_prices: dict[str, Decimal], currency: str) -> None:
        for sku, ls in by_sku.items():
            ln = ls[0]
            if sku not in new:
                for x in ls:
                    uow.orders.delete_line(order_id, x.line_no)
                continue
            values: dict = {}
            if new[sku] != ln.quantity:
                values["quantity"] = new[sku]
            if sku in new_prices and to_minor(new_prices[sku], currency) != ln.unit_price_minor:
                values["unit_price_minor"] = to_minor(new_prices[sku], currency)
            if values:
                uow.orders.update_line(order_id, ln.line_no, values)
        line_no = max((ln.line_no for ln in lines), default=0)
        for sku in sorted(s for s in new if s not in by_sku):
            p = products[sku]
            line_no += 1
            unit = to_minor(new_prices[sku], currency) if sku in new_prices else p.unit_price_minor
            uow.orders.add_line(dict(order_id=order_id, line_no=line_no, product_id=p.id, sku=sku, name=p.name,
                                     quantity=new[sku], unit_price_minor=unit, tax_rate_bp=p.tax_rate_bp,
                                     discount_bp=0))

    @staticmethod
    def _follow_reservation(uow, actor, order, products, old: dict[str, int], new: dict[str, int],
                            allow_backorder: bool) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
        """Reserve or release the difference per SKU, in SKU order; units waiting as a backorder are given up
        before reserved ones are released. Returns the units reserved, released and newly backordered per SKU."""
        changed = sorted(s for s in set(old) | set(new) if old.get(s, 0) != new.get(s, 0))
        uow.stock.lock_rows(products[s].id for s in changed)  # the waiting rows hang off them
        waiting = backorders.waiting_of(uow, order.id)
        reserved: dict[str, int] = {}
        released: dict[str, int] = {}
        owed: dict[str, int] = {}
        shortages: list[Shortage] = []
        moves = []
        for sku in changed:
            pid, delta = products[sku].id, new.get(sku, 0) - old.get(sku, 0)
            if delta < 0:
                w = waiting.get(pid)
                from_waiting = min(w.quantity, -delta) if w is not None else 0
                if from_waiting:
                    backorders.give_up(uow, w, from_waiting)
                rest = -delta - from_waiting
                if rest:
                    uow.stock.release(pid, rest)
                    released[sku] = rest
                    moves.append(dict(product_id=pid, kind="release", reserved_delta=-rest, order_id=order.id,
                                      reason="order amended", user_id=actor.user_id))
                continue
            if allow_backorder:
                got = uow.stock.reserve_up_to(pid, delta)
                if delta - got:
                    backorders.add_waiting(uow, order.id, pid, sku, products[sku].name, delta - got, "order amended")
                    owed[sku] = delta - got
            else:
                got = delta if uow.stock.try_reserve(pid, delta) is not None else 0
                if not got:
                    st = uow.stock.get(pid)
                    shortages.append(Shortage(sku, delta, max(st.on_hand - st.reserved, 0)))
            if got:
                reserved[sku] = got
                moves.append(dict(product_id=pid, kind="reserve", reserved_delta=got, order_id=order.id,
                                  reason="order amended", user_id=actor.user_id))
        if shortages:
            raise OutOfStock(shortages)
        uow.stock.add_moves(moves)
        if released:
            backorders.reserve_waiting(uow, actor, [products[s].id for s in released])
        return reserved, released, owed


def _lines_audit(lines, currency: str) -> dict[str, dict[str, str | int]]:
    return {ln.sku: {"quantity": ln.quantity, "unit_price": str(from_minor(ln.unit_price_minor, currency))}
            for ln in lines}
