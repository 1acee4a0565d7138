"""``oms settings``, ``oms customer set-mail`` and ``oms mail``: validation naming the key, roles, exit codes."""
from __future__ import annotations

import json

import pytest

from tests.helpers.smtp_server import SmtpServer


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


def test_settings_refuse_bad_values_naming_the_key_with_exit_2_and_store_nothing(cli_shop):
    oms = cli_shop
    for key, value in (("smtp.port", "65536"), ("smtp.host", ""), ("smtp.from", "shop at example"),
                       ("smtp.password", "hunter2"), ("no.such.key", "1")):
        code, _out, err = oms.admin("settings", "set", key, value)
        assert code == 2 and key in err, (key, err)
    assert oms.admin_json("settings", "get", "smtp.port")["value"] == "587"
    code, _out, err = oms("settings", "set", "smtp.host", "mail.example.com", user="agent")
    assert code == 4 and "may not" in err
    assert oms.admin_json("settings", "set", "carrier.dhl.tracking_url",
                          "https://dhl.example/t?id={ref}")["value"] == "https://dhl.example/t?id={ref}"
    keys = {s["key"]: s["value"] for s in oms.admin_json("settings", "list")}
    assert keys["carrier.dhl.tracking_url"] == "https://dhl.example/t?id={ref}" and keys["smtp.security"] == "starttls"


def test_mail_commands_send_what_waits_and_say_why_it_waits(cli_shop, smtp):
    oms = cli_shop
    code, _out, err = oms("mail", "send-pending")
    assert code == 3 and "SMTP is not configured" in err
    for key, value in (("smtp.host", "127.0.0.1"), ("smtp.port", str(smtp.port)), ("smtp.security", "none"),
                       ("smtp.from", "shop@example.com")):
        assert oms.admin("settings", "set", key, value)[0] == 0
    assert oms.admin("customer", "add", "--name", "Mia", "--phone", "0171 555-0177", "--email",
                     "mia@example.com")[0] == 0
    off = oms.admin_json("customer", "set-mail", "0171 555-0177", "--off", "--invoice-pdf", "yes")
    assert (off["mail"], off["invoice_by_mail"]) == (False, True)
    assert oms.admin("order", "place", "--customer", "0171 555-0177", "--line", "LAMP-01=1")[0] == 0
    assert oms.admin_json("mail", "outbox") == []  # opted out: nothing written
    assert oms.admin("customer", "set-mail", "0171 555-0177", "--on")[0] == 0
    assert oms.admin("order", "place", "--customer", "0171 555-0177", "--line", "LAMP-01=1")[0] == 0
    [row] = oms.admin_json("mail", "outbox")
    assert (row["kind"], row["status"], row["recipient"]) == ("confirmation", "pending", "mia@example.com")

    code, out, err = oms("--json", "mail", "send-pending")  # no --user: the background sender
    assert code == 0, err
    assert json.loads(out)["sent"] == 1 and [m["Message-ID"] for m in smtp.messages] == [row["message_id"]]
    assert oms.admin_json("mail", "outbox") == []
    code, out, _err = oms.admin("mail", "outbox", "--failed")
    assert code == 0 and "No failed e-mails." in out
    code, _out, err = oms.admin("mail", "retry", str(row["id"]))
    assert code == 3 and "not failed" in err


def test_mail_templates_write_copies_the_packaged_ones_once_into_the_config_folder(oms, tmp_path):
    code, out, _err = oms("--json", "mail", "templates", "--write")
    doc = json.loads(out)
    folder = tmp_path / "home" / "config" / "mail_templates"
    assert code == 0 and doc["folder"] == str(folder)
    assert "confirmation.txt" in doc["written"] and (folder / "shipment.html").read_text().startswith("<!DOCTYPE")
    (folder / "refund.txt").write_text("Subject: mine\n\n$total\n")
    code, out, _err = oms("--json", "mail", "templates", "--write")
    assert json.loads(out)["written"] == [] and (folder / "refund.txt").read_text().startswith("Subject: mine")
