"""``oms settings`` over the company's settings (issue 19) on SQLite and PostgreSQL: IBAN and VAT ID by their check
digits, locales by Babel, the currency fixed once an order exists, unknown keys refused; nothing stored when
refused (exit 2 bad input, 3 refused by a rule, 4 permission)."""
from __future__ import annotations

import json


def _settings(oms) -> dict[str, str]:
    return {s["key"]: s["value"] for s in oms.admin_json("settings", "list")}


def test_company_settings_are_validated_stored_and_audited(cli_shop):
    oms = cli_shop
    for key, value, stored in (("bank_account", "de89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00"),
                               ("vat_id", "DE 136 695 976", "DE136695976"), ("locale", "de-DE", "de_DE"),
                               ("tax_number", "27/123/45678", "27/123/45678"), ("invoice_series", "inv", "INV"),
                               ("payment_terms_days", "30", "30"), ("tax_rounding", "document", "document"),
                               ("discount_limit", "0.15", "0.15"), ("cart_idle_minutes", "20", "20"),
                               ("company_address", "Ring 1\n1010 Wien", "Ring 1\n1010 Wien")):
        assert oms.admin_json("settings", "set", key, value)["value"] == stored, key
        assert oms.admin_json("settings", "get", key)["value"] == stored
    rows = oms.admin_json("audit", "list", "--entity", "settings", "--page-size", "1")["rows"]
    assert json.loads(rows[0]["new_values"]) == {"company_address": "Ring 1\n1010 Wien"}
    code, out, _ = oms.admin("settings", "get", "locale")
    assert (code, out.strip()) == (0, "de_DE")


def test_bad_company_settings_are_refused_with_a_message_and_nothing_is_stored(cli_shop):
    oms = cli_shop
    before = _settings(oms)
    audit_before = oms.admin_json("audit", "list")["rows"]
    for key, value, message in (("bank_account", "DE89 3704 0044 0532 0130 01", "check digits are wrong"),
                                ("vat_id", "DE136695977", "check digits are wrong"),
                                ("locale", "xx_XX", "locale 'xx_XX' does not exist"),
                                ("payment_terms_days", "-3", "payment terms"),
                                ("no_such_key", "1", "unknown setting 'no_such_key'"),
                                ("currency", "XYZ", "currency 'XYZ' is not supported")):
        code, out, err = oms.admin("settings", "set", key, value)
        assert (code, out) == (2, "") and message in err, (key, err)
    code, _, err = oms.admin("settings", "get", "no_such_key")
    assert code == 2 and "unknown setting" in err
    assert _settings(oms) == before
    assert oms.admin_json("audit", "list")["rows"] == audit_before


def test_the_currency_is_fixed_once_the_first_order_exists_and_agents_change_nothing(cli_shop):
    oms = cli_shop
    assert oms.admin_json("settings", "set", "currency", "usd")["value"] == "USD"
    assert oms.admin_json("settings", "set", "currency", "EUR")["value"] == "EUR"
    assert oms.admin("order", "place", "--customer", "0171 555-0100", "--line", "LAMP-01=1")[0] == 0
    code, _, err = oms.admin("settings", "set", "currency", "USD")
    assert code == 3 and "cannot change once orders exist" in err
    code, _, err = oms("settings", "set", "company_name", "Mine", user="agent")
    assert code == 4 and "may not change company settings" in err
    assert _settings(oms)["currency"] == "EUR"
