"""Issue 19, languages: every user-visible string of the Warehouse, Accounts and Service desk tabs, and of the dialogs
they open (payment, refund, till and its Z report, reprint, find orders), has its German translation.

Each screen is built in English and in German on the same data, brought to a state that shows its strings (an order
in the queue and a pick list loaded, an invoiced and partly paid order on the accounts tab, a shipped order found at
the service desk, ...), and every string that reads the same in both languages is reported
(tests/helpers/translations.py). Table cells are data (names, SKUs, money) except the columns that hold words of
ours (a stage, a step, a kind, a method, a status): those are collected too. The German Alt+letters of these tabs
and dialogs stay unique.
"""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QInputDialog, QMessageBox, QTableWidget, QTreeWidget, QWidget

from oms_desktop.gui.accounts import AccountsTab
from oms_desktop.gui.accounts.payment_dialog import PaymentDialog
from oms_desktop.gui.accounts.reprint import DocumentChoiceDialog, printable_docs
from oms_desktop.gui.accounts.till_dialog import TillDialog
from oms_desktop.gui.accounts.words import ACCOUNT_NAMES, WORDS, account_name, word
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.labels import codes, label
from oms_desktop.gui.order_search.dialog import OrderSearchDialog
from oms_desktop.gui.service_desk import ServiceDeskPanel
from oms_desktop.gui.warehouse import WarehouseTab
from oms_desktop.gui.warehouse.tab import STAGE_TEXT, age_text, stage_text
from oms_desktop.domain.ledger import Account
from tests.helpers.translations import language, texts_of, untranslated

from .test_dialog_mnemonics import clashes as dialog_clashes
from .test_dialog_mnemonics import dialog_mnemonics
from .test_keyboard_clashes import mnemonic

pytestmark = pytest.mark.gui
on_sqlite = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)

#: words German writes as English in these screens, each with its reason
SAME = {
    "Express", "EXPRESS",      # the service's name, as on the carriers' labels
    "hledger", "beancount", "csv",  # the export formats' own names
    "Journal", "&Journal",     # the glossary's word for the journal
}
#: the sample data (names, SKUs) the screens show beside our words
DATA = {"Anna Schmidt", "Desk lamp", "LED bulb E27", "Field guide", "DHL", "DHL JD014600006", "dropped"}
#: the words of order statuses, channels and roles come from the one table of gui/labels.py (the main area's
#: catalog); the general translation test checks each of those has its German word, so here they count as checked
SAME |= {label(code) for code in codes()} | {label(code).upper() for code in codes()}  # English: the source


def cells(table: QTableWidget, *columns: int, name: str) -> dict[str, str]:
    """The cells of ``columns`` (the ones holding words of ours, not data) by row and column."""
    out = {}
    for row in range(table.rowCount()):
        for column in columns:
            item = table.item(row, column)
            if item is not None and item.text():
                out[f"{name}/r{row}c{column}"] = item.text()
    return out


def tree_cells(tree: QTreeWidget, top_columns: tuple[int, ...], child_columns: tuple[int, ...],
               name: str) -> dict[str, str]:
    out = {}
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for column in top_columns:
            out[f"{name}/{i}c{column}"] = top.text(column)
        for j in range(top.childCount()):
            for column in child_columns:
                out[f"{name}/{i}.{j}c{column}"] = top.child(j).text(column)
    return {k: v for k, v in out.items() if v}


def shortcut_lines(widget: QWidget) -> dict[str, str]:
    """What the keyboard help (F1) says of the screen's own shortcuts (their whatsThis)."""
    return {f"shortcut {sc.key().toString()}": sc.whatsThis() for sc in widget.findChildren(QShortcut)
            if sc.whatsThis()}


