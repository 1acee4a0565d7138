"""Orders: statuses and their legal moves, quantities, rates (pure). What an order costs: ``domain.pricing``."""
from __future__ import annotations

from functools import lru_cache
from decimal import Decimal
from enum import StrEnum

from .errors import InvalidTransition, ValidationFailed
from .free_text import contains_card_number
from .messages import Joined, code, msg, phrase
from .numbers import parse_number

MAX_QUANTITY = 1_000_000
"""No single order line asks for a million units; a larger number is a typo (or a scanner reading a barcode into
the quantity field) and is refused."""


class Status(StrEnum):
    DRAFT = "draft"
    CONFIRMED = "confirmed"
    PICKING = "picking"
    PACKED = "packed"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"
    RETURNED = "returned"


TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.CONFIRMED, Status.CANCELLED}),
    Status.CONFIRMED: frozenset({Status.PICKING, Status.CANCELLED}),
    Status.PICKING: frozenset({Status.PACKED, Status.CONFIRMED, Status.CANCELLED}),
    Status.PACKED: frozenset({Status.SHIPPED, Status.PICKING}),
    Status.SHIPPED: frozenset({Status.DELIVERED, Status.RETURNED}),
    Status.DELIVERED: frozenset({Status.RETURNED}),
    Status.CANCELLED: frozenset(),
    Status.RETURNED: frozenset(),
}

HOLDS_RESERVATION = frozenset({Status.CONFIRMED, Status.PICKING, Status.PACKED})


class Channel(StrEnum):
    COUNTER = "counter"
    PHONE = "phone"
    CATALOG = "catalog"
    ONLINE = "online"


def check_transition(current: str, target: str, order_label: str = phrase("the order")) -> None:
    cur, tgt = Status(current), Status(target)
    if tgt not in TRANSITIONS[cur]:
        allowed = Joined([code(s) for s in sorted(TRANSITIONS[cur])], ", ") if TRANSITIONS[cur] else \
            msg("none (it is final)")
        raise InvalidTransition(msg("{order} is {status}; it cannot become {target} (possible next: {allowed}).",
                                    order=phrase(order_label), status=code(cur), target=code(tgt), allowed=allowed))


def parse_quantity(value: object, *, sku: str = "", allow_zero: bool = False) -> int:
    field = msg("quantity for {sku}", sku=sku) if sku else phrase("quantity")
    if isinstance(value, bool):
        raise ValidationFailed(msg("{field} must be a whole number", field=field))
    if isinstance(value, int):
        q = value
    else:
        if isinstance(value, float):
            raise ValidationFailed(msg("{field} '{text}' is not a whole number", field=field, text=value))
        q = int(parse_number(value, field=field, whole=True, max_digits=12))
    if q < 0 or (q == 0 and not allow_zero):
        raise ValidationFailed(msg("{field} must be at least {minimum} (got {value})", field=field,
                                   minimum=0 if allow_zero else 1, value=q))
    if q > MAX_QUANTITY:
        raise ValidationFailed(msg("{field} {value} is too large (at most {maximum})", field=field, value=q,
                                   maximum=MAX_QUANTITY))
    return q


def parse_rate(value: object, *, field: str = "tax_rate") -> Decimal:
    """A tax rate or discount as a fraction (0.19). Accepts '19%' too. At most four decimals of a fraction."""
    s = str(value).strip()
    pct = s.endswith("%")
    if pct:
        s = s[:-1].strip()
    d = parse_number(s, field=field, max_digits=6)
    if pct:
        d = d / 100
    if d < 0 or d >= 1:
        raise ValidationFailed(msg("{field} '{value}' must be a fraction from 0 to below 1 (0.19 or 19%)",
                                   field=phrase(field), value=value))
    if d != d.quantize(Decimal("0.0001")):
        raise ValidationFailed(msg("{field} '{value}' has too many decimals (at most 0.0001)", field=phrase(field),
                                   value=value))
    return d.quantize(Decimal("0.0001")).normalize() if d else Decimal(0)


@lru_cache(maxsize=512)
def rate_to_bp(rate: Decimal) -> int:
    """Rates are stored as integer basis points (1/10000): 0.19 -> 1900 (kept per value, as ``bp_to_rate``)."""
    return int(rate * 10000)


@lru_cache(maxsize=512)
def bp_to_rate(bp: int) -> Decimal:
    """1900 -> 0.19; kept per value (a shop has a handful of rates and discounts; every priced line asks)."""
    return (Decimal(bp) / 10000).normalize() if bp else Decimal(0)


SHIP_TO_MAX = 1000


def delivery_label(name: str, address: str) -> str:
    """The ship-to snapshot of an order: the recipient on the first line, then the address lines (blank ones out)."""
    lines = [" ".join(x.split()) for x in [name, *address.splitlines()]]
    return "\n".join(x for x in lines if x)


def clean_ship_to(text: str) -> str:
    """A typed delivery address as the order keeps it, or ValidationFailed naming what is wrong."""
    label = "\n".join(" ".join(x.split()) for x in str(text or "").splitlines() if x.strip())
    problems: list[str] = []
    if len(label) > SHIP_TO_MAX:
        problems.append(msg("the delivery address is longer than {maximum} characters", maximum=SHIP_TO_MAX))
    if label.count("\n") >= 12:
        problems.append(msg("the delivery address has more than 12 lines"))
    if contains_card_number(label):
        problems.append(msg("the delivery address looks like it holds a card number; card numbers are never stored"))
    if problems:
        raise ValidationFailed(problems)
    return label
