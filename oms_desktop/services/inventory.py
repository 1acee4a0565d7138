"""Stock: adjustments with a reason, stock history, and the stock-equals-moves invariant."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..domain import events as ev
from ..domain.errors import BusinessRuleViolation, NotFound, ValidationFailed
from ..domain.messages import msg, phrase
from ..domain.numbers import parse_whole
from ..domain.orders import parse_quantity
from ..domain.roles import Perm
from . import backorders
from .base import ServiceBase
from ..domain.references import order_number
from .dto import Actor, StockMoveDTO
from .ledger_posting import post_stock_adjustment

ADJUST_REASONS = ("count", "damage", "found", "correction", "receipt")


@dataclass(frozen=True)
class HistoryLine:
    """One stock move with the on-hand and reserved figures right after it (running balance)."""
    id: int
    at: datetime
    kind: str
    on_hand_delta: int
    reserved_delta: int
    reason: str
    reference: str  # SO-000042, PO-000007, a tracking number, or ""
    username: str
    on_hand_after: int
    reserved_after: int


@dataclass(frozen=True)
class CountLine:
    sku: str
    before: int
    counted: int

    @property
    def difference(self) -> int:
        return self.counted - self.before


@dataclass(frozen=True)
class CountResult:
    location: str
    lines: tuple[CountLine, ...]

    @property
    def changed(self) -> tuple[CountLine, ...]:
        return tuple(ln for ln in self.lines if ln.difference)


def _history_lines(moves, on_hand: int, reserved: int) -> list[HistoryLine]:
    """``moves`` newest first; walks back from the current stock row to give each move its running balance."""
    out = []
    for r in moves:
        ref = r.reference or ""
        if r.order_id is not None:
            ref = order_number(r.order_id) + (f" ({ref})" if ref else "")
        out.append(HistoryLine(r.id, r.created_at, r.kind, r.on_hand_delta, r.reserved_delta, r.reason, ref,
                               r.username or "", on_hand, reserved))
        on_hand -= r.on_hand_delta
        reserved -= r.reserved_delta
    return out


class InventoryService(ServiceBase):
    def adjust_stock(self, actor: Actor, sku: str, delta: int, reason: str, note: str = "") -> int:
        """Add ``delta`` (may be negative) to on hand; returns the new on-hand figure."""
        self._require(actor, Perm.STOCK_ADJUST, "adjust stock")
        if isinstance(delta, bool) or not isinstance(delta, int):
            delta = parse_whole(delta, field="quantity")
        if delta == 0:
            raise ValidationFailed(msg("quantity must not be zero"))
        if abs(delta) > 1_000_000:
            raise ValidationFailed(msg("quantity {delta} is too large (at most 1000000 either way)", delta=delta))
        reason = (reason or "").strip().lower()
        if reason not in ADJUST_REASONS:
            raise ValidationFailed(msg("reason '{reason}' is unknown (choose one of: {choices})", reason=reason,
                                       choices=", ".join(ADJUST_REASONS)))
        sku = sku.strip().upper()
        with self._uow() as uow:
            row = uow.products.by_sku(sku)
            if row is None:
                raise NotFound(msg("No product with SKU '{sku}'.", sku=sku))
            if not uow.stock.change_on_hand(row.id, delta):
                raise BusinessRuleViolation(msg(
                    "{sku}: on hand is {on_hand} with {reserved} reserved; it cannot change by {delta}.", sku=sku,
                    on_hand=row.on_hand, reserved=row.reserved, delta=delta))
            uow.stock.add_move(row.id, kind="adjust", on_hand_delta=delta, reason=_move_reason(reason, note),
                               user_id=actor.user_id)
            if delta > 0:  # units found or received go to the backorders waiting for them first
                backorders.reserve_waiting(uow, actor, [row.id])
            post_stock_adjustment(uow, actor, [(row.id, delta)], f"{reason} {sku}", currency=self.company.currency)
            new_on_hand = row.on_hand + delta
            uow.events.add_event(ev.StockAdjusted(product_id=row.id, sku=sku, delta=delta, reason=reason,
                                                  on_hand=new_on_hand), user_id=actor.user_id)
            if new_on_hand - row.reserved <= row.reorder_point < row.on_hand - row.reserved:
                uow.events.add_event(ev.StockLow(product_id=row.id, sku=sku, available=new_on_hand - row.reserved),
                                     user_id=None)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="stock.adjust", entity="product",
                             entity_id=sku, old={"on_hand": row.on_hand},
                             new={"on_hand": new_on_hand, "reason": reason})
            uow.commit()
        return new_on_hand

    def history(self, actor: Actor, sku: str, limit: int = 500) -> list[StockMoveDTO]:
        self._require(actor, Perm.VIEW, "view stock history")
        with self._uow(write=False) as uow:
            row = uow.products.by_sku(sku.strip().upper())
            if row is None:
                raise NotFound(msg("No product with SKU '{sku}'.", sku=sku))
            return [StockMoveDTO(r.id, r.created_at, r.kind, r.on_hand_delta, r.reserved_delta, r.reason,
                                 r.reference, r.order_id, r.username or "") for r in uow.stock.moves(row.id, limit)]

    def invariant_violations(self) -> list[tuple]:
        """Stock rows that differ from the sum of their moves; always empty unless something is broken."""
        with self._uow(write=False) as uow:
            return uow.stock.invariant_violations()

    def stock_history(self, actor: Actor, sku: str, limit: int = 500) -> list[HistoryLine]:
        """Every move of a product, newest first, with date, reason, order or purchase reference, user and the
        running balance after the move."""
        self._require(actor, Perm.VIEW, "view stock history")
        with self._uow(write=False) as uow:
            row = uow.products.by_sku(sku.strip().upper())
            if row is None:
                raise NotFound(msg("No product with SKU '{sku}'.", sku=sku))
            return _history_lines(uow.stock.moves(row.id, limit), row.on_hand, row.reserved)

    def post_stock_count(self, actor: Actor, location: str, counts) -> CountResult:
        """Post a stock count: ``counts`` are (sku or barcode, counted) pairs (a SKU given twice is added up, as a
        scanner gives one entry per unit). Every difference becomes an "adjust" move with reason "count", all in one
        transaction; a problem with any line posts nothing.

        When ``location`` is given, every product counted must be stored there (a scan from the wrong shelf is
        refused rather than booked).
        """
        self._require(actor, Perm.STOCK_ADJUST, "post stock counts")
        location = (location or "").strip().upper()
        totals: dict[str, int] = {}
        problems: list[str] = []
        for item in counts:
            key, qty = str(item[0]).strip(), item[1]
            try:
                n = parse_quantity(qty, sku=key.upper(), allow_zero=True)
            except ValidationFailed as e:
                problems.extend(e.problems)
                continue
            totals[key] = totals.get(key, 0) + n
        if not totals and not problems:
            problems.append(msg("the count is empty: count at least one product"))
        if not totals:
            raise ValidationFailed(problems)
        with self._uow() as uow:  # every problem is reported, the ones only the database can tell too
            rows: dict[str, tuple[Any, int]] = {}  # SKU: (product row, counted)
            for key, n in totals.items():
                row = uow.products.by_sku(key.upper()) or uow.products.by_barcode(key)
                if row is None:
                    problems.append(msg("'{key}' is neither a SKU nor a barcode", key=key))
                    continue
                if location and row.location.upper() != location:
                    problems.append(msg("{sku} is stored at {stored}, not {location}", sku=row.sku,
                                        stored=row.location or phrase("(no location)"), location=location))
                    continue
                if row.sku in rows:
                    rows[row.sku] = (rows[row.sku][0], rows[row.sku][1] + n)
                else:
                    rows[row.sku] = (row, n)
            for sku, (row, n) in rows.items():
                if n < row.reserved:
                    problems.append(msg("{sku}: counted {counted}, but {reserved} are reserved for open orders; "
                                        "recount, or cancel orders first", sku=sku, counted=n, reserved=row.reserved))
            if problems:
                raise ValidationFailed(problems)
            lines, moves, pids = [], [], []
            for sku in sorted(rows):
                row, n = rows[sku]
                lines.append(CountLine(sku, row.on_hand, n))
                delta = n - row.on_hand
                if delta:
                    uow.stock.change_on_hand(row.id, delta)
                    moves.append(dict(product_id=row.id, kind="adjust", on_hand_delta=delta,
                                      reason="count" + (f" {location}" if location else ""), user_id=actor.user_id))
                    pids.append(row.id)
            uow.stock.add_moves(moves)
            backorders.reserve_waiting(uow, actor, [m["product_id"] for m in moves if m["on_hand_delta"] > 0])
            post_stock_adjustment(uow, actor, [(m["product_id"], m["on_hand_delta"]) for m in moves],
                                  "count" + (f" {location}" if location else ""), currency=self.company.currency)
            uow.events.add_event(ev.StockCounted(product_id=pids[0] if len(pids) == 1 else None, location=location,
                                                 counted=len(lines), changed=len(moves), product_ids=pids),
                                 user_id=actor.user_id)
            uow.audit.record(user_id=actor.user_id, username=actor.username, action="stock.count", entity="location",
                             entity_id=location, old={ln.sku: ln.before for ln in lines if ln.difference},
                             new={ln.sku: ln.counted for ln in lines if ln.difference})
            uow.commit()
        return CountResult(location, tuple(lines))

    def product_ids_for_orders(self, actor: Actor, order_ids) -> list[int]:
        """The products on some orders (events about an order name the order, the live view wants its products)."""
        self._require(actor, Perm.VIEW, "view orders")
        out: set[int] = set()
        with self._uow(write=False) as uow:
            for oid in sorted(set(order_ids)):
                out.update(ln.product_id for ln in uow.orders.lines(oid))
        return sorted(out)


def _move_reason(reason: str, note: str) -> str:
    """The stock move's reason followed by the clerk's note ("found behind the shelf"); a note that starts with the
    reason itself is kept as it is ("found behind shelf" stays that, not "found found behind shelf")."""
    note = " ".join((note or "").split())
    if not note:
        return reason
    if note.casefold().split()[0].rstrip(":,.;") == reason.casefold():
        return note
    return f"{reason} {note}"
