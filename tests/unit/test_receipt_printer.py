"""The receipt printer without a database: the ``printer.receipt`` setting as typed, the receipt's lines on a
42-column roll, and the ESC/POS bytes a file printer gets (text, the cut GS V, the drawer kick ESC p)."""
from __future__ import annotations

import socket
from datetime import datetime, timezone
from decimal import Decimal

import pytest
from escpos.capabilities import get_profile

from oms_desktop.adapters.escpos import EscposReceiptPrinter, receipt_lines
from oms_desktop.adapters.escpos.printer import receipt_bytes
from oms_desktop.adapters.pdf.common import default_format_money
from oms_desktop.domain.errors import ValidationFailed
from oms_desktop.domain.printing import (WIDTH, PrinterTarget, PrinterUnavailable, columns, normalize_printer,
                                         parse_printer)
from oms_desktop.services.documents import CompanyInfo, ReceiptDoc, ReceiptLine, ReceiptPayment, TaxRow
from tests.helpers.escpos_text import printed_text

CUT = b"\x1dV"  # GS V: cut the paper
KICK = b"\x1bp"  # ESC p: pulse the cash drawer's pin


def _doc(change=Decimal("2.50")) -> ReceiptDoc:
    return ReceiptDoc(
        number="R-000042-1", printed_at=datetime(2026, 12, 3, 14, 0, tzinfo=timezone.utc),
        company=CompanyInfo(name="Acme GmbH", address_lines=("Hauptstr. 1", "10115 Berlin"), vat_id="DE123456789"),
        order_number="SO-000042", tracking_number="", cashier="Carla Counter",
        lines=(ReceiptLine("LAMP-01", "Desk lamp with a rather long name that wraps", 2, Decimal("19.99"),
                           Decimal("39.98")),
               ReceiptLine("BULB-E27", "Bulb E27", 1, Decimal("4.50"), Decimal("4.50"))),
        tax_breakdown=(TaxRow(rate=Decimal("19"), net=Decimal("44.48"), tax=Decimal("8.45")),),
        net=Decimal("44.48"), tax=Decimal("8.45"), total=Decimal("52.93"), currency="EUR",
        payments=(ReceiptPayment("Cash", Decimal("52.93")),), change=change, locale="de_DE")


def _text(data: bytes) -> str:
    """The printable text of ESC/POS bytes, in the code pages python-escpos chose: search it for words."""
    return printed_text(data)


@pytest.mark.parametrize("typed, stored", [
    ("none", "none"), ("", "none"), ("  NONE ", "none"),
    ("file:/dev/usb/lp0", "file:/dev/usb/lp0"),
    ("network:192.168.1.50", "network:192.168.1.50:9100"), ("network:printer.shop.lan:9101",
                                                           "network:printer.shop.lan:9101"),
    ("usb:04b8:0202", "usb:04b8:0202"), ("USB:0x4B8:0x202", "usb:04b8:0202"),
    ("serial:/dev/ttyS0", "serial:/dev/ttyS0:9600"), ("serial:COM3:19200", "serial:COM3:19200"),
])
def test_the_printer_setting_is_stored_in_one_spelling(typed, stored):
    assert normalize_printer(typed) == stored
    assert str(parse_printer(stored)) == stored


@pytest.mark.parametrize("typed, says", [
    ("lp0", "not understood"), ("cups:Receipt", "not understood"), ("network:", "not understood"),
    ("network:printer:99999", "port"), ("network:bad host", "host"), ("usb:04b8", "VENDOR:PRODUCT"),
    ("usb:zz:0202", "hexadecimal"), ("usb:0000:0202", "cannot be 0"), ("serial:/dev/ttyS0:1234", "speed"),
    ("file:", "not understood"),
])
def test_a_bad_printer_setting_is_refused_naming_the_key_and_what_is_wrong(typed, says):
    with pytest.raises(ValidationFailed) as e:
        parse_printer(typed)
    assert "printer.receipt" in str(e.value) and says in str(e.value)


def test_columns_put_the_amount_flush_right_and_wrap_a_long_label_above_it():
    assert columns("TOTAL", "52,93 €") == ["TOTAL" + " " * (WIDTH - 5 - 7) + "52,93 €"]
    wrapped = columns("a very long label " * 4, "1.00")
    assert all(len(line) <= WIDTH for line in wrapped) and wrapped[-1].endswith(" 1.00") and len(wrapped) > 1


def test_the_receipt_lines_show_what_the_pdf_shows_with_the_same_money_format():
    lines = receipt_lines(_doc())
    text = [ln.text for ln in lines]
    assert all(len(t) <= WIDTH for t in text)
    money = lambda a: default_format_money(Decimal(a), "EUR", "de_DE").replace("\xa0", " ")  # noqa: E731
    assert text[0] == "Acme GmbH" and lines[0].bold and lines[0].align == "center"
    # no customer language: the de_DE company's, German
    for label, amount in (("Netto", "44.48"), ("USt. 19 %", "8.45"), ("SUMME", "52.93"), ("Cash", "52.93"),
                          ("Rückgeld", "2.50"), ("  2 x " + money("19.99"), "39.98")):
        assert any(t.startswith(label) and t.endswith(money(amount)) for t in text), (label, text)
    assert any(t.startswith("Auftrag") and t.endswith("SO-000042") for t in text)
    assert next(ln for ln in lines if ln.text.startswith("SUMME")).bold


def test_a_file_printer_gets_the_text_the_cut_and_for_cash_the_drawer_kick(tmp_path):
    out = tmp_path / "lp0"
    EscposReceiptPrinter().print_receipt(PrinterTarget("file", path=str(out)), _doc(), kick_drawer=True)
    data = out.read_bytes()
    assert data.startswith(b"\x1b@") or b"\x1b@" in data[:10]  # ESC @ initialises the printer
    text = _text(data)
    for words in ("Acme GmbH", "SO-000042", "Carla Counter", "Bulb E27", "Netto", "SUMME", "52,93", "Rückgeld",
                  "2,50", "Vielen Dank!"):  # no customer language: the de_DE company's, German
        assert words in text, words
    assert CUT in data and KICK in data
    assert data.index(KICK) > data.index(CUT) > data.index(b"Vielen Dank!")  # the drawer opens once the paper is cut
    kick = data[data.index(KICK):data.index(KICK) + 5]
    assert kick[2] in (0, 1, 48, 49)  # pin 2 (0/48) or pin 5 (1/49), then the pulse's on and off times
    # the euro sign in the code page python-escpos switched to (ESC t n) before it: printed, not a "?"
    total = data.index(b"SUMME")
    table = data[data.rindex(b"\x1bt", 0, total) + 2]
    codec = get_profile("default").codePages[str(table)]
    assert data[total:data.index(b"\n", total)].endswith("52,93 €".encode(codec))


def test_a_card_receipt_does_not_open_the_drawer():
    data = receipt_bytes(_doc(change=Decimal(0)), kick_drawer=False)
    assert CUT in data and KICK not in data and b"SUMME" in data


def test_a_printer_that_cannot_be_reached_says_so_and_nothing_was_printed(tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    for target in (PrinterTarget("network", host="127.0.0.1", port=port),
                   PrinterTarget("file", path=str(tmp_path / "no" / "such" / "dir" / "lp0"))):
        with pytest.raises(PrinterUnavailable) as e:
            EscposReceiptPrinter().print_receipt(target, _doc(), kick_drawer=True)
        assert not e.value.uncertain and str(target) in str(e.value)
