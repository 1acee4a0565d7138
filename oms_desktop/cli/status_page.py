"""``oms status-page``: the customers' read-only order status page, served on waitress until Ctrl+C or SIGTERM."""
from __future__ import annotations

import json
import sys
import threading
from urllib.parse import urlsplit

from ..domain.errors import ValidationFailed
from .common import positive_int


def register(sub, leaf) -> None:
    c = leaf(sub, "status-page", "serve the customers' order status page (read-only) until Ctrl+C")
    c.add_argument("--bind", required=True, metavar="HOST:PORT",
                   help="where to listen, e.g. 127.0.0.1:8080 behind a reverse proxy with TLS")
    c.add_argument("--public-url", metavar="URL",
                   help="the address customers use (https://shop.example/orders); redirects point there")
    c.add_argument("--trusted-proxy", metavar="ADDRESS",
                   help="the reverse proxy's address: client addresses are taken from its X-Forwarded-For")
    c.add_argument("--hide-items", action="store_true",
                   help="do not list the items' names and quantities (shops whose goods say too much)")
    c.add_argument("--threads", type=positive_int, default=4, metavar="N", help="worker threads (default 4)")
    c.set_defaults(func=cmd_status_page)


def _public_url(text: str | None) -> str | None:
    if not text:
        return None
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValidationFailed(f"--public-url '{text}' must be an http(s) address without a query, "
                               "e.g. https://shop.example/orders")
    return text.strip().rstrip("/")


def cmd_status_page(ctx) -> int:
    from ..adapters.web.server import parse_bind, serve
    from ..adapters.web.status_app import StatusPageApp

    a = ctx.args
    try:
        host, port = parse_bind(a.bind)
    except ValueError as e:
        raise ValidationFailed(f"--bind: {e}") from None
    public_url = _public_url(a.public_url)
    lock = threading.Lock()

    def log(line: str) -> None:
        with lock:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()

    service = ctx.services.status_page
    app = StatusPageApp(service, public_url=public_url, with_items=not a.hide_items, log=log, json_log=ctx.json)

    def ready(address: str) -> None:
        if ctx.json:  # one document on stdout once listening; the request log goes on as JSON lines on stderr
            print(json.dumps({"listening": address, "public_url": public_url, "shop": service.shop_name()},
                             ensure_ascii=False), flush=True)
            return
        log(f"Status page of {service.shop_name()} listening on {address}"
            + (f" (public address {public_url})" if public_url else "") + "; Ctrl+C stops it.")

    try:
        serve(app, host, port, threads=a.threads, trusted_proxy=a.trusted_proxy, on_ready=ready)
    except OSError as e:
        raise ValidationFailed(f"Cannot listen on {a.bind}: {e.strerror or e}.") from None
    if ctx.json:
        print(json.dumps({"stopped": True}), flush=True)
    else:
        log("Status page stopped.")
    return 0
