"""PDF documents render literally, scan, paginate and reprint byte-identically (poppler + zbar check the output)."""
from __future__ import annotations

import random
import re
import sys
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from babel.dates import format_date

from oms_desktop.adapters.pdf import ReportLabRenderer
from oms_desktop.domain.picking import walking_order_key
from oms_desktop.services.documents import (Address, CompanyInfo, InvoiceDoc, InvoiceLine, PackingSlipDoc,
                                            PackingSlipLine, PickLine, PickListDoc, PickOrder, PurchaseOrderDoc,
                                            PurchaseOrderLine, ReceiptDoc, ReceiptLine, ReceiptPayment, TaxRow)

try:
    from tests.helpers import pdf_tools
    from tests.helpers.money_text import on_paper, plain_spaces, shown
except ModuleNotFoundError:  # pytest run without the repository root on sys.path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.helpers import pdf_tools
    from tests.helpers.money_text import on_paper, plain_spaces, shown

TRICKY_NAMES = ('Bolt <b>M6</b> & nut', 'Cable <font name="x">2m</font>', "Pipe 3/4 < 1\"", "Łódź Pillow",
                "Пётр's mug", "東京 tea set")
TRICKY_CUSTOMERS = ("Łódź <b>Kowalski</b> & Sons", "Пётр Иванов", "東京 Trading", "A < B Ltd")


@pytest.fixture(scope="module")
def renderer() -> ReportLabRenderer:
    return ReportLabRenderer()


@pytest.fixture
def tools():
    """poppler + zbar for inspecting the output; rendering alone (determinism, speed) needs neither."""
    pdf_tools.require_tools()


def tracking_number(rng: random.Random) -> str:
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    compact = "".join(rng.choice(alphabet) for _ in range(12))
    return "-".join(compact[i:i + 4] for i in range(0, 12, 4))


def make_pick_list(order_count: int = 20, line_count: int = 30, seed: int = 7) -> PickListDoc:
    rng = random.Random(seed)
    orders = tuple(
        PickOrder(order_number=f"SO-{1000 + n}", tracking_number=tracking_number(rng),
                  customer_name=TRICKY_CUSTOMERS[n % len(TRICKY_CUSTOMERS)] if n < 8 else f"Customer {n}",
                  line_count=0, tote=f"T{n + 1:02d}")
        for n in range(order_count)
    )
    locations = [f"{aisle}-{shelf}-{bin_}" for aisle in "ABC" for shelf in range(1, 4) for bin_ in (1, 2, 9, 10)]
    rng.shuffle(locations)
    lines, line_counts = [], {o.tote: 0 for o in orders}
    for n in range(line_count):
        takers = rng.sample(orders, rng.randint(1, 3))
        per_order = tuple((o.tote, rng.randint(1, 3)) for o in takers)
        for o in takers:
            line_counts[o.tote] += 1
        name = TRICKY_NAMES[n % len(TRICKY_NAMES)] if n < len(TRICKY_NAMES) else f"Widget model {n}"
        barcode = f"40{rng.randrange(10**10, 10**11)}" if n % 3 == 0 else ""
        lines.append(PickLine(location=locations[n % len(locations)], sku=f"SKU-{n:04d}", barcode=barcode,
                              name=name, quantity=sum(q for _, q in per_order), per_order=per_order))
    lines.sort(key=lambda line: walking_order_key(line.location))
    orders = tuple(replace(o, line_count=line_counts[o.tote]) for o in orders)
    return PickListDoc(number="PL-2024-000042", created_at=datetime(2024, 5, 6, 8, 30), created_by="Ewa Nowak",
                       lines=tuple(lines), orders=orders)


COMPANY = CompanyInfo(name="Nordwind Handel GmbH", address_lines=("Hafenstraße 12", "20457 Hamburg", "Germany"),
                      vat_id="DE123456789", email="billing@nordwind.example", phone="+49 40 1234567",
                      iban="DE89 3704 0044 0532 0130 00", bic="COBADEFFXXX")


