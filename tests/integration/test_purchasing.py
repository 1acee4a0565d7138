"""Purchasing: suppliers, purchase orders from draft to received, receiving through stock moves, suggestions, PDF."""
from __future__ import annotations

from decimal import Decimal

import pytest

from oms_desktop.domain.errors import (BusinessRuleViolation, InvalidTransition, NotFound, PermissionDenied,
                                        ValidationFailed)
from oms_desktop.services.purchasing import reorder_quantity
from tests.helpers.pdf_tools import pdf_to_text, require_tools


@pytest.fixture
def shop(catalog, admin):
    """The sample catalog (LAMP-01 10 on hand rp 2, BULB-E27 100 rp 20, BOOK-01 5 rp 1) with two suppliers."""
    p = catalog.purchasing
    p.add_supplier(admin, "Lumen GmbH", email="orders@lumen.example", address="Lichtweg 1\n80331 München")
    p.add_supplier(admin, "Paper & Co", email="sales@paper.example")
    p.set_preferred_supplier(admin, "LAMP-01", "Lumen GmbH")
    p.set_preferred_supplier(admin, "BULB-E27", "Lumen GmbH")
    p.set_preferred_supplier(admin, "BOOK-01", "Paper & Co")
    return catalog


def on_hand(services, admin, sku):
    return services.catalog.get_product(admin, sku).on_hand


def test_a_purchase_order_goes_from_draft_to_sent_to_received(shop, admin):
    po = shop.purchasing.create_purchase_order(admin, "Lumen GmbH", [("LAMP-01", 5, "8.50"), ("BULB-E27", 50)])
    assert po.status == "draft" and po.number.startswith("PO-")
    assert po.total == Decimal("42.50")  # bulbs have no unit cost yet
    assert shop.purchasing.on_order(admin, po.product_ids) == {}  # a draft is not on order
    sent = shop.purchasing.send_purchase_order(admin, po.number)
    assert sent.status == "sent" and sent.sent_at is not None
    lamp = shop.catalog.get_product(admin, "LAMP-01")
    assert shop.purchasing.on_order(admin, [lamp.id]) == {lamp.id: 5}
    received = shop.purchasing.receive(admin, po.number)
    assert received.status == "received"
    assert on_hand(shop, admin, "LAMP-01") == 15 and on_hand(shop, admin, "BULB-E27") == 150
    assert shop.purchasing.on_order(admin, [lamp.id]) == {}
    assert shop.inventory.invariant_violations() == []


def test_a_partial_receipt_leaves_the_order_partly_received(shop, admin):
    po = shop.purchasing.create_purchase_order(admin, "Lumen GmbH", [("LAMP-01", 5), ("BULB-E27", 50)])
    shop.purchasing.send_purchase_order(admin, po.id)
    after = shop.purchasing.receive(admin, po.number, {"LAMP-01": 2})
    assert after.status == "partly_received"
    assert [(ln.sku, ln.received, ln.outstanding) for ln in after.lines] == [("LAMP-01", 2, 3), ("BULB-E27", 0, 50)]
    assert on_hand(shop, admin, "LAMP-01") == 12
    history = shop.inventory.stock_history(admin, "LAMP-01")
    assert (history[0].kind, history[0].on_hand_delta, history[0].reference) == ("receipt", 2, po.number)
    final = shop.purchasing.receive(admin, po.number)  # the rest
    assert final.status == "received"
    assert on_hand(shop, admin, "LAMP-01") == 15 and on_hand(shop, admin, "BULB-E27") == 150
    assert shop.inventory.invariant_violations() == []


def test_receiving_more_than_outstanding_receives_nothing(shop, admin):
    po = shop.purchasing.create_purchase_order(admin, "Lumen GmbH", [("LAMP-01", 5), ("BULB-E27", 10)])
    shop.purchasing.send_purchase_order(admin, po.number)
    with pytest.raises(ValidationFailed, match="6 is more than the 5 still outstanding"):
        shop.purchasing.receive(admin, po.number, {"BULB-E27": 3, "LAMP-01": 6})
    with pytest.raises(ValidationFailed, match="BOOK-01 is not on"):
        shop.purchasing.receive(admin, po.number, {"BOOK-01": 1})
    assert on_hand(shop, admin, "BULB-E27") == 100
    assert shop.purchasing.get_purchase_order(admin, po.number).status == "sent"


