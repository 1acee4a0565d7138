"""The customers' status page over real storage: the service's public timeline on both backends, the WSGI app on
SQLite (nothing personal leaks, misses look alike), and ``oms status-page`` in a subprocess read by headless
Chromium."""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from wsgiref.util import setup_testing_defaults

import pytest

from oms_desktop.adapters.security import fast_test_hasher
from oms_desktop.adapters.web.status_app import StatusPageApp
from oms_desktop.bootstrap import open_backend
from oms_desktop.services.status_page import NoSuchTracking, TrackingTypo
from tests.helpers.fixtures import SAMPLE_CATALOG
from tests.helpers.status_page import CARRIER_TEMPLATE, build_status_shop, mistyped, unknown_number


@pytest.fixture
def shop(services, admin, catalog, customer, backend):
    services.company.update(admin, company_name="Acme Lamps GmbH")
    return build_status_shop(backend, admin, customer)


def test_the_public_timeline_of_a_shipped_cancelled_and_placed_order(services, shop):
    """On SQLite and PostgreSQL: the query behind the status page."""
    shipped = services.status_page.public_status(shop.shipped.lower().replace("-", " "))
    assert shipped.tracking_number == shop.shipped and shipped.status == "shipped"
    assert shipped.shop_name == "Acme Lamps GmbH"
    assert [s.step for s in shipped.steps] == ["received", "confirmed", "picking", "packed", "shipped", "backorder"]
    ship = shipped.steps[4]
    assert (ship.carrier, ship.reference) == ("DHL", "JD0146 0000/3821")
    assert ship.url == CARRIER_TEMPLATE.replace("{ref}", "JD0146%200000%2F3821")
    assert [(i.name, i.quantity) for i in shipped.items] == [("Desk lamp", 2), ("LED bulb E27", 3)]
    assert shipped.part_to_follow and [(i.name, i.quantity) for i in shipped.to_follow] == [("Desk lamp", 1)]
    assert [(i.name, i.quantity) for i in shipped.steps[5].items] == [("Desk lamp", 1)]
    assert all(a.at <= b.at for a, b in zip(shipped.steps, shipped.steps[1:]))

    cancelled = services.status_page.public_status(shop.cancelled)
    assert [s.step for s in cancelled.steps] == ["received", "confirmed", "cancelled", "refunded"]
    placed = services.status_page.public_status(shop.confirmed, with_items=False)
    assert ([s.step for s in placed.steps], placed.items) == (["received", "confirmed"], ())

    with pytest.raises(TrackingTypo):
        services.status_page.public_status(mistyped(shop.shipped))
    for miss in (unknown_number(1), "SO-000001", "1", "", "x" * 100):
        with pytest.raises(NoSuchTracking) as e:
            services.status_page.public_status(miss)
        assert str(e.value) == "No order has this tracking number."


PUBLIC_STATUS_STATEMENTS = 8
"""A hit: the order's id by tracking number, the order, its history, shipments, backorders, refunds, the settings
(carrier templates) and its lines, however many shipments and backorders it has."""


def test_a_hit_takes_a_fixed_number_of_statements_and_a_miss_one_or_none(services, shop, backend):
    from sqlalchemy import event
    seen: list[str] = []

    def listener(conn, cursor, statement, parameters, context, executemany):
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")):
            seen.append(statement)

    def statements(text: str) -> int:
        seen.clear()
        event.listen(backend.engine, "before_cursor_execute", listener)
        try:
            services.status_page.public_status(text)
        except (NoSuchTracking, TrackingTypo):
            pass
        finally:
            event.remove(backend.engine, "before_cursor_execute", listener)
        return len(seen)

    services.status_page.shop_name()  # the company settings, read once per process
    assert statements(shop.shipped) == statements(shop.cancelled) == PUBLIC_STATUS_STATEMENTS
    assert statements(unknown_number(4)) == 1  # every well-formed miss: one indexed look-up, nothing more
    assert statements(mistyped(shop.shipped)) == statements("abc") == 0


def _call(app, path, query="", accept="text/html"):
    environ: dict = {}
    setup_testing_defaults(environ)
    environ.update(PATH_INFO=path, QUERY_STRING=query, HTTP_ACCEPT=accept)
    seen = {}
    body = b"".join(app(environ, lambda status, headers, exc_info=None: seen.update(status=status)))
    return int(seen["status"][:3]), body.decode()