def make_invoice(kind: str = "invoice", line_count: int = 6, currency: str = "EUR") -> InvoiceDoc:
    lines = []
    for n in range(line_count):
        rate = Decimal("19") if n % 2 == 0 else Decimal("7")
        unit = Decimal("12.50") + n
        quantity = n % 3 + 1
        lines.append(InvoiceLine(sku=f"SKU-{n:04d}", name=TRICKY_NAMES[n % len(TRICKY_NAMES)], quantity=quantity,
                                 unit_price=unit, tax_rate=rate, net=unit * quantity))
    breakdown = []
    for rate in (Decimal("7"), Decimal("19")):
        net = sum((line.net for line in lines if line.tax_rate == rate), Decimal("0"))
        breakdown.append(TaxRow(rate=rate, net=net, tax=(net * rate / 100).quantize(Decimal("0.01"))))
    net = sum((row.net for row in breakdown), Decimal("0"))
    tax = sum((row.tax for row in breakdown), Decimal("0"))
    return InvoiceDoc(
        kind=kind, number="INV-2024-00017" if kind == "invoice" else "CN-2024-00003",
        issue_date=date(2024, 5, 6), due_date=date(2024, 5, 20), order_number="SO-1001",
        tracking_number="7K3D-9XQ2-M4PA", company=COMPANY,
        bill_to=Address("Łódź <b>Kowalski</b> & Sons", ("ul. Piotrkowska 5", "90-001 Łódź", "Poland")),
        ship_to=Address("Пётр Иванов", ("Тверская ул. 1", "Москва", "東京 branch")),
        lines=tuple(lines), tax_breakdown=tuple(breakdown), net=net, tax=tax, total=net + tax, currency=currency,
        payment_terms="Payable within 14 days without deduction.",
        references_invoice="INV-2024-00017" if kind == "credit_note" else None,
        paid=Decimal("10.00"), notes="Leave at the <door> & ring twice",
    )


def make_receipt() -> ReceiptDoc:
    lines = (ReceiptLine("SKU-0001", "Łódź Pillow <b>", 2, Decimal("9.99"), Decimal("19.98")),
             ReceiptLine("SKU-0002", "東京 tea set", 1, Decimal("24.50"), Decimal("24.50")),
             ReceiptLine("SKU-0003", "Пётр's mug with a very long product name that wraps", 3, Decimal("4.00"),
                         Decimal("12.00")))
    total = Decimal("56.48")
    return ReceiptDoc(number="R-000123", printed_at=datetime(2024, 5, 6, 14, 2), company=COMPANY,
                      order_number="SO-1002", tracking_number="7K3D-9XQ2-M4PA", cashier="Ewa",
                      lines=lines, tax_breakdown=(TaxRow(Decimal("19"), Decimal("47.46"), Decimal("9.02")),),
                      net=Decimal("47.46"), tax=Decimal("9.02"), total=total, currency="EUR",
                      payments=(ReceiptPayment("Cash", Decimal("60.00")),), change=Decimal("3.52"))


def barcode_texts(pdf: bytes) -> set[str]:
    return set(pdf_tools.decode_barcodes(pdf))


# --- pick list -------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pick_list_pdf(renderer) -> tuple[PickListDoc, bytes]:
    doc = make_pick_list()
    return doc, renderer.render_pick_list(doc)


@pytest.mark.parametrize("dpi", [80, 150])
def test_every_pick_list_barcode_scans(pick_list_pdf, tools, dpi):
    """80 dpi is a rough render (a fax, a cheap phone photo): 2 pt modules still read, as a handheld scanner reads
    them at arm's length; at 1.3-1.5 pt none did."""
    doc, pdf = pick_list_pdf
    found = pdf_tools.decode_barcodes(pdf, dpi=dpi)
    expected = {doc.number} | {line.barcode or line.sku for line in doc.lines} | {o.tracking_number for o in doc.orders}
    assert expected - set(found) == set()
    assert len(found) == len(doc.lines) + len(doc.orders) + 1  # each printed once, nothing else decodes


