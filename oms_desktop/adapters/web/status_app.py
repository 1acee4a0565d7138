"""The status page as a WSGI application: read-only, no cookies, no script, security headers on every answer.

Routes: ``GET /`` the look-up form; ``GET /track?number=...`` (what the form sends) redirects to the canonical
``/track/XXXX-XXXX-XXXX``; ``GET /track/<number>`` the order's timeline, as JSON with ``?format=json`` or
``Accept: application/json``. HEAD everywhere GET is; other methods 405; other paths 404. Every miss (malformed,
unknown, typo) answers 404 no sooner than ``miss_floor`` seconds after the request came in, so the time taken does
not tell one kind of miss from another (see docs/status_page.md).
"""
from __future__ import annotations

import json
import sys
import time
import traceback
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import Any, Protocol
from urllib.parse import parse_qs, quote

from ...domain import tracking
from ...domain.errors import StorageError
from ...services.status_page import NoSuchTracking, PublicStatusDTO, TrackingTypo
from . import status_html as html
from .ratelimit import TokenBuckets

CSP = (f"default-src 'none'; style-src '{html.STYLE_HASH}'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = [
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cache-Control", "no-store"),
    ("Vary", "Accept"),
]
HTML = "text/html; charset=utf-8"
JSON = "application/json; charset=utf-8"
STATUS_TEXT = {200: "200 OK", 303: "303 See Other", 404: "404 Not Found", 405: "405 Method Not Allowed",
               429: "429 Too Many Requests", 500: "500 Internal Server Error", 503: "503 Service Unavailable"}
MISS_FLOOR = 0.1
"""Seconds every miss takes at least: well above a miss's own database round trip (about a millisecond)."""


class StatusSource(Protocol):
    """What the app reads: ``services.status_page.StatusPageService``."""

    def shop_name(self) -> str: ...

    def public_status(self, text: str, *, with_items: bool = True) -> PublicStatusDTO: ...


class Response:
    def __init__(self, code: int, body: str | bytes = b"", content_type: str = HTML,
                 headers: list[tuple[str, str]] | None = None):
        self.code = code
        self.body = body.encode("utf-8") if isinstance(body, str) else body
        self.content_type = content_type
        self.headers = headers or []


