"""Orders in the states the customers' status page shows, built through the services (tests of the status page)."""
from __future__ import annotations

from dataclasses import dataclass

from oms_desktop.adapters.db.uow import SqlUnitOfWork
from oms_desktop.domain.tracking import ALPHABET, check_symbol, format_tracking, normalize

CARRIER_TEMPLATE = "https://parcels.example/track?id={ref}"


@dataclass(frozen=True)
class StatusShop:
    shipped: str  # tracking number: shipped with DHL, one LAMP-01 backordered
    cancelled: str  # cancelled and refunded
    confirmed: str  # just placed


def set_setting(engine, key: str, value: str) -> None:
    with SqlUnitOfWork(engine) as uow:  # what `oms settings set` writes (no such command yet on this branch)
        uow.settings.set(key, value)
        uow.commit()


def build_status_shop(backend, admin, customer) -> StatusShop:
    """Three orders: one shipped with a backorder and a carrier link, one cancelled and refunded, one placed."""
    s = backend.services
    s.auth.add_user(admin, "wh_kim", "warehouse", "wh-kim-pw", "Kim Lager")
    wh = s.auth.sign_in("wh_kim", "wh-kim-pw")
    set_setting(backend.engine, "carrier.dhl.tracking_url", CARRIER_TEMPLATE)
    shipped = s.orders.place_order(admin, customer.id, [("LAMP-01", 2), ("BULB-E27", 3)])
    pl = s.picking.create_pick_list(wh, [shipped.id])
    s.picking.confirm_picks(wh, pl.number, {"LAMP-01": 1}, {"LAMP-01": "one on the shelf"})
    s.shipping.pack_order(wh, shipped.id, carrier="DHL", carrier_ref="JD0146 0000/3821", weight_kg="1.5")
    s.shipping.ship_order(wh, shipped.id)
    cancelled = s.orders.place_order(admin, customer.id, [("BOOK-01", 1)])
    s.receivables.record_payment(admin, cancelled.id, "12.84", "card")
    s.orders.cancel_order(admin, cancelled.id, "customer changed their mind")
    s.receivables.refund(admin, cancelled.id, "12.84", "card")
    confirmed = s.orders.place_order(admin, customer.id, [("BOOK-01", 1)])
    return StatusShop(shipped.tracking_number, cancelled.tracking_number, confirmed.tracking_number)


def mistyped(number: str) -> str:
    """``number`` with its second symbol replaced: the check character catches it."""
    compact = normalize(number)
    repl = next(c for c in ALPHABET if c != compact[1])
    return format_tracking(compact[0] + repl + compact[2:])


def unknown_number(seed: int) -> str:
    """A well-formed tracking number (valid check character) that no order has (with overwhelming odds)."""
    data = "".join(ALPHABET[(seed * 7 + i * 13) % 32] for i in range(11))
    check = check_symbol(data)
    if check not in ALPHABET:
        return unknown_number(seed + 1)
    return format_tracking(data + check)