def test_pick_list_paginates_with_page_x_of_y_and_repeats_the_table_header(pick_list_pdf, tools):
    doc, pdf = pick_list_pdf
    pages = int(pdf_tools.pdf_info(pdf)["Pages"])
    assert pages >= 2
    for page in range(1, pages + 1):
        text = pdf_tools.pdf_to_text(pdf, page=page)
        assert f"page {page} of {pages}" in text
        if any(f" {line.location} " in text for line in doc.lines):
            assert "SKU / barcode" in text
        if any(order.tracking_number in text for order in doc.orders):
            assert "Tracking number" in text


def test_pick_list_prints_locations_in_walking_order(pick_list_pdf, tools):
    doc, pdf = pick_list_pdf
    text = pdf_tools.pdf_to_text(pdf)
    positions = [text.index(f" {line.location} ") for line in doc.lines]  # spaces: "A-1-1" is inside "A-1-10"
    assert positions == sorted(positions)
    assert [line.location for line in doc.lines] == sorted((line.location for line in doc.lines),
                                                           key=walking_order_key)


def test_pick_list_prints_markup_and_non_latin_names_literally(pick_list_pdf, tools):
    _, pdf = pick_list_pdf
    text = pdf_tools.pdf_to_text(pdf)
    for literal in ("Bolt <b>M6</b> & nut", 'Cable <font name="x">2m</font>', "Pipe 3/4 < 1\"", "Łódź Pillow",
                    "Пётр's mug", "東京 tea set", "Łódź <b>Kowalski</b> & Sons", "Пётр Иванов", "東京 Trading",
                    "A < B Ltd"):
        assert literal in text


# --- invoice ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_invoice_shows_totals_and_its_qr_carries_number_and_amount(renderer, page_size, tools):
    doc = make_invoice()
    pdf = renderer.render_invoice(doc, page_size=page_size)
    text = pdf_tools.pdf_to_text(pdf)
    assert (doc.net, doc.tax, doc.total, doc.balance_due) == (Decimal("184.00"), Decimal("23.56"), Decimal("207.56"),
                                                              Decimal("197.56"))
    for amount in ("184.00", "23.56", "207.56", "197.56", "12.50", "52.50"):  # en_US, the screen's format
        assert on_paper(amount) in text
    assert "EUR" not in text  # the code only in the QR payload, a machine format
    due = plain_spaces(format_date(doc.due_date, "medium", locale="en_US"))  # the document's locale's date (CLDR)
    for literal in ("INV-2024-00017", "SO-1001", "7K3D-9XQ2-M4PA", due, "Łódź <b>Kowalski</b> & Sons",
                    "Пётр Иванов", "東京 branch", "Leave at the <door> & ring twice", "19 %", "7 %",
                    "Payable within 14 days"):
        assert literal in text
    assert f"INV:INV-2024-00017;AMT:{doc.total:.2f} EUR" in barcode_texts(pdf)
    width, height = pdf_tools.page_size_mm(pdf)
    assert (round(width), round(height)) == ((210, 297) if page_size == "A4" else (216, 279))


def test_credit_note_names_the_invoice_it_corrects(renderer, tools):
    doc = make_invoice(kind="credit_note")
    pdf = renderer.render_invoice(doc)
    text = pdf_tools.pdf_to_text(pdf)
    assert "Credit note for invoice INV-2024-00017" in text
    assert f"CRN:CN-2024-00003;AMT:{doc.total:.2f} EUR" in barcode_texts(pdf)


def test_money_prints_with_the_currency_decimals_and_a_custom_formatter(renderer, tools):
    doc = make_invoice(currency="JPY")  # 207.56 in a currency without minor units: rounded half up, no decimals
    pdf = renderer.render_invoice(doc)
    text = pdf_tools.pdf_to_text(pdf)
    assert on_paper("208", "JPY") in text and "207.56" not in text and "208.00" not in text
    assert "INV:INV-2024-00017;AMT:208 JPY" in barcode_texts(pdf)
    de = pdf_tools.pdf_to_text(renderer.render_invoice(replace(doc, locale="de_DE")))
    assert on_paper("208", "JPY", "de_DE") in de and on_paper("208", "JPY") not in de
    custom = ReportLabRenderer(format_money=lambda amount, currency, locale: f"{currency} {amount:.2f} {locale}!")
    assert f"EUR {make_invoice().total:.2f} en_US!" in pdf_tools.pdf_to_text(custom.render_invoice(make_invoice()))


