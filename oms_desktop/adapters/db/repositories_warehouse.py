"""Repository of the warehouse area: pick lists, shipments, backorders and returns (SQLAlchemy Core)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import and_, bindparam, case, exists, func, insert, or_, select, text, update

from ...services.repository_records import EventRecord
from ...services.repository_records_warehouse import (BackorderRecord, ListedPickList, OrderPick,
                                                      OrderShipmentRecord, PickLineRecord, PickListEntry,
                                                      PickListOrderRecord, PickListRecord, QueuedOrder,
                                                      ReturnedItemRecord, ShipmentLineRecord, ShipmentRecord,
                                                      WaitingMismatch)
from . import models as m
from . import models_warehouse as w
from .repositories import (_CONSUME, PG_STOCK_LOCKED_IN_ORDER, _now, _Repo, built, insert_returning_id,
                           plain_insert)

orders_t = m.Order.__table__
lines_t = m.OrderLine.__table__
customers_t = m.Customer.__table__
products_t = m.Product.__table__
users_t = m.User.__table__
events_t = m.Event.__table__
pick_lists_t = w.PickList.__table__
pick_orders_t = w.PickListOrder.__table__
pick_lines_t = w.PickLine.__table__
shipments_t = w.Shipment.__table__
shipment_lines_t = w.ShipmentLine.__table__
stock_t = m.Stock.__table__
backorders_t = w.Backorder.__table__
returns_t = w.ReturnedItem.__table__

_CONSUME_AT_ONCE = 50
"""Shipments of up to this many products consume their stock in one UPDATE on SQLite (one statement shape per
count, built once); longer ones take one UPDATE per product. (PostgreSQL: one statement however many,
``_PG_CONSUME_ALL``.)"""
_PG_CONSUME_ALL = text(PG_STOCK_LOCKED_IN_ORDER + """
UPDATE stock SET on_hand = stock.on_hand - locked.qty, reserved = stock.reserved - locked.qty FROM locked
WHERE stock.product_id = locked.product_id AND stock.reserved >= locked.qty
RETURNING stock.product_id""")
"""PostgreSQL: shipping several products' reserved units in one statement, the twin of reserving them
(``repositories._PG_RESERVE_ALL``, whose docstring says why the rows are locked in the order given and why nothing
is taken twice under READ COMMITTED)."""
OPEN_PICK = ("picking", "picked", "packed")
"""Statuses of an order on a pick list whose warehouse work is not finished."""


class PickingRepo(_Repo):
    """The warehouse queue, pick lists, the orders on them and their lines."""

    def queue(self, limit: int = 500) -> list[QueuedOrder]:
        """Orders the warehouse has to work on: confirmed (waiting), on a pick list, or owing a backorder."""
        line_count = (select(func.count()).select_from(lines_t).where(lines_t.c.order_id == orders_t.c.id)
                      .scalar_subquery())
        units = (select(func.coalesce(func.sum(lines_t.c.quantity), 0)).where(lines_t.c.order_id == orders_t.c.id)
                 .scalar_subquery())
        owed = (select(func.coalesce(func.sum(backorders_t.c.quantity), 0))
                .where(backorders_t.c.order_id == orders_t.c.id, backorders_t.c.status == "open").scalar_subquery())
        waiting = (select(func.coalesce(func.sum(backorders_t.c.quantity), 0))
                   .where(backorders_t.c.order_id == orders_t.c.id, backorders_t.c.status == "waiting")
                   .scalar_subquery())
        open_pick = (select(func.max(pick_orders_t.c.pick_list_id))
                     .where(pick_orders_t.c.order_id == orders_t.c.id, pick_orders_t.c.status.in_(OPEN_PICK))
                     .scalar_subquery())
        pick_state = (select(func.max(pick_orders_t.c.status))
                      .where(pick_orders_t.c.order_id == orders_t.c.id, pick_orders_t.c.status.in_(OPEN_PICK))
                      .scalar_subquery())
        has_backorder = exists().where(backorders_t.c.order_id == orders_t.c.id, backorders_t.c.status == "open")
        q = (select(orders_t.c.id, orders_t.c.tracking_number, orders_t.c.status, orders_t.c.express,
                    orders_t.c.created_at, orders_t.c.confirmed_at, customers_t.c.name.label("customer_name"),
                    line_count.label("line_count"), units.label("units"), owed.label("backorder_units"),
                    waiting.label("waiting_units"), open_pick.label("pick_list_id"), pick_state.label("pick_state"))
             .outerjoin(customers_t, customers_t.c.id == orders_t.c.customer_id)
             .where(or_(orders_t.c.status.in_(("confirmed", "picking", "packed")), has_backorder))
             .order_by(orders_t.c.express.desc(), func.coalesce(orders_t.c.confirmed_at, orders_t.c.created_at),
                       orders_t.c.id)
             .limit(limit))
        # the units are SUMs, NUMERIC on PostgreSQL: whole units here
        return [QueuedOrder(oid, tracking, status, express, created, confirmed, name, int(lines), int(units), int(owed),
                            int(waiting), pick_list, state)
                for oid, tracking, status, express, created, confirmed, name, lines, units, owed, waiting, pick_list,
                state in self.c.execute(q)]

    def open_pick_of(self, order_id: int) -> PickListOrderRecord | None:
        """The order's pick-list entry whose work is not finished (picking, picked or packed), if any."""
        row = self.c.execute(built("open pick of order", lambda: (
            select(pick_orders_t).where(pick_orders_t.c.order_id == bindparam("id"),
                                        pick_orders_t.c.status.in_(OPEN_PICK))
            .order_by(pick_orders_t.c.id.desc()))), {"id": order_id}).first()
        return PickListOrderRecord(*row) if row is not None else None

    def has_pick_history(self, order_id: int) -> bool:
        return bool(self.c.execute(select(exists().where(pick_orders_t.c.order_id == order_id))).scalar())

    def add_pick_list(self, user_id) -> int:
        return self.c.execute(insert_returning_id(pick_lists_t),
                              dict(status="open", created_by=user_id, created_at=_now())).scalar_one()

    def add_pick_orders(self, rows: Sequence[Mapping[str, object]]) -> None:
        if rows:
            self.c.execute(plain_insert(pick_orders_t), rows)

    def add_pick_lines(self, rows: Sequence[Mapping[str, object]]) -> None:
        if rows:
            self.c.execute(plain_insert(pick_lines_t), rows)

    def pick_list(self, pick_list_id: int, *, for_update: bool = False) -> PickListRecord | None:
        lock = for_update and self._pg

        def build():
            q = (select(pick_lists_t, users_t.c.username.label("created_by_name"))
                 .outerjoin(users_t, users_t.c.id == pick_lists_t.c.created_by)
                 .where(pick_lists_t.c.id == bindparam("id")))
            return q.with_for_update(of=pick_lists_t) if lock else q
        row = self.c.execute(built(("pick list", lock), build), {"id": pick_list_id}).first()
        return PickListRecord(*row) if row is not None else None

    def pick_orders(self, pick_list_id: int) -> list[PickListEntry]:
        def build():
            line_count = (select(func.count()).select_from(pick_lines_t)
                          .where(pick_lines_t.c.pick_list_id == pick_orders_t.c.pick_list_id,
                                 pick_lines_t.c.order_id == pick_orders_t.c.order_id).scalar_subquery())
            return (select(pick_orders_t, orders_t.c.tracking_number, orders_t.c.status.label("order_status"),
                           orders_t.c.ship_to, customers_t.c.name.label("customer_name"),
                           line_count.label("line_count"))
                    .join(orders_t, orders_t.c.id == pick_orders_t.c.order_id)
                    .outerjoin(customers_t, customers_t.c.id == orders_t.c.customer_id)
                    .where(pick_orders_t.c.pick_list_id == bindparam("id")).order_by(pick_orders_t.c.tote))
        return [PickListEntry(*r) for r in self.c.execute(built("pick orders", build), {"id": pick_list_id})]

    def pick_lines(self, pick_list_id: int, order_id: int | None = None) -> list[PickLineRecord]:
        one_order = order_id is not None

        def build():
            q = select(pick_lines_t).where(pick_lines_t.c.pick_list_id == bindparam("id"))
            if one_order:
                q = q.where(pick_lines_t.c.order_id == bindparam("order_id"))
            return q.order_by(pick_lines_t.c.id)
        return [PickLineRecord(*r) for r in self.c.execute(built(("pick lines", one_order), build),
                                                           {"id": pick_list_id, "order_id": order_id})]

    def set_picked_many(self, rows: list[tuple[int, int, str]]) -> None:
        """Record (pick line id, units picked, short reason) for many lines in one executemany."""
        if rows:
            self.c.execute(built("set picked", lambda: update(pick_lines_t).where(pick_lines_t.c.id == bindparam("_id"))
                                 .values(picked=bindparam("_picked"), short_reason=bindparam("_reason"))),
                           [{"_id": i, "_picked": p, "_reason": r} for i, p, r in rows])

    def set_pick_list_picked(self, pick_list_id: int, user_id) -> None:
        self.c.execute(built("pick list picked", lambda: update(pick_lists_t)
                             .where(pick_lists_t.c.id == bindparam("_id")).values(status="picked")),
                       {"_id": pick_list_id, "picked_by": user_id, "picked_at": _now()})

    def set_pick_order_status(self, pick_order_id: int, status: str) -> None:
        self.set_pick_orders_status([pick_order_id], status)

    def set_pick_orders_status(self, pick_order_ids, status: str) -> None:
        ids = list(pick_order_ids)
        if ids:
            self.c.execute(built("pick orders status", lambda: update(pick_orders_t)
                                 .where(pick_orders_t.c.id.in_(bindparam("ids", expanding=True)))
                                 .values(status=bindparam("_status"))), {"ids": ids, "_status": status})

    def recent_pick_lists(self, limit: int = 50) -> list[ListedPickList]:
        orders = (select(func.count()).select_from(pick_orders_t)
                  .where(pick_orders_t.c.pick_list_id == pick_lists_t.c.id).scalar_subquery())
        q = (select(pick_lists_t, users_t.c.username.label("created_by_name"), orders.label("order_count"))
             .outerjoin(users_t, users_t.c.id == pick_lists_t.c.created_by)
             .order_by(pick_lists_t.c.id.desc()).limit(limit))
        return [ListedPickList(*r) for r in self.c.execute(q)]

    def picks_of_order(self, order_id: int) -> list[OrderPick]:
        """Every pick of an order (for its timeline): list id, when, who, backorder flag, units asked and picked."""
        q = (select(pick_orders_t.c.pick_list_id, pick_orders_t.c.backorder, pick_orders_t.c.status,
                    pick_lists_t.c.picked_at, users_t.c.username,
                    func.sum(pick_lines_t.c.quantity).label("asked"),
                    func.sum(func.coalesce(pick_lines_t.c.picked, 0)).label("picked"))
             .join(pick_lists_t, pick_lists_t.c.id == pick_orders_t.c.pick_list_id)
             .outerjoin(users_t, users_t.c.id == pick_lists_t.c.picked_by)
             .join(pick_lines_t, and_(pick_lines_t.c.pick_list_id == pick_orders_t.c.pick_list_id,
                                      pick_lines_t.c.order_id == pick_orders_t.c.order_id))
             .where(pick_orders_t.c.order_id == order_id)
             .group_by(pick_orders_t.c.pick_list_id, pick_orders_t.c.backorder, pick_orders_t.c.status,
                       pick_lists_t.c.picked_at, users_t.c.username)
             .order_by(pick_orders_t.c.pick_list_id))
        # the units are SUMs, NUMERIC on PostgreSQL: whole units here
        return [OrderPick(pick_list, backorder, status, at, who, int(asked), int(picked))
                for pick_list, backorder, status, at, who, asked, picked in self.c.execute(q)]

    def short_lines_of_order(self, order_id: int) -> list[PickLineRecord]:
        return [PickLineRecord(*r) for r in self.c.execute(
            select(pick_lines_t).where(pick_lines_t.c.order_id == order_id,
                                       pick_lines_t.c.picked < pick_lines_t.c.quantity).order_by(pick_lines_t.c.id))]


