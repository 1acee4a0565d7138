"""Repository of customer merges: what a duplicate customer holds, and moving it to the customer kept (Core)."""
from __future__ import annotations

from sqlalchemy import func, select, update

from ...services.repository_records import CustomerPhoneRecord, CustomerRecord
from . import models as m
from . import models_accounts as a
from . import models_carts as k
from .repositories import _now, _Repo

customers_t = m.Customer.__table__
phones_t = m.CustomerPhone.__table__
addresses_t = m.CustomerAddress.__table__
orders_t = m.Order.__table__
payments_t = a.Payment.__table__
invoices_t = a.Invoice.__table__
coupons_t = k.Coupon.__table__
redemptions_t = k.CouponRedemption.__table__


class CustomerMergesRepo(_Repo):
    """Reads and moves for ``CustomerService.merge_customers``; the service decides, this only writes."""

    def lock(self, customer_ids) -> dict[int, CustomerRecord]:
        """The customers' rows by id, locked on PostgreSQL (in id order: two merges never deadlock); SQLite's
        BEGIN IMMEDIATE holds the whole database already."""
        q = select(customers_t).where(customers_t.c.id.in_(sorted(customer_ids))).order_by(customers_t.c.id)
        if self._pg:
            q = q.with_for_update()
        return {r.id: CustomerRecord(*r) for r in self.c.execute(q).all()}

    def holdings(self, customer_id: int) -> dict[str, int]:
        """What the customer holds: orders (carts among them), payments and refunds of those orders, issued
        invoices and credit notes naming them, coupons only they may use."""
        def count(q) -> int:
            return int(self.c.execute(q).scalar_one())
        mine = orders_t.c.customer_id == customer_id
        return {
            "orders": count(select(func.count()).select_from(orders_t).where(mine, orders_t.c.status != "draft")),
            "carts": count(select(func.count()).select_from(orders_t).where(mine, orders_t.c.status == "draft")),
            "payments": count(select(func.count()).select_from(payments_t)
                              .join(orders_t, orders_t.c.id == payments_t.c.order_id).where(mine)),
            "invoices": count(select(func.count()).select_from(invoices_t)
                              .where(invoices_t.c.customer_id == customer_id)),
            "coupons": count(select(func.count()).select_from(coupons_t)
                             .where(coupons_t.c.customer_id == customer_id)),
        }

    def move_orders(self, from_id: int, to_id: int, change: str, username: str) -> None:
        """Orders and carts go to ``to_id`` (their payments, credits and open accounts follow their order); a cart
        gets a new version, so a workstation showing it sees the change instead of writing over it."""
        self.c.execute(update(orders_t).where(orders_t.c.customer_id == from_id, orders_t.c.status == "draft")
                       .values(customer_id=to_id, version=orders_t.c.version + 1, last_change=change,
                               last_change_at=_now(), last_change_by=username, updated_at=_now()))
        self.c.execute(update(orders_t).where(orders_t.c.customer_id == from_id)
                       .values(customer_id=to_id, updated_at=_now()))

    def move_coupons(self, from_id: int, to_id: int) -> None:
        """Coupons only the duplicate could use, and the duplicate's redemptions (so a per-customer limit counts
        both customers' uses together)."""
        self.c.execute(update(coupons_t).where(coupons_t.c.customer_id == from_id).values(customer_id=to_id))
        self.c.execute(update(redemptions_t).where(redemptions_t.c.customer_id == from_id)
                       .values(customer_id=to_id))

    def move_phone(self, phone_id: int, to_id: int) -> None:
        self.c.execute(update(phones_t).where(phones_t.c.id == phone_id).values(customer_id=to_id))

    def phone_rows(self, customer_id: int) -> list[CustomerPhoneRecord]:
        return [CustomerPhoneRecord(*r) for r in self.c.execute(
            select(phones_t).where(phones_t.c.customer_id == customer_id).order_by(phones_t.c.id))]

    def move_address(self, address_id: int, to_id: int, label: str) -> None:
        self.c.execute(update(addresses_t).where(addresses_t.c.id == address_id)
                       .values(customer_id=to_id, label=label))

    def mark_merged(self, from_id: int, to_id: int) -> None:
        """The duplicate (and whatever was merged into it before) now points to the customer kept."""
        self.c.execute(update(customers_t).where(customers_t.c.merged_into_id == from_id)
                       .values(merged_into_id=to_id))
        self.c.execute(update(customers_t).where(customers_t.c.id == from_id).values(merged_into_id=to_id))
