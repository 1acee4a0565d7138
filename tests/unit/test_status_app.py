"""The status page's HTTP rules, through direct WSGI calls on a stand-in for the service: headers on every answer,
methods, paths, JSON when asked, the rate limit, the misses' time floor, no stack trace, a log without numbers."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from wsgiref.util import setup_testing_defaults

import pytest

from oms_desktop.adapters.web import status_html
from oms_desktop.adapters.web.ratelimit import TokenBuckets, client_key
from oms_desktop.adapters.web.status_app import StatusPageApp
from oms_desktop.domain.errors import StorageError
from oms_desktop.domain.tracking import parse_tracking
from oms_desktop.services.status_page import (NoSuchTracking, PublicItemDTO, PublicStatusDTO, PublicStepDTO,
                                              TrackingTypo)

KNOWN = "BR0H-J019-AWG0"
T0 = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)


class FakeSource:
    """Knows one order; raises what the real service raises for the rest. ``fail`` makes every look-up raise."""

    def __init__(self):
        self.fail: Exception | None = None
        self.asked: list[str] = []

    def shop_name(self) -> str:
        return "Acme <Lamps> & Co"

    def public_status(self, text: str, *, with_items: bool = True) -> PublicStatusDTO:
        self.asked.append(text)
        if self.fail is not None:
            raise self.fail
        from oms_desktop.domain.tracking import TrackingNumberError, fails_only_the_check
        try:
            number = parse_tracking(text)
        except TrackingNumberError:
            raise (TrackingTypo() if fails_only_the_check(text) else NoSuchTracking()) from None
        if number != KNOWN:
            raise NoSuchTracking()
        items = (PublicItemDTO("Desk <lamp>", 2),) if with_items else ()
        return PublicStatusDTO(
            "Acme <Lamps> & Co", KNOWN, "shipped",
            (PublicStepDTO("received", T0), PublicStepDTO("shipped", T0, False, "DHL", "JD0146",
                                                          "https://parcels.example/t?id=JD0146")),
            items, False, ())


class Clock:
    def __init__(self):
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def source():
    return FakeSource()


@pytest.fixture
def logged():
    return []


@pytest.fixture
def app(source, clock, logged):
    return StatusPageApp(source, limiter=TokenBuckets(capacity=1000, rate=1, clock=clock), miss_floor=0.1,
                         log=logged.append, clock=clock, sleep=clock.sleep)


def call(app, path, *, method="GET", query="", accept="text/html", client="203.0.113.5"):
    environ: dict = {}
    setup_testing_defaults(environ)
    environ.update(REQUEST_METHOD=method, PATH_INFO=path.encode().decode("latin-1"), QUERY_STRING=query,
                   HTTP_ACCEPT=accept, REMOTE_ADDR=client)
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, headers

    body = b"".join(app(environ, start_response))
    headers = {k.lower(): v for k, v in seen["headers"]}
    assert len(headers) == len(seen["headers"]), "no header twice"
    return int(seen["status"][:3]), headers, body.decode()


def test_a_known_number_shows_its_timeline_with_the_carrier_link_escaped(app):
    code, headers, body = call(app, "/track/br0h j019-awg0")  # typed as people type it
    assert code == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert "Shipped with DHL" in body and "Parcel reference JD0146" in body
    assert 'href="https://parcels.example/t?id=JD0146"' in body
    assert "Acme &lt;Lamps&gt; &amp; Co" in body and "Desk &lt;lamp&gt;" in body and "<lamp>" not in body
    assert "<script" not in body.lower()


def test_every_answer_carries_the_security_headers(app, source):
    answers = [call(app, "/"), call(app, "/track/" + KNOWN), call(app, "/track/nope"), call(app, "/admin"),
               call(app, "/", method="POST")]
    source.fail = RuntimeError("boom")
    answers.append(call(app, "/track/" + KNOWN))
    for code, headers, _ in answers:
        csp = headers["content-security-policy"]
        assert csp.startswith("default-src 'none'") and f"style-src '{status_html.STYLE_HASH}'" in csp, code
        assert "script-src" not in csp and "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert headers["cache-control"] == "no-store"
        assert "set-cookie" not in headers
    assert [a[0] for a in answers] == [200, 200, 404, 404, 405, 500]


def test_the_style_hash_is_the_hash_of_the_inline_style(app):
    import base64
    import hashlib
    body = call(app, "/")[2]
    style = re.search(r"<style>(.*?)</style>", body, re.S).group(1)
    assert "sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() == status_html.STYLE_HASH
    assert body.count("<style>") == 1 and " style=" not in body  # no inline style attributes the CSP would block


def test_head_answers_the_headers_of_get_without_a_body(app):
    get = call(app, "/track/" + KNOWN)
    head = call(app, "/track/" + KNOWN, method="HEAD")
    assert head[0] == 200 and head[2] == ""
    assert head[1]["content-length"] == get[1]["content-length"] == str(len(get[2].encode()))


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
def test_other_methods_are_not_allowed(app, source, method):
    code, headers, _ = call(app, "/track/" + KNOWN, method=method)
    assert (code, headers["allow"]) == (405, "GET, HEAD")
    assert source.asked == []  # refused before any look-up


@pytest.mark.parametrize("path", ["/admin", "/track/", "/track/BR0H-J019-AWG0/x", "/static/../etc/passwd",
                                  "/index.html", "//track"])
def test_other_paths_are_not_found(app, source, path):
    code, _, body = call(app, path)
    assert code == 404 and "There is no such page here." in body
    assert source.asked == []


def test_json_when_asked_by_accept_or_by_format(app):
    for kwargs in ({"accept": "application/json"}, {"query": "format=json"}):
        code, headers, body = call(app, "/track/" + KNOWN, **kwargs)
        doc = json.loads(body)
        assert code == 200 and headers["content-type"] == "application/json; charset=utf-8"
        assert (doc["tracking_number"], doc["status"]) == (KNOWN, "shipped")
        assert [s["step"] for s in doc["steps"]] == ["received", "shipped"]
        assert doc["steps"][1]["url"] == "https://parcels.example/t?id=JD0146"
        assert doc["items"] == [{"name": "Desk <lamp>", "quantity": 2}]
    assert call(app, "/track/" + KNOWN, accept="text/html,application/json;q=0.9")[1]["content-type"].startswith(
        "text/html")  # a browser asks for HTML first


def test_misses_say_not_found_the_same_way_and_a_typo_says_so(app):
    unknown = [call(app, "/track/" + n) for n in ("0000-0000-0000", "ZZZZ-ZZZZ-ZZWZ", "abc", "x" * 5000,
                                                  "<img src=x onerror=alert(1)>", "%00%ff")]
    assert {c for c, _, _ in unknown} == {404}
    assert len({b for _, _, b in unknown}) == 1  # the same page, byte for byte: the number is not echoed
    assert status_html.NOT_FOUND_TEXT in unknown[0][2] and "<img" not in unknown[4][2]
    code, _, typo = call(app, "/track/BR0H-J019-AWG1")
    assert code == 404 and "probably a typo" in typo and status_html.NOT_FOUND_TEXT not in typo
    assert json.loads(call(app, "/track/BR0H-J019-AWG1", query="format=json")[2])["error"] == "typo"
    assert json.loads(call(app, "/track/0000-0000-0000", query="format=json")[2]) == {
        "error": "not_found", "message": status_html.NOT_FOUND_TEXT}


def test_every_miss_takes_the_same_floor_and_a_hit_does_not_wait(app, clock):
    for path, query in (("/track/0000-0000-0000", ""), ("/track/abc", ""), ("/track/BR0H-J019-AWG1", ""),
                        ("/track", "number=nonsense")):
        clock.slept.clear()
        before = clock.now
        assert call(app, path, query=query)[0] == 404
        assert clock.now - before == pytest.approx(0.1), path
    clock.slept.clear()
    assert call(app, "/track/" + KNOWN)[0] == 200
    assert clock.slept == []


def test_a_slow_miss_is_not_delayed_further(source, clock):
    class Slow(FakeSource):
        def public_status(self, text, *, with_items=True):
            clock.now += 0.3  # a look-up that took longer than the floor
            return super().public_status(text, with_items=with_items)
    app = StatusPageApp(Slow(), miss_floor=0.1, clock=clock, sleep=clock.sleep)
    assert call(app, "/track/0000-0000-0000")[0] == 404 and clock.slept == []


def test_the_form_sends_to_track_which_redirects_to_the_canonical_address(app):
    code, _, body = call(app, "/")
    assert code == 200 and '<form method="get" action="track">' in body and 'name="number"' in body
    code, headers, _ = call(app, "/track", query="number=br0h+j019+awg0")
    assert (code, headers["location"]) == (303, "track/" + KNOWN)  # relative: works under any proxy prefix
    assert call(app, "/track", query="number=")[1]["location"] == "./"
    public = StatusPageApp(FakeSource(), public_url="https://shop.example/orders/")
    assert call(public, "/track", query="number=br0h-j019-awg0")[1]["location"] == \
        "https://shop.example/orders/track/" + KNOWN
    assert call(public, "/track", query="number=br0h-j019-awg0", accept="application/json")[1]["location"] == \
        "https://shop.example/orders/track/" + KNOWN + "?format=json"


def test_links_back_are_relative_so_a_proxy_prefix_keeps_working(app):
    body = call(app, "/track/" + KNOWN)[2]
    assert '<a href="../">Look up another order</a>' in body
    assert 'action="../track"' in call(app, "/track/nope")[2]


def test_items_can_be_hidden(source):
    app = StatusPageApp(source, with_items=False)
    body = call(app, "/track/" + KNOWN)[2]
    assert "Desk" not in body and "Your items" not in body


def test_the_rate_limit_answers_429_with_retry_after_per_client(source, clock):
    app = StatusPageApp(source, limiter=TokenBuckets(capacity=5, rate=0.5, clock=clock), clock=clock)
    for _ in range(5):
        assert call(app, "/", client="198.51.100.7")[0] == 200
    code, headers, body = call(app, "/", client="198.51.100.7")
    assert code == 429 and headers["retry-after"] == "2" and "Too many requests" in body
    assert call(app, "/", client="198.51.100.8")[0] == 200  # another client has its own bucket
    clock.now += 2
    assert call(app, "/", client="198.51.100.7")[0] == 200  # refilled at 0.5 a second
    assert call(app, "/", client="198.51.100.7")[0] == 429


def test_an_ipv6_client_is_limited_by_its_64_network():
    assert client_key("2001:db8:1:2:aaaa::1") == client_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    assert client_key("2001:db8:1:3::1") != client_key("2001:db8:1:2::1")
    assert client_key("::ffff:198.51.100.7") == "198.51.100.7"


def test_the_buckets_stay_bounded_forgetting_the_least_recently_seen(clock):
    buckets = TokenBuckets(capacity=1, rate=0.001, max_clients=3, clock=clock)
    for i in range(3):
        assert buckets.take(f"10.0.0.{i}") == 0
    assert buckets.take("10.0.0.0") > 0  # still remembered: empty
    buckets.take("10.0.0.9")  # a fourth client: 10.0.0.1, the least recently seen, is forgotten
    assert len(buckets._buckets) == 3
    assert buckets.take("10.0.0.1") == 0


def test_errors_leak_no_stack_trace_and_storage_trouble_says_try_later(app, source, logged):
    source.fail = RuntimeError("secret detail at /srv/oms/db.py line 42")
    code, _, body = call(app, "/track/" + KNOWN)
    assert code == 500 and "secret" not in body and "Traceback" not in body and "Something went wrong" in body
    assert any("Traceback" in line and "secret detail" in line for line in logged)  # the operator sees it
    source.fail = StorageError("The database is locked.", "try again")
    code, headers, body = call(app, "/track/" + KNOWN)
    assert (code, headers["retry-after"]) == (503, "60") and "locked" not in body


def test_the_log_has_one_line_per_request_without_the_full_tracking_number(app, logged):
    call(app, "/track/" + KNOWN)
    call(app, "/track", query="number=" + KNOWN)
    call(app, "/evil\n2026-01-01 forged line")
    lines = [line for line in logged if not line.startswith("error")]
    assert len(lines) == 3 and all("\n" not in line for line in lines)
    assert not any(KNOWN in line or KNOWN.replace("-", "") in line or "J019" in line for line in lines)
    assert lines[0].split()[1:] == ["203.0.113.5", "GET", "/track/BR0H…", "200", "0ms"]
    assert "/track?number=…" in lines[1]