def test_a_draft_cannot_be_received_and_a_received_order_cannot_be_cancelled(shop, admin):
    po = shop.purchasing.create_purchase_order(admin, "Paper & Co", [("BOOK-01", 3)])
    with pytest.raises(InvalidTransition, match="send it first"):
        shop.purchasing.receive(admin, po.number)
    shop.purchasing.send_purchase_order(admin, po.number)
    shop.purchasing.receive(admin, po.number)
    with pytest.raises(InvalidTransition, match="cannot become cancelled"):
        shop.purchasing.cancel_purchase_order(admin, po.number)
    other = shop.purchasing.create_purchase_order(admin, "Paper & Co", [("BOOK-01", 3)])
    assert shop.purchasing.cancel_purchase_order(admin, other.number, "duplicate").status == "cancelled"


def test_bad_purchase_orders_are_refused_with_every_problem(shop, admin):
    with pytest.raises(ValidationFailed) as e:
        shop.purchasing.create_purchase_order(admin, "Lumen GmbH", [("LAMP-01", "0"), ("BULB-E27", 2, "1.234")])
    assert len(e.value.problems) == 2
    with pytest.raises(NotFound, match="NOPE"):
        shop.purchasing.create_purchase_order(admin, "Lumen GmbH", [("NOPE", 1)])
    with pytest.raises(NotFound, match="No supplier"):
        shop.purchasing.create_purchase_order(admin, "Nobody Ltd", [("LAMP-01", 1)])
    with pytest.raises(ValidationFailed, match="exists already"):
        shop.purchasing.add_supplier(admin, "lumen gmbh")
    assert shop.purchasing.list_purchase_orders(admin) == []


def test_only_purchasing_roles_may_order_and_receive(shop, users):
    with pytest.raises(PermissionDenied):
        shop.purchasing.create_purchase_order(users["agent"], "Lumen GmbH", [("LAMP-01", 1)])
    with pytest.raises(PermissionDenied):
        shop.purchasing.add_supplier(users["warehouse"], "Sneaky")
    assert shop.purchasing.create_purchase_order(users["manager"], "Lumen GmbH", [("LAMP-01", 1)]).status == "draft"


@pytest.mark.parametrize("available, open_qty, rp, rq, expected", [
    (2, 0, 2, 0, 2),     # at the reorder point, no rule quantity: up to twice the point
    (0, 0, 5, 0, 10),
    (1, 0, 2, 12, 12),   # a reorder quantity wins
    (3, 0, 2, 12, 0),    # above the point: nothing
    (0, 4, 2, 0, 0),     # already coming on an open purchase order
    (0, 0, 0, 0, 1),     # out of stock with no point: at least one
])
def test_the_reorder_rule(available, open_qty, rp, rq, expected):
    assert reorder_quantity(available, open_qty, rp, rq) == expected


def test_suggest_purchase_drafts_one_order_per_supplier_for_low_stock(shop, admin):
    shop.inventory.adjust_stock(admin, "LAMP-01", -8, "damage")      # 2 left, reorder point 2 -> 2 more
    shop.inventory.adjust_stock(admin, "BOOK-01", -5, "correction")  # 0 left, reorder point 1 -> 2
    shop.catalog.create_product(admin, {"sku": "ORPHAN-1", "name": "No supplier", "unit_price": "1",
                                        "tax_rate": "0.19", "reorder_point": "3"})
    result = shop.purchasing.suggest_purchase(admin)
    assert sorted((o.supplier_name, [(ln.sku, ln.quantity) for ln in o.lines]) for o in result.orders) == [
        ("Lumen GmbH", [("LAMP-01", 2)]), ("Paper & Co", [("BOOK-01", 2)])]
    assert result.without_supplier == ("ORPHAN-1",)
    assert all(o.status == "draft" for o in result.orders)
    again = shop.purchasing.suggest_purchase(admin)  # the drafts cover the need: no duplicates
    assert again.orders == ()


