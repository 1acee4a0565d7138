"""Order e-mails through the outbox, received by a real local SMTP server (aiosmtpd)."""
from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from oms_desktop.adapters.db.engine import make_engine
from oms_desktop.adapters.db.uow import uow_factory
from oms_desktop.adapters.mail import SmtpTransport, TemplateComposer
from oms_desktop.domain.errors import OutOfStock, PermissionDenied, ValidationFailed
from oms_desktop.services.base import SettingsCache
from oms_desktop.services.mail import MailService
from tests.helpers.fixtures import SAMPLE_CATALOG
from tests.helpers.smtp_server import SmtpServer, free_port


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


def configure(services, admin, port: int) -> None:
    for key, value in (("smtp.host", "127.0.0.1"), ("smtp.port", str(port)), ("smtp.security", "none"),
                       ("smtp.from", "shop@example.com")):
        services.settings.set(admin, key, value)


@pytest.fixture
def shop(sqlite_backend):
    s = sqlite_backend.services
    s.auth.add_user(None, "admin", "admin", "admin-pw", "Ada Admin")
    admin = s.auth.sign_in("admin", "admin-pw")
    s.company.update(admin, company_name="Acme & Söhne GmbH", company_address="Hauptstr. 1\n10115 Berlin",
                     locale="de_DE")
    s.catalog.import_catalog(admin, SAMPLE_CATALOG.encode())
    s.mail.transport.timeout = 5
    return s, admin


def add_customer(s, admin, name="Anna <Schmidt> & Co", email="anna@example.com"):
    return s.customers.add_customer(admin, name, ["0171 555-0100"], email, "Weg 2\n20095 Hamburg")


def text_and_html(msg):
    plain = msg.get_body(preferencelist=("plain",)).get_content()
    html = msg.get_body(preferencelist=("html",)).get_content()
    return plain, html


def ship(s, admin, order_id, carrier="DHL", ref="JD014600006281230704"):
    pick = s.picking.create_pick_list(admin, [order_id])
    s.picking.confirm_picks(admin, pick.id)
    s.shipping.pack_order(admin, order_id, carrier=carrier, carrier_ref=ref)
    return s.shipping.ship_order(admin, order_id)


def test_the_confirmation_mail_arrives_with_the_lines_total_and_tracking_number_in_text_and_html(shop, smtp):
    s, admin = shop
    configure(s, admin, smtp.port)
    s.settings.set(admin, "status_page.url", "https://track.acme.example/")
    c = add_customer(s, admin)
    order = s.orders.place_order(admin, c.id, [("LAMP-01", 2), ("BULB-E27", 1)])
    [row] = s.mail.outbox(admin)
    assert (row.kind, row.status, row.recipient) == ("confirmation", "pending", "anna@example.com")

    report = s.mail.send_pending(None)

    assert report.sent == 1 and s.mail.outbox(admin) == []
    [msg] = smtp.messages
    assert msg["Message-ID"] == row.message_id
    assert order.number in msg["Subject"]
    plain, html = text_and_html(msg)
    total = f"{order.total:.2f}".replace(".", ",") + "\xa0€"  # Babel, de_DE: 47,06 € with a no-break space
    for body in (plain, html):
        assert order.tracking_number in body and total in body and "Desk lamp" in body
        assert f"https://track.acme.example/track/{order.tracking_number}" in body
    assert "Anna <Schmidt> & Co" in plain
    assert "Anna &lt;Schmidt&gt; &amp; Co" in html and "<Schmidt>" not in html  # escaped in HTML
    assert "Acme &amp; Söhne GmbH" in html