def compare(qtbot, build, extra=lambda w: {}, same=frozenset()) -> list[str]:
    """Build the screen in English and in German (``build`` makes it, in the state to check); every string of it
    plus ``extra(widget)`` (cells of ours) that German leaves as English."""
    found = []
    for code in ("en", "de"):
        with language(code):
            widget = build()
            qtbot.addWidget(widget)
            texts = texts_of(widget)
            texts.update(extra(widget))
            texts.update(shortcut_lines(widget))
            found.append(texts)
            widget.hide()
    return untranslated(*found, same=SAME | same, data=DATA)


# ---- the data ----------------------------------------------------------------------------------------------------
@pytest.fixture
def desk_order(catalog, admin, customer, users):
    """A shipped order, invoiced, paid too much and refunded the difference: every step of the timeline."""
    wh = users["warehouse"]
    order = catalog.orders.place_order(admin, customer.id, [("LAMP-01", 2)])
    pl = catalog.picking.create_pick_list(wh, [order.id])
    catalog.picking.confirm_picks(wh, pl.id)
    catalog.shipping.pack_order(wh, order.id, carrier="DHL", carrier_ref="JD014600006")
    catalog.shipping.ship_order(wh, order.id)
    invoice = catalog.billing.issue_invoice(admin, order.id, render=False)
    catalog.receivables.record_payment(admin, order.id, str(invoice.total + 10), "cash")
    catalog.receivables.refund(admin, order.id, "10.00", "cash")
    return order


@pytest.fixture
def queued(catalog, admin, customer, users):
    """Two orders waiting (one express), one more on an open pick list; returns that pick list."""
    catalog.orders.place_order(admin, customer.id, [("LAMP-01", 1)], express=True)
    catalog.orders.place_order(admin, customer.id, [("BOOK-01", 1)])
    picked = catalog.orders.place_order(admin, customer.id, [("BULB-E27", 3)])
    return catalog.picking.create_pick_list(users["warehouse"], [picked.id])


@pytest.fixture
def accounts_data(catalog, admin, customer, desk_order):
    """Besides the desk's order: one invoiced and partly paid by card, one paid and not invoiced, a reversed entry."""
    billed = catalog.orders.place_order(admin, customer.id, [("BOOK-01", 2)])
    catalog.billing.issue_invoice(admin, billed.id, what="all", render=False)
    catalog.receivables.record_payment(admin, billed.id, "5.00", "card", card_last4="4242")
    paid = catalog.orders.place_order(admin, customer.id, [("BULB-E27", 1)])
    catalog.receivables.record_payment(admin, paid.id, "3.49", "bank")
    catalog.till.open(admin, "BACK", "50.00")
    catalog.till.cash_in(admin, "BACK", "5.00", "change")  # an entry of no document: it can be reversed
    entry = catalog.ledger.journal(admin, kind="till_cash", limit=1, newest_first=True)[0]
    catalog.ledger.reverse_entry(admin, entry.id, "typo")
    return billed


# ---- the tabs ----------------------------------------------------------------------------------------------------
@on_sqlite
def test_the_warehouse_tab_is_german_with_a_queue_and_a_pick_list(qtbot, catalog, users, queued):
    def build():
        tab = WarehouseTab(catalog, users["warehouse"], JobRunner(synchronous=True))
        tab.load_pick_list(queued)
        tab.scan_edit.setText("BOOK-01")  # not on the list: refused with a message, nothing changes
        tab.scan()
        return tab

    problems = compare(qtbot, build, lambda tab: cells(tab.queue_table, 2, 3, 4, name="queue"))
    assert problems == []


@on_sqlite
def test_the_warehouse_tab_says_its_messages_in_german(qtbot, catalog, users, queued):
    """The messages of a clerk's usual mistakes and of loading a pick list (nothing is changed by them)."""
    def build():
        tab = WarehouseTab(catalog, users["warehouse"], JobRunner(synchronous=True))
        tab._scanned_pick_list(queued)
        return tab

    shown = {}
    for code in ("en", "de"):
        with language(code):
            tab = build()
            qtbot.addWidget(tab)
            messages = [tab.message_label.text()]
            tab.pick_list = None
            for action in (tab.confirm_picks, tab.save_pick_list, tab.pick_selected, tab.release_selected, tab.pack):
                action()
                messages.append(tab.message_label.text())
            shown[code] = {f"message{n}": text for n, text in enumerate(messages)}
    assert untranslated(shown["en"], shown["de"], same=SAME, data=DATA) == []