@pytest.fixture
def sqlite_shop(sqlite_backend):
    s = sqlite_backend.services
    s.company.update(None, company_name="Acme Lamps GmbH")
    s.auth.add_user(None, "admin", "admin", "admin-pw", "Ada Admin")
    admin = s.auth.sign_in("admin", "admin-pw")
    s.catalog.import_catalog(admin, SAMPLE_CATALOG.encode())
    customer = s.customers.add_customer(admin, "Anna Schmidt", ["0171 555-0100"], "anna@example.com",
                                        "Hauptstr. 1\n10115 Berlin")
    return build_status_shop(sqlite_backend, admin, customer)


def test_the_page_shows_nothing_personal_nor_any_price(sqlite_backend, sqlite_shop):
    app = StatusPageApp(sqlite_backend.services.status_page)
    pages = []
    for number in (sqlite_shop.shipped, sqlite_shop.cancelled):
        for accept in ("text/html", "application/json"):
            code, body = _call(app, f"/track/{number}", accept=accept)
            assert code == 200
            pages.append(html.unescape(body))
    assert "Shipped with DHL" in pages[0] and "Refunded" in pages[2]
    assert json.loads(pages[1])["steps"][4]["reference"] == "JD0146 0000/3821"
    for page in pages:
        for private in ("Anna", "Schmidt", "0171", "555", "anna@example", "Hauptstr", "Berlin", "SO-0", "C0000",
                        "admin", "Ada", "wh_kim", "Kim", "Lager", "one on the shelf", "customer changed", "12.84",
                        "19.99", "3.49", "EUR", "€", "LAMP-01", "BULB-E27"):
            assert not re.search(rf"\b{re.escape(private)}", _without_style(page)), private


def _without_style(page: str) -> str:
    return re.sub(r"<style>.*?</style>", "", page, flags=re.S)


def test_every_kind_of_miss_takes_the_floor_on_a_real_database(sqlite_backend, sqlite_shop):
    app = StatusPageApp(sqlite_backend.services.status_page, miss_floor=0.05)
    took = {}
    for name, path in (("unknown", "/track/" + unknown_number(3)), ("malformed", "/track/ABC"),
                       ("typo", "/track/" + mistyped(sqlite_shop.shipped))):
        start = time.perf_counter()
        assert _call(app, path)[0] == 404
        took[name] = time.perf_counter() - start
    assert all(0.05 <= t < 0.5 for t in took.values()), took


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("chromium is missing (apt install chromium chromium-driver)")
        pytest.skip("chromium is missing (apt install chromium chromium-driver)")
    return found


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                  "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-default-apps", "--mute-audio",
                  "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider"]
"""Headless, and none of the start-up chores (updates, sync, translation) that cost a second on a busy machine."""


def _dump_doms(chromium: str, urls: list[str], tmp_path) -> list[str]:
    """Each URL's DOM after load, from headless Chromium; the instances run side by side."""
    procs = [subprocess.Popen([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / f'chromium{i}'}",
                               "--dump-dom", url],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
             for i, url in enumerate(urls)]
    return [p.communicate(timeout=60)[0].decode() for p in procs]