def test_the_shipment_mail_links_to_the_carrier_with_its_reference_as_shipped(shop, smtp):
    s, admin = shop
    configure(s, admin, smtp.port)
    s.settings.set(admin, "carrier.dhl.tracking_url", "https://dhl.example/track?piece={ref}")
    c = add_customer(s, admin, name="Ben")
    order = s.orders.place_order(admin, c.id, [("LAMP-01", 1)])
    ship(s, admin, order.id, ref="JD 0146/00")
    s.mail.send_pending(None)

    shipment = next(m for m in smtp.messages if "on its way" in m["Subject"])
    plain, html = text_and_html(shipment)
    for body in (plain, html):
        assert "JD 0146/00" in body and "https://dhl.example/track?piece=JD%200146%2F00" in body
        assert order.tracking_number in body
    assert '<a href="https://dhl.example/track?piece=JD%200146%2F00">' in html
    assert len({m["Message-ID"] for m in smtp.messages}) == len(smtp.messages) == 2  # confirmation, shipment


def test_the_invoice_pdf_is_attached_only_for_a_customer_who_asked_for_it(shop, smtp):
    s, admin = shop
    configure(s, admin, smtp.port)
    wants = add_customer(s, admin, name="Wants PDF", email="pdf@example.com")
    s.customers.set_mail(admin, wants.id, invoice_by_mail=True)
    other = s.customers.add_customer(admin, "No PDF", ["0171 555-0199"], "nopdf@example.com")
    for c in (wants, other):
        order = s.orders.place_order(admin, c.id, [("BOOK-01", 1)])
        s.billing.issue_invoice(admin, order.id)
    s.mail.send_pending(None)

    invoices = [m for m in smtp.messages if m["Subject"].startswith("Invoice")]
    assert [m["To"] for m in invoices] == ["Wants PDF <pdf@example.com>"]
    [pdf] = [p for p in invoices[0].iter_attachments()]
    assert pdf.get_content_type() == "application/pdf" and pdf.get_filename().endswith(".pdf")
    assert pdf.get_content().startswith(b"%PDF")
    assert text_and_html(invoices[0])[0].count("INV-") == 1


def test_a_customer_who_opted_out_gets_no_outbox_row_at_all(shop, smtp):
    s, admin = shop
    c = add_customer(s, admin)
    assert s.customers.set_mail(admin, c.id, mail=False).mail is False
    order = s.orders.place_order(admin, c.id, [("LAMP-01", 1)])
    ship(s, admin, order.id)
    no_email = s.customers.add_customer(admin, "No address", ["0171 555-0142"])
    s.orders.place_order(admin, no_email.id, [("LAMP-01", 1)])
    assert s.mail.messages_of(admin, order.id) == [] and s.mail.outbox(admin) == []


def test_with_the_server_down_mails_wait_with_their_error_and_go_out_once_it_is_back(shop):
    s, admin = shop
    port = free_port()
    configure(s, admin, port)
    c = add_customer(s, admin)
    s.orders.place_order(admin, c.id, [("LAMP-01", 1)])
    s.orders.place_order(admin, c.id, [("BULB-E27", 1)])
    start = s.mail.clock()

    report = s.mail.send_pending(None)

    assert report.sent == 0 and report.retry_later == 2
    rows = s.mail.outbox(admin)
    assert [(r.status, r.attempts) for r in rows] == [("pending", 1), ("pending", 1)]
    assert all("cannot reach SMTP server 127.0.0.1" in r.last_error for r in rows)
    assert all(r.next_attempt_at >= start + timedelta(seconds=59) for r in rows)
    assert s.mail.send_pending(None).skipped == "nothing is due"  # back-off: not before the next attempt

    server = SmtpServer(port).start()
    try:
        s.mail.clock = lambda: start + timedelta(minutes=2)
        assert s.mail.send_pending(None).sent == 2
        assert len(server.messages) == 2 and s.mail.outbox(admin) == []
    finally:
        server.stop()