def test_every_stage_and_age_of_the_queue_has_its_german_words(qtbot):
    from datetime import datetime, timedelta, timezone
    now = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
    ages = (now - timedelta(minutes=5), now - timedelta(hours=3), now - timedelta(days=4))
    with language("en"):
        english = {stage: stage_text(stage) for stage in STAGE_TEXT} | {str(a): age_text(a, now) for a in ages}
    with language("de"):
        german = {stage: stage_text(stage) for stage in STAGE_TEXT} | {str(a): age_text(a, now) for a in ages}
    assert english["picked"] == "picked: pack it" and english[str(ages[1])] == "3 h 00 min"
    assert untranslated(english, german, same=SAME) == []


@on_sqlite
def test_the_accounts_tab_is_german_with_invoices_payments_and_the_books(qtbot, catalog, admin, accounts_data):
    def build():
        tab = AccountsTab(catalog, admin, JobRunner(synchronous=True))
        tab.show()
        qtbot.waitUntil(lambda: tab.queue_tree.topLevelItemCount() > 0)
        tab.order_edit.setText(accounts_data.number)
        tab.update_plan()
        return tab

    def ours(tab) -> dict[str, str]:
        return {**tree_cells(tab.queue_tree, (0,), (2, 9), "queue"),
                **tree_cells(tab.journal_tree, (2,), (3,), "journal"),
                **cells(tab.trial_table, 1, name="trial"), **cells(tab.aging_table, 6, name="aging"),
                **cells(tab.flow_table, 1, name="flow"), **cells(tab.invoice_table, 1, name="invoices"),
                **{f"invoice choice {i}.tip": tab.invoice_what.itemData(i, Qt.ItemDataRole.ToolTipRole)
                   for i in range(tab.invoice_what.count())},
                "plan": tab.plan_label.text(), "aging summary": tab.aging_summary.text(),
                "flow summary": tab.flow_summary.text()}

    # German calls the bank account "Bank" too: the filter's item and a posting's account read as in English
    bank = {f"Bank ({Account.BANK.value})", f"{Account.BANK.value}  Bank"}
    problems = compare(qtbot, build, ours, same=bank)
    assert problems == []


@on_sqlite
def test_the_accounts_tabs_questions_are_german(qtbot, catalog, admin, accounts_data, monkeypatch):
    """The credit note's and the reversal's questions and the counter's receipt question (built when asked)."""
    from oms_desktop.gui.accounts import payment_dialog

    asked: list[str] = []

    def get_text(_parent, title, text, *_args, **_kwargs):
        asked.extend((title, text))
        return "", False

    def exec_(box):
        asked.extend([box.windowTitle(), box.text(), *(b.text() for b in box.buttons())])
        return 0

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    invoice = catalog.billing.get_invoice(admin, catalog.billing.list_invoices(admin)[0].number)
    shown = {}
    for code in ("en", "de"):
        with language(code):
            asked.clear()
            tab = AccountsTab(catalog, admin, JobRunner(synchronous=True))
            qtbot.addWidget(tab)
            tab.show()
            qtbot.waitUntil(lambda tree=tab.journal_tree: tree.topLevelItemCount() > 0)
            tab.ask_credit_lines(invoice)
            tab.journal_tree.setCurrentItem(tab.journal_tree.topLevelItem(0))
            tab.reverse_entry()
            payment_dialog.ask_receipt_choice(tab, accounts_data.number)
            shown[code] = {f"asked{n}": text for n, text in enumerate(asked)}
    assert len(shown["en"]) == 9 and "Reason:" in shown["en"].values()  # 2 + 2 asked, the box's 5 texts
    assert untranslated(shown["en"], shown["de"], same=SAME, data=DATA) == []