def _text(dom: str) -> str:
    body = re.sub(r"<(style|head)\b.*?</\1>", " ", dom, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.mark.slow  # about 4 s on an idle machine (oms starting, three Chromium starts side by side), 10 s when busy
def test_oms_status_page_serves_the_timeline_to_headless_chromium(tmp_path, paths):
    chromium = _chromium()
    db = f"sqlite:///{tmp_path / 'shop.db'}"
    backend = open_backend(db, paths=paths, hasher=fast_test_hasher())
    try:
        s = backend.services
        s.company.update(None, company_name="Acme Lamps GmbH")
        s.auth.add_user(None, "admin", "admin", "admin-pw")
        admin = s.auth.sign_in("admin", "admin-pw")
        s.catalog.import_catalog(admin, SAMPLE_CATALOG.encode())
        customer = s.customers.add_customer(admin, "Anna Schmidt", ["0171 555-0100"], "anna@example.com", "")
        shop = build_status_shop(backend, admin, customer)
    finally:
        backend.dispose()

    port = _free_port()
    env = {**os.environ, "OMS_HOME": str(tmp_path / "home")}
    env.pop("OMS_DATABASE_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "oms_desktop.cli", "--database", db, "status-page", "--bind",
                               f"127.0.0.1:{port}"], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        ready = server.stderr.readline()
        assert f"listening on http://127.0.0.1:{port}" in ready, ready + (server.stderr.read() if server.poll()
                                                                         is not None else "")
        base = f"http://127.0.0.1:{port}"
        real, typo, unknown_a = (_text(d) for d in _dump_doms(chromium, [
            f"{base}/track/{shop.shipped.lower()}", f"{base}/track/{mistyped(shop.shipped)}",
            f"{base}/track/{unknown_number(5)}"], tmp_path))
        try:  # a second unknown number, over plain HTTP: three Chromium starts are enough
            urllib.request.urlopen(f"{base}/track/{unknown_number(9)}", timeout=20)
            raise AssertionError("an unknown number was found")
        except urllib.error.HTTPError as e:
            assert e.code == 404
            unknown_b = _text(e.read().decode())
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            _, log = server.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    assert "Acme Lamps GmbH" in real and "Your order is on its way; part of it will follow" in real
    steps = ["Order received", "Order confirmed", "Being picked in our warehouse", "Packed", "Shipped with DHL",
             "Part of your order will follow"]
    assert [real.index(step) for step in steps] == sorted(real.index(step) for step in steps)
    assert "Parcel reference JD0146 0000/3821" in real and "Follow the parcel at DHL" in real
    assert "Anna" not in real and "€" not in real
    assert "probably a typo" in typo and "We found no order" not in typo
    assert "We found no order with this tracking number" in unknown_a
    assert unknown_a == unknown_b  # nothing in the answer tells one unknown number from another
    assert shop.shipped.replace("-", "") not in unknown_a and "Shipped" not in unknown_a
    assert server.returncode == 0, log
    assert "Status page stopped." in log
    lines = [line for line in log.splitlines() if "/track/" in line]
    assert len(lines) == 4 and all(" GET /track/" in line for line in lines)
    assert not any(n in log or n.lower() in log for n in (shop.shipped, shop.shipped.replace("-", "")))


@pytest.mark.parametrize("args, problem", [
    (["--bind", "localhost"], "is not HOST:PORT"),
    (["--bind", "127.0.0.1:99999"], "is not a port number"),
    (["--bind", "127.0.0.1:8080", "--public-url", "javascript:alert(1)"], "must be an http(s) address"),
    (["--bind", "127.0.0.1:8080", "--threads", "0"], "must be at least 1"),
])
def test_bad_command_lines_are_refused_with_exit_2(sqlite_url, capsys, monkeypatch, tmp_path, args, problem):
    from tests.helpers.cli import Oms
    monkeypatch.setenv("OMS_HOME", str(tmp_path / "home"))
    oms = Oms(sqlite_url, capsys, monkeypatch, tmp_path)
    assert oms("init", "--company", "Acme GmbH", "--currency", "EUR")[0] == 0
    code, out, err = oms("status-page", *args)
    assert code == 2 and problem in err, err


def test_a_port_in_use_is_refused_with_exit_2(sqlite_url, capsys, monkeypatch, tmp_path):
    from tests.helpers.cli import Oms
    monkeypatch.setenv("OMS_HOME", str(tmp_path / "home"))
    oms = Oms(sqlite_url, capsys, monkeypatch, tmp_path)
    assert oms("init", "--company", "Acme GmbH", "--currency", "EUR")[0] == 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        code, out, err = oms("status-page", "--bind", f"127.0.0.1:{taken.getsockname()[1]}")
    assert code == 2 and "Cannot listen on 127.0.0.1:" in err, err


def test_with_json_the_command_announces_itself_and_logs_as_json_lines(sqlite_url, capsys, monkeypatch, tmp_path):
    from oms_desktop.adapters.web import server
    from tests.helpers.cli import Oms
    monkeypatch.setenv("OMS_HOME", str(tmp_path / "home"))
    oms = Oms(sqlite_url, capsys, monkeypatch, tmp_path)
    assert oms("init", "--company", "Acme GmbH", "--currency", "EUR")[0] == 0
    served = []

    def fake_serve(app, host, port, *, threads, trusted_proxy, on_ready):  # one request, then as if Ctrl+C
        served.append((host, port, threads, trusted_proxy))
        on_ready(f"http://{host}:{port}")
        assert _call(app, "/track/" + unknown_number(2))[0] == 404

    monkeypatch.setattr(server, "serve", fake_serve)
    code, out, err = oms("--json", "status-page", "--bind", "[::1]:8099", "--trusted-proxy", "10.0.0.1",
                         "--public-url", "https://shop.example/orders/")
    assert code == 0, err
    assert served == [("::1", 8099, 4, "10.0.0.1")]
    assert [json.loads(line) for line in out.splitlines()] == [
        {"listening": "http://::1:8099", "public_url": "https://shop.example/orders", "shop": "Acme GmbH"},
        {"stopped": True}]
    entry = json.loads(err.strip())
    assert (entry["method"], entry["status"], entry["path"]) == ("GET", 404, "/track/" + unknown_number(2)[:4] + "…")
    assert entry["ms"] >= 100  # the miss waited its floor