class StatusPageApp:
    """The WSGI callable. ``log`` receives one line per request, with the tracking number shortened."""

    def __init__(self, source: StatusSource, *, public_url: str | None = None, with_items: bool = True,
                 limiter: TokenBuckets | None = None, miss_floor: float = MISS_FLOOR,
                 log: Callable[[str], None] | None = None, json_log: bool = False,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self.source = source
        self.public_url = public_url.rstrip("/") if public_url else None
        self.with_items = with_items
        self.limiter = limiter if limiter is not None else TokenBuckets()
        self.miss_floor = miss_floor
        self.log = log or (lambda line: None)
        self.json_log = json_log
        self._clock = clock
        self._sleep = sleep

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        started = self._clock()
        method = str(environ.get("REQUEST_METHOD", "GET")).upper()
        path = _path(environ)
        query = str(environ.get("QUERY_STRING", ""))
        client = str(environ.get("REMOTE_ADDR", "") or "?")
        try:
            resp = self._answer(environ, method, path, query, client, started)
        except Exception:  # noqa: BLE001 - the last line of defence: the client learns nothing, the log everything
            trace = "".join(traceback.format_exception(*sys.exc_info())).rstrip()
            self.log(json.dumps({"error": trace}) if self.json_log else "error: " + trace)
            resp = Response(500, html.message_page(self._shop(), "Something went wrong",
                                                   "The status page could not answer. Please try again later."))
        headers = [("Content-Type", resp.content_type), ("Content-Length", str(len(resp.body))),
                   *SECURITY_HEADERS, *resp.headers]
        start_response(STATUS_TEXT[resp.code], headers)
        entry = {"time": f"{datetime.now(timezone.utc):%Y-%m-%dT%H:%M:%SZ}", "client": _printable(client)[:45],
                 "method": _printable(method)[:8], "path": _loggable(path, query), "status": resp.code,
                 "ms": round((self._clock() - started) * 1000)}
        self.log(json.dumps(entry, ensure_ascii=False) if self.json_log else
                 "{time} {client} {method} {path} {status} {ms}ms".format(**entry))
        return [b""] if method == "HEAD" else [resp.body]

    # ---- routing -----------------------------------------------------------------------------------------

    def _answer(self, environ: dict[str, Any], method: str, path: str, query: str, client: str,
                started: float) -> Response:
        wait = self.limiter.take(client)
        if wait > 0:
            return Response(429, "Too many requests from your address; please wait a little and try again.\n",
                            "text/plain; charset=utf-8", [("Retry-After", TokenBuckets.retry_after(wait))])
        if path == "/" or path == "/track" or (path.startswith("/track/") and "/" not in path[7:] and path[7:]):
            if method not in ("GET", "HEAD"):
                return Response(405, "Only GET and HEAD are allowed here.\n", "text/plain; charset=utf-8",
                                [("Allow", "GET, HEAD")])
        else:
            return Response(404, html.message_page(self._shop(), "Page not found",
                                                   "There is no such page here.", _root(path)))
        params = parse_qs(query, keep_blank_values=True, max_num_fields=10)
        as_json = _wants_json(environ, params)
        if path == "/":
            return Response(200, html.index_page(self._shop()))
        if path == "/track":
            typed = (params.get("number") or [""])[0]
            if not typed.strip():
                return Response(303, headers=[("Location", self._url(""))])
            try:
                number = tracking.parse_tracking(typed)
            except tracking.TrackingNumberError:
                return self._lookup(typed, as_json, path, started)  # a miss: answered here, nothing to redirect to
            return Response(303, headers=[("Location", self._url("track/" + quote(number))
                                           + ("?format=json" if as_json else ""))])
        return self._lookup(path[len("/track/"):], as_json, path, started)

    def _lookup(self, typed: str, as_json: bool, path: str, started: float) -> Response:
        root = _root(path)
        try:
            status = self.source.public_status(typed, with_items=self.with_items)
        except (NoSuchTracking, TrackingTypo) as miss:
            typo = isinstance(miss, TrackingTypo)
            text = html.TYPO_TEXT if typo else html.NOT_FOUND_TEXT
            remaining = self.miss_floor - (self._clock() - started)
            if remaining > 0:
                self._sleep(remaining)
            if as_json:
                return Response(404, json.dumps({"error": "typo" if typo else "not_found", "message": text}), JSON)
            title = html.TYPO_TITLE if typo else html.NOT_FOUND_TITLE
            return Response(404, html.miss_page(self._shop(), title, text, root))
        except StorageError:
            return Response(503, html.message_page(self._shop(), "Please try again later",
                                                   "Order information is not available just now.", root),
                            headers=[("Retry-After", "60")])
        if as_json:
            doc = html.status_json(status, self._url("track/" + quote(status.tracking_number))
                                   if self.public_url else None)
            return Response(200, json.dumps(doc, ensure_ascii=False), JSON)
        return Response(200, html.status_page(status, root))

    # ---- helpers -----------------------------------------------------------------------------------------

    def _shop(self) -> str:
        try:
            return self.source.shop_name()
        except StorageError:
            return "Order status"

    def _url(self, relative: str) -> str:
        """A link to ``relative`` (from the site's root): absolute under the public URL, else relative to
        ``/track`` (never built from the request's Host header, which the client chooses)."""
        if self.public_url:
            return f"{self.public_url}/{relative}"
        return relative if relative.startswith("track/") else "./" + relative


def _path(environ: dict[str, Any]) -> str:
    raw = str(environ.get("PATH_INFO", "") or "/")
    try:  # WSGI hands the path over as latin-1 decoded bytes
        return raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return raw


def _root(path: str) -> str:
    """The way back to the site's root from ``path``, relative, so the app works under any proxy prefix."""
    return "../" * max(0, path.count("/") - 1)


def _wants_json(environ: dict[str, Any], params: dict[str, list[str]]) -> bool:
    if params.get("format", [""])[0].lower() == "json":
        return True
    accept = str(environ.get("HTTP_ACCEPT", "")).lower()
    return "application/json" in accept and "text/html" not in accept


def _loggable(path: str, query: str) -> str:
    """The path for the log: a tracking number shortened to its first four symbols, no query values, no control
    characters (a crafted path cannot forge log lines), at most 80 characters."""
    if path.startswith("/track/"):
        path = "/track/" + path[7:11] + ("…" if len(path) > 11 else "")
    if query:
        path += "?" + "&".join(sorted({part.split("=", 1)[0][:20] + "=…" for part in query.split("&") if part}))
    return _printable(path)[:80]


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() and ch != " " else "?" for ch in text)