@pytest.mark.parametrize("locale, expected", [
    ("de_DE", ("184.00", "23.56", "207.56", "10.00", "197.56", "12.50", "95.00", "6.65")),
    ("en_US", ("184.00", "23.56", "207.56", "10.00", "197.56", "12.50", "95.00", "6.65")),
    ("de_CH", ("184.00", "207.56", "12.50")),  # EUR in de_CH: the code before the amount
])
def test_invoice_money_is_in_the_documents_locale_and_the_qr_stays_plain(renderer, locale, expected, tools):
    doc = replace(make_invoice(), locale=locale)
    pdf = renderer.render_invoice(doc)
    text = pdf_tools.pdf_to_text(pdf)
    for amount in expected:
        assert on_paper(amount, "EUR", locale) in text
        for other in {"de_DE", "en_US", "de_CH"} - {locale}:  # the document's locale, not another one
            assert on_paper(amount, "EUR", other) not in text
    assert "207.56 EUR" not in text and "207,56 EUR" not in text
    assert "INV:INV-2024-00017;AMT:207.56 EUR" in barcode_texts(pdf)


def test_the_renderer_formats_money_with_the_screens_function(renderer):
    from oms_desktop.gui import format as gui_format
    for amount, currency, locale in ((Decimal("1234.56"), "EUR", "de_DE"), (Decimal("-0.5"), "EUR", "en_US"),
                                     (Decimal("1234"), "JPY", "de_DE"), (Decimal("99.99"), "CHF", "de_CH")):
        assert renderer.format_money(amount, currency, locale) == gui_format.money(amount, currency, locale)


def negated(doc: InvoiceDoc) -> InvoiceDoc:
    """A credit note whose amounts are all negative (how some companies print them)."""
    return replace(doc, lines=tuple(replace(line, unit_price=-line.unit_price, net=-line.net) for line in doc.lines),
                   tax_breakdown=tuple(TaxRow(row.rate, -row.net, -row.tax) for row in doc.tax_breakdown),
                   net=-doc.net, tax=-doc.tax, total=-doc.total, paid=-doc.paid)


@pytest.mark.parametrize("locale", ["de_DE", "en_US"])
def test_negative_amounts_print_with_their_sign_in_the_locales_place(renderer, locale, tools):
    doc = replace(negated(make_invoice(kind="credit_note")), locale=locale)
    pdf = renderer.render_invoice(doc)
    text = pdf_tools.pdf_to_text(pdf)
    for amount in ("-184.00", "-23.56", "-207.56", "-12.50", "-197.56"):
        assert on_paper(amount, "EUR", locale) in text
    assert "CRN:CN-2024-00003;AMT:-207.56 EUR" in barcode_texts(pdf)


WIDE_AMOUNTS = ("987654.32", "11851851.84", "14103704.01", "2251851.85")
WIDE = (("de_DE", "EUR", WIDE_AMOUNTS), ("de_CH", "CHF", WIDE_AMOUNTS))


def wide_invoice(locale: str, currency: str) -> InvoiceDoc:
    lines = (InvoiceLine("SKU-BIG", "Industrial press", 12, Decimal("987654.32"), Decimal("19"),
                         Decimal("11851851.84")),
             InvoiceLine("SKU-2", "Bolt", 3, Decimal("0.10"), Decimal("7"), Decimal("0.30")))
    return replace(make_invoice(), lines=lines, currency=currency, locale=locale,
                   tax_breakdown=(TaxRow(Decimal("7"), Decimal("0.30"), Decimal("0.02")),
                                  TaxRow(Decimal("19"), Decimal("11851851.84"), Decimal("2251851.85"))),
                   net=Decimal("11851852.14"), tax=Decimal("2251851.87"), total=Decimal("14103704.01"),
                   paid=Decimal("1234567.89"))


