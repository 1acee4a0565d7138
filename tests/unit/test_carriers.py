"""Carriers' tracking links: a template per carrier, the reference percent-encoded, only http(s) links."""
from __future__ import annotations

import pytest

from oms_desktop.domain.carriers import setting_key, tracking_url


def test_the_reference_is_filled_in_percent_encoded():
    assert tracking_url("https://dhl.example/t?piececode={ref}&lang=en", "JD01 46/3821") == \
        "https://dhl.example/t?piececode=JD01%2046%2F3821&lang=en"
    assert tracking_url("http://ups.example/track/{ref}", "1Z999&x=<b>") == "http://ups.example/track/1Z999%26x%3D%3Cb%3E"


@pytest.mark.parametrize("template", ["", None, "https://dhl.example/t", "javascript:alert('{ref}')",
                                      "data:text/html,{ref}", "//dhl.example/{ref}", "https:///{ref}",
                                      "ftp://dhl.example/{ref}"])
def test_no_link_without_an_http_template_with_a_host_and_the_placeholder(template):
    assert tracking_url(template, "JD0146") is None


def test_no_link_without_a_reference():
    assert tracking_url("https://dhl.example/{ref}", "  ") is None


def test_the_setting_key_ignores_case_and_extra_spaces():
    assert setting_key("DHL") == setting_key(" dhl ") == "carrier.dhl.tracking_url"
    assert setting_key("Royal  Mail") == "carrier.royal-mail.tracking_url"