def test_a_template_in_the_users_folder_overrides_the_packaged_one_and_a_typo_fails_that_mail(shop, smtp, paths):
    s, admin = shop
    configure(s, admin, smtp.port)
    folder = paths.config / "mail_templates"
    s.mail.composer = TemplateComposer(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "confirmation.txt").write_text("Subject: Danke, $customer_name!\n\nSumme: $total\n",
                                             encoding="utf-8")
    c = add_customer(s, admin, name="Jo")
    order = s.orders.place_order(admin, c.id, [("LAMP-01", 1)])
    s.mail.send_pending(None)
    assert smtp.messages[-1]["Subject"] == "Danke, Jo!"
    total = f"{order.total:.2f}".replace(".", ",")
    assert text_and_html(smtp.messages[-1])[0].strip() == f"Summe: {total}\xa0€"

    (folder / "confirmation.txt").write_text("Subject: x\n\n$totl\n", encoding="utf-8")
    s.orders.place_order(admin, c.id, [("LAMP-01", 1)])
    report = s.mail.send_pending(None)
    assert report.failed == 1 and len(smtp.messages) == 1
    [failed] = s.mail.outbox(admin, failed_only=True)
    assert "unknown placeholder $totl" in failed.last_error


def test_mail_settings_are_validated_naming_the_key_and_only_an_admin_changes_them(shop):
    s, admin = shop
    s.auth.add_user(admin, "mona", "manager", "manager-pw")
    manager = s.auth.sign_in("mona", "manager-pw")
    for key, value in (("smtp.port", "0"), ("smtp.port", "70000"), ("smtp.port", "x"), ("smtp.host", " "),
                       ("smtp.from", "not-an-address"), ("smtp.security", "ssl"), ("smtp.password", "secret"),
                       ("carrier.dhl.tracking_url", "https://dhl.example/track"), ("smtp.nonsense", "1")):
        with pytest.raises(ValidationFailed) as e:
            s.settings.set(admin, key, value)
        assert key in str(e.value)
    assert s.settings.get(admin, "smtp.port").value == "587"  # the default: nothing was stored
    with pytest.raises(PermissionDenied):
        s.settings.set(manager, "smtp.host", "mail.example.com")
    assert s.settings.set(admin, "smtp.port", " 465 ").value == "465"


def test_two_senders_at_once_deliver_each_message_once(db_url, paths, smtp):
    from oms_desktop.bootstrap import open_backend
    from oms_desktop.adapters.security import fast_test_hasher
    backend = open_backend(db_url, paths=paths, hasher=fast_test_hasher())
    try:
        s = backend.services
        s.auth.add_user(None, "admin", "admin", "admin-pw")
        admin = s.auth.sign_in("admin", "admin-pw")
        s.catalog.import_catalog(admin, SAMPLE_CATALOG.encode())
        configure(s, admin, smtp.port)
        c = add_customer(s, admin)
        for _ in range(12):
            s.orders.place_order(admin, c.id, [("BULB-E27", 1)])
        engines = [make_engine(db_url) for _ in range(2)]
        senders = []
        for eng in engines:
            uow = uow_factory(eng)
            senders.append(MailService(uow, SettingsCache(uow), composer=TemplateComposer(None),
                                       transport=SmtpTransport(timeout=5)))
        reports = []
        barrier = threading.Barrier(2)

        def run(sender):
            barrier.wait()
            reports.append(sender.send_pending(None, limit=100))

        threads = [threading.Thread(target=run, args=(m,)) for m in senders]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        for eng in engines:
            eng.dispose()
        ids = smtp.recorder.message_ids()
        assert len(ids) == len(set(ids)) == 12
        assert sum(r.sent for r in reports) == 12
        assert s.mail.outbox(admin) == []
    finally:
        backend.dispose()


