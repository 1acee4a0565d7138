"""Roles: what each may do; services check these with require()."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from oms_desktop.domain.errors import PermissionDenied
from oms_desktop.domain.roles import PERMISSIONS, Perm, Role, can, require


@dataclass(frozen=True)
class _Actor:
    username: str
    role: str


def test_every_role_has_a_permission_set_and_may_view():
    assert set(PERMISSIONS) == set(Role)
    assert all(can(role, Perm.VIEW) for role in Role)


def test_only_the_admin_may_administer_users():
    assert [r for r in Role if can(r, Perm.USER_ADMIN)] == [Role.ADMIN]


@pytest.mark.parametrize("role, perm, allowed", [
    ("agent", Perm.ORDER_EDIT, True), ("agent", Perm.STOCK_ADJUST, False), ("agent", Perm.PRICE_OVERRIDE, False),
    ("counter", Perm.PAYMENT, True), ("counter", Perm.WAREHOUSE, False),
    ("warehouse", Perm.ORDER_EDIT, False), ("warehouse", Perm.STOCK_ADJUST, True), ("warehouse", Perm.WAREHOUSE, True),
    ("accountant", Perm.ACCOUNTING, True), ("accountant", Perm.ORDER_EDIT, False),
    ("manager", Perm.PRICE_OVERRIDE, True), ("manager", Perm.USER_ADMIN, False),
    ("admin", Perm.USER_ADMIN, True),
])
def test_role_permissions(role, perm, allowed):
    assert can(role, perm) is allowed


def test_an_unknown_role_may_do_nothing():
    assert not any(can("intern", p) for p in Perm)


def test_require_names_who_what_and_the_missing_permission():
    with pytest.raises(PermissionDenied) as e:
        require(_Actor("bob", "agent"), Perm.STOCK_ADJUST, "adjust stock")
    assert "bob (agent) may not adjust stock" in str(e.value)
    assert "stock.adjust" in str(e.value)


def test_require_refuses_when_nobody_is_signed_in():
    with pytest.raises(PermissionDenied, match="nobody signed in"):
        require(None, Perm.VIEW, "view orders")


def test_require_lets_a_permitted_actor_pass():
    require(_Actor("wendy", "warehouse"), Perm.STOCK_ADJUST, "adjust stock")