@pytest.mark.parametrize("locale, currency, expected", WIDE)
@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_wide_amounts_widen_their_columns_instead_of_breaking(renderer, locale, currency, expected, page_size,
                                                              tools):
    # ReportLab splits a word wider than its cell between characters ("11.851.851,8" / "4 €"): each amount must
    # come out whole, on one line.
    # No two amounts may run into each other either ("CHF 11’851’851.84CHF 2’251’851.85" in the tax table).
    pdf = renderer.render_invoice(wide_invoice(locale, currency), page_size=page_size)
    assert_whole(pdf, [on_paper(amount, currency, locale) for amount in expected])


def assert_whole(pdf: bytes, amounts) -> None:
    """Each amount appears on one line of the layout text, with space (or the line's edge) on both sides."""
    text = pdf_tools.pdf_to_text(pdf, layout=True)
    text = plain_spaces(text)
    for amount in amounts:
        assert re.search(rf"(^|\s){re.escape(amount)}(\s|$)", text, re.MULTILINE), amount


def test_long_invoice_repeats_the_table_header_on_every_page(renderer, tools):
    pdf = renderer.render_invoice(make_invoice(line_count=90))
    pages = int(pdf_tools.pdf_info(pdf)["Pages"])
    assert pages >= 3
    assert pdf_tools.pdf_to_text(pdf).count("Unit price") == pages


# --- receipt, packing slip, purchase order ---------------------------------------------------------------------------


def test_receipt_is_80mm_wide_and_fits_its_content(renderer, tools):
    doc = make_receipt()
    pdf = renderer.render_receipt(doc)
    width, height = pdf_tools.page_size_mm(pdf)
    assert round(width) == 80
    assert 60 < height < 400
    assert pdf_tools.pdf_info(pdf)["Pages"] == "1"
    text = pdf_tools.pdf_to_text(pdf)
    for literal in ("Łódź Pillow <b>", "東京 tea set", f"TOTAL {on_paper('56.48')}", f"Cash {on_paper('60.00')}",
                    f"Change {on_paper('3.52')}", f"2 x {on_paper('9.99')}", "R-000123"):
        assert literal in text
    assert doc.tracking_number in barcode_texts(pdf)


def test_receipt_prints_refunds_and_wide_amounts_in_the_locale_on_one_line(renderer, tools):
    doc = make_receipt()
    doc = replace(doc, locale="de_DE",
                  lines=doc.lines + (ReceiptLine("BIG", "Industrial press", 12, Decimal("987654.32"),
                                                 Decimal("11851851.84")),),
                  total=Decimal("11851908.32"),
                  payments=(ReceiptPayment("Cash", Decimal("60.00")),
                            ReceiptPayment("Refund cash", Decimal("-1234567.89"), "R-1")))
    pdf = renderer.render_receipt(doc)
    assert pdf_tools.pdf_info(pdf)["Pages"] == "1"
    text = pdf_tools.pdf_to_text(pdf)
    def de(amount: str) -> str:
        return on_paper(amount, "EUR", "de_DE")

    # a de_DE company's receipt for no one in particular is worded in German (a payment without a method code
    # prints its words as given)
    for literal in (f"SUMME {de('11851908.32')}", f"Refund cash R-1 {de('-1234567.89')}", de("11851851.84"),
                    f"12 x {de('987654.32')}", f"Rückgeld {de('3.52')}", f"2 x {de('9.99')} {de('19.98')}"):
        assert literal in text
    # Wider than the amount column's usual 42 % of the roll (a stress case): the column grows, the label wraps.
    wide = replace(doc, locale="de_CH", currency="CHF", total=Decimal("111851908.32"))
    assert_whole(renderer.render_receipt(wide),
                 [on_paper(amount, "CHF", "de_CH") for amount in ("111851908.32", "-1234567.89", "11851851.84")])