def test_backorder_delivery_and_refund_mails_say_what_was_true_at_the_change(shop, smtp):
    s, admin = shop
    configure(s, admin, smtp.port)
    c = add_customer(s, admin, name="Cleo")
    order = s.orders.place_order(admin, c.id, [("LAMP-01", 2), ("BOOK-01", 1)])
    pick = s.picking.create_pick_list(admin, [order.id])
    s.picking.confirm_picks(admin, pick.id, {"LAMP-01": 1}, default_reason="broken")
    s.shipping.pack_order(admin, order.id, carrier="UPS", carrier_ref="1Z999")
    s.shipping.ship_order(admin, order.id)
    s.shipping.deliver_order(admin, order.id)
    s.billing.issue_invoice(admin, order.id, render=False)
    s.receivables.record_payment(admin, order.id, "100.00", "cash")
    s.receivables.refund(admin, order.id, "10.00", "cash")
    assert [r.kind for r in s.mail.messages_of(admin, order.id)] == [
        "confirmation", "shipment", "backorder", "delivery", "refund"]  # no invoice: Cleo did not ask for it

    assert s.mail.send_pending(None).sent == 5
    backorder = text_and_html(next(m for m in smtp.messages if m["Subject"].startswith("Part of")))[0]
    assert "1 x Desk lamp" in backorder and "Field guide" not in backorder
    shipment = text_and_html(next(m for m in smtp.messages if "on its way" in m["Subject"]))[0]
    assert "UPS" in shipment and "1Z999" in shipment and "Follow the parcel" not in shipment  # no UPS link set
    refund = text_and_html(next(m for m in smtp.messages if "refund" in m["Subject"]))[1]
    assert "10,00\xa0€" in refund and "cash" in refund
    assert any("delivered" in m["Subject"] for m in smtp.messages)


class HangUpAfterData:
    """An SMTP server that takes a whole message and hangs up without answering: it may or may not have kept it."""

    def __init__(self):
        import socket
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        self.received = 0
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        conn, _ = self.sock.accept()
        with conn:
            f = conn.makefile("rb")
            conn.sendall(b"220 hi\r\n")
            while True:
                line = f.readline()
                if not line:
                    return
                verb = line[:4].upper()
                if verb == b"DATA":
                    conn.sendall(b"354 go on\r\n")
                    while f.readline() not in (b".\r\n", b""):
                        pass
                    self.received += 1
                    return  # hang up: no 250, no 4xx
                conn.sendall(b"250 ok\r\n")

    def close(self):
        self.sock.close()
        self.thread.join(5)


def test_a_connection_lost_after_the_message_went_out_is_failed_not_resent(shop):
    s, admin = shop
    server = HangUpAfterData()
    try:
        configure(s, admin, server.port)
        c = add_customer(s, admin)
        s.orders.place_order(admin, c.id, [("LAMP-01", 1)])
        report = s.mail.send_pending(None)
        later = s.mail.clock() + timedelta(days=1)
        s.mail.clock = lambda: later
        again = s.mail.send_pending(None)
    finally:
        server.close()
    assert server.received == 1 and report.failed == 1 and again.skipped == "nothing is due"
    [row] = s.mail.outbox(admin, failed_only=True)
    assert row.attempts == 1 and "no answer after the message was sent" in row.last_error
    assert "may have gone out" in row.last_error


def test_a_cart_confirmed_on_screen_writes_its_confirmation_mail_and_a_rollback_writes_none(shop):
    s, admin = shop
    c = add_customer(s, admin)
    cart = s.orders.create_draft(admin, c.id)
    s.orders.add_line(admin, cart.id, "LAMP-01", 99)  # more than the 10 in stock: confirming is refused
    with pytest.raises(OutOfStock, match="LAMP-01"):
        s.orders.confirm_order(admin, cart.id)
    assert s.mail.messages_of(admin, cart.id) == []  # the refusal rolled the mail back with everything else
    s.orders.set_line_quantity(admin, cart.id, 1, 2)
    confirmed = s.orders.confirm_order(admin, cart.id)
    [row] = s.mail.messages_of(admin, cart.id)
    assert (row.kind, row.order_number, row.recipient) == ("confirmation", confirmed.number, "anna@example.com")