def test_every_account_and_ledger_word_has_its_german_name(qtbot):
    with language("en"):
        english = {acc.value: account_name(acc.value) for acc in Account} | {code: word(code) for code in WORDS}
    with language("de"):
        german = {acc.value: account_name(acc.value) for acc in Account} | {code: word(code) for code in WORDS}
    assert set(ACCOUNT_NAMES) == {acc.value for acc in Account}  # no account is shown by its English label
    assert english["Assets:Cash"] == "Cash" and english["credit_note"] == "credit note"
    assert untranslated(english, german, same=SAME | {"Bank"}) == []


@on_sqlite
def test_the_service_desk_is_german_with_a_shipped_order_found(qtbot, catalog, users, desk_order):
    catalog.returns.receive_return(users["warehouse"], desk_order.id, "LAMP-01", 1, "damaged", reason="dropped")

    def build():
        desk = ServiceDeskPanel(catalog, users["warehouse"], JobRunner(synchronous=True))
        desk.lookup_edit.setText(desk_order.number)
        desk.look_up()
        return desk

    problems = compare(qtbot, build, lambda desk: {**cells(desk.timeline_table, 1, 3, name="timeline"),
                                                   "message": desk.message_label.text()})
    assert problems == []


@on_sqlite
def test_the_service_desk_says_its_refusals_in_german(qtbot, catalog, users, desk_order):
    shown = {}
    for code in ("en", "de"):
        with language(code):
            desk = ServiceDeskPanel(catalog, users["warehouse"], JobRunner(synchronous=True))
            qtbot.addWidget(desk)
            messages = {}
            valid = desk_order.tracking_number
            typo = valid[:-1] + ("0" if valid[-1] != "0" else "1")  # never the real number itself
            for n, text in enumerate(("", typo, "0171 5550100")):
                desk.lookup_edit.setText(text)
                desk.look_up()
                messages[f"lookup{n}"] = desk.message_label.text()
            desk.clear_order()
            desk.receive_return()
            messages["return"] = desk.message_label.text()
            shown[code] = messages
    assert "Invalid tracking number" in shown["en"]["lookup1"] or "Not found" in shown["en"]["lookup1"]
    assert untranslated(shown["en"], shown["de"], same=SAME, data=DATA) == []


# ---- the dialogs -------------------------------------------------------------------------------------------------
def test_the_payment_and_refund_dialogs_are_german(qtbot):
    def payment():
        dialog = PaymentDialog("SO-000001", Decimal("12.50"), "EUR", "de_DE", receipt_printer=True)
        dialog.amount_edit.setText("0")
        dialog.reference_edit.setText("4111 1111 1111 1111")
        dialog.try_accept()  # refused: the error names every problem
        return dialog

    def refund():
        return PaymentDialog("SO-000001", Decimal("2.50"), "EUR", refund=True)

    assert compare(qtbot, payment) == []
    assert compare(qtbot, refund) == []


@on_sqlite
def test_the_till_dialog_is_german_closed_and_open(qtbot, catalog, users):
    counter = users["counter"]

    def build():
        return TillDialog(catalog, counter, JobRunner(synchronous=True))

    assert compare(qtbot, build, lambda d: cells(d.sessions_table, 2, name="sessions")) == []
    catalog.till.open(counter, "FRONT", "150.00")
    catalog.till.cash_in(counter, "FRONT", "20.00", "change from the bank")
    assert compare(qtbot, build, lambda d: cells(d.sessions_table, 2, name="sessions")) == []
    catalog.till.close(counter, "FRONT", {"cash": "170.00"})
    catalog.till.open(counter, "FRONT", "100.00")
    assert compare(qtbot, build, lambda d: cells(d.sessions_table, 2, name="sessions")) == []


