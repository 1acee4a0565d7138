"""PostgreSQL LISTEN/NOTIFY: wake the event feed as soon as another workstation commits an event."""
from __future__ import annotations

from typing import Any

import psycopg
from sqlalchemy.engine import make_url


class PgEventWaiter:
    """``wait(timeout)`` returns when a NOTIFY on 'oms_events' arrives or the timeout passes."""

    def __init__(self, url: str):
        u = make_url(url)
        self._conninfo: dict[str, Any] = dict(host=u.host or "localhost", port=u.port or 5432, dbname=u.database,
                                              user=u.username, password=u.password)
        self._conn: psycopg.Connection | None = None

    def _connect(self) -> psycopg.Connection:
        if self._conn is None or self._conn.closed:
            self._conn = psycopg.connect(**{k: v for k, v in self._conninfo.items() if v is not None},
                                         autocommit=True)
            self._conn.execute("LISTEN oms_events")
        return self._conn

    def __call__(self, timeout: float) -> None:
        conn = self._connect()
        try:
            for _ in conn.notifies(timeout=timeout, stop_after=1):
                break
        except psycopg.OperationalError:
            self.close()
            raise

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
