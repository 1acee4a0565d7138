"""The services' messages on a German screen (issue 19): the Orders tab shows out of stock, a coupon refusal and a
permission refusal in the German of resources/i18n/oms_de_messages.ts; every template of the generated catalog
has its German translation there."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from oms_desktop.domain.errors import CouponRefused, UserFacingError, ValidationFailed
from oms_desktop.domain.messages import msg
from oms_desktop.gui import message_catalog
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.messages import text_of
from oms_desktop.gui.order_entry import OrderEntryTab
from oms_desktop.gui.order_entry.dialogs import ShortageDialog
from tests.helpers.translations import language

EXTRA = "sku,name,unit_price,tax_rate,on_hand\nROPE-01,Garden rope 10 m,6.50,0.19,2\n"


def de(template: str) -> str:
    """The catalog's German for a template (installed by ``language("de")``)."""
    german = QCoreApplication.translate("Messages", template)
    assert german != template, f"no German for {template!r}"
    return german


@pytest.fixture
def shop(catalog, admin, customer):
    catalog.catalog.import_catalog(admin, EXTRA.encode())
    catalog.auth.add_user(admin, "agent", "agent", "agent-pw")
    return catalog


def _tab(qtbot, shop) -> OrderEntryTab:
    tab = OrderEntryTab(shop, shop.auth.sign_in("agent", "agent-pw"), JobRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(tab.customer_edit.hasFocus)
    tab.show_tracking = lambda order: None
    return tab


def _add(qtbot, tab, text: str) -> None:
    qtbot.keyClick(tab, Qt.Key.Key_F3)
    qtbot.keyClicks(tab.product_edit, text)
    qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return)


def test_out_of_stock_on_the_orders_tab_reads_german(qtbot, shop, customer):
    with language("de"):
        tab = _tab(qtbot, shop)
        tab.set_customer(customer)
        tab.ask_shortage = lambda error: ShortageDialog.Rejected  # the agent closes the dialog
        _add(qtbot, tab, "5*ROPE-01")  # only 2 on hand
        qtbot.keyClick(tab.product_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        shortage = de("only {available} of {sku} available (ordered {requested})").format(
            available=2, sku="ROPE-01", requested=5)
        expected = de("Not enough stock: {shortages}. Reduce the quantity, remove the line or place a backorder."
                      ).format(shortages=shortage)
        assert tab.message_label.text() == expected
        assert "Bestand" in expected and "Not enough stock" not in expected


def test_a_coupon_refusal_on_the_orders_tab_reads_german(qtbot, shop, customer):
    with language("de"):
        tab = _tab(qtbot, shop)
        tab.set_customer(customer)
        _add(qtbot, tab, "ROPE-01")
        tab.coupon_edit.setFocus()
        qtbot.keyClicks(tab.coupon_edit, "nope")
        qtbot.keyClick(tab.coupon_edit, Qt.Key.Key_Return)
        reason = de("coupon {code} does not exist").format(code="NOPE")
        assert reason in tab.message_label.text()
        assert "Gutschein" in reason and "does not exist" not in tab.message_label.text()


def test_a_permission_refusal_on_the_orders_tab_reads_german(qtbot, shop, customer):
    with language("de"):
        tab = _tab(qtbot, shop)
        tab.set_customer(customer)
        _add(qtbot, tab, "ROPE-01")
        tab.lines_model.setData(tab.lines_model.index(0, 4), "5.99")  # the agent types a lower price
        text = tab.message_label.text()
        assert text.startswith("agent (Agent) darf den Preis von ROPE-01 nicht ändern"), text
        assert "may not" not in text and "manager must approve" not in text


def test_text_of_is_the_english_text_in_english_and_german_parameters_in_german(qapp):
    refused = CouponRefused(msg("coupon {code} expired on {day}", code="SPRING10", day="2026-12-01"))
    many = ValidationFailed([msg("quantity"), msg("amount"), msg("tax"), msg("quantity for {sku}", sku="A"),
                             msg("unit price")])
    plain = UserFacingError("not converted yet")
    assert text_of(refused) == "coupon SPRING10 expired on 2026-12-01"
    assert text_of(many) == str(many)
    with language("de"):
        assert text_of(refused) == de("coupon {code} expired on {day}").format(code="SPRING10", day="2026-12-01")
        assert text_of(many) == "; ".join(de(t) for t in ("quantity", "amount", "tax")) + "; " + \
            de("and {count} more problems").format(count=2)
        assert text_of(plain) == "not converted yet"  # no template: the English, as before


def test_every_template_of_the_catalog_has_german_with_the_same_placeholders(qapp):
    import re
    placeholder = re.compile(r"\{[^{}]*\}")
    with language("de"):
        for template in message_catalog.TEMPLATES:
            if template in ("unit_cost", "unit_price", "{user} ({role})"):  # file columns; no words to translate
                continue
            german = de(template)
            assert sorted(placeholder.findall(german)) == sorted(placeholder.findall(template)), template


def test_a_storage_failure_shows_its_message_and_advice_in_german(qtbot, monkeypatch):
    """The adapters' messages too: the database busy (from the driver's own words) and a printer unreachable, in the
    error box the window shows for them (gui/errors.show_error)."""
    from PySide6.QtWidgets import QMessageBox

    from oms_desktop.adapters.db.engine import translate_storage_error
    from oms_desktop.domain.printing import PrinterUnavailable
    from oms_desktop.gui.errors import show_error

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    busy = translate_storage_error(Exception("database is locked"))
    assert busy is not None and str(busy) == ("The database is busy (another workstation holds a lock for too long). "
                                              "Nothing was saved; try again in a moment.")  # the CLI's English
    printer = PrinterUnavailable(msg("the receipt printer {target} cannot be reached: {problem}",
                                     target="tcp://10.0.0.9:9100", problem="Connection refused"))
    with language("de"):
        show_error(None, busy)
        show_error(None, printer)
        assert shown[0] == (de("The database is busy (another workstation holds a lock for too long).") + "\n\n"
                            + de("Nothing was saved; try again in a moment."))
        assert shown[1].startswith(de("the receipt printer {target} cannot be reached: {problem}").split("{")[0])
    assert "busy" not in shown[0] and "belegt" in shown[0]
    assert "tcp://10.0.0.9:9100" in shown[1] and "cannot be reached" not in shown[1]
