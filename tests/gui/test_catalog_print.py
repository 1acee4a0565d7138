"""The inventory tab's "Print catalog...": categories in a checkable list, a file, a background job, a message."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from oms_desktop.gui.dashboard.export import documents_folder, start_folder
from oms_desktop.gui.inventory import InventoryTab
from oms_desktop.gui.inventory import catalog_print
from oms_desktop.gui.jobs import JobRunner
from tests.helpers import pdf_tools


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "inventory.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def opened(monkeypatch) -> list[Path]:
    calls: list[Path] = []

    def fake_open(path):
        calls.append(Path(path))
        return False  # no viewer on a test machine

    monkeypatch.setattr(catalog_print, "open_document", fake_open)
    return calls


@pytest.fixture
def tab(qtbot, catalog, admin, settings, opened):
    widget = InventoryTab(catalog, admin, JobRunner(synchronous=True), settings=settings)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_the_dialog_lists_every_category_ticked_and_prints_the_chosen_ones(qtbot, tab, tmp_path, monkeypatch,
                                                                          settings, opened):
    out = tmp_path / "out" / "spring"
    out.parent.mkdir()
    monkeypatch.setattr(catalog_print, "ask_catalog_path", lambda parent, s: out.with_suffix(".pdf"))
    assert start_folder(settings) == documents_folder()  # nothing remembered yet: the documents folder
    progress: list[tuple[int, int]] = []
    tab.catalog_printer._progress = lambda done, total: progress.append((done, total))

    tab.buttons["print"].click()
    dialog = tab.catalog_printer.dialog
    items = [dialog.category_list.item(i) for i in range(dialog.category_list.count())]
    assert [i.text() for i in items] == ["Books", "Lighting"]
    assert all(i.checkState() == Qt.CheckState.Checked for i in items) and dialog.selected_categories() is None
    assert ok_button(dialog).isEnabled()
    dialog.none_button.click()
    assert not ok_button(dialog).isEnabled()  # nothing ticked: nothing to print
    items[1].setCheckState(Qt.CheckState.Checked)
    assert ok_button(dialog).isEnabled() and dialog.selected_categories() == ["Lighting"]
    ok_button(dialog).click()

    pdf = out.with_suffix(".pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and progress[0] == (0, 2) and progress[-1] == (2, 2)
    assert tab.message_label.text() == (f"Catalog saved to {out.with_suffix('.pdf')}: 2 products in 1 category. "
                                        "No PDF viewer was found to open it.")
    assert opened == [out.with_suffix(".pdf")]
    assert start_folder(settings) == str(out.parent)  # remembered for the next time
    pdf_tools.require_tools("pdftotext")
    text = pdf_tools.pdf_to_text(pdf)
    assert "LAMP-01" in text and "BULB-E27" in text and "BOOK-01" not in text and "Order form" in text


def test_the_shortcut_opens_the_dialog_and_a_refusal_shows_in_the_message_line(qtbot, tab, tmp_path, catalog,
                                                                               admin, opened):
    tab.activateWindow()
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tab.catalog_printer.dialog is not None and tab.catalog_printer.dialog.isVisible()
    dialog = tab.catalog_printer.dialog
    dialog.category_list.setFocus()
    dialog.category_list.setCurrentRow(0)
    qtbot.keyClick(dialog.category_list, Qt.Key.Key_Space)  # the keyboard ticks and unticks too
    assert dialog.selected_categories() == ["Lighting"]
    dialog.reject()

    catalog.inventory.adjust_stock(admin, "BOOK-01", -5, "damage")
    out = tmp_path / "books.pdf"
    tab.catalog_printer.print_to(out, ["Books"], False)
    assert not out.exists() and opened == []
    assert "Nothing to print" in tab.message_label.text()
    tab.catalog_printer.print_to(out, ["Books"], True)
    assert out.exists() and "1 product in 1 category" in tab.message_label.text()
