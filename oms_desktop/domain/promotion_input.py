"""What people type when they set up promotions and coupons or offer an incentive, checked before anything is stored
(pure): percents, days, coupon codes, and a promotion's or coupon's fields together. Each problem names its field,
in the words of the screen and the command line."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from .errors import ValidationFailed
from .messages import msg, phrase
from .money import quantum
from .numbers import parse_number
from .promotions import Coupon, Effect, Offer, Promotion, normalize_code

CODE_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
MAX_CODE = 40
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_percent(text: object, *, field: str = "percent") -> Decimal:
    """'10', '10%', '12.5', '12,5 %' -> a fraction (0.10); refused outside 0..100 or when not a number."""
    s = str(text if text is not None else "").strip().removesuffix("%").strip()
    if not s or s in "+-":
        raise ValidationFailed(msg("{field} '{text}' is not a number", field=phrase(field), text=text))
    value = parse_number(s, field=field, max_digits=6)
    if value < 0 or value > 100:
        raise ValidationFailed(msg("{field} must be between 0 and 100 (got '{text}')", field=phrase(field), text=text))
    if value.as_tuple().exponent < -2:  # type: ignore[operator]  # finite: an int exponent
        raise ValidationFailed(msg("{field} has at most two decimals (got '{text}')", field=phrase(field), text=text))
    return value / 100


def percent_text(fraction: Decimal) -> str:
    """0.1 -> '10 %', 0.125 -> '12.5 %' (how offers and limits are named in messages and labels)."""
    return f"{(fraction * 100).normalize():f} %"


def parse_day(text: object, *, field: str = "day") -> date:
    """An ISO date (YYYY-MM-DD); a day that does not exist (2026-02-30) is refused naming the field, and so are the
    other forms ``date.fromisoformat`` reads since Python 3.11 (20260228, 2026-W09-6)."""
    s = str(text or "").strip()
    if _ISO_DAY.fullmatch(s):
        try:
            return date.fromisoformat(s)
        except ValueError:  # 2026-02-30
            pass
    raise ValidationFailed(msg("{field} '{text}' is not a date that exists (YYYY-MM-DD)", field=phrase(field),
                               text=text))


def check_code(text: object) -> str:
    """A coupon code (or a batch prefix) as stored: upper case without spaces, only A-Z, 0-9, - and _ as typed (the
    characters are checked before upper case, which makes 'ß' 'SS' and a dotless 'ı' an 'I')."""
    code = normalize_code(text)
    if not code:
        raise ValidationFailed(msg("coupon code is empty"))
    if len(code) > MAX_CODE:
        raise ValidationFailed(msg("coupon code '{code}' is longer than {maximum} characters", code=code,
                                   maximum=MAX_CODE))
    bad = sorted({ch for ch in "".join(str(text).split()) if not ch.isascii() or ch.upper() not in CODE_CHARACTERS})
    if bad:
        raise ValidationFailed(msg("coupon code '{code}' may hold only letters, digits, - and _ (not {characters})",
                                   code=code, characters="".join(bad)))
    return code


def _amount_problems(value: Decimal, currency: str, field: str) -> list[str]:
    problems: list[str] = []
    if value <= 0:
        problems.append(msg("{field} must be more than 0", field=phrase(field)))
    if value != value.quantize(quantum(currency)):
        problems.append(msg("{field} {value} has more decimals than {currency} allows", field=phrase(field),
                            value=value, currency=currency))
    return problems


def _offer_problems(offer: Offer, min_total: Decimal, currency: str) -> list[str]:
    problems: list[str] = []
    if offer.effect is Effect.PERCENT and not 0 < offer.percent <= 1:
        problems.append(msg("percent must be more than 0 and at most 100"))
    if offer.effect is Effect.AMOUNT:
        problems += _amount_problems(offer.amount, currency, phrase("amount"))
        if not offer.skus and not offer.categories and offer.amount > min_total:
            problems.append(msg("the amount off ({amount}) is more than the minimum order ({minimum}): a total "
                                "could be negative; set a minimum total of at least the amount",
                                amount=offer.amount, minimum=min_total))
    if offer.effect is Effect.BUY_GET:
        if not offer.buy_sku or not offer.get_sku:
            problems.append(msg("buy X get Y needs the SKU bought and the SKU given"))
        if offer.buy_qty < 1 or offer.get_qty < 1:
            problems.append(msg("buy X get Y needs quantities of at least 1"))
    if min_total < 0:
        problems.append(msg("minimum total must not be negative"))
    elif min_total != min_total.quantize(quantum(currency)):
        problems.append(msg("minimum total {value} has more decimals than {currency} allows", value=min_total,
                            currency=currency))
    return problems


def validate_promotion(p: Promotion, currency: str) -> None:
    """Every problem of a promotion at once (``ValidationFailed``), or nothing."""
    problems: list[str] = [] if p.name.strip() else [msg("promotion name is empty")]
    if len(p.name) > 100:
        problems.append(msg("promotion name is longer than 100 characters"))
    problems += _offer_problems(p.offer, p.min_total, currency)
    if p.starts is not None and p.ends is not None and p.starts > p.ends:
        problems.append(msg("until ({until}) is before from ({start})", until=p.ends.isoformat(),
                            start=p.starts.isoformat()))
    if problems:
        raise ValidationFailed(problems)


def validate_coupon(c: Coupon, currency: str) -> None:
    """Every problem of a coupon at once (``ValidationFailed``), or nothing."""
    problems = _offer_problems(c.offer, c.min_total, currency)
    if c.offer.effect is Effect.BUY_GET:
        problems.append(msg("a coupon gives a percent, an amount or free shipping"))
    if c.max_uses is not None and c.max_uses < 1:
        problems.append(msg("uses must be at least 1"))
    if c.per_customer is not None and c.per_customer < 1:
        problems.append(msg("per customer must be at least 1"))
    if problems:
        raise ValidationFailed(problems)
