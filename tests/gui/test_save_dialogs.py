"""Save dialogs open in the folder last used for their kind of file (issue 17: they started in the program's working
folder and forgot the last one), and a saved PDF with no viewer to open it says so."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from oms_desktop.gui.dashboard.export import documents_folder
from oms_desktop.gui.inventory.dialogs import PurchasingDialog
from oms_desktop.gui.jobs import JobRunner
from oms_desktop.gui.widgets import save_dialogs


@pytest.fixture
def answered(monkeypatch, tmp_path):
    """The save dialog answered with the next folder of ``answers`` (kept with the suggested name); each call's
    suggested path is recorded."""
    asked: list[str] = []
    answers: list[Path] = []

    def answer(_parent, _title, suggested, _pattern):
        asked.append(suggested)
        folder = answers.pop(0)
        folder.mkdir(parents=True, exist_ok=True)
        return str(folder / Path(suggested).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked, answers


def test_each_kind_of_file_starts_in_its_own_last_folder(answered, tmp_path):
    asked, answers = answered
    answers += [tmp_path / "invoices", tmp_path / "picks", tmp_path / "invoices" / "2026"]
    assert save_dialogs.ask_save_path(None, "Save PDF", "INV-1.pdf", "PDF (*.pdf)", "document") == \
        str(tmp_path / "invoices" / "INV-1.pdf")
    save_dialogs.ask_save_path(None, "Save pick list", "PL-1.pdf", "PDF (*.pdf)", "pick_list")
    save_dialogs.ask_save_path(None, "Save PDF", "INV-2.pdf", "PDF (*.pdf)", "document")
    assert [Path(a).parent for a in asked] == [Path(documents_folder()), Path(documents_folder()),
                                               tmp_path / "invoices"]
    assert save_dialogs.start_folder("document") == str(tmp_path / "invoices" / "2026")
    assert save_dialogs.start_folder("pick_list") == str(tmp_path / "picks")


def test_a_folder_since_removed_falls_back_to_documents(answered, tmp_path):
    _asked, answers = answered
    answers.append(tmp_path / "gone")
    save_dialogs.ask_save_path(None, "Save", "a.pdf", "PDF (*.pdf)", "receipt")
    (tmp_path / "gone").rmdir()
    assert save_dialogs.start_folder("receipt") == documents_folder()


def test_a_cancelled_dialog_remembers_nothing(monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: ("", "")))
    assert save_dialogs.ask_save_path(None, "Save", "a.pdf", "PDF (*.pdf)", "z_report") == ""
    assert save_dialogs.start_folder("z_report") == documents_folder()


def test_the_purchase_order_pdf_is_saved_where_the_last_one_went(qtbot, answered, catalog, admin, tmp_path):
    asked, answers = answered
    catalog.purchasing.add_supplier(admin, "Lumen GmbH")
    first = catalog.purchasing.create_purchase_order(admin, "Lumen GmbH", [("LAMP-01", 2)])
    dialog = PurchasingDialog(catalog, admin, JobRunner(synchronous=True))
    qtbot.addWidget(dialog)
    answers += [tmp_path / "purchasing", tmp_path / "purchasing"]
    dialog.save_pdf()
    second = catalog.purchasing.create_purchase_order(admin, "Lumen GmbH", [("BULB-E27", 5)])
    dialog.refresh(second.number)
    dialog.save_pdf()
    assert [Path(a).name for a in asked] == [f"{first.number}.pdf", f"{second.number}.pdf"]
    assert Path(asked[1]).parent == tmp_path / "purchasing"
    assert (tmp_path / "purchasing" / f"{second.number}.pdf").read_bytes().startswith(b"%PDF")


def test_a_pdf_with_no_viewer_to_open_it_says_where_it_is(monkeypatch, tmp_path):
    opened: list = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    path = tmp_path / "INV-7.pdf"
    monkeypatch.setattr(save_dialogs, "pdf_viewer_available", lambda: False)
    message = save_dialogs.open_saved(path)
    assert "No program to open PDF files" in message and str(tmp_path) in message and "INV-7.pdf" in message
    monkeypatch.setattr(save_dialogs, "pdf_viewer_available", lambda: True)
    assert save_dialogs.open_saved(path) == "" and len(opened) == 2
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))  # Qt could not start one
    assert "No program to open PDF files" in save_dialogs.open_saved(path)
