"""Serving a WSGI app on waitress until Ctrl+C or SIGTERM."""
from __future__ import annotations

import signal
import socket
import sys
from collections.abc import Callable
from typing import Any


def parse_bind(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:8080`` for IPv6) as (host, port); ValueError says what is wrong."""
    host, sep, port = text.strip().rpartition(":")
    if not sep or not host:
        raise ValueError(f"'{text}' is not HOST:PORT (for example 127.0.0.1:8080)")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"'{port}' in '{text}' is not a port number (1 to 65535)")
    return host, int(port)


def bind(host: str, port: int) -> socket.socket:
    """A TCP socket bound to (host, port), not yet listening; OSError when the address cannot be had."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                         flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, kind, proto)
    try:
        if sys.platform != "win32":  # restart at once after a stop (TIME_WAIT); on Windows it means port sharing
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except BaseException:
        sock.close()
        raise
    return sock


def serve(app: Callable[..., Any], host: str, port: int, *, threads: int = 4, trusted_proxy: str | None = None,
          on_ready: Callable[[str], None] | None = None) -> None:
    """Serve ``app`` until interrupted (SIGINT or SIGTERM); the requests in flight are then dropped.

    With ``trusted_proxy`` (the reverse proxy's address), waitress takes the client's address from that proxy's
    X-Forwarded-For (and scheme and host from X-Forwarded-Proto and -Host), so the rate limit counts clients, not
    the proxy; from anyone else those headers are removed.
    """
    from waitress.server import create_server  # type: ignore[import-untyped]  # no stubs in the lock

    proxy: dict[str, Any] = {}
    if trusted_proxy:
        proxy = {"trusted_proxy": trusted_proxy, "trusted_proxy_count": 1,
                 "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"},
                 "clear_untrusted_proxy_headers": True}
    sock = bind(host, port)  # here, so that a port in use leaves nothing of waitress half-built behind
    try:
        server: Any = create_server(app, sockets=[sock], threads=threads, ident="", **proxy)
    except BaseException:
        sock.close()
        raise

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        if on_ready:
            eff_host = server.effective_host
            on_ready(f"http://{'[' + eff_host + ']' if ':' in str(eff_host) else eff_host}:{server.effective_port}")
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.close()