def test_receipt_in_yen_has_no_decimals(renderer, tools):
    doc = replace(make_receipt(), currency="JPY", net=Decimal("47"), tax=Decimal("9"), total=Decimal("56"),
                  lines=(ReceiptLine("SKU-1", "Tea", 2, Decimal("10"), Decimal("20")),),
                  tax_breakdown=(TaxRow(Decimal("19"), Decimal("47"), Decimal("9")),),
                  payments=(ReceiptPayment("Cash", Decimal("60")),), change=Decimal("4"))
    text = pdf_tools.pdf_to_text(renderer.render_receipt(doc))
    def yen(amount: str) -> str:
        return on_paper(amount, "JPY")

    for literal in (f"TOTAL {yen('56')}", f"Cash {yen('60')}", f"Change {yen('4')}", f"2 x {yen('10')} {yen('20')}"):
        assert literal in text
    assert f"{yen('56')}.00" not in text and "56.00" not in text


def test_packing_slip_shows_lines_and_scannable_numbers(renderer, tools):
    doc = PackingSlipDoc(order_number="SO-1003", tracking_number="7K3D-9XQ2-M4PA",
                         ship_to=Address("東京 Trading", ("1-1 Chiyoda", "Tokyo")),
                         lines=(PackingSlipLine("SKU-1", "Bolt <b>M6</b> & nut", 4),
                                PackingSlipLine("SKU-2", "Пётр's mug", Decimal("1.5"))),
                         carrier="DHL", carrier_ref="JD0146", packages=2, weight_kg=Decimal("3.250"))
    pdf = renderer.render_packing_slip(doc)
    text = pdf_tools.pdf_to_text(pdf)
    for literal in ("東京 Trading", "Bolt <b>M6</b> & nut", "Пётр's mug", "1.5", "DHL", "JD0146", "3.25 kg"):
        assert literal in text
    assert {"SO-1003", "7K3D-9XQ2-M4PA"} <= barcode_texts(pdf)


def test_purchase_order_shows_lines_and_total(renderer, tools):
    doc = PurchaseOrderDoc(number="PO-2024-0005", supplier=Address("Łódź Metal <Sp. z o.o.>", ("ul. Długa 1",)),
                           company=COMPANY,
                           lines=(PurchaseOrderLine("SKU-1", "Bolt <b>M6</b>", 100, Decimal("0.12")),
                                  PurchaseOrderLine("SKU-2", "東京 tea set", 5, Decimal("1000.00"))),
                           total=Decimal("5012.00"), currency="EUR", expected_date=date(2024, 6, 1))
    text = pdf_tools.pdf_to_text(renderer.render_purchase_order(doc))
    for literal in ("PO-2024-0005", "Łódź Metal <Sp. z o.o.>", "Bolt <b>M6</b>", "東京 tea set",
                    f"Total {on_paper('5012.00')}", f"{on_paper('0.12')} {on_paper('12.00')}",
                    f"{on_paper('1000.00')} {on_paper('5000.00')}", "2024-06-01"):
        assert literal in text
    big = replace(doc, locale="de_DE", total=Decimal("11856863.84"),
                  lines=doc.lines + (PurchaseOrderLine("SKU-3", "Industrial press", 12, Decimal("987654.32")),))
    assert_whole(renderer.render_purchase_order(big), [on_paper(amount, "EUR", "de_DE") for amount in
                                                       ("0.12", "1000.00", "987654.32", "11851851.84", "11856863.84")])


def test_documents_refuse_float_money():
    with pytest.raises(TypeError, match="Decimal"):
        TaxRow(rate=Decimal("19"), net=10.0, tax=Decimal("1.90"))
    with pytest.raises(ValueError, match="kind"):
        replace(make_invoice(), kind="receipt")


# --- determinism (speed is measured by oms bench: the invoice_pdf row) ------------------------------------------------


def test_reprinting_gives_identical_bytes(renderer):
    assert renderer.render_pick_list(make_pick_list()) == renderer.render_pick_list(make_pick_list())
    assert renderer.render_invoice(make_invoice()) == ReportLabRenderer().render_invoice(make_invoice())
    assert renderer.render_receipt(make_receipt()) == renderer.render_receipt(make_receipt())