@on_sqlite
def test_the_till_dialog_says_what_it_did_in_german(qtbot, catalog, users, tmp_path):
    counter = users["counter"]
    shown = {}
    for n, code in enumerate(("en", "de")):
        with language(code):
            dialog = TillDialog(catalog, counter, JobRunner(synchronous=True), till=f"T{n}")
            qtbot.addWidget(dialog)
            dialog.open_pdf = False
            dialog.ask_path = lambda _parent, number: str(tmp_path / f"{number}.pdf")
            messages = {}
            dialog.float_edit.setText("100.00")
            dialog.open_till()
            messages["opened"] = dialog.error_label.text()
            messages["status"] = dialog.status_label.text()
            for kind in ("in", "out"):
                dialog.move_amount_edit.setText("10.00")
                dialog.reason_edit.setText("float")
                dialog.move_cash(kind)
                messages[kind] = dialog.error_label.text()
            dialog.counted_cash_edit.setText("95.00")
            dialog.close_till()
            messages["closed"] = dialog.error_label.text()
            shown[code] = messages
    assert "closed" in shown["en"]["closed"]
    assert untranslated(shown["en"], shown["de"], same=SAME, data={"float"}) == []


@on_sqlite
def test_the_reprint_choice_lists_the_documents_in_german(qtbot, catalog, admin, desk_order):
    def build():
        docs = printable_docs(catalog, admin, desk_order.number, "de_DE")
        return DocumentChoiceDialog(desk_order.number, docs)

    def items(dialog) -> dict[str, str]:
        return {f"doc{n}": dialog.docs_list.item(n).text() for n in range(dialog.docs_list.count())}

    assert compare(qtbot, build, items) == []


@on_sqlite
def test_find_orders_is_german_with_orders_found(qtbot, catalog, admin, customer, desk_order):
    def build():
        dialog = OrderSearchDialog(catalog, admin, JobRunner(synchronous=True))
        dialog.search_edit.setText("Anna")
        dialog.search()
        return dialog

    def ours(dialog) -> dict[str, str]:
        model = dialog.model
        out = {f"r{r}c{c}": model.index(r, c).data() for r in range(model.rowCount()) for c in (3, 4)}
        out["tip"] = model.index(0, 0).data(3)  # ToolTipRole
        out["message"] = dialog.message_label.text()
        return out

    assert compare(qtbot, build, ours) == []


# ---- Alt+letters in German ---------------------------------------------------------------------------------------
@on_sqlite
@pytest.mark.parametrize("code", ["en", "de"])
def test_the_tabs_and_dialogs_keep_one_thing_per_alt_letter_in_each_language(qtbot, catalog, users, admin,
                                                                           queued, desk_order, code):
    jobs = JobRunner(synchronous=True)
    screens = {
        "warehouse": lambda: WarehouseTab(catalog, users["warehouse"], jobs),
        "accounts": lambda: AccountsTab(catalog, admin, jobs),
        "service desk": lambda: ServiceDeskPanel(catalog, users["warehouse"], jobs),
        "payment": lambda: PaymentDialog("SO-000001", Decimal("12.50"), "EUR", receipt_printer=True),
        "refund": lambda: PaymentDialog("SO-000001", Decimal("2.50"), "EUR", refund=True),
        "till": lambda: TillDialog(catalog, users["counter"], jobs),
        "order search": lambda: OrderSearchDialog(catalog, admin, jobs),
    }
    seen = {}
    with language(code):
        for name, make in screens.items():
            widget = make()
            qtbot.addWidget(widget)
            widget.show()
            if name == "service desk":
                widget.lookup_edit.setText(desk_order.number)
                widget.look_up()  # the returns box is enabled: its letters count
            assert dialog_mnemonics(widget), name  # the walk found letters
            seen[name] = dialog_clashes(widget)
            widget.hide()
    assert {name: c for name, c in seen.items() if c} == {}


@on_sqlite
def test_the_german_letters_differ_from_the_english_ones_where_they_were_translated(qtbot, catalog, users):
    """The German mnemonics come from the catalog (the check above would pass on English ones too)."""
    with language("de"):
        tab = WarehouseTab(catalog, users["warehouse"], JobRunner(synchronous=True))
        qtbot.addWidget(tab)
        assert mnemonic(tab.ship_button.text()) == "Alt+V" and tab.ship_button.text() == "&Versenden (packt auch)"