class ShipmentsRepo(_Repo):
    """Parcels and what they hold, backorders, returns, and the order history the service desk shows."""

    def add_shipment(self, values: Mapping[str, object]) -> int:
        return self.c.execute(insert_returning_id(shipments_t), {**values, "packed_at": _now()}).scalar_one()

    def add_shipment_lines(self, rows: Sequence[Mapping[str, object]]) -> None:
        if rows:
            self.c.execute(plain_insert(shipment_lines_t), rows)

    def shipment(self, shipment_id: int) -> ShipmentRecord | None:
        row = self.c.execute(built("shipment", lambda: select(shipments_t).where(
            shipments_t.c.id == bindparam("id"))), {"id": shipment_id}).first()
        return ShipmentRecord(*row) if row is not None else None

    def shipments_of(self, order_id: int) -> list[OrderShipmentRecord]:
        def build():
            packer, shipper, deliverer = users_t.alias("packer"), users_t.alias("shipper"), users_t.alias("deliverer")
            return (select(shipments_t, packer.c.username.label("packed_by_name"),
                           shipper.c.username.label("shipped_by_name"),
                           deliverer.c.username.label("delivered_by_name"))
                    .outerjoin(packer, packer.c.id == shipments_t.c.packed_by)
                    .outerjoin(shipper, shipper.c.id == shipments_t.c.shipped_by)
                    .outerjoin(deliverer, deliverer.c.id == shipments_t.c.delivered_by)
                    .where(shipments_t.c.order_id == bindparam("id")).order_by(shipments_t.c.id))
        return [OrderShipmentRecord(*r) for r in self.c.execute(built("shipments of order", build), {"id": order_id})]

    def shipment_lines(self, shipment_id: int) -> list[ShipmentLineRecord]:
        return [ShipmentLineRecord(*r) for r in self.c.execute(built("shipment lines", lambda: select(
            shipment_lines_t).where(shipment_lines_t.c.shipment_id == bindparam("id")).order_by(
            shipment_lines_t.c.id)), {"id": shipment_id})]

    def shipped_per_product(self, order_id: int) -> dict[int, int]:
        q = built("shipped per product", lambda: (
            select(shipment_lines_t.c.product_id, func.sum(shipment_lines_t.c.quantity))
            .join(shipments_t, shipments_t.c.id == shipment_lines_t.c.shipment_id)
            .where(shipments_t.c.order_id == bindparam("id"), shipments_t.c.status.in_(("shipped", "delivered")))
            .group_by(shipment_lines_t.c.product_id)))
        return {pid: int(q_) for pid, q_ in self.c.execute(q, {"id": order_id}).all()}

    def consume_stock(self, items: list[tuple[int, int]]) -> set[int]:
        """Ship reserved units: on hand and reserved both go down for each (product_id, quantity) of ``items``, given
        in SKU order; the ids of the products that had the units reserved (the caller refuses the shipment, and
        rolls back, unless all of them did). The caller adds the matching stock moves.

        PostgreSQL: one statement (``_PG_CONSUME_ALL``) that locks the rows in the order given, so they are locked
        in SKU order as reservations lock them (no deadlocks), then updates them. SQLite: one UPDATE for all of
        them, as the write transaction holds the database's single write lock already (no lock order to keep).
        A product given twice ships the units of both (summed first: one statement changes a row once)."""
        summed: dict[int, int] = {}
        for pid, q in items:
            summed[pid] = summed.get(pid, 0) + q
        items = list(summed.items())
        n = len(items)
        if n > 1 and self.c.dialect.name == "postgresql":
            return set(self.c.execute(_PG_CONSUME_ALL, {"pids": [pid for pid, _q in items],
                                                        "qtys": [q for _pid, q in items]}).scalars())
        if self.c.dialect.name == "sqlite" and 1 < n <= _CONSUME_AT_ONCE:
            def build():  # CASE product_id WHEN :p0 THEN :q0 ...: one statement for n lines, built once per n
                qty = case(*[(stock_t.c.product_id == bindparam(f"p{i}"), bindparam(f"q{i}")) for i in range(n)])
                return (update(stock_t)
                        .where(stock_t.c.product_id.in_([bindparam(f"p{i}") for i in range(n)]),
                               stock_t.c.reserved >= qty)
                        .values(on_hand=stock_t.c.on_hand - qty, reserved=stock_t.c.reserved - qty)
                        .returning(stock_t.c.product_id))
            params = {}
            for i, (pid, q) in enumerate(items):
                params[f"p{i}"], params[f"q{i}"] = pid, q
            return set(self.c.execute(built(("consume stock", n), build), params).scalars())
        consumed = set()
        for pid, q in items:
            r = self.c.execute(_CONSUME, {"pid": pid, "qty": q})
            if r.rowcount == 1:
                consumed.add(pid)
        return consumed

    def update_shipment(self, shipment_id: int, values: Mapping[str, object]) -> None:
        self.c.execute(built("update shipment", lambda: update(shipments_t).where(
            shipments_t.c.id == bindparam("_shipment_id"))), {**values, "_shipment_id": shipment_id})

    def add_backorder(self, values: Mapping[str, object]) -> None:
        """A backorder row: ``open`` (owed and reserved) unless ``values`` names another status (``waiting``)."""
        now = _now()
        self.c.execute(insert(backorders_t).values({"status": "open", **values, "created_at": now,
                                                    "updated_at": now}))

    def backorders_of(self, order_id: int, *, open_only: bool = False,
                      with_waiting: bool = False) -> list[BackorderRecord]:
        """The order's backorders in the order they were taken; ``open_only``: those still owed and reserved (with
        ``with_waiting`` also those waiting for goods, not reserved yet)."""
        def build():
            q = select(backorders_t).where(backorders_t.c.order_id == bindparam("id"))
            if open_only:
                q = q.where(backorders_t.c.status.in_(("open", "waiting") if with_waiting else ("open",)),
                            backorders_t.c.quantity > 0)
            return q.order_by(backorders_t.c.id)
        return [BackorderRecord(*r) for r in self.c.execute(built(("backorders of order", open_only, with_waiting),
                                                                  build), {"id": order_id})]

    def waiting_for(self, product_ids) -> list[BackorderRecord]:
        """The backorders waiting for goods of these products, first taken first (locked on PostgreSQL: the caller
        holds the products' stock rows, so the lock is never contended by another allocation)."""
        ids = sorted(set(product_ids))
        if not ids:
            return []
        q = (select(backorders_t).where(backorders_t.c.product_id.in_(ids), backorders_t.c.status == "waiting",
                                        backorders_t.c.quantity > 0)
             .order_by(backorders_t.c.id))
        return [BackorderRecord(*r) for r in self.c.execute(q.with_for_update() if self._pg else q)]

    def waiting_mismatches(self) -> list[WaitingMismatch]:
        """Backorders waiting for goods that cannot be right: (order id, order status, SKU, units waiting, units
        ordered) where the order is no longer confirmed or waits for more than it ordered of the product."""
        waiting = (select(backorders_t.c.order_id, backorders_t.c.product_id, backorders_t.c.sku,
                          func.sum(backorders_t.c.quantity).label("waiting"))
                   .where(backorders_t.c.status == "waiting", backorders_t.c.quantity > 0)
                   .group_by(backorders_t.c.order_id, backorders_t.c.product_id, backorders_t.c.sku).subquery())
        ordered = (select(func.coalesce(func.sum(lines_t.c.quantity), 0))
                   .where(lines_t.c.order_id == waiting.c.order_id, lines_t.c.product_id == waiting.c.product_id)
                   .scalar_subquery())
        q = (select(waiting.c.order_id, orders_t.c.status, waiting.c.sku, waiting.c.waiting, ordered.label("ordered"))
             .join(orders_t, orders_t.c.id == waiting.c.order_id)
             .where(or_(orders_t.c.status != "confirmed", waiting.c.waiting > ordered))
             .order_by(waiting.c.order_id, waiting.c.sku))
        # the units are SUMs, NUMERIC on PostgreSQL: whole units here
        return [WaitingMismatch(oid, status, sku, int(waiting_), int(ordered_))
                for oid, status, sku, waiting_, ordered_ in self.c.execute(q)]

    def update_backorder(self, backorder_id: int, values: Mapping[str, object]) -> None:
        self.c.execute(update(backorders_t).where(backorders_t.c.id == backorder_id)
                       .values(**values, updated_at=_now()))

    def add_return(self, values: Mapping[str, object]) -> None:
        self.c.execute(insert(returns_t).values({"at": _now(), **values}))  # ``at``: the caller's, when given

    def returns_of(self, order_id: int) -> list[ReturnedItemRecord]:
        q = (select(returns_t, users_t.c.username).outerjoin(users_t, users_t.c.id == returns_t.c.user_id)
             .where(returns_t.c.order_id == order_id).order_by(returns_t.c.id))
        return [ReturnedItemRecord(*r) for r in self.c.execute(q)]

    def returned_per_product(self, order_id: int) -> dict[int, int]:
        q = (select(returns_t.c.product_id, func.sum(returns_t.c.quantity)).where(returns_t.c.order_id == order_id)
             .group_by(returns_t.c.product_id))
        return {pid: int(q_) for pid, q_ in self.c.execute(q).all()}

    def order_events(self, order_id: int, kinds) -> list[EventRecord]:
        q = (select(events_t, users_t.c.username).outerjoin(users_t, users_t.c.id == events_t.c.user_id)
             .where(events_t.c.order_id == order_id, events_t.c.kind.in_(list(kinds))).order_by(events_t.c.id))
        return [EventRecord(*r) for r in self.c.execute(q)]

    def orders_of_customers(self, customer_ids, limit: int = 50):
        ids = list(customer_ids)
        if not ids:
            return []
        q = (select(orders_t.c.id).where(orders_t.c.customer_id.in_(ids), orders_t.c.status != "draft")
             .order_by(orders_t.c.created_at.desc(), orders_t.c.id.desc()).limit(limit))
        return list(self.c.execute(q).scalars())