def test_documents_carry_their_own_date_not_2000_01_01(renderer, tools):
    """Reprints stay byte-identical because the creation date is the document's own (ReportLab's invariant mode
    alone would write 2000-01-01); a document without a date of its own is dated now."""
    assert "2024" in pdf_tools.pdf_info(renderer.render_pick_list(make_pick_list()))["CreationDate"]
    assert "2024" in pdf_tools.pdf_info(renderer.render_invoice(make_invoice()))["CreationDate"]
    slip = PackingSlipDoc(order_number="SO-1001", tracking_number="7K3D-9XQ2-M4PA", company=COMPANY,
                          ship_to=Address("A", ("B",)), lines=(), carrier="DHL", carrier_ref="X1")
    assert str(datetime.now().year) in pdf_tools.pdf_info(renderer.render_packing_slip(slip))["CreationDate"]


def test_cjk_prints_through_the_builtin_cid_font_when_no_cjk_truetype_font_is_installed(tools):
    from reportlab.platypus import Paragraph

    from oms_desktop.adapters.pdf import common, fonts

    cid_font = fonts.register_cid_fallback()
    style = common.make_styles().body
    pdf = common.build_pdf([Paragraph(f'<font face="{cid_font}">東京</font> Łódź', style)], pagesize=(300, 200),
                           margin=20, title="cjk", footer_text=None)
    assert "東京 Łódź" in pdf_tools.pdf_to_text(pdf)
    # Without a CJK cmap to ask, runs are chosen by Unicode block: kanji go to the CID font, Polish stays in DejaVu.
    sans_cmap = fonts._cmap(fonts.font_set().sans)
    assert fonts._needs_fallback("東", sans_cmap, None) and not fonts._needs_fallback("ł", sans_cmap, None)


# ---- one-line cells: drawn without a Paragraph, set exactly as one ------------------------------------------------
def _pgm_pages(pdf: bytes) -> list[bytes]:
    """The pages rasterised at 100 dpi as raw greyscale images (PGM), for a pixel-by-pixel comparison."""
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "100", "-gray", str(path), str(Path(tmp) / "p")], check=True,
                       capture_output=True, timeout=60)
        return [p.read_bytes() for p in sorted(Path(tmp).glob("p*.pgm"))]


def _cells_table(make):
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    from oms_desktop.adapters.pdf.common import build_pdf, make_styles
    styles = make_styles(9)
    texts = [("SKU-0001", "Bolt <b>M6</b> & nut", shown("1234.50"), styles.body, styles.right),
             ("東京-1", "東京 tea set", shown("1234.50", "EUR", "de_DE"), styles.small, styles.right_bold),
             ("X", "A name far too long to fit on one line of this narrow column, so it wraps", "  3  ",
              styles.bold, styles.mono_right)]
    rows = [[make(a, s1), make(b, styles.body), make(c, s2)] for a, b, c, s1, s2 in texts]
    rows.append([make("centred", styles.mono_center), make("", styles.body), make("x  y", styles.title_right)])
    table = Table(rows, colWidths=[30 * mm, 40 * mm, 40 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.3, "grey")]))
    return build_pdf([table], pagesize=(150 * mm, 100 * mm), margin=10 * mm, title="cells", footer_text=None)


def test_one_line_cells_look_exactly_like_paragraphs_and_long_text_still_wraps(tools):
    from reportlab.platypus import Paragraph

    from oms_desktop.adapters.pdf.common import OneLine, make_styles, para
    from oms_desktop.adapters.pdf.fonts import markup
    as_paragraphs = _cells_table(lambda text, style: Paragraph(markup(text, style.fontName), style))
    as_built = _cells_table(para)
    assert _pgm_pages(as_built) == _pgm_pages(as_paragraphs)  # the same pixels, CJK runs and wrapping included
    text = pdf_tools.pdf_to_text(as_built)
    assert "so it wraps" in text and "Bolt <b>M6</b> & nut" in text and "東京 tea set" in text
    styles_ = make_styles(9)
    assert isinstance(para(shown("12.50"), styles_.right), OneLine)
    assert isinstance(para("two\nlines", styles_.body), Paragraph)  # line breaks need a Paragraph
    assert isinstance(para("Heading", styles_.heading), Paragraph)  # spaceBefore/After: a Paragraph sets those
