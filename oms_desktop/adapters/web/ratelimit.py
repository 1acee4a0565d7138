"""A token bucket per client address, in memory: bursts up to ``capacity``, then ``rate`` requests a second."""
from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable


def client_key(address: str) -> str:
    """The bucket of an address: itself for IPv4, its /64 network for IPv6 (one host usually holds a whole /64)."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return address.strip() or "?"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


class TokenBuckets:
    """Per-client token buckets. ``take(address)`` returns 0.0 when the request may go ahead, else the seconds
    until it may (for Retry-After). At most ``max_clients`` buckets are kept: the least recently seen goes first
    (a client forgotten this way starts again with a full bucket, as after a quiet spell)."""

    def __init__(self, capacity: float = 30, rate: float = 0.5, *, max_clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic):
        if capacity < 1 or rate <= 0:
            raise ValueError("a bucket holds at least one token and refills at a positive rate")
        self.capacity = float(capacity)
        self.rate = float(rate)
        self.max_clients = max_clients
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, at)
        self._lock = threading.Lock()

    def take(self, address: str) -> float:
        key = client_key(address)
        now = self._clock()
        with self._lock:
            tokens, at = self._buckets.pop(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - at) * self.rate)
            wait = 0.0
            if tokens >= 1:
                tokens -= 1
            else:
                wait = (1 - tokens) / self.rate
            self._buckets[key] = (tokens, now)
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
            return wait

    @staticmethod
    def retry_after(wait: float) -> str:
        """Whole seconds for the Retry-After header, never 0 (a client told 0 would come straight back)."""
        return str(max(1, math.ceil(wait)))