# ---- the sources -------------------------------------------------------------------------------------------------
#: calls that put text on the screen, with the positions of their text arguments (None: every argument)
TEXT_SINKS: dict[str, tuple[int, ...] | None] = {
    "setText": None, "setPlaceholderText": None, "setToolTip": None, "setStatusTip": None, "setWhatsThis": None,
    "setWindowTitle": None, "setTitle": None, "addTab": (1,), "addItem": (0,), "addItems": None, "addRow": (0,),
    "setHeaderLabels": None, "setHorizontalHeaderLabels": None, "show_message": (0,), "_refuse": (1,),
    "QLabel": (0,), "QPushButton": (0,), "QGroupBox": (0,), "QCheckBox": (0,), "QMessageBox": (1, 2),
    "addButton": (0,), "getText": (1, 2), "QTreeWidgetItem": None, "QListWidgetItem": (0,), "ask_save_path": (1,),
    "UserFacingError": (0,), "ValidationFailed": (0,), "_item": (0,), "QTableWidgetItem": (0,),
}
#: literal texts these screens show as they are (format names of the journal export)
AS_IS = {"hledger", "beancount", "csv"}
AREAS = ("warehouse", "accounts", "service_desk", "order_search")


def literal_words(node) -> list[str]:
    """The literal texts with words in an argument: a string, an f-string's text, either side of ``a if c else b``
    or ``a + b``, a list's items; a call (``self.tr(...)``) is not looked into."""
    import ast
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if re.search(r"[A-Za-z]{2,}", node.value) else []
    if isinstance(node, ast.JoinedStr):
        return [p for v in node.values for p in literal_words(v)]
    if isinstance(node, ast.IfExp):
        return literal_words(node.body) + literal_words(node.orelse)
    if isinstance(node, ast.BinOp):
        return literal_words(node.left) + literal_words(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [w for e in node.elts for w in literal_words(e)]
    return []


def unwrapped_texts(source: str) -> list[str]:
    """``line: 'text'`` for each literal text that reaches the screen without tr or translate."""
    import ast
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None
        args: list = []
        if name in TEXT_SINKS:
            positions = TEXT_SINKS[name]
            args = [a for i, a in enumerate(node.args) if positions is None or i in positions]
        args += [k.value for k in node.keywords if k.arg in ("whatsThis", "toolTip", "text", "title")]
        for text in (w for a in args for w in literal_words(a)):
            if text not in AS_IS:
                found.append(f"{node.lineno}: {text!r}")
    return found


def test_the_scan_finds_a_literal_text_and_passes_a_translated_one():
    assert unwrapped_texts('b = QPushButton("Save", objectName="save")\nb.setToolTip(f"Saves {x} now")\n'
                           'QShortcut(k, self, whatsThis="print it")') == ["1: 'Save'", "2: 'Saves '", "2: ' now'",
                                                                             "3: 'print it'"]
    assert unwrapped_texts('b = QPushButton(self.tr("Save"))\nb.setToolTip(self.tr("Saves {x}").format(x=x))\n'
                           'ask_save_path(self, self.tr("Save"), f"{n}.pdf", "PDF (*.pdf)", "kind")') == []


@pytest.mark.parametrize("area", AREAS)
def test_no_literal_text_reaches_these_screens_without_tr(area):
    """Every text these tabs and dialogs put on screen goes through tr/translate (a literal passed to setText,
    show_message, a button, ... is found even in a state the tests above do not reach)."""
    from pathlib import Path
    gui = Path(__file__).resolve().parents[2] / "oms_desktop" / "gui" / area
    found = {path.name: unwrapped_texts(path.read_text(encoding="utf-8")) for path in sorted(gui.glob("*.py"))}
    assert {name: texts for name, texts in found.items() if texts} == {}