def test_the_purchase_order_pdf_names_supplier_lines_and_total(shop, admin):
    po = shop.purchasing.create_purchase_order(admin, "Lumen GmbH", [("LAMP-01", 5, "8.50")])
    pdf = shop.purchasing.render_purchase_order(admin, po.number)
    assert pdf.startswith(b"%PDF")
    require_tools("pdftotext")
    text = pdf_to_text(pdf)
    assert po.number in text and "Lumen GmbH" in text and "LAMP-01" in text and "42.50" in text


def test_the_cli_suggests_sends_and_receives_partly(catalog, admin, backend, capsys, monkeypatch, tmp_path):
    from oms_desktop import cli
    monkeypatch.setenv("OMS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("OMS_PASSWORD", "admin-pw")
    catalog.inventory.adjust_stock(admin, "BOOK-01", -5, "correction")

    def oms(*args):
        capsys.readouterr()
        code = cli.main(["--database", backend.url, "--user", "admin", *args])
        out, err = capsys.readouterr()
        return code, out, err

    assert oms("supplier", "add", "Paper & Co", "--email", "sales@paper.example")[0] == 0
    assert oms("supplier", "assign", "Paper & Co", "book-01")[0] == 0
    code, out, _ = oms("purchase", "suggest")
    assert code == 0 and "BOOK-01" in out and "LAMP-01" not in out and "No preferred supplier" not in out
    number = out.split()[2]
    assert oms("purchase", "send", number)[0] == 0
    code, out, _ = oms("purchase", "receive", number, "--line", "BOOK-01=1")
    assert code == 0 and "partly received" in out
    code, _, err = oms("purchase", "receive", number, "--line", "BOOK-01=5")
    assert code == 2 and "more than the 1 still outstanding" in err
    code, out, _ = oms("--json", "purchase", "show", number)
    assert code == 0 and '"status": "partly_received"' in out
    code, out, _ = oms("purchase", "pdf", number, "--out", str(tmp_path / "po.pdf"))
    assert code == 0 and (tmp_path / "po.pdf").read_bytes().startswith(b"%PDF")
    assert catalog.catalog.get_product(admin, "BOOK-01").on_hand == 1


def test_a_purchase_order_is_entered_by_hand_line_by_line(shop, admin):
    p = shop.purchasing
    draft = p.open_draft(admin, "Lumen GmbH")
    assert (draft.status, draft.lines, draft.total) == ("draft", (), Decimal("0"))
    with pytest.raises(BusinessRuleViolation, match="has no lines"):
        p.send_purchase_order(admin, draft.number)
    p.set_purchase_order_line(admin, draft.number, "lamp-01", "4", "8.50")
    po = p.set_purchase_order_line(admin, draft.number, "BULB-E27", 10, "0.40")
    assert [(ln.sku, ln.quantity, ln.unit_cost) for ln in po.lines] == [
        ("LAMP-01", 4, Decimal("8.50")), ("BULB-E27", 10, Decimal("0.40"))]
    assert po.total == Decimal("38.00")
    po = p.set_purchase_order_line(admin, draft.number, "LAMP-01", 6, "")  # blank cost keeps 8.50
    assert [(ln.sku, ln.quantity, ln.unit_cost) for ln in po.lines][0] == ("LAMP-01", 6, Decimal("8.50"))
    po = p.remove_purchase_order_line(admin, draft.number, "BULB-E27")
    assert [ln.sku for ln in po.lines] == ["LAMP-01"] and po.total == Decimal("51.00")
    assert p.open_draft(admin, "Lumen GmbH").number == draft.number  # the open draft, not a second one
    assert p.get_purchase_order(admin, draft.number).total == Decimal("51.00")
    assert p.send_purchase_order(admin, draft.number).status == "sent"
    with pytest.raises(InvalidTransition, match="only a draft purchase order can be changed"):
        p.set_purchase_order_line(admin, draft.number, "LAMP-01", 1)
    assert p.open_draft(admin, "Lumen GmbH").number != draft.number  # the sent one is no draft any more


def test_bad_lines_change_nothing_and_name_every_problem(shop, admin):
    p = shop.purchasing
    draft = p.set_purchase_order_line(admin, p.open_draft(admin, "Lumen GmbH").number, "LAMP-01", 2, "8.50")
    with pytest.raises(ValidationFailed) as e:
        p.set_purchase_order_line(admin, draft.number, "LAMP-01", "0", "1.234")
    assert len(e.value.problems) == 2
    with pytest.raises(ValidationFailed, match="negative"):
        p.set_purchase_order_line(admin, draft.number, "LAMP-01", 1, "-1")
    with pytest.raises(NotFound, match="No product with SKU 'NOPE'"):
        p.set_purchase_order_line(admin, draft.number, "NOPE", 1)
    with pytest.raises(ValidationFailed, match="BOOK-01 is not on"):
        p.remove_purchase_order_line(admin, draft.number, "BOOK-01")
    after = p.get_purchase_order(admin, draft.number)
    assert [(ln.sku, ln.quantity, ln.unit_cost) for ln in after.lines] == [("LAMP-01", 2, Decimal("8.50"))]
    assert after.total == Decimal("17.00")


def test_only_purchasing_roles_may_edit_a_draft(shop, admin, users):
    number = shop.purchasing.open_draft(admin, "Lumen GmbH").number
    with pytest.raises(PermissionDenied):
        shop.purchasing.open_draft(users["agent"], "Lumen GmbH")
    with pytest.raises(PermissionDenied):
        shop.purchasing.set_purchase_order_line(users["warehouse"], number, "LAMP-01", 1)
    with pytest.raises(PermissionDenied):
        shop.purchasing.remove_purchase_order_line(users["agent"], number, "LAMP-01")


def test_a_suggestion_adds_to_the_suppliers_open_draft(shop, admin):
    p = shop.purchasing
    draft = p.create_purchase_order(admin, "Lumen GmbH", [("BULB-E27", 5, "0.40")])
    shop.inventory.adjust_stock(admin, "LAMP-01", -8, "damage")      # 2 left, reorder point 2 -> 2 more
    result = p.suggest_purchase(admin)
    assert [o.number for o in result.orders] == [draft.number]
    po = p.get_purchase_order(admin, draft.number)
    assert [(ln.sku, ln.quantity) for ln in po.lines] == [("BULB-E27", 5), ("LAMP-01", 2)]
    lamp_cost = po.lines[1].unit_cost  # the product's unit cost, as for every suggested line
    assert po.total == Decimal("2.00") + 2 * lamp_cost  # totalled again from the lines
    lamp = shop.catalog.get_product(admin, "LAMP-01")
    more = p.suggest_purchase(admin, quantities={lamp.id: 3})  # a line already there grows
    assert [o.number for o in more.orders] == [draft.number]
    assert [(ln.sku, ln.quantity) for ln in more.orders[0].lines] == [("BULB-E27", 5), ("LAMP-01", 5)]
    assert len(p.list_purchase_orders(admin, status="draft")) == 1


def test_the_cli_enters_a_purchase_order_by_hand(shop, admin, backend, capsys, monkeypatch, tmp_path):
    from oms_desktop import cli
    monkeypatch.setenv("OMS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("OMS_PASSWORD", "admin-pw")

    def oms(*args):
        capsys.readouterr()
        code = cli.main(["--database", backend.url, "--user", "admin", *args])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = oms("--json", "purchase", "draft", "Paper & Co")
    assert code == 0 and '"status": "draft"' in out
    number = shop.purchasing.list_purchase_orders(admin, status="draft")[0].number
    assert oms("purchase", "draft", "Paper & Co")[1].startswith(f"Purchase order {number}")  # the same draft
    code, out, _ = oms("purchase", "line", number, "BOOK-01=6@4.20")
    assert code == 0 and "BOOK-01" in out and "25.20" in out
    assert oms("purchase", "line", number, "LAMP-01=2")[0] == 0
    code, _, err = oms("purchase", "line", number, "LAMP-01=none")
    assert code == 2 and "LAMP-01" in err
    code, out, _ = oms("purchase", "remove-line", number, "LAMP-01")
    assert code == 0 and "LAMP-01" not in out
    shop.purchasing.send_purchase_order(admin, number)
    code, _, err = oms("purchase", "line", number, "BOOK-01=1")
    assert code == 3 and "only a draft" in err
    assert [(ln.sku, ln.quantity) for ln in shop.purchasing.get_purchase_order(admin, number).lines] == [("BOOK-01", 6)]
