"""The e-mail rules without a database: back-off, settings, links, template filling and escaping."""
from __future__ import annotations

from datetime import timedelta

import pytest

from oms_desktop.domain.errors import ValidationFailed
from oms_desktop.domain.mail import (TemplateProblem, carrier_key, fill, new_message_id, normalize_setting,
                                     retry_delay, split_subject, status_link, tracking_link)


def test_retries_back_off_exponentially_up_to_six_hours():
    assert [retry_delay(n) for n in (1, 2, 3, 4)] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert retry_delay(30) == timedelta(hours=6) and retry_delay(0) == timedelta(0)


def test_every_row_gets_its_own_message_id():
    ids = {new_message_id(7) for _ in range(100)}
    assert len(ids) == 100 and all(i.startswith("<") and i.endswith("@oms-desktop.mail>") for i in ids)


@pytest.mark.parametrize("key, value, stored", [
    ("smtp.port", " 0465", "465"), ("smtp.security", "STARTTLS", "starttls"),
    ("smtp.host", " mail.x.org ", "mail.x.org"),
    ("status_page.url", "https://shop.example/status/", "https://shop.example/status"),
    ("carrier.dhl.tracking_url", "https://dhl.example/?id={ref}", "https://dhl.example/?id={ref}"),
    ("status_page.url", "", "")])
def test_good_settings_are_stored_normalized(key, value, stored):
    assert normalize_setting(key, value) == stored


@pytest.mark.parametrize("key, value", [
    ("smtp.port", "65536"), ("smtp.port", "-1"), ("smtp.host", "mail example"), ("smtp.from", "@example.com"),
    ("smtp.security", "ssl"), ("status_page.url", "ftp://x"), ("carrier.DHL.tracking_url", "https://x/{ref}"),
    ("carrier.dhl.tracking_url", "https://x/"), ("smtp.password", "pw"), ("company_name", "x")])
def test_bad_settings_are_refused_naming_the_key(key, value):
    with pytest.raises(ValidationFailed) as e:
        normalize_setting(key, value)
    assert key in str(e.value)


def test_links_quote_the_reference_and_need_their_setting():
    assert carrier_key(" DHL Express ") == "carrier.dhl-express.tracking_url"
    assert tracking_link("https://c.example/t?id={ref}", "A B/1") == "https://c.example/t?id=A%20B%2F1"
    assert tracking_link("", "A1") == "" and status_link("", "ABC") == ""
    assert status_link("https://s.example/", "7KQ2-M9X4") == "https://s.example/track/7KQ2-M9X4"


def test_html_values_are_escaped_except_the_fragments_built_from_escaped_values():
    out = fill("<p>$name</p>$rows", {"name": "<b>\"Tom\" & Jerry</b>", "rows": "<tr></tr>"}, html_mode=True,
               markup=frozenset({"rows"}))
    assert out == "<p>&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;</p><tr></tr>"
    assert fill("$name", {"name": "<b>"}, html_mode=False) == "<b>"


def test_a_template_naming_an_unknown_placeholder_or_without_a_subject_is_a_problem():
    with pytest.raises(TemplateProblem, match=r"x.txt: unknown placeholder \$totl"):
        fill("$totl", {"total": "1"}, html_mode=False, name="x.txt")
    with pytest.raises(TemplateProblem, match="Subject"):
        split_subject("Hello\n\nbody")
    assert split_subject("Subject: Hi $n\n\nbody\n") == ("Hi $n", "body\n")
